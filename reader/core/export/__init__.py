"""Exports of annotations: Markdown, CSV, W3C Web Annotation JSON-LD, HTML and the native JSON.

Every format renders one `Selection` (what `Scope` picks: the open document, the documents selected in
the list or found by a search, a date range or the whole library; filtered by colour and tag). The
result is text; `write_atomically` puts it on disk all or nothing.

    text = export(library, "markdown", Scope.document(12), counterparts=True, progress=on_progress)
    write_atomically(Path("notes.md"), text, force=False)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.model import (
    Annotation,
    AnnotationKind,
    Bookmark,
    ColorLegendEntry,
    ParagraphKind,
    Transcript,
    TranscriptId,
    TranscriptSummary,
    UnmatchedAnnotation,
)

if TYPE_CHECKING:
    from reader.core.alignment import Alignment
    from reader.core.library import Library
    from reader.core.search import SearchResult

Progress = Callable[[int, int], None]
"""`progress(done, total)`: annotations rendered so far, of how many; called every few hundred."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # as `export --format` takes it
    title: str  # for the dialog's format list
    extension: str  # suggested file name ending
    media_type: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("markdown", "Markdown", ".md", "text/markdown"),
        ExportFormat("csv", "CSV for spreadsheets", ".csv", "text/csv"),
        ExportFormat("jsonld", "W3C Web Annotation (JSON-LD)", ".jsonld", "application/ld+json"),
        ExportFormat("html", "Web page (printable)", ".html", "text/html"),
        ExportFormat("json", "Transcript Reader backup (JSON, everything)", ".json", "application/json"),
    )
}


class ExportError(Exception):
    """An export that cannot be done or written, with a message for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Scope:
    """Which annotations an export holds. Filters combine: every one given must hold."""

    transcripts: tuple[int, ...] | None = None  # None: every transcript
    date_from: dt.date | None = None  # the transcripts' publication date, inclusive
    date_to: dt.date | None = None
    colors: tuple[str, ...] = ()  # legend keys; an annotation in any of them
    tags: tuple[str, ...] = ()  # an annotation with any of them (case ignored)

    @classmethod
    def document(cls, transcript_id: int) -> Scope:
        """The open document (the version being read)."""
        return cls(transcripts=(transcript_id,))

    @classmethod
    def of_ids(cls, transcript_ids: Iterable[int]) -> Scope:
        """Documents selected in the list."""
        return cls(transcripts=tuple(dict.fromkeys(transcript_ids)))

    @classmethod
    def of_search(cls, result: SearchResult) -> Scope:
        """The documents of a search's result (the hits it holds)."""
        return cls.of_ids(hit.id for hit in result.hits)

    @property
    def filtered(self) -> bool:
        """Colour or tag filters pick some annotations of a document (bookmarks then stay out)."""
        return bool(self.colors or self.tags)

    @property
    def whole_library(self) -> bool:
        return self.transcripts is None and self.date_from is None and self.date_to is None and not self.filtered


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """One transcript with the annotations (and bookmarks) an export holds of it."""

    transcript: Transcript
    annotations: tuple[Annotation, ...]
    bookmarks: tuple[Bookmark, ...] = ()
    counterpart: Transcript | None = None  # the other language version, when asked for and present
    alignment: Alignment | None = field(default=None, repr=False)

    @property
    def urn(self) -> str:
        return document_urn(self.transcript)

    def counterpart_paragraph(self, a: Annotation) -> tuple[int, str] | None:
        """(index, text) of the paragraph of the other version that says what `a`'s paragraph says."""
        if self.counterpart is None or self.alignment is None or a.orphan or a.paragraph is None:
            return None
        if a.paragraph >= len(self.transcript.paragraphs):
            return None
        j = self.alignment.counterpart(a.paragraph)
        return j, self.counterpart.paragraphs[j].shown_text


@dataclass(frozen=True, slots=True)
class Selection:
    documents: tuple[DocumentEntry, ...]
    legend: tuple[ColorLegendEntry, ...]
    unmatched: tuple[UnmatchedAnnotation, ...] = ()  # whole-library exports only
    exported: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    _colors: dict[str, ColorLegendEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_colors", {e.key: e for e in self.legend})

    @property
    def total(self) -> int:
        return sum(len(d.annotations) for d in self.documents)

    def color(self, key: str | None) -> ColorLegendEntry | None:
        return self._colors.get(key) if key else None

    def meaning(self, key: str | None) -> str | None:
        entry = self.color(key)
        return entry.meaning if entry and entry.meaning else None


def select(library: Library, scope: Scope | None = None, *, counterparts: bool = False,
           limit: int | None = None) -> Selection:  # fmt: skip
    """The documents and annotations `scope` picks, documents by publication date, annotations in
    reading order (a transcript note first, orphans last). `limit` stops after that many annotations."""
    scope = scope or Scope()
    wanted = None if scope.transcripts is None else set(scope.transcripts)
    summaries = {s.id: s for s in library.summaries()}
    if wanted is not None:
        unknown = sorted(wanted - set(summaries))
        if unknown:
            from reader.core.library import UnknownTranscript

            raise UnknownTranscript(unknown[0])
    dated = [
        s.id
        for s in summaries.values()
        if (wanted is None or s.id in wanted)
        and (scope.date_from is None or (s.published_date is not None and s.published_date >= scope.date_from))
        and (scope.date_to is None or (s.published_date is not None and s.published_date <= scope.date_to))
    ]
    if wanted is not None and len(dated) <= 50:
        annotations = [a for tid in dated for a in library.annotations(tid)]
    else:
        chosen = set(dated)
        annotations = [a for a in library.annotations() if a.transcript_id in chosen]
    colors = set(scope.colors)
    tags = {t.casefold() for t in scope.tags}
    grouped: dict[int, list[Annotation]] = {}
    for a in annotations:
        if colors and a.color not in colors:
            continue
        if tags and not any(t.casefold() in tags for t in a.tags):
            continue
        grouped.setdefault(a.transcript_id, []).append(a)
    bookmarked: dict[int, list[Bookmark]] = {}
    if not scope.filtered:
        chosen = set(dated)
        for b in library.bookmarks():
            if b.transcript_id in chosen:
                bookmarked.setdefault(b.transcript_id, []).append(b)

    def when(transcript_id: int) -> tuple[object, ...]:
        s = summaries[TranscriptId(transcript_id)]
        return (s.published_date or dt.date.max, s.published_time or dt.time.min, s.title, s.language, s.id)

    documents = []
    count = 0
    for transcript_id in sorted(set(grouped) | set(bookmarked), key=when):
        if limit is not None and count >= limit:
            break
        picked = sorted(grouped.get(transcript_id, ()), key=_reading_order)
        if limit is not None:
            picked = picked[: limit - count]
        count += len(picked)
        t = library.transcript(transcript_id)
        other = alignment = None
        if counterparts and picked:
            other, alignment = _counterpart(library, t)
        documents.append(DocumentEntry(t, tuple(picked), tuple(bookmarked.get(transcript_id, ())), other, alignment))
    unmatched = tuple(library.unmatched_annotations()) if scope.whole_library else ()
    return Selection(tuple(documents), library.color_legend(), unmatched)


def export(
    library: Library,
    format: str,
    scope: Scope | None = None,
    *,
    counterparts: bool = False,
    progress: Progress | None = None,
    limit: int | None = None,
) -> str:
    """The annotations `scope` picks in `format` (a key of FORMATS), as text to write as UTF-8.

    `counterparts` adds, in Markdown and HTML, the paragraph of the other language version under each quote.
    """
    if format not in FORMATS:
        raise ExportError(f"There is no export format “{format}”; the formats are {', '.join(FORMATS)}.")
    return render(select(library, scope, counterparts=counterparts, limit=limit), format, progress=progress)


def preview(
    library: Library, format: str, scope: Scope | None = None, n: int = 5, *, counterparts: bool = False
) -> str:
    """The start of an export: its first `n` annotations, for the export dialog."""
    return export(library, format, scope, counterparts=counterparts, limit=n)


def render(selection: Selection, format: str, *, progress: Progress | None = None) -> str:
    """`selection` in `format`."""
    if format == "markdown":
        from reader.core.export import markdown as module
    elif format == "csv":
        from reader.core.export import csv_export as module  # type: ignore[no-redef]
    elif format == "jsonld":
        from reader.core.export import jsonld as module  # type: ignore[no-redef]
    elif format == "html":
        from reader.core.export import html as module  # type: ignore[no-redef]
    elif format == "json":
        from reader.core.export import native as module  # type: ignore[no-redef]
    else:
        raise ExportError(f"There is no export format “{format}”; the formats are {', '.join(FORMATS)}.")
    return module.render(selection, Ticker(progress, selection.total))


def write_atomically(path: str | os.PathLike[str], content: str | bytes, *, force: bool = False) -> Path:
    """Write `content` (text as UTF-8) to `path` all or nothing: into a new file beside it, then renamed
    over it. An existing `path` is replaced only with `force`; ExportError says what is wrong."""
    path = Path(path).expanduser()
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name to export to.")
    if path.exists() and not force:
        raise ExportError(f"{path} exists already; nothing was written (choose another name, or replace it).")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist; nothing was written.")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as err:
        raise ExportError(f"Cannot write to the folder {path.parent}: {err.strerror}. Nothing was written.") from err
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as err:
        raise ExportError(f"Could not write {path}: {err.strerror or err}. Nothing was written.") from err
    finally:
        tmp.unlink(missing_ok=True)
    return path


# -- what every format shows ------------------------------------------------------------------------


class Ticker:
    """Calls `progress(done, total)` every `every` annotations and once at the end."""

    def __init__(self, progress: Progress | None, total: int, every: int = 250) -> None:
        self._progress, self.total, self._every, self.done = progress, total, every, 0

    def tick(self) -> None:
        self.done += 1
        if self._progress is not None and (self.done % self._every == 0 or self.done == self.total):
            self._progress(self.done, self.total)


def document_urn(t: Transcript | TranscriptSummary) -> str:
    """A stable name of a document version in any library: its language, date and a digest of the
    identity a re-import keeps (date, time, title, language), so revisions keep it."""
    date = t.published_date.isoformat() if t.published_date else "undated"
    time = t.published_time.strftime("%H:%M") if t.published_time else ""
    digest = hashlib.sha256(f"{date}|{time}|{t.title}|{t.language}".encode()).hexdigest()[:16]
    return f"urn:transcript-reader:{t.language}:{date}:{digest}"


def source_of(t: Transcript) -> str:
    """What a W3C target names as its source: the page's mid.ru address when known, else `document_urn`.

    A page saved as text does not carry its address, so today it is always the urn.
    """
    return document_urn(t)


def locator(t: Transcript, a: Annotation) -> str:
    """Where an annotation is, as a reader finds it: "section 2, turn 5, paragraph 12"."""
    if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
        return "whole transcript"
    if a.orphan or a.paragraph is None or a.paragraph >= len(t.paragraphs):
        return "not found in the current text"
    p = t.paragraphs[a.paragraph]
    parts = []
    if p.section is not None and t.sections:
        parts.append(f"section {p.section + 1}")
    if p.turn is not None:
        parts.append(f"turn {p.turn + 1}")
    parts.append(f"paragraph {a.paragraph + 1}")
    return ", ".join(parts)


def section_title(t: Transcript, a: Annotation) -> str | None:
    if a.orphan or a.paragraph is None or a.paragraph >= len(t.paragraphs):
        return None
    section = t.paragraphs[a.paragraph].section
    return t.sections[section] if section is not None and section < len(t.sections) else None


def speaker(t: Transcript, a: Annotation) -> str | None:
    """Who says the annotated words (the speaker of the paragraph they start in), if anyone."""
    if a.orphan or a.paragraph is None or a.paragraph >= len(t.paragraphs):
        return None
    p = t.paragraphs[a.paragraph]
    return p.speaker if p.kind is ParagraphKind.TURN else None


def timestamp(value: dt.datetime) -> str:
    """An xsd:dateTime in UTC, as the W3C model asks: 2021-03-22T10:00:00.123Z."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def published(t: Transcript) -> str:
    """The publication date and time as a reader writes it: "22 March 2021, 01:00"."""
    if t.published_date is None:
        return "undated"
    d = t.published_date
    text = f"{d.day} {d.strftime('%B')} {d.year}"
    return f"{text}, {t.published_time.strftime('%H:%M')}" if t.published_time else text


def _reading_order(a: Annotation) -> tuple[object, ...]:
    return (a.orphan, a.start, a.end, a.created, a.uid)


def _counterpart(library: Library, t: Transcript) -> tuple[Transcript | None, Alignment | None]:
    assert t.id is not None
    others = [tid for language, tid in library.versions(t.id).items() if language != t.language]
    if not others:
        return None, None
    from reader.core.alignment import align

    other = library.transcript(others[0])
    return other, align(t, other)
