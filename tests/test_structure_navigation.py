"""The structure a reader moves through (reader/core/navigation.py): turns, questions, sections, speakers
and a briefing's contents, on real transcripts."""

from reader.core.navigation import (
    ContentsPart,
    Landmark,
    contents,
    landmarks,
    next_after,
    paragraphs_of_speaker,
    previous_before,
    question_starts,
    section_starts,
    speakers,
    turn_starts,
)
from reader.core.parse import parse_file
from tests.conftest import FIXTURES, ROOT, SEED

BRIEFING = ROOT / "tests" / "ui" / "data" / "briefing-2021-03-31.txt"
RUSSIAN = FIXTURES / "versions" / "interview_2021-03-22_ru.txt"


def test_turns_and_questions_of_an_interview():
    t = parse_file(SEED)
    assert turn_starts(t) == [0, 1, 6, 7, 12, 13, 23, 24, 28, 29]
    assert question_starts(t) == [0, 6, 12, 23, 28]
    assert all(t.paragraphs[i].speaker == "Question" for i in question_starts(t))
    assert section_starts(t) == []
    assert landmarks(t, Landmark.QUESTION) == question_starts(t)


def test_russian_questions_are_questions_too():
    t = parse_file(RUSSIAN)
    assert [t.paragraphs[i].speaker for i in question_starts(t)] == ["Вопрос"] * 5
    assert speakers(t) == ["Вопрос", "С.В.Лавров"]


def test_next_and_previous_stop_at_the_ends():
    positions = [0, 6, 12]
    assert next_after(positions, 0) == 6
    assert next_after(positions, 7) == 12
    assert next_after(positions, 12) is None
    assert previous_before(positions, 12) == 6
    assert previous_before(positions, 7) == 6
    assert previous_before(positions, 0) is None


def test_speakers_in_order_and_their_paragraphs():
    t = parse_file(SEED)
    assert speakers(t) == ["Question", "Sergey Lavrov"]
    lavrov = paragraphs_of_speaker(t, "Sergey Lavrov")
    assert 1 in lavrov and 5 in lavrov and 0 not in lavrov and 6 not in lavrov


def test_a_briefing_lists_its_topics_apart_from_its_answers():
    t = parse_file(BRIEFING)
    entries = contents(t)
    assert [(e.title, e.paragraph, e.part) for e in entries] == [
        ("Foreign Minister Sergey Lavrov’s schedule", 0, ContentsPart.TOPICS),
        ("The situation in Ukraine", 2, ContentsPart.TOPICS),
        ("Russia-US relations", 4, ContentsPart.ANSWERS),
    ]


def test_an_interview_lists_its_questions_shortened():
    entries = contents(parse_file(SEED))
    assert len(entries) == 5 and {e.part for e in entries} == {ContentsPart.QUESTIONS}
    assert entries[0].paragraph == 0
    assert all(len(e.title) <= 91 for e in entries)
    assert entries[0].title.startswith("This year Russia and China will mark 20 years") and entries[0].title.endswith(
        "…"
    )
