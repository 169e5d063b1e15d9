"""User text shown where Qt would guess rich text (tooltips): always as plain text, never as markup."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` as written: a title holding `<img src=…>` must not become an image."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
