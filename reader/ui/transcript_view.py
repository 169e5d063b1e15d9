"""The reading pane: a header (title, date, place, type, language badges) above the transcript text.

The text is built with QTextCursor from plain strings and formats, never from HTML, so markup in a
transcript shows literally. The document's plain text equals `Transcript.text` character for
character (an empty block stands for each blank line between paragraphs), so later features can
address the pane by offsets into that string.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from reader.core.model import Paragraph, ParagraphKind, Transcript
from reader.ui.dates import long_date
from reader.ui.themes import LIGHT, Colours

READING_FONTS = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]
READING_POINT_SIZE = 11.5
LINE_HEIGHT_PERCENT = 145
COLUMN_CHARACTERS = 72
MIN_SIDE_MARGIN = 24

QUESTION_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Set on the blocks of a question; the pane tints them (a block background cannot have padding)."""
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
    """Replace the document's content with the transcript's paragraphs, styled for reading."""
    document.clear()
    document.setDefaultFont(reading_font(zoom))
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    body = QTextCharFormat()
    body.setForeground(QColor(colours.heading))
    previous_question = False
    for index, paragraph in enumerate(transcript.paragraphs):
        question = _is_question(transcript, paragraph)
        if index:
            # The blank line of "\n\n": an empty block, tinted when it sits inside one question.
            spacer = QTextBlockFormat()
            spacer.setLineHeight(55, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if question and previous_question and not paragraph.starts_turn:
                spacer.setProperty(QUESTION_PROPERTY, True)
            cursor.insertBlock(spacer, body)
            cursor.insertBlock(_block_format(paragraph, question, colours), body)
        else:
            cursor.setBlockFormat(_block_format(paragraph, question, colours))
            cursor.setBlockCharFormat(body)
        _insert_paragraph(cursor, paragraph, question, body, colours)
        previous_question = question
    cursor.endEditBlock()


def _is_question(transcript: Transcript, paragraph: Paragraph) -> bool:
    if paragraph.kind is not ParagraphKind.TURN:
        return False
    if paragraph.turn is not None and paragraph.turn < len(transcript.turns):
        return transcript.turns[paragraph.turn].is_question
    return (paragraph.speaker or "").casefold() in {"question", "вопрос"}


def _block_format(paragraph: Paragraph, question: bool, colours: Colours) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if paragraph.kind is ParagraphKind.HEADING:
        block.setHeadingLevel(3)
        block.setTopMargin(14)
        block.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    elif paragraph.kind is ParagraphKind.SEPARATOR:
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif question:
        block.setProperty(QUESTION_PROPERTY, True)
    return block


def _insert_paragraph(
    cursor: QTextCursor, paragraph: Paragraph, question: bool, body: QTextCharFormat, colours: Colours
) -> None:
    if paragraph.kind is ParagraphKind.HEADING:
        heading = QTextCharFormat(body)
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(cursor.document().defaultFont().pointSizeF() * 1.2)
        cursor.insertText(paragraph.shown_text, heading)
        return
    if paragraph.kind is ParagraphKind.SEPARATOR:
        muted = QTextCharFormat(body)
        muted.setForeground(QColor(colours.muted))
        cursor.insertText(paragraph.shown_text, muted)
        return
    if paragraph.starts_turn and paragraph.speaker:
        label = QTextCharFormat(body)
        label.setFontWeight(QFont.Weight.Bold)
        label.setForeground(QColor(colours.question_label if question else colours.answer_label))
        cursor.insertText(f"{paragraph.speaker}:", label)
        cursor.insertText(" " + paragraph.text, body)
    else:
        cursor.insertText(paragraph.text, body)


class ReadingPane(QTextEdit):
    """Read-only, keyboard-selectable text in a centred column of about 70 characters."""

    column_moved = Signal(int)  # the new side margin, so the header can line up with the column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
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

    def setExtraSelections(self, selections: list[QTextEdit.ExtraSelection]) -> None:  # noqa: N802 - Qt override
        self.set_layer("", selections)

    def set_zoom(self, zoom: float) -> None:
        """Widen the column with the text, so a line keeps its number of characters."""
        self._column_width = _column_width(zoom)
        self.update_column()

    def set_colours(self, colours: Colours) -> None:
        self._tint = QColor(colours.question_background)
        self._bar = QColor(colours.question_label)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Tint the visible questions, a little wider than their text, with a bar in the label colour."""
        painter = QPainter(self.viewport())
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        block = self._first_block_below(offset.y())
        bottom = self.viewport().height()
        while block.isValid():
            rect: QRectF = layout.blockBoundingRect(block).translated(-offset.x(), -offset.y())
            if rect.top() > bottom:
                break
            if block.blockFormat().boolProperty(QUESTION_PROPERTY):
                tinted = rect.adjusted(-QUESTION_PADDING, -4, QUESTION_PADDING, 0)
                painter.fillRect(tinted, self._tint)
                painter.fillRect(QRectF(tinted.left(), tinted.top(), QUESTION_BAR_WIDTH, tinted.height()), self._bar)
            block = block.next()
        painter.end()
        super().paintEvent(event)

    def _first_block_below(self, y: float) -> QTextBlock:
        """The first block whose bottom is below document position `y` (a binary search: blocks are in
        order down the page, and a long briefing has thousands)."""
        document = self.document()
        layout = document.documentLayout()
        low, high = 0, max(0, document.blockCount() - 1)
        while low < high:
            middle = (low + high) // 2
            if layout.blockBoundingRect(document.findBlockByNumber(middle)).bottom() < y:
                low = middle + 1
            else:
                high = middle
        return document.findBlockByNumber(low)

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
            root.setFrameFormat(frame)
            self.column_moved.emit(margin)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.update_column()


def _column_width(zoom: float) -> float:
    sample = "The quick brown fox jumps over the lazy dog; съешь же ещё этих мягких булок"[:COLUMN_CHARACTERS]
    return QFontMetricsF(reading_font(zoom)).horizontalAdvance(sample)


class TranscriptHeader(QWidget):
    """Title, date line and languages above the text, lined up with the text column as far as the
    widest child leaves room. Its minimum width counts the least margins only: counted with the
    column's, a child wider than the column widens the pane, which widens the column's margins, and
    the window grows without end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
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
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = reading_font()
        title_font.setPointSizeF(READING_POINT_SIZE * 1.45)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.meta_label = QLabel(self.header)
        self.meta_label.setObjectName("transcriptMeta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
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
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

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
        fill_document(self.text.document(), transcript, self._colours, zoom=self.zoom)
        self.text.update_column()
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
            fill_document(self.text.document(), self.transcript, colours, zoom=self.zoom)
            self.text.update_column()
            self.text.verticalScrollBar().setValue(position)

    def set_zoom(self, zoom: float) -> None:
        """Scale the reading text, keeping the paragraph at the top of the pane in view."""
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.text.set_zoom(zoom)
        if self.transcript is not None:
            top = self.text.cursorForPosition(QPoint(0, 0)).block().blockNumber()
            fill_document(self.text.document(), self.transcript, self._colours, zoom=zoom)
            self.text.update_column()
            block = self.text.document().findBlockByNumber(top)
            y = self.text.document().documentLayout().blockBoundingRect(block).top()
            self.text.verticalScrollBar().setValue(int(y))
        self.zoom_changed.emit(zoom)

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
