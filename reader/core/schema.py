"""The library's schema as numbered sqlite-utils migrations. Never edit a released migration: add one.

Imported only when a library needs creating or upgrading, so `import sqlite_utils` stays off start-up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATION_SET = "transcript-reader"

# SQLite's unicode61 tokenizer folds Cyrillic case but not ё/е: the index is fed the text with ё→е
# (one character for one, so snippet and highlight offsets into the stored text stay right).
_FOLD = "replace(replace({}, 'ё', 'е'), 'Ё', 'Е')"

_SCHEMA_0001 = f"""
CREATE TABLE transcripts (
    id INTEGER PRIMARY KEY,
    published_date TEXT,            -- ISO date of publication; NULL when the page gave none
    published_time TEXT,            -- HH:MM; NULL when unknown (never a made-up 00:00)
    event_date TEXT,
    title TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    place TEXT,
    language TEXT NOT NULL,         -- en / ru: the language of this version's text
    available_languages TEXT NOT NULL DEFAULT '[]',  -- JSON list of locales from the page
    doc_number TEXT,
    sections TEXT NOT NULL DEFAULT '[]',             -- JSON list of briefing sections
    source_file TEXT,
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    imported_at TEXT NOT NULL,
    body TEXT NOT NULL              -- the normalised text; paragraphs address it by offsets
);
CREATE UNIQUE INDEX transcripts_content_hash ON transcripts (content_hash);
CREATE INDEX transcripts_published ON transcripts (published_date, published_time);
CREATE INDEX transcripts_identity ON transcripts (title, language);

CREATE TABLE paragraphs (
    transcript_id INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,             -- turn / unlabelled / heading / separator
    speaker TEXT,
    turn INTEGER,
    section INTEGER,
    starts_turn INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL,         -- offsets of the shown text (label included) in transcripts.body
    end INTEGER NOT NULL,
    PRIMARY KEY (transcript_id, idx)
) WITHOUT ROWID;

CREATE TABLE revisions (            -- earlier texts of a transcript, kept when a re-import changed it
    id INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    source_file TEXT,
    imported_at TEXT,
    replaced_at TEXT NOT NULL
);
CREATE INDEX revisions_transcript ON revisions (transcript_id);

CREATE VIRTUAL TABLE transcripts_fts USING fts5 (
    title, body, content = 'transcripts', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER transcripts_fts_insert AFTER INSERT ON transcripts BEGIN
    INSERT INTO transcripts_fts (rowid, title, body)
    VALUES (new.id, {_FOLD.format("new.title")}, {_FOLD.format("new.body")});
END;
CREATE TRIGGER transcripts_fts_delete AFTER DELETE ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, title, body)
    VALUES ('delete', old.id, {_FOLD.format("old.title")}, {_FOLD.format("old.body")});
END;
CREATE TRIGGER transcripts_fts_update AFTER UPDATE OF title, body ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, title, body)
    VALUES ('delete', old.id, {_FOLD.format("old.title")}, {_FOLD.format("old.body")});
    INSERT INTO transcripts_fts (rowid, title, body)
    VALUES (new.id, {_FOLD.format("new.title")}, {_FOLD.format("new.body")});
END;
"""

# Language versions of one document (issue 3): a transcript in `versions` shares a `document` number with
# its other versions; a group always has two or more members (the trigger dissolves what one leaves).
_SCHEMA_0002 = """
CREATE TABLE versions (
    transcript_id INTEGER PRIMARY KEY REFERENCES transcripts (id) ON DELETE CASCADE,
    document INTEGER NOT NULL,
    basis TEXT NOT NULL             -- how it joined: timestamp / doc_number / tentative / manual
);
CREATE INDEX versions_document ON versions (document);
CREATE TRIGGER versions_no_lone_member AFTER DELETE ON versions BEGIN
    DELETE FROM versions WHERE document = old.document
        AND (SELECT count(*) FROM versions WHERE document = old.document) = 1;
END;
CREATE TABLE version_vetoes (       -- pairs the user unlinked: never paired again automatically
    low INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    high INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    PRIMARY KEY (low, high)
) WITHOUT ROWID;
CREATE INDEX version_vetoes_high ON version_vetoes (high);
CREATE INDEX transcripts_doc_number ON transcripts (doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX transcripts_event ON transcripts (event_date, doc_type);
"""


def _migrate_0002_versions(conn: sqlite3.Connection) -> None:
    """The versions tables, then the pairs among the transcripts imported before they existed."""
    from reader.core.versions import facts_of_row, pair_all

    for statement in _split(_SCHEMA_0002):
        conn.execute(statement)
    rows = conn.execute(
        "SELECT t.id, t.language, t.published_date, t.published_time, t.event_date, t.doc_type, t.doc_number,"
        " t.available_languages,"
        " (SELECT count(*) FROM paragraphs p WHERE p.transcript_id = t.id AND p.starts_turn)"
        " FROM transcripts t"
    ).fetchall()
    groups: dict[int, int] = {}  # transcript id -> document
    languages: dict[int, set[str]] = {}  # document -> languages in it
    for a, b, basis in pair_all(facts_of_row(row) for row in rows):
        if a.id in groups and b.id in groups:
            continue
        joining, member = (b, a) if a.id in groups else (a, b)
        document = groups.get(member.id, len(languages) + 1)
        if joining.language in languages.setdefault(document, set()):
            continue
        for f in (member, joining):
            if f.id not in groups:
                groups[f.id] = document
                languages[document].add(f.language)
                conn.execute(
                    "INSERT INTO versions (transcript_id, document, basis) VALUES (?, ?, ?)",
                    (f.id, document, basis.value),
                )


# Annotations (issue 5): anchored by W3C selectors into the text of the version `content_hash` names;
# re-anchored when a re-import changes the text, flagged `orphan` (never deleted) when not found again.
_SCHEMA_0004 = """
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,       -- a UUID that stays the same across libraries (export, import)
    transcript_id INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,             -- highlight / paragraph note / transcript note
    start INTEGER NOT NULL,         -- TextPositionSelector: offsets into the text of version content_hash
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,            -- TextQuoteSelector
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    paragraph INTEGER,              -- the paragraph the range starts in; NULL for a transcript note
    content_hash TEXT NOT NULL,
    color TEXT,                     -- a key of the colour legend
    note TEXT,
    orphan INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX annotations_transcript ON annotations (transcript_id, start);
CREATE INDEX annotations_orphans ON annotations (transcript_id) WHERE orphan;
CREATE INDEX annotations_modified ON annotations (modified);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (annotation_id, position)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags (tag);

CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    label TEXT,
    created TEXT NOT NULL,
    start INTEGER NOT NULL,         -- selectors of the paragraph's start, to find the place after a re-import
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL
);
CREATE INDEX bookmarks_place ON bookmarks (transcript_id, paragraph);

CREATE TABLE color_legend (         -- empty until the user edits the legend: the default one applies
    position INTEGER PRIMARY KEY,   -- digits 1-9 pick colours in this order
    key TEXT NOT NULL UNIQUE,
    hex TEXT NOT NULL,
    meaning TEXT NOT NULL
);
"""


# Search (issue 4): named searches. Word forms need no table: a query word is expanded at query time to
# the indexed terms sharing its stem, read from the index's own vocabulary (measured: keeping a stemmed
# term list up to date at import cost 0.5–1 ms of CPU a transcript, a quarter of the import).
_SCHEMA_0003 = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    filters TEXT NOT NULL DEFAULT '{}',   -- JSON: date_from, date_to, language, doc_type, speaker, place
    sort TEXT NOT NULL DEFAULT 'relevance',
    saved_at TEXT NOT NULL
);
"""

# Export and import (issue 6): an imported annotation whose document is not in the library waits here,
# with the file's reference to the document, until a later import finds the document.
_SCHEMA_0005 = """
CREATE TABLE unmatched_annotations (
    uid TEXT PRIMARY KEY,           -- never also in annotations.uid
    document TEXT NOT NULL,         -- JSON: the document as the file named it (urn or address, title, date)
    annotation TEXT NOT NULL,       -- JSON: the annotation in the native export's form
    imported_at TEXT NOT NULL
) WITHOUT ROWID;
"""

# Import speed: `Library.store` puts a batch's new transcripts into the full-text index with one statement
# (texts folded by `fold_yo`, as _FOLD does) instead of a trigger doing it row by row, which re-folded each
# text in SQL. Measured on 4,000 synthetic transcripts: a third less CPU for the index, and SQLite builds it
# without holding Python's GIL, so the next files parse meanwhile. Updates and deletes keep their triggers.
_SCHEMA_0006 = "DROP TRIGGER transcripts_fts_insert;"


def fold_yo(text: str) -> str:
    """The text as the full-text index is fed it: ё→е (what _FOLD does in SQL); the same object if none."""
    return text.replace("ё", "е").replace("Ё", "Е")


# (name, SQL script or a function of the connection) in order. Released entries are never edited;
# a change of schema is a new entry.
MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection], None]]] = [
    ("0001_transcripts", _SCHEMA_0001),
    ("0002_versions", _migrate_0002_versions),
    ("0004_annotations", _SCHEMA_0004),
    ("0003_search", _SCHEMA_0003),
    ("0005_export", _SCHEMA_0005),
    ("0006_index_by_batch", _SCHEMA_0006),
]
MIGRATION_NAMES = tuple(name for name, _ in MIGRATIONS)


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Apply every pending migration, each in its own transaction together with its record."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, script in MIGRATIONS:

        def run(db: Database, script: str | Callable[[sqlite3.Connection], None] = script) -> None:
            if callable(script):
                script(db.conn)
                return
            for statement in _split(script):
                db.execute(statement)

        migrations(name=name)(run)
    migrations.apply(Database(conn))


def _split(script: str) -> list[str]:
    """Split a schema script into statements (trigger bodies hold semicolons)."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current)
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements
