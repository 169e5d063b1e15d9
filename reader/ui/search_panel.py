"""The search panel in the middle of the window: the search field with its advanced settings and saved
searches above the transcript list; while a search is active, "Showing N results", a histogram of hits
per month and the results take the list's place.

It is widgets only: what is typed comes out as `changed` after a pause (DEBOUNCE_MS), and
`reader/ui/archive_search.py` runs the search and fills the results.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.search import SearchFilters
from reader.ui.hit_histogram import HitHistogram
from reader.ui.search_filters import SearchFilterBox
from reader.ui.search_results import ResultsView
from reader.ui.search_style import LIGHT_HITS, HitColours

DEBOUNCE_MS = 150
SORTS = (
    ("relevance", QT_TRANSLATE_NOOP("SearchPanel", "Most relevant")),
    ("date", QT_TRANSLATE_NOOP("SearchPanel", "Newest first")),
)


def showing_text(total: int) -> str:
    """mid.ru's words: "Showing 1 result", "Showing 5,496 results"."""
    if total == 1:
        return QCoreApplication.translate("SearchPanel", "Showing 1 result")
    return QCoreApplication.translate("SearchPanel", "Showing {count} results").format(count=f"{total:,}")


class SearchPanel(QWidget):
    """Search field, advanced settings, saved searches, the count and sort, histogram, results."""

    changed = Signal()  # the query or the filters changed (after the pause), or the sort (at once)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.colours: HitColours = LIGHT_HITS

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search the archive  (Ctrl+F)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search the archive"))
        self.field.setToolTip(
            self.tr('Words in any form (санкция, sanction), "an exact phrase", prefix*, OR, -exclude, (groups)')
        )
        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("searchAdvanced")
        self.advanced_button.setText(self.tr("Advanced settings"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolTip(self.tr("Dates, language, document type, speaker and place"))
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.saved_button = QToolButton(self)
        self.saved_button.setObjectName("savedSearches")
        self.saved_button.setText(self.tr("Saved"))
        self.saved_button.setToolTip(self.tr("Save this search, or run a saved one again"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.setObjectName("savedSearchesMenu")
        self.saved_button.setMenu(self.saved_menu)

        self.filter_box = SearchFilterBox(self)
        self.filter_box.hide()
        self.filter_summary = QLabel(self)
        self.filter_summary.setObjectName("searchFilterSummary")
        self.filter_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.filter_summary.hide()

        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()

        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sort = QComboBox(self)
        self.sort.setObjectName("searchSort")
        self.sort.setAccessibleName(self.tr("Sort the results"))
        for key, title in SORTS:
            self.sort.addItem(self.tr(title), key)
        self.status_row = QWidget(self)
        status_layout = QHBoxLayout(self.status_row)
        status_layout.setContentsMargins(0, 0, 0, 0)
        status_layout.addWidget(self.count_label, 1)
        status_layout.addWidget(self.sort)
        self.histogram = HitHistogram(self)

        self.results = ResultsView(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("searchStack")
        self.list_page = QWidget(self.stack)  # the transcript list goes here (set_list)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.results)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.field, 1)
        bar.addWidget(self.saved_button)
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.setSpacing(6)
        options.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        options.addWidget(self.filter_summary, 1)
        self.top = QWidget(self)
        self.top.setObjectName("searchTop")
        top_layout = QVBoxLayout(self.top)
        top_layout.setContentsMargins(4, 6, 4, 4)
        top_layout.setSpacing(4)
        top_layout.addLayout(bar)
        top_layout.addLayout(options)
        top_layout.addWidget(self.filter_box)
        top_layout.addWidget(self.message)
        top_layout.addWidget(self.status_row)
        top_layout.addWidget(self.histogram)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        layout.addWidget(self.stack, 1)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.changed.emit)
        self.field.textChanged.connect(lambda _text: self.debounce.start())
        self.filter_box.changed.connect(self._filters_edited)
        self.sort.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.advanced_button.toggled.connect(self.show_advanced)
        self.field.installEventFilter(self)
        self.set_searching(False)

    # -- what the controller calls ---------------------------------------------------------------

    def set_list(self, widget: QWidget) -> None:
        """Put the transcript list where the results go while searching."""
        index = self.stack.indexOf(self.list_page)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(self.list_page)
        self.list_page.deleteLater()
        self.list_page = widget
        self.stack.setCurrentWidget(self.results if self.searching else widget)

    def set_searching(self, on: bool) -> None:
        """Results, count and histogram instead of the transcript list (on), or the list again."""
        self.searching = on
        self.status_row.setVisible(on)
        self.histogram.setVisible(on and bool(self.histogram.counts))
        self.stack.setCurrentWidget(self.results if on else self.list_page)
        if not on:
            self.set_message("")
            self.histogram.clear()

    def query(self) -> str:
        return self.field.text()

    def filters(self) -> SearchFilters:
        return self.filter_box.filters()

    def sort_key(self) -> str:
        return str(self.sort.currentData())

    def set_sort(self, key: str) -> None:
        index = self.sort.findData(key)
        if index >= 0 and index != self.sort.currentIndex():
            blocked = self.sort.blockSignals(True)
            self.sort.setCurrentIndex(index)
            self.sort.blockSignals(blocked)

    def set_search(self, query: str, filters: SearchFilters, sort: str) -> None:
        """Show a whole search (a saved one) and ask for it at once."""
        self.set_sort(sort)
        blocked = self.filter_box.blockSignals(True)
        self.filter_box.set_filters(filters)
        self.filter_box.blockSignals(blocked)
        self.field.setText(query)
        self._show_summary()
        self.debounce.stop()
        self.changed.emit()

    def clear(self) -> None:
        """Empty field, no filters: the panel goes back to the transcript list."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        blocked = self.filter_box.blockSignals(True)
        self.filter_box.reset()
        self.filter_box.blockSignals(blocked)
        self.debounce.stop()
        self._show_summary()

    def flush(self) -> None:
        """Search what is typed now, without waiting for the pause."""
        if self.debounce.isActive():
            self.debounce.stop()
            self.changed.emit()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_message(self, text: str, *, problem: bool = False) -> None:
        """A line under the field: what is wrong with the query (problem) or a note; "" hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        palette = self.message.palette()
        role = self.message.foregroundRole()
        colour = QColor(self.colours.error) if problem else self.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(role, colour)
        self.message.setPalette(palette)
        self.message.setProperty("problem", problem)

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)

    def set_colours(self, colours: HitColours) -> None:
        self.colours = colours
        self.results.set_colours(colours)
        self.histogram.set_colours(colours.bar, colours.shown)
        if self.message.isVisible():
            self.set_message(self.message.text(), problem=bool(self.message.property("problem")))

    def show_advanced(self, shown: bool) -> None:
        if self.advanced_button.isChecked() != shown:
            self.advanced_button.setChecked(shown)  # comes back here through `toggled`
            return
        self.filter_box.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._show_summary()

    def set_words(self, has_words: bool) -> None:
        """Sorting by relevance needs words to rank by; without them the results are newest first."""
        self.sort.setEnabled(has_words)
        self.sort.setToolTip("" if has_words else self.tr("Without words to rank by, the newest come first"))

    # -- inside ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """In the field, Enter searches at once and Down goes to the results."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush()
                return True
            if event.key() == Qt.Key.Key_Down and self.searching and self.results.results.rowCount():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.results.results.index(0))
                return True
        return super().eventFilter(watched, event)

    def _filters_edited(self) -> None:
        self._show_summary()
        self.debounce.start()

    def _show_summary(self) -> None:
        """The filters in a few words beside the collapsed settings, so a filtered search never hides it."""
        summary = "" if self.filter_box.isVisible() else self.filter_box.summary()
        self.filter_summary.setText(summary)
        self.filter_summary.setToolTip(self.tr("Filters: {summary}").format(summary=summary) if summary else "")
        self.filter_summary.setVisible(bool(summary))
