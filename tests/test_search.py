"""Search across the archive: matching rules, filters, sorting, snippets, hit spans, saved searches, CLI.

Libraries are real SQLite files built by importing real files: the hand-written transcripts under
tests/fixtures/search/ (Russian and English, written to exercise each rule) and a generated corpus.
"""

import datetime as dt
import json
import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import run
from reader.core import Library
from reader.core.importer import import_paths
from reader.core.library import LibraryError
from reader.core.search import QueryError, SearchFilters, parse_query
from tests.conftest import FIXTURES

SEARCH_FIXTURES = FIXTURES / "search"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "lib.sqlite"
    with Library.open(path) as lib:
        report = import_paths(lib, [SEARCH_FIXTURES])
        assert not report.failed, report.failed
        yield lib


@pytest.fixture(scope="module")
def ids(library):
    """Fixture file stem → transcript id."""
    by_file = {library.transcript(s.id).source_file: s.id for s in library.summaries()}
    return {path.stem: by_file[str(path)] for path in SEARCH_FIXTURES.glob("*.txt")}


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory):
    from tests.bench.corpus import generate

    folder = tmp_path_factory.mktemp("corpus")
    files = generate(folder / "files", 160, seed=3)
    with Library.open(folder / "lib.sqlite") as lib:
        import_paths(lib, files)
        yield lib


def found(library, query, **filters):
    return {hit.id for hit in library.search(query, limit=None, **filters).hits}


def words_of(text):
    """A plain scan's idea of words: runs of letters and digits, lower case, ё read as е."""
    return re.findall(r"[^\W_]+", text.lower().replace("ё", "е"))


def phrase_occurrences(text, phrase):
    want, have = words_of(phrase), words_of(text)
    return sum(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


# -- word forms, case, ё ------------------------------------------------------------------------


def test_a_russian_word_finds_its_inflected_forms(library, ids):
    assert found(library, "санкция") == {ids["ru_interview_sanctions"], ids["ru_briefing_2021"]}
    text = library.transcript(ids["ru_interview_sanctions"]).text
    hits = {text[s:e] for s, e in library.hit_spans(ids["ru_interview_sanctions"], "санкция")}
    assert {"санкции", "санкций", "санкциями"} <= hits


def test_an_english_word_finds_its_inflected_forms(library, ids):
    assert found(library, "sanction") == {ids["en_interview_sanctions"], ids["en_briefing_2021"]}
    text = library.transcript(ids["en_interview_sanctions"]).text
    hits = {text[s:e] for s, e in library.hit_spans(ids["en_interview_sanctions"], "sanction")}
    assert {"sanctions", "sanctioned"} <= hits
    assert found(library, "cooperation") == {ids["en_remarks_2019"]}
    remarks = library.transcript(ids["en_remarks_2019"]).text
    forms = {remarks[s:e] for s, e in library.hit_spans(ids["en_remarks_2019"], "cooperate")}
    assert {"cooperation", "cooperate", "cooperated"} <= forms


def test_matching_ignores_case_in_both_scripts(library):
    assert found(library, "САНКЦИЯ") == found(library, "санкция")
    assert found(library, "SANCTIONS") == found(library, "sanctions")
    assert found(library, '"security COUNCIL"') == found(library, '"Security Council"')


def test_yo_and_ye_match_each_other(library, ids):
    # "ещё" is spelled with ё in the interview and the statement, "Еще" with е in the briefing.
    both = {ids["ru_interview_sanctions"], ids["ru_briefing_2021"], ids["ru_statement_2023"]}
    assert found(library, "ещё") == both
    assert found(library, "еще") == both
    both_positions = {ids["ru_interview_sanctions"], ids["ru_statement_2023"]}
    assert found(library, '"её позиция"') == found(library, '"ее позиция"') == both_positions
    text = library.transcript(ids["ru_statement_2023"]).text
    assert [text[s:e] for s, e in library.hit_spans(ids["ru_statement_2023"], "еще")] == ["ещё"]


# -- phrases, prefixes, boolean -------------------------------------------------------------------


def test_a_quoted_word_matches_as_written(library, ids):
    assert found(library, '"санкция"') == {ids["ru_briefing_2021"]}
    assert found(library, '"sanctioned"') == {ids["en_interview_sanctions"]}


@pytest.mark.parametrize(
    "phrase",
    ["Совет Безопасности", "Security Council", "Sergey Lavrov", "United Nations", "Министр иностранных дел"],
)
def test_phrase_hits_equal_a_plain_text_scan(corpus_library, library, phrase):
    for lib in (corpus_library, library):
        texts = {s.id: lib.transcript(s.id) for s in lib.summaries()}
        expected = {i for i, t in texts.items() if phrase_occurrences(t.title + "\n" + t.text, phrase)}
        result = lib.search(f'"{phrase}"', limit=None)
        assert result.total == len(expected)
        assert {hit.id for hit in result.hits} == expected
        for i in expected:
            assert len(lib.hit_spans(i, f'"{phrase}"')) == phrase_occurrences(texts[i].text, phrase)


def test_russian_quotation_marks_make_a_phrase_too(library, ids):
    interview = ids["ru_interview_sanctions"]
    assert found(library, "«Совет Безопасности»") == found(library, '"Совет Безопасности"')
    assert library.hit_spans(interview, "«Совет Безопасности»") == library.hit_spans(interview, '"Совет Безопасности"')
    assert len(library.hit_spans(interview, "«Совет Безопасности»")) == 3  # not "Советом", a bare word's form


def test_a_phrase_does_not_take_other_word_forms(library, ids):
    assert found(library, '"Совет Безопасности"') == {ids["ru_interview_sanctions"], ids["ru_briefing_2021"]}
    text = library.transcript(ids["ru_interview_sanctions"]).text
    spans = library.hit_spans(ids["ru_interview_sanctions"], '"Совет Безопасности"')
    assert "Советом Безопасности" not in {text[s:e] for s, e in spans}
    assert len(spans) == 3  # twice "Совет Безопасности", once "Совет безопасности"


def test_prefix_search(library, ids):
    assert found(library, "санкц*") == {ids["ru_interview_sanctions"], ids["ru_briefing_2021"]}
    assert found(library, "sanct*") == {ids["en_interview_sanctions"], ids["en_briefing_2021"]}
    assert found(library, "coop*") == {ids["en_remarks_2019"]}


def test_boolean_operators_and_parentheses(library, ids):
    en_interview, en_briefing, remarks = ids["en_interview_sanctions"], ids["en_briefing_2021"], ids["en_remarks_2019"]
    assert found(library, "sanctions China") == {en_interview}
    assert found(library, "sanctions AND China") == {en_interview}
    assert found(library, "Iran OR China") == {en_interview, remarks}
    assert found(library, "sanctions NOT China") == {en_briefing}
    assert found(library, "sanctions -China") == {en_briefing}
    assert found(library, "(Iran OR journalists) AND Geneva") == {remarks}
    assert found(library, "Iran OR (sanctions -China)") == {remarks, en_briefing}
    # OR binds tighter than the implicit AND, as in web search
    assert found(library, "council Iran OR journalists") == {en_briefing}
    everything = {s.id for s in library.summaries()}
    assert found(library, "-sanctions") == everything - found(library, "sanctions")


@pytest.mark.parametrize(
    ("query", "same_as"),
    [
        ('"Security Council', '"Security Council"'),  # an unclosed quote runs to the end
        ("sanctions)", "sanctions"),  # a stray closing parenthesis is ignored
        ("(sanctions", "sanctions"),  # an unclosed one closes at the end
        ("((Iran OR China", "Iran OR China"),
        ("sanctions AND", "sanctions"),  # a dangling operator is dropped
        ("OR sanctions", "sanctions"),
        ("sanctions OR OR China", "sanctions OR China"),
        ("NEAR(Iran", "near Iran"),  # FTS5 syntax is not syntax here: NEAR is a word
        ("sanctions NOT", "sanctions"),
        ("sanct* *", "sanct*"),
        ("*sanctions", "sanctions"),
        ("sanctions: China!", "sanctions China"),
        ("{title}: Iran", "title Iran"),
        ("COVID-19", '"covid 19"'),
    ],
)
def test_malformed_queries_search_sensibly(library, query, same_as):
    assert library.search(query, limit=None).total == library.search(same_as, limit=None).total
    assert found(library, query) == found(library, same_as)


@pytest.mark.parametrize("query", ["AND", "OR", "NOT", "*", '"', '""', "()", "-", "NEAR(", "((", "AND OR NOT", "+"])
def test_queries_with_nothing_to_search_say_so(library, query):
    if query == "NEAR(":  # "near" is a word
        assert library.search(query).total >= 0
        return
    with pytest.raises(QueryError) as err:
        library.search(query)
    assert "nothing to search" in err.value.message


def test_a_one_letter_prefix_is_refused_in_plain_words(library):
    with pytest.raises(QueryError, match="at least 2 letters"):
        library.search("s*")
    assert library.search("sa*").total > 0


def test_an_exclusion_inside_or_is_explained(library):
    with pytest.raises(QueryError, match="exclude"):
        library.search("sanctions OR -China")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="ab sанкёЁ\"()*-:^{}+ANDORNTEA\\'", max_size=24))
def test_no_query_ever_reaches_sqlite_as_an_error(library, query):
    try:
        result = library.search(query, limit=3)
    except QueryError as err:
        assert err.message
    else:
        assert result.total >= len(result.hits)


def test_the_fts_expression_quotes_every_word():
    from reader.core.search import compile_query

    compiled = compile_query(parse_query('sanctions) NEAR( "a b" cd*'), {})
    assert compiled.match == '("sanctions" AND "near" AND "a b" AND "cd"*)'


# -- filters ----------------------------------------------------------------------------------------


def test_date_range_filter(library, ids):
    assert found(library, "sanctions", date_from=dt.date(2021, 6, 1)) == {ids["en_briefing_2021"]}
    assert found(library, "sanctions", date_to=dt.date(2021, 5, 31)) == {ids["en_interview_sanctions"]}
    assert found(library, "Lavrov", date_from=dt.date(2019, 11, 20), date_to=dt.date(2019, 11, 20)) == {
        ids["en_remarks_2019"]
    }


def test_language_filter(library, ids):
    assert found(library, '"Security Council" OR "Совет Безопасности"', language="ru") == {
        ids["ru_interview_sanctions"],
        ids["ru_briefing_2021"],
    }
    with pytest.raises(QueryError):
        library.search("x", language="de")


def test_doc_type_filter(library, ids):
    assert found(library, "sanctions", doc_type="briefing") == {ids["en_briefing_2021"]}
    assert found(library, "Iran", doc_type="remarks") == {ids["en_remarks_2019"]}  # the start of a type name
    with pytest.raises(QueryError, match="not a document type"):
        library.search("x", doc_type="poem")


def test_speaker_filter_matches_only_what_the_speaker_said(library, ids):
    # In the briefing, "санкция" stands in the opening remarks and "санкций" in the question, never in
    # Zakharova's answer.
    assert found(library, "санкция", speaker="Захарова") == set()
    assert found(library, "санкция", speaker="вопрос") == {ids["ru_interview_sanctions"], ids["ru_briefing_2021"]}
    assert found(library, "санкция", speaker="Лавров") == {ids["ru_interview_sanctions"]}
    assert found(library, "Lavrov", speaker="Lavrov") == set()  # the label is not his words
    assert found(library, "sanctions China", speaker="Sergey Lavrov") == {ids["en_interview_sanctions"]}
    # Without a text query: every transcript the speaker speaks in
    assert found(library, "", speaker="zakharova") == {ids["en_briefing_2021"]}
    assert found(library, "", speaker="ЗАХАРОВА") == {ids["ru_briefing_2021"]}
    result = library.search("санкция", speaker="Лавров")
    assert result.total == 1
    snippet = result.hits[0].snippet()
    assert all(snippet.text[s:e].lower().startswith("санкци") for s, e in snippet.spans)
    assert "Совет" in snippet.text or "санкц" in snippet.text
    text = library.transcript(ids["ru_briefing_2021"]).text
    question = [text[s:e] for s, e in library.hit_spans(ids["ru_briefing_2021"], "санкция", speaker="Вопрос")]
    assert question == ["санкций"]


def test_place_filter(library, ids):
    assert found(library, "cooperation", place="geneva") == {ids["en_remarks_2019"]}
    assert found(library, "sanctions", place="Geneva") == set()
    assert ("Geneva", 1) in library.places()


def test_filters_work_without_a_text_query(library, ids):
    result = library.search("", doc_type="briefing", date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 12, 31))
    assert result.total == 2
    assert {hit.id for hit in result.hits} == {ids["en_briefing_2021"], ids["ru_briefing_2021"]}
    assert library.search("").total == len(library.summaries())


def test_a_colour_not_in_the_legend_is_refused_with_the_legend(library):
    with pytest.raises(QueryError, match="not a colour of the legend; the colours are: yellow"):
        library.search("x", color="mauve")  # the annotation filters: tests/test_search_annotation_filters.py


# -- results ----------------------------------------------------------------------------------------


def test_total_is_exact_whatever_the_limit(library):
    result = library.search("Lavrov OR Лавров", limit=1)
    assert len(result.hits) == 1
    assert result.total == len(found(library, "Lavrov OR Лавров")) == 3  # "Лавров" finds "Лаврова" too
    page = library.search("Lavrov OR Лавров", limit=2, offset=2, sort="date")
    assert len(page.hits) == 1
    assert page.total == 3


def test_sort_by_date_newest_first(library):
    hits = library.search("Security OR Безопасности OR Lavrov", sort="date", limit=None).hits
    dates = [hit.date for hit in hits]
    assert dates == sorted(dates, reverse=True)
    assert len(hits) == 6


def test_relevance_puts_a_title_hit_first(library, ids):
    hits = library.search("Kommersant OR journalists", limit=None).hits
    assert hits[0].id == ids["en_interview_sanctions"]  # "Kommersant" is in its title


def test_hits_carry_what_the_list_shows_and_a_lazy_snippet(library, ids):
    [hit] = library.search('"Joint Comprehensive Plan"').hits
    assert (hit.id, hit.date, hit.language, hit.doc_type) == (
        ids["en_remarks_2019"],
        dt.date(2019, 11, 20),
        "en",
        "remarks and answers",
    )
    assert hit.title.startswith("Foreign Minister Sergey Lavrov’s remarks")
    snippet = hit.snippet()
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["Joint Comprehensive Plan"]
    assert snippet.marked("[", "]").count("[Joint Comprehensive Plan]") == 1
    assert "\n" not in snippet.text


def test_hit_spans_are_offsets_into_the_shown_text_in_order(library, ids):
    t = library.transcript(ids["en_interview_sanctions"])
    spans = library.hit_spans(t.id, "sanction OR council")
    assert spans == sorted(spans)
    assert [t.text[s:e].lower() for s, e in spans] == [
        "sanctions",
        "sanctions",
        "sanctions",
        "council",
        "council",
        "sanctioned",
        "council",
        "council",
    ]
    assert library.hit_spans(t.id, "-sanctions") == []  # an exclusion has nothing to highlight


def test_calendar_marks_and_month_histogram(library):
    assert library.search_day_counts("sanctions OR санкция", 2021, 3) == {dt.date(2021, 3, 15): 2}
    assert library.search_day_counts("sanctions OR санкция", 2021, 4) == {}
    assert library.search_day_counts("", 2021, 6, filters=SearchFilters(language="en")) == {dt.date(2021, 6, 10): 1}
    assert library.search_month_counts("Lavrov OR Лавров") == {(2019, 11): 1, (2021, 3): 2}
    assert library.search_month_counts("санкция", filters=SearchFilters(speaker="Лавров")) == {(2021, 3): 1}
    # the same marks whether the search's set of matches is remembered (results by date) or not
    with Library.open(library.path) as fresh:
        before = fresh.search_day_counts("Security OR Безопасности", 2021, 6)
        fresh.search("Security OR Безопасности", sort="date")
        assert fresh.search_day_counts("Security OR Безопасности", 2021, 6) == before == {dt.date(2021, 6, 10): 2}


# -- saved searches ---------------------------------------------------------------------------------


def test_saved_searches_are_kept_listed_rerun_and_deleted(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        import_paths(lib, [SEARCH_FIXTURES])
        lib.save_search("Sanctions 2021", "санкция OR sanctions", SearchFilters(date_from=dt.date(2021, 1, 1)))
        lib.save_search("Briefings", "", SearchFilters(doc_type="briefing"), sort="date")
        with pytest.raises(QueryError):
            lib.save_search("broken", "AND")
        with pytest.raises(QueryError):
            lib.save_search("  ", "x")
    with Library.open(path) as lib:
        saved = lib.saved_searches()
        assert [s.name for s in saved] == ["Briefings", "Sanctions 2021"]
        assert saved[1].filters.date_from == dt.date(2021, 1, 1)
        assert lib.run_saved_search("Sanctions 2021").total == 4
        assert lib.run_saved_search(saved[0]).total == 2
        lib.save_search("Sanctions 2021", "sanctions", SearchFilters(language="en"))  # same name: replaced
        assert lib.run_saved_search("Sanctions 2021").total == 2
        assert len(lib.saved_searches()) == 2
        lib.delete_saved_search("Briefings")
        assert [s.name for s in lib.saved_searches()] == ["Sanctions 2021"]
        with pytest.raises(LibraryError):
            lib.delete_saved_search("Briefings")


def test_a_newly_imported_word_form_is_found_at_once(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        import_paths(lib, [SEARCH_FIXTURES / "en_remarks_2019.txt"])
        assert lib.search("sanction").total == 0
        import_paths(lib, [SEARCH_FIXTURES / "en_interview_sanctions.txt"])
        assert lib.search("sanction").total == 1


def test_a_search_runs_on_a_second_connection_to_the_library(library):
    # the window's worker thread opens its own connection
    with Library.open(library.path, read_only=True) as other:
        assert other.search("санкция").total == library.search("санкция").total == 2


# -- command line -----------------------------------------------------------------------------------


def test_cli_search_json_contract(library, capsys):
    status = run(["--library", str(library.path), "search", "санкция", "--json", "--limit", "1"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert out["total"] == 2
    [hit] = out["hits"]
    assert set(hit) == {"id", "date", "title", "language", "snippet"}
    assert hit["language"] == "ru"
    assert "**санкци" in hit["snippet"]


def test_cli_search_filters_and_sort(library, capsys):
    status = run(
        ["--library", str(library.path), "search", '"Security Council"', "--from", "2021-01-01", "--to", "2021-12-31"]
        + ["--lang", "en", "--sort", "date", "--json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [h["date"] for h in out["hits"]] == ["2021-06-10", "2021-03-15"]
    run(["--library", str(library.path), "search", "", "--type", "briefing", "--speaker", "Zakharova", "--json"])
    assert json.loads(capsys.readouterr().out)["total"] == 1
    run(["--library", str(library.path), "search", "Iran", "--place", "Geneva", "--json"])
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_cli_query_error_exits_1_with_a_message(library, capsys):
    assert run(["--library", str(library.path), "search", "AND"]) == 1
    err = capsys.readouterr().err
    assert "nothing to search" in err
    assert "Traceback" not in err


def test_cli_bad_date_is_bad_usage(library, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(["--library", str(library.path), "search", "x", "--from", "2021-13-01"])
    assert exit_.value.code == 2


def test_search_table_is_created_by_its_migration(library):
    conn = sqlite3.connect(library.path)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    conn.close()
    assert "0003_search" in names


def test_quick_date_picks():
    from reader.core.search import quick_range

    today = dt.date(2024, 5, 10)
    assert quick_range("this month", today) == (dt.date(2024, 5, 1), today)
    assert quick_range("this year", today) == (dt.date(2024, 1, 1), today)
    assert quick_range("last 12 months", today) == (dt.date(2023, 6, 1), today)
    assert quick_range("last 12 months", dt.date(2024, 12, 31)) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_snippets_of_the_rows_on_screen_in_one_read(library):
    result = library.search("санкция OR sanctions", limit=None)
    together = result.snippets(result.hits)
    assert together == {hit.id: hit.snippet() for hit in result.hits}
    assert together == library.snippets([hit.id for hit in result.hits], result.matcher())


def test_a_hit_deep_in_a_long_transcript_gets_its_excerpt(tmp_path):
    filler = "\n\n".join(f"Sergey Lavrov: Paragraph {i} speaks of cooperation and trade." for i in range(200))
    page = (
        "1 April 202110:00\n\nInterview by Foreign Minister Sergey Lavrov, Moscow, April 1, 2021\n\n"
        f"  • en-GB1 ru-RU1\n\nQuestion: What about the Arctic?\n\n{filler}\n\n"
        "Sergey Lavrov: Svalbard stays open to all parties of the treaty.\n"
    )
    (tmp_path / "long.txt").write_text(page, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as lib:
        [outcome] = import_paths(lib, [tmp_path / "long.txt"]).outcomes
        text = lib.transcript(outcome.id).text
        assert text.index("Svalbard") > 8000
        [hit] = lib.search("Svalbard").hits
        snippet = hit.snippet()
        assert [snippet.text[s:e] for s, e in snippet.spans] == ["Svalbard"]
        assert snippet.text.startswith("…") and "Svalbard stays open" in snippet.text
