"""The cheat sheet (F1): every command with its keys, grouped by menu, searchable by name or by key.

Typing a key's name ("ctrl+g", "F3", "delete") shows the command on that key; other text filters by
title, menu and description. Enter or a double click on a row runs the command.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.commands import Command, InvalidKey, Keymap, command, commands, normalize_key
from reader.core.fuzzy import fold, match
from reader.ui.actions import key_text, tr
from reader.ui.keycaps import caps_width, paint_caps

ID_ROLE = Qt.ItemDataRole.UserRole
KEYS_ROLE = Qt.ItemDataRole.UserRole + 1  # the keys as the platform writes them
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2  # "Down in a list"
MIN_FUZZY_SCORE = 10.0  # below this a fuzzy match is letters scattered by chance ("fs" in "Preferences")

Index = QModelIndex | QPersistentModelIndex


class CheatSheetDelegate(QStyledItemDelegate):
    """Paints a row's keys as key caps, and menu headings (inert rows) in the normal text colour."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        if index.data(ID_ROLE) is None and index.column() == 0:  # a heading: not selectable, not greyed
            option.state |= QStyle.StateFlag.State_Enabled

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        keys = index.data(KEYS_ROLE)
        if keys is None:
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setFont(option.font)
        paint_caps(
            painter, option.rect.adjusted(4, 0, -4, 0), keys, option.palette, note=index.data(NOTE_ROLE) or "",
            selected=selected,
        )  # fmt: skip
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt override
        keys = index.data(KEYS_ROLE)
        if keys is None:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(caps_width(metrics, keys, index.data(NOTE_ROLE) or "") + 12, metrics.height() + 12)


def key_tree(parent: QWidget, name: str) -> QTreeWidget:
    """The two-column list of commands and their key caps, as the cheat sheet and Preferences show it."""
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setAccessibleName(tr("Commands and their keys"))
    tree.setColumnCount(2)
    tree.setHeaderLabels([tr("Command"), tr("Keys")])
    tree.setRootIsDecorated(False)
    tree.setItemsExpandable(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setItemDelegate(CheatSheetDelegate(tree))
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class CheatSheet(QDialog):
    def __init__(
        self,
        keymap: Keymap | None = None,
        actions: Mapping[str, QAction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.keymap = keymap or Keymap()
        self.actions = actions or {}

        self.search = QLineEdit(self)
        self.search.setObjectName("cheatSheetSearch")
        self.search.setPlaceholderText(tr("Search commands or keys (e.g. “zoom” or “Ctrl+G”)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search the keyboard shortcuts"))

        self.tree = key_tree(self, "cheatSheetTree")
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.empty = QLabel(self)
        self.empty.setObjectName("cheatSheetEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.note = QLabel(
            tr("Letters, digits, brackets and Del act while the focus is not in a text field. "
               "Ctrl+K finds any command by name."),
            self,
        )  # fmt: skip
        self.note.setObjectName("cheatSheetNote")
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note)

        self.search.textChanged.connect(self.filter)
        self.tree.itemActivated.connect(self._run_item)
        self.search.installEventFilter(self)
        self._fill()
        self.resize(620, 700)

    # -- content ---------------------------------------------------------------------------------

    def set_keymap(self, keymap: Keymap) -> None:
        """Show the keys after a rebinding."""
        self.keymap = keymap
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for c in commands():
            group = groups.get(c.category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [tr(c.category)])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable; disabled would grey its rows
                group.setFirstColumnSpanned(True)
                groups[c.category] = group
            item = QTreeWidgetItem(group, [tr(c.title), ""])
            keys = [key_text(k) for k in self._keys(c)]
            note = f"{', '.join(key_text(k) for k in c.native)} {tr('in a list')}" if c.native else ""
            item.setData(0, ID_ROLE, c.id)
            item.setData(1, KEYS_ROLE, keys)
            item.setData(1, NOTE_ROLE, note)
            item.setToolTip(0, tr(c.description))
            spoken = ", ".join(keys) + (f"; {note}" if note else "")
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, spoken or tr("no key"))
        self.tree.expandAll()
        self.filter(self.search.text())

    def _keys(self, c: Command) -> tuple[str, ...]:
        return self.keymap.keys_for(c.id) if c.id in self.keymap.defaults else c.keys

    # -- searching -------------------------------------------------------------------------------

    def filter(self, text: str) -> None:
        """Show only the commands matching `text`; categories left empty are hidden."""
        wanted_key = _as_key(text)
        if wanted_key is not None and not any(wanted_key in self._keys(c) + c.native for c in commands()):
            wanted_key = None  # "back" is also Qt's name of a media key no command uses: search the text
        words = fold(text).split()
        shown = 0
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible_in_group = 0
            for r in range(group.childCount()):
                item = group.child(r)
                c = command(str(item.data(0, ID_ROLE)))
                keys = self._keys(c)
                if wanted_key is not None:
                    hit = wanted_key in keys or wanted_key in c.native
                else:
                    hit = self._matches(c, keys, words, text)
                item.setHidden(not hit)
                visible_in_group += hit
            group.setHidden(visible_in_group == 0)
            shown += visible_in_group
        self.tree.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)
        if shown == 0:
            self.empty.setText(tr("No command matches “{}”.").format(text.strip()))
        self._select_first()

    def _matches(self, c: Command, keys: tuple[str, ...], words: list[str], text: str) -> bool:
        if not words:
            return True
        haystack = fold(" ".join([tr(c.title), tr(c.category), tr(c.description), *keys, *c.native]))
        if all(w in haystack for w in words):
            return True
        found = match(text, tr(c.title))
        return found is not None and found.score >= MIN_FUZZY_SCORE

    def visible_ids(self) -> list[str]:
        """The ids of the commands shown, in order (for tests and for Enter)."""
        ids = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group.isHidden():
                continue
            ids += [
                str(group.child(r).data(0, ID_ROLE)) for r in range(group.childCount()) if not group.child(r).isHidden()
            ]
        return ids

    def _select_first(self) -> None:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount()):
                if not group.isHidden() and not group.child(r).isHidden():
                    self.tree.setCurrentItem(group.child(r))
                    return

    # -- keys and running ------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        """Up, Down, PgUp, PgDown and Enter in the search field move in and run from the list."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QCoreApplication.sendEvent(self.tree, event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run_item(self.tree.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _run_item(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is None or item.data(0, ID_ROLE) is None:
            return
        action = self.actions.get(str(item.data(0, ID_ROLE)))
        if action is not None and action.isEnabled():
            self.accept()
            action.trigger()


def _as_key(text: str) -> str | None:
    """The key a search names, when it names one beyond a single character: "ctrl+g" → "Ctrl+G"."""
    stripped = text.strip()
    if len(stripped) < 2:
        return None
    try:
        key = normalize_key(stripped)
    except InvalidKey:
        return None
    return key
