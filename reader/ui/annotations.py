"""Annotating in the window: the command handlers (H, 1–9, N, T, B, P, Del, Ctrl+Z …), undo, the panels.

`install(window)` puts it all into the main window: the layer that paints annotations on the reading
pane, the annotations panel (a dock), the library-wide view and the legend editor, and registers the
handlers of the "annotate.*", "edit.undo/redo" and "view.annotations" commands. Every change is one
library call, done at once (so it is on disk before it shows), then pushed on a QUndoStack as a command
holding the annotation before and after: undo and redo put the saved state back with
`restore_annotation`, so an undone delete returns with its id, times, note and tags.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from reader.core.library import KEEP, Library, LibraryError
from reader.core.model import (
    Annotation,
    AnnotationKind,
    Bookmark,
    ColorLegendEntry,
    InvalidAnnotation,
    Transcript,
)
from reader.ui import themes
from reader.ui.annotation_layer import AnnotationLayer

if TYPE_CHECKING:  # the editor and the panels are imported when first shown: they cost start-up time
    from reader.ui.annotation_editor import AnnotationEditor, EditTarget, LegendEditor
    from reader.ui.annotation_panels import AnnotationsBrowser, AnnotationsPanel, Entry
    from reader.ui.transcript_view import TranscriptView

COLOUR_SETTING = "annotations/colour"
PANEL_SETTING = "annotations/panel"
SCROLL_MARGIN = 0.3  # an annotation gone to stands this far down the pane, with its context above it


# -- undo commands -------------------------------------------------------------------------------------


class _Change(QUndoCommand):
    """An annotation from `before` to `after` (None: absent). The change is already made when pushed;
    undo and redo restore the saved states. The saves of one editor session merge into one command."""

    MERGE_ID = 5005

    def __init__(
        self,
        controller: AnnotationsController,
        before: Annotation | None,
        after: Annotation | None,
        text: str,
        session: int = 0,
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.before, self.after = before, after
        self.session = session
        self._made = True  # push() calls redo(): the library call has been made already

    @property
    def annotation_id(self) -> int:
        a = self.after or self.before
        return a.id if a is not None else 0

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.after = self.controller.run_undo_step(lambda lib: _put(lib, self.before, self.after), self.before)

    def undo(self) -> None:
        self.before = self.controller.run_undo_step(lambda lib: _put(lib, self.after, self.before), self.after)

    def id(self) -> int:
        return self.MERGE_ID if self.session else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, _Change) or other.session != self.session:
            return False
        if self.annotation_id and other.annotation_id and other.annotation_id != self.annotation_id:
            return False
        self.after = other.after
        if self.before is None and self.after is None:
            self.setObsolete(True)  # made and removed in one session: nothing to undo
        return True


def _put(library: Library, current: Annotation | None, wanted: Annotation | None) -> Annotation | None:
    """Make the library hold `wanted` where it holds `current` now."""
    if wanted is None:
        if current is not None:
            library.delete_annotation(current.id)
        return None
    return library.restore_annotation(wanted)


class _BookmarkChange(QUndoCommand):
    def __init__(
        self, controller: AnnotationsController, before: Bookmark | None, after: Bookmark | None, text: str
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.before, self.after = before, after
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.controller.run_bookmark_step(lambda lib: _put_bookmark(lib, self.before, self.after))

    def undo(self) -> None:
        self.controller.run_bookmark_step(lambda lib: _put_bookmark(lib, self.after, self.before))


def _put_bookmark(library: Library, current: Bookmark | None, wanted: Bookmark | None) -> None:
    if wanted is None:
        if current is not None:
            library.delete_bookmark(current.id)
    else:
        library.restore_bookmark(wanted)


class _LegendChange(QUndoCommand):
    def __init__(
        self,
        controller: AnnotationsController,
        before: tuple[ColorLegendEntry, ...],
        after: tuple[ColorLegendEntry, ...],
    ) -> None:
        super().__init__(QCoreApplication.translate("AnnotationsController", "Change the colour legend"))
        self.controller = controller
        self.before, self.after = before, after
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.controller.run_legend_step(lambda lib: lib.set_color_legend(self.after))

    def undo(self) -> None:
        self.controller.run_legend_step(lambda lib: lib.set_color_legend(self.before))


# -- the controller ------------------------------------------------------------------------------------


class AnnotationsController(QObject):
    """Turns the annotation commands into library calls on the open transcript, and keeps the views current."""

    message = Signal(str)  # for the status bar: what was done, or why it was not

    def __init__(
        self,
        library: Library,
        view: TranscriptView,
        *,
        window: QMainWindow | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window or view)
        self.setObjectName("annotations")
        self.library = library
        self.view = view
        self.pane = view.text
        self.window = window
        self.settings = settings if settings is not None else QSettings()
        self.layer = AnnotationLayer(self.pane, library, colours=_colours_of_palette())
        self.undo_stack = QUndoStack(self)
        self.editor: AnnotationEditor | None = None
        self.legend_editor: LegendEditor | None = None
        self.browser: AnnotationsBrowser | None = None
        self._panel: AnnotationsPanel | None = None
        self.dock: QDockWidget | None = None
        self._sync_pending = False
        self._caret_text = ""

        self.notes_strip = QLabel(view.header)
        self.notes_strip.setObjectName("transcriptNotes")
        self.notes_strip.setWordWrap(True)
        self.notes_strip.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_strip.setToolTip(self.tr("Your note on this transcript (Shift+N edits it)"))
        self.notes_strip.hide()
        header_layout = view.header.layout()
        if header_layout is not None:
            header_layout.addWidget(self.notes_strip)

        self.layer.caret_annotation_changed.connect(self._caret_annotation)
        self.layer.painted.connect(self._refresh_lists)
        self.pane.document().contentsChanged.connect(self._document_changed)
        self.pane.installEventFilter(self)
        if window is not None and str(self.settings.value(PANEL_SETTING, "false")).lower() == "true":
            QTimer.singleShot(0, lambda: self.set_panel_visible(True))  # as the reader left it
        self.sync()

    @property
    def panel(self) -> AnnotationsPanel:
        """The annotations panel, made (with its dock in the window) when first needed."""
        if self._panel is None:
            from reader.ui.annotation_panels import AnnotationsPanel

            panel = AnnotationsPanel()
            panel.entry_activated.connect(self._entry_activated)
            panel.color_chosen.connect(self.set_current_color)
            panel.legend_requested.connect(self.edit_legend)
            panel.transcript_note_requested.connect(self.edit_transcript_note)
            panel.library_requested.connect(self.show_browser)
            panel.reattach_requested.connect(self.reattach)
            self._panel = panel
            if self.window is not None:
                dock = QDockWidget(self.tr("Annotations"), self.window)
                dock.setObjectName("annotationsDock")
                dock.setWidget(panel)
                dock.setFeatures(
                    QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
                )
                dock.hide()
                self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
                dock.visibilityChanged.connect(self._dock_visibility)
                self.dock = dock
        return self._panel

    # -- wiring --------------------------------------------------------------------------------------

    def handlers(self) -> dict[str, Callable[..., object]]:
        """Command id → handler, for `MainWindow.register_handlers`."""
        table: dict[str, Callable[..., object]] = {
            "annotate.highlight": self.highlight,
            "annotate.select_paragraph": self.select_paragraph,
            "annotate.note": self.edit_note,
            "annotate.transcript_note": self.edit_transcript_note,
            "annotate.tags": self.edit_tags,
            "annotate.bookmark": self.toggle_bookmark,
            "annotate.delete": self.delete,
            "annotate.all": self.show_browser,
            "annotate.legend": self.edit_legend,
            "edit.undo": self.undo,
            "edit.redo": self.redo,
            "view.annotations": self.set_panel_visible,
        }
        for n in range(1, 10):
            table[f"annotate.highlight_{n}"] = partial(self.highlight_in, n)
        return table

    def _document_changed(self) -> None:
        """The pane's document was refilled (another transcript, a theme): repaint once it settles."""
        if not self._sync_pending:
            self._sync_pending = True
            QTimer.singleShot(0, self.sync)

    def sync(self) -> None:
        """Bring the layer to the transcript the pane shows, in the colours of the current theme."""
        self._sync_pending = False
        colours = _colours_of_palette()
        if colours != self.layer.colours:
            self.layer.set_colours(colours)
        shown = self.view.transcript
        held = self.layer.transcript
        if shown is None or held is None or shown.id != held.id or shown.content_hash != held.content_hash:
            self.layer.set_transcript(shown)
        else:
            self.layer.paint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on an annotation in the text opens its editor."""
        if (
            watched is self.pane
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            a = self.layer.annotation_at(self.pane.textCursor().position())
            if a is not None:
                self.open_editor(self._target_of(a))
                return True
        return False

    # -- what the user points at ---------------------------------------------------------------------

    def transcript(self) -> Transcript | None:
        t = self.view.transcript
        if t is None or t.id is None:
            self.message.emit(self.tr("Open a transcript first."))
            return None
        if self.layer.transcript is None or self.layer.transcript.id != t.id:
            self.sync()
        return t

    def _focus_in_panel(self) -> bool:
        focus = QApplication.focusWidget()
        panel = self._panel
        return panel is not None and focus is not None and (focus is panel.list or panel.isAncestorOf(focus))

    def _focus_elsewhere(self) -> bool:
        """Focus is in another part of the window (a list, the calendar): not on the text."""
        focus = QApplication.focusWidget()
        if focus is None or focus is self.pane or self.pane.isAncestorOf(focus):
            return False
        return focus.window() is self.pane.window()

    def selection(self) -> tuple[int, int]:
        """The reading pane's selection as offsets into `Transcript.text` (equal when nothing is selected)."""
        cursor = self.pane.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def caret(self) -> int:
        cursor = self.pane.textCursor()
        return cursor.selectionStart() if cursor.hasSelection() else cursor.position()

    def current_color(self) -> str:
        legend = self.layer.legend
        chosen = str(self.settings.value(COLOUR_SETTING, legend[0].key))
        return chosen if chosen in {e.key for e in legend} else legend[0].key

    def set_current_color(self, key: str) -> None:
        self.settings.setValue(COLOUR_SETTING, key)
        self._refresh_legend()
        self.message.emit(self.tr("H now highlights as: {meaning}").format(meaning=self.layer.meaning(key) or key))

    def _not_in_text(self) -> None:
        self.message.emit(self.tr("Select text in the transcript first: F6 moves the focus to it."))

    # -- highlighting --------------------------------------------------------------------------------

    def highlight(self, color: str | None = None) -> Annotation | None:
        """H: highlight the selection in the current colour (or `color`)."""
        t = self.transcript()
        if t is None:
            return None
        if self._focus_elsewhere():
            self._not_in_text()
            return None
        start, end = self.selection()
        key = color or self.current_color()
        same = next((a for a in self.layer.annotations_at(start) if (a.start, a.end) == (start, end)), None)
        if start == end or (same is not None and same.kind is AnnotationKind.HIGHLIGHT):
            existing = same or (self.layer.highlight_at(start) if color else None)
            if existing is not None and existing.kind is AnnotationKind.HIGHLIGHT:
                if existing.color == key:
                    self.message.emit(
                        self.tr("Already highlighted as: {meaning}").format(meaning=self.layer.meaning(key) or key)
                    )
                    return existing
                return self._update(existing, self.tr("Change the colour"), color=key)
            self.message.emit(
                self.tr("Select some text first: Shift+arrows, Ctrl+Shift+arrows by word, P for the paragraph.")
            )
            return None
        try:
            with self.layer.own_change():
                a = self.library.add_annotation(t.id, start, end, color=key)  # type: ignore[arg-type]
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(_message(err))
            return None
        self.layer.apply(added=a)
        self.undo_stack.push(_Change(self, None, a, self.tr("Highlight “{quote}”").format(quote=_short(a.exact))))
        cursor = self.pane.textCursor()
        cursor.setPosition(a.end)  # on the highlight (its trimmed end), so N, T and Del act on it next
        self.pane.setTextCursor(cursor)
        self.message.emit(
            self.tr("Highlighted as: {meaning} — N adds a note, Ctrl+Z undoes").format(
                meaning=self.layer.meaning(key) or key
            )
        )
        return a

    def highlight_in(self, n: int) -> Annotation | None:
        """1–9: highlight in the n-th colour of the legend (and make it the current colour)."""
        legend = self.layer.legend
        if not 1 <= n <= len(legend):
            self.message.emit(
                self.tr(
                    "The legend has {count} colours, so {n} picks none: add colours with Annotate ▸ Colour legend…"
                ).format(count=len(legend), n=n)
            )
            return None
        key = legend[n - 1].key
        self.settings.setValue(COLOUR_SETTING, key)
        self._refresh_legend()
        return self.highlight(key)

    def select_paragraph(self) -> None:
        """P: select the paragraph of the caret; again: add the next paragraph to the selection."""
        t = self.transcript()
        if t is None:
            return
        cursor = self.pane.textCursor()
        spans = t.paragraph_offsets()
        if not spans:
            return
        if cursor.hasSelection():
            first = self.layer.paragraph_at(cursor.selectionStart())
            last = self.layer.paragraph_at(max(cursor.selectionStart(), cursor.selectionEnd() - 1))
            whole = (cursor.selectionStart(), cursor.selectionEnd()) == (spans[first][0], spans[last][1])
            if whole:
                last = min(last + 1, len(spans) - 1)
        else:
            first = last = self.layer.paragraph_at(cursor.position())
        cursor.setPosition(spans[first][0])
        cursor.setPosition(spans[last][1], QTextCursor.MoveMode.KeepAnchor)
        self.pane.setTextCursor(cursor)

    # -- notes and tags ------------------------------------------------------------------------------

    def edit_note(self) -> AnnotationEditor | None:
        """N: the note of the highlight under the caret; of a new highlight on the selection; or of the paragraph."""
        target = self._pointed_target(create_highlight=True, paragraph=True)
        return self.open_editor(target) if target is not None else None

    def edit_tags(self) -> AnnotationEditor | None:
        """T: the tags of the highlight under the caret (a selection becomes a highlight first)."""
        target = self._pointed_target(create_highlight=True, paragraph=False)
        if target is None:
            return None
        editor = self.open_editor(target)
        if editor is not None:
            editor.focus_tags()
        return editor

    def edit_transcript_note(self) -> AnnotationEditor | None:
        t = self.transcript()
        if t is None:
            return None
        notes = self.layer.transcript_notes()
        if notes:
            return self.open_editor(self._target_of(notes[0]))
        from reader.ui.annotation_editor import EditTarget

        return self.open_editor(EditTarget(t.id, AnnotationKind.TRANSCRIPT_NOTE, quote=t.title))  # type: ignore[arg-type]

    def _pointed_target(self, *, create_highlight: bool, paragraph: bool) -> EditTarget | None:
        if self._focus_in_panel():
            entry = self.panel.list.current_entry()
            if entry is not None and entry.annotation is not None:
                return self._target_of(entry.annotation)
        t = self.transcript()
        if t is None:
            return None
        if self._focus_elsewhere():
            self._not_in_text()
            return None
        start, end = self.selection()
        if start != end:
            same = next((a for a in self.layer.annotations_at(start) if (a.start, a.end) == (start, end)), None)
            if same is not None:
                return self._target_of(same)
            if create_highlight:
                a = self.highlight()
                return self._target_of(a) if a is not None else None
        a = self.layer.highlight_at(start)
        if a is not None:
            return self._target_of(a)
        index = self.layer.paragraph_at(start)
        note = self.layer.paragraph_note(index)
        if note is not None:
            return self._target_of(note)
        if paragraph:
            from reader.ui.annotation_editor import EditTarget

            span = t.paragraph_offsets()[index] if t.paragraphs else (0, 0)
            return EditTarget(t.id, AnnotationKind.PARAGRAPH_NOTE, paragraph=index, quote=t.text[span[0] : span[1]])  # type: ignore[arg-type]
        self.message.emit(self.tr("Put the caret on a highlight, or select text, to tag it."))
        return None

    def _target_of(self, a: Annotation) -> EditTarget:
        from reader.ui.annotation_editor import EditTarget

        quote = (
            self.view.transcript.title if a.kind is AnnotationKind.TRANSCRIPT_NOTE and self.view.transcript else a.exact
        )
        return EditTarget(a.transcript_id, a.kind, annotation=a, paragraph=a.paragraph, quote=quote)

    def open_editor(self, target: EditTarget) -> AnnotationEditor:
        from reader.ui.annotation_editor import AnnotationEditor

        if self.editor is not None:
            self.editor.close()
        editor = AnnotationEditor(self, target, self.pane.window())
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        rect = self.pane.cursorRect()
        spot = self.pane.viewport().mapToGlobal(rect.bottomLeft())
        editor.adjustSize()
        editor.move(spot.x() - editor.width() // 4, spot.y() + 12)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.focus_note()
        return editor

    # EditorBackend

    def save_note(self, target: EditTarget, text: str, session: int) -> str | None:
        try:
            with self.layer.own_change():
                if target.annotation is None:
                    before = None
                    if target.kind is AnnotationKind.PARAGRAPH_NOTE:
                        a = self.library.add_paragraph_note(target.transcript_id, target.paragraph or 0, text)
                    else:
                        a = self.library.add_transcript_note(target.transcript_id, text)
                else:
                    before = self.library.annotation(target.annotation.id)
                    a = self.library.update_annotation(target.annotation.id, note=text)
        except (InvalidAnnotation, LibraryError) as err:
            return self.tr("Not saved: ") + _message(err)
        self.layer.apply(added=a)
        text = self.tr("Add a note") if before is None else self.tr("Edit a note")
        self.undo_stack.push(_Change(self, before, a, text, session))
        target.annotation = a
        return None

    def save_tags(self, target: EditTarget, text: str, session: int) -> str | None:
        if target.annotation is None:
            return self.tr("Write the note first: tags belong to a note or a highlight.")
        from reader.ui.annotation_editor import split_tags

        return self._save(target, session, self.tr("Edit the tags"), tags=split_tags(text))

    def save_color(self, target: EditTarget, key: str, session: int) -> str | None:
        if target.annotation is None:
            return self.tr("Write the note first.")
        return self._save(target, session, self.tr("Change the colour"), color=key)

    def _save(self, target: EditTarget, session: int, text: str, **changes: Any) -> str | None:
        assert target.annotation is not None
        try:
            before = self.library.annotation(target.annotation.id)
            with self.layer.own_change():
                a = self.library.update_annotation(target.annotation.id, **changes)
        except (InvalidAnnotation, LibraryError) as err:
            return self.tr("Not saved: ") + _message(err)
        self.layer.apply(added=a)
        self.undo_stack.push(_Change(self, before, a, text, session))
        target.annotation = a
        return None

    def tag_choices(self) -> list[str]:
        return self.library.annotation_tags()

    def legend(self) -> tuple[ColorLegendEntry, ...]:
        return self.layer.legend

    def editor_closed(self, target: EditTarget, session: int) -> None:
        a = target.annotation
        if a is not None and a.kind is not AnnotationKind.HIGHLIGHT and not a.note:
            try:  # a paragraph or transcript note emptied: nothing is left to keep
                with self.layer.own_change():
                    before = self.library.delete_annotation(a.id)
                self.layer.apply(removed=a.id)
                self.undo_stack.push(_Change(self, before, None, self.tr("Remove a note"), session))
            except LibraryError:
                pass
        if self.editor is not None and self.editor.target is target:
            self.editor = None
        if self.pane.isVisible():
            QTimer.singleShot(0, self._focus_text)

    def _focus_text(self) -> None:
        if self.pane.isVisible():
            self.pane.window().activateWindow()
            self.pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- bookmarks, deleting, undo -------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        """B: bookmark the caret's paragraph, or remove its bookmark."""
        t = self.transcript()
        if t is None:
            return
        entry = self.panel.list.current_entry() if self._focus_in_panel() else None
        if entry is not None and entry.bookmark is not None:
            paragraph = entry.bookmark.paragraph
        elif self._focus_elsewhere() and not self._focus_in_panel():
            self._not_in_text()
            return
        else:
            paragraph = self.layer.paragraph_at(self.caret())
        try:
            with self.layer.own_change():
                bookmark, is_set = self.library.toggle_bookmark(t.id, paragraph)  # type: ignore[arg-type]
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(_message(err))
            return
        self.layer.apply_bookmarks()
        if is_set:
            self.undo_stack.push(_BookmarkChange(self, None, bookmark, self.tr("Bookmark")))
            self.message.emit(self.tr("Bookmarked paragraph {n} — B again removes it").format(n=paragraph + 1))
        else:
            self.undo_stack.push(_BookmarkChange(self, bookmark, None, self.tr("Remove the bookmark")))
            self.message.emit(
                self.tr("Bookmark on paragraph {n} removed — Ctrl+Z brings it back").format(n=paragraph + 1)
            )

    def delete(self) -> None:
        """Del: remove the annotation under the caret (or the one chosen in the panel)."""
        if self._focus_in_panel():
            entry = self.panel.list.current_entry()
            if entry is None:
                return
            if entry.bookmark is not None:
                try:
                    with self.layer.own_change():
                        removed = self.library.delete_bookmark(entry.bookmark.id)
                except LibraryError as err:
                    self.message.emit(_message(err))
                    return
                self.layer.apply_bookmarks()
                self.undo_stack.push(_BookmarkChange(self, removed, None, self.tr("Remove the bookmark")))
                self.message.emit(self.tr("Bookmark removed — Ctrl+Z brings it back"))
                return
            target = entry.annotation
        else:
            if self.transcript() is None:
                return
            if self._focus_elsewhere():
                self._not_in_text()
                return
            target = self.layer.annotation_at(self.caret())
        if target is None:
            self.message.emit(self.tr("There is no annotation under the caret."))
            return
        try:
            with self.layer.own_change():
                old = self.library.delete_annotation(target.id)
        except LibraryError as err:
            self.message.emit(_message(err))
            return
        self.layer.apply(removed=old.id)
        what = (
            self.tr("paragraph note")
            if old.kind is AnnotationKind.PARAGRAPH_NOTE
            else self.tr("note")
            if old.kind is AnnotationKind.TRANSCRIPT_NOTE
            else self.tr("highlight")
        )
        self.undo_stack.push(_Change(self, old, None, self.tr("Delete the {what}").format(what=what)))
        self.message.emit(
            self.tr("Deleted the {what} “{quote}” — Ctrl+Z brings it back").format(what=what, quote=_short(old.exact))
        )

    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            self.message.emit(self.tr("Nothing to undo."))
            return
        text = self.undo_stack.undoText()
        self.undo_stack.undo()
        self.message.emit(self.tr("Undone: {text}").format(text=text))

    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            self.message.emit(self.tr("Nothing to redo."))
            return
        text = self.undo_stack.redoText()
        self.undo_stack.redo()
        self.message.emit(self.tr("Redone: {text}").format(text=text))

    def run_undo_step(
        self, step: Callable[[Library], Annotation | None], current: Annotation | None
    ) -> Annotation | None:
        """Run one step of an undo or redo that replaces `current` with what `step` returns, and show it.
        A failure (the transcript was deleted since) is reported, not raised."""
        try:
            with self.layer.own_change():
                result = step(self.library)
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(self.tr("Could not undo or redo this: ") + _message(err))
            self.layer.reload()
            return current
        self.layer.apply(current.id if current is not None else None, result)
        return result

    def run_bookmark_step(self, step: Callable[[Library], object]) -> None:
        try:
            with self.layer.own_change():
                step(self.library)
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(self.tr("Could not undo or redo this: ") + _message(err))
        self.layer.apply_bookmarks()

    def run_legend_step(self, step: Callable[[Library], object]) -> None:
        try:
            step(self.library)  # the layer re-reads the legend after the library's notification
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(self.tr("Could not undo or redo this: ") + _message(err))

    def _update(self, a: Annotation, text: str, **changes: Any) -> Annotation | None:
        try:
            with self.layer.own_change():
                after = self.library.update_annotation(a.id, **changes)
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(_message(err))
            return None
        self.layer.apply(added=after)
        self.undo_stack.push(_Change(self, a, after, text))
        if "color" in changes and changes["color"] is not KEEP:
            meaning = self.layer.meaning(after.color) or after.color
            self.message.emit(self.tr("Now highlighted as: {meaning}").format(meaning=meaning))
        return after

    # -- orphans ---------------------------------------------------------------------------------------

    def reattach(self, orphan: Annotation) -> Annotation | None:
        """Anchor an orphan to what is selected in the text now."""
        start, end = self.selection()
        if start == end:
            self.message.emit(self.tr("Select the passage in the text first, then re-attach the orphan to it."))
            return None
        if self.view.transcript is None or self.view.transcript.id != orphan.transcript_id:
            self.message.emit(self.tr("Open the orphan's transcript and select the passage there."))
            return None
        try:
            with self.layer.own_change():
                after = self.library.reattach(orphan.id, start, end)
        except (InvalidAnnotation, LibraryError) as err:
            self.message.emit(_message(err))
            return None
        self.layer.apply(added=after)
        self.undo_stack.push(_Change(self, orphan, after, self.tr("Re-attach")))
        self.message.emit(self.tr("Re-attached to “{quote}”").format(quote=_short(after.exact)))
        return after

    # -- going to an annotation -----------------------------------------------------------------------

    def go_to(self, a: Annotation) -> None:
        """Show `a` in the text: open its transcript if needed, put the caret at its start, scroll to it."""
        if self.view.transcript is None or self.view.transcript.id != a.transcript_id:
            opener = getattr(self.window, "open_transcript", None)
            if opener is None:
                return
            opener(a.transcript_id)
            if self.view.transcript is None or self.view.transcript.id != a.transcript_id:
                return
            self.sync()
        if a.orphan:
            self.set_panel_visible(True)
            self.panel.select_annotation(a.id)
            self.message.emit(
                self.tr(
                    "This annotation's text was not found after the transcript changed: select where it is now "
                    "and choose Re-attach to selection."
                )
            )
            return
        if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
            self.pane.verticalScrollBar().setValue(0)
            self.open_editor(self._target_of(a))
            return
        cursor = self.pane.textCursor()
        cursor.setPosition(min(a.start, self.pane.document().characterCount() - 1))
        self.pane.setTextCursor(cursor)
        top = self.pane.cursorRect(cursor).top() + self.pane.verticalScrollBar().value()
        self.pane.verticalScrollBar().setValue(int(top - self.pane.viewport().height() * SCROLL_MARGIN))
        self.pane.ensureCursorVisible()

    def _entry_activated(self, entry: Entry) -> None:
        if entry.annotation is not None:
            self.go_to(entry.annotation)
        elif entry.bookmark is not None and self.layer.transcript is not None:
            start, _ = self.layer.paragraph_span(entry.bookmark.paragraph)
            cursor = self.pane.textCursor()
            cursor.setPosition(start)
            self.pane.setTextCursor(cursor)
            self.pane.verticalScrollBar().setValue(
                int(self.pane.cursorRect(cursor).top() + self.pane.verticalScrollBar().value() - 40)
            )

    # -- panels ----------------------------------------------------------------------------------------

    def set_panel_visible(self, shown: bool) -> None:
        if not shown and self._panel is None:
            return
        self.panel  # noqa: B018 - made on first use
        if self.dock is not None:
            self.dock.setVisible(shown)
            if shown:
                self._refresh_lists()

    def panel_shown(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def _dock_visibility(self, shown: bool) -> None:
        import shiboken6

        if self.dock is None or self.window is None or not shiboken6.isValid(self.window):
            return
        self.settings.setValue(PANEL_SETTING, "true" if self.dock.isVisible() else "false")
        actions = getattr(self.window, "command_actions", None)
        action = actions.get("view.annotations") if isinstance(actions, dict) else None
        if action is not None and action.isChecked() != self.dock.isVisible():
            action.setChecked(self.dock.isVisible())
        if shown:
            self._refresh_lists()

    def _refresh_lists(self) -> None:
        """After every repaint of the layer: the panel and the notes strip follow (the panel only if shown)."""
        notes = self.layer.transcript_notes()
        if notes and notes[0].note:
            text = " ".join(notes[0].note.split())
            self.notes_strip.setText(self.tr("Your note: ") + (text if len(text) <= 240 else text[:240] + "…"))
            self.notes_strip.show()
        else:
            self.notes_strip.hide()
        if self.panel_shown():
            from reader.ui.annotation_panels import panel_entries

            starts = [s for s, _ in self.layer.transcript.paragraph_offsets()] if self.layer.transcript else []
            self.panel.set_entries(
                panel_entries(self.layer.annotations, self.layer.bookmarks, self.layer.legend, starts)
            )
            self._refresh_legend()
        if self.browser is not None and self.browser.isVisible():
            self._fill_browser()

    def _refresh_legend(self) -> None:
        if self._panel is not None:
            self._panel.set_legend(self.layer.legend, self.current_color())

    def show_browser(self) -> AnnotationsBrowser:
        from reader.ui.annotation_panels import AnnotationsBrowser

        if self.browser is None:
            self.browser = AnnotationsBrowser(self.pane.window())
            self.browser.open_requested.connect(self.go_to)
        self._fill_browser()
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()
        self.browser.text.setFocus()
        return self.browser

    def _fill_browser(self) -> None:
        assert self.browser is not None
        documents = {s.id: s for s in self.library.summaries()}
        self.browser.set_data(
            self.library.annotations(), documents, self.library.color_legend(), self.library.annotation_tags()
        )

    def _colour_uses(self) -> dict[str, int]:
        used: dict[str, int] = {}
        for a in self.library.annotations():
            if a.color:
                used[a.color] = used.get(a.color, 0) + 1
        return used

    def legend_page(self) -> QWidget:
        """The legend as a page of Preferences."""
        from reader.ui.annotation_editor import LegendPage

        return LegendPage(self.library.color_legend(), self._colour_uses(), self.save_legend)

    def edit_legend(self) -> LegendEditor:
        from reader.ui.annotation_editor import LegendEditor

        editor = LegendEditor(self.library.color_legend(), self._colour_uses(), self.save_legend, self.pane.window())
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.legend_editor = editor
        editor.open()
        return editor

    def save_legend(self, entries: list[ColorLegendEntry]) -> str | None:
        before = self.library.color_legend()
        try:
            after = self.library.set_color_legend(entries)
        except (InvalidAnnotation, LibraryError) as err:
            return _message(err)
        if after != before:
            self.undo_stack.push(_LegendChange(self, before, after))
            self.message.emit(self.tr("Colour legend saved"))
        return None

    def _caret_annotation(self, a: Annotation | None) -> None:
        if a is not None:
            self._caret_text = self.layer.describe(a)
            self.message.emit(self._caret_text)
        elif self._caret_text and self.window is not None:
            if self.window.statusBar().currentMessage() == self._caret_text:
                self.window.statusBar().clearMessage()
            self._caret_text = ""


def install(window: QMainWindow) -> AnnotationsController:
    """Annotations in the main window: the layer on its reading pane, the panel, the command handlers."""
    controller = AnnotationsController(
        window.library,  # type: ignore[attr-defined]
        window.view,  # type: ignore[attr-defined]
        window=window,
        settings=getattr(window, "settings", None),
    )
    controller.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    register = getattr(window, "register_handlers", None)
    if callable(register):
        register(controller.handlers())
    add_page = getattr(window, "add_preferences_page", None)
    if callable(add_page):
        add_page(QCoreApplication.translate("AnnotationsController", "Colours"), controller.legend_page)
    return controller


def _colours_of_palette() -> themes.Colours:
    """The reading colours of the theme in effect, told from the application palette (the window sets both)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return themes.LIGHT
    return themes.DARK if app.palette().color(QPalette.ColorRole.Base).lightness() < 128 else themes.LIGHT


def _message(err: Exception) -> str:
    return err.message if isinstance(err, InvalidAnnotation) else str(err)


def _short(text: str, most: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"
