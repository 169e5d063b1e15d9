"""The window behaving like a desktop app: files dropped on it, the first-run welcome, "Where is my
library?", About, daily and on-demand backups, and the libraries it cannot use as they are (not a
library, read-only) — said in dialogs and a banner, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from reader import __version__
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.resources import SAMPLE_TRANSCRIPT
from reader.ui import backups as backups_module
from reader.ui.library_problems import CREATE_NEW, OPEN_ANOTHER, QUIT, READ_ONLY_TEXT, open_library_or_ask
from reader.ui.main_window import MainWindow
from tests.conftest import ROOT, SEED

SEED_TITLE = "Foreign Minister Sergey Lavrov’s interview with Chinese media, Moscow, March 22, 2021"


def make_window(qtbot, library: Library, settings: QSettings, *, show: bool = True) -> MainWindow:  # noqa: ANN001
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    if show:
        win.show()
        qtbot.waitExposed(win)
    return win


def wait_import(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not win.importing, timeout=30_000)


@pytest.fixture
def sample_only(tmp_path: Path) -> Library:
    """A new library as the app makes it: only the bundled sample in it."""
    library = Library.open(tmp_path / "new.sqlite")
    import_paths(library, [shutil.copy(SEED, tmp_path / SAMPLE_TRANSCRIPT)])
    yield library
    library.close()


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager: receives the addresses the app asks it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def file_manager():  # noqa: ANN201
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open_url")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


# -- files and folders dropped on the window ------------------------------------------------------------


def drop(target: QWidget, paths: list[Path | str], *, urls: list[QUrl] | None = None,
         text: str = "") -> tuple[bool, bool]:  # fmt: skip
    """Drag the files over `target` and let go, as a file manager does; (entered, dropped) accepted.

    Qt delivers a drag to the innermost widget under the pointer that takes drops: the window itself
    over the lists and the calendar, the text's viewport over the reading pane."""
    data = QMimeData()
    data.setUrls(urls if urls is not None else [QUrl.fromLocalFile(str(p)) for p in paths])
    if text:
        data.setText(text)
    where = QPoint(40, 40)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False, False
    dropped = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_files_dropped_on_the_window_are_imported_and_the_first_opened(qtbot, library, settings, tmp_path):
    win = make_window(qtbot, library, settings)
    before = win.list.list_model.rowCount()
    folder = tmp_path / "dropped"
    folder.mkdir()
    first = shutil.copy(ROOT / "tests" / "fixtures" / "versions" / "interview_2021-03-22_ru.txt", folder / "a.txt")
    entered, dropped = drop(win, [first, ROOT / "tests" / "ui" / "data"])  # a file and a folder
    assert entered and dropped
    assert win.importing
    wait_import(qtbot, win)
    assert win.list.list_model.rowCount() == before + 1  # the folder's files were there already
    opened = win.library.transcript(win.current_id)
    assert opened.source_file is not None and Path(opened.source_file).name == "a.txt"
    assert win.view.title_label.text() == opened.title


def test_files_dropped_on_the_text_are_imported_too(qtbot, library, settings, tmp_path):
    from tests.conftest import FIXTURES

    win = make_window(qtbot, library, settings)
    seed = next(s.id for s in library.summaries() if s.title == SEED_TITLE)
    win.open_transcript(seed)
    russian = shutil.copy(FIXTURES / "versions" / "interview_2021-03-22_ru.txt", tmp_path / "ru.txt")
    assert drop(win.view.text.viewport(), [russian]) == (True, True)
    wait_import(qtbot, win)
    assert win.library.transcript(win.current_id).language == "ru"  # the dropped file, opened
    win.open_transcript(seed)
    win.reading.set_side_by_side(True)  # its panes are made now: drops on them work as well
    pane = win.reading.side_by_side.pane
    qtbot.waitUntil(pane.isVisible)
    another = shutil.copy(ROOT / "tests" / "ui" / "data" / "briefing-2021-03-31.txt", tmp_path / "briefing.txt")
    qtbot.waitUntil(lambda: drop(pane.viewport(), [another]) == (True, True))
    wait_import(qtbot, win)
    assert win.library.transcript(win.current_id).title.startswith("Briefing")
    # Text dragged from another program is the text pane's business, not an import.
    assert drop(win.view.text.viewport(), [], urls=[], text="слово") == (False, False)


def test_a_drop_of_web_addresses_is_not_taken(qtbot, library, settings):
    win = make_window(qtbot, library, settings)
    entered, dropped = drop(win, [], urls=[QUrl("https://www.mid.ru/en/press_service/")])
    assert not entered and not dropped
    assert not win.importing


def test_a_cancelled_drop_import_keeps_what_was_imported(qtbot, tmp_path, settings):
    from tests.bench.corpus import generate

    library = Library.open(tmp_path / "library.sqlite")
    win = make_window(qtbot, library, settings)
    corpus = tmp_path / "corpus"
    generate(corpus, 600, seed=3)
    drop(win, [corpus])
    run = win.import_run
    assert run is not None
    # As the dialog's Cancel does, but on the worker's thread at its first committed batch, so the
    # import cannot finish first.
    run.worker.progressed.connect(lambda done, _t, _f: done and run.worker.cancel(), Qt.ConnectionType.DirectConnection)
    wait_import(qtbot, win)
    report = win.last_report
    assert report is not None and report.cancelled
    kept = library.count()
    assert 0 < kept < 600  # what was imported before the cancel stays
    assert win.list.list_model.rowCount() == kept
    assert win.current_id is not None  # and the first of them is open
    library.close()


# -- first run -----------------------------------------------------------------------------------------


def test_a_library_with_only_the_sample_opens_on_the_welcome(qtbot, sample_only, settings):
    win = make_window(qtbot, sample_only, settings)
    welcome = win.library_actions.welcome
    assert welcome.showing and welcome.panel.isVisible()
    assert win.current_id is None and not win.view.text.isVisible()
    assert SEED_TITLE in welcome.panel.sample_note.text()
    assert win.sidebar.selected_day().isoformat() == "2021-03-22"  # the calendar where the sample is
    qtbot.mouseClick(welcome.panel.sample_button, Qt.MouseButton.LeftButton)  # "Read the sample interview"
    assert win.view.title_label.text() == SEED_TITLE
    assert not welcome.panel.isVisible() and win.view.text.isVisible()


def test_after_the_sample_was_read_the_next_start_opens_it(qtbot, sample_only, settings):
    first = make_window(qtbot, sample_only, settings)
    qtbot.mouseClick(first.library_actions.welcome.panel.sample_button, Qt.MouseButton.LeftButton)
    first.close()  # remembers where the reader was
    again = make_window(qtbot, sample_only, settings)
    assert again.view.title_label.text() == SEED_TITLE
    assert not again.library_actions.welcome.showing


def test_import_a_folder_from_the_welcome(qtbot, sample_only, settings, files, monkeypatch):
    win = make_window(qtbot, sample_only, settings)
    folder = files["russian"].parent
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    qtbot.mouseClick(win.library_actions.welcome.panel.folder_button, Qt.MouseButton.LeftButton)
    wait_import(qtbot, win)
    assert win.library.count() == 5  # the sample is one of the folder's files too: the same text, kept once
    assert win.current_id is not None and not win.library_actions.welcome.showing


def test_an_empty_library_offers_the_sample(qtbot, tmp_path, settings):
    with Library.open(tmp_path / "empty.sqlite") as library:
        win = make_window(qtbot, library, settings)
        panel = win.library_actions.welcome.panel
        assert panel.isVisible() and panel.sample_button.text() == "Add the sample interview"
        qtbot.mouseClick(panel.sample_button, Qt.MouseButton.LeftButton)
        wait_import(qtbot, win)
        assert win.view.title_label.text() == SEED_TITLE
        assert not panel.isVisible()


def test_where_is_my_library_shows_the_path_and_opens_its_folder(qtbot, sample_only, settings, file_manager):
    win = make_window(qtbot, sample_only, settings)
    qtbot.mouseClick(win.library_actions.welcome.panel.library_button, Qt.MouseButton.LeftButton)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "libraryLocation" and w.isVisible())
    assert str(sample_only.path) in box.informativeText()
    assert str(sample_only.path.parent / "backups") in box.informativeText()
    box.findChild(QPushButton, "openFolderButton").click()
    assert [u.toLocalFile() for u in file_manager.opened] == [str(sample_only.path.parent)]
    assert box.isVisible()  # it stays, to copy the path too
    box.findChild(QPushButton, "copyPathButton").click()
    assert QApplication.clipboard().text() == str(sample_only.path)
    box.close()
    win.command_actions["help.library"].trigger()  # the same from the Help menu
    assert any(w.objectName() == "libraryLocation" and w.isVisible() for w in QApplication.topLevelWidgets())


def test_about_names_version_library_and_licence(qtbot, library, settings):
    win = make_window(qtbot, library, settings)
    win.command_actions["help.about"].trigger()
    text = win.message_box.text()
    assert __version__ in text and str(library.path) in text and "MIT" in text


# -- backups -------------------------------------------------------------------------------------------


def test_a_daily_backup_is_made_after_start_up_once_a_day(qtbot, library, settings, monkeypatch):
    monkeypatch.setattr(backups_module, "DAILY_DELAY_MS", 0)
    folder = library.path.parent / "backups"
    win = make_window(qtbot, library, settings)
    qtbot.waitUntil(lambda: (b := win.library_actions.backups.daily) is not None and b.done, timeout=20_000)
    made = sorted(folder.glob("library.*.daily.sqlite"))
    assert len(made) == 1
    with Library.open(made[0], read_only=True) as copy:
        assert copy.count() == library.count()
    assert "backed up" in win.statusBar().currentMessage()
    again = make_window(qtbot, library, settings)  # a second start the same day: none due
    qtbot.waitUntil(lambda: (b := again.library_actions.backups.daily) is not None and b.done, timeout=20_000)
    assert again.library_actions.backups.daily.result is None
    assert sorted(folder.glob("library.*.daily.sqlite")) == made


def test_back_up_now_copies_the_library_where_the_user_says(qtbot, library, settings, tmp_path, monkeypatch):
    win = make_window(qtbot, library, settings)
    suggested: list[str] = []
    target = tmp_path / "elsewhere" / "my-backup.sqlite"
    target.parent.mkdir()

    def save_as(_parent, _title, path, _filter):  # noqa: ANN001, ANN202
        suggested.append(path)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    win.command_actions["file.backup"].trigger()
    backups = win.library_actions.backups
    qtbot.waitUntil(lambda: backups.manual is not None and backups.manual.done, timeout=20_000)
    assert Path(suggested[0]).parent == library.path.parent / "backups"
    assert Path(suggested[0]).name.endswith(".manual.sqlite")
    with Library.open(target, read_only=True) as copy:
        assert copy.count() == library.count()
    assert str(target) in backups.message_box.text()


# -- libraries that cannot be used as they are ------------------------------------------------------------


def answer_problem_with(choice: str) -> list[str]:
    """Click `choice` in the library problem dialog as soon as it shows; returns the messages it said."""
    said: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "libraryProblem":
            QTimer.singleShot(20, click)
            return
        said.append(box.informativeText())
        box.findChild(QPushButton, f"{choice}Button").click()

    QTimer.singleShot(0, click)
    return said


def test_a_file_that_is_not_a_library_offers_a_new_one(qtbot, tmp_path, settings, monkeypatch):
    bad = tmp_path / "library.sqlite"
    bad.write_text("these are my notes, not a database", encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(fresh), ""))
    said = answer_problem_with(CREATE_NEW)
    library = open_library_or_ask(str(bad), settings)
    assert library is not None and library.path == fresh and library.count() == 0
    assert said == [
        f"{bad} is not a Transcript Reader library (it is not an SQLite database).\n\n"
        "You can open another library file, or start a new, empty library."
    ]
    assert bad.read_text(encoding="utf-8") == "these are my notes, not a database"  # left as it was
    win = make_window(qtbot, library, settings)
    assert win.library.path == fresh
    library.close()


def test_the_default_library_broken_another_one_is_opened_and_remembered(qtbot, tmp_path, settings, library,
                                                                          monkeypatch):  # fmt: skip
    bad = tmp_path / "default.sqlite"
    bad.write_bytes(b"\x00" * 4096)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(library.path), ""))

    def default_opener(path: str | None) -> Library:
        return Library.open(path if path is not None else bad)

    answer_problem_with(OPEN_ANOTHER)
    opened = open_library_or_ask(None, settings, opener=default_opener)
    assert opened is not None and opened.path == library.path and opened.count() == library.count()
    opened.close()
    # Next start: the chosen library, without asking again.
    again = open_library_or_ask(None, settings, opener=default_opener)
    assert again is not None and again.path == library.path
    again.close()


def test_quit_leaves_without_a_library(qtbot, tmp_path, settings):
    bad = tmp_path / "library.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    answer_problem_with(QUIT)
    assert open_library_or_ask(str(bad), settings) is None


def test_a_read_only_library_has_a_banner_and_refuses_changes_with_a_reason(qtbot, library, settings, monkeypatch):
    path = library.path
    tid = next(s.id for s in library.summaries() if s.title.startswith("Foreign Minister"))
    library.close()
    read_only = Library.open(path, read_only=True)
    win = make_window(qtbot, read_only, settings)
    actions = win.library_actions
    assert actions.banner is not None and actions.banner.isVisible()
    assert actions.banner.label.text() == READ_ONLY_TEXT
    # Highlighting: refused, and the status bar says why.
    win.open_transcript(tid)
    win.activateWindow()
    win.view.text.setFocus()
    cursor = win.view.text.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(40, QTextCursor.MoveMode.KeepAnchor)
    win.view.text.setTextCursor(cursor)
    win.command_actions["annotate.highlight"].trigger()
    assert "read-only" in win.statusBar().currentMessage()
    assert read_only.annotations() == []
    # Importing: said before any file dialog, and for a drop too.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: pytest.fail("no file dialog when read-only"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: pytest.fail("no file dialog when read-only"))
    for command_id in ("file.import_files", "file.import_folder", "file.import_annotations"):
        actions.message_box = None
        win.command_actions[command_id].trigger()
        assert actions.message_box is not None and actions.message_box.objectName() == "readOnlyMessage", command_id
        assert "read-only" in actions.message_box.text()
        actions.message_box.close()
    actions.message_box = None
    drop(win, [SEED])
    assert not win.importing and actions.message_box is not None
    assert actions.message_box.objectName() == "readOnlyMessage"
    assert not actions.welcome.showing  # nothing to import into: no welcome either
    read_only.close()


# A library on a real read-only file system, opened as the app opens it at start-up.
ON_READ_ONLY_DISK = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.ui.library_problems import open_library_or_ask
from reader.ui.main_window import MainWindow
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
library = open_library_or_ask(sys.argv[1], settings)
window = MainWindow(library, settings)
window.show()
app.processEvents()
banner = window.library_actions.banner
print(json.dumps({"read_only": library.read_only, "count": library.count(),
                  "banner": bool(banner and banner.isVisible()), "text": banner.label.text() if banner else ""}))
"""


def test_a_library_on_a_read_only_disk_opens_with_the_banner(tmp_path, library):
    from tests.test_faults import run_on_a_read_only_file_system

    disk = tmp_path / "disk"
    disk.mkdir()
    library.backup(disk / "library.sqlite")
    seen = run_on_a_read_only_file_system(disk, ON_READ_ONLY_DISK, str(disk / "library.sqlite"),
                                          str(tmp_path / "settings.ini"))  # fmt: skip
    assert seen == {"read_only": True, "count": library.count(), "banner": True, "text": READ_ONLY_TEXT}


def test_run_window_with_a_broken_library_says_so_instead_of_a_traceback(tmp_path, library):
    """The whole start-up in a process of its own: the choice dialog, then quit; no traceback anywhere."""
    bad = tmp_path / "broken.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QPushButton\n"
        "from reader.ui import themes\n"
        "app = QApplication(themes.qt_arguments(['x']))\n"
        "def click():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if box is None:\n"
        "        QTimer.singleShot(20, click); return\n"
        "    print('asked:', box.informativeText().splitlines()[0], flush=True)\n"
        "    box.findChild(QPushButton, 'quitButton').click()\n"
        "QTimer.singleShot(0, click)\n"
        "from reader.ui.main_window import run_window\n"
        "sys.exit(run_window(['--library', sys.argv[1]]))\n"
    )
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_RUNTIME_DIR": str(tmp_path),
           "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}  # fmt: skip
    import os

    result = subprocess.run([sys.executable, "-c", script, str(bad)], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env={**os.environ, **env})  # fmt: skip
    assert result.returncode == 1
    assert f"asked: {bad} is not a Transcript Reader library" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_the_export_dialog_is_ready_on_a_read_only_library(qtbot, library, settings, tmp_path):
    """Reading and exporting are what a read-only library is for: the export works."""
    path = library.path
    library.close()
    read_only = Library.open(path, read_only=True)
    win = make_window(qtbot, read_only, settings)
    dialog = win.library_actions.export()
    dialog.scope_buttons["library"].setChecked(True)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: dialog.total is not None and not dialog.jobs.busy, timeout=10_000)
    dialog.path_edit.setText(str(tmp_path / "out.json"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.start_export()
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["documents"] == []
    read_only.close()
