"""The language toggle in the reading pane's header: one button per published language (EN | RU …).

A language in the library is a button that switches to it; one the page lists as published but that
is not in the library is a disabled button whose tooltip says so; one that was not published has no
button. The open version's button is checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from reader.core.model import VersionState
from reader.ui.lazy_qt import set_by_name


def language_name(code: str) -> str:
    """The language's name in the interface language ("Russian", "русский")."""
    names = {
        "en": QCoreApplication.translate("languages", "English"),
        "ru": QCoreApplication.translate("languages", "Russian"),
        "de": QCoreApplication.translate("languages", "German"),
        "fr": QCoreApplication.translate("languages", "French"),
        "es": QCoreApplication.translate("languages", "Spanish"),
        "zh": QCoreApplication.translate("languages", "Chinese"),
        "ar": QCoreApplication.translate("languages", "Arabic"),
        "pt": QCoreApplication.translate("languages", "Portuguese"),
    }
    return names.get(code, code.upper())


class LanguageToggle(QWidget):
    """EN | RU buttons; `language_chosen` carries the code of the version the reader asked for."""

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageToggle")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        self.current = ""

    def set_states(self, current: str, states: Sequence[tuple[str, VersionState]]) -> None:
        """One button per language in `states` (page order), `current` checked."""
        for button in self.buttons.values():
            self._group.removeButton(button)
            self._layout.removeWidget(button)  # at once: a deleteLater'd button still widens the layout
            button.hide()
            button.deleteLater()
        self.buttons = {}
        self.current = current
        if not any(language == current for language, _ in states):
            states = [(current, VersionState.IN_LIBRARY), *states]
        last = len(states) - 1
        for position, (language, state) in enumerate(states):
            button = QToolButton(self)
            button.setObjectName("languageButton")
            button.setText(language.upper())
            button.setCheckable(True)
            button.setAutoRaise(False)
            set_by_name(button, "toolButtonStyle", "ToolButtonTextOnly")
            button.setProperty("position", "only" if last == 0 else "first" if position == 0 else
                               "last" if position == last else "middle")  # fmt: skip
            button.setProperty("language", language)
            name = language_name(language)
            if language == current:
                button.setChecked(True)
                button.setToolTip(self.tr("You are reading the {language} version").format(language=name))
            elif state is VersionState.IN_LIBRARY:
                button.setToolTip(self.tr("Switch to the {language} version (L)").format(language=name))
            else:
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("Published in {language} on mid.ru, but that version is not in your library").format(
                        language=name
                    )
                )
            button.setAccessibleName(button.toolTip())
            button.clicked.connect(lambda _checked=False, code=language: self._clicked(code))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self.buttons[language] = button
        self.setVisible(bool(states))

    def switchable(self) -> list[str]:
        """The languages the reader can switch to, besides the current one."""
        return [code for code, button in self.buttons.items() if button.isEnabled() and code != self.current]

    def _clicked(self, code: str) -> None:
        if code == self.current:
            self.buttons[code].setChecked(True)  # a checked button clicked again stays checked
            return
        self.buttons[self.current].setChecked(True)  # until the switch has happened
        self.language_chosen.emit(code)
