"""Importing off the UI thread, with a cancellable progress dialog.

The worker opens its own connection to the library file: an SQLite connection must stay on the
thread that made it. The window re-reads the library once the run has finished.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.library import Library, LibraryError

if TYPE_CHECKING:
    from reader.core.importer import ImportReport

PROGRESS_DELAY_MS = 300  # quick imports finish without a dialog flashing up


class ImportWorker(QObject):
    progressed = Signal(int, int, str)  # done, total, current file
    finished = Signal(object)  # ImportReport
    failed = Signal(str, str)  # message for people, details

    def __init__(self, library_path: Path, paths: Sequence[str | os.PathLike[str]]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = [str(p) for p in paths]
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from reader.core.importer import import_paths

        try:
            with Library.open(self.library_path) as library:
                report = import_paths(library, self.paths, progress=self.progressed.emit, cancelled=self._cancel.is_set)
        except LibraryError as err:
            self.failed.emit(str(err), "")
        except Exception as err:  # reported in the window; a worker thread must not die silently
            self.failed.emit(f"The import stopped: {err}", traceback.format_exc())
        else:
            self.finished.emit(report)


class ImportRun(QObject):
    """One import: a worker thread and its progress dialog. Emits `done` or `failed` once."""

    done = Signal(object)  # ImportReport
    failed = Signal(str, str)

    def __init__(self, library_path: Path, paths: Sequence[str | os.PathLike[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.report: ImportReport | None = None
        self.thread = QThread(self)
        self.thread.setObjectName("importThread")
        self.worker = ImportWorker(library_path, paths)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog("Reading files…", "Cancel", 0, 0, parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("Importing transcripts"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)
        self.thread.started.connect(self.worker.run)
        self.thread.finished.connect(self.worker.deleteLater)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()
        self.dialog.setLabelText(self.tr("Cancelling after the current file…"))

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def wait(self) -> None:
        """Cancel and block until the worker has stopped (when the window closes mid-import)."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait()

    def _progressed(self, done: int, total: int, file: str) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if file:
            self.dialog.setLabelText(
                self.tr("Imported {done} of {total} files…").format(done=done, total=total) + f"\n{Path(file).name}"
            )

    def _stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        self.dialog.deleteLater()

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self._stop()
        self.done.emit(report)

    def _failed(self, message: str, details: str) -> None:
        self._stop()
        self.failed.emit(message, details)
