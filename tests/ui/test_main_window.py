"""The main window as a user meets it: a real library built from real files, driven like a user would."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QFont, QPalette, QTextBlockFormat
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QPushButton, QTableView

from reader import __version__
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import OutcomeKind, ParagraphKind, TranscriptSummary
from reader.ui import main_window as main_window_module
from reader.ui.main_window import MainWindow
from reader.ui.transcript_list import DATE, LANGUAGES, TITLE, TranscriptListModel, languages_text
from reader.ui.transcript_view import QUESTION_PADDING, QUESTION_PROPERTY, fill_document

SEED_TITLE = "Foreign Minister Sergey Lavrov’s interview with Chinese media, Moscow, March 22, 2021"
RUSSIAN_TITLE_START = "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова индийской газете"


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings):  # noqa: ANN201
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    yield win
    if win.import_run is not None:
        win.import_run.wait()


def summary_titled(library: Library, start: str) -> TranscriptSummary:
    return next(s for s in library.summaries() if s.title.startswith(start))


def blocks(document) -> list:  # noqa: ANN001
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def fragments(block) -> list:  # noqa: ANN001
    found, it = [], block.begin()
    while not it.atEnd():
        found.append(it.fragment())
        it += 1
    return found


# -- opening ---------------------------------------------------------------------------------------


def test_window_opens_on_the_latest_transcript(window: MainWindow, library: Library) -> None:
    latest = library.latest()
    assert latest is not None and latest.title.startswith(RUSSIAN_TITLE_START)
    assert window.windowTitle() == f"{latest.title} — Transcript Reader"
    assert window.view.title_label.text() == latest.title
    assert window.sidebar.selected_day() == dt.date(2021, 4, 6)
    assert window.list.current_id() == latest.id


def test_empty_library_says_how_to_start(qtbot, tmp_path: Path, settings: QSettings) -> None:
    with Library.open(tmp_path / "empty.sqlite") as library:
        win = MainWindow(library, settings)
        qtbot.add_widget(win)
        win.show()
        assert win.windowTitle() == "Transcript Reader"
        welcome = win.library_actions.welcome.panel  # the first-run welcome stands where the text would be
        assert welcome.isVisible() and not win.view.placeholder.isVisible()
        assert "Import" in welcome.folder_button.text()
        assert win.count_label.text() == "0 transcripts"


# -- calendar, day list, archive -------------------------------------------------------------------


def test_calendar_marks_days_with_transcripts(window: MainWindow) -> None:
    calendar = window.sidebar.calendar
    calendar.setCurrentPage(2021, 3)
    marked = calendar.dateTextFormat(QDate(2021, 3, 22))
    assert marked.fontWeight() == QFont.Weight.Bold
    assert marked.toolTip() == "1 transcript"
    assert marked.foreground().color().name() == window.colours.accent
    for day in (21, 23, 1):
        unmarked = calendar.dateTextFormat(QDate(2021, 3, day))
        assert unmarked.fontWeight() != QFont.Weight.Bold
        assert unmarked.toolTip() == ""
    assert set(window.sidebar.library.days_with_transcripts(2021, 3)) == {
        dt.date(2021, 3, 22),
        dt.date(2021, 3, 25),
        dt.date(2021, 3, 31),
    }


def test_selecting_a_day_lists_its_transcripts(qtbot, window: MainWindow) -> None:
    window.show()
    calendar = window.sidebar.calendar
    calendar.setSelectedDate(QDate(2021, 3, 22))
    day_list = window.sidebar.day_list
    assert day_list.count() == 1
    assert day_list.item(0).text() == f"01:00 EN · {SEED_TITLE}"
    assert window.sidebar.day_heading.text() == "22 March 2021 — 1 transcript"

    # The arrow keys move through the days; an empty day says so.
    grid = calendar.findChild(QTableView)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 23)
    assert day_list.count() == 0
    assert window.sidebar.day_heading.text() == "No transcripts on 23 March 2021"


def test_choosing_a_day_list_entry_opens_it(qtbot, window: MainWindow) -> None:
    window.sidebar.calendar.setSelectedDate(QDate(2021, 3, 22))
    item = window.sidebar.day_list.item(0)
    rect = window.sidebar.day_list.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.day_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.title_label.text() == SEED_TITLE


def test_archive_lists_years_and_months_and_moves_the_calendar(qtbot, window: MainWindow) -> None:
    archive = window.sidebar.archive
    assert archive.topLevelItemCount() == 1
    year = archive.topLevelItem(0)
    assert year.text(0) == "2021 (5)"
    assert [year.child(i).text(0) for i in range(year.childCount())] == ["April (2)", "March (3)"]

    window.show()
    archive.setFocus()
    archive.setCurrentItem(year.child(0))
    qtbot.keyClick(archive, Qt.Key.Key_Down)  # to March: one key
    calendar = window.sidebar.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 3)
    assert window.sidebar.selected_day() == dt.date(2021, 3, 31)  # the month's newest day with transcripts
    assert window.sidebar.day_list.count() == 1

    # Going back up through the year item must not trap the cursor.
    qtbot.keyClick(archive, Qt.Key.Key_Up)
    qtbot.keyClick(archive, Qt.Key.Key_Up)
    assert archive.currentItem() is year


# -- the list --------------------------------------------------------------------------------------


def test_list_shows_everything_newest_first(window: MainWindow, library: Library) -> None:
    model = window.list.list_model
    assert model.rowCount() == library.count() == 5
    dates = [model.index(row, DATE).data() for row in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    seed_row = model.row_of(summary_titled(library, "Foreign Minister").id)
    assert model.index(seed_row, LANGUAGES).data() == "EN · RU"
    briefing_row = model.row_of(summary_titled(library, "Briefing").id)
    assert model.index(briefing_row, LANGUAGES).data() == "EN · RU +3"
    russian_row = model.row_of(library.latest().id)
    assert model.index(russian_row, LANGUAGES).data() == "RU · EN"
    assert model.index(russian_row, LANGUAGES).data(TranscriptListModel.OwnLanguageRole) == "RU"


def test_clicking_a_row_opens_that_transcript(qtbot, window: MainWindow, library: Library) -> None:
    window.show()
    table = window.list
    row = table.list_model.row_of(summary_titled(library, "Foreign Minister").id)
    rect = table.visualRect(table.list_model.index(row, TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.title_label.text() == SEED_TITLE
    assert window.windowTitle() == f"{SEED_TITLE} — Transcript Reader"
    assert window.view.meta_label.text() == "22 March 2021, 01:00 · Moscow · Interview"
    assert window.sidebar.selected_day() == dt.date(2021, 3, 22)  # the calendar follows

    # The keyboard walks the list too.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert window.view.title_label.text() != SEED_TITLE
    assert window.current_id == table.list_model.summary(row - 1).id


def test_sorting_by_title_by_clicking_the_header(qtbot, window: MainWindow) -> None:
    window.show()
    header = window.list.horizontalHeader()
    x = header.sectionViewportPosition(TITLE) + header.sectionSize(TITLE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    model = window.list.list_model
    titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    # The open transcript stays selected where it moved to.
    assert window.list.current_id() == window.current_id


def test_list_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.list.list_model)
    window.list.list_model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(window.list.list_model)


def test_empty_list_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(TranscriptListModel())


def test_the_list_reads_only_the_rows_it_shows(qtbot, tmp_path: Path, settings: QSettings) -> None:
    """A big archive's list keeps its ids and reads a page of rows where the user scrolls, in every
    sort order the header offers, and still finds and selects any transcript."""
    from tests.bench.corpus import generate

    lib = Library.open(tmp_path / "big.sqlite")
    generate(tmp_path / "files", 450)
    import_paths(lib, [tmp_path / "files"])
    read: list[int] = []
    summaries_of = lib.summaries_of
    lib.summaries_of = lambda ids: read.extend(ids) or summaries_of(ids)  # type: ignore[method-assign]
    win = MainWindow(lib, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    table, model = win.list, win.list.list_model
    assert model.rowCount() == 450
    assert 0 < len(read) <= TranscriptListModel.PAGE  # the rows on screen, not all 450
    newest = [s.id for s in lib.summaries()]
    assert [model.summary(r).id for r in range(model.rowCount())] == newest  # the pages read on demand
    table.scrollToBottom()
    assert model.index(449, TITLE).data() == lib.summaries()[-1].title
    oldest = newest[-1]
    table.select_transcript(oldest)
    assert win.current_id == oldest and table.current_id() == oldest
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    assert table.current_id() == oldest  # the selection moved with its row
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    assert [model.summary(r).id for r in range(model.rowCount())] == newest[::-1]
    lib.close()


def test_languages_text_marks_own_language_first() -> None:
    summary = TranscriptSummary(1, "t", "ru", None, None, "other", ("en-GB", "ru-RU"))
    assert languages_text(summary) == "RU · EN"
    assert languages_text(TranscriptSummary(2, "t", "en", None, None, "other", ())) == "EN"


# -- the reading pane ------------------------------------------------------------------------------


def test_pane_text_equals_transcript_text_for_every_transcript(window: MainWindow, library: Library) -> None:
    for summary in library.summaries():
        window.open_transcript(summary.id)
        transcript = library.transcript(summary.id)
        assert window.view.text.toPlainText() == transcript.text
        # Block by block: one block per paragraph and one empty block per blank line between them.
        assert window.view.text.document().blockCount() == 2 * len(transcript.paragraphs) - 1


def test_markup_in_a_transcript_shows_literally(window: MainWindow, library: Library) -> None:
    statement = summary_titled(library, "Statement")
    window.open_transcript(statement.id)
    document = window.view.text.document()
    text = window.view.text.toPlainText()
    assert "<b>bold</b>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<a href=y>here</a>" in text
    assert "5 < 6 & 7 > 3" in text
    for block in blocks(document):
        for fragment in fragments(block):
            assert not fragment.charFormat().isImageFormat()
            assert not fragment.charFormat().isAnchor()
            assert fragment.charFormat().fontWeight() != QFont.Weight.Bold  # "<b>" made nothing bold
    html = document.toHtml()
    assert "<img" not in html and "&lt;img src=x" in html
    assert "<a href" not in html


def test_speakers_are_bold_and_questions_stand_out(window: MainWindow, library: Library) -> None:
    seed = summary_titled(library, "Foreign Minister")
    window.open_transcript(seed.id)
    labels = {}
    backgrounds = {}
    for block in blocks(window.view.text.document()):
        first = fragments(block)[0] if block.text() else None
        for speaker in ("Question:", "Sergey Lavrov:"):
            if first is not None and first.text() == speaker:
                labels.setdefault(speaker, first.charFormat())
                backgrounds.setdefault(speaker, block.blockFormat().boolProperty(QUESTION_PROPERTY))
    assert set(labels) == {"Question:", "Sergey Lavrov:"}
    for fmt in labels.values():
        assert fmt.fontWeight() == QFont.Weight.Bold
    assert labels["Question:"].foreground().color() != labels["Sergey Lavrov:"].foreground().color()
    assert backgrounds == {"Question:": True, "Sergey Lavrov:": False}  # the pane tints questions
    # The label is followed by the paragraph's text in the body format.
    body = fragments(next(b for b in blocks(window.view.text.document()) if b.text().startswith("Sergey")))[1]
    assert body.text().startswith(" Our leaders and people")
    assert body.charFormat().fontWeight() != QFont.Weight.Bold


def test_questions_are_painted_with_a_tint_and_a_bar(qtbot, window: MainWindow, library: Library) -> None:
    window.open_transcript(summary_titled(library, "Foreign Minister").id)
    window.show()
    qtbot.waitExposed(window)
    pane = window.view.text
    image = pane.viewport().grab().toImage()
    layout = pane.document().documentLayout()
    question = next(b for b in blocks(pane.document()) if b.text().startswith("Question:"))
    answer = next(b for b in blocks(pane.document()) if b.text().startswith("Sergey Lavrov:"))
    q = layout.blockBoundingRect(question)
    a = layout.blockBoundingRect(answer)
    bar = image.pixelColor(int(q.left()) - QUESTION_PADDING + 1, int(q.center().y()))
    tint = image.pixelColor(int(q.right()) + QUESTION_PADDING // 2, int(q.center().y()))
    plain = image.pixelColor(int(a.right()) + QUESTION_PADDING // 2, int(a.center().y()))
    assert bar.name() == window.colours.question_label
    assert tint.name() == window.colours.question_background
    assert plain.name() == pane.palette().color(QPalette.ColorRole.Base).name()


def test_russian_labels_headings_and_separators(window: MainWindow, library: Library) -> None:
    russian = summary_titled(library, "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова газете")
    window.open_transcript(russian.id)
    document = window.view.text.document()
    question = next(b for b in blocks(document) if b.text().startswith("Вопрос:"))
    assert fragments(question)[0].text() == "Вопрос:"
    assert fragments(question)[0].charFormat().fontWeight() == QFont.Weight.Bold
    assert question.blockFormat().boolProperty(QUESTION_PROPERTY)
    separator = next(b for b in blocks(document) if b.text() == "* * *")
    assert separator.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter

    briefing = summary_titled(library, "Briefing")
    window.open_transcript(briefing.id)
    transcript = library.transcript(briefing.id)
    headings = [p.text for p in transcript.paragraphs if p.kind is ParagraphKind.HEADING]
    heading_blocks = [b for b in blocks(window.view.text.document()) if b.blockFormat().headingLevel()]
    assert [b.text() for b in heading_blocks] == headings
    assert all(fragments(b)[0].charFormat().fontWeight() == QFont.Weight.Bold for b in heading_blocks)
    assert [window.view.badges_layout.itemAt(i).widget().text() for i in range(5)] == ["EN", "DE", "ES", "RU", "FR"]


def test_pane_is_read_only_and_keyboard_selectable(qtbot, window: MainWindow) -> None:
    pane = window.view.text
    assert pane.isReadOnly()
    flags = pane.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    window.show()
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().hasSelection()


def test_reading_column_is_centred_and_line_spaced(qtbot, window: MainWindow) -> None:
    window.show()
    window.resize(1600, 900)
    qtbot.wait(10)
    pane = window.view.text
    frame = pane.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 24
    column = pane.viewport().width() - frame.leftMargin() - frame.rightMargin()
    assert 400 < column < 900
    first = pane.document().begin().blockFormat()
    assert first.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert first.lineHeight() >= 130


def test_fill_document_alone_matches_text(qapp, library: Library) -> None:
    from PySide6.QtGui import QTextDocument

    for summary in library.summaries():
        transcript = library.transcript(summary.id)
        document = QTextDocument()
        fill_document(document, transcript)
        assert document.toPlainText() == transcript.text


# -- menus, themes, layout -------------------------------------------------------------------------


def test_menus_and_shortcuts(window: MainWindow) -> None:
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles == ["&File", "&Edit", "&View", "&Go", "&Search", "&Annotate", "&Help"]
    actions = window.command_actions
    assert actions["file.import_files"].shortcut().toString() == "Ctrl+I"
    assert actions["file.quit"].shortcut().toString() == "Ctrl+Q"
    assert actions["view.sidebar"].shortcut().toString() == "F9"
    theme_menu = window.findChild(QMenu, "submenu:Theme")
    assert [a.text().replace("&", "") for a in theme_menu.actions()][:3] == ["System", "Light", "Dark"]


def test_f9_toggles_the_sidebar(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.command_actions["view.sidebar"].trigger()
    assert not window.sidebar.isVisible()
    window.command_actions["view.sidebar"].trigger()
    assert window.sidebar.isVisible()


def test_theme_choice_applies_and_is_remembered(qtbot, window: MainWindow, library: Library, settings) -> None:  # noqa: ANN001
    app = QApplication.instance()
    window.set_theme("dark")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert "Dark theme" in app.styleSheet()
    assert window.command_actions["view.theme_dark"].isChecked()
    label = next(f for b in blocks(window.view.text.document()) for f in fragments(b)[:1] if f.text() == "Вопрос:")
    assert label.charFormat().foreground().color().lightness() > 120  # readable on the dark page
    window.close()

    again = MainWindow(library, settings)
    qtbot.add_widget(again)
    assert again.theme == "dark"
    again.set_theme("light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert settings.value("view/theme") == "light"


def test_window_geometry_and_splitter_are_remembered(qtbot, window: MainWindow, library: Library, settings) -> None:  # noqa: ANN001
    window.show()
    window.resize(760, 560)  # inside the offscreen screen (800x600), which restoreGeometry clamps to
    window.splitter.setSizes([200, 250, 300])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(library, settings)
    qtbot.add_widget(again)
    again.show()
    assert again.size().width() == 760
    assert again.splitter.sizes() == sizes


def test_icons_appear_after_the_first_paint(qtbot, window: MainWindow) -> None:
    assert window.command_actions["file.import_files"].icon().isNull()
    window.show()
    qtbot.waitUntil(lambda: window.icons_loaded, timeout=5000)
    assert not window.command_actions["file.import_files"].icon().isNull()
    assert not window.command_actions["view.theme_dark"].icon().isNull()


def test_about_names_version_and_library(window: MainWindow, library: Library) -> None:
    window.command_actions["help.about"].trigger()
    box = window.message_box
    assert box is not None and box.isVisible()
    assert f"Transcript Reader {__version__}" in box.text()
    assert str(library.path) in box.text()
    box.close()


# -- importing -------------------------------------------------------------------------------------


def test_import_folder_runs_off_the_ui_thread_and_refreshes(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.bench.corpus import generate

    folder = tmp_path / "more"
    generate(folder, 4, seed=1)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    before = window.list.list_model.rowCount()

    window.command_actions["file.import_folder"].trigger()
    assert window.importing
    assert not window.command_actions["file.import_files"].isEnabled()
    qtbot.waitUntil(lambda: not window.importing, timeout=30_000)

    report = window.last_report
    assert report is not None
    assert len(report.of_kind(OutcomeKind.IMPORTED)) == 4
    assert len(report.failed) == 1
    assert window.list.list_model.rowCount() == before + 4
    assert window.count_label.text() == f"{before + 4} transcripts"
    message = window.statusBar().currentMessage()
    assert message.startswith("4 imported") and "1 failed" in message and "empty.txt" in message
    box = window.message_box
    assert box is not None and box.isVisible()
    assert "empty.txt" in box.detailedText()
    box.close()
    # The archive and calendar know the new months.
    years = [window.sidebar.archive.topLevelItem(i).text(0) for i in range(window.sidebar.archive.topLevelItemCount())]
    assert len(years) >= 1
    assert window.command_actions["file.import_files"].isEnabled()


def test_importing_files_opens_the_first_one(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    new = tmp_path / "new.txt"
    new.write_text(
        "1 June 202112:00\n\nForeign Minister Sergey Lavrov’s interview with a test paper, Moscow, June 1, 2021\n\n"
        "Question: Is this shown?\n\nSergey Lavrov: Yes, it opens first.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(new)], ""))
    window.command_actions["file.import_files"].trigger()
    qtbot.waitUntil(lambda: not window.importing, timeout=30_000)
    assert window.view.title_label.text().startswith("Foreign Minister Sergey Lavrov’s interview with a test paper")
    assert window.sidebar.selected_day() == dt.date(2021, 6, 1)
    assert window.message_box is None  # nothing failed, nothing to confirm


def test_cancel_in_the_progress_dialog_stops_the_import(
    qtbot, window: MainWindow, tmp_path: Path, files: dict[str, Path]
) -> None:
    from reader.ui.import_run import ImportRun

    folder = tmp_path / "many"
    folder.mkdir()
    shutil.copy(files["seed"], folder / "a.txt")
    shutil.copy(files["markup"], folder / "b.txt")
    run = ImportRun(window.library.path, [folder], window)
    run.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    with qtbot.waitSignal(run.done, timeout=30_000) as done:
        run.start()
    report = done.args[0]
    assert report.cancelled
    assert report.outcomes == []
    assert not run.running


# -- start-up and errors ---------------------------------------------------------------------------


def test_run_window_reports_a_bad_library_in_a_dialog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "not-a-library.sqlite"
    bad.write_text("hello", encoding="utf-8")
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()))
    assert main_window_module.run_window(["--library", str(bad)]) == 1
    assert len(shown) == 1 and "not a Transcript Reader library" in shown[0]


def test_run_window_imports_and_opens_given_files(
    qtbot, tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen = {}

    def fake_exec(app: QApplication) -> int:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.panes_built and not window.importing, timeout=30_000)
        qtbot.waitUntil(lambda: window.icons_loaded, timeout=5000)
        seen["title"] = window.windowTitle()
        seen["count"] = window.list.list_model.rowCount()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    status = main_window_module.run_window(["--library", str(tmp_path / "new.sqlite"), str(files["seed"])])
    assert status == 0
    assert seen == {"title": f"{SEED_TITLE} — Transcript Reader", "count": 1}


def test_unhandled_exceptions_are_logged_and_shown(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.resources
    from reader.ui import crash

    monkeypatch.setattr(reader.core.resources, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook()
    try:
        raise ValueError("the test's own failure")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(crash._reporter and crash._reporter.boxes), timeout=5000)
    box = crash._reporter.boxes[0]
    assert "the test's own failure" in box.text()
    assert "Traceback" in box.detailedText()
    assert "the test's own failure" in (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    box.close()


def test_importing_through_the_core_matches_the_list(qtbot, tmp_path: Path, files: dict[str, Path], settings) -> None:  # noqa: ANN001
    """A library filled outside the window shows up after refresh (the window holds no stale cache)."""
    with Library.open(tmp_path / "outside.sqlite") as library:
        win = MainWindow(library, settings)
        qtbot.add_widget(win)
        assert win.list.list_model.rowCount() == 0
        import_paths(library, [files["seed"]])  # the library notifies its listeners
        assert win.list.list_model.rowCount() == 1
        assert win.view.title_label.text() == SEED_TITLE


def test_every_icon_name_maps_to_an_existing_glyph(qapp) -> None:
    from reader.ui.icons import GLYPHS, icon

    for name in GLYPHS:
        assert not icon(name).isNull(), name


def test_fusion_is_asked_for_unless_the_user_chose_a_style(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.themes import qt_arguments

    monkeypatch.delenv("QT_STYLE_OVERRIDE", raising=False)
    assert qt_arguments(["app", "file.txt"]) == ["app", "-style", "Fusion", "file.txt"]
    assert qt_arguments(["app", "-style", "windows"]) == ["app", "-style", "windows"]
    monkeypatch.setenv("QT_STYLE_OVERRIDE", "kvantum")
    assert qt_arguments(["app"]) == ["app"]
