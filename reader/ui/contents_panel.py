"""The contents panel (Ctrl+T): a briefing's sections, its topics apart from its answers to media
questions; for a transcript without sections, its questions. Click or Enter jumps to the entry, and
the entry the reader is in follows the scrolling."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.navigation import ContentsEntry, ContentsPart

PARAGRAPH_ROLE = Qt.ItemDataRole.UserRole + 1


class ContentsTree(QTreeWidget):
    """Enter on an entry jumps to it (a tree's Enter only activates when the platform says so)."""

    entered = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.entered.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class ContentsPanel(QWidget):
    """The entries of the open transcript; `paragraph_chosen` carries the paragraph to jump to."""

    paragraph_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsPanel")
        self.tree = ContentsTree(self)
        self.tree.setObjectName("contentsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("Contents of the transcript"))
        self.tree.itemClicked.connect(self._jump)
        self.tree.entered.connect(self._jump)
        self.empty = QLabel(self)
        self.empty.setObjectName("placeholder")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(self.tr("This transcript has no sections or questions to list."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.setFocusProxy(self.tree)
        self._starts: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self.show_entries([])

    def show_entries(self, entries: Sequence[ContentsEntry]) -> None:
        self.tree.clear()
        self._starts, self._items = [], []
        groups: dict[ContentsPart, QTreeWidgetItem] = {}
        parts = {entry.part for entry in entries}
        for entry in entries:
            parent: QTreeWidget | QTreeWidgetItem = self.tree
            if len(parts) > 1 or entry.part is ContentsPart.ANSWERS:
                if entry.part not in groups:
                    group = QTreeWidgetItem(self.tree, [self._part_title(entry.part)])
                    bold = QFont(group.font(0))
                    bold.setBold(True)
                    group.setFont(0, bold)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    group.setData(0, PARAGRAPH_ROLE, entry.paragraph)
                    groups[entry.part] = group
                parent = groups[entry.part]
            item = QTreeWidgetItem(parent, [entry.title])
            item.setToolTip(0, entry.title)
            item.setData(0, PARAGRAPH_ROLE, entry.paragraph)
            self._starts.append(entry.paragraph)
            self._items.append(item)
        self.tree.expandAll()
        self.tree.setVisible(bool(entries))
        self.empty.setVisible(not entries)

    def _part_title(self, part: ContentsPart) -> str:
        if part is ContentsPart.ANSWERS:
            return self.tr("Answers to media questions")
        if part is ContentsPart.QUESTIONS:
            return self.tr("Questions")
        return self.tr("Topics")

    def entry_count(self) -> int:
        return len(self._items)

    def item_at(self, index: int) -> QTreeWidgetItem:
        return self._items[index]

    def follow(self, paragraph: int) -> None:
        """Mark the entry the reader is in, without moving the focus or jumping."""
        k = bisect.bisect_right(self._starts, paragraph) - 1
        if 0 <= k < len(self._items) and self.tree.currentItem() is not self._items[k]:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(self._items[k])
            self.tree.blockSignals(False)

    def _jump(self, item: QTreeWidgetItem) -> None:
        paragraph = item.data(0, PARAGRAPH_ROLE)
        if paragraph is not None:
            self.paragraph_chosen.emit(int(paragraph))
