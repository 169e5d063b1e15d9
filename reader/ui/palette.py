"""The command palette (Ctrl+K): type a few letters, see the matching commands, Enter runs one.

Beyond commands, providers add items for what was typed: a date ("2021-03-22", "22.03.2021",
"март 2021") becomes "Go to …", and a transcript's title opens it. A provider is any callable taking
the typed text and returning `PaletteItem`s with a score (higher is better); the palette merges them.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.commands import Command, Keymap, commands
from reader.core.fuzzy import DateTarget, Match, contains_words, date_target, fold, match
from reader.core.model import TranscriptSummary
from reader.ui.actions import HAS_HANDLER, key_text, tr
from reader.ui.keycaps import GAP, caps_width, paint_caps

MAX_ROWS = 12  # rows shown before the list scrolls
MAX_RESULTS = 60
RECENT = 8  # commands remembered as recently run, shown first before anything is typed
WIDTH = 640

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class PaletteItem:
    title: str
    run: Callable[[], object]
    kind: str = ""  # muted, on the right: the menu of a command, "Transcript", "Date"
    keys: tuple[str, ...] = ()  # portable key strings, drawn as key caps
    detail: str = ""  # muted, after the title: a transcript's date and language
    score: float = 0.0
    positions: tuple[int, ...] = ()  # matched characters of the title, drawn bold
    ident: str = ""  # stable identity ("command:view.zoom_in") for the recently-run list


Provider = Callable[[str], Iterable[PaletteItem]]


# -- providers --------------------------------------------------------------------------------------


def date_provider(go_to: Callable[[DateTarget], object]) -> Provider:
    """Offers "Go to 22 March 2021" (or "Go to March 2021") when the text is a date."""
    from reader.ui.dates import long_date, month_name

    def provide(text: str) -> list[PaletteItem]:
        target = date_target(text)
        if target is None:
            return []
        day = target.day
        shown = f"{month_name(day.month)} {day.year}" if target.month_only else long_date(day)
        return [
            PaletteItem(
                tr("Go to {}").format(shown),
                lambda: go_to(target),
                kind=tr("Date"),
                score=float("inf"),  # a typed date is unmistakable: it comes first
                ident=f"date:{day.isoformat()}",
            )
        ]

    return provide


class TranscriptTitles:
    """A provider offering the transcripts whose title holds every typed word (from `min_length`
    characters on, so one letter does not list the archive), best first, then newest first; a
    transcript sits below a command of equal score. Fuzzy letters are not used here: scattered over
    a 200-character title they match nearly anything. The titles are read and folded once; call
    `invalidate()` when the library changes (about 30 ms a keystroke at 20,000 titles)."""

    def __init__(
        self,
        summaries: Callable[[], Sequence[TranscriptSummary]],
        open_transcript: Callable[[int], object],
        *,
        limit: int = 20,
        min_length: int = 3,
    ) -> None:
        self._summaries = summaries
        self._open = open_transcript
        self.limit = limit
        self.min_length = min_length
        self._rows: list[TranscriptSummary] | None = None
        self._folded: list[str] = []

    def invalidate(self) -> None:
        self._rows = None

    def __call__(self, text: str) -> list[PaletteItem]:
        terms = fold(text).split()
        if len(text.strip()) < self.min_length or not terms:
            return []
        if self._rows is None:
            self._rows = list(self._summaries())
            self._folded = [fold(s.title) for s in self._rows]
        # Rank by how many typed words start a word of the title, then newest first; only the few
        # shown get their matched letters worked out.
        starts = [re.compile(r"(?<!\w)" + re.escape(term)) for term in terms]
        folded = self._folded
        if len(terms) == 1:  # the common case, and a list comprehension is the fastest loop
            term = terms[0]
            candidates = [i for i, title in enumerate(folded) if term in title]
        else:
            candidates = [i for i, title in enumerate(folded) if all(t in title for t in terms)]
        hits = []
        for index in candidates:
            day = self._rows[index].published_date
            at_starts = sum(1 for start in starts if start.search(folded[index]))
            hits.append((-at_starts, -(day.toordinal() if day else 0), index))
        items = []
        for _, _, index in heapq.nsmallest(self.limit, hits):
            summary = self._rows[index]
            found = contains_words(text, summary.title, self._folded[index])
            if found is not None:
                items.append(self._item(summary, found))
        return items

    def _item(self, summary: TranscriptSummary, found: Match) -> PaletteItem:
        when = summary.published_date.isoformat() if isinstance(summary.published_date, dt.date) else ""
        return PaletteItem(
            summary.title,
            lambda tid=summary.id: self._open(int(tid)),
            kind=tr("Transcript"),
            detail=" · ".join(part for part in (when, summary.language.upper()) if part),
            score=found.score - 5.0,
            positions=found.positions,
            ident=f"transcript:{summary.id}",
        )


def transcript_provider(
    summaries: Callable[[], Sequence[TranscriptSummary]],
    open_transcript: Callable[[int], object],
    *,
    limit: int = 20,
    min_length: int = 3,
) -> TranscriptTitles:
    return TranscriptTitles(summaries, open_transcript, limit=limit, min_length=min_length)


# -- the popup --------------------------------------------------------------------------------------


class CommandPalette(QFrame):
    """A frameless popup over the top of the window: a line edit above a list of matches."""

    ran = Signal(str)  # the ident of the item run

    def __init__(
        self,
        actions: Mapping[str, QAction],
        keymap: Keymap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.actions = actions
        self.keymap = keymap or Keymap()
        self.providers: list[Provider] = []
        self.recent: list[str] = []
        self._results: list[PaletteItem] = []

        self.input = QLineEdit(self)
        self.input.setObjectName("paletteInput")
        self.input.setPlaceholderText(tr("Type a command, a transcript title or a date…"))
        self.input.setAccessibleName(tr("Command palette"))
        self.input.setClearButtonEnabled(True)
        big = QFont(self.input.font())
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.input.setFont(big)
        self.list = QListWidget(self)
        self.list.setObjectName("paletteList")
        self.list.setAccessibleName(tr("Matching commands"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line edit keeps the keyboard
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(PaletteDelegate(self))
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = QLabel(self)
        self.empty.setObjectName("paletteEmpty")
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setContentsMargins(8, 6, 8, 8)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.input)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)

        self.input.textChanged.connect(self.refresh)
        self.input.installEventFilter(self)
        self.list.itemClicked.connect(lambda item: self._run_row(self.list.row(item)))

    # -- what the window calls -------------------------------------------------------------------

    def add_provider(self, provider: Provider) -> None:
        self.providers.append(provider)

    def popup(self, text: str = "") -> None:
        """Show over the top of the parent window with `text` typed, the first match chosen."""
        self.input.setText(text)
        self.refresh(text)
        self._place()
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus(Qt.FocusReason.PopupFocusReason)

    def results(self) -> list[PaletteItem]:
        return list(self._results)

    def current(self) -> PaletteItem | None:
        row = self.list.currentRow()
        return self._results[row] if 0 <= row < len(self._results) else None

    def run_current(self) -> None:
        self._run_row(self.list.currentRow())

    # -- matching --------------------------------------------------------------------------------

    def refresh(self, text: str | None = None) -> None:
        text = self.input.text() if text is None else text
        items = self._command_items(text)
        for provider in self.providers:
            items.extend(provider(text))
        if text.strip():
            items.sort(key=lambda i: (-i.score, len(i.title)))
        else:
            position = {ident: n for n, ident in enumerate(self.recent)}
            items.sort(key=lambda i: position.get(i.ident, len(position)))  # stable: registry order after
        self._results = items[:MAX_RESULTS]
        self.list.clear()
        for item in self._results:
            row = QListWidgetItem(item.title)
            spoken = ", ".join(part for part in (item.title, item.detail, item.kind) if part)
            if item.keys:
                spoken += ", " + ", ".join(key_text(k) for k in item.keys)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.list.addItem(row)
        if self._results:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not self._results)
        self.list.setVisible(bool(self._results))
        self.empty.setText(tr("Nothing matches “{}”.").format(text.strip()))
        if self.isVisible():
            self._place()

    def _command_items(self, text: str) -> list[PaletteItem]:
        items = []
        for c in commands():
            action = self.actions.get(c.id)
            if action is None or not action.property(HAS_HANDLER) or not action.isEnabled():
                continue
            title = tr(c.title)
            category = tr(c.category)
            found = match(text, title)
            if found is None and len(text.split()) > 1:  # "view zoom": a word may name the menu
                found = match(text, f"{title}  {category}")
            if found is None:
                continue
            detail = ""
            if action.isCheckable():
                detail = tr("on") if action.isChecked() else tr("off")
            items.append(
                PaletteItem(
                    title,
                    action.trigger,
                    kind=category,
                    keys=self._keys(c),
                    detail=detail,
                    score=found.score,
                    positions=tuple(p for p in found.positions if p < len(title)),
                    ident=f"command:{c.id}",
                )
            )
        return items

    def _keys(self, c: Command) -> tuple[str, ...]:
        return self.keymap.keys_for(c.id) if c.id in self.keymap.defaults else c.keys

    # -- keys and running ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event) -> bool:  # noqa: ANN001, N802 - Qt override
        if watched is self.input and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QCoreApplication.sendEvent(self.list, event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _run_row(self, row: int) -> None:
        if not 0 <= row < len(self._results):
            return
        item = self._results[row]
        self.close()
        if item.ident.startswith("command:"):
            self.recent = [item.ident] + [i for i in self.recent if i != item.ident][: RECENT - 1]
        self.ran.emit(item.ident)
        # After the popup has gone and focus is back in the window: a command that moves the focus
        # (Find, Next area) must not have it taken back by the closing popup.
        QTimer.singleShot(0, item.run)

    # -- placing ---------------------------------------------------------------------------------

    def _place(self) -> None:
        """Fit the height to the matches (up to MAX_ROWS) and sit over the top of the window."""
        row_height = self.list.sizeHintForRow(0) if self._results else 0
        rows = min(len(self._results), MAX_ROWS)
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth())
        layout = self.layout()
        if layout is not None:
            layout.activate()  # else the old minimum height would stretch a shorter list
        height = self.sizeHint().height()
        owner = self.parentWidget()
        if owner is None:
            self.resize(WIDTH, height)
            return
        window = owner.window()
        width = min(WIDTH, max(360, window.width() - 40))
        top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, min(64, window.height() // 8)))
        self.setGeometry(top_left.x(), top_left.y(), width, height)


class PaletteDelegate(QStyledItemDelegate):
    """A row: the title with the matched letters bold, its menu and detail muted, the keys on the right."""

    def __init__(self, palette_widget: CommandPalette) -> None:
        super().__init__(palette_widget)
        self.owner = palette_widget

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, option.fontMetrics.height() + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        results = self.owner._results
        if not 0 <= index.row() < len(results):
            return
        item = results[index.row()]
        widget = option.widget
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if widget is not None:
            widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        palette = option.palette
        rect = option.rect.adjusted(10, 0, -10, 0)
        metrics = option.fontMetrics
        painter.save()
        painter.setFont(option.font)

        # the right side: the keys
        keys = [key_text(k) for k in item.keys]
        right = caps_width(metrics, keys) if keys else 0
        if keys:
            paint_caps(painter, rect, keys, palette, selected=selected, align_right=True)
        reserved = right + GAP * 4 if keys else 0
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)

        # the left side: title (matched letters bold), then its menu and detail, muted
        after = " · ".join(part for part in (item.kind, item.detail) if part)
        space = max(40, rect.width() - reserved)
        after_width = min(metrics.horizontalAdvance(after) + GAP * 3, space * 2 // 5) if after else 0
        available = space - after_width
        bold = QFont(option.font)
        bold.setBold(True)
        title = QFontMetrics(bold).elidedText(item.title, Qt.TextElideMode.ElideRight, available)
        layout = QTextLayout(title, option.font)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        accent = text_colour if selected else palette.color(QPalette.ColorRole.Link)
        ranges = []
        for start, length in _runs(p for p in item.positions if p < len(title) - (title != item.title)):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(accent)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, fmt
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(available)
        layout.endLayout()
        painter.setPen(text_colour)
        y = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), y))
        used = line.naturalTextWidth()
        if after:
            painter.setPen(muted)
            detail_rect = rect.adjusted(int(used) + GAP * 3, 0, -reserved, 0)
            detail = metrics.elidedText(after, Qt.TextElideMode.ElideRight, detail_rect.width())
            painter.drawText(detail_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), detail)
        painter.restore()


def _runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """(start, length) of each run of consecutive positions."""
    runs: list[tuple[int, int]] = []
    for p in sorted(positions):
        if runs and runs[-1][0] + runs[-1][1] == p:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((p, 1))
    return runs
