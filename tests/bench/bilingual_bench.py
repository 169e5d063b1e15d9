"""Bilingual reading benchmark, in the real window (offscreen): switching language on a ~20 KB document
with the counterpart paragraph scrolled to the top (budget 50 ms), and opening the side-by-side view of
a ~20 KB pair (budget 100 ms), each until the pane has been painted.

    .venv/bin/python -m tests.bench.bilingual_bench [--runs 15] [--json OUT]

The pairs come from the synthetic corpus (tests/bench/corpus.py): the English/Russian pairs whose English
text is nearest 20 KB, the pair with the most paragraphs, and one whose Russian version lost an exchange
(uncertain rows). Prints medians and maxima in milliseconds. The machine has 2 cores shared with other
work: numbers taken while other work runs are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SWITCH_BUDGET_MS = 50
SIDE_BY_SIDE_BUDGET_MS = 100


def timed(run: Callable[[], object], app: object, pane: Callable[[], object], cpu: list[float]) -> float:
    """Milliseconds from the call until the pane has been repainted; the main thread's CPU time goes to
    `cpu` (what the machine's other work cannot inflate)."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    run()
    pane().viewport().repaint()  # type: ignore[attr-defined]
    cpu.append((time.thread_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "max": max(values), "min": min(values)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=400, help="corpus files to draw the pairs from")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.core.importer import import_paths
    from reader.core.library import Library
    from reader.ui import places
    from reader.ui.main_window import MainWindow
    from tests.bench.corpus import generate

    app = QApplication.instance() or QApplication(["bench", "-style", "Fusion"])
    work = Path(tempfile.mkdtemp(prefix="bilingual-bench-"))
    files = generate(work / "corpus", args.count, seed=3)
    library = Library.open(work / "library.sqlite")
    report = import_paths(library, files)
    assert not report.failed
    pairs = []
    for s in library.summaries():
        versions = library.versions(s.id)
        if s.language == "en" and "ru" in versions:
            english = library.transcript(s.id)
            pairs.append((abs(len(english.text.encode()) - 20_000), len(english.paragraphs), int(s.id), versions["ru"]))
    pairs.sort()
    chosen = {"~20 KB interview or briefing": pairs[0], "~20 KB, second": pairs[1]}
    chosen["most paragraphs"] = max(pairs, key=lambda p: p[1])

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    reading = window.reading
    results: dict[str, object] = {}
    for name, (_, _, en_id, ru_id) in chosen.items():
        english, russian = library.transcript(en_id), library.transcript(ru_id)
        row: dict[str, object] = {
            "english_kb": round(len(english.text.encode()) / 1000, 1),
            "russian_kb": round(len(russian.text.encode()) / 1000, 1),
            "paragraphs": (len(english.paragraphs), len(russian.paragraphs)),
        }
        switches, pairs_open, placed = [], [], True
        switch_cpu: list[float] = []
        pair_cpu: list[float] = []
        for run in range(args.runs):
            window.open_transcript(en_id)
            middle = len(english.paragraphs) // 2
            places.scroll_to_paragraph(window.view.text, middle)
            app.processEvents()
            reading._alignments.clear()  # the first switch of a pair aligns it: measure that one
            switches.append(timed(lambda: reading.switch_language("ru"), app, lambda: window.view.text, switch_cpu))
            expected = reading.alignment(english, russian).counterpart(middle)
            top = places.top_paragraph(window.view.text)[0]
            placed &= window.current_id == ru_id and top == expected
            window.open_transcript(en_id)
            app.processEvents()
            reading._alignments.clear()
            pairs_open.append(
                timed(lambda: reading.set_side_by_side(True), app, lambda: reading.side_by_side.pane, pair_cpu)
            )
            reading.set_side_by_side(False)
            app.processEvents()
            del run
        row["switch_ms"] = summary(switches[1:] or switches)  # the first run warms fonts and caches
        row["side_by_side_ms"] = summary(pairs_open[1:] or pairs_open)
        row["switch_cpu_ms"] = summary(switch_cpu[1:] or switch_cpu)
        row["side_by_side_cpu_ms"] = summary(pair_cpu[1:] or pair_cpu)
        row["counterpart_at_top"] = placed
        results[name] = row
    window.close()
    library.close()

    print(
        f"bilingual reading, {args.runs} runs each (median / max ms wall, median CPU of the main thread;"
        f" budgets {SWITCH_BUDGET_MS} and "
        f"{SIDE_BY_SIDE_BUDGET_MS} ms, until painted)"
    )
    ok = True
    for name, row in results.items():
        assert isinstance(row, dict)
        switch, pair = row["switch_ms"], row["side_by_side_ms"]
        print(f"  {name}: EN {row['english_kb']} KB / RU {row['russian_kb']} KB, {row['paragraphs']} paragraphs")
        switch_cpu, pair_cpu = row["switch_cpu_ms"], row["side_by_side_cpu_ms"]
        print(
            f"    language switch incl. scroll: {switch['median']:.1f} / {switch['max']:.1f}"
            f" (CPU {switch_cpu['median']:.1f})   counterpart at the top: {row['counterpart_at_top']}"
        )
        print(
            f"    side by side opens:          {pair['median']:.1f} / {pair['max']:.1f} (CPU {pair_cpu['median']:.1f})"
        )
        if name.startswith("~20 KB"):
            ok &= switch["median"] <= SWITCH_BUDGET_MS and pair["median"] <= SIDE_BY_SIDE_BUDGET_MS
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print("within budget" if ok else "OVER BUDGET")
    # A missed budget is a figure to report, not a broken benchmark (CI runs it on a busy machine); a
    # counterpart not at the top after a switch is a broken feature.
    return 0 if all(isinstance(row, dict) and row["counterpart_at_top"] for row in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
