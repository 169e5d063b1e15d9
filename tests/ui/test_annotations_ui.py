"""Annotating in the window by keyboard: highlights in colours, notes saved as typed, tags, bookmarks,
delete, undo and redo, the panel, the library-wide view, orphans, and bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.core.importer import import_paths
from reader.core.library import MAX_NOTE_CHARS, Library
from reader.core.model import AnnotationKind
from reader.ui.actions import build_actions
from reader.ui.annotation_layer import annotation_marks, legend_color
from reader.ui.annotations import AnnotationsController
from reader.ui.themes import DARK, LIGHT
from reader.ui.transcript_view import TranscriptView
from tests.conftest import ROOT

SEED_TITLE_START = "Foreign Minister Sergey Lavrov"


class Window(QMainWindow):
    """The reading pane with the annotation handlers bound to the registry's keys, as the main window does."""

    def __init__(self, library: Library, settings: QSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.view = TranscriptView(self)
        self.setCentralWidget(self.view)
        self.annotations = AnnotationsController(library, self.view, window=self, settings=settings)
        self.annotations.message.connect(lambda text: self.statusBar().showMessage(text))
        self.command_actions = build_actions(self, self.annotations.handlers())
        self.resize(1100, 760)

    def open_transcript(self, transcript_id: int) -> None:
        self.view.show_transcript(self.library.transcript(transcript_id))

    @property
    def status(self) -> str:
        return self.statusBar().currentMessage()


def transcript_id(library: Library, title_start: str) -> int:
    return next(s.id for s in library.summaries() if s.title.startswith(title_start))


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings) -> Window:  # noqa: ANN001
    win = Window(library, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_transcript(transcript_id(library, SEED_TITLE_START))
    qtbot.waitUntil(lambda: win.annotations.layer.transcript is not None)
    focus(qtbot, win.view.text)
    return win


def focus(qtbot, widget) -> None:  # noqa: ANN001
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def press(qtbot, window: Window, key: Qt.Key, times: int = 1, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    for _ in range(times):
        qtbot.keyClick(window.view.text, key, modifiers)


def move_caret(qtbot, window: Window, to: int) -> None:  # noqa: ANN001
    """Home, then Right until the caret is at `to`: by keyboard, as a user would."""
    qtbot.keyClick(window.view.text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Right, to)
    assert window.view.text.textCursor().position() == to


def select(qtbot, window: Window, start: int, length: int) -> None:  # noqa: ANN001
    move_caret(qtbot, window, start)
    press(qtbot, window, Qt.Key.Key_Right, length, Qt.KeyboardModifier.ShiftModifier)


def settle(qtbot, window: Window) -> None:  # noqa: ANN001
    """After a change made through the library directly: the window re-reads it on the next loop turn."""
    layer = window.annotations.layer
    qtbot.waitUntil(lambda: layer.annotations == window.library.annotations(tid(window)))


def tid(window: Window) -> int:
    assert window.view.transcript is not None and window.view.transcript.id is not None
    return window.view.transcript.id


def selection_colours(window: Window) -> list[tuple[int, int, QColor]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color())
        for s in window.view.text.extraSelections()
    ]


# -- highlighting by keyboard ---------------------------------------------------------------------------


def test_shift_right_and_h_highlight_the_selection_in_the_current_colour(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)  # "This year"
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    [a] = window.library.annotations(tid(window))
    assert (a.start, a.end, a.exact) == (10, 19, "This year")
    legend = window.library.color_legend()
    assert a.color == legend[0].key
    assert selection_colours(window) == [(10, 19, QColor(legend[0].hex))]
    assert "claim" in window.status  # the colour's meaning is said


def test_ctrl_shift_right_selects_words_and_digits_pick_the_legend_colour(qtbot, window: Window) -> None:
    move_caret(qtbot, window, 10)
    press(qtbot, window, Qt.Key.Key_Right, 2, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view.text, Qt.Key.Key_3)
    [a] = window.library.annotations(tid(window))
    legend = window.library.color_legend()
    assert a.exact == "This year" and a.color == legend[2].key  # the trailing space is left out
    assert selection_colours(window) == [(a.start, a.end, QColor(legend[2].hex))]
    # the digit made colour 3 current: H now highlights in it
    select(qtbot, window, 30, 5)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    assert [x.color for x in window.library.annotations(tid(window))] == [legend[2].key, legend[2].key]


def test_a_digit_on_a_highlight_without_selection_recolours_it(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_1)
    move_caret(qtbot, window, 14)  # inside "This year"
    qtbot.keyClick(window.view.text, Qt.Key.Key_2)
    [a] = window.library.annotations(tid(window))
    assert a.color == window.library.color_legend()[1].key
    assert selection_colours(window)[0][2] == QColor(window.library.color_legend()[1].hex)


def test_p_selects_the_paragraph_and_again_the_next_one(qtbot, window: Window) -> None:
    spans = window.view.transcript.paragraph_offsets()
    move_caret(qtbot, window, spans[0][0] + 5)
    qtbot.keyClick(window.view.text, Qt.Key.Key_P)
    cursor = window.view.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == spans[0]
    qtbot.keyClick(window.view.text, Qt.Key.Key_P)
    cursor = window.view.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (spans[0][0], spans[1][1])
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    [a] = window.library.annotations(tid(window))
    assert (a.start, a.end) == (spans[0][0], spans[1][1])


def test_the_pane_text_stays_the_transcript_text_with_highlights(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    assert window.view.text.toPlainText() == window.view.transcript.text


def test_highlights_come_back_when_the_transcript_is_opened_again(qtbot, window: Window, library: Library) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    russian = next(s.id for s in library.summaries() if s.language == "ru")
    window.open_transcript(russian)
    qtbot.waitUntil(lambda: window.annotations.layer.transcript.id == russian)
    assert window.view.text.extraSelections() == []
    window.open_transcript(transcript_id(library, SEED_TITLE_START))
    qtbot.waitUntil(lambda: len(window.view.text.extraSelections()) == 1)


# -- notes and tags -------------------------------------------------------------------------------------


def test_n_opens_the_note_editor_which_saves_while_typing(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    qtbot.keyClick(window.view.text, Qt.Key.Key_N)
    editor = window.annotations.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "Twenty years of the treaty")
    [a] = window.library.annotations(tid(window))
    qtbot.waitUntil(lambda: window.library.annotation(a.id).note == "Twenty years of the treaty", timeout=3000)
    assert editor.isVisible()  # saved before the editor closed
    # a noted highlight looks different: underlined, with a note glyph in the margin
    [selection] = window.view.text.extraSelections()
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert [m.kind for m in window.annotations.layer.margin_marks()] == ["note"]
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_closing_the_editor_saves_what_the_delay_had_not(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    editor = window.annotations.edit_note()
    editor.note.insertPlainText("typed just before closing")
    editor.close()
    [a] = window.library.annotations(tid(window))
    assert a.note == "typed just before closing"


def test_single_letters_type_in_the_note_editor_and_run_nothing(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    qtbot.keyClick(window.view.text, Qt.Key.Key_N)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "hnbt1p")
    qtbot.keyClick(editor.note, Qt.Key.Key_Delete)
    editor.close()
    [a] = window.library.annotations(tid(window))
    assert a.note == "hnbt1p"
    assert window.library.bookmarks(tid(window)) == []


def test_n_without_selection_writes_a_paragraph_note(qtbot, window: Window) -> None:
    spans = window.view.transcript.paragraph_offsets()
    move_caret(qtbot, window, spans[1][0] + 3)
    qtbot.keyClick(window.view.text, Qt.Key.Key_N)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "Lavrov's answer")
    qtbot.waitUntil(lambda: len(window.library.annotations(tid(window))) == 1, timeout=3000)
    [a] = window.library.annotations(tid(window))
    assert a.kind is AnnotationKind.PARAGRAPH_NOTE and a.paragraph == 1 and a.note == "Lavrov's answer"
    assert "paragraph-note" in [m.kind for m in window.annotations.layer.margin_marks()]
    # emptying the note and closing removes the note: nothing empty is kept
    editor.note.clear()
    editor.close()
    assert window.library.annotations(tid(window)) == []


def test_shift_n_writes_a_note_on_the_transcript_shown_in_the_header(qtbot, window: Window) -> None:
    qtbot.keyClick(window.view.text, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "Read with the Chinese version")
    editor.close()
    [a] = window.library.annotations(tid(window))
    assert a.kind is AnnotationKind.TRANSCRIPT_NOTE
    strip = window.annotations.notes_strip
    assert strip.isVisible() and "Read with the Chinese version" in strip.text()


def test_t_edits_tags_with_completion_from_tags_used(qtbot, window: Window, library: Library) -> None:
    russian = next(s.id for s in library.summaries() if s.language == "ru")
    library.add_annotation(russian, 0, 6, tags=["sanctions", "India"])
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    qtbot.keyClick(window.view.text, Qt.Key.Key_T)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.tags.hasFocus)
    qtbot.keyClicks(editor.tags, "China, sanc")
    completer = editor.tags.completer()
    assert completer.currentCompletion() == "China, sanctions, "  # the last tag completed, the others kept
    editor.tags.setText("China, sanctions")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)
    a = library.annotations(tid(window))[0]
    assert a.tags == ("China", "sanctions")


def test_enter_on_a_highlight_opens_its_editor(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    move_caret(qtbot, window, 12)
    qtbot.keyClick(window.view.text, Qt.Key.Key_Return)
    editor = window.annotations.editor
    assert editor is not None and editor.isVisible() and editor.target.annotation.exact == "This year"


def test_the_caret_on_a_highlight_shows_its_note_in_the_status_bar(qtbot, window: Window, library: Library) -> None:
    library.add_annotation(tid(window), 10, 19, note="Twenty years")
    settle(qtbot, window)
    move_caret(qtbot, window, 40)
    move_caret(qtbot, window, 12)
    assert "Twenty years" in window.status
    point = window.view.text.cursorRect().center()
    assert "Twenty years" in window.annotations.layer.tooltip_at(point)


# -- bookmarks, delete, undo ----------------------------------------------------------------------------


def test_b_toggles_a_bookmark_on_the_caret_paragraph(qtbot, window: Window) -> None:
    spans = window.view.transcript.paragraph_offsets()
    move_caret(qtbot, window, spans[2][0] + 4)
    qtbot.keyClick(window.view.text, Qt.Key.Key_B)
    [b] = window.library.bookmarks(tid(window))
    assert b.paragraph == 2
    assert [m.kind for m in window.annotations.layer.margin_marks()] == ["bookmark"]
    qtbot.keyClick(window.view.text, Qt.Key.Key_B)
    assert window.library.bookmarks(tid(window)) == []
    qtbot.keyClick(window.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [x.id for x in window.library.bookmarks(tid(window))] == [b.id]


def test_delete_removes_the_annotation_under_the_caret_and_undo_brings_it_back(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    [a] = window.library.annotations(tid(window))
    window.library.update_annotation(a.id, note="keep me", tags=["China"])
    settle(qtbot, window)
    window.annotations.undo_stack.clear()
    select(qtbot, window, 40, 6)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    move_caret(qtbot, window, 15)
    qtbot.keyClick(window.view.text, Qt.Key.Key_Delete)
    assert [x.exact for x in window.library.annotations(tid(window))] != ["This year"]
    assert all(x.id != a.id for x in window.library.annotations(tid(window)))
    assert len(window.view.text.extraSelections()) == 1
    qtbot.keyClick(window.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = window.library.annotation(a.id)
    assert (back.note, back.tags, back.created, back.start, back.end) == ("keep me", ("China",), a.created, 10, 19)
    assert len(window.view.text.extraSelections()) == 2
    qtbot.keyClick(
        window.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert all(x.id != a.id for x in window.library.annotations(tid(window)))


def test_delete_where_there_is_no_annotation_says_so_and_changes_nothing(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    move_caret(qtbot, window, 60)
    qtbot.keyClick(window.view.text, Qt.Key.Key_Delete)
    assert len(window.library.annotations(tid(window))) == 1
    assert "no annotation under the caret" in window.status


def test_undo_and_redo_walk_every_change_back_and_forth(qtbot, window: Window) -> None:
    library = window.library
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)  # 1 add
    qtbot.keyClick(window.view.text, Qt.Key.Key_N)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "first")
    editor.save_note()
    qtbot.keyClicks(editor.note, " and more")
    editor.close()  # 2 the note: one change however often it was saved
    qtbot.waitUntil(window.view.text.hasFocus)
    qtbot.keyClick(window.view.text, Qt.Key.Key_2)  # 3 recolour
    qtbot.keyClick(window.view.text, Qt.Key.Key_B)  # 4 bookmark
    states = []

    def state() -> tuple:
        return (
            [(a.id, a.exact, a.color, a.note, a.tags) for a in library.annotations(tid(window))],
            [b.paragraph for b in library.bookmarks(tid(window))],
        )

    final = state()
    assert window.annotations.undo_stack.count() == 4
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    for _ in range(4):
        states.append(state())
        qtbot.keyClick(window.view.text, *undo)
    assert state() == ([], [])
    assert window.view.text.extraSelections() == []
    for expected in reversed(states):
        qtbot.keyClick(window.view.text, *redo)
        assert state() == expected
    assert state() == final
    assert final[0][0][3] == "first and more"


# -- panels ---------------------------------------------------------------------------------------------


def test_the_panel_lists_in_reading_order_and_goes_to_an_annotation(qtbot, window: Window, qtmodeltester) -> None:  # noqa: ANN001
    library = window.library
    t = tid(window)
    spans = window.view.transcript.paragraph_offsets()
    late = library.add_annotation(t, spans[2][0] + 10, spans[2][0] + 30, note="later in the text")
    early = library.add_annotation(t, 10, 19)
    library.toggle_bookmark(t, 1)
    library.add_transcript_note(t, "overall")
    settle(qtbot, window)
    qtbot.keyClick(
        window.view.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    panel = window.annotations.panel
    qtbot.waitUntil(panel.isVisible)
    model = panel.list.entry_model
    qtmodeltester.check(model)
    rows = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert rows == ["Note on the whole transcript", "This year", "Bookmark", " ".join(late.exact.split())]
    assert "later in the text" in model.data(model.index(3), Qt.ItemDataRole.ToolTipRole)
    focus(qtbot, panel.list)
    panel.list.setCurrentIndex(model.index(3))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.view.text.textCursor().position() == late.start
    panel.list.setCurrentIndex(model.index(1))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.view.text.textCursor().position() == early.start
    # Delete in the panel removes the annotation chosen there
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert all(a.id != early.id for a in library.annotations(t))
    # Ctrl+Alt+A hides it again
    qtbot.keyClick(panel.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert not panel.isVisible()


def test_the_panel_follows_changes_and_shows_the_legend(qtbot, window: Window) -> None:
    window.annotations.set_panel_visible(True)
    panel = window.annotations.panel
    assert panel.empty.isVisible()
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_4)
    entry = panel.list.entry_model.entries[0]
    legend = window.library.color_legend()
    assert entry.meaning == legend[3].meaning and entry.hex == legend[3].hex
    assert panel.current_meaning.text() == f"H highlights as: {legend[3].meaning}"
    panel.findChild(type(panel.legend_button), f"chip:{legend[1].key}").click()
    assert window.annotations.current_color() == legend[1].key


def test_the_library_view_filters_by_text_colour_tag_language_date_and_document(qtbot, window: Window) -> None:
    library = window.library
    en = tid(window)
    ru = next(s.id for s in library.summaries() if s.language == "ru")
    legend = library.color_legend()
    library.add_annotation(en, 10, 19, color=legend[0].key, note="treaty anniversary", tags=["China"])
    library.add_annotation(en, 40, 60, color=legend[1].key, tags=["sanctions"])
    library.add_annotation(ru, 0, 6, color=legend[1].key, note="индийский вопрос", tags=["India"])
    qtbot.keyClick(
        window.view.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    browser = window.annotations.browser
    assert browser is not None and browser.isVisible()
    assert len(browser.shown()) == 3
    qtbot.keyClicks(browser.text, "treaty")
    assert [a.note for a in browser.shown()] == ["treaty anniversary"]
    browser.text.clear()
    browser.color.setCurrentIndex(browser.color.findData(legend[1].key))
    assert {a.transcript_id for a in browser.shown()} == {en, ru}
    browser.language.setCurrentIndex(browser.language.findData("ru"))
    assert [a.note for a in browser.shown()] == ["индийский вопрос"]
    browser.language.setCurrentIndex(0)
    browser.tag.setCurrentIndex(browser.tag.findData("sanctions"))
    assert [a.tags for a in browser.shown()] == [("sanctions",)]
    browser.tag.setCurrentIndex(0)
    browser.color.setCurrentIndex(0)
    browser.document.setCurrentIndex(browser.document.findData(ru))
    assert [a.transcript_id for a in browser.shown()] == [ru]
    browser.document.setCurrentIndex(0)
    browser.use_from.setChecked(True)
    browser.date_from.setDate(browser.date_from.date().fromString("2021-04-01", "yyyy-MM-dd"))
    assert [a.transcript_id for a in browser.shown()] == [ru]  # 6 April 2021; the seed is 22 March
    browser.use_from.setChecked(False)
    # newest document first; by last change, the one changed last comes first
    assert [a.transcript_id for a in browser.shown()] == [ru, en, en]
    first = library.annotations(en)[0]
    library.update_annotation(first.id, note="changed last")
    settle(qtbot, window)
    browser.sort.setCurrentIndex(browser.sort.findData("modified"))
    assert browser.shown()[0].id == first.id
    # opening one goes to it
    browser.list.setCurrentIndex(browser.list.entry_model.index(2))
    target = browser.shown()[2]
    qtbot.keyClick(browser.list, Qt.Key.Key_Return)
    assert window.view.transcript.id == target.transcript_id
    assert window.view.text.textCursor().position() == target.start


def test_an_orphan_is_reattached_to_the_selection(qtbot, window: Window, library: Library, files: dict) -> None:  # noqa: ANN001
    t = tid(window)
    text = window.view.transcript.text
    quote = "It is rumoured that they have agreed"
    start = text.index(quote)
    kept = library.add_annotation(t, 10, 19)
    orphan = library.add_annotation(t, start, start + len(quote), note="was it agreed?")
    # a corrected version of the page changes the quoted sentence beyond recognition
    source = files["seed"]
    source.write_text(
        source.read_text(encoding="utf-8").replace(quote, "Reports differ on what was decided about it"),
        encoding="utf-8",
    )
    import_paths(library, [source])
    assert library.annotation(orphan.id).orphan
    window.open_transcript(t)  # the new text
    qtbot.waitUntil(lambda: window.annotations.layer.transcript.content_hash == library.transcript(t).content_hash)
    window.annotations.set_panel_visible(True)
    panel = window.annotations.panel
    model = panel.list.entry_model
    assert model.entries[-1].annotation.id == orphan.id
    assert "not found" in model.entries[-1].detail
    assert panel.reattach_button.isVisible()
    new_text = window.view.transcript.text
    new_start = new_text.index("Reports differ")
    focus(qtbot, window.view.text)
    select(qtbot, window, new_start, len("Reports differ on what was decided"))
    panel.list.setCurrentIndex(model.index(model.rowCount() - 1))
    assert panel.reattach_button.isEnabled()
    panel.reattach_button.click()
    back = library.annotation(orphan.id)
    assert not back.orphan and back.exact == "Reports differ on what was decided" and back.note == "was it agreed?"
    assert library.annotation(kept.id).start == 10
    assert len(window.view.text.extraSelections()) == 2
    window.annotations.undo()
    assert library.annotation(orphan.id).orphan


def test_the_legend_editor_changes_meanings_and_keeps_used_colours(qtbot, window: Window) -> None:
    library = window.library
    legend = library.color_legend()
    library.add_annotation(tid(window), 10, 19, color=legend[0].key)
    editor = window.annotations.edit_legend()
    page = editor.page
    meaning = page.findChild(type(page.rows[0][2]), f"legendMeaning:{legend[1].key}")
    meaning.setText("they disagree")
    assert not page.rows[0][3].isEnabled()  # yellow is used: it cannot be removed
    page.add_colour()
    page.rows[-1][2].setText("my own")
    editor.accept()
    assert not editor.isVisible()
    saved = library.color_legend()
    assert saved[1].meaning == "they disagree" and saved[-1].meaning == "my own" and len(saved) == len(legend) + 1
    window.annotations.undo()
    assert library.color_legend() == legend


def test_a_legend_that_cannot_be_saved_says_why_and_stays_open(qtbot, window: Window) -> None:
    editor = window.annotations.edit_legend()
    page = editor.page
    while len(page.rows) < 9:
        page.add_colour()
    page.add_colour()  # a tenth: refused, digits go to 9
    assert len(page.rows) == 9 and "up to 9 colours" in page.error.text()
    page.rows[0][2].setText("x" * 100)
    before = window.library.color_legend()
    page.save = lambda entries: "The legend could not be saved: the disk is full."
    editor.accept()
    assert editor.isVisible() and "disk is full" in page.error.text()
    assert window.library.color_legend() == before


# -- the other language --------------------------------------------------------------------------------


def test_an_annotation_in_one_language_marks_the_aligned_paragraph_of_the_other(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "pair"
    folder.mkdir()
    for name in ("answers_2017-05-14_en.txt", "answers_2017-05-14_ru.txt"):
        shutil.copy(ROOT / "tests" / "fixtures" / "versions" / name, folder / name)
    library = Library.open(tmp_path / "pair.sqlite")
    import_paths(library, [folder])
    en = next(s.id for s in library.summaries() if s.language == "en")
    ru = next(s.id for s in library.summaries() if s.language == "ru")
    assert library.versions(en) == {"en": en, "ru": ru}
    english = library.transcript(en)
    spans = english.paragraph_offsets()
    library.add_annotation(en, spans[2][0], spans[2][0] + 10, note="EEU and the Belt")
    russian = library.transcript(ru)
    assert annotation_marks(library, russian) == [(2, "annotated in EN")]
    assert annotation_marks(library, english) == []
    library.close()


# -- bad input ------------------------------------------------------------------------------------------


def test_h_without_a_selection_says_what_to_do_and_saves_nothing(qtbot, window: Window) -> None:
    move_caret(qtbot, window, 20)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    assert window.library.annotations(tid(window)) == []
    assert "Select some text first" in window.status


def test_a_selection_of_spaces_is_refused_with_the_libraries_message(qtbot, window: Window) -> None:
    spans = window.view.transcript.paragraph_offsets()
    select(qtbot, window, spans[0][1], 2)  # the blank line between two paragraphs
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    assert window.library.annotations(tid(window)) == []
    assert "only spaces or line breaks" in window.status


def test_h_with_the_focus_in_a_panel_points_to_the_text(qtbot, window: Window) -> None:
    window.library.add_annotation(tid(window), 100, 120)
    settle(qtbot, window)
    select(qtbot, window, 10, 9)
    window.annotations.set_panel_visible(True)
    focus(qtbot, window.annotations.panel.list)
    qtbot.keyClick(window.annotations.panel.list, Qt.Key.Key_H)
    assert [a.start for a in window.library.annotations(tid(window))] == [100]
    assert "Select text in the transcript first" in window.status


def test_a_one_megabyte_note_is_refused_and_the_saved_note_kept(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    [a] = window.library.annotations(tid(window))
    window.library.update_annotation(a.id, note="the note so far")
    settle(qtbot, window)
    qtbot.keyClick(window.view.text, Qt.Key.Key_N)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.note.hasFocus)
    megabyte = ("Sergey Lavrov said that the treaty was extended for five more years. " * 15_000)[:1_000_000]
    QApplication.clipboard().setText(megabyte)
    qtbot.keyClick(editor.note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing was pasted" in editor.status.text() and f"{MAX_NOTE_CHARS:,}" in editor.status.text()
    assert editor.note.toPlainText() == "the note so far"
    # a note grown too long by other means is not saved, and says so; the saved note stays
    editor.note.setPlainText("word " * (MAX_NOTE_CHARS // 5 + 1))
    editor.save_note()
    assert editor.status.text().startswith("Not saved:") and f"{MAX_NOTE_CHARS:,}" in editor.status.text()
    editor.close()
    assert window.library.annotation(a.id).note == "the note so far"


def test_whitespace_tags_and_control_characters_are_cleaned(qtbot, window: Window) -> None:
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    qtbot.keyClick(window.view.text, Qt.Key.Key_T)
    editor = window.annotations.editor
    qtbot.waitUntil(editor.tags.hasFocus)
    editor.tags.setText("   ,  China ,   ")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)
    [a] = window.library.annotations(tid(window))
    assert a.tags == ("China",)
    editor = window.annotations.edit_note()
    editor.note.setPlainText("bell\x07 and\x00 nul")
    editor.close()
    assert window.library.annotation(a.id).note == "bell and nul"


def test_dark_theme_tones_the_colours_down(qtbot, window: Window) -> None:
    legend = window.library.color_legend()
    assert legend_color(legend[0].hex, LIGHT) == QColor(legend[0].hex)
    dark = legend_color(legend[0].hex, DARK)
    assert dark.lightness() < QColor(legend[0].hex).lightness() - 60
    app = QApplication.instance()
    from reader.ui import themes

    themes.apply("dark", app)
    select(qtbot, window, 10, 9)
    qtbot.keyClick(window.view.text, Qt.Key.Key_H)
    window.view.set_colours(DARK)
    qtbot.waitUntil(lambda: selection_colours(window) == [(10, 19, dark)])


# -- in the real main window ---------------------------------------------------------------------------


def test_the_main_window_annotates_by_keyboard(qtbot, library: Library, settings: QSettings) -> None:  # noqa: ANN001
    from reader.ui.main_window import MainWindow

    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_transcript(transcript_id(library, SEED_TITLE_START))
    pane = win.view.text
    # The layer follows the pane once the refilled document settles (the window opened another first).
    qtbot.waitUntil(lambda: getattr(win.annotations.layer.transcript, "id", None) == win.view.transcript.id)
    focus(qtbot, pane)
    qtbot.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(10):
        qtbot.keyClick(pane, Qt.Key.Key_Right)
    for _ in range(9):
        qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    t = win.view.transcript.id
    [a] = library.annotations(t)
    assert (a.start, a.end, a.color) == (10, 19, library.color_legend()[1].key)
    assert len(pane.extraSelections()) == 1
    assert "contradiction" in win.statusBar().currentMessage()
    qtbot.keyClick(pane, Qt.Key.Key_B)
    assert [b.paragraph for b in library.bookmarks(t)] == [0]
    action = win.command_actions["view.annotations"]
    qtbot.keyClick(pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: win.annotations.panel_shown())
    assert action.isChecked()
    assert [e.quote for e in win.annotations.panel.list.entry_model.entries] == ["Bookmark", "This year"]
    for _ in range(2):
        qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.annotations(t) == [] and library.bookmarks(t) == []
    assert pane.extraSelections() == []
    assert win.annotations.panel.list.entry_model.entries == []


def test_after_a_reimport_highlights_wait_for_the_new_text(
    qtbot, window: Window, library: Library, files: dict
) -> None:  # noqa: ANN001
    t = tid(window)
    a = library.add_annotation(t, 10, 19)
    settle(qtbot, window)
    source = files["seed"]
    lines = source.read_text(encoding="utf-8").split("\n")
    first_question = next(i for i, line in enumerate(lines) if line.startswith("Question:"))
    lines.insert(first_question, "A paragraph the corrected page added before everything.\n")
    source.write_text("\n".join(lines), encoding="utf-8")
    import_paths(library, [source])
    moved = library.annotation(a.id)
    assert moved.start > 19 and moved.exact == "This year"
    settle(qtbot, window)  # the pane still shows the old text: the new offsets would point elsewhere in it
    assert window.view.text.extraSelections() == []
    window.open_transcript(t)
    qtbot.waitUntil(lambda: selection_colours(window)[:1] == [(moved.start, moved.end, QColor("#FFE16B"))])
    assert window.view.text.toPlainText()[moved.start : moved.end] == "This year"
