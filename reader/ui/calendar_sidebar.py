"""The sidebar: a month calendar marking days with transcripts, the chosen day's transcripts, and an
archive of years and months with their counts (any month is two clicks away).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import Library
from reader.core.model import TranscriptSummary
from reader.ui.dates import long_date, month_name
from reader.ui.plain_text import plain_tooltip
from reader.ui.themes import LIGHT, Colours

ID_ROLE = Qt.ItemDataRole.UserRole
MONTH_ROLE = Qt.ItemDataRole.UserRole + 1  # (year, month) for month items, (year, 0) for years


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def count_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("CalendarSidebar", "1 transcript")
    return QCoreApplication.translate("CalendarSidebar", "{count} transcripts").format(count=n)


def day_item_text(summary: TranscriptSummary) -> str:
    """'01:00 EN · Foreign Minister Sergey Lavrov’s interview …'"""
    time = summary.published_time.strftime("%H:%M") if summary.published_time else "--:--"
    return f"{time} {summary.language.upper()} · {summary.title}"


class CalendarSidebar(QWidget):
    transcript_chosen = Signal(int)
    page_marked = Signal()  # the shown months' days were marked afresh: other marks (search hits) go on top

    def __init__(self, library: Library, parent: QWidget | None = None, *, colours: Colours = LIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("calendarSidebar")
        self.library = library
        self._colours = colours
        self._syncing = False

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)

        self.day_heading = QLabel(self)
        self.day_heading.setObjectName("sidebarHeading")
        self.day_heading.setWordWrap(True)
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("dayList")
        self.day_list.setWordWrap(True)
        self.day_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.day_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.archive_heading = QLabel(self.tr("Archive"), self)
        self.archive_heading.setObjectName("sidebarHeading")
        self.archive = QTreeWidget(self)
        self.archive.setObjectName("archive")
        self.archive.setHeaderHidden(True)
        self.archive.setColumnCount(1)
        self.archive.setUniformRowHeights(True)
        self.archive.setExpandsOnDoubleClick(True)

        day_box = QWidget(self)
        day_layout = QVBoxLayout(day_box)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.setSpacing(4)
        day_layout.addWidget(self.day_heading)
        day_layout.addWidget(self.day_list)
        archive_box = QWidget(self)
        archive_layout = QVBoxLayout(archive_box)
        archive_layout.setContentsMargins(0, 0, 0, 0)
        archive_layout.setSpacing(4)
        archive_layout.addWidget(self.archive_heading)
        archive_layout.addWidget(self.archive)
        self.lists = QSplitter(Qt.Orientation.Vertical, self)
        self.lists.setObjectName("sidebarSplitter")
        self.lists.setChildrenCollapsible(False)
        self.lists.addWidget(day_box)
        self.lists.addWidget(archive_box)
        self.lists.setStretchFactor(0, 1)
        self.lists.setStretchFactor(1, 2)  # a day has a few transcripts; the archive grows by the year
        self.lists.setSizes([180, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(8)
        layout.addWidget(self.calendar)
        layout.addWidget(self.lists, 1)
        # A short window squeezes the lists, never the calendar: its sixth week must stay visible. Qt's
        # size hint (149 px) ignores the stylesheet's focus border and the bold marks, so count the rows.
        navigation = self.calendar.findChild(QWidget, "qt_calendar_navigationbar")
        rows = 7 * (self.calendar.fontMetrics().height() + 8)  # the day names and six weeks
        nav_height = navigation.sizeHint().height() if navigation is not None else 24
        self.calendar.setMinimumHeight(max(self.calendar.sizeHint().height(), nav_height + rows + 6))
        # …and its day names whole ("Wed", not "W…"), in the interface's language.
        locale, metrics = self.calendar.locale(), self.calendar.fontMetrics()
        short = QLocale.FormatType.ShortFormat
        widest = max(metrics.horizontalAdvance(locale.dayName(day, short)) for day in range(1, 8))
        self.calendar.setMinimumWidth(7 * (widest + 9))

        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.selectionChanged.connect(self._day_changed)
        self.day_list.currentItemChanged.connect(self._day_item_chosen)
        self.day_list.itemActivated.connect(self._day_item_chosen)
        self.archive.currentItemChanged.connect(self._archive_item_chosen)
        self.archive.itemActivated.connect(self._archive_item_chosen)
        self.set_colours(colours)
        self.refresh()

    # -- what the window calls -------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read marks, the day's transcripts and the archive from the library."""
        self._fill_archive()
        self._mark_page()
        self._fill_day_list()

    def show_day(self, day: dt.date, transcript_id: int | None = None) -> None:
        """Select `day` (moving the calendar there) and, if given, that transcript in the day's list."""
        self._syncing = True
        try:
            self.calendar.setSelectedDate(to_qdate(day))
            self._fill_day_list()
            if transcript_id is not None:
                for row in range(self.day_list.count()):
                    if self.day_list.item(row).data(ID_ROLE) == transcript_id:
                        self.day_list.setCurrentRow(row)
                        break
        finally:
            self._syncing = False

    def show_month(self, year: int, month: int) -> None:
        """Move the calendar to a month and select its newest day with transcripts."""
        days = self.library.days_with_transcripts(year, month)
        if days:
            self.calendar.setSelectedDate(to_qdate(max(days)))
        else:
            self.calendar.setCurrentPage(year, month)

    def set_colours(self, colours: Colours) -> None:
        self._colours = colours
        weekend = QTextCharFormat()
        weekend.setForeground(QColor(colours.weekend))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(day, weekend)
        self._mark_page()

    def selected_day(self) -> dt.date:
        return to_date(self.calendar.selectedDate())

    # -- calendar ------------------------------------------------------------------------------

    def _page_changed(self, year: int, month: int) -> None:
        self._mark_page()
        self._select_archive_month(year, month)

    def _mark_page(self) -> None:
        """Bold, accent-coloured days with a count tooltip, for the shown month and the days around it."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears every format
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        shown = QDate(year, month, 1)
        for offset in (-1, 0, 1):
            page = shown.addMonths(offset)
            for day, n in self.library.days_with_transcripts(page.year(), page.month()).items():
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setForeground(QColor(self._colours.accent))
                if offset == 0:
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineColor(QColor(self._colours.accent))
                fmt.setToolTip(count_text(n))
                self.calendar.setDateTextFormat(to_qdate(day), fmt)
        self.page_marked.emit()

    def _day_changed(self) -> None:
        if not self._syncing:
            self._fill_day_list()

    def _fill_day_list(self) -> None:
        day = self.selected_day()
        summaries = self.library.transcripts_on(day)
        blocked = self.day_list.blockSignals(True)
        self.day_list.clear()
        for summary in summaries:
            item = QListWidgetItem(day_item_text(summary))
            item.setData(ID_ROLE, int(summary.id))
            item.setToolTip(plain_tooltip(summary.title))
            self.day_list.addItem(item)
        self.day_list.blockSignals(blocked)
        if summaries:
            self.day_heading.setText(f"{long_date(day)} — {count_text(len(summaries))}")
        else:
            self.day_heading.setText(self.tr("No transcripts on {day}").format(day=long_date(day)))

    def _day_item_chosen(self, item: QListWidgetItem | None, *_: object) -> None:
        if item is not None and not self._syncing:
            self.transcript_chosen.emit(int(item.data(ID_ROLE)))

    # -- archive -------------------------------------------------------------------------------

    def _fill_archive(self) -> None:
        blocked = self.archive.blockSignals(True)
        expanded = {
            self.archive.topLevelItem(i).data(0, MONTH_ROLE)
            for i in range(self.archive.topLevelItemCount())
            if self.archive.topLevelItem(i).isExpanded()
        }
        self.archive.clear()
        years: dict[int, QTreeWidgetItem] = {}
        totals: dict[int, int] = {}
        for year, month, n in self.library.month_counts():
            if year not in years:
                years[year] = QTreeWidgetItem(self.archive)
                years[year].setData(0, MONTH_ROLE, (year, 0))
                totals[year] = 0
            child = QTreeWidgetItem(years[year], [f"{month_name(month)} ({n})"])
            child.setData(0, MONTH_ROLE, (year, month))
            child.setToolTip(0, f"{month_name(month)} {year}: {count_text(n)}")
            totals[year] += n
        for year, item in years.items():
            item.setText(0, f"{year} ({totals[year]})")
            item.setToolTip(0, f"{year}: {count_text(totals[year])}")
            item.setExpanded((year, 0) in expanded)
        if years and not expanded:
            next(iter(years.values())).setExpanded(True)  # the newest year
        self.archive.blockSignals(blocked)
        self._select_archive_month(self.calendar.yearShown(), self.calendar.monthShown())

    def _select_archive_month(self, year: int, month: int) -> None:
        """Keep the archive's current item on the calendar's month, without moving the calendar."""
        blocked = self.archive.blockSignals(True)
        for i in range(self.archive.topLevelItemCount()):
            year_item = self.archive.topLevelItem(i)
            for j in range(year_item.childCount()):
                if year_item.child(j).data(0, MONTH_ROLE) == (year, month):
                    year_item.setExpanded(True)
                    self.archive.setCurrentItem(year_item.child(j))
                    self.archive.blockSignals(blocked)
                    return
        self.archive.clearSelection()
        self.archive.blockSignals(blocked)

    def _archive_item_chosen(self, item: QTreeWidgetItem | None, *_: object) -> None:
        if item is None:
            return
        year, month = item.data(0, MONTH_ROLE)
        if month == 0:  # a year: its newest month
            if item.childCount() == 0:
                return
            year, month = item.child(0).data(0, MONTH_ROLE)
        self.show_month(year, month)

    def month_item(self, year: int, month: int) -> QTreeWidgetItem | None:
        for i in range(self.archive.topLevelItemCount()):
            year_item = self.archive.topLevelItem(i)
            for j in range(year_item.childCount()):
                if year_item.child(j).data(0, MONTH_ROLE) == (year, month):
                    return year_item.child(j)
        return None
