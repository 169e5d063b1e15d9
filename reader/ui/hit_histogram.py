"""A small bar chart of a search's hits per month across the years: when a topic was discussed.

One bar per month from the library's first year to its last, height in proportion to the month's
matching transcripts (a month with any hit is at least a pixel or two tall, so rare topics show).
Hovering a bar names the month and its count; clicking it, or Enter on the keyboard (Left/Right move
between months with hits), asks for that month in the calendar.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.ui.dates import month_name

Month = tuple[int, int]

BAR_AREA_HEIGHT = 40
LABEL_HEIGHT = 14
MIN_BAR = 2  # px: a month with a hit never disappears


def count_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("HitHistogram", "1 transcript")
    return QCoreApplication.translate("HitHistogram", "{count} transcripts").format(count=n)


class HitHistogram(QWidget):
    """Hits per month; `month_chosen(year, month)` when a bar is clicked or chosen by keyboard."""

    month_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hitHistogram")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Hits per month"))
        self.counts: dict[Month, int] = {}
        self.first_year = 0
        self.last_year = -1
        self.shown: Month | None = None  # the calendar's month, drawn in the accent colour
        self._hover: Month | None = None
        self._cursor: Month | None = None  # the keyboard's month
        self.bar_colour = QColor("#d08c00")
        self.shown_colour = QColor("#1a5fb4")
        self._picture: QPixmap | None = None
        self._picture_key: tuple[object, ...] = ()
        self._bars: dict[Month, QRectF] = {}

    # -- content ---------------------------------------------------------------------------------

    def set_counts(self, counts: Mapping[Month, int], years: tuple[int, int] | None = None) -> None:
        """Show these counts; the axis spans `years` (the library's first and last) and every counted month."""
        self.counts = {k: v for k, v in counts.items() if v > 0}
        years_seen = [y for y, _ in self.counts]
        if years is not None:
            years_seen += list(years)
        self.first_year, self.last_year = (min(years_seen), max(years_seen)) if years_seen else (0, -1)
        if self._cursor not in self.counts:
            self._cursor = None
        self._picture = None
        self._update_description()
        self.update()

    def clear(self) -> None:
        self.set_counts({})

    def set_shown_month(self, month: Month | None) -> None:
        if month != self.shown:
            self.shown = month
            self.update()

    def set_colours(self, bar: QColor | str, shown: QColor | str) -> None:
        self.bar_colour, self.shown_colour = QColor(bar), QColor(shown)
        self._picture = None
        self.update()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def months(self) -> int:
        return max(0, (self.last_year - self.first_year + 1) * 12)

    # -- geometry --------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, BAR_AREA_HEIGHT + LABEL_HEIGHT + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, BAR_AREA_HEIGHT + LABEL_HEIGHT + 4)

    def _plot(self) -> QRectF:
        return QRectF(4, 2, max(1, self.width() - 8), BAR_AREA_HEIGHT)

    def bar_rect(self, month: Month) -> QRectF:
        """Where the month's bar stands (full height of the plot: the hover and click target)."""
        plot = self._plot()
        step = plot.width() / max(1, self.months())
        index = (month[0] - self.first_year) * 12 + month[1] - 1
        return QRectF(plot.left() + index * step, plot.top(), step, plot.height())

    def month_at(self, point: QPoint) -> Month | None:
        plot = self._plot()
        if not self.months() or not (plot.left() <= point.x() < plot.right()):
            return None
        if not (plot.top() - 2 <= point.y() <= plot.bottom() + LABEL_HEIGHT):
            return None
        index = int((point.x() - plot.left()) / (plot.width() / self.months()))
        index = min(max(index, 0), self.months() - 1)
        return self.first_year + index // 12, index % 12 + 1

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """The bars and the axis from a cached picture (redrawn when the counts, size or colours change),
        then the calendar's month, the hovered one and the focus on top: a month turn costs no redraw."""
        painter = QPainter(self)
        if self._picture is None or self._picture_key != self._key():
            self._picture = self._draw_picture()
            self._picture_key = self._key()
        painter.drawPixmap(0, 0, self._picture)
        palette = self.palette()
        if self.months():
            for month, colour in (
                (self._hover, self._emphasis()),
                (self._cursor, self._emphasis()),
                (self.shown, self.shown_colour),
            ):
                if month is None:
                    continue
                bar = self._bars.get(month)
                if bar is not None:
                    painter.fillRect(bar, colour)
                elif month == self.shown and self.first_year <= month[0] <= self.last_year:
                    rect = self.bar_rect(month)  # the calendar's month without hits: a tick on the axis
                    plot = self._plot()
                    painter.fillRect(QRectF(rect.left(), plot.bottom() - 3, max(1.0, rect.width()), 3), colour)
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
            if self._cursor is not None:
                painter.drawRect(self.bar_rect(self._cursor).toRect().adjusted(0, 0, -1, 0))
        painter.end()

    def _key(self) -> tuple[object, ...]:
        return (self.size(), self.devicePixelRatioF(), self.palette().cacheKey())

    def _emphasis(self) -> QColor:
        light = self.palette().color(QPalette.ColorRole.Base).lightness() > 128
        return self.bar_colour.darker(135) if light else self.bar_colour.lighter(135)

    def _draw_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        picture = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        plot = self._plot()
        painter.fillRect(
            QRectF(plot.left(), plot.bottom(), plot.width(), 1), self.palette().color(QPalette.ColorRole.Mid)
        )
        self._bars = {}
        if self.months():
            step = plot.width() / self.months()
            gap = 1 if step >= 3 else 0
            peak = max(self.counts.values(), default=0)
            for month, n in self.counts.items():
                left = self.bar_rect(month).left()
                height = max(MIN_BAR, plot.height() * n / peak) if peak else 0
                bar = QRectF(left, plot.bottom() - height, max(1.0, step - gap), height)
                self._bars[month] = bar
                painter.fillRect(bar, self.bar_colour)
            self._paint_years(painter, plot, step)
        painter.end()
        return picture

    def _paint_years(self, painter: QPainter, plot: QRectF, step: float) -> None:
        """A tick at each year's start, labelled as often as the labels fit."""
        metrics = self.fontMetrics()
        label_width = metrics.horizontalAdvance("2020") + 8
        years = self.last_year - self.first_year + 1
        every = 1
        while every < years and step * 12 * every < label_width:
            every = {1: 2, 2: 5, 5: 10}.get(every, every * 2)
        font = self.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        tick = QColor(self.palette().color(QPalette.ColorRole.Mid))
        for year in range(self.first_year, self.last_year + 1):
            x = plot.left() + (year - self.first_year) * 12 * step
            painter.fillRect(QRectF(x, plot.bottom(), 1, 3), tick)
            if (year - self.first_year) % every == 0 and x + label_width - 8 <= plot.right() + 4:
                painter.drawText(
                    QRect(int(x) + 2, int(plot.bottom()) + 2, label_width, LABEL_HEIGHT),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    str(year),
                )

    # -- interaction -----------------------------------------------------------------------------

    def tooltip_text(self, month: Month) -> str:
        n = self.counts.get(month, 0)
        name = f"{month_name(month[1])} {month[0]}"
        if n:
            shown = self.tr("{month}: {count} with hits — click to show the month")
            return shown.format(month=name, count=count_text(n))
        return self.tr("{month}: no hits").format(month=name)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            month = self.month_at(event.pos())
            if month is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(month), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        month = self.month_at(event.position().toPoint())
        if month != self._hover:
            self._hover = month
            self.setCursor(Qt.CursorShape.PointingHandCursor if month in self.counts else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        month = self.month_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and month is not None:
            self._cursor = month if month in self.counts else self._cursor
            self.month_chosen.emit(*month)
            self.update()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        months = sorted(self.counts)
        key = event.key()
        if months and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            if key == Qt.Key.Key_Home or (self._cursor is None and key == Qt.Key.Key_Right):
                self._cursor = months[0]
            elif key == Qt.Key.Key_End or self._cursor is None:
                self._cursor = months[-1]
            else:
                at = months.index(self._cursor)
                at = min(len(months) - 1, at + 1) if key == Qt.Key.Key_Right else max(0, at - 1)
                self._cursor = months[at]
            self._update_description()
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._cursor is not None:
            self.month_chosen.emit(*self._cursor)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.update()
        super().focusOutEvent(event)

    def _update_description(self) -> None:
        if self._cursor is not None:
            self.setAccessibleDescription(self.tooltip_text(self._cursor))
        elif self.counts:
            busiest = max(self.counts, key=lambda m: (self.counts[m], m))
            self.setAccessibleDescription(
                self.tr(
                    "{count} over {months} months; the most in {month} ({busiest}). Left and Right move, Enter shows."
                ).format(
                    count=count_text(self.total),
                    months=len(self.counts),
                    month=f"{month_name(busiest[1])} {busiest[0]}",
                    busiest=self.counts[busiest],
                )
            )
        else:
            self.setAccessibleDescription(self.tr("No hits"))
        self.setToolTip("")
