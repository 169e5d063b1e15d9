"""Annotations in Transcript Reader's own JSON: everything, for backup and for moving to another machine.

    {"format": "transcript-reader-annotations", "version": 1, "generator": …, "exported": …,
     "color_legend": [{"key", "hex", "meaning"}],
     "documents": [{"ref", "title", "language", "date", "time", "place", "doc_type", "doc_number",
                    "content_hash", "annotations": [ANNOTATION], "bookmarks": [{"paragraph", "label",
                    "created", "quote"}]}],
     "unmatched": [{"document": {…}, "annotation": ANNOTATION}]}

    ANNOTATION = {"uid", "kind", "start", "end", "exact", "prefix", "suffix", "paragraph", "content_hash",
                  "color", "note", "tags", "orphan", "created", "modified"}

`ref` is the document's stable `urn:transcript-reader:` name; offsets index the text as
`transcript-reader show ID --json` gives it; times are UTC. `unmatched` holds annotations imported
earlier whose document was not in the library. A reader refuses a `version` newer than its own.
"""

from __future__ import annotations

import json
from typing import Any

from reader import __version__
from reader.core.anchoring import CONTEXT
from reader.core.export import DocumentEntry, Selection, Ticker, document_urn, timestamp
from reader.core.model import Annotation, Bookmark, Transcript

FORMAT = "transcript-reader-annotations"
VERSION = 1

ANNOTATION_FIELDS = ("uid", "kind", "start", "end", "exact", "prefix", "suffix", "paragraph", "content_hash",
                     "color", "note", "tags", "orphan", "created", "modified")  # fmt: skip
BOOKMARK_FIELDS = ("paragraph", "label", "created", "quote")
DOCUMENT_FIELDS = ("ref", "title", "language", "date", "time", "place", "doc_type", "doc_number", "content_hash",
                   "annotations", "bookmarks")  # fmt: skip


def render(selection: Selection, ticker: Ticker) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Transcript Reader {__version__}",
        "exported": timestamp(selection.exported),
        "color_legend": [{"key": e.key, "hex": e.hex, "meaning": e.meaning} for e in selection.legend],
        "documents": _DOCUMENTS,
        "unmatched": [{"document": u.document, "annotation": u.annotation} for u in selection.unmatched],
    }
    # One annotation a line: readable and diffable, and written by the C encoder (`indent` would use
    # the pure-Python one, several times slower on 10,000 annotations).
    documents = ",\n".join(_document_text(document_object(d, ticker)) for d in selection.documents)
    head = json.dumps(data, ensure_ascii=False, indent=1)
    return head.replace(json.dumps(_DOCUMENTS), f"[\n{documents}\n ]" if documents else "[]", 1) + "\n"


_DOCUMENTS = "\u0000documents"  # stands in for the documents until they are put in place


def _document_text(document: dict[str, Any]) -> str:
    annotations = document.pop("annotations")
    lines = ",\n  ".join(json.dumps(a, ensure_ascii=False) for a in annotations)
    listed = f"[\n  {lines}\n ]" if annotations else "[]"
    return json.dumps(document, ensure_ascii=False)[:-1] + f', "annotations": {listed}}}'


def document_object(d: DocumentEntry, ticker: Ticker) -> dict[str, Any]:
    t = d.transcript
    annotations = []
    for a in d.annotations:
        annotations.append(annotation_object(a))
        ticker.tick()
    return {
        **document_reference(t),
        "annotations": annotations,
        "bookmarks": [bookmark_object(b, t) for b in d.bookmarks],
    }


def document_reference(t: Transcript) -> dict[str, Any]:
    """How a file names a document: its urn, and what a person or a later match needs to find it."""
    return {
        "ref": document_urn(t),
        "title": t.title,
        "language": t.language,
        "date": t.published_date.isoformat() if t.published_date else None,
        "time": t.published_time.strftime("%H:%M") if t.published_time else None,
        "place": t.place,
        "doc_type": t.doc_type.value,
        "doc_number": t.doc_number,
        "content_hash": t.content_hash,
    }


def annotation_object(a: Annotation) -> dict[str, Any]:
    return {
        "uid": a.uid,
        "kind": a.kind.value,
        "start": a.start,
        "end": a.end,
        "exact": a.exact,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "paragraph": a.paragraph,
        "content_hash": a.content_hash,
        "color": a.color,
        "note": a.note,
        "tags": list(a.tags),
        "orphan": a.orphan,
        "created": timestamp(a.created),
        "modified": timestamp(a.modified),
    }


def bookmark_object(b: Bookmark, t: Transcript) -> dict[str, Any]:
    quote = ""
    if 0 <= b.paragraph < len(t.paragraphs):
        quote = t.paragraphs[b.paragraph].shown_text[: CONTEXT * 2]
    return {"paragraph": b.paragraph, "label": b.label, "created": timestamp(b.created), "quote": quote}
