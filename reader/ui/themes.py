"""Light, dark and sepia themes: a palette, a stylesheet from resources/, and the reading pane's colours.

"system" follows the platform's colour scheme (QStyleHints.colorScheme) and keeps following it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.resources import resource_path

THEMES = ("system", "light", "dark", "sepia")
THEME_TITLES = {"system": "System", "light": "Light", "dark": "Dark", "sepia": "Sepia"}


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours the widgets draw themselves (text formats cannot take them from a stylesheet)."""

    dark: bool
    accent: str  # marked calendar days, answer labels
    question_label: str
    answer_label: str
    question_background: str  # a tint behind questions, so they stand out from answers
    heading: str
    muted: str  # separators, secondary header text
    weekend: str  # Saturday and Sunday in the calendar


LIGHT = Colours(
    dark=False,
    accent="#1a5fb4",
    question_label="#a3400b",
    answer_label="#1a5fb4",
    question_background="#f6efe4",
    heading="#202124",
    muted="#6b6f76",
    weekend="#b3261e",
)

DARK = Colours(
    dark=True,
    accent="#78aeed",
    question_label="#f0a868",
    answer_label="#8cbcf2",
    question_background="#2e2a24",
    heading="#eceff1",
    muted="#9aa0a6",
    weekend="#ee9a92",
)


SEPIA = Colours(  # warm paper, for long reading: dark brown text, muted contrast (issue 3)
    dark=False,
    accent="#8a4b12",
    question_label="#9c3d10",
    answer_label="#5b4a8a",
    question_background="#eadfc6",
    heading="#3b2f22",
    muted="#7d6d58",
    weekend="#a8321f",
)


def resolve(choice: str, app: QApplication) -> str:
    """'light', 'dark' or 'sepia' for a theme choice; 'system' asks the platform."""
    if choice in ("light", "dark", "sepia"):
        return choice
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def colours(choice: str, app: QApplication) -> Colours:
    return {"dark": DARK, "sepia": SEPIA}.get(resolve(choice, app), LIGHT)


def qt_arguments(argv: Sequence[str]) -> list[str]:
    """Arguments for a new QApplication: Fusion (the same widgets everywhere, and a style that honours a
    dark palette) unless the user chose a style. Choosing it by argument, not with app.setStyle(), keeps
    the Python QStyle type and its enums (~20 ms) off the start-up path."""
    chosen = os.environ.get("QT_STYLE_OVERRIDE") or any(a == "-style" or a.startswith("-style=") for a in argv)
    return list(argv) if chosen else [*argv[:1], "-style", "Fusion", *argv[1:]]


def apply(choice: str, app: QApplication) -> Colours:
    """Give the whole application the theme; returns the colours for self-drawn parts."""
    name = resolve(choice, app)
    app.setPalette({"dark": _dark_palette, "sepia": _sepia_palette}.get(name, _light_palette)())
    stylesheet = resource_path(f"{name}.qss")
    app.setStyleSheet(stylesheet.read_text(encoding="utf-8") if stylesheet.is_file() else "")
    return {"dark": DARK, "sepia": SEPIA}.get(name, LIGHT)


def _light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#eff0f1",
        QPalette.ColorRole.WindowText: "#1f2124",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f5f6f7",
        QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1f2124",
        QPalette.ColorRole.PlaceholderText: "#80868b",
        QPalette.ColorRole.Text: "#1f2124",
        QPalette.ColorRole.Button: "#e8e9eb",
        QPalette.ColorRole.ButtonText: "#1f2124",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2f6fcf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1a5fb4",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e3e4e6",
        QPalette.ColorRole.Mid: "#c4c6c9",
        QPalette.ColorRole.Dark: "#a0a3a7",
        QPalette.ColorRole.Shadow: "#6d7075",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    _disable(p, "#9a9ea3")
    return p


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#26282b",
        QPalette.ColorRole.WindowText: "#e4e6e8",
        QPalette.ColorRole.Base: "#1c1d20",
        QPalette.ColorRole.AlternateBase: "#232528",
        QPalette.ColorRole.ToolTipBase: "#33363a",
        QPalette.ColorRole.ToolTipText: "#e4e6e8",
        QPalette.ColorRole.PlaceholderText: "#8a8f95",
        QPalette.ColorRole.Text: "#e4e6e8",
        QPalette.ColorRole.Button: "#313438",
        QPalette.ColorRole.ButtonText: "#e4e6e8",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#78aeed",
        QPalette.ColorRole.Light: "#45484d",
        QPalette.ColorRole.Midlight: "#3a3d41",
        QPalette.ColorRole.Mid: "#2c2e32",
        QPalette.ColorRole.Dark: "#17181a",
        QPalette.ColorRole.Shadow: "#0b0c0d",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    _disable(p, "#6e7379")
    return p


def _sepia_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#ebe1cc",
        QPalette.ColorRole.WindowText: "#3b2f22",
        QPalette.ColorRole.Base: "#f6efdf",
        QPalette.ColorRole.AlternateBase: "#efe5cf",
        QPalette.ColorRole.ToolTipBase: "#fbf5e6",
        QPalette.ColorRole.ToolTipText: "#3b2f22",
        QPalette.ColorRole.PlaceholderText: "#8c7b64",
        QPalette.ColorRole.Text: "#3b2f22",
        QPalette.ColorRole.Button: "#e3d7bd",
        QPalette.ColorRole.ButtonText: "#3b2f22",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#a0642a",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8a4b12",
        QPalette.ColorRole.Light: "#fbf6ea",
        QPalette.ColorRole.Midlight: "#e6dbc3",
        QPalette.ColorRole.Mid: "#c9b998",
        QPalette.ColorRole.Dark: "#a8977a",
        QPalette.ColorRole.Shadow: "#6f604b",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    _disable(p, "#a3937b")
    return p


def _disable(palette: QPalette, colour: str) -> None:
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
