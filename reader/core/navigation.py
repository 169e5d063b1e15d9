"""The structure a reader moves through: turns, questions, sections, speakers and a briefing's contents.

Pure: paragraph indices of one `Transcript` in, paragraph indices out. The window turns them into
scroll positions (`[` `]` turns, `{` `}` questions, `(` `)` sections, the contents panel, the speaker
filter).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.model import ParagraphKind, Transcript

QUESTION_SPEAKERS = frozenset({"question", "вопрос"})


class Landmark(StrEnum):
    """What `[` `]`, `{` `}` and `(` `)` jump between."""

    TURN = "turn"
    QUESTION = "question"
    SECTION = "section"


def turn_starts(t: Transcript) -> list[int]:
    """The paragraphs that open a speaker's turn (they carry the label)."""
    return [i for i, p in enumerate(t.paragraphs) if p.kind is ParagraphKind.TURN and p.starts_turn]


def question_starts(t: Transcript) -> list[int]:
    """The paragraphs that open a `Question:` / `Вопрос:` turn."""
    return [i for i in turn_starts(t) if is_question_speaker(t.paragraphs[i].speaker)]


def section_starts(t: Transcript) -> list[int]:
    """The headings of a briefing's sections."""
    return [i for i, p in enumerate(t.paragraphs) if p.kind is ParagraphKind.HEADING]


def landmarks(t: Transcript, kind: Landmark) -> list[int]:
    if kind is Landmark.TURN:
        return turn_starts(t)
    if kind is Landmark.QUESTION:
        return question_starts(t)
    return section_starts(t)


def next_after(positions: Sequence[int], paragraph: int) -> int | None:
    """The first of the sorted `positions` after `paragraph`, or None at the end."""
    k = bisect.bisect_right(positions, paragraph)
    return positions[k] if k < len(positions) else None


def previous_before(positions: Sequence[int], paragraph: int) -> int | None:
    """The last of the sorted `positions` before `paragraph`, or None at the start."""
    k = bisect.bisect_left(positions, paragraph)
    return positions[k - 1] if k else None


def is_question_speaker(speaker: str | None) -> bool:
    return (speaker or "").casefold() in QUESTION_SPEAKERS


def speakers(t: Transcript) -> list[str]:
    """Everyone who speaks, in the order they first do; "Question" is one speaker however many ask."""
    seen: dict[str, None] = {}
    for p in t.paragraphs:
        if p.kind is ParagraphKind.TURN and p.speaker:
            seen.setdefault(p.speaker, None)
    return list(seen)


def paragraphs_of_speaker(t: Transcript, speaker: str) -> set[int]:
    return {i for i, p in enumerate(t.paragraphs) if p.kind is ParagraphKind.TURN and p.speaker == speaker}


class ContentsPart(StrEnum):
    TOPICS = "topics"  # the prepared statements of a briefing
    ANSWERS = "answers"  # "Answers to media questions": sections that hold questions and answers
    QUESTIONS = "questions"  # an interview without sections: its questions are its contents


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    title: str
    paragraph: int  # where the entry starts
    part: ContentsPart


QUESTION_TITLE_LENGTH = 90


def contents(t: Transcript) -> list[ContentsEntry]:
    """A briefing's table of contents as places to jump to, split into its topics and its answers to
    media questions (the parser keeps both lists as one; the answers part starts at the first section
    that holds a question). A transcript without sections lists its questions instead."""
    headings = section_starts(t)
    if headings:
        questions = question_starts(t)
        entries = []
        answering = False
        for k, start in enumerate(headings):
            end = headings[k + 1] if k + 1 < len(headings) else len(t.paragraphs)
            answering = answering or next_after(questions, start - 1) in range(start, end)
            part = ContentsPart.ANSWERS if answering else ContentsPart.TOPICS
            entries.append(ContentsEntry(t.paragraphs[start].text, start, part))
        return entries
    return [
        ContentsEntry(_shorten(t.paragraphs[i].text, QUESTION_TITLE_LENGTH), i, ContentsPart.QUESTIONS)
        for i in question_starts(t)
    ]


def _shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–-") + "…"
