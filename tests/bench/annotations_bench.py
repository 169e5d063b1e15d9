"""Annotations benchmark: re-anchoring after a re-import, opening an annotated transcript, saving one highlight.

- re-anchoring 1,000 annotations (budget ≤ 1 s): a long synthetic briefing carries 1,000 highlights; a
  corrected version of its file (a paragraph inserted near the top, 5% of the highlighted passages edited
  by one character, 2% deleted) is re-imported. Measured: the re-import against the same re-import of an
  unannotated copy (the difference is what re-anchoring costs inside `store()`), and `reanchor` alone over
  the 1,000 anchors; plus the worst case, every quote edited (all go to the approximate search);
- the same spread over 50 transcripts with 20 highlights each;
- opening a transcript that carries 500 annotations (the data part: transcript and annotations read from
  the library; the window's painting is measured by the UI's benchmark);
- one highlight saved (a committed, fsynced transaction), the storage part of "painted ≤ 30 ms".

    python -m tests.bench.annotations_bench [--work DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.anchoring import (  # noqa: E402
    Selectors,
    TextIndex,
    _at_old_position,
    _exact,
    reanchor,
    reanchor_many,
)
from reader.core.importer import import_paths  # noqa: E402
from reader.core.library import Library  # noqa: E402
from tests.bench.corpus import iter_documents  # noqa: E402

INSERTED = "A paragraph that the corrected page added near the top, before everything that was annotated.\n\n"


def long_document(min_chars: int = 120_000) -> str:
    """The first English synthetic document at least `min_chars` long (a long briefing)."""
    for name, text in iter_documents(4000, seed=1):
        if name.endswith("_en.txt") and len(text) >= min_chars:
            return text
    raise RuntimeError("no document that long in the synthetic corpus")


def random_ranges(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """Word-aligned ranges of 2–30 words inside paragraphs, as readers select them."""
    ranges: list[tuple[int, int]] = []
    while len(ranges) < count:
        start = rng.randrange(0, len(text) - 400)
        while start > 0 and not (text[start - 1] == " " and text[start].isalnum()):
            start -= 1
        end = start
        for _ in range(rng.randint(2, 30)):
            nxt = text.find(" ", end + 1)
            if nxt < 0 or "\n" in text[end:nxt]:
                break
            end = nxt
        if end - start >= 8:
            ranges.append((start, end))
    return ranges


def corrected(file_text: str, quotes: list[str], rng: random.Random) -> tuple[str, Counter[str]]:
    """The file with a paragraph inserted near the top and some highlighted passages edited or deleted."""
    changes: Counter[str] = Counter()
    body_start = file_text.index("\n\n", file_text.index("•")) + 2
    new = file_text[:body_start] + INSERTED + file_text[body_start:]
    for quote in quotes:
        roll = rng.random()
        if roll >= 0.07 or new.count(quote) != 1:
            continue
        if roll < 0.05:
            middle = len(quote) // 2
            edited = quote[:middle] + ("x" if quote[middle] != "x" else "y") + quote[middle + 1 :]
            new = new.replace(quote, edited)
            changes["edited"] += 1
        else:
            new = new.replace(quote, "")
            changes["deleted"] += 1
    return new, changes


def annotate(library: Library, transcript_id: int, ranges: list[tuple[int, int]]) -> list[float]:
    seconds = []
    colors = [e.key for e in library.color_legend()]
    for i, (start, end) in enumerate(ranges):
        began = time.perf_counter()
        library.add_annotation(
            transcript_id, start, end, color=colors[i % len(colors)], note=f"n{i}" if i % 3 else None
        )
        seconds.append(time.perf_counter() - began)
    return seconds


def timed_import(library: Library, path: Path) -> float:
    began = time.perf_counter()
    report = import_paths(library, [path])
    elapsed = time.perf_counter() - began
    assert report.outcomes[0].kind.value == "updated", report.outcomes
    return elapsed


def how_found(anchors: list[Selectors], new_text: str) -> Counter[str]:
    """Which step of `reanchor` found each anchor (for the report), in the order the library runs them."""
    index = TextIndex(new_text)
    steps: Counter[str] = Counter()
    for a in sorted(anchors, key=lambda a: a.start):
        step = "old position" if _at_old_position(a, new_text) else "exact quote" if _exact(a, new_text) else None
        found = reanchor(a, new_text, index=index)
        steps[step or ("fuzzy" if found else "orphan")] += 1
    return steps


def bench_one_long_transcript(work: Path, count: int = 1000) -> dict[str, object]:
    rng = random.Random(7)
    file_text = long_document()
    original, plain = work / "long.txt", work / "plain" / "long.txt"
    original.write_text(file_text, encoding="utf-8")
    annotated_lib = Library.open(work / "annotated.sqlite")
    plain_lib = Library.open(work / "plain.sqlite")
    [outcome] = import_paths(annotated_lib, [original]).outcomes
    import_paths(plain_lib, [original])
    t = annotated_lib.transcript(outcome.id)
    ranges = random_ranges(t.text, count, rng)
    add_seconds = annotate(annotated_lib, t.id, ranges)
    before = annotated_lib.annotations(t.id)
    anchors = [Selectors(a.start, a.end, a.exact, a.prefix, a.suffix) for a in before]
    new_file, changes = corrected(file_text, [a.exact for a in before], rng)
    changed = work / "changed" / "long.txt"
    changed.parent.mkdir()
    changed.write_text(new_file, encoding="utf-8")
    plain.parent.mkdir()
    plain_seconds = timed_import(plain_lib, changed)
    annotated_seconds = timed_import(annotated_lib, changed)
    new_text = annotated_lib.transcript(t.id).text
    after = annotated_lib.annotations(t.id)
    pure = []
    for _ in range(5):
        began = time.perf_counter()
        reanchor_many(anchors, new_text)
        pure.append(time.perf_counter() - began)
    # worst case: every quote edited in its middle, so none is found exactly
    worst_text = t.text
    for a in sorted(before, key=lambda a: -a.start):
        middle = (a.start + a.end) // 2
        worst_text = worst_text[:middle] + "#" + worst_text[middle + 1 :]
    began = time.perf_counter()
    worst = reanchor_many(anchors, INSERTED + worst_text)
    worst_seconds = time.perf_counter() - began
    annotated_lib.close()
    plain_lib.close()
    return {
        "text_chars": len(t.text),
        "annotations": len(before),
        "changes": dict(changes),
        "found_by": dict(how_found(anchors, new_text)),
        "orphans_after_reimport": sum(a.orphan for a in after),
        "reimport_plain_s": plain_seconds,
        "reimport_annotated_s": annotated_seconds,
        "reanchoring_in_store_s": annotated_seconds - plain_seconds,
        "reanchor_1000_pure_median_s": statistics.median(pure),
        "worst_case_all_edited_s": worst_seconds,
        "worst_case_found": sum(r is not None for r in worst),
        "add_annotation_median_ms": statistics.median(add_seconds) * 1000,
        "add_annotation_p95_ms": sorted(add_seconds)[int(0.95 * len(add_seconds))] * 1000,
    }


def bench_spread(work: Path, transcripts: int = 50, per_transcript: int = 20) -> dict[str, object]:
    rng = random.Random(3)
    originals, changed = work / "spread", work / "spread-changed"
    originals.mkdir()
    changed.mkdir()
    docs = [(n, text) for n, text in iter_documents(transcripts * 2, seed=2) if n.endswith("_en.txt")][:transcripts]
    for name, text in docs:
        (originals / Path(name).name).write_text(text, encoding="utf-8")
    libs = {kind: Library.open(work / f"spread-{kind}.sqlite") for kind in ("plain", "annotated")}
    for lib in libs.values():
        import_paths(lib, [originals])
    lib = libs["annotated"]
    for summary in lib.summaries():
        text = lib.transcript(summary.id).text
        annotate(lib, summary.id, random_ranges(text, per_transcript, rng))
    for name, text in docs:
        quotes = [a.exact for a in lib.annotations()]
        new, _ = corrected(text, quotes, rng)
        (changed / Path(name).name).write_text(new, encoding="utf-8")
    seconds = {}
    for kind, library in libs.items():
        began = time.perf_counter()
        import_paths(library, [changed])
        seconds[kind] = time.perf_counter() - began
    orphans = len(lib.orphans())
    total = len(lib.annotations())
    for library in libs.values():
        library.close()
    return {
        "transcripts": transcripts,
        "annotations": total,
        "orphans_after_reimport": orphans,
        "reimport_plain_s": seconds["plain"],
        "reimport_annotated_s": seconds["annotated"],
        "reanchoring_in_store_s": seconds["annotated"] - seconds["plain"],
    }


def bench_open(work: Path, count: int = 500, runs: int = 30) -> dict[str, float]:
    rng = random.Random(5)
    path = work / "open.sqlite"
    source = work / "open.txt"
    source.write_text(long_document(60_000), encoding="utf-8")
    with Library.open(path) as lib:
        [outcome] = import_paths(lib, [source]).outcomes
        text = lib.transcript(outcome.id).text
        annotate(lib, outcome.id, random_ranges(text, count, rng))
        for i in range(0, count, 10):
            lib.update_annotation(lib.annotations(outcome.id)[i].id, tags=["sanctions", f"tag{i % 9}"])
    cold, warm = [], []
    for _ in range(runs):
        began = time.perf_counter()
        with Library.open(path) as lib:
            lib.transcript(outcome.id)
            loaded = lib.annotations(outcome.id)
            cold.append(time.perf_counter() - began)
            began = time.perf_counter()
            lib.transcript(outcome.id)
            lib.annotations(outcome.id)
            warm.append(time.perf_counter() - began)
    assert len(loaded) == count
    return {
        "annotations": count,
        "open_library_and_load_median_ms": statistics.median(cold) * 1000,
        "load_transcript_and_annotations_median_ms": statistics.median(warm) * 1000,
        "load_p95_ms": sorted(warm)[int(0.95 * len(warm))] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.annotations_bench", description=__doc__)
    parser.add_argument("--work", type=Path, help="folder for the libraries (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="annotations-bench-", dir=args.work))
    try:
        results = {
            "one_long_transcript": bench_one_long_transcript(work),
            "spread": bench_spread(work),
            "open_annotated_transcript": bench_open(work),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    long = results["one_long_transcript"]
    print(
        f"\nre-anchoring 1,000 annotations: {long['reanchoring_in_store_s']:.3f} s inside the re-import "
        f"({long['reanchor_1000_pure_median_s']:.3f} s for reanchor alone; budget 1 s); "
        f"opening a transcript with 500 annotations: "
        f"{results['open_annotated_transcript']['load_transcript_and_annotations_median_ms']:.1f} ms (budget 60 ms)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
