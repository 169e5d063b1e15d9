"""The command registry: the README's shortcut table, conflicts, valid keys, and the user's keymap."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.core.commands import (
    CATEGORIES,
    DEFAULT_TOOLBAR,
    MENU_SEPARATORS,
    Conflict,
    InvalidKey,
    Keymap,
    KeymapError,
    command,
    commands,
    conflicts,
    default_bindings,
    markdown_table,
    normalize_key,
    types_text,
)
from tests.conftest import ROOT


def readme_shortcut_table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "### Keyboard shortcuts" in text, "the README has no 'Keyboard shortcuts' section"
    section = text.split("### Keyboard shortcuts", 1)[1]
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append(line)
    return "\n".join(table)


def test_readme_table_is_the_registry():
    assert readme_shortcut_table() == markdown_table(), (
        "README.md's shortcut table differs from the registry: paste the output of "
        "`python -m reader.core.commands --markdown` into its 'Keyboard shortcuts' section"
    )


def test_markdown_command_prints_the_table():
    done = subprocess.run(
        [sys.executable, "-m", "reader.core.commands", "--markdown"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0
    assert done.stdout.strip() == markdown_table()
    assert "| Search | Find in archive | `Ctrl+F` or `/` |" in done.stdout
    wrong = subprocess.run([sys.executable, "-m", "reader.core.commands"], capture_output=True, text=True, cwd=ROOT)
    assert wrong.returncode == 2 and "--markdown" in wrong.stderr


def test_no_two_commands_share_a_key():
    assert conflicts(default_bindings()) == []


def test_every_command_is_described():
    ids = [c.id for c in commands()]
    assert len(ids) == len(set(ids))
    for c in commands():
        assert c.title.strip() and c.description.strip(), c.id
        assert c.category in CATEGORIES, c.id
        assert c.id.split(".")[0] == c.category.lower(), f"{c.id} is filed under {c.category}"
        assert c.context in ("window", "reader"), c.id
        assert not c.group or c.checkable, f"{c.id}: only toggles form an exclusive group"


def test_commands_come_in_menu_order():
    order = [CATEGORIES.index(c.category) for c in commands()]
    assert order == sorted(order)


def test_the_issues_keys_are_the_defaults():
    expected = {
        "search.find": ("Ctrl+F", "/"),
        "search.next_hit": ("F3", "Ctrl+G"),
        "search.previous_hit": ("Shift+F3", "Ctrl+Shift+G"),
        "search.leave": ("Esc",),
        "go.next_transcript": ("J",),
        "go.previous_transcript": ("K",),
        "go.next_day": ("Ctrl+PgDown",),
        "go.previous_day": ("Ctrl+PgUp",),
        "go.next_month": ("Alt+PgDown",),
        "go.previous_month": ("Alt+PgUp",),
        "go.latest": ("Alt+Home",),
        "go.back": ("Alt+Left",),
        "go.forward": ("Alt+Right",),
        "go.previous_turn": ("[",),
        "go.next_turn": ("]",),
        "go.previous_question": ("{",),
        "go.next_question": ("}",),
        "view.language": ("L",),
        "view.zoom_in": ("Ctrl+=", "Ctrl++"),
        "view.zoom_out": ("Ctrl+-",),
        "view.zoom_reset": ("Ctrl+0",),
        "annotate.highlight": ("H",),
        "annotate.highlight_1": ("1",),
        "annotate.highlight_9": ("9",),
        "annotate.note": ("N",),
        "annotate.tags": ("T",),
        "annotate.bookmark": ("B",),
        "annotate.delete": ("Del",),
        "edit.undo": ("Ctrl+Z",),
        "edit.redo": ("Ctrl+Shift+Z",),
        "view.sidebar": ("F9",),
        "view.contents": ("Ctrl+T",),
        "view.annotations": ("Ctrl+Alt+A",),
        "view.focus_next": ("F6",),
        "view.focus_previous": ("Shift+F6",),
        "view.full_screen": ("F11",),
        "file.export": ("Ctrl+E",),
        "file.import_files": ("Ctrl+I",),
        "file.print": ("Ctrl+P",),
        "file.quit": ("Ctrl+Q",),
        "edit.preferences": ("Ctrl+,",),
        "help.cheat_sheet": ("F1", "Ctrl+?"),
        "help.palette": ("Ctrl+K", "Ctrl+Shift+P"),
    }
    assert {i: command(i).keys for i in expected} == expected
    assert command("go.open").native == ("Return",)


def test_single_keys_act_only_outside_text_fields():
    """A command reachable only by keys that type text would fire while the user types: it must be a
    "reader" command (the window's guard keeps those keys in text fields)."""
    for c in commands():
        if c.keys and all(types_text(k) for k in c.keys):
            assert c.context == "reader", c.id


def test_every_key_is_a_qt_portable_key_sequence():
    QKeySequence = pytest.importorskip("PySide6.QtGui").QKeySequence  # noqa: N806
    portable = QKeySequence.SequenceFormat.PortableText
    for c in commands():
        for key in (*c.keys, *c.native):
            assert QKeySequence(key).toString(portable) == key, f"{c.id}: {key!r} is not a portable key string"
            assert normalize_key(key) == key


@pytest.mark.parametrize(
    "typed",
    ["shift+ctrl+g", "alt+ctrl+a", "ctrl++", "Ctrl+Page Down", "escape", "delete", "insert", "ж", "f11",
     "ctrl+k,ctrl+s", "Meta+Shift+Alt+Ctrl+X", "Shift++", "+", "Ctrl+,"],
)  # fmt: skip
def test_the_core_writes_keys_as_qt_does(typed):
    QKeySequence = pytest.importorskip("PySide6.QtGui").QKeySequence  # noqa: N806
    assert normalize_key(typed) == QKeySequence(typed).toString(QKeySequence.SequenceFormat.PortableText)


@pytest.mark.parametrize("bad", ["", "  ", "Ctrl+", "Ctrl+Shift", "Foo", "Ctrl+Foo", "Жук", "A B", "A,B,C,D,E"])
def test_a_string_that_is_no_key_is_refused_with_a_reason(bad):
    with pytest.raises(InvalidKey) as refused:
        normalize_key(bad)
    assert str(refused.value)


def test_conflicts_are_found_across_contexts_and_sequence_prefixes():
    bindings = {"search.find": ("Ctrl+F",), "file.export": ("ctrl+f",), "view.language": ("L",)}
    assert conflicts(bindings) == [Conflict("Ctrl+F", ("search.find", "file.export"))]
    # a reader key and a window key are both live in the window
    assert conflicts({"view.language": ("L",), "file.export": ("L",)}) == [
        Conflict("L", ("view.language", "file.export"))
    ]
    # Ctrl+K alone would wait for a second key if Ctrl+K, Ctrl+E were bound too
    found = conflicts({"help.palette": ("Ctrl+K",), "file.export": ("Ctrl+K, Ctrl+E",)})
    assert found == [Conflict("Ctrl+K, Ctrl+E", ("file.export", "help.palette"))]
    # contexts that never meet (say, a key inside another dialog) do not clash
    assert conflicts({"a": ("F2",), "b": ("F2",)}, contexts={"a": "reader", "b": "dialog"}) == []
    assert found[0].describe() == "Ctrl+K, Ctrl+E is used by Export annotations… and Command palette"


def test_overrides_are_kept_apart_from_the_defaults():
    keymap = Keymap()
    keymap.set_keys("file.export", ["ctrl+shift+e"])
    keymap.set_keys("view.language", [])
    assert keymap.keys_for("file.export") == ("Ctrl+Shift+E",)
    assert keymap.keys_for("view.language") == ()
    assert keymap.overrides == {"file.export": ("Ctrl+Shift+E",), "view.language": ()}
    assert keymap.defaults["file.export"] == ("Ctrl+E",)
    keymap.set_keys("file.export", ["Ctrl+E"])  # back to the default: no override left
    assert keymap.is_default("file.export") and "file.export" not in keymap.overrides
    keymap.reset("view.language")
    assert keymap.keys_for("view.language") == ("L",)
    keymap.set_keys("file.print", ["F12"])
    keymap.set_keys("file.quit", ["Ctrl+W"])
    keymap.reset_all()
    assert keymap.bindings() == default_bindings()
    with pytest.raises(KeyError):
        keymap.set_keys("no.such", ["F2"])
    with pytest.raises(ValueError):
        keymap.set_keys("file.print", ["Ctrl+"])
    assert keymap.keys_for("file.print") == ("Ctrl+P",)


def test_a_conflict_is_known_before_the_rebinding_is_saved():
    keymap = Keymap()
    assert keymap.conflicts_if("file.export", ["Ctrl+F"]) == [Conflict("Ctrl+F", ("file.export", "search.find"))]
    assert keymap.keys_for("file.export") == ("Ctrl+E",)  # nothing changed yet
    assert keymap.conflicts_if("file.export", ["Ctrl+Shift+E"]) == []
    assert keymap.command_for("ctrl+f") == "search.find"


def test_keymap_survives_a_file_round_trip(tmp_path):
    path = tmp_path / "config" / "shortcuts.json"
    assert Keymap.load(path).bindings() == default_bindings()  # no file yet
    keymap = Keymap()
    keymap.set_keys("file.export", ["Ctrl+Shift+E", "F12"])
    keymap.set_keys("annotate.note", [])
    keymap.save(path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {"format": 1, "overrides": {"annotate.note": [], "file.export": ["Ctrl+Shift+E", "F12"]}}
    again = Keymap.load(path)
    assert again.bindings() == keymap.bindings()
    assert [p.name for p in path.parent.iterdir()] == ["shortcuts.json"]  # no temporary file left


def test_a_stored_override_of_a_removed_command_is_dropped():
    keymap = Keymap.from_json({"format": 1, "overrides": {"gone.command": ["F2"], "file.print": ["F12"]}})
    assert keymap.overrides == {"file.print": ("F12",)}


@pytest.mark.parametrize(
    "text",
    ["[1, 2]", '{"overrides": []}', '{"format": 9, "overrides": {}}', '{"overrides": {"file.print": "F12"}}',
     '{"overrides": {"file.print": ["Ctrl+"]}}', "not json"],
)  # fmt: skip
def test_a_broken_keymap_file_says_what_is_wrong(tmp_path, text):
    path = tmp_path / "shortcuts.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KeymapError) as refused:
        Keymap.load(path)
    assert str(refused.value)


def test_toolbar_and_menu_separators_name_real_commands():
    ids = {c.id for c in commands()}
    assert set(DEFAULT_TOOLBAR) - {""} <= ids
    assert ids >= MENU_SEPARATORS


def test_registry_and_matcher_load_no_qt():
    code = (
        "import sys, reader.core.commands, reader.core.fuzzy; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'qtawesome'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
