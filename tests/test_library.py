"""The library file: created on first use, migrated, refuses what it cannot open, never half-writes."""

import datetime as dt
import shutil
import sqlite3

import pytest

from reader.core.importer import import_paths, open_library
from reader.core.library import Library, LibraryError, UnknownTranscript
from reader.core.model import OutcomeKind
from tests.conftest import SEED


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        yield lib


def fts_count(library, query):
    conn = sqlite3.connect(library.path)
    try:
        return conn.execute("SELECT count(*) FROM transcripts_fts WHERE transcripts_fts MATCH ?", (query,)).fetchone()[
            0
        ]
    finally:
        conn.close()


def test_new_library_is_created_with_wal_and_schema(tmp_path):
    path = tmp_path / "deep" / "folder" / "lib.sqlite"
    with Library.open(path) as lib:
        assert lib.created
        assert lib.count() == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"transcripts", "paragraphs", "revisions", "transcripts_fts", "transcripts_published"} <= names
    conn.close()
    with Library.open(path) as again:
        assert not again.created


def test_a_large_import_leaves_no_free_pages_in_the_file(tmp_path):
    """The full-text index frees pages as it merges its segments during a big import; a new library
    gives them back, so its file is the size of what it holds (450 files left ~130 pages free before)."""
    from tests.bench.corpus import generate

    generate(tmp_path / "files", 450)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = import_paths(lib, [tmp_path / "files"])
        assert len(report.of_kind(OutcomeKind.IMPORTED)) == 450
        assert lib.integrity_ok()
    conn = sqlite3.connect(tmp_path / "lib.sqlite")
    assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM transcripts_fts WHERE transcripts_fts MATCH 'Lavrov'").fetchone()[0] > 0
    conn.close()


def test_seed_is_stored_and_read_back(library):
    report = import_paths(library, [SEED])
    [outcome] = report.outcomes
    assert outcome.kind is OutcomeKind.IMPORTED
    t = library.transcript(outcome.id)
    assert t.published_date == dt.date(2021, 3, 22)
    assert t.published_time == dt.time(1, 0)
    assert t.title.startswith("Foreign Minister Sergey Lavrov")
    assert t.available_languages == ("en-GB", "ru-RU")
    assert [turn.speaker for turn in t.turns] == ["Question", "Sergey Lavrov"] * 5
    assert t.source_file == str(SEED)
    assert library.days_with_transcripts(2021, 3) == {dt.date(2021, 3, 22): 1}
    assert library.month_counts() == [(2021, 3, 1)]
    assert library.latest().id == t.id


def test_same_text_twice_is_a_duplicate_not_a_second_copy(library, tmp_path):
    copy = tmp_path / "copy.txt"
    # The same page saved from another section: other blank/NBSP lines, same text.
    copy.write_text(SEED.read_text(encoding="utf-8").replace("\n\u00a0\n", "\n\n"), encoding="utf-8")
    first = import_paths(library, [SEED]).outcomes[0]
    second = import_paths(library, [copy]).outcomes[0]
    assert second.kind is OutcomeKind.DUPLICATE
    assert second.id == first.id
    assert library.count() == 1


def test_changed_text_of_the_same_document_becomes_a_new_revision(library, tmp_path):
    first = import_paths(library, [SEED]).outcomes[0]
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(
        SEED.read_text(encoding="utf-8").replace("couture ministries", "culture ministries"), encoding="utf-8"
    )
    second = import_paths(library, [fixed]).outcomes[0]
    assert second.kind is OutcomeKind.UPDATED
    assert second.id == first.id  # whatever the user attached to the transcript stays attached
    t = library.transcript(first.id)
    assert t.revision == 2
    assert "culture ministries" in t.text and "couture" not in t.text
    assert library.count() == 1
    conn = sqlite3.connect(library.path)
    [(old_body,)] = conn.execute("SELECT body FROM revisions WHERE transcript_id = ?", (first.id,)).fetchall()
    assert "couture ministries" in old_body
    # the full-text index follows the new text
    assert fts_count(library, "culture") == 1
    assert fts_count(library, "couture") == 0


def test_full_text_index_folds_yo_and_follows_deletes(library, tmp_path):
    ru = tmp_path / "ru.txt"
    ru.write_text(
        "22 марта 202101:00\n\nИнтервью С.В.Лаврова китайским СМИ, Москва, 22 марта 2021 года\n\n"
        "  • en-GB1 ru-RU1\n\nВопрос: Что ещё вы ожидаете?\n\nС.В.Лавров: Всё будет хорошо, её позиция ясна.\n",
        encoding="utf-8",
    )
    [outcome] = import_paths(library, [ru]).outcomes
    assert outcome.kind is OutcomeKind.IMPORTED, outcome.message
    assert fts_count(library, "еще") == 1
    assert fts_count(library, "ВСЕ") == 1
    library.delete(outcome.id)
    assert fts_count(library, "еще") == 0
    with pytest.raises(UnknownTranscript):
        library.transcript(outcome.id)


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not an SQLite database"):
        Library.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Transcript Reader library"):
        Library.open(path)


def test_a_library_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        import_paths(lib, [SEED])
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('transcript-reader', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_failed_write_leaves_the_library_as_it_was(library, tmp_path):
    import_paths(library, [SEED])
    big = tmp_path / "big"
    big.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(5):
        (big / f"{i}.txt").write_text(text.replace("March 22, 2021", f"March {i + 1}, 2020") * 1, encoding="utf-8")
    # Simulate a full disk: the database may not grow any further.
    pages = library._conn.execute("PRAGMA page_count").fetchone()[0]
    library._conn.execute(f"PRAGMA max_page_count = {pages}")
    report = import_paths(library, [big])
    assert len(report.outcomes) == 5
    assert all(o.kind is OutcomeKind.FAILED and o.reason == "storage" for o in report.outcomes)
    assert "full" in report.outcomes[0].message
    assert library.count() == 1
    assert library.integrity_ok()
    library._conn.execute("PRAGMA max_page_count = 1073741823")
    report = import_paths(library, [big])
    assert [o.kind for o in report.outcomes] == [OutcomeKind.IMPORTED] * 5


def test_every_file_of_a_batch_gets_an_outcome(library, tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "sub" / "seed.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "chrome.txt").write_text(
        "Showing 1 result.\n\nCalendar\n\nArchive\n\nAdvanced settings", encoding="utf-8"
    )
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    report = import_paths(library, [folder, tmp_path / "missing.txt"])
    by_name = {o.file.rsplit("/", 1)[-1]: o for o in report.outcomes}
    assert set(by_name) == {"seed.txt", "empty.txt", "picture.txt", "chrome.txt", "missing.txt"}
    assert by_name["seed.txt"].kind is OutcomeKind.IMPORTED
    assert by_name["empty.txt"].reason == "empty_file"
    assert by_name["picture.txt"].reason == "not_text"
    assert by_name["chrome.txt"].reason == "no_body"
    assert by_name["missing.txt"].reason == "unreadable"
    assert all(o.message for o in report.failed)
    assert library.count() == 1


def test_new_default_library_gets_the_sample_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_library(None) as lib:
        assert lib.path == tmp_path / "data" / "transcript-reader" / "library.sqlite"
        [sample] = lib.summaries()
        assert sample.published_date == dt.date(2021, 3, 22)
        lib.delete(sample.id)
    with open_library(None) as lib:  # the user deleted it: it does not come back
        assert lib.count() == 0


def test_changes_are_announced_after_commit(library):
    seen = []
    library.subscribe(lambda: seen.append(library.count()))
    import_paths(library, [SEED])
    assert seen == [1]


def test_core_never_imports_qt():
    import subprocess
    import sys

    code = (
        "import pkgutil, importlib, sys, reader.core\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'qtawesome'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
