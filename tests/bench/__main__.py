"""The one benchmark command: every budget of the issues, each beside its baseline, in one run.

    python -m tests.bench                 # the full run: 20,000 transcripts (10,000 EN/RU pairs)
    python -m tests.bench --count 100000  # the large archive
    python -m tests.bench --small         # 500 transcripts: what CI runs so the benchmark never rots

Each part is a script of its own under tests/bench/ (runnable alone); this runs them one after another
in child processes (so each has the machine and its memory to itself), prints their tables and writes
all figures to OUT/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def parts(count: int, small: bool, work: Path) -> list[tuple[str, list[str]]]:
    """(name, arguments of `python -m tests.bench.NAME`) for every part, sized for the run."""
    runs = "3" if small else "7"
    # The search part builds the full-size library first; the foundation part then also measures memory and
    # start-up on it (its own import stays at 10,000 files, three times over).
    large = work / f"library-{count}-s1.sqlite"
    foundation = ["--count", str(min(count, 10_000)), "--runs", runs, "--work", str(work)]
    foundation += ["--import-runs", "1" if small else "3"]
    if count > 10_000:
        foundation += ["--large-library", str(large)]
    return [
        ("search_bench", ["--count", str(count), "--runs", "1" if small else "5", "--work", str(work)]),
        ("foundation_bench", foundation),
        ("versions_bench", ["--count", str(min(count, 2000)), "--runs", "1" if small else "3"]),
        ("bilingual_bench", ["--count", str(min(count, 400)), "--runs", runs]),
        ("annotations_bench", []),
        ("annotations_ui_bench", ["--runs", "10" if small else "30"]),
        ("export_bench", []),
        ("palette_bench", ["--titles", str(count)]),  # prints its table only (no --json)
    ]


NO_JSON = {"palette_bench"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000, help="transcripts in the archive (default 20,000)")
    parser.add_argument("--small", action="store_true", help="a quick run on 500 transcripts (CI)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="where the JSON goes")
    parser.add_argument("--only", nargs="*", help="run only these parts (e.g. foundation_bench search_bench)")
    args = parser.parse_args()
    count = 500 if args.small else args.count
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / f"work-{count}"
    work.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))

    results: dict[str, object] = {"count": count, "cores": os.cpu_count(), "python": sys.version.split()[0]}
    failed = []
    for name, extra in parts(count, args.small, work):
        if args.only and name not in args.only:
            continue
        out = args.out / f"{name}.json"
        command = [sys.executable, "-m", f"tests.bench.{name}", *extra]
        if name not in NO_JSON:
            command += ["--json", str(out)]
        print(f"\n## {name}\n", flush=True)
        start = time.perf_counter()
        status = subprocess.run(command, cwd=ROOT, env=env).returncode
        print(f"({name}: {time.perf_counter() - start:.0f} s, exit {status})", flush=True)
        if status != 0 or (name not in NO_JSON and not out.exists()):
            failed.append(name)
        elif name not in NO_JSON:
            results[name] = json.loads(out.read_text())
    (args.out / "bench.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"\nAll figures: {args.out / 'bench.json'}")
    if failed:
        print(f"Parts that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
