"""The library's own commands and states in the window (issues 6 and 8): export (Ctrl+E), import of
annotations, backups, "Where is my library?", files and folders dropped on the window, the first-run
welcome, and the read-only banner.

`install(window)` wires them in once the panes exist; the dialogs are imported when first used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTextEdit

from reader.ui.backups import Backups
from reader.ui.library_problems import READ_ONLY_EXPLANATION, ReadOnlyBanner, show_read_only_banner
from reader.ui.welcome import Welcome, show_library_location

if TYPE_CHECKING:
    from reader.ui.annotation_import_dialog import AnnotationImportRun
    from reader.ui.export_dialog import ExportDialog, SearchScope
    from reader.ui.main_window import MainWindow

ANNOTATION_FOLDER_SETTING = "annotations/import_folder"


class LibraryActions(QObject):
    """Made by `install(window)`; holds what it showed last, for tests and screenshots."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("libraryActions")
        self.window = window
        self.library = window.library
        self.export_dialog: ExportDialog | None = None
        self.annotation_import: AnnotationImportRun | None = None
        self.message_box: QMessageBox | None = None
        self.banner: ReadOnlyBanner | None = None
        if self.library.read_only:
            self.banner = show_read_only_banner(window, self.library.path)
        self.welcome = Welcome(window)
        self.backups = Backups(window)
        self._drop_targets: set[QObject] = set()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.view.installEventFilter(self)
        self._watch_text_panes()
        window.register_handlers(
            {
                "file.export": self.export,
                "file.import_annotations": self.import_annotations,
                "file.backup": self.backups.back_up_now,
                "help.library": lambda: show_library_location(self.library.path, window),
            }
        )
        if self.library.read_only:  # say why at once, not after a file dialog
            explain = self.explain_if_read_only
            window.register_handlers({"file.import_files": explain, "file.import_folder": explain})
        app = QApplication.instance()
        if app is not None:
            from reader.ui.background import wait_for_all

            app.aboutToQuit.connect(wait_for_all)  # a backup or import mid-way finishes before the exit

    # -- export ----------------------------------------------------------------------------------------

    def export(self) -> ExportDialog:
        """The export dialog, for the open transcript, the list's selection and the search shown."""
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return self.export_dialog
        from reader.ui.export_dialog import ExportDialog

        window = self.window
        transcript = window.view.transcript if window.panes_built else None
        opened = (int(transcript.id), transcript.title) if transcript is not None and transcript.id else None
        dialog = ExportDialog(
            self.library,
            window.settings,
            window,
            open_transcript=opened,
            selected=self._selected_ids(),
            search=self._search_scope(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._exported)
        dialog.finished.connect(lambda _result: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _selected_ids(self) -> tuple[int, ...]:
        if not self.window.panes_built:
            return ()
        listing = self.window.list
        rows = sorted({index.row() for index in listing.selectionModel().selectedRows()})
        return tuple(int(listing.list_model.summary(row).id) for row in rows)

    def _search_scope(self) -> SearchScope | None:
        """The search the window shows, if any (the search panel's controller, found by its name)."""
        from reader.ui.export_dialog import SearchScope

        search = self.window.findChild(QObject, "archiveSearch")
        request = getattr(search, "request", None)
        if search is None or not getattr(search, "active", False) or request is None:
            return None
        return SearchScope(request.query, request.filters, int(getattr(search, "total", 0) or 0))

    def _exported(self, path: str, count: int) -> None:
        if count == 1:
            text = self.tr("Exported 1 annotation to {path}").format(path=path)
        else:
            text = self.tr("Exported {count} annotations to {path}").format(count=f"{count:,}", path=path)
        self.window.statusBar().showMessage(text, 15000)

    # -- import of annotations -------------------------------------------------------------------------

    def import_annotations(self) -> None:
        """Ask for a file, then import it (unless the library cannot be changed)."""
        if self.explain_if_read_only():
            return
        if self.annotation_import is not None:
            self.window.statusBar().showMessage(self.tr("Annotations are being imported."), 5000)
            return
        from reader.ui.annotation_import_dialog import FILE_FILTER

        folder = str(self.window.settings.value(ANNOTATION_FOLDER_SETTING, str(Path.home())))
        file, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import annotations"),
            folder,
            QCoreApplication.translate("AnnotationImportRun", FILE_FILTER),
        )
        if file:
            self.window.settings.setValue(ANNOTATION_FOLDER_SETTING, str(Path(file).parent))
            self.import_annotation_file(Path(file))

    def import_annotation_file(self, file: Path) -> AnnotationImportRun | None:
        if self.explain_if_read_only():
            return None
        from reader.ui.annotation_import_dialog import AnnotationImportRun

        run = AnnotationImportRun(self.library.path, file, self.window)
        run.done.connect(self._annotations_imported)
        run.failed.connect(lambda message: self._annotations_failed(file, message))
        self.annotation_import = run
        self.window.statusBar().showMessage(self.tr("Importing the annotations in {file}…").format(file=file.name))
        run.start()
        return run

    def _annotations_imported(self, report: object) -> None:
        from reader.ui.annotation_import_dialog import report_box

        self._end_annotation_import()
        self.library.changed_elsewhere()  # the list, the highlights and the panels read them in
        self.window.statusBar().showMessage(report.summary(), 20000)  # type: ignore[attr-defined]
        self._show(report_box(report, self.window))  # type: ignore[arg-type]

    def _annotations_failed(self, file: Path, message: str) -> None:
        from reader.ui.annotation_import_dialog import failure_box

        self._end_annotation_import()
        self.window.statusBar().showMessage(
            self.tr("The annotations in {file} were not imported.").format(file=file.name), 20000
        )
        self._show(failure_box(file, message, self.window))

    def _end_annotation_import(self) -> None:
        if self.annotation_import is not None:
            self.annotation_import.deleteLater()
        self.annotation_import = None

    # -- read-only -------------------------------------------------------------------------------------

    def explain_if_read_only(self) -> bool:
        """True (and a message says why) when the library cannot be changed."""
        if not self.library.read_only:
            return False
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("The library is read-only"),
                          QCoreApplication.translate("libraryProblems", READ_ONLY_EXPLANATION),
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setObjectName("readOnlyMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(str(self.library.path))
        self._show(box)
        return True

    def _show(self, box: QMessageBox) -> None:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    # -- dropped files -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.ChildAdded and watched is self.window.view:
            QTimer.singleShot(0, self._watch_text_panes)  # side by side, made when first asked for
        elif kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) and (
            watched is self.window or watched in self._drop_targets
        ):
            paths = dropped_paths(event)  # type: ignore[arg-type]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if kind == QEvent.Type.Drop:
                    self.import_dropped(paths)
                return True
        return False

    def _watch_text_panes(self) -> None:
        """Qt gives a drag to the innermost widget that takes drops: over the text that is a read-only
        QTextEdit, which refuses files. Its viewport's drags of files come here instead (text drags stay)."""
        for pane in self.window.findChildren(QTextEdit):
            viewport = pane.viewport()
            if pane.isReadOnly() and viewport is not None and viewport not in self._drop_targets:
                self._drop_targets.add(viewport)
                viewport.installEventFilter(self)

    def import_dropped(self, paths: list[str]) -> None:
        """Files and folders dropped on the window: imported with the progress dialog, the first opened."""
        self.window.activateWindow()
        self.window.start_import(paths, open_first=True)


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local files and folders a drag carries (web addresses and text are not for us)."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    return [url.toLocalFile() for url in data.urls() if url.isLocalFile() and url.toLocalFile()]


def install(window: MainWindow) -> LibraryActions:
    """Export, import of annotations, backups, drops, welcome and the read-only banner in the window."""
    actions = LibraryActions(window)
    actions.backups.schedule_daily()
    return actions
