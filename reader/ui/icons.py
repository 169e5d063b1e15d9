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
    "theme-sepia": "mdi6.book-open-variant",
    "link": "mdi6.link-variant",
    "unlink": "mdi6.link-variant-off",
    "about": "mdi6.information-outline",
    "transcript": "mdi6.text-box-outline",
    "archive": "mdi6.archive-outline",
    "error": "mdi6.alert-circle-outline",
    # the command registry's names (reader/core/commands.py)
    "annotations": "mdi6.comment-text-multiple-outline",
    "back": "mdi6.arrow-left",
    "backup": "mdi6.database-export-outline",
    "library": "mdi6.database-marker-outline",
    "bookmark": "mdi6.bookmark-outline",
    "contents": "mdi6.table-of-contents",
    "delete": "mdi6.delete-outline",
    "export": "mdi6.export",
    "find-in-page": "mdi6.file-find-outline",
    "forward": "mdi6.arrow-right",
    "full-screen": "mdi6.fullscreen",
    "highlight": "mdi6.marker",
    "import-annotations": "mdi6.import",
    "keyboard": "mdi6.keyboard-outline",
    "language": "mdi6.translate",
    "next-hit": "mdi6.chevron-down",
    "note": "mdi6.note-edit-outline",
    "palette": "mdi6.console-line",
    "preferences": "mdi6.cog-outline",
    "previous-hit": "mdi6.chevron-up",
    "print": "mdi6.printer-outline",
    "redo": "mdi6.redo",
    "search": "mdi6.magnify",
    "side-by-side": "mdi6.book-open-page-variant-outline",
    "tags": "mdi6.tag-multiple-outline",
    "undo": "mdi6.undo",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    "zoom-reset": "mdi6.magnify-remove-outline",
}


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The icon for `name` (a key of GLYPHS), drawn in `color` (the palette's text colour by default)."""
    import qtawesome

    options = {} if color is None else {"color": QColor(color)}
    return qtawesome.icon(GLYPHS[name], **options)
