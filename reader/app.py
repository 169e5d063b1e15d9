"""Entry point: `transcript-reader` opens the window; `transcript-reader COMMAND …` runs the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The names that route to the command line (reader/cli.py); kept here so opening the window never
# imports the command line.
COMMANDS = ("import", "list", "show", "search", "link", "unlink", "annotations", "export", "backup", "restore")
DESKTOP_ENTRY_FLAGS = ("--install-desktop-entry", "--uninstall-desktop-entry")


def wants_command_line(argv: Sequence[str]) -> bool:
    """True when the arguments name a command (or ask for --version/--help) rather than the window."""
    if any(a in ("--version", "-h", "--help", *DESKTOP_ENTRY_FLAGS) for a in argv):
        return True
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg == "--library":
            skip_next = True
        elif not arg.startswith("-"):
            return arg in COMMANDS
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_command_line(argv):
        from reader.cli import run

        return run(argv)
    # The core before Qt: once PySide6 is imported it reads the source of every module imported after it
    # (to support its `__feature__` switches), ~15 ms of start-up for the core and what it imports.
    import reader.core.library  # noqa: F401
    from reader.ui.main_window import run_window

    return run_window(argv)
