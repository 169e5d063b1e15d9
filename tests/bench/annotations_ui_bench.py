"""Annotations in the window, timed: a key press to the highlight on screen, and opening an annotated transcript.

- "painted ≤ 30 ms after the key press": a selection in the reading pane, then H sent as a real key event
  through the window's actions; timed until the pane's viewport has been repainted with the new highlight
  (the library write, its fsync, the layer's re-read of the transcript's annotations, the extra
  selections, the margin and the paint). On a long briefing that already carries 500 annotations, so the
  re-read and the selections are at their largest;
- "a transcript with 500 annotations opens ≤ 60 ms": the document filled, the layer's annotations read and
  set, and the pane painted; against the same transcript without annotations, and the annotations' own
  part timed alone. For an interview of typical length (30–45k characters) and a long briefing (160k):
  filling the reading pane with the text is the reading pane's cost, and grows with the text;
- with `--window`, the same key press in the real main window over a library of `--transcripts` files
  (its own listeners run too: the list and calendar refresh after every change).

    QT_QPA_PLATFORM=offscreen python -m tests.bench.annotations_ui_bench [--runs N] [--window] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from reader.core.importer import import_paths  # noqa: E402
from reader.core.library import Library  # noqa: E402
from tests.bench.annotations_bench import long_document, random_ranges  # noqa: E402
from tests.bench.corpus import iter_documents  # noqa: E402

ANNOTATIONS = 500
PAINT_BUDGET_MS = 30.0
OPEN_BUDGET_MS = 60.0


def typical_document(low: int = 30_000, high: int = 45_000) -> str:
    """The first English synthetic document of a typical interview's length."""
    for name, text in iter_documents(400, seed=1):
        if name.endswith("_en.txt") and low <= len(text) <= high:
            return text
    raise RuntimeError("no document of that length in the synthetic corpus")


def annotated_library(work: Path, count: int, *, long: bool = True) -> tuple[Library, int, int]:
    """A library with one document twice (two titles): one carrying `count` annotations, one bare. The
    document is a long briefing (`long`) or an interview of typical length."""
    text = long_document() if long else typical_document()
    first = work / "annotated.txt"
    first.write_text(text, encoding="utf-8")
    bare = work / "bare.txt"
    lines = text.split("\n")
    lines[0] = lines[0] + " (copy)"
    bare.write_text("\n".join(lines), encoding="utf-8")
    library = Library.open(work / "library.sqlite")
    import_paths(library, [first, bare])
    ids = sorted(s.id for s in library.summaries())
    annotated, plain = ids[0], ids[1]
    transcript = library.transcript(annotated)
    rng = random.Random(5)
    legend = [e.key for e in library.color_legend()]
    for n, (start, end) in enumerate(random_ranges(transcript.text, count, rng)):
        library.add_annotation(
            annotated,
            start,
            end,
            color=legend[n % len(legend)],
            note=f"note {n}" if n % 5 == 0 else None,
            tags=("sanctions",) if n % 7 == 0 else (),
        )
    for paragraph in range(0, len(transcript.paragraphs), max(1, len(transcript.paragraphs) // 20)):
        library.toggle_bookmark(annotated, paragraph)
    return library, annotated, plain


class Bench(QMainWindow):
    def __init__(self, library: Library, settings: QSettings) -> None:
        from reader.ui.actions import build_actions
        from reader.ui.annotations import AnnotationsController
        from reader.ui.transcript_view import TranscriptView

        super().__init__()
        self.library = library
        self.view = TranscriptView(self)
        self.setCentralWidget(self.view)
        self.annotations = AnnotationsController(library, self.view, window=self, settings=settings)
        self.command_actions = build_actions(self, self.annotations.handlers())
        self.resize(1280, 820)


def time_open(app: QApplication, bench: Bench, transcript_id: int) -> tuple[float, float]:
    """Milliseconds from asking for the transcript to its text and annotations painted, and of those
    the annotations' own part (read from the library, the highlights set on the pane, the marks placed;
    their painting is inside the pane's one repaint)."""
    library = bench.library
    start = time.perf_counter()
    transcript = library.transcript(transcript_id)
    bench.view.show_transcript(transcript)
    layer_start = time.perf_counter()
    bench.annotations.sync()  # what the zero timer after the document change runs
    layer_ms = (time.perf_counter() - layer_start) * 1000
    bench.view.text.viewport().repaint()  # the text, the highlights and (over it) the margin marks
    elapsed = (time.perf_counter() - start) * 1000
    app.processEvents()
    return elapsed, layer_ms


def open_results(app: QApplication, work: Path, runs: int, *, long: bool) -> dict[str, object]:
    library, annotated, plain = annotated_library(work, ANNOTATIONS, long=long)
    settings = QSettings(str(work / "open.ini"), QSettings.Format.IniFormat)
    bench = Bench(library, settings)
    bench.show()
    app.processEvents()
    with_annotations, without, layer_part = [], [], []
    for _ in range(runs):
        without.append(time_open(app, bench, plain)[0])
        total, layer_ms = time_open(app, bench, annotated)
        with_annotations.append(total)
        layer_part.append(layer_ms)
    layer = bench.annotations.layer
    assert len(layer.annotations) == ANNOTATIONS and layer.highlight_count() > 0
    result = {
        "text_chars": len(library.transcript(annotated).text),
        "with_500_annotations": summary(with_annotations),
        "without_annotations": summary(without),
        "annotations_part": summary(layer_part),
        "budget_ms": OPEN_BUDGET_MS,
    }
    bench.close()
    library.close()
    return result


def time_key_to_paint(app: QApplication, pane, layer, ranges: list[tuple[int, int]], key: Qt.Key) -> list[float]:  # noqa: ANN001
    """Each range selected, then `key` pressed; milliseconds until the pane is repainted with the highlight."""
    times = []
    for start, end in ranges:
        if any((a.start, a.end) == (start, end) for a in layer.annotations):
            continue  # the same range again would recolour, not add
        cursor = pane.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.ensureCursorVisible()
        app.processEvents()
        before = len(layer.annotations)
        t0 = time.perf_counter()
        QTest.keyClick(pane, key)
        pane.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
        assert len(layer.annotations) == before + 1 and layer.highlight_count(), "the key press made no highlight"
        app.processEvents()
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[int(len(ordered) * 0.9) - 1] if len(ordered) > 1 else ordered[0], 2),
        "max_ms": round(ordered[-1], 2),
    }


def run_window(app: QApplication, work: Path, transcripts: int, runs: int) -> dict[str, object]:
    """H in the real main window over a library of `transcripts` synthetic files."""
    from reader.ui.main_window import MainWindow
    from tests.bench.corpus import generate

    library, annotated, _ = annotated_library(work, ANNOTATIONS)
    files = generate(work / "corpus", transcripts, seed=3)
    import_paths(library, files)
    settings = QSettings(str(work / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings)
    window.show()
    app.processEvents()
    window.open_transcript(annotated)
    app.processEvents()
    controller = getattr(window, "annotations", None)
    if controller is None:
        return {"skipped": "the main window has no annotations controller yet"}
    window.view.text.setFocus()
    app.processEvents()
    text = window.view.transcript.text
    ranges = random_ranges(text, runs, random.Random(11))
    times = time_key_to_paint(app, window.view.text, controller.layer, ranges, Qt.Key.Key_H)
    window.close()
    library.close()
    return {"library_transcripts": library_count(work), **summary(times)}


def library_count(work: Path) -> int:
    with Library.open(work / "library.sqlite", read_only=True) as library:
        return library.count()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="key presses and opens timed (default 30)")
    parser.add_argument("--window", action="store_true", help="also time H in the real main window")
    parser.add_argument("--transcripts", type=int, default=2000, help="library size for --window (default 2000)")
    parser.add_argument("--json", metavar="OUT", help="write the results as JSON")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], "-style", "Fusion"])
    results: dict[str, object] = {"annotations": ANNOTATIONS}
    with tempfile.TemporaryDirectory() as folder:
        results["open_typical_interview"] = open_results(app, Path(folder), args.runs, long=False)
    with tempfile.TemporaryDirectory() as folder:
        results["open_long_briefing"] = open_results(app, Path(folder), args.runs, long=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        library, annotated, _ = annotated_library(work, ANNOTATIONS)
        settings = QSettings(str(work / "bench.ini"), QSettings.Format.IniFormat)
        bench = Bench(library, settings)
        bench.show()
        app.processEvents()
        time_open(app, bench, annotated)
        bench.view.text.setFocus()
        app.processEvents()
        ranges = random_ranges(bench.view.transcript.text, args.runs, random.Random(7))
        results["key_to_paint"] = {
            "H": summary(time_key_to_paint(app, bench.view.text, bench.annotations.layer, ranges, Qt.Key.Key_H)),
            "digit_3": summary(
                time_key_to_paint(
                    app,
                    bench.view.text,
                    bench.annotations.layer,
                    random_ranges(bench.view.transcript.text, args.runs, random.Random(8)),
                    Qt.Key.Key_3,
                )
            ),  # fmt: skip
            "budget_ms": PAINT_BUDGET_MS,
        }
        bench.close()
        library.close()
    if args.window:
        with tempfile.TemporaryDirectory() as folder:
            results["main_window_H"] = run_window(app, Path(folder), args.transcripts, args.runs)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
