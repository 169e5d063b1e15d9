"""Backups of the library: automatic before every schema upgrade and once a day, on demand, and restore.

Every copy is made with SQLite's online backup API (`Library.backup`), never by copying the file of an
open database. Backups go to a `backups/` folder beside the library, named
`<library>.<YYYY-MM-DD_HH-MM-SS>.<reason>.sqlite`; of the automatic ones (`daily`, `before-<migration>`)
the newest 7 are kept, the others (`manual`, `replaced` by a restore) stay until the user removes them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.core.library import Library, LibraryError, backup_database, check_backup, copy_database, settle_library

KEEP = 7
"""Automatic backups kept per library; older ones are removed when a new one is made."""
FOLDER = "backups"
DAILY = "daily"
MANUAL = "manual"
REPLACED = "replaced"  # the library as it was before a restore replaced it
_BEFORE = "before-"  # + the first pending migration's name
_STAMP = "%Y-%m-%d_%H-%M-%S"


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken: dt.datetime  # local time, to the second, from the name
    reason: str  # daily, manual, replaced or before-<migration>

    @property
    def automatic(self) -> bool:
        return self.reason == DAILY or self.reason.startswith(_BEFORE)


@dataclass(frozen=True, slots=True)
class Restored:
    library: Path
    replaced: Path | None  # where the library that was replaced is kept (None: there was none)


def backups_folder(library_path: str | os.PathLike[str]) -> Path:
    """The `backups/` folder beside the library file (for the default library: in the user data folder)."""
    return Path(library_path).expanduser().parent / FOLDER


def backups(library_path: str | os.PathLike[str], folder: Path | None = None) -> list[BackupFile]:
    """The backups of this library in `folder` (default: its backups folder), newest first."""
    library_path = Path(library_path).expanduser()
    folder = folder or backups_folder(library_path)
    pattern = re.compile(
        re.escape(library_path.stem) + r"\.(\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:-\d+)?\.([a-z0-9_-]+)\.sqlite"
    )
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = pattern.fullmatch(path.name)
            if m and path.is_file():
                found.append(BackupFile(path, dt.datetime.strptime(m[1], _STAMP), m[2]))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def take_backup(
    library: Library, *, reason: str = MANUAL, folder: Path | None = None, now: dt.datetime | None = None
) -> Path:
    """Back the library up into its backups folder; automatic ones are rotated (the newest `KEEP` stay)."""
    folder = folder or backups_folder(library.path)
    path = library.backup(_new_backup_path(folder, library.path, reason, now))
    if BackupFile(path, dt.datetime.now(), reason).automatic:
        rotate(library.path, folder)
    return path


def backup_if_due(library: Library, folder: Path | None = None, *, now: dt.datetime | None = None) -> Path | None:
    """Once a day, when the app has started: a `daily` backup unless an automatic one was made today.

    Returns the new backup, or None when none was due. Raises LibraryError (with a message) on failure.
    """
    now = now or dt.datetime.now()
    folder = folder or backups_folder(library.path)
    if any(b.automatic and b.taken.date() == now.date() for b in backups(library.path, folder)):
        return None
    return take_backup(library, reason=DAILY, folder=folder, now=now)


def backup_before_migration(conn: sqlite3.Connection, library_path: Path, pending: list[str]) -> Path:
    """The library as it was before a schema upgrade; the upgrade does not start when this fails."""
    folder = backups_folder(library_path)
    try:
        path = backup_database(conn, _new_backup_path(folder, library_path, _BEFORE + pending[0], None))
    except LibraryError as err:
        raise LibraryError(
            f"The library {library_path} needs an upgrade, but it could not be backed up first ({err}); "
            "it was left untouched."
        ) from err
    rotate(library_path, folder)
    return path


def rotate(library_path: Path, folder: Path | None = None, *, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest `keep` automatic backups of the library; returns the removed files."""
    removed = []
    for b in [b for b in backups(library_path, folder) if b.automatic][keep:]:
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def restore_backup(
    backup: str | os.PathLike[str], library_path: str | os.PathLike[str], *, now: dt.datetime | None = None
) -> Restored:
    """Make `backup` the library at `library_path`, atomically, keeping the library it replaces.

    The backup must open and pass `integrity_check` first; the library must not be open elsewhere (close
    the window). The replaced library is kept in the backups folder as `….replaced.sqlite` (a damaged one
    is moved there whole).
    """
    backup, library_path = Path(backup).expanduser(), Path(library_path).expanduser()
    check_backup(backup)
    if library_path.exists() and backup.resolve() == library_path.resolve():
        raise LibraryError(f"{backup} is the library itself, not a backup of it.")
    settle_library(library_path)
    folder = backups_folder(library_path)
    staged = library_path.with_name(f".{library_path.name}.restoring.tmp")
    try:
        copy_database(backup, staged)
        replaced = None
        if library_path.exists():
            replaced = _new_backup_path(folder, library_path, REPLACED, now)
            try:
                copy_database(library_path, replaced)
            except LibraryError:  # damaged beyond copying: keep the file itself
                folder.mkdir(parents=True, exist_ok=True)
                os.replace(library_path, replaced)
            for suffix in ("-wal", "-shm"):  # a log left beside the old file must not meet the new one
                side = library_path.with_name(library_path.name + suffix)
                if side.exists():
                    os.replace(side, replaced.with_name(replaced.name + suffix))
        os.replace(staged, library_path)
    except OSError as err:
        raise LibraryError(f"Could not restore {library_path}: {err.strerror or err}; it was left as it was.") from err
    finally:
        staged.unlink(missing_ok=True)
    return Restored(library_path, replaced)


def _new_backup_path(folder: Path, library_path: Path, reason: str, now: dt.datetime | None) -> Path:
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    path = folder / f"{library_path.stem}.{stamp}.{reason}.sqlite"
    n = 1
    while path.exists():  # two backups within one second
        n += 1
        path = folder / f"{library_path.stem}.{stamp}-{n}.{reason}.sqlite"
    return path
