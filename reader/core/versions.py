"""Which transcripts are language versions of one document: the text-only pairing rule of FORMAT.md §11.

Pure: the library hands over the stored facts of the transcripts that could be related and stores what
this module decides. A wrong pair is worse than none, so every doubt leaves a transcript unpaired.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.core.model import DocType, PairBasis, Transcript, TranscriptId, language_of_locale

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "de": "German", "es": "Spanish", "fr": "French"}


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, language)


@dataclass(frozen=True, slots=True)
class PairingFacts:
    """What the pairing rule looks at in one stored transcript."""

    id: TranscriptId
    language: str
    published_date: dt.date | None
    published_time: dt.time | None
    event_date: dt.date | None
    doc_type: DocType
    doc_number: str | None
    available_languages: tuple[str, ...]
    turn_count: int
    # derived once: the rule asks for them of every candidate
    timestamp: tuple[dt.date, dt.time] | None = field(init=False, compare=False)
    listed: frozenset[str] = field(init=False, compare=False)  # languages the "•" line names

    def __post_init__(self) -> None:
        stamp = None
        if self.published_date is not None and self.published_time is not None:
            stamp = self.published_date, self.published_time  # the full stamp, when the page gave both
        object.__setattr__(self, "timestamp", stamp)
        object.__setattr__(self, "listed", frozenset(map(language_of_locale, self.available_languages)))

    @classmethod
    def of(cls, transcript: Transcript, transcript_id: TranscriptId) -> PairingFacts:
        return cls(
            id=transcript_id,
            language=transcript.language,
            published_date=transcript.published_date,
            published_time=transcript.published_time,
            event_date=transcript.event_date,
            doc_type=transcript.doc_type,
            doc_number=transcript.doc_number,
            available_languages=transcript.available_languages,
            turn_count=len(transcript.turns),
        )

    def lists(self, language: str) -> bool:
        """Whether this version's language line names a version in `language`."""
        return language in self.listed


def pair_basis(a: PairingFacts, b: PairingFacts) -> PairBasis | None:
    """Why `a` and `b` are versions of one document by the rule, or None when the rule does not pair them."""
    if a.language == b.language or a.id == b.id:
        return None
    # Each language line lists the other's locale; skipped only when both pages lack the line.
    if (a.available_languages or b.available_languages) and not (a.lists(b.language) and b.lists(a.language)):
        return None
    if a.doc_type is not b.doc_type:
        return None
    if a.event_date and b.event_date and a.event_date != b.event_date:
        return None
    if a.doc_number and b.doc_number and a.doc_number != b.doc_number:
        return None
    if a.timestamp and b.timestamp:
        return PairBasis.TIMESTAMP if a.timestamp == b.timestamp else None
    # A file without a time (new-site dumps, date-only lines) pairs only through stronger evidence.
    if a.doc_number and a.doc_number == b.doc_number:
        return PairBasis.DOC_NUMBER
    if a.event_date and a.event_date == b.event_date and a.turn_count == b.turn_count:
        return PairBasis.TENTATIVE
    return None


def sole_candidates(
    transcript: PairingFacts, related: Iterable[PairingFacts]
) -> dict[str, tuple[PairingFacts, PairBasis]]:
    """For each other language, the one transcript the rule pairs with `transcript`; a language where
    several qualify (the checks do not single one out) is left out."""
    found: dict[str, list[tuple[PairingFacts, PairBasis]]] = {}
    for other in related:
        basis = pair_basis(transcript, other)
        if basis is not None:
            found.setdefault(other.language, []).append((other, basis))
    return {language: matches[0] for language, matches in found.items() if len(matches) == 1}


def is_mutual(transcript: PairingFacts, partner: PairingFacts, partners_related: Iterable[PairingFacts]) -> bool:
    """Whether `transcript` is also the only candidate of `partner` in its language (two English files
    at one timestamp make a Russian one ambiguous, whichever of the three was imported last)."""
    back = sole_candidates(partner, partners_related).get(transcript.language)
    return back is not None and back[0].id == transcript.id


def pair_all(facts: Iterable[PairingFacts]) -> list[tuple[PairingFacts, PairingFacts, PairBasis]]:
    """Every pair the rule makes among `facts` (each pair once, in id order): for a library that was
    filled before versions were paired."""
    facts = list(facts)
    by_key: dict[object, list[PairingFacts]] = {}
    for f in facts:
        for key in _keys(f):
            by_key.setdefault(key, []).append(f)

    def related(f: PairingFacts) -> list[PairingFacts]:
        seen = {f.id: f}
        for key in _keys(f):
            for other in by_key[key]:
                seen.setdefault(other.id, other)
        del seen[f.id]
        return list(seen.values())

    pairs = []
    for f in sorted(facts, key=lambda f: f.id):
        for partner, basis in sole_candidates(f, related(f)).values():
            if f.id < partner.id and is_mutual(f, partner, related(partner)):
                pairs.append((f, partner, basis))
    return pairs


def _keys(f: PairingFacts) -> list[object]:
    """The lookups under which a possible partner of `f` is found: stamp, document number, title date."""
    keys: list[object] = []
    if f.timestamp:
        keys.append(("stamp", f.timestamp))
    if f.doc_number:
        keys.append(("number", f.doc_number))
    if f.event_date:
        keys.append(("event", f.event_date, f.doc_type))
    return keys


def facts_of_row(row: tuple[Any, ...]) -> PairingFacts:
    """Facts from a row of (id, language, published_date, published_time, event_date, doc_type,
    doc_number, available_languages JSON, turn count), as the library stores them."""
    tid, language, date, time, event, doc_type, number, languages, turns = row
    return PairingFacts(
        id=TranscriptId(int(tid)),
        language=str(language),
        published_date=dt.date.fromisoformat(date) if isinstance(date, str) else None,
        published_time=dt.time.fromisoformat(time) if isinstance(time, str) else None,
        event_date=dt.date.fromisoformat(event) if isinstance(event, str) else None,
        doc_type=DocType(doc_type),
        doc_number=number if isinstance(number, str) else None,
        available_languages=tuple(json.loads(languages)) if isinstance(languages, str) else (),
        turn_count=int(turns),
    )
