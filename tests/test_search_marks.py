"""The calendar's hit marks, the histogram and the pages newest first, whatever the order of the results.

A search remembers its matches (sorted by relevance or by date), and the calendar and the histogram read
them. These tests hold what they show to a plain tally of the search's own hits.
"""

import datetime as dt
from collections import Counter

import pytest

from reader.core import Library
from reader.core.importer import import_paths
from reader.core.search import SearchFilters
from tests.bench.corpus import generate
from tests.conftest import FIXTURES

SEARCHES = [
    ("sanctions", SearchFilters()),
    ("санкция", SearchFilters()),
    ('"Security Council"', SearchFilters(language="en")),
    ("Russia OR Россия", SearchFilters(date_from=dt.date(2015, 1, 1), date_to=dt.date(2019, 6, 30))),
    ("NATO -sanctions", SearchFilters()),
    ("", SearchFilters(language="ru")),  # no words: the filters alone
    ("security", SearchFilters(speaker="Lavrov")),  # checked in the speaker's own words
]
SEARCH_IDS = [f"{query or '(no words)'} {filters.as_dict()}" for query, filters in SEARCHES]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marks")
    files = generate(folder / "files", 240, seed=5)
    with Library.open(folder / "lib.sqlite") as lib:
        report = import_paths(lib, [*files, FIXTURES / "search"])
        assert not report.failed, report.failed
        yield lib


def hits_per_day(library: Library, query: str, filters: SearchFilters) -> Counter[dt.date]:
    return Counter(hit.date for hit in library.search(query, filters=filters, limit=None).hits if hit.date)


def in_month(counts: Counter[dt.date], year: int, month: int) -> dict[dt.date, int]:
    return {day: n for day, n in counts.items() if (day.year, day.month) == (year, month)}


@pytest.mark.parametrize(("query", "filters"), SEARCHES, ids=SEARCH_IDS)
def test_marks_after_results_by_relevance_equal_those_by_date(library, query, filters):
    expected = hits_per_day(library, query, filters)
    assert sum(expected.values()) >= 3  # the archive has something to mark
    months = sorted({(day.year, day.month) for day in expected} | {(2010, 5), (2016, 2), (2021, 3)})
    marks = {}
    # a connection of its own, as the window's search worker has: nothing remembered before the search
    for how in ("relevance", "date", "nothing remembered"):
        with Library.open(library.path) as worker:
            if how != "nothing remembered":
                worker.search(query, filters=filters, sort=how)
            marks[how] = {(y, m): worker.search_day_counts(query, y, m, filters=filters) for y, m in months}
    assert marks["relevance"] == marks["date"] == marks["nothing remembered"]
    assert marks["relevance"] == {(y, m): in_month(expected, y, m) for y, m in months}


@pytest.mark.parametrize(("query", "filters"), SEARCHES, ids=SEARCH_IDS)
def test_histogram_and_then_the_calendar_count_every_hit(library, query, filters):
    per_day = hits_per_day(library, query, filters)
    per_month = Counter[tuple[int, int]]()
    for day, n in per_day.items():
        per_month[day.year, day.month] += n
    for sort in ("relevance", "date"):
        with Library.open(library.path) as worker:
            worker.search(query, filters=filters, sort=sort)
            assert worker.search_month_counts(query, filters=filters) == dict(sorted(per_month.items()))
            # the window asks for every month's days after the histogram
            for year, month in per_month:
                assert worker.search_day_counts(query, year, month, filters=filters) == in_month(per_day, year, month)


@pytest.mark.parametrize("query", ['"nuclear power plant"', "Syria", "Russia OR Россия", ""])
def test_pages_newest_first_join_into_the_whole_list_by_date(library, query):
    summaries = {s.id: s for s in library.summaries()}

    def newest_first(transcript_id: int) -> tuple[object, ...]:
        s = summaries[transcript_id]  # as the list sorts: the undated last, an unknown time after known ones
        return (s.published_date is not None, s.published_date or dt.date.min, s.published_time is not None,
                s.published_time or dt.time.min, transcript_id)  # fmt: skip

    matching = [hit.id for hit in library.search(query, limit=None).hits]
    expected = sorted(matching, key=newest_first, reverse=True)
    assert len(expected) >= 2
    with Library.open(library.path) as worker:
        assert [hit.id for hit in worker.search(query, sort="date", limit=None).hits] == expected
        pages = [worker.search(query, sort="date", limit=7, offset=start).hits for start in range(0, len(expected), 7)]
        assert [hit.id for page in pages for hit in page] == expected
        assert worker.search(query, sort="date", limit=0).hits == ()
        assert worker.search(query, sort="date", limit=5, offset=len(expected)).hits == ()


def test_marks_follow_an_import_made_by_another_connection(tmp_path):
    files = generate(tmp_path / "files", 40, seed=7)
    with Library.open(tmp_path / "lib.sqlite") as lib, Library.open(tmp_path / "lib.sqlite") as worker:
        import_paths(lib, files[:30])
        assert worker.search("", sort="relevance").total == 30
        worker.search_month_counts("")  # remembered, and counted by day

        import_paths(lib, files[30:])  # ten more, with new, larger ids
        per_day = Counter(s.published_date for s in lib.summaries() if s.published_date)
        assert worker.search("").total == 40
        assert sum(worker.search_month_counts("").values()) == sum(per_day.values()) == 40
        for day in per_day:
            assert worker.search_day_counts("", day.year, day.month) == in_month(per_day, day.year, day.month)
