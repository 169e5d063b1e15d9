"""Fuzzy matching for the command palette: type a few letters of a title, get the best matches first.

A pattern matches when its letters occur in the text in order (case-insensitive, `ё` = `е`), as in
fzf and Sublime Text. Among the ways it can match, the best-scoring one wins: letters at the start of
a word ("ni" → "**N**ext **i**tem") and runs of consecutive letters score high, gaps cost a little.
Words of the pattern separated by spaces match independently, in any order ("question next").

Also recognises a typed date (`2021-03-22`, `22.03.2021`, `22 March 2021`, `22 марта 2021`, or a
month: `2021-03`, `March 2021`) so the palette can offer "go to that day".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

SCORE_MATCH = 1.0
BONUS_BOUNDARY = 8.0  # the first letter of a word
BONUS_CAMEL = 6.0  # an upper-case letter after a lower-case one, a digit after a letter
BONUS_CONSECUTIVE = 5.0  # a letter right after the previous matched one
FIRST_LETTER_MULTIPLIER = 2.0  # the pattern's first letter on a word start counts double
GAP_START = -3.0
GAP_EXTENSION = -1.0


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    positions: tuple[int, ...]  # indexes of the matched characters in the text, ascending


def fold(text: str) -> str:
    """Lower case with ё folded to е, one character for one (positions stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("ё", "е")


def match(pattern: str, text: str) -> Match | None:
    """The best way `pattern` matches `text`, or None when some letter of it is missing."""
    terms = fold(pattern).split()
    if not terms:
        return Match(0.0, ())
    folded = fold(text)
    total = 0.0
    positions: set[int] = set()
    for term in terms:
        found = _match_term(term, folded, text)
        if found is None:
            return None
        total += found.score
        positions.update(found.positions)
    return Match(total, tuple(sorted(positions)))


def score(pattern: str, text: str) -> float | None:
    found = match(pattern, text)
    return None if found is None else found.score


def rank(
    pattern: str, items: Iterable[T], key: Callable[[T], str] = str, *, limit: int | None = None
) -> list[tuple[T, Match]]:
    """The items that match, best first; equal scores keep the shorter text, then the given order.
    An empty pattern keeps every item in the given order."""
    if not pattern.split():
        everything = [(item, Match(0.0, ())) for item in items]
        return everything if limit is None else everything[:limit]
    scored = []
    for index, item in enumerate(items):
        text = key(item)
        found = match(pattern, text)
        if found is not None:
            scored.append((-found.score, len(text), index, item, found))
    scored.sort(key=lambda row: row[:3])
    rows = scored if limit is None else scored[:limit]
    return [(item, found) for _, _, _, item, found in rows]


def contains_words(pattern: str, text: str, folded: str | None = None) -> Match | None:
    """Every word of the pattern occurs in the text (case-insensitive, ё = е), preferably at a word
    start: the search for long texts such as transcript titles, where letters scattered over 200
    characters would match nearly anything. `folded` is `fold(text)` when the caller keeps it."""
    folded = fold(text) if folded is None else folded
    total = 0.0
    positions: set[int] = set()
    for term in fold(pattern).split():
        first = folded.find(term)
        if first == -1:
            return None
        at = first
        while at > 0 and folded[at - 1].isalnum():  # look for an occurrence that starts a word
            at = folded.find(term, at + 1)
            if at == -1:
                break
        if at == -1:
            at = first
        else:
            total += FIRST_LETTER_MULTIPLIER * BONUS_BOUNDARY
        total += len(term) * (SCORE_MATCH + BONUS_CONSECUTIVE)
        positions.update(range(at, at + len(term)))
    return Match(total, tuple(sorted(positions)))


def _bonus(text: str, j: int) -> float:
    current = text[j]
    if not current.isalnum():
        return 0.0
    if j == 0:
        return BONUS_BOUNDARY
    before = text[j - 1]
    if not before.isalnum():
        return BONUS_BOUNDARY
    if (before.islower() and current.isupper()) or (before.isalpha() and current.isdigit()):
        return BONUS_CAMEL
    return 0.0


def _occurrences(folded: str, char: str, first: int, last: int) -> list[int]:
    found = []
    j = folded.find(char, first, last + 1)
    while j != -1:
        found.append(j)
        j = folded.find(char, j + 1, last + 1)
    return found


def _match_term(term: str, folded: str, text: str) -> Match | None:
    # Where each letter can earliest and latest sit in a full match (greedy from each end); the
    # search below looks only at the letter's occurrences between the two.
    earliest = []
    j = -1
    for char in term:
        j = folded.find(char, j + 1)
        if j == -1:
            return None
        earliest.append(j)
    latest = [0] * len(term)
    j = len(folded)
    for i in range(len(term) - 1, -1, -1):
        j = folded.rfind(term[i], 0, j)
        latest[i] = j

    # Best score of a match of term[: i + 1] ending at each occurrence of term[i] (fzf's algorithm,
    # over occurrences instead of every cell); `back` remembers where the previous letter sat.
    positions = _occurrences(folded, term[0], earliest[0], latest[0])
    scores = [SCORE_MATCH + FIRST_LETTER_MULTIPLIER * _bonus(text, p) for p in positions]
    backs: list[dict[int, int]] = []
    for i in range(1, len(term)):
        here = _occurrences(folded, term[i], earliest[i], latest[i])
        previous = dict(zip(positions, scores, strict=True))
        kept: list[tuple[int, float]] = []
        back: dict[int, int] = {}
        best_gap, best_gap_from = float("-inf"), -1  # max of score(k) - k·GAP_EXTENSION over k ≤ p - 2
        pointer = 0
        for p in here:
            while pointer < len(positions) and positions[pointer] <= p - 2:
                k = positions[pointer]
                if scores[pointer] - k * GAP_EXTENSION > best_gap:
                    best_gap, best_gap_from = scores[pointer] - k * GAP_EXTENSION, k
                pointer += 1
            bonus = _bonus(text, p)
            candidate, source = float("-inf"), -1
            if best_gap_from >= 0:
                # a gap of g letters costs GAP_START + (g - 1) · GAP_EXTENSION, with g = p - k - 1
                candidate = best_gap + GAP_START + (p - 2) * GAP_EXTENSION + SCORE_MATCH + bonus
                source = best_gap_from
            if p - 1 in previous:
                run = previous[p - 1] + SCORE_MATCH + max(bonus, BONUS_CONSECUTIVE)
                if run >= candidate:
                    candidate, source = run, p - 1
            if source >= 0:
                kept.append((p, candidate))
                back[p] = source
        if not kept:
            return None
        positions = [p for p, _ in kept]
        scores = [s for _, s in kept]
        backs.append(back)

    best = max(range(len(scores)), key=lambda n: (scores[n], -positions[n]))
    path = [positions[best]]
    for back in reversed(backs):
        path.append(back[path[-1]])
    return Match(scores[best], tuple(reversed(path)))


# -- dates ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateTarget:
    """A day (or, with month_only, a month: day is its first) that the user typed."""

    day: dt.date
    month_only: bool = False


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan январь января янв",
        "february feb февраль февраля фев",
        "march mar март марта мар",
        "april apr апрель апреля апр",
        "may май мая",
        "june jun июнь июня июн",
        "july jul июль июля июл",
        "august aug август августа авг",
        "september sep sept сентябрь сентября сен сент",
        "october oct октябрь октября окт",
        "november nov ноябрь ноября ноя",
        "december dec декабрь декабря дек",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_YEAR_WORDS = r"(?:\s*(?:года|год|г\.?))?"
_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), "day"),
    (re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _YEAR_WORDS), "day"),
    (re.compile(r"(?P<d>\d{1,2})\s+(?P<name>[^\W\d_]+)\.?,?\s+(?P<y>\d{4})" + _YEAR_WORDS), "day"),
    (re.compile(r"(?P<name>[^\W\d_]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"), "day"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"), "month"),
    (re.compile(r"(?P<m>\d{1,2})\.(?P<y>\d{4})"), "month"),
    (re.compile(r"(?P<name>[^\W\d_]+)\.?\s+(?P<y>\d{4})" + _YEAR_WORDS), "month"),
)


def date_target(text: str) -> DateTarget | None:
    """The day or month a typed text names, or None: "2021-03-22", "22.03.2021", "22 марта 2021",
    "March 22, 2021", "2021-03", "март 2021". Impossible dates (2021-02-30) are None."""
    cleaned = fold(text.strip())
    for form, precision in _DATE_FORMS:
        m = form.fullmatch(cleaned)
        if m is None:
            continue
        groups = m.groupdict()
        month = _MONTHS.get(groups["name"]) if groups.get("name") else int(groups["m"])
        if month is None:
            continue
        day = int(groups["d"]) if precision == "day" else 1
        try:
            return DateTarget(dt.date(int(groups["y"]), month, day), month_only=precision == "month")
        except ValueError:
            return None
    return None
