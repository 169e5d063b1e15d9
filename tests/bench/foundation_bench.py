"""Foundation benchmark: import throughput, start-up to a shown window, opening transcripts.

Each figure is measured side by side with a baseline in the same run:
- import: the app's whole import (read, parse, store, index) against the floor of SQLite alone
  inserting the same texts into the same kind of FTS5 index;
- start-up: `python -m reader` until its window is shown against a bare PySide6 QMainWindow started
  the same way (both exit on their first shown frame);
- opening a transcript: reading it from the library and laying it out in the real transcript pane.

    python -m tests.bench.foundation_bench [--count 10000] [--work DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Both children print "shown" once what a user waits for has painted, then exit at once: the bare
# window's frame, and the app's transcript text (its reading pane's paintEvent has drawn the text).
# Each hooks that one widget's paintEvent only: an app-wide Python event filter would turn every event of
# every widget into a Python call (and make Python wrappers for Qt's own objects), a cost the real app
# never pays and one that grows with the number of widgets (~30 ms for the app, ~0 for the bare window).
# `--app-wide-filter` measures the old way (on the paint event's arrival), for comparison.
WIDGET_HOOK = """
import os, sys

def shown():
    if os.environ.get("LIST_MODULES"):  # which of the app's modules its first frame needed, in import order
        print("modules", *[m for m in sys.modules if m.startswith("reader")], flush=True)
    print("shown", flush=True)
    os._exit(0)

def report_after_paint(cls):
    paint = cls.paintEvent
    def paintEvent(self, event):
        paint(self, event)
        shown()
    cls.paintEvent = paintEvent
"""
APP_WIDE_FILTER = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            parent = obj.parent()
            text = parent is not None and parent.objectName() == "readingPane"
            if text or (not WANT_TEXT and isinstance(obj, QMainWindow)):
                print("shown", flush=True)
                os._exit(0)
        return False

_show = QMainWindow.show
def show(self):
    app = QApplication.instance()
    app._watch = Watch()
    app.installEventFilter(app._watch)
    _show(self)
QMainWindow.show = show
"""
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    pass

if not APP_WIDE:
    report_after_paint(Window)
app = QApplication(sys.argv)
window = Window()
window.resize(1280, 820)
window.show()
app.exec()
"""
APP_WINDOW = """
if not APP_WIDE:  # hook the reading pane when the app imports it, so the app imports as it always does
    import importlib.util

    class HookReadingPane:
        def find_spec(self, name, path=None, target=None):
            if name != "reader.ui.transcript_view":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module
            def exec_module(module):
                run(module)
                report_after_paint(module.ReadingPane)
            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, HookReadingPane())
sys.argv = ["transcript-reader", "--library", sys.argv[1]]
import runpy
runpy.run_module("reader", run_name="__main__")
"""


# The floor under the app's first frame: the same frame and text built in plain Qt, with no code of ours —
# the window at the app's size in Fusion, a splitter with two empty panes and a read-only text holding the
# sample transcript, a menu bar with the app's seven menus and as many actions (with shortcuts and status
# tips) as the app has commands, a toolbar of ten text buttons and a status bar with a label. What the app
# takes beyond it is the cost of being the app (importing its code, building its own widgets and panes).
QT_FRAME = """
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTextEdit, QToolBar, QWidget

class Text(QTextEdit):
    pass

report_after_paint(Text)
app = QApplication([sys.argv[0], "-style", "Fusion"])
window = QMainWindow()
window.resize(1280, 820)
splitter = QSplitter(parent=window)
for _ in range(2):
    splitter.addWidget(QWidget())
text = Text()
text.setReadOnly(True)
text.setPlainText(open(sys.argv[1], encoding="utf-8").read())
splitter.addWidget(text)
window.setCentralWidget(splitter)
keys = iter([f"Ctrl+{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"] * 9)
menus = [window.menuBar().addMenu(name) for name in ("File", "Edit", "View", "Go", "Search", "Annotate", "Help")]
for n in range(int(sys.argv[2])):
    action = QAction(f"Command {n}", window)
    action.setShortcut(next(keys))
    action.setStatusTip("What the command does")
    window.addAction(action)
    menus[n % len(menus)].addAction(action)
toolbar = QToolBar("Main toolbar", window)
toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
for n in range(10):
    toolbar.addAction(QAction(f"Tool {n}", window))
window.addToolBar(toolbar)
window.statusBar().addPermanentWidget(QLabel("20000 transcripts"))
window.show()
app.exec()
"""


def startup_child(window: str, *, want_text: bool, app_wide_filter: bool) -> str:
    """The code of a child that starts `window` (BARE_WINDOW or APP_WINDOW) and says when it is shown."""
    hook = APP_WIDE_FILTER if app_wide_filter else WIDGET_HOOK
    return f"WANT_TEXT = {want_text}\nAPP_WIDE = {app_wide_filter}\n" + hook + window


IDLE_MEMORY = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def report():
    rss = next(line for line in open("/proc/self/status") if line.startswith("VmRSS:"))
    print("rss_kb", rss.split()[1], flush=True)
    os._exit(0)

_show = QMainWindow.show
def show(self):
    QTimer.singleShot(3000, report)  # start-up work done, the app idle with the archive open
    _show(self)
QMainWindow.show = show
sys.argv = ["transcript-reader", "--library", sys.argv[1]]
import runpy
runpy.run_module("reader", run_name="__main__")
"""


def bench_idle_memory(library: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run(
        [sys.executable, "-c", IDLE_MEMORY, str(library)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("rss_kb")), None)
    if line is None:
        raise RuntimeError(out.stderr[-2000:])
    return {"idle_rss_mb": int(line.split()[1]) / 1024}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_until_shown(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command} never showed its window")
    proc.wait(timeout=30)
    return elapsed


def bench_startup(library: Path, runs: int, app_wide_filter: bool = False) -> dict[str, float]:
    # As installed: pip compiles the package to bytecode, so the app starts from .pyc files (this
    # machine sets PYTHONDONTWRITEBYTECODE, which would otherwise recompile every module at every start).
    import compileall

    compileall.compile_dir(ROOT / "reader", quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    bare_code = startup_child(BARE_WINDOW, want_text=False, app_wide_filter=app_wide_filter)
    app_code = startup_child(APP_WINDOW, want_text=True, app_wide_filter=app_wide_filter)
    frame_code = startup_child(QT_FRAME, want_text=True, app_wide_filter=False)
    from reader.core.commands import commands

    frame_args = [str(ROOT / "resources" / "sample-interview-2021-03-22.txt"), str(len(commands()))]
    # The plain-Qt frame once more, after importing just the modules of ours that the app's first frame
    # needed: what our code costs to load, apart from what it does.
    modules: list[str] = []
    if not app_wide_filter:
        listed = subprocess.run(
            [sys.executable, "-c", app_code, str(library)],
            capture_output=True,
            text=True,
            env={**env, "LIST_MODULES": "1"},
            cwd=ROOT,
        )
        modules = next(line.split()[1:] for line in listed.stdout.splitlines() if line.startswith("modules"))
    imports_code = "".join(f"import {name}\n" for name in modules) + frame_code
    bare, app, frame, imports = [], [], [], []
    for _ in range(runs):  # interleaved, so all see the same machine
        bare.append(time_until_shown([sys.executable, "-c", bare_code], env))
        app.append(time_until_shown([sys.executable, "-c", app_code, str(library)], env))
        if not app_wide_filter:
            frame.append(time_until_shown([sys.executable, "-c", frame_code, *frame_args], env))
            imports.append(time_until_shown([sys.executable, "-c", imports_code, *frame_args], env))
    result = {
        "bare_median_s": statistics.median(bare),
        "app_median_s": statistics.median(app),
        "app_p95_s": percentile(app, 95),
        "ratio": statistics.median(app) / statistics.median(bare),
    }
    if frame:
        result["qt_frame_median_s"] = statistics.median(frame)
        result["qt_frame_ratio"] = statistics.median(frame) / statistics.median(bare)
        result["qt_frame_after_imports_median_s"] = statistics.median(imports)
        result["qt_frame_after_imports_ratio"] = statistics.median(imports) / statistics.median(bare)
        result["modules_before_first_frame"] = len(modules)
    return result


def bench_import(files_dir: Path, library: Path) -> dict[str, float]:
    """The whole import in a child process, so its peak memory is its own."""
    code = (
        "import sys, time, resource, json\n"
        "from reader.core.library import Library\n"
        "from reader.core.importer import import_paths\n"
        "lib = Library.open(sys.argv[1])\n"
        "t = time.perf_counter()\n"
        "report = import_paths(lib, [sys.argv[2]])\n"
        "elapsed = time.perf_counter() - t\n"
        "print(json.dumps({'files': len(report.outcomes), 'failed': len(report.failed), 'seconds': elapsed,\n"
        "  'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(library), str(files_dir)], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    result = json.loads(out.stdout)
    result["per_second"] = result["files"] / result["seconds"]
    return result


def bench_sqlite_floor(library: Path, scratch: Path) -> dict[str, float]:
    """SQLite alone: insert the same (already parsed) texts into the same FTS5 set-up, nothing else."""
    source = sqlite3.connect(library)
    texts = [row for row in source.execute("SELECT title, body FROM transcripts")]
    source.close()
    floor = scratch / "floor.sqlite"
    conn = sqlite3.connect(floor, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, body, content='t', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    for i in range(0, len(texts), 200):  # a batch into the table, then into the index in one statement, as the app
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO t (id, title, body) VALUES (?, ?, ?)",
            [(i + n + 1, *row) for n, row in enumerate(texts[i : i + 200])],
        )
        conn.execute("INSERT INTO f (rowid, title, body) SELECT id, title, body FROM t WHERE id > ?", (i,))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return {"files": len(texts), "seconds": elapsed, "per_second": len(texts) / elapsed}


def bench_open(library: Path, runs: int) -> dict[str, float]:
    """Open a typical (~20 KB) and the largest transcript in the real pane, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.core.library import Library
    from reader.ui.transcript_view import TranscriptView

    app = QApplication.instance() or QApplication([])
    lib = Library.open(library)
    conn = sqlite3.connect(library)
    typical = conn.execute(
        "SELECT id, length(body) FROM transcripts ORDER BY abs(length(body) - 20000) LIMIT 1"
    ).fetchone()
    largest = conn.execute("SELECT id, length(body) FROM transcripts ORDER BY length(body) DESC LIMIT 1").fetchone()
    conn.close()
    view = TranscriptView()
    view.resize(900, 800)
    view.show()
    results: dict[str, float] = {}
    for name, (transcript_id, size) in (("typical", typical), ("largest", largest)):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            view.show_transcript(lib.transcript(transcript_id))
            app.processEvents()
            times.append(time.perf_counter() - start)
        results[f"{name}_chars"] = size
        results[f"{name}_median_ms"] = statistics.median(times) * 1000
        results[f"{name}_p95_ms"] = percentile(times, 95) * 1000
    lib.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="files to import (default 10,000)")
    parser.add_argument("--runs", type=int, default=7, help="repetitions for start-up and opening")
    parser.add_argument("--work", type=Path, help="folder for the corpus and libraries (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--import-runs", type=int, default=3, help="imports into a fresh library (median, p95)")
    parser.add_argument(
        "--large-library", type=Path, help="a larger library (e.g. the search part's 100,000) for memory and start-up"
    )
    args = parser.parse_args()

    from tests.bench.corpus import generate

    work = args.work or Path(tempfile.mkdtemp(prefix="tr-bench-"))
    corpus = work / f"corpus-{args.count}"
    if not corpus.exists():
        generate(corpus, args.count, seed=1)
    library = work / "library.sqlite"
    for old in work.glob("library.sqlite*"):
        old.unlink()
    for old in work.glob("floor.sqlite*"):
        old.unlink()

    runs = []
    for _ in range(max(1, args.import_runs)):  # each into a fresh library; the last one is kept
        for old in work.glob("library.sqlite*"):
            old.unlink()
        runs.append(bench_import(corpus, library))
    rates = [run["per_second"] for run in runs]
    results = {
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "import": {
            **runs[-1],
            "per_second": statistics.median(rates),
            "per_second_p95_low": percentile(rates, 5),  # the slow end: 95 % of runs were faster
            "runs": len(runs),
            "peak_mb": max(run["peak_mb"] for run in runs),
        },
    }
    results["import_floor"] = bench_sqlite_floor(library, work)
    results["startup"] = bench_startup(library, args.runs)
    results["startup_app_wide_filter"] = bench_startup(library, args.runs, app_wide_filter=True)
    results["open"] = bench_open(library, args.runs)
    results["memory"] = bench_idle_memory(library)
    if args.large_library and args.large_library.exists():
        size = sqlite3.connect(args.large_library).execute("SELECT count(*) FROM transcripts").fetchone()[0]
        results["large"] = {
            "transcripts": size,
            "memory": bench_idle_memory(args.large_library),
            "startup": bench_startup(args.large_library, max(3, args.runs // 2)),
        }

    imp, floor, start, opened = results["import"], results["import_floor"], results["startup"], results["open"]
    rows = [
        (
            f"import, transcripts/s (median of {imp['runs']})",
            f"{imp['per_second']:.0f} (slowest {imp['per_second_p95_low']:.0f})",
            "≥ 400",
            f"SQLite-only floor {floor['per_second']:.0f}/s",
        ),
        ("import peak memory, MB", f"{imp['peak_mb']:.0f}", "≤ 300", ""),
        (
            "start-up to shown window, s",
            f"{start['app_median_s']:.3f}",
            f"≤ 1.5 × bare = {1.5 * start['bare_median_s']:.3f}",
            f"bare QMainWindow {start['bare_median_s']:.3f} s (× {start['ratio']:.2f}); the same frame and text"
            f" in plain Qt {start['qt_frame_median_s']:.3f} s (× {start['qt_frame_ratio']:.2f}), after importing the"
            f" {start['modules_before_first_frame']} modules of ours it needs"
            f" {start['qt_frame_after_imports_median_s']:.3f} s (× {start['qt_frame_after_imports_ratio']:.2f})",
        ),
        (
            "start-up, watched by an app-wide event filter, s",
            f"{results['startup_app_wide_filter']['app_median_s']:.3f}",
            "(for comparison)",
            f"bare {results['startup_app_wide_filter']['bare_median_s']:.3f} s "
            f"(× {results['startup_app_wide_filter']['ratio']:.2f})",
        ),
        ("idle memory with the archive open, MB", f"{results['memory']['idle_rss_mb']:.0f}", "≤ 150", ""),
        *(
            [
                (
                    f"idle memory, {results['large']['transcripts']:,} transcripts, MB",
                    f"{results['large']['memory']['idle_rss_mb']:.0f}",
                    "≤ 150",
                    "",
                ),
                (
                    f"start-up, {results['large']['transcripts']:,} transcripts, s",
                    f"{results['large']['startup']['app_median_s']:.3f}",
                    f"≤ 1.5 × bare = {1.5 * results['large']['startup']['bare_median_s']:.3f}",
                    f"× {results['large']['startup']['ratio']:.2f}",
                ),
            ]
            if "large" in results
            else []
        ),
        (
            f"open typical ({opened['typical_chars'] / 1000:.0f} k chars), ms",
            f"{opened['typical_median_ms']:.1f} (p95 {opened['typical_p95_ms']:.1f})",
            "≤ 30",
            "",
        ),
        (
            f"open largest ({opened['largest_chars'] / 1000:.0f} k chars), ms",
            f"{opened['largest_median_ms']:.1f} (p95 {opened['largest_p95_ms']:.1f})",
            "≤ 60",
            "",
        ),
    ]
    print(f"Foundation benchmark: {imp['files']} files, {results['machine']}")
    print("| measure | result | budget | baseline |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
