"""The command palette (type, Enter runs) and the cheat sheet (every command, searchable)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit, QWidget

from reader.core.commands import CATEGORIES, Keymap, commands
from reader.core.fuzzy import DateTarget
from reader.core.library import Library
from reader.core.model import DocType, TranscriptId, TranscriptSummary
from reader.ui.actions import build_actions
from reader.ui.cheat_sheet import CheatSheet
from reader.ui.palette import CommandPalette, date_provider, transcript_provider


class Window(QMainWindow):
    def __init__(self, handled: set[str] | None = None, keymap: Keymap | None = None) -> None:
        super().__init__()
        self.ran: list[str] = []
        self.pane = QTextEdit(self)
        self.pane.setReadOnly(True)
        self.setCentralWidget(self.pane)
        ids = handled if handled is not None else {c.id for c in commands()}
        self.actions_by_id = build_actions(
            self, {i: (lambda *_, i=i: self.ran.append(i)) for i in ids}, keymap or Keymap()
        )
        self.resize(1000, 700)


@pytest.fixture
def window(qtbot):  # noqa: ANN201
    win = Window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def palette(qtbot, window: Window) -> CommandPalette:
    return CommandPalette(window.actions_by_id, Keymap(), window)


def titles(palette: CommandPalette) -> list[str]:
    return [item.title for item in palette.results()]


def type_text(qtbot, widget: QWidget, text: str) -> None:  # noqa: ANN001
    """Type like a keyboard would; QTest can only type ASCII, so Cyrillic goes as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, palette: CommandPalette, text: str) -> None:  # noqa: ANN001
    palette.popup()
    qtbot.waitUntil(palette.isVisible)
    type_text(qtbot, palette.input, text)


def test_typing_filters_and_enter_runs_the_best_match(qtbot, window: Window, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "zi")
    assert titles(palette)[0] == "Zoom in"
    assert "Quit" not in titles(palette)
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ran == ["view.zoom_in"])
    assert not palette.isVisible()


def test_arrow_keys_choose_another_match(qtbot, window: Window, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "next")
    second = titles(palette)[1]
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    assert palette.current() is not None and palette.current().title == second
    qtbot.keyClick(palette.input, Qt.Key.Key_Enter)
    expected = next(c.id for c in commands() if c.title == second)
    qtbot.waitUntil(lambda: window.ran == [expected])


def test_a_match_shows_its_keys(qtbot, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "find in archive")
    best = palette.results()[0]
    assert best.title == "Find in archive" and best.keys == ("Ctrl+F", "/") and best.kind == "Search"
    assert best.positions[:4] == (0, 1, 2, 3)


def test_escape_closes_without_running(qtbot, window: Window, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "quit")
    qtbot.keyClick(palette.input, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    qtbot.wait(20)
    assert window.ran == []


def test_nothing_matching_says_so_and_enter_does_nothing(qtbot, window: Window, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "qqqq")
    assert palette.results() == [] and palette.empty.isVisible()
    assert "qqqq" in palette.empty.text()
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert window.ran == [] and palette.isVisible()


def test_commands_the_window_cannot_run_are_not_offered(qtbot) -> None:
    win = Window(handled={"view.zoom_in"})
    qtbot.addWidget(win)
    win.show()
    palette = CommandPalette(win.actions_by_id, Keymap(), win)
    type_into(qtbot, palette, "zoom")
    assert titles(palette) == ["Zoom in"]


def test_the_last_command_run_comes_first_next_time(qtbot, window: Window, palette: CommandPalette) -> None:
    palette.popup()
    assert titles(palette)[0] == "Import files…"  # nothing typed, nothing run yet: menu order
    type_into(qtbot, palette, "full")
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ran == ["view.full_screen"])
    palette.popup()
    assert titles(palette)[0] == "Full screen"


def test_a_typed_date_goes_to_that_day(qtbot, window: Window, palette: CommandPalette) -> None:
    went: list[DateTarget] = []
    palette.add_provider(date_provider(went.append))
    type_into(qtbot, palette, "22.03.2021")
    assert titles(palette)[0] == "Go to 22 March 2021"
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: went == [DateTarget(dt.date(2021, 3, 22))])
    type_into(qtbot, palette, "март 2021")
    assert titles(palette)[0] == "Go to March 2021"


def test_a_transcript_opens_by_its_title(qtbot, window: Window, palette: CommandPalette, library: Library) -> None:
    opened: list[int] = []
    palette.add_provider(transcript_provider(library.summaries, opened.append))
    type_into(qtbot, palette, "лавров коммерсант")
    russian = next(s for s in library.summaries() if "Коммерсант" in s.title)
    assert palette.results()[0].title == russian.title
    assert palette.results()[0].detail == "2021-03-25 · RU"
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == [russian.id])
    type_into(qtbot, palette, "la")  # two letters would list half the archive: commands only
    assert all(item.kind != "Transcript" for item in palette.results())


def test_newest_transcript_first_and_new_imports_found_after_invalidate(qtbot, palette: CommandPalette) -> None:
    def summary(tid: int, title: str, day: dt.date) -> TranscriptSummary:
        return TranscriptSummary(TranscriptId(tid), title, "en", day, None, DocType.BRIEFING, ())

    rows = [summary(1, "Briefing by Maria Zakharova, 2019", dt.date(2019, 5, 1)),
            summary(2, "Briefing by Maria Zakharova, 2021", dt.date(2021, 5, 1))]  # fmt: skip
    provider = transcript_provider(lambda: rows, lambda _id: None)
    palette.add_provider(provider)
    type_into(qtbot, palette, "zakharova")
    assert [i.title for i in palette.results() if i.kind == "Transcript"] == [rows[1].title, rows[0].title]
    rows.append(summary(3, "Briefing by Maria Zakharova, 2024", dt.date(2024, 5, 1)))
    palette.refresh()
    assert len([i for i in palette.results() if i.kind == "Transcript"]) == 2  # titles are read once
    provider.invalidate()  # what the window does when the library changes
    palette.refresh()
    assert [i.title for i in palette.results() if i.kind == "Transcript"][0] == rows[2].title


def test_palette_fits_in_the_window_and_over_its_top(qtbot, window: Window, palette: CommandPalette) -> None:
    type_into(qtbot, palette, "zoom")
    frame = window.frameGeometry()
    popup = palette.geometry()
    assert frame.contains(popup.topLeft()) and popup.width() <= window.width()
    rows = len(palette.results())
    assert rows == 2 and palette.list.height() >= rows * palette.list.sizeHintForRow(0)  # none cut off


# -- the cheat sheet ---------------------------------------------------------------------------------


@pytest.fixture
def sheet(qtbot, window: Window) -> CheatSheet:
    dialog = CheatSheet(Keymap(), window.actions_by_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_cheat_sheet_lists_every_command_under_its_menu(sheet: CheatSheet) -> None:
    assert sheet.visible_ids() == [c.id for c in commands()]
    headings = [sheet.tree.topLevelItem(i).text(0) for i in range(sheet.tree.topLevelItemCount())]
    assert headings == list(CATEGORIES)
    first = sheet.tree.topLevelItem(0).child(0)
    assert first.text(0) == "Import files…" and first.data(1, Qt.ItemDataRole.UserRole + 1) == ["Ctrl+I"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zoom", ["view.zoom_in", "view.zoom_out"]),
        ("ctrl+g", ["search.next_hit"]),
        ("F1", ["help.cheat_sheet"]),
        ("delete", ["annotate.delete"]),
        ("back", ["file.backup", "go.back", "go.forward"]),  # "Back up…", and "Forward again after going back"
        ("question", ["go.previous_question", "go.next_question"]),
        ("colour 7", ["annotate.highlight_7"]),
    ],
)
def test_cheat_sheet_search_by_name_or_key(qtbot, sheet: CheatSheet, typed: str, expected: list[str]) -> None:
    qtbot.keyClicks(sheet.search, typed)
    assert sheet.visible_ids() == expected
    hidden = [sheet.tree.topLevelItem(i).text(0) for i in range(sheet.tree.topLevelItemCount())
              if sheet.tree.topLevelItem(i).isHidden()]  # fmt: skip
    assert len(hidden) >= len(CATEGORIES) - 2  # menus without a match are folded away


def test_cheat_sheet_says_when_nothing_matches(qtbot, sheet: CheatSheet) -> None:
    qtbot.keyClicks(sheet.search, "qqqq")
    assert sheet.visible_ids() == [] and sheet.empty.isVisible() and not sheet.tree.isVisible()
    sheet.search.clear()
    assert len(sheet.visible_ids()) == len(commands()) and sheet.tree.isVisible()


def test_cheat_sheet_shows_the_users_keys(qtbot, window: Window) -> None:
    keymap = Keymap()
    keymap.set_keys("file.export", ["Ctrl+Shift+E"])
    sheet = CheatSheet(keymap, window.actions_by_id, window)
    qtbot.addWidget(sheet)
    qtbot.keyClicks(sheet.search, "ctrl+shift+e")
    assert sheet.visible_ids() == ["file.export"]


def test_enter_in_the_cheat_sheet_runs_the_chosen_command(qtbot, window: Window, sheet: CheatSheet) -> None:
    qtbot.keyClicks(sheet.search, "zoom")
    qtbot.keyClick(sheet.search, Qt.Key.Key_Down)
    qtbot.keyClick(sheet.search, Qt.Key.Key_Return)
    assert window.ran == ["view.zoom_out"] and not sheet.isVisible()
