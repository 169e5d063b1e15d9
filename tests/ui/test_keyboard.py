"""The window by keys alone: a working stint on a real library, then the parts one at a time.

Every step presses keys (qtbot.keyClick on whatever has the focus, as a keyboard would) and asserts
what a user would see: the open transcript, the chosen day, where the focus is, the text size.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAccessible, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QTableView, QToolButton, QWidget

from reader.core.commands import Keymap, command
from reader.core.library import Library
from reader.ui import themes
from reader.ui.main_window import MainWindow
from reader.ui.navigation import History, focus_target, next_area, zoom_step
from reader.ui.transcript_view import READING_POINT_SIZE

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier

# The library of tests/ui/conftest.py, newest first: (day, language, title start)
LATEST_RU = (dt.date(2021, 4, 6), "ru", "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова инд")
STATEMENT_EN = (dt.date(2021, 4, 2), "en", "Statement by the Ministry of Foreign Affairs")
BRIEFING_EN = (dt.date(2021, 3, 31), "en", "Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
KOMMERSANT_RU = (dt.date(2021, 3, 25), "ru", "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова газ")
SEED_EN = (dt.date(2021, 3, 22), "en", "Foreign Minister Sergey Lavrov’s interview with Chinese media")


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings):  # noqa: ANN201
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def press(qtbot, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key pressed on the keyboard: it goes to whatever has the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, key, modifiers)


def type_text(qtbot, text: str) -> None:  # noqa: ANN001
    """Typing; QTest types only ASCII, so Cyrillic goes as key events carrying the text."""
    for char in text:
        target = QApplication.focusWidget()
        if char.isascii():
            qtbot.keyClick(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def back_to(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Offscreen there is no window manager to hand the activation back when a dialog or popup closes."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def focus_in(widget: QWidget) -> bool:
    now = focused()
    return now is not None and (now is widget or widget.isAncestorOf(now))


def open_is(window: MainWindow, expected: tuple[dt.date, str, str]) -> bool:
    """The reading pane shows this transcript, and the calendar and the list are on it."""
    day, language, title = expected
    transcript = window.view.transcript
    return (
        transcript is not None
        and transcript.title.startswith(title)
        and transcript.language == language
        and transcript.published_date == day
        and window.list.current_id() == window.current_id
        and window.sidebar.selected_day() == day
        and window.windowTitle().startswith(title)
    )


def area_index(window: MainWindow) -> int | None:
    areas = [a for a in window.focus_areas() if focus_target(a) is not None]
    return next((i for i, area in enumerate(areas) if focus_in(area)), None)


def f6_until(qtbot, window: MainWindow, target: QWidget, modifiers=Qt.KeyboardModifier.NoModifier) -> int:  # noqa: ANN001
    """Press F6 (or Shift+F6) until the focus is in `target`, each press landing in the next visible area
    (features add panels after the reading pane: the cycle goes through them). Returns the presses."""
    areas = [a for a in window.focus_areas() if focus_target(a) is not None]
    step = -1 if modifiers & SHIFT else 1
    for presses in range(1, len(areas) + 1):
        before = area_index(window)
        press(qtbot, Qt.Key.Key_F6, modifiers)
        expected = 0 if before is None and step > 0 else (len(areas) - 1 if before is None else before + step)
        assert area_index(window) == expected % len(areas)
        if focus_in(target):
            return presses
    raise AssertionError(f"F6 never reached {target.objectName()}")


def shown_ids(window: MainWindow) -> list[str]:
    return window.cheat_sheet.visible_ids() if window.cheat_sheet is not None else []


# -- a stint by keys alone ---------------------------------------------------------------------------


def test_a_working_stint_by_keys_only(qtbot, window: MainWindow, settings: QSettings) -> None:
    # The window opens on the latest transcript with the keyboard in its text.
    assert open_is(window, LATEST_RU)
    assert focus_in(window.view.text)

    # Days with transcripts: Ctrl+PgUp back a day, again, Ctrl+PgDown forward; the focus stays.
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert open_is(window, STATEMENT_EN)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert open_is(window, BRIEFING_EN)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert open_is(window, STATEMENT_EN)
    assert focus_in(window.view.text)

    # Alt+PgUp: the month before in the calendar, on its newest day with transcripts; nothing else opens.
    press(qtbot, Qt.Key.Key_PageUp, ALT)
    calendar = window.sidebar.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 3)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 31)
    assert window.sidebar.day_heading.text() == "31 March 2021 — 1 transcript"
    assert window.view.transcript is not None and window.view.transcript.published_date == dt.date(2021, 4, 2)

    # F6 from the text goes round (through any panels) to the calendar; arrows move the day, Enter
    # opens it and reads it.
    f6_until(qtbot, window, calendar)
    press(qtbot, Qt.Key.Key_Left)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 30)
    assert window.sidebar.day_heading.text() == "No transcripts on 30 March 2021"
    press(qtbot, Qt.Key.Key_Up)  # a week back: 23 March
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 25)
    press(qtbot, Qt.Key.Key_Return)
    assert open_is(window, KOMMERSANT_RU)
    assert focus_in(window.view.text)

    # Shift+F6 back to the transcript list; J and K open the next and previous rows, the focus stays.
    assert f6_until(qtbot, window, window.list, SHIFT) == 1
    press(qtbot, "j")
    assert open_is(window, SEED_EN)
    press(qtbot, "k")
    press(qtbot, "k")
    assert open_is(window, BRIEFING_EN)
    assert focus_in(window.list)
    # Down (the list's own key) moves too; Enter opens and puts the keyboard in the text.
    press(qtbot, Qt.Key.Key_Down)
    assert open_is(window, KOMMERSANT_RU)
    press(qtbot, Qt.Key.Key_Return)
    assert focus_in(window.view.text)

    # Alt+Left goes back through what was opened, Alt+Right forward again.
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert open_is(window, BRIEFING_EN)
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert open_is(window, KOMMERSANT_RU)
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert open_is(window, BRIEFING_EN)
    assert window.command_actions["go.forward"].isEnabled()

    # Alt+Home: the latest day.
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert open_is(window, LATEST_RU)
    assert not window.command_actions["go.forward"].isEnabled()  # a new visit drops what lay ahead

    # Ctrl+= and Ctrl+- change the text's size (remembered), Ctrl+0 puts it back.
    press(qtbot, Qt.Key.Key_Equal, CTRL)
    press(qtbot, Qt.Key.Key_Equal, CTRL)
    assert window.view.zoom == 1.25
    assert window.view.text.document().defaultFont().pointSizeF() == pytest.approx(READING_POINT_SIZE * 1.25)
    assert float(settings.value("view/zoom")) == 1.25
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    assert window.view.zoom == 1.1
    press(qtbot, Qt.Key.Key_0, CTRL)
    assert window.view.zoom == 1.0

    # F1: the cheat sheet, searchable at once; Esc closes it.
    press(qtbot, Qt.Key.Key_F1)
    sheet = window.cheat_sheet
    assert sheet is not None and sheet.isVisible()
    qtbot.waitUntil(lambda: focus_in(sheet.search))
    type_text(qtbot, "zoom")
    assert shown_ids(window) == ["view.zoom_in", "view.zoom_out"]
    press(qtbot, Qt.Key.Key_Escape)
    assert not sheet.isVisible()
    back_to(qtbot, window)

    # Ctrl+K: the palette; a date goes to that day and opens it.
    press(qtbot, Qt.Key.Key_K, CTRL)
    palette = window.command_palette
    assert palette is not None and palette.isVisible() and focus_in(palette.input)
    type_text(qtbot, "2021-03-31")
    assert palette.results()[0].title == "Go to 31 March 2021"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_is(window, BRIEFING_EN))
    assert not palette.isVisible()
    # …and a few words of a title open that transcript, the keyboard in its text.
    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # the palette's other key
    assert palette.isVisible()
    type_text(qtbot, "лавров газете")
    assert palette.results()[0].title.startswith(KOMMERSANT_RU[2])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_is(window, KOMMERSANT_RU))
    assert window.focusWidget() is window.view.text

    # -- Later steps of the stint go here, added by the engineers of each feature: toggle the
    # -- language (L), search (Ctrl+F) and jump to a hit (F3), highlight (H), add a note (N), export
    # -- (Ctrl+E). Each presses keys and asserts what the reader sees, like the steps above.


# -- rebinding ----------------------------------------------------------------------------------------


def open_keyboard_preferences(qtbot, window: MainWindow):  # noqa: ANN001, ANN201
    press(qtbot, Qt.Key.Key_Comma, CTRL)
    dialog = window.preferences
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.pages_list.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # General → Keyboard
    page = dialog.page("Keyboard")
    assert dialog.stack.currentWidget() is page
    return dialog, page


def test_rebinding_a_command_in_preferences(qtbot, window: MainWindow, settings: QSettings) -> None:
    dialog, page = open_keyboard_preferences(qtbot, window)
    press(qtbot, Qt.Key.Key_Tab)  # the page's filter field
    assert focus_in(page.search)
    type_text(qtbot, "next area")
    press(qtbot, Qt.Key.Key_Down)  # into the list, on the one match
    assert page.current_command() == command("view.focus_next")
    press(qtbot, Qt.Key.Key_K, ALT)  # Add key…: the next key pressed is recorded
    qtbot.waitUntil(lambda: focus_in(page.recorder))  # a mnemonic clicks the button after a short flash
    press(qtbot, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: page.keys("view.focus_next") == ("F6", "F7"))
    assert page.message.text() == "F7 added."
    assert window.command_actions["view.focus_next"].shortcuts() == [QKeySequence("F6")]  # not before OK
    press(qtbot, Qt.Key.Key_Return)  # OK
    assert not dialog.isVisible()
    action = window.command_actions["view.focus_next"]
    assert [k.toString() for k in action.shortcuts()] == ["F6", "F7"]
    assert action.toolTip() == "Next area (F6, F7)"
    stored = Path(settings.fileName()).parent / "shortcuts.json"  # beside the settings, apart from them
    assert json.loads(stored.read_text(encoding="utf-8"))["overrides"] == {"view.focus_next": ["F6", "F7"]}

    # The new key works in the window, and a new window reads it back.
    back_to(qtbot, window)
    window.list.setFocus()
    press(qtbot, Qt.Key.Key_F7)
    assert focus_in(window.view.text)  # the area after the list
    again = MainWindow(window.library, settings)
    qtbot.add_widget(again)
    assert again.keymap.keys_for("view.focus_next") == ("F6", "F7")


def test_a_key_in_use_is_refused_with_the_reason(qtbot, window: MainWindow) -> None:
    dialog, page = open_keyboard_preferences(qtbot, window)
    page.select_command("view.zoom_in")
    page.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # Add key…
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert page.message.text() == (
        "Not added: Ctrl+K is already used by “Command palette”. Choose another key, or remove it from that "
        "command first."
    )
    assert page.keys("view.zoom_in") == ("Ctrl+=", "Ctrl++")
    assert focus_in(page.add_button)  # ready to try another key
    # Clear frees a key for another command; Reset puts the default back.
    page.select_command("help.palette")
    page.clear_button.click()
    assert page.keys("help.palette") == ()
    page.select_command("view.zoom_in")
    page.add_key("Ctrl+K")
    assert page.keys("view.zoom_in") == ("Ctrl+=", "Ctrl++", "Ctrl+K")
    page.select_command("help.palette")
    page.reset_button.click()  # its Ctrl+K is taken now: refused, with the reason
    assert page.keys("help.palette") == ()
    assert page.message.text().startswith("Not reset: Ctrl+K is already used by “Zoom in”")
    page.reset_all_button.click()
    assert page.keymap.overrides == {}
    dialog.reject()
    assert window.keymap.overrides == {}  # Cancel saves nothing


def test_a_remaining_conflict_is_not_saved(qtbot, window: MainWindow) -> None:
    keymap = Keymap()
    dialog = window.show_preferences("Keyboard")
    page = dialog.page("Keyboard")
    page.keymap.set_keys("view.zoom_in", ["Ctrl+K"])  # as an older file might hold it
    assert not dialog.apply()
    assert page.message.text() == "Not saved: Ctrl+K is used by “Zoom in” and “Command palette”."
    assert window.keymap.bindings() == keymap.bindings()
    dialog.reject()


def test_theme_on_the_general_page(qtbot, window: MainWindow, settings: QSettings) -> None:
    dialog = window.show_preferences()
    page = dialog.page("General")
    assert page.chosen_theme() == window.theme
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    page.theme_choice.setFocus()
    press(qtbot, Qt.Key.Key_End)  # the last theme in the list…
    assert page.chosen_theme() == themes.THEMES[-1]
    page.choose_theme("dark")
    assert window.theme != "dark"  # only on OK or Apply
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    assert window.theme == "dark" and settings.value("view/theme") == "dark"
    assert window.command_actions["view.theme_dark"].isChecked()
    dialog.reject()


def test_a_feature_adds_its_own_preferences_page(qtbot, window: MainWindow) -> None:
    applied: list[str] = []

    class ExportPage(QWidget):
        def apply(self) -> bool:
            applied.append("export")
            return True

    window.add_preferences_page("Export", ExportPage)
    dialog = window.show_preferences("Export")
    assert isinstance(dialog.stack.currentWidget(), ExportPage)
    titles = [dialog.pages_list.item(i).text() for i in range(dialog.pages_list.count())]
    assert titles[:2] == ["General", "Keyboard"] and titles[-1] == "Export"  # features' pages between
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert applied == ["export"] and window.preferences is None


# -- text fields, areas, tooltips, accessibility -----------------------------------------------------------


def test_single_letter_keys_do_nothing_while_typing(qtbot, window: MainWindow) -> None:
    """A feature's panel with a text field (here a stand-in): F6 reaches it, and j/k type there."""
    dock = QDockWidget("Notes", window)
    field = QLineEdit(dock)
    field.setObjectName("notesField")
    dock.setWidget(field)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    qtbot.waitUntil(field.isVisible)
    before = window.current_id
    window.view.text.setFocus()
    f6_until(qtbot, window, field)  # after the reading pane: the panels
    type_text(qtbot, "jk[]")
    assert field.text() == "jk[]"
    assert window.current_id == before
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # a key with Ctrl still works from a text field
    assert window.current_id != before
    assert focus_in(field)
    assert f6_until(qtbot, window, window.sidebar.calendar) == 1  # the last panel: F6 wraps round


def test_f6_visits_every_area_and_skips_a_hidden_sidebar(qtbot, window: MainWindow) -> None:
    sidebar = window.sidebar
    order = [sidebar.calendar, sidebar.day_list, sidebar.archive, window.list, window.view.text]
    assert window.focus_areas()[:5] == order  # then the panels of later features
    window.view.text.setFocus()
    f6_until(qtbot, window, sidebar.calendar)
    for area in order[1:]:
        assert f6_until(qtbot, window, area) == 1
    assert f6_until(qtbot, window, window.list, SHIFT) == 1
    press(qtbot, Qt.Key.Key_F9)  # the sidebar goes, and F6 goes round without it
    assert not sidebar.isVisible()
    f6_until(qtbot, window, window.list)
    assert all(not focus_in(area) for area in order[:3])


def test_hiding_the_sidebar_with_the_focus_in_it_moves_the_focus(qtbot, window: MainWindow) -> None:
    window.sidebar.day_list.setFocus()
    press(qtbot, Qt.Key.Key_F9)
    assert focus_in(window.list)


def test_tab_reaches_every_area(qtbot, window: MainWindow) -> None:
    window.sidebar.calendar.setFocus()
    reached: list[QWidget] = []
    for _ in range(30):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(focused())
    areas = [window.sidebar.calendar, window.sidebar.day_list, window.sidebar.archive, window.list, window.view.text]
    for area in areas:
        assert any(w is not None and (w is area or area.isAncestorOf(w)) for w in reached), area.objectName()


def test_full_screen_and_back(qtbot, window: MainWindow) -> None:
    action = window.command_actions["view.full_screen"]
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert action.isChecked()
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not action.isChecked()


def test_next_day_at_the_end_says_so(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert open_is(window, LATEST_RU)
    assert window.statusBar().currentMessage() == "No later day has transcripts"


def test_month_without_transcripts_shows_its_first_day(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_PageDown, ALT)  # May 2021: nothing there
    assert window.sidebar.selected_day() == dt.date(2021, 5, 1)
    assert window.sidebar.day_heading.text() == "No transcripts on 1 May 2021"
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # and from there the day before with transcripts
    assert open_is(window, LATEST_RU)


def test_zoom_is_remembered_and_keeps_the_column(qtbot, window: MainWindow, settings: QSettings) -> None:
    margin = window.view.text.document().rootFrame().frameFormat().leftMargin()
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    assert window.view.zoom == 0.8
    assert window.view.text.document().rootFrame().frameFormat().leftMargin() > margin  # a narrower column
    headings = [  # a briefing's headings scale with the text
        b for b in _blocks(window.view.text.document()) if b.blockFormat().headingLevel()
    ]
    assert headings == [] or headings[0].charFormat().fontPointSize() == pytest.approx(READING_POINT_SIZE * 0.96)
    window.close()
    again = MainWindow(window.library, settings)
    qtbot.add_widget(again)
    assert again.view.zoom == 0.8
    assert again.view.text.document().defaultFont().pointSizeF() == pytest.approx(READING_POINT_SIZE * 0.8)


def _blocks(document) -> list:  # noqa: ANN001
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def test_toolbar_buttons_name_their_keys(window: MainWindow) -> None:
    buttons = {
        button.defaultAction().property("commandId"): button
        for button in window.toolbar.findChildren(QToolButton)
        if button.defaultAction() is not None
    }
    assert buttons["file.import_files"].toolTip() == "Import files (Ctrl+I)"
    assert buttons["go.back"].toolTip() == "Back (Alt+Left)"
    assert buttons["help.palette"].toolTip() == "Command palette (Ctrl+K, Ctrl+Shift+P)"
    for button in buttons.values():
        assert "(" in button.toolTip() or not command(button.defaultAction().property("commandId")).keys


def test_areas_have_names_for_screen_readers_and_the_text_is_exposed(window: MainWindow) -> None:
    for widget in (window.sidebar.calendar, window.sidebar.day_list, window.sidebar.archive, window.list):
        assert widget.accessibleName() and widget.accessibleDescription()
    pane = window.view.text
    assert pane.accessibleName() == "Transcript text"
    assert pane.accessibleDescription() == window.view.transcript.title
    interface = QAccessible.queryAccessibleInterface(pane)
    text = interface.textInterface()
    assert text is not None
    assert text.text(0, text.characterCount()) == window.view.transcript.text


def test_the_calendar_grid_takes_the_keys(window: MainWindow) -> None:
    grid = window.sidebar.calendar.findChild(QTableView)
    assert grid is not None and grid.focusPolicy() & Qt.FocusPolicy.TabFocus


# -- the parts alone -----------------------------------------------------------------------------------


def test_history_goes_back_and_forward_like_a_browser() -> None:
    history: History[int] = History(limit=3)
    assert history.back() is None and not history.can_go_back
    for item in (1, 2, 2, 3):
        history.visit(item)
    assert history.back() == 2 and history.back() == 1 and history.back() is None
    assert history.forward() == 2
    history.visit(5)  # drops 3, which lay ahead
    assert not history.can_go_forward and history.back() == 2
    history.visit(6)
    history.visit(7)
    assert len(history) == 3 and history.back() == 6 and history.back() == 2 and history.back() is None
    history.discard(6)
    assert history.current == 2 and history.forward() == 7


def test_zoom_steps() -> None:
    assert zoom_step(1.0, 1) == 1.1 and zoom_step(1.0, -1) == 0.9 and zoom_step(1.75, 0) == 1.0
    assert zoom_step(3.0, 1) == 3.0 and zoom_step(0.5, -1) == 0.5
    assert zoom_step(1.05, 1) == 1.1 and zoom_step(1.05, -1) == 1.0  # from a value between steps


def test_next_area_from_outside_every_area(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.add_widget(parent)
    first, second, outside = QLineEdit(parent), QLineEdit(parent), QLineEdit(parent)
    parent.show()
    assert next_area([first, second], outside, 1) is first
    assert next_area([first, second], outside, -1) is second
    assert next_area([first, second], second, 1) is first
    second.hide()
    assert next_area([first, second], first, 1) is first


def test_enter_in_the_days_list_reads_and_in_the_archive_shows_the_month(qtbot, window: MainWindow) -> None:
    window.sidebar.show_day(dt.date(2021, 3, 25))
    window.sidebar.day_list.setFocus()
    window.sidebar.day_list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Return)
    assert open_is(window, KOMMERSANT_RU)
    assert focus_in(window.view.text)
    archive, calendar = window.sidebar.archive, window.sidebar.calendar
    archive.setFocus()
    assert archive.currentItem().text(0) == "March (3)"  # the archive follows the calendar
    press(qtbot, Qt.Key.Key_Up)  # newest first: April is above
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 4)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 3)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 31)  # its newest day with transcripts


def test_icons_follow_the_theme(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.icons_loaded, timeout=5000)
    action = window.command_actions["go.latest"]
    before = action.icon().pixmap(16, 16).toImage()
    window.set_theme("dark" if window.colours.dark is False else "light")
    after = action.icon().pixmap(16, 16).toImage()
    assert before != after  # drawn again in the new text colour, so they stay visible
