"""The transcript list: a table model over the library's transcripts and the view that shows it.

The model keeps the ids in the shown order and reads the summaries a page at a time as rows come into
view, so 100,000 transcripts cost an array of ids rather than 100,000 rows read at start-up; it sorts
itself (by date in the library's own order, by another column in Python) instead of through a proxy.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.core.model import DocType, TranscriptSummary
from reader.ui.dates import long_date
from reader.ui.plain_text import plain_tooltip
from reader.ui.transcript_view import LANGUAGE_NAMES, language_codes

if TYPE_CHECKING:
    from reader.core.library import Library

DATE, TIME, TITLE, LANGUAGES = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("TranscriptList", "Date"),
    QT_TRANSLATE_NOOP("TranscriptList", "Time"),
    QT_TRANSLATE_NOOP("TranscriptList", "Title"),
    QT_TRANSLATE_NOOP("TranscriptList", "Languages"),
)
LANGUAGE_SEPARATOR = " · "

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Sequence[int]], Sequence[TranscriptSummary]]
_NO_DATE = dt.date.min
_NO_TIME = dt.time.min


READING_LANGUAGES = ("en", "ru")


def languages_text(summary: TranscriptSummary) -> str:
    """'EN · RU', or 'EN · RU +3' for a briefing in five languages: this text's own first."""
    codes = language_codes(summary.language, summary.available_languages)
    shown = [c for c in codes if c == codes[0] or c in READING_LANGUAGES]
    text = LANGUAGE_SEPARATOR.join(c.upper() for c in shown)
    others = len(codes) - len(shown)
    return f"{text} +{others}" if others else text


def _sort_key(column: int) -> Callable[[TranscriptSummary], Any]:
    if column == TITLE:
        return lambda s: (s.title.casefold(), s.id)
    if column == LANGUAGES:
        return lambda s: (languages_text(s), s.id)
    if column == TIME:
        return lambda s: (s.published_time or _NO_TIME, s.published_date or _NO_DATE, s.id)
    return lambda s: (s.published_date or _NO_DATE, s.published_time or _NO_TIME, s.id)


class TranscriptListModel(QAbstractTableModel):
    """The rows as an array of ids in the shown order; a row's summary is read when it is first shown.

    With `set_source` the rows come from the library a page at a time, so a list of 100,000 keeps only
    its ids and the pages on screen (reading every row at start-up took a second and 50 MB there);
    `set_summaries` shows a list held in memory."""

    OwnLanguageRole = Qt.ItemDataRole.UserRole + 1  # the row's own language code, upper case
    IdRole = Qt.ItemDataRole.UserRole + 2
    PAGE = 200  # rows read at once
    KEEP = 20_000  # summaries kept before the cache starts again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: array[int] = array("q")
        self._newest_first: array[int] = array("q")
        self._cache: dict[int, TranscriptSummary] = {}
        self._fetch: Fetch = lambda _ids: []  # ids → their summaries
        self._everything: Callable[[], Sequence[TranscriptSummary]] = list
        self._sorted_by: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)

    # -- content -----------------------------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[TranscriptSummary]) -> None:
        """Show these rows, held in memory (kept in the current sort order)."""
        by_id = {s.id: s for s in summaries}
        newest = sorted(by_id.values(), key=_sort_key(DATE), reverse=True)
        self.set_source(
            array("q", [s.id for s in newest]),
            lambda ids: [by_id[i] for i in ids if i in by_id],
            lambda: list(by_id.values()),
        )

    def set_source(
        self, newest_first: array[int], fetch: Fetch, everything: Callable[[], Sequence[TranscriptSummary]]
    ) -> None:
        """Show the transcripts whose ids are `newest_first` (the library's order; kept in the current
        sort order); `fetch` reads the summaries of some ids, `everything` all of them (to sort by
        another column than the date)."""
        self.beginResetModel()
        self._newest_first, self._fetch, self._everything = newest_first, fetch, everything
        self._cache = {}
        self._ids = self._ordered(*self._sorted_by)
        self.endResetModel()

    def summary(self, row: int) -> TranscriptSummary:
        transcript_id = self._ids[row]
        found = self._cache.get(transcript_id)
        if found is None:
            found = self._read_page(row)
        return found

    def row_of(self, transcript_id: int) -> int | None:
        try:
            return self._ids.index(transcript_id)
        except ValueError:
            return None

    def _read_page(self, row: int) -> TranscriptSummary:
        """Read the page of rows around `row` (scrolling either way finds its neighbours read)."""
        if len(self._cache) > self.KEEP:
            self._cache.clear()
        start = max(0, row - self.PAGE // 2)
        page = [i for i in self._ids[start : start + self.PAGE] if i not in self._cache]
        for found in self._fetch(page):
            self._cache[found.id] = found
        wanted = self._ids[row]
        if wanted not in self._cache:  # deleted since the ids were read: shown as such until the refresh
            self._cache[wanted] = TranscriptSummary(wanted, "—", "", None, None, DocType.OTHER, ())  # type: ignore[arg-type]
        return self._cache[wanted]

    def _ordered(self, column: int, order: Qt.SortOrder) -> array[int]:
        descending = order == Qt.SortOrder.DescendingOrder
        if column == DATE:  # the library's own order, or its reverse
            return array("q", self._newest_first if descending else reversed(self._newest_first))
        return array("q", [s.id for s in self._everything_sorted(column, descending)])

    def _everything_sorted(self, column: int, descending: bool) -> list[TranscriptSummary]:
        return sorted(self._everything(), key=_sort_key(column), reverse=descending)

    # -- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("TranscriptList", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        s = self.summary(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return s.published_date.isoformat() if s.published_date else "—"
            if column == TIME:
                return s.published_time.strftime("%H:%M") if s.published_time else ""
            if column == TITLE:
                return s.title
            if column == LANGUAGES:
                return languages_text(s)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE:
                return plain_tooltip(s.title)
            if column == DATE and s.published_date:
                return long_date(s.published_date)
            if column == LANGUAGES:
                codes = language_codes(s.language, s.available_languages)
                names = [LANGUAGE_NAMES.get(c, c) for c in codes]
                also = f"; also published in {', '.join(names[1:])}" if len(names) > 1 else ""
                return f"This text is in {names[0]}{also}"
        elif role == self.OwnLanguageRole:
            return s.language.upper()
        elif role == self.IdRole:
            return int(s.id)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (DATE, TIME):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS) or (column, order) == self._sorted_by:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._ids[i.row()] if i.row() < len(self._ids) else None for i in persistent]
        self._ids = self._ordered(column, order)
        self._sorted_by = (column, order)
        moved = []
        for old, tid in zip(persistent, ids, strict=True):
            row = self.row_of(tid) if tid is not None else None
            moved.append(self.index(row, old.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()


class LanguagesDelegate(QStyledItemDelegate):
    """Draws 'EN · RU' with the text's own language in bold, so it stands out without a legend."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, own = opt.text, index.data(TranscriptListModel.OwnLanguageRole) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        x = rect.x() + 2
        for n, code in enumerate(text.split(LANGUAGE_SEPARATOR)):
            font = QFont(opt.font)
            font.setBold(code == own)
            painter.setFont(font)
            piece = code if n == 0 else LANGUAGE_SEPARATOR + code
            width = QFontMetrics(font).horizontalAdvance(piece)
            painter.drawText(QRect(x, rect.y(), width + 1, rect.height()), int(Qt.AlignmentFlag.AlignVCenter), piece)
            x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 8, size.height())


class TranscriptList(QTableView):
    """All transcripts, newest first; choosing a row asks for that transcript to be opened."""

    transcript_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptList")
        self.list_model = TranscriptListModel(self)
        self.setModel(self.list_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self.setItemDelegateForColumn(LANGUAGES, LanguagesDelegate(self))
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring at 20,000 rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        digits = self.fontMetrics().horizontalAdvance("0000-00-00")
        self.setColumnWidth(DATE, digits + 28)
        self.setColumnWidth(TIME, self.fontMetrics().horizontalAdvance("00:00") + 28)
        self.setColumnWidth(LANGUAGES, self.fontMetrics().horizontalAdvance("Languages") + 28)
        # Set the indicator before enabling sorting: enabling sorts by it, and the library's order is
        # already newest first.
        columns.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def set_summaries(self, summaries: Sequence[TranscriptSummary]) -> None:
        current = self.current_id()
        self.list_model.set_summaries(summaries)
        if current is not None:
            self.select_transcript(current)

    def show_library(self, library: Library) -> None:
        """Every transcript of the library; only the rows scrolled to are read from it."""
        current = self.current_id()
        self.list_model.set_source(library.transcript_ids(), library.summaries_of, library.summaries)
        if current is not None:
            self.select_transcript(current)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.list_model.summary(index.row()).id if index.isValid() else None

    def select_transcript(self, transcript_id: int) -> None:
        """Make the transcript's row current and visible (it emits transcript_chosen like a click)."""
        row = self.list_model.row_of(transcript_id)
        if row is None:
            self.clearSelection()
            return
        index = self.list_model.index(row, TITLE)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.transcript_chosen.emit(int(self.list_model.summary(current.row()).id))
