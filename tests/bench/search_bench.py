"""Search benchmark: the app's search side by side with the bare SQL floor and ripgrep, in one run.

On the synthetic archive of tests.bench.corpus (built, or reused from --work), it measures:
- index build: the whole import (read, parse, store, index) in transcripts a second, and the
  library's size against the text's;
- a fixed mix of queries (common and rare words, phrases, prefixes, boolean, English and Russian, with
  and without a date filter): "first 50 results with their snippets, and the exact total" through
  `Library.search`, cold (the first time the words are seen) and warm, against the floor of the same
  FTS5 statements issued directly with sqlite3 (no parsing, no snippets), and against `rg -l -i` over
  the files when ripgrep is installed;
- the calendar's month of hit marks (`search_day_counts`).

    python -m tests.bench.search_bench [--count 20000] [--work DIR] [--runs 5] [--json OUT]
    python -m tests.bench.search_bench --count 500      # small and quick, for CI

Numbers from a shared machine are noisy: run it alone for figures to quote.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core import Library  # noqa: E402
from reader.core.importer import import_paths  # noqa: E402
from reader.core.library import TITLE_WEIGHT  # noqa: E402
from tests.bench.corpus import generate  # noqa: E402

YEAR_2020 = {"date_from": dt.date(2020, 1, 1), "date_to": dt.date(2020, 12, 31)}
VISIBLE_ROWS = 20  # snippets are computed for the rows on screen only

# (query, rg pattern (a fixed string), filters). Common and rare words, phrases, prefixes, boolean;
# English and Russian; a third with a date filter.
QUERIES: list[tuple[str, str, dict[str, dt.date]]] = [
    # English, common words
    ("Russia", "russia", {}),
    ("sanctions", "sanction", {}),
    ("cooperation", "cooperat", {}),
    ("security", "security", {}),
    ("minister", "minister", {}),
    ("countries", "countr", {}),
    ("international", "international", {}),
    ("partners", "partner", {}),
    ("NATO", "nato", {}),
    ("economy", "econom", {}),
    ("sanctions", "sanction", YEAR_2020),
    ("security", "security", YEAR_2020),
    ("partners", "partner", YEAR_2020),
    # English, rare words
    ("Spitsbergen", "spitsbergen", {}),
    ("Kuril", "kuril", {}),
    ("Antarctic", "antarctic", {}),
    ("Skripal", "skripal", {}),
    ("Chagos", "chagos", {}),
    ("Tiksi", "tiksi", YEAR_2020),
    # English phrases
    ('"Security Council"', "security council", {}),
    ('"United Nations"', "united nations", {}),
    ('"Sergey Lavrov"', "sergey lavrov", {}),
    ('"nuclear power plant"', "nuclear power plant", {}),
    ('"international law"', "international law", YEAR_2020),
    # English prefixes and boolean
    ("sanct*", "sanct", {}),
    ("secur*", "secur", {}),
    ("coop*", "coop", YEAR_2020),
    ("Iran OR Venezuela", "iran", {}),
    ("NATO -sanctions", "nato", {}),
    ("(China OR India) security", "china", YEAR_2020),
    # Russian, common words
    ("Россия", "росси", {}),
    ("санкция", "санкци", {}),
    ("сотрудничество", "сотрудничеств", {}),
    ("безопасность", "безопасност", {}),
    ("министр", "министр", {}),
    ("страны", "стран", {}),
    ("партнёры", "партнер", {}),
    ("переговоры", "переговор", {}),
    ("санкция", "санкци", YEAR_2020),
    ("безопасность", "безопасност", YEAR_2020),
    # Russian, rare words
    ("Шпицберген", "шпицберген", {}),
    ("Курильские", "курильск", {}),
    ("Антарктика", "антарктик", {}),
    ("Приднестровье", "приднестров", YEAR_2020),
    # Russian phrases
    ('"Совет Безопасности"', "совет безопасности", {}),
    ('"Министр иностранных дел"', "министр иностранных дел", {}),
    ('"атомной электростанции"', "атомной электростанции", {}),
    ('"международного права"', "международного права", YEAR_2020),
    # Russian prefixes and boolean
    ("санкц*", "санкц", {}),
    ("безопасн*", "безопасн", YEAR_2020),
    ("Иран OR Венесуэла", "иран", {}),
    ("НАТО -санкции", "нато", {}),
    ("(Китай OR Индия) безопасность", "кита", YEAR_2020),
]

CALENDAR_QUERIES = ["sanctions", "санкция", '"Security Council"', "Spitsbergen", "Россия"]
CALENDAR_MONTHS = [(2015, 3), (2018, 11), (2020, 6), (2022, 2), (2024, 9)]


@dataclass
class Row:
    query: str
    filtered: bool
    total: int
    app_cold_ms: float
    app_ms: float
    floor_ms: float
    floor_snippet_ms: float
    rg_ms: float | None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def build(work: Path, count: int, seed: int) -> tuple[Path, Path, dict[str, float]]:
    """The corpus and its library, reused when already built; import figures when built now."""
    corpus = work / f"corpus-{count}" if seed == 1 else work / f"corpus-{count}-s{seed}"
    if not (corpus / ".complete").exists() and corpus.is_dir() and sum(1 for _ in corpus.rglob("*.txt")) == count:
        (corpus / ".complete").write_text("ok")  # written whole by another benchmark (the same seed)
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        print(f"generating {count} files in {corpus} …", file=sys.stderr, flush=True)
        generate(corpus, count, seed=seed)
        (corpus / ".complete").write_text("ok")
    files = sorted(p for p in corpus.rglob("*.txt"))
    text_bytes = sum(p.stat().st_size for p in files)
    library = work / f"library-{count}-s{seed}.sqlite"
    figures: dict[str, float] = {"files": len(files), "text_mb": text_bytes / 1e6}
    marker = library.with_suffix(".import.json")
    if library.exists() and marker.exists():
        figures.update(json.loads(marker.read_text()))
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
        print(f"importing {len(files)} files …", file=sys.stderr, flush=True)
        with Library.open(library) as lib:
            started = time.perf_counter()
            report = import_paths(lib, files)
            seconds = time.perf_counter() - started
            lib._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        imported = len(report.outcomes) - len(report.failed)
        built = {"import_seconds": seconds, "import_per_second": imported / seconds, "imported": imported}
        marker.write_text(json.dumps(built))
        figures.update(built)
    figures["db_mb"] = library.stat().st_size / 1e6
    figures["db_to_text"] = library.stat().st_size / text_bytes
    return corpus, library, figures


def floor_statements(
    conn: sqlite3.Connection, match: str | None, filters: dict[str, dt.date], *, snippets: bool = False
) -> int:
    """The app's statements issued directly: the total, and the first 50 ids by relevance with their
    rows; with `snippets`, also FTS5's own snippet() for the visible rows (the app makes them in Python)."""
    assert match is not None
    date_sql = (
        " AND +rowid IN (SELECT t.id FROM transcripts t WHERE t.published_date >= ? AND t.published_date <= ?)"
        if filters
        else ""
    )
    args = [match, *([filters["date_from"].isoformat(), filters["date_to"].isoformat()] if filters else [])]
    total = conn.execute("SELECT count(*) FROM transcripts_fts WHERE transcripts_fts MATCH ?" + date_sql, args)
    total = total.fetchone()[0]
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH ?"
            + date_sql
            + f" ORDER BY bm25(transcripts_fts, {TITLE_WEIGHT}, 1.0) LIMIT 50",
            args,
        )
    ]
    if ids:
        conn.execute(
            "SELECT id, published_date, published_time, title, language, doc_type FROM transcripts"
            f" WHERE id IN ({', '.join('?' * len(ids))})",
            ids,
        ).fetchall()
    if snippets:
        for rowid in ids[:VISIBLE_ROWS]:
            conn.execute(
                "SELECT snippet(transcripts_fts, 1, '[', ']', '…', 32) FROM transcripts_fts"
                " WHERE transcripts_fts MATCH ? AND rowid = ?",
                (match, rowid),
            ).fetchone()
    return int(total)


def timed(fn, runs: int) -> tuple[float, object]:
    """Median milliseconds of `runs` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def run_queries(library_path: Path, corpus: Path, runs: int, use_rg: bool) -> list[Row]:
    rows: list[Row] = []
    floor = sqlite3.connect(f"{library_path.as_uri()}?mode=ro", uri=True)
    with Library.open(library_path) as lib:
        for query, pattern, filters in QUERIES:

            def app(query: str = query, filters: dict[str, dt.date] = filters) -> int:
                result = lib.search(query, limit=50, **filters)
                result.snippets(result.hits[:VISIBLE_ROWS])
                return result.total

            lib._search_cache.clear()  # cold: the query's words not seen before
            cold_ms, _ = timed(app, 1)
            app_ms, total = timed(app, runs)
            match = lib.compile_search(query).match
            if match is None:  # not in this mix: every query has something to match
                raise SystemExit(f"{query!r} compiles to no MATCH")
            floor_ms, floor_total = timed(lambda m=match, f=filters: floor_statements(floor, m, f), runs)
            if "-" not in query and floor_total != total:
                raise SystemExit(f"{query!r}: the app counted {total}, the floor {floor_total}")
            floor_snippet_ms, _ = timed(
                lambda m=match, f=filters: floor_statements(floor, m, f, snippets=True), min(runs, 2)
            )
            rg_ms = None
            if use_rg and not filters:
                rg_ms, _ = timed(
                    lambda p=pattern: subprocess.run(
                        ["rg", "-l", "-i", "-F", p, str(corpus)], capture_output=True, check=False
                    ),
                    1,
                )
            rows.append(Row(query, bool(filters), int(total), cold_ms, app_ms, floor_ms, floor_snippet_ms, rg_ms))
            print(
                f"  {query[:34]:34} {'2020' if filters else '    '} {total:>6}  cold {cold_ms:7.1f}  app {app_ms:7.1f}"
                f"  floor {floor_ms:7.1f}  +snippet() {floor_snippet_ms:7.1f}"
                + (f"  rg {rg_ms:7.1f}" if rg_ms is not None else ""),
                file=sys.stderr,
                flush=True,
            )
    floor.close()
    return rows


def calendar_times(library_path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds for a month of hit marks after a search sorted by relevance, and after one sorted by
    date (either way the search's remembered matches answer)."""
    by_relevance, by_date = [], []
    with Library.open(library_path) as lib:
        lib.search_day_counts("", 2020, 1)  # the date order, read once until the library changes
        for query in CALENDAR_QUERIES:
            for sort, times in (("relevance", by_relevance), ("date", by_date)):
                lib._search_cache.pop("matched", None)
                lib.search(query, limit=50, sort=sort)  # the search that put the calendar in search mode
                for year, month in CALENDAR_MONTHS:
                    ms, _ = timed(lambda q=query, y=year, m=month: lib.search_day_counts(q, y, m), runs)
                    times.append(ms)
    return by_relevance, by_date


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.search_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="files in the archive (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="folder for the corpus and library, reused between runs")
    parser.add_argument("--runs", type=int, default=5, help="runs of each query; the median counts")
    parser.add_argument("--json", type=Path, help="write the figures here (default: WORK/search-bench-COUNT.json)")
    parser.add_argument("--no-rg", action="store_true", help="skip the ripgrep comparison")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.gettempdir()) / "transcript-reader-search-bench"
    work.mkdir(parents=True, exist_ok=True)

    corpus, library, figures = build(work, args.count, args.seed)
    use_rg = not args.no_rg and shutil.which("rg") is not None
    print(f"{len(QUERIES)} queries, {args.runs} runs each …", file=sys.stderr, flush=True)
    rows = run_queries(library, corpus, args.runs, use_rg)
    calendar_first, calendar_next = calendar_times(library, args.runs)

    def stats(values: list[float]) -> dict[str, float]:
        return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95)}

    app = stats([r.app_ms for r in rows])
    cold = stats([r.app_cold_ms for r in rows])
    floor = stats([r.floor_ms for r in rows])
    floor_snippets = stats([r.floor_snippet_ms for r in rows])
    unfiltered = [r for r in rows if r.rg_ms is not None]
    rg = stats([r.rg_ms for r in unfiltered]) if unfiltered else None  # type: ignore[misc]
    app_unfiltered = stats([r.app_ms for r in unfiltered]) if unfiltered else None
    cal_first, cal_next = stats(calendar_first), stats(calendar_next)
    summary = {
        "count": args.count,
        "machine": f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the end",
        "build": figures,
        "queries": len(rows),
        "search_warm_ms": app,
        "search_cold_ms": cold,
        "sql_floor_ms": floor,
        "sql_floor_with_fts5_snippets_ms": floor_snippets,
        "app_over_floor_p50": app["p50"] / floor["p50"],
        "app_over_floor_median_per_query": statistics.median(r.app_ms / r.floor_ms for r in rows if r.floor_ms > 0),
        "rg_ms": rg,
        "rg_over_app_p50": (rg["p50"] / app_unfiltered["p50"]) if rg and app_unfiltered else None,
        "calendar_month_after_relevance_search_ms": cal_first,
        "calendar_month_after_date_search_ms": cal_next,
        "rows": [r.__dict__ for r in rows],
    }
    out = args.json or work / f"search-bench-{args.count}.json"
    out.write_text(json.dumps(summary, indent=2, ensure_ascii=False))

    def line(name: str, value: str, budget: str) -> None:
        print(f"| {name} | {value} | {budget} |")

    print(f"\nSearch benchmark, {args.count} files ({figures['text_mb']:.0f} MB of text), {summary['machine']}\n")
    print("| measure | result | budget |\n|---|---|---|")
    if "import_per_second" in figures:
        line("index build (whole import)", f"{figures['import_per_second']:.0f} transcripts/s", "≥ 400/s")
    line("library size / text size", f"{figures['db_to_text']:.2f}", "≤ 1.4")
    line(
        f"search: total + first 50, snippets for {VISIBLE_ROWS} visible ({len(rows)} queries, warm)",
        f"p50 {app['p50']:.1f} ms, p95 {app['p95']:.1f} ms",
        "p50 ≤ 25 ms, p95 ≤ 100 ms",
    )
    line("same, cold (words not seen before)", f"p50 {cold['p50']:.1f} ms, p95 {cold['p95']:.1f} ms", "")
    line(
        "bare SQL floor (same FTS5 statements, no snippets)",
        f"p50 {floor['p50']:.1f} ms, p95 {floor['p95']:.1f} ms",
        "",
    )
    line(
        "app / floor",
        f"{summary['app_over_floor_p50']:.2f}× at p50; per query, median"
        f" {summary['app_over_floor_median_per_query']:.2f}×",
        "≤ 1.5×",
    )
    line(
        f"floor + FTS5 snippet() for the {VISIBLE_ROWS} visible rows",
        f"p50 {floor_snippets['p50']:.1f} ms, p95 {floor_snippets['p95']:.1f} ms",
        "",
    )
    if rg and app_unfiltered:
        line(
            f"`rg -l -i` over the files ({len(unfiltered)} unfiltered queries)",
            f"p50 {rg['p50']:.0f} ms ({summary['rg_over_app_p50']:.0f}× the app's {app_unfiltered['p50']:.1f} ms)",
            "app ≥ 10× faster",
        )
    line(
        "calendar month of hit marks (results by relevance)",
        f"p50 {cal_first['p50']:.2f} ms, p95 {cal_first['p95']:.2f} ms",
        "≤ 5 ms",
    )
    line(
        "calendar month of hit marks (results by date)",
        f"p50 {cal_next['p50']:.2f} ms, p95 {cal_next['p95']:.2f} ms",
        "≤ 5 ms",
    )
    print(f"\nfigures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
