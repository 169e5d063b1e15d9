"""The library: one SQLite file holding transcripts, their paragraphs and a full-text index.

The only module that talks to SQLite. Reads use the standard `sqlite3` connection directly (start-up
stays light); the schema is created and upgraded by numbered sqlite-utils `Migrations`, imported only
when a migration is pending. Every write runs in one transaction and notifies the listeners after it
has been committed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.core.model import (
    DocType,
    ImportOutcome,
    OutcomeKind,
    PairBasis,
    Paragraph,
    ParagraphKind,
    Transcript,
    TranscriptId,
    TranscriptSummary,
    VersionState,
)
from reader.core.schema import MIGRATION_NAMES, MIGRATION_SET, apply_migrations
from reader.core.versions import (
    PairingFacts,
    facts_of_row,
    is_mutual,
    language_name,
    language_of_locale,
    pair_basis,
    sole_candidates,
)

SQLITE_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """A library that cannot be opened or written, with a message for people."""


class UnknownTranscript(LibraryError):
    def __init__(self, transcript_id: int) -> None:
        super().__init__(f"There is no transcript with id {transcript_id} in this library.")
        self.transcript_id = transcript_id


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
        elif read_only:
            raise LibraryError(f"There is no library at {path}.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise LibraryError(
                    f"Cannot create the library folder {path.parent}: {err.strerror}."
                ) from err
        try:
            if read_only:
                conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit is on disk before the UI says it is done (annotations must survive a crash).
                conn.execute("PRAGMA synchronous = FULL")
            _migrate(conn, path, read_only=read_only)
        except sqlite3.DatabaseError as err:
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
        """Call `listener()` after every committed change."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; rolled back whole on any error, so a failed write changes nothing."""
        if self.read_only:
            raise LibraryError("This library is open read-only; changes cannot be saved.")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err

    # -- storing -------------------------------------------------------------------------------

    def store(
        self, transcripts: Iterable[Transcript], *, on_stored: Callable[[ImportOutcome], None] | None = None
    ) -> list[ImportOutcome]:
        """Store parsed transcripts in one transaction: new, duplicate (same text) or a new revision.

        A transcript with the same identity (publication date and time, title, language) but other
        text replaces the stored text and keeps its id, so what users attached to it stays attached;
        the old text is kept in `revisions`.
        """
        outcomes: list[ImportOutcome] = []
        try:
            with self._write() as conn:
                for transcript in transcripts:
                    outcomes.append(self._store_one(conn, transcript))
        except sqlite3.DatabaseError as err:
            raise LibraryError(_describe_sqlite_error(self.path, err)) from err
        if any(o.kind is not OutcomeKind.DUPLICATE for o in outcomes):
            self._changed()
        if on_stored:
            for outcome in outcomes:
                on_stored(outcome)
        return outcomes

    def _store_one(self, conn: sqlite3.Connection, t: Transcript) -> ImportOutcome:
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
        values = _transcript_row(t)
        if row:
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
            kind = OutcomeKind.UPDATED
        else:
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(
                f"INSERT INTO transcripts ({columns}) VALUES ({marks})", tuple(values.values())
            )
            transcript_id = cursor.lastrowid
            kind = OutcomeKind.IMPORTED
        conn.executemany(
            "INSERT INTO paragraphs (transcript_id, idx, kind, speaker, turn, section, starts_turn, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (transcript_id, i, p.kind.value, p.speaker, p.turn, p.section, int(p.starts_turn), start, end)
                for i, (p, (start, end)) in enumerate(zip(t.paragraphs, t.paragraph_offsets(), strict=True))
            ],
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

    def _summaries(
        self, where: str, params: tuple[Any, ...] = (), limit: int | None = None
    ) -> list[TranscriptSummary]:
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM transcripts WHERE {where}"
            " ORDER BY published_date IS NULL, published_date DESC, published_time DESC, id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            TranscriptSummary(
                id=TranscriptId(r[0]),
                title=r[1],
                language=r[2],
                published_date=_date(r[3]),
                published_time=_time(r[4]),
                doc_type=DocType(r[5]),
                available_languages=tuple(json.loads(r[6])),
            )
            for r in self._conn.execute(sql, params)
        ]

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

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
        for partner, basis in sole_candidates(new, related).values():
            if not is_mutual(new, partner, self._pairing_related(conn, partner)):
                continue
            vetoed = conn.execute(
                "SELECT 1 FROM version_vetoes WHERE low = ? AND high = ?", _ordered(new.id, partner.id)
            ).fetchone()
            if not vetoed:
                self._join_versions(conn, new.id, partner.id, basis)

    def _pairing_related(self, conn: sqlite3.Connection, f: PairingFacts) -> list[PairingFacts]:
        """The stored transcripts that could pair with `f`: same stamp, document number or title date."""
        clauses, params = [], [f.id]
        if f.timestamp:
            clauses.append("(published_date = ? AND published_time = ?)")
            params += [_iso(f.published_date), _hhmm(f.published_time)]
        if f.doc_number:
            clauses.append("doc_number = ?")
            params.append(f.doc_number)
        if f.event_date:
            clauses.append("(event_date = ? AND doc_type = ?)")
            params += [_iso(f.event_date), f.doc_type.value]
        if not clauses:
            return []
        rows = conn.execute(
            "SELECT id, language, published_date, published_time, event_date, doc_type, doc_number,"
            " available_languages,"
            " (SELECT count(*) FROM paragraphs p WHERE p.transcript_id = t.id AND p.starts_turn)"
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


# -- helpers -----------------------------------------------------------------------------------


def _ordered(a: int, b: int) -> tuple[int, int]:
    """A pair of ids as `version_vetoes` keys it: (lower, higher)."""
    return (a, b) if a < b else (b, a)


def _transcript_row(t: Transcript) -> dict[str, Any]:
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
        "body": t.text,
    }


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
        apply_migrations(conn)
