"""Annotations as CSV for spreadsheets: one row per annotation, fixed columns, UTF-8 with a BOM (so that
Excel reads Cyrillic), CRLF line ends.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that no
spreadsheet runs it as a formula (CSV injection); the text is otherwise as written.
"""

from __future__ import annotations

import csv
import io

from reader.core.export import Selection, Ticker, locator, speaker, timestamp

COLUMNS = (
    "document_id",  # the transcript's id in this library (`transcript-reader show ID`)
    "date",  # publication date, YYYY-MM-DD
    "title",
    "language",  # en, ru
    "speaker",  # who says the quote; empty outside a speaker's turn
    "locator",  # "section 2, turn 5, paragraph 12", "whole transcript", "not found in the current text"
    "quote",  # the exact highlighted text; empty for a note on the whole transcript
    "note",
    "tags",  # separated by "; "
    "colour",  # the legend key
    "colour_meaning",
    "created",  # UTC, ISO 8601
    "modified",
)
"""The columns, in order; the README lists them too."""

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(selection: Selection, ticker: Ticker) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for d in selection.documents:
        t = d.transcript
        date = t.published_date.isoformat() if t.published_date else ""
        for a in d.annotations:
            row = (
                str(t.id),
                date,
                t.title,
                t.language,
                speaker(t, a) or "",
                locator(t, a),
                a.exact,
                a.note or "",
                "; ".join(a.tags),
                a.color or "",
                selection.meaning(a.color) or "",
                timestamp(a.created),
                timestamp(a.modified),
            )
            writer.writerow([neutralised(cell) for cell in row])
            ticker.tick()
    return BOM + buffer.getvalue()


def neutralised(cell: str) -> str:
    """`cell` as a spreadsheet shows it without evaluating it."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
