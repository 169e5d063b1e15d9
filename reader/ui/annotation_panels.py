"""Lists of annotations: the panel of the open transcript, and the library-wide annotations view.

Both show the same cards (a colour bar, the quote, the colour's meaning and tags, the note; the
library view adds the document) from one list model over `Entry` records; neither runs SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation_filters import AnnotationFilter, filter_annotations, sort_annotations
from reader.core.model import (
    Annotation,
    AnnotationKind,
    Bookmark,
    ColorLegendEntry,
    TranscriptId,
    TranscriptSummary,
)
from reader.ui.annotation_editor import swatch
from reader.ui.dates import long_date

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_LINES = 2
NOTE_LINES = 2
BAR = 4  # px: the colour bar at the left of a card
PAD = 6


@dataclass(frozen=True, slots=True)
class Entry:
    """A row: an annotation or a bookmark, with what the library view says about its document."""

    annotation: Annotation | None = None
    bookmark: Bookmark | None = None
    hex: str = ""  # the colour of the bar ("" for none)
    meaning: str = ""
    document: str = ""  # "22 March 2021 · EN · Interview of …" in the library view; "" in the panel

    @property
    def quote(self) -> str:
        a = self.annotation
        if a is None:
            bookmark = QCoreApplication.translate("AnnotationsPanel", "Bookmark")
            return f"{bookmark}: {self.bookmark.label}" if self.bookmark and self.bookmark.label else bookmark
        if a.kind is AnnotationKind.TRANSCRIPT_NOTE:
            return QCoreApplication.translate("AnnotationsPanel", "Note on the whole transcript")
        return " ".join(a.exact.split())

    @property
    def detail(self) -> str:
        a = self.annotation
        parts: list[str] = []
        if a is None:
            if self.bookmark is not None:
                parts.append(f"paragraph {self.bookmark.paragraph + 1}")
        else:
            if a.orphan:
                parts.append("⚠ not found in the current text")
            elif a.kind is AnnotationKind.PARAGRAPH_NOTE:
                parts.append(f"paragraph {(a.paragraph or 0) + 1}")
            if self.meaning:
                parts.append(self.meaning)
            if a.tags:
                parts.append(" ".join(f"#{t}" for t in a.tags))
        return " · ".join(parts)

    @property
    def note(self) -> str:
        a = self.annotation
        return " ".join(a.note.split()) if a is not None and a.note else ""

    def accessible_text(self) -> str:
        return ". ".join(p for p in (self.quote, self.detail, self.note, self.document) if p)


class EntryModel(QAbstractListModel):
    """Entries as a flat list; the views draw them with `CardDelegate`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.quote
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.annotation.note if entry.annotation is not None and entry.annotation.note else None
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.StatusTipRole):
            return entry.accessible_text()
        if role == ENTRY_ROLE:
            return entry
        return None

    def row_of_annotation(self, annotation_id: int) -> int | None:
        for row, entry in enumerate(self.entries):
            if entry.annotation is not None and entry.annotation.id == annotation_id:
                return row
        return None


class CardDelegate(QStyledItemDelegate):
    """A card per entry: colour bar; the quote (two lines); meaning, tags; the note (two lines); document."""

    def __init__(self, parent: QListView) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[Entry, int], int] = {}  # a reset model asks again for every row

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt override
        """As tall as the card's lines at the list's width: quote and note take one or two lines."""
        entry: Entry = index.data(ENTRY_ROLE)
        view = self.parent()
        width = _text_width(view.viewport().width() if isinstance(view, QListView) else option.rect.width())
        key = (entry, width)
        height = self._heights.get(key)
        if height is None:
            metrics = QFontMetrics(option.font)
            quote_font = QFont(option.font)
            quote_font.setBold(True)
            lines = len(_wrap(entry.quote, QFontMetrics(quote_font), width, QUOTE_LINES))
            lines += (1 if entry.detail else 0) + (1 if entry.document else 0)
            lines += len(_wrap(entry.note, metrics, width, NOTE_LINES)) if entry.note else 0
            height = max(1, lines) * metrics.lineSpacing() + 2 * PAD + 2
            if len(self._heights) > 5000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry: Entry = index.data(ENTRY_ROLE)
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlphaF(0.68)
        rect: QRect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        bar = QRect(rect.left(), rect.top(), BAR, rect.height())
        if entry.hex:
            painter.fillRect(bar, QColor(entry.hex))
        elif entry.bookmark is not None or (entry.annotation and entry.annotation.kind is not AnnotationKind.HIGHLIGHT):
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Link))
        x = rect.left() + BAR + PAD
        width = _text_width(option.rect.width())
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        y = rect.top()
        quote_font = QFont(option.font)
        orphan = entry.annotation is not None and entry.annotation.orphan
        if entry.annotation is not None and entry.annotation.kind is AnnotationKind.HIGHLIGHT:
            quote_font.setItalic(orphan)
        else:
            quote_font.setBold(True)
        painter.setFont(quote_font)
        painter.setPen(text_colour)
        y = _draw_lines(painter, entry.quote, QFontMetrics(quote_font), x, y, width, QUOTE_LINES, line)
        painter.setFont(option.font)
        if entry.detail:
            painter.setPen(QColor("#c5221f") if orphan and not selected else muted)
            painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
                entry.detail, Qt.TextElideMode.ElideRight, width))  # fmt: skip
            y += line
        if entry.note:
            painter.setPen(text_colour)
            y = _draw_lines(painter, entry.note, metrics, x, y, width, NOTE_LINES, line)
        if entry.document:
            painter.setPen(muted)
            painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
                entry.document, Qt.TextElideMode.ElideRight, width))  # fmt: skip
        painter.restore()


def _draw_lines(
    painter: QPainter, text: str, metrics: QFontMetrics, x: int, y: int, width: int, most: int, line: int
) -> int:
    """Draw `text` word-wrapped in at most `most` lines, the last one elided; returns the y below it."""
    for shown in _wrap(text, metrics, width, most):
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, shown)
        y += line
    return y


def _wrap(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """`text` in at most `most` lines of `width` pixels, broken between words; the last line elided."""
    words = text[:400].split(" ")  # a card shows two lines: a long note is not measured whole
    lines: list[str] = []
    while words and len(lines) < most:
        if len(lines) == most - 1:
            lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
            break
        taken: list[str] = []
        while words and metrics.horizontalAdvance(" ".join([*taken, words[0]])) <= width:
            taken.append(words.pop(0))
        if not taken:  # one word wider than the card
            taken.append(words.pop(0))
        lines.append(metrics.elidedText(" ".join(taken), Qt.TextElideMode.ElideRight, width))
    return lines


def _text_width(card_width: int) -> int:
    return max(40, card_width - 2 * PAD - BAR - PAD)


class EntryList(QListView):
    """A list of cards; Enter activates the current one (as a click does)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_model = EntryModel(self)
        self.setModel(self.entry_model)
        self.setItemDelegate(CardDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def current_entry(self) -> Entry | None:
        index = self.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None


def panel_entries(
    annotations: Sequence[Annotation], bookmarks: Sequence[Bookmark], legend: Sequence[ColorLegendEntry],
    paragraph_starts: Sequence[int],
) -> list[Entry]:  # fmt: skip
    """The rows of the panel in reading order: transcript notes, then highlights, paragraph notes and
    bookmarks by where they are, then the orphans (they have no place in the text now)."""
    by_key = {e.key: e for e in legend}

    def entry(a: Annotation) -> Entry:
        e = by_key.get(a.color or "")
        return Entry(annotation=a, hex=e.hex if e else "", meaning=e.meaning if e else "")

    placed: list[tuple[int, int, Entry]] = []
    for a in annotations:
        if a.kind is AnnotationKind.TRANSCRIPT_NOTE or a.orphan:
            continue
        placed.append((a.start, 1, entry(a)))
    for b in bookmarks:
        start = paragraph_starts[b.paragraph] if b.paragraph < len(paragraph_starts) else 0
        placed.append((start, 0, Entry(bookmark=b)))
    placed.sort(key=lambda item: (item[0], item[1]))
    notes = [entry(a) for a in annotations if a.kind is AnnotationKind.TRANSCRIPT_NOTE]
    orphans = [entry(a) for a in annotations if a.orphan and a.kind is not AnnotationKind.TRANSCRIPT_NOTE]
    return notes + [e for _, _, e in placed] + orphans


class AnnotationsPanel(QWidget):
    """The annotations of the open transcript, the legend as colour chips, and the orphans' re-attach."""

    entry_activated = Signal(object)  # Entry
    color_chosen = Signal(str)  # a legend key: the current colour
    legend_requested = Signal()
    transcript_note_requested = Signal()
    library_requested = Signal()
    reattach_requested = Signal(object)  # the orphan Annotation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self._legend: tuple[ColorLegendEntry, ...] = ()
        self.chips = QWidget(self)
        self.chips_layout = QHBoxLayout(self.chips)
        self.chips_layout.setContentsMargins(0, 0, 0, 0)
        self.chips_layout.setSpacing(2)
        self.legend_button = QToolButton(self)
        self.legend_button.setObjectName("legendButton")
        self.legend_button.setText(self.tr("Legend…"))
        self.legend_button.setToolTip(self.tr("What each colour means: edit the colour legend"))
        self.legend_button.clicked.connect(self.legend_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.chips, 1)
        top.addWidget(self.legend_button)
        self.current_meaning = QLabel(self)
        self.current_meaning.setObjectName("currentColour")
        self.current_meaning.setTextFormat(Qt.TextFormat.PlainText)

        self.list = EntryList(self)
        self.list.setObjectName("annotationList")
        self.list.setAccessibleName(self.tr("Annotations of this transcript"))
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.empty = QLabel(
            self.tr(
                "No annotations yet.\nSelect text (Shift+arrows, P for a paragraph) and press H, or 1–9 for a colour."
            ),
            self,
        )
        self.empty.setObjectName("panelEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.note_button = QPushButton(self.tr("Note on &transcript…"), self)
        self.note_button.clicked.connect(self.transcript_note_requested)
        self.reattach_button = QPushButton(self.tr("&Re-attach to selection"), self)
        self.reattach_button.setObjectName("reattachButton")
        self.reattach_button.setToolTip(
            self.tr("Select where this passage is now in the text, then re-attach the orphan there")
        )
        self.reattach_button.clicked.connect(self._reattach)
        self.library_button = QPushButton(self.tr("&All annotations…"), self)
        self.library_button.clicked.connect(self.library_requested)
        buttons = QGridLayout()
        buttons.addWidget(self.note_button, 0, 0)
        buttons.addWidget(self.library_button, 0, 1)
        buttons.addWidget(self.reattach_button, 1, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.current_meaning)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_entries(self, entries: Sequence[Entry]) -> None:
        current = self.list.current_entry()
        self.list.entry_model.set_entries(entries)
        has = bool(entries)
        self.list.setVisible(has)
        self.empty.setVisible(not has)
        if current is not None and current.annotation is not None:
            self.select_annotation(current.annotation.id)
        self._update_buttons()

    def set_legend(self, legend: Sequence[ColorLegendEntry], current: str) -> None:
        if tuple(legend) != self._legend:
            self._legend = tuple(legend)
            self._build_chips(legend)
        for chip in self.chips.findChildren(QToolButton):
            chip.setChecked(chip.objectName() == f"chip:{current}")
        meaning = next((e.meaning or e.key for e in legend if e.key == current), "")
        self.current_meaning.setText(self.tr("H highlights as: {meaning}").format(meaning=meaning) if meaning else "")

    def _build_chips(self, legend: Sequence[ColorLegendEntry]) -> None:
        while self.chips_layout.count():
            item = self.chips_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # type: ignore[call-overload]  # off the row at once
                widget.deleteLater()
        for n, entry in enumerate(legend, start=1):
            chip = QToolButton(self.chips)
            chip.setObjectName(f"chip:{entry.key}")
            chip.setIcon(swatch(entry.hex, 16))
            chip.setText(str(n))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setCheckable(True)
            chip.setAutoRaise(True)
            chip.setToolTip(
                self.tr("{n}: {meaning} — make it the colour of H").format(n=n, meaning=entry.meaning or entry.key)
            )
            chip.clicked.connect(lambda _checked=False, key=entry.key: self.color_chosen.emit(key))
            self.chips_layout.addWidget(chip)
        self.chips_layout.addStretch(1)

    def select_annotation(self, annotation_id: int) -> bool:
        row = self.list.entry_model.row_of_annotation(annotation_id)
        if row is None:
            return False
        index = self.list.entry_model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry is not None:
            self.entry_activated.emit(entry)

    def _reattach(self) -> None:
        entry = self.list.current_entry()
        if entry is not None and entry.annotation is not None and entry.annotation.orphan:
            self.reattach_requested.emit(entry.annotation)

    def _update_buttons(self) -> None:
        entry = self.list.current_entry()
        orphans = any(e.annotation is not None and e.annotation.orphan for e in self.list.entry_model.entries)
        self.reattach_button.setVisible(orphans)
        self.reattach_button.setEnabled(entry is not None and entry.annotation is not None and entry.annotation.orphan)


# -- the library-wide view ---------------------------------------------------------------------------


def document_line(doc: TranscriptSummary | None) -> str:
    if doc is None:
        return ""
    undated = QCoreApplication.translate("AnnotationsBrowser", "undated")
    date = long_date(doc.published_date) if doc.published_date else undated
    return f"{date} · {doc.language.upper()} · {doc.title}"


class AnnotationsBrowser(QDialog):
    """Every annotation in the library, filtered by text, colour, tag, language, dates and document."""

    open_requested = Signal(object)  # the Annotation to go to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsBrowser")
        self.setWindowTitle(self.tr("All annotations"))
        self.setModal(False)
        self.resize(760, 620)
        self.annotations: list[Annotation] = []
        self.documents: Mapping[TranscriptId, TranscriptSummary] = {}
        self.legend: Sequence[ColorLegendEntry] = ()

        self.text = QLineEdit(self)
        self.text.setObjectName("annotationFilterText")
        self.text.setPlaceholderText(self.tr("Filter by words in the quote, note, tags or title"))
        self.text.setClearButtonEnabled(True)
        self.color = QComboBox(self)
        self.color.setObjectName("annotationFilterColour")
        self.tag = QComboBox(self)
        self.tag.setObjectName("annotationFilterTag")
        self.language = QComboBox(self)
        self.language.setObjectName("annotationFilterLanguage")
        self.document = QComboBox(self)
        self.document.setObjectName("annotationFilterDocument")
        self.document.setMinimumContentsLength(24)
        self.document.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_field = QComboBox(self)
        self.date_field.addItem(self.tr("Document date"), "document")
        self.date_field.addItem(self.tr("Last change"), "modified")
        self.use_from = QCheckBox(self.tr("&From"), self)
        self.date_from = QDateEdit(self)
        self.use_to = QCheckBox(self.tr("&to"), self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        self.orphans = QCheckBox(self.tr("&Orphans only"), self)
        self.orphans.setToolTip(self.tr("Annotations whose text was not found after a re-import"))
        self.sort = QComboBox(self)
        self.sort.setObjectName("annotationSort")
        self.sort.addItem(self.tr("By document date"), "document")
        self.sort.addItem(self.tr("By last change"), "modified")
        self.count = QLabel(self)
        self.count.setObjectName("annotationCount")

        self.list = EntryList(self)
        self.list.setObjectName("annotationBrowserList")
        self.list.setAccessibleName(self.tr("All annotations"))
        self.list.activated.connect(self._open)
        self.list.doubleClicked.connect(self._open)
        self.open_button = QPushButton(self.tr("&Go to annotation"), self)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentIndex()))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)

        grid = QGridLayout()
        grid.addWidget(self.text, 0, 0, 1, 6)
        for col, (label, widget) in enumerate(
            ((self.tr("&Colour"), self.color), (self.tr("T&ag"), self.tag), (self.tr("&Language"), self.language))
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            grid.addWidget(caption, 1, col * 2)
            grid.addWidget(widget, 1, col * 2 + 1)
        doc_label = QLabel(self.tr("&Document"), self)
        doc_label.setBuddy(self.document)
        grid.addWidget(doc_label, 2, 0)
        grid.addWidget(self.document, 2, 1, 1, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.date_field)
        dates.addWidget(self.use_from)
        dates.addWidget(self.date_from)
        dates.addWidget(self.use_to)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.orphans)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.sort)
        bottom.addWidget(self.open_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(dates)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

        self.text.textChanged.connect(self.apply)
        for combo in (self.color, self.tag, self.language, self.document, self.date_field, self.sort):
            combo.currentIndexChanged.connect(self.apply)
        for box in (self.use_from, self.use_to, self.orphans):
            box.toggled.connect(self.apply)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply)

    def set_data(
        self,
        annotations: Sequence[Annotation],
        documents: Mapping[TranscriptId, TranscriptSummary],
        legend: Sequence[ColorLegendEntry],
        tags: Sequence[str],
    ) -> None:
        """Everything the view filters; the choices of the combo boxes follow it (their picks kept)."""
        self.annotations, self.documents, self.legend = list(annotations), documents, legend
        _refill(self.color, self.tr("Any colour"), [(e.meaning or e.key, e.key, e.hex) for e in legend])
        _refill(self.tag, self.tr("Any tag"), [(t, t, "") for t in tags])
        languages = sorted({documents[a.transcript_id].language for a in annotations if a.transcript_id in documents})
        _refill(self.language, self.tr("Any language"), [(code.upper(), code, "") for code in languages])
        annotated = sorted(
            {a.transcript_id for a in annotations if a.transcript_id in documents},
            key=lambda t: documents[t].published_date or dt.date.min,
            reverse=True,
        )
        _refill(self.document, self.tr("Any document"), [(document_line(documents[t]), t, "") for t in annotated])
        dates = [d for t in annotated if (d := documents[t].published_date) is not None]
        if dates:  # the range of the annotated documents, until the reader sets one
            first, last = min(dates), max(dates)
            if not self.use_from.isChecked():
                self.date_from.setDate(QDate(first.year, first.month, first.day))
            if not self.use_to.isChecked():
                self.date_to.setDate(QDate(last.year, last.month, last.day))
        self.apply()

    def current_filter(self) -> AnnotationFilter:
        return AnnotationFilter(
            text=self.text.text(),
            color=self.color.currentData(),
            tag=self.tag.currentData(),
            language=self.language.currentData(),
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,  # type: ignore[arg-type]
            date_field=self.date_field.currentData() or "document",
            transcript_id=self.document.currentData(),
            orphans_only=self.orphans.isChecked(),
        )

    def apply(self) -> None:
        shown = sort_annotations(
            filter_annotations(self.annotations, self.documents, self.current_filter()),
            self.documents,
            self.sort.currentData() or "document",
        )
        by_key = {e.key: e for e in self.legend}
        entries = []
        for a in shown:
            e = by_key.get(a.color or "")
            entries.append(
                Entry(
                    annotation=a,
                    hex=e.hex if e else "",
                    meaning=e.meaning if e else "",
                    document=document_line(self.documents.get(a.transcript_id)),
                )
            )
        self.list.entry_model.set_entries(entries)
        total = len(self.annotations)
        self.count.setText(
            f"{len(entries)} of {total} annotations" if len(entries) != total else f"{total} annotations"
        )
        if entries:
            self.list.setCurrentIndex(self.list.entry_model.index(0))
        self.open_button.setEnabled(bool(entries))

    def shown(self) -> list[Annotation]:
        return [e.annotation for e in self.list.entry_model.entries if e.annotation is not None]

    def _open(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is not None and entry.annotation is not None:
            self.open_requested.emit(entry.annotation)


def _refill(combo: QComboBox, anything: str, items: Sequence[tuple[str, object, str]]) -> None:
    """Replace a filter's choices, keeping the one picked if it is still there."""
    picked = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, None)
    for title, data, hex_ in items:
        if hex_:
            combo.addItem(swatch(hex_), title, data)
        else:
            combo.addItem(title, data)
    at = combo.findData(picked) if picked is not None else 0
    combo.setCurrentIndex(max(0, at))
    combo.blockSignals(False)
