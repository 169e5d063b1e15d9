"""Backups from the window: the daily one a while after start-up, and File ▸ Back up library now….

Both run on a worker thread with their own read-only connection: SQLite's online backup copies a
consistent library while the window goes on reading and writing. A failure is said in the status bar
(daily) or a message (on demand), and logged; it never stops the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.library import Library
from reader.ui.background import BackgroundCall

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

DAILY_DELAY_MS = 4000
"""After the window is ready: start-up and the first things a user does come first."""
BACKUP_FILTER = QT_TRANSLATE_NOOP("Backups", "Library backups (*.sqlite);;All files (*)")


def _daily(library_path: Path) -> Path | None:
    from reader.core.backup import backup_if_due

    with Library.open(library_path, read_only=True) as library:
        return backup_if_due(library)


def _manual(library_path: Path, dest: Path) -> Path:
    with Library.open(library_path, read_only=True) as library:
        return library.backup(dest)


class Backups(QObject):
    """The window's backups: `schedule_daily()` once at start, `back_up_now()` for the File menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backups")
        self.window = window
        self.daily: BackgroundCall | None = None
        self.manual: BackgroundCall | None = None
        self.last_backup: Path | None = None
        self.message_box: QMessageBox | None = None

    def schedule_daily(self, delay_ms: int | None = None) -> None:
        """The daily backup (none when one was made today, or the library is read-only), off the start."""
        if self.window.library.read_only:
            return
        QTimer.singleShot(DAILY_DELAY_MS if delay_ms is None else delay_ms, self, self.back_up_if_due)

    def back_up_if_due(self) -> BackgroundCall:
        path = self.window.library.path
        call = BackgroundCall(lambda: _daily(path), name="dailyBackup", parent=self)
        call.finished.connect(self._daily_done)
        call.failed.connect(self._daily_failed)
        self.daily = call
        return call.start()

    def _daily_done(self, path: Path | None) -> None:
        if path is not None:
            self.last_backup = path
            self.window.statusBar().showMessage(self.tr("Library backed up: {file}").format(file=path.name), 5000)

    def _daily_failed(self, message: str) -> None:
        from reader.ui.crash import log_error

        log_error(f"Daily backup failed: {message}")
        self.window.statusBar().showMessage(self.tr("The daily backup failed: {reason}").format(reason=message), 20000)

    # -- on demand -------------------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        from reader.core.backup import MANUAL, backups_folder

        library = self.window.library.path
        folder = backups_folder(library)
        if self.window.library.read_only or not _writable_or_creatable(folder):
            folder = Path.home()
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
        return folder / f"{library.stem}.{stamp}.{MANUAL}.sqlite"

    def back_up_now(self) -> BackgroundCall | None:
        """Ask where, then copy the library there (the file dialog asks before replacing a file)."""
        if self.manual is not None and self.manual.running:
            self.window.statusBar().showMessage(self.tr("A backup is being made."), 5000)
            return None
        suggested = self.suggested_path()
        with contextlib.suppress(OSError):  # the dialog opens in it; the backup itself would make it too
            suggested.parent.mkdir(parents=True, exist_ok=True)
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Back up the library to"), str(suggested), self.tr(BACKUP_FILTER)
        )
        if not chosen:
            return None
        dest = Path(chosen)
        if dest.resolve() == Path(self.window.library.path).resolve():
            self._say(
                "warning",
                self.tr("Not backed up"),
                self.tr("That is the library itself; choose another file for the backup."),
            )
            return None
        path = self.window.library.path
        call = BackgroundCall(lambda: _manual(path, dest), name="manualBackup", parent=self)
        call.finished.connect(self._manual_done)
        call.failed.connect(lambda message: self._say("warning", self.tr("Not backed up"), message))
        self.manual = call
        self.window.statusBar().showMessage(self.tr("Backing up the library…"))
        return call.start()

    def _manual_done(self, path: Path) -> None:
        self.last_backup = path
        self.window.statusBar().showMessage(self.tr("Library backed up to {path}").format(path=path), 10000)
        self._say(
            "information",
            self.tr("Library backed up"),
            self.tr("The library was copied to\n{path}\n\nTo restore it later, close the window and run:").format(
                path=path
            )
            + f'\ntranscript-reader restore "{path}"',
        )

    def _say(self, icon: str, title: str, text: str) -> None:
        kind = QMessageBox.Icon.Information if icon == "information" else QMessageBox.Icon.Warning
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("backupMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()


def _writable_or_creatable(folder: Path) -> bool:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return os.access(probe, os.W_OK)
