"""The search's advanced settings: dates (with quick picks), language, document type, speaker, place.

Dates are typed as the palette reads them ("2021-03-22", "22.03.2021", "март 2021", "2021-03") or a
year alone; a month or a year as "from" starts at its first day, as "to" ends at its last. A date that
cannot be read is named under the fields and left out of the search, never guessed. Speakers and
places are completed from the library (the lists arrive from the search worker: reading them takes
most of a second on a large library).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reader.core.fuzzy import date_target
from reader.core.model import DocType
from reader.core.search import SearchFilters, quick_range
from reader.ui.search_worker import SearchChoices

QUICK_PICKS = ("this month", "this year", "last 12 months")
QUICK_PICK_TITLES = {
    "this month": QT_TRANSLATE_NOOP("SearchFilterBox", "This month"),
    "this year": QT_TRANSLATE_NOOP("SearchFilterBox", "This year"),
    "last 12 months": QT_TRANSLATE_NOOP("SearchFilterBox", "Last 12 months"),
}
LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("SearchFilterBox", "Any language")),
    ("en", QT_TRANSLATE_NOOP("SearchFilterBox", "English")),
    ("ru", QT_TRANSLATE_NOOP("SearchFilterBox", "Russian")),
)
ANNOTATED = (
    (None, QT_TRANSLATE_NOOP("SearchFilterBox", "Annotated or not")),
    (True, QT_TRANSLATE_NOOP("SearchFilterBox", "Annotated only")),
    (False, QT_TRANSLATE_NOOP("SearchFilterBox", "Not annotated")),
)
_YEAR = re.compile(r"\s*(\d{4})\s*")


def read_date(text: str, *, end: bool) -> dt.date | None:
    """The day a date field means; a month or year is its first day, or with `end` its last.
    ValueError for text that is not a date; None for an empty field."""
    text = text.strip()
    if not text:
        return None
    year = _YEAR.fullmatch(text)
    if year:
        y = int(year.group(1))
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    target = date_target(text)
    if target is None:
        raise ValueError(text)
    if target.month_only and end:
        first = target.day
        return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1) - dt.timedelta(days=1)
    return target.day


class SearchFilterBox(QWidget):
    """The advanced settings; `changed` after any edit (the panel debounces it like typing)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFilters")
        self._setting = False
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("searchDateFrom")
        self.date_from.setPlaceholderText(self.tr("from: any date"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("searchDateTo")
        self.date_to.setPlaceholderText(self.tr("to: any date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        tip = self.tr("A day (2021-03-22, 22.03.2021), a month (2021-03, март 2021) or a year (2021)")
        for field in (self.date_from, self.date_to):
            field.setToolTip(tip)
            field.setClearButtonEnabled(True)
            field.textChanged.connect(self._edited)
        self.quick_buttons: dict[str, QPushButton] = {}
        quick_row = QHBoxLayout()
        quick_row.setContentsMargins(0, 0, 0, 0)
        quick_row.setSpacing(4)
        for pick in QUICK_PICKS:
            button = QPushButton(self.tr(QUICK_PICK_TITLES[pick]), self)
            button.setObjectName("quickPick")
            button.setAutoDefault(False)
            period = self.tr(QUICK_PICK_TITLES[pick]).lower()
            button.setToolTip(self.tr("Only transcripts of {period}").format(period=period))
            button.clicked.connect(lambda _checked=False, pick=pick: self.pick_range(pick))
            quick_row.addWidget(button)
            self.quick_buttons[pick] = button
        quick_row.addStretch(1)

        self.language = QComboBox(self)
        self.language.setObjectName("searchLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        for code, title in LANGUAGES:
            self.language.addItem(self.tr(title), code)
        self.doc_type = QComboBox(self)
        self.doc_type.setObjectName("searchDocType")
        self.doc_type.setAccessibleName(self.tr("Document type"))
        self.doc_type.addItem(self.tr("Any type"), "")
        for kind in DocType:  # the names the reading pane's header uses
            self.doc_type.addItem(QCoreApplication.translate("TranscriptView", kind.value.capitalize()), kind.value)
        self.speaker = QLineEdit(self)
        self.speaker.setObjectName("searchSpeaker")
        self.speaker.setPlaceholderText(self.tr("speaker: anyone"))
        self.speaker.setAccessibleName(self.tr("Speaker"))
        self.speaker.setToolTip(self.tr("Only what this speaker said counts (part of the name: Lavrov, Лавров)"))
        self.place = QLineEdit(self)
        self.place.setObjectName("searchPlace")
        self.place.setPlaceholderText(self.tr("place: anywhere"))
        self.place.setAccessibleName(self.tr("Place"))
        self.place.setToolTip(self.tr("Where it was said, as the title names it (part of the name: Moscow, Москва)"))
        self._speaker_names = QStringListModel(self)
        self._place_names = QStringListModel(self)
        for field, names in ((self.speaker, self._speaker_names), (self.place, self._place_names)):
            completer = QCompleter(names, field)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            field.setCompleter(completer)
            field.setClearButtonEnabled(True)
            field.textChanged.connect(self._edited)
        self.annotated = QComboBox(self)
        self.annotated.setObjectName("searchAnnotated")
        self.annotated.setAccessibleName(self.tr("Annotations"))
        for value, title in ANNOTATED:
            self.annotated.addItem(self.tr(title), value)
        self.color = QComboBox(self)
        self.color.setObjectName("searchColour")
        self.color.setAccessibleName(self.tr("Highlight colour"))
        self.color.setToolTip(self.tr("Only transcripts with a highlight in this colour of your legend"))
        self.color.addItem(self.tr("Any colour"), "")
        self.tag = QLineEdit(self)
        self.tag.setObjectName("searchTag")
        self.tag.setPlaceholderText(self.tr("tag: any"))
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.setToolTip(self.tr("Only transcripts with an annotation carrying this tag"))
        self.tag.setClearButtonEnabled(True)
        self._tag_names = QStringListModel(self)
        tag_completer = QCompleter(self._tag_names, self.tag)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag.setCompleter(tag_completer)
        self.tag.textChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        self.doc_type.currentIndexChanged.connect(self._edited)
        self.annotated.currentIndexChanged.connect(self._edited)
        self.color.currentIndexChanged.connect(self._edited)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setAutoDefault(False)
        self.reset_button.setToolTip(self.tr("Clear every filter"))
        self.reset_button.clicked.connect(self.reset)
        self.problem = QLabel(self)
        self.problem.setObjectName("searchFilterProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.date_from, 0, 0)
        grid.addWidget(self.date_to, 0, 1)
        grid.addLayout(quick_row, 1, 0, 1, 2)
        grid.addWidget(self.language, 2, 0)
        grid.addWidget(self.doc_type, 2, 1)
        grid.addWidget(self.speaker, 3, 0)
        grid.addWidget(self.place, 3, 1)
        grid.addWidget(self.annotated, 4, 0)
        grid.addWidget(self.color, 4, 1)
        grid.addWidget(self.tag, 5, 0)
        grid.addWidget(self.reset_button, 5, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.problem, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    # -- values ----------------------------------------------------------------------------------

    def filters(self) -> SearchFilters:
        """The filters as set; a date that cannot be read is left out (and named in `problem`)."""
        problems = []
        dates: list[dt.date | None] = []
        for field, end, name in ((self.date_from, False, self.tr("from")), (self.date_to, True, self.tr("to"))):
            try:
                dates.append(read_date(field.text(), end=end))
            except ValueError:
                dates.append(None)
                problems.append(
                    self.tr("“{text}” ({which}) is not a date: try 2021-03-22, 03.2021 or 2021.").format(
                        text=field.text().strip(), which=name
                    )
                )
        start, end_day = dates
        if start and end_day and start > end_day:
            problems.append(self.tr("The “from” date is after the “to” date: nothing can match."))
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        return SearchFilters(
            date_from=start,
            date_to=end_day,
            language=self.language.currentData() or None,
            doc_type=self.doc_type.currentData() or None,
            speaker=" ".join(self.speaker.text().split()) or None,
            place=" ".join(self.place.text().split()) or None,
            annotated=self.annotated.currentData(),
            tag=" ".join(self.tag.text().split()) or None,
            color=self.color.currentData() or None,
        )

    def set_filters(self, filters: SearchFilters) -> None:
        """Show these filters (a saved search's); emits `changed` once."""
        self._setting = True
        try:
            self.date_from.setText(filters.date_from.isoformat() if filters.date_from else "")
            self.date_to.setText(filters.date_to.isoformat() if filters.date_to else "")
            self.language.setCurrentIndex(max(0, self.language.findData(filters.language or "")))
            self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(filters.doc_type or "")))
            self.speaker.setText(filters.speaker or "")
            self.place.setText(filters.place or "")
            self.annotated.setCurrentIndex(max(0, self.annotated.findData(filters.annotated)))
            self.tag.setText(filters.tag or "")
            self._choose_colour(filters.color)
        finally:
            self._setting = False
        self.changed.emit()

    def reset(self) -> None:
        self.set_filters(SearchFilters())

    def pick_range(self, pick: str, today: dt.date | None = None) -> None:
        """A quick pick: this month, this year, the last 12 months."""
        start, end = quick_range(pick, today)
        self._setting = True
        try:
            self.date_from.setText(start.isoformat())
            self.date_to.setText(end.isoformat())
        finally:
            self._setting = False
        self.changed.emit()

    def set_choices(self, choices: SearchChoices) -> None:
        """The names the speaker, place and tag fields complete, and the legend's colours to choose."""
        self._speaker_names.setStringList(list(choices.speakers))
        self._place_names.setStringList(list(choices.places))
        self._tag_names.setStringList(list(choices.tags))
        chosen = self.color.currentData()
        self._setting = True
        try:
            while self.color.count() > 1:
                self.color.removeItem(1)
            for entry in choices.legend:
                self.color.addItem(_swatch(entry.hex), f"{entry.meaning} ({entry.key})", entry.key)
            self._choose_colour(chosen)
        finally:
            self._setting = False

    def _choose_colour(self, key: str | None) -> None:
        """Choose a legend colour by key; one not in the list (the legend not read yet) is added as is."""
        if key and self.color.findData(key) < 0:
            self.color.addItem(_swatch("#ffffff"), key, key)
        self.color.setCurrentIndex(max(0, self.color.findData(key or "")))

    def summary(self) -> str:
        """The filters in a few words, for the collapsed settings button: "2021 · Russian · Lavrov"."""
        f = self.filters()
        parts = []
        if f.date_from or f.date_to:
            parts.append(_range_text(f.date_from, f.date_to))
        if f.language:
            parts.append(self.tr(dict(LANGUAGES)[f.language]))
        if f.doc_type:
            parts.append(QCoreApplication.translate("TranscriptView", f.doc_type.capitalize()))
        if f.speaker:
            parts.append(f.speaker)
        if f.place:
            parts.append(f.place)
        if f.annotated is not None:
            parts.append(self.tr("annotated") if f.annotated else self.tr("not annotated"))
        if f.tag:
            parts.append(f"#{f.tag}")
        if f.color:
            parts.append(self.color.currentText())
        return " · ".join(parts)

    def _edited(self) -> None:
        if not self._setting:
            self.changed.emit()


def _swatch(hex_: str) -> QIcon:
    """A small square of a legend colour, for the colour list."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(hex_))
    return QIcon(pixmap)


def _range_text(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return str(start.year)
    if start and end:
        return f"{start.isoformat()} – {end.isoformat()}"
    if start:
        return QCoreApplication.translate("SearchFilterBox", "from {date}").format(date=start.isoformat())
    return QCoreApplication.translate("SearchFilterBox", "until {date}").format(date=end.isoformat()) if end else ""
