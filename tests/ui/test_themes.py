"""The themes as drawn: check boxes, radio buttons, ticked list items and ticked menu icons must stand out
from what is behind them in the dark theme (Fusion draws their rims darker than the boxes there), and
leaving the dark theme must leave nothing of it behind. Measured on the pixels Qt paints."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui import themes

# WCAG 2.1 asks 3:1 of "graphical objects required to understand the content" against what is beside them.
RIM_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def strongest_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    """The contrast of the pixel in `rect` that stands out most from `background` (an empty box's rim)."""
    return max(
        contrast(image.pixelColor(x, y), background)
        for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1)
    )


@pytest.fixture
def fusion(qapp: QApplication) -> QApplication:
    if qapp.style().name().lower() != "fusion":
        qapp.setStyle("Fusion")  # as the app starts (themes.qt_arguments); conftest puts the style back
    return qapp


class Form(QWidget):
    """Unticked controls (a tick would be the most contrasting pixel, not the rim), as in the dialogs."""

    def __init__(self) -> None:
        super().__init__()
        self.check = QCheckBox("Include the other language’s paragraph", self)
        self.radio = QRadioButton("Весь архив", self)
        self.list = QListWidget(self)
        item = QListWidgetItem("red — contradiction", self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        layout = QVBoxLayout(self)
        for child in (self.check, self.radio, self.list):
            layout.addWidget(child)

    def rims(self) -> dict[str, float]:
        """Each indicator's rim contrast against what is behind it: the window, or the list's base."""
        image = self.grab().toImage()
        window = self.palette().color(self.backgroundRole())
        found = {}
        for name, button, element in (
            ("check box", self.check, QStyle.SubElement.SE_CheckBoxIndicator),
            ("radio button", self.radio, QStyle.SubElement.SE_RadioButtonIndicator),
        ):
            option = QStyleOptionButton()
            option.initFrom(button)
            rect = button.style().subElementRect(element, option, button).translated(button.pos())
            found[name] = strongest_contrast(image, rect, window)
        cell = self.list.visualRect(self.list.model().index(0, 0))
        box = QRect(cell.left(), cell.top(), cell.height(), cell.height())  # the tick box leads the row
        box.translate(self.list.viewport().mapTo(self, QPoint(0, 0)))
        base = self.list.palette().color(self.list.viewport().backgroundRole())
        found["ticked list item"] = strongest_contrast(image, box, base)
        return found


@pytest.fixture
def form(qtbot, fusion: QApplication) -> Form:  # noqa: ANN001
    widget = Form()
    qtbot.add_widget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_dark_theme_check_boxes_radio_buttons_and_list_ticks_have_a_visible_rim(qtbot, fusion, form) -> None:  # noqa: ANN001
    themes.apply("dark", fusion)
    qtbot.wait(10)
    rims = form.rims()
    assert all(value >= RIM_CONTRAST for value in rims.values()), rims


def test_light_and_sepia_keep_fusions_rims_and_nothing_of_the_dark_theme_stays(qtbot, fusion, form) -> None:  # noqa: ANN001
    for name in ("light", "sepia"):
        themes.apply(name, fusion)
        qtbot.wait(10)
        before = form.grab().toImage()
        assert min(form.rims().values()) > 1.4  # Fusion's own grey rim on light paper
        themes.apply("dark", fusion)
        qtbot.wait(10)
        themes.apply(name, fusion)
        qtbot.wait(10)
        assert form.grab().toImage() == before, f"{name} looks different after a visit to the dark theme"


def most_common(image: QImage, rect: QRect) -> QColor:
    counts = Counter(
        image.pixel(x, y) for y in range(rect.top(), rect.bottom() + 1) for x in range(rect.left(), rect.right() + 1)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


def ticked_icon_menu(qtbot) -> tuple[QMenu, QRect]:  # noqa: ANN001
    """A menu like View ▸ Theme: entries with icons, one ticked; returns the menu and the ticked icon's cell."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#e4e6e8"))
    painter.drawEllipse(5, 5, 6, 6)  # a small glyph: the square behind it shows around it
    painter.end()
    menu = QMenu()
    qtbot.add_widget(menu)
    for title, ticked in (("Light", False), ("Dark", True), ("Sepia", False)):
        action = menu.addAction(QIcon(pixmap), title)
        action.setCheckable(True)
        action.setChecked(ticked)
    menu.popup(QPoint(40, 40))
    qtbot.waitExposed(menu)
    row = menu.actionGeometry(menu.actions()[1])
    return menu, QRect(row.left(), row.top(), row.height(), row.height())


def test_dark_theme_a_ticked_menu_entry_shows_a_square_behind_its_icon(qtbot, fusion) -> None:  # noqa: ANN001
    themes.apply("dark", fusion)
    menu, cell = ticked_icon_menu(qtbot)
    image = menu.grab().toImage()
    unticked = menu.actionGeometry(menu.actions()[0])
    background = image.pixelColor(unticked.left() + 2, unticked.center().y())  # the menu itself, by the icon
    square = most_common(image, cell)  # the square's fill: the glyph is thin, the rims are short
    assert contrast(square, background) >= 2.0, (square.name(), background.name())


def test_dark_theme_combo_box_lists_stay_dark(qtbot, fusion) -> None:  # noqa: ANN001
    """Menus and combo box lists share a palette: the menus' change must not light up the lists."""
    themes.apply("dark", fusion)
    combo = QComboBox()
    combo.addItems(["System (follow the desktop)", "Light", "Dark", "Sepia"])
    combo.setCurrentIndex(2)
    qtbot.add_widget(combo)
    combo.show()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    image = view.window().grab().toImage()
    first_row = (
        view.visualRect(view.model().index(0, 0)).center().y() + view.viewport().mapTo(view.window(), QPoint(0, 0)).y()
    )
    behind_text = image.pixelColor(image.width() - 6, first_row)  # right of "System (follow the desktop)"
    combo.hidePopup()
    assert behind_text.lightness() < 60, behind_text.name()
