"""The library: one SQLite file holding transcripts, their paragraphs and a full-text index.

The only module that talks to SQLite. Reads use the standard `sqlite3` connection directly (start-up
stays light); the schema is created and upgraded by numbered sqlite-utils `Migrations`, imported only
when a migration is pending. Every write runs in one transaction and notifies the listeners after it
has been committed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import re
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from itertools import compress, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.core.model import (
    DEFAULT_COLOR_LEGEND,
    PARAGRAPH_SEPARATOR,
    Annotation,
    AnnotationId,
    AnnotationKind,
    AnnotationMerge,
    Bookmark,
    BookmarkId,
    ColorLegendEntry,
    DocType,
    ImportOutcome,
    IncomingBookmark,
    InvalidAnnotation,
    MergeOutcome,
    OutcomeKind,
    PairBasis,
    Paragraph,
    ParagraphKind,
    Transcript,
    TranscriptId,
    TranscriptSummary,
    UnmatchedAnnotation,
    VersionState,
    language_of_locale,
)
from reader.core.schema import MIGRATION_NAMES, MIGRATION_SET, apply_migrations, fold_yo

# Search, versions and anchoring are imported by the methods that use them: opening a library and
# reading a transcript (all that start-up does before the first paint) needs none of them.
if TYPE_CHECKING:
    from reader.core.anchoring import Selectors, TextIndex
    from reader.core.search import Compiled, Matcher, Query, SavedSearch, SearchFilters, SearchResult, Snippet
    from reader.core.versions import PairingFacts

SQLITE_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """A library that cannot be opened or written, with a message for people."""


class ReadOnlyLibrary(LibraryError):
    """A library the app cannot write (read-only disk, folder or file): it can be opened read-only."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The library {path} is on a read-only disk or in a folder that cannot be written; "
            "it can only be opened read-only."
        )
        self.path = path


class UnknownTranscript(LibraryError):
    def __init__(self, transcript_id: int) -> None:
        super().__init__(f"There is no transcript with id {transcript_id} in this library.")
        self.transcript_id = transcript_id


class UnknownAnnotation(LibraryError):
    def __init__(self, annotation_id: int) -> None:
        super().__init__(f"There is no annotation with id {annotation_id} in this library.")
        self.annotation_id = annotation_id


class UnknownBookmark(LibraryError):
    def __init__(self, bookmark_id: int) -> None:
        super().__init__(f"There is no bookmark with id {bookmark_id} in this library.")
        self.bookmark_id = bookmark_id


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""`update_annotation(id, note=KEEP)`: leave this field as it is (None would clear it)."""


class VersionLinkRefused(LibraryError):
    """A link or unlink of language versions that cannot be done, with the reason for people."""


Listener = Callable[[], None]

_SUMMARY_COLUMNS = "id, title, language, published_date, published_time, doc_type, available_languages"


class Library:
    """A transcript library stored in one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, created: bool, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.created = created  # the file did not exist before this open
        self.read_only = read_only
        self._listeners: list[Listener] = []
        self._search_cache: dict[str, Any] = {}  # search: word forms, speakers, places of this index state
        self.last_change = "library"  # what the change being announced touched (see `subscribe`)
        self._search_stop = False  # search: set by interrupt() from another thread

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Library:
        """Open (creating on first use) the library at `path`; LibraryError says what is wrong."""
        path = Path(path).expanduser()
        created = not path.exists() or path.stat().st_size == 0
        if path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file.")
        if not created:
            _check_is_sqlite(path)
            if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                raise ReadOnlyLibrary(path)
        elif read_only:
            raise LibraryError(f"There is no library at {path}.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise LibraryError(f"Cannot create the library folder {path.parent}: {err.strerror}.") from err
            if not os.access(path.parent, os.W_OK):
                raise LibraryError(f"Cannot create the library {path}: its folder cannot be written.")
        conn: sqlite3.Connection | None = None
        try:
            if read_only:
                conn = _connect_read_only(path)
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            if created:  # before the first table: pages freed later can be given back (`give_back_free_pages`)
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            _migrate(conn, path, read_only=read_only)
            if not read_only:  # only once the file is known to be ours: WAL mode rewrites its header
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit is on disk before the UI says it is done (annotations must survive a crash).
                conn.execute("PRAGMA synchronous = FULL")
        except (sqlite3.DatabaseError, LibraryError) as err:
            if conn is not None:
                conn.close()  # a refused file is not kept open (nor its -wal and -shm files left beside it)
            if isinstance(err, LibraryError):
                raise
            raise LibraryError(_describe_sqlite_error(path, err)) from err
        return cls(conn, path, created=created, read_only=read_only)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- change notification -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener()` after every committed change. While it runs, `last_change` says what changed:
        "annotations" when only annotations, bookmarks or the colour legend did (a listener showing
        transcripts can skip the re-read: a key press in the text makes one), else "library"."""
        self._listeners.append(listener)

    def _changed(self, what: str = "library") -> None:
        self.last_change = what
        try:
            for listener in list(self._listeners):
                listener()
        finally:
            self.last_change = "library"

    def changed_elsewhere(self) -> None:
        """Another connection to this file (a worker thread's import) committed changes: the listeners
        re-read what they show, as after a change made here."""
        self._changed()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; rolled back whole on any error, so a failed write changes nothing."""
        if self.read_only:
            raise LibraryError("This library is open read-only; changes cannot be saved.")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as err:  # busy in another program, or a read-only file
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err
        try:
            yield conn
        except BaseException as err:
            if conn.in_transaction:  # SQLite may have rolled back itself (a full disk can)
                conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.DatabaseError):
                raise LibraryError(_describe_sqlite_error(self.path, err)) from err
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err

    # -- storing -------------------------------------------------------------------------------

    def store(
        self,
        transcripts: Iterable[Transcript],
        *,
        on_stored: Callable[[ImportOutcome], None] | None = None,
        on_indexing: Callable[[bool], None] | None = None,
    ) -> list[ImportOutcome]:
        """Store parsed transcripts in one transaction: new, duplicate (same text) or a new revision.

        A transcript with the same identity (publication date and time, title, language) but other
        text replaces the stored text and keeps its id, so what users attached to it stays attached;
        the old text is kept in `revisions`. New transcripts enter the full-text index together, at the
        end of the batch, in the same transaction (see schema._SCHEMA_0006). SQLite holds no GIL while
        it indexes and commits: `on_indexing(True)` and `(False)` bracket that time, so an importer can
        parse the next files then without slowing this thread.
        """
        outcomes: list[ImportOutcome] = []
        indexing = False
        try:
            with self._write() as conn:
                unindexed: list[tuple[int, str, str]] = []  # (id, title, text) of new ones not indexed yet
                for transcript in transcripts:
                    outcomes.append(self._store_one(conn, transcript, unindexed))
                if on_indexing:
                    on_indexing(indexing := True)
                _index_new(conn, unindexed)
        except sqlite3.DatabaseError as err:
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err
        finally:
            if on_indexing and indexing:
                on_indexing(False)
        if any(o.kind is not OutcomeKind.DUPLICATE for o in outcomes):
            self._changed()
        if on_stored:
            for outcome in outcomes:
                on_stored(outcome)
        return outcomes

    def _store_one(
        self, conn: sqlite3.Connection, t: Transcript, unindexed: list[tuple[int, str, str]]
    ) -> ImportOutcome:
        file = t.source_file or ""
        row = conn.execute("SELECT id FROM transcripts WHERE content_hash = ?", (t.content_hash,)).fetchone()
        if row:
            return ImportOutcome(file, OutcomeKind.DUPLICATE, TranscriptId(row[0]))
        date, time = _iso(t.published_date), _hhmm(t.published_time)
        row = conn.execute(
            "SELECT id, revision, content_hash, body, source_file, imported_at FROM transcripts "
            "WHERE published_date IS ? AND published_time IS ? AND title = ? AND language = ?",
            (date, time, t.title, t.language),
        ).fetchone()
        shown = [p.shown_text for p in t.paragraphs]
        text = PARAGRAPH_SEPARATOR.join(shown)
        values = _transcript_row(t, text)
        if row:
            _index_new(conn, unindexed)  # the update trigger takes the row's old text out of the index
            transcript_id, revision = row[0], row[1]
            conn.execute(
                "INSERT INTO revisions (transcript_id, revision, content_hash, body, source_file, imported_at,"
                " replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (transcript_id, revision, row[2], row[3], row[4], row[5], _now()),
            )
            assignments = ", ".join(f"{column} = ?" for column in values)
            conn.execute(
                f"UPDATE transcripts SET {assignments}, revision = ? WHERE id = ?",
                (*values.values(), revision + 1, transcript_id),
            )
            conn.execute("DELETE FROM paragraphs WHERE transcript_id = ?", (transcript_id,))
            self._reanchor_annotations(conn, transcript_id, t)
            kind = OutcomeKind.UPDATED
        else:
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(f"INSERT INTO transcripts ({columns}) VALUES ({marks})", tuple(values.values()))
            transcript_id = cursor.lastrowid
            assert transcript_id is not None  # an INSERT sets it
            unindexed.append((transcript_id, t.title, text))
            kind = OutcomeKind.IMPORTED
        rows, start = [], 0
        for i, (p, shown_text) in enumerate(zip(t.paragraphs, shown, strict=True)):
            end = start + len(shown_text)
            rows.append((transcript_id, i, p.kind.value, p.speaker, p.turn, p.section, p.starts_turn, start, end))
            start = end + len(PARAGRAPH_SEPARATOR)
        conn.executemany(
            "INSERT INTO paragraphs (transcript_id, idx, kind, speaker, turn, section, starts_turn, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._pair_versions(conn, TranscriptId(transcript_id), t)
        return ImportOutcome(file, kind, TranscriptId(transcript_id))

    def delete(self, transcript_id: TranscriptId) -> None:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM transcripts WHERE id = ?", (transcript_id,))
            if cursor.rowcount == 0:
                raise UnknownTranscript(transcript_id)
        self._changed()

    # -- reading -------------------------------------------------------------------------------

    def transcript(self, transcript_id: int) -> Transcript:
        row = self._conn.execute(
            "SELECT id, title, language, published_date, published_time, event_date, place, doc_type,"
            " available_languages, doc_number, sections, source_file, content_hash, revision, imported_at, body"
            " FROM transcripts WHERE id = ?",
            (transcript_id,),
        ).fetchone()
        if row is None:
            raise UnknownTranscript(transcript_id)
        body: str = row[15]
        paragraphs = []
        for kind, speaker, turn, section, starts_turn, start, end in self._conn.execute(
            "SELECT kind, speaker, turn, section, starts_turn, start, end FROM paragraphs"
            " WHERE transcript_id = ? ORDER BY idx",
            (transcript_id,),
        ):
            text = body[start:end]
            if starts_turn and speaker:
                text = text[len(speaker) + 2 :]
            paragraphs.append(Paragraph(ParagraphKind(kind), text, speaker, turn, section, bool(starts_turn)))
        return Transcript(
            id=TranscriptId(row[0]),
            title=row[1],
            language=row[2],
            published_date=_date(row[3]),
            published_time=_time(row[4]),
            event_date=_date(row[5]),
            place=row[6],
            doc_type=DocType(row[7]),
            available_languages=tuple(json.loads(row[8])),
            doc_number=row[9],
            sections=tuple(json.loads(row[10])),
            source_file=row[11],
            content_hash=row[12],
            revision=row[13],
            imported_at=dt.datetime.fromisoformat(row[14]),
            paragraphs=tuple(paragraphs),
        )

    def summaries(self) -> list[TranscriptSummary]:
        """Every transcript, newest first."""
        return self._summaries("1")

    def transcript_ids(self) -> array[int]:
        """Every transcript's id, newest first (the order of `summaries`), read from the date index
        alone: the window's list keeps these and reads the rows it shows with `summaries_of`."""
        sql = "SELECT id FROM transcripts ORDER BY published_date DESC, published_time DESC, id DESC"
        return array("q", [row[0] for row in self._conn.execute(sql)])

    def summaries_of(self, ids: Iterable[int]) -> list[TranscriptSummary]:
        """The summaries of these transcripts (an unknown id is left out)."""
        wanted = [int(i) for i in ids]
        found: list[TranscriptSummary] = []
        for start in range(0, len(wanted), 500):  # well under SQLite's limit of bound parameters
            chunk = wanted[start : start + 500]
            found += self._summaries(f"id IN ({','.join('?' * len(chunk))})", tuple(chunk))
        return found

    def transcripts_on(self, day: dt.date) -> list[TranscriptSummary]:
        return self._summaries("published_date = ?", (day.isoformat(),))

    def latest(self) -> TranscriptSummary | None:
        rows = self._summaries("1", limit=1)
        return rows[0] if rows else None

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM transcripts").fetchone()[0])

    def days_with_transcripts(self, year: int, month: int) -> dict[dt.date, int]:
        """The days of a month that have transcripts, with how many."""
        prefix = f"{year:04d}-{month:02d}-"
        rows = self._conn.execute(
            "SELECT published_date, count(*) FROM transcripts"
            " WHERE published_date >= ? AND published_date < ? GROUP BY published_date",
            (prefix + "01", prefix + "99"),
        )
        return {dt.date.fromisoformat(day): n for day, n in rows}

    def month_counts(self) -> list[tuple[int, int, int]]:
        """(year, month, count) for every month that has transcripts, newest first."""
        rows = self._conn.execute(
            "SELECT substr(published_date, 1, 7) AS ym, count(*) FROM transcripts"
            " WHERE published_date IS NOT NULL GROUP BY ym ORDER BY ym DESC"
        )
        return [(int(ym[:4]), int(ym[5:7]), n) for ym, n in rows]

    def adjacent_day(self, day: dt.date, step: int) -> dt.date | None:
        """The nearest day after (step > 0) or before (step < 0) `day` that has transcripts."""
        if step > 0:
            sql = "SELECT min(published_date) FROM transcripts WHERE published_date > ?"
        else:
            sql = "SELECT max(published_date) FROM transcripts WHERE published_date < ?"
        value = self._conn.execute(sql, (day.isoformat(),)).fetchone()[0]
        return _date(value)

    def _summaries(self, where: str, params: tuple[Any, ...] = (), limit: int | None = None) -> list[TranscriptSummary]:
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM transcripts WHERE {where}"
            # SQLite sorts NULL first, so DESC puts undated transcripts last — and walks the date index.
            " ORDER BY published_date DESC, published_time DESC, id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        # Tens of thousands of rows share a few language lists, types, days and times: decode each once
        # (100,000 summaries: 1.5 s without these caches).
        languages: dict[str, tuple[str, ...]] = {}
        types: dict[str, DocType] = {}
        days: dict[str | None, dt.date | None] = {}
        times: dict[str | None, dt.time | None] = {}
        summaries = []
        for id_, title, language, day, time, doc_type, available in self._conn.execute(sql, params):
            if available not in languages:
                languages[available] = tuple(json.loads(available))
            if doc_type not in types:
                types[doc_type] = DocType(doc_type)
            if day not in days:
                days[day] = _date(day)
            if time not in times:
                times[time] = _time(time)
            summaries.append(
                TranscriptSummary(
                    TranscriptId(id_), title, language, days[day], times[time], types[doc_type], languages[available]
                )
            )
        return summaries

    def give_back_free_pages(self) -> None:
        """Shrink the file by the pages a large write freed (the full-text index frees some as it merges
        its segments). A library made before libraries were created for this keeps them for later writes."""
        if self.read_only or self._conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:  # 2: incremental
            return
        free = int(self._conn.execute("PRAGMA freelist_count").fetchone()[0])
        try:
            with self._write() as conn:
                for _ in range(free):  # sqlite3 steps the pragma once, and a step gives back one page
                    conn.execute("PRAGMA incremental_vacuum(1)")
        except LibraryError:
            pass  # the pages stay free for the next writes: nothing is lost

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- search (issue 4) ------------------------------------------------------------------------
    # A window runs queries on a worker thread with its own `Library.open(path)` and stops a stale one
    # with `interrupt()`. Bare words are expanded to the indexed forms sharing their stem through
    # `search_terms`, which `store()` keeps up to date (each new term is stemmed once). Snippets and hit
    # spans are computed in Python from the stored text, only when asked for.

    def search(
        self,
        query: str | Query = "",
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        language: str | None = None,
        doc_type: str | None = None,
        speaker: str | None = None,
        place: str | None = None,
        annotated: bool | None = None,
        tag: str | None = None,
        color: str | None = None,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        limit: int | None = 50,
        offset: int = 0,
    ) -> SearchResult:
        """Transcripts matching `query` and the filters: the exact total and one page of hits.

        `filters`, when given, replaces the filter keywords (a saved search passes its own). Raises
        QueryError (a message for people) for a query or filter that cannot be searched, and
        SearchInterrupted when `interrupt()` stopped it.
        """
        from reader.core.search import (
            SORTS,
            Matcher,
            Query,
            QueryError,
            SearchFilters,
            SearchHit,
            SearchResult,
            compile_query,
            parse_query,
        )

        parsed = query if isinstance(query, Query) else parse_query(query)
        if filters is None:
            filters = SearchFilters(date_from, date_to, language, doc_type, speaker, place, annotated, tag, color)
        if sort not in SORTS:
            raise QueryError(f"Results can be sorted by {' or '.join(SORTS)}, not by “{sort}”.")
        if (limit is not None and limit < 0) or offset < 0:
            raise QueryError("The number of results must not be negative.")
        expansions = self.search_expansions(parsed)
        compiled = compile_query(parsed, expansions)
        if compiled.match is None:
            sort = "date"  # nothing to rank by
        matcher = Matcher(parsed, expansions)
        speakers = self._speaker_names(filters.speaker)
        self._search_stop = False
        with self._searching():
            if sort == "relevance" and not (speakers and not parsed.is_empty):
                where, params = self._search_where(compiled, filters)
                # The total counts the matches, remembered for the calendar's marks and the histogram:
                # collecting their ids adds ~0.2 µs a match to a bare count(*), 3–10 % of the search.
                total = len(self._matched_ids(parsed, expansions, filters))
                page = self._ranked_ids(compiled, where, params, limit=limit, offset=offset)
            else:
                matched = self._matched_ids(parsed, expansions, filters)
                total = len(matched)
                if sort == "relevance":  # verified for a speaker: rank them all, then take a page
                    where, params = self._search_where(compiled, filters)
                    ranked = [i for i in self._ranked_ids(compiled, where, params) if i in matched]
                    page = ranked[offset : None if limit is None else offset + limit]
                else:
                    page = self._newest_first(matched, limit=limit, offset=offset)
            rows = self._hit_rows(page)
        hits = tuple(
            SearchHit(
                id=TranscriptId(r[0]),
                date=_date(r[1]),
                time=_time(r[2]),
                title=r[3],
                language=r[4],
                doc_type=r[5],
                _snippet=self._snippet_of(r[0], matcher, speakers),
            )
            for r in rows
        )
        return SearchResult(
            total, hits, parsed, filters, sort, expansions, lambda ids: self._snippets(list(ids), matcher, speakers)
        )

    def search_day_counts(
        self, query: str | Query, year: int, month: int, *, filters: SearchFilters | None = None
    ) -> dict[dt.date, int]:
        """The days of a month with matching transcripts, and how many on each: the calendar's marks.

        Uses the search's matches when they are remembered (every `search` of this query and these
        filters remembers them): well under a ms. Otherwise it asks the index about this month only.
        """
        from reader.core.search import Query, SearchFilters, parse_query

        filters = filters or SearchFilters()
        parsed = query if isinstance(query, Query) else parse_query(query)
        expansions = self.search_expansions(parsed)
        self._search_stop = False
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        matched = self._remembered_matches(parsed, expansions, filters)
        if matched is None:
            month_filters = filters.within(first, following - dt.timedelta(1))
            if month_filters is None:
                return {}
            with self._searching():
                matched = self._matched_ids(parsed, expansions, month_filters, remember=False)
        per_day = matched.per_day  # counted for the histogram: every day at once
        if per_day is None:
            per_day = self._days_between(matched, first, following)
        days = range(first.toordinal(), following.toordinal())
        return {dt.date.fromordinal(day): per_day[day] for day in days if day in per_day}

    def search_month_counts(
        self, query: str | Query, *, filters: SearchFilters | None = None
    ) -> dict[tuple[int, int], int]:
        """(year, month) → matching transcripts, across the years: the histogram of a topic."""
        counts: dict[tuple[int, int], int] = {}
        for day, n in self._per_day(self._matched_set(query, filters)).items():
            when = dt.date.fromordinal(day)
            counts[when.year, when.month] = counts.get((when.year, when.month), 0) + n
        return dict(sorted(counts.items()))

    def hit_spans(self, transcript_id: int, query: str | Query, *, speaker: str | None = None) -> list[tuple[int, int]]:
        """(start, end) offsets into `Transcript.text` of every hit, in order: highlighting and F3."""
        matcher = self.search_matcher(query)
        body = self._body(transcript_id)
        ranges = self._speaker_ranges(transcript_id, self._speaker_names(speaker), body)
        if ranges is None:
            return matcher.spans(body)
        return [span for start, end in ranges for span in matcher.spans(body, start, end)]

    def snippet(
        self, transcript_id: int, query: str | Query, *, speaker: str | None = None, width: int = 240
    ) -> Snippet:
        """A short excerpt of one transcript around its first hit, with the hits as spans."""
        speakers = self._speaker_names(speaker)
        return self._snippet_of(transcript_id, self.search_matcher(query), speakers, width)()

    def snippets(
        self, ids: Iterable[int], query: str | Query | Matcher, *, speaker: str | None = None, width: int = 240
    ) -> dict[int, Snippet]:
        """Snippets of several transcripts in one read: the rows on screen. Pass `result.matcher()` to
        reuse a search's word forms."""
        from reader.core.search import Matcher

        matcher = query if isinstance(query, Matcher) else self.search_matcher(query)
        return self._snippets(list(ids), matcher, self._speaker_names(speaker), width)

    def search_matcher(self, query: str | Query) -> Matcher:
        """The query with its words expanded, to find hits in any text (a title, the open transcript)."""
        from reader.core.search import Matcher, Query, parse_query

        parsed = query if isinstance(query, Query) else parse_query(query)
        return Matcher(parsed, self.search_expansions(parsed))

    def compile_search(self, query: str | Query) -> Compiled:
        """The FTS5 expressions a query runs as (for the benchmark's bare-SQL floor, and debugging)."""
        from reader.core.search import Query, compile_query, parse_query

        parsed = query if isinstance(query, Query) else parse_query(query)
        return compile_query(parsed, self.search_expansions(parsed))

    def search_expansions(self, query: Query) -> dict[str, tuple[str, ...]]:
        """Each bare word of the query → the indexed terms sharing its stem (the word itself included).

        Read from the index's vocabulary, among the terms that start like the word and its stem, and
        remembered until the index changes. Measured on 20,000 transcripts: 1–8 ms for a word the first
        time, nothing after; keeping a stemmed term list at import instead cost a quarter of the import.
        """
        words = query.words_to_expand()
        if not words:
            return {}
        known: dict[str, tuple[str, ...]] = self._search_memo("forms")
        for word in words:
            if word not in known:
                known[word] = self._word_forms(word)
        return {word: known[word] for word in words}

    def _word_forms(self, word: str) -> tuple[str, ...]:
        from reader.core.search import expansion_prefix, stem, stems

        word_stem = stem(word)
        prefix = expansion_prefix(word, word_stem)
        if prefix is None:
            return (word,)
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab (main, transcripts_fts, row)"
        )
        terms = [
            r[0]
            for r in self._conn.execute(
                "SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ?", (prefix, prefix + "\U0010ffff")
            )
        ]
        # A term whose stem is the word itself is a form of it too: snowball stems "Лавров" to "лавр"
        # but "Лаврова" to "лавров".
        same = {t for t, t_stem in zip(terms, stems(terms), strict=True) if t_stem in (word_stem, word)}
        return tuple(sorted(same | {word}))

    def interrupt(self) -> None:
        """Stop the query running on this connection (call it from another thread): it raises
        SearchInterrupted. A window calls it when a newer query replaces an older one."""
        self._search_stop = True  # for the work between statements (checking a speaker's words)
        self._conn.interrupt()

    def speakers(self) -> list[tuple[str, int]]:
        """Every speaker label with the number of transcripts they speak in, most frequent first."""
        return self._search_cached(
            "speakers",
            "SELECT speaker, count(DISTINCT transcript_id) AS n FROM paragraphs"
            " WHERE starts_turn AND speaker IS NOT NULL GROUP BY speaker ORDER BY n DESC, speaker",
        )

    def places(self) -> list[tuple[str, int]]:
        """Every place named in a title, with its number of transcripts, most frequent first."""
        return self._search_cached(
            "places",
            "SELECT place, count(*) AS n FROM transcripts WHERE place IS NOT NULL GROUP BY place"
            " ORDER BY n DESC, place",
        )

    def saved_searches(self) -> list[SavedSearch]:
        from reader.core.search import SavedSearch, SearchFilters

        rows = self._conn.execute("SELECT id, name, query, filters, sort FROM saved_searches ORDER BY name")
        return [SavedSearch(r[0], r[1], r[2], SearchFilters.from_dict(json.loads(r[3])), r[4]) for r in rows]

    def save_search(
        self, name: str, query: str, filters: SearchFilters | None = None, *, sort: str = "relevance"
    ) -> SavedSearch:
        """Store a named search, replacing one of the same name; the query is checked first."""
        from reader.core.search import SORTS, QueryError, SavedSearch, SearchFilters, parse_query

        name = " ".join(name.split())
        if not name:
            raise QueryError("A saved search needs a name.")
        if sort not in SORTS:
            raise QueryError(f"Results can be sorted by {' or '.join(SORTS)}, not by “{sort}”.")
        parse_query(query)
        filters = filters or SearchFilters()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO saved_searches (name, query, filters, sort, saved_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters,"
                " sort = excluded.sort, saved_at = excluded.saved_at",
                (name, query, json.dumps(filters.as_dict(), ensure_ascii=False), sort, _now()),
            )
            saved_id = conn.execute("SELECT id FROM saved_searches WHERE name = ?", (name,)).fetchone()[0]
        self._changed()
        return SavedSearch(saved_id, name, query, filters, sort)

    def delete_saved_search(self, name: str) -> None:
        with self._write() as conn:
            if conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount == 0:
                raise LibraryError(f"There is no saved search named “{name}”.")
        self._changed()

    def run_saved_search(self, saved: SavedSearch | str, *, limit: int | None = 50) -> SearchResult:
        """Run a saved search (or the one with this name) again."""
        if isinstance(saved, str):
            found = [s for s in self.saved_searches() if s.name == saved]
            if not found:
                raise LibraryError(f"There is no saved search named “{saved}”.")
            saved = found[0]
        return self.search(saved.query, filters=saved.filters, sort=saved.sort, limit=limit)

    @contextmanager
    def _searching(self) -> Iterator[None]:
        from reader.core.search import QueryError

        try:
            yield
        except sqlite3.OperationalError as err:
            if "interrupt" in str(err):
                raise SearchInterrupted("The search was stopped.") from err
            if "fts5" in str(err):  # not expected: the parser writes every expression
                raise QueryError("That search could not be run; try fewer or simpler words.") from err
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err

    def _search_where(self, compiled: Compiled, f: SearchFilters) -> tuple[list[str], list[Any]]:
        """SQL conditions on `transcripts t` for the filters and the excluded words."""
        from reader.core.search import QueryError

        where: list[str] = []
        params: list[Any] = []
        if f.date_from:
            where.append("t.published_date >= ?")
            params.append(f.date_from.isoformat())
        if f.date_to:
            where.append("t.published_date <= ?")
            params.append(f.date_to.isoformat())
        if f.language:
            if f.language not in ("en", "ru"):
                raise QueryError(f"The language is “en” or “ru”, not “{f.language}”.")
            where.append("t.language = ?")
            params.append(f.language)
        if f.doc_type:
            where.append("t.doc_type = ?")
            params.append(_doc_type_named(f.doc_type))
        if f.place:
            places = [name for name, _ in self.places() if f.place.casefold() in name.casefold()]
            where.append(f"t.place IN ({', '.join('?' * len(places))})" if places else "0")
            params.extend(places)
        speakers = self._speaker_names(f.speaker)
        # with words to match, the speaker is checked in their own words (_verified_by_speaker)
        text_query = compiled.match is not None or compiled.exclude is not None
        if speakers is not None and not (speakers and text_query):
            if speakers:
                where.append(
                    "EXISTS (SELECT 1 FROM paragraphs p WHERE p.transcript_id = t.id AND p.starts_turn"
                    f" AND p.speaker IN ({', '.join('?' * len(speakers))}))"
                )
                params.extend(speakers)
            else:
                where.append("0")
        self._annotation_where(f, where, params)
        if compiled.exclude is not None:
            where.append("t.id NOT IN (SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH ?)")
            params.append(compiled.exclude)
        return where, params

    def _matches_key(
        self, compiled: Compiled, where: list[str], params: list[Any], f: SearchFilters
    ) -> tuple[Any, ...]:
        """What a remembered set of matches is kept under; with annotation filters, the state of the
        annotations too (the memo outlives annotation changes: only the full-text index resets it)."""
        key: tuple[Any, ...] = (compiled.match, tuple(where), tuple(params), f.speaker)
        if f.annotated is not None or (f.tag and f.tag.strip()) or (f.color and f.color.strip()):
            key += tuple(self._conn.execute("SELECT count(*), max(modified), max(id) FROM annotations").fetchone())
        return key

    def _annotation_where(self, f: SearchFilters, where: list[str], params: list[Any]) -> None:
        """The annotation filters: annotated or not (any annotation, orphans too), a tag (any case),
        a colour of the legend (its key or its meaning)."""
        from reader.core.search import QueryError

        if f.annotated is not None:
            exists = "EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id)"
            where.append(exists if f.annotated else "NOT " + exists)
        if f.tag is not None and f.tag.strip():
            wanted = " ".join(f.tag.split()).casefold()
            spellings = [tag for tag in self.annotation_tags() if tag.casefold() == wanted]
            if spellings:
                where.append(
                    "EXISTS (SELECT 1 FROM annotations a JOIN annotation_tags g ON g.annotation_id = a.id"
                    f" WHERE a.transcript_id = t.id AND g.tag IN ({', '.join('?' * len(spellings))}))"
                )
                params.extend(spellings)
            else:
                where.append("0")  # a tag nobody used: nothing has it
        if f.color is not None and f.color.strip():
            wanted = f.color.strip().casefold()
            legend = self.color_legend()
            keys = [e.key for e in legend if wanted in (e.key.casefold(), e.meaning.casefold())]
            if not keys:
                names = ", ".join(f"{e.key} ({e.meaning})" for e in legend)
                raise QueryError(f"“{f.color}” is not a colour of the legend; the colours are: {names}.")
            where.append(
                "EXISTS (SELECT 1 FROM annotations a WHERE a.transcript_id = t.id"
                f" AND a.color IN ({', '.join('?' * len(keys))}))"
            )
            params.extend(keys)

    # The filters become `+rowid IN (SELECT t.id FROM transcripts t WHERE …)` beside MATCH: measured on
    # 20,000 transcripts, 3–15 ms against 13–39 ms for a join that reads every matching row (the `+`
    # keeps SQLite from probing the index once per id instead, which took seconds).

    def _filtered(self, where: list[str]) -> str:
        return " AND +rowid IN (SELECT t.id FROM transcripts t" + _where(where) + ")" if where else ""

    def _ranked_ids(
        self, compiled: Compiled, where: list[str], params: list[Any], *, limit: int | None = None, offset: int = 0
    ) -> list[int]:
        """Most relevant first (bm25, a title hit weighing TITLE_WEIGHT body hits)."""
        sql = (
            "SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH ?"
            + self._filtered(where)
            + f" ORDER BY bm25(transcripts_fts, {TITLE_WEIGHT}, 1.0)"
            + f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
        )
        return [r[0] for r in self._conn.execute(sql, [compiled.match, *params])]

    def _remembered_matches(
        self, parsed: Query, expansions: dict[str, tuple[str, ...]], filters: SearchFilters
    ) -> _Matches | None:
        from reader.core.search import compile_query

        compiled = compile_query(parsed, expansions)
        where, params = self._search_where(compiled, filters)
        memo: dict[Any, _Matches] = self._search_memo("matched")
        return memo.get(self._matches_key(compiled, where, params, filters))

    def _matched_ids(
        self,
        parsed: Query,
        expansions: dict[str, tuple[str, ...]],
        filters: SearchFilters,
        *,
        remember: bool = True,
    ) -> _Matches:
        """Every transcript matching the query and filters (for a speaker: checked in their words),
        remembered for the last few searches."""
        from reader.core.search import Matcher, compile_query

        compiled = compile_query(parsed, expansions)
        where, params = self._search_where(compiled, filters)
        key = self._matches_key(compiled, where, params, filters)
        memo: dict[Any, _Matches] = self._search_memo("matched")
        if key in memo:
            return memo[key]
        if compiled.match is None:
            sql = "SELECT group_concat(t.id) FROM transcripts t" + _where(where)
        else:
            sql = "SELECT group_concat(rowid) FROM transcripts_fts WHERE transcripts_fts MATCH ?"
            sql += self._filtered(where)
            params = [compiled.match, *params]
        matched = _Matches.parse(self._conn.execute(sql, params).fetchone()[0])
        speakers = self._speaker_names(filters.speaker)
        if speakers and not parsed.is_empty:
            matched = _Matches(self._verified_by_speaker(self._by_date(matched), speakers, Matcher(parsed, expansions)))
        if remember:
            if len(memo) >= 8:  # the last few searches: the calendar and histogram ask about the current one
                del memo[next(iter(memo))]
            memo[key] = matched
        return matched

    def _matched_set(self, query: str | Query, filters: SearchFilters | None) -> _Matches:
        from reader.core.search import Query, SearchFilters, parse_query

        parsed = query if isinstance(query, Query) else parse_query(query)
        self._search_stop = False
        with self._searching():
            return self._matched_ids(parsed, self.search_expansions(parsed), filters or SearchFilters())

    def _newest_first(self, matched: _Matches, *, limit: int | None, offset: int) -> list[int]:
        """A page of `matched` newest first: a few ms whether one transcript matches or nearly all.

        A few matches are sorted by date; many are marked in a byte per transcript and picked out of
        the date order in C (measured on 100,000: ≤ 4 ms for the marks, ≤ 4 ms for the walk).
        """
        order = self._date_order()
        end = None if limit is None else offset + limit
        if len(matched) * 32 < len(order.newest_first):
            return self._by_date(matched)[offset:end]
        marked = bytearray(len(order.place))
        ids = matched.ids
        for transcript_id in ids[bisect.bisect_left(ids, 0) : bisect.bisect_left(ids, len(marked))]:
            marked[transcript_id] = 1
        found = compress(order.newest_first, map(marked.__getitem__, order.newest_first))
        return list(islice(found, offset, end))

    def _by_date(self, ids: Iterable[int]) -> list[int]:
        """`ids` newest first, as the date order has them (an id it does not know is left out)."""
        place = self._date_order().place
        size = len(place)
        return sorted((i for i in ids if 0 <= i < size and place[i] >= 0), key=place.__getitem__)

    def _per_day(self, matched: _Matches) -> dict[int, int]:
        """Date ordinal → matching transcripts that day (undated ones left out): the histogram, then the
        calendar's months. Counted once per set of matches (~14 ms for 100,000 matches)."""
        if matched.per_day is None:
            day, ids = self._date_order().day, matched.ids
            known = ids[bisect.bisect_left(ids, 0) : bisect.bisect_left(ids, len(day))]
            counts = Counter(map(day.__getitem__, known))
            counts.pop(0, None)
            matched.per_day = counts
        return matched.per_day

    def _days_between(self, matched: _Matches, first: dt.date, following: dt.date) -> dict[int, int]:
        """Date ordinal → matching transcripts that day, from `first` up to `following`: the transcripts
        of those days looked up among the matches (~0.4 ms for a month in 100,000 transcripts)."""
        order = self._date_order()
        newest_first, day = order.newest_first, order.day
        # newest first, the negated ordinals ascend (the undated, 0, come last)
        start = bisect.bisect_left(newest_first, 1 - following.toordinal(), key=lambda i: -day[i])
        end = bisect.bisect_right(newest_first, -first.toordinal(), key=lambda i: -day[i])
        return Counter(day[i] for i in newest_first[start:end] if i in matched)

    def _date_order(self) -> _DateOrder:
        memo = self._search_memo("dates")
        if "order" not in memo:
            rows = self._conn.execute(
                "SELECT id, published_date FROM transcripts ORDER BY published_date DESC, published_time DESC, id DESC"
            ).fetchall()
            size = max((r[0] for r in rows), default=0) + 1
            place, day = array("i", [-1]) * size, array("i", [0]) * size
            last, ordinal = None, 0
            for index, (transcript_id, published) in enumerate(rows):
                place[transcript_id] = index
                if published:
                    if published != last:
                        last, ordinal = published, dt.date.fromisoformat(published).toordinal()
                    day[transcript_id] = ordinal
            memo["order"] = _DateOrder(array("q", [r[0] for r in rows]), place, day)
        return memo["order"]  # type: ignore[no-any-return]

    def _hit_rows(self, ids: list[int]) -> list[tuple[Any, ...]]:
        if not ids:
            return []
        found = {
            r[0]: r
            for r in self._conn.execute(
                "SELECT id, published_date, published_time, title, language, doc_type FROM transcripts"
                f" WHERE id IN ({', '.join('?' * len(ids))})",
                ids,
            )
        }
        return [found[i] for i in ids if i in found]

    def _body(self, transcript_id: int) -> str:
        row = self._conn.execute("SELECT body FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if row is None:
            raise UnknownTranscript(transcript_id)
        return str(row[0])

    def _snippet_of(
        self, transcript_id: int, matcher: Matcher, speakers: list[str] | None, width: int = 240
    ) -> Callable[[], Snippet]:
        return lambda: self._snippets([transcript_id], matcher, speakers, width)[transcript_id]

    def _snippets(
        self, ids: list[int], matcher: Matcher, speakers: list[str] | None, width: int = 240
    ) -> dict[int, Snippet]:
        """One read for several rows. Most hits stand early in the text: the first SNIPPET_HEAD
        characters are read first (measured: about half the cost of the whole text), the rest only
        when the hit is not there."""
        out: dict[int, Snippet] = {}
        if not ids:
            return out
        rest = list(dict.fromkeys(ids))
        if speakers is None:
            marks = ", ".join("?" * len(rest))
            sql = f"SELECT id, substr(body, 1, {SNIPPET_HEAD}) FROM transcripts WHERE id IN ({marks})"
            for transcript_id, head in self._conn.execute(sql, rest):
                hit = matcher.first(head)
                if len(head) < SNIPPET_HEAD or (hit is not None and hit[1] + width < len(head)):
                    out[transcript_id] = matcher.snippet(head, width=width)
            rest = [i for i in rest if i not in out]
        if rest:
            marks = ", ".join("?" * len(rest))
            for transcript_id, body in self._conn.execute(
                f"SELECT id, body FROM transcripts WHERE id IN ({marks})", rest
            ).fetchall():
                within = self._speaker_ranges(transcript_id, speakers, body)
                out[transcript_id] = matcher.snippet(body, width=width, within=within)
        missing = [i for i in ids if i not in out]
        if missing:
            raise UnknownTranscript(missing[0])
        return out

    def _speaker_names(self, needle: str | None) -> list[str] | None:
        """The speaker labels a speaker filter means (part of the name, any case); None: no filter."""
        if not needle or not needle.strip():
            return None
        wanted = " ".join(needle.split()).casefold()
        return [name for name, _ in self.speakers() if wanted in name.casefold()]

    def _speaker_ranges(
        self, transcript_id: int, speakers: list[str] | None, body: str
    ) -> list[tuple[int, int]] | None:
        """(start, end) in the text of what the speakers said, labels left out; None: no filter."""
        if speakers is None:
            return None
        if not speakers:
            return []
        rows = self._conn.execute(
            "SELECT speaker, starts_turn, start, end FROM paragraphs WHERE transcript_id = ? AND kind = 'turn'"
            f" AND speaker IN ({', '.join('?' * len(speakers))}) ORDER BY idx",
            (transcript_id, *speakers),
        )
        return [(start + (len(name) + 2 if starts else 0), end) for name, starts, start, end in rows]

    def _verified_by_speaker(self, ids: list[int], speakers: list[str], matcher: Matcher) -> list[int]:
        """Keep the transcripts where the query holds within the speakers' own words.

        Measured (issue 4): a second full-text index of the turns would answer this from the index
        but adds 0.18 × the text size to the library (0.04 with detail=none), over the size budget;
        checking the candidates here costs no space, only time when a common word meets a speaker.
        """
        kept: list[int] = []
        names = ", ".join("?" * len(speakers))
        for i in range(0, len(ids), 200):
            if self._search_stop:
                raise SearchInterrupted("The search was stopped.")
            chunk = ids[i : i + 200]
            marks = ", ".join("?" * len(chunk))
            said: dict[int, list[tuple[int, int]]] = {}
            for transcript_id, name, starts, start, end in self._conn.execute(
                "SELECT transcript_id, speaker, starts_turn, start, end FROM paragraphs"
                f" WHERE transcript_id IN ({marks}) AND kind = 'turn' AND speaker IN ({names})"
                " ORDER BY transcript_id, idx",
                (*chunk, *speakers),
            ):
                said.setdefault(transcript_id, []).append((start + (len(name) + 2 if starts else 0), end))
            if not said:
                continue
            bodies = dict(
                self._conn.execute(
                    f"SELECT id, body FROM transcripts WHERE id IN ({', '.join('?' * len(said))})", list(said)
                ).fetchall()
            )
            for transcript_id in chunk:
                ranges = said.get(transcript_id)
                if ranges and matcher.matches("\n\n".join(bodies[transcript_id][s:e] for s, e in ranges)):
                    kept.append(transcript_id)
        return kept

    def _search_memo(self, name: str) -> Any:
        """A dict remembered for as long as the full-text index stays as it is (any connection's import
        or delete changes it; annotations do not)."""
        # FTS5 rewrites its averages (row 1) and structure (row 10) records whenever the index changes.
        state = self._conn.execute(
            "SELECT group_concat(hex(block)) FROM transcripts_fts_data WHERE id IN (1, 10)"
        ).fetchone()[0]
        if self._search_cache.get("state") != state:
            self._search_cache.clear()
            self._search_cache["state"] = state
        return self._search_cache.setdefault(name, {})

    def _search_cached(self, key: str, sql: str) -> list[tuple[str, int]]:
        memo = self._search_memo("lists")
        if key not in memo:
            memo[key] = [(r[0], r[1]) for r in self._conn.execute(sql)]
        return memo[key]  # type: ignore[no-any-return]

    # -- annotations -----------------------------------------------------------------------------
    # Highlights, paragraph and transcript notes, tags, bookmarks and the colour legend. Every change is
    # one committed transaction (synchronous=FULL: on disk before the call returns). Methods that remove
    # or change something return what is needed to put it back, so the window's undo is one call.

    def add_annotation(
        self,
        transcript_id: int,
        start: int,
        end: int,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Highlight `text[start:end]` of a transcript (offsets into `Transcript.text`, as `show --json`).

        Whitespace at either end of the range is left out; `color` is a legend key (default: the first).
        """
        from reader.core.anchoring import describe

        note = _clean_note(note)
        clean_tags = _clean_tags(tags)
        with self._write() as conn:
            color = self._legend_key(conn, color, default_first=True)
            text, content_hash, starts = self._text_of(conn, transcript_id)
            start, end = _checked_range(text, start, end)
            annotation = self._insert_annotation(
                conn,
                self._new_annotation(
                    AnnotationKind.HIGHLIGHT,
                    transcript_id,
                    describe(text, start, end),
                    paragraph=_paragraph_at(starts, start),
                    content_hash=content_hash,
                    color=color,
                    note=note,
                    tags=self._known_spelling(conn, clean_tags),
                ),
            )
        self._changed("annotations")
        return annotation

    def add_paragraph_note(
        self,
        transcript_id: int,
        paragraph: int,
        note: str,
        *,
        color: str | None = None,
        tags: Iterable[str] = (),
    ) -> Annotation:
        """A note on a whole paragraph (its index in `Transcript.paragraphs`); its range is the paragraph."""
        from reader.core.anchoring import describe

        text_of_note = _clean_note(note)
        if text_of_note is None:
            raise InvalidAnnotation("The note is empty: write something to attach to the paragraph.")
        clean_tags = _clean_tags(tags)
        with self._write() as conn:
            color = self._legend_key(conn, color, default_first=False)
            text, content_hash, starts = self._text_of(conn, transcript_id)
            start, end = self._paragraph_span(conn, transcript_id, paragraph)
            annotation = self._insert_annotation(
                conn,
                self._new_annotation(
                    AnnotationKind.PARAGRAPH_NOTE,
                    transcript_id,
                    describe(text, start, end),
                    paragraph=paragraph,
                    content_hash=content_hash,
                    color=color,
                    note=text_of_note,
                    tags=self._known_spelling(conn, clean_tags),
                ),
            )
        self._changed("annotations")
        return annotation

    def add_transcript_note(self, transcript_id: int, note: str, *, tags: Iterable[str] = ()) -> Annotation:
        """A note on the whole transcript; it has no range (start = end = 0) and never becomes an orphan."""
        from reader.core.anchoring import Selectors

        text_of_note = _clean_note(note)
        if text_of_note is None:
            raise InvalidAnnotation("The note is empty: write something to attach to the transcript.")
        clean_tags = _clean_tags(tags)
        with self._write() as conn:
            _, content_hash, _ = self._text_of(conn, transcript_id)
            annotation = self._insert_annotation(
                conn,
                self._new_annotation(
                    AnnotationKind.TRANSCRIPT_NOTE,
                    transcript_id,
                    Selectors(0, 0, "", "", ""),
                    paragraph=None,
                    content_hash=content_hash,
                    color=None,
                    note=text_of_note,
                    tags=self._known_spelling(conn, clean_tags),
                ),
            )
        self._changed("annotations")
        return annotation

    def annotation(self, annotation_id: int) -> Annotation:
        found = self._annotations_where("id = ?", (annotation_id,))
        if not found:
            raise UnknownAnnotation(annotation_id)
        return found[0]

    def annotations(self, transcript_id: int | None = None) -> list[Annotation]:
        """The annotations of one transcript (or of all), in reading order; orphans included, flagged."""
        if transcript_id is None:
            return self._annotations_where("1", ())
        return self._annotations_where("transcript_id = ?", (transcript_id,))

    def orphans(self, transcript_id: int | None = None) -> list[Annotation]:
        """Annotations whose text could not be found after a re-import: kept, waiting to be re-attached."""
        if transcript_id is None:
            return self._annotations_where("orphan", ())
        return self._annotations_where("orphan AND transcript_id = ?", (transcript_id,))

    def update_annotation(
        self,
        annotation_id: int,
        *,
        color: str | None | _Keep = KEEP,
        note: str | None | _Keep = KEEP,
        tags: Iterable[str] | _Keep = KEEP,
    ) -> Annotation:
        """Change the colour, note or tags (what is not given stays); returns the annotation as saved.

        For undo, keep the annotation as it was before and pass it to `restore_annotation`.
        """
        new_note = note if isinstance(note, _Keep) else _clean_note(note)
        new_tags = tags if isinstance(tags, _Keep) else _clean_tags(tags)
        with self._write() as conn:
            old = self._annotation_in(conn, annotation_id)
            changes: dict[str, Any] = {}
            if not isinstance(color, _Keep):
                if color is None and old.kind is AnnotationKind.HIGHLIGHT:
                    raise InvalidAnnotation("A highlight needs a colour; delete it to remove the highlight.")
                changes["color"] = self._legend_key(conn, color, default_first=False)
            if not isinstance(new_note, _Keep):
                changes["note"] = new_note
            if changes or not isinstance(new_tags, _Keep):
                changes["modified"] = _stamp()
                assignments = ", ".join(f"{column} = ?" for column in changes)
                conn.execute(
                    f"UPDATE annotations SET {assignments} WHERE id = ?",
                    (*(_db_value(v) for v in changes.values()), annotation_id),
                )
            if not isinstance(new_tags, _Keep):
                self._write_tags(conn, annotation_id, self._known_spelling(conn, new_tags))
            updated = self._annotation_in(conn, annotation_id)
        self._changed("annotations")
        return updated

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete an annotation; returns it as it was, for `restore_annotation` (undo)."""
        with self._write() as conn:
            old = self._annotation_in(conn, annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        self._changed("annotations")
        return old

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Put an annotation back as it was (same id, times, note and tags): undo of a delete or a change.

        If the transcript's text changed since, the annotation is re-anchored first (or kept as an orphan).
        """
        with self._write() as conn:
            text, content_hash, _ = self._text_of(conn, annotation.transcript_id)
            a = annotation
            if a.kind is not AnnotationKind.TRANSCRIPT_NOTE and not a.orphan and a.content_hash != content_hash:
                a = _reanchored(a, text, content_hash, self._paragraph_spans(conn, a.transcript_id))
            elif a.kind is AnnotationKind.TRANSCRIPT_NOTE:
                a = replace(a, content_hash=content_hash)
            conn.execute("DELETE FROM annotations WHERE id = ?", (a.id,))
            restored = self._insert_annotation(conn, a, keep_id=True)
        self._changed("annotations")
        return restored

    def reattach(self, annotation_id: int, start: int, end: int) -> Annotation:
        """Anchor an annotation (typically an orphan) to `text[start:end]` of the current text."""
        from reader.core.anchoring import describe

        with self._write() as conn:
            old = self._annotation_in(conn, annotation_id)
            text, content_hash, starts = self._text_of(conn, old.transcript_id)
            start, end = _checked_range(text, start, end)
            s = describe(text, start, end)
            conn.execute(
                "UPDATE annotations SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, paragraph = ?,"
                " content_hash = ?, orphan = 0, modified = ? WHERE id = ?",
                (s.start, s.end, s.exact, s.prefix, s.suffix, _paragraph_at(starts, start), content_hash,
                 _db_value(_stamp()), annotation_id),
            )  # fmt: skip
            updated = self._annotation_in(conn, annotation_id)
        self._changed("annotations")
        return updated

    def annotation_tags(self, prefix: str = "") -> list[str]:
        """Tags already used, most used first, for completion; `prefix` matches case-insensitively."""
        folded = prefix.strip().casefold()
        rows = self._conn.execute(
            "SELECT tag, count(*) AS uses FROM annotation_tags GROUP BY tag ORDER BY uses DESC, tag"
        )
        return [tag for tag, _ in rows if tag.casefold().startswith(folded)]

    # bookmarks

    def add_bookmark(self, transcript_id: int, paragraph: int, *, label: str | None = None) -> Bookmark:
        """Bookmark a paragraph; one that is bookmarked already keeps its bookmark (the label is set)."""
        label = _clean_label(label)
        with self._write() as conn:
            existing = self._bookmark_at(conn, transcript_id, paragraph)
            if existing is not None:
                if label is not None and label != existing.label:
                    conn.execute("UPDATE bookmarks SET label = ? WHERE id = ?", (label, existing.id))
                bookmark = self._bookmark_in(conn, existing.id)
            else:
                text, _, _ = self._text_of(conn, transcript_id)
                start, end = self._paragraph_span(conn, transcript_id, paragraph)
                bookmark = self._insert_bookmark(
                    conn,
                    Bookmark(BookmarkId(0), TranscriptId(transcript_id), paragraph, label, _stamp()),
                    _bookmark_anchor(text, start, end),
                )
        self._changed("annotations")
        return bookmark

    def toggle_bookmark(self, transcript_id: int, paragraph: int) -> tuple[Bookmark, bool]:
        """Bookmark the paragraph, or remove its bookmark: (the bookmark added or removed, whether it is set)."""
        with self._write() as conn:
            existing = self._bookmark_at(conn, transcript_id, paragraph)
            if existing is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (existing.id,))
                result = (existing, False)
            else:
                text, _, _ = self._text_of(conn, transcript_id)
                start, end = self._paragraph_span(conn, transcript_id, paragraph)
                bookmark = self._insert_bookmark(
                    conn,
                    Bookmark(BookmarkId(0), TranscriptId(transcript_id), paragraph, None, _stamp()),
                    _bookmark_anchor(text, start, end),
                )
                result = (bookmark, True)
        self._changed("annotations")
        return result

    def set_bookmark_label(self, bookmark_id: int, label: str | None) -> Bookmark:
        label = _clean_label(label)
        with self._write() as conn:
            self._bookmark_in(conn, bookmark_id)
            conn.execute("UPDATE bookmarks SET label = ? WHERE id = ?", (label, bookmark_id))
            bookmark = self._bookmark_in(conn, bookmark_id)
        self._changed("annotations")
        return bookmark

    def bookmarks(self, transcript_id: int | None = None) -> list[Bookmark]:
        """Bookmarks of one transcript (or all), in reading order."""
        where, params = ("transcript_id = ?", (transcript_id,)) if transcript_id is not None else ("1", ())
        return [
            _bookmark_of_row(r)
            for r in self._conn.execute(
                f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE {where} ORDER BY transcript_id, paragraph, id",
                params,
            )
        ]

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Delete a bookmark; returns it as it was, for `restore_bookmark` (undo)."""
        with self._write() as conn:
            old = self._bookmark_in(conn, bookmark_id)
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        self._changed("annotations")
        return old

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back with its id, label and time (undo)."""
        with self._write() as conn:
            text, _, _ = self._text_of(conn, bookmark.transcript_id)
            spans = self._paragraph_spans(conn, bookmark.transcript_id)
            paragraph = min(bookmark.paragraph, len(spans) - 1)
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark.id,))
            restored = self._insert_bookmark(
                conn, replace(bookmark, paragraph=paragraph), _bookmark_anchor(text, *spans[paragraph]), keep_id=True
            )
        self._changed("annotations")
        return restored

    # colour legend

    def color_legend(self) -> tuple[ColorLegendEntry, ...]:
        """The highlight colours in order (digits 1–9 pick them) with what they mean to this user."""
        return self._legend(self._conn)

    def set_color_legend(self, entries: Iterable[ColorLegendEntry]) -> tuple[ColorLegendEntry, ...]:
        """Replace the legend (order, colours, meanings); a colour still used by annotations cannot go."""
        legend = _checked_legend(entries)
        with self._write() as conn:
            keys = {e.key for e in legend}
            for color, uses in conn.execute(
                "SELECT color, count(*) FROM annotations WHERE color IS NOT NULL GROUP BY color"
            ):
                if color not in keys:
                    raise InvalidAnnotation(
                        f"The colour “{color}” is used by {uses} annotation{'s' if uses != 1 else ''}; "
                        "change their colour first, or give it a new meaning instead of removing it."
                    )
            conn.execute("DELETE FROM color_legend")
            conn.executemany(
                "INSERT INTO color_legend (position, key, hex, meaning) VALUES (?, ?, ?, ?)",
                [(i, e.key, e.hex, e.meaning) for i, e in enumerate(legend)],
            )
        self._changed("annotations")
        return legend

    def set_color_meaning(self, key: str, meaning: str) -> tuple[ColorLegendEntry, ...]:
        """Give one colour of the legend a new meaning."""
        legend = self.color_legend()
        if key not in {e.key for e in legend}:
            raise InvalidAnnotation(f"There is no colour “{key}” in the legend.")
        return self.set_color_legend(replace(e, meaning=meaning) if e.key == key else e for e in legend)

    def color_meaning(self, key: str | None) -> str | None:
        return next((e.meaning for e in self.color_legend() if e.key == key), None)

    # annotation storage

    def _new_annotation(
        self,
        kind: AnnotationKind,
        transcript_id: int,
        s: Selectors,
        *,
        paragraph: int | None,
        content_hash: str,
        color: str | None,
        note: str | None,
        tags: tuple[str, ...],
    ) -> Annotation:
        now = _stamp()
        return Annotation(
            id=AnnotationId(0),
            transcript_id=TranscriptId(transcript_id),
            kind=kind,
            start=s.start,
            end=s.end,
            exact=s.exact,
            prefix=s.prefix,
            suffix=s.suffix,
            paragraph=paragraph,
            content_hash=content_hash,
            color=color,
            note=note,
            tags=tags,
            orphan=False,
            created=now,
            modified=now,
            uid=_new_uid(),
        )

    def _insert_annotation(self, conn: sqlite3.Connection, a: Annotation, *, keep_id: bool = False) -> Annotation:
        cursor = conn.execute(
            f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES ({', '.join('?' * 16)})",
            (
                a.id if keep_id else None,
                a.uid,
                a.transcript_id,
                a.kind.value,
                a.start,
                a.end,
                a.exact,
                a.prefix,
                a.suffix,
                a.paragraph,
                a.content_hash,
                a.color,
                a.note,
                int(a.orphan),
                _db_value(a.created),
                _db_value(a.modified),
            ),
        )
        annotation_id = AnnotationId(a.id if keep_id else int(cursor.lastrowid or 0))
        self._write_tags(conn, annotation_id, a.tags)
        return replace(a, id=annotation_id)

    def _write_tags(self, conn: sqlite3.Connection, annotation_id: int, tags: tuple[str, ...]) -> None:
        conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
        conn.executemany(
            "INSERT INTO annotation_tags (annotation_id, position, tag) VALUES (?, ?, ?)",
            [(annotation_id, i, tag) for i, tag in enumerate(tags)],
        )

    def _known_spelling(self, conn: sqlite3.Connection, tags: tuple[str, ...]) -> tuple[str, ...]:
        """Tags spelt as they were first used (`china` joins `China`), so one tag is never two."""
        if not tags:
            return tags
        known = {tag.casefold(): tag for (tag,) in conn.execute("SELECT DISTINCT tag FROM annotation_tags")}
        return tuple(known.get(tag.casefold(), tag) for tag in tags)

    def _annotation_in(self, conn: sqlite3.Connection, annotation_id: int) -> Annotation:
        found = self._annotations_where("id = ?", (annotation_id,), conn)
        if not found:
            raise UnknownAnnotation(annotation_id)
        return found[0]

    def _annotations_where(
        self, where: str, params: tuple[Any, ...], conn: sqlite3.Connection | None = None
    ) -> list[Annotation]:
        conn = conn or self._conn
        tags: dict[int, list[str]] = {}
        for annotation_id, tag in conn.execute(
            "SELECT annotation_id, tag FROM annotation_tags"
            f" WHERE annotation_id IN (SELECT id FROM annotations WHERE {where}) ORDER BY annotation_id, position",
            params,
        ):
            tags.setdefault(annotation_id, []).append(tag)
        return [
            Annotation(
                id=AnnotationId(r[0]),
                uid=r[1],
                transcript_id=TranscriptId(r[2]),
                kind=AnnotationKind(r[3]),
                start=r[4],
                end=r[5],
                exact=r[6],
                prefix=r[7],
                suffix=r[8],
                paragraph=r[9],
                content_hash=r[10],
                color=r[11],
                note=r[12],
                orphan=bool(r[13]),
                created=dt.datetime.fromisoformat(r[14]),
                modified=dt.datetime.fromisoformat(r[15]),
                tags=tuple(tags.get(r[0], ())),
            )
            for r in conn.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE {where} ORDER BY transcript_id, start, end, id",
                params,
            )
        ]

    def _text_of(self, conn: sqlite3.Connection, transcript_id: int) -> tuple[str, str, list[int]]:
        """A transcript's current text, its content hash and where its paragraphs start."""
        row = conn.execute("SELECT body, content_hash FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if row is None:
            raise UnknownTranscript(transcript_id)
        starts = [s for (s,) in conn.execute(
            "SELECT start FROM paragraphs WHERE transcript_id = ? ORDER BY idx", (transcript_id,)
        )]  # fmt: skip
        return row[0], row[1], starts

    def _paragraph_spans(self, conn: sqlite3.Connection, transcript_id: int) -> list[tuple[int, int]]:
        return [
            (start, end)
            for start, end in conn.execute(
                "SELECT start, end FROM paragraphs WHERE transcript_id = ? ORDER BY idx", (transcript_id,)
            )
        ]

    def _paragraph_span(self, conn: sqlite3.Connection, transcript_id: int, paragraph: int) -> tuple[int, int]:
        row = conn.execute(
            "SELECT start, end FROM paragraphs WHERE transcript_id = ? AND idx = ?", (transcript_id, paragraph)
        ).fetchone()
        if row is None:
            count = conn.execute("SELECT count(*) FROM paragraphs WHERE transcript_id = ?", (transcript_id,))
            raise InvalidAnnotation(
                f"Transcript {transcript_id} has no paragraph {paragraph} (it has {count.fetchone()[0]})."
            )
        return row[0], row[1]

    def _legend(self, conn: sqlite3.Connection) -> tuple[ColorLegendEntry, ...]:
        stored = tuple(
            ColorLegendEntry(key, hex_, meaning)
            for key, hex_, meaning in conn.execute("SELECT key, hex, meaning FROM color_legend ORDER BY position")
        )
        return stored or DEFAULT_COLOR_LEGEND

    def _legend_key(self, conn: sqlite3.Connection, color: str | None, *, default_first: bool) -> str | None:
        legend = self._legend(conn)
        if color is None:
            return legend[0].key if default_first else None
        if color not in {e.key for e in legend}:
            keys = ", ".join(e.key for e in legend)
            raise InvalidAnnotation(f"There is no colour “{color}” in the legend; the colours are {keys}.")
        return color

    def _bookmark_in(self, conn: sqlite3.Connection, bookmark_id: int) -> Bookmark:
        row = conn.execute(f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            raise UnknownBookmark(bookmark_id)
        return _bookmark_of_row(row)

    def _bookmark_at(self, conn: sqlite3.Connection, transcript_id: int, paragraph: int) -> Bookmark | None:
        row = conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE transcript_id = ? AND paragraph = ? ORDER BY id",
            (transcript_id, paragraph),
        ).fetchone()
        return _bookmark_of_row(row) if row else None

    def _insert_bookmark(
        self, conn: sqlite3.Connection, b: Bookmark, anchor: Selectors, *, keep_id: bool = False
    ) -> Bookmark:
        cursor = conn.execute(
            "INSERT INTO bookmarks (id, transcript_id, paragraph, label, created, start, end, exact, prefix, suffix)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (b.id if keep_id else None, b.transcript_id, b.paragraph, b.label, _db_value(b.created),
             anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix),
        )  # fmt: skip
        return replace(b, id=BookmarkId(b.id if keep_id else int(cursor.lastrowid or 0)))

    def _reanchor_annotations(self, conn: sqlite3.Connection, transcript_id: int, t: Transcript) -> None:
        """Find a transcript's annotations and bookmarks in its new text, in the same transaction as the text.

        What cannot be found becomes an orphan, kept with its quote and note; bookmarks, being places,
        stay at the nearest paragraph instead. Earlier orphans get another chance.
        """
        from reader.core.anchoring import Selectors, TextIndex, reanchor

        text, content_hash = t.text, t.content_hash or ""
        spans = t.paragraph_offsets()
        starts = [start for start, _ in spans]
        index = TextIndex(text)
        moved, orphaned = [], []
        for annotation_id, kind, start, end, exact, prefix, suffix, orphan in conn.execute(
            "SELECT id, kind, start, end, exact, prefix, suffix, orphan FROM annotations"
            " WHERE transcript_id = ? AND kind != ? ORDER BY start",  # in text order: moves are learnt
            (transcript_id, AnnotationKind.TRANSCRIPT_NOTE.value),
        ).fetchall():
            located = _relocate(kind, Selectors(start, end, exact, prefix, suffix), text, spans, index, starts)
            if located is None:
                if not orphan:
                    orphaned.append((annotation_id,))
                continue
            s, paragraph = located
            moved.append((s.start, s.end, s.exact, s.prefix, s.suffix, paragraph, content_hash, annotation_id))
        conn.executemany(
            "UPDATE annotations SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, paragraph = ?,"
            " content_hash = ?, orphan = 0 WHERE id = ?",
            moved,
        )
        conn.executemany("UPDATE annotations SET orphan = 1 WHERE id = ?", orphaned)
        conn.execute(
            "UPDATE annotations SET content_hash = ? WHERE transcript_id = ? AND kind = ?",
            (content_hash, transcript_id, AnnotationKind.TRANSCRIPT_NOTE.value),
        )
        places = []
        for bookmark_id, paragraph, start, end, exact, prefix, suffix in conn.execute(
            "SELECT id, paragraph, start, end, exact, prefix, suffix FROM bookmarks WHERE transcript_id = ?",
            (transcript_id,),
        ).fetchall():
            found = reanchor(Selectors(start, end, exact, prefix, suffix), text, index=index)
            if found is not None:
                paragraph = _paragraph_at(starts, found[0])
            paragraph = min(paragraph, len(spans) - 1)
            a = _bookmark_anchor(text, *spans[paragraph])
            places.append((paragraph, a.start, a.end, a.exact, a.prefix, a.suffix, bookmark_id))
        conn.executemany(
            "UPDATE bookmarks SET paragraph = ?, start = ?, end = ?, exact = ?, prefix = ?, suffix = ? WHERE id = ?",
            places,
        )

    # -- versions: the language versions of one document (issue 3) ----------------------------

    def versions(self, transcript_id: int) -> dict[str, TranscriptId]:
        """The versions of the document `transcript_id` belongs to, by language, itself included."""
        _, members = self._version_group(self._conn, transcript_id)
        return dict(sorted(members.items()))

    def version_basis(self, transcript_id: int) -> PairBasis | None:
        """How `transcript_id` joined its versions (None when it has none); tentative pairs deserve a hint."""
        row = self._conn.execute("SELECT basis FROM versions WHERE transcript_id = ?", (transcript_id,)).fetchone()
        if row is None:
            self._language_of(self._conn, transcript_id)  # an unknown id is an error, not "no versions"
            return None
        return PairBasis(row[0])

    def version_states(self, transcript_id: int) -> list[tuple[str, VersionState]]:
        """(language, state) for the language toggle: the languages the page lists as published, in page
        order, then any other version in the library. A language that was not published is absent."""
        members = self.versions(transcript_id)
        listed: list[str] = []
        for member in sorted(members.values(), key=lambda member: member != transcript_id):  # its own page first
            (locales,) = self._conn.execute(
                "SELECT available_languages FROM transcripts WHERE id = ?", (member,)
            ).fetchone()
            for locale in json.loads(locales):
                if (language := language_of_locale(locale)) not in listed:
                    listed.append(language)
        listed += [language for language in members if language not in listed]
        return [
            (language, VersionState.IN_LIBRARY if language in members else VersionState.PUBLISHED_NOT_IMPORTED)
            for language in listed
        ]

    def link(self, first: int, second: int) -> None:
        """Link two transcripts, with the versions each already has, as versions of one document.

        Refused (VersionLinkRefused) for a transcript and itself, two of one language, or when the
        document would get two versions in one language. A manual link is never undone by an import.
        """
        from reader.core.versions import language_name

        with self._write() as conn:
            first_language, second_language = self._language_of(conn, first), self._language_of(conn, second)
            if first == second:
                raise VersionLinkRefused(f"Transcript {first} cannot be linked to itself.")
            if first_language == second_language:
                raise VersionLinkRefused(
                    f"Transcripts {first} and {second} are both in {language_name(first_language)}; "
                    "versions of one document are in different languages."
                )
            clash = self._join_versions(conn, TranscriptId(first), TranscriptId(second), PairBasis.MANUAL)
            if clash is not None:
                owner, language, other = clash
                raise VersionLinkRefused(
                    f"Transcript {owner} already has a {language_name(language)} version ({other}); "
                    f"unlink that first (transcript-reader unlink {other})."
                )
            conn.execute("DELETE FROM version_vetoes WHERE low = ? AND high = ?", _ordered(first, second))
        self._changed()

    def unlink(self, transcript_id: int) -> None:
        """Take a transcript out of its document's versions; imports never pair it with them again."""
        with self._write() as conn:
            document, members = self._version_group(conn, transcript_id)
            if document is None:
                raise VersionLinkRefused(f"Transcript {transcript_id} is not linked to any other version.")
            conn.executemany(
                "INSERT OR IGNORE INTO version_vetoes (low, high) VALUES (?, ?)",
                [_ordered(transcript_id, other) for other in members.values() if other != transcript_id],
            )
            conn.execute("DELETE FROM versions WHERE transcript_id = ?", (transcript_id,))
        self._changed()

    def _pair_versions(self, conn: sqlite3.Connection, transcript_id: TranscriptId, t: Transcript) -> None:
        """Link a transcript just stored with its other versions when the pairing rule (FORMAT.md §11)
        singles them out, in whatever order they come. One already linked stays as it is; an automatic
        link that the newcomer makes ambiguous is undone (a wrong pair is worse than none)."""
        from reader.core.versions import PairingFacts, is_mutual, pair_basis, sole_candidates

        if conn.execute("SELECT 1 FROM versions WHERE transcript_id = ?", (transcript_id,)).fetchone():
            return
        new = PairingFacts.of(t, transcript_id)
        related = self._pairing_related(conn, new)
        for other in related:
            if pair_basis(new, other) is None:
                continue
            group = conn.execute(
                "SELECT v.transcript_id, v.basis, t.language FROM versions v JOIN transcripts t"
                " ON t.id = v.transcript_id WHERE v.document = (SELECT document FROM versions"
                " WHERE transcript_id = ?)",
                (other.id,),
            ).fetchall()
            automatic = all(basis != PairBasis.MANUAL for _, basis, _ in group)
            rivals = [member for member, _, language in group if language == new.language]
            if automatic and rivals:
                conn.execute("DELETE FROM versions WHERE transcript_id = ?", (rivals[0],))
        joined = False
        for partner, basis in sole_candidates(new, related).values():
            if not is_mutual(new, partner, self._pairing_related(conn, partner)):
                continue
            vetoed = conn.execute(
                "SELECT 1 FROM version_vetoes WHERE low = ? AND high = ?", _ordered(new.id, partner.id)
            ).fetchone()
            if vetoed:
                continue
            if joined:  # a third language: the general merge
                self._join_versions(conn, new.id, partner.id, basis)
                continue
            # `new` is in no group yet: join the partner's, unless it already has this language.
            row = conn.execute("SELECT document FROM versions WHERE transcript_id = ?", (partner.id,)).fetchone()
            if row is None:
                document = conn.execute("SELECT coalesce(max(document), 0) + 1 FROM versions").fetchone()[0]
                joining = [(new.id, document, basis.value), (partner.id, document, basis.value)]
            elif conn.execute(
                "SELECT 1 FROM versions v JOIN transcripts t ON t.id = v.transcript_id"
                " WHERE v.document = ? AND t.language = ?",
                (row[0], new.language),
            ).fetchone():
                continue
            else:
                joining = [(new.id, row[0], basis.value)]
            conn.executemany("INSERT INTO versions (transcript_id, document, basis) VALUES (?, ?, ?)", joining)
            joined = True

    def _pairing_related(self, conn: sqlite3.Connection, f: PairingFacts) -> list[PairingFacts]:
        """The stored transcripts that could pair with `f`: same stamp, or, where one of the two has no
        time, same document number or title date. Turns are counted only where the rule may need them."""
        from reader.core.versions import facts_of_row

        untimed = "(? OR published_date IS NULL OR published_time IS NULL)"
        clauses: list[str] = []
        params: list[object] = [f.timestamp is None, f.id]
        if f.timestamp:
            clauses.append("(published_date = ? AND published_time = ?)")
            params += [_iso(f.published_date), _hhmm(f.published_time)]
        if f.doc_number:
            clauses.append(f"(doc_number = ? AND {untimed})")
            params += [f.doc_number, f.timestamp is None]
        if f.event_date:
            clauses.append(f"(event_date = ? AND doc_type = ? AND {untimed})")
            params += [_iso(f.event_date), f.doc_type.value, f.timestamp is None]
        if not clauses:
            return []
        rows = conn.execute(
            "SELECT id, language, published_date, published_time, event_date, doc_type, doc_number,"
            f" available_languages, CASE WHEN {untimed} THEN"
            " (SELECT count(*) FROM paragraphs p WHERE p.transcript_id = t.id AND p.starts_turn) ELSE 0 END"
            f" FROM transcripts t WHERE id != ? AND ({' OR '.join(clauses)})",
            params,
        )
        return [facts_of_row(row) for row in rows]

    def _join_versions(
        self, conn: sqlite3.Connection, first: TranscriptId, second: TranscriptId, basis: PairBasis
    ) -> tuple[TranscriptId, str, TranscriptId] | None:
        """Put two transcripts, with the versions each has, in one group. When that would give the document
        two versions in one language, change nothing and return (whose, language, the version in the way)."""
        first_document, first_members = self._version_group(conn, first)
        second_document, second_members = self._version_group(conn, second)
        if first_document is None or first_document != second_document:
            for language, member in second_members.items():
                if first_members.get(language, member) != member:
                    if member == second:
                        return first, language, first_members[language]
                    return second, language, member
            document = first_document if first_document is not None else second_document
            if document is None:
                document = conn.execute("SELECT coalesce(max(document), 0) + 1 FROM versions").fetchone()[0]
            elif second_document is not None and second_document != document:
                conn.execute("UPDATE versions SET document = ? WHERE document = ?", (document, second_document))
        else:
            document = first_document
        on_conflict = "DO UPDATE SET basis = excluded.basis" if basis is PairBasis.MANUAL else "DO NOTHING"
        conn.executemany(
            "INSERT INTO versions (transcript_id, document, basis) VALUES (?, ?, ?)"
            f" ON CONFLICT (transcript_id) {on_conflict}",
            [(first, document, basis.value), (second, document, basis.value)],
        )
        return None

    def _version_group(
        self, conn: sqlite3.Connection, transcript_id: int
    ) -> tuple[int | None, dict[str, TranscriptId]]:
        """(its document's group number or None, {language: id} of its versions, itself included)."""
        row = conn.execute("SELECT document FROM versions WHERE transcript_id = ?", (transcript_id,)).fetchone()
        if row is None:
            return None, {self._language_of(conn, transcript_id): TranscriptId(transcript_id)}
        members = conn.execute(
            "SELECT t.language, t.id FROM versions v JOIN transcripts t ON t.id = v.transcript_id"
            " WHERE v.document = ? ORDER BY t.id",
            (row[0],),
        )
        return row[0], {language: TranscriptId(member) for language, member in members}

    def _language_of(self, conn: sqlite3.Connection, transcript_id: int) -> str:
        row = conn.execute("SELECT language FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if row is None:
            raise UnknownTranscript(transcript_id)
        return str(row[0])

    # -- export, import and backups (issue 6) -----------------------------------------------------
    # Exports read through the annotation methods above. An import is one `merge_annotations`: one
    # transaction, so a refused file changes nothing. Backups use SQLite's online backup API, which
    # copies a consistent state of the open library (a file copy of an open WAL database may not).

    def annotation_uids(self) -> set[str]:
        """The ids of every annotation kept here, attached or waiting unmatched: an import adds none twice."""
        rows = self._conn.execute("SELECT uid FROM annotations UNION ALL SELECT uid FROM unmatched_annotations")
        return {uid for (uid,) in rows}

    def unmatched_annotations(self) -> list[UnmatchedAnnotation]:
        """Imported annotations whose document is not in the library, in the order they were imported."""
        return [
            UnmatchedAnnotation(uid, json.loads(document), json.loads(annotation), dt.datetime.fromisoformat(at))
            for uid, document, annotation, at in self._conn.execute(
                "SELECT uid, document, annotation, imported_at FROM unmatched_annotations ORDER BY imported_at, uid"
            )
        ]

    def transcripts_quoting(self, quote: str, *, limit: int = 10) -> list[TranscriptId]:
        """Transcripts that have the words of `quote` in a row, those with it character for character
        first: where an annotation made elsewhere (another tool, a web page) probably belongs."""
        words = _QUOTE_WORD.findall(quote.replace("ё", "е").replace("Ё", "Е"))[:_QUOTE_WORDS]
        if not words:
            return []
        rows = self._conn.execute(
            "SELECT t.id, instr(t.body, ?) > 0 FROM transcripts_fts JOIN transcripts t ON t.id = transcripts_fts.rowid"
            " WHERE transcripts_fts MATCH ? LIMIT ?",
            (quote, 'body : "' + " ".join(words) + '"', limit * 4),
        ).fetchall()
        rows.sort(key=lambda r: not r[1])
        return [TranscriptId(r[0]) for r in rows[:limit]]

    def merge_annotations(self, merge: AnnotationMerge) -> MergeOutcome:
        """Add what an annotation file holds, in one transaction (any error leaves the library as it was).

        Each annotation is anchored in the current text of its transcript the way a re-import re-anchors
        (not found: kept as an orphan); one whose id is here already is skipped, one waiting unmatched is
        attached. Colours the legend lacks are added while it has room.
        """
        from reader.core.anchoring import Selectors, TextIndex

        counts: dict[str, int] = dict.fromkeys(MergeOutcome.__dataclass_fields__, 0)
        with self._write() as conn:
            present = {uid for (uid,) in conn.execute("SELECT uid FROM annotations")}
            waiting = {uid for (uid,) in conn.execute("SELECT uid FROM unmatched_annotations")}
            legend = self._merged_legend(conn, merge.legend)
            keys = {e.key for e in legend}
            known = {tag.casefold(): tag for (tag,) in conn.execute("SELECT DISTINCT tag FROM annotation_tags")}
            texts: dict[int, tuple[str, str, list[tuple[int, int]], TextIndex]] = {}

            def text_of(transcript_id: int) -> tuple[str, str, list[tuple[int, int]], TextIndex]:
                if transcript_id not in texts:
                    text, content_hash, _ = self._text_of(conn, transcript_id)
                    spans = self._paragraph_spans(conn, transcript_id)
                    texts[transcript_id] = (text, content_hash, spans, TextIndex(text))
                return texts[transcript_id]

            for a in merge.annotations:
                if a.uid in present:
                    counts["already_present"] += 1
                    continue
                if a.uid in waiting:
                    conn.execute("DELETE FROM unmatched_annotations WHERE uid = ?", (a.uid,))
                    waiting.discard(a.uid)
                    counts["attached"] += 1
                else:
                    counts["added"] += 1
                text, content_hash, spans, index = text_of(a.transcript_id)
                color = a.color if a.color in keys else None
                if a.kind is AnnotationKind.HIGHLIGHT and color is None:
                    counts["recoloured"] += a.color is not None
                    color = legend[0].key
                note = _clean_note(a.note)
                tags = tuple(known.setdefault(tag.casefold(), tag) for tag in _clean_tags(a.tags))
                paragraph = a.paragraph
                if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
                    if note is None:
                        raise InvalidAnnotation(f"The transcript note {a.uid} has no text.")
                    s, paragraph, orphan = Selectors(0, 0, "", "", ""), None, False
                else:
                    old = Selectors(a.start, a.end, a.exact, a.prefix, a.suffix)
                    located = _relocate(a.kind.value, old, text, spans, index)
                    orphan = located is None
                    if located is None:  # kept with the quote, context and version the file gave
                        s, content_hash = old, a.content_hash or content_hash
                        counts["orphaned"] += 1
                    else:
                        s, paragraph = located
                a = replace(a, start=s.start, end=s.end, exact=s.exact, prefix=s.prefix, suffix=s.suffix,
                            paragraph=paragraph, content_hash=content_hash, orphan=orphan, color=color, note=note,
                            tags=tags)  # fmt: skip
                self._insert_annotation(conn, a)
                present.add(a.uid)
            for u in merge.unmatched:
                if u.uid in present or u.uid in waiting:
                    counts["already_present"] += 1
                    continue
                conn.execute(
                    "INSERT INTO unmatched_annotations (uid, document, annotation, imported_at) VALUES (?, ?, ?, ?)",
                    (u.uid, json.dumps(u.document, ensure_ascii=False), json.dumps(u.annotation, ensure_ascii=False),
                     _db_value(u.imported_at)),
                )  # fmt: skip
                waiting.add(u.uid)
                counts["unmatched"] += 1
            for b in merge.bookmarks:
                text, _, spans, _ = text_of(b.transcript_id)
                paragraph = _bookmarked_paragraph(b, text, spans)
                if self._bookmark_at(conn, b.transcript_id, paragraph) is not None:
                    counts["bookmarks_present"] += 1
                    continue
                bookmark = Bookmark(BookmarkId(0), b.transcript_id, paragraph, _clean_label(b.label), b.created)
                self._insert_bookmark(conn, bookmark, _bookmark_anchor(text, *spans[paragraph]))
                counts["bookmarks_added"] += 1
        outcome = MergeOutcome(**counts)
        if outcome.added or outcome.attached or outcome.unmatched or outcome.bookmarks_added:
            self._changed()
        return outcome

    def backup(self, dest: str | Path) -> Path:
        """Copy the library to `dest` (replacing it) with SQLite's online backup API: consistent while the
        window writes, and written beside `dest` first, then renamed, so never half there."""
        return backup_database(self._conn, Path(dest).expanduser())

    def _merged_legend(
        self, conn: sqlite3.Connection, incoming: tuple[ColorLegendEntry, ...]
    ) -> tuple[ColorLegendEntry, ...]:
        """The legend with an imported file's colours: a legend never edited here becomes the file's (when
        that keeps every colour in use); an edited one keeps its meanings and gains colours it lacks."""
        current = self._legend(conn)
        if not incoming:
            return current
        file_legend = _checked_legend(incoming)
        edited = conn.execute("SELECT count(*) FROM color_legend").fetchone()[0] > 0
        used = {c for (c,) in conn.execute("SELECT DISTINCT color FROM annotations WHERE color IS NOT NULL")}
        if not edited and used <= {e.key for e in file_legend}:
            merged = list(file_legend)
        else:
            merged = list(current)
            for e in file_legend:
                if e.key not in {m.key for m in merged} and len(merged) < MAX_LEGEND_COLORS:
                    merged.append(e)
        if tuple(merged) != current:
            conn.execute("DELETE FROM color_legend")
            conn.executemany(
                "INSERT INTO color_legend (position, key, hex, meaning) VALUES (?, ?, ?, ?)",
                [(i, e.key, e.hex, e.meaning) for i, e in enumerate(merged)],
            )
        return tuple(merged)


def open_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Open the library at `path`, or the default one; a new default library gets the bundled sample.

    Like calibre's Quick Start Guide, the sample shows a first-time user what the app does; it is an
    ordinary transcript they can delete. Here rather than in the importer: start-up then opens a
    library without loading the importer (it is needed only when the sample goes in).
    """
    from reader.core.resources import SAMPLE_TRANSCRIPT, default_library_path, resource_path

    library = Library.open(Path(path) if path is not None else default_library_path())
    if path is None and library.created:
        sample = resource_path(SAMPLE_TRANSCRIPT)
        if sample.is_file():
            from reader.core.importer import import_paths

            import_paths(library, [sample])
    return library


# -- backups (issue 6) ---------------------------------------------------------------------------

_QUOTE_WORD = re.compile(r"[^\W_]+")
_QUOTE_WORDS = 12  # words of a quote looked up in the full-text index; enough to be nearly unique


def backup_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database open on `conn` to `dest` with the online backup API, atomically.

    The copy is one self-contained file (rollback journal, not WAL) that passed `quick_check`.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(f"Cannot create the folder {dest.parent} for the backup: {err.strerror}.") from err
    if dest.is_dir():
        raise LibraryError(f"{dest} is a folder; name a file for the backup.")
    tmp = dest.with_name(f".{dest.name}.{_new_uid()[:8]}.tmp")
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            check = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
        if check != "ok":
            raise LibraryError(f"The backup copy failed its check ({check}); {dest} was not written.")
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except sqlite3.Error as err:
        raise LibraryError(f"Could not write the backup {dest}: {_backup_reason(err)}.") from err
    except OSError as err:
        raise LibraryError(f"Could not write the backup {dest}: {err.strerror or err}.") from err
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def copy_database(source: Path, dest: Path) -> Path:
    """`backup_database` of the database file `source` (not written; opened read-write all the same, so
    that closing it folds a WAL library's log back in rather than leaving `-wal` and `-shm` files)."""
    _check_is_sqlite(source)
    try:
        conn = sqlite3.connect(source)
    except sqlite3.DatabaseError as err:
        raise LibraryError(_describe_sqlite_error(source, err)) from err
    try:
        return backup_database(conn, dest)
    finally:
        conn.close()


def check_backup(path: Path) -> None:
    """Refuse (LibraryError, saying why) a file that is not a sound backup of a library this version opens."""
    if not path.is_file():
        raise LibraryError(f"There is no backup file {path}.")
    _check_is_sqlite(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
            ).fetchone()
            applied = [
                r[0] for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
                )
            ] if has_table else []  # fmt: skip
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise LibraryError(f"The backup {path} cannot be read: {err}.") from err
    if problems != ["ok"]:
        raise LibraryError(f"The backup {path} is damaged ({'; '.join(problems[:3])}); nothing was restored.")
    if not applied:
        raise LibraryError(f"{path} is an SQLite database, but not a Transcript Reader library backup.")
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise LibraryError(
            f"The backup {path} was written by a newer version of Transcript Reader (schema {unknown[-1]}); "
            "update the app to restore it."
        )


def settle_library(path: Path) -> None:
    """Fold the library's write-ahead log into its file, so the file alone holds it; refuse one that
    another program (the window) has open, which a restore would pull from under it."""
    if not path.exists():
        return
    wal = path.with_name(path.name + "-wal")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # a damaged library: it is moved aside whole, log and all
    if busy or wal.exists():
        raise LibraryError(
            f"The library {path} is open in another program (is the window open?); close it and try again."
        )


def _backup_reason(err: sqlite3.Error) -> str:
    text = str(err)
    if "full" in text:
        return "the disk is full"
    if "unable to open" in text or "readonly" in text:
        return "the folder cannot be written"
    return text


def _bookmarked_paragraph(b: IncomingBookmark, text: str, spans: list[tuple[int, int]]) -> int:
    """The paragraph an imported bookmark marks: the one starting with its quote, else its number."""
    last = len(spans) - 1
    paragraph = min(max(b.paragraph, 0), last)
    if b.quote and not text.startswith(b.quote, spans[paragraph][0]):
        found = [i for i, (start, _) in enumerate(spans) if text.startswith(b.quote, start)]
        if found:
            paragraph = min(found, key=lambda i: abs(i - b.paragraph))
    return paragraph


# -- annotation input and anchors ----------------------------------------------------------------

MAX_NOTE_CHARS = 100_000
"""About 40 pages: a longer note is refused with a message (nothing is cut silently)."""
MAX_TAG_CHARS = 100
MAX_LABEL_CHARS = 200
MAX_MEANING_CHARS = 100
MAX_LEGEND_COLORS = 9  # digits 1–9 pick them
BOOKMARK_QUOTE = 64  # characters of a bookmarked paragraph's start kept to find the paragraph again

_ANNOTATION_COLUMNS = (
    "id, uid, transcript_id, kind, start, end, exact, prefix, suffix, paragraph, content_hash, color, note,"
    " orphan, created, modified"
)
_BOOKMARK_COLUMNS = "id, transcript_id, paragraph, label, created"
# Control characters (all but tab and newline), and lone surrogates, which SQLite cannot store as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")


def _clean_note(note: str | None) -> str | None:
    """The note as saved: line ends unified, control characters removed; None when nothing is left."""
    if note is None:
        return None
    if not isinstance(note, str):
        raise InvalidAnnotation("A note must be text.")
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidAnnotation(
            f"A note can hold up to {MAX_NOTE_CHARS:,} characters; this one has {len(note):,}. "
            "Nothing was saved: shorten it, or keep the long text in a file and note where it is."
        )
    text = _CONTROL.sub("", note.replace("\r\n", "\n").replace("\r", "\n"))
    return text if text.strip() else None


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, inner spaces collapsed, empty ones dropped, repeats (ignoring case) dropped."""
    if isinstance(tags, str):
        tags = (tags,)  # one tag given as a string, not its letters
    cleaned: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        if not isinstance(tag, str):
            raise InvalidAnnotation("A tag must be text.")
        text = " ".join(_CONTROL.sub(" ", tag).split())
        if not text:
            continue
        if len(text) > MAX_TAG_CHARS:
            raise InvalidAnnotation(f"A tag can have up to {MAX_TAG_CHARS} characters: “{text[:40]}…” is longer.")
        if text.casefold() not in seen:
            seen.add(text.casefold())
            cleaned.append(text)
    return tuple(cleaned)


def _clean_label(label: str | None) -> str | None:
    if label is None:
        return None
    text = " ".join(_CONTROL.sub(" ", label).split())
    if len(text) > MAX_LABEL_CHARS:
        raise InvalidAnnotation(f"A bookmark label can have up to {MAX_LABEL_CHARS} characters.")
    return text or None


def _checked_range(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection as a highlight covers it: inside the text, not empty, without spaces at its ends."""
    if not isinstance(start, int) or not isinstance(end, int):
        raise InvalidAnnotation("A selection is given by whole-number character offsets.")
    if start == end:
        raise InvalidAnnotation("The selection is empty: select some text first.")
    if start > end:
        raise InvalidAnnotation(f"The selection ends before it starts (start {start}, end {end}).")
    if start < 0 or end > len(text):
        raise InvalidAnnotation(
            f"The selection {start}–{end} lies outside the transcript's text, which has {len(text)} characters."
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidAnnotation("The selection holds only spaces or line breaks: select some text.")
    return start, end


def _checked_legend(entries: Iterable[ColorLegendEntry]) -> tuple[ColorLegendEntry, ...]:
    legend: list[ColorLegendEntry] = []
    for e in entries:
        if not _KEY.fullmatch(e.key):
            raise InvalidAnnotation(
                f"“{e.key}” cannot name a colour: use up to 32 lower-case letters, digits, “-” or “_”."
            )
        if not _HEX.fullmatch(e.hex):
            raise InvalidAnnotation(f"“{e.hex}” is not a colour: write it as #RRGGBB, e.g. #FFE16B.")
        meaning = " ".join(_CONTROL.sub(" ", e.meaning).split())
        if len(meaning) > MAX_MEANING_CHARS:
            raise InvalidAnnotation(f"A colour's meaning can have up to {MAX_MEANING_CHARS} characters.")
        if e.key in {x.key for x in legend}:
            raise InvalidAnnotation(f"The colour “{e.key}” is in the legend twice.")
        legend.append(ColorLegendEntry(e.key, e.hex.upper(), meaning))
    if not 1 <= len(legend) <= MAX_LEGEND_COLORS:
        raise InvalidAnnotation(f"The legend needs 1 to {MAX_LEGEND_COLORS} colours; {len(legend)} were given.")
    return tuple(legend)


def _paragraph_at(starts: list[int], offset: int) -> int:
    """The index of the paragraph that holds `offset` (a separator counts to the paragraph before it)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _relocate(
    kind: str,
    old: Selectors,
    text: str,
    spans: list[tuple[int, int]],
    index: TextIndex,
    starts: list[int] | None = None,
) -> tuple[Selectors, int] | None:
    """An annotation's new selectors and paragraph in `text`, or None (an orphan).

    A paragraph note covers the whole paragraph it is found in, even when that paragraph was edited.
    `starts` (where the paragraphs start) saves working them out again for each of a batch.
    """
    from reader.core.anchoring import describe, reanchor

    found = reanchor(old, text, index=index)
    if found is None:
        return None
    if starts is None:
        starts = [start for start, _ in spans]
    if kind == AnnotationKind.PARAGRAPH_NOTE.value:
        paragraph = _paragraph_at(starts, (found[0] + found[1]) // 2)
        return describe(text, *spans[paragraph]), paragraph
    return describe(text, *found), _paragraph_at(starts, found[0])


def _reanchored(a: Annotation, text: str, content_hash: str, spans: list[tuple[int, int]]) -> Annotation:
    from reader.core.anchoring import Selectors, TextIndex

    old = Selectors(a.start, a.end, a.exact, a.prefix, a.suffix)
    located = _relocate(a.kind.value, old, text, spans, TextIndex(text))
    if located is None:
        return replace(a, orphan=True)
    s, paragraph = located
    return replace(
        a,
        start=s.start,
        end=s.end,
        exact=s.exact,
        prefix=s.prefix,
        suffix=s.suffix,
        paragraph=paragraph,
        content_hash=content_hash,
        orphan=False,
    )


def _bookmark_anchor(text: str, start: int, end: int) -> Selectors:
    from reader.core.anchoring import describe

    return describe(text, start, min(end, start + BOOKMARK_QUOTE))


def _bookmark_of_row(r: tuple[Any, ...]) -> Bookmark:
    return Bookmark(BookmarkId(r[0]), TranscriptId(r[1]), r[2], r[3], dt.datetime.fromisoformat(r[4]))


def _stamp() -> dt.datetime:
    """Now, to the millisecond (as stored, so an annotation read back equals the one returned)."""
    now = dt.datetime.now(dt.UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _db_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds")
    return value


# -- search helpers ----------------------------------------------------------------------------

TITLE_WEIGHT = 4.0
"""For ranking (bm25), a hit in the title weighs as much as four in the text."""

SNIPPET_HEAD = 4000
"""Characters of a text read first for its snippet."""


class SearchInterrupted(LibraryError):
    """A search stopped by `Library.interrupt()`, because a newer one replaced it."""


class _Matches:
    """The ids of a search's matches, sorted in an array (`in` bisects): 4 bytes an id where a set of
    ints takes about 70, so a query matching 100,000 transcripts is remembered in 0.4 MB; and, once
    asked for, how many match on each day (`Library._per_day`)."""

    __slots__ = ("ids", "per_day")

    def __init__(self, ids: Iterable[int]) -> None:
        ordered = sorted(ids)
        small = not ordered or (ordered[0] >= -(2**31) and ordered[-1] < 2**31)
        self.ids = array("i" if small else "q", ordered)
        self.per_day: dict[int, int] | None = None

    @classmethod
    def parse(cls, listed: str | None) -> _Matches:
        """From SQLite's `group_concat` of the ids: one string parsed at once instead of a row per id
        (measured on 28,817 matches of 100,000: 7.6 ms against 19.6, the index's own 3.2 ms in both)."""
        return cls(json.loads(f"[{listed}]") if listed else ())

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __contains__(self, transcript_id: int) -> bool:
        index = bisect.bisect_left(self.ids, transcript_id)
        return index < len(self.ids) and self.ids[index] == transcript_id


class _DateOrder(NamedTuple):
    """The library's transcripts by date, remembered until the index changes: pages newest first and
    the days of the matches are read from it. Arrays indexed by id (the ids are dense)."""

    newest_first: array[int]  # every id, newest first (undated last)
    place: array[int]  # id → its index in newest_first; -1: no such transcript
    day: array[int]  # id → its date's ordinal; 0: undated, or no such transcript


def _where(conditions: list[str], *, first: str = " WHERE ") -> str:
    return first + " AND ".join(conditions) if conditions else ""


def _doc_type_named(name: str) -> str:
    """A DocType value from its name or the start of it ("briefing", "remarks")."""
    from reader.core.search import QueryError

    wanted = " ".join(name.split()).casefold()
    values = [d.value for d in DocType]
    found = [v for v in values if v == wanted] or [v for v in values if v.startswith(wanted)]
    if len(found) != 1:
        raise QueryError(f"“{name}” is not a document type; the types are: {', '.join(values)}.")
    return found[0]


# -- helpers -----------------------------------------------------------------------------------


def _ordered(a: int, b: int) -> tuple[int, int]:
    """A pair of ids as `version_vetoes` keys it: (lower, higher)."""
    return (a, b) if a < b else (b, a)


def _transcript_row(t: Transcript, text: str) -> dict[str, Any]:
    return {
        "published_date": _iso(t.published_date),
        "published_time": _hhmm(t.published_time),
        "event_date": _iso(t.event_date),
        "title": t.title,
        "doc_type": t.doc_type.value,
        "place": t.place,
        "language": t.language,
        "available_languages": json.dumps(list(t.available_languages)),
        "doc_number": t.doc_number,
        "sections": json.dumps(list(t.sections), ensure_ascii=False),
        "source_file": t.source_file,
        "content_hash": t.content_hash,
        "imported_at": _now(),
        "body": text,
    }


_INDEX_ROWS = 300  # transcripts per statement: 900 parameters, under the 999 of older SQLite builds


def _index_new(conn: sqlite3.Connection, pending: list[tuple[int, str, str]]) -> None:
    """Put transcripts just inserted into the full-text index (and forget them): one statement for a
    batch, which SQLite runs without holding the GIL; ascending ids, so the index appends."""
    for k in range(0, len(pending), _INDEX_ROWS):
        chunk = pending[k : k + _INDEX_ROWS]
        conn.execute(
            "INSERT INTO transcripts_fts (rowid, title, body) VALUES " + ", ".join(["(?, ?, ?)"] * len(chunk)),
            [value for transcript_id, title, text in chunk for value in (transcript_id, fold_yo(title), fold_yo(text))],
        )
    pending.clear()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. On read-only media SQLite cannot create the WAL index (-shm) beside the
    file, so the file is opened as immutable there (without locks; a log left beside it is not read)."""
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-shm").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as err:
        raise LibraryError(f"Cannot read the library {path}: {err.strerror}.") from err
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Transcript Reader library (it is not an SQLite database).")


def _describe_sqlite_error(path: Path, err: sqlite3.DatabaseError) -> str:
    text = str(err)
    if "disk is full" in text or "database or disk is full" in text:
        return f"The disk holding {path} is full; nothing was changed."
    if "readonly" in text or "read-only" in text:
        return f"The library {path} cannot be written (read-only); nothing was changed."
    if "malformed" in text or "not a database" in text:
        return f"The library {path} is damaged ({text})."
    if "locked" in text:
        return f"The library {path} is busy in another program; try again in a moment."
    return f"The library {path} could not be used: {text}."


def _migrate(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
    """Bring the schema up to date; refuse a library written by a newer version."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    applied: list[str] = []
    if has_table:
        applied = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
            )
        ]
    elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise LibraryError(f"{path} is an SQLite database, but not a Transcript Reader library.")
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise LibraryError(
            f"The library {path} was written by a newer version of Transcript Reader "
            f"(schema {unknown[-1]}). Update the app to open it; the library was left untouched."
        )
    if len(applied) < len(MIGRATION_NAMES):
        if read_only:
            raise LibraryError(f"The library {path} needs an upgrade, which a read-only library cannot get.")
        if applied:  # an existing library: keep it as it was before the upgrade (issue 6)
            from reader.core.backup import backup_before_migration

            backup_before_migration(conn, path, [name for name in MIGRATION_NAMES if name not in applied])
        apply_migrations(conn)


def _new_uid() -> str:
    """A random UUID (an annotation's lasting identity across exports)."""
    import uuid  # not at start-up: it costs a few ms there (it imports platform)

    return str(uuid.uuid4())
