"""`Qt`, the Qt namespace, made only when first used.

PySide6 turns all ~130 enums of the Qt namespace into Python enums the moment `PySide6.QtCore.Qt` is
first touched: ~30 ms, a fifth of a bare window's whole start. Modules on the way to the first frame
import `Qt` from here instead, and the code that runs before that frame uses none of it, so the cost
falls after the text is on screen (tests/ui/test_startup_path.py checks that it does).

    from reader.ui.lazy_qt import Qt
    Qt.AlignmentFlag.AlignLeft  # the real enum; the namespace is made here, on first use

What runs before the first frame sets enum properties by name instead (`set_by_name(label, "alignment",
"AlignCenter")`), makes brushes with `solid_brush`, and passes a parent by keyword where a constructor
also takes an enum (`QSplitter(parent=w)`: trying the enum overload would make the namespace).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor, QPalette


class _LazyQt:
    def __getattr__(self, name: str) -> Any:
        from PySide6.QtCore import Qt as real

        value = getattr(real, name)
        setattr(self, name, value)  # found directly from now on
        return value


if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:
    Qt = _LazyQt()


def set_by_name(obj: QObject, prop: str, keys: str) -> None:
    """Set the enum property `prop` of `obj` by its key names ("AlignCenter", "AlignLeft|AlignTop"),
    as a Qt Designer file would: Qt converts the names itself, so no Python enum is made. For the calls
    made before the first frame; a name that is not one of the property's keys raises ValueError."""
    if not obj.setProperty(prop, keys):
        raise ValueError(f"{type(obj).__name__}.{prop} has no value {keys!r}")


def solid_brush(colour: str | QColor) -> QBrush:
    """A solid brush of `colour`. `QBrush(colour)` (and passing a QColor where a brush is wanted) makes
    the Qt namespace, for its style argument's default Qt.SolidPattern; a palette hands out the same
    brush without it."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(colour))
    return palette.brush(QPalette.ColorRole.Text)
