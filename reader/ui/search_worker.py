"""Searching off the UI thread: one worker thread with its own library connection, newest request first.

The window hands over a `SearchRequest`; the worker runs it, then the follow-ups the window asks for
or the search implies (snippets for the rows on screen, more rows, the histogram, the calendar's
marks), always the newest search's first. A newer search supersedes an older one: the older one's
remaining work is dropped, and a statement still running for it is stopped with
`Library.interrupt()`. Every result carries its request's generation, so the window drops anything
that arrives for a search it has left.

A plain Python thread rather than a QThread: it may outlive the window by the few milliseconds an
interrupted statement takes to stop, and a thread that Qt does not own cannot abort the process when
its window is destroyed first. Results cross to the UI thread as queued Qt signals.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.core.library import Library, LibraryError, SearchInterrupted
from reader.core.model import ColorLegendEntry
from reader.core.search import Matcher, Query, QueryError, SearchFilters, Snippet

PAGE_SIZE = 100
SNIPPET_WIDTH = 220  # characters around the first hit: two lines of the results list and some to spare
SNIPPET_BATCH = 8  # snippets read and sent to the window at a time, so the first rows fill in at once


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What the user asked for; `generation` grows with every new search."""

    generation: int
    query: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: str = "relevance"
    first_snippets: int = 0  # snippets of this many first rows come right after them (the rows on screen)


@dataclass(frozen=True, slots=True)
class ResultRow:
    """A row of the results list: plain data, safe on any thread (a core SearchHit holds the worker's
    connection in its snippet function)."""

    id: int
    date: dt.date | None
    time: dt.time | None
    title: str
    language: str
    doc_type: str


@dataclass(frozen=True, slots=True)
class ResultPage:
    generation: int
    offset: int
    total: int
    rows: tuple[ResultRow, ...]
    query: Query  # parsed, with `expansions`: the window matches titles and the open text with them
    expansions: dict[str, tuple[str, ...]]
    sort: str  # as run: a search without words is always by date
    seconds: float = 0.0  # how long the library took


@dataclass(frozen=True, slots=True)
class SearchChoices:
    """What the filter fields offer: the library's speakers and places (most frequent first), the tags
    used in annotations (most used first) and the colour legend."""

    speakers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    legend: tuple[ColorLegendEntry, ...] = ()


# Order of work for the current search: what the user looks at first. The speakers and places the
# filter fields complete (_CHOICES) belong to no search: they wait behind every search's work.
_SEARCH, _SNIPPETS, _PAGE, _MONTHS, _DAYS, _CHOICES = range(6)


@dataclass(slots=True)
class _Task:
    kind: int
    generation: int
    request: SearchRequest
    ids: tuple[int, ...] = ()  # snippets: of these transcripts
    months: tuple[tuple[int, int], ...] = ()  # days: of these months
    offset: int = 0  # page: from this row
    retried: bool = False


class SearchRunner(QObject):
    """The worker thread and its queue; the window's side of it. Signals arrive on the UI thread."""

    page_ready = Signal(object)  # ResultPage
    failed = Signal(int, str)  # generation, a message for people
    snippets_ready = Signal(int, object)  # generation, {transcript id: Snippet}
    months_counted = Signal(int, object)  # generation, {(year, month): n}
    days_counted = Signal(int, object)  # generation, {date: n}
    choices_ready = Signal(object)  # SearchChoices
    idle = Signal()  # the queue ran empty (tests and benchmarks wait for it)

    def __init__(self, library_path: Path, *, read_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchRunner")
        self.library_path = Path(library_path)
        self.read_only = read_only
        self._lock = threading.Condition()
        self._tasks: list[_Task] = []
        self._generation = 0  # the newest search submitted
        self._running: _Task | None = None
        self._library: Library | None = None  # the worker's own; only interrupt() is called from here
        self._matchers: dict[int, Matcher] = {}  # generation → its words as expressions (worker thread only)
        self._thread: threading.Thread | None = None
        self._closed = False
        self.before_task: Callable[[str], None] | None = None  # tests: a hook run on the worker thread

    # -- the window's calls ----------------------------------------------------------------------

    def submit(self, request: SearchRequest) -> None:
        """Run this search, dropping whatever is left of older ones and stopping a running one."""
        with self._lock:
            self._generation = max(self._generation, request.generation)
            self._tasks = [t for t in self._tasks if t.kind == _CHOICES] + [_Task(_SEARCH, request.generation, request)]
            running = self._running
            if running is not None and running.generation < request.generation and self._library is not None:
                self._library.interrupt()
            self._start_locked()
            self._lock.notify()

    def want_snippets(self, request: SearchRequest, ids: list[int]) -> None:
        self._add(_Task(_SNIPPETS, request.generation, request, ids=tuple(ids)))

    def want_page(self, request: SearchRequest, offset: int) -> None:
        self._add(_Task(_PAGE, request.generation, request, offset=offset))

    def want_choices(self) -> None:
        """The speakers, places, tags and colours for the filter fields (most of a second on a large library)."""
        self._add(_Task(_CHOICES, -1, SearchRequest(-1, "")))

    def cancel(self) -> None:
        """Leave searching: drop every task and stop the running one."""
        with self._lock:
            self._generation += 1
            self._tasks = [t for t in self._tasks if t.kind == _CHOICES]
            if self._running is not None and self._running.kind != _CHOICES and self._library is not None:
                self._library.interrupt()

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running is not None or bool(self._tasks)

    def close(self, *, wait: float = 2.0) -> None:
        """Stop the worker (the window is closing) and wait for it a moment; it closes its connection
        itself. A request after this starts a new one."""
        with self._lock:
            self._closed = True
            self._tasks = []
            if self._running is not None and self._library is not None:
                self._library.interrupt()
            self._lock.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(wait)

    # -- queue -------------------------------------------------------------------------------------

    def _add(self, task: _Task) -> None:
        with self._lock:
            if self._closed or self._stale_locked(task):
                return
            self._tasks.append(task)
            self._start_locked()
            self._lock.notify()

    def _start_locked(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._work, name="search", daemon=True)
            self._thread.start()

    def _next_task(self) -> _Task | None:
        """The most urgent task of the newest search; waits for one. None: closing."""
        with self._lock:
            self._running = None
            while True:
                if self._closed:
                    return None
                self._tasks = [t for t in self._tasks if not self._stale_locked(t)]
                if self._tasks:
                    task = min(self._tasks, key=lambda t: t.kind)  # stable: first come first among equals
                    self._tasks.remove(task)
                    self._running = task
                    return task
                self._emit(self.idle)
                self._lock.wait()

    def _stale(self, task: _Task) -> bool:
        with self._lock:
            return self._closed or self._stale_locked(task)

    def _stale_locked(self, task: _Task) -> bool:
        return task.kind != _CHOICES and task.generation != self._generation

    # -- the worker thread -------------------------------------------------------------------------

    def _work(self) -> None:
        opened = False
        try:
            self._library = Library.open(self.library_path, read_only=self.read_only)
            opened = True
            while (task := self._next_task()) is not None:
                self._run(task)
        except LibraryError as err:
            self._emit(self.failed, self._generation, f"The library could not be opened for searching: {err}")
        finally:
            library, self._library = self._library, None
            if library is not None:
                library.close()
            with self._lock:  # stopped: a later request starts a new worker (close() is not the end)
                self._thread = None
                self._running = None
                self._closed = False
                if not opened:
                    self._tasks = []
                elif self._tasks:
                    self._start_locked()

    def _run(self, task: _Task) -> None:
        if self.before_task is not None:
            self.before_task(("search", "snippets", "page", "months", "days", "choices")[task.kind])
        try:
            if task.kind in (_SEARCH, _PAGE):
                self._search(task)
            elif task.kind == _SNIPPETS:
                self._snippets(task)
            elif task.kind == _MONTHS:
                self._months(task)
            elif task.kind == _DAYS:
                self._days(task)
            else:
                self._choices()
        except (SearchInterrupted, sqlite3.OperationalError) as err:
            interrupted = isinstance(err, SearchInterrupted) or "interrupt" in str(err)
            if self._stale(task):
                return
            if interrupted and (task.kind == _CHOICES or not task.retried):  # stopped for a newer search, still wanted
                task.retried = True
                self._add(task)
            else:
                self._emit(self.failed, task.generation, _plain(err))
        except QueryError as err:
            self._emit(self.failed, task.generation, err.message)
        except (LibraryError, sqlite3.Error) as err:
            self._emit(self.failed, task.generation, _plain(err))
        except Exception as err:  # a search must never take the window down; say it in plain words
            from reader.ui.crash import log_error

            log_error(traceback.format_exc())
            self._emit(self.failed, task.generation, f"The search stopped unexpectedly ({type(err).__name__}).")

    def _search(self, task: _Task) -> None:
        assert self._library is not None
        r = task.request
        started = time.perf_counter()
        result = self._library.search(r.query, filters=r.filters, sort=r.sort, limit=PAGE_SIZE, offset=task.offset)
        seconds = time.perf_counter() - started
        if self._stale(task):
            return
        if task.kind == _SEARCH:
            self._matchers = {task.generation: result.matcher()}  # the snippets' word forms, this search's only
        rows = tuple(ResultRow(h.id, h.date, h.time, h.title, h.language, h.doc_type) for h in result.hits)
        page = ResultPage(
            task.generation,
            task.offset,
            result.total,
            rows,
            result.query,
            dict(result.expansions),
            result.sort,
            seconds,
        )
        self._emit(self.page_ready, page)
        if task.kind == _SEARCH:
            if r.first_snippets and rows:
                self._snippets(
                    _Task(_SNIPPETS, task.generation, r, ids=tuple(row.id for row in rows[: r.first_snippets]))
                )
            self._add(_Task(_MONTHS, task.generation, r))

    def _snippets(self, task: _Task) -> None:
        """Snippets in small batches (one read each), each sent as soon as it is made."""
        assert self._library is not None
        r = task.request
        matcher = self._matchers.get(task.generation)
        query: Matcher | str = matcher if matcher is not None else r.query
        ids = list(task.ids)
        for start in range(0, len(ids), SNIPPET_BATCH):
            if self._stale(task):
                return
            chunk = ids[start : start + SNIPPET_BATCH]
            try:
                found = self._library.snippets(chunk, query, speaker=r.filters.speaker, width=SNIPPET_WIDTH)
            except LibraryError:  # one was deleted meanwhile: the others one by one, an empty one for it
                found = {}
                for transcript_id in chunk:
                    try:
                        found.update(
                            self._library.snippets(
                                [transcript_id], query, speaker=r.filters.speaker, width=SNIPPET_WIDTH
                            )
                        )
                    except LibraryError:
                        found[transcript_id] = Snippet("")
            if not self._stale(task):
                self._emit(self.snippets_ready, task.generation, found)

    def _months(self, task: _Task) -> None:
        assert self._library is not None
        r = task.request
        months = self._library.search_month_counts(r.query, filters=r.filters)
        if self._stale(task):
            return
        self._emit(self.months_counted, task.generation, months)
        self._add(_Task(_DAYS, task.generation, r, months=tuple(months)))

    def _days(self, task: _Task) -> None:
        """Every day with hits, month by month (the library remembers the matches: well under a ms a
        month), so the calendar marks any month it turns to without asking again."""
        assert self._library is not None
        r = task.request
        days: dict[dt.date, int] = {}
        for year, month in task.months:
            if self._stale(task):
                return
            days.update(self._library.search_day_counts(r.query, year, month, filters=r.filters))
        if not self._stale(task):
            self._emit(self.days_counted, task.generation, days)

    def _choices(self) -> None:
        library = self._library
        assert library is not None
        choices = SearchChoices(
            speakers=tuple(name for name, _ in library.speakers()),
            places=tuple(name for name, _ in library.places()),
            tags=tuple(library.annotation_tags()),
            legend=library.color_legend(),
        )
        self._emit(self.choices_ready, choices)

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window, and this runner's Qt half, are gone: stop quietly
            with self._lock:
                self._closed = True


def _plain(err: Exception) -> str:
    text = str(err) if isinstance(err, LibraryError) else ""
    return f"The search could not be run. {text}".strip() if text else "The search could not be run."
