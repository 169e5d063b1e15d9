"""Search filtered by the user's annotations: annotated or not, a tag, a colour of the legend — with words
and without, counted and marked in the calendar like every other filter."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.search import QueryError, SearchFilters
from tests.conftest import FIXTURES, SEED

SEED_TITLE = "Foreign Minister Sergey Lavrov’s interview with Chinese media, Moscow, March 22, 2021"


@pytest.fixture
def library(tmp_path: Path):  # noqa: ANN201
    folder = tmp_path / "files"
    folder.mkdir()
    for source in (SEED, FIXTURES / "parse" / "interview_ru_utf8.txt"):
        shutil.copy(source, folder / source.name)
    library = Library.open(tmp_path / "library.sqlite")
    assert not import_paths(library, [folder]).failed
    yield library
    library.close()


def ids(library: Library) -> tuple[int, int]:
    english = next(s.id for s in library.summaries() if s.title == SEED_TITLE)
    russian = next(s.id for s in library.summaries() if s.language == "ru")
    return english, russian


def test_annotated_only_and_not_annotated(library: Library) -> None:
    english, russian = ids(library)
    assert library.search("", annotated=True).total == 0
    library.add_annotation(russian, 0, 10, color="red")
    assert [h.id for h in library.search("", annotated=True).hits] == [russian]
    assert [h.id for h in library.search("", annotated=False).hits] == [english]
    library.add_transcript_note(english, "read again")  # a note on the whole transcript counts too
    assert library.search("", annotated=True).total == 2


def test_a_tag_in_any_case_finds_the_transcripts_with_it(library: Library) -> None:
    english, russian = ids(library)
    library.add_annotation(english, 10, 19, tags=["Санкции"])
    library.add_annotation(russian, 0, 10, tags=["other"])
    assert [h.id for h in library.search("", tag="санкции").hits] == [english]
    assert [h.id for h in library.search("", tag=" САНКЦИИ ").hits] == [english]
    assert library.search("", tag="never used").total == 0


def test_a_colour_by_its_key_or_its_meaning(library: Library) -> None:
    english, russian = ids(library)
    library.add_annotation(english, 10, 19, color="yellow")
    library.add_annotation(russian, 0, 10, color="red")
    assert [h.id for h in library.search("", color="red").hits] == [russian]
    assert [h.id for h in library.search("", color="Contradiction").hits] == [russian]  # the legend's meaning
    assert [h.id for h in library.search("", color="yellow").hits] == [english]
    with pytest.raises(QueryError, match="not a colour of the legend"):
        library.search("", color="mauve")


def test_annotation_filters_combine_with_words_and_the_calendar(library: Library) -> None:
    english, russian = ids(library)
    library.add_annotation(english, 10, 19, color="green", tags=["china"])
    words = library.search("China")
    assert english in {h.id for h in words.hits}
    filtered = SearchFilters(annotated=True, tag="China", color="green")
    assert [h.id for h in library.search("China", filters=filtered).hits] == [english]
    assert library.search("Россия", filters=filtered).total == 0
    assert library.search_day_counts("China", 2021, 3, filters=filtered) == {dt.date(2021, 3, 22): 1}
    assert library.search_month_counts("China", filters=filtered) == {(2021, 3): 1}


def test_a_saved_search_keeps_its_annotation_filters(library: Library) -> None:
    english, _ = ids(library)
    library.add_annotation(english, 10, 19, color="blue", tags=["facts"])
    filters = SearchFilters(annotated=True, tag="facts", color="blue")
    library.save_search("My facts", "", filters)
    [saved] = library.saved_searches()
    assert saved.filters == filters
    assert [h.id for h in library.run_saved_search(saved).hits] == [english]
