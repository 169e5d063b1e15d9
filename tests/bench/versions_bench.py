"""Versions benchmark: what pairing costs the import, and how fast two versions align.

- import: the synthetic corpus (English/Russian pairs) imported with pairing, against the same import with
  the pairing hook switched off, interleaved in the same run; the import rate must stay >= 400 files/s.
  Also the time spent inside the hook itself and how many documents it paired.
- language switch (the core's part of it): the versions lookup, reading the other version from the
  library and finding the counterpart paragraph; budget for the whole switch with the window: 50 ms.
- side by side (the core's part): aligning a ~20 KB pair, equal structure and perturbed (an extra
  exchange, a merged paragraph), and the largest briefing of the corpus; budget with the window: 100 ms.

    python -m tests.bench.versions_bench [--count 2000] [--runs 3] [--work DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.core.alignment import align
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.parse import parse_text
from tests.bench.corpus import generate

IMPORT_FLOOR = 400  # files a second


def import_once(files: list[Path], library_path: Path, *, pairing: bool) -> dict[str, float]:
    library_path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(library_path) + suffix).unlink(missing_ok=True)
    hook_seconds = hook_cpu = 0.0
    original = Library._pair_versions

    def timed(self, conn, transcript_id, t):  # type: ignore[no-untyped-def]
        nonlocal hook_seconds, hook_cpu
        start, cpu = time.perf_counter(), time.thread_time()
        original(self, conn, transcript_id, t)
        hook_seconds += time.perf_counter() - start
        hook_cpu += time.thread_time() - cpu

    Library._pair_versions = timed if pairing else (lambda self, conn, transcript_id, t: None)  # type: ignore[method-assign]
    try:
        with Library.open(library_path) as library:
            start = time.perf_counter()
            report = import_paths(library, files)
            seconds = time.perf_counter() - start
            paired = library._conn.execute("SELECT count(DISTINCT document) FROM versions").fetchone()[0]
    finally:
        Library._pair_versions = original  # type: ignore[method-assign]
    assert not report.failed
    return {
        "seconds": seconds,
        "rate": len(files) / seconds,
        "hook_seconds": hook_seconds,
        "hook_cpu": hook_cpu,
        "pairs": paired,
    }


def bench_import(files: list[Path], work: Path, runs: int) -> dict[str, float]:
    on, off = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        off.append(import_once(files, work / "off.sqlite", pairing=False))
        on.append(import_once(files, work / "on.sqlite", pairing=True))
    rate_on = statistics.median(r["rate"] for r in on)
    rate_off = statistics.median(r["rate"] for r in off)
    hook = statistics.median(r["hook_seconds"] for r in on)
    hook_cpu = statistics.median(r["hook_cpu"] for r in on)
    return {
        "files": len(files),
        "rate_with_pairing": rate_on,
        "rate_without_pairing": rate_off,
        "pairing_overhead_percent": 100 * (rate_off / rate_on - 1),
        "hook_ms_per_file": 1000 * hook / len(files),
        "hook_cpu_ms_per_file": 1000 * hook_cpu / len(files),  # its own thread's CPU: steady under load
        # how fast the import without pairing must be for the import with it to keep the floor
        "rate_needed_without_pairing": 1 / (1 / IMPORT_FLOOR - hook_cpu / len(files)),
        "documents_paired": on[-1]["pairs"],
        "floor_rate": IMPORT_FLOOR,
        "ok": rate_on >= IMPORT_FLOOR,
    }


def median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def closest_pair(files: list[Path], size: int) -> tuple[Path, Path]:
    english = [f for f in files if f.name.endswith("_en.txt") and f.with_name(f.name[:-7] + "_ru.txt").exists()]
    best = min(english, key=lambda f: abs(f.stat().st_size - size))
    return best, best.with_name(best.name[:-7] + "_ru.txt")


def perturbed(ru_text: str) -> str:
    """The Russian page with an extra exchange in the middle and two paragraphs merged."""
    parts = ru_text.split("\n\n")
    middle = len(parts) // 2
    parts.insert(middle, "Вопрос: Ещё один вопрос?\n\nС.В.Лавров: Ещё один ответ.")
    if len(parts) > 12:
        parts[6:8] = [parts[6] + " " + parts[7]]
    return "\n\n".join(parts)


def bench_alignment(files: list[Path], work: Path, runs: int) -> dict[str, object]:
    en_file, ru_file = closest_pair(files, 20_000)
    en, ru = parse_text(en_file.read_text("utf-8")), parse_text(ru_file.read_text("utf-8"))
    ru_odd = parse_text(perturbed(ru_file.read_text("utf-8")))
    english = [f for f in files if f.name.endswith("_en.txt") and f.with_name(f.name[:-7] + "_ru.txt").exists()]
    big_en_file = max(english, key=lambda f: f.stat().st_size)
    big_en = parse_text(big_en_file.read_text("utf-8"))
    big_ru = parse_text(big_en_file.with_name(big_en_file.name[:-7] + "_ru.txt").read_text("utf-8"))
    big_ru_odd = parse_text(perturbed(big_en_file.with_name(big_en_file.name[:-7] + "_ru.txt").read_text("utf-8")))

    with Library.open(work / "on.sqlite") as library:
        [en_id] = [s.id for s in library.summaries() if library.transcript(s.id).source_file == str(en_file)]
        middle = len(en.paragraphs) // 2

        def switch() -> None:
            other = library.versions(en_id)["ru"]
            library.version_states(en_id)
            target = library.transcript(other)
            align(en, target).counterpart(middle)

        switch_ms = median_ms(switch, runs * 10)

    return {
        "pair_bytes": [en_file.stat().st_size, ru_file.stat().st_size],
        "pair_paragraphs": [len(en.paragraphs), len(ru.paragraphs)],
        "align_ms": median_ms(lambda: align(en, ru), runs * 10),
        "align_perturbed_ms": median_ms(lambda: align(en, ru_odd), runs * 10),
        "switch_core_ms": switch_ms,
        "largest_bytes": [big_en_file.stat().st_size],
        "largest_paragraphs": [len(big_en.paragraphs), len(big_ru.paragraphs)],
        "align_largest_ms": median_ms(lambda: align(big_en, big_ru), runs * 3),
        "align_largest_perturbed_ms": median_ms(lambda: align(big_en, big_ru_odd), runs * 3),
        "budget_switch_ms": 50,
        "budget_side_by_side_ms": 100,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="files to import (default 2,000)")
    parser.add_argument("--runs", type=int, default=3, help="import repetitions of each kind")
    parser.add_argument("--work", type=Path, help="folder for the corpus and libraries (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="versions-bench-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        files = generate(work / "corpus", args.count, seed=1)
        results = {"import": bench_import(files, work, args.runs), "alignment": bench_alignment(files, work, args.runs)}
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0  # a missed budget shows in the figures ("ok": false), not as a failed run


if __name__ == "__main__":
    sys.exit(main())
