"""A whole working stint in the real window, by keys alone (issue 7, "Done when").

A library of English/Russian pairs on several days; the window started as `run_window` starts it
(deferred panes, the isolated QSettings of tests/ui/conftest.py). Every step is a key pressed on
whatever has the keyboard (`QApplication.focusWidget()`), and after each one the test asserts what a
reader would see: the open transcript, the place in it, the search results, the caret on a hit, the
annotation and note in the library, the exported file.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from reader.core.importer import import_paths
from reader.core.library import Library
from reader.ui import places
from reader.ui.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow
from reader.ui.search_panel import showing_text
from reader.ui.transcript_hits import LAYER
from tests.bench.corpus import generate
from tests.conftest import FIXTURES, SEED

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
WAIT_MS = 15_000  # generous: the machine is shared, and workers (search, export) run on threads

VERSIONS = FIXTURES / "versions"
SEED_DAY = dt.date(2021, 3, 22)  # the sample interview, with its Russian version
LATEST_DAY = dt.date(2023, 3, 3)  # the press release pair
BETWEEN_DAY = dt.date(2021, 10, 12)  # the answers pair
QUERY = "санкция"  # any form: санкций, санкции …
NOTE = "Проверить: какие санкции имеются в виду"


# -- the library and the window ---------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Library]:
    """Five days of English/Russian pairs: the sample interview and its Russian version, three pairs of
    real mid.ru files, and generated pairs from 2012–2019."""
    folder = tmp_path / "transcripts"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for name in (
        "interview_2021-03-22_ru.txt",
        "answers_2017-05-14_en.txt",
        "answers_2017-05-14_ru.txt",
        "answers_2021-10-12_en.txt",
        "answers_2021-10-12_ru.txt",
        "press_release_2023-03-03_en.txt",
        "press_release_2023-03-03_ru.txt",
    ):
        shutil.copy(VERSIONS / name, folder / name)
    generate(folder / "generated", 8, seed=1)  # four more pairs
    library = Library.open(tmp_path / "library.sqlite")
    report = import_paths(library, [folder])
    assert not report.failed, report.failed
    assert library.count() == 16
    yield library
    library.close()


@pytest.fixture
def window(qtbot, archive: Library) -> Iterator[MainWindow]:  # noqa: ANN001
    """Started as run_window starts it: the frame first, the panes after its first paint."""
    win = MainWindow(archive, deferred=True)
    qtbot.add_widget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.panes_built and win.view.transcript is not None, timeout=WAIT_MS)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    win.close()  # stops the search worker before the library closes


# -- keys -------------------------------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:  # noqa: ANN001
    """A key pressed on the keyboard: it goes to whatever has the focus (asked again for each press)."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifiers)


def type_text(qtbot, text: str) -> None:  # noqa: ANN001
    """Typing into the focused widget; QTest types only ASCII, so Cyrillic goes as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focused(), QKeyEvent(kind, 0, NONE, char))


def arrows_to(qtbot, view: QAbstractItemView, row: int) -> None:  # noqa: ANN001
    """Down or Up in a focused list until `row` is the current one."""
    assert focus_in(view)
    now = view.currentIndex().row()
    press(qtbot, Qt.Key.Key_Down if row > now else Qt.Key.Key_Up, times=abs(row - now))
    assert view.currentIndex().row() == row


def focus_in(widget: QWidget) -> bool:
    now = QApplication.focusWidget()
    return now is not None and (now is widget or widget.isAncestorOf(now))


def tab_to(qtbot, widget: QWidget, most: int = 40) -> None:  # noqa: ANN001
    """Tab until `widget` has the keyboard (as a user looks where the focus frame is)."""
    for _ in range(most):
        if focus_in(widget):
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focus_in(widget), f"Tab never reached {widget.objectName()}"


# -- what the reader sees ---------------------------------------------------------------------------------


def transcript_id(library: Library, day: dt.date, language: str) -> int:
    return int(next(s.id for s in library.summaries() if s.published_date == day and s.language == language))


def reading(window: MainWindow, transcript: int) -> bool:
    """This transcript is in the pane, and the list, the calendar and the title are on it."""
    shown = window.view.transcript
    return (
        shown is not None
        and shown.id == transcript
        and window.current_id == transcript
        and window.list.current_id() == transcript
        and window.sidebar.selected_day() == shown.published_date
        and window.windowTitle().startswith(shown.title)
    )


def top_paragraph(window: MainWindow) -> int:
    return places.top_paragraph(window.view.text)[0]


def caret(window: MainWindow) -> int:
    return window.view.text.textCursor().position()


# -- the stint --------------------------------------------------------------------------------------------


def test_a_whole_working_stint_by_keys_only(qtbot, window: MainWindow, archive: Library, tmp_path: Path) -> None:
    library = archive
    seed_en = transcript_id(library, SEED_DAY, "en")
    seed_ru = transcript_id(library, SEED_DAY, "ru")
    assert library.versions(seed_en) == {"en": seed_en, "ru": seed_ru}
    search = window.search
    notes = window.annotations

    # 1. The app opens on the latest day's transcript, the keyboard in its text.
    assert window.view.transcript is not None and window.view.transcript.published_date == LATEST_DAY
    assert reading(window, window.current_id)
    assert focus_in(window.view.text)

    # 2. Ctrl+PgUp: back a day with transcripts, and another — the day of the sample interview.
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert window.sidebar.selected_day() == BETWEEN_DAY
    assert window.view.transcript.published_date == BETWEEN_DAY and reading(window, window.current_id)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert window.sidebar.selected_day() == SEED_DAY
    assert window.current_id in (seed_en, seed_ru) and reading(window, window.current_id)
    day_list = window.sidebar.day_list
    assert sorted(day_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(day_list.count())) == sorted(
        (seed_en, seed_ru)
    )
    assert focus_in(window.view.text)  # the focus stays where the reader is

    # 3. Shift+F6 back to the day's list; the arrows choose the English interview, Enter reads it.
    for _ in range(len(window.focus_areas())):
        if focus_in(day_list):
            break
        press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focus_in(day_list)
    english_row = next(
        row for row in range(day_list.count()) if day_list.item(row).data(Qt.ItemDataRole.UserRole) == seed_en
    )
    arrows_to(qtbot, day_list, english_row)  # each row reached opens (the list and title follow)
    assert reading(window, seed_en)
    press(qtbot, Qt.Key.Key_Return)
    assert reading(window, seed_en)
    assert window.view.transcript.language == "en"
    assert focus_in(window.view.text)
    assert window.reading.toggle.buttons["en"].isChecked() and window.reading.toggle.buttons["ru"].isEnabled()

    # 4. `]` moves down the interview turn by turn; L shows the Russian version with the counterpart of
    # the paragraph at the top at the top.
    press(qtbot, Qt.Key.Key_BracketRight, times=6)
    english = window.view.transcript
    english_top = top_paragraph(window)
    assert english_top >= 6
    press(qtbot, Qt.Key.Key_L)
    assert reading(window, seed_ru)
    russian = window.view.transcript
    assert russian.language == "ru" and window.windowTitle().startswith("Интервью")
    assert window.reading.toggle.buttons["ru"].isChecked()
    counterpart = window.reading.alignment(english, russian).counterpart(english_top)
    assert top_paragraph(window) == counterpart
    assert places.paragraph_block(window.view.text, counterpart).text() == russian.paragraphs[counterpart].shown_text
    assert focus_in(window.view.text)

    # 5. Ctrl+F: the search field; the words typed are searched after the pause, on the worker.
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focus_in(search.panel.field)
    type_text(qtbot, QUERY)
    assert search.panel.field.text() == QUERY
    expected = library.search(QUERY, limit=100)
    assert expected.total >= 3  # the Russian interview and generated Russian transcripts

    def results_of_the_query_shown() -> bool:  # not of a few letters typed before a pause
        page, request = search.page, search.request
        return (
            request is not None
            and request.query == QUERY
            and page is not None
            and page.generation == request.generation
            and search.panel.count_label.text() == showing_text(expected.total)
        )

    qtbot.waitUntil(results_of_the_query_shown, timeout=WAIT_MS)
    results = search.results
    rows = [row.id for row in results.results.rows]
    assert sorted(rows) == sorted(hit.id for hit in expected.hits)
    assert seed_ru in rows
    # the days with hits are marked in the calendar (counted after the results, on the worker)
    qtbot.waitUntil(lambda: SEED_DAY in search.calendar_marks.days, timeout=WAIT_MS)

    # 6. Down goes into the results; the arrows open each result they reach, with its hits marked.
    press(qtbot, Qt.Key.Key_Down)
    assert focus_in(results)
    other = 1 if rows.index(seed_ru) == 0 else 0

    arrows_to(qtbot, results, other)
    assert window.current_id == rows[other]
    other_spans = library.hit_spans(rows[other], QUERY)
    assert (
        other_spans
        and [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in window.view.text.layer(LAYER)] == other_spans
    )
    arrows_to(qtbot, results, rows.index(seed_ru))
    assert window.current_id == seed_ru
    # Enter reads the result: the keyboard in its text, the caret on its first hit.
    press(qtbot, Qt.Key.Key_Return)
    assert reading(window, seed_ru) and focus_in(window.view.text)
    spans = library.hit_spans(seed_ru, QUERY)
    assert len(spans) >= 2
    qtbot.waitUntil(lambda: search.hits.spans == spans, timeout=WAIT_MS)
    assert caret(window) == spans[0][0] and search.hits.current == 0

    # 7. F3: the next hit, the caret on it, and it painted as the current one.
    press(qtbot, Qt.Key.Key_F3)
    assert search.hits.current == 1
    start, end = spans[1]
    assert caret(window) == start
    hit_word = russian.text[start:end]
    assert hit_word.lower().startswith("санкц")
    assert window.view.text.cursorRect().intersects(window.view.text.viewport().rect())  # in view
    current_colour = QColor(search.colours.current)
    painted_current = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.view.text.layer(LAYER)
        if s.format.background().color() == current_colour
    ]
    assert painted_current == [spans[1]]
    assert window.statusBar().currentMessage() == f"Hit 2 of {len(spans)}"

    # 8. Shift+Right over the hit and the word after it, then H: a highlight, in the library at once.
    phrase = re.match(r"\w+\W+\w+", russian.text[start:])
    assert phrase is not None
    press(qtbot, Qt.Key.Key_Right, SHIFT, times=len(phrase.group()))
    assert window.view.text.textCursor().selectedText() == phrase.group()
    press(qtbot, Qt.Key.Key_H)
    [highlight] = library.annotations(seed_ru)
    assert (highlight.start, highlight.end, highlight.exact) == (start, start + len(phrase.group()), phrase.group())
    assert highlight.color == library.color_legend()[0].key and not highlight.note
    painted = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in window.view.text.layer("")]
    assert (highlight.start, highlight.end) in painted  # the annotations' layer, under the search hits
    assert window.statusBar().currentMessage().startswith("Highlighted as:")

    # 9. N: the note editor of that highlight, the keyboard in its note; what is typed is saved after a
    # pause, while the editor is still open. Esc closes it and gives the keyboard back to the text.
    press(qtbot, Qt.Key.Key_N)
    editor = notes.editor
    assert editor is not None and editor.isVisible() and editor.target.annotation == highlight
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor and focus_in(editor.note), timeout=WAIT_MS)
    type_text(qtbot, NOTE)
    assert editor.note.toPlainText() == NOTE
    qtbot.waitUntil(lambda: library.annotation(highlight.id).note == NOTE, timeout=WAIT_MS)
    assert editor.isVisible() and editor.status.text() == "Saved"
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: focus_in(window.view.text), timeout=WAIT_MS)
    assert search.active and search.panel.field.text() == QUERY  # Esc closed the editor only
    [noted] = library.annotations(seed_ru)
    assert (noted.id, noted.exact, noted.note) == (highlight.id, phrase.group(), NOTE)

    # 10. Ctrl+E: the export dialog, for the open transcript. Tab to the format; End and Home go through
    # the formats to Markdown (the file's extension follows); Tab to the file, type its path, Enter.
    press(qtbot, Qt.Key.Key_E, CTRL)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ExportDialog) and dialog is window.library_actions.export_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and focus_in(dialog), timeout=WAIT_MS)
    assert dialog.scope_kind() == "document"
    assert dialog.scope_buttons["search"].isEnabled()  # the search shown could be exported too
    qtbot.waitUntil(lambda: dialog.count_label.text() == "1 annotation from 1 transcript", timeout=WAIT_MS)
    tab_to(qtbot, dialog.format_box)
    press(qtbot, Qt.Key.Key_End)
    assert dialog.format_name() == "json" and dialog.path_edit.text().endswith(".json")
    press(qtbot, Qt.Key.Key_Home)
    assert dialog.format_name() == "markdown" and dialog.path_edit.text().endswith(".md")
    tab_to(qtbot, dialog.path_edit)
    target = tmp_path / "exports" / "sanctions.md"
    target.parent.mkdir()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, str(target))
    assert dialog.path_edit.text() == str(target)
    qtbot.waitUntil(lambda: dialog.count_label.text() == "1 annotation from 1 transcript", timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.library_actions.export_dialog is None, timeout=WAIT_MS)
    assert QApplication.activeModalWidget() is None
    assert target.is_file()
    written = target.read_text(encoding="utf-8")
    assert russian.title in written
    assert f"> {phrase.group()}" in written
    assert NOTE in written
    assert window.statusBar().currentMessage() == f"Exported 1 annotation to {target}"
