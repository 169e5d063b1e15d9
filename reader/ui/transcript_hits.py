"""Search hits in the open transcript: every hit marked on the reading pane, F3 / Shift+F3 between them,
and the find bar that searches the open transcript only (Ctrl+Shift+F).

The hits are the pane's "search" layer of extra selections (`ReadingPane.set_layer`): they colour the
text without changing the document, so its plain text stays `Transcript.text` and the annotation
highlights, another layer, stay as they are underneath.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from reader.ui.search_style import LIGHT_HITS, HitColours

LAYER = "search"
VIEW_FRACTION = 1 / 3  # a hit gone to stands this far down the pane, with its context above it
FIND_DEBOUNCE_MS = 120


class TranscriptHits(QObject):
    """The hits of the text shown in `pane`: painted, counted, and gone through one by one."""

    moved = Signal(int, int)  # the current hit (0-based, -1: none yet) and the number of hits

    def __init__(self, pane: QTextEdit) -> None:
        super().__init__(pane)
        self.setObjectName("transcriptHits")
        self.pane = pane
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self.colours: HitColours = LIGHT_HITS

    def set_spans(self, spans: Sequence[tuple[int, int]], *, keep_current: bool = False) -> None:
        """Mark these (start, end) offsets; `keep_current` keeps the current hit (the same text refilled)."""
        current = self.spans[self.current] if keep_current and 0 <= self.current < len(self.spans) else None
        length = max(0, self.pane.document().characterCount() - 1)
        self.spans = [(s, e) for s, e in spans if 0 <= s < e <= length]
        self.current = self.spans.index(current) if current in self.spans else -1
        self.paint()
        self.moved.emit(self.current, len(self.spans))

    def clear(self) -> None:
        self.set_spans([])

    def set_colours(self, colours: HitColours) -> None:
        self.colours = colours
        self.paint()

    def paint(self) -> None:
        document = self.pane.document()
        every = QTextCharFormat()
        every.setBackground(QColor(self.colours.hit))
        every.setForeground(QColor(self.colours.hit_text))
        current = QTextCharFormat()
        current.setBackground(QColor(self.colours.current))
        current.setForeground(QColor(self.colours.current_text))
        selections = []
        for n, (start, end) in enumerate(self.spans):
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = current if n == self.current else every  # type: ignore[misc]
            selections.append(selection)
        set_layer = getattr(self.pane, "set_layer", None)
        if set_layer is not None:
            set_layer(LAYER, selections)
        else:  # a plain QTextEdit (tests): the hits are its only extra selections
            self.pane.setExtraSelections(selections)

    # -- going through them ----------------------------------------------------------------------

    def go(self, step: int) -> bool:
        """To the next (1) or previous (-1) hit from the caret, round the end; False when there is none."""
        shown = [n for n, (start, _) in enumerate(self.spans) if self._visible(start)]
        if not shown:
            return False
        caret = self.pane.textCursor().position()
        if self.current in shown and self.spans[self.current][0] == caret:
            at = shown.index(self.current)
            target = shown[(at + step) % len(shown)]
        elif step > 0:
            target = next((n for n in shown if self.spans[n][0] > caret), shown[0])
        else:
            target = next((n for n in reversed(shown) if self.spans[n][0] < caret), shown[-1])
        self.go_to(target)
        return True

    def go_to(self, index: int) -> None:
        """Make hit `index` the current one: caret at its start, scrolled into view with context above."""
        if not 0 <= index < len(self.spans):
            return
        self.current = index
        start, _end = self.spans[index]
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(start)
        self.pane.setTextCursor(cursor)
        self.paint()
        self._scroll_to(cursor)
        self.moved.emit(self.current, len(self.spans))

    def first(self) -> None:
        """To the first hit the reader can see (the speaker filter may hide some)."""
        for n, (start, _) in enumerate(self.spans):
            if self._visible(start):
                self.go_to(n)
                return

    def _visible(self, position: int) -> bool:
        return self.pane.document().findBlock(position).isVisible()

    def _scroll_to(self, cursor: QTextCursor) -> None:
        self.pane.document().documentLayout().documentSize()  # lays the text out: the positions are final
        rect = self.pane.cursorRect(cursor)
        height = self.pane.viewport().height()
        if rect.top() < height * 0.12 or rect.bottom() > height * 0.88:
            bar = self.pane.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - round(height * VIEW_FRACTION))


class FindBar(QWidget):
    """Find in this transcript: a field, "3 of 17", previous and next, close. Enter goes to the next hit,
    Shift+Enter to the previous; Esc (the window's "Leave search") closes it."""

    query_changed = Signal(str)  # after a short pause in typing
    step_requested = Signal(int)  # 1 next, -1 previous
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self.tr("Find in transcript:"), self)
        self.label.setObjectName("findBarLabel")
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr('words, "a phrase", prefix*'))
        self.field.setAccessibleName(self.tr("Find in this transcript"))
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("888 of 888") + 8)
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("findPrevious")
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous hit (Shift+F3, Shift+Enter)"))
        self.previous_button.setAccessibleName(self.tr("Previous hit"))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("findNext")
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next hit (F3, Enter)"))
        self.next_button.setAccessibleName(self.tr("Next hit"))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FIND_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.field.text()))
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.close_button.clicked.connect(self.close_requested.emit)
        self.field.installEventFilter(self)
        self.error_colour = LIGHT_HITS.error

    def flush(self) -> None:
        """Search what is typed now, without waiting for the pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.query_changed.emit(self.field.text())

    def show_count(self, current: int, total: int, *, problem: str = "") -> None:
        """ "3 of 17", "17 hits", "No hits", or what is wrong with the query, in plain words."""
        palette = self.count.palette()
        role = self.count.foregroundRole()
        if problem:
            self.count.setText(problem)
            palette.setColor(role, QColor(self.error_colour))
        else:
            palette.setColor(role, self.palette().color(role))
            if not self.field.text().strip():
                self.count.setText("")
            elif total == 0:
                self.count.setText(self.tr("No hits"))
            elif current >= 0:
                self.count.setText(self.tr("{n} of {total}").format(n=current + 1, total=total))
            else:
                self.count.setText(self.tr("1 hit") if total == 1 else self.tr("{total} hits").format(total=total))
        self.count.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.flush()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step_requested.emit(-1 if shift else 1)
            return True
        return super().eventFilter(watched, event)
