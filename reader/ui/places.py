"""Where a paragraph is in the reading pane: the one at the top of the view, and scrolling one to the top.

The pane's document holds paragraph i in block 2·i, with an empty block for the blank line between
two paragraphs (see transcript_view.fill_document), so a paragraph index is a block number away.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit

TOP_GAP = 8  # pixels left above a paragraph scrolled to the top: the question tint reaches above its text
TOP_SLACK = 4  # a paragraph showing fewer pixels than this at the top is already "above" the view


def paragraph_block(edit: QTextEdit, paragraph: int) -> QTextBlock:
    return edit.document().findBlockByNumber(2 * paragraph)


def paragraph_count(edit: QTextEdit) -> int:
    return (edit.document().blockCount() + 1) // 2 if edit.document().characterCount() > 1 else 0


def paragraph_top(edit: QTextEdit, paragraph: int) -> float:
    """The paragraph's top in document coordinates (the scroll bar's unit)."""
    layout = edit.document().documentLayout()
    return layout.blockBoundingRect(paragraph_block(edit, paragraph)).top()


def top_paragraph(edit: QTextEdit) -> tuple[int, float]:
    """(index, how far into it the view's top is, 0–1) of the paragraph at the top of the view.

    A binary search over the paragraph blocks: a long briefing has thousands. Hidden paragraphs (the
    speaker filter) have no height and are never the one at the top.
    """
    document = edit.document()
    layout = document.documentLayout()
    y = edit.verticalScrollBar().value() + TOP_SLACK
    count = paragraph_count(edit)
    if count == 0:
        return 0, 0.0
    low, high = 0, count - 1
    while low < high:
        middle = (low + high) // 2
        if layout.blockBoundingRect(document.findBlockByNumber(2 * middle)).bottom() <= y:
            low = middle + 1
        else:
            high = middle
    while low < count - 1 and not document.findBlockByNumber(2 * low).isVisible():
        low += 1
    rect = layout.blockBoundingRect(document.findBlockByNumber(2 * low))
    fraction = (y - TOP_SLACK + TOP_GAP - rect.top()) / rect.height() if rect.height() > 0 else 0.0
    return low, min(max(fraction, 0.0), 0.99)


def scroll_to_paragraph(edit: QTextEdit, paragraph: int, fraction: float = 0.0, *, move_caret: bool = True) -> None:
    """Put the paragraph at the top of the view (as far as the scroll range allows), `fraction` of the
    way into it; the caret goes to its start, so keyboard selection and annotations begin there."""
    document = edit.document()
    block = paragraph_block(edit, max(0, min(paragraph, paragraph_count(edit) - 1)))
    rect = document.documentLayout().blockBoundingRect(block)  # lays the text out down to the paragraph
    # (Beyond the scroll range Qt knows so far, the reading pane's scroll bar lays the rest out first.)
    if move_caret:
        cursor = QTextCursor(block)
        edit.setTextCursor(cursor)
    edit.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()) - TOP_GAP)


def caret_paragraph(edit: QTextEdit) -> int:
    """The paragraph the caret is in (a blank line between two counts as the next one)."""
    number = edit.textCursor().blockNumber()
    return (number + 1) // 2
