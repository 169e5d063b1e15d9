"""Search queries: what the user typed, parsed into a tree and turned into a safe FTS5 expression.

Raw input never reaches SQLite's MATCH: the parser keeps only words, quoted phrases, `word*` prefixes,
AND / OR / NOT / `-word` and parentheses, and every word goes out as a quoted FTS5 string. Matching is
case-insensitive and treats `ё` as `е` on both sides (the index is fed folded text). A bare word finds
its other forms: the library expands it to every indexed word with the same snowball stem (English or
Russian, chosen by the word's script); a word or phrase in quotes matches as written.

Precedence, as in web search engines: OR binds tighter than AND, so `sanctions Iran OR Venezuela` means
sanctions AND (Iran OR Venezuela). Adjacent words are ANDed; `NOT x` / `-x` excludes.

The same tree compiles to regular expressions over a transcript's text (`Matcher`), for hit spans to
highlight, snippets and F3 navigation: offsets are into `Transcript.text`, never marked-up text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal, Union

# unicode61 (default categories L* N* Co) makes tokens of letters and digits; everything else separates.
WORD_RE = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAS_DIGIT = re.compile(r"\d")
OPERATORS = {"AND", "OR", "NOT"}
MIN_PREFIX = 2  # letters before a "*": "a*" reads a large part of the index (0.6–0.9 s on 20,000 transcripts)
Sort = Literal["relevance", "date"]
SORTS: tuple[str, ...] = ("relevance", "date")


class QueryError(ValueError):
    """A query that cannot be searched, with a message in plain words for the search field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- folding and stemming ------------------------------------------------------------------------


def fold(text: str) -> str:
    """The form the index holds: lower case, ё→е, Latin diacritics dropped (unicode61 remove_diacritics)."""
    text = text.lower().replace("ё", "е")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    # keep й (и + breve): unicode61 leaves Cyrillic letters whole
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    return unicodedata.normalize("NFC", kept)


def tokens(text: str) -> list[str]:
    """The folded index terms of `text`, in order."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Any:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer (no type information), imported when needed

    return Stemmer.Stemmer(language)


def stem(term: str) -> str:
    """The snowball stem of a folded term: Russian for Cyrillic, English otherwise; numbers stay whole."""
    if _HAS_DIGIT.search(term):
        return term
    language = "russian" if _CYRILLIC.search(term) else "english"
    return str(_stemmer(language).stemWord(term))


MIN_EXPANSION_PREFIX = 3
"""Words sharing fewer letters with their stem ("в", "on", "us") are searched as written: their forms
are few, and listing the indexed terms under a one- or two-letter prefix reads much of the index."""


def expansion_prefix(term: str, term_stem: str) -> str | None:
    """What every indexed form with this stem starts with (the word and its stem may differ at the end:
    "happy" → "happi"); None when too short to be worth a look at the vocabulary."""
    n = 0
    for a, b in zip(term, term_stem, strict=False):
        if a != b:
            break
        n += 1
    return term[:n] if n >= MIN_EXPANSION_PREFIX else None


def stems(terms: list[str]) -> list[str]:
    """Stems of many folded terms at once (PyStemmer's batch call is several times faster)."""
    russian = [t for t in terms if _CYRILLIC.search(t) and not _HAS_DIGIT.search(t)]
    english = [t for t in terms if not _CYRILLIC.search(t) and not _HAS_DIGIT.search(t)]
    found = dict(zip(russian, _stemmer("russian").stemWords(russian), strict=True))
    found.update(zip(english, _stemmer("english").stemWords(english), strict=True))
    return [found.get(t, t) for t in terms]


# -- the query tree ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One folded term; `exact` when it stood in quotes (no other forms), `prefix` for `word*`."""

    term: str
    prefix: bool = False
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Folded terms that must follow one another; `prefix` makes the last one a prefix."""

    terms: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: Node


Node = Union[Word, Phrase, And, Or, Not]  # noqa: UP007 (a runtime alias under `from __future__`)
Leaf = Union[Word, Phrase]  # noqa: UP007


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; `tree` is None when the text holds nothing to match (every transcript matches)."""

    text: str
    tree: Node | None

    @property
    def is_empty(self) -> bool:
        return self.tree is None

    def leaves(self, *, positive_only: bool = False) -> list[Leaf]:
        return list(_leaves(self.tree, positive_only)) if self.tree is not None else []

    def words_to_expand(self) -> list[str]:
        """Terms whose other forms the index is asked for (bare words, not quoted, not prefixes)."""
        return sorted({leaf.term for leaf in self.leaves() if isinstance(leaf, Word) and _expands(leaf)})

    @property
    def only_excludes(self) -> bool:
        """True for `-word` alone: every transcript except those with the word."""
        return isinstance(self.tree, Not)


def _expands(word: Word) -> bool:
    return not word.exact and not word.prefix and not _HAS_DIGIT.search(word.term)


def _leaves(node: Node | None, positive_only: bool, negated: bool = False) -> Iterator[Leaf]:
    if isinstance(node, Word | Phrase):
        if not (positive_only and negated):
            yield node
    elif isinstance(node, And | Or):
        for part in node.parts:
            yield from _leaves(part, positive_only, negated)
    elif isinstance(node, Not):
        yield from _leaves(node.part, positive_only, not negated)


# -- parsing -------------------------------------------------------------------------------------

_Token = tuple[str, Any]  # ("leaf", Leaf) | ("op", "AND"/"OR"/"NOT") | ("(", None) | (")", None) | ("-", None)


def _lex(text: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == '"' or c in "“”„«»":
            closing = {"“": "”", "„": "“", "«": "»"}.get(c, '"')
            end = text.find(closing, i + 1)
            if end < 0 and closing != '"':
                end = text.find('"', i + 1)
            inner = text[i + 1 : end] if end >= 0 else text[i + 1 :]  # an unclosed quote runs to the end
            i = end + 1 if end >= 0 else n
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            terms = tokens(inner)
            if len(terms) == 1:
                out.append(("leaf", Word(terms[0], prefix=prefix, exact=True)))
            elif terms:
                out.append(("leaf", Phrase(tuple(terms), prefix=prefix)))
        elif c in "()":
            out.append((c, None))
            i += 1
        elif c == "-" and i + 1 < n and not text[i + 1].isspace() and (i == 0 or text[i - 1] in " \t\n("):
            out.append(("-", None))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"“”„«»':
                j += 1
            chunk = text[i:j]
            i = j
            if chunk in OPERATORS:
                out.append(("op", chunk))
                continue
            prefix = chunk.endswith("*")
            terms = tokens(chunk)
            if len(terms) == 1:
                if prefix and len(terms[0]) < MIN_PREFIX:
                    raise QueryError(
                        f"A prefix needs at least {MIN_PREFIX} letters: “{chunk}” would match nearly everything."
                    )
                out.append(("leaf", Word(terms[0], prefix=prefix)))
            elif terms:  # "COVID-19", "U.S.", "Нью-Дели": the parts as a phrase
                out.append(("leaf", Phrase(tuple(terms), prefix=prefix)))
            # a chunk of punctuation only ("*", "+", ":") carries nothing to search for
    return out


class _Parser:
    """Recursive descent that forgives: dangling operators are dropped, parentheses closed or ignored."""

    def __init__(self, items: list[_Token]) -> None:
        self.items = items
        self.pos = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def parse(self) -> Node | None:
        node = self.and_expr()
        while self.peek() is not None:  # a stray ")" at the top level: skip it and go on
            self.pos += 1
            more = self.and_expr()
            node = _join(And, [node, more])
        return node

    def and_expr(self) -> Node | None:
        parts: list[Node | None] = []
        while (item := self.peek()) is not None:
            kind, value = item
            if kind == ")":
                if self.depth:
                    break
                self.pos += 1  # unmatched ")": ignore
                continue
            if kind == "op" and value == "AND":
                self.pos += 1
                continue
            if kind == "op" and value == "OR":  # OR with nothing before it: ignore
                self.pos += 1
                continue
            parts.append(self.or_expr())
        return _join(And, parts)

    def or_expr(self) -> Node | None:
        parts = [self.unary()]
        while (item := self.peek()) is not None and item == ("op", "OR"):
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt[0] == ")" or nxt == ("op", "AND") or nxt == ("op", "OR"):
                continue  # "a OR" / "a OR OR b": the dangling OR is dropped
            parts.append(self.unary())
        return _join(Or, parts)

    def unary(self) -> Node | None:
        item = self.peek()
        if item is None:
            return None
        kind, value = item
        if kind == "-" or (kind == "op" and value == "NOT"):
            self.pos += 1
            inner = self.unary()
            if inner is None:
                return None
            return inner.part if isinstance(inner, Not) else Not(inner)
        if kind == "(":
            self.pos += 1
            self.depth += 1
            inner = self.and_expr()
            self.depth -= 1
            if self.peek() is not None and self.peek()[0] == ")":  # type: ignore[index]
                self.pos += 1
            return inner  # an unclosed "(" closes at the end of the query
        if kind == "leaf":
            self.pos += 1
            return value  # type: ignore[no-any-return]
        self.pos += 1  # ")" or AND where a word was expected: nothing to search for here
        return None


def _join(kind: type[And] | type[Or], parts: list[Node | None]) -> Node | None:
    flat: list[Node] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, kind):
            flat.extend(part.parts)
        else:
            flat.append(part)
    flat = list(dict.fromkeys(flat))  # "a a" is "a"
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    return kind(tuple(flat))


def parse_query(text: str) -> Query:
    """Parse what the user typed. Empty text matches everything; text with nothing searchable raises."""
    if not text or not text.strip():
        return Query(text or "", None)
    tree = _Parser(_lex(text)).parse()
    if tree is None:
        raise QueryError('There is nothing to search for: type a word, a "phrase in quotes" or a prefix*.')
    _check_negations(tree, top=True)
    return Query(text, tree)


def _check_negations(node: Node, *, top: bool) -> None:
    """NOT must exclude from something: `a -b`, `x OR (a -b)`, or `-b` alone (every transcript without
    b); never `a OR -b`, which would match nearly everything."""
    if isinstance(node, Not):
        if not top:
            raise QueryError(
                "A word with NOT or “-” can only exclude: put it beside words to search for, "
                "like “sanctions -Iran”, not alone inside an OR."
            )
        _check_negations(node.part, top=False)
    elif isinstance(node, And):
        has_positive = any(not isinstance(part, Not) for part in node.parts)
        for part in node.parts:
            if isinstance(part, Not):
                _check_negations(part, top=top or has_positive)
            else:
                _check_negations(part, top=False)
    elif isinstance(node, Or):
        for part in node.parts:
            _check_negations(part, top=False)


# -- FTS5 expressions ----------------------------------------------------------------------------

Expansions = Mapping[str, tuple[str, ...]]
"""For each bare word, the indexed terms sharing its stem (the word itself when none is indexed)."""


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_expression(node: Node, expansions: Expansions) -> str:
    """A safe FTS5 MATCH expression for a tree without a negation at its top."""
    if isinstance(node, Word):
        if node.prefix:
            return _quote(node.term) + "*"
        forms = expansions.get(node.term, (node.term,)) if _expands(node) else (node.term,)
        if len(forms) == 1:
            return _quote(forms[0])
        return "(" + " OR ".join(_quote(f) for f in forms) + ")"
    if isinstance(node, Phrase):
        return _quote(" ".join(node.terms)) + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(fts_expression(p, expansions) for p in node.parts) + ")"
    if isinstance(node, And):
        positive = [p for p in node.parts if not isinstance(p, Not)]
        negative = [p.part for p in node.parts if isinstance(p, Not)]
        text = " AND ".join(fts_expression(p, expansions) for p in positive)
        if len(positive) > 1:
            text = "(" + text + ")"
        if negative:
            excluded = " OR ".join(fts_expression(p, expansions) for p in negative)
            text = f"({text} NOT ({excluded}))"
        return text
    raise QueryError("A search cannot consist of exclusions inside parentheses only.")


@dataclass(frozen=True, slots=True)
class Compiled:
    """What the library runs: `match` must hold (None: no text condition), `exclude` must not."""

    match: str | None
    exclude: str | None


def compile_query(query: Query, expansions: Expansions) -> Compiled:
    tree = query.tree
    if tree is None:
        return Compiled(None, None)
    if isinstance(tree, Not):
        return Compiled(None, fts_expression(tree.part, expansions))
    if isinstance(tree, And) and all(isinstance(p, Not) for p in tree.parts):
        excluded = " OR ".join(fts_expression(p.part, expansions) for p in tree.parts if isinstance(p, Not))
        return Compiled(None, excluded)
    return Compiled(fts_expression(tree, expansions), None)


# -- matching text in Python: hit spans, snippets ------------------------------------------------

_NOT_TOKEN_BEFORE = r"(?<![^\W_])"
_NOT_TOKEN_AFTER = r"(?![^\W_])"
_GAP = r"[\W_]+"


def _term_pattern(term: str) -> str:
    # The text is not folded (offsets must stay true): ё in the text matches е in the term.
    return "".join("[её]" if c == "е" else re.escape(c) for c in term)


def _forms(leaf: Word, expansions: Expansions) -> list[str]:
    forms = expansions.get(leaf.term, (leaf.term,)) if _expands(leaf) else (leaf.term,)
    return sorted(set(forms), key=len, reverse=True)  # longest first: an alternation takes the first fit


def _leaf_pattern(leaf: Leaf, expansions: Expansions) -> str:
    """The exact pattern (used with IGNORECASE): token boundaries as unicode61 draws them."""
    if isinstance(leaf, Word):
        if leaf.prefix:
            return _NOT_TOKEN_BEFORE + _term_pattern(leaf.term) + r"[^\W_]*"
        body = "|".join(_term_pattern(f) for f in _forms(leaf, expansions))
        return _NOT_TOKEN_BEFORE + "(?:" + body + ")" + _NOT_TOKEN_AFTER
    parts = [_term_pattern(t) for t in leaf.terms]
    tail = r"[^\W_]*" if leaf.prefix else _NOT_TOKEN_AFTER
    return _NOT_TOKEN_BEFORE + _GAP.join(parts) + tail


def _needles(leaf: Leaf, expansions: Expansions) -> list[str]:
    if isinstance(leaf, Phrase):
        return [leaf.terms[0]]
    return [leaf.term] if leaf.prefix else _forms(leaf, expansions)


def _cased(term: str) -> str:
    """term, Term and TERM, each ё-blind: a case-sensitive pattern that Python's regex engine scans
    several times faster than an IGNORECASE one with look-arounds (measured: ~0.1 against ~0.5 ms for
    a 23 KB transcript)."""
    variants = dict.fromkeys((term, term[:1].upper() + term[1:], term.upper()))
    out = []
    for v in variants:
        out.append("".join("[её]" if c == "е" else "[ЕЁ]" if c == "Е" else re.escape(c) for c in v))
    return "(?:" + "|".join(out) + ")"


def _locator_pattern(leaf: Leaf, expansions: Expansions) -> str:
    """Where a hit may start (no boundaries, common casings only): candidates the exact pattern checks."""
    if isinstance(leaf, Word):
        if leaf.prefix:
            return _cased(leaf.term)
        return "|".join(_cased(f) for f in _forms(leaf, expansions))
    return _cased(leaf.terms[0]) + _GAP + _cased(leaf.terms[1]) if len(leaf.terms) > 1 else _cased(leaf.terms[0])


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt with its hits as (start, end) spans into `text`: the UI styles them, no markup."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The excerpt with each hit wrapped in `before`/`after` (the command line uses ** … **)."""
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], before, self.text[start:end], after]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


class _Finder:
    """Finds the first hit of some leaves quickly: a case-sensitive scan for the usual casings (then any
    casing) proposes where a hit may start, and the exact pattern, with token boundaries, confirms it."""

    def __init__(self, leaves: list[Leaf], expansions: Expansions) -> None:
        self.exact = re.compile("|".join(sorted({_leaf_pattern(x, expansions) for x in leaves})), re.IGNORECASE)
        locators = "|".join(sorted({_locator_pattern(x, expansions) for x in leaves}))
        # any casing ("McFaul"), still without look-arounds: slower, needed only when the first fails
        self._locators = (re.compile(locators), re.compile(locators, re.IGNORECASE))
        # strings one of which a lower-cased text must contain for a hit to be possible
        self._needles = sorted({n for x in leaves for n in _needles(x, expansions)})

    def present(self, text: str, lowered: str) -> bool:
        """Whether `text` (and `lowered`, the same lower-cased with ё as е) holds a hit: a plain substring
        test first rules out most texts without a regular expression."""
        if not any(needle in lowered for needle in self._needles):
            return False
        if len(lowered) != len(text):  # lower-casing changed a length ("İ"): positions differ
            return self.first(text, 0, len(text)) is not None
        for needle in self._needles:  # confirm where a needle stands, rather than scan with a pattern
            at = lowered.find(needle)
            while at >= 0:
                m = self.exact.match(text, at)
                if m and m.end() > m.start():
                    return True
                at = lowered.find(needle, at + 1)
        return False

    def first(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        for locator in self._locators:
            for candidate in locator.finditer(text, start, end):
                m = self.exact.match(text, candidate.start(), end)
                if m and m.end() > m.start():
                    return m.span()
        return None


class Matcher:
    """A query compiled to regular expressions over unfolded text, for spans, snippets and checks."""

    def __init__(self, query: Query, expansions: Expansions) -> None:
        self.query = query
        self._expansions = expansions
        leaves = query.leaves(positive_only=True)
        self._all = _Finder(leaves, expansions) if leaves else None
        self._leaf_finders: dict[Leaf, _Finder] = {}

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every hit of the query's positive words in text[start:end], in order, as (start, end) offsets."""
        if self._all is None:
            return []
        stop = len(text) if end is None else end
        return [m.span() for m in self._all.exact.finditer(text, start, stop) if m.end() > m.start()]

    def first(self, text: str) -> tuple[int, int] | None:
        """The first hit in `text`, or None."""
        return self._first(text, None)

    def matches(self, text: str) -> bool:
        """Whether `text` alone satisfies the whole query (AND/OR/NOT), as the index would decide."""
        if self.query.tree is None:
            return True
        return self._eval(self.query.tree, text, text.lower().replace("ё", "е"))

    def _eval(self, node: Node, text: str, lowered: str) -> bool:
        if isinstance(node, Word | Phrase):
            finder = self._leaf_finders.get(node)
            if finder is None:
                finder = self._leaf_finders[node] = _Finder([node], self._expansions)
            return finder.present(text, lowered)
        if isinstance(node, And):
            return all(self._eval(p, text, lowered) for p in node.parts)
        if isinstance(node, Or):
            return any(self._eval(p, text, lowered) for p in node.parts)
        return not self._eval(node.part, text, lowered)

    def snippet(self, text: str, *, width: int = 240, within: list[tuple[int, int]] | None = None) -> Snippet:
        """About `width` characters around the first hit, cut at spaces, with the hits as spans.

        `within` limits hits to some ranges of the text (what one speaker said).
        """
        hit = self._first(text, within)
        if hit is not None:
            middle = (hit[0] + hit[1]) // 2
            start = max(0, min(middle - width // 3, len(text) - width))
        else:
            start = within[0][0] if within else 0
        end = min(len(text), start + width)
        if start > 0:
            space = text.find(" ", start, min(end, hit[0] if hit else end))
            start = space + 1 if space >= 0 else start
        if end < len(text):
            space = text.rfind(" ", max(start, hit[1] if hit else start), end)
            end = space if space > 0 else end
        spans = [span for span in self.spans(text, start, end) if _inside(span, within)]
        lead = "…" if start > 0 else ""
        trail = "…" if end < len(text) else ""
        # one line: each newline becomes a space, so offsets stay one for one
        excerpt = text[start:end].replace("\n", " ")
        shift = len(lead) - start
        return Snippet(lead + excerpt + trail, tuple((s + shift, e + shift) for s, e in spans))

    def _first(self, text: str, within: list[tuple[int, int]] | None) -> tuple[int, int] | None:
        if self._all is None:
            return None
        for start, end in within if within is not None else [(0, len(text))]:
            hit = self._all.first(text, start, end)
            if hit:
                return hit
        return None


def _inside(span: tuple[int, int], within: list[tuple[int, int]] | None) -> bool:
    return within is None or any(start <= span[0] and span[1] <= end for start, end in within)


# -- filters and saved searches ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """The advanced settings; None means "any". Dates are inclusive.

    `annotated` (True: with annotations, False: without), `tag` (any case) and `color` (a legend key or
    its meaning) filter by the user's annotations.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None  # "en" / "ru"
    doc_type: str | None = None  # a DocType value, e.g. "briefing"
    speaker: str | None = None  # part of a speaker's name, any case: "lavrov", "Лавров"
    place: str | None = None  # part of a place name, any case
    annotated: bool | None = None
    tag: str | None = None
    color: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO strings), without the unset ones."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat() if isinstance(value, dt.date) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchFilters:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("date_from", "date_to"):
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key])
        return cls(**values)

    @property
    def is_empty(self) -> bool:
        return not self.as_dict()

    def within(self, first: dt.date, last: dt.date) -> SearchFilters | None:
        """These filters narrowed to the days first..last; None when nothing is left."""
        start = max(first, self.date_from) if self.date_from else first
        end = min(last, self.date_to) if self.date_to else last
        return replace(self, date_from=start, date_to=end) if start <= end else None


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    query: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: str = "relevance"


# -- results -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A row of the results list; `snippet()` is computed only when called (rows on screen)."""

    id: int
    date: dt.date | None
    time: dt.time | None
    title: str
    language: str
    doc_type: str
    _snippet: Callable[[], Snippet] = field(repr=False, compare=False)

    def snippet(self) -> Snippet:
        return self._snippet()


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int  # every match, not only the hits returned
    hits: tuple[SearchHit, ...]
    query: Query
    filters: SearchFilters
    sort: str
    expansions: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _snippets: Callable[[Iterable[int]], dict[int, Snippet]] | None = field(default=None, repr=False, compare=False)

    def matcher(self) -> Matcher:
        """The query with its word forms, to find hits in any text (a title, the open transcript)."""
        return Matcher(self.query, self.expansions)

    def snippets(self, hits: Iterable[SearchHit]) -> dict[int, Snippet]:
        """Snippets of some hits (the rows on screen) in one read, by transcript id; on the connection
        that ran the search (another thread: `library.snippets(ids, result.matcher())`)."""
        chosen = list(hits)
        if self._snippets is None:
            return {hit.id: hit.snippet() for hit in chosen}
        return self._snippets([hit.id for hit in chosen])


def quick_range(pick: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Date range of a quick pick: "this month", "this year", "last 12 months"."""
    today = today or dt.date.today()
    if pick == "this month":
        return today.replace(day=1), today
    if pick == "this year":
        return today.replace(month=1, day=1), today
    if pick == "last 12 months":
        year, month = (today.year - 1, today.month + 1) if today.month < 12 else (today.year, 1)
        return dt.date(year, month, 1), today
    raise ValueError(f"unknown quick pick {pick!r}")
