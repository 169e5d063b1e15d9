"""Turn the saved text of a mid.ru transcript page into a `Transcript`.

The layout (shared/FORMAT.md): an optional date/time line, the title, an optional document number and
language line, then one paragraph per line, with page chrome after the body. Pure Python, no Qt.
Any input either parses or raises `ImportFailure`; every regex here runs in linear time.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import string
from dataclasses import dataclass

from reader.core.model import (
    PARAGRAPH_SEPARATOR,
    DocType,
    ImportFailure,
    Paragraph,
    ParagraphKind,
    Transcript,
    Turn,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
# The longest briefings have a few thousand lines; this bounds the work on a file of one-letter lines.
MAX_LINES = 500_000

# --- decoding ---------------------------------------------------------------------------------


def _all_bytes_except(kept: bytes) -> bytes:
    """A `delete` argument for bytes.translate that keeps only `kept`: counting them runs at C speed."""
    return bytes(sorted(set(range(256)) - set(kept)))


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# windows-1251 bytes 0x80-0xBF are mostly rare symbols and Serbian/Ukrainian letters; Russian or English
# prose uses only the punctuation among them, so many of the rest mean the bytes were never text.
_CP1251_PROSE = "«»–—“”„‘’…•№ёЁ\xa0іІїЇєЄґҐўЎ"
_CP1251_ODD_BYTES = bytes(b for b in range(0x80, 0xC0) if bytes([b]).decode("cp1251", "replace") not in _CP1251_PROSE)
_ALL_BUT_CONTROL = _all_bytes_except(_CONTROL_BYTES)
_ALL_BUT_CP1251_ODD = _all_bytes_except(_CP1251_ODD_BYTES)
_ALL_BUT_CYRILLIC_LEAD = _all_bytes_except(b"\xd0\xd1")
_ALL_BUT_LATIN = _all_bytes_except(string.ascii_letters.encode())
_SNIFF_BYTES = 65536


def decode_bytes(data: bytes) -> str:
    """The text of a saved page: UTF-8 (BOM or not), UTF-16 with a BOM, else windows-1251; LF line ends."""
    text, sample, legacy = _decode(data)
    if not text or text.isspace():
        raise ImportFailure("empty_file", "The file is empty: it holds no text, or only blank lines.")
    replaced = text.count("\ufffd", 0, _SNIFF_BYTES)
    if replaced * 100 > min(len(text), _SNIFF_BYTES) or not _looks_like_text(sample, legacy=legacy):
        raise _not_text()
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, bytes, bool]:
    """(text, the bytes to sniff, whether it fell back to windows-1251)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), data[3 : 3 + _SNIFF_BYTES], False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return text, text[: _SNIFF_BYTES // 2].encode("utf-8"), False
    if b"\x00" in data:
        raise _not_text()
    try:
        return data.decode("utf-8"), data[:_SNIFF_BYTES], False
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), data[:_SNIFF_BYTES], True


def _looks_like_text(sample: bytes, *, legacy: bool) -> bool:
    """Few control bytes; and for windows-1251, few rare symbols and enough spaces to be prose."""
    if len(sample.translate(None, _ALL_BUT_CONTROL)) * 100 > len(sample):
        return False
    if not legacy:
        return True
    # windows-1251 decodes any bytes at all, so ask whether the result reads like prose.
    if len(sample.translate(None, _ALL_BUT_CP1251_ODD)) * 50 > len(sample):
        return False
    spaces = sample.count(b" ") + sample.count(b"\n")
    return len(sample) < 80 or spaces * 40 >= len(sample)


def _not_text() -> ImportFailure:
    return ImportFailure(
        "not_text", "The file is not a text file: it looks like an image, an archive or other binary data."
    )


# --- cleaning ---------------------------------------------------------------------------------

_INVISIBLE_RE = re.compile("[\xad\u200b-\u200f\u2060-\u2064\ufeff\ud800-\udfff]")
_ODD_SPACE_RE = re.compile("[\t\x0b\x0c\x00-\x08\x0e-\x1f\x7f-\xa0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_SPACE_RUN_RE = re.compile(" {2,}")
# The seed has "Vladimir |Putin" in both copies of the page: a stray bar glued to a word's start.
_STRAY_BAR_RE = re.compile(r"(?<!\S)\|(?=\w)")

_SHOWING_RE = re.compile(r"(?:showing|показано:?) \d+ (?:results?|результат\w{0,2})\.?")
_TRAILING_CHROME = frozenset(
    {"calendar", "x", "archive", "advanced settings", "back to top"}
    | {"календарь", "архив", "расширенные настройки", "расширенный поиск", "наверх"}
)
_ADDITIONAL_MATERIALS = frozenset({"additional materials", "дополнительные материалы"})
_BACK_TO_TOP = frozenset({"back to top", "наверх"})


def _clean_lines(text: str) -> list[str]:
    """The non-blank lines, with NBSP, stray bars and runs of spaces normalised."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n") >= MAX_LINES:
        raise ImportFailure("too_large", f"The file has more than {MAX_LINES:,} lines, far more than any transcript.")
    # Most lines need no more than strip(): test them all at C speed, then mend the few others.
    lines = [line for line in map(str.strip, text.split("\n")) if line]
    bars = "|" in text
    for k, line in enumerate(lines):
        # isprintable() is a fast C scan; NBSP, tabs, zero-width and control characters all fail it.
        if line.isprintable() and "  " not in line and not (bars and "|" in line):
            continue
        if not line.isprintable():
            line = _ODD_SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", line)).strip()
        if "  " in line:
            line = _SPACE_RUN_RE.sub(" ", line)
        if "|" in line:
            line = _STRAY_BAR_RE.sub("", line)
        lines[k] = line
    return [line for line in lines if line] if "" in lines else lines


def _is_trailing_chrome(line: str) -> bool:
    """A line of the site's footer (only ever removed from the end of the page)."""
    if len(line) > 30:
        return False
    folded = line.casefold()
    return folded in _TRAILING_CHROME or _SHOWING_RE.fullmatch(folded) is not None


def _drop_trailing_chrome(lines: list[str]) -> list[str]:
    """The lines without the site's footer: result counters, calendar, archive, "Additional materials"."""
    end = len(lines)
    while end and _is_trailing_chrome(lines[end - 1]):
        end -= 1
    # Country-section pages end with "Additional materials" and one link line.
    for k in (end - 1, end - 2):
        if k >= 0 and lines[k].casefold() in _ADDITIONAL_MATERIALS:
            end = k
            while end and _is_trailing_chrome(lines[end - 1]):
                end -= 1
            break
    return lines[:end]


# --- header: date line, title, document number, languages -------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "января"),
            ("february", "февраля"),
            ("march", "марта"),
            ("april", "апреля"),
            ("may", "мая"),
            ("june", "июня"),
            ("july", "июля"),
            ("august", "августа"),
            ("september", "сентября"),
            ("october", "октября"),
            ("november", "ноября"),
            ("december", "декабря"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(_MONTHS) + ")"

# Old site glues the time to the year ("22 March 202101:00"); the new site writes "3 March 2023 14:11",
# or only "19:18", or a date alone.
_DATE_LINE_RE = re.compile(rf"(?:(\d{{1,2}}) {_MONTH} (\d{{4}}))?,? ?(?:(\d{{1,2}}):(\d{{2}}))?", re.I)
_DOC_NUMBER_RE = re.compile(r"\d{1,7}-(\d{2})-(\d{2})-(\d{4})")
_LANGUAGE_LINE_RE = re.compile(r"•\s*(?:[a-z]{2}-[A-Z]{2}\d*[\s•]*)+")
_LOCALE_RE = re.compile(r"[a-z]{2}-[A-Z]{2}")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BREADCRUMB_RE = re.compile(r"(?:home|главная) ?\\.*", re.I)

_TITLE_TAIL = 80
_TITLE_DATE_MDY_RE = re.compile(rf"(,\s*|\s+){_MONTH} (\d{{1,2}}),\s*(\d{{4}})\.?$", re.I)
_TITLE_DATE_DMY_RE = re.compile(rf"(,\s*|\s+)(\d{{1,2}}) {_MONTH} (\d{{4}})(?:\s*(?:года|г)\.?)?\.?$", re.I)
_PLACE_RE = re.compile(r"[A-ZА-ЯЁ][^\W\d_]*(?:[ .\-’']+[^\W\d_]+){0,3}\.?")

_DOC_TYPE_PATTERNS = [
    (
        DocType.REMARKS_AND_ANSWERS,
        r"\b(?:remarks|statement|address|speech|comments?)\s+and\s+answers?\b"
        r"|\b(?:выступлени|заявлени|вступительн\w*\s+слов)\w*\s+и\s+ответ",
    ),
    (DocType.BRIEFING, r"\bbriefing\b|\bбрифинг"),
    (DocType.INTERVIEW, r"\binterview\b|\bинтервью\b"),
    (DocType.ANSWERS, r"\banswers?\s+to\b|\bответ(?:ы|ов)?\b"),
    (DocType.PRESS_RELEASE, r"\bpress\s+release\b|\bпресс-релиз"),
    (DocType.COMMENT, r"\bcomments?\b|\bкомментари"),
    (DocType.ARTICLE, r"\barticle\b|\bстать(?:я|и|ю|ей)\b"),
    (DocType.STATEMENT, r"\bstatement\b|\bзаявлени"),
    (DocType.SPEECH, r"\b(?:remarks|speech|address|lecture)\b|\b(?:выступлени|речь|лекци)"),
]
_DOC_TYPE_RES = [(doc_type, re.compile(pattern, re.I)) for doc_type, pattern in _DOC_TYPE_PATTERNS]


@dataclass(frozen=True, slots=True)
class _Header:
    title: str
    published_date: dt.date | None
    published_time: dt.time | None
    doc_number: str | None
    available_languages: tuple[str, ...]
    body_start: int


def _read_date_line(line: str) -> tuple[dt.date | None, dt.time | None] | None:
    """(date, time) when the line is a date/time line, else None; either part may be missing."""
    if len(line) > 40 or not line[0].isdigit():
        return None
    m = _DATE_LINE_RE.fullmatch(line)
    if not m or (m[1] is None and m[4] is None):
        return None
    date = _make_date(m[3], _month_number(m[2]), m[1]) if m[1] else None
    time = None
    if m[4]:
        hour, minute = int(m[4]), int(m[5])
        if hour > 23 or minute > 59:
            return None
        time = dt.time(hour, minute)
    if m[1] and date is None:
        return None
    return date, time


def _month_number(name: str) -> int:
    # Case-insensitive matching lets "İ" stand for "i", which casefold() does not undo: 0 is no month.
    return _MONTHS.get(name.casefold(), 0)


def _make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _read_header(lines: list[str]) -> _Header:
    """The lines before the body: [breadcrumb], [date/time], title, [document number], [languages]."""
    i = _after_breadcrumb(lines)
    date = time = None
    if i < len(lines) and (stamp := _read_date_line(lines[i])):
        date, time = stamp
        i += 1
    if i >= len(lines) or not _LETTER_RE.search(lines[i]):
        raise _no_body()
    title = lines[i]
    i += 1
    doc_number: str | None = None
    languages: tuple[str, ...] = ()
    while i < len(lines):
        line = lines[i]
        if doc_number is None and _DOC_NUMBER_RE.fullmatch(line):
            doc_number = line
        elif not languages and _LANGUAGE_LINE_RE.fullmatch(line):
            languages = tuple(_LOCALE_RE.findall(line))
        else:
            break
        i += 1
    return _Header(title, date, time, doc_number, languages, body_start=i)


def _after_breadcrumb(lines: list[str]) -> int:
    """Where the page proper starts: pre-2016 archive pages open with a banner and a breadcrumb."""
    for k, line in enumerate(lines[:6]):
        if len(line) < 200 and _BREADCRUMB_RE.fullmatch(line):
            return k + 1
    return 0


def _date_of_doc_number(doc_number: str | None) -> dt.date | None:
    m = _DOC_NUMBER_RE.fullmatch(doc_number) if doc_number else None
    return _make_date(m[3], m[2], m[1]) if m else None


def _split_title_date(title: str) -> tuple[dt.date | None, str]:
    """The date at the end of the title (event date) and the title before it."""
    offset = max(0, len(title) - _TITLE_TAIL)
    tail = title[offset:]
    if m := _TITLE_DATE_MDY_RE.search(tail):
        date = _make_date(m[4], _month_number(m[2]), m[3])
    elif m := _TITLE_DATE_DMY_RE.search(tail):
        date = _make_date(m[4], _month_number(m[3]), m[2])
    else:
        return None, title
    if date is None:
        return None, title
    # Keep the comma before the date: "…, Moscow, <date>" names a place, "… in Sochi <date>" does not.
    return date, title[: offset + m.start()] + ("," if "," in m[1] else "")


def _place_of(title_before_date: str) -> str | None:
    """The comma part right before the date ("…, Moscow, March 22, 2021"), when it looks like a place."""
    if not title_before_date.endswith(","):
        return None
    _, comma, candidate = title_before_date[:-1].rpartition(",")
    candidate = candidate.strip()
    if not comma or len(candidate) > 40 or not _PLACE_RE.fullmatch(candidate):
        return None
    return candidate


def _doc_type_of(title: str) -> DocType:
    """The type named earliest in the title ("Comment … on a statement" is a comment)."""
    found = [
        (m.start(), order, doc_type)
        for order, (doc_type, pattern) in enumerate(_DOC_TYPE_RES)
        if (m := pattern.search(title, 0, 300))
    ]
    return min(found)[2] if found else DocType.OTHER


# --- body: table of contents, headings, speaker turns -----------------------------------------

_TOC_HEAD_RE = re.compile(r"(?:table of contents|оглавление|содержание):?", re.I)
_ANSWERS_HEAD_RE = re.compile(
    r"(?:\d{1,3}\.\s*)?(?:(?:from\s+)?answers\s+to\s+(?:the\s+)?(?:media\s+)?questions"
    r"|(?:из\s+)?ответ(?:ы|ов)\s+на\s+вопросы\s+(?:сми|сред\w+\s+массовой\s+информации))\s*:?",
    re.I,
)
_TOC_ITEM_RE = re.compile(r"(?:\d{1,3}[.)]|[-–—•])\s+(\S.*)")
_SEPARATOR_RE = re.compile(r"\*(?:\s*\*){2,}")
_QUOTES_RE = re.compile("[\"'«»“”„‘’]")

# A label is a name or role at the start of a paragraph: up to four capitalised words (or the Russian
# initials form "С.В.Лавров", "С.В. ЛАВРОВ"), an optional "(note)", a colon, a space and text.
_LABEL_RE = re.compile(
    r"(?P<speaker>[A-ZА-ЯЁ](?:[^\W\d_]|[.’'\-])*(?: [A-ZА-ЯЁ](?:[^\W\d_]|[.’'\-])*){0,3})"
    r"(?: ?\([^()]{1,80}\))?:\s+(?=\S)"
)
_LABEL_SCAN = 200
_INITIALS_RE = re.compile(r"[A-ZА-ЯЁ]\.\s?(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ]")
# One capitalised word before a colon is usually ordinary prose ("Ukraine: …"), unless it names a role.
_ROLE_WORDS = frozenset(
    {"question", "answer", "reply", "moderator", "host", "presenter", "interviewer", "correspondent"}
    | {"journalist", "reporter", "anchor", "chairman", "chair"}
    | {"вопрос", "ответ", "реплика", "ведущий", "ведущая", "модератор", "корреспондент", "журналист"}
)


# The letters a label can start with (_LABEL_RE's first character): most paragraphs are ruled out by
# this and by having no colon near their start, before the costlier match.
_LABEL_FIRST = frozenset(map(chr, [*range(ord("A"), ord("Z") + 1), *range(ord("А"), ord("Я") + 1), ord("Ё")]))


def _split_label(line: str) -> tuple[str, str] | None:
    """(speaker, text) when the paragraph opens with a speaker label."""
    if line[0] not in _LABEL_FIRST or line.find(":", 1, _LABEL_SCAN) < 0:
        return None
    m = _LABEL_RE.match(line, 0, _LABEL_SCAN)
    if not m:
        return None
    speaker = m["speaker"]
    if " " not in speaker and speaker.casefold() not in _ROLE_WORDS and not _INITIALS_RE.match(speaker):
        return None
    return speaker, line[m.end() :]


@dataclass(frozen=True, slots=True)
class _TableOfContents:
    """A briefing's contents: its entries become sections, and body lines equal to one become headings."""

    entries: tuple[str, ...]
    index: dict[str, list[int]]  # normalised entry -> positions in entries (an entry can repeat)
    longest: int

    @classmethod
    def read(cls, lines: list[str], i: int) -> tuple[_TableOfContents, int]:
        """The numbered or bulleted items from lines[i:], and the index of the first line after them."""
        entries: list[str] = []
        while i < len(lines):
            line = lines[i]
            if len(line) > 80 or not _ANSWERS_HEAD_RE.fullmatch(line):
                m = _TOC_ITEM_RE.fullmatch(line)
                if not m:
                    break
                entries.append(m[1])
            i += 1
        index: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            index.setdefault(_heading_key(entry), []).append(position)
        return cls(tuple(entries), index, max(map(len, entries), default=0) + 10), i

    def section_of(self, line: str, current: int | None) -> int | None:
        """The section a heading line opens (the next one of that name), or None for any other line."""
        if len(line) > self.longest or not (positions := self.index.get(_heading_key(line))):
            return None
        later = [position for position in positions if current is None or position > current]
        return (later or positions)[0]


def _heading_key(line: str) -> str:
    return _QUOTES_RE.sub("", " ".join(line.casefold().split())).rstrip(" .:;,!?…")


@dataclass(frozen=True, slots=True)
class _Body:
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[str, ...]
    turns: tuple[Turn, ...]
    text: str  # the paragraphs' shown texts joined, as `Transcript.text`


def _read_body(lines: list[str]) -> _Body:
    """Paragraphs with their turns and sections; the table of contents itself is not a paragraph.

    The turns and the text are gathered on the way, as `Transcript` would derive them afterwards."""
    paragraphs: list[Paragraph] = []
    shown: list[str] = []
    turns: list[tuple[str, int, list[str]]] = []  # (speaker, first paragraph, its paragraphs' texts)
    toc = _TableOfContents((), {}, 0)
    section: int | None = None
    speaker: str | None = None  # the speaker of the current turn; None outside turns
    turn = -1
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if len(line) <= 20:
            if line.casefold() in _BACK_TO_TOP:
                continue
            if not toc.entries and _TOC_HEAD_RE.fullmatch(line):
                toc, i = _TableOfContents.read(lines, i)
                continue
            if _SEPARATOR_RE.fullmatch(line):
                paragraphs.append(Paragraph(ParagraphKind.SEPARATOR, "* * *", None, None, section))
                shown.append("* * *")
                speaker = None
                continue
        if toc.entries:
            if (opened := toc.section_of(line, section)) is not None:
                section, speaker = opened, None
                paragraphs.append(Paragraph(ParagraphKind.HEADING, line, None, None, section))
                shown.append(line)
                continue
            if len(line) <= 80 and _ANSWERS_HEAD_RE.fullmatch(line):
                section, speaker = None, None
                paragraphs.append(Paragraph(ParagraphKind.HEADING, line))
                shown.append(line)
                continue
        if label := _split_label(line):
            speaker, text = label
            turn += 1
            turns.append((speaker, len(paragraphs), [text]))
            paragraphs.append(Paragraph(ParagraphKind.TURN, text, speaker, turn, section, True))
            shown.append(f"{speaker}: {text}")
        elif speaker is not None:
            turns[-1][2].append(line)
            paragraphs.append(Paragraph(ParagraphKind.TURN, line, speaker, turn, section))
            shown.append(line)
        else:
            paragraphs.append(Paragraph(ParagraphKind.UNLABELLED, line, None, None, section))
            shown.append(line)
    return _Body(
        tuple(paragraphs),
        toc.entries,
        tuple(Turn(who, PARAGRAPH_SEPARATOR.join(texts), first, len(texts)) for who, first, texts in turns),
        PARAGRAPH_SEPARATOR.join(shown),
    )


def _language_of(utf8: bytes) -> str:
    """ "ru" when Cyrillic letters outnumber Latin ones in the first 8 KB of the UTF-8 text."""
    sample = utf8[:8192]
    # Each Cyrillic letter of Russian is two bytes, the first of them D0 or D1.
    cyrillic = len(sample.translate(None, _ALL_BUT_CYRILLIC_LEAD))
    latin = len(sample.translate(None, _ALL_BUT_LATIN))
    return "ru" if cyrillic > latin else "en"


def _no_body() -> ImportFailure:
    return ImportFailure(
        "no_body", "No transcript found in the file: it needs a title line followed by the text of the page."
    )


# --- public API -------------------------------------------------------------------------------


def parse_text(text: str) -> Transcript:
    """The transcript in the text of one saved page; content_hash set, id and source_file left empty."""
    return _parse(text, source_file=None)


def parse_file(path: str | os.PathLike[str]) -> Transcript:
    """Read, decode and parse one file; every failure is an `ImportFailure` with a readable message."""
    try:
        if os.stat(path).st_size > MAX_FILE_BYTES:
            raise _too_large()
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise ImportFailure("unreadable", f"The file could not be read ({reason}).") from err
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    return _parse(decode_bytes(data), source_file=str(path))


def _too_large() -> ImportFailure:
    return ImportFailure(
        "too_large",
        f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large for a transcript.",
    )


def _parse(text: str, *, source_file: str | None) -> Transcript:
    lines = _drop_trailing_chrome(_clean_lines(text))
    header = _read_header(lines)
    read = _read_body(lines[header.body_start :])
    if not any(_LETTER_RE.search(p.text) for p in read.paragraphs):
        raise _no_body()
    body = read.text.encode("utf-8")
    language = _language_of(body)
    event_date, title_before_date = _split_title_date(header.title)
    published_date = header.published_date or _date_of_doc_number(header.doc_number) or event_date
    time = header.published_time
    fingerprint = hashlib.sha256(f"{published_date}|{time}|{header.title}|{language}\n".encode())
    fingerprint.update(body)
    return Transcript(
        title=header.title,
        paragraphs=read.paragraphs,
        language=language,
        published_date=published_date,
        published_time=time,
        event_date=event_date,
        place=_place_of(title_before_date),
        doc_type=_doc_type_of(header.title),
        available_languages=header.available_languages,
        doc_number=header.doc_number,
        sections=read.sections,
        source_file=source_file,
        content_hash=fingerprint.hexdigest(),
        turns=read.turns,
    )
