"""Icons by name: the one place that knows which qtawesome glyph stands for what.

qtawesome costs ~0.2–0.4 s to import, so it is loaded on the first `icon()` call, which the window
makes only after it has been shown.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

GLYPHS: dict[str, str] = {
    "import": "mdi6.file-import-outline",
    "folder": "mdi6.folder-download-outline",
    "quit": "mdi6.exit-to-app",
    "calendar": "mdi6.calendar-month-outline",
    "latest": "mdi6.calendar-today",
    "sidebar": "mdi6.dock-left",
    "theme": "mdi6.theme-light-dark",
    "theme-system": "mdi6.monitor",
    "theme-light": "mdi6.white-balance-sunny",
    "theme-dark": "mdi6.weather-night",
    "about": "mdi6.information-outline",
    "transcript": "mdi6.text-box-outline",
    "archive": "mdi6.archive-outline",
    "error": "mdi6.alert-circle-outline",
}


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The icon for `name` (a key of GLYPHS), drawn in `color` (the palette's text colour by default)."""
    import qtawesome

    options = {} if color is None else {"color": QColor(color)}
    return qtawesome.icon(GLYPHS[name], **options)
