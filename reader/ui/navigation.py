"""Moving around the window by keys: the back/forward history, the areas F6 cycles through, and the
reading zoom's steps.

The window owns one `History` and asks `next_area` where F6 goes; both know nothing of transcripts or
of the window's layout beyond the widgets they are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from reader.ui.lazy_qt import Qt

T = TypeVar("T")

HISTORY_LIMIT = 100
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
"""The reading zoom's steps, as browsers have them: small steps near 100 %, larger further out."""


class History(Generic[T]):
    """What was opened, in order, with a place in it: Back and Forward move the place, opening
    something new drops what lay ahead (as in a browser). Opening what is already current is no visit."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self._items: list[T] = []
        self._at = -1

    def visit(self, item: T) -> None:
        if self._items and self._items[self._at] == item:
            return
        del self._items[self._at + 1 :]
        self._items.append(item)
        if len(self._items) > self.limit:
            del self._items[: len(self._items) - self.limit]
        self._at = len(self._items) - 1

    def back(self) -> T | None:
        """The item before the current one (which becomes current), or None at the start."""
        if self._at <= 0:
            return None
        self._at -= 1
        return self._items[self._at]

    def forward(self) -> T | None:
        if self._at >= len(self._items) - 1:
            return None
        self._at += 1
        return self._items[self._at]

    def discard(self, item: T) -> None:
        """Forget an item that is gone (a deleted transcript); the place stays on what it was."""
        current = self.current
        self._items = [i for i in self._items if i != item]
        self._at = self._items.index(current) if current in self._items else len(self._items) - 1

    @property
    def current(self) -> T | None:
        return self._items[self._at] if self._items else None

    @property
    def can_go_back(self) -> bool:
        return self._at > 0

    @property
    def can_go_forward(self) -> bool:
        return self._at < len(self._items) - 1

    def __len__(self) -> int:
        return len(self._items)


def zoom_step(current: float, step: int) -> float:
    """The zoom `step` steps away from `current` (0 gives back 1.0, the actual size)."""
    if step == 0:
        return 1.0
    if step > 0:
        larger = [z for z in ZOOM_STEPS if z > current + 1e-6]
        return larger[min(step, len(larger)) - 1] if larger else ZOOM_STEPS[-1]
    smaller = [z for z in ZOOM_STEPS if z < current - 1e-6]
    return smaller[max(step, -len(smaller))] if smaller else ZOOM_STEPS[0]


# -- areas (F6) -------------------------------------------------------------------------------------


def takes_focus(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None)
    )


def focus_target(area: QWidget) -> QWidget | None:
    """The widget that gets the focus when F6 reaches `area`: the area itself, or the first widget
    inside it that Tab would reach (a panel holding a search field and a list gives its field)."""
    if not area.isVisible() or not area.isEnabled():
        return None
    if takes_focus(area):
        return area
    widget = area.nextInFocusChain()
    for _ in range(len(area.findChildren(QWidget)) * 2 + 2):  # the chain is a ring through the window
        if widget is area:
            break
        if area.isAncestorOf(widget) and takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def area_of(areas: Sequence[QWidget], widget: QWidget | None) -> int | None:
    """The index of the area holding `widget` (the area itself, a child, or its focus proxy)."""
    if widget is None:
        return None
    for index, area in enumerate(areas):
        if widget is area or area.isAncestorOf(widget) or area.focusProxy() is widget:
            return index
    return None


def next_area(areas: Sequence[QWidget], focused: QWidget | None, step: int) -> QWidget | None:
    """The area F6 (step 1) or Shift+F6 (step -1) moves to from the focused widget, skipping areas
    that are hidden; from outside every area, the first (or the last) one."""
    reachable = [area for area in areas if focus_target(area) is not None]
    if not reachable:
        return None
    index = area_of(reachable, focused)
    if index is None:
        return reachable[0] if step > 0 else reachable[-1]
    return reachable[(index + step) % len(reachable)]
