"""The speaker filter: show only one speaker's turns, or dim everyone else's.

A button in the reading pane's header opens a menu of the transcript's speakers. Hiding and dimming
work on the pane's blocks (visibility and text colour), never on its text, so the document's plain
text stays equal to `Transcript.text` and offsets into it stay valid. Headings stay visible in "only"
mode: they tell the reader where the remaining turns are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit, QToolButton, QWidget

from reader.core.model import ParagraphKind, Transcript
from reader.core.navigation import paragraphs_of_speaker
from reader.ui.lazy_qt import set_by_name

FILTERED_STATE = 7  # QTextBlock.userState of blocks the filter changed: a refilled document has none


class FilterMode(StrEnum):
    ONLY = "only"
    DIM = "dim"


@dataclass(frozen=True, slots=True)
class SpeakerChoice:
    speaker: str
    mode: FilterMode


def kept_paragraphs(t: Transcript, speaker: str) -> set[int]:
    """What "only this speaker" leaves on screen: the speaker's turns and the section headings."""
    kept = paragraphs_of_speaker(t, speaker)
    kept |= {i for i, p in enumerate(t.paragraphs) if p.kind is ParagraphKind.HEADING}
    return kept


def apply_filter(edit: QTextEdit, t: Transcript, choice: SpeakerChoice, muted: QColor) -> None:
    """Hide or dim every paragraph of the pane (paragraph i is block 2·i) not in the choice's turns."""
    document = edit.document()
    kept = (
        kept_paragraphs(t, choice.speaker)
        if choice.mode is FilterMode.ONLY
        else paragraphs_of_speaker(t, choice.speaker)
    )
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    dim = QTextCharFormat()
    dim.setForeground(muted)
    previous_shown = False
    for i in range(len(t.paragraphs)):
        block = document.findBlockByNumber(2 * i)
        if not block.isValid():
            break
        shown = i in kept
        if choice.mode is FilterMode.ONLY:
            block.setVisible(shown)
            spacer = block.previous()
            if i and spacer.isValid():  # the blank line above: kept only between two shown paragraphs
                spacer.setVisible(shown and previous_shown)
                spacer.setUserState(FILTERED_STATE)
        elif not shown:
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(dim)
        block.setUserState(FILTERED_STATE)
        if shown:
            previous_shown = True
    cursor.endEditBlock()
    if choice.mode is FilterMode.ONLY:
        document.markContentsDirty(0, document.characterCount())


def is_filtered(edit: QTextEdit) -> bool:
    """Whether the pane's document still carries the filter (a refill for a theme or zoom drops it)."""
    return edit.document().firstBlock().userState() == FILTERED_STATE


class SpeakerFilterButton(QToolButton):
    """ "Speakers ▾": everyone, only one speaker, or dim all but one."""

    choice_changed = Signal(object)  # SpeakerChoice | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerFilterButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        set_by_name(self, "toolButtonStyle", "ToolButtonTextOnly")
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.choice: SpeakerChoice | None = None
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.set_speakers([])

    def set_speakers(self, speakers: Sequence[str]) -> None:
        """A new transcript: its speakers, and the filter back to everyone."""
        self.menu_.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        self.choice = None
        everyone = self._add(self.tr("All speakers"), None)
        everyone.setChecked(True)
        for mode, heading in (
            (FilterMode.ONLY, self.tr("Show only")),
            (FilterMode.DIM, self.tr("Dim all but")),
        ):
            self.menu_.addSection(heading)
            for speaker in speakers:
                self._add(speaker, SpeakerChoice(speaker, mode))
        self.setEnabled(len(speakers) > 1)
        self._update_text()

    def _add(self, text: str, choice: SpeakerChoice | None) -> QAction:
        action = self.menu_.addAction(text)
        action.setCheckable(True)
        action.setData(choice)
        self._group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
        return action

    def choose(self, choice: SpeakerChoice | None) -> None:
        self.choice = choice
        for action in self._group.actions():
            if action.data() == choice:
                action.setChecked(True)
        self._update_text()
        self.choice_changed.emit(choice)

    def _update_text(self) -> None:
        if self.choice is None:
            self.setText(self.tr("Speakers"))
            self.setToolTip(self.tr("Show only one speaker's turns, or dim the others"))
        elif self.choice.mode is FilterMode.ONLY:
            self.setText(self.tr("Only {speaker}").format(speaker=self.choice.speaker))
            self.setToolTip(self.tr("Showing only the turns of {speaker}").format(speaker=self.choice.speaker))
        else:
            self.setText(self.tr("Dim all but {speaker}").format(speaker=self.choice.speaker))
            self.setToolTip(self.tr("Turns of other speakers are dimmed"))
        active = self.choice is not None
        if bool(self.property("active")) != active:  # restyle only on a change: at start-up there is none,
            self.setProperty("active", active)  # and the first style() costs ~20 ms (the QStyle type's enums)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setAccessibleName(self.toolTip())
