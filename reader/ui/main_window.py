"""The main window: calendar sidebar, transcript list and reading pane side by side.

It reads from the library and forwards user intent; it holds no SQL and no parsing. Icons
(qtawesome) load only after the window is first shown, to keep start-up quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QSplitter, QToolBar, QWidget

from reader import __version__
from reader.core.commands import KEYMAP_FILE, Keymap, KeymapError, command
from reader.core.library import Library, LibraryError
from reader.ui import themes
from reader.ui.actions import (
    HAS_HANDLER,
    apply_keymap,
    build_actions,
    populate_menus,
    populate_toolbar,
    set_handler,
)
from reader.ui.lazy_qt import Qt, set_by_name
from reader.ui.navigation import ZOOM_STEPS, History, focus_target, next_area, zoom_step

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from reader.core.fuzzy import DateTarget
    from reader.core.importer import ImportReport
    from reader.ui.calendar_sidebar import CalendarSidebar
    from reader.ui.cheat_sheet import CheatSheet
    from reader.ui.import_run import ImportRun
    from reader.ui.palette import CommandPalette
    from reader.ui.preferences import PreferencesDialog
    from reader.ui.reading import Reading
    from reader.ui.transcript_list import TranscriptList
    from reader.ui.transcript_view import TranscriptView

APP_TITLE = "Transcript Reader"
APP_ID = "transcript-reader"
DEFAULT_SIZE = (1280, 820)
DEFAULT_SPLIT = (250, 560, 630)  # in proportion: QSplitter scales them to the window


class MainWindow(QMainWindow):
    """The window. With `deferred=True` only the frame (menus, toolbar, empty panes) is built, and
    `build_reading_pane` may add the text before the window is shown; the other panes follow its
    first paint, so the window appears with the text before the heavier widgets are made.
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
        self.reading: Reading
        self.icons_loaded = False
        self.reading_pane_built = False
        self.panes_built = False
        self._first_id: int | None = None  # the transcript opened at start
        self._painted = False
        self._pending: list[Callable[[], object]] = []  # what must wait for the panes
        self.history: History[int] = History()  # the transcripts opened, for Back and Forward
        self.focus_panels: list[QWidget] = []  # areas F6 visits after the reading pane (add_focus_area)
        self.preference_pages: list[tuple[str, Callable[[], QWidget]]] = []  # add_preferences_page
        self.cheat_sheet: CheatSheet | None = None
        self.command_palette: CommandPalette | None = None
        self.preferences: PreferencesDialog | None = None
        # The theme goes on before any widget exists: applying it later would re-polish every widget.
        self.theme = str(self.settings.value("view/theme", "system"))
        if self.theme not in themes.THEMES:
            self.theme = "system"
        # A start goes by the platform's colour scheme as last seen (asking costs ~30 ms before the first
        # frame); finish_startup asks afresh. The first start asks at once, and remembers.
        seen = self.settings.value(themes.SYSTEM_SCHEME) if deferred else None
        self._scheme_seen = str(seen) if seen is not None else None
        if deferred and seen is None and self.theme == "system":
            self._check_platform_scheme()
        self.colours = self._apply_app_theme(self._scheme_seen)

        self.splitter = QSplitter(parent=self)  # side by side (by keyword: see reader/ui/lazy_qt.py)
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

        self.keymap = self._load_keymap()
        self.command_actions = build_actions(self, self._own_handlers(), self.keymap)
        self.menus = populate_menus(self.menuBar(), self.command_actions)
        self._create_toolbar()
        self.command_actions[f"view.theme_{self.theme}"].setChecked(True)
        self._update_history_actions()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.styleHints().colorSchemeChanged.connect(self._platform_scheme_changed)
        self._set_title(None)
        self._restore_layout()
        if not deferred:
            self.build_panes()

    def build_reading_pane(self) -> None:
        """The reading pane with its tools and the transcript to open in it.

        At start-up this runs before the window is first shown, so its first frame already holds the
        text; the calendar, the list, annotations and search follow in `build_panes`."""
        if self.reading_pane_built:
            return
        from reader.ui.reading import Reading
        from reader.ui.transcript_view import TranscriptView

        self.view = TranscriptView(self, colours=self.colours)
        self._replace_pane(2, self.view)
        self.view.set_zoom(self._saved_zoom())
        self.library.subscribe(self.refresh)
        self.reading = Reading(self)  # language toggle, side by side, structure, print (issue 3)
        self.reading_pane_built = True
        self._first_id = self._first_to_open()
        if self._first_id is not None:
            try:
                self.view.show_transcript(self.library.transcript(self._first_id))
            except LibraryError:
                self._first_id = None
            else:
                self.reading.shown()  # its language toggle and the place the reader left it at
        self.view.text.setFocus()  # where the keys go from the first frame on

    def _replace_pane(self, index: int, pane: QWidget) -> None:
        old = self.splitter.replaceWidget(index, pane)  # the pane takes the placeholder's size
        if old is not None:
            old.deleteLater()

    def _first_to_open(self) -> int | None:
        """Where the reader left off in this library, else the latest transcript (in the reader's
        language) — unless this is the first run, which greets the user instead."""
        first = self.reading.first_transcript()
        if first is None:
            from reader.ui.welcome import is_first_run

            latest = self.library.latest()
            if latest is not None and not is_first_run(self.library):
                first = self.reading.preferred_version(latest.id)
        return first

    def build_panes(self) -> None:
        """Make the sidebar and the features of the panes, fill the list and open the first transcript."""
        if self.panes_built:
            return
        self.build_reading_pane()
        from reader.ui.calendar_sidebar import CalendarSidebar
        from reader.ui.transcript_list import TranscriptList

        self.sidebar = CalendarSidebar(self.library, self, colours=self.colours)
        self.list = TranscriptList(self)
        self._replace_pane(0, self.sidebar)
        self._replace_pane(1, self.list)
        self.reading.attach_list(self.list)
        self.sidebar.setVisible(self.command_actions["view.sidebar"].isChecked())
        self.panes_built = True
        self.sidebar.transcript_chosen.connect(self.open_transcript)
        self.list.transcript_chosen.connect(self.open_transcript)
        self._wire_keyboard()
        from reader.ui.annotations import install as install_annotations

        self.annotations = install_annotations(self)  # highlights, notes, tags, bookmarks, their panels (issue 5)
        from reader.ui.archive_search import install as install_search

        self.search = install_search(self)  # search panel and results, hits, calendar marks (issue 4)
        from reader.ui.library_actions import install as install_library_actions

        # export, annotation import, backups, drops, first-run welcome, read-only banner (issues 6, 8)
        self.library_actions = install_library_actions(self)

        self.list.show_library(self.library)
        self._update_count()
        if self._first_id is not None:  # shown already: open it again, now with its annotations, day and row
            self.open_transcript(self._first_id)
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

    def _own_handlers(self) -> dict[str, Callable[..., object]]:
        """The commands the window itself handles; features add theirs with `register_handlers`."""
        handlers: dict[str, Callable[..., object]] = {
            "file.import_files": self.import_files,
            "file.import_folder": self.import_folder,
            "file.quit": self.close,
            "edit.preferences": self.show_preferences,
            "view.sidebar": self._toggle_sidebar,
            "view.zoom_in": lambda: self.zoom(1),
            "view.zoom_out": lambda: self.zoom(-1),
            "view.zoom_reset": lambda: self.zoom(0),
            "view.focus_next": lambda: self.focus_area(1),
            "view.focus_previous": lambda: self.focus_area(-1),
            "view.full_screen": self.set_full_screen,
            "go.next_transcript": lambda: self.step_transcript(1),
            "go.previous_transcript": lambda: self.step_transcript(-1),
            "go.open": self.open_selected,
            "go.next_day": lambda: self.step_day(1),
            "go.previous_day": lambda: self.step_day(-1),
            "go.next_month": lambda: self.step_month(1),
            "go.previous_month": lambda: self.step_month(-1),
            "go.latest": self.open_latest,
            "go.back": self.go_back,
            "go.forward": self.go_forward,
            "help.cheat_sheet": self.show_cheat_sheet,
            "help.palette": self.show_palette,
            "help.about": self.show_about,
        }
        for name in themes.THEMES:
            handlers[f"view.theme_{name}"] = lambda checked, name=name: checked and self.set_theme(name)
        return handlers

    def register_handlers(self, handlers: Mapping[str, Callable[..., object] | None]) -> None:
        """Make each command run its handler, replacing an earlier one, and enable its action; None
        disables it again. A handler takes no arguments, except a checkable command's, which gets the
        new checked state. An unknown id raises KeyError (a typo must not leave a dead key)."""
        for command_id, handler in handlers.items():
            command(command_id)  # KeyError: no command 'search.fnd'
            set_handler(self.command_actions[command_id], handler)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        set_by_name(self.toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        populate_toolbar(self.toolbar, self.command_actions)
        self.addToolBar(self.toolbar)  # at the top

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            # Deferred work starts once the first frame is drawn, not merely scheduled.
            self._painted = True
            QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self) -> None:
        """Work deferred until the window is on screen: the panes, then — once the text has been
        painted — the icons (qtawesome is slow to import)."""
        if not self.panes_built:
            self.build_panes()
        self._check_platform_scheme()
        if not self.icons_loaded:
            from reader.ui.launch import after_first_paint

            after_first_paint(self.view.text.viewport(), self._load_icons_once)

    def _load_icons_once(self) -> None:
        if not self.icons_loaded:
            from reader.ui.launch import set_app_icon

            app = QApplication.instance()
            if isinstance(app, QApplication) and app.windowIcon().isNull():
                set_app_icon(app)  # the window's own icon, too, waits for the text (a dock shows it a moment later)
            self.load_icons()

    def load_icons(self) -> None:
        """The registry's icons (and the Theme submenu's), drawn in the palette's text colour."""
        from reader.ui.actions import load_icons
        from reader.ui.icons import icon

        self.icons_loaded = True
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        load_icons(self.command_actions, colour)
        theme_menu = self.findChild(QMenu, "submenu:Theme")
        if theme_menu is not None:
            theme_menu.setIcon(icon("theme", colour))

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
        self.reading.leaving()  # remembers the place in the transcript being replaced
        self.current_id = transcript_id
        self.view.show_transcript(transcript)
        self.reading.shown()  # its language toggle, contents, and the place the reader left it at
        self.view.text.setAccessibleDescription(transcript.title)
        self._set_title(transcript.title)
        self.list.select_transcript(transcript_id)
        if transcript.published_date is not None:
            self.sidebar.show_day(transcript.published_date, transcript_id)
        self.history.visit(transcript_id)
        self._update_history_actions()

    def open_latest(self) -> None:
        """The latest transcript, its day chosen in the calendar (Alt+Home)."""
        if not self.panes_built:
            return
        latest = self.library.latest()
        if latest is not None:
            chosen = self.reading.preferred_version(latest.id)  # in the reader's language
            self.open_transcript(chosen)
            if latest.published_date is not None:
                self.sidebar.show_day(latest.published_date, chosen)

    def refresh(self) -> None:
        """Re-read everything shown from the library (after an import or any other change)."""
        if not self.panes_built or self.library.last_change == "annotations":  # the list and calendar stay
            return
        self.list.show_library(self.library)
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
        self.count_label.setText(self.tr("1 transcript") if n == 1 else self.tr("{count} transcripts").format(count=n))

    # -- importing ---------------------------------------------------------------------------------

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import transcripts"), self._last_folder(), self.tr("Transcripts (*.txt);;All files (*)")
        )
        if files:
            self.settings.setValue("import/folder", str(Path(files[0]).parent))
            self.start_import(files, open_first=True)

    def import_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of transcripts"), self._last_folder())
        if folder:
            self.settings.setValue("import/folder", folder)
            self.start_import([folder])

    def _last_folder(self) -> str:
        return str(self.settings.value("import/folder", str(Path.home())))

    def start_import(self, paths: Sequence[str | os.PathLike[str]], *, open_first: bool = False) -> None:
        """Import files and folders on a worker thread; the views refresh when it is done."""
        if self.import_run is not None:
            self.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return
        if self.library.read_only and self.panes_built:
            self.library_actions.explain_if_read_only()  # says why nothing can be imported
            return
        from reader.ui.import_run import ImportRun

        run = ImportRun(self.library.path, paths, self)
        run.done.connect(lambda report: self._import_done(report, open_first=open_first))
        run.failed.connect(self._import_failed)
        self.import_run = run
        for command_id in ("file.import_files", "file.import_folder"):
            self.command_actions[command_id].setEnabled(False)
        self.statusBar().showMessage(self.tr("Importing…"))
        run.start()

    @property
    def importing(self) -> bool:
        return self.import_run is not None

    def _end_import(self) -> None:
        if self.import_run is not None:
            self.import_run.deleteLater()
        self.import_run = None
        for command_id in ("file.import_files", "file.import_folder"):
            self.command_actions[command_id].setEnabled(True)

    def _import_done(self, report: ImportReport, *, open_first: bool) -> None:
        paths = self.import_run.paths if self.import_run else []
        self._end_import()
        self.last_report = report
        self.library.changed_elsewhere()  # the worker's connection wrote: every view re-reads (refresh too)
        summary = report.summary()
        failed = report.failed
        if failed:
            first = failed[0]
            summary += f": {Path(first.file).name} — {first.message or first.reason}"
            if len(failed) > 1:
                summary += " " + self.tr("(and {count} more)").format(count=len(failed) - 1)
        self.statusBar().showMessage(summary, 20000)
        if open_first:
            first_id = _first_opened(report, paths)
            if first_id is not None:
                self.open_transcript(first_id)
        if failed:
            details = "\n".join(f"{o.file}: {o.message or o.reason}" for o in failed)
            self._show_message(
                "warning",
                self.tr("Some files were not imported"),
                f"{report.summary()}.\n\n" + self.tr("Show the details for the reason each file was refused."),
                details,
            )

    def _import_failed(self, message: str, details: str) -> None:
        self._end_import()
        self.library.changed_elsewhere()  # batches committed before the failure are in the library
        if details:
            from reader.ui.crash import log_error

            log_error(details)
        self.statusBar().showMessage(message, 20000)
        self._show_message("critical", self.tr("Import failed"), message, details)

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
        self.command_actions[f"view.theme_{name}"].setChecked(True)
        self.settings.setValue("view/theme", name)
        self._apply_theme()

    def _apply_app_theme(self, system: str | None = None) -> themes.Colours:
        app = QApplication.instance()
        return themes.apply(self.theme, app, system) if isinstance(app, QApplication) else themes.LIGHT

    def _check_platform_scheme(self) -> None:
        """Ask the platform's colour scheme now that the window is on screen: remember it for the next
        start, and if it changed since the last one while the theme follows it, follow it now."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        now = themes.platform_scheme(app)
        if now != self._scheme_seen:
            self.settings.setValue(themes.SYSTEM_SCHEME, now)
            self.settings.sync()  # kept even if this start ends abruptly
            if self.theme == "system" and self._scheme_seen is not None:
                self._apply_theme()
            self._scheme_seen = now

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
        sidebar = self.splitter.widget(0)
        focused = QApplication.focusWidget()
        sidebar.setVisible(shown)
        if not shown and focused is not None and sidebar.isAncestorOf(focused):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)  # the focus must not vanish with it

    def show_about(self) -> None:
        text = (
            f"{APP_TITLE} {__version__}\n\n"
            + self.tr("Read mid.ru transcripts offline, in English and Russian.")
            + "\n\n"
            + self.tr("Library: {path}").format(path=self.library.path)
            + f"\n{self.count_label.text()}"
            + "\n\n"
            + self.tr("Licence: MIT (free to use, change and share)")
        )
        self._show_message("information", self.tr("About {app}").format(app=APP_TITLE), text)

    # -- keyboard: keys, areas, going places (issue 7) -------------------------------------------------

    def _saved_zoom(self) -> float:
        try:
            zoom = float(self.settings.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            zoom = 1.0
        return min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])

    def _wire_keyboard(self) -> None:
        """Enter in the lists and the calendar, and names for screen readers."""
        from reader.ui.calendar_sidebar import to_date

        self.list.activated.connect(lambda index: self._open_and_read(self.list.list_model.summary(index.row()).id))
        self.sidebar.day_list.itemActivated.connect(lambda _item: self.focus_reading())
        self.sidebar.calendar.activated.connect(lambda day: self.open_day(to_date(day), read=True))
        for widget, name, description in (
            (self.sidebar.calendar, self.tr("Calendar"), self.tr("Days with transcripts are bold. Arrows move the "
             "day; Enter opens its first transcript.")),
            (self.sidebar.day_list, self.tr("Transcripts of the chosen day"), self.tr("Enter opens the transcript")),
            (self.sidebar.archive, self.tr("Archive by year and month"),
             self.tr("Enter shows the month in the calendar")),
            (self.list, self.tr("All transcripts"),
             self.tr("Newest first. J and K open the next and previous; Enter reads")),
            (self.view.text, self.tr("Transcript text"), ""),
        ):  # fmt: skip
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def _load_keymap(self) -> Keymap:
        try:
            return Keymap.load(self.keymap_file())
        except KeymapError as err:  # keep the file: saving the defaults over it would lose the user's keys
            self.statusBar().showMessage(
                self.tr("Your keyboard shortcuts were not read ({error}); using the defaults.").format(error=err)
            )
            return Keymap()

    def keymap_file(self) -> Path:
        """shortcuts.json beside the settings file (so a test's settings in tmp keep it there too)."""
        if self.settings.format() == QSettings.Format.NativeFormat and sys.platform in ("win32", "darwin"):
            from reader.core.commands import keymap_path

            return keymap_path()  # the registry or a plist: no folder of our own there
        return Path(self.settings.fileName()).parent / KEYMAP_FILE

    def set_keymap(self, keymap: Keymap) -> None:
        """Use these keys from now on and keep them; menus, tooltips, cheat sheet and palette follow."""
        try:
            keymap.save(self.keymap_file())
        except OSError as err:
            self._show_message(
                "warning",
                self.tr("Keys not saved"),
                self.tr("The keys apply until you quit, but were not saved: {error}").format(error=err),
            )
        self.keymap = keymap
        apply_keymap(self.command_actions, keymap)
        if self.cheat_sheet is not None:
            self.cheat_sheet.set_keymap(keymap)
        if self.command_palette is not None:
            self.command_palette.keymap = keymap

    def show_cheat_sheet(self) -> None:
        if self.cheat_sheet is None:
            from reader.ui.cheat_sheet import CheatSheet

            self.cheat_sheet = CheatSheet(self.keymap, self.command_actions, self)
        self.cheat_sheet.search.clear()
        self.cheat_sheet.show()
        self.cheat_sheet.raise_()
        self.cheat_sheet.activateWindow()
        self.cheat_sheet.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_palette(self) -> None:
        if self.command_palette is None:
            from reader.ui.palette import CommandPalette, date_provider, transcript_provider

            self.command_palette = CommandPalette(self.command_actions, self.keymap, self)
            self.command_palette.add_provider(date_provider(self.go_to_date))
            titles = transcript_provider(self.library.summaries, self._open_and_read)
            self.library.subscribe(titles.invalidate)
            self.command_palette.add_provider(titles)
        self.command_palette.popup()

    def show_preferences(self, page: str | None = None) -> PreferencesDialog:
        """The preferences dialog (one at a time), on `page` if given."""
        if self.preferences is None:
            from reader.ui.preferences import GeneralPage, KeyboardPage, PreferencesDialog

            dialog = PreferencesDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.add_page(self.tr("General"), GeneralPage(self.theme, self.set_theme))
            dialog.add_page(self.tr("Keyboard"), KeyboardPage(self.keymap, self.set_keymap))
            for title, make_page in self.preference_pages:
                dialog.add_page(title, make_page())
            dialog.finished.connect(lambda _result: setattr(self, "preferences", None))
            self.preferences = dialog
            dialog.open()
        if page is not None:
            self.preferences.show_page(page)
        self.preferences.raise_()
        self.preferences.activateWindow()
        return self.preferences

    def add_preferences_page(self, title: str, make_page: Callable[[], QWidget]) -> None:
        """A feature's own page in Preferences: `make_page()` builds it each time the dialog opens; a
        page's `apply()` (if it has one) runs on OK and Apply, and returning False keeps it open."""
        self.preference_pages.append((title, make_page))

    # going places

    def focus_reading(self) -> None:
        """Put the keyboard in the reading pane (or what stands in its place)."""
        target = self.view.text if self.view.text.isVisible() else focus_target(self.view)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_and_read(self, transcript_id: int) -> None:
        self.open_transcript(transcript_id)
        self.focus_reading()

    def open_day(self, day: dt.date, *, read: bool = False) -> None:
        """Choose the day in the calendar and open its first transcript; `read` moves the focus to it."""
        if not self.panes_built:
            return
        self.sidebar.show_day(day)
        on_day = self.library.transcripts_on(day)
        if not on_day:
            from reader.ui.dates import long_date

            self.statusBar().showMessage(self.tr("No transcripts on {day}").format(day=long_date(day)), 5000)
            return
        chosen = self.reading.preferred_version(on_day[0].id)  # in the reader's language
        self.open_transcript(chosen)
        self.sidebar.show_day(day, chosen)
        if read:
            self.focus_reading()

    def go_to_date(self, target: DateTarget) -> None:
        """A date typed in the palette: that day and its first transcript, or that month in the calendar."""
        if target.month_only:
            self.show_month(target.day.year, target.day.month)
        else:
            self.open_day(target.day)

    def show_month(self, year: int, month: int) -> None:
        """The month in the calendar: its newest day with transcripts, or its first day."""
        if self.library.days_with_transcripts(year, month):
            self.sidebar.show_month(year, month)
        else:
            self.sidebar.calendar.setSelectedDate(QDate(year, month, 1))

    def step_day(self, step: int) -> None:
        """The next (1) or previous (-1) day that has transcripts, from the day chosen in the calendar."""
        if not self.panes_built:
            return
        day = self.library.adjacent_day(self.sidebar.selected_day(), step)
        if day is None:
            self.statusBar().showMessage(
                self.tr("No later day has transcripts") if step > 0 else self.tr("No earlier day"), 5000
            )
            return
        self.open_day(day)

    def step_month(self, step: int) -> None:
        if not self.panes_built:
            return
        calendar = self.sidebar.calendar
        month = QDate(calendar.yearShown(), calendar.monthShown(), 1).addMonths(step)
        self.show_month(month.year(), month.month())

    def step_transcript(self, step: int) -> None:
        """Open the next (1) or previous (-1) transcript of the list (J / K); the focus stays."""
        if not self.panes_built or self.list.list_model.rowCount() == 0:
            return
        current = self.list.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.list.list_model.rowCount():
            self.open_transcript(self.list.list_model.summary(row).id)

    def open_selected(self) -> None:
        """Open what is chosen in the focused list (the transcript list by default) and read it."""
        if not self.panes_built:
            return
        focused = QApplication.focusWidget()
        if focused is not None and (focused is self.sidebar.calendar or self.sidebar.calendar.isAncestorOf(focused)):
            self.open_day(self.sidebar.selected_day(), read=True)
        elif focused is self.sidebar.day_list and self.sidebar.day_list.currentItem() is not None:
            self.sidebar.day_list.itemActivated.emit(self.sidebar.day_list.currentItem())
        elif focused is self.sidebar.archive and self.sidebar.archive.currentItem() is not None:
            self.sidebar.archive.itemActivated.emit(self.sidebar.archive.currentItem(), 0)
        elif self.list.current_id() is not None:
            self._open_and_read(int(self.list.current_id()))

    def go_back(self) -> None:
        self._open_from_history(self.history.back())

    def go_forward(self) -> None:
        self._open_from_history(self.history.forward())

    def _open_from_history(self, transcript_id: int | None) -> None:
        if transcript_id is not None:
            self.open_transcript(transcript_id)
            if self.current_id != transcript_id:  # deleted meanwhile
                self.history.discard(transcript_id)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        history = self.history
        for command_id, possible in (("go.back", history.can_go_back), ("go.forward", history.can_go_forward)):
            action = self.command_actions[command_id]
            if action.property(HAS_HANDLER):
                action.setEnabled(possible)

    # areas, zoom, full screen

    def focus_areas(self) -> list[QWidget]:
        """The areas F6 visits, in order: calendar, day list, archive, transcript list, reading pane,
        then the panels (add_focus_area, and any dock widget); hidden ones are skipped when cycling."""
        if not self.panes_built:
            return []
        areas: list[QWidget] = [self.sidebar.calendar, self.sidebar.day_list, self.sidebar.archive, self.list]
        areas.append(self.view.text)
        areas += self.focus_panels
        for dock in self.findChildren(QDockWidget):
            panel = dock.widget() or dock
            if not any(panel is a or a.isAncestorOf(panel) or panel.isAncestorOf(a) for a in areas):
                areas.append(panel)
        return areas

    def add_focus_area(self, widget: QWidget) -> None:
        """A panel F6 and Shift+F6 visit after the reading pane (while it is visible)."""
        if widget not in self.focus_panels:
            self.focus_panels.append(widget)

    def focus_area(self, step: int) -> None:
        area = next_area(self.focus_areas(), QApplication.focusWidget(), step)
        target = focus_target(area) if area is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)

    def zoom(self, step: int) -> None:
        """Larger (1), smaller (-1) or actual-size (0) reading text, remembered for the next start."""
        if not self.panes_built:
            return
        zoom = zoom_step(self.view.zoom, step)
        self.view.set_zoom(zoom)
        self.settings.setValue("view/zoom", zoom)
        self.statusBar().showMessage(self.tr("Zoom {percent} %").format(percent=round(zoom * 100)), 3000)

    def set_full_screen(self, on: bool) -> None:
        full = Qt.WindowState.WindowFullScreen
        self.setWindowState(self.windowState() | full if on else self.windowState() & ~full)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "command_actions"):
            # also when the window manager ends full screen
            self.command_actions["view.full_screen"].setChecked(self.isFullScreen())

    # -- remembering the layout --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        splitter = self.settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(list(DEFAULT_SPLIT))
        shown = str(self.settings.value("window/sidebar", "true")).lower() != "false"
        self.command_actions["view.sidebar"].setChecked(shown)
        self.splitter.widget(0).setVisible(shown)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        shown = self.command_actions["view.sidebar"].isChecked()
        self.settings.setValue("window/sidebar", "true" if shown else "false")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.import_run is not None:
            self.import_run.wait()
        if self.panes_built:
            self.reading.closing()  # the place in the open transcript, for the next start
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
    from reader.ui.i18n import install_translators

    install_translators(app)  # English or Russian: the system's, or the one chosen in Preferences
    from reader.ui.launch import exit_after_shown_if_asked, identify_application
    from reader.ui.single_instance import SingleInstance, split_hand_over

    identify_application(app)
    instance = SingleInstance(args.library)
    if instance.try_hand_over(argv):
        return 0  # the window already open on this library took the arguments

    from reader.ui.crash import install_excepthook

    install_excepthook()
    from reader.ui.library_problems import open_library_or_ask

    # Read-only disk: opened read-only. Not a library, unreadable: the user opens or creates another.
    library = open_library_or_ask(args.library)
    if library is None:
        return 1
    window = MainWindow(library, deferred=True)
    window.build_reading_pane()  # the first frame shows the text; the rest follows it (finish_startup)
    exit_after_shown_if_asked(window, lambda: window.icons_loaded)  # packaging/smoke_test_bundle.sh

    def act_on_hand_over(received: list[str]) -> None:  # a second start's files and --date (raised already)
        paths, day = split_hand_over(received)
        if paths:
            window.when_ready(lambda: window.start_import(paths, open_first=True))
        if day is not None:
            window.when_ready(lambda: window.sidebar.show_day(day))

    def take_hand_overs() -> None:  # after the first frame: listening needs QtNetwork (~10 ms)
        if not instance.listen() and instance.try_hand_over(argv):
            app.quit()  # started at the same moment as another instance, which won and took the arguments
            return
        instance.attach(window)
        instance.argumentsReceived.connect(act_on_hand_over)
        if args.paths:
            window.start_import(list(args.paths), open_first=True)
        if args.date:
            act_on_hand_over(["--date", args.date])  # the same as a second start's --date

    window.show()  # the panes, then the icons, follow its first paint (MainWindow.paintEvent)
    window.when_ready(take_hand_overs)
    status = app.exec()
    instance.close()
    library.close()
    return status
