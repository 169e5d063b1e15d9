"""Importing many files at once: the archive holds and finds exactly what importing them one by one gives.

A batch's new transcripts enter the full-text index together, in one statement (schema 0006), while a
helper thread parses the next files; these tests hold that to what a user sees: the same transcripts,
versions and search results, each transcript found once, and a library made before the change still
working after it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core import importer, library, schema
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import OutcomeKind
from tests.bench.corpus import generate
from tests.conftest import SEED

QUERIES = ["Lavrov", "Лавров", "sanctions", "санкции", "question", "ответ", "security council", "переговоры"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """English/Russian pairs: enough files for the helper thread (PARALLEL_FROM) and several batches."""
    files = generate(tmp_path_factory.mktemp("corpus"), 260, seed=3)
    assert len(files) > importer.PARALLEL_FROM
    return files


def found(lib: Library, query: str) -> list[tuple[str, str]]:
    """The results a user sees for `query`, in order: (title, language) of every hit."""
    result = lib.search(query, limit=None)
    return [(hit.title, hit.language) for hit in result.hits]


def index_problems(path: Path) -> list[str]:
    """What the full-text index says is wrong with itself, and where it differs from an index made here,
    by SQLite alone, of the stored texts (ё folded): a word indexed twice, or missing, changes ranking."""
    conn = sqlite3.connect(path)
    try:
        problems = []
        try:
            conn.execute("INSERT INTO transcripts_fts (transcripts_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as err:
            problems.append(str(err))
        fold = "replace(replace({0}, 'ё', 'е'), 'Ё', 'Е')"
        conn.executescript(
            f"""
            ATTACH ':memory:' AS ref;
            CREATE VIRTUAL TABLE ref.fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ref.fts (rowid, title, body) SELECT id, {fold.format("title")}, {fold.format("body")}
                FROM main.transcripts;
            CREATE VIRTUAL TABLE temp.library_words USING fts5vocab (main, transcripts_fts, instance);
            CREATE VIRTUAL TABLE temp.reference_words USING fts5vocab (ref, fts, instance);
            """
        )
        for name, sql in {
            "indexed but not in the texts": "SELECT * FROM library_words EXCEPT SELECT * FROM reference_words",
            "in the texts but not indexed": "SELECT * FROM reference_words EXCEPT SELECT * FROM library_words",
        }.items():
            if wrong := conn.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]:
                problems.append(f"{wrong} words {name}")
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("library_words", "reference_words")]
        if counts[0] != counts[1]:
            problems.append(f"{counts[0]} words indexed, {counts[1]} in the texts")
        return problems
    finally:
        conn.close()


def test_a_bulk_import_finds_what_importing_one_file_at_a_time_finds(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 64)  # several batches, the last one partial
    with Library.open(tmp_path / "bulk.sqlite") as bulk, Library.open(tmp_path / "single.sqlite") as single:
        report = import_paths(bulk, [corpus[0].parent.parent])
        assert len(report.of_kind(OutcomeKind.IMPORTED)) == len(corpus)
        for file in corpus:
            import_paths(single, [file])
        assert [s.title for s in bulk.summaries()] == [s.title for s in single.summaries()]
        assert all(bulk.versions(s.id) == single.versions(s.id) for s in single.summaries())
        for query in QUERIES:
            assert found(bulk, query) == found(single, query), query
        assert any(found(bulk, query) for query in QUERIES)
    assert index_problems(tmp_path / "bulk.sqlite") == []


def test_a_corrected_text_in_the_same_batch_replaces_the_first_in_the_search(tmp_path):
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(
        SEED.read_text(encoding="utf-8").replace("couture ministries", "culture ministries"), encoding="utf-8"
    )
    with Library.open(tmp_path / "lib.sqlite") as lib:
        first, second = import_paths(lib, [SEED, fixed]).outcomes
        assert (first.kind, second.kind) == (OutcomeKind.IMPORTED, OutcomeKind.UPDATED)
        assert len(found(lib, "culture")) == 1
        assert found(lib, "couture") == []
    assert index_problems(tmp_path / "lib.sqlite") == []


def test_a_library_made_before_batch_indexing_finds_old_and_new_transcripts_once(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    before = schema.MIGRATIONS[: schema.MIGRATION_NAMES.index("0006_index_by_batch")]
    with monkeypatch.context() as m:  # the schema as the previous version made it: a trigger indexes rows
        m.setattr(schema, "MIGRATIONS", before)
        m.setattr(library, "MIGRATION_NAMES", tuple(name for name, _ in before))
        with Library.open(path) as lib:
            import_paths(lib, [SEED])
    ru = tmp_path / "ru.txt"
    ru.write_text(
        "22 марта 202101:00\n\nИнтервью С.В.Лаврова китайским СМИ, Москва, 22 марта 2021 года\n\n"
        "  • en-GB1 ru-RU1\n\nВопрос: Что ещё вы ожидаете?\n\nС.В.Лавров: Всё будет хорошо, её позиция ясна.\n",
        encoding="utf-8",
    )
    with Library.open(path) as lib:
        [outcome] = import_paths(lib, [ru]).outcomes
        assert outcome.kind is OutcomeKind.IMPORTED
        assert len(found(lib, "Lavrov")) == 1
        assert len(found(lib, "еще")) == 1  # ё is folded for the index as before
        assert len(found(lib, "ВСЕ")) == 1
    assert index_problems(path) == []


def test_an_unexpected_error_while_parsing_ahead_stops_the_import_and_says_so(corpus, tmp_path, monkeypatch):
    from reader.core import parse

    parse_file = parse.parse_file

    def broken(path):  # a bug in the parser, not a bad file
        if Path(path) == corpus[100]:
            raise RuntimeError("the parser broke")
        return parse_file(path)

    monkeypatch.setattr(parse, "parse_file", broken)
    with Library.open(tmp_path / "lib.sqlite") as lib, pytest.raises(RuntimeError, match="the parser broke"):
        import_paths(lib, corpus)
