"""Annotations as one self-contained, printable web page: each quote marked in its highlight colour, with
speaker, place, colour meaning, tags and note, grouped by document.

Everything that comes from the library (titles, quotes, notes, tags, legend meanings) is escaped; the
page runs no script and loads nothing (its Content-Security-Policy forbids both).
"""

from __future__ import annotations

import re
from html import escape

from reader.core.export import DocumentEntry, Selection, Ticker, locator, published, section_title, speaker
from reader.core.model import Annotation, AnnotationKind
from reader.core.versions import language_name

_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_NEUTRAL = "#E0E0E0"

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.5 "Noto Serif", "DejaVu Serif", Georgia, serif; color: #1d1d1f; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
header { border-bottom: 2px solid #1d1d1f; margin-bottom: 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 2em 0 .2em; }
.meta, .where, .legend { font: 9.5pt/1.4 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #555; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3em 1.2em; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em;
          border: 1px solid rgba(0,0,0,.25); margin-right: .3em; }
article { margin: 1.2em 0; padding-left: .9em; border-left: 3px solid #d0d0d0; break-inside: avoid; }
blockquote { margin: 0; white-space: pre-wrap; }
mark { color: inherit; padding: .05em .1em; border-radius: 2px; }
.counterpart { margin: .4em 0 0; padding-left: .8em; border-left: 2px dotted #bbb; color: #444;
               white-space: pre-wrap; font-size: .95em; }
.counterpart .label { display: block; font: 8.5pt/1.4 "Noto Sans", "DejaVu Sans", Arial, sans-serif;
                      color: #777; white-space: normal; }
.note { white-space: pre-wrap; margin: .4em 0 0; }
.tag { display: inline-block; font-size: .85em; padding: 0 .45em; border-radius: .8em; background: #eee;
       margin-right: .3em; }
.whole { font-style: italic; color: #555; }
.orphan { color: #8a1c1c; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  mark, .swatch, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render(selection: Selection, ticker: Ticker) -> str:
    documents = [d for d in selection.documents if d.annotations]
    count = sum(len(d.annotations) for d in documents)
    legend = "".join(
        f'<li><span class="swatch" style="background-color:{_color(e.hex)}"></span>{escape(e.key)}'
        f"{' — ' + escape(e.meaning) if e.meaning else ''}</li>"
        for e in selection.legend
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Annotations — Transcript Reader</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Annotations</h1>",
        f'<p class="meta">Exported from Transcript Reader on {selection.exported:%Y-%m-%d}: {count} annotation'
        f"{'s' if count != 1 else ''} in {len(documents)} transcript{'s' if len(documents) != 1 else ''}.</p>",
        f'<ul class="legend">{legend}</ul>',
        "</header>",
    ]
    for d in documents:
        out += _document(d, selection, ticker)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _document(d: DocumentEntry, selection: Selection, ticker: Ticker) -> list[str]:
    t = d.transcript
    facts = [published(t), t.place, language_name(t.language), t.doc_type.value]
    out = [
        f'<section class="document" lang="{escape(t.language)}">',
        f"<h2>{escape(t.title)}</h2>",
        f'<p class="meta">{" · ".join(escape(f) for f in facts if f)}</p>',
    ]
    for a in d.annotations:
        out.append(_annotation(a, d, selection))
        ticker.tick()
    out.append("</section>")
    return out


def _annotation(a: Annotation, d: DocumentEntry, selection: Selection) -> str:
    t = d.transcript
    entry = selection.color(a.color)
    parts = ["<article>"]
    if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
        parts.append('<p class="whole">Note on the whole transcript</p>')
    else:
        if entry is None:  # a note on a paragraph, not highlighted
            parts.append(f"<blockquote>{escape(a.exact)}</blockquote>")
        else:
            style = f"background-color:{_color(entry.hex)}"
            parts.append(f'<blockquote><mark style="{style}">{escape(a.exact)}</mark></blockquote>')
        where = [w for w in (speaker(t, a), locator(t, a), section_title(t, a)) if w]
        css = "where orphan" if a.orphan else "where"
        parts.append(f'<p class="{css}">— {" · ".join(escape(w) for w in where)}</p>')
        counterpart = d.counterpart_paragraph(a)
        if counterpart is not None and d.counterpart is not None:
            j, text = counterpart
            label = f"{language_name(d.counterpart.language)}, paragraph {j + 1}"
            parts.append(
                f'<p class="counterpart" lang="{escape(d.counterpart.language)}">'
                f'<span class="label" lang="en">{escape(label)}</span>{escape(text)}</p>'
            )
    facts = []
    if entry is not None:
        meaning = f" — {escape(entry.meaning)}" if entry.meaning else ""
        facts.append(
            f'<span class="swatch" style="background-color:{_color(entry.hex)}"></span>{escape(entry.key)}{meaning}'
        )
    if a.tags:
        facts.append(" ".join(f'<span class="tag">{escape(tag)}</span>' for tag in a.tags))
    if facts:
        parts.append(f'<p class="meta">{" · ".join(facts)}</p>')
    if a.note:
        parts.append(f'<p class="note">{escape(a.note)}</p>')
    parts.append("</article>")
    return "".join(parts)


def _color(value: str) -> str:
    return value if _HEX.fullmatch(value) else _NEUTRAL
