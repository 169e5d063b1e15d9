"""Every command of the window as data: id, title, default keys, icon name, category, context.

The Qt layer (`reader/ui/actions.py`) turns each into a QAction and builds the menus, toolbar, cheat
sheet and command palette from this one list; the README's shortcut table is printed from it
(`python -m reader.core.commands --markdown`) and a test keeps the two equal. Keys are Qt's portable
key strings ("Ctrl+F", "Shift+F3", "Del"), in the form `QKeySequence.toString(PortableText)` gives
back, so a string compares equal to itself after a round trip through Qt.

Contexts say where a command's keys act, all inside the main window:
- "window": anywhere in it. A key that types text ("/") still goes to a text field that has focus.
- "reader": only while focus is not in an editable text field, whatever the key (letters, digits,
  `Del`, and also Ctrl+Z: in a note editor it undoes the typing, not the last annotation).

`native` keys are handled by the focused widget itself (Down/Up and Enter in a list): documented in
the cheat sheet and the README, never registered as shortcuts, not rebindable.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Context = Literal["window", "reader"]
CONTEXTS: tuple[Context, ...] = ("window", "reader")

CATEGORIES = ("File", "Edit", "View", "Go", "Search", "Annotate", "Help")
"""In menu-bar order; the cheat sheet and the README group by these too."""

KEYMAP_FORMAT = 1
KEYMAP_FILE = "shortcuts.json"


@dataclass(frozen=True, slots=True)
class Command:
    id: str  # "search.find": stable, used in settings and by the window's handler table
    title: str  # as the menu shows it, without a mnemonic "&"
    category: str  # one of CATEGORIES
    keys: tuple[str, ...] = ()  # default shortcuts, first one shown in menus
    icon: str = ""  # a name for reader/ui/icons.py; "" for none
    context: Context = "window"
    description: str = ""  # one line for tooltips, the status bar and the cheat sheet's search
    native: tuple[str, ...] = ()  # keys a focused widget handles itself (Down in a list)
    checkable: bool = False  # a toggle: the handler receives the new checked state
    group: str = ""  # checkable commands sharing a group are exclusive (the themes)
    submenu: str = ""  # shown in a submenu of its category's menu with this title


def _highlight_in_colour(n: int) -> Command:
    return Command(
        f"annotate.highlight_{n}",
        f"Highlight in colour {n}",
        "Annotate",
        (str(n),),
        context="reader",
        description=f"Highlight the selection in colour {n} of the legend",
        submenu="Highlight in colour",
    )


COMMANDS: tuple[Command, ...] = (
    # -- File
    Command("file.import_files", "Import files…", "File", ("Ctrl+I",), "import",
            description="Import saved mid.ru transcript text files"),
    Command("file.import_folder", "Import folder…", "File", ("Ctrl+Shift+I",), "folder",
            description="Import every .txt file in a folder and its subfolders"),
    Command("file.import_annotations", "Import annotations…", "File", (), "import-annotations",
            description="Read annotations from a native JSON or W3C Web Annotation file"),
    Command("file.export", "Export annotations…", "File", ("Ctrl+E",), "export",
            description="Export annotations as Markdown, CSV, JSON-LD, HTML or JSON"),
    Command("file.backup", "Back up library now…", "File", (), "backup",
            description="Save a copy of the whole library (safe while you work) to a file you choose"),
    Command("file.print", "Print…", "File", ("Ctrl+P",), "print",
            description="Print the open transcript or save it as PDF"),
    Command("file.quit", "Quit", "File", ("Ctrl+Q",), "quit", description="Quit Transcript Reader"),
    # -- Edit
    Command("edit.undo", "Undo", "Edit", ("Ctrl+Z",), "undo", "reader",
            description="Undo the last annotation change"),
    Command("edit.redo", "Redo", "Edit", ("Ctrl+Shift+Z",), "redo", "reader",
            description="Redo the annotation change just undone"),
    Command("edit.link_versions", "Link as versions…", "Edit", (), "link",
            description="Link the open transcript with another as language versions of one document"),
    Command("edit.unlink_versions", "Unlink versions", "Edit", (), "unlink",
            description="Take the open transcript out of its document's language versions"),
    Command("edit.preferences", "Preferences…", "Edit", ("Ctrl+,",), "preferences",
            description="Theme, language, reading font and keyboard shortcuts"),
    # -- View
    Command("view.sidebar", "Sidebar", "View", ("F9",), "sidebar", checkable=True,
            description="Show or hide the calendar sidebar"),
    Command("view.contents", "Contents", "View", ("Ctrl+T",), "contents", checkable=True,
            description="Show or hide the contents of a briefing"),
    Command("view.annotations", "Annotations panel", "View", ("Ctrl+Alt+A",), "annotations", checkable=True,
            description="Show or hide the annotations of the open transcript"),
    Command("view.language", "Switch language", "View", ("L",), "language", "reader",
            description="Show the other language version, at the same place"),
    # S for "side by side", next to L: both change what the reading pane shows, both single letters
    # in the reading context. F4 would be a lone function key with no mnemonic, a key press away from
    # Alt+F4 (close window) and the "address bar" key in some browsers.
    Command("view.side_by_side", "Side by side", "View", ("S",), "side-by-side", "reader", checkable=True,
            description="Show both language versions in two aligned columns"),
    Command("view.zoom_in", "Zoom in", "View", ("Ctrl+=", "Ctrl++"), "zoom-in",
            description="Larger reading text"),
    Command("view.zoom_out", "Zoom out", "View", ("Ctrl+-",), "zoom-out", description="Smaller reading text"),
    Command("view.zoom_reset", "Actual size", "View", ("Ctrl+0",), "zoom-reset",
            description="Reading text at its normal size"),
    Command("view.focus_next", "Next area", "View", ("F6",), "",
            description="Move the focus to the next area: calendar, list, transcript, panels"),
    Command("view.focus_previous", "Previous area", "View", ("Shift+F6",), "",
            description="Move the focus to the previous area"),
    Command("view.full_screen", "Full screen", "View", ("F11",), "full-screen", checkable=True,
            description="Fill the screen with the window"),
    Command("view.theme_system", "Theme: system", "View", (), "theme-system", checkable=True, group="theme",
            submenu="Theme", description="Follow the system's light or dark setting"),
    Command("view.theme_light", "Theme: light", "View", (), "theme-light", checkable=True, group="theme",
            submenu="Theme", description="Use the light theme"),
    Command("view.theme_dark", "Theme: dark", "View", (), "theme-dark", checkable=True, group="theme",
            submenu="Theme", description="Use the dark theme"),
    Command("view.theme_sepia", "Theme: sepia", "View", (), "theme-sepia", checkable=True, group="theme",
            submenu="Theme", description="Use the sepia theme: warm paper for long reading"),
    # -- Go
    Command("go.next_transcript", "Next transcript", "Go", ("J",), "", "reader", native=("Down",),
            description="Open the next transcript in the list"),
    Command("go.previous_transcript", "Previous transcript", "Go", ("K",), "", "reader", native=("Up",),
            description="Open the previous transcript in the list"),
    Command("go.open", "Open selected", "Go", (), "transcript", native=("Return",),
            description="Open what is chosen in a list and move to it: a transcript, a day, an annotation"),
    Command("go.next_day", "Next day", "Go", ("Ctrl+PgDown",), "",
            description="The next day that has transcripts"),
    Command("go.previous_day", "Previous day", "Go", ("Ctrl+PgUp",), "",
            description="The previous day that has transcripts"),
    Command("go.next_month", "Next month", "Go", ("Alt+PgDown",), "", description="The next month in the calendar"),
    Command("go.previous_month", "Previous month", "Go", ("Alt+PgUp",), "",
            description="The previous month in the calendar"),
    Command("go.latest", "Latest day", "Go", ("Alt+Home",), "latest",
            description="Today, or the latest day that has transcripts"),
    Command("go.back", "Back", "Go", ("Alt+Left",), "back", description="Back to what was open before"),
    Command("go.forward", "Forward", "Go", ("Alt+Right",), "forward", description="Forward again after going back"),
    Command("go.previous_turn", "Previous turn", "Go", ("[",), "", "reader",
            description="Move to the previous speaker's turn"),
    Command("go.next_turn", "Next turn", "Go", ("]",), "", "reader", description="Move to the next speaker's turn"),
    Command("go.previous_question", "Previous question", "Go", ("{",), "", "reader",
            description="Move to the previous question"),
    Command("go.next_question", "Next question", "Go", ("}",), "", "reader", description="Move to the next question"),
    Command("go.previous_section", "Previous section", "Go", ("(",), "", "reader",
            description="Move to the previous section of a briefing"),
    Command("go.next_section", "Next section", "Go", (")",), "", "reader",
            description="Move to the next section of a briefing"),
    # -- Search
    Command("search.find", "Find in archive", "Search", ("Ctrl+F", "/"), "search",
            description="Search every transcript, in English and Russian"),
    Command("search.find_in_transcript", "Find in transcript", "Search", ("Ctrl+Shift+F",), "find-in-page",
            description="Search the open transcript only"),
    Command("search.next_hit", "Next hit", "Search", ("F3", "Ctrl+G"), "next-hit",
            description="Go to the next place the search matched"),
    Command("search.previous_hit", "Previous hit", "Search", ("Shift+F3", "Ctrl+Shift+G"), "previous-hit",
            description="Go to the previous place the search matched"),
    Command("search.leave", "Leave search", "Search", ("Esc",), "", description="Clear the search and its marks"),
    # -- Annotate
    Command("annotate.select_paragraph", "Select paragraph", "Annotate", ("P",), "", "reader",
            description="Select the paragraph of the caret; again: add the next paragraph"),
    Command("annotate.highlight", "Highlight", "Annotate", ("H",), "highlight", "reader",
            description="Highlight the selection in the current colour"),
    *(_highlight_in_colour(n) for n in range(1, 10)),
    Command("annotate.note", "Note…", "Annotate", ("N",), "note", "reader",
            description="Add or edit the note of the highlight, paragraph or transcript"),
    Command("annotate.transcript_note", "Note on transcript…", "Annotate", ("Shift+N",), "", "reader",
            description="Add or edit your note on the whole transcript"),
    Command("annotate.tags", "Tags…", "Annotate", ("T",), "tags", "reader",
            description="Edit the tags of an annotation"),
    Command("annotate.bookmark", "Bookmark", "Annotate", ("B",), "bookmark", "reader",
            description="Set or remove a bookmark on the current paragraph"),
    Command("annotate.delete", "Delete annotation", "Annotate", ("Del",), "delete", "reader",
            description="Remove the annotation under the caret"),
    Command("annotate.all", "All annotations…", "Annotate", ("Ctrl+Shift+A",), "annotations",
            description="Every annotation in the library, filtered by words, colour, tag, language and date"),
    Command("annotate.legend", "Colour legend…", "Annotate", (), "",
            description="What each highlight colour means: edit the legend"),
    # -- Help
    Command("help.cheat_sheet", "Keyboard shortcuts", "Help", ("F1", "Ctrl+?"), "keyboard",
            description="Every command with its keys, searchable"),
    Command("help.palette", "Command palette", "Help", ("Ctrl+K", "Ctrl+Shift+P"), "palette",
            description="Type to find and run any command, open a transcript or go to a date"),
    Command("help.library", "Where is my library?", "Help", (), "library",
            description="Show the library file's path and open its folder"),
    Command("help.about", "About Transcript Reader", "Help", (), "about", description="Version and library"),
)  # fmt: skip

DEFAULT_TOOLBAR: tuple[str, ...] = (
    "file.import_files",
    "view.sidebar",
    "go.back",
    "go.forward",
    "go.latest",
    "search.find",
    "view.language",
    "view.side_by_side",
    "annotate.highlight",
    "annotate.note",
    "help.palette",
)
"""Toolbar contents in order; "" stands for a separator."""

MENU_SEPARATORS: frozenset[str] = frozenset(
    {
        "file.export",
        "file.print",
        "file.quit",
        "edit.link_versions",
        "edit.preferences",
        "view.language",
        "view.zoom_in",
        "view.focus_next",
        "view.full_screen",
        "go.open",
        "go.next_day",
        "go.back",
        "go.previous_turn",
        "search.next_hit",
        "search.leave",
        "annotate.note",
        "annotate.delete",
        "annotate.all",
        "help.about",
    }
)
"""Commands a menu separates from the one above them."""

_BY_ID = {c.id: c for c in COMMANDS}


def commands() -> tuple[Command, ...]:
    """Every command, grouped by category in menu order."""
    return COMMANDS


def command(command_id: str) -> Command:
    """The command with this id; KeyError names an unknown one."""
    try:
        return _BY_ID[command_id]
    except KeyError:
        raise KeyError(f"no command {command_id!r}") from None


def default_bindings() -> dict[str, tuple[str, ...]]:
    return {c.id: c.keys for c in COMMANDS}


# -- key strings -------------------------------------------------------------------------------------

_MODIFIERS = {"meta": "Meta", "ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift"}
_MODIFIER_ORDER = ("Meta", "Ctrl", "Alt", "Shift")  # Qt's own order in PortableText
_NAMED_KEYS = {
    name.lower(): name
    for name in (
        "Esc", "Tab", "Backtab", "Backspace", "Return", "Enter", "Ins", "Del", "Pause", "Print", "Home", "End",
        "Left", "Up", "Right", "Down", "PgUp", "PgDown", "Space", "Menu", "Help", "Back", "Forward",
    )
} | {f"f{n}": f"F{n}" for n in range(1, 36)}  # fmt: skip
_NAMED_KEYS |= {"escape": "Esc", "delete": "Del", "insert": "Ins", "page up": "PgUp", "page down": "PgDown"}
_CHORD = re.compile(r"\s*((?:(?:meta|ctrl|control|alt|shift)\+)*)(page up|page down|\w{2,}|.)", re.I)
_TYPING_NAMED = {"Del", "Backspace", "Space", "Return", "Enter"}


class InvalidKey(ValueError):
    """A key string that is not a Qt portable key sequence; the message says why, for people."""


def normalize_key(text: str) -> str:
    """The canonical portable form of a key sequence: "shift+ctrl+g" → "Ctrl+Shift+G".

    Raises InvalidKey (a ValueError) for a string that is no key: "", "Ctrl+", "Foo", five chords.
    """
    chords: list[str] = []
    rest = text
    while True:
        m = _CHORD.match(rest)
        if m is None or not rest.strip():
            raise InvalidKey(f"{text!r} is not a key: it ends without one" if chords else f"{text!r} names no key")
        modifiers = {_MODIFIERS[part.lower()] for part in m.group(1).split("+") if part}
        key = m.group(2)
        if len(key) > 1:
            named = _NAMED_KEYS.get(key.lower())
            if key.lower() in _MODIFIERS:
                raise InvalidKey(f"{text!r} has modifiers but no key")
            if named is None:
                raise InvalidKey(f"{text!r}: {key!r} is not a key name")
            key = named
        elif key.isspace():
            raise InvalidKey(f"{text!r} names no key")
        else:
            upper = key.upper()
            key = upper if len(upper) == 1 else key
        chords.append("+".join([*(mod for mod in _MODIFIER_ORDER if mod in modifiers), key]))
        rest = rest[m.end() :]
        if not rest.strip():
            break
        separator = re.match(r"\s*,\s*", rest)
        if separator is None:
            raise InvalidKey(f"{text!r}: write several keys in a sequence as 'Ctrl+K, Ctrl+S'")
        rest = rest[separator.end() :]
    if len(chords) > 4:
        raise InvalidKey(f"{text!r}: a key sequence has at most four keys")
    return ", ".join(chords)


def types_text(key: str) -> bool:
    """True for a key that, pressed in a text field, would type or delete text ("J", "/", "Shift+{", "Del")."""
    chord = normalize_key(key)
    if ", " in chord:
        return False
    modifiers, name = split_chord(chord)
    return not {"Ctrl", "Alt", "Meta"} & set(modifiers) and (len(name) == 1 or name in _TYPING_NAMED)


def split_chord(chord: str) -> tuple[tuple[str, ...], str]:
    """("Ctrl", "Shift"), "G" for "Ctrl+Shift+G"; the key "+" is kept whole ("Ctrl++")."""
    if chord.endswith("+") and (chord == "+" or chord.endswith("++")):
        return tuple(m for m in chord[:-2].split("+") if m), "+"
    *modifiers, name = chord.split("+")
    return tuple(modifiers), name


def _chords(key: str) -> tuple[str, ...]:
    return tuple(normalize_key(key).split(", "))


# -- conflicts ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two or more commands answering the same key where both act; `key` as the user would press it."""

    key: str
    ids: tuple[str, ...]

    def describe(self, titles: Mapping[str, str] | None = None) -> str:
        names = [(titles or {}).get(i) or _title_or_id(i) for i in self.ids]
        return f"{self.key} is used by " + " and ".join(names)


def _title_or_id(command_id: str) -> str:
    found = _BY_ID.get(command_id)
    return found.title if found else command_id


def contexts_overlap(a: str, b: str) -> bool:
    """Whether keys in context a and b can both be live at once. "window" and "reader" both cover the
    main window's widgets, so today every pair overlaps; a later context for another window would not."""
    return a == b or "window" in (a, b)


def conflicts(bindings: Mapping[str, Sequence[str]], contexts: Mapping[str, str] | None = None) -> list[Conflict]:
    """Keys bound to more than one command in overlapping contexts, and keys that begin a longer
    sequence of another command (Qt would wait for the second key and make the first one slow).

    `bindings` maps command id → keys; `contexts` id → context (the registry's by default).
    """
    context_of = dict(contexts) if contexts is not None else {c.id: c.context for c in COMMANDS}
    by_chords: dict[tuple[str, ...], list[str]] = {}
    for command_id, keys in bindings.items():
        for key in dict.fromkeys(_chords(k) for k in keys):
            by_chords.setdefault(key, []).append(command_id)
    found: list[Conflict] = []
    for chords, ids in by_chords.items():
        for n in range(1, len(chords)):  # a shorter sequence that is a prefix of this one
            ids = ids + [i for i in by_chords.get(chords[:n], []) if i not in ids]
        clashing = _overlapping(ids, context_of)
        if len(clashing) > 1:
            found.append(Conflict(", ".join(chords), tuple(clashing)))
    return sorted(found, key=lambda c: (c.key, c.ids))


def _overlapping(ids: list[str], context_of: Mapping[str, str]) -> list[str]:
    """The ids that share a context with at least one other id of the list."""
    return [
        a
        for a in ids
        if any(b != a and contexts_overlap(context_of.get(a, "window"), context_of.get(b, "window")) for b in ids)
    ]


# -- the user's keymap ----------------------------------------------------------------------------


class KeymapError(ValueError):
    """A stored keymap that cannot be read; the message is for people."""


class Keymap:
    """The keys in effect: the registry's defaults with the user's overrides on top, kept apart so a
    reset restores the default and a later version's new defaults reach users who never changed them."""

    def __init__(
        self,
        defaults: Mapping[str, Sequence[str]] | None = None,
        overrides: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        source = default_bindings() if defaults is None else defaults
        self._defaults = {i: tuple(normalize_key(k) for k in keys) for i, keys in source.items()}
        self._overrides: dict[str, tuple[str, ...]] = {}
        for command_id, keys in (overrides or {}).items():
            self.set_keys(command_id, keys)

    @property
    def defaults(self) -> dict[str, tuple[str, ...]]:
        return dict(self._defaults)

    @property
    def overrides(self) -> dict[str, tuple[str, ...]]:
        """Only what the user changed; an empty tuple means the user cleared the keys."""
        return dict(self._overrides)

    def keys_for(self, command_id: str) -> tuple[str, ...]:
        self._known(command_id)
        return self._overrides.get(command_id, self._defaults[command_id])

    def is_default(self, command_id: str) -> bool:
        self._known(command_id)
        return command_id not in self._overrides

    def bindings(self) -> dict[str, tuple[str, ...]]:
        return {i: self.keys_for(i) for i in self._defaults}

    def set_keys(self, command_id: str, keys: Iterable[str]) -> None:
        """Bind the command to these keys (none clears it). Keys equal to the defaults drop the override."""
        self._known(command_id)
        normal = tuple(dict.fromkeys(normalize_key(k) for k in keys))
        if normal == self._defaults[command_id]:
            self._overrides.pop(command_id, None)
        else:
            self._overrides[command_id] = normal

    def reset(self, command_id: str) -> None:
        self._known(command_id)
        self._overrides.pop(command_id, None)

    def reset_all(self) -> None:
        self._overrides.clear()

    def conflicts(self) -> list[Conflict]:
        return conflicts(self.bindings())

    def conflicts_if(self, command_id: str, keys: Iterable[str]) -> list[Conflict]:
        """The conflicts involving this command were it bound to `keys`: shown before a rebinding is saved."""
        self._known(command_id)
        trial = self.bindings()
        trial[command_id] = tuple(normalize_key(k) for k in keys)
        return [c for c in conflicts(trial) if command_id in c.ids]

    def command_for(self, key: str) -> str | None:
        """The id of the command bound to this key, if any (the first in registry order)."""
        wanted = normalize_key(key)
        return next((i for i, keys in self.bindings().items() if wanted in keys), None)

    def to_json(self) -> dict[str, Any]:
        return {"format": KEYMAP_FORMAT, "overrides": {i: list(keys) for i, keys in sorted(self._overrides.items())}}

    @classmethod
    def from_json(cls, data: object, defaults: Mapping[str, Sequence[str]] | None = None) -> Keymap:
        """A keymap from `to_json()` output. Overrides of commands that no longer exist are dropped (a
        later version may remove one); a malformed document raises KeymapError."""
        if not isinstance(data, dict) or not isinstance(data.get("overrides", {}), dict):
            raise KeymapError("the keyboard shortcuts file is not a keymap")
        if data.get("format", KEYMAP_FORMAT) != KEYMAP_FORMAT:
            raise KeymapError(f"the keyboard shortcuts file has format {data.get('format')!r}, not {KEYMAP_FORMAT}")
        keymap = cls(defaults)
        for command_id, keys in data.get("overrides", {}).items():
            if command_id not in keymap._defaults:
                continue
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                raise KeymapError(f"the keys of {command_id!r} are not a list of key strings")
            try:
                keymap.set_keys(command_id, keys)
            except ValueError as err:
                raise KeymapError(f"{command_id}: {err}") from None
        return keymap

    @classmethod
    def load(cls, path: Path, defaults: Mapping[str, Sequence[str]] | None = None) -> Keymap:
        """The keymap stored at `path`; the defaults when there is no file yet."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(defaults)
        except OSError as err:
            raise KeymapError(f"{path} could not be read: {err.strerror or err}") from None
        try:
            data = json.loads(text)
        except ValueError as err:
            raise KeymapError(f"{path} is not valid JSON: {err}") from None
        return cls.from_json(data, defaults)

    def save(self, path: Path) -> None:
        """Write the overrides to `path` atomically (a temporary file renamed over the old one)."""
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".shortcuts-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self.to_json(), out, ensure_ascii=False, indent=2)
                out.write("\n")
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _known(self, command_id: str) -> None:
        if command_id not in self._defaults:
            raise KeyError(f"no command {command_id!r}")


def keymap_path() -> Path:
    """Where the window keeps the user's shortcuts: a small JSON file next to its other settings."""
    from reader.core.resources import settings_dir

    return settings_dir() / KEYMAP_FILE


# -- the README table ------------------------------------------------------------------------------


def markdown_table(keymap: Keymap | None = None) -> str:
    """The shortcut table for the README: every command with its keys, grouped by category."""
    keymap = keymap or Keymap()
    rows = ["| menu | command | keys |", "|---|---|---|"]
    for c in COMMANDS:
        keys = " or ".join(f"`{k}`" for k in keymap.keys_for(c.id))
        if c.native:
            natives = ", ".join(f"`{k}`" for k in c.native)
            keys = f"{keys}; {natives} in a list" if keys else f"{natives} in a list"
        rows.append(f"| {c.category} | {c.title} | {keys or '—'} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args != ["--markdown"]:
        print("usage: python -m reader.core.commands --markdown", file=sys.stderr)
        return 2
    print(markdown_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
