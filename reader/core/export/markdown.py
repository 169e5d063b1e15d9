"""Annotations as Markdown, for notes apps and papers: grouped by document, each quote a blockquote with
its speaker and place, then its colour's meaning, tags and note.

Quotes are transcript text and are escaped so that they show as written; notes are kept as the user
wrote them (they may be Markdown), except that `<` is escaped so no note becomes raw HTML.
"""

from __future__ import annotations

import re

from reader.core.export import (
    DocumentEntry,
    Selection,
    Ticker,
    locator,
    published,
    section_title,
    source_of,
    speaker,
)
from reader.core.model import Annotation, AnnotationKind
from reader.core.versions import language_name

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(?=\s|$)")


def render(selection: Selection, ticker: Ticker) -> str:
    documents = [d for d in selection.documents if d.annotations]
    count = sum(len(d.annotations) for d in documents)
    out = [
        "# Annotations",
        "",
        f"Exported from Transcript Reader on {selection.exported:%Y-%m-%d}: "
        f"{count} annotation{'s' if count != 1 else ''} in {len(documents)} transcript"
        f"{'s' if len(documents) != 1 else ''}.",
        "",
    ]
    for d in documents:
        out += _document(d, selection, ticker)
    return "\n".join(out).rstrip("\n") + "\n"


def _document(d: DocumentEntry, selection: Selection, ticker: Ticker) -> list[str]:
    t = d.transcript
    facts = [published(t), t.place, language_name(t.language), t.doc_type.value]
    out = ["---", "", f"## {_inline(t.title)}", "", " · ".join(_inline(f) for f in facts if f), ""]
    source = source_of(t)
    if source.startswith(("http://", "https://")):
        out += [f"<{source}>", ""]
    for a in d.annotations:
        out += _annotation(a, d, selection)
        ticker.tick()
    return out


def _annotation(a: Annotation, d: DocumentEntry, selection: Selection) -> list[str]:
    t = d.transcript
    out: list[str] = []
    if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
        out += ["**Note on the whole transcript**", ""]
    else:
        out += [_quote_line(line) for line in a.exact.split("\n")]
        where = [w for w in (speaker(t, a), locator(t, a)) if w]
        section = section_title(t, a)
        if section:
            where.append(f"“{section}”")
        out += [">", "> — " + _inline(" · ".join(where))]
        counterpart = d.counterpart_paragraph(a)
        if counterpart is not None and d.counterpart is not None:
            j, text = counterpart
            out += [">", f"> > *{language_name(d.counterpart.language)}, paragraph {j + 1}:*"]
            out += ["> " + _quote_line(line) for line in text.split("\n")]
        out.append("")
    facts = []
    entry = selection.color(a.color)
    if entry is not None:
        meaning = f" — {_inline(entry.meaning)}" if entry.meaning else ""
        facts.append(f"**Colour:** {entry.key}{meaning}")
    if a.tags:
        facts.append("**Tags:** " + ", ".join(_inline(tag) for tag in a.tags))
    if facts:
        out += ["  \n".join(facts), ""]
    if a.note:
        out += [_note(a.note), ""]
    return out


def _quote_line(line: str) -> str:
    """One line of a quote inside a blockquote, its Markdown characters escaped."""
    if not line.strip():
        return ">"
    return "> " + _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", line))


def _inline(text: str) -> str:
    """A title, place or tag on one line, shown as written."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _note(note: str) -> str:
    return note.replace("&", "&amp;").replace("<", "&lt;").strip("\n")
