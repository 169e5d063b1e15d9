"""The command registry as Qt actions: one QAction per command, the menus, the toolbar, icons later.

Every action gets its keys from the keymap and `Qt.WindowShortcut`; it is added to the window itself,
so its keys work with the menu bar hidden (full screen). Keys that must not fire while the user types
are kept out by `TextFieldGuard`, an event filter that sits only on the focused editable text field and
claims the key (accepts Qt's ShortcutOverride) for the field when:
- the key types or deletes text (no Ctrl/Alt/Meta: "J", "/", "{", Del), whatever the command; or
- the key belongs to a "reader" command (Ctrl+Z undoes the typing in a note, not the last annotation).
Chosen over `Qt.WidgetWithChildrenShortcut` on the reading pane because the single keys must also
work from the list and the calendar (j/k, L), and because a user's own binding ("E" for export) is
covered without the user knowing about contexts. Qt's QLineEdit already claims most typing keys;
the guard makes the rule hold for every editable field and for the modifier keys of "reader" commands.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from reader.core.commands import CATEGORIES, DEFAULT_TOOLBAR, MENU_SEPARATORS, Command, Keymap, commands
from reader.ui.lazy_qt import Qt

Handler = Callable[..., object]

COMMAND_ID = "commandId"  # the QAction property holding the command's id
HAS_HANDLER = "hasHandler"  # False for a command the window does not handle (yet): the action is disabled
HANDLER = "handler"  # the Python callable the action runs, replaced by set_handler

NATIVE = QKeySequence.SequenceFormat.NativeText


def tr(text: str) -> str:
    """Command titles, descriptions and menu names pass through Qt's translation here."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("commands", text)


def key_text(key: str) -> str:
    """A portable key string as the platform writes it (Ctrl+F; ⌘F on macOS)."""
    return QKeySequence(key).toString(NATIVE)


def keys_text(keys: Sequence[str], native: Sequence[str] = ()) -> str:
    """ "Ctrl+F, /" — with keys a list handles itself: "J, Down in a list"."""
    shown = ", ".join(key_text(k) for k in keys)
    if native:
        listed = ", ".join(key_text(k) for k in native)
        shown = f"{shown}; {listed} {tr('in a list')}" if shown else f"{listed} {tr('in a list')}"
    return shown


def build_actions(
    parent: QWidget,
    handlers: Mapping[str, Handler],
    keymap: Keymap | None = None,
    *,
    registry: Iterable[Command] | None = None,
) -> dict[str, QAction]:
    """A QAction for every command, keyed by command id, added to `parent` (the main window).

    `handlers` maps command id → a callable taking no arguments, or the new checked state for a
    checkable command. A command without a handler gets a disabled action (and `hasHandler` False),
    so menus stay complete while the window grows; `set_handler` gives it one later. A
    `TextFieldGuard` is installed for the window.
    """
    keymap = keymap or Keymap()
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for c in registry if registry is not None else commands():
        action = QAction(tr(c.title), parent)
        action.setObjectName(f"action:{c.id}")
        action.setProperty(COMMAND_ID, c.id)
        action.setProperty("context", c.context)
        action.setStatusTip(tr(c.description))
        action.setMenuRole(_menu_role(c.id))
        if c.checkable:
            action.setCheckable(True)
        if c.group:
            if c.group not in groups:
                groups[c.group] = QActionGroup(parent)
                groups[c.group].setExclusive(True)
            groups[c.group].addAction(action)
        action.triggered.connect(lambda checked=False, a=action: _run_handler(a, checked))
        set_handler(action, handlers.get(c.id))
        actions[c.id] = action
    apply_keymap(actions, keymap, registry=registry)
    parent.addActions(list(actions.values()))
    TextFieldGuard(parent, actions)
    return actions


def set_handler(action: QAction, handler: Handler | None) -> None:
    """Make the action run `handler` (replacing the one before) and enable it; None disables it.

    The action is connected once, to a call of whatever its handler property holds, so a feature
    built later can take over a command without disconnecting Qt signals."""
    action.setProperty(HANDLER, handler)
    action.setProperty(HAS_HANDLER, handler is not None)
    action.setEnabled(handler is not None)


def _run_handler(action: QAction, checked: bool) -> None:
    handler = action.property(HANDLER)
    if handler is None:
        return
    if action.isCheckable():
        handler(checked)
    else:
        handler()


def apply_keymap(actions: Mapping[str, QAction], keymap: Keymap, *, registry: Iterable[Command] | None = None) -> None:
    """Give the actions the keymap's keys, with tooltips naming them; call again after a rebinding."""
    for c in registry if registry is not None else commands():
        action = actions.get(c.id)
        if action is None:
            continue
        keys = keymap.keys_for(c.id) if c.id in keymap.defaults else c.keys
        action.setShortcuts([QKeySequence(k) for k in keys])
        shown = keys_text(keys, c.native)
        title = tr(c.title).removesuffix("…")
        action.setToolTip(f"{title} ({shown})" if shown else title)


def command_of(action: QAction) -> str:
    return str(action.property(COMMAND_ID) or "")


def _menu_role(command_id: str) -> QAction.MenuRole:
    roles = {
        "file.quit": QAction.MenuRole.QuitRole,
        "edit.preferences": QAction.MenuRole.PreferencesRole,
        "help.about": QAction.MenuRole.AboutRole,
    }
    return roles.get(command_id, QAction.MenuRole.NoRole)


# -- menus and toolbar --------------------------------------------------------------------------------


def populate_menus(
    menubar: QMenuBar, actions: Mapping[str, QAction], *, registry: Iterable[Command] | None = None
) -> dict[str, QMenu]:
    """One menu per category in menu-bar order, commands in registry order, with mnemonics, the
    registry's separators, and submenus (Theme, Highlight in colour). Returns category → menu."""
    menus: dict[str, QMenu] = {}
    submenus: dict[tuple[str, str], QMenu] = {}
    used: dict[QMenu, set[str]] = {}
    menu_titles = _with_mnemonics([tr(c) for c in CATEGORIES])
    for c in registry if registry is not None else commands():
        action = actions.get(c.id)
        if action is None:
            continue
        if c.category not in menus:
            menu = menubar.addMenu(menu_titles[CATEGORIES.index(c.category)])
            menu.setObjectName(f"menu{c.category}")
            menus[c.category] = menu
            used[menu] = set()
        menu = menus[c.category]
        if c.id in MENU_SEPARATORS and menu.actions():
            menu.addSeparator()
        if c.submenu:
            key = (c.category, c.submenu)
            if key not in submenus:
                sub = menu.addMenu(_mnemonic(tr(c.submenu), used[menu]))
                sub.setObjectName(f"submenu:{c.submenu}")
                submenus[key] = sub
                used[sub] = set()
            target = submenus[key]
            title = tr(c.title)
            prefix = f"{tr(c.submenu)}: "
            if title.startswith(prefix):  # "Theme: dark" reads "Dark" in the Theme menu
                title = title[len(prefix) :].capitalize()
            action.setText(_mnemonic(title, used[target]))
            target.addAction(action)
        else:
            action.setText(_mnemonic(tr(c.title), used[menu]))
            menu.addAction(action)
    return menus


def populate_toolbar(toolbar: QToolBar, actions: Mapping[str, QAction], ids: Sequence[str] = DEFAULT_TOOLBAR) -> None:
    """The toolbar's buttons in the registry's order; "" is a separator."""
    for command_id in ids:
        if not command_id:
            toolbar.addSeparator()
        elif command_id in actions:
            toolbar.addAction(actions[command_id])


def _with_mnemonics(titles: Sequence[str]) -> list[str]:
    used: set[str] = set()
    return [_mnemonic(t, used) for t in titles]


def _mnemonic(title: str, used: set[str]) -> str:
    """The title with "&" before its first letter not yet taken in this menu (a word start if possible)."""
    escaped = title.replace("&", "&&")
    starts = [i for i, ch in enumerate(title) if ch.isalnum() and (i == 0 or not title[i - 1].isalnum())]
    others = [i for i, ch in enumerate(title) if ch.isalnum() and i not in starts]
    for i in starts + others:
        letter = title[i].lower()
        if letter not in used:
            used.add(letter)
            offset = title[:i].count("&")  # each "&" before it became "&&"
            return escaped[: i + offset] + "&" + escaped[i + offset :]
    return escaped


# -- icons ------------------------------------------------------------------------------------------


def load_icons(actions: Mapping[str, QAction], colour: QColor | str | None = None) -> list[str]:
    """Give each action its icon (qtawesome is imported here, not at start-up). Returns the icon
    names the registry uses that reader/ui/icons.py does not know yet."""
    from reader.ui.icons import GLYPHS, icon

    missing = []
    for c in commands():
        action = actions.get(c.id)
        if action is None or not c.icon:
            continue
        if c.icon in GLYPHS:
            action.setIcon(icon(c.icon, colour))
        elif c.icon not in missing:
            missing.append(c.icon)
    return missing


# -- keys stay in text fields -------------------------------------------------------------------------


def is_text_field(widget: QWidget | None) -> bool:
    """An editable text field: where a plain key types a character."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QKeySequenceEdit)


class TextFieldGuard(QObject):
    """Keeps typing keys, and every key of a "reader" command, in the focused editable text field of
    the window (see the module docstring). It filters only that one widget, never the whole app."""

    def __init__(self, window: QWidget, actions: Mapping[str, QAction]) -> None:
        super().__init__(window)
        self.setObjectName("textFieldGuard")
        self._window = window
        self._actions = actions
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the widget may already be gone
                self._watched.removeEventFilter(self)
            self._watched = None
        if new is not None and is_text_field(new) and new.window() is self._window.window():
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self.claims(event):
            event.accept()  # the key goes to the field as a normal key press; no shortcut fires
            return True
        return False

    def claims(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if modifiers == Qt.KeyboardModifier.NoModifier:
            text = event.text()
            if (text and text.isprintable()) or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                return True
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions.values():
            if action.property("context") != "reader":
                continue
            for shortcut in action.shortcuts():
                if pressed.matches(shortcut) != QKeySequence.SequenceMatch.NoMatch:  # also a first key of two
                    return True
        return False
