"""Align two language versions of one document paragraph by paragraph: the language toggle keeps the
reader's place with it, the side-by-side view draws its rows from it.

By structure first: segments (a briefing section after its heading, a group after "* * *"), then turns
and runs of unlabelled text, then paragraphs within them. Where counts differ it falls back to
proportional position: a small dynamic programme matches units by role (question, answer, text,
heading) and their place in the text, and paragraphs by their share of their turn's text (so a paragraph
the translator split or joined lines up). Only the rows near a difference are marked uncertain, rather
than silently shifted: a unit one version lacks and the rows just before and after it, a unit matched
with one of another role, and the paragraphs of a unit whose counts differ. Units matched one for one
with the same role and as many paragraphs stay certain. Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from reader.core.model import ParagraphKind, Transcript

T = TypeVar("T")

MAX_DP_CELLS = 250_000  # beyond this many unit pairs, proportional position alone (a few ms, never seconds)


@dataclass(frozen=True, slots=True)
class AlignedRow:
    """Paragraph indices shown side by side. One side is empty where the other has no counterpart."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    certain: bool  # False where counts differ: the row is a best guess


@dataclass(frozen=True, slots=True)
class Alignment:
    """The rows of two aligned versions ("left" is the first version given to `align`)."""

    rows: tuple[AlignedRow, ...]
    left_rows: tuple[int, ...]  # for each paragraph of the left version, its row
    right_rows: tuple[int, ...]

    @property
    def certain(self) -> bool:
        return all(row.certain for row in self.rows)

    def row_of(self, paragraph_index: int, *, from_left: bool = True) -> AlignedRow:
        return self.rows[(self.left_rows if from_left else self.right_rows)[paragraph_index]]

    def counterpart(self, paragraph_index: int, *, from_left: bool = True) -> int:
        """The paragraph of the other version that shows what `paragraph_index` shows: for a paragraph
        without one, the nearest paragraph before (else after) it that has one."""
        index = (self.left_rows if from_left else self.right_rows)[paragraph_index]
        row = self.rows[index]
        own, other = (row.left, row.right) if from_left else (row.right, row.left)
        if other:
            return other[own.index(paragraph_index) * len(other) // len(own)]
        for step in (-1, 1):
            k = index + step
            while 0 <= k < len(self.rows):
                candidate = self.rows[k].right if from_left else self.rows[k].left
                if candidate:
                    return candidate[-1] if step < 0 else candidate[0]
                k += step
        return 0


def align(left: Transcript, right: Transcript) -> Alignment:
    """Rows pairing the paragraphs of two versions, in reading order; every paragraph is in one row."""
    # Section numbers are a key across versions only when both tables of contents have the same length.
    numbered = bool(left.sections) and len(left.sections) == len(right.sections)
    left_segments, right_segments = _segments(left, numbered=numbered), _segments(right, numbered=numbered)
    # every unit of both versions in reading order, paired where both have it, and whether only
    # proportional position paired it (too many units for the dynamic programme)
    units: list[tuple[_Unit | None, _Unit | None, bool]] = []
    segments, segments_guessed = _match(left_segments, right_segments, _segment_role, _segment_weight)
    for seg_left, seg_right in segments:
        if seg_left is None or seg_right is None:
            units += [
                (u, None, False) if seg_left is not None else (None, u, False) for u in seg_left or seg_right or []
            ]
            continue
        pairs, guessed = _match(seg_left, seg_right, _unit_role, _unit_weight)
        units += [(a, b, guessed or segments_guessed) for a, b in pairs]
    rows: list[AlignedRow] = []
    for unit_left, unit_right, guessed in units:
        if unit_left is None or unit_right is None:
            _add_unmatched(rows, unit_left or unit_right, on_left=unit_left is not None)  # type: ignore[arg-type]
        else:
            certain = unit_left.role == unit_right.role and not guessed
            _add_paragraphs(rows, unit_left, unit_right, certain=certain)
    rows = _doubt_beside_gaps(rows)
    left_rows, right_rows = [0] * len(left.paragraphs), [0] * len(right.paragraphs)
    for r, row in enumerate(rows):
        for i in row.left:
            left_rows[i] = r
        for j in row.right:
            right_rows[j] = r
    return Alignment(tuple(rows), tuple(left_rows), tuple(right_rows))


def counterpart(paragraph_index: int, from_version: Transcript, to_version: Transcript) -> int:
    """The paragraph of `to_version` to put at the top of the view when the reader switches language
    with paragraph `paragraph_index` of `from_version` at the top."""
    return align(from_version, to_version).counterpart(paragraph_index)


# -- structure ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """A turn, a run of unlabelled text, a heading or a separator: its paragraphs and its length."""

    role: str  # question / answer / text / heading (with its section number when numbered) / separator
    paragraphs: list[int]
    sizes: list[int]  # characters of each paragraph
    turn: int | None = None

    @property
    def weight(self) -> int:
        return sum(self.sizes)

    def add(self, index: int, size: int) -> None:
        self.paragraphs.append(index)
        self.sizes.append(size)


_Segment = list[_Unit]


def _segments(t: Transcript, *, numbered: bool) -> list[_Segment]:
    """The units of a version, split before every heading and "* * *"."""
    segments: list[_Segment] = [[]]
    for i, p in enumerate(t.paragraphs):
        current = segments[-1]
        last = current[-1] if current else None
        size = len(p.text) + 1
        if p.kind is ParagraphKind.HEADING or p.kind is ParagraphKind.SEPARATOR:
            if current:
                segments.append([])
            role = p.kind.value
            if numbered and p.section is not None and p.kind is ParagraphKind.HEADING:
                role += f":{p.section}"
            segments[-1].append(_Unit(role, [i], [size]))
        elif p.kind is ParagraphKind.TURN:
            if last is not None and last.turn is not None and last.turn == p.turn and not p.starts_turn:
                last.add(i, size)
            else:
                role = "question" if (p.speaker or "").casefold() in {"question", "вопрос"} else "answer"
                current.append(_Unit(role, [i], [size], turn=p.turn))
        elif last is not None and last.role == "text":
            last.add(i, size)
        else:
            current.append(_Unit("text", [i], [size]))
    return [s for s in segments if s]


def _segment_role(segment: _Segment) -> str:
    first = segment[0].role
    return first if first.startswith(("heading", "separator")) else "start"


def _segment_weight(segment: _Segment) -> int:
    return sum(unit.weight for unit in segment)


def _unit_role(unit: _Unit) -> str:
    return unit.role


def _unit_weight(unit: _Unit) -> int:
    return unit.weight


# -- matching ----------------------------------------------------------------------------------

_ROLE_MISMATCH = 3.0
_GAP = 0.6
_POSITION = 4.0
_RATIO = 0.5


def _match(
    left: Sequence[T], right: Sequence[T], role: Callable[[T], str], weight: Callable[[T], int]
) -> tuple[list[tuple[T | None, T | None]], bool]:
    """Pairs of items in order, None on one side for an item the other version lacks; and whether
    proportional position alone paired them (too many items for the dynamic programme).

    Same roles in the same order: item i with item i. Otherwise a global alignment (Needleman–Wunsch)
    whose match cost grows with a role mismatch, the distance between the items' proportional
    positions and the difference of their shares of the text.
    """
    m, n = len(left), len(right)
    if [role(x) for x in left] == [role(y) for y in right]:
        return list(zip(left, right, strict=True)), False
    if m == 0 or n == 0:
        return [(x, None) for x in left] + [(None, y) for y in right], False
    if m * n > MAX_DP_CELLS:
        return _proportional_items(left, right), True
    left_pos, right_pos = _positions([weight(x) for x in left]), _positions([weight(y) for y in right])

    def cost(i: int, j: int) -> float:
        (a_start, a_end), (b_start, b_end) = left_pos[i], right_pos[j]
        c = _POSITION * abs((a_start + a_end) - (b_start + b_end)) / 2
        share_a, share_b = a_end - a_start, b_end - b_start
        c += _RATIO * abs(share_a - share_b) / max(share_a, share_b, 1e-9)
        return c + (_ROLE_MISMATCH if role(left[i]) != role(right[j]) else 0.0)

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    step = [[0] * (n + 1) for _ in range(m + 1)]  # 1 match, 2 left only, 3 right only
    best[0][0] = 0.0
    for i in range(m + 1):
        row, above = best[i], best[i - 1] if i else None
        for j in range(n + 1):
            if i == 0 and j == 0:
                continue
            choice, value = 0, inf
            if i and j and (v := above[j - 1] + cost(i - 1, j - 1)) < value:  # type: ignore[index]
                choice, value = 1, v
            if i and (v := above[j] + _GAP) < value:  # type: ignore[index]
                choice, value = 2, v
            if j and (v := row[j - 1] + _GAP) < value:
                choice, value = 3, v
            row[j], step[i][j] = value, choice
    pairs: list[tuple[T | None, T | None]] = []
    i, j = m, n
    while i or j:
        choice = step[i][j]
        if choice == 1:
            i, j = i - 1, j - 1
            pairs.append((left[i], right[j]))
        elif choice == 2:
            i -= 1
            pairs.append((left[i], None))
        else:
            j -= 1
            pairs.append((None, right[j]))
    pairs.reverse()
    return pairs, False


def _positions(weights: list[int]) -> list[tuple[float, float]]:
    """(start, end) of each item as a share of the whole, by length."""
    total = sum(weights) or 1
    spans, at = [], 0
    for w in weights:
        spans.append((at / total, (at + w) / total))
        at += w
    return spans


def _proportional_items(left: Sequence[T], right: Sequence[T]) -> list[tuple[T | None, T | None]]:
    """Item pairs by proportional position only, each item once: for very large, very different versions."""
    pairs: list[tuple[T | None, T | None]] = []
    for lefts, rights in _proportional(list(range(len(left))), list(range(len(right)))):
        for k in range(max(len(lefts), len(rights))):
            x = left[lefts[k]] if k < len(lefts) else None
            y = right[rights[k]] if k < len(rights) else None
            pairs.append((x, y))
    return pairs


def _proportional(left: list[int], right: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups pairing the longer list's items with the shorter one's by proportional position: each
    item of the longer list goes with the item of the shorter one at the same relative place, so every
    group is one-to-many and in order."""
    m, n = len(left), len(right)
    if m < n:
        return [(b, a) for a, b in _proportional(right, left)]
    groups: list[tuple[list[int], int]] = []
    for i, item in enumerate(left):
        j = (2 * i + 1) * n // (2 * m)  # the shorter list's item under the middle of this one
        if groups and groups[-1][1] == j:
            groups[-1][0].append(item)
        else:
            groups.append(([item], j))
    return [(tuple(items), (right[j],)) for items, j in groups]


def _add_paragraphs(rows: list[AlignedRow], left: _Unit, right: _Unit, *, certain: bool) -> None:
    if len(left.paragraphs) == len(right.paragraphs):
        rows.extend(AlignedRow((i,), (j,), certain) for i, j in zip(left.paragraphs, right.paragraphs, strict=True))
    else:
        rows.extend(AlignedRow(a, b, False) for a, b in _group_paragraphs(left, right))


# (left, right, cost): one paragraph for one, two for one (a translator joined or split one), three
# for one, or one with nothing (a paragraph the other version lacks).
_PARAGRAPH_MOVES = ((1, 1, 0.0), (2, 1, 0.15), (1, 2, 0.15), (3, 1, 0.3), (1, 3, 0.3), (1, 0, 0.5), (0, 1, 0.5))
_SHARE = 2.0


def _group_paragraphs(left: _Unit, right: _Unit) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups of the paragraphs of two matched units whose counts differ, in order: a small dynamic
    programme (after Gale and Church) that pairs groups taking up the same share of their unit's text."""
    m, n = len(left.paragraphs), len(right.paragraphs)
    if m == 0 or n == 0 or m * n > MAX_DP_CELLS:
        return _proportional(left.paragraphs, right.paragraphs)
    left_at, right_at = _cumulative_shares(left.sizes), _cumulative_shares(right.sizes)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    came: list[list[tuple[int, int]]] = [[(0, 0)] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            value = best[i][j]
            if value == inf:
                continue
            for di, dj, penalty in _PARAGRAPH_MOVES:
                a, b = i + di, j + dj
                if a > m or b > n:
                    continue
                share_gap = abs((left_at[a] - left_at[i]) - (right_at[b] - right_at[j]))
                if (v := value + penalty + _SHARE * share_gap) < best[a][b]:
                    best[a][b], came[a][b] = v, (di, dj)
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = m, n
    while i or j:
        di, dj = came[i][j]
        groups.append((tuple(left.paragraphs[i - di : i]), tuple(right.paragraphs[j - dj : j])))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def _cumulative_shares(sizes: list[int]) -> list[float]:
    total = sum(sizes) or 1
    shares, at = [0.0], 0
    for size in sizes:
        at += size
        shares.append(at / total)
    return shares


def _doubt_beside_gaps(rows: list[AlignedRow]) -> list[AlignedRow]:
    """The rows just before and after a paragraph one version lacks are uncertain too: what the other
    version added might as well end the turn before it or begin the one after."""
    beside = {n for r, row in enumerate(rows) if not (row.left and row.right) for n in (r - 1, r + 1)}
    return [
        AlignedRow(row.left, row.right, False) if row.certain and r in beside else row for r, row in enumerate(rows)
    ]


def _add_unmatched(rows: list[AlignedRow], unit: _Unit, *, on_left: bool) -> None:
    for i in unit.paragraphs:
        rows.append(AlignedRow((i,), (), False) if on_left else AlignedRow((), (i,), False))
