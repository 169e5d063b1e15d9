"""The domain: what a transcript is once parsed, and what an import of one file came to.

Plain frozen dataclasses with no behaviour beyond derived views, shared by the parser, the library,
the command line and the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

TranscriptId = NewType("TranscriptId", int)

PARAGRAPH_SEPARATOR = "\n\n"
"""Paragraphs are joined by a blank line in `Transcript.text`; offsets into that string address text."""


class DocType(StrEnum):
    INTERVIEW = "interview"
    BRIEFING = "briefing"
    REMARKS_AND_ANSWERS = "remarks and answers"
    ANSWERS = "answers to questions"
    STATEMENT = "statement"
    COMMENT = "comment"
    ARTICLE = "article"
    SPEECH = "speech"
    PRESS_RELEASE = "press release"
    OTHER = "other"


class ParagraphKind(StrEnum):
    TURN = "turn"  # a paragraph of a speaker's turn (the first one carried the label)
    UNLABELLED = "unlabelled"  # text outside any turn: opening remarks, statements, briefing topics
    HEADING = "heading"  # a briefing section heading (matched against the table of contents)
    SEPARATOR = "separator"  # "* * *" between groups of questions; it ends the current turn


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ParagraphKind
    text: str  # without the speaker label
    speaker: str | None = None  # for TURN paragraphs: the speaker of the turn
    turn: int | None = None  # index into Transcript.turns
    section: int | None = None  # index into Transcript.sections, for briefings
    starts_turn: bool = False  # the first paragraph of a turn: the pane shows the label before it

    @property
    def shown_text(self) -> str:
        """The paragraph as the pane shows it and as `Transcript.text` holds it: label included."""
        if self.starts_turn and self.speaker:
            return f"{self.speaker}: {self.text}"
        return self.text


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: str
    text: str  # its paragraphs joined by a blank line, label removed
    first_paragraph: int
    paragraph_count: int

    @property
    def is_question(self) -> bool:
        return self.speaker.casefold() in {"question", "вопрос"}


@dataclass(frozen=True, slots=True)
class Transcript:
    """One language version of one document, as parsed (id is None) or as stored (id set)."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    language: str  # the text's own language: "en" or "ru"
    published_date: dt.date | None = None
    published_time: dt.time | None = None  # None when the page gave no time (never 00:00 by default)
    event_date: dt.date | None = None  # the date at the end of the title, when it has one
    place: str | None = None
    doc_type: DocType = DocType.OTHER
    available_languages: tuple[str, ...] = ()  # locales from the "•" line, in page order: ("en-GB", "ru-RU")
    doc_number: str | None = None  # new-site "81-21-01-2021"
    sections: tuple[str, ...] = ()  # briefing table-of-contents entries, in order
    id: TranscriptId | None = None
    source_file: str | None = None
    content_hash: str | None = None
    revision: int = 1
    imported_at: dt.datetime | None = None
    turns: tuple[Turn, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.turns and any(p.kind is ParagraphKind.TURN for p in self.paragraphs):
            object.__setattr__(self, "turns", derive_turns(self.paragraphs))

    @property
    def text(self) -> str:
        """The whole normalised text of this version; annotations address character offsets into it."""
        return PARAGRAPH_SEPARATOR.join(p.shown_text for p in self.paragraphs)

    def paragraph_offsets(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph's shown text inside `text`."""
        offsets, pos = [], 0
        for p in self.paragraphs:
            end = pos + len(p.shown_text)
            offsets.append((pos, end))
            pos = end + len(PARAGRAPH_SEPARATOR)
        return offsets


def derive_turns(paragraphs: tuple[Paragraph, ...]) -> tuple[Turn, ...]:
    """Group TURN paragraphs by their turn index into Turn records."""
    grouped: dict[int, list[tuple[int, Paragraph]]] = {}
    for i, p in enumerate(paragraphs):
        if p.kind is ParagraphKind.TURN and p.turn is not None:
            grouped.setdefault(p.turn, []).append((i, p))
    turns = []
    for _, members in sorted(grouped.items()):
        first_index, first = members[0]
        turns.append(
            Turn(
                speaker=first.speaker or "",
                text=PARAGRAPH_SEPARATOR.join(p.text for _, p in members),
                first_paragraph=first_index,
                paragraph_count=len(members),
            )
        )
    return tuple(turns)


def language_of_locale(locale: str) -> str:
    """ "en-GB" → "en": a locale of `available_languages` as a `Transcript.language` code."""
    return locale.split("-", 1)[0].lower()


@dataclass(frozen=True, slots=True)
class TranscriptSummary:
    """A row of the transcript list: enough to show and sort, without the text."""

    id: TranscriptId
    title: str
    language: str
    published_date: dt.date | None
    published_time: dt.time | None
    doc_type: DocType
    available_languages: tuple[str, ...]


class ImportFailure(Exception):
    """A file that cannot become a transcript, with a short machine code and a message for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class OutcomeKind(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    file: str
    kind: OutcomeKind
    id: TranscriptId | None = None
    reason: str | None = None  # for FAILED: empty_file, not_text, no_body, unreadable, too_large, storage
    message: str | None = None


# -- annotations ---------------------------------------------------------------------------------

AnnotationId = NewType("AnnotationId", int)
BookmarkId = NewType("BookmarkId", int)


class AnnotationKind(StrEnum):
    HIGHLIGHT = "highlight"  # a range of text, in a colour, with an optional note
    PARAGRAPH_NOTE = "paragraph note"  # a note on a whole paragraph: its range is the paragraph
    TRANSCRIPT_NOTE = "transcript note"  # a note on the whole transcript: no range (start = end = 0)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight or note, anchored by W3C selectors into the text of one version of a transcript.

    While `orphan` is false, `start`/`end` are offsets into the transcript's current `text` and `exact`
    is `text[start:end]`. An orphan could not be found again after the text changed: it keeps the
    quote, context and offsets of the version `content_hash` names, until it is re-attached.
    """

    id: AnnotationId
    transcript_id: TranscriptId
    kind: AnnotationKind
    start: int
    end: int
    exact: str  # TextQuoteSelector
    prefix: str
    suffix: str
    paragraph: int | None  # the paragraph the range starts in; None for a transcript note
    content_hash: str  # the version start/end/exact describe: the one it was made on or last re-anchored to
    color: str | None  # a key of the colour legend; None for a note without colour
    note: str | None
    tags: tuple[str, ...]
    orphan: bool
    created: dt.datetime
    modified: dt.datetime  # the user's last change (re-anchoring is not one)
    uid: str  # a UUID that stays the same across libraries, for export and import

    @property
    def has_note(self) -> bool:
        return bool(self.note)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A place in a transcript: a paragraph, with an optional label."""

    id: BookmarkId
    transcript_id: TranscriptId
    paragraph: int
    label: str | None
    created: dt.datetime


@dataclass(frozen=True, slots=True)
class ColorLegendEntry:
    """A highlight colour and what the user means by it; `key` is what annotations store."""

    key: str
    hex: str  # "#RRGGBB"
    meaning: str


DEFAULT_COLOR_LEGEND: tuple[ColorLegendEntry, ...] = (
    ColorLegendEntry("yellow", "#FFE16B", "claim"),
    ColorLegendEntry("red", "#FF9C9C", "contradiction"),
    ColorLegendEntry("green", "#A6E3A1", "agreement or commitment"),
    ColorLegendEntry("blue", "#9CCFFF", "fact, date or figure"),
    ColorLegendEntry("purple", "#D7B4FF", "quote to use"),
    ColorLegendEntry("orange", "#FFC27A", "to check"),
)
"""The legend of a library whose user has not edited it; digits 1–9 pick colours in this order."""


class InvalidAnnotation(ValueError):
    """An annotation, bookmark or legend that cannot be saved as given; the message says why, for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PairBasis(StrEnum):
    """How a transcript joined the other language versions of its document (FORMAT.md §11)."""

    TIMESTAMP = "timestamp"  # equal publication date and time, and the checks agree
    DOC_NUMBER = "doc_number"  # no time to compare: identical document number
    TENTATIVE = "tentative"  # no time: same title date, type and number of turns
    MANUAL = "manual"  # linked by the user


class VersionState(StrEnum):
    """A language of a document as the language toggle shows it (a language not published is absent)."""

    IN_LIBRARY = "in_library"
    PUBLISHED_NOT_IMPORTED = "published_not_imported"  # listed on the page's "•" line, not in the library


# -- annotation files: import and merge (issue 6) -----------------------------------------------


@dataclass(frozen=True, slots=True)
class UnmatchedAnnotation:
    """An imported annotation whose document is not in the library: kept with the file's reference to
    the document (its `urn:` or address, title, date …) until a later import finds the document."""

    uid: str
    document: dict[str, object]  # the reference as the file gave it
    annotation: dict[str, object]  # the annotation in the native export's form
    imported_at: dt.datetime


@dataclass(frozen=True, slots=True)
class IncomingBookmark:
    """A bookmark from an annotation file, matched to a transcript; `quote` (the start of the bookmarked
    paragraph as the file knew it, may be empty) finds the paragraph again if the text moved."""

    transcript_id: TranscriptId
    paragraph: int
    label: str | None
    created: dt.datetime
    quote: str = ""


@dataclass(frozen=True, slots=True)
class AnnotationMerge:
    """What an annotation file adds to a library, for `Library.merge_annotations` (one transaction).

    `annotations` carry the transcript they were matched to and the selectors the file gave (their
    `id` is ignored); the library anchors each in the current text the way a re-import re-anchors.
    """

    annotations: tuple[Annotation, ...] = ()
    unmatched: tuple[UnmatchedAnnotation, ...] = ()
    bookmarks: tuple[IncomingBookmark, ...] = ()
    legend: tuple[ColorLegendEntry, ...] = ()  # the file's colours: added where the library lacks them


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """What a merge did, counted for the import report."""

    added: int = 0  # new in the library, orphans included
    orphaned: int = 0  # of those added, the ones whose text was not found: kept as orphans with their quote
    already_present: int = 0  # an annotation with the same id is in the library (or waits unmatched)
    unmatched: int = 0  # no such document in the library: kept waiting, with the document reference
    attached: int = 0  # earlier unmatched ones whose document is in the library now
    recoloured: int = 0  # highlights whose colour the legend lacks (and had no room for): the first colour
    bookmarks_added: int = 0
    bookmarks_present: int = 0
