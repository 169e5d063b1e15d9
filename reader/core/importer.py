"""Import files and folders into a library: every file gets an outcome, progress is reported.

Files are parsed one by one and stored in batches, each batch in one transaction: a transcript is
reported done only once its batch is committed, and a crash never leaves half of one stored.
"""

from __future__ import annotations

import collections
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.library import Library, LibraryError
from reader.core.library import open_library as open_library  # where callers have found it
from reader.core.model import ImportFailure, ImportOutcome, OutcomeKind, Transcript

BATCH_SIZE = 200
PARALLEL_FROM = 64  # files; below this a parsing thread is not worth starting
AHEAD = BATCH_SIZE + 56  # parsed transcripts waiting to be stored: the next batch is ready when it is due
LOW_WATER = 16  # fewer parsed ones waiting than this, and the helper parses whatever the library does
PROGRESS_EVERY = 50  # files

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file)"""


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    def of_kind(self, kind: OutcomeKind) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.kind is kind]

    @property
    def failed(self) -> list[ImportOutcome]:
        return self.of_kind(OutcomeKind.FAILED)

    def summary(self) -> str:
        counts = {kind: len(self.of_kind(kind)) for kind in OutcomeKind}
        text = (
            f"{counts[OutcomeKind.IMPORTED]} imported, {counts[OutcomeKind.UPDATED]} updated, "
            f"{counts[OutcomeKind.DUPLICATE]} already in the library, {counts[OutcomeKind.FAILED]} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given, and the `*.txt` files inside folders (recursively, in a stable order)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(Path(root) / name for name in sorted(files) if name.lower().endswith(".txt"))
            yield from found
        else:
            yield path


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import every file under `paths`; files that fail are reported and never stop the batch."""
    files = list(expand_paths(paths))
    parsed_files = _ParsedFiles(files, cancelled)
    report = ImportReport()
    batch: list[Transcript] = []
    done = 0

    def flush() -> None:
        nonlocal done
        if not batch:
            return
        try:
            report.outcomes.extend(library.store(batch, on_indexing=parsed_files.indexing))
        except LibraryError as err:
            report.outcomes.extend(
                ImportOutcome(t.source_file or "", OutcomeKind.FAILED, reason="storage", message=str(err))
                for t in batch
            )
        done += len(batch)
        batch.clear()

    for file, parsed in parsed_files:
        if isinstance(parsed, ImportFailure):
            report.outcomes.append(
                ImportOutcome(str(file), OutcomeKind.FAILED, reason=parsed.reason, message=parsed.message)
            )
            done += 1
        else:
            batch.append(parsed)
        # `done` counts only committed (or failed) files: what progress calls done survives a crash.
        if len(batch) >= BATCH_SIZE:
            flush()
            if progress:
                progress(done, len(files), str(file))
        elif progress and (done + len(batch)) % PROGRESS_EVERY == 0:
            progress(done, len(files), str(file))
    report.cancelled = bool(cancelled and cancelled()) and done + len(batch) < len(files)
    flush()
    if report.outcomes:
        library.give_back_free_pages()
    if progress:
        progress(done, len(files), "")
    return report


def _parse_or_failure(file: Path) -> Transcript | ImportFailure:
    try:
        from reader.core.parse import parse_file  # not at import: opening the window needs no parser

        return parse_file(file)
    except ImportFailure as failure:
        return failure


class _ParsedFiles:
    """The files parsed in order: on a helper thread beside the storing when there are many.

    Storing holds the GIL except while SQLite indexes and commits a batch, some 60 % of its time; so the
    helper parses then (`indexing`, handed to `Library.store`), or when few parsed files are left.
    Parsing at any other time only takes turns with the storing for the GIL: with a free-running
    helper, storing slowed by as much as parsing took, and the import used one core of two. At most
    AHEAD files wait parsed, so memory stays flat for any number of files.
    """

    def __init__(self, files: list[Path], cancelled: Callable[[], bool] | None) -> None:
        self._files = files
        self._cancelled = cancelled
        self._ready: collections.deque[tuple[Path, Transcript | ImportFailure]] = collections.deque()
        self._changed = threading.Condition()
        self._indexing = False  # the library is indexing a batch: SQLite's work, the GIL free
        self._stop = False  # set by the consumer: parse no more
        self._finished = False  # set by the helper: nothing more will come
        self._error: BaseException | None = None  # an unexpected error of the helper, raised here

    def indexing(self, active: bool) -> None:
        with self._changed:
            self._indexing = active
            self._changed.notify_all()

    def __iter__(self) -> Iterator[tuple[Path, Transcript | ImportFailure]]:
        if len(self._files) < PARALLEL_FROM:
            for file in self._files:
                if self._cancelled and self._cancelled():
                    return
                yield file, _parse_or_failure(file)
            return
        helper = threading.Thread(target=self._parse_ahead, name="parse-files", daemon=True)
        helper.start()
        try:
            while True:
                with self._changed:
                    self._changed.wait_for(lambda: self._ready or self._finished)
                    if not self._ready:
                        if self._error is not None:
                            raise self._error
                        return
                    item = self._ready.popleft()
                    if len(self._ready) < LOW_WATER:
                        self._changed.notify_all()
                yield item
                if self._cancelled and self._cancelled():
                    return
        finally:
            with self._changed:
                self._stop = True
                self._changed.notify_all()
            helper.join()

    def _may_parse(self) -> bool:
        waiting = len(self._ready)
        return self._stop or waiting < LOW_WATER or (self._indexing and waiting < AHEAD)

    def _parse_ahead(self) -> None:
        try:
            for file in self._files:
                with self._changed:
                    self._changed.wait_for(self._may_parse)
                    if self._stop:
                        return
                parsed = _parse_or_failure(file)
                with self._changed:
                    self._ready.append((file, parsed))
                    self._changed.notify_all()
        except BaseException as err:  # a bug, not a bad file: the import stops and says so
            self._error = err
        finally:
            with self._changed:
                self._finished = True
                self._changed.notify_all()
