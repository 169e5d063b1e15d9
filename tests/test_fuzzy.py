"""The palette's fuzzy matcher and date recognition: what a user typing a few letters gets first."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.commands import commands
from reader.core.fuzzy import DateTarget, contains_words, date_target, fold, match, rank

TITLES = [c.title for c in commands()]


def best(pattern: str, titles=TITLES) -> str:  # noqa: ANN001
    return rank(pattern, titles)[0][0]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zi", "Zoom in"),
        ("zout", "Zoom out"),
        ("sbs", "Side by side"),
        ("nq", "Next question"),
        ("pq", "Previous question"),
        ("lang", "Switch language"),
        ("fs", "Full screen"),
        ("ful", "Full screen"),
        ("qu", "Quit"),
        ("pal", "Command palette"),
        ("question next", "Next question"),
        ("ZOOM IN", "Zoom in"),
    ],
)
def test_a_few_letters_find_the_command(typed, expected):
    assert best(typed) == expected


def test_word_starts_and_runs_beat_scattered_letters():
    # "hit" as a word beats the h…i…t of "Highlight"
    assert [t for t, _ in rank("hit", ["Highlight", "Next hit"])] == ["Next hit", "Highlight"]
    # letters at word starts beat the same letters inside words
    assert best("ft", ["Left", "Find in transcript"]) == "Find in transcript"
    # a shorter title wins a tie
    assert [t for t, _ in rank("find", ["Find in transcript", "Find"])] == ["Find", "Find in transcript"]


def test_positions_mark_the_matched_letters():
    found = match("sbs", "Side by side")
    assert found is not None and found.positions == (0, 5, 8)
    found = match("next", "Go to the next transcript")
    assert found is not None and found.positions == (10, 11, 12, 13)  # the run, not n…e…x…t scattered


def test_cyrillic_matches_without_case_and_with_yo_as_ye():
    title = "Интервью Министра иностранных дел С.В.Лаврова газете «Коммерсантъ»"
    found = match("лавров", title)
    assert found is not None and title[found.positions[0] : found.positions[-1] + 1] == "Лавров"
    assert match("ЕЖИК", "Ёжик в тумане") is not None
    assert match("ёлка", "Елка") is not None
    assert best("комм", [title, "Комментарий официального представителя"]).startswith("Комментарий")


def test_no_match_when_a_letter_is_missing_or_out_of_order():
    assert match("xyz", "Zoom in") is None
    assert match("nz", "Zoom in") is None
    assert rank("qqq", TITLES) == []


def test_an_empty_pattern_matches_everything_in_order():
    assert [t for t, _ in rank("", TITLES)] == TITLES
    assert [t for t, _ in rank("  ", TITLES, limit=3)] == TITLES[:3]


@given(st.text(max_size=40), st.text(max_size=8))
def test_a_match_always_points_at_the_typed_letters(text, pattern):
    found = match(pattern, text)
    if found is None:
        return
    folded = fold(text)
    letters = [c for c in fold(pattern) if not c.isspace()]
    assert len(found.positions) <= len(letters)
    assert all(folded[p] in letters for p in found.positions)
    assert list(found.positions) == sorted(set(found.positions))


@given(st.text(min_size=1, max_size=30))
def test_a_text_always_matches_itself(text):
    if text.strip():
        assert match(text, text) is not None


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("2021-03-22", DateTarget(dt.date(2021, 3, 22))),
        ("22.03.2021", DateTarget(dt.date(2021, 3, 22))),
        (" 22.3.2021 ", DateTarget(dt.date(2021, 3, 22))),
        ("22 марта 2021", DateTarget(dt.date(2021, 3, 22))),
        ("22 марта 2021 года", DateTarget(dt.date(2021, 3, 22))),
        ("22 March 2021", DateTarget(dt.date(2021, 3, 22))),
        ("March 22, 2021", DateTarget(dt.date(2021, 3, 22))),
        ("2021-03", DateTarget(dt.date(2021, 3, 1), month_only=True)),
        ("март 2021", DateTarget(dt.date(2021, 3, 1), month_only=True)),
        ("May 2021", DateTarget(dt.date(2021, 5, 1), month_only=True)),
    ],
)
def test_a_typed_date_is_a_place_to_go(typed, target):
    assert date_target(typed) == target


@pytest.mark.parametrize("typed", ["2021-02-30", "31.04.2021", "zoom", "2021", "22 Smarch 2021", "", "13.2021"])
def test_what_is_no_date_is_not_taken_for_one(typed):
    assert date_target(typed) is None


def test_title_search_needs_every_word_and_prefers_word_starts():
    title = "Foreign Minister Sergey Lavrov’s interview with Kommersant newspaper, Moscow"
    found = contains_words("kommersant lavrov", title)
    assert found is not None
    assert "".join(title[p] for p in found.positions) == "LavrovKommersant"
    assert contains_words("lavrov izvestia", title) is None
    support = "Support for the port"
    found = contains_words("port", support)
    assert found is not None and found.positions[0] == support.index(" port") + 1
    at_start = contains_words("port", "port of call")
    inside = contains_words("port", "Support")
    assert at_start is not None and inside is not None and at_start.score > inside.score
    russian = contains_words("лавров", "Интервью С.В.Лаврова газете «Коммерсантъ»")
    assert russian is not None and len(russian.positions) == 6
