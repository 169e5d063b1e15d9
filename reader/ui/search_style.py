"""The colours of search hits, one set per theme: in the text, the results list, the calendar, the histogram.

Hits are amber with black text, the current hit orange, as browsers mark "find in page", so they read
as search marks and not as the pastel highlights of the annotation legend; the calendar's hit days take
the same amber as a filled cell, where ordinary days with transcripts are bold accent text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.ui.themes import Colours


@dataclass(frozen=True, slots=True)
class HitColours:
    hit: str  # background of every hit
    hit_text: str
    current: str  # background of the hit F3 went to
    current_text: str
    day: str  # a calendar day with hits
    day_text: str
    bar: str  # the histogram's bars
    shown: str  # the histogram's bar of the calendar's month
    error: str  # a query that cannot be searched, in plain words


LIGHT_HITS = HitColours(
    hit="#ffe066",
    hit_text="#000000",
    current="#ff9632",
    current_text="#000000",
    day="#ffd54a",
    day_text="#3b2a00",
    bar="#d99a00",
    shown="#1a5fb4",
    error="#b3261e",
)

DARK_HITS = HitColours(
    hit="#806a1c",
    hit_text="#ffffff",
    current="#e07b24",
    current_text="#000000",
    day="#6e5a12",
    day_text="#fff4cc",
    bar="#d6a62a",
    shown="#78aeed",
    error="#f28b82",
)


def hit_colours(colours: Colours) -> HitColours:
    """The hits' colours for a theme; the histogram's month of the calendar in the theme's accent."""
    return replace(DARK_HITS if colours.dark else LIGHT_HITS, shown=colours.accent)
