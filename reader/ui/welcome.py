"""First run: a welcome panel in the reading area while the library is empty or holds only the sample.

It offers the sample transcript (or to add it again), "Import a folder…", "Import files…" and "Where is
my library?". It takes the place of the reading pane's "No transcript is open" line and goes away as
soon as a transcript is open; after a start on which the reader read nothing yet, the window opens on it
instead of the sample.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import Library, LibraryError
from reader.core.resources import SAMPLE_TRANSCRIPT, resource_path
from reader.ui.launch import app_icon

if TYPE_CHECKING:
    from reader.core.model import TranscriptSummary
    from reader.ui.main_window import MainWindow

CARD_WIDTH = 560


def sample_summary(library: Library) -> TranscriptSummary | None:
    """The library's only transcript when it is the bundled sample (imported from its file), else None."""
    if library.count() != 1:
        return None
    latest = library.latest()
    if latest is None:
        return None
    try:
        source = library.transcript(latest.id).source_file
    except LibraryError:
        return None
    return latest if source and Path(source).name == SAMPLE_TRANSCRIPT else None


def is_first_run(library: Library) -> bool:
    """Nothing imported yet: the library is empty or holds only the sample (and it can be added to)."""
    return not library.read_only and (library.count() == 0 or sample_summary(library) is not None)


class WelcomePanel(QWidget):
    """The panel itself: a card centred in the reading area. Its buttons say what the user wants."""

    read_sample = Signal()
    add_sample = Signal()
    import_folder = Signal()
    import_files = Signal()
    where_is_library = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.card = QFrame(self)
        self.card.setObjectName("welcomeCard")
        self.card.setMaximumWidth(CARD_WIDTH)
        self.logo = QLabel(self.card)
        self.logo.setObjectName("welcomeLogo")
        self.logo.setPixmap(app_icon().pixmap(48, 48))
        self.heading = QLabel(self.tr("Welcome to Transcript Reader"), self.card)
        self.heading.setObjectName("welcomeHeading")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.intro = QLabel(
            self.tr(
                "Read, search and annotate the transcripts of the Russian Foreign Ministry (mid.ru) offline, "
                "in English and Russian."
            ),
            self.card,
        )
        self.intro.setObjectName("welcomeIntro")
        self.intro.setWordWrap(True)
        self.sample_note = QLabel(self.card)
        self.sample_note.setObjectName("welcomeSampleNote")
        self.sample_note.setWordWrap(True)
        self.sample_note.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_button = QPushButton(self.card)
        self.sample_button.setObjectName("welcomeSample")
        self.sample_button.clicked.connect(self._sample_clicked)
        bold = QFont(self.sample_button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.sample_button.setFont(bold)
        self.folder_button = QPushButton(self.tr("Import a folder…"), self.card)
        self.folder_button.setObjectName("welcomeImportFolder")
        self.folder_button.setToolTip(
            self.tr("Import every saved mid.ru transcript (.txt) in a folder and its subfolders")
        )
        self.folder_button.clicked.connect(self.import_folder.emit)
        self.files_button = QPushButton(self.tr("Import files…"), self.card)
        self.files_button.setObjectName("welcomeImportFiles")
        self.files_button.clicked.connect(self.import_files.emit)
        self.library_button = QPushButton(self.tr("Where is my library?"), self.card)
        self.library_button.setObjectName("welcomeLibrary")
        self.library_button.clicked.connect(self.where_is_library.emit)
        self.tip = QLabel(self.tr("You can also drop transcript files or folders on this window."), self.card)
        self.tip.setObjectName("welcomeTip")
        self.tip.setWordWrap(True)
        self.sample_title = ""

        imports = QHBoxLayout()
        imports.setSpacing(8)
        imports.addWidget(self.folder_button)
        imports.addWidget(self.files_button)
        imports.addStretch(1)
        imports.addWidget(self.library_button)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(28, 24, 28, 24)
        card.setSpacing(12)
        title = QHBoxLayout()
        title.setSpacing(14)
        title.addWidget(self.logo)
        title.addWidget(self.heading, 1)
        card.addLayout(title)
        card.addWidget(self.intro)
        card.addSpacing(4)
        card.addWidget(self.sample_note)
        card.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.addSpacing(4)
        card.addLayout(imports)
        card.addWidget(self.tip)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_sample(None)
        self._restyle()

    def set_sample(self, title: str | None) -> None:
        """The sample in the library (its title), or None when it is not there (it can be added)."""
        self.sample_title = title or ""
        if title:
            start = self.tr("To see what the app does, start with the sample interview:")
            self.sample_note.setText(f"{start}\n{title}")
            self.sample_button.setText(self.tr("Read the sample interview"))
        else:
            self.sample_note.setText(
                self.tr("The library is empty. Import saved mid.ru transcripts, or try the sample.")
            )
            self.sample_button.setText(self.tr("Add the sample interview"))

    def _sample_clicked(self) -> None:
        (self.read_sample if self.sample_title else self.add_sample).emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        palette = QGuiApplication.palette()
        dark = palette.color(palette.ColorRole.Base).lightness() < 128
        card, edge, muted = ("#26292d", "#3a3d41", "#a8adb3") if dark else ("#f7f8fa", "#dfe1e5", "#5f6368")
        sheet = (
            f"QFrame#welcomeCard {{ background: {card}; border: 1px solid {edge}; border-radius: 10px; }}"
            f" QLabel#welcomeIntro, QLabel#welcomeTip, QLabel#welcomeSampleNote {{ color: {muted}; }}"
            " QLabel { background: transparent; border: none; }"
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)


class Welcome(QObject):
    """The panel in the window: shown in the reading area while it is empty and the library is new."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcomeState")
        self.window = window
        self.library = window.library
        self.view = window.view
        self.panel = WelcomePanel(self.view)
        self.panel.hide()
        layout = self.view.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.view.placeholder) + 1, self.panel, 1)
        self._first_run = is_first_run(self.library)
        self._updating = False
        self.panel.read_sample.connect(self.read_sample)
        self.panel.add_sample.connect(self.add_sample)
        self.panel.import_folder.connect(window.import_folder)
        self.panel.import_files.connect(window.import_files)
        self.panel.where_is_library.connect(lambda: show_library_location(self.library.path, window))
        # The view shows its header when a transcript is shown and its placeholder when it is cleared.
        self.view.header.installEventFilter(self)
        self.view.placeholder.installEventFilter(self)
        self.library.subscribe(self.library_changed)
        self.refresh()
        sample = sample_summary(self.library) if self._first_run else None
        if sample is not None and sample.published_date is not None:
            window.sidebar.show_day(sample.published_date)  # the calendar where the sample is, not on an empty month

    @property
    def first_run(self) -> bool:
        return self._first_run

    def library_changed(self) -> None:
        if self.library.last_change == "annotations":  # a highlight or note: the transcripts are as they were
            return
        self._first_run = is_first_run(self.library)
        self.refresh()

    def refresh(self) -> None:
        """The panel instead of the "No transcript is open" line, while the reading area is empty."""
        if self._updating:
            return
        self._updating = True
        try:
            empty = self.view.transcript is None
            show = empty and self._first_run
            if show:
                sample = sample_summary(self.library)
                self.panel.set_sample(sample.title if sample else None)
            self.panel.setVisible(show)
            self.view.placeholder.setVisible(empty and not show)
        finally:
            self._updating = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.refresh()
        return False

    @property
    def showing(self) -> bool:
        return not self.panel.isHidden()

    def read_sample(self) -> None:
        sample = sample_summary(self.library)
        if sample is not None:
            self.window.open_transcript(sample.id)
            self.window.focus_reading()

    def add_sample(self) -> None:
        sample = resource_path(SAMPLE_TRANSCRIPT)
        if sample.is_file():
            self.window.start_import([sample], open_first=True)
        else:
            missing = self.tr("The sample transcript is missing from this installation.")
            self.window.statusBar().showMessage(missing, 8000)


# -- where is my library? ------------------------------------------------------------------------------


def library_location_box(library_path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The library's path (selectable), with buttons to open its folder or copy the path."""
    from reader.core.backup import backups_folder

    path = Path(library_path).expanduser().absolute()
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Welcome", "Where is my library?"),
                      QCoreApplication.translate("Welcome", "Your library is the file"),
                      QMessageBox.StandardButton.NoButton, parent)  # fmt: skip
    box.setObjectName("libraryLocation")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        f"{path}\n\n"
        + QCoreApplication.translate(
            "Welcome",
            "Backups are kept in {folder}.\n"
            "To move your work to another computer, copy this file while the app is closed.",
        ).format(folder=backups_folder(path))
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout = box.layout()
    if isinstance(layout, QGridLayout):  # wide enough for a path on one line: a spacer across the last row
        spacer = QSpacerItem(540, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    open_button = box.addButton(QCoreApplication.translate("Welcome", "Open Folder"), QMessageBox.ButtonRole.ActionRole)
    open_button.setObjectName("openFolderButton")
    copy_button = box.addButton(QCoreApplication.translate("Welcome", "Copy Path"), QMessageBox.ButtonRole.ActionRole)
    copy_button.setObjectName("copyPathButton")
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    # An action button would close the box: reconnect them to act and keep it open.
    for button in (open_button, copy_button):
        button.clicked.disconnect()
    open_button.clicked.connect(lambda: open_folder(path.parent))
    copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(path)))
    return box


def show_library_location(library_path: Path, parent: QWidget | None = None) -> QMessageBox:
    box = library_location_box(library_path, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_folder(folder: Path) -> bool:
    """Show a folder in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
