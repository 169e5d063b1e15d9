"""Search in the window: the calendar's month view with hit marks, and the time from the last keystroke
to the results on screen, on the synthetic archive of tests.bench.corpus (the search benchmark's).

- calendar: turning the sidebar's calendar to a month while a search is active — the sidebar's own
  marks for that month and its neighbours, then the hit days over them (from the days the worker
  counted once per search) — until the calendar has repainted (budget ≤ 5 ms);
- keystroke to results: from the end of the typing pause (the debounce itself, 150 ms, is left out) to
  "Showing N results" and the first page of rows painted, and to the snippets of the rows on screen
  painted too; each query cold (its words new to the worker's connection) and warm (typed again).

    python -m tests.bench.search_ui_bench [--count 20000] [--work DIR] [--library PATH] [--json OUT]
    python -m tests.bench.search_ui_bench --count 500      # small and quick

Runs offscreen unless a display is set. Numbers from a shared machine are noisy: run it alone for
figures to quote.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core import Library  # noqa: E402
from tests.bench.search_bench import QUERIES, build, percentile  # noqa: E402

CALENDAR_QUERIES = ["sanctions", "санкция", '"Security Council"', "Spitsbergen", "NATO"]
CALENDAR_BUDGET_MS = 5.0


def spin(app: QApplication, done, timeout: float = 60.0) -> bool:  # noqa: ANN001
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.0005)
    return False


def stats(values: list[float]) -> dict[str, float]:
    return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95), "max": max(values) if values else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.search_ui_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="files in the archive (default 20000)")
    parser.add_argument("--work", type=Path, help="folder for the corpus and library, reused between runs")
    parser.add_argument("--library", type=Path, help="an existing library to use instead (a copy is not made)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if args.library is not None:
        library_path = args.library
    else:
        work = args.work or Path(tempfile.gettempdir()) / "transcript-reader-search-bench"
        work.mkdir(parents=True, exist_ok=True)
        _corpus, library_path, _figures = build(work, args.count, 1)

    from reader.ui import themes

    app = QApplication(themes.qt_arguments([sys.argv[0]]))
    from reader.ui.main_window import MainWindow

    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    library = Library.open(library_path)
    window = MainWindow(library, QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    window.show()
    spin(app, lambda: False, 0.5)
    search = window.search
    panel, model = search.panel, search.results.results
    print(f"{library.count()} transcripts; window up", file=sys.stderr, flush=True)

    # -- keystroke to results ---------------------------------------------------------------------
    shown_at: list[float] = []
    original_page_ready = search._page_ready

    def page_ready(page) -> None:  # noqa: ANN001
        original_page_ready(page)
        if page.generation == search.generation and page.offset == 0:
            search.results.viewport().repaint()  # painted, not merely scheduled
            panel.count_label.repaint()
            shown_at.append(time.perf_counter())

    search._page_ready = page_ready  # type: ignore[method-assign]

    def visible_snippets_in() -> bool:
        rows = model.rows[: max(1, search.results.visible_rows() - 1)]
        return all(model.snippet_of(r.id) is not None for r in rows)

    cold_rows, warm_rows, cold_snippets, warm_snippets = [], [], [], []
    for run, (rows_ms, snippets_ms) in enumerate(((cold_rows, cold_snippets), (warm_rows, warm_snippets))):
        for query, _pattern, filters in QUERIES:
            panel.filter_box.set_filters(panel.filter_box.filters().__class__(**filters))
            panel.field.setText(query)
            panel.debounce.stop()
            shown_at.clear()
            started = time.perf_counter()
            panel.changed.emit()  # the end of the typing pause
            if not spin(app, lambda: bool(shown_at)):
                raise SystemExit(f"{query!r}: no results")
            rows_ms.append((shown_at[0] - started) * 1000)
            spin(app, visible_snippets_in)
            search.results.viewport().repaint()
            snippets_ms.append((time.perf_counter() - started) * 1000)
            spin(app, lambda: not search.runner.busy)  # the histogram and the calendar's days, then the next
            if run:
                print(
                    f"  {query[:34]:34} {'2020' if filters else '    '} {search.total:>6}"
                    f"  rows {rows_ms[-1]:6.1f}  +snippets {snippets_ms[-1]:6.1f}"
                    f"  (cold {cold_rows[len(rows_ms) - 1]:6.1f} / {cold_snippets[len(rows_ms) - 1]:6.1f}) ms",
                    file=sys.stderr,
                    flush=True,
                )
    panel.filter_box.reset()

    # -- the calendar with hit marks ----------------------------------------------------------------
    calendar = window.sidebar.calendar
    months = [(y, m) for y in range(2012, 2026) for m in (1, 4, 7, 10)]

    def turn_months() -> tuple[list[float], list[float]]:
        """Per month: marks set (the page turn), and marks set and painted."""
        marked, painted = [], []
        for year, month in months:
            started = time.perf_counter()
            calendar.setCurrentPage(year, month)
            middle = time.perf_counter()
            calendar.repaint()
            done = time.perf_counter()
            marked.append((middle - started) * 1000)
            painted.append((done - started) * 1000)
        return marked, painted

    panel.field.setText("")
    panel.flush()
    spin(app, lambda: not search.active)
    plain_marked, plain_painted = turn_months()
    calendar_marked: list[float] = []
    calendar_ms: list[float] = []
    for query in CALENDAR_QUERIES:
        panel.field.setText(query)
        panel.flush()
        spin(app, lambda: search.page is not None and not search.runner.busy and bool(search.calendar_marks.days))
        marked, painted = turn_months()
        calendar_marked += marked
        calendar_ms += painted
    hit_days = len(search.calendar_marks.days)

    figures = {
        "transcripts": library.count(),
        "queries": len(QUERIES),
        "keystroke_to_rows_ms": {"cold": stats(cold_rows), "warm": stats(warm_rows)},
        "keystroke_to_snippets_ms": {"cold": stats(cold_snippets), "warm": stats(warm_snippets)},
        "calendar_month_with_hit_marks_ms": stats(calendar_ms),
        "calendar_month_hit_marks_set_ms": stats(calendar_marked),
        "calendar_month_without_search_ms": stats(plain_painted),
        "calendar_month_without_search_marks_set_ms": stats(plain_marked),
        "calendar_budget_ms": CALENDAR_BUDGET_MS,
    }
    window.close()
    library.close()
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    print(
        f"\nkeystroke → rows shown (after the {panel.debounce.interval()} ms pause): "
        f"p50 {statistics.median(warm_rows):.1f} ms warm, {statistics.median(cold_rows):.1f} ms cold; "
        f"with the visible snippets p50 {statistics.median(warm_snippets):.1f} / "
        f"{statistics.median(cold_snippets):.1f} ms",
        file=sys.stderr,
    )
    p95 = percentile(calendar_ms, 0.95)
    print(
        f"calendar month turned, marked and painted, with hit marks ({hit_days} hit days known): "
        f"p50 {statistics.median(calendar_ms):.2f} ms, p95 {p95:.2f} ms (budget {CALENDAR_BUDGET_MS} ms)"
        f" {'ok' if p95 <= CALENDAR_BUDGET_MS else 'OVER'};"
        f" marks alone p50 {statistics.median(calendar_marked):.2f} ms;"
        f" without a search p50 {statistics.median(plain_painted):.2f} ms"
        f" (marks alone {statistics.median(plain_marked):.2f} ms)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
