"""File ▸ Import annotations…: a native JSON or W3C Web Annotation file into the library, with a report.

The import runs on a worker thread with its own connection (10,000 annotations take a few seconds);
it is one transaction, so it is all or nothing and is not cancelled half-way. Afterwards the window's
library tells its listeners, so the list, the highlights and the panels show what came in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.core.library import Library, LibraryError
from reader.ui.background import BackgroundCall

if TYPE_CHECKING:
    from reader.core.export.annotation_import import ImportReport

PROGRESS_DELAY_MS = 500
FILE_FILTER = "Annotation files (*.json *.jsonld);;All files (*)"


class AnnotationImportRun(QObject):
    """One import with its progress dialog; `done(report)` or `failed(message)` once, on the UI thread."""

    done = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, library_path: Path, file: Path, parent: QWidget) -> None:
        super().__init__(parent)
        from reader.core.export.annotation_import import AnnotationFileError

        self.file = file
        self.report: ImportReport | None = None
        self.message = ""
        self.dialog = QProgressDialog(f"Importing the annotations in {file.name}…", "", 0, 0, parent)
        self.dialog.setObjectName("annotationImportProgress")
        self.dialog.setWindowTitle("Importing annotations")
        self.dialog.setCancelButton(None)  # one transaction: all or nothing, nothing to stop half-way
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.call = BackgroundCall(
            lambda: _import(library_path, file),
            name="annotationImport",
            expected=(AnnotationFileError, LibraryError),
            parent=self,
        )
        self.call.finished.connect(self._finished)
        self.call.failed.connect(self._failed)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.call.start()

    @property
    def running(self) -> bool:
        return not self.call.done

    def _close_dialog(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()

    def _finished(self, report: ImportReport) -> None:
        self._close_dialog()
        self.report = report
        self.done.emit(report)

    def _failed(self, message: str) -> None:
        self._close_dialog()
        self.message = message
        self.failed.emit(message)


def _import(library_path: Path, file: Path) -> ImportReport:
    from reader.core.export.annotation_import import import_annotations

    with Library.open(library_path) as library:
        return import_annotations(library, file)


def report_text(report: ImportReport) -> tuple[str, str]:
    """The report in words: a headline, and the counts one per line."""
    o = report.outcome
    n = report.entries
    headline = f"{Path(report.file).name}: {n:,} annotation{'' if n == 1 else 's'} ({report.format})"
    lines = [f"{o.added:,} added"]
    if o.orphaned:
        lines[0] += f", {o.orphaned:,} of them as orphans (their text was not found)"
    lines.append(f"{o.already_present:,} already present")
    lines.append(f"{o.unmatched:,} unmatched: kept until their transcript is in the library")
    if o.attached:
        lines.append(f"{o.attached:,} waiting from before, attached now")
    if o.recoloured:
        lines.append(f"{o.recoloured:,} in the first colour (the legend has no room for theirs)")
    if report.skipped:
        lines.append(f"{report.skipped:,} skipped (neither a quote nor a note)")
    if o.bookmarks_added or o.bookmarks_present:
        lines.append(f"{o.bookmarks_added:,} bookmarks added, {o.bookmarks_present:,} already present")
    return headline, "\n".join(lines)


def report_box(report: ImportReport, parent: QWidget | None) -> QMessageBox:
    """The report dialog (not shown yet); the documents not in the library under "Show Details…"."""
    headline, counts = report_text(report)
    box = QMessageBox(QMessageBox.Icon.Information, "Annotations imported", headline,
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("annotationImportReport")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(counts)
    if report.missing_documents:
        box.setDetailedText(
            "The transcripts these annotations belong to, not in the library yet:\n\n"
            + "\n".join(report.missing_documents)
        )
    return box


def failure_box(file: Path, message: str, parent: QWidget | None) -> QMessageBox:
    """The reason a file was refused, in the core's words; the library is as it was."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Annotations not imported",
                      f"The annotations in {file.name} could not be imported.",
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("annotationImportFailed")
    box.setTextFormat(Qt.TextFormat.PlainText)
    said = "nothing" in message.lower()
    box.setInformativeText(message if said else f"{message}\n\nNothing in the library was changed.")
    return box
