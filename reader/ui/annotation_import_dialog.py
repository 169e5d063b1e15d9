"""File ▸ Import annotations…: a native JSON or W3C Web Annotation file into the library, with a report.

The import runs on a worker thread with its own connection (10,000 annotations take a few seconds);
it is one transaction, so it is all or nothing and is not cancelled half-way. Afterwards the window's
library tells its listeners, so the list, the highlights and the panels show what came in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.core.library import Library, LibraryError
from reader.ui.background import BackgroundCall

if TYPE_CHECKING:
    from reader.core.export.annotation_import import ImportReport

PROGRESS_DELAY_MS = 500
FILE_FILTER = QT_TRANSLATE_NOOP("AnnotationImportRun", "Annotation files (*.json *.jsonld);;All files (*)")


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
        self.dialog = QProgressDialog(
            self.tr("Importing the annotations in {file}…").format(file=file.name), "", 0, 0, parent
        )
        self.dialog.setObjectName("annotationImportProgress")
        self.dialog.setWindowTitle(self.tr("Importing annotations"))
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
    name = Path(report.file).name
    if n == 1:
        one = QCoreApplication.translate("AnnotationImportRun", "{file}: 1 annotation ({format})")
        headline = one.format(file=name, format=report.format)
    else:
        many = QCoreApplication.translate("AnnotationImportRun", "{file}: {count} annotations ({format})")
        headline = many.format(file=name, count=f"{n:,}", format=report.format)
    added = QCoreApplication.translate("AnnotationImportRun", "{count} added")
    lines = [added.format(count=f"{o.added:,}")]
    if o.orphaned:
        orphans = QCoreApplication.translate(
            "AnnotationImportRun", ", {count} of them as orphans (their text was not found)"
        )
        lines[0] += orphans.format(count=f"{o.orphaned:,}")
    present = QCoreApplication.translate("AnnotationImportRun", "{count} already present")
    lines.append(present.format(count=f"{o.already_present:,}"))
    unmatched = QCoreApplication.translate(
        "AnnotationImportRun", "{count} unmatched: kept until their transcript is in the library"
    )
    lines.append(unmatched.format(count=f"{o.unmatched:,}"))
    if o.attached:
        attached = QCoreApplication.translate("AnnotationImportRun", "{count} waiting from before, attached now")
        lines.append(attached.format(count=f"{o.attached:,}"))
    if o.recoloured:
        recoloured = QCoreApplication.translate(
            "AnnotationImportRun", "{count} in the first colour (the legend has no room for theirs)"
        )
        lines.append(recoloured.format(count=f"{o.recoloured:,}"))
    if report.skipped:
        skipped = QCoreApplication.translate("AnnotationImportRun", "{count} skipped (neither a quote nor a note)")
        lines.append(skipped.format(count=f"{report.skipped:,}"))
    if o.bookmarks_added or o.bookmarks_present:
        bookmarks = QCoreApplication.translate(
            "AnnotationImportRun", "{added} bookmarks added, {present} already present"
        )
        lines.append(bookmarks.format(added=f"{o.bookmarks_added:,}", present=f"{o.bookmarks_present:,}"))
    return headline, "\n".join(lines)


def report_box(report: ImportReport, parent: QWidget | None) -> QMessageBox:
    """The report dialog (not shown yet); the documents not in the library under "Show Details…"."""
    headline, counts = report_text(report)
    title = QCoreApplication.translate("AnnotationImportRun", "Annotations imported")
    box = QMessageBox(QMessageBox.Icon.Information, title, headline, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("annotationImportReport")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(counts)
    if report.missing_documents:
        box.setDetailedText(
            QCoreApplication.translate(
                "AnnotationImportRun", "The transcripts these annotations belong to, not in the library yet:"
            )
            + "\n\n"
            + "\n".join(report.missing_documents)
        )
    return box


def failure_box(file: Path, message: str, parent: QWidget | None) -> QMessageBox:
    """The reason a file was refused, in the core's words; the library is as it was."""
    title = QCoreApplication.translate("AnnotationImportRun", "Annotations not imported")
    text = QCoreApplication.translate("AnnotationImportRun", "The annotations in {file} could not be imported.")
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text.format(file=file.name), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("annotationImportFailed")
    box.setTextFormat(Qt.TextFormat.PlainText)
    said = "nothing" in message.lower()
    unchanged = QCoreApplication.translate("AnnotationImportRun", "Nothing in the library was changed.")
    box.setInformativeText(message if said else f"{message}\n\n{unchanged}")
    return box
