"""Light, dark and sepia themes: a palette, a stylesheet from resources/, and the reading pane's colours.

"system" follows the platform's colour scheme (QStyleHints.colorScheme) and keeps following it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.resources import resource_path
from reader.ui.lazy_qt import Qt

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


SYSTEM_SCHEME = "view/system_scheme"  # the platform's scheme as last seen, "dark" or "light"


def platform_scheme(app: QApplication) -> str:
    """ "dark" or "light", as the platform says now. Asking makes the Qt namespace (~30 ms, see
    reader/ui/lazy_qt.py), so start-up goes by the scheme last seen and asks after the first frame."""
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(choice: str, app: QApplication, system: str | None = None) -> str:
    """'light', 'dark' or 'sepia' for a theme choice; 'system' takes `system` (the platform's scheme
    as last seen) or, without it, asks the platform."""
    if choice in ("light", "dark", "sepia"):
        return choice
    return system if system in ("dark", "light") else platform_scheme(app)


def colours(choice: str, app: QApplication) -> Colours:
    return {"dark": DARK, "sepia": SEPIA}.get(resolve(choice, app), LIGHT)


def qt_arguments(argv: Sequence[str]) -> list[str]:
    """Arguments for a new QApplication: Fusion (the same widgets everywhere, and a style that honours a
    dark palette) unless the user chose a style. Choosing it by argument, not with app.setStyle(), keeps
    the Python QStyle type and its enums (~20 ms) off the start-up path."""
    chosen = os.environ.get("QT_STYLE_OVERRIDE") or any(a == "-style" or a.startswith("-style=") for a in argv)
    return list(argv) if chosen else [*argv[:1], "-style", "Fusion", *argv[1:]]


def apply(choice: str, app: QApplication, system: str | None = None) -> Colours:
    """Give the whole application the theme (`system`: see `resolve`); returns the colours for
    self-drawn parts."""
    name = resolve(choice, app, system)
    app.setPalette({"dark": _dark_palette, "sepia": _sepia_palette}.get(name, _light_palette)())
    if name in INDICATOR_RIMS:  # after the palette: setting it drops every class's own palette
        _outline_indicators(app, name)
    stylesheet = resource_path(f"{name}.qss")
    app.setStyleSheet(stylesheet.read_text(encoding="utf-8") if stylesheet.is_file() else "")
    return {"dark": DARK, "sepia": SEPIA}.get(name, LIGHT)


# Fusion draws the rim of a check box, a radio button and a ticked item in a list in the Window colour
# made darker: on the dark palette darker than the boxes themselves, so they vanish. These classes get a
# Window colour of their own, lighter by Fusion's factor, so the rim comes out in the theme's rim colour.
# None of them paints a background in Window (a list's unstyled frame turns grey too, as in the light
# theme; a list's header does paint in it, so it keeps the window's). A ticked menu entry with an icon
# shows the icon on a square in the Button colour, as dark as the menu there: menus get a lighter Button.
# Not a lighter Window: a combo box's list takes the menu's palette and fills its rows with Window.
# Light and sepia keep Fusion's own colours.
INDICATOR_RIMS = {"dark": "#7d828a"}  # 3.8:1 against the dark window, 4.4:1 against a list
_RIM_FACTORS = (  # class → 100 × how much darker than Window Fusion draws its rim
    ("QCheckBox", 127),  # Window.darker(140).lighter(110)
    ("QAbstractItemView", 127),  # a ticked item is a check box drawn with the view's palette
    ("QRadioButton", 150),  # Window.darker(150)
)
TICKED_ICON_BACKGROUNDS = {"dark": "#5a5f67"}


def _outline_indicators(app: QApplication, name: str) -> None:
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
    rim = QColor(INDICATOR_RIMS[name])
    for class_name, factor in _RIM_FACTORS:
        palette = QPalette(app.palette())
        for group in groups:
            palette.setColor(group, QPalette.ColorRole.Window, rim.lighter(factor))
        _set_class_palette(app, palette, class_name)
    _set_class_palette(app, app.palette(), "QHeaderView")
    menu = QPalette(app.palette())
    for group in groups:
        menu.setColor(group, QPalette.ColorRole.Button, QColor(TICKED_ICON_BACKGROUNDS[name]))
    _set_class_palette(app, menu, "QMenu")


def _set_class_palette(app: QApplication, palette: QPalette, class_name: str) -> None:
    app.setPalette(palette, class_name)  # type: ignore[arg-type]  # the stubs say bytes; it takes str only


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
