"""Entry point: `transcript-reader` opens the window; `transcript-reader COMMAND …` runs the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.cli import COMMANDS, DESKTOP_ENTRY_FLAGS


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
    from reader.ui.main_window import run_window

    return run_window(argv)
