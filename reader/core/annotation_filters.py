"""Filtering and sorting annotations for the library-wide annotations view, in plain Python.

The library returns every annotation in one query; the view narrows the list as the user types
(a few thousand annotations filter in well under a frame), so no SQL is written per filter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from reader.core.model import Annotation, TranscriptId, TranscriptSummary

SortKey = Literal["document", "modified"]
DateField = Literal["document", "modified"]


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """What the user narrowed the list to; a field left at its default does not filter."""

    text: str = ""  # every word must occur in the quote, note, tags or document title (case-insensitive)
    color: str | None = None  # a legend key
    tag: str | None = None  # matched ignoring case
    language: str | None = None  # "en", "ru" …: the language of the annotated version
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    date_field: DateField = "document"  # the range applies to the document's date or to the last change
    transcript_id: int | None = None
    orphans_only: bool = False


def filter_annotations(
    annotations: Iterable[Annotation], documents: Mapping[TranscriptId, TranscriptSummary], f: AnnotationFilter
) -> list[Annotation]:
    """The annotations `f` lets through; `documents` gives each transcript's title, date and language."""
    words = f.text.casefold().split()
    tag = f.tag.strip().casefold() if f.tag else ""
    kept = []
    for a in annotations:
        doc = documents.get(a.transcript_id)
        if f.transcript_id is not None and a.transcript_id != f.transcript_id:
            continue
        if f.orphans_only and not a.orphan:
            continue
        if f.color is not None and a.color != f.color:
            continue
        if tag and tag not in {t.casefold() for t in a.tags}:
            continue
        if f.language and (doc is None or doc.language.casefold() != f.language.casefold()):
            continue
        if f.date_from is not None or f.date_to is not None:
            day = _day_of(a, doc, f.date_field)
            if day is None or (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
                continue
        if words:
            haystack = " ".join((a.exact, a.note or "", " ".join(a.tags), doc.title if doc else "")).casefold()
            if not all(w in haystack for w in words):
                continue
        kept.append(a)
    return kept


def sort_annotations(
    annotations: Iterable[Annotation], documents: Mapping[TranscriptId, TranscriptSummary], by: SortKey = "document"
) -> list[Annotation]:
    """By document date (newest first, then reading order within a document) or by last change (newest first)."""
    items = list(annotations)
    if by == "modified":
        return sorted(items, key=lambda a: a.modified, reverse=True)

    def document_key(a: Annotation) -> tuple[dt.date, int]:
        doc = documents.get(a.transcript_id)
        return (doc.published_date if doc and doc.published_date else dt.date.min, a.transcript_id)

    reading = sorted(items, key=lambda a: (a.transcript_id, a.orphan, a.start, a.end, a.id))
    return sorted(reading, key=document_key, reverse=True)  # stable: reading order kept within a document


def _day_of(a: Annotation, doc: TranscriptSummary | None, field: DateField) -> dt.date | None:
    if field == "modified":
        return a.modified.date()
    return doc.published_date if doc else None
