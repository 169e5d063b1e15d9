"""Every command of the registry is an action of the real main window, and the window handles it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from reader.core.commands import commands
from reader.core.library import Library
from reader.ui.actions import HAS_HANDLER
from reader.ui.main_window import MainWindow

# Commands whose feature is not wired into the window yet (search, annotations, export, bilingual
# reading …): the window shows them disabled. Take an id out when its handler lands (the test fails
# both ways: a handled command still listed here, an unhandled one missing).
PENDING: frozenset[str] = frozenset()


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings):  # noqa: ANN201
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    return win


def test_every_command_is_an_action_of_the_window(window: MainWindow) -> None:
    actions = window.command_actions
    assert sorted(set(c.id for c in commands()) - set(actions)) == []
    portable = QKeySequence.SequenceFormat.PortableText
    for c in commands():  # a test's window has no user keymap: the defaults are in effect
        assert [k.toString(portable) for k in actions[c.id].shortcuts()] == list(c.keys), c.id


def test_every_command_has_a_handler(window: MainWindow) -> None:
    actions = window.command_actions
    unhandled = {c.id for c in commands() if not actions[c.id].property(HAS_HANDLER)}
    assert sorted(unhandled - PENDING) == [], "no handler: register one, or list the command in PENDING"
    assert sorted(PENDING - unhandled) == [], "these commands are handled now: take them out of PENDING"
    assert {c.id for c in commands()} >= PENDING
    assert not any(actions[i].isEnabled() for i in PENDING)  # shown, but greyed out until their feature lands


def test_register_handlers_takes_over_a_command(window: MainWindow) -> None:
    """A feature built later hooks its handler into the existing action (and its keys) by id."""
    ran: list[object] = []
    action = window.command_actions["view.language"]
    window.register_handlers({"view.language": lambda: ran.append("first")})
    assert action.isEnabled()
    window.register_handlers({"view.language": lambda: ran.append("second")})  # replaces, never both
    action.trigger()
    window.register_handlers({"view.side_by_side": ran.append})  # a toggle gets its new state
    window.command_actions["view.side_by_side"].trigger()
    assert ran == ["second", True]
    window.register_handlers({"view.language": None})
    assert not action.isEnabled()
    with pytest.raises(KeyError, match="search.fnd"):
        window.register_handlers({"search.fnd": lambda: None})
