"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

An `AnnotationCollection` whose first `AnnotationPage` holds every `Annotation`:

- `id` `urn:uuid:<uid>` (the id that stays the same across libraries), `created`, `modified` in UTC;
- `motivation` `highlighting` for a highlight, `commenting` for a note on a paragraph or transcript;
- `body`: a `TextualBody` for the note (purpose `commenting`), one per tag (purpose `tagging`), and
  the colour's meaning (purpose `classifying`);
- `target`: `source` (the document's mid.ru address when known, else its stable `urn:transcript-reader:`)
  with a `TextQuoteSelector` and a `TextPositionSelector` (character offsets into the text as
  `transcript-reader show ID --json` gives it) and the colour as `styleClass`, which the annotation's
  CSS `stylesheet` defines; a note on the whole transcript targets the source itself.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from reader.core.export import Selection, Ticker, source_of, timestamp
from reader.core.model import Annotation, AnnotationKind

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def render(selection: Selection, ticker: Ticker) -> str:
    items = []
    for d in selection.documents:
        source = source_of(d.transcript)
        for a in d.annotations:
            items.append(annotation_object(a, source, selection))
            ticker.tick()
    collection = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": "Annotations exported from Transcript Reader",
        "generated": timestamp(selection.exported),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": _ITEMS},
    }
    # One annotation a line: readable and diffable, and written by the C encoder (`indent` would use
    # the pure-Python one, several times slower on 10,000 annotations).
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    head = json.dumps(collection, ensure_ascii=False, indent=1)
    return head.replace(json.dumps(_ITEMS), f"[\n{lines}\n ]" if items else "[]", 1) + "\n"


_ITEMS = "\u0000items"  # stands in for the list of annotations until they are put in place


def annotation_object(a: Annotation, source: str, selection: Selection) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain"})
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags]
    entry = selection.color(a.color)
    if entry is not None and entry.meaning:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": entry.meaning})
    target: str | dict[str, Any]
    if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
        target = source
    else:
        target = {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        }
        if entry is not None:
            target["styleClass"] = entry.key
    obj: dict[str, Any] = {
        "id": f"urn:uuid:{a.uid}",
        "type": "Annotation",
        "motivation": "highlighting" if a.kind is AnnotationKind.HIGHLIGHT else "commenting",
        "created": timestamp(a.created),
        "modified": timestamp(a.modified),
    }
    if body:
        obj["body"] = body
    obj["target"] = target
    if entry is not None and a.kind is not AnnotationKind.TRANSCRIPT_NOTE:
        obj["stylesheet"] = {"type": "CssStylesheet", "value": f".{entry.key} {{ background-color: {entry.hex} }}"}
    return obj
