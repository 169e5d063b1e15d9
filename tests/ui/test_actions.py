"""Commands as QActions: keys that fire where they should and not while typing, menus, tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QTextEdit, QToolBar, QVBoxLayout, QWidget

from reader.core.commands import CATEGORIES, Keymap, command, commands
from reader.ui.actions import HAS_HANDLER, apply_keymap, build_actions, load_icons, populate_menus, populate_toolbar


class Window(QMainWindow):
    """A stand-in for the main window: a search field and a read-only reading pane."""

    def __init__(self, keymap: Keymap | None = None, handled: set[str] | None = None) -> None:
        super().__init__()
        self.ran: list[tuple[str, tuple]] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.search = QLineEdit(body)
        self.pane = QTextEdit(body)
        self.pane.setReadOnly(True)
        self.pane.setPlainText("Question: How do you see relations?\n\nSergey Lavrov: We are open to dialogue.")
        layout.addWidget(self.search)
        layout.addWidget(self.pane)
        self.setCentralWidget(body)
        ids = handled if handled is not None else {c.id for c in commands()}
        handlers = {i: (lambda *args, i=i: self.ran.append((i, args))) for i in ids}
        self.actions_by_id = build_actions(self, handlers, keymap)

    def ran_ids(self) -> list[str]:
        return [i for i, _ in self.ran]


@pytest.fixture
def window(qtbot):  # noqa: ANN201
    win = Window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def focus(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_single_keys_work_in_the_reading_pane(qtbot, window: Window) -> None:
    focus(qtbot, window.pane)
    for key in (Qt.Key.Key_L, Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight, Qt.Key.Key_H, Qt.Key.Key_3,
                Qt.Key.Key_J, Qt.Key.Key_Delete, Qt.Key.Key_Slash):  # fmt: skip
        qtbot.keyClick(window.pane, key)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ran_ids() == [
        "view.language", "go.previous_turn", "go.next_turn", "annotate.highlight", "annotate.highlight_3",
        "go.next_transcript", "annotate.delete", "search.find", "edit.undo",
    ]  # fmt: skip


def test_typing_in_a_text_field_types_and_runs_nothing(qtbot, window: Window) -> None:
    focus(qtbot, window.search)
    qtbot.keyClicks(window.search, "lj/h3[")
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.search, Qt.Key.Key_Home)
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    assert window.search.text() == "j/h3"
    qtbot.keyClick(window.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes the typing
    assert window.ran == []
    assert window.search.text() != "j/h3"


def test_window_keys_still_work_from_a_text_field(qtbot, window: Window) -> None:
    focus(qtbot, window.search)
    qtbot.keyClicks(window.search, "sanctions")
    qtbot.keyClick(window.search, Qt.Key.Key_F3)
    qtbot.keyClick(window.search, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.keyClick(window.search, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.ran_ids() == ["search.next_hit", "search.next_hit", "search.leave", "go.next_day", "go.back"]
    assert window.search.text() == "sanctions"


def test_a_reader_command_with_a_modifier_key_stays_out_of_text_fields(qtbot) -> None:
    """Qt alone would fire Alt+X in a line edit; the guard keeps a reader command's keys out of it,
    while a window command's Alt+Y still works there."""
    keymap = Keymap()
    keymap.set_keys("view.language", ["Alt+X"])
    keymap.set_keys("file.export", ["Alt+Y"])
    win = Window(keymap)
    qtbot.addWidget(win)
    win.show()
    focus(qtbot, win.search)
    qtbot.keyClick(win.search, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(win.search, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert win.ran_ids() == ["file.export"]
    focus(qtbot, win.pane)
    qtbot.keyClick(win.pane, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert win.ran_ids() == ["file.export", "view.language"]


def test_a_users_single_letter_key_never_fires_while_typing(qtbot) -> None:
    keymap = Keymap()
    keymap.set_keys("file.export", ["E"])  # a window command on a letter
    win = Window(keymap)
    qtbot.addWidget(win)
    win.show()
    focus(qtbot, win.search)
    qtbot.keyClicks(win.search, "sede")
    assert win.search.text() == "sede" and win.ran == []
    focus(qtbot, win.pane)
    qtbot.keyClick(win.pane, Qt.Key.Key_E)
    assert win.ran_ids() == ["file.export"]


def test_rebinding_moves_the_key(qtbot, window: Window) -> None:
    keymap = Keymap()
    keymap.set_keys("view.language", ["Ctrl+L"])
    apply_keymap(window.actions_by_id, keymap)
    focus(qtbot, window.pane)
    qtbot.keyClick(window.pane, Qt.Key.Key_L)
    assert window.ran == []
    qtbot.keyClick(window.pane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.ran_ids() == ["view.language"]
    assert window.actions_by_id["view.language"].toolTip() == "Switch language (Ctrl+L)"


def test_toggles_receive_their_state(qtbot, window: Window) -> None:
    focus(qtbot, window.pane)
    qtbot.keyClick(window.pane, Qt.Key.Key_F9)
    qtbot.keyClick(window.pane, Qt.Key.Key_F9)
    assert window.ran == [("view.sidebar", (True,)), ("view.sidebar", (False,))]
    window.actions_by_id["view.theme_dark"].trigger()
    window.actions_by_id["view.theme_light"].trigger()
    assert not window.actions_by_id["view.theme_dark"].isChecked()  # one theme at a time


def test_tooltips_name_every_key(window: Window) -> None:
    actions = window.actions_by_id
    assert actions["search.find"].toolTip() == "Find in archive (Ctrl+F, /)"
    assert actions["file.export"].toolTip() == "Export annotations (Ctrl+E)"
    assert actions["go.next_transcript"].toolTip() == "Next transcript (J; Down in a list)"
    assert actions["help.about"].toolTip() == "About Transcript Reader"
    assert actions["search.find"].statusTip() == command("search.find").description


def test_a_command_without_handler_is_shown_disabled(qtbot) -> None:
    win = Window(handled={"view.language"})
    qtbot.addWidget(win)
    assert win.actions_by_id["view.language"].isEnabled()
    assert not win.actions_by_id["file.export"].isEnabled()
    assert win.actions_by_id["file.export"].property(HAS_HANDLER) is False


def all_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += all_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_menus_hold_every_command_once_in_menu_order(window: Window) -> None:
    menus = populate_menus(window.menuBar(), window.actions_by_id)
    assert list(menus) == list(CATEGORIES)
    titles = [a.text() for a in window.menuBar().actions()]
    assert [t.replace("&", "") for t in titles] == list(CATEGORIES)
    placed = [a for menu in menus.values() for a in all_actions(menu)]
    assert sorted(a.property("commandId") for a in placed) == sorted(c.id for c in commands())
    theme = next(a.menu() for a in menus["View"].actions() if a.menu() and "Theme" in a.text().replace("&", ""))
    assert [a.text().replace("&", "") for a in theme.actions()] == ["System", "Light", "Dark", "Sepia"]
    for menu in [*menus.values(), theme]:  # every item of a menu has its own mnemonic letter
        letters = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
        assert len(letters) == len(set(letters)), menu.title()


def test_toolbar_follows_the_registry(window: Window) -> None:
    toolbar = QToolBar(window)
    populate_toolbar(toolbar, window.actions_by_id)
    ids = [a.property("commandId") for a in toolbar.actions()]
    assert ids[:3] == ["file.import_files", "view.sidebar", "go.back"] and "help.palette" in ids


def test_icons_load_on_demand(window: Window) -> None:
    missing = load_icons(window.actions_by_id)
    from reader.ui.icons import GLYPHS

    for c in commands():
        if c.icon in GLYPHS:
            assert not window.actions_by_id[c.id].icon().isNull(), c.id
    assert set(missing) == {c.icon for c in commands() if c.icon and c.icon not in GLYPHS}


def test_every_command_icon_is_known_to_icons_py() -> None:
    from reader.ui.icons import GLYPHS

    assert sorted({c.icon for c in commands() if c.icon} - set(GLYPHS)) == []
