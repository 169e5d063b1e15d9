"""Backups of the library: online backup while it is in use, automatic before a schema upgrade and once a
day (the newest 7 kept), on demand from the command line, and restore."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.backup import (
    KEEP,
    backup_if_due,
    backups,
    backups_folder,
    restore_backup,
    take_backup,
)
from reader.core.importer import import_paths
from reader.core.library import Library, LibraryError
from tests.conftest import ROOT, SEED


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "library.sqlite") as lib:
        [outcome] = import_paths(lib, [SEED]).outcomes
        lib.add_transcript_note(outcome.id, "first thoughts")
        yield lib


def notes(path):
    with Library.open(path, read_only=True) as lib:
        return sorted(a.note for a in lib.annotations())


def test_a_backup_is_one_sound_file_with_everything_even_while_another_program_writes(library, tmp_path):
    other = Library.open(library.path)  # the window, say, holding the same file open
    [seed] = other.summaries()
    other.add_transcript_note(seed.id, "written by the other program")
    dest = library.backup(tmp_path / "copies" / "copy.sqlite")
    other.close()
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.sqlite"]  # no -wal, no temporary file
    assert notes(dest) == ["first thoughts", "written by the other program"]
    with Library.open(dest) as copy:
        assert copy.integrity_ok() and copy.count() == 1


def test_a_daily_backup_is_made_once_a_day_and_the_newest_seven_are_kept(library):
    folder = backups_folder(library.path)
    assert folder == library.path.parent / "backups"
    day = dt.datetime(2024, 5, 1, 9, 30)
    manual = take_backup(library, now=day - dt.timedelta(days=30))
    first = backup_if_due(library, now=day)
    assert first is not None and first.parent == folder and first.name == "library.2024-05-01_09-30-00.daily.sqlite"
    assert backup_if_due(library, now=day + dt.timedelta(hours=8)) is None  # the same day: not again
    for n in range(1, 10):
        assert backup_if_due(library, now=day + dt.timedelta(days=n)) is not None
    kept = backups(library.path)
    daily = [b for b in kept if b.reason == "daily"]
    assert len(daily) == KEEP == 7
    assert [b.taken.day for b in daily] == [10, 9, 8, 7, 6, 5, 4]
    assert manual in [b.path for b in kept]  # made on demand: never rotated away
    assert notes(daily[0].path) == ["first thoughts"]


def test_an_upgrade_of_the_schema_is_preceded_by_a_backup_of_the_library_as_it_was(tmp_path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        [outcome] = import_paths(lib, [SEED]).outcomes
        lib.add_transcript_note(outcome.id, "made before the upgrade")
    conn = sqlite3.connect(path)  # make it a library of the version before 0005_export
    conn.execute("DROP TABLE unmatched_annotations")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_export'")
    conn.commit()
    conn.close()
    assert not (tmp_path / "backups").exists()
    with Library.open(path) as lib:
        assert lib.unmatched_annotations() == []  # upgraded
    [before] = backups(path)
    assert before.reason == "before-0005_export" and before.automatic
    conn = sqlite3.connect(before.path)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "unmatched_annotations" not in tables and "annotations" in tables  # as it was
    assert notes(tmp_path / "library.sqlite") == ["made before the upgrade"]
    with Library.open(path):  # nothing more to upgrade: no more backups
        pass
    assert len(backups(path)) == 1


def test_a_new_library_is_not_backed_up_before_its_first_schema(tmp_path):
    Library.open(tmp_path / "new.sqlite").close()
    assert not (tmp_path / "backups").exists()


def test_restore_brings_the_backup_back_and_keeps_the_library_it_replaced(library, tmp_path):
    backup = take_backup(library)
    [seed] = library.summaries()
    library.add_transcript_note(seed.id, "written after the backup")
    path = library.path
    library.close()
    restored = restore_backup(backup, path)
    assert restored.library == path and restored.replaced is not None
    assert notes(path) == ["first thoughts"]
    assert notes(restored.replaced) == ["first thoughts", "written after the backup"]
    assert not path.with_name(path.name + "-wal").exists()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []  # no leftovers


def test_restore_refuses_a_damaged_or_foreign_file_and_leaves_the_library_as_it_was(library, tmp_path):
    backup = take_backup(library)
    path = library.path
    library.close()
    before = path.read_bytes()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(backup.read_bytes())
    data[4096:8192] = b"\x5a" * 4096  # a page of garbage
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    for bad, message in (
        (damaged, "damaged|cannot be read"),
        (foreign, "not a Transcript Reader library"),
        (text, "not a Transcript Reader library"),
        (tmp_path / "missing.sqlite", "There is no backup file"),
        (path, "is the library itself"),
    ):
        with pytest.raises(LibraryError, match=message):
            restore_backup(bad, path)
        assert path.read_bytes() == before
    assert [b.reason for b in backups(path)] == ["manual"]  # nothing replaced, nothing kept aside


def test_restore_refuses_while_the_library_is_open_elsewhere(library):
    backup = take_backup(library)
    with pytest.raises(LibraryError, match="open in another program"):
        restore_backup(backup, library.path)
    assert notes(library.path) == ["first thoughts"]


def test_restore_replaces_a_library_too_damaged_to_open(library, tmp_path):
    backup = take_backup(library)
    path = library.path
    library.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a wrecked file
    restored = restore_backup(backup, path)
    assert notes(path) == ["first thoughts"]
    assert restored.replaced is not None and restored.replaced.read_bytes().startswith(b"SQLite format 3")


def test_a_backup_into_an_unwritable_folder_is_a_clear_message(library, tmp_path):
    folder = Path("/sys") if os.geteuid() == 0 else tmp_path / "locked"
    if folder != Path("/sys"):
        folder.mkdir()
        folder.chmod(0o500)
    elif not folder.is_dir():
        pytest.skip("no folder that refuses root here")
    with pytest.raises(LibraryError, match="Could not write the backup|Cannot create the folder"):
        library.backup(folder / "copy.sqlite")
    assert not (folder / "copy.sqlite").exists()


# -- command line ---------------------------------------------------------------------------------------


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_cli_backup_and_restore(library, tmp_path):
    path = library.path
    library.close()
    made = cli("backup", "--library", path)
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.parent == tmp_path / "backups" and backup.name.endswith(".manual.sqlite")
    out = tmp_path / "copy.sqlite"
    assert cli("backup", "--library", path, "--out", out).returncode == 0 and notes(out) == ["first thoughts"]
    refused = cli("backup", "--library", path, "--out", out)
    assert refused.returncode == 1 and "exists already" in refused.stderr
    assert cli("backup", "--library", path, "--out", out, "--force").returncode == 0

    with Library.open(path) as lib:
        lib.add_transcript_note(lib.summaries()[0].id, "a later note")
    done = cli("restore", out, "--library", path)
    assert done.returncode == 0, done.stderr
    assert "Restored" in done.stderr and "kept as" in done.stderr
    assert notes(path) == ["first thoughts"]
    bad = cli("restore", tmp_path / "missing.sqlite", "--library", path)
    assert bad.returncode == 1 and "no backup file" in bad.stderr and "Traceback" not in bad.stderr
