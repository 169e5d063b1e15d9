"""Benchmark of the keyboard layer: what a keystroke in the command palette costs, and what building the
actions and menus adds to start-up.

    .venv/bin/python -m tests.bench.palette_bench [--titles 20000]

Prints medians in milliseconds. Numbers taken while other work runs on the machine are noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

PATTERNS_COMMANDS = ("z", "zi", "next q", "find in archive", "пере")
PATTERNS_TITLES = ("лав", "лавров", "interview lavrov", "brief", "zakharova 2021", "санкц", "qqq")


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    start = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])
    qt_ms = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    from reader.core.commands import Keymap, commands
    from reader.ui.actions import build_actions, populate_menus, populate_toolbar

    import_ms = (time.perf_counter() - start) * 1000
    window = QMainWindow()
    start = time.perf_counter()
    keymap = Keymap()
    actions = build_actions(window, {c.id: (lambda *_: None) for c in commands()}, keymap)
    populate_menus(window.menuBar(), actions)
    populate_toolbar(window.addToolBar("main"), actions)
    build_ms = (time.perf_counter() - start) * 1000
    print(f"start-up: PySide6 import {qt_ms:.0f} ms (not ours); commands+actions import {import_ms:.1f} ms; "
          f"{len(actions)} actions, menus and toolbar built in {build_ms:.1f} ms")  # fmt: skip

    from reader.core.fuzzy import rank

    titles = [c.title for c in commands()]
    for pattern in PATTERNS_COMMANDS:
        print(f"rank {len(titles)} commands for {pattern!r}: {median_ms(lambda p=pattern: rank(p, titles), 50):.2f} ms")

    from reader.ui.palette import CommandPalette, TranscriptTitles
    from tests.bench.corpus import iter_documents

    start = time.perf_counter()
    from reader.core.model import DocType, TranscriptId, TranscriptSummary

    summaries = [
        TranscriptSummary(TranscriptId(n), text.split("\n")[2], "en", None, None, DocType.OTHER, ())
        for n, (_, text) in enumerate(iter_documents(args.titles, seed=1))
    ]
    print(f"({len(summaries)} synthetic titles made in {time.perf_counter() - start:.1f} s)")
    provider = TranscriptTitles(lambda: summaries, lambda _id: None)
    start = time.perf_counter()
    provider("warm")
    print(f"titles read and folded once: {(time.perf_counter() - start) * 1000:.0f} ms")
    for pattern in PATTERNS_TITLES:
        ms = median_ms(lambda p=pattern: provider(p), 7)
        print(f"{len(summaries)} titles for {pattern!r}: {ms:.1f} ms, {len(provider(pattern))} shown")

    palette = CommandPalette(actions, keymap, window)
    palette.add_provider(provider)
    for pattern in ("zi", "лавров"):
        ms = median_ms(lambda p=pattern: palette.refresh(p), 7)
        print(f"palette keystroke (match + list) for {pattern!r}: {ms:.1f} ms")
    del app


if __name__ == "__main__":
    main()
