"""Bilingual reading in the real window (issue 3): the language toggle keeps the place, side by side with
its uncertain rows and counterpart highlight, moving by turn/question/section, the contents panel, the
speaker filter, the sepia theme, print to PDF, reopening where the reader left off."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.alignment import align
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import ParagraphKind
from reader.ui import places
from reader.ui.main_window import MainWindow
from reader.ui.side_by_side import GUTTER, LEFT, RIGHT, UNCERTAIN_MARK
from tests.conftest import FIXTURES, SEED
from tests.ui.conftest import DATA

RUSSIAN = FIXTURES / "versions" / "interview_2021-03-22_ru.txt"
BRIEFING = DATA / "briefing-2021-03-31.txt"
EXTRA_EXCHANGE = (
    "\n\nВопрос: Как Вы оцениваете сотрудничество в рамках ШОС?"
    "\n\nС.В.Лавров: Шанхайская организация сотрудничества набирает авторитет. Мы ценим её роль."
    "\n\nПродолжим совместную работу по всем направлениям."
)


def make_library(folder: Path, *, russian_text: str | None = None) -> Library:
    folder.mkdir(parents=True, exist_ok=True)
    files = [Path(shutil.copy(SEED, folder / SEED.name)), Path(shutil.copy(BRIEFING, folder / BRIEFING.name))]
    russian = folder / RUSSIAN.name
    if russian_text is None:
        shutil.copy(RUSSIAN, russian)
    else:
        russian.write_text(russian_text, encoding="utf-8")
    files.append(russian)
    library = Library.open(folder / "library.sqlite")
    report = import_paths(library, files)
    assert not report.failed, report.failed
    return library


def ids(library: Library) -> dict[str, int]:
    found = {}
    for s in library.summaries():
        key = "briefing" if s.title.startswith("Briefing") else s.language
        found[key] = int(s.id)
    return found


def open_window(qtbot, library: Library, settings: QSettings) -> MainWindow:  # noqa: ANN001
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def pair_library(tmp_path: Path):  # noqa: ANN201
    library = make_library(tmp_path / "pair")
    yield library
    library.close()


@pytest.fixture
def window(qtbot, pair_library: Library, settings: QSettings):  # noqa: ANN001, ANN201
    win = open_window(qtbot, pair_library, settings)
    win.open_transcript(ids(pair_library)["en"])
    win.view.text.setFocus()
    yield win
    win.close()


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def top(window: MainWindow) -> int:
    return places.top_paragraph(window.view.text)[0]


def scroll_like_a_user(window: MainWindow, paragraph: int) -> None:
    """Drag the scroll bar so the paragraph's first line is the first line in view."""
    y = places.paragraph_top(window.view.text, paragraph)
    window.view.text.verticalScrollBar().setValue(round(y))


# -- the language toggle ---------------------------------------------------------------------------


def test_l_shows_the_other_language_with_the_counterpart_paragraph_at_the_top(
    qtbot, window: MainWindow, pair_library: Library
) -> None:
    versions = ids(pair_library)
    english = window.view.transcript
    scroll_like_a_user(window, 20)
    assert top(window) == 20
    press(qtbot, Qt.Key.Key_L)
    assert window.current_id == versions["ru"]
    russian = window.view.transcript
    assert russian is not None and russian.language == "ru"
    assert top(window) == align(english, russian).counterpart(20) == 20
    shown = places.paragraph_block(window.view.text, top(window)).text()
    assert shown.startswith("В любом случае") and shown == russian.paragraphs[20].shown_text
    assert window.reading.toggle.buttons["ru"].isChecked()
    assert window.windowTitle().startswith("Интервью")
    # and back: the English paragraph 20 is at the top again
    scroll_like_a_user(window, 24)
    press(qtbot, Qt.Key.Key_L)
    assert window.current_id == versions["en"] and top(window) == 24


def test_the_toggle_switches_by_click_and_keeps_the_place(qtbot, window: MainWindow, pair_library: Library) -> None:
    scroll_like_a_user(window, 12)
    toggle = window.reading.toggle
    assert [code for code in toggle.buttons] == ["en", "ru"]
    assert toggle.buttons["en"].isChecked() and toggle.buttons["ru"].isEnabled()
    qtbot.mouseClick(toggle.buttons["ru"], Qt.MouseButton.LeftButton)
    assert window.current_id == ids(pair_library)["ru"] and top(window) == 12
    assert window.view.transcript.paragraphs[12].speaker == "Вопрос"


def test_a_language_listed_but_not_imported_is_disabled_and_says_so(window: MainWindow, pair_library: Library) -> None:
    window.open_transcript(ids(pair_library)["briefing"])
    toggle = window.reading.toggle
    assert set(toggle.buttons) == {"de", "en", "es", "fr", "ru"}  # the five locales of the page, no others
    assert toggle.buttons["en"].isChecked() and toggle.buttons["en"].isEnabled()
    for code in ("de", "es", "fr", "ru"):
        assert not toggle.buttons[code].isEnabled()
    assert "not in your library" in toggle.buttons["ru"].toolTip() and "Russian" in toggle.buttons["ru"].toolTip()
    assert toggle.switchable() == []
    window.reading.switch_language()  # L: nowhere to go, and the status bar says why
    assert window.current_id == ids(pair_library)["briefing"]
    assert "not in your library" in window.statusBar().currentMessage()


def test_an_unpaired_transcript_has_no_other_language_to_switch_to(window: MainWindow, pair_library: Library) -> None:
    pair_library.unlink(ids(pair_library)["en"])
    toggle = window.reading.toggle
    assert not toggle.buttons["ru"].isEnabled()  # still listed on the page, no longer a version here
    window.reading.switch_language()
    assert window.current_id == ids(pair_library)["en"]


def test_the_preferred_language_is_remembered(qtbot, window: MainWindow, pair_library: Library) -> None:
    versions = ids(pair_library)
    press(qtbot, Qt.Key.Key_L)
    assert window.settings.value("reading/language") == "ru"
    window.open_transcript(versions["briefing"])
    window.open_day(dt.date(2021, 3, 22))  # opening the document: its Russian version
    assert window.current_id == versions["ru"]
    window.reading.switch_language("en")
    window.open_transcript(versions["briefing"])
    window.open_day(dt.date(2021, 3, 22))
    assert window.current_id == versions["en"]


def test_the_window_reopens_the_last_document_in_its_language_at_its_place(
    qtbot, window: MainWindow, pair_library: Library, settings: QSettings
) -> None:
    versions = ids(pair_library)
    press(qtbot, Qt.Key.Key_L)
    scroll_like_a_user(window, 17)
    window.open_transcript(versions["briefing"])
    window.open_transcript(versions["ru"])  # back to it: the place in it was kept
    assert top(window) == 17
    scroll_like_a_user(window, 9)
    window.close()
    again = open_window(qtbot, pair_library, settings)
    assert again.current_id == versions["ru"]
    qtbot.waitUntil(lambda: top(again) == 9)
    again.close()


# -- side by side ----------------------------------------------------------------------------------


def test_s_shows_both_versions_side_by_side_from_the_same_place(qtbot, window: MainWindow) -> None:
    scroll_like_a_user(window, 13)
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    assert view is not None and view.isVisible() and not window.view.text.isVisible()
    assert window.command_actions["view.side_by_side"].isChecked()
    assert view.left_label.text() == "English" and view.right_label.text() == "Russian"
    assert view.top_paragraph(LEFT) == 13
    assert not view.uncertain_label.isVisible()  # same structure: every row certain
    row = view.row_of(LEFT, 13)
    left_text = view.table.cellAt(row, LEFT).firstCursorPosition().block().text()
    right_text = view.table.cellAt(row, RIGHT).firstCursorPosition().block().text()
    assert left_text.startswith("Sergey Lavrov: This is an important matter")
    assert right_text.startswith("С.В.Лавров:")
    press(qtbot, Qt.Key.Key_S)
    assert window.view.text.isVisible() and not view.isVisible()
    assert top(window) == 13


def test_versions_of_different_structure_open_side_by_side_with_uncertain_rows_marked(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:
    text = RUSSIAN.read_text(encoding="utf-8")
    marker = "\n\nВопрос: Многие китайцы любят"
    assert marker in text
    library = make_library(tmp_path / "unequal", russian_text=text.replace(marker, EXTRA_EXCHANGE + marker, 1))
    try:
        versions = ids(library)
        assert library.versions(versions["en"]) == {"en": versions["en"], "ru": versions["ru"]}
        window = open_window(qtbot, library, settings)
        window.open_transcript(versions["en"])
        window.view.text.setFocus()
        press(qtbot, Qt.Key.Key_S)
        view = window.reading.side_by_side
        assert view is not None and view.isVisible()
        uncertain = [r for r, row in enumerate(view.alignment.rows) if not row.certain]
        assert uncertain, "an extra exchange makes some rows a guess"
        marked = [r for r in range(len(view.alignment.rows)) if view.table.cellAt(r, GUTTER).firstCursorPosition()
                  .block().text() == UNCERTAIN_MARK]  # fmt: skip
        assert marked == uncertain
        assert view.uncertain_label.isVisible() and str(len(uncertain)) in view.uncertain_label.text()
        # the extra Russian exchange has a row of its own, with nothing on the English side
        lonely = [row for row in view.alignment.rows if not row.left]
        assert lonely and all(not row.certain for row in lonely)
        texts = [view.table.cellAt(r, RIGHT).firstCursorPosition().block().text() for r in range(view.table.rows())]
        assert any("ШОС" in t for t in texts)
        window.close()
    finally:
        library.close()


def test_clicking_a_paragraph_highlights_its_counterpart(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    view.scroll_to_row(6)
    rect = view.cell_rect(6, LEFT).translated(0, -view.pane.verticalScrollBar().value())
    point = QPoint(round(rect.left() + 40), round(rect.top() + 20))
    qtbot.mouseClick(view.pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.chosen is not None and (view.chosen.row, view.chosen.side) == (6, LEFT)
    assert view.counterpart_cell() == (6, RIGHT)
    # the counterpart is drawn in the highlight colour: a pixel inside it, away from the text
    image = view.pane.viewport().grab().toImage()
    right = view.cell_rect(6, RIGHT).translated(0, -view.pane.verticalScrollBar().value())
    inside = image.pixelColor(round(right.left()) + 1, round(right.top()) + 4)
    assert inside == view.pane.palette().color(QPalette.ColorRole.Highlight)  # its bar
    before = QColor(image.pixelColor(round(rect.right()) - 3, round(rect.bottom()) - 3))
    # a click on the other side highlights the English one
    rect = view.cell_rect(7, RIGHT).translated(0, -view.pane.verticalScrollBar().value())
    qtbot.mouseClick(
        view.pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(rect.left() + 40), round(rect.top() + 12))
    )
    assert view.counterpart_cell() == (7, LEFT)
    assert before.isValid()


def test_zoom_makes_both_columns_larger(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    size = view.pane.document().defaultFont().pointSizeF()
    window.command_actions["view.zoom_in"].trigger()
    assert view.pane.document().defaultFont().pointSizeF() > size
    window.command_actions["view.zoom_reset"].trigger()
    assert view.pane.document().defaultFont().pointSizeF() == pytest.approx(size)


# -- moving through the structure ----------------------------------------------------------------


def test_brackets_move_by_turn_and_braces_by_question(qtbot, window: MainWindow) -> None:
    transcript = window.view.transcript
    press(qtbot, Qt.Key.Key_BracketRight)
    assert top(window) == 1  # "Sergey Lavrov:" answers the first question
    press(qtbot, Qt.Key.Key_BracketRight)
    assert top(window) == 6
    press(qtbot, Qt.Key.Key_BraceRight)
    assert top(window) == 12 and transcript.paragraphs[12].speaker == "Question"
    press(qtbot, Qt.Key.Key_BraceRight)
    assert top(window) == 23
    press(qtbot, Qt.Key.Key_BraceLeft)
    assert top(window) == 12
    press(qtbot, Qt.Key.Key_BracketLeft)
    assert top(window) == 7
    assert places.caret_paragraph(window.view.text) == 7  # the caret came along: selection starts there
    press(qtbot, Qt.Key.Key_ParenRight)  # an interview has no sections
    assert top(window) == 7 and "no sections" in window.statusBar().currentMessage()


def test_parentheses_move_by_section_of_a_briefing(qtbot, window: MainWindow, pair_library: Library) -> None:
    window.open_transcript(ids(pair_library)["briefing"])
    window.view.text.setFocus()
    headings = [i for i, p in enumerate(window.view.transcript.paragraphs) if p.kind is ParagraphKind.HEADING]
    assert headings == [0, 2, 4]
    window.view.text.verticalScrollBar().setValue(0)
    press(qtbot, Qt.Key.Key_ParenRight)
    press(qtbot, Qt.Key.Key_ParenLeft)
    window.command_actions["go.next_section"].trigger()
    assert places.caret_paragraph(window.view.text) == 2
    window.command_actions["go.next_section"].trigger()
    assert places.caret_paragraph(window.view.text) == 4


def test_the_contents_panel_lists_a_briefing_and_jumps(qtbot, window: MainWindow, pair_library: Library) -> None:
    window.open_transcript(ids(pair_library)["briefing"])
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dock = window.reading.contents_dock
    panel = window.reading.contents_panel
    assert dock is not None and dock.isVisible() and window.command_actions["view.contents"].isChecked()
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["Topics", "Answers to media questions"]
    assert panel.entry_count() == 3
    assert panel.item_at(2).text(0) == "Russia-US relations"
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.item_at(1))
    press(qtbot, Qt.Key.Key_Return)
    assert places.caret_paragraph(window.view.text) == 2
    rect = panel.tree.visualItemRect(panel.item_at(2))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert places.caret_paragraph(window.view.text) == 4
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not dock.isVisible()


def test_an_interview_lists_its_questions_as_contents(window: MainWindow) -> None:
    window.reading.set_contents_visible(True)
    panel = window.reading.contents_panel
    assert panel.entry_count() == 5
    assert panel.item_at(0).text(0).startswith("This year Russia and China")


def test_the_speaker_filter_shows_only_one_speaker_or_dims_the_others(window: MainWindow) -> None:
    button = window.reading.speaker_button
    transcript = window.view.transcript
    before = window.view.text.toPlainText()
    labels = [a.text() for a in button.menu().actions() if not a.isSeparator()]
    assert labels[0] == "All speakers" and labels.count("Sergey Lavrov") == 2
    only = next(a for a in button.menu().actions() if a.text() == "Sergey Lavrov")
    only.trigger()
    assert button.text() == "Only Sergey Lavrov"
    for i, p in enumerate(transcript.paragraphs):
        assert places.paragraph_block(window.view.text, i).isVisible() == (p.speaker == "Sergey Lavrov"), i
    assert window.view.text.toPlainText() == before  # offsets for annotations are untouched
    dim = [a for a in button.menu().actions() if a.text() == "Sergey Lavrov"][1]
    dim.trigger()
    muted = QColor(window.colours.muted)
    question = places.paragraph_block(window.view.text, 0)
    answer = places.paragraph_block(window.view.text, 1)
    assert question.isVisible() and question.begin().fragment().charFormat().foreground().color() == muted
    assert answer.begin().fragment().charFormat().foreground().color() != muted
    window.command_actions["view.zoom_in"].trigger()  # a refill keeps the filter
    question = places.paragraph_block(window.view.text, 0)
    assert question.begin().fragment().charFormat().foreground().color() == muted
    button.choose(None)
    assert button.text() == "Speakers"
    question = places.paragraph_block(window.view.text, 0)
    assert question.begin().fragment().charFormat().foreground().color() != muted


# -- reading comfort -------------------------------------------------------------------------------


def test_sepia_theme(qtbot, window: MainWindow) -> None:
    window.command_actions["view.theme_sepia"].trigger()
    assert window.settings.value("view/theme") == "sepia"
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Base) == QColor("#f6efdf")
    assert "Sepia theme" in app.styleSheet()
    assert window.view.text.palette().color(QPalette.ColorRole.Base) == QColor("#f6efdf")
    first = places.paragraph_block(window.view.text, 1).begin().fragment().charFormat()
    assert first.foreground().color() == QColor("#5b4a8a")  # the answer label in sepia's colour


def test_serif_reading_font_with_cyrillic(window: MainWindow) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo

    window.reading.set_font_choice("serif")
    assert window.settings.value("reading/font") == "serif"
    family = QFontInfo(window.view.text.document().defaultFont()).family()
    assert "Serif" in family
    assert QFontDatabase.WritingSystem.Cyrillic in QFontDatabase.writingSystems(family)
    window.reading.set_font_choice("sans")
    assert "Serif" not in QFontInfo(window.view.text.document().defaultFont()).family()


def pdf_text(path: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_print_the_open_version_to_pdf(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "interview.pdf"
    window.reading.print_to_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5000
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext is not installed: the PDF exists, its text was not checked")
    flat = " ".join(text.split())
    assert "Foreign Minister Sergey Lavrov’s interview with Chinese media" in flat
    assert "Question: This year Russia and China will mark 20 years" in flat


def test_print_side_by_side_to_pdf(qtbot, window: MainWindow, tmp_path: Path) -> None:
    press(qtbot, Qt.Key.Key_S)
    path = tmp_path / "both.pdf"
    window.reading.print_to_pdf(path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext is not installed")
    flat = " ".join(text.split())
    assert "Foreign Minister Sergey Lavrov’s interview" in flat and "Вопрос:" in flat and "English" in flat


# -- linking versions in the window ----------------------------------------------------------------


def test_unlink_and_link_again_from_the_edit_menu(qtbot, window: MainWindow, pair_library: Library) -> None:
    versions = ids(pair_library)
    window.command_actions["edit.unlink_versions"].trigger()
    assert pair_library.versions(versions["en"]) == {"en": versions["en"]}
    assert not window.reading.toggle.buttons["ru"].isEnabled()
    window.command_actions["edit.unlink_versions"].trigger()  # refused: nothing to unlink
    box = window.reading.refusal
    assert isinstance(box, QMessageBox) and "not linked" in box.informativeText()
    box.close()
    window.command_actions["edit.link_versions"].trigger()
    dialog = window.reading.link_dialog
    dialog.filter.setText("Интервью")  # QTest types ASCII only
    assert dialog.chosen_id() == versions["ru"]
    dialog.accept()
    assert pair_library.versions(versions["en"]) == {"en": versions["en"], "ru": versions["ru"]}
    assert window.reading.toggle.buttons["ru"].isEnabled()


def test_linking_two_of_one_language_is_refused_with_the_reason(
    qtbot, window: MainWindow, pair_library: Library
) -> None:
    versions = ids(pair_library)
    window.open_transcript(versions["briefing"])
    window.command_actions["edit.link_versions"].trigger()
    dialog = window.reading.link_dialog
    for row in range(dialog.list.count()):  # only other languages are offered
        assert "· EN ·" not in dialog.list.item(row).text()
    dialog.close()
    from reader.ui.link_versions import LinkVersionsDialog

    forced = LinkVersionsDialog(pair_library, window.reading.link_dialog.current, window)
    forced.list.item(0).setData(Qt.ItemDataRole.UserRole + 1, versions["en"])  # an English one slipped in
    forced.accept()
    assert forced.isVisible() is False and forced.linked_id is None
    refusal = window.findChild(QMessageBox, "versionRefusal")
    assert refusal is not None and "both in English" in refusal.informativeText()


def test_the_keyboard_reaches_the_side_by_side_view(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    assert view.pane.hasFocus()
    window.list.setFocus()
    window.focus_reading()  # what Enter in the list does
    assert view.pane.hasFocus()
    press(qtbot, Qt.Key.Key_BracketRight)  # keys work from there: the next turn's row comes to the top
    assert view.top_paragraph(LEFT) in (1, 6)
    press(qtbot, Qt.Key.Key_S)
    assert window.view.text.isVisible()
    window.list.setFocus()
    window.focus_reading()
    assert window.view.text.hasFocus()


def test_the_list_offers_link_and_unlink_on_right_click(window: MainWindow) -> None:
    assert window.list.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [a.text().replace("&", "") for a in window.list.actions()]
    assert "Link as versions…" in texts and "Unlink versions" in texts


def test_l_in_side_by_side_swaps_the_columns_at_the_same_row(qtbot, window: MainWindow, pair_library: Library) -> None:
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    view.scroll_to_row(17)
    press(qtbot, Qt.Key.Key_L)
    assert window.current_id == ids(pair_library)["ru"]
    assert view.left_label.text() == "Russian" and view.right_label.text() == "English"
    assert view.isVisible() and not window.view.text.isVisible()
    assert view.top_row() == 17
    assert (
        view.table.cellAt(17, LEFT).firstCursorPosition().block().text()
        == window.view.transcript.paragraphs[17].shown_text
    )


def test_a_theme_change_recolours_side_by_side(qtbot, window: MainWindow) -> None:
    from reader.ui.themes import DARK

    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    window.command_actions["view.theme_dark"].trigger()
    qtbot.waitUntil(lambda: view.look().colours is DARK)
    question = view.table.cellAt(view.row_of(LEFT, 0), LEFT).format().background().color()
    assert question == QColor(DARK.question_background)


def test_side_by_side_ends_when_the_other_version_is_deleted(qtbot, window: MainWindow, pair_library: Library) -> None:
    press(qtbot, Qt.Key.Key_S)
    assert window.reading.side_by_side.isVisible()
    pair_library.delete(ids(pair_library)["ru"])
    assert not window.reading.side_by_side_on and not window.reading.side_by_side.isVisible()
    assert window.view.text.isVisible() and not window.command_actions["view.side_by_side"].isChecked()
    assert not window.reading.toggle.buttons["ru"].isEnabled()  # listed on the page, gone from the library


def test_only_one_speaker_side_by_side_leaves_out_the_other_rows(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S)
    view = window.reading.side_by_side
    only = next(a for a in window.reading.speaker_button.menu().actions() if a.text() == "Sergey Lavrov")
    only.trigger()
    questions = [view.row_of(LEFT, i) for i in (0, 6, 12)]
    assert set(questions) <= view.hidden_rows
    for row in questions:
        assert view.row_top(row + 1) - view.row_top(row) < 2  # no height left
    answer = view.row_of(LEFT, 1)
    assert answer not in view.hidden_rows and view.row_top(answer + 1) - view.row_top(answer) > 40
    view.scroll_to_row(0)
    press(qtbot, Qt.Key.Key_BracketRight)  # turns of the others are skipped
    assert view.top_paragraph(LEFT) == 7  # the next of his turns: 6 is a question
    window.reading.speaker_button.choose(None)
    assert view.hidden_rows == frozenset()
