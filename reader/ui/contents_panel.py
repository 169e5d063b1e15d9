"""The contents panel (Ctrl+T): a briefing's sections, its topics apart from its answers to media
questions; for a transcript without sections, its questions. Click or Enter jumps to the entry, and
the entry the reader is in follows the scrolling."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.navigation import ContentsEntry, ContentsPart

PARAGRAPH_ROLE = Qt.ItemDataRole.UserRole + 1


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped titles: a tree sizes rows by one line and cuts long titles short."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.viewport().width() - depth * self.tree.indentation() - 8
        text = str(index.data() or "")
        if width <= 0 or not text:
            return size
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


class ContentsTree(QTreeWidget):
    """Enter on an entry jumps to it (a tree's Enter only activates when the platform says so)."""

    entered = Signal(QTreeWidgetItem)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the titles wrap anew at the new width

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
        self.tree.setWordWrap(True)  # long section titles wrap instead of being cut short
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
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
