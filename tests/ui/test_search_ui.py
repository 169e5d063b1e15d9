"""Searching in the window, as a user does it: typing in the search field, advanced settings, the results
with their snippets, the calendar's hit days and the histogram, hits in the open transcript with F3,
find in the transcript, saved searches, Esc — on a real library of generated mid.ru files."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import string
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.search import SearchFilters
from reader.ui.archive_search import ArchiveSearch
from reader.ui.dates import month_name
from reader.ui.hit_histogram import count_text
from reader.ui.main_window import MainWindow
from reader.ui.search_panel import showing_text
from reader.ui.search_style import DARK_HITS, LIGHT_HITS
from reader.ui.search_worker import SearchRequest, SearchRunner
from reader.ui.transcript_hits import LAYER
from tests.bench.corpus import generate
from tests.conftest import SEED

SEED_TITLE = "Foreign Minister Sergey Lavrov’s interview with Chinese media, Moscow, March 22, 2021"

# Every two-letter prefix in both scripts, ORed: about half a second of real work for the index on this
# library (no sleeping anywhere), long enough to watch the window while it runs.
SLOW_QUERY = " OR ".join(
    a + b + "*"
    for a, b in itertools.chain(
        itertools.product(string.ascii_lowercase, repeat=2), itertools.product("абвгдежзиклмнопрстуфхцчшщэюя", repeat=2)
    )
)


@pytest.fixture(scope="module")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated transcripts (30 English/Russian pairs, 2011–2025) and the sample interview."""
    folder = tmp_path_factory.mktemp("search-ui")
    generate(folder / "files", 60, seed=1)
    shutil.copy(SEED, folder / "files" / SEED.name)
    path = folder / "library.sqlite"
    with Library.open(path) as library:
        report = import_paths(library, [folder / "files"])
        assert not report.failed
    return path


@pytest.fixture
def library(built_library: Path, tmp_path: Path):  # noqa: ANN201 - overrides the ui conftest's
    path = tmp_path / "library.sqlite"
    shutil.copy(built_library, path)
    library = Library.open(path)
    yield library
    library.close()


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings) -> MainWindow:  # noqa: ANN001
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    return win


def search_of(window: MainWindow) -> ArchiveSearch:
    return window.search


def type_text(qtbot, widget: QWidget, text: str) -> None:  # noqa: ANN001
    """Key presses for each character (QTest types ASCII only: Cyrillic goes as key events with text)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_query(qtbot, window: MainWindow, text: str) -> None:  # noqa: ANN001
    field = search_of(window).panel.field
    qtbot.keyClick(window.view.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(field.hasFocus)
    type_text(qtbot, field, text)


def wait_for_results(qtbot, window: MainWindow, total: int) -> None:  # noqa: ANN001
    search = search_of(window)
    qtbot.waitUntil(lambda: search.panel.count_label.text() == showing_text(total), timeout=10000)


def wait_idle(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    search = search_of(window)
    qtbot.waitUntil(lambda: search.runner is not None and not search.runner.busy, timeout=10000)


def seed_id(library: Library) -> int:
    return next(s.id for s in library.summaries() if s.title == SEED_TITLE)


def shown_ids(window: MainWindow) -> list[int]:
    return [row.id for row in search_of(window).results.results.rows]


# -- typing --------------------------------------------------------------------------------------


def test_typing_shows_the_exact_count_after_the_pause(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions")
    assert search.panel.debounce.isActive() and search.generation == 0  # nothing asked while typing
    expected = library.search("sanctions", limit=None)
    wait_for_results(qtbot, window, expected.total)
    assert expected.total > 10
    assert search.panel.stack.currentWidget() is search.results  # the results took the list's place
    assert shown_ids(window) == [h.id for h in library.search("sanctions", limit=100).hits]


def test_a_russian_word_finds_its_forms_and_the_snippets_mark_them(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "санкция")
    expected = library.search("санкция")
    wait_for_results(qtbot, window, expected.total)
    model = search.results.results
    first = model.rows[:3]
    qtbot.waitUntil(lambda: all(model.snippet_of(row.id) is not None for row in first))
    marked = set()
    for row in first:
        snippet = model.snippet_of(row.id)
        assert snippet is not None and snippet.spans
        marked |= {snippet.text[s:e].lower() for s, e in snippet.spans}
    assert all(word.startswith("санкци") for word in marked)
    assert marked - {"санкция"}  # other forms, as written: санкции, санкций…


def test_snippets_are_asked_for_the_rows_on_screen_only(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "Russia")
    total = library.search("Russia").total
    wait_for_results(qtbot, window, total)
    model = search.results.results
    qtbot.waitUntil(lambda: model.snippet_of(model.rows[0].id) is not None)
    wait_idle(qtbot, window)
    on_screen = search.results.visible_rows()  # (the list was taller before the histogram came)
    assert len(model.rows) > 2 * on_screen
    have = [n for n, row in enumerate(model.rows) if model.snippet_of(row.id) is not None]
    assert have and max(have) < 2 * on_screen  # the rows far below the list's end were not read
    search.results.scrollToBottom()
    last = model.rows[-1].id
    qtbot.waitUntil(lambda: model.snippet_of(last) is not None)


def test_the_results_model_passes_the_model_tester(qtmodeltester, qtbot, window: MainWindow, library: Library) -> None:
    type_query(qtbot, window, "cooperation")
    wait_for_results(qtbot, window, library.search("cooperation").total)
    qtmodeltester.check(search_of(window).results.results)


@pytest.mark.parametrize("query", ["AND", '"', "*", "NOT", "-", "()", "OR OR"])
def test_a_query_with_nothing_to_search_says_so_in_plain_words(qtbot, window: MainWindow, query: str) -> None:
    search = search_of(window)
    type_query(qtbot, window, query)
    qtbot.waitUntil(search.panel.message.isVisible)
    message = search.panel.message.text()
    assert message.startswith("There is nothing to search for")
    assert QColor(search.panel.message.palette().color(search.panel.message.foregroundRole())) == QColor(
        LIGHT_HITS.error
    )
    assert search.panel.count_label.text() == "No results" and search.total == 0


@pytest.mark.parametrize("query", ['"unclosed phrase', "NEAR(Russia", "title:Russia", "sanctions AND", "((Iran"])
def test_odd_queries_search_sensibly_and_never_show_a_database_error(qtbot, window: MainWindow, query: str) -> None:
    search = search_of(window)
    type_query(qtbot, window, query)
    qtbot.waitUntil(lambda: search.panel.count_label.text().startswith("Showing"), timeout=10000)
    assert not search.panel.message.isVisible()
    for text in (search.panel.message.text(), search.panel.count_label.text()):
        assert "sqlite" not in text.lower() and "fts5" not in text.lower() and "Traceback" not in text


def test_a_word_alone_inside_or_with_not_is_explained(qtbot, window: MainWindow) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions OR -Iran")
    qtbot.waitUntil(search.panel.message.isVisible)
    assert "can only exclude" in search.panel.message.text()


# -- filters -------------------------------------------------------------------------------------


def test_filters_narrow_the_results(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    query = "security OR безопасность"
    type_query(qtbot, window, query)
    wait_for_results(qtbot, window, library.search(query).total)
    search.panel.advanced_button.click()
    box = search.panel.filter_box
    assert box.isVisible()
    box.language.setCurrentIndex(box.language.findData("en"))
    english = library.search(query, language="en").total
    wait_for_results(qtbot, window, english)
    assert 0 < english < library.search(query).total
    qtbot.keyClicks(box.date_from, "2019")
    qtbot.keyClicks(box.date_to, "2020")
    narrowed = library.search(query, language="en", date_from=dt.date(2019, 1, 1), date_to=dt.date(2020, 12, 31))
    wait_for_results(qtbot, window, narrowed.total)
    assert {row.id for row in search.results.results.rows} == {h.id for h in narrowed.hits}
    assert all(
        row.date and dt.date(2019, 1, 1) <= row.date <= dt.date(2020, 12, 31) for row in search.results.results.rows
    )


def test_filters_work_without_words(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    search.panel.advanced_button.click()
    box = search.panel.filter_box
    box.doc_type.setCurrentIndex(box.doc_type.findData("briefing"))
    briefings = library.search("", doc_type="briefing", limit=None)
    wait_for_results(qtbot, window, briefings.total)
    assert {row.doc_type for row in search.results.results.rows} == {"briefing"}
    dates = [row.date for row in search.results.results.rows]
    assert dates == sorted(dates, reverse=True)  # with no words: newest first


def test_the_speaker_filter_counts_only_their_words(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    search.panel.advanced_button.click()
    qtbot.keyClicks(search.panel.filter_box.speaker, "Zakharova")
    type_query(qtbot, window, "sanctions")
    wait_for_results(qtbot, window, library.search("sanctions", speaker="Zakharova").total)
    assert search.total < library.search("sanctions").total


def test_a_quick_pick_fills_the_dates(qtbot, window: MainWindow) -> None:
    box = search_of(window).panel.filter_box
    box.pick_range("this year", dt.date(2024, 5, 17))
    f = box.filters()
    assert (f.date_from, f.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 5, 17))
    box.quick_buttons["last 12 months"].click()
    f = box.filters()
    assert f.date_to == dt.date.today() and f.date_from is not None and f.date_from.day == 1


def test_a_date_that_cannot_be_read_is_named_not_guessed(qtbot, window: MainWindow) -> None:
    search = search_of(window)
    search.panel.advanced_button.click()
    box = search.panel.filter_box
    qtbot.keyClicks(box.date_from, "31.02.2021")
    assert box.filters().date_from is None
    assert box.problem.isVisible() and "is not a date" in box.problem.text()


# -- responsiveness ------------------------------------------------------------------------------


def test_the_window_stays_responsive_during_a_slow_query(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    ticks_while_busy = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: search.runner is not None and search.runner.busy and ticks_while_busy.append(1))
    timer.start()
    field = search.panel.field
    field.setFocus()
    field.setText(SLOW_QUERY)
    search.panel.flush()  # the search starts now
    qtbot.waitUntil(lambda: len(ticks_while_busy) >= 3, timeout=10000)
    assert search.runner is not None and search.runner.busy  # still searching, and the event loop turns
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " x")  # typing goes into the field at once
    assert field.text().endswith(" x")
    field.setText(SLOW_QUERY)
    search.panel.flush()
    wait_for_results(qtbot, window, library.search(SLOW_QUERY).total)
    timer.stop()
    assert len(ticks_while_busy) >= 3


def test_a_newer_query_supersedes_an_older_one(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    started = threading.Event()
    search._ensure_runner().before_task = lambda kind: kind == "search" and started.set()
    pages: list[tuple[int, int]] = []
    search.runner.page_ready.connect(lambda page: pages.append((page.generation, page.total)))
    search.panel.field.setText(SLOW_QUERY)
    search.panel.flush()
    slow_generation = search.generation
    assert started.wait(10)
    search.panel.field.setText("sanctions")  # while the slow one runs
    search.panel.flush()
    expected = library.search("sanctions").total
    wait_for_results(qtbot, window, expected)
    wait_idle(qtbot, window)
    assert slow_generation not in [g for g, _ in pages]  # stopped: it never came back
    assert shown_ids(window) == [h.id for h in library.search("sanctions", limit=100).hits]


# -- the calendar and the histogram ----------------------------------------------------------------


def test_the_calendar_marks_the_days_with_hits(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "NATO")
    wait_for_results(qtbot, window, library.search("NATO").total)
    qtbot.waitUntil(lambda: bool(search.calendar_marks.days))
    hit = max(search.calendar_marks.days)
    window.sidebar.calendar.setCurrentPage(hit.year, hit.month)
    fmt = window.sidebar.calendar.dateTextFormat(QDate(hit.year, hit.month, hit.day))
    assert fmt.background().color() == QColor(LIGHT_HITS.day)
    assert "with hits" in fmt.toolTip()
    expected_days = library.search_day_counts("NATO", hit.year, hit.month)
    marked = {d for d in search.calendar_marks.days if (d.year, d.month) == (hit.year, hit.month)}
    assert marked == set(expected_days)
    # a day with transcripts but without hits keeps its ordinary mark
    others = set(library.days_with_transcripts(hit.year, hit.month)) - marked
    for day in others:
        plain = window.sidebar.calendar.dateTextFormat(QDate(day.year, day.month, day.day))
        assert plain.background().color() != QColor(LIGHT_HITS.day)
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Escape)
    fmt = window.sidebar.calendar.dateTextFormat(QDate(hit.year, hit.month, hit.day))
    assert fmt.background().color() != QColor(LIGHT_HITS.day)


def test_the_histogram_counts_hits_per_month_and_a_bar_goes_to_its_month(
    qtbot, window: MainWindow, library: Library
) -> None:
    search = search_of(window)
    histogram = search.panel.histogram
    type_query(qtbot, window, "cooperation")
    wait_for_results(qtbot, window, library.search("cooperation").total)
    expected = library.search_month_counts("cooperation")
    qtbot.waitUntil(lambda: histogram.counts == expected)
    assert histogram.first_year == min(s.published_date.year for s in library.summaries() if s.published_date)
    month = min(expected)
    centre = histogram.bar_rect(month).center().toPoint()
    assert histogram.month_at(centre) == month
    assert histogram.tooltip_text(month).startswith(f"{month_name(month[1])} {month[0]}: {count_text(expected[month])}")
    qtbot.mouseClick(histogram, Qt.MouseButton.LeftButton, pos=centre)
    calendar = window.sidebar.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == month
    assert histogram.shown == month


# -- hits in the open transcript -------------------------------------------------------------------


def test_opening_a_result_marks_every_hit_and_f3_goes_between_them(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions")
    wait_for_results(qtbot, window, library.search("sanctions").total)
    first = search.results.results.rows[0].id
    search.results.setCurrentIndex(search.results.results.index(0))
    assert window.current_id == first
    spans = library.hit_spans(first, "sanctions")
    assert len(spans) >= 2
    pane = window.view.text
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.layer(LAYER)] == spans
    assert pane.textCursor().position() == spans[0][0]  # scrolled to the first hit
    assert pane.document().toPlainText()[spans[0][0] : spans[0][1]].lower().startswith("sanction")
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F3)
    assert pane.textCursor().position() == spans[1][0]
    qtbot.keyClick(pane, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert pane.textCursor().position() == spans[2 % len(spans)][0]
    qtbot.keyClick(pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().position() == spans[1][0]
    current = [s for s in pane.layer(LAYER) if s.format.background().color() == QColor(LIGHT_HITS.current)]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in current] == [spans[1]]


def test_hits_and_annotation_highlights_show_together(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    seed = seed_id(library)
    library.add_annotation(seed, 10, 19)  # "This year"
    window.open_transcript(seed)
    qtbot.waitUntil(lambda: len(window.view.text.extraSelections()) == 1)
    type_query(qtbot, window, "Russia")
    wait_for_results(qtbot, window, library.search("Russia").total)
    hits = library.hit_spans(seed, "Russia")
    qtbot.waitUntil(lambda: len(window.view.text.layer(LAYER)) == len(hits))
    ranges = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in window.view.text.extraSelections()]
    assert (10, 19) in ranges and set(hits) <= set(ranges)
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Escape)
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in window.view.text.extraSelections()] == [
        (10, 19)
    ]


def test_enter_on_a_result_reads_it(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "NATO")
    wait_for_results(qtbot, window, library.search("NATO").total)
    search.results.setFocus()
    qtbot.keyClick(search.results, Qt.Key.Key_Down)  # opens the next result; the focus stays in the list
    chosen = search.results.current_id()
    assert window.current_id == chosen and search.results.hasFocus()
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert window.current_id == chosen
    assert window.view.text.hasFocus()
    assert window.view.text.layer(LAYER)


def test_find_in_the_open_transcript_only(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    seed = seed_id(library)
    window.open_transcript(seed)
    window.view.text.setFocus()
    qtbot.keyClick(
        window.view.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    bar = search.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "China")
    expected = library.hit_spans(seed, "China")
    qtbot.waitUntil(lambda: search.hits.spans == expected)
    assert not search.active  # the archive is not searched
    assert window.view.text.textCursor().position() == expected[0][0]  # typing goes to the first hit
    assert bar.count.text() == f"1 of {len(expected)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.view.text.textCursor().position() == expected[1][0]
    assert bar.count.text() == f"2 of {len(expected)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {len(expected)}"
    bar.field.clear()
    qtbot.keyClicks(bar.field, "AND")
    qtbot.waitUntil(lambda: bar.count.text().startswith("There is nothing to search for"))
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view.text.layer(LAYER) == []


# -- saved searches --------------------------------------------------------------------------------


def test_a_saved_search_comes_back_with_its_filters(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    search.panel.advanced_button.click()
    box = search.panel.filter_box
    box.language.setCurrentIndex(box.language.findData("ru"))
    type_query(qtbot, window, "санкция")
    expected = library.search("санкция", language="ru").total
    wait_for_results(qtbot, window, expected)
    search.panel.saved_menu.aboutToShow.emit()
    save = next(a for a in search.panel.saved_menu.actions() if a.text() == "Save this search…")
    assert save.isEnabled()
    saved = search.save_search("Санкции по-русски")
    assert saved is not None
    assert [(s.name, s.query, s.filters) for s in library.saved_searches()] == [
        ("Санкции по-русски", "санкция", SearchFilters(language="ru"))
    ]
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Escape)
    assert not search.active and search.panel.field.text() == "" and box.filters().is_empty
    search.panel.saved_menu.aboutToShow.emit()
    rerun = next(a for a in search.panel.saved_menu.actions() if a.text() == "Санкции по-русски")
    rerun.trigger()
    wait_for_results(qtbot, window, expected)
    assert search.panel.field.text() == "санкция" and box.filters() == SearchFilters(language="ru")
    search.panel.saved_menu.aboutToShow.emit()
    delete_menu = next(a.menu() for a in search.panel.saved_menu.actions() if a.menu() is not None)
    next(a for a in delete_menu.actions() if a.text() == "Санкции по-русски").trigger()
    assert library.saved_searches() == []


def test_a_search_with_nothing_to_search_is_not_saved(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    search.panel.field.setText("AND")
    assert search.save_search("broken") is None
    assert search.panel.message.text().startswith("There is nothing to search for")
    assert library.saved_searches() == []


# -- leaving ---------------------------------------------------------------------------------------


def test_esc_clears_the_search_and_brings_the_list_back(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions")
    wait_for_results(qtbot, window, library.search("sanctions").total)
    search.results.setCurrentIndex(search.results.results.index(0))
    opened = window.current_id
    search.panel.field.setFocus()
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Escape)
    assert search.panel.field.text() == ""
    assert not search.active and search.panel.stack.currentWidget() is window.list
    assert window.view.text.layer(LAYER) == [] and not search.calendar_marks.days
    assert window.current_id == opened and window.list.current_id() == opened  # the list is on it
    assert QApplication.focusWidget() is window.view.text


def test_j_and_k_step_through_the_results_while_searching(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "NATO")
    wait_for_results(qtbot, window, library.search("NATO").total)
    window.view.text.setFocus()
    qtbot.keyClick(window.view.text, Qt.Key.Key_J)
    assert window.current_id == search.results.results.rows[0].id
    qtbot.keyClick(window.view.text, Qt.Key.Key_J)
    assert window.current_id == search.results.results.rows[1].id
    qtbot.keyClick(window.view.text, Qt.Key.Key_K)
    assert window.current_id == search.results.results.rows[0].id


def test_sorting_by_date_puts_the_newest_first(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions")
    wait_for_results(qtbot, window, library.search("sanctions").total)
    search.panel.sort.setCurrentIndex(search.panel.sort.findData("date"))
    by_date = [h.id for h in library.search("sanctions", sort="date", limit=100).hits]
    qtbot.waitUntil(lambda: shown_ids(window) == by_date)
    dates = [row.date for row in search.results.results.rows]
    assert dates == sorted(dates, reverse=True)


def test_down_in_the_field_goes_to_the_first_result(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "NATO")
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Return)  # at once, without the pause
    wait_for_results(qtbot, window, library.search("NATO").total)
    window.open_transcript(seed_id(library))  # not a result: nothing is current in the list
    search.results.select_id(None)
    qtbot.keyClick(search.panel.field, Qt.Key.Key_Down)
    assert search.results.hasFocus()
    assert window.current_id == search.results.results.rows[0].id


def test_a_search_without_matches_says_so(qtbot, window: MainWindow) -> None:
    search = search_of(window)
    type_query(qtbot, window, "Spitsbergen")
    wait_for_results(qtbot, window, 0)
    assert search.results.empty_text.startswith("No transcript matches")
    wait_idle(qtbot, window)
    assert not search.panel.histogram.isVisible() and not search.calendar_marks.days


def test_hits_take_the_dark_theme_colours(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    type_query(qtbot, window, "sanctions")
    wait_for_results(qtbot, window, library.search("sanctions").total)
    search.results.setCurrentIndex(search.results.results.index(0))
    window.set_theme("dark")
    pane = window.view.text
    qtbot.waitUntil(
        lambda: pane.layer(LAYER) and pane.layer(LAYER)[0].format.background().color() == QColor(DARK_HITS.current)
    )
    assert {s.format.background().color().name() for s in pane.layer(LAYER)[1:]} == {DARK_HITS.hit}
    assert search.panel.histogram.bar_colour == QColor(DARK_HITS.bar)


def test_the_speaker_and_place_fields_complete_from_the_library(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    search.panel.advanced_button.click()
    completer = search.panel.filter_box.speaker.completer()
    qtbot.waitUntil(lambda: "Maria Zakharova" in completer.model().stringList(), timeout=10000)
    places = search.panel.filter_box.place.completer().model().stringList()
    assert places[:2] == [name for name, _ in library.places()][:2]


def test_the_worker_starts_again_after_it_was_stopped(qtbot, library: Library) -> None:
    runner = SearchRunner(library.path)
    with qtbot.waitSignal(runner.page_ready, timeout=10000) as first:
        runner.submit(SearchRequest(1, "NATO"))
    assert first.args[0].total == library.search("NATO").total
    runner.close()
    with qtbot.waitSignal(runner.page_ready, timeout=10000) as again:
        runner.submit(SearchRequest(2, "sanctions"))
    assert again.args[0].total == library.search("sanctions").total
    runner.close()


def test_a_library_the_worker_cannot_open_is_said_plainly(qtbot, tmp_path: Path) -> None:
    runner = SearchRunner(tmp_path / "missing.sqlite", read_only=True)
    with qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        runner.submit(SearchRequest(1, "NATO"))
    assert failed.args[1].startswith("The library could not be opened for searching")
    runner.close()


def test_the_annotation_filters(qtbot, window: MainWindow, library: Library) -> None:
    search = search_of(window)
    seed = seed_id(library)
    other = next(s.id for s in library.summaries() if s.id != seed)
    library.add_annotation(seed, 10, 19, color="green", tags=["Китай"])
    library.add_annotation(other, 0, 10, color="red")
    search.panel.advanced_button.click()
    box = search.panel.filter_box
    qtbot.waitUntil(lambda: box.color.count() == 1 + len(library.color_legend()), timeout=10000)
    assert box.color.itemText(box.color.findData("green")) == "agreement or commitment (green)"
    box.annotated.setCurrentIndex(box.annotated.findData(True))
    wait_for_results(qtbot, window, 2)
    box.color.setCurrentIndex(box.color.findData("green"))
    wait_for_results(qtbot, window, 1)
    assert shown_ids(window) == [seed]
    box.color.setCurrentIndex(0)
    type_text(qtbot, box.tag, "китай")
    wait_for_results(qtbot, window, 1)
    assert shown_ids(window) == [seed]
    assert search.panel.filter_box.summary() == "annotated · #китай"
    box.annotated.setCurrentIndex(box.annotated.findData(False))
    wait_for_results(qtbot, window, 0)


def test_an_import_while_searching_updates_the_results(qtbot, window: MainWindow, library: Library) -> None:
    type_query(qtbot, window, "Zakharova")
    before = library.search("Zakharova").total
    wait_for_results(qtbot, window, before)
    briefing = Path(__file__).parent / "data" / "briefing-2021-03-31.txt"
    assert not import_paths(library, [briefing]).failed  # through the window's library: it hears of it
    after = library.search("Zakharova").total
    assert after == before + 1
    wait_for_results(qtbot, window, after)
