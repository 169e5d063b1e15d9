"""Unhandled exceptions: logged to the user's log folder and shown in a dialog, never only a traceback.

The hook may run on any thread; the dialog is always shown on the GUI thread through a queued signal.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from reader.ui.lazy_qt import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

LOG_NAME = "errors.log"


def log_error(details: str) -> Path | None:
    """Append a traceback to the error log; returns the log's path, or None when it cannot be written."""
    from reader.core.resources import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {stamp}\n{details}\n")
        return path
    except OSError:
        return None


def show_error(title: str, message: str, details: str = "", parent: object = None) -> QMessageBox:
    """A non-blocking error dialog with the traceback under "Show Details…"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.setObjectName("errorDialog")
    box.open()
    return box


class _Reporter(QObject):
    crashed = Signal(str, str)  # message, details

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[QMessageBox] = []
        self.crashed.connect(self._show)

    def _show(self, message: str, details: str) -> None:
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        box = show_error("Transcript Reader — unexpected error", message, details, parent)
        self.boxes.append(box)
        box.finished.connect(lambda _result, b=box: self.boxes.remove(b))


_reporter: _Reporter | None = None


def install_excepthook() -> None:
    """Route unhandled exceptions to the log and a dialog (call once a QApplication exists)."""
    global _reporter
    _reporter = _Reporter()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)
        if issubclass(kind, KeyboardInterrupt):
            return
        log = log_error(details)
        where = f"\n\nThe details were saved to {log}." if log else ""
        message = (
            f"Something went wrong: {error or kind.__name__}.{where}\n\n"
            "You can keep working; if it happens again, please report it with the details."
        )
        if _reporter is not None:
            _reporter.crashed.emit(message, details)

    sys.excepthook = hook
