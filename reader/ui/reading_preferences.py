"""Preferences ▸ Reading: the reading font (serif or sans, both with Cyrillic) and the interface
language (the system's, English or Russian; it applies at the next start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.ui import i18n


class ReadingPage(QWidget):
    def __init__(
        self, settings: QSettings, font_choice: str, set_font: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingPage")
        self.settings = settings
        self._set_font = set_font
        self.font_choice = QComboBox(self)
        self.font_choice.setObjectName("fontChoice")
        self.font_choice.addItem(self.tr("Sans serif (DejaVu Sans, Noto Sans)"), "sans")
        self.font_choice.addItem(self.tr("Serif (DejaVu Serif, Noto Serif)"), "serif")
        self.font_choice.setCurrentIndex(max(0, self.font_choice.findData(font_choice)))
        self.language_choice = QComboBox(self)
        self.language_choice.setObjectName("interfaceLanguage")
        self.language_choice.addItem(self.tr("As the system (English or Russian)"), "system")
        self.language_choice.addItem("English", "en")  # not translated: each language in its own name
        self.language_choice.addItem("Русский", "ru")  # not translated
        self.language_choice.setCurrentIndex(max(0, self.language_choice.findData(i18n.chosen_language(settings))))
        note = QLabel(self.tr("A new interface language applies the next time Transcript Reader starts."), self)
        note.setWordWrap(True)
        note.setObjectName("preferencesNote")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Reading &font:"), self.font_choice)
        form.addRow(self.tr("Interface &language:"), self.language_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def apply(self) -> None:
        self._set_font(str(self.font_choice.currentData()))
        self.settings.setValue(i18n.SETTING, str(self.language_choice.currentData()))
