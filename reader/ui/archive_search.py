"""Searching in the window (issue 4): the search panel, live results from a worker thread, hit marks in the
calendar and a histogram of hits per month, every hit marked in the open transcript with F3 between
them, find in the open transcript only, and saved searches.

`install(window)` puts the panel where the transcript list was (the list goes inside it and comes back
when the search is left), and registers the "search.*" command handlers. Typing runs the search after
a pause of DEBOUNCE_MS on the worker (`search_worker.SearchRunner`), which has its own connection to
the library; a newer search supersedes an older one and the window never waits for the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QApplication, QInputDialog, QVBoxLayout

from reader.core.library import LibraryError
from reader.core.search import Matcher, QueryError, SavedSearch, SearchFilters, parse_query
from reader.ui.calendar_sidebar import to_qdate
from reader.ui.hit_histogram import count_text
from reader.ui.search_panel import SearchPanel, showing_text
from reader.ui.search_style import HitColours, hit_colours
from reader.ui.search_worker import ResultPage, SearchRequest, SearchRunner
from reader.ui.transcript_hits import FindBar, TranscriptHits

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.core.search import Snippet
    from reader.ui.calendar_sidebar import CalendarSidebar
    from reader.ui.main_window import MainWindow

SEARCHING_NOTE_MS = 300  # "Searching…" only for a search that takes longer than this


class CalendarHitMarks(QObject):
    """Days with hits filled in amber on the sidebar's calendar, over its ordinary marks (bold accent
    text for days with transcripts); re-applied whenever the sidebar marks its months afresh."""

    def __init__(self, sidebar: CalendarSidebar, colours: HitColours) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar
        self.calendar = sidebar.calendar
        self.days: dict[dt.date, int] = {}
        self._by_month: dict[tuple[int, int], list[tuple[dt.date, int]]] = {}
        self.colours = colours
        self._marked: dict[dt.date, QTextCharFormat] = {}  # day → its format before the hit mark
        sidebar.page_marked.connect(self._page_marked)

    def set_days(self, days: dict[dt.date, int]) -> None:
        self._restore()
        self.days = dict(days)
        self._by_month = {}
        for day, n in sorted(self.days.items()):
            self._by_month.setdefault((day.year, day.month), []).append((day, n))
        self.apply()

    def clear(self) -> None:
        self.set_days({})

    def set_colours(self, colours: HitColours) -> None:
        self.colours = colours
        self._restore()
        self.apply()

    def apply(self) -> None:
        """Mark the hit days of the shown month and the days of its neighbours the grid shows."""
        if not self.days:
            return
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        shown = [((year * 12 + month - 1 + k) // 12, (year * 12 + month - 1 + k) % 12 + 1) for k in (-1, 0, 1)]
        background, foreground = QColor(self.colours.day), QColor(self.colours.day_text)
        for day, n in (pair for key in shown for pair in self._by_month.get(key, ())):
            qdate = to_qdate(day)
            before = self.calendar.dateTextFormat(qdate)
            self._marked[day] = QTextCharFormat(before)
            fmt = QTextCharFormat(before)
            fmt.setBackground(background)
            fmt.setForeground(foreground)
            fmt.setFontWeight(QFont.Weight.Bold)
            ordinary = before.toolTip()
            hits = self.tr("{count} with hits").format(count=count_text(n))
            fmt.setToolTip(f"{ordinary} · {hits}" if ordinary else hits)
            self.calendar.setDateTextFormat(qdate, fmt)

    def _restore(self) -> None:
        for day, fmt in self._marked.items():
            self.calendar.setDateTextFormat(to_qdate(day), fmt)
        self._marked.clear()

    def _page_marked(self) -> None:
        self._marked.clear()  # the sidebar replaced every format: nothing of ours is left to undo
        self.apply()


class ArchiveSearch(QObject):
    """Search in the window; made by `install(window)` once the panes exist."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("archiveSearch")
        self.window = window
        self.library = window.library
        self.view = window.view
        self.generation = 0
        self.request: SearchRequest | None = None  # the search shown (or on its way)
        self.page: ResultPage | None = None  # its first page, once it is here
        self.months: dict[tuple[int, int], int] = {}
        self.runner: SearchRunner | None = None
        self.colours = hit_colours(window.colours)
        self._signature = self._library_signature()
        self._matcher: tuple[ResultPage, Matcher] | None = None
        self._find_matcher: Matcher | None = None
        self._refresh_pending = False

        self.panel = SearchPanel()
        self.results = self.panel.results
        old = window.splitter.replaceWidget(1, self.panel)  # the panel takes the list's place and size
        self.panel.set_list(window.list if old is None else old)
        window.list.show()
        self.hits = TranscriptHits(self.view.text)
        self.find_bar = FindBar(self.view)
        self.find_bar.hide()
        layout = self.view.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.view.text), self.find_bar)
        self.calendar_marks = CalendarHitMarks(window.sidebar, self.colours)
        self._searching_note = QTimer(self)
        self._searching_note.setSingleShot(True)
        self._searching_note.setInterval(SEARCHING_NOTE_MS)
        self._searching_note.timeout.connect(lambda: self.panel.set_count(self.tr("Searching…")))
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(200)
        self._rerun.timeout.connect(self._library_changed_now)
        self.set_colours(self.colours)

        self.panel.changed.connect(self.run)
        self.panel.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.panel.advanced_button.toggled.connect(self._advanced_toggled)
        self.panel.histogram.month_chosen.connect(self._month_chosen)
        self.results.result_chosen.connect(self.open_result)
        self.results.activated.connect(
            lambda index: self.open_result(self.results.results.row(index.row()).id, read=True)
        )
        self.results.results.snippets_wanted.connect(self._want_snippets)
        self.results.results.more_wanted.connect(self._want_page)
        self.hits.moved.connect(self._hit_moved)
        self.find_bar.query_changed.connect(lambda _text: self.refresh_hits(scroll=True))
        self.find_bar.step_requested.connect(self.step_hit)
        self.find_bar.close_requested.connect(self.close_find_bar)
        self.view.text.document().contentsChanged.connect(self._document_changed)
        window.sidebar.calendar.currentPageChanged.connect(lambda y, m: self.panel.histogram.set_shown_month((y, m)))
        self.panel.histogram.set_shown_month(
            (window.sidebar.calendar.yearShown(), window.sidebar.calendar.monthShown())
        )
        self.library.subscribe(self._library_changed)
        window.installEventFilter(self)
        self.panel.installEventFilter(self)
        window.add_focus_area(self.panel.field)
        window.add_focus_area(self.results)
        window.register_handlers(self.handlers())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def handlers(self) -> dict[str, Callable[..., object]]:
        return {
            "search.find": self.find_in_archive,
            "search.find_in_transcript": self.find_in_transcript,
            "search.next_hit": lambda: self.step_hit(1),
            "search.previous_hit": lambda: self.step_hit(-1),
            "search.leave": self.leave,
            "go.next_transcript": lambda: self.step_transcript(1),
            "go.previous_transcript": lambda: self.step_transcript(-1),
            "go.open": self.open_selected,
        }

    # -- the state ---------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """A search is shown: words typed or filters set."""
        return self.panel.searching

    @property
    def total(self) -> int:
        return self.results.results.total

    # -- running -----------------------------------------------------------------------------------

    def run(self) -> None:
        """Search for what the panel holds now (the panel calls this after the typing pause)."""
        text, filters, sort = self.panel.query(), self.panel.filters(), self.panel.sort_key()
        if not text.strip() and filters.is_empty:
            self._leave_results()
            return
        try:
            parsed = parse_query(text)  # a query that cannot be searched is said at once, not by the worker
        except QueryError as err:
            self._show_problem(err.message)
            return
        self.panel.set_words(not parsed.is_empty)
        self.generation += 1
        self.request = SearchRequest(self.generation, text, filters, sort, first_snippets=self.results.visible_rows())
        self._ensure_runner().submit(self.request)
        if not self.active:
            self.panel.set_searching(True)
            self.panel.set_count("")
        self._searching_note.start()

    def _ensure_runner(self) -> SearchRunner:
        if self.runner is None:
            self.runner = SearchRunner(self.library.path, read_only=self.library.read_only, parent=self)
            self.runner.page_ready.connect(self._page_ready)
            self.runner.snippets_ready.connect(self._snippets_ready)
            self.runner.months_counted.connect(self._months_counted)
            self.runner.days_counted.connect(self._days_counted)
            self.runner.failed.connect(self._failed)
            self.runner.choices_ready.connect(self.panel.filter_box.set_choices)
        return self.runner

    def _page_ready(self, page: ResultPage) -> None:
        if page.generation != self.generation or self.request is None:
            return
        model = self.results.results
        if page.offset == 0:
            self._searching_note.stop()
            self.page = page
            self.panel.set_message("")
            keep = self.window.current_id
            model.show_page(page)
            model.asked_for([row.id for row in page.rows[: self.request.first_snippets]])
            self.results.select_id(keep)
            if self.results.currentIndex().row() < 0:
                self.results.scrollToTop()
            self.refresh_hits(scroll=False)
        else:
            model.show_page(page)
        self.panel.set_count(showing_text(page.total))
        if page.total == 0:
            self.results.set_empty_text(
                self.tr("No transcript matches this search. Fewer words or filters find more.")
                if not self.request.filters.is_empty
                else self.tr("No transcript matches this search. Fewer words find more.")
            )

    def _snippets_ready(self, generation: int, snippets: dict[int, Snippet]) -> None:
        self.results.results.add_snippets(generation, snippets)

    def _months_counted(self, generation: int, months: dict[tuple[int, int], int]) -> None:
        if generation != self.generation:
            return
        self.months = dict(months)
        self.panel.histogram.set_counts(months, self._library_years())
        self.panel.histogram.setVisible(bool(months))

    def _days_counted(self, generation: int, days: dict[dt.date, int]) -> None:
        if generation == self.generation:
            self.calendar_marks.set_days(days)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        """The query cannot be searched: say why under the field; no results, no marks."""
        self._searching_note.stop()
        if self.runner is not None:
            self.runner.cancel()
        self.generation += 1
        self.request = None
        self.page = None
        if not self.active:
            self.panel.set_searching(True)
        self.panel.set_message(message, problem=True)
        self.panel.set_count(self.tr("No results"))
        self.results.results.clear()
        self.results.set_empty_text("")
        self.panel.histogram.clear()
        self.panel.histogram.hide()
        self.calendar_marks.clear()
        self.refresh_hits(scroll=False)

    def _want_snippets(self, ids: list[int]) -> None:
        if self.request is not None and self.runner is not None:
            self.runner.want_snippets(self.request, ids)

    def _want_page(self, offset: int) -> None:
        if self.request is not None and self.runner is not None:
            self.runner.want_page(self.request, offset)

    def _leave_results(self) -> None:
        """Back to the transcript list: no results, marks or hits of the archive search."""
        self._searching_note.stop()
        if self.runner is not None:
            self.runner.cancel()
        self.generation += 1
        self.request = None
        self.page = None
        self.months = {}
        self.results.results.clear()
        self.panel.set_searching(False)
        self.calendar_marks.clear()
        self.refresh_hits(scroll=False)
        if self.window.current_id is not None:
            self.window.list.select_transcript(self.window.current_id)

    # -- commands ----------------------------------------------------------------------------------

    def find_in_archive(self) -> None:
        """Ctrl+F or /: to the search field, its text selected to type over."""
        self.panel.focus_field()

    def find_in_transcript(self) -> None:
        """Ctrl+Shift+F: the find bar over the open transcript, with the selected words if any."""
        if self.view.transcript is None:
            self.window.statusBar().showMessage(self.tr("No transcript is open to search in."), 5000)
            return
        selected = self.view.text.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected and len(selected) <= 80:
            self.find_bar.field.setText(selected)
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()
        self.refresh_hits(scroll=bool(selected))

    def close_find_bar(self) -> None:
        widget = QApplication.focusWidget()
        focused = widget is not None and self.find_bar.isAncestorOf(widget)
        self.find_bar.hide()
        self.refresh_hits(scroll=False)  # back to the archive search's hits, if any
        if focused:
            self.window.focus_reading()

    def step_hit(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous hit in the open transcript."""
        if self.find_bar.isVisible():
            self.find_bar.flush()
        else:
            self.panel.flush()
        if not self.hits.spans:
            if self.find_bar.isVisible() or self.active:
                self.window.statusBar().showMessage(self.tr("No hits in this transcript."), 4000)
            else:
                self.window.statusBar().showMessage(
                    self.tr("Nothing is being searched: Ctrl+F searches the archive, Ctrl+Shift+F this transcript."),
                    6000,
                )
            return
        self.hits.go(step)

    def leave(self) -> None:
        """Esc: close the find bar, else clear the search and go back to the transcript list."""
        if self.find_bar.isVisible():
            self.close_find_bar()
            return
        if not self.active and not self.panel.query():
            return
        focused = QApplication.focusWidget()
        in_panel = focused is not None and self.panel.isAncestorOf(focused)
        self.panel.clear()
        self._leave_results()
        if in_panel:
            if self.window.current_id is not None:
                self.window.focus_reading()
            else:
                self.window.list.setFocus()

    def step_transcript(self, step: int) -> None:
        """J / K: the next or previous result while searching, else the next or previous transcript."""
        if not self.active or self.results.results.rowCount() == 0:
            self.window.step_transcript(step)
            return
        current = self.results.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.results.results.rowCount():
            self.results.setCurrentIndex(self.results.results.index(row))

    def open_selected(self) -> None:
        focused = QApplication.focusWidget()
        chosen = self.results.current_id()
        if self.active and focused is self.results and chosen is not None:
            self.open_result(chosen, read=True)
        else:
            self.window.open_selected()

    def open_result(self, transcript_id: int, *, read: bool = False) -> None:
        """Show a result with every hit marked, at its first hit."""
        self.window.open_transcript(transcript_id)
        if self.window.current_id != transcript_id:
            return
        self.refresh_hits(scroll=True)
        if read:
            self.window.focus_reading()

    # -- hits in the open transcript ---------------------------------------------------------------

    def matcher(self) -> tuple[Matcher | None, str | None]:
        """What the open transcript's hits are found with: the find bar's words while it is open,
        else the archive search's; with the speaker filter (only their words count) when it has one."""
        if self.find_bar.isVisible() and self.find_bar.field.text().strip():
            return self._find_matcher, None
        if self.page is None or self.request is None or self.page.query.tree is None:
            return None, None
        if self._matcher is None or self._matcher[0] is not self.page:
            self._matcher = (self.page, Matcher(self.page.query, self.page.expansions))
        return self._matcher[1], self.request.filters.speaker

    def refresh_hits(self, *, scroll: bool, keep_current: bool = False) -> None:
        """Mark the hits of the open transcript; `scroll` goes to the first (the find bar: the first
        after the caret)."""
        self._refresh_pending = False
        transcript = self.view.transcript
        problem = ""
        if self.find_bar.isVisible():
            text = self.find_bar.field.text()
            try:
                self._find_matcher = self.library.search_matcher(text) if text.strip() else None
            except QueryError as err:
                self._find_matcher, problem = None, err.message
        matcher, speaker = self.matcher()
        spans: list[tuple[int, int]] = []
        if transcript is not None and transcript.id is not None and matcher is not None:
            if speaker:
                try:
                    spans = self.library.hit_spans(transcript.id, matcher.query, speaker=speaker)
                except LibraryError:
                    spans = []
            else:
                spans = matcher.spans(transcript.text)
        self.hits.set_spans(spans, keep_current=keep_current)
        if problem:
            self.find_bar.show_count(-1, 0, problem=problem)
        if scroll and spans:
            if self.find_bar.isVisible():
                self.hits.go(1)
            else:
                self.hits.first()

    def _document_changed(self) -> None:
        """The pane was refilled (another transcript, zoom, theme): mark its hits once it settles."""
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh_after_change)

    def _refresh_after_change(self) -> None:
        if self._refresh_pending:
            self.refresh_hits(scroll=False, keep_current=True)

    def _hit_moved(self, current: int, total: int) -> None:
        if self.find_bar.isVisible():
            self.find_bar.show_count(current, total)
        if current >= 0:
            self.window.statusBar().showMessage(self.tr("Hit {n} of {total}").format(n=current + 1, total=total), 3000)

    # -- saved searches ----------------------------------------------------------------------------

    def saved_searches(self) -> list[SavedSearch]:
        try:
            return self.library.saved_searches()
        except LibraryError:
            return []

    def save_search(self, name: str) -> SavedSearch | None:
        """Keep the current query and filters under `name` (replacing one of that name)."""
        try:
            saved = self.library.save_search(name, self.panel.query(), self.panel.filters(), sort=self.panel.sort_key())
        except QueryError as err:
            self.panel.set_message(err.message, problem=True)
            return None
        except LibraryError as err:
            self.panel.set_message(self.tr("The search was not saved: {reason}").format(reason=err), problem=True)
            return None
        self.window.statusBar().showMessage(self.tr("Saved the search “{name}”").format(name=saved.name), 5000)
        return saved

    def run_saved(self, saved: SavedSearch) -> None:
        """Show a saved search's query, filters and sort, and run it."""
        self.panel.set_search(saved.query, saved.filters, saved.sort)

    def delete_saved(self, name: str) -> None:
        try:
            self.library.delete_saved_search(name)
        except LibraryError as err:
            self.window.statusBar().showMessage(str(err), 6000)
            return
        self.window.statusBar().showMessage(self.tr("Deleted the saved search “{name}”").format(name=name), 5000)

    def ask_to_save(self) -> QInputDialog:
        """A small dialog for the name (not blocking: the window stays live)."""
        dialog = QInputDialog(self.panel)
        dialog.setObjectName("saveSearchDialog")
        dialog.setWindowTitle(self.tr("Save this search"))
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextValue(self.panel.query().strip()[:60])
        dialog.textValueSelected.connect(self.save_search)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _fill_saved_menu(self) -> None:
        menu = self.panel.saved_menu
        menu.clear()
        save = menu.addAction(self.tr("Save this search…"))
        save.setEnabled(self.active and self.request is not None)
        save.triggered.connect(self.ask_to_save)
        saved = self.saved_searches()
        if saved:
            menu.addSeparator()
        for s in saved:
            summary = " · ".join(x for x in (s.query.strip(), _filters_text(s.filters)) if x)
            action = menu.addAction(s.name)
            action.setToolTip(summary)
            action.setStatusTip(summary)
            action.triggered.connect(lambda _checked=False, s=s: self.run_saved(s))
        if saved:
            delete = menu.addMenu(self.tr("Delete"))
            delete.setObjectName("deleteSavedSearchMenu")
            for s in saved:
                action = delete.addAction(s.name)
                action.triggered.connect(lambda _checked=False, name=s.name: self.delete_saved(name))
        menu.setToolTipsVisible(True)

    # -- the rest of the window --------------------------------------------------------------------

    def _month_chosen(self, year: int, month: int) -> None:
        """A histogram bar: the month in the calendar (its newest day with hits chosen)."""
        days = sorted(d for d in self.calendar_marks.days if (d.year, d.month) == (year, month))
        if days:
            self.window.sidebar.show_day(days[-1])
            self.window.sidebar.calendar.setFocus()
        else:
            self.window.show_month(year, month)
        sidebar_action = self.window.command_actions["view.sidebar"]
        if not sidebar_action.isChecked():
            sidebar_action.trigger()  # the calendar must be seen to be gone to

    def _advanced_toggled(self, shown: bool) -> None:
        if shown:  # the speakers, places, tags and colours to offer: read afresh (tags come and go)
            self._ensure_runner().want_choices()

    def set_colours(self, colours: HitColours) -> None:
        self.colours = colours
        self.panel.set_colours(colours)
        self.hits.set_colours(colours)
        self.calendar_marks.set_colours(colours)
        self.find_bar.error_colour = colours.error

    def _library_years(self) -> tuple[int, int] | None:
        """The first and last year of the library, from the sidebar's archive (no query needed)."""
        from reader.ui.calendar_sidebar import MONTH_ROLE

        archive = self.window.sidebar.archive
        items = (archive.topLevelItem(i) for i in range(archive.topLevelItemCount()))
        years = [item.data(0, MONTH_ROLE)[0] for item in items if item is not None]
        return (min(years), max(years)) if years else None

    def _library_signature(self) -> tuple[int, int | None]:
        latest = self.library.latest()
        return self.library.count(), latest.id if latest is not None else None

    def _library_changed(self) -> None:
        """An import or a deletion changes what matches: search again (not for annotations or saving)."""
        if self.active:
            self._rerun.start()

    def _library_changed_now(self) -> None:
        try:
            signature = self._library_signature()
        except (LibraryError, sqlite3.Error):  # closed under us (the window is going)
            return
        if signature != self._signature:
            self._signature = signature
            if self.active and self.request is not None:
                self.run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        elif watched is self.panel and event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self._theme_changed)  # the window's colours are set by then
        return False

    def _theme_changed(self) -> None:
        colours = hit_colours(self.window.colours)
        if colours != self.colours:
            self.set_colours(colours)

    def close(self) -> None:
        self._rerun.stop()
        self._searching_note.stop()
        if self.runner is not None:
            self.runner.close()


def _filters_text(filters: SearchFilters) -> str:
    values = filters.as_dict()
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in values.items())


def install(window: MainWindow) -> ArchiveSearch:
    """Search in the window: the panel in the list's place, the handlers of the search commands."""
    return ArchiveSearch(window)
