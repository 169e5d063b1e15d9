"""Annotations drawn on the reading pane: highlights, notes, bookmarks and marks from the other language.

Highlights are `QTextEdit` extra selections: they colour ranges without touching the document, so its
plain text stays equal to `Transcript.text` and offsets keep addressing it. A highlight with a note is
underlined in a deeper shade of its colour and gets a note glyph in the right margin; paragraph notes
get a bar and a glyph in the left margin, bookmarks a ribbon, and annotations made in the other language
version a small "EN"/"RU" tag. The margin marks are drawn by a transparent widget over the viewport.
Hovering a highlight (or a margin mark) shows its note as a tooltip; moving the caret onto one reports
it through `caret_annotation_changed`, for the status bar.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.library import Library, LibraryError
from reader.core.model import (
    DEFAULT_COLOR_LEGEND,
    Annotation,
    AnnotationKind,
    Bookmark,
    ColorLegendEntry,
    Transcript,
)
from reader.ui.themes import LIGHT, Colours
from reader.ui.transcript_view import QUESTION_PADDING, block_at

DARK_HIGHLIGHT_ALPHA = 0.42
"""In the dark theme a legend colour is laid over the dark page at this strength: the light text stays
readable on it, and the colours stay told apart (measured by eye on the screenshots)."""
NOTE_GLYPH = 11  # px: the side of a note glyph in the margin
TOOLTIP_NOTE_CHARS = 600  # a long note is cut in the tooltip (the editor shows it whole)


@dataclass(frozen=True, slots=True)
class MarginMark:
    """Something drawn beside the text: where (a document position), what, and what its tooltip says."""

    position: int
    kind: str  # "note" (right margin), "paragraph-note", "bookmark", "language" (left margin)
    color: QColor
    tooltip: str
    text: str = ""  # for "language": "EN"
    end: int = 0  # for "paragraph-note": the end of the paragraph, for the bar


def legend_color(entry_hex: str, colours: Colours) -> QColor:
    """The colour a legend entry is painted in: as given in the light theme, toned down over the dark page."""
    colour = QColor(entry_hex)
    if not colours.dark:
        return colour
    base = QColor("#1c1d20")
    a = DARK_HIGHLIGHT_ALPHA
    return QColor(
        round(base.red() * (1 - a) + colour.red() * a),
        round(base.green() * (1 - a) + colour.green() * a),
        round(base.blue() * (1 - a) + colour.blue() * a),
    )


def ink_color(entry_hex: str, colours: Colours) -> QColor:
    """A deeper shade of a legend colour, for the underline of a noted highlight and the note glyph."""
    colour = QColor(entry_hex)
    return colour.lighter(115) if colours.dark else colour.darker(185)


def annotation_marks(library: Library, transcript: Transcript) -> list[tuple[int, str]]:
    """(paragraph index, "annotated in EN") for each paragraph of `transcript` whose aligned paragraph in
    another language version carries an annotation. For the reading pane and the side-by-side view."""
    from reader.core.alignment import align

    if transcript.id is None:
        return []
    try:
        versions = library.versions(transcript.id)
    except (LibraryError, sqlite3.Error):
        return []
    marks: dict[int, set[str]] = {}
    for language, other_id in versions.items():
        if other_id == transcript.id:
            continue
        paragraphs = {
            a.paragraph
            for a in library.annotations(other_id)
            if not a.orphan and a.paragraph is not None and a.kind is not AnnotationKind.TRANSCRIPT_NOTE
        }
        if not paragraphs:
            continue
        try:
            other = library.transcript(other_id)
        except LibraryError:
            continue
        alignment = align(other, transcript)
        for p in paragraphs:
            if p < len(alignment.left_rows):
                for q in alignment.rows[alignment.left_rows[p]].right:
                    marks.setdefault(q, set()).add(language.upper())
    return [(p, "annotated in " + ", ".join(sorted(langs))) for p, langs in sorted(marks.items())]


class AnnotationLayer(QObject):
    """The annotations of the transcript shown in `pane`, painted on it and looked up by position."""

    caret_annotation_changed = Signal(object)  # the Annotation under the caret, or None
    painted = Signal()  # after the annotations held changed and were painted (the panel follows)

    def __init__(self, pane: QTextEdit, library: Library, *, colours: Colours = LIGHT) -> None:
        super().__init__(pane)
        self.setObjectName("annotationLayer")
        self.pane = pane
        self.library = library
        self.colours = colours
        self.transcript: Transcript | None = None
        self.annotations: list[Annotation] = []  # of the shown transcript, in reading order, orphans too
        self.bookmarks: list[Bookmark] = []
        self.legend: tuple[ColorLegendEntry, ...] = DEFAULT_COLOR_LEGEND
        self.language_marks: list[tuple[int, str]] = []
        self._ranged: list[Annotation] = []  # highlights and paragraph notes that are anchored, by start
        self._starts: list[int] = []
        self._longest = 0  # the longest range held: how far before a position an annotation can start
        self._marks: list[MarginMark] = []
        self._mark_positions: list[int] = []
        self._paragraph_starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._visible: tuple[tuple[int, ...], tuple[int, int]] = ((), (0, 0))
        self._painted_range = (0, -1)  # the document range whose highlights are set as extra selections
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._caret_annotation: int | None = None
        self._marks_pending = False
        self._own_change = 0  # >0 while the controller makes a change it applies itself (`own_change`)
        self._reload_pending = False
        pane.setCursorWidth(2)  # the caret of a read-only pane: visible, but thin enough not to hide a letter
        self.margin = _MarginMarks(self)
        pane.viewport().installEventFilter(self)
        pane.cursorPositionChanged.connect(self._caret_moved)
        pane.verticalScrollBar().valueChanged.connect(self._scrolled)
        pane.document().documentLayout().documentSizeChanged.connect(self._laid_out)
        library.subscribe(_listener(self))

    # -- what is shown ---------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript | None) -> None:
        """Show the annotations of `transcript` (the one the pane now holds), or none."""
        self.transcript = transcript
        self._spans = transcript.paragraph_offsets() if transcript else []
        self._paragraph_starts = [s for s, _ in self._spans]
        self.language_marks = []
        self.reload()
        if transcript is not None:
            self._schedule_language_marks()

    def set_colours(self, colours: Colours) -> None:
        self.colours = colours
        self._formats = {}
        self._rebuild_marks()
        self.paint()

    def reload(self) -> None:
        """Re-read the shown transcript's annotations, bookmarks and the legend, and paint them."""
        self._reload_pending = False
        if self.transcript is None or self.transcript.id is None:
            self.annotations, self.bookmarks = [], []
        else:
            try:
                self.annotations = self.library.annotations(self.transcript.id)
                self.bookmarks = self.library.bookmarks(self.transcript.id)
                legend = self.library.color_legend()
                if legend != self.legend:
                    self.legend, self._formats = legend, {}
            except (LibraryError, sqlite3.Error):  # the transcript was deleted, or the library closed
                self.annotations, self.bookmarks = [], []
        self._held_changed()

    def library_changed(self) -> None:
        """The library's notification: re-read once the event loop is free (a batch of writes reads once),
        unless the change is the controller's own, which it applies itself."""
        if self._own_change or self._reload_pending:
            return
        self._reload_pending = True
        QTimer.singleShot(0, self._reload_if_pending)

    def _reload_if_pending(self) -> None:
        if self._reload_pending:
            self.reload()

    @contextmanager
    def own_change(self) -> Iterator[None]:
        """A change the caller applies to the layer itself (`apply`): no re-read for its notification."""
        self._own_change += 1
        try:
            yield
        finally:
            self._own_change -= 1

    def apply(self, removed: int | None = None, added: Annotation | None = None) -> None:
        """Take one change into the annotations held without re-reading them: `removed` (an id) went,
        `added` came (or replaced the annotation with its id). Other transcripts' annotations are ignored."""
        held = [a for a in self.annotations if a.id != removed and (added is None or a.id != added.id)]
        if added is not None and self.transcript is not None and added.transcript_id == self.transcript.id:
            held.append(added)
            held.sort(key=lambda a: (a.start, a.end, a.id))
        self.annotations = held
        self._held_changed()

    def apply_bookmarks(self) -> None:
        """Bookmarks changed: re-read them (a transcript has few)."""
        if self.transcript is not None and self.transcript.id is not None:
            with suppress(LibraryError, sqlite3.Error):
                self.bookmarks = self.library.bookmarks(self.transcript.id)
        self._rebuild_marks()
        self.margin.update()
        self.painted.emit()

    def _held_changed(self) -> None:
        shown = self.transcript.content_hash if self.transcript is not None else None
        # In reading order (by start). Only those anchored in the text the pane shows: after a re-import
        # the library holds the new offsets while the pane may still show the old text until it is reopened.
        self._ranged = [
            a
            for a in self.annotations
            if not a.orphan and a.kind is not AnnotationKind.TRANSCRIPT_NOTE and a.content_hash == shown
        ]
        self._starts = [a.start for a in self._ranged]
        self._longest = max((a.end - a.start for a in self._ranged), default=0)
        self._rebuild_marks()
        self.paint()
        self._caret_moved()
        self.painted.emit()

    # -- painting: only what is on screen --------------------------------------------------------

    def paint(self) -> None:
        """Set the extra selections of the highlights in and around the visible part of the text, and
        redraw the margin. Only those: a long briefing's 500 highlights would cost Qt a rectangle each
        for every change; a screenful costs a few, and scrolling adds the next ones (`_scrolled`)."""
        self._set_selections(self._wanted_range())
        self.margin.update()

    def _wanted_range(self) -> tuple[int, int]:
        top, bottom = self.visible_range()
        pad = max(2000, bottom - top)  # a screen above and below: small scrolls need no new selections
        return max(0, top - pad), bottom + pad

    def visible_range(self) -> tuple[int, int]:
        """Document positions at the start of the first block in view and the end of the last one."""
        viewport = self.pane.viewport()
        key = (
            self.pane.verticalScrollBar().value(),
            viewport.width(),
            viewport.height(),
            self.pane.document().revision(),
            self.pane.document().pageSize().toTuple(),  # type: ignore[attr-defined]
        )
        if key != self._visible[0]:  # a hit test each: asked by the selections and by the margin alike
            # By the blocks' rectangles, not a hit test: see `block_at`.
            scroll = self.pane.verticalScrollBar().value()
            top = block_at(self.pane, scroll).position()
            last = block_at(self.pane, scroll + viewport.height())
            bottom = last.position() + last.length() - 1
            self._visible = (key, (top, max(top, bottom)))  # type: ignore[assignment]
        return self._visible[1]

    def _laid_out(self) -> None:
        """Qt laid the text out further, or again (a filter hid paragraphs): positions on screen may have
        moved. (Asking for the document's size instead would lay out all of a long text at once.)"""
        self._visible = ((), (0, 0))
        self._scrolled()

    def _scrolled(self) -> None:
        length = self._spans[-1][1] if self._spans else 0  # of the text the layer's annotations address
        if self.transcript is not None and self.pane.document().characterCount() - 1 != length:
            return  # the pane is being refilled: its new text is not laid out yet, and `sync` comes next
        low, high = self._painted_range
        top, bottom = self.visible_range()
        if top < low or bottom > high:
            self._set_selections(self._wanted_range())

    def _set_selections(self, wanted: tuple[int, int]) -> None:
        low, high = wanted
        document = self.pane.document()
        length = max(0, document.characterCount() - 1)
        hexes = {e.key: e.hex for e in self.legend}
        first = bisect.bisect_left(self._starts, low - self._longest)
        last = bisect.bisect_right(self._starts, high)
        selections = []
        for a in self._ranged[first:last]:
            if a.kind is not AnnotationKind.HIGHLIGHT or a.end < low or a.end > length:
                continue
            key = (hexes.get(a.color or "", self.legend[0].hex), a.has_note)
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = self._formats[key] = self._format(*key)
            cursor = QTextCursor(document)
            cursor.setPosition(a.start)
            cursor.setPosition(a.end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = fmt  # type: ignore[misc]
            selections.append(selection)
        self.pane.setExtraSelections(selections)
        self._painted_range = (low, high)

    def _format(self, hex_: str, noted: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(legend_color(hex_, self.colours))
        if noted:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(ink_color(hex_, self.colours))
        return fmt

    def highlight_count(self) -> int:
        """Highlights set on the pane now (those near the visible part of the text)."""
        return len(self.pane.extraSelections())

    # -- looking up ------------------------------------------------------------------------------

    def annotations_at(self, position: int) -> list[Annotation]:
        """Anchored highlights and paragraph notes whose range holds `position` (its end included: the
        caret just after a highlight is on it), innermost first."""
        upto = bisect.bisect_right(self._starts, position)
        found = [a for a in self._ranged[:upto] if a.start <= position <= a.end]
        return sorted(found, key=lambda a: (a.kind is AnnotationKind.PARAGRAPH_NOTE, a.end - a.start, -a.id))

    def annotation_at(self, position: int) -> Annotation | None:
        """The annotation the caret at `position` is on: a highlight before a paragraph note."""
        found = self.annotations_at(position)
        inside = [a for a in found if a.start <= position < a.end or a.kind is AnnotationKind.PARAGRAPH_NOTE]
        chosen = inside or found
        return chosen[0] if chosen else None

    def highlight_at(self, position: int) -> Annotation | None:
        return next((a for a in self.annotations_at(position) if a.kind is AnnotationKind.HIGHLIGHT), None)

    def paragraph_note(self, paragraph: int) -> Annotation | None:
        return next(
            (a for a in self._ranged if a.kind is AnnotationKind.PARAGRAPH_NOTE and a.paragraph == paragraph), None
        )

    def transcript_notes(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind is AnnotationKind.TRANSCRIPT_NOTE]

    def orphans(self) -> list[Annotation]:
        return [a for a in self.annotations if a.orphan]

    def paragraph_at(self, position: int) -> int:
        """The paragraph holding `position` (a blank line between two counts to the one before it)."""
        return max(0, bisect.bisect_right(self._paragraph_starts, position) - 1)

    def paragraph_span(self, paragraph: int) -> tuple[int, int]:
        return self._spans[paragraph] if 0 <= paragraph < len(self._spans) else (0, 0)

    def bookmark_at(self, paragraph: int) -> Bookmark | None:
        return next((b for b in self.bookmarks if b.paragraph == paragraph), None)

    def meaning(self, color: str | None) -> str:
        return next((e.meaning for e in self.legend if e.key == color), "")

    def describe(self, a: Annotation) -> str:
        """One line for the status bar: "Highlight · claim · note: …"."""
        parts = [_kind_title(a)]
        meaning = self.meaning(a.color)
        if meaning:
            parts.append(meaning)
        if a.tags:
            parts.append(", ".join(f"#{t}" for t in a.tags))
        line = " · ".join(parts)
        if a.note:
            note = " ".join(a.note.split())
            line += f" — {note[:200]}{'…' if len(note) > 200 else ''}"
        return line

    # -- caret and hover -------------------------------------------------------------------------

    def _caret_moved(self) -> None:
        a = self.annotation_at(self.pane.textCursor().position()) if self._ranged else None
        key = a.id if a is not None else None
        if key != self._caret_annotation:
            self._caret_annotation = key
            self.caret_annotation_changed.emit(a)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.pane.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Resize:
            self.margin.setGeometry(self.pane.viewport().geometry())
        return False

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering at `point` (viewport coordinates) shows: a mark's text, or the note of a highlight."""
        for rect, mark in self.margin.mark_rects():
            if rect.adjusted(-3, -3, 3, 3).contains(QPointF(point)):
                return mark.tooltip
        cursor = self.pane.cursorForPosition(point)
        caret = self.pane.cursorRect(cursor)
        if abs(caret.center().y() - point.y()) > caret.height():  # below the last line: nothing there
            return ""
        found = [a for a in self.annotations_at(cursor.position()) if a.kind is AnnotationKind.HIGHLIGHT]
        return _tooltip(found[0], self.meaning(found[0].color)) if found else ""

    # -- marks in the margin ---------------------------------------------------------------------

    def margin_marks(self) -> list[MarginMark]:
        """Every mark beside the text, in text order."""
        return self._marks

    def marks_between(self, low: int, high: int) -> list[MarginMark]:
        """The marks whose position lies in [low, high] (a paragraph note also when its bar crosses it)."""
        first = bisect.bisect_left(self._mark_positions, low - self._longest)
        last = bisect.bisect_right(self._mark_positions, high)
        return [m for m in self._marks[first:last] if m.position >= low or m.end >= low]

    def _rebuild_marks(self) -> None:
        marks: list[MarginMark] = []
        if self.transcript is not None:
            spans = self._spans
            hexes = {e.key: e.hex for e in self.legend}
            meanings = {e.key: e.meaning for e in self.legend}
            for a in self._ranged:
                if a.kind is AnnotationKind.PARAGRAPH_NOTE:
                    colour = (
                        ink_color(hexes[a.color], self.colours) if a.color in hexes else QColor(self.colours.accent)
                    )
                    tip = _tooltip(a, meanings.get(a.color or "", ""))
                    marks.append(MarginMark(a.start, "paragraph-note", colour, tip, end=a.end))
                elif a.note:
                    colour = ink_color(hexes.get(a.color or "", "#8a8f95"), self.colours)
                    marks.append(MarginMark(a.start, "note", colour, _tooltip(a, meanings.get(a.color or "", ""))))
            for b in self.bookmarks:
                if b.paragraph < len(spans):
                    tip = f"Bookmark: {b.label}" if b.label else "Bookmark (B removes it)"
                    marks.append(MarginMark(spans[b.paragraph][0], "bookmark", QColor(self.colours.accent), tip))
            for paragraph, text in self.language_marks:
                if paragraph < len(spans):
                    languages = text.removeprefix("annotated in ")
                    muted = QColor(self.colours.muted)
                    marks.append(MarginMark(spans[paragraph][0], "language", muted, text.capitalize(), languages))
        marks.sort(key=lambda m: m.position)
        self._marks = marks
        self._mark_positions = [m.position for m in marks]

    def _schedule_language_marks(self) -> None:
        """The other versions' marks need their text and an alignment: worked out after the pane is painted."""
        if not self._marks_pending:
            self._marks_pending = True
            QTimer.singleShot(0, self._load_language_marks)

    def _load_language_marks(self) -> None:
        self._marks_pending = False
        if self.transcript is not None:
            try:
                self.language_marks = annotation_marks(self.library, self.transcript)
            except (LibraryError, sqlite3.Error):  # the library was closed meanwhile
                self.language_marks = []
            self._rebuild_marks()
            self.margin.update()

    def annotation_marks(self, transcript: Transcript) -> list[tuple[int, str]]:
        """(paragraph, "annotated in EN") for `transcript`: see the module function `annotation_marks`."""
        return annotation_marks(self.library, transcript)


def _kind_title(a: Annotation) -> str:
    if a.orphan:
        return "Not found in the current text"
    return {
        AnnotationKind.HIGHLIGHT: "Highlight",
        AnnotationKind.PARAGRAPH_NOTE: "Paragraph note",
        AnnotationKind.TRANSCRIPT_NOTE: "Transcript note",
    }[a.kind]


def _tooltip(a: Annotation, meaning: str) -> str:
    head = _kind_title(a) + (f" · {meaning}" if meaning else "")
    lines = [head]
    if a.note:
        note = a.note if len(a.note) <= TOOLTIP_NOTE_CHARS else a.note[:TOOLTIP_NOTE_CHARS] + "…"
        lines.append(note)
    if a.tags:
        lines.append(" ".join(f"#{t}" for t in a.tags))
    if a.kind is AnnotationKind.HIGHLIGHT:
        lines.append("Enter or N edits the note, T the tags")
    return "\n".join(lines)


def _listener(layer: AnnotationLayer) -> Callable[[], None]:
    """A library listener that outlives its layer harmlessly (the library has no unsubscribe)."""
    import shiboken6

    def changed() -> None:
        if shiboken6.isValid(layer) and shiboken6.isValid(layer.pane):
            layer.library_changed()

    return changed


class _MarginMarks(QWidget):
    """A transparent widget over the pane's viewport that draws the marks beside the text column."""

    def __init__(self, layer: AnnotationLayer) -> None:
        pane = layer.pane
        super().__init__(pane)
        self.setObjectName("annotationMargin")
        self.layer = layer
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(pane.viewport().geometry())
        self.edge = 0.0  # x where the left marks end (outside the tint behind questions)
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.document().documentLayout().documentSizeChanged.connect(self.update)
        self.raise_()
        self.show()

    def mark_rects(self) -> list[tuple[QRectF, MarginMark]]:
        """Each visible mark with the rectangle it is drawn in (viewport coordinates)."""
        pane = self.layer.pane
        document = pane.document()
        layout = document.documentLayout()
        scroll = pane.verticalScrollBar().value()
        frame = document.rootFrame().frameFormat()
        left = frame.leftMargin() - pane.horizontalScrollBar().value()
        right = self.width() - frame.rightMargin()
        metrics = QFontMetricsF(self._small_font())
        out: list[tuple[QRectF, MarginMark]] = []
        length = document.characterCount()
        left_slots: dict[int, tuple[float, int]] = {}  # a paragraph's left marks stand side by side
        edge = left - QUESTION_PADDING - 3  # outside the tint behind questions
        self.edge = edge
        for mark in self.layer.marks_between(*self.layer.visible_range()):
            if mark.position >= length:
                continue
            block = document.findBlock(mark.position)
            block_rect = layout.blockBoundingRect(block)
            line = block.layout().lineForTextPosition(mark.position - block.position())
            top = block_rect.top() + (line.y() if line.isValid() else 0) - scroll
            height = line.height() if line.isValid() else metrics.height()
            if (top + height < 0 and mark.kind != "paragraph-note") or top > self.height():
                continue
            middle = top + height / 2
            if mark.kind == "note":
                rect = QRectF(right + QUESTION_PADDING + 3, middle - NOTE_GLYPH / 2, NOTE_GLYPH, NOTE_GLYPH)
            else:
                roomy = edge > 40
                if mark.kind == "language":
                    width = metrics.horizontalAdvance(mark.text) + (8 if roomy else 2)
                else:
                    width = NOTE_GLYPH
                used, count = left_slots.get(block.blockNumber(), (0.0, 0))
                x, dy = edge - used - width, 0.0
                if x < 1:  # a narrow margin: the marks of a paragraph go one under the other
                    x, dy = max(1.0, edge - width), count * (NOTE_GLYPH + 5)
                left_slots[block.blockNumber()] = (used + width + 4, count + 1)
                rect = QRectF(x, middle - NOTE_GLYPH / 2 - 1 + dy, width, NOTE_GLYPH + 2)
            out.append((rect, mark))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        marks = self.mark_rects()
        if not marks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pane = self.layer.pane
        document = pane.document()
        layout = document.documentLayout()
        scroll = pane.verticalScrollBar().value()
        for rect, mark in marks:
            if mark.kind == "note":
                _draw_note(painter, rect, mark.color)
            elif mark.kind == "paragraph-note":
                last = document.findBlock(max(mark.position, mark.end - 1))
                bottom = layout.blockBoundingRect(last).bottom() - scroll
                bar = QRectF(self.edge + 1, rect.top() + 1, 2, max(rect.height(), bottom - rect.top()))
                painter.fillRect(bar, mark.color)
                _draw_note(painter, rect, mark.color)
            elif mark.kind == "bookmark":
                _draw_ribbon(painter, rect, mark.color)
            else:
                painter.setFont(self._small_font())
                painter.setPen(QPen(mark.color, 1))
                if rect.width() > QFontMetricsF(painter.font()).horizontalAdvance(mark.text) + 6:
                    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark.text)
        painter.end()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.72))
        font.setBold(True)
        return font

    def visible_rect(self) -> QRect:
        return self.rect()


def _draw_note(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A speech bubble: a rounded square with a tail, in the note's colour."""
    path = QPainterPath()
    body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 3)
    path.addRoundedRect(body, 2.5, 2.5)
    tail = QPainterPath()
    tail.moveTo(body.left() + 2, body.bottom() - 1)
    tail.lineTo(body.left() + 2, rect.bottom())
    tail.lineTo(body.left() + 6, body.bottom() - 1)
    tail.closeSubpath()
    painter.fillPath(path.united(tail), colour)


def _draw_ribbon(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A bookmark ribbon: a strip with a notch cut into its foot."""
    w = min(rect.width(), 9.0)
    x = rect.right() - w
    path = QPainterPath(QPointF(x, rect.top()))
    path.lineTo(x + w, rect.top())
    path.lineTo(x + w, rect.bottom())
    path.lineTo(x + w / 2, rect.bottom() - 4)
    path.lineTo(x, rect.bottom())
    path.closeSubpath()
    painter.fillPath(path, colour)
