"""Where an annotation's text is, described so that it can be found again after the text changes.

An anchor is kept as the two W3C Web Annotation selectors: a TextPositionSelector (`start`, `end` in
the text of one version) and a TextQuoteSelector (`exact` with ~32 characters of `prefix` and `suffix`).
`reanchor` finds the same passage in a new version of the text the way Hypothesis's client does:
the old position if it still holds the quote, else the quote itself (context first, then nearness),
else an approximate match scored on quote, context and distance. Pure functions, no storage.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote (Hypothesis keeps 32)."""

# Scoring weights of Hypothesis's client (match-quote.ts): the quote counts most, then its context,
# then nearness to where it was.
_QUOTE_WEIGHT, _PREFIX_WEIGHT, _SUFFIX_WEIGHT, _POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0

MIN_FUZZY_QUOTE = 8
"""Shorter quotes are only found exactly: a few letters with an edit in them match too much."""

DISTINCT_QUOTE = 64
"""A quote at least this long is taken as itself even where its context changed; shorter ones need context
(a sentence of 40 characters can recur elsewhere in a transcript, and is then not the passage annotated)."""

MAX_ERROR_RATE = 0.25
"""A fuzzy match may differ from the old quote in at most a quarter of its characters."""

_GRAM = 5  # q-gram length used to find where an edited quote went
_SAMPLE = 4  # the index keeps the q-grams starting at every 4th position: a quarter of the work to build
_BUCKET = 32  # characters per diagonal bucket when q-grams vote for a match start
_MAX_GRAM_HITS = 64  # a q-gram seen more often than this says nothing about where a quote is
_VOTING_GRAMS = 48  # the rarest q-grams of a quote that vote for where it is
_MAX_CANDIDATES = 3  # regions verified by approximate search, besides the old position
_MAX_OCCURRENCES = 20_000  # exact occurrences scored per quote (a one-letter quote stops here)


@dataclass(frozen=True, slots=True)
class Selectors:
    """A W3C TextPositionSelector and TextQuoteSelector of one range of one version of a text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    def to_w3c(self) -> list[dict[str, object]]:
        """The selectors as W3C Web Annotation JSON objects."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


def describe(text: str, start: int, end: int, *, context: int = CONTEXT) -> Selectors:
    """The selectors of `text[start:end]`."""
    return Selectors(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


class TextIndex:
    """What a batch of re-anchorings into one text shares: where its q-grams are, and how anchors moved.

    Only q-grams at every `_SAMPLE`th position are kept (built on first use); a passage that still shares
    a run of `_SAMPLE + _GRAM - 1` characters with the old one is certain to hit one of them. The moves
    of anchors already found tell where the next one should be (after an inserted paragraph, everything
    below it moved by the same amount): the position hint of the approximate search.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._grams: dict[str, list[int]] | None = None
        self._moves: list[tuple[int, int]] = []  # (old start, new start - old start), by old start

    def learn(self, old_start: int, new_start: int) -> None:
        bisect.insort(self._moves, (old_start, new_start - old_start))

    def expected_shift(self, old_start: int) -> int:
        """How far the anchors found nearest to `old_start` moved (0 when none was found yet)."""
        moves = self._moves
        if not moves:
            return 0
        i = bisect.bisect_left(moves, (old_start,))
        near = [moves[j] for j in (i - 1, i) if 0 <= j < len(moves)]
        return min(near, key=lambda m: abs(m[0] - old_start))[1]

    def positions(self, gram: str) -> list[int]:
        if self._grams is None:
            grams: dict[str, list[int]] = {}
            text = self.text
            for i in range(0, len(text) - _GRAM + 1, _SAMPLE):
                key = text[i : i + _GRAM]
                found = grams.get(key)
                if found is None:
                    grams[key] = [i]
                else:
                    found.append(i)
            self._grams = grams
        return self._grams.get(gram, [])


def reanchor(old: Selectors, new_text: str, *, index: TextIndex | None = None) -> tuple[int, int] | None:
    """Where the passage `old` describes is in `new_text`, or None when it cannot be found (an orphan).

    Pass one `TextIndex(new_text)` for a batch of anchors into the same text: the approximate search
    then indexes the text once.
    """
    if not old.exact:
        return None
    if index is None or index.text is not new_text:
        index = TextIndex(new_text)
    found = _at_old_position(old, new_text) or _exact(old, new_text) or _fuzzy(old, new_text, index)
    if found is not None and _context_overlap(old, new_text, *found) >= 0.5:
        index.learn(old.start, found[0])  # surely the same passage: a move the next anchors can expect
    return found


def reanchor_many(anchors: list[Selectors], new_text: str) -> list[tuple[int, int] | None]:
    """`reanchor` for every anchor, sharing one index of the new text (in text order, so moves are learnt)."""
    index = TextIndex(new_text)
    found: list[tuple[int, int] | None] = [None] * len(anchors)
    for i in sorted(range(len(anchors)), key=lambda i: anchors[i].start):
        found[i] = reanchor(anchors[i], new_text, index=index)
    return found


# -- the three steps -------------------------------------------------------------------------------


def _at_old_position(old: Selectors, text: str) -> tuple[int, int] | None:
    """The old position, if it still holds the quote and at least half its context."""
    if text[old.start : old.end] != old.exact:
        return None
    if _context_overlap(old, text, old.start, old.end) >= 0.5:
        return old.start, old.end
    return None


def _exact(old: Selectors, text: str) -> tuple[int, int] | None:
    """The occurrence of the quote whose context agrees best, nearest to the old position among equals."""
    exact, m = old.exact, len(old.exact)
    # Fast path: quote and its whole context together (the text moved, e.g. a paragraph was inserted).
    whole = old.prefix + exact + old.suffix
    if len(whole) > m:
        best = _nearest(_occurrences(text, whole), old.start - len(old.prefix))
        if best is not None:
            start = best + len(old.prefix)
            return start, start + m
    best_key: tuple[float, int] | None = None
    best_start = -1
    for start in _occurrences(text, exact):
        key = (_context_overlap(old, text, start, start + m), -abs(start - old.start))
        if best_key is None or key > best_key:
            best_key, best_start = key, start
    if best_key is None:
        return None
    if m >= DISTINCT_QUOTE or best_key[0] >= 0.2:
        return best_start, best_start + m
    return None


def _fuzzy(old: Selectors, text: str, index: TextIndex) -> tuple[int, int] | None:
    """The best approximate match of the quote, scored on quote, context and distance as Hypothesis does.

    Searched first where the quote should be (its old place, and where its neighbours moved to); only
    when no clear match is there, in the places the q-grams of quote and context point to.
    """
    m = len(old.exact)
    if m < MIN_FUZZY_QUOTE or not text:
        return None
    max_errors = int(m * MAX_ERROR_RATE)
    margin = max_errors + _BUCKET
    near = [(old.start - margin, old.end + margin)]
    shift = index.expected_shift(old.start)
    if shift:  # where its neighbours went first: after an inserted paragraph the old place is wrong
        near.insert(0, (old.start + shift - margin, old.end + shift + margin))
    searched: list[tuple[int, int]] = []
    best = _best_match(old, text, near, max_errors, searched)
    if best is None or not best[3]:
        voted = [(b * _BUCKET - margin, b * _BUCKET + m + margin) for b in _likely_starts(old, index)]
        further = _best_match(old, text, voted, max_errors, searched)
        if further is not None and (best is None or further[0] > best[0]):
            best = further
    return (best[1], best[2]) if best else None


def _best_match(
    old: Selectors, text: str, regions: list[tuple[int, int]], max_errors: int, searched: list[tuple[int, int]]
) -> tuple[float, int, int, bool] | None:
    """(score, start, end, clear) of the best acceptable match inside `regions`, skipping searched ones.

    Regions are searched in the order given, and the search stops at the first clear match.
    """
    m = len(old.exact)
    best: tuple[float, int, int, bool] | None = None
    for lo, hi in _merge(regions, len(text)):
        if best is not None and best[3]:
            break
        if any(a <= lo and hi <= b for a, b in searched):
            continue
        searched.append((lo, hi))
        for start, end, errors in _approximate_matches(old.exact, text, lo, hi, max_errors):
            quote_score = 1 - errors / m
            prefix_score = _similarity(old.prefix, text[max(0, start - len(old.prefix)) : start])
            suffix_score = _similarity(old.suffix, text[end : end + len(old.suffix)])
            position_score = max(0.0, 1 - abs(start - old.start) / len(text))
            if m < DISTINCT_QUOTE and (prefix_score + suffix_score) / 2 < 0.5:
                continue  # a short quote with an edit in it is only itself where its context agrees
            score = (
                _QUOTE_WEIGHT * quote_score
                + _PREFIX_WEIGHT * prefix_score
                + _SUFFIX_WEIGHT * suffix_score
                + _POSITION_WEIGHT * position_score
            )
            clear = quote_score >= 0.9 and prefix_score >= 0.8 and suffix_score >= 0.8
            if best is None or score > best[0]:
                best = (score, start, end, clear)
    return best


# -- helpers ---------------------------------------------------------------------------------------


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    i = text.find(needle)
    while i >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _nearest(positions: list[int], target: int) -> int | None:
    return min(positions, key=lambda p: abs(p - target)) if positions else None


def _context_overlap(old: Selectors, text: str, start: int, end: int) -> float:
    """The share of the old prefix and suffix that still stands next to text[start:end], unbroken."""
    total = len(old.prefix) + len(old.suffix)
    if not total:
        return 1.0
    before = text[max(0, start - len(old.prefix)) : start]
    after = text[end : end + len(old.suffix)]
    same = 0
    for a, b in zip(reversed(old.prefix), reversed(before), strict=False):
        if a != b:
            break
        same += 1
    for a, b in zip(old.suffix, after, strict=False):
        if a != b:
            break
        same += 1
    return same / total


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _likely_starts(old: Selectors, index: TextIndex) -> list[int]:
    """Buckets where the quote probably starts now: the rarest q-grams of quote and context vote for a start."""
    pattern = old.prefix + old.exact + old.suffix
    shift = len(old.prefix)
    # A long paragraph need not look up every q-gram; an odd step meets every sampled position.
    step = max(1, len(pattern) // 512) | 1
    found: list[tuple[int, int, list[int]]] = []
    for k in range(0, len(pattern) - _GRAM + 1, step):
        hits = index.positions(pattern[k : k + _GRAM])
        if 0 < len(hits) <= _MAX_GRAM_HITS:
            found.append((len(hits), k, hits))
    found.sort(key=lambda f: f[0])
    votes: Counter[int] = Counter()
    for _, k, hits in found[:_VOTING_GRAMS]:
        offset = k - shift
        votes.update((p - offset) // _BUCKET for p in hits)
    return [bucket for bucket, n in votes.most_common(_MAX_CANDIDATES) if n >= 2]


def _merge(regions: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The regions clipped to the text, overlapping ones joined, in the order given (the likeliest first)."""
    merged: list[tuple[int, int]] = []
    for lo, hi in regions:
        lo, hi = max(0, lo), min(length, hi)
        if lo >= hi:
            continue
        for i, (a, b) in enumerate(merged):
            if lo <= b and a <= hi:
                merged[i] = (min(a, lo), max(b, hi))
                break
        else:
            merged.append((lo, hi))
    return merged


def _approximate_matches(pattern: str, text: str, lo: int, hi: int, max_errors: int) -> list[tuple[int, int, int]]:
    """(start, end, errors) of the best approximate matches of `pattern` inside text[lo:hi].

    Myers' bit-parallel edit distance (as in Hypothesis's approx-string-match) finds where matches end;
    the same run over the reversed pattern finds where the best of them start.
    """
    scores = _myers(pattern, text[lo:hi], anchored=False)
    best_errors = min(scores, default=max_errors + 1)
    if best_errors > max_errors:
        return []
    matches = []
    previous = -2
    for j, errors in enumerate(scores):
        if errors != best_errors:
            continue
        if j == previous + 1:  # the same match ending one character later
            previous = j
            continue
        previous = j
        end = lo + j + 1
        window_start = max(lo, end - len(pattern) - max_errors)
        backwards = _myers(pattern[::-1], text[window_start:end][::-1], anchored=True)
        fewest = min(backwards)
        length = min((abs(k + 1 - len(pattern)), k + 1) for k, e in enumerate(backwards) if e == fewest)[1]
        matches.append((end - length, end, fewest))
    return matches


def _myers(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """The edit distance of `pattern` to the best substring of `text` ending at each position.

    With `anchored`, the substring must start at the beginning of `text` (a prefix of it).
    Myers 1999 in Hyyrö's formulation, one Python int as the bit vector of any length.
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, c in enumerate(pattern):
        peq[c] = peq.get(c, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    carry = 1 if anchored else 0
    scores: list[int] = []
    record = scores.append
    get = peq.get
    for c in text:  # the hot loop of the approximate search: kept to plain int operations
        eq = get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        pv = ((mh << 1) & mask) | (~(xv | ph) & mask)
        mv = ph & xv
        record(score)
    return scores
