"""Edit ▸ Preferences (Ctrl+,): pages listed on the left, the chosen page on the right.

"General" holds the theme; "Keyboard" lists every command with its keys, where a key can be added,
removed, cleared or reset, and a key another command already uses is refused with the reason shown
before anything is saved. Nothing takes effect until OK or Apply; then each page's `apply()` runs.

Other features add their own page with `add_page(title, widget)`; a page widget may define
`apply() -> bool | None`, called on OK and Apply (return False to keep the dialog open).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.commands import Command, Conflict, InvalidKey, Keymap, command, commands, normalize_key
from reader.core.fuzzy import fold
from reader.ui.actions import key_text, tr
from reader.ui.cheat_sheet import ID_ROLE, KEYS_ROLE, NOTE_ROLE, key_tree
from reader.ui.themes import THEME_TITLES, THEMES

PORTABLE = QKeySequence.SequenceFormat.PortableText


class PreferencesDialog(QDialog):
    """The preferences window; build it, `add_page` any feature pages, then `open()` it."""

    applied = Signal()  # after every page applied its changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(tr("Preferences"))
        self.pages_list = QListWidget(self)
        self.pages_list.setObjectName("preferencesPages")
        self.pages_list.setAccessibleName(tr("Preference pages"))
        self.pages_list.setFixedWidth(140)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("preferencesStack")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.pages_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.pages_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.resize(820, 600)

    def add_page(self, title: str, widget: QWidget) -> None:
        """Add a page under `title`; its `apply()`, if it has one, runs on OK and Apply."""
        widget.setParent(self.stack)
        widget.setAccessibleName(title)
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        metrics = self.pages_list.fontMetrics()
        item.setSizeHint(QSize(metrics.horizontalAdvance(title) + 24, metrics.height() + 14))
        self.pages_list.addItem(item)
        self.pages_list.setFixedWidth(max(140, metrics.horizontalAdvance(title) + 40, self.pages_list.width()))
        if self.pages_list.currentRow() < 0:
            self.pages_list.setCurrentRow(0)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes from the page list through the shown page to OK, Cancel and Apply (a page added
        later would otherwise come after the buttons; hidden pages are skipped by Qt)."""
        order: list[QWidget] = [self.pages_list]
        for container in [*(self.stack.widget(i) for i in range(self.stack.count())), self.buttons]:
            if container.focusPolicy() & Qt.FocusPolicy.TabFocus:
                order.append(container)
            widget = container.nextInFocusChain()
            while container.isAncestorOf(widget):
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    order.append(widget)
                widget = widget.nextInFocusChain()
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def page(self, title: str) -> QWidget | None:
        for row in range(self.pages_list.count()):
            if self.pages_list.item(row).text() == title:
                return self.stack.widget(row)
        return None

    def show_page(self, title: str) -> None:
        for row in range(self.pages_list.count()):
            if self.pages_list.item(row).text() == title:
                self.pages_list.setCurrentRow(row)
                return
        raise KeyError(f"no preferences page {title!r}")

    def apply(self) -> bool:
        """Apply every page in order; False (and the dialog stays) when a page refuses."""
        for index in range(self.stack.count()):
            apply: Callable[[], object] | None = getattr(self.stack.widget(index), "apply", None)
            if apply is not None and apply() is False:
                self.pages_list.setCurrentRow(index)
                return False
        self.applied.emit()
        return True

    def _ok(self) -> None:
        if self.apply():
            self.accept()


# -- General ------------------------------------------------------------------------------------------


class GeneralPage(QWidget):
    """The theme, applied on OK or Apply through `set_theme`."""

    def __init__(self, theme: str, set_theme: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generalPage")
        self._set_theme = set_theme
        self._theme = theme
        # A list, not radio buttons: Fusion draws radio circles nearly invisible on a dark palette.
        self.theme_choice = QComboBox(self)
        self.theme_choice.setObjectName("themeChoice")
        for name in THEMES:
            title = tr("System (follow the desktop)") if name == "system" else tr(THEME_TITLES.get(name, name))
            self.theme_choice.addItem(title, name)
        self.theme_choice.setCurrentIndex(max(0, self.theme_choice.findData(theme)))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(tr("&Theme:"), self.theme_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)

    def choose_theme(self, name: str) -> None:
        self.theme_choice.setCurrentIndex(self.theme_choice.findData(name))

    def chosen_theme(self) -> str:
        return str(self.theme_choice.currentData() or self._theme)

    def apply(self) -> None:
        chosen = self.chosen_theme()
        if chosen != self._theme:
            self._theme = chosen
            self._set_theme(chosen)


# -- Keyboard -----------------------------------------------------------------------------------------


class KeyboardPage(QWidget):
    """Every command with its keys; the chosen command's keys below, to add, remove, clear or reset.

    Changes go into a copy of the keymap; `apply()` hands the copy to `save` (the window stores it
    and gives the actions their new keys)."""

    def __init__(self, keymap: Keymap, save: Callable[[Keymap], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardPage")
        self.keymap = Keymap(keymap.defaults, keymap.overrides)
        self._save = save
        self._saved = keymap.overrides
        self._items: dict[str, QTreeWidgetItem] = {}

        self.search = QLineEdit(self)
        self.search.setObjectName("keyboardSearch")
        self.search.setPlaceholderText(tr("Filter by command or key (e.g. “zoom” or “Ctrl+G”)"))
        self.search.setAccessibleName(tr("Filter the commands"))
        self.search.setClearButtonEnabled(True)

        self.tree = key_tree(self, "keyboardTree")

        self.editor = QGroupBox(self)
        self.editor.setObjectName("keyEditor")
        self.key_list = QListWidget(self.editor)
        self.key_list.setObjectName("commandKeys")
        self.key_list.setAccessibleName(tr("Keys of the chosen command"))
        self.key_list.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.recorder = QKeySequenceEdit(self.editor)
        self.recorder.setObjectName("keyRecorder")
        self.recorder.setAccessibleName(tr("Press the new key"))
        self.recorder.setMaximumSequenceLength(1)
        for part in (self.recorder, *self.recorder.findChildren(QLineEdit)):  # its field takes the keys
            part.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab must not land in it: it would record Tab
        self.recorder.hide()
        self.recording_hint = QLabel(tr("Press the new key (Esc cancels)…"), self.editor)
        self.recording_hint.setObjectName("recordingHint")
        self.recording_hint.hide()
        self.add_button = QPushButton(tr("Add &key…"), self.editor)
        self.remove_button = QPushButton(tr("&Remove key"), self.editor)
        self.clear_button = QPushButton(tr("C&lear"), self.editor)
        self.reset_button = QPushButton(tr("Reset to &default"), self.editor)
        for button, name in (
            (self.add_button, "addKey"),
            (self.remove_button, "removeKey"),
            (self.clear_button, "clearKeys"),
            (self.reset_button, "resetKeys"),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
        self.native_label = QLabel(self.editor)
        self.native_label.setObjectName("nativeKeys")
        self.native_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.warning = QLabel(self.editor)
        self.warning.setObjectName("keyWarning")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.warning.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.warning.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.warning.hide()
        self.message = QLabel(self.editor)
        self.message.setObjectName("keyMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(tr("Key message"))

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.clear_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        keys_row = QHBoxLayout()
        keys_column = QVBoxLayout()
        keys_column.addWidget(self.key_list)
        keys_column.addWidget(self.recording_hint)
        keys_column.addWidget(self.recorder)
        keys_column.addWidget(self.native_label)
        keys_row.addLayout(keys_column, 1)
        keys_row.addLayout(buttons)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(keys_row)
        message_row = QHBoxLayout()
        message_row.addWidget(self.warning)
        message_row.addWidget(self.message, 1)
        editor_layout.addLayout(message_row)

        self.reset_all_button = QPushButton(tr("Reset all to de&faults"), self)
        self.reset_all_button.setObjectName("resetAllKeys")
        self.reset_all_button.setAutoDefault(False)
        note = QLabel(tr("Commands in bold have keys you changed. Letters and digits act only while "
                         "the focus is not in a text field."), self)  # fmt: skip
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.reset_all_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.editor)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.filter)
        self.tree.currentItemChanged.connect(lambda *_: self._show_command())
        self.add_button.clicked.connect(self.start_recording)
        self.remove_button.clicked.connect(self.remove_key)
        self.clear_button.clicked.connect(self.clear_keys)
        self.reset_button.clicked.connect(self.reset_keys)
        self.reset_all_button.clicked.connect(self.reset_all)
        self.recorder.editingFinished.connect(self._recorded)
        for part in (self.recorder, *self.recorder.findChildren(QLineEdit)):
            part.installEventFilter(self)
        self.search.installEventFilter(self)
        self._fill()

    # -- the list ------------------------------------------------------------------------------------

    def _fill(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for c in commands():
            group = groups.get(c.category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [tr(c.category)])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                groups[c.category] = group
            item = QTreeWidgetItem(group, [tr(c.title), ""])
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(0, tr(c.description))
            self._items[c.id] = item
            self._update_item(c)
        self.tree.expandAll()
        self._select(next(iter(self._items)))

    def _update_item(self, c: Command) -> None:
        item = self._items[c.id]
        keys = [key_text(k) for k in self.keymap.keys_for(c.id)]
        note = f"{', '.join(key_text(k) for k in c.native)} {tr('in a list')}" if c.native else ""
        item.setData(1, KEYS_ROLE, keys)
        item.setData(1, NOTE_ROLE, note)
        changed = not self.keymap.is_default(c.id)
        font = QFont(self.tree.font())
        font.setBold(changed)
        item.setFont(0, font)
        spoken = ", ".join(keys) or tr("no key")
        if changed:
            spoken += ", " + tr("changed")
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, spoken)

    def filter(self, text: str) -> None:
        """Show the commands whose title, menu or keys hold every typed word, or that use the typed key."""
        try:
            wanted_key = normalize_key(text.strip()) if len(text.strip()) > 1 else None
        except InvalidKey:
            wanted_key = None
        words = fold(text).split()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown = 0
            for r in range(group.childCount()):
                item = group.child(r)
                c = command(str(item.data(0, ID_ROLE)))
                keys = self.keymap.keys_for(c.id)
                haystack = fold(" ".join([tr(c.title), tr(c.category), *keys, *(key_text(k) for k in keys)]))
                hit = (wanted_key is not None and wanted_key in keys) or all(w in haystack for w in words)
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            visible = [i for i, item in self._items.items() if not item.isHidden()]
            if visible:
                self._select(visible[0])

    def _select(self, command_id: str) -> None:
        self.tree.setCurrentItem(self._items[command_id])

    def current_command(self) -> Command | None:
        item = self.tree.currentItem()
        command_id = item.data(0, ID_ROLE) if item is not None else None
        return command(str(command_id)) if command_id else None

    def select_command(self, command_id: str) -> None:
        """Choose a command (its keys appear below), clearing a filter that hides it."""
        if self._items[command_id].isHidden():
            self.search.clear()
        self._select(command_id)

    # -- the chosen command --------------------------------------------------------------------------

    def _say(self, message: str, *, refused: bool = False) -> None:
        """A line under the keys: what happened, with a warning sign when a change was refused."""
        self.message.setText(message)
        self.warning.setVisible(refused and bool(message))

    def _show_command(self, message: str = "", *, refused: bool = False) -> None:
        c = self.current_command()
        self.key_list.clear()
        enabled = c is not None
        for widget in (self.add_button, self.remove_button, self.clear_button, self.reset_button):
            widget.setEnabled(enabled)
        if c is None:
            self.editor.setTitle(tr("Keys"))
            self.native_label.clear()
            self._say(message, refused=refused)
            return
        self.editor.setTitle(tr("Keys of “{}”").format(tr(c.title)))
        keys = self.keymap.keys_for(c.id)
        for key in keys:
            self.key_list.addItem(key_text(key))
        if keys:
            self.key_list.setCurrentRow(0)
        self.remove_button.setEnabled(bool(keys))
        self.clear_button.setEnabled(bool(keys))
        self.reset_button.setEnabled(not self.keymap.is_default(c.id))
        defaults = ", ".join(key_text(k) for k in self.keymap.defaults[c.id]) or tr("none")
        native = f"{', '.join(key_text(k) for k in c.native)} {tr('in a list')} · " if c.native else ""
        self.native_label.setText(f"{native}{tr('Default')}: {defaults}")
        self._say(message, refused=refused)

    def keys(self, command_id: str) -> tuple[str, ...]:
        return self.keymap.keys_for(command_id)

    def add_key(self, key: str) -> bool:
        """Add `key` to the chosen command unless another command uses it; the message says which."""
        c = self.current_command()
        if c is None:
            return False
        try:
            normal = normalize_key(key)
        except InvalidKey as err:
            self._show_command(tr("That key cannot be used: {}").format(err), refused=True)
            return False
        keys = self.keymap.keys_for(c.id)
        if normal in keys:
            self._show_command(tr("{} is already a key of this command.").format(key_text(normal)), refused=True)
            return False
        found = self.keymap.conflicts_if(c.id, [*keys, normal])
        if found:
            reasons = "; ".join(conflict_text(conflict, c.id) for conflict in found)
            self._show_command(
                tr("Not added: {}. Choose another key, or remove it from that command first.").format(reasons),
                refused=True,
            )
            return False
        self.keymap.set_keys(c.id, [*keys, normal])
        self._update_item(c)
        self._show_command(tr("{} added.").format(key_text(normal)))
        return True

    def remove_key(self) -> None:
        c = self.current_command()
        row = self.key_list.currentRow()
        if c is None or row < 0:
            return
        keys = list(self.keymap.keys_for(c.id))
        removed = keys.pop(row)
        self.keymap.set_keys(c.id, keys)
        self._update_item(c)
        self._show_command(tr("{} removed.").format(key_text(removed)))

    def clear_keys(self) -> None:
        c = self.current_command()
        if c is None:
            return
        self.keymap.set_keys(c.id, [])
        self._update_item(c)
        self._show_command(tr("No key now: the command stays in its menu and the command palette."))

    def reset_keys(self) -> None:
        c = self.current_command()
        if c is None:
            return
        conflicts = self.keymap.conflicts_if(c.id, self.keymap.defaults[c.id])
        if conflicts:
            reasons = "; ".join(conflict_text(conflict, c.id) for conflict in conflicts)
            self._show_command(tr("Not reset: {}.").format(reasons), refused=True)
            return
        self.keymap.reset(c.id)
        self._update_item(c)
        self._show_command(tr("Back to the default keys."))

    def reset_all(self) -> None:
        self.keymap.reset_all()
        for c in commands():
            self._update_item(c)
        self._show_command(tr("Every command has its default keys again (saved on OK or Apply)."))

    # -- recording a key ---------------------------------------------------------------------------

    def start_recording(self) -> None:
        """Show the key recorder and give it the keyboard: the next key pressed is added."""
        if self.current_command() is None:
            return
        self.recorder.clear()
        self._say("")
        self.recording_hint.show()
        self.recorder.show()
        self.recorder.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_recording(self) -> None:
        self.recorder.hide()
        self.recording_hint.hide()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _recorded(self) -> None:
        if not self.recorder.isVisible():
            return
        sequence = self.recorder.keySequence()
        self._stop_recording()
        if not sequence.isEmpty():
            self.add_key(sequence.toString(PORTABLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            recording = watched is self.recorder or self.recorder.isAncestorOf(watched)  # type: ignore[arg-type]
            if recording and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._stop_recording()  # Esc cancels; Tab is no shortcut, it moves the focus
                return True
            if watched is self.search and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                self.tree.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    # -- saving --------------------------------------------------------------------------------------

    def apply(self) -> bool:
        """Hand the keymap to the window if it changed; refused while two commands share a key."""
        remaining = self.keymap.conflicts()
        if remaining:
            self._say(tr("Not saved: {}.").format("; ".join(conflict_text(c) for c in remaining)), refused=True)
            return False
        if self.keymap.overrides != self._saved:
            self._save(Keymap(self.keymap.defaults, self.keymap.overrides))
            self._saved = self.keymap.overrides
        return True


def conflict_text(conflict: Conflict, own: str | None = None) -> str:
    """ "Ctrl+K is already used by “Command palette”": the key as the platform writes it, and the
    commands on it other than `own`, by title."""
    others = [i for i in conflict.ids if i != own] or list(conflict.ids)
    names = f" {tr('and')} ".join(f"“{tr(command(i).title)}”" for i in others)
    if own is None:
        return tr("{key} is used by {names}").format(key=key_text(conflict.key), names=names)
    return tr("{key} is already used by {names}").format(key=key_text(conflict.key), names=names)
