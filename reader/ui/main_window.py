"""The main window: calendar sidebar, transcript list and reading pane side by side.

It reads from the library and forwards user intent; it holds no SQL and no parsing. Icons
(qtawesome) load only after the window is first shown, to keep start-up quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSplitter, QToolBar, QToolButton, QWidget

from reader import __version__
from reader.core.library import Library, LibraryError
from reader.ui import themes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reader.core.importer import ImportReport
    from reader.ui.calendar_sidebar import CalendarSidebar
    from reader.ui.import_run import ImportRun
    from reader.ui.transcript_list import TranscriptList
    from reader.ui.transcript_view import TranscriptView

APP_TITLE = "Transcript Reader"
APP_ID = "transcript-reader"
DEFAULT_SIZE = (1280, 820)
DEFAULT_SPLIT = (250, 560, 630)  # in proportion: QSplitter scales them to the window


class MainWindow(QMainWindow):
    """The window. With `deferred=True` only the frame (menus, toolbar, empty panes) is built; the
    panes follow on the first paint, so the window appears before the heavier widgets are made.
    """

    def __init__(
        self,
        library: Library,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings if settings is not None else QSettings()
        self.current_id: int | None = None
        self.import_run: ImportRun | None = None
        self.last_report: ImportReport | None = None
        self.message_box: QMessageBox | None = None  # the last non-blocking message shown
        self.sidebar: CalendarSidebar
        self.list: TranscriptList
        self.view: TranscriptView
        self.icons_loaded = False
        self.panes_built = False
        self._painted = False
        self._pending: list[Callable[[], object]] = []  # what must wait for the panes
        # The theme goes on before any widget exists: applying it later would re-polish every widget.
        self.theme = str(self.settings.value("view/theme", "system"))
        if self.theme not in themes.THEMES:
            self.theme = "system"
        self.colours = self._apply_app_theme()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for index in range(3):
            placeholder = QWidget(self.splitter)
            placeholder.setObjectName("pendingPane")
            if index:  # where the list and the text will be: their background, so nothing flashes
                placeholder.setBackgroundRole(QPalette.ColorRole.Base)
                placeholder.setAutoFillBackground(True)
            self.splitter.addWidget(placeholder)
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.theme_actions[self.theme].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.styleHints().colorSchemeChanged.connect(self._platform_scheme_changed)
        self._set_title(None)
        self._restore_layout()
        if not deferred:
            self.build_panes()

    def build_panes(self) -> None:
        """Make the sidebar, list and reading pane, fill them and open the latest transcript."""
        if self.panes_built:
            return
        from reader.ui.calendar_sidebar import CalendarSidebar
        from reader.ui.transcript_list import TranscriptList
        from reader.ui.transcript_view import TranscriptView

        self.sidebar = CalendarSidebar(self.library, self, colours=self.colours)
        self.list = TranscriptList(self)
        self.view = TranscriptView(self, colours=self.colours)
        for index, pane in enumerate((self.sidebar, self.list, self.view)):
            old = self.splitter.replaceWidget(index, pane)  # the pane takes the placeholder's size
            if old is not None:
                old.deleteLater()
        self.sidebar.setVisible(self.sidebar_action.isChecked())
        self.panes_built = True
        self.sidebar.transcript_chosen.connect(self.open_transcript)
        self.list.transcript_chosen.connect(self.open_transcript)
        self.library.subscribe(self.refresh)

        self.list.set_summaries(self.library.summaries())
        self._update_count()
        latest = self.library.latest()
        if latest is not None:
            self.open_transcript(latest.id)
        self.view.text.setFocus()
        pending, self._pending = self._pending, []
        for call in pending:
            call()

    def when_ready(self, call: Callable[[], object]) -> None:
        """Run `call` now if the panes exist, else as soon as they do."""
        if self.panes_built:
            call()
        else:
            self._pending.append(call)

    # -- building ----------------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.import_files_action = self._action(
            "&Import files…", self.import_files, "Ctrl+I", "Import transcript text files"
        )
        self.import_folder_action = self._action(
            "Import &folder…", self.import_folder, "Ctrl+Shift+I", "Import every .txt file in a folder"
        )
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q", "Quit Transcript Reader")
        self.sidebar_action = self._action("Show &sidebar", self._toggle_sidebar, "F9", "Show or hide the calendar")
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.latest_action = self._action(
            "&Latest transcript", self.open_latest, "Alt+Home", "Open the most recent transcript"
        )
        self.about_action = self._action("&About Transcript Reader", self.show_about, None, "Version and library")
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for name in themes.THEMES:
            action = QAction(themes.THEME_TITLES[name], self.theme_group)
            action.setCheckable(True)
            action.setData(name)
            action.setStatusTip(
                "Follow the system's light or dark setting" if name == "system" else f"Use the {name} theme"
            )
            self.theme_actions[name] = action
        self.theme_group.triggered.connect(lambda action: self.set_theme(str(action.data())))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.latest_action)
        view_menu.addSeparator()
        self.theme_menu = QMenu("&Theme", self)
        self.theme_menu.addActions(list(self.theme_actions.values()))
        view_menu.addMenu(self.theme_menu)
        view_menu.addAction(self.sidebar_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.import_files_action)
        self.toolbar.addAction(self.import_folder_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sidebar_action)
        self.toolbar.addAction(self.latest_action)
        self.theme_button = QToolButton(self)
        self.theme_button.setObjectName("themeButton")
        self.theme_button.setText("Theme")
        self.theme_button.setToolTip("Light, dark or the system's theme")
        self.theme_button.setMenu(self.theme_menu)
        self.theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.theme_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(self.theme_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            # Deferred work starts once the first frame is drawn, not merely scheduled.
            self._painted = True
            QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self) -> None:
        """Work deferred until the window is on screen: the panes, then the icons (qtawesome is slow
        to import), each in its own turn of the event loop so the panes are painted first."""
        if not self.panes_built:
            self.build_panes()
            self.repaint()  # on screen now: a zero timer could run before the queued repaint
        if not self.icons_loaded:
            QTimer.singleShot(0, self._load_icons_once)

    def _load_icons_once(self) -> None:
        if not self.icons_loaded:
            self.load_icons()

    def load_icons(self) -> None:
        from reader.ui.icons import icon as themed_icon

        self.icons_loaded = True
        colour = self.palette().color(QPalette.ColorRole.ButtonText)

        def icon(name: str) -> QIcon:
            return themed_icon(name, colour)

        for action, name in (
            (self.import_files_action, "import"),
            (self.import_folder_action, "folder"),
            (self.quit_action, "quit"),
            (self.sidebar_action, "sidebar"),
            (self.latest_action, "latest"),
            (self.about_action, "about"),
            (self.theme_actions["system"], "theme-system"),
            (self.theme_actions["light"], "theme-light"),
            (self.theme_actions["dark"], "theme-dark"),
        ):
            action.setIcon(icon(name))
        self.theme_button.setIcon(icon("theme"))
        self.theme_menu.setIcon(icon("theme"))

    # -- reading -----------------------------------------------------------------------------------

    def open_transcript(self, transcript_id: int) -> None:
        """Show a transcript and bring the list and calendar to it."""
        if not self.panes_built:
            self.when_ready(lambda: self.open_transcript(transcript_id))
            return
        if transcript_id == self.current_id:
            return
        try:
            transcript = self.library.transcript(transcript_id)
        except LibraryError as err:
            self.statusBar().showMessage(str(err), 8000)
            return
        self.current_id = transcript_id
        self.view.show_transcript(transcript)
        self._set_title(transcript.title)
        self.list.select_transcript(transcript_id)
        if transcript.published_date is not None:
            self.sidebar.show_day(transcript.published_date, transcript_id)

    def open_latest(self) -> None:
        if not self.panes_built:
            return
        latest = self.library.latest()
        if latest is not None:
            self.open_transcript(latest.id)

    def refresh(self) -> None:
        """Re-read everything shown from the library (after an import or any other change)."""
        if not self.panes_built:
            return
        self.list.set_summaries(self.library.summaries())
        self.sidebar.refresh()
        self._update_count()
        if self.current_id is None:
            self.open_latest()
        elif self.list.list_model.row_of(self.current_id) is None:  # the open transcript was deleted
            self.current_id = None
            self.view.clear()
            self._set_title(None)
            self.open_latest()

    def _set_title(self, title: str | None) -> None:
        self.setWindowTitle(f"{title} — {APP_TITLE}" if title else APP_TITLE)

    def _update_count(self) -> None:
        n = self.library.count() if not self.panes_built else self.list.list_model.rowCount()
        self.count_label.setText(f"{n} transcript" if n == 1 else f"{n} transcripts")

    # -- importing ---------------------------------------------------------------------------------

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self, "Import transcripts", self._last_folder(), "Transcripts (*.txt);;All files (*)"
        )
        if files:
            self.settings.setValue("import/folder", str(Path(files[0]).parent))
            self.start_import(files, open_first=True)

    def import_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Import a folder of transcripts", self._last_folder())
        if folder:
            self.settings.setValue("import/folder", folder)
            self.start_import([folder])

    def _last_folder(self) -> str:
        return str(self.settings.value("import/folder", str(Path.home())))

    def start_import(self, paths: Sequence[str | os.PathLike[str]], *, open_first: bool = False) -> None:
        """Import files and folders on a worker thread; the views refresh when it is done."""
        if self.import_run is not None:
            self.statusBar().showMessage("An import is already running.", 5000)
            return
        from reader.ui.import_run import ImportRun

        run = ImportRun(self.library.path, paths, self)
        run.done.connect(lambda report: self._import_done(report, open_first=open_first))
        run.failed.connect(self._import_failed)
        self.import_run = run
        self.import_files_action.setEnabled(False)
        self.import_folder_action.setEnabled(False)
        self.statusBar().showMessage("Importing…")
        run.start()

    @property
    def importing(self) -> bool:
        return self.import_run is not None

    def _end_import(self) -> None:
        if self.import_run is not None:
            self.import_run.deleteLater()
        self.import_run = None
        self.import_files_action.setEnabled(True)
        self.import_folder_action.setEnabled(True)

    def _import_done(self, report: ImportReport, *, open_first: bool) -> None:
        paths = self.import_run.paths if self.import_run else []
        self._end_import()
        self.last_report = report
        self.refresh()
        summary = report.summary()
        failed = report.failed
        if failed:
            first = failed[0]
            summary += f": {Path(first.file).name} — {first.message or first.reason}"
            if len(failed) > 1:
                summary += f" (and {len(failed) - 1} more)"
        self.statusBar().showMessage(summary, 20000)
        if open_first:
            first_id = _first_opened(report, paths)
            if first_id is not None:
                self.open_transcript(first_id)
        if failed:
            details = "\n".join(f"{o.file}: {o.message or o.reason}" for o in failed)
            self._show_message(
                "warning",
                "Some files were not imported",
                f"{report.summary()}.\n\nShow the details for the reason each file was refused.",
                details,
            )

    def _import_failed(self, message: str, details: str) -> None:
        self._end_import()
        self.refresh()  # batches committed before the failure are in the library
        if details:
            from reader.ui.crash import log_error

            log_error(details)
        self.statusBar().showMessage(message, 20000)
        self._show_message("critical", "Import failed", message, details)

    def _show_message(self, icon: str, title: str, text: str, details: str = "") -> None:
        """A non-blocking message box; icon is "information", "warning" or "critical"."""
        from PySide6.QtWidgets import QMessageBox

        kind = {"information": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning}
        box = QMessageBox(kind.get(icon, QMessageBox.Icon.Critical), title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    # -- view --------------------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        if name not in themes.THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.theme = name
        self.theme_actions[name].setChecked(True)
        self.settings.setValue("view/theme", name)
        self._apply_theme()

    def _apply_app_theme(self) -> themes.Colours:
        app = QApplication.instance()
        return themes.apply(self.theme, app) if isinstance(app, QApplication) else themes.LIGHT

    def _apply_theme(self) -> None:
        self.colours = self._apply_app_theme()
        if self.panes_built:
            self.view.set_colours(self.colours)
            self.sidebar.set_colours(self.colours)
        if self.icons_loaded:
            self.load_icons()  # the glyphs are drawn in the palette's text colour

    def _platform_scheme_changed(self) -> None:
        if self.theme == "system":
            self._apply_theme()

    def _toggle_sidebar(self, shown: bool) -> None:
        self.splitter.widget(0).setVisible(shown)

    def show_about(self) -> None:
        text = (
            f"{APP_TITLE} {__version__}\n\n"
            "Read mid.ru transcripts offline, in English and Russian.\n\n"
            f"Library: {self.library.path}\n{self.count_label.text()}"
        )
        self._show_message("information", f"About {APP_TITLE}", text)

    # -- remembering the layout --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        splitter = self.settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(list(DEFAULT_SPLIT))
        shown = str(self.settings.value("window/sidebar", "true")).lower() != "false"
        self.sidebar_action.setChecked(shown)
        self.splitter.widget(0).setVisible(shown)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/sidebar", "true" if self.sidebar_action.isChecked() else "false")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.import_run is not None:
            self.import_run.wait()
        self.save_layout()
        super().closeEvent(event)


def _first_opened(report: ImportReport, paths: Sequence[str | os.PathLike[str]]) -> int | None:
    """The id of the first given file's transcript, else of the first imported one."""
    with_ids = [o for o in report.outcomes if o.id is not None]
    if paths:
        wanted = Path(paths[0]).resolve()
        for outcome in with_ids:
            if outcome.file and Path(outcome.file).resolve() == wanted:
                return int(outcome.id) if outcome.id is not None else None
    return int(with_ids[0].id) if with_ids and with_ids[0].id is not None else None


# -- start-up ----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="transcript-reader", description="Open the Transcript Reader window.")
    parser.add_argument("--library", metavar="PATH", help="the library file (default: in your user data folder)")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="transcript files or folders to import and open")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="open this day in the calendar")
    return parser


def run_window(argv: Sequence[str]) -> int:
    """Open the window (importing any files given) and run until it closes; returns the exit status."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(themes.qt_arguments([sys.argv[0], *argv]))
        argv = app.arguments()[1:]  # Qt has removed its own options (-platform, -style …)
    app.setApplicationName(APP_ID)
    app.setOrganizationName(APP_ID)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    args = build_parser().parse_args(list(argv))
    from reader.ui.launch import exit_after_shown_if_asked, identify_application
    from reader.ui.single_instance import SingleInstance, split_hand_over

    identify_application(app)
    instance = SingleInstance(args.library)
    if not instance.acquire(argv):
        return 0  # the window already open on this library took the arguments

    from reader.ui.crash import install_excepthook

    install_excepthook()
    from reader.core.importer import open_library

    try:
        library = open_library(args.library)
    except LibraryError as err:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, "The library could not be opened.")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(str(err))
        box.exec()
        return 1
    window = MainWindow(library, deferred=True)
    exit_after_shown_if_asked(window, lambda: window.icons_loaded)  # packaging/smoke_test_bundle.sh

    def act_on_hand_over(received: list[str]) -> None:  # a second start's files and --date (raised already)
        paths, day = split_hand_over(received)
        if paths:
            window.when_ready(lambda: window.start_import(paths, open_first=True))
        if day is not None:
            window.when_ready(lambda: window.sidebar.show_day(day))

    instance.attach(window)
    instance.argumentsReceived.connect(act_on_hand_over)
    window.show()  # the panes, then the icons, follow its first paint (MainWindow.paintEvent)
    if args.paths:
        paths = list(args.paths)
        window.when_ready(lambda: window.start_import(paths, open_first=True))
    if args.date:
        act_on_hand_over(["--date", args.date])  # the same as a second start's --date
    status = app.exec()
    instance.close()
    library.close()
    return status
