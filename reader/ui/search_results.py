"""The results list: one row per matching transcript (date, language, title) with a snippet under it.

The model adapts the pages the search worker sends; it holds no SQL. A snippet is asked for only when
its row is painted (the model's `data()` collects the ids and sends one request per event-loop turn),
and kept once it arrives. Hits are drawn by the delegate from (start, end) spans with a QTextLayout,
never from HTML, so markup in a transcript shows as written. Rows beyond the first page come when the
view scrolls near the end (`canFetchMore`/`fetchMore`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.search import Matcher, Snippet
from reader.ui.search_style import LIGHT_HITS, HitColours
from reader.ui.search_worker import ResultPage, ResultRow
from reader.ui.transcript_view import LANGUAGE_NAMES

Index = QModelIndex | QPersistentModelIndex
Spans = Sequence[tuple[int, int]]

SNIPPET_LINES = 2
PADDING = 7
LINE_GAP = 3


class ResultsModel(QAbstractListModel):
    """The rows of the current search; `snippets_wanted(ids)` and `more_wanted(offset)` ask the worker."""

    RowRole = Qt.ItemDataRole.UserRole + 1  # ResultRow
    SnippetRole = Qt.ItemDataRole.UserRole + 2  # Snippet, or None until it arrives
    TitleSpansRole = Qt.ItemDataRole.UserRole + 3  # hits in the title
    IdRole = Qt.ItemDataRole.UserRole + 4

    snippets_wanted = Signal(list)
    more_wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.total = 0
        self.generation = -1
        self._matcher: Matcher | None = None
        self._page: ResultPage | None = None
        self._snippets: dict[int, Snippet] = {}
        self._asked: set[int] = set()
        self._wanted: list[int] = []
        self._title_spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self._fetching = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._send_wanted)

    # -- content ---------------------------------------------------------------------------------

    def show_page(self, page: ResultPage) -> None:
        """The first page of a new search replaces everything; a later page of it is appended."""
        if page.offset == 0 or page.generation != self.generation:
            self.beginResetModel()
            self.generation = page.generation
            self._page = page
            self._matcher = None
            self.rows = list(page.rows)
            self.total = page.total
            self._snippets.clear()
            self._asked.clear()
            self._wanted.clear()
            self._title_spans.clear()
            self._fetching = False
            self.endResetModel()
            return
        self._fetching = False
        if page.offset != len(self.rows) or not page.rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
        self.rows.extend(page.rows)
        self.total = page.total
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.generation = -1
        self._page = None
        self._matcher = None
        self.rows = []
        self.total = 0
        self._snippets.clear()
        self._asked.clear()
        self._wanted.clear()
        self._title_spans.clear()
        self._fetching = False
        self.endResetModel()

    def asked_for(self, ids: Sequence[int]) -> None:
        """These snippets are on their way already (the worker sends the first rows' unasked)."""
        self._asked.update(ids)

    def add_snippets(self, generation: int, snippets: dict[int, Snippet]) -> None:
        if generation != self.generation:
            return
        self._snippets.update(snippets)
        rows = [row for row, r in enumerate(self.rows) if r.id in snippets]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [self.SnippetRole])

    def row(self, row: int) -> ResultRow:
        return self.rows[row]

    def row_of(self, transcript_id: int) -> int | None:
        for row, r in enumerate(self.rows):
            if r.id == transcript_id:
                return row
        return None

    def matcher(self) -> Matcher | None:
        """The search's words as regular expressions (for the titles), built once per search."""
        if self._matcher is None and self._page is not None:
            self._matcher = Matcher(self._page.query, self._page.expansions)
        return self._matcher

    def snippet_of(self, transcript_id: int) -> Snippet | None:
        return self._snippets.get(transcript_id)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.title
        if role == self.RowRole:
            return r
        if role == self.IdRole:
            return r.id
        if role == self.SnippetRole:
            found = self._snippets.get(r.id)
            if found is None and r.id not in self._asked:
                self._asked.add(r.id)
                self._wanted.append(r.id)
                self._flush.start()
            return found
        if role == self.TitleSpansRole:
            spans = self._title_spans.get(r.id)
            if spans is None:
                matcher = self.matcher()
                spans = tuple(matcher.spans(r.title)) if matcher is not None else ()
                self._title_spans[r.id] = spans
            return spans
        if role == Qt.ItemDataRole.ToolTipRole:
            when = r.date.isoformat() if r.date else "no date"
            language = LANGUAGE_NAMES.get(r.language, r.language)
            return f"{r.title}\n{when} · {language} · {r.doc_type.capitalize()}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            snippet = self._snippets.get(r.id)
            when = r.date.isoformat() if r.date else "no date"
            return f"{when}, {LANGUAGE_NAMES.get(r.language, r.language)}. {snippet.text if snippet else ''}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(len(self.rows))

    def _send_wanted(self) -> None:
        wanted, self._wanted = self._wanted, []
        if wanted:
            self.snippets_wanted.emit(wanted)


class ResultDelegate(QStyledItemDelegate):
    """Paints a result: date, language and title (hits in bold) on one line, the snippet under it with
    its hits on an amber ground. Every row has the same height, so the view needs no measuring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours: HitColours = LIGHT_HITS

    def row_height(self, font: QFont) -> int:
        metrics = QFontMetrics(font)
        return PADDING * 2 + metrics.height() + LINE_GAP + SNIPPET_LINES * metrics.lineSpacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        row: ResultRow | None = index.data(ResultsModel.RowRole)
        if row is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        if not selected:
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(PADDING + 2, PADDING, -PADDING - 2, -PADDING)
        font = QFont(opt.font)
        metrics = QFontMetrics(font)
        painter.save()
        painter.setClipRect(opt.rect)

        # line 1: date, language, title
        x = rect.left()
        painter.setPen(muted)
        date = row.date.isoformat() if row.date else "—"
        painter.setFont(font)
        painter.drawText(QRect(x, rect.top(), rect.width(), metrics.height()), int(Qt.AlignmentFlag.AlignLeft), date)
        x += metrics.horizontalAdvance("0000-00-00") + 10
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        code = row.language.upper()
        painter.setFont(bold)
        painter.setPen(text_colour if selected else palette.color(QPalette.ColorRole.Link))
        painter.drawText(QRect(x, rect.top(), rect.width(), metrics.height()), int(Qt.AlignmentFlag.AlignLeft), code)
        x += bold_metrics.horizontalAdvance("WW") + 8
        title_width = max(0, rect.right() - x)
        title = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, title_width)
        title_spans = index.data(ResultsModel.TitleSpansRole) or ()
        painter.setPen(text_colour)
        self._draw_line(painter, QPointF(x, rect.top()), title, font, title_spans, bold_hits=True)

        # lines 2-3: the snippet
        snippet: Snippet | None = index.data(ResultsModel.SnippetRole)
        top = rect.top() + metrics.height() + LINE_GAP
        if snippet is not None and snippet.text:
            painter.setPen(text_colour if selected else palette.color(QPalette.ColorRole.Text))
            self._draw_snippet(painter, QRect(rect.left(), top, rect.width(), rect.bottom() - top), snippet, font)
        painter.restore()

    def _hit_format(self, *, bold: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.colours.hit))
        fmt.setForeground(QColor(self.colours.hit_text))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _formats(self, spans: Spans, length: int, *, bold: bool = False) -> list[QTextLayout.FormatRange]:
        ranges = []
        fmt = self._hit_format(bold=bold)
        for start, end in spans:
            if start >= length:
                break
            r = QTextLayout.FormatRange()
            r.start = start
            r.length = min(end, length) - start
            r.format = fmt
            ranges.append(r)
        return ranges

    def _draw_line(
        self, painter: QPainter, at: QPointF, text: str, font: QFont, spans: Spans, *, bold_hits: bool = False
    ) -> None:
        layout = QTextLayout(text, font)
        layout.setFormats(self._formats(spans, len(text), bold=bold_hits))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setPosition(QPointF(0, 0))
        layout.endLayout()
        layout.draw(painter, at)

    def _draw_snippet(self, painter: QPainter, rect: QRect, snippet: Snippet, font: QFont) -> None:
        """Up to SNIPPET_LINES wrapped lines; an ellipsis where the text goes on."""
        text = snippet.text
        layout = QTextLayout(text, font)
        layout.setFormats(self._formats(snippet.spans, len(text)))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        metrics = QFontMetrics(font)
        ellipsis = metrics.horizontalAdvance("…") + 2
        y = 0.0
        last = None
        layout.beginLayout()
        for n in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width() - (ellipsis if n == SNIPPET_LINES - 1 else 0))
            line.setPosition(QPointF(0, y))
            y += metrics.lineSpacing()
            last = line
        layout.endLayout()
        layout.draw(painter, QPointF(rect.topLeft()))
        if last is not None and last.textStart() + last.textLength() < len(text):
            painter.setFont(font)
            painter.drawText(
                QPointF(rect.left() + last.naturalTextWidth() + 1, rect.top() + last.y() + last.ascent()), "…"
            )


class ResultsView(QListView):
    """The results list; choosing a row (click, arrows) emits `result_chosen(id)`."""

    result_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.results = ResultsModel(self)
        self.delegate = ResultDelegate(self)
        self.setModel(self.results)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setAccessibleName(self.tr("Search results"))
        self.empty_text = ""
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_colours(self, colours: HitColours) -> None:
        self.delegate.colours = colours
        self.viewport().update()

    def set_empty_text(self, text: str) -> None:
        """What the list says while it has no rows ("" for nothing)."""
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.results.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 24, -16, -16)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self.empty_text)
            painter.end()

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.results.row(index.row()).id if index.isValid() else None

    def visible_rows(self) -> int:
        """How many rows fit on screen (the worker sends their snippets with the first page)."""
        height = self.delegate.row_height(self.font())
        return max(1, self.viewport().height() // max(1, height) + 1)

    def select_id(self, transcript_id: int | None) -> None:
        """Make that result current without opening it again (the window opened it)."""
        row = self.results.row_of(transcript_id) if transcript_id is not None else None
        blocked = self.selectionModel().blockSignals(True)
        try:
            if row is None:
                self.selectionModel().clearCurrentIndex()
                self.clearSelection()
            else:
                index = self.results.index(row)
                self.setCurrentIndex(index)
                self.scrollTo(index)
        finally:
            self.selectionModel().blockSignals(blocked)
        self.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.result_chosen.emit(self.results.row(current.row()).id)
