"""The reading pane: a header (title, date, place, type, language badges) above the transcript text.

The text is built with QTextCursor from plain strings and formats, never from HTML, so markup in a
transcript shows literally. The document's plain text equals `Transcript.text` character for
character (an empty block stands for each blank line between paragraphs), so later features can
address the pane by offsets into that string.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollBar, QTextEdit, QVBoxLayout, QWidget

from reader.core.model import Paragraph, ParagraphKind, Transcript
from reader.ui.dates import long_date
from reader.ui.lazy_qt import set_by_name, solid_brush
from reader.ui.themes import LIGHT, Colours

READING_FONTS = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]
READING_POINT_SIZE = 11.5
LINE_HEIGHT_PERCENT = 145
COLUMN_CHARACTERS = 72
MIN_SIDE_MARGIN = 24

QUESTION_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Set on the blocks of a question; the pane tints them (a block background cannot have padding)."""
ALIGN_HCENTER = 0x0004  # Qt.AlignmentFlag.AlignHCenter, as a block format stores it (see reader/ui/lazy_qt.py)
QUESTION_PADDING = 10
QUESTION_BAR_WIDTH = 3

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "fr": "French", "de": "German", "es": "Spanish"}


def reading_font(zoom: float = 1.0) -> QFont:
    """The reading text's font; `zoom` scales it (Ctrl+= / Ctrl+-)."""
    font = QFont()
    font.setFamilies(READING_FONTS)
    font.setPointSizeF(READING_POINT_SIZE * zoom)
    return font


def language_codes(own: str, available: tuple[str, ...]) -> list[str]:
    """Two-letter codes of the languages a document exists in, own language first: ["en", "ru"]."""
    codes = [own.lower()]
    for locale in available:
        code = locale.split("-")[0].lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def fill_document(
    document: QTextDocument, transcript: Transcript, colours: Colours = LIGHT, *, zoom: float = 1.0
) -> None:
    """Replace the document's content with the transcript's paragraphs, styled for reading.

    The clearing is inside the one edit block: Qt then sees a single change from nothing to the whole
    text and lays it out lazily (what is painted first, the rest in steps on the event loop) instead of
    laying out all of a long briefing before anything is shown. Callers may wrap it in an edit block of
    their own (`TranscriptView` does) to add changes that must come before any layout.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    layout = document.documentLayout()
    quiet = layout.blockSignals(True)  # empty for a moment: a pane would hide its scroll bar and show it again
    document.clear()
    layout.blockSignals(quiet)
    document.setDefaultFont(reading_font(zoom))
    formats = _Formats(colours, document.defaultFont().pointSizeF())
    body = formats.body
    previous_question = False
    for index, paragraph in enumerate(transcript.paragraphs):
        question = _is_question(transcript, paragraph)
        if index:
            # The blank line of "\n\n": an empty block, tinted when it sits inside one question.
            tinted = question and previous_question and not paragraph.starts_turn
            cursor.insertBlock(formats.question_spacer if tinted else formats.spacer, body)
            cursor.insertBlock(formats.block(paragraph, question), body)
        else:
            cursor.setBlockFormat(formats.block(paragraph, question))
            cursor.setBlockCharFormat(body)
        _insert_paragraph(cursor, paragraph, question, formats)
        previous_question = question
    cursor.endEditBlock()


def _is_question(transcript: Transcript, paragraph: Paragraph) -> bool:
    if paragraph.kind is not ParagraphKind.TURN:
        return False
    if paragraph.turn is not None and paragraph.turn < len(transcript.turns):
        return transcript.turns[paragraph.turn].is_question
    return (paragraph.speaker or "").casefold() in {"question", "вопрос"}


class _Formats:
    """The few block and character formats a transcript is built from, made once per fill rather than
    once per paragraph (a long briefing has hundreds)."""

    def __init__(self, colours: Colours, point_size: float) -> None:
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        self.body = QTextCharFormat()
        self.body.setForeground(solid_brush(colours.heading))
        self.heading = QTextCharFormat(self.body)
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setFontPointSize(point_size * 1.2)
        self.muted = QTextCharFormat(self.body)
        self.muted.setForeground(solid_brush(colours.muted))
        self.question_label = QTextCharFormat(self.body)
        self.question_label.setFontWeight(QFont.Weight.Bold)
        self.question_label.setForeground(solid_brush(colours.question_label))
        self.answer_label = QTextCharFormat(self.body)
        self.answer_label.setFontWeight(QFont.Weight.Bold)
        self.answer_label.setForeground(solid_brush(colours.answer_label))
        self.spacer = QTextBlockFormat()
        self.spacer.setLineHeight(55, proportional)
        self.question_spacer = QTextBlockFormat(self.spacer)
        self.question_spacer.setProperty(QUESTION_PROPERTY, True)
        self.text_block = QTextBlockFormat()
        self.text_block.setLineHeight(LINE_HEIGHT_PERCENT, proportional)
        self.question_block = QTextBlockFormat(self.text_block)
        self.question_block.setProperty(QUESTION_PROPERTY, True)
        self.separator_block = QTextBlockFormat(self.text_block)
        self.separator_block.setProperty(QTextFormat.Property.BlockAlignment, ALIGN_HCENTER)
        self.heading_block = QTextBlockFormat(self.text_block)
        self.heading_block.setHeadingLevel(3)
        self.heading_block.setTopMargin(14)
        self.heading_block.setLineHeight(125, proportional)

    def block(self, paragraph: Paragraph, question: bool) -> QTextBlockFormat:
        if paragraph.kind is ParagraphKind.HEADING:
            return self.heading_block
        if paragraph.kind is ParagraphKind.SEPARATOR:
            return self.separator_block
        return self.question_block if question else self.text_block


def _insert_paragraph(cursor: QTextCursor, paragraph: Paragraph, question: bool, formats: _Formats) -> None:
    if paragraph.kind is ParagraphKind.HEADING:
        cursor.insertText(paragraph.shown_text, formats.heading)
    elif paragraph.kind is ParagraphKind.SEPARATOR:
        cursor.insertText(paragraph.shown_text, formats.muted)
    elif paragraph.starts_turn and paragraph.speaker:
        cursor.insertText(f"{paragraph.speaker}:", formats.question_label if question else formats.answer_label)
        cursor.insertText(" " + paragraph.text, formats.body)
    else:
        cursor.insertText(paragraph.text, formats.body)


class _ScrollBar(QScrollBar):
    """The pane's vertical scroll bar. Qt lays a long text out in steps and tells the scroll bar the
    text's height a turn of the event loop later; until then its range is an estimate. A jump beyond
    that range (to a reading place far down, just after the text was filled) first lays the rest out
    and brings the range up to date, or it would stop short."""

    def __init__(self, pane: QTextEdit) -> None:
        super().__init__(parent=pane)  # vertical (by keyword: see reader/ui/lazy_qt.py)
        self._pane = pane

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt override
        if value > self.maximum():
            layout = self._pane.document().documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())  # the pane adjusts its scroll bars
        super().setValue(value)


class ReadingPane(QTextEdit):
    """Read-only, keyboard-selectable text in a centred column of about 70 characters."""

    column_moved = Signal(int)  # the new side margin, so the header can line up with the column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its viewport is first asked for by name and class: a plain `viewport()` would have PySide6 make a
        # Python class for every QWidget class it might be (~20 ms, in the first frame). Kept, so later
        # calls find this wrapper.
        self._viewport = self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setVerticalScrollBar(_ScrollBar(self))
        self.setObjectName("readingPane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        set_by_name(self, "textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setTabChangesFocus(True)  # read-only: Tab moves on to the next control instead of typing
        self.document().setDefaultFont(reading_font())
        self.document().setDocumentMargin(0)
        self.set_colours(LIGHT)
        self._column_width = _column_width(1.0)
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {"": []}

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """One feature's extra selections (search hits, annotations), shown with the other layers'; a
        layer first set later is drawn over the earlier ones. `setExtraSelections` sets the layer ""."""
        self._layers[name] = list(selections)
        super().setExtraSelections([s for layer in self._layers.values() for s in layer])

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, ()))

    def collapse_selections(self) -> None:
        """Every layer's selections emptied to the start of the text, their formats kept: called while the
        document is refilled, inside its edit block, before Qt lays anything out. They address the old
        text; left where the inserts pushed them, at the end of the new one, replacing them later would
        ask for their rectangles there, which lays out the whole text at once. The features set their
        layers again once the new text is in."""
        start = QTextCursor(self.document())
        for name, selections in self._layers.items():
            collapsed = []
            for selection in selections:
                empty = QTextEdit.ExtraSelection()
                empty.cursor = start  # type: ignore[misc]
                empty.format = selection.format  # type: ignore[misc]
                collapsed.append(empty)
            self._layers[name] = collapsed
        super().setExtraSelections([s for layer in self._layers.values() for s in layer])

    def setExtraSelections(self, selections: list[QTextEdit.ExtraSelection]) -> None:  # noqa: N802 - Qt override
        self.set_layer("", selections)

    def set_zoom(self, zoom: float) -> None:
        """Widen the column with the text, so a line keeps its number of characters."""
        self._column_width = _column_width(zoom)
        self.update_column()

    def set_colours(self, colours: Colours) -> None:
        self._tint = solid_brush(colours.question_background)
        self._bar = solid_brush(colours.question_label)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Tint the visible questions, a little wider than their text, with a bar in the label colour."""
        painter = QPainter(self.viewport())
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        block = block_at(self, offset.y())
        bottom = self.viewport().height()
        while block.isValid():
            rect: QRectF = layout.blockBoundingRect(block).translated(-offset.x(), -offset.y())
            if rect.top() > bottom:
                break
            if block.blockFormat().boolProperty(QUESTION_PROPERTY):
                tinted = rect.adjusted(-QUESTION_PADDING, -4, QUESTION_PADDING, 0)
                _fill(painter, tinted, self._tint)
                _fill(painter, QRectF(tinted.left(), tinted.top(), QUESTION_BAR_WIDTH, tinted.height()), self._bar)
            block = block.next()
        painter.end()
        super().paintEvent(event)

    def side_margin(self) -> int:
        """Left and right margin that centres a column of comfortable width in the viewport."""
        return max(MIN_SIDE_MARGIN, int((self.viewport().width() - self._column_width) / 2))

    def update_column(self) -> None:
        root = self.document().rootFrame()
        frame: QTextFrameFormat = root.frameFormat()
        margin = self.side_margin()
        if frame.leftMargin() != margin:
            frame.setLeftMargin(margin)
            frame.setRightMargin(margin)
            frame.setTopMargin(16)
            frame.setBottomMargin(48)
            # A new frame format makes Qt lay all of the text out again at once. Without a page size its
            # layout ignores the change; given the page size back, it lays the text out afresh, lazily.
            document = self.document()
            page = document.pageSize()
            document.setPageSize(QSizeF(0, 0))
            root.setFrameFormat(frame)
            document.setPageSize(page)
            self.column_moved.emit(margin)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.update_column()


def _fill(painter: QPainter, rect: QRectF, brush: QBrush) -> None:
    """`painter.fillRect(rect, brush)`, but by a path: fillRect's overloads (one takes a Qt.GlobalColor)
    make the Qt namespace in the first frame (reader/ui/lazy_qt.py)."""
    path = QPainterPath()
    path.addRect(rect)
    painter.fillPath(path, brush)


def block_at(edit: QTextEdit, y: float) -> QTextBlock:
    """The first block of the pane's document whose bottom is at or below document position `y` (the
    last block when none is). Found from the blocks' rectangles, which Qt lays out only as far down as
    asked for: blocks 0, 1, 3, 7 … until one reaches `y`, then a binary search between the last two. A
    hit test is no help while Qt is still laying a long text out in steps (a point between two blocks
    then lands on one not laid out yet), and a plain binary search would lay out half the text first."""
    document = edit.document()
    layout = document.documentLayout()
    last = max(0, document.blockCount() - 1)

    def bottom(number: int) -> float:
        return layout.blockBoundingRect(document.findBlockByNumber(number)).bottom()

    low, high = 0, 0
    while high < last and bottom(high) < y:
        low, high = high + 1, min(last, 2 * high + 1)
    while low < high:
        middle = (low + high) // 2
        if bottom(middle) < y:
            low = middle + 1
        else:
            high = middle
    return document.findBlockByNumber(low)


def _column_width(zoom: float) -> float:
    sample = "The quick brown fox jumps over the lazy dog; съешь же ещё этих мягких булок"[:COLUMN_CHARACTERS]
    return QFontMetricsF(reading_font(zoom)).horizontalAdvance(sample)


class TranscriptHeader(
    QFrame
):  # a frame: a style sheet's background paints on it (a QWidget needs WA_StyledBackground)
    """Title, date line and languages above the text, lined up with the text column as far as the
    widest child leaves room. Its minimum width counts the least margins only: counted with the
    column's, a child wider than the column widens the pane, which widens the column's margins, and
    the window grows without end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptHeader")
        self.column_margin = MIN_SIDE_MARGIN

    def align(self, column_margin: int | None = None) -> None:
        """Side margins as the text column's (`column_margin`, when it moved), less if a child needs the room."""
        if column_margin is not None:
            self.column_margin = column_margin
        layout = self.layout()
        if layout is None:
            return
        now = layout.contentsMargins()
        widest = layout.minimumSize().width() - now.left() - now.right()
        side = max(MIN_SIDE_MARGIN, min(self.column_margin, (self.width() - widest) // 2))
        if side != now.left():
            layout.setContentsMargins(side, now.top(), side, now.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        now = layout.contentsMargins()
        return QSize(hint.width() - now.left() - now.right() + 2 * MIN_SIDE_MARGIN, hint.height())

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.align()  # a child grew (another title, more languages) or the pane changed width
        return super().event(event)


class TranscriptView(QWidget):
    """The open transcript: header above, text below; empty until a transcript is shown."""

    zoom_changed = Signal(float)  # the reading text's new zoom (1.0 is the actual size)

    def __init__(self, parent: QWidget | None = None, *, colours: Colours = LIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.transcript: Transcript | None = None
        self._colours = colours
        self.zoom = 1.0

        self.header = TranscriptHeader(self)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("transcriptTitle")
        self.title_label.setWordWrap(True)
        set_by_name(self.title_label, "textFormat", "PlainText")
        set_by_name(self.title_label, "textInteractionFlags", "TextSelectableByMouse")
        title_font = reading_font()
        title_font.setPointSizeF(READING_POINT_SIZE * 1.45)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.meta_label = QLabel(self.header)
        self.meta_label.setObjectName("transcriptMeta")
        set_by_name(self.meta_label, "textFormat", "PlainText")
        self.meta_label.setWordWrap(True)
        self.badges = QWidget(self.header)
        self.badges_layout = QHBoxLayout(self.badges)
        self.badges_layout.setContentsMargins(0, 0, 0, 0)
        self.badges_layout.setSpacing(6)
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(MIN_SIDE_MARGIN, 20, MIN_SIDE_MARGIN, 12)
        header_layout.setSpacing(6)
        header_layout.addWidget(self.title_label)
        header_layout.addWidget(self.meta_label)
        header_layout.addWidget(self.badges)

        self.text = ReadingPane(self)
        self.text.set_colours(colours)
        self.text.column_moved.connect(self.header.align)
        self.placeholder = QLabel(
            self.tr("No transcript is open.\nImport files with File ▸ Import files… (Ctrl+I)."), self
        )
        self.placeholder.setObjectName("placeholder")
        set_by_name(self.placeholder, "alignment", "AlignCenter")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.placeholder, 1)
        self._show_empty()

    def show_transcript(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.title_label.setText(transcript.title)
        self.meta_label.setText(header_line(transcript))
        self._set_badges(transcript)
        self.text.verticalScrollBar().setValue(0)  # before the fill: nothing scrolls while it is half built
        self._fill(transcript, caret_to_start=True)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.header.show()
        self.text.show()
        self.placeholder.hide()

    def clear(self) -> None:
        self.transcript = None
        self.text.document().clear()
        self._show_empty()

    def set_colours(self, colours: Colours) -> None:
        """Re-style the text for a theme, keeping the reader's place."""
        self._colours = colours
        self.text.set_colours(colours)
        if self.transcript is not None:
            position = self.text.verticalScrollBar().value()
            self._fill(self.transcript)
            self.text.verticalScrollBar().setValue(position)

    def set_zoom(self, zoom: float) -> None:
        """Scale the reading text, keeping the paragraph at the top of the pane in view."""
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.text.set_zoom(zoom)
        if self.transcript is not None:
            top = block_at(self.text, self.text.verticalScrollBar().value()).blockNumber()
            self._fill(self.transcript)
            block = self.text.document().findBlockByNumber(top)
            y = self.text.document().documentLayout().blockBoundingRect(block).top()
            self.text.verticalScrollBar().setValue(int(y))
        self.zoom_changed.emit(zoom)

    def _fill(self, transcript: Transcript, *, caret_to_start: bool = False) -> None:
        """Fill the pane, letting Qt lay the text out lazily (see `fill_document`): nothing may ask where
        the end of the new text is before it is painted. The extra selections and the caret are cursors
        the inserts push to that end, so they are put back at the start (the caret only when asked to),
        and the column's margins set, inside the edit block, before anything is laid out."""
        pane = self.text
        document = pane.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        fill_document(document, transcript, self._colours, zoom=self.zoom)
        pane.collapse_selections()
        if caret_to_start:
            pane.setTextCursor(QTextCursor(document))
        pane.update_column()
        edit.endEditBlock()

    def _show_empty(self) -> None:
        self.header.hide()
        self.text.hide()
        self.placeholder.show()

    def _set_badges(self, transcript: Transcript) -> None:
        while self.badges_layout.count():
            item = self.badges_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for code in language_codes(transcript.language, transcript.available_languages):
            own = code == transcript.language.lower()
            badge = QLabel(code.upper(), self.badges)
            badge.setObjectName("languageBadge")
            badge.setProperty("own", own)
            name = LANGUAGE_NAMES.get(code, code)
            badge.setToolTip(f"This text is in {name}" if own else f"Also published in {name}")
            self.badges_layout.addWidget(badge)
        self.badges_layout.addStretch(1)


def header_line(transcript: Transcript) -> str:
    """'22 March 2021, 01:00 · Moscow · Interview' — what and when, for the header."""
    parts = []
    if transcript.published_date:
        when = long_date(transcript.published_date)
        if transcript.published_time:
            when += f", {transcript.published_time:%H:%M}"
        parts.append(when)
    if transcript.place:
        parts.append(transcript.place)
    parts.append(QCoreApplication.translate("TranscriptView", transcript.doc_type.value.capitalize()))
    return " · ".join(parts)
