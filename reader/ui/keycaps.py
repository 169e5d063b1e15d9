"""Keys drawn as small key caps ("Ctrl+F" in a rounded box), for the cheat sheet and the palette."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette

PADDING = 6  # inside a cap, left and right
GAP = 5  # between caps
RADIUS = 4.0


def caps_width(metrics: QFontMetrics, keys: Sequence[str], note: str = "") -> int:
    """The width `paint_caps` needs for these keys (and a trailing note such as "Down in a list")."""
    width = sum(metrics.horizontalAdvance(k) + 2 * PADDING for k in keys) + GAP * max(0, len(keys) - 1)
    if note:
        width += (GAP if keys else 0) + metrics.horizontalAdvance(note)
    return width


def paint_caps(
    painter: QPainter,
    rect: QRect,
    keys: Sequence[str],
    palette: QPalette,
    *,
    note: str = "",
    selected: bool = False,
    align_right: bool = False,
) -> None:
    """Draw each key as a cap, vertically centred in `rect`; the note follows in a muted colour."""
    metrics = painter.fontMetrics()
    height = min(rect.height() - 4, metrics.height() + 4)
    top = rect.top() + (rect.height() - height) / 2
    x = float(rect.left())
    if align_right:
        x = rect.right() - caps_width(metrics, keys, note) + 1.0
    text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    text_colour = palette.color(text_role)
    border = QColor(text_colour)
    border.setAlphaF(0.45 if selected else 0.3)
    fill = QColor(text_colour)
    fill.setAlphaF(0.12 if selected else 0.06)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for key in keys:
        width = metrics.horizontalAdvance(key) + 2 * PADDING
        cap = QRectF(x + 0.5, top + 0.5, width - 1, height - 1)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(cap, RADIUS, RADIUS)
        painter.setPen(text_colour)
        painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, key)
        x += width + GAP
    if note:
        muted = QColor(text_colour)
        muted.setAlphaF(0.75 if selected else 0.62)
        painter.setPen(muted)
        area = QRectF(x, rect.top(), rect.right() - x + 1, rect.height())
        painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), note)
    painter.restore()
