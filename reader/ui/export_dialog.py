"""File ▸ Export annotations… (Ctrl+E): what to export, in which format, a live preview, and where to.

The preview, the count and the export itself run on a worker thread with its own read-only connection
to the library (10,000 annotations take about a second to export): the dialog never waits for the
database, and a long export shows its progress and can be cancelled. The file is written all or
nothing (`write_atomically`); an existing file is replaced only after the user said so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import FORMATS, ExportError, Scope, export, preview, select, write_atomically
from reader.core.library import Library, LibraryError
from reader.core.search import QueryError, SearchFilters

PREVIEW_ENTRIES = 5
PREVIEW_DELAY_MS = 120  # a pause after the last change before the preview is asked for
PROGRESS_DELAY_MS = 400  # quick exports finish without a progress dialog flashing up
COUNTERPART_FORMATS = ("markdown", "html")

SCOPES = ("document", "selected", "search", "dates", "library")
SCOPE_SETTING = "export/scope"
FORMAT_SETTING = "export/format"
FOLDER_SETTING = "export/folder"
COUNTERPARTS_SETTING = "export/counterparts"


@dataclass(frozen=True, slots=True)
class SearchScope:
    """The search shown in the window: its query and filters (the worker runs it for every hit)."""

    query: str
    filters: SearchFilters
    total: int = 0


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """Everything the dialog's fields say, as plain data the worker thread can use."""

    format: str = "markdown"
    transcripts: tuple[int, ...] | None = None  # None: not limited to some transcripts
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: SearchScope | None = None  # resolved to transcripts by the worker
    colors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    counterparts: bool = False

    def scope(self, library: Library) -> Scope:
        """The core's Scope; a search is run for all its hits first."""
        scope = Scope(transcripts=self.transcripts, date_from=self.date_from, date_to=self.date_to)
        if self.search is not None:
            result = library.search(self.search.query, filters=self.search.filters, sort="date", limit=None)
            scope = Scope.of_search(result)
        return dataclasses.replace(scope, colors=self.colors, tags=self.tags)

    @property
    def with_counterparts(self) -> bool:
        return self.counterparts and self.format in COUNTERPART_FORMATS


class _Cancelled(Exception):
    pass


class ExportJobs(QObject):
    """The worker thread: previews (only the newest one wanted is made) and one export at a time.
    Signals arrive on the UI thread."""

    previewed = Signal(int, str)  # generation, the start of the export
    counted = Signal(int, int, int)  # generation, annotations, transcripts
    preview_failed = Signal(int, str)  # generation, a message for people
    progressed = Signal(int, int)  # annotations written, of how many (0, 0: still reading)
    exported = Signal(str, int)  # the file written, annotations in it
    export_failed = Signal(str)  # a message for people
    export_cancelled = Signal()

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_path = Path(library_path)
        self._lock = threading.Condition()
        self._preview: tuple[int, ExportChoice] | None = None
        self._export: tuple[ExportChoice, Path, bool] | None = None
        self._cancel = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._working = False
        self.generation = 0  # of the newest preview asked for

    def want_preview(self, choice: ExportChoice) -> int:
        with self._lock:
            self.generation += 1
            self._preview = (self.generation, choice)
            self._start_locked()
            self._lock.notify()
            return self.generation

    def export(self, choice: ExportChoice, path: Path, *, force: bool) -> None:
        with self._lock:
            self._cancel.clear()
            self._export = (choice, path, force)
            self._start_locked()
            self._lock.notify()

    def cancel_export(self) -> None:
        self._cancel.set()

    def close(self, *, wait: float = 5.0) -> None:
        """Stop the worker (a running export is cancelled); it closes its connection itself."""
        with self._lock:
            self._closed = True
            self._preview = self._export = None
            self._cancel.set()
            self._lock.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(wait)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._preview is not None or self._export is not None or self._working

    # -- the worker thread -------------------------------------------------------------------------

    def _start_locked(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._work, name="export", daemon=True)
            self._thread.start()

    def _next(self) -> tuple[str, Any] | None:
        with self._lock:
            self._working = False
            while not self._closed:
                if self._export is not None:  # an export goes before any preview
                    export_job, self._export = self._export, None
                    self._working = True
                    return "export", export_job
                if self._preview is not None:
                    preview_job, self._preview = self._preview, None
                    self._working = True
                    return "preview", preview_job
                self._lock.wait()
            return None

    def _current(self, generation: int) -> bool:
        with self._lock:
            return not self._closed and generation == self.generation and self._preview is None

    def _work(self) -> None:
        library: Library | None = None
        try:
            while (job := self._next()) is not None:
                kind, args = job
                try:
                    if library is None:
                        library = Library.open(self.library_path, read_only=True)
                    if kind == "export":
                        self._run_export(library, *args)
                    else:
                        self._run_preview(library, *args)
                except Exception as err:  # said in the dialog; the worker goes on
                    message = _message(err)
                    if kind == "export":
                        self._emit(self.export_failed, message)
                    else:
                        self._emit(self.preview_failed, args[0], message)
        finally:
            if library is not None:
                library.close()

    def _run_preview(self, library: Library, generation: int, choice: ExportChoice) -> None:
        scope = choice.scope(library)
        text = preview(library, choice.format, scope, PREVIEW_ENTRIES, counterparts=choice.with_counterparts)
        if not self._current(generation):
            return
        self._emit(self.previewed, generation, text)
        selection = select(library, scope)  # the count: every annotation of the scope (no counterparts)
        if self._current(generation):
            self._emit(self.counted, generation, selection.total, len(selection.documents))

    def _run_export(self, library: Library, choice: ExportChoice, path: Path, force: bool) -> None:
        self._emit(self.progressed, 0, 0)
        scope = choice.scope(library)
        total = 0

        def progress(done: int, of: int) -> None:
            nonlocal total
            total = of
            if self._cancel.is_set():
                raise _Cancelled
            self._emit(self.progressed, done, of)

        try:
            text = export(library, choice.format, scope, counterparts=choice.with_counterparts, progress=progress)
        except _Cancelled:
            self._emit(self.export_cancelled)
            return
        if self._cancel.is_set():
            self._emit(self.export_cancelled)
            return
        written = write_atomically(path, text, force=force)
        self._emit(self.exported, str(written), total)

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the dialog is gone: stop quietly
            with self._lock:
                self._closed = True


def _message(err: Exception) -> str:
    if isinstance(err, (ExportError, QueryError)):
        return err.message
    if isinstance(err, LibraryError):
        return str(err)
    from reader.ui.crash import log_error

    log_error(traceback.format_exc())
    return f"The export stopped: {err or type(err).__name__}."


# -- the dialog ------------------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """The export dialog; `exported(path, n)` once a file was written (then it closes)."""

    exported = Signal(str, int)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        open_transcript: tuple[int, str] | None = None,  # id and title of the transcript being read
        selected: tuple[int, ...] = (),  # transcripts selected in the list
        search: SearchScope | None = None,  # the search shown in the window, if any
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export annotations"))
        self.library = library
        self.settings = settings
        self.open_transcript = open_transcript
        self.selected = selected
        self.search = search
        self.jobs = ExportJobs(library.path, self)
        self.jobs.previewed.connect(self._previewed)
        self.jobs.counted.connect(self._counted)
        self.jobs.preview_failed.connect(self._preview_failed)
        self.jobs.progressed.connect(self._progressed)
        self.jobs.exported.connect(self._exported)
        self.jobs.export_failed.connect(self._export_failed)
        self.jobs.export_cancelled.connect(self._export_cancelled)
        self.progress: QProgressDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.exporting = False
        self.preview_text = ""  # the latest preview as the format has it
        self.total: int | None = None  # annotations the chosen scope holds (None: not counted yet)
        self._last_format = ""

        self._build_scope()
        self._build_filters()
        self._build_format()
        self._build_destination()
        self._build_preview()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.scope_box)
        left.addWidget(self.filter_box, 1)
        left.addWidget(self.format_group)
        right = QVBoxLayout()
        right.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.preview_heading)
        heading.addStretch(1)
        heading.addWidget(self.count_label)
        right.addLayout(heading)
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(body, 1)
        layout.addWidget(self.destination)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self._restore_choices()
        self._connect_changes()
        self.refresh_preview()

    # -- building --------------------------------------------------------------------------------------

    def _build_scope(self) -> None:
        self.scope_box = QGroupBox(self.tr("What to export"), self)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self.scope_box)
        layout.setSpacing(4)
        titles = {
            "document": self.tr("The open transcript"),
            "selected": self.tr("The transcripts selected in the list"),
            "search": self.tr("The transcripts the search found"),
            "dates": self.tr("Transcripts published between"),
            "library": self.tr("The whole library"),
        }
        for kind in SCOPES:
            button = QRadioButton(titles[kind], self.scope_box)
            button.setObjectName(f"scope_{kind}")
            self.scope_buttons[kind] = button
            self.scope_group.addButton(button)
            layout.addWidget(button)
            if kind == "dates":
                layout.addLayout(self._date_row())
        document = self.scope_buttons["document"]
        if self.open_transcript is None:
            document.setEnabled(False)
            document.setToolTip(self.tr("No transcript is open."))
        else:
            document.setText(self.tr("The open transcript: {title}").format(title=_short(self.open_transcript[1], 48)))
            document.setToolTip(self.open_transcript[1])
        selected = self.scope_buttons["selected"]
        if not self.selected:
            selected.setEnabled(False)
            selected.setToolTip(self.tr("No transcript is selected in the list."))
        else:
            n = len(self.selected)
            selected.setText(self.tr("The transcripts selected in the list ({count})").format(count=n) if n > 1 else
                             self.tr("The transcript selected in the list"))  # fmt: skip
        search = self.scope_buttons["search"]
        if self.search is None:
            search.setEnabled(False)
            search.setToolTip(self.tr("Search the archive first (Ctrl+F); then its results can be exported."))
        else:
            found = (
                self.tr("{count} found").format(count=f"{self.search.total:,}")
                if self.search.total
                else self.tr("its results")
            )
            query = self.search.query.strip() or self.tr("filters only")
            results = self.tr("The search results: “{query}” ({found})")
            search.setText(results.format(query=_short(query, 28), found=found))
            search.setToolTip(
                self.tr("Every transcript the search “{query}” finds, with its filters").format(query=self.search.query)
            )

    def _date_row(self) -> QHBoxLayout:
        first, last = self._library_dates()
        self.date_from = QDateEdit(self.scope_box)
        self.date_to = QDateEdit(self.scope_box)
        for edit, day, name, spoken in (
            (self.date_from, first, "From", self.tr("From publication date")),
            (self.date_to, last, "To", self.tr("To publication date")),
        ):
            edit.setObjectName(f"date{name}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setAccessibleName(spoken)
        row = QHBoxLayout()
        row.setContentsMargins(22, 0, 0, 4)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("and"), self.scope_box))
        row.addWidget(self.date_to)
        row.addStretch(1)
        return row

    def _library_dates(self) -> tuple[dt.date, dt.date]:
        months = self.library.month_counts()  # (year, month, n), cheap: no transcript is read
        if not months:
            today = dt.date.today()
            return today, today
        first = min((y, m) for y, m, _n in months)
        last = max((y, m) for y, m, _n in months)
        end = dt.date(last[0] + last[1] // 12, last[1] % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(first[0], first[1], 1), end

    def _build_filters(self) -> None:
        self.filter_box = QGroupBox(self.tr("Only annotations in these colours or with these tags"), self)
        self.colour_list = QListWidget(self.filter_box)
        self.colour_list.setObjectName("exportColours")
        self.colour_list.setAccessibleName(self.tr("Colours to export"))
        for entry in self.library.color_legend():
            text = f"{entry.key} — {entry.meaning}" if entry.meaning else entry.key
            item = QListWidgetItem(_swatch(entry.hex), text, self.colour_list)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tag_list = QListWidget(self.filter_box)
        self.tag_list.setObjectName("exportTags")
        self.tag_list.setAccessibleName(self.tr("Tags to export"))
        tags = self.library.annotation_tags()
        for tag in tags:
            item = QListWidgetItem(tag, self.tag_list)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not tags:
            item = QListWidgetItem(self.tr("No tags yet"), self.tag_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        for widget in (self.colour_list, self.tag_list):
            widget.setMinimumHeight(96)
        layout = QHBoxLayout(self.filter_box)
        colours = QVBoxLayout()
        colours.addWidget(QLabel(self.tr("Colours (none ticked: all)"), self.filter_box))
        colours.addWidget(self.colour_list, 1)
        tag_column = QVBoxLayout()
        tag_column.addWidget(QLabel(self.tr("Tags (none ticked: all)"), self.filter_box))
        tag_column.addWidget(self.tag_list, 1)
        layout.addLayout(colours, 3)
        layout.addLayout(tag_column, 2)

    def _build_format(self) -> None:
        self.format_group = QGroupBox(self.tr("Format"), self)
        self.format_box = QComboBox(self.format_group)
        self.format_box.setObjectName("exportFormat")
        self.format_box.setAccessibleName(self.tr("Export format"))
        for f in FORMATS.values():
            self.format_box.addItem(f.title, f.name)
        self.counterparts = QCheckBox(
            self.tr("Include the other language’s paragraph under each quote"), self.format_group
        )
        self.counterparts.setObjectName("exportCounterparts")
        layout = QVBoxLayout(self.format_group)
        layout.addWidget(self.format_box)
        layout.addWidget(self.counterparts)

    def _build_destination(self) -> None:
        self.destination = QWidget(self)
        self.path_edit = QLineEdit(self.destination)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName(self.tr("File to export to"))
        self.browse_button = QPushButton(self.tr("Choose…"), self.destination)
        self.browse_button.setObjectName("exportBrowse")
        self.browse_button.clicked.connect(self.choose_file)
        layout = QFormLayout(self.destination)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addRow(self.tr("Save to:"), row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("exportError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

    def _build_preview(self) -> None:
        heading = self.tr("Preview: the first {count} annotations").format(count=PREVIEW_ENTRIES)
        self.preview_heading = QLabel(heading, self)
        self.preview_heading.setObjectName("exportPreviewHeading")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("exportCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Preview of the export"))
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.preview.setMinimumWidth(420)

    # -- the fields ------------------------------------------------------------------------------------

    def _restore_choices(self) -> None:
        fmt = str(self.settings.value(FORMAT_SETTING, "markdown"))
        index = self.format_box.findData(fmt)
        self.format_box.setCurrentIndex(max(index, 0))
        self._last_format = self.format_name()
        self.counterparts.setChecked(str(self.settings.value(COUNTERPARTS_SETTING, "false")) == "true")
        scope = str(self.settings.value(SCOPE_SETTING, ""))
        if scope in ("selected", "search") and self.scope_buttons[scope].isEnabled():
            pass  # the search or selection of this moment is what the user means
        elif self.scope_buttons["document"].isEnabled() and scope != "library" and scope != "dates":
            scope = "document"
        elif scope not in ("library", "dates"):
            scope = "library"
        self.scope_buttons[scope].setChecked(True)
        self.path_edit.setText(str(self.default_folder() / self._suggested_name()))
        self._format_changed()

    def _connect_changes(self) -> None:
        self.scope_group.buttonToggled.connect(lambda _b, on: self._changed() if on else None)
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.colour_list.itemChanged.connect(lambda _i: self._changed())
        self.tag_list.itemChanged.connect(lambda _i: self._changed())
        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed(True))
        self.counterparts.toggled.connect(lambda _on: self._changed())
        self.path_edit.textChanged.connect(lambda _t: self.show_error(""))

    def _dates_changed(self) -> None:
        if not self.scope_buttons["dates"].isChecked():
            self.scope_buttons["dates"].setChecked(True)  # editing a date means exporting that range
        else:
            self._changed()

    def _format_changed(self, by_user: bool = False) -> None:
        name = self.format_name()
        self.counterparts.setEnabled(name in COUNTERPART_FORMATS)
        self.counterparts.setToolTip(
            "" if name in COUNTERPART_FORMATS else self.tr("Only Markdown and the web page show the other language.")
        )
        old = FORMATS.get(self._last_format)
        path = Path(self.path_edit.text())
        if by_user and old is not None and path.suffix == old.extension:
            self.path_edit.setText(str(path.with_suffix(FORMATS[name].extension)))
        self._last_format = name
        if by_user:
            self._changed()

    def _changed(self) -> None:
        self.preview_timer.start()

    def format_name(self) -> str:
        return str(self.format_box.currentData())

    def scope_kind(self) -> str:
        return next(kind for kind, button in self.scope_buttons.items() if button.isChecked())

    def choice(self) -> ExportChoice:
        """What the fields ask for now."""
        kind = self.scope_kind()
        transcripts: tuple[int, ...] | None = None
        date_from = date_to = None
        search = None
        if kind == "document" and self.open_transcript is not None:
            transcripts = (self.open_transcript[0],)
        elif kind == "selected":
            transcripts = tuple(self.selected)
        elif kind == "search":
            search = self.search
        elif kind == "dates":
            date_from, date_to = self.date_from.date().toPython(), self.date_to.date().toPython()
        return ExportChoice(
            format=self.format_name(),
            transcripts=transcripts,
            date_from=date_from,  # type: ignore[arg-type]
            date_to=date_to,  # type: ignore[arg-type]
            search=search,
            colors=_checked(self.colour_list),
            tags=_checked(self.tag_list),
            counterparts=self.counterparts.isChecked(),
        )

    def problem(self) -> str:
        """What keeps the fields from being exported, in words; "" when nothing does."""
        if self.scope_kind() == "dates" and self.date_from.date() > self.date_to.date():
            return self.tr("The first date is after the last one.")
        return ""

    # -- the preview -----------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self.preview_timer.stop()
        problem = self.problem()
        if problem:
            self._show_preview(problem, plain=True)
            self.count_label.setText("")
            self.total = 0
            self._update_export_button()
            return
        self.total = None
        self.count_label.setText(self.tr("Counting…"))
        self._update_export_button()
        self.jobs.want_preview(self.choice())

    def _previewed(self, generation: int, text: str) -> None:
        if generation != self.jobs.generation:
            return
        self.preview_text = text
        if not text.strip() or (self.format_name() == "csv" and text.count("\n") <= 1):
            self._show_preview(self.tr("Nothing to export: no annotations match."), plain=True)
        else:
            self._show_preview(text.lstrip("\ufeff"), plain=self.format_name() != "html")

    def _show_preview(self, text: str, *, plain: bool) -> None:
        if plain:
            self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.preview.setPalette(self.palette())
            self.preview.setPlainText(text)
        else:  # the page as printed: light paper, whatever the window's theme
            self.preview.setFont(self.font())
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
            palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
            self.preview.setPalette(palette)
            self.preview.setHtml(text)

    def _counted(self, generation: int, annotations: int, transcripts: int) -> None:
        if generation != self.jobs.generation:
            return
        self.total = annotations
        if annotations == 0:
            self.count_label.setText(self.tr("No annotations to export"))
        else:
            many_a, many_t = self.tr("{count} annotations"), self.tr("{count} transcripts")
            a = self.tr("1 annotation") if annotations == 1 else many_a.format(count=f"{annotations:,}")
            t = self.tr("1 transcript") if transcripts == 1 else many_t.format(count=f"{transcripts:,}")
            self.count_label.setText(self.tr("{annotations} from {transcripts}").format(annotations=a, transcripts=t))
        self._update_export_button()

    def _preview_failed(self, generation: int, message: str) -> None:
        if generation != self.jobs.generation:
            return
        self.total = 0
        self.count_label.setText("")
        self._show_preview(message, plain=True)
        self._update_export_button()

    def _update_export_button(self) -> None:
        # Native JSON carries the legend and bookmarks too: it is worth writing even without annotations.
        empty = self.total == 0 and self.format_name() != "json"
        self.export_button.setEnabled(not self.exporting and not self.problem() and not empty)

    # -- where to --------------------------------------------------------------------------------------

    def default_folder(self) -> Path:
        remembered = self.settings.value(FOLDER_SETTING)
        if remembered and Path(str(remembered)).is_dir():
            return Path(str(remembered))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _suggested_name(self) -> str:
        return f"annotations-{dt.date.today().isoformat()}{FORMATS[self.format_name()].extension}"

    def choose_file(self) -> None:
        f = FORMATS[self.format_name()]
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export annotations to"),
            self.path_edit.text() or str(self.default_folder()),
            f"{f.title} (*{f.extension});;" + self.tr("All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # the dialog asks itself, once
        )
        if path:
            self.path_edit.setText(path)

    def target(self) -> Path | str:
        """The file to write, or a message saying why it cannot be written."""
        text = self.path_edit.text().strip()
        if not text:
            return "Choose a file to export to."
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.default_folder() / path
        if path.is_dir():
            return f"{path} is a folder; add a file name."
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist. Choose another folder."
        if not os.access(path.parent, os.W_OK | os.X_OK):
            return f"You cannot write to the folder {path.parent}. Choose another folder."
        if path.exists() and not os.access(path, os.W_OK):
            return f"{path} cannot be replaced (it is write-protected). Choose another name."
        return path

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text:
            palette = self.error_label.palette()
            dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b3261e"))
            self.error_label.setPalette(palette)

    # -- exporting -------------------------------------------------------------------------------------

    def start_export(self) -> None:
        """Export as the fields say: asks before replacing a file; says what is wrong otherwise."""
        if self.exporting:
            return
        problem = self.problem()
        target = self.target()
        if problem or isinstance(target, str):
            self.show_error(problem or str(target))
            return
        if target.exists():
            self._confirm_replace(target)
            return
        self._run_export(target, force=False)

    def _confirm_replace(self, path: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the file?"),
            self.tr("“{file}” exists already in {folder}.").format(file=path.name, folder=path.parent),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("exportReplace")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("Replacing it overwrites what it holds."))
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replaceButton")
        keep = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._replace_answered(box, replace, path))
        self.confirm_box = box
        box.open()

    def _replace_answered(self, box: QMessageBox, replace: QPushButton, path: Path) -> None:
        self.confirm_box = None
        if box.clickedButton() is replace:
            self._run_export(path, force=True)

    def _run_export(self, path: Path, *, force: bool) -> None:
        self.show_error("")
        self.exporting = True
        self._update_export_button()
        self.target_path = path
        progress = QProgressDialog(self.tr("Reading the annotations…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self.tr("Exporting annotations"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.canceled.connect(self.jobs.cancel_export)
        progress.setValue(0)
        self.progress = progress
        self.jobs.export(self.choice(), path, force=force)

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None:
            return
        if progress.maximum() != total:
            progress.setMaximum(total)
        if total:
            progress.setLabelText(
                self.tr("Exported {done} of {total} annotations…").format(done=f"{done:,}", total=f"{total:,}")
            )
        # Last: a modal progress dialog's setValue runs the event loop, where the export may end and close it.
        progress.setValue(done)

    def _end_export(self) -> None:
        self.exporting = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._update_export_button()

    def _exported(self, path: str, count: int) -> None:
        self._end_export()
        self.settings.setValue(FORMAT_SETTING, self.format_name())
        self.settings.setValue(FOLDER_SETTING, str(Path(path).parent))
        self.settings.setValue(SCOPE_SETTING, self.scope_kind())
        self.settings.setValue(COUNTERPARTS_SETTING, "true" if self.counterparts.isChecked() else "false")
        self.exported.emit(path, count)
        self.accept()

    def _export_failed(self, message: str) -> None:
        self._end_export()
        self.show_error(message)

    def _export_cancelled(self) -> None:
        self._end_export()
        self.show_error(self.tr("The export was cancelled; nothing was written."))

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: every way of closing ends here
        if self.exporting and result != QDialog.DialogCode.Accepted:
            self.jobs.cancel_export()
        self.jobs.close()
        super().done(result)


def _checked(widget: QListWidget) -> tuple[str, ...]:
    found = []
    for row in range(widget.count()):
        item = widget.item(row)
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked:
            found.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return tuple(found)


def _swatch(hex_colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(hex_colour))
    return QIcon(pixmap)


def _short(text: str, most: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"
