"""Export and import benchmark: 10,000 annotations in every format (budget ≤ 2 s each), imported (≤ 5 s).

A library of 100 synthetic documents in English and Russian (200 transcripts) gets 10,000 annotations,
50 a transcript (highlights with notes and tags, paragraph notes, a transcript note each), through one
native file import. Then:

- every export format of the whole library (Markdown also with the counterpart paragraphs), median of 3;
- importing the native export and the JSON-LD export into fresh copies of the library holding the same
  transcripts (matched by urn, anchored at their old place), median of 3 each;
- the round trip: the copy's native export has the same documents as the original's.

    python -m tests.bench.export_bench [--work DIR] [--json OUT]
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
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.export import FORMATS, document_urn, export, render, select  # noqa: E402
from reader.core.export.annotation_import import import_annotations  # noqa: E402
from reader.core.export.native import document_reference  # noqa: E402
from reader.core.importer import import_paths  # noqa: E402
from reader.core.library import Library  # noqa: E402
from tests.bench.corpus import generate  # noqa: E402

DOCUMENTS = 100
PER_TRANSCRIPT = 50
TAGS = ("China", "sanctions", "treaty", "NATO", "Украина", "экономика", "check", "quote")
COLORS = ("yellow", "red", "green", "blue", "purple", "orange")


def annotation_file(library: Library, rng: random.Random) -> dict[str, object]:
    """A native annotation file with PER_TRANSCRIPT annotations on every transcript of `library`."""
    documents = []
    stamp = "2024-05-01T10:00:00.000Z"
    for summary in library.summaries():
        t = library.transcript(summary.id)
        text, spans = t.text, t.paragraph_offsets()
        annotations = [_note("transcript note", 0, 0, "", "", "", None, rng, stamp, note="About the whole text.")]
        for k in range(PER_TRANSCRIPT - 1):
            p = rng.randrange(len(spans))
            start, end = spans[p]
            if k % 10 == 0:
                kind, color = "paragraph note", None
            else:
                kind, color = "highlight", rng.choice(COLORS)
                length = min(end - start, rng.randint(20, 200))
                start = start + rng.randrange(max(1, end - start - length + 1))
                end = start + length
                while end > start and text[end - 1].isspace():
                    end -= 1
                while start < end and text[start].isspace():
                    start += 1
                if start == end:
                    continue
            prefix, suffix = text[max(0, start - 32) : start], text[end : end + 32]
            annotations.append(_note(kind, start, end, text[start:end], prefix, suffix, p, rng, stamp, color=color))
        documents.append({**document_reference(t), "annotations": annotations, "bookmarks": []})
    return {"format": "transcript-reader-annotations", "version": 1, "color_legend": [], "documents": documents}


def _note(kind, start, end, exact, prefix, suffix, paragraph, rng, stamp, *, color=None, note=None):  # noqa: ANN001, ANN202
    return {
        "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "kind": kind,
        "start": start,
        "end": end,
        "exact": exact,
        "prefix": prefix,
        "suffix": suffix,
        "paragraph": paragraph,
        "content_hash": "",
        "color": color,
        "note": note if note is not None else (rng.choice(["", "Check against the 2021 text.", "Цитата для статьи."])),
        "tags": rng.sample(TAGS, rng.randint(0, 3)),
        "orphan": False,
        "created": stamp,
        "modified": stamp,
    }


def timed(action) -> float:  # noqa: ANN001
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.export_bench", description=__doc__)
    parser.add_argument("--work", type=Path, help="folder for the libraries (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="export-bench-", dir=args.work))
    results: dict[str, object] = {}
    try:
        files = generate(work / "corpus", DOCUMENTS * 2, seed=1)  # an English and a Russian file each
        base = work / "base.sqlite"
        with Library.open(base) as library:
            import_paths(library, files)
        original = work / "original.sqlite"
        shutil.copy(base, original)  # closed, checkpointed: a plain copy is fine here
        source = work / "source.json"
        with Library.open(original) as library:
            source.write_text(json.dumps(annotation_file(library, random.Random(1)), ensure_ascii=False))
            first_import = timed(lambda: import_annotations(library, source))
            total = len(library.annotations())
            results["annotations"] = total
            results["transcripts"] = library.count()
            results["import_native_into_library_s"] = round(first_import, 3)
            exports: dict[str, float] = {}
            texts: dict[str, str] = {}
            for name in FORMATS:
                runs = []
                for _ in range(3):
                    runs.append(timed(lambda name=name: texts.__setitem__(name, export(library, name))))
                exports[name] = round(statistics.median(runs), 3)
            runs = [timed(lambda: export(library, "markdown", counterparts=True)) for _ in range(3)]
            exports["markdown_with_counterparts"] = round(statistics.median(runs), 3)
            selection = select(library)
            exports["select_only"] = round(statistics.median(timed(lambda: select(library)) for _ in range(3)), 3)
            exports["render_csv_only"] = round(
                statistics.median(timed(lambda: render(selection, "csv")) for _ in range(3)), 3
            )
            results["export_s"] = exports
            results["export_bytes"] = {name: len(text.encode("utf-8")) for name, text in texts.items()}
            original_native = json.loads(texts["json"])["documents"]
        for name in ("json", "jsonld"):
            (work / f"export.{name}").write_text(texts[name], encoding="utf-8")
        imports: dict[str, float] = {}
        for name in ("json", "jsonld"):
            runs = []
            for run in range(3):
                copy = work / f"copy-{name}-{run}.sqlite"
                shutil.copy(base, copy)
                with Library.open(copy) as library:
                    file = work / f"export.{name}"
                    runs.append(timed(lambda library=library, file=file: import_annotations(library, file)))
                    if name == "json" and run == 0:
                        same = json.loads(export(library, "json"))["documents"] == original_native
                        results["round_trip_same_documents"] = same
                        results["urns_distinct"] = len({document_urn(library.transcript(s.id))
                                                        for s in library.summaries()}) == library.count()  # fmt: skip
            imports[name] = round(statistics.median(runs), 3)
        results["import_s"] = imports
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    worst_export = max(v for k, v in results["export_s"].items() if k in FORMATS)  # type: ignore[union-attr]
    worst_import = max(results["import_s"].values())  # type: ignore[union-attr]
    print(
        f"\n{results['annotations']:,} annotations: slowest export {worst_export:.2f} s (budget 2 s), "
        f"slowest import {worst_import:.2f} s (budget 5 s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
