"""Import of annotation files: the native JSON and W3C Web Annotation JSON-LD, ours or another tool's
(a Hypothesis export, in its JSON-LD or its API form).

Each annotation's target is matched to a transcript of the library: by its `urn:transcript-reader:`
source, else by searching its quote; it is then anchored by its selectors the way a re-import
re-anchors (`Library.merge_annotations`). An annotation whose id is in the library already is not added
again; one whose document is not in the library is kept, with the file's reference to the document,
and attached by a later import once the document is there.

The whole file is read and checked before anything is written, and the library is changed in one
transaction: a file with a wrong type, an oversized text or (in the native format, which must not
lose anything silently) a field this version does not know is refused with a message naming the
entry, and the library stays as it was. W3C files may carry fields of other vocabularies, which are
ignored. Text is stored as text: a `<script>` in a note is a note that says "<script>".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.anchoring import CONTEXT, Selectors, reanchor
from reader.core.export import document_urn, native
from reader.core.library import MAX_LEGEND_COLORS, MAX_NOTE_CHARS, MAX_TAG_CHARS, Library
from reader.core.model import (
    Annotation,
    AnnotationId,
    AnnotationKind,
    AnnotationMerge,
    ColorLegendEntry,
    IncomingBookmark,
    InvalidAnnotation,
    MergeOutcome,
    Transcript,
    TranscriptId,
    UnmatchedAnnotation,
)

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_QUOTE_CHARS = 1_000_000  # a quote longer than any transcript is not a quote
MAX_REF_CHARS = 10_000  # ids, addresses, titles
MAX_TAGS = 100  # per annotation
_SURROGATE = re.compile("[\ud800-\udfff]")
_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_STYLE_RULE = re.compile(r"\.([a-z0-9][a-z0-9_-]{0,31})\s*\{[^}]*?background(?:-color)?\s*:\s*(#[0-9A-Fa-f]{6})")


class AnnotationFileError(Exception):
    """A file that cannot be imported, with a message for people; the library was not changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import of an annotation file did."""

    file: str
    format: str  # "Transcript Reader JSON", "W3C Web Annotation", "Hypothesis"
    entries: int  # annotations in the file
    outcome: MergeOutcome
    skipped: int = 0  # entries with neither a quote nor a note: nothing to keep
    missing_documents: tuple[str, ...] = ()  # references of documents not in the library, first few

    def summary(self) -> str:
        o = self.outcome
        parts = [f"{o.added} added"]
        if o.orphaned:
            parts.append(f"{o.orphaned} of them as orphans (their text was not found)")
        parts.append(f"{o.already_present} already present")
        parts.append(f"{o.unmatched} unmatched (kept until their transcript is in the library)")
        if o.attached:
            parts.append(f"{o.attached} earlier unmatched attached")
        if o.recoloured:
            parts.append(f"{o.recoloured} in the first colour (the legend has no room for theirs)")
        if self.skipped:
            parts.append(f"{self.skipped} skipped (neither a quote nor a note)")
        if o.bookmarks_added or o.bookmarks_present:
            parts.append(f"{o.bookmarks_added} bookmarks added, {o.bookmarks_present} already present")
        return f"{self.format}, {self.entries} annotations: " + ", ".join(parts)

    def as_json(self) -> dict[str, Any]:
        o = self.outcome
        return {
            "file": self.file,
            "format": self.format,
            "entries": self.entries,
            "added": o.added,
            "orphaned": o.orphaned,
            "already_present": o.already_present,
            "unmatched": o.unmatched,
            "attached": o.attached,
            "recoloured": o.recoloured,
            "skipped": self.skipped,
            "bookmarks_added": o.bookmarks_added,
            "bookmarks_present": o.bookmarks_present,
            "missing_documents": list(self.missing_documents),
        }


@dataclass(slots=True)
class Entry:
    """One annotation as a file gives it, checked, before it is matched to a transcript."""

    uid: str
    document: dict[str, Any]  # "ref" (our urn) or "source" (an address), with what else the file says
    kind: AnnotationKind
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    paragraph: int | None
    content_hash: str
    color: str | None
    meaning: str | None  # a W3C "classifying" body: matched to the legend when there is no colour key
    note: str | None
    tags: tuple[str, ...]
    orphan: bool
    created: dt.datetime
    modified: dt.datetime
    may_be_paragraph_note: bool = False  # a W3C "commenting" annotation: a paragraph note if it is one


@dataclass(slots=True)
class ParsedFile:
    format: str
    entries: list[Entry] = field(default_factory=list)
    bookmarks: list[tuple[dict[str, Any], int, str | None, dt.datetime, str]] = field(default_factory=list)
    legend: list[ColorLegendEntry] = field(default_factory=list)
    skipped: int = 0


def import_annotations(library: Library, path: str | os.PathLike[str]) -> ImportReport:
    """Import an annotation file into the library; AnnotationFileError (nothing changed) if it cannot be."""
    parsed = read_annotation_file(path)
    merge, missing = plan_merge(library, parsed)
    try:
        outcome = library.merge_annotations(merge)
    except InvalidAnnotation as err:
        raise AnnotationFileError(f"{err.message} Nothing was imported.") from err
    return ImportReport(str(path), parsed.format, len(parsed.entries), outcome, parsed.skipped, missing)


def read_annotation_file(path: str | os.PathLike[str]) -> ParsedFile:
    """Read and check a whole annotation file (native or W3C), touching no library."""
    path = Path(path).expanduser()
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise AnnotationFileError(f"{path} is a folder, not an annotation file.")
        if size > MAX_FILE_BYTES:
            raise AnnotationFileError(
                f"{path} has {size / 2**20:,.0f} MB; an annotation file can have up to {MAX_FILE_BYTES // 2**20} MB."
            )
        raw = path.read_bytes()
    except OSError as err:
        raise AnnotationFileError(f"Cannot read {path}: {err.strerror or err}.") from err
    return parse_annotation_json(raw, name=str(path))


def parse_annotation_json(raw: bytes | str, *, name: str = "the file") -> ParsedFile:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise AnnotationFileError(
                f"{name} is not UTF-8 text (byte {err.start}); it is not an annotation file."
            ) from None
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as err:
        raise AnnotationFileError(f"{name} is not valid JSON: {err}.") from err
    except RecursionError as err:
        raise AnnotationFileError(f"{name} nests its JSON too deeply to be an annotation file.") from err
    if isinstance(data, dict) and data.get("format") == native.FORMAT:
        return _native(data)
    return _w3c(data, name)


def plan_merge(library: Library, parsed: ParsedFile) -> tuple[AnnotationMerge, tuple[str, ...]]:
    """Match each entry of a file to a transcript: what `Library.merge_annotations` is to add."""
    matcher = _Matcher(library)
    seen: set[str] = set()
    annotations: list[Annotation] = []
    unmatched: list[UnmatchedAnnotation] = []
    missing: dict[str, None] = {}
    now = dt.datetime.now(dt.UTC)
    # Quotes first: a note on a whole transcript from a foreign source follows its source's quotes.
    ordered = sorted(parsed.entries, key=lambda e: e.kind is AnnotationKind.TRANSCRIPT_NOTE)
    for e in ordered:
        if e.uid in seen:
            continue
        seen.add(e.uid)
        transcript = matcher.find(e)
        if transcript is None:
            unmatched.append(UnmatchedAnnotation(e.uid, e.document, _native_form(e), now))
            missing[_describe(e.document)] = None
            continue
        annotations.append(matcher.annotation(e, transcript))
    for u in library.unmatched_annotations():  # earlier ones whose transcript may have arrived since
        if u.uid in seen:
            continue
        try:
            e = _native_annotation(u.annotation, u.document, "a waiting annotation")
        except AnnotationFileError:
            continue
        transcript = matcher.find(e)
        if transcript is not None:
            annotations.append(matcher.annotation(e, transcript))
    bookmarks = []
    for document, paragraph, label, created, quote in parsed.bookmarks:
        transcript_id = matcher.by_reference(document)
        if transcript_id is not None:
            bookmarks.append(IncomingBookmark(transcript_id, paragraph, label, created, quote))
    merge = AnnotationMerge(tuple(annotations), tuple(unmatched), tuple(bookmarks), _unique_keys(parsed.legend))
    return merge, tuple(list(missing)[:20])


# -- matching ---------------------------------------------------------------------------------------


class _Matcher:
    """Finds the transcript an entry belongs to, and its colour in the library's legend."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.urns = {document_urn(s): s.id for s in library.summaries()}
        self.by_source: dict[str, TranscriptId] = {}
        self._texts: dict[int, Transcript] = {}
        legend = library.color_legend()
        self.keys = {e.key for e in legend}
        self.meanings = {e.meaning.casefold(): e.key for e in legend if e.meaning}

    def by_reference(self, document: dict[str, Any]) -> TranscriptId | None:
        for key in ("ref", "source"):
            value = document.get(key)
            if isinstance(value, str):
                if value in self.urns:
                    return self.urns[value]
                if value in self.by_source:
                    return self.by_source[value]
        return None

    def find(self, e: Entry) -> TranscriptId | None:
        found = self.by_reference(e.document)
        if found is not None or not e.exact:
            return found
        old = Selectors(e.start, e.end, e.exact, e.prefix, e.suffix)
        for candidate in self.library.transcripts_quoting(e.exact, limit=5):
            if reanchor(old, self.transcript(candidate).text) is not None:
                source = e.document.get("source")
                if isinstance(source, str):
                    self.by_source[source] = candidate
                return candidate
        return None

    def transcript(self, transcript_id: int) -> Transcript:
        if transcript_id not in self._texts:
            self._texts[transcript_id] = self.library.transcript(transcript_id)
        return self._texts[transcript_id]

    def annotation(self, e: Entry, transcript_id: TranscriptId) -> Annotation:
        kind = e.kind
        if e.may_be_paragraph_note and e.exact:
            paragraphs = self.transcript(transcript_id).paragraphs
            if any(p.shown_text == e.exact for p in paragraphs):
                kind = AnnotationKind.PARAGRAPH_NOTE
        color = e.color
        if color is None and e.meaning:
            color = self.meanings.get(e.meaning.casefold())
        return Annotation(
            id=AnnotationId(0),
            transcript_id=transcript_id,
            kind=kind,
            start=e.start,
            end=e.end,
            exact=e.exact,
            prefix=e.prefix[-CONTEXT:] if e.prefix else "",
            suffix=e.suffix[:CONTEXT],
            paragraph=e.paragraph,
            content_hash=e.content_hash,
            color=color,
            note=e.note,
            tags=e.tags,
            orphan=e.orphan,
            created=e.created,
            modified=e.modified,
            uid=e.uid,
        )


def _unique_keys(legend: Iterable[ColorLegendEntry]) -> tuple[ColorLegendEntry, ...]:
    chosen: dict[str, ColorLegendEntry] = {}
    for e in legend:
        chosen.setdefault(e.key, e)
    return tuple(chosen.values())[:MAX_LEGEND_COLORS]


def _describe(document: dict[str, Any]) -> str:
    title, ref = document.get("title"), document.get("ref") or document.get("source") or "no reference"
    return f"{title} ({ref})" if isinstance(title, str) and title else str(ref)


def _native_form(e: Entry) -> dict[str, Any]:
    return {
        "uid": e.uid,
        "kind": e.kind.value,
        "start": e.start,
        "end": e.end,
        "exact": e.exact,
        "prefix": e.prefix,
        "suffix": e.suffix,
        "paragraph": e.paragraph,
        "content_hash": e.content_hash,
        "color": e.color,
        "note": e.note,
        "tags": list(e.tags),
        "orphan": e.orphan,
        "created": _timestamp(e.created),
        "modified": _timestamp(e.modified),
    }


# -- the native format ------------------------------------------------------------------------------


def _native(data: dict[str, Any]) -> ParsedFile:
    _known_fields(data, ("format", "version", "generator", "exported", "color_legend", "documents", "unmatched"),
                  "The file")  # fmt: skip
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AnnotationFileError("The file has no valid “version”; it is not a Transcript Reader annotation file.")
    if version > native.VERSION:
        raise AnnotationFileError(
            f"The file was written by a newer Transcript Reader (format version {version}; this one reads "
            f"up to {native.VERSION}). Update the app to import it; nothing was imported."
        )
    parsed = ParsedFile("Transcript Reader JSON")
    for i, e in enumerate(_list(data, "color_legend", "The file")):
        where = f"color_legend[{i}]"
        _object(e, where)
        _known_fields(e, ("key", "hex", "meaning"), where)
        key = _text(e, "key", where, limit=32)
        hex_ = _text(e, "hex", where, limit=7)
        meaning = _text(e, "meaning", where, limit=100, optional=True) or ""
        if not _KEY.fullmatch(key or "") or not _HEX.fullmatch(hex_ or ""):
            raise AnnotationFileError(f"{where}: “{key}” / “{hex_}” is not a colour key and #RRGGBB colour.")
        parsed.legend.append(ColorLegendEntry(key or "", (hex_ or "").upper(), " ".join(meaning.split())))
    if len(parsed.legend) > MAX_LEGEND_COLORS:
        raise AnnotationFileError(f"The colour legend has {len(parsed.legend)} colours; at most 9 are possible.")
    for i, d in enumerate(_list(data, "documents", "The file")):
        where = f"documents[{i}]"
        _object(d, where)
        _known_fields(d, native.DOCUMENT_FIELDS, where)
        reference = _reference(d, where)
        for j, a in enumerate(_list(d, "annotations", where)):
            parsed.entries.append(_native_annotation(a, reference, f"{where}.annotations[{j}]"))
        for j, b in enumerate(_list(d, "bookmarks", where)):
            w = f"{where}.bookmarks[{j}]"
            _object(b, w)
            _known_fields(b, native.BOOKMARK_FIELDS, w)
            paragraph = _integer(b, "paragraph", w)
            label = _text(b, "label", w, limit=MAX_REF_CHARS, optional=True)
            quote = _text(b, "quote", w, limit=MAX_REF_CHARS, optional=True) or ""
            parsed.bookmarks.append((reference, paragraph or 0, label, _time(b, "created", w), quote))
    for i, u in enumerate(_list(data, "unmatched", "The file")):
        where = f"unmatched[{i}]"
        _object(u, where)
        _known_fields(u, ("document", "annotation"), where)
        document = u.get("document")
        _object(document, f"{where}.document")
        parsed.entries.append(_native_annotation(u.get("annotation"), _reference(document, where), where))
    return parsed


def _reference(d: dict[str, Any], where: str) -> dict[str, Any]:
    """A document reference: "ref" or "source", plus plain facts; nothing nested, nothing huge."""
    reference: dict[str, Any] = {}
    for key, value in d.items():
        if key in ("annotations", "bookmarks"):
            continue
        if value is not None and not isinstance(value, str):
            raise AnnotationFileError(f"{where}: “{key}” must be text.")
        if isinstance(value, str):
            _check_text(value, f"{where}.{key}", MAX_REF_CHARS)
        reference[key] = value
    if not isinstance(reference.get("ref"), str) and not isinstance(reference.get("source"), str):
        raise AnnotationFileError(f"{where}: the document has no “ref”.")
    return reference


def _native_annotation(a: Any, document: dict[str, Any], where: str) -> Entry:
    _object(a, where)
    _known_fields(a, native.ANNOTATION_FIELDS, where)
    kind_name = _text(a, "kind", where, limit=40) or ""
    try:
        kind = AnnotationKind(kind_name)
    except ValueError:
        kinds = ", ".join(k.value for k in AnnotationKind)
        raise AnnotationFileError(f"{where}: “{kind_name}” is not a kind of annotation ({kinds}).") from None
    start, end = _integer(a, "start", where) or 0, _integer(a, "end", where) or 0
    if start > end:
        raise AnnotationFileError(f"{where}: “start” ({start}) is after “end” ({end}).")
    exact = _text(a, "exact", where, limit=MAX_QUOTE_CHARS, optional=True) or ""
    note = _note(a, where)
    if kind is not AnnotationKind.TRANSCRIPT_NOTE and not exact:
        raise AnnotationFileError(f"{where}: a {kind.value} needs its quote (“exact”).")
    if kind is AnnotationKind.TRANSCRIPT_NOTE and not note:
        raise AnnotationFileError(f"{where}: a transcript note needs its note.")
    orphan = a.get("orphan", False)
    if not isinstance(orphan, bool):
        raise AnnotationFileError(f"{where}: “orphan” must be true or false.")
    return Entry(
        uid=_uid(_text(a, "uid", where, limit=200) or "", where),
        document=document,
        kind=kind,
        exact=exact,
        prefix=_text(a, "prefix", where, limit=MAX_REF_CHARS, optional=True) or "",
        suffix=_text(a, "suffix", where, limit=MAX_REF_CHARS, optional=True) or "",
        start=start,
        end=end,
        paragraph=_integer(a, "paragraph", where, optional=True),
        content_hash=_text(a, "content_hash", where, limit=200, optional=True) or "",
        color=_color_key(a, where),
        meaning=None,
        note=note,
        tags=_tags(a.get("tags", []), where),
        orphan=orphan,
        created=_time(a, "created", where),
        modified=_time(a, "modified", where),
    )


# -- W3C Web Annotation (and Hypothesis) ------------------------------------------------------------


def _w3c(data: Any, name: str) -> ParsedFile:
    items, form = _w3c_items(data, name)
    parsed = ParsedFile(form)
    styles: dict[str, tuple[str, str | None]] = {}  # styleClass → (hex, meaning)
    for i, item in enumerate(items):
        where = f"annotation {i + 1}"
        _object(item, where)
        entry = _hypothesis(item, where) if _is_hypothesis_row(item) else _w3c_annotation(item, where, styles)
        if entry is None:
            parsed.skipped += 1
        else:
            parsed.entries.append(entry)
    for key, (hex_, meaning) in styles.items():
        parsed.legend.append(ColorLegendEntry(key, hex_.upper(), meaning or ""))
    return parsed


def _w3c_items(data: Any, name: str) -> tuple[list[Any], str]:
    if isinstance(data, list):
        form = "Hypothesis" if data and all(_is_hypothesis_row(x) for x in data) else "W3C Web Annotation"
        return data, form
    if not isinstance(data, dict):
        raise AnnotationFileError(f"{name} is not an annotation file: it holds no annotations.")
    if isinstance(data.get("annotations"), list):  # the Hypothesis client's export
        return data["annotations"], "Hypothesis"
    if isinstance(data.get("rows"), list):  # a Hypothesis API search result
        return data["rows"], "Hypothesis"
    types = _types(data)
    if "Annotation" in types:
        return [data], "W3C Web Annotation"
    if "AnnotationPage" in types:
        return _page_items(data, "the page"), "W3C Web Annotation"
    if "AnnotationCollection" in types:
        items: list[Any] = []
        page = data.get("first")
        pages = 0
        while page is not None:
            if isinstance(page, str):
                raise AnnotationFileError(
                    f"The collection's annotations are not in {name} but at {page[:200]}; "
                    "save its pages into the file to import them."
                )
            pages += 1
            items += _page_items(page, f"page {pages}")
            page = page.get("next") if isinstance(page, dict) else None
            if pages > 100_000:
                raise AnnotationFileError(f"{name} has too many annotation pages.")
        return items, "W3C Web Annotation"
    raise AnnotationFileError(
        f"{name} is not an annotation file: expected Transcript Reader JSON, a W3C Web Annotation "
        "(an Annotation, AnnotationPage or AnnotationCollection) or a Hypothesis export."
    )


def _page_items(page: Any, where: str) -> list[Any]:
    _object(page, where)
    items = page.get("items", [])
    if not isinstance(items, list):
        raise AnnotationFileError(f"{where}: “items” must be a list of annotations.")
    return items


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v.rsplit(":", 1)[-1] for v in values if isinstance(v, str)}


def _w3c_annotation(a: dict[str, Any], where: str, styles: dict[str, tuple[str, str | None]]) -> Entry | None:
    if "Annotation" not in _types(a):
        raise AnnotationFileError(f"{where}: its “type” is not “Annotation”.")
    notes, tags, meaning = [], [], None
    bodies = a.get("body", [])
    for i, body in enumerate(bodies if isinstance(bodies, list) else [bodies]):
        w = f"{where}, body {i + 1}"
        if isinstance(body, str):
            continue  # a body elsewhere on the web: nothing to keep here
        _object(body, w)
        if "value" not in body:
            continue
        value = _text(body, "value", w, limit=MAX_NOTE_CHARS)
        purpose = body.get("purpose")
        if purpose == "tagging":
            tags.append(value or "")
        elif purpose == "classifying":
            meaning = value
        elif value:
            notes.append(value)
    if "bodyValue" in a:
        notes.append(_text(a, "bodyValue", where, limit=MAX_NOTE_CHARS) or "")
    note = "\n\n".join(n for n in notes if n.strip()) or None
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise AnnotationFileError(f"{where}: its note has {len(note):,} characters; at most {MAX_NOTE_CHARS:,}.")
    target = a.get("target")
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, (str, dict))), None)
    source: Any
    if isinstance(target, str):
        source, selectors, style_class = target, [], None
    elif isinstance(target, dict):
        source = target.get("source", target.get("id"))
        if isinstance(source, dict):
            source = source.get("id")
        selectors = target.get("selector", [])
        selectors = selectors if isinstance(selectors, list) else [selectors]
        style_class = target.get("styleClass")
    else:
        raise AnnotationFileError(f"{where}: it has no “target”.")
    if not isinstance(source, str) or not source:
        raise AnnotationFileError(f"{where}: its target has no “source”.")
    _check_text(source, f"{where}, source", MAX_REF_CHARS)
    quote, position = _selectors(selectors, where)
    motivations = a.get("motivation", [])
    motivations = motivations if isinstance(motivations, list) else [motivations]
    color = None
    if isinstance(style_class, str) and _KEY.fullmatch(style_class):
        color = style_class
        hex_ = _style_hex(a.get("stylesheet"), style_class)
        if hex_:
            styles.setdefault(style_class, (hex_, meaning))
    created = _time(a, "created", where, optional=True)
    modified = _time(a, "modified", where, optional=True) or created
    raw_id = _text(a, "id", where, limit=MAX_REF_CHARS, optional=True)
    return _foreign_entry(
        raw_id, where, source=source, quote=quote, position=position, note=note, tags=tags, meaning=meaning,
        color=color, created=created, modified=modified, title=None,
        commenting="commenting" in motivations and "highlighting" not in motivations,
    )  # fmt: skip


def _is_hypothesis_row(item: Any) -> bool:
    return isinstance(item, dict) and "uri" in item and "target" in item and "type" not in item


def _hypothesis(a: dict[str, Any], where: str) -> Entry | None:
    """An annotation in Hypothesis's API form: uri, text, tags, target[{source, selector}], created, updated."""
    targets = a.get("target")
    target = targets[0] if isinstance(targets, list) and targets else {}
    _object(target, f"{where}, target")
    source = target.get("source") or a.get("uri")
    if not isinstance(source, str) or not source:
        raise AnnotationFileError(f"{where}: it has no “uri”.")
    _check_text(source, f"{where}, uri", MAX_REF_CHARS)
    selectors = target.get("selector", [])
    quote, position = _selectors(selectors if isinstance(selectors, list) else [selectors], where)
    note = _text(a, "text", where, limit=MAX_NOTE_CHARS, optional=True)
    title = None
    document = a.get("document")
    if isinstance(document, dict) and isinstance(document.get("title"), list) and document["title"]:
        first = document["title"][0]
        title = first[:500] if isinstance(first, str) else None
    created = _time(a, "created", where, optional=True)
    modified = _time(a, "updated", where, optional=True) or created
    tags = a.get("tags", [])
    if not isinstance(tags, list):
        raise AnnotationFileError(f"{where}: “tags” must be a list of texts.")
    raw_id = _text(a, "id", where, limit=MAX_REF_CHARS, optional=True)
    return _foreign_entry(
        raw_id, where, source=source, quote=quote, position=position, note=note or None, tags=tags, meaning=None,
        color=None, created=created, modified=modified, title=title, commenting=False,
    )  # fmt: skip


def _foreign_entry(
    raw_id: str | None,
    where: str,
    *,
    source: str,
    quote: tuple[str, str, str] | None,
    position: tuple[int, int] | None,
    note: str | None,
    tags: list[Any],
    meaning: str | None,
    color: str | None,
    created: dt.datetime | None,
    modified: dt.datetime | None,
    title: str | None,
    commenting: bool,
) -> Entry | None:
    if quote is None and not (note and note.strip()):
        return None
    exact, prefix, suffix = quote or ("", "", "")
    start, end = position if position and quote else (0, len(exact))
    if raw_id:
        uid = _uid_of(raw_id)
    else:  # no id: one derived from what it says, so importing the file twice adds it once
        uid = str(uuid.uuid5(uuid.NAMESPACE_URL, json.dumps([source, exact, prefix, suffix, note], ensure_ascii=False)))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    document: dict[str, Any] = {"ref" if source.startswith("urn:transcript-reader:") else "source": source}
    if title:
        document["title"] = title
    return Entry(
        uid=uid,
        document=document,
        kind=AnnotationKind.HIGHLIGHT if quote else AnnotationKind.TRANSCRIPT_NOTE,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        paragraph=None,
        content_hash="",
        color=color,
        meaning=meaning,
        note=note if note and note.strip() else None,
        tags=_tags(tags, where),
        orphan=False,
        created=created or now,
        modified=modified or created or now,
        may_be_paragraph_note=commenting,
    )


def _selectors(selectors: list[Any], where: str) -> tuple[tuple[str, str, str] | None, tuple[int, int] | None]:
    quote = position = None
    for i, s in enumerate(selectors):
        if not isinstance(s, dict):
            continue
        w = f"{where}, selector {i + 1}"
        kind = _types(s)
        if "TextQuoteSelector" in kind and quote is None:
            exact = _text(s, "exact", w, limit=MAX_QUOTE_CHARS) or ""
            prefix = _text(s, "prefix", w, limit=MAX_REF_CHARS, optional=True) or ""
            suffix = _text(s, "suffix", w, limit=MAX_REF_CHARS, optional=True) or ""
            if exact.strip():
                quote = (exact, prefix, suffix)
        elif "TextPositionSelector" in kind and position is None:
            start, end = _integer(s, "start", w) or 0, _integer(s, "end", w) or 0
            if start > end:
                raise AnnotationFileError(f"{w}: “start” ({start}) is after “end” ({end}).")
            position = (start, end)
    return quote, position


def _style_hex(stylesheet: Any, style_class: str) -> str | None:
    value = stylesheet.get("value") if isinstance(stylesheet, dict) else None
    if not isinstance(value, str) or len(value) > MAX_REF_CHARS:
        return None
    for key, hex_ in _STYLE_RULE.findall(value):
        if key == style_class:
            return str(hex_)
    return None


# -- checks ---------------------------------------------------------------------------------------


def _kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)  # fmt: skip


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _object(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise AnnotationFileError(f"{where} must be an object ({{…}}), not {_kind_of(value)}.")


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise AnnotationFileError(f"{where}: “{key}” must be a list, not {_kind_of(value)}.")
    return value


def _known_fields(obj: dict[str, Any], known: Iterable[str], where: str) -> None:
    unknown = sorted(set(obj) - set(known))
    if unknown:
        names = ", ".join(f"“{n[:40]}”" for n in unknown[:3])
        raise AnnotationFileError(
            f"{where} has {'a field' if len(unknown) == 1 else 'fields'} this version does not know ({names}); "
            "the file was changed by hand or by another program. Nothing was imported."
        )


def _text(obj: dict[str, Any], key: str, where: str, *, limit: int, optional: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        what = "missing" if value is None else _kind_of(value)
        raise AnnotationFileError(f"{where}: “{key}” must be text ({what}).")
    _check_text(value, f"{where}, “{key}”", limit)
    return value


def _check_text(value: str, where: str, limit: int) -> None:
    if len(value) > limit:
        raise AnnotationFileError(f"{where} has {len(value):,} characters; at most {limit:,} are accepted.")
    if _SURROGATE.search(value):
        raise AnnotationFileError(f"{where} holds characters that are not valid text (lone surrogates).")


def _integer(obj: dict[str, Any], key: str, where: str, *, optional: bool = False) -> int | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1_000_000_000:
        raise AnnotationFileError(f"{where}: “{key}” must be a whole number of at least 0 ({_kind_of(value)}).")
    return value


def _note(a: dict[str, Any], where: str) -> str | None:
    note = _text(a, "note", where, limit=MAX_NOTE_CHARS, optional=True)
    return note if note and note.strip() else None


def _color_key(a: dict[str, Any], where: str) -> str | None:
    color = _text(a, "color", where, limit=32, optional=True)
    if color is not None and not _KEY.fullmatch(color):
        raise AnnotationFileError(f"{where}: “{color}” is not a colour key.")
    return color


def _tags(tags: Any, where: str) -> tuple[str, ...]:
    if not isinstance(tags, list):
        raise AnnotationFileError(f"{where}: “tags” must be a list of texts.")
    if len(tags) > MAX_TAGS:
        raise AnnotationFileError(f"{where} has {len(tags)} tags; at most {MAX_TAGS} are accepted.")
    for tag in tags:
        if not isinstance(tag, str):
            raise AnnotationFileError(f"{where}: a tag must be text ({_kind_of(tag)}).")
        _check_text(tag, f"{where}, a tag", MAX_TAG_CHARS)
    return tuple(tags)


def _time(obj: dict[str, Any], key: str, where: str, *, optional: bool = False) -> dt.datetime:
    value = obj.get(key)
    if value is None and optional:
        return None  # type: ignore[return-value]
    if not isinstance(value, str) or len(value) > 40:
        raise AnnotationFileError(f"{where}: “{key}” must be a date and time such as 2021-03-22T10:00:00Z.")
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        raise AnnotationFileError(f"{where}: “{key}” ({value}) is not a date and time.") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    stamp = stamp.astimezone(dt.UTC)
    return stamp.replace(microsecond=stamp.microsecond // 1000 * 1000)


def _uid(value: str, where: str) -> str:
    if not value.strip():
        raise AnnotationFileError(f"{where}: “uid” is empty.")
    return value


def _uid_of(raw_id: str) -> str:
    """Our uid of an annotation id from a file: the UUID of `urn:uuid:…`, else one derived from the id."""
    text = raw_id.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, raw_id))


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
