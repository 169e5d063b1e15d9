"""A library that cannot be opened as it is, said in the window's words instead of a traceback.

- On a read-only disk or in a folder that cannot be written, the library opens read-only and the window
  shows a banner; what would write (annotating, importing) says why it cannot.
- A file that is not a library (not SQLite, damaged, from a newer version) or cannot be read or created:
  the user chooses to open another library file, create a new one, or quit; the choice is tried the
  same way, and a library chosen so is used on the next start too (unless `--library` names one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)

from reader.core.library import Library, LibraryError, ReadOnlyLibrary
from reader.ui.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

LIBRARY_SETTING = "library/path"
"""A library the user chose after the default one could not be opened; used while it exists."""
# Marked for translation here, translated where shown (context "libraryProblems").
READ_ONLY_TEXT = QT_TRANSLATE_NOOP("libraryProblems", "Read-only: changes can't be saved")
READ_ONLY_EXPLANATION = QT_TRANSLATE_NOOP(
    "libraryProblems",
    "This library is open read-only (it is on a read-only disk, or in a folder you cannot write), so "
    "nothing can be added or changed. You can still read, search and export.",
)
LIBRARY_FILTER = QT_TRANSLATE_NOOP("libraryProblems", "Transcript Reader libraries (*.sqlite *.db);;All files (*)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("libraryProblems", text)


OPEN_ANOTHER, CREATE_NEW, QUIT = "open", "create", "quit"


def chosen_library(settings: QSettings) -> str | None:
    """The library chosen in an earlier start's problem dialog, if it is still there."""
    path = settings.value(LIBRARY_SETTING)
    return str(path) if path and Path(str(path)).is_file() else None


def open_library_or_ask(
    path: str | None,
    settings: QSettings | None = None,
    *,
    opener: Callable[[str | None], Library] | None = None,
) -> Library | None:
    """The library at `path` (None: the default one, or the one chosen earlier), opened read-only when
    it cannot be written; when it cannot be opened at all, the user chooses another or a new one.
    None: the user chose to quit."""
    from reader.core.library import open_library

    settings = settings if settings is not None else QSettings()
    opener = opener or open_library
    if path is None:
        path = chosen_library(settings)
    tried = path
    while True:
        try:
            return _open(tried, opener)
        except LibraryError as err:
            answer = ask_about_problem(str(err))
        if answer == QUIT:
            return None
        picked = pick_library(answer, tried)
        if picked is not None:
            tried = picked
            if path is None:  # the default library failed: remember the user's choice for next time
                settings.setValue(LIBRARY_SETTING, picked)


def _open(path: str | None, opener: Callable[[str | None], Library]) -> Library:
    try:
        return opener(path)
    except ReadOnlyLibrary as err:
        return Library.open(err.path, read_only=True)


def problem_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    """The choice: open another library file, create a new one, or quit. Buttons are found by name."""
    from PySide6.QtWidgets import QMessageBox  # only when something is wrong: ~2 ms off every start

    box = QMessageBox(QMessageBox.Icon.Warning, "Transcript Reader",  # not translated: the app's name
                      QCoreApplication.translate("libraryProblems", "The library could not be opened."),
                      QMessageBox.StandardButton.NoButton, parent)  # fmt: skip
    box.setObjectName("libraryProblem")
    box.setTextFormat(Qt.TextFormat.PlainText)
    choice = QCoreApplication.translate(
        "libraryProblems", "You can open another library file, or start a new, empty library."
    )
    box.setInformativeText(f"{message}\n\n{choice}")
    buttons = []
    for title, role, name in (
        (
            QCoreApplication.translate("libraryProblems", "Open Another Library…"),
            QMessageBox.ButtonRole.AcceptRole,
            OPEN_ANOTHER,
        ),
        (
            QCoreApplication.translate("libraryProblems", "Create New Library…"),
            QMessageBox.ButtonRole.AcceptRole,
            CREATE_NEW,
        ),
        (QCoreApplication.translate("libraryProblems", "Quit"), QMessageBox.ButtonRole.RejectRole, QUIT),
    ):
        button = box.addButton(title, role)
        button.setObjectName(f"{name}Button")
        button.setProperty("answer", name)
        buttons.append(button)
    box.setDefaultButton(buttons[0])
    return box


def ask_about_problem(message: str) -> str:
    """Show the problem and wait for the choice: OPEN_ANOTHER, CREATE_NEW or QUIT."""
    box = problem_box(message)
    box.exec()
    clicked = box.clickedButton()
    answer = str(clicked.property("answer")) if clicked is not None and clicked.property("answer") else QUIT
    box.deleteLater()
    return answer


def pick_library(answer: str, near: str | None) -> str | None:
    """A file dialog for the choice; None when it was cancelled."""
    from PySide6.QtWidgets import QFileDialog

    from reader.core.resources import default_library_path

    folder = str(Path(near).expanduser().parent) if near else str(default_library_path().parent)
    if answer == OPEN_ANOTHER:
        path, _ = QFileDialog.getOpenFileName(
            None, QCoreApplication.translate("libraryProblems", "Open a library"), folder, _tr(LIBRARY_FILTER)
        )
    else:
        suggested = str(Path(folder) / "new-library.sqlite")
        path, _ = QFileDialog.getSaveFileName(
            None, QCoreApplication.translate("libraryProblems", "Create a new library"), suggested, _tr(LIBRARY_FILTER)
        )
    return path or None


# -- the read-only banner -------------------------------------------------------------------------------


class ReadOnlyBanner(QToolBar):
    """A bar across the window under the toolbar: the library cannot be changed, and why."""

    def __init__(self, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("libraryProblems", "Read-only"), parent)
        self.setObjectName("readOnlyBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not one to switch off from the toolbar menu
        self.content = QWidget(self)
        self.label = QLabel(_tr(READ_ONLY_TEXT), self.content)
        self.label.setObjectName("readOnlyText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel(
            QCoreApplication.translate(
                "libraryProblems",
                "The library is on a read-only disk or in a folder you cannot write. Reading, searching and "
                "exporting work.",
            ),
            self.content,
        )
        self.detail.setObjectName("readOnlyDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.content.setToolTip(str(library_path))
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.detail, 1)
        self.addWidget(self.content)
        self.setAccessibleName(_tr(READ_ONLY_TEXT))
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else self.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        background, text, edge = ("#4a3b12", "#ffe7a3", "#6b561c") if dark else ("#fff1c2", "#4d3800", "#e3c770")
        sheet = (
            f"QToolBar#readOnlyBanner {{ background: {background}; border: none; border-bottom: 1px solid {edge};"
            " padding: 0px; spacing: 0px; }"
            f" QLabel {{ color: {text}; background: transparent; }}"
            " QLabel#readOnlyText { font-weight: bold; }"
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)


def show_read_only_banner(window: QMainWindow, library_path: Path) -> ReadOnlyBanner:
    """The banner on its own row under the toolbar."""
    banner = ReadOnlyBanner(library_path, window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    return banner
