"""Edit ▸ Link as versions…: pick the transcript that is the open one in another language.

The candidates are the library's transcripts in other languages, nearest in date first, narrowed by
typing. The library decides (`Library.link`); a refusal (itself, two of one language, a language the
document already has) is shown with the library's reason and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.fuzzy import fold
from reader.core.library import Library, LibraryError
from reader.core.model import TranscriptSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def candidates(summaries: Sequence[TranscriptSummary], current: TranscriptSummary) -> list[TranscriptSummary]:
    """Transcripts in another language than `current`, the nearest in publication date first."""
    day = current.published_date or dt.date.min

    def distance(s: TranscriptSummary) -> tuple[int, str]:
        other = s.published_date or dt.date.min
        return abs((other - day).days), s.title.casefold()

    return sorted((s for s in summaries if s.language != current.language and s.id != current.id), key=distance)


class LinkVersionsDialog(QDialog):
    """Choose the other version; OK links the two through the library."""

    def __init__(self, library: Library, current: TranscriptSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkVersionsDialog")
        self.library = library
        self.current = current
        self.linked_id: int | None = None
        self.setWindowTitle(self.tr("Link as versions"))
        intro = QLabel(
            self.tr("Choose the transcript that is “{title}” in another language.").format(title=current.title), self
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by title or date"))
        self.filter.setAccessibleName(self.tr("Filter the transcripts"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("linkCandidates")
        self.list.setAccessibleName(self.tr("Transcripts in other languages"))
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        for s in candidates(library.summaries(), current):
            date = s.published_date.isoformat() if s.published_date else "—"
            item = QListWidgetItem(f"{date}  ·  {s.language.upper()}  ·  {s.title}", self.list)
            item.setData(ID_ROLE, int(s.id))
            item.setToolTip(s.title)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._narrow)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.setFocus()
        self.resize(720, 480)

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(word in fold(item.text()) for word in words)
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        if first_shown is not None and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentItem(first_shown)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else int(item.data(ID_ROLE))

    def accept(self) -> None:
        other = self.chosen_id()
        if other is None:
            return
        try:
            self.library.link(self.current.id, other)
        except LibraryError as err:  # VersionLinkRefused: the library says why
            show_refusal(self, self.tr("These transcripts cannot be linked"), str(err))
            return
        self.linked_id = other
        super().accept()


def show_refusal(parent: QWidget, title: str, reason: str) -> QMessageBox:
    """A warning with the library's reason; non-blocking (tests and the window go on)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("versionRefusal")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(reason)
    box.setWindowTitle(QCoreApplication.translate("LinkVersionsDialog", "Language versions"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
