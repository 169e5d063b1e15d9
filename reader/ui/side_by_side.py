"""Both language versions in two columns, row by row as `reader.core.alignment` pairs them, one scroll.

One read-only QTextEdit holds a three-column QTextTable: the left version, a narrow gutter, the right
version. A table row is an alignment row, so paragraphs that say the same thing start at the same height
whatever their lengths, and one scroll bar moves both. A row whose alignment is a guess (the versions'
counts differ there) gets a "≈" in the gutter and a tinted gutter cell, never a silent shift. Clicking
or moving the caret into a paragraph highlights its row on both sides, the counterpart more strongly.
Text goes in through QTextCursor as plain strings, never HTML, as in the reading pane.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from reader.core.alignment import Alignment
from reader.core.model import Paragraph, ParagraphKind, Transcript
from reader.core.navigation import is_question_speaker
from reader.ui.language_toggle import language_name
from reader.ui.themes import LIGHT, Colours

GUTTER_WIDTH = 22
FRAME_MARGIN = 12
PRINT_WIDTH = 700  # a page's width in the document's units, for the gutter's share when printing
CELL_PADDING = 8
UNCERTAIN_MARK = "≈"
LEFT, GUTTER, RIGHT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Place:
    """A paragraph in the side-by-side view: its row and side (LEFT or RIGHT) and its index in its version."""

    row: int
    side: int
    paragraph: int


def blend(base: QColor, over: QColor, alpha: float) -> QColor:
    """`over` laid on `base` at `alpha`: cell backgrounds must be opaque to print the same."""
    return QColor(
        round(base.red() * (1 - alpha) + over.red() * alpha),
        round(base.green() * (1 - alpha) + over.green() * alpha),
        round(base.blue() * (1 - alpha) + over.blue() * alpha),
    )


@dataclass(frozen=True, slots=True)
class Look:
    """The colours and fonts one fill uses."""

    colours: Colours
    base: QColor
    text: QColor
    font: QFont
    dim_left: frozenset[int] = frozenset()  # paragraphs drawn muted (the speaker filter)
    dim_right: frozenset[int] = frozenset()
    hidden_rows: frozenset[int] = frozenset()  # rows the speaker filter's "only" leaves out (drawn 0 high)

    @property
    def question(self) -> QColor:
        return QColor(self.colours.question_background)

    @property
    def uncertain(self) -> QColor:
        return blend(self.base, QColor(self.colours.question_label), 0.22)


def fill_side_by_side(
    document: QTextDocument,
    left: Transcript,
    right: Transcript,
    alignment: Alignment,
    look: Look,
    *,
    width: float,
    with_header: bool = False,
) -> QTextTable:
    """Replace the document's content with the aligned table, for a table `width` pixels wide;
    `with_header` adds a row naming the languages that repeats on every printed page."""
    document.clear()
    document.setDefaultFont(look.font)
    document.setDocumentMargin(0)
    root = document.rootFrame().frameFormat()
    root.setTopMargin(FRAME_MARGIN)
    root.setBottomMargin(48)
    root.setLeftMargin(FRAME_MARGIN)
    root.setRightMargin(FRAME_MARGIN)
    document.rootFrame().setFrameFormat(root)
    header_rows = 1 if with_header else 0
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(CELL_PADDING)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(column_widths(width))
    table_format.setHeaderRowCount(header_rows)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    table = cursor.insertTable(len(alignment.rows) + header_rows, 3, table_format)
    body = QTextCharFormat()
    body.setForeground(look.text)
    if with_header:
        bold = QTextCharFormat(body)
        bold.setFontWeight(QFont.Weight.Bold)
        for column, version in ((LEFT, left), (RIGHT, right)):
            at = table.cellAt(0, column).firstCursorPosition()
            at.insertText(_capitalised(language_name(version.language)), bold)  # the titles head the page
    for r, row in enumerate(alignment.rows):
        at_row = r + header_rows
        if r in look.hidden_rows:
            _collapse_row(table, at_row)
            continue
        for column, version, indices in ((LEFT, left, row.left), (RIGHT, right, row.right)):
            cell = table.cellAt(at_row, column)
            at = cell.firstCursorPosition()
            questions = 0
            for k, index in enumerate(indices):
                paragraph = version.paragraphs[index]
                questions += _is_question(paragraph)
                if k:
                    at.insertBlock(_block_format(paragraph, last=k == len(indices) - 1), body)
                else:
                    at.setBlockFormat(_block_format(paragraph, last=len(indices) == 1))
                _insert(at, paragraph, body, look, dim=index in (look.dim_left if column == LEFT else look.dim_right))
            if indices and questions == len(indices):
                cell_format = cell.format().toTableCellFormat()
                cell_format.setBackground(look.question)
                cell.setFormat(cell_format)
        if not row.certain:
            gutter = table.cellAt(at_row, GUTTER)
            gutter_format = gutter.format().toTableCellFormat()
            gutter_format.setBackground(look.uncertain)
            gutter_format.setLeftPadding(0)
            gutter_format.setRightPadding(0)
            gutter.setFormat(gutter_format)
            mark = QTextCharFormat(body)
            mark.setForeground(QColor(look.colours.question_label))
            mark.setFontWeight(QFont.Weight.Bold)
            mark.setToolTip(
                QCoreApplication.translate(
                    "SideBySideView",
                    "Uncertain alignment: the versions are structured differently here, so this row is a best guess",
                )
            )
            at = gutter.firstCursorPosition()
            centred = QTextBlockFormat()
            centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            at.setBlockFormat(centred)
            at.insertText(UNCERTAIN_MARK, mark)
    cursor.endEditBlock()
    return table


def _collapse_row(table: QTextTable, row: int) -> None:
    """An empty row with no padding and an invisible block in each cell: it takes no height, and every
    other row keeps its index (the alignment's), so places and the highlight stay right."""
    for column in (LEFT, GUTTER, RIGHT):
        cell = table.cellAt(row, column)
        cell_format = cell.format().toTableCellFormat()
        cell_format.setPadding(0)
        cell.setFormat(cell_format)
        cell.firstCursorPosition().block().setVisible(False)


def column_widths(width: float) -> list[QTextLength]:
    """Two equal text columns around a fixed gutter. Qt takes a percentage of the whole table, not of
    what the fixed column leaves, so the share is worked out for the width at hand."""
    side = max(0.0, 50.0 - 50.0 * GUTTER_WIDTH / max(width, 1.0)) - 0.05
    return [
        QTextLength(QTextLength.Type.PercentageLength, side),
        QTextLength(QTextLength.Type.FixedLength, GUTTER_WIDTH),
        QTextLength(QTextLength.Type.PercentageLength, side),
    ]


def _capitalised(name: str) -> str:
    """A language name as a column heading: "Русский" ("русский" in a sentence)."""
    return name[:1].upper() + name[1:]


def _is_question(paragraph: Paragraph) -> bool:
    return paragraph.kind is ParagraphKind.TURN and is_question_speaker(paragraph.speaker)


def _block_format(paragraph: Paragraph, *, last: bool) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if not last:
        block.setBottomMargin(8)
    if paragraph.kind is ParagraphKind.SEPARATOR:
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return block


def _insert(cursor: QTextCursor, paragraph: Paragraph, body: QTextCharFormat, look: Look, *, dim: bool) -> None:
    text_format = QTextCharFormat(body)
    if dim or paragraph.kind is ParagraphKind.SEPARATOR:
        text_format.setForeground(QColor(look.colours.muted))
    if paragraph.kind is ParagraphKind.HEADING:
        heading = QTextCharFormat(text_format)
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(look.font.pointSizeF() * 1.1)
        cursor.insertText(paragraph.text, heading)
        return
    if paragraph.starts_turn and paragraph.speaker:
        label = QTextCharFormat(text_format)
        label.setFontWeight(QFont.Weight.Bold)
        if not dim:
            question = is_question_speaker(paragraph.speaker)
            label.setForeground(QColor(look.colours.question_label if question else look.colours.answer_label))
        cursor.insertText(f"{paragraph.speaker}:", label)
        cursor.insertText(" " + paragraph.text, text_format)
    else:
        cursor.insertText(paragraph.text, text_format)


class SideBySidePane(QTextEdit):
    """The scrolling table; shows the uncertainty note as a tooltip over the "≈"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySidePane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # Always there: a scroll bar appearing after the fill would narrow the table and lay it out again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.marks: list[tuple[int, int, bool]] = []  # (row, column, counterpart?) to highlight
        self.cell_rect: Callable[[int, int], QRectF] | None = None
        self.resized: Callable[[], None] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.marks or self.cell_rect is None:
            return
        painter = QPainter(self.viewport())
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        for row, column, strong in self.marks:
            rect = self.cell_rect(row, column).translated(-offset)
            wash = QColor(highlight)
            wash.setAlphaF(0.16 if strong else 0.07)
            painter.fillRect(rect, wash)
            if strong:
                painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), highlight)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(event.pos())
            tip = cursor.charFormat().toolTip()
            if not tip:
                ahead = QTextCursor(cursor)
                ahead.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
                tip = ahead.charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class SideBySideView(QWidget):
    """Two versions in aligned columns under a header naming each column's language."""

    paragraph_chosen = Signal(int, int)  # side (LEFT/RIGHT), paragraph index in that side's version

    def __init__(self, parent: QWidget | None = None, *, colours: Colours = LIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySideView")
        self.left: Transcript | None = None
        self.right: Transcript | None = None
        self.alignment: Alignment | None = None
        self.table: QTextTable | None = None
        self.chosen: Place | None = None
        self._colours = colours
        self._font = QFont()
        self._dim: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
        self.hidden_rows: frozenset[int] = frozenset()
        self._next_shown: list[int] = []  # for each row, itself or the first row after it not left out

        self.column_header = QWidget(self)
        self.column_header.setObjectName("sideBySideHeader")
        self.column_header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.left_label = QLabel(self.column_header)
        self.right_label = QLabel(self.column_header)
        for label in (self.left_label, self.right_label):
            label.setObjectName("sideBySideLanguage")
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.uncertain_label = QLabel(self.column_header)
        self.uncertain_label.setObjectName("sideBySideNote")
        self.uncertain_label.setTextFormat(Qt.TextFormat.PlainText)
        self.uncertain_label.setWordWrap(True)
        header_layout = QHBoxLayout(self.column_header)
        header_layout.setContentsMargins(FRAME_MARGIN + CELL_PADDING, 6, FRAME_MARGIN + CELL_PADDING, 6)
        header_layout.setSpacing(GUTTER_WIDTH + 2 * CELL_PADDING)
        header_layout.addWidget(self.left_label, 1)
        header_layout.addWidget(self.right_label, 1)
        self.pane = SideBySidePane(self)
        self.pane.cell_rect = self.cell_rect
        self.pane.resized = self._update_columns
        self.pane.cursorPositionChanged.connect(self._caret_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.column_header)
        layout.addWidget(self.uncertain_label)
        layout.addWidget(self.pane, 1)

    # -- content -----------------------------------------------------------------------------------

    def show_pair(self, left: Transcript, right: Transcript, alignment: Alignment) -> None:
        """Show `left` and `right` (in that order) in the rows of `alignment` (made with left first)."""
        self.left, self.right, self.alignment = left, right, alignment
        self.left_label.setText(_capitalised(language_name(left.language)))
        self.right_label.setText(_capitalised(language_name(right.language)))
        uncertain = sum(not row.certain for row in alignment.rows)
        self.uncertain_label.setVisible(bool(uncertain))
        self.uncertain_label.setText(
            self.tr("The versions differ in structure: {count} rows marked {mark} are a best guess.").format(
                count=uncertain, mark=UNCERTAIN_MARK
            )
        )
        self._fill()

    def set_colours(self, colours: Colours) -> None:
        self._colours = colours
        self._refill()

    def set_reading_font(self, font: QFont) -> None:
        """The reading pane's font at its zoom: the columns follow it."""
        self._font = QFont(font)
        self._refill()

    def set_dimmed(
        self, left: frozenset[int], right: frozenset[int], hidden_rows: frozenset[int] = frozenset()
    ) -> None:
        """Draw these paragraphs of each side muted (the speaker filter's "dim the others"), and leave
        these rows out (its "show only")."""
        if (left, right) != self._dim or hidden_rows != self.hidden_rows:
            self._dim = (left, right)
            self.hidden_rows = hidden_rows
            self._refill()

    def look(self) -> Look:
        palette = self.palette()
        return Look(
            colours=self._colours,
            base=palette.color(QPalette.ColorRole.Base),
            text=QColor(self._colours.heading),
            font=self._font,
            dim_left=self._dim[0],
            dim_right=self._dim[1],
            hidden_rows=self.hidden_rows,
        )

    def _fill(self) -> None:
        assert self.left is not None and self.right is not None and self.alignment is not None
        self.chosen = None
        self.pane.marks = []
        # A new document filled before the pane sees it is laid out once; refilling the pane's own
        # document re-lays the table out after each step (measured: 100 ms against 30 ms for 20 KB).
        document = QTextDocument(self.pane)
        next_shown, following = [0] * len(self.alignment.rows), len(self.alignment.rows)
        for r in range(len(self.alignment.rows) - 1, -1, -1):
            following = following if r in self.hidden_rows else r
            next_shown[r] = following
        self._next_shown = next_shown
        self.table = fill_side_by_side(
            document, self.left, self.right, self.alignment, self.look(), width=self.table_width()
        )
        document.setTextWidth(self.pane.viewport().width())  # the pane's width: laid out once, not twice
        self.pane.blockSignals(True)
        self.pane.setDocument(document)  # deletes the old one: the pane owned it
        self.pane.blockSignals(False)

    def _refill(self) -> None:
        if self.alignment is None:
            return
        row, chosen = self.top_row(), self.chosen
        self._fill()
        self.scroll_to_row(row)
        if chosen is not None:
            self.choose(chosen.side, chosen.paragraph, scroll=False)

    def table_width(self) -> float:
        return self.pane.viewport().width() - 2 * FRAME_MARGIN

    def _update_columns(self) -> None:
        """Keep the text columns equal when the width changes (the gutter's share changes with it)."""
        if self.table is None:
            return
        table_format = self.table.format()
        widths = column_widths(self.table_width())
        if table_format.columnWidthConstraints() != widths:
            table_format.setColumnWidthConstraints(widths)
            self.table.setFormat(table_format)

    def print_document(self) -> QTextDocument:
        """A copy to print: the same table with a header row repeated on each page, light colours."""
        assert self.left is not None and self.right is not None and self.alignment is not None
        document = QTextDocument()
        look = Look(LIGHT, QColor("#ffffff"), QColor("#000000"), self._font, *self._dim, self.hidden_rows)
        fill_side_by_side(document, self.left, self.right, self.alignment, look, width=PRINT_WIDTH, with_header=True)
        return document

    # -- rows and places ---------------------------------------------------------------------------

    def row_top(self, row: int) -> float:
        """The row's top in document coordinates."""
        assert self.table is not None
        layout = self.pane.document().documentLayout()
        if row >= self.table.rows():
            return layout.frameBoundingRect(self.table).bottom()
        if row in self.hidden_rows:  # a left-out row has no place of its own: it is where the next one is
            row = self._next_shown[row]
            if row >= self.table.rows():
                return layout.frameBoundingRect(self.table).bottom()
        block = self.table.cellAt(row, LEFT).firstCursorPosition().block()
        return layout.blockBoundingRect(block).top() - CELL_PADDING

    def top_row(self) -> int:
        if self.table is None or self.alignment is None or not self.alignment.rows:
            return 0
        y = self.pane.verticalScrollBar().value() + 4
        low, high = 0, len(self.alignment.rows) - 1
        while low < high:  # the last row whose top is at or above the view's top
            middle = (low + high + 1) // 2
            if self.row_top(middle) <= y:
                low = middle
            else:
                high = middle - 1
        return low

    def scroll_to_row(self, row: int) -> None:
        if self.table is None or self.alignment is None or not self.alignment.rows:
            return
        self.pane.document().documentLayout().documentSize()  # the whole table laid out: the final range
        row = max(0, min(row, len(self.alignment.rows) - 1))
        self.pane.verticalScrollBar().setValue(round(self.row_top(row)))

    def row_of(self, side: int, paragraph: int) -> int:
        assert self.alignment is not None
        return (self.alignment.left_rows if side == LEFT else self.alignment.right_rows)[paragraph]

    def top_paragraph(self, side: int = LEFT) -> int:
        """The first paragraph of `side` in or after the row at the top (for keeping the place)."""
        assert self.alignment is not None
        rows = self.alignment.rows
        for r in range(self.top_row(), len(rows)):
            found = rows[r].left if side == LEFT else rows[r].right
            if found:
                return found[0]
        return 0

    def scroll_to_paragraph(self, side: int, paragraph: int) -> None:
        self.scroll_to_row(self.row_of(side, paragraph))

    def place_at(self, cursor: QTextCursor) -> Place | None:
        """The paragraph a cursor is in, or None outside the text columns."""
        if self.table is None or self.alignment is None:
            return None
        cell = self.table.cellAt(cursor)
        if not cell.isValid() or cell.column() == GUTTER:
            return None
        row = self.alignment.rows[cell.row()]
        indices = row.left if cell.column() == LEFT else row.right
        if not indices:
            return None
        first = cell.firstCursorPosition().blockNumber()
        k = min(max(cursor.blockNumber() - first, 0), len(indices) - 1)
        return Place(cell.row(), cell.column(), indices[k])

    def place_at_point(self, point: QPoint) -> Place | None:
        """The paragraph under a point of the pane's viewport."""
        return self.place_at(self.pane.cursorForPosition(point))

    # -- highlighting a paragraph and its counterpart ----------------------------------------------

    def choose(self, side: int, paragraph: int, *, scroll: bool = True) -> None:
        """Highlight a paragraph's row: its own cell lightly, the counterpart strongly (painted over the
        cells, so no relayout: changing a cell's format re-lays the whole table out)."""
        if self.table is None:
            return
        row = self.row_of(side, paragraph)
        self.chosen = Place(row, side, paragraph)
        self.pane.marks = [(row, side, False), (row, RIGHT if side == LEFT else LEFT, True)]
        if scroll:
            top, bottom = self.row_top(row), self.row_top(row + 1)
            bar = self.pane.verticalScrollBar()
            if top < bar.value() or bottom > bar.value() + self.pane.viewport().height():
                self.scroll_to_row(row)
        self.pane.viewport().update()
        self.paragraph_chosen.emit(side, paragraph)

    def counterpart_cell(self) -> tuple[int, int] | None:
        """(row, column) of the cell highlighted as the counterpart of the chosen paragraph."""
        return next(((row, column) for row, column, strong in self.pane.marks if strong), None)

    def cell_rect(self, row: int, column: int) -> QRectF:
        """A cell's rectangle in document coordinates, padding included, as tall as its row."""
        assert self.table is not None
        layout = self.pane.document().documentLayout()
        block = layout.blockBoundingRect(self.table.cellAt(row, column).firstCursorPosition().block())
        top, bottom = self.row_top(row), self.row_top(row + 1)
        return QRectF(block.left() - CELL_PADDING, top, block.width() + 2 * CELL_PADDING, bottom - top)

    def _caret_moved(self) -> None:
        place = self.place_at(self.pane.textCursor())
        if place is None:
            return
        if self.chosen is None or (self.chosen.row, self.chosen.side) != (place.row, place.side):
            self.choose(place.side, place.paragraph, scroll=False)
