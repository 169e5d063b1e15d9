"""The small editor of one annotation (note, tags, colour) and the colour legend editor.

The note is saved as it is typed (debounced), not only when the editor closes: a crash loses at most
the last fraction of a second of typing. The editor does not talk to the library itself; it calls its
`EditorBackend` (the annotations controller), which makes each change undoable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import MAX_NOTE_CHARS
from reader.core.model import Annotation, AnnotationKind, ColorLegendEntry

COLOUR_COLUMNS = 3  # the colour choices of the editor, in rows of three (up to nine colours)
NOTE_SAVE_DELAY_MS = 400
"""Typing pauses this long before the note is written: a save per word, not per key."""

MAX_LEGEND_COLORS = 9
SPARE_COLOURS = (
    ("pink", "#FFB3D9"),
    ("teal", "#8FE3D6"),
    ("grey", "#D0D3D8"),
    ("brown", "#D9B99B"),
    ("lime", "#D4F28A"),
    ("cyan", "#9EEBFF"),
    ("indigo", "#B4BDFF"),
    ("rose", "#FFC4B8"),
    ("sand", "#EFE0B9"),
)


@dataclass(slots=True)
class EditTarget:
    """What an editor edits: an annotation, or a paragraph or transcript note not written yet
    (it becomes an annotation when the first words are saved)."""

    transcript_id: int
    kind: AnnotationKind
    annotation: Annotation | None = None
    paragraph: int | None = None  # for a paragraph note
    quote: str = ""  # shown above the note


class EditorBackend(Protocol):
    def save_note(self, target: EditTarget, text: str, session: int) -> str | None:
        """Save the note (creating the annotation if needed); a message if it could not be saved."""

    def save_tags(self, target: EditTarget, text: str, session: int) -> str | None: ...

    def save_color(self, target: EditTarget, key: str, session: int) -> str | None: ...

    def tag_choices(self) -> list[str]: ...

    def legend(self) -> tuple[ColorLegendEntry, ...]: ...

    def editor_closed(self, target: EditTarget, session: int) -> None: ...


def split_tags(text: str) -> list[str]:
    """Tags as typed in the tags field: separated by commas (a tag may hold spaces: "Middle East")."""
    return [t for t in (part.strip() for part in text.split(",")) if t]


def swatch(hex_: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(hex_))
    painter.setPen(QColor(hex_).darker(150))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TagCompleter(QCompleter):
    """Completes the last of the comma-separated tags from the tags already used."""

    def __init__(self, tags: Sequence[str], parent: QLineEdit) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(list(tags), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setWidget(parent)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt override
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = [t.strip() for t in typed.split(",")[:-1] if t.strip()]
        return ", ".join([*before, str(index.data())]) + ", "


class NoteEdit(QPlainTextEdit):
    """The note field. A paste that would make the note longer than a note can be is refused whole, with
    a message: laying out a megabyte of text would freeze the editor, and it could not be saved anyway."""

    refused = Signal(str)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        pasted = len(source.text()) if source.hasText() else 0
        selected = len(self.textCursor().selectedText())
        length = len(self.toPlainText()) - selected + pasted
        if length > MAX_NOTE_CHARS:
            self.refused.emit(
                self.tr(
                    "Nothing was pasted: a note can hold up to {limit} characters, and with the pasted "
                    "text ({pasted} characters) this one would have {length}."
                ).format(limit=f"{MAX_NOTE_CHARS:,}", pasted=f"{pasted:,}", length=f"{length:,}")
            )
            return
        super().insertFromMimeData(source)


class AnnotationEditor(QDialog):
    """Note, tags and colour of one annotation; changes are saved while the editor is open."""

    saved = Signal()

    _sessions = 0

    def __init__(self, backend: EditorBackend, target: EditTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        AnnotationEditor._sessions += 1
        self.session = AnnotationEditor._sessions  # the undo stack merges the saves of one session
        self.setObjectName("annotationEditor")
        self.setWindowTitle(_title(target))
        self.setModal(False)
        self.backend = backend
        self.target = target
        self._closing = False
        a = target.annotation

        self.quote = QLabel(self)
        self.quote.setObjectName("annotationQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        quote = " ".join(target.quote.split())
        self.quote.setText(f"“{quote[:280]}{'…' if len(quote) > 280 else ''}”" if quote else "")
        self.quote.setVisible(bool(quote))
        italic = QFont(self.quote.font())
        italic.setItalic(True)
        self.quote.setFont(italic)

        self.colours = QWidget(self)
        self.colours.setObjectName("colourChoices")
        self.colours.setStyleSheet(
            "#colourChoices QToolButton { padding: 2px 6px; text-align: left; }"
            "#colourChoices QToolButton:checked { border: 2px solid palette(highlight); border-radius: 3px; }"
        )
        colour_grid = QGridLayout(self.colours)
        colour_grid.setContentsMargins(0, 0, 0, 0)
        colour_grid.setSpacing(4)
        self.colour_group = QButtonGroup(self)
        self.colour_group.setExclusive(True)
        current = a.color if a is not None else None
        for n, entry in enumerate(backend.legend(), start=1):
            button = QToolButton(self.colours)
            button.setObjectName(f"colour:{entry.key}")
            button.setCheckable(True)
            button.setChecked(entry.key == current)
            button.setIcon(swatch(entry.hex))
            button.setText(f"{n} {entry.meaning or entry.key}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(self.tr("{meaning} ({n} in the text)").format(meaning=entry.meaning or entry.key, n=n))
            button.clicked.connect(lambda _checked=False, key=entry.key: self._save_color(key))
            self.colour_group.addButton(button)
            colour_grid.addWidget(button, (n - 1) // COLOUR_COLUMNS, (n - 1) % COLOUR_COLUMNS)
        self.colours.setVisible(target.kind is AnnotationKind.HIGHLIGHT)

        self.note = NoteEdit(self)
        self.note.refused.connect(lambda message: self._report(message, ""))
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("Write a note — it is saved as you type"))
        self.note.setTabChangesFocus(True)
        self.note.setPlainText((a.note or "") if a is not None else "")
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)
        self.note.setMinimumSize(QSize(420, 140))
        note_label = QLabel(self.tr("&Note"), self)
        note_label.setBuddy(self.note)

        self.tags = QLineEdit(self)
        self.tags.setObjectName("tagsEdit")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas: sanctions, China"))
        self.tags.setText(", ".join(a.tags) if a is not None else "")
        self.tags.setCompleter(TagCompleter(backend.tag_choices(), self.tags))
        self.tags.editingFinished.connect(self.save_tags)
        self.tags.setEnabled(True)
        tags_label = QLabel(self.tr("&Tags"), self)
        tags_label.setBuddy(self.tags)

        self.status = QLabel(self)
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.setToolTip(self.tr("Close (Esc, Ctrl+Enter); everything is saved already"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.colours)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(tags_label)
        layout.addWidget(self.tags)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_note)
        self.note.textChanged.connect(self._note_typed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.close)

    # -- saving ----------------------------------------------------------------------------------

    def _note_typed(self) -> None:
        self.status.setText(self.tr("Typing…"))
        self.timer.start()

    def save_note(self) -> None:
        self.timer.stop()
        text = self.note.toPlainText()
        saved_note = self.target.annotation.note if self.target.annotation is not None else None
        if (saved_note or "") == text:
            self.status.setText(self.tr("Saved"))
            return
        if self.target.annotation is None and not text.strip():
            self.status.setText("")
            return
        message = self.backend.save_note(self.target, text, self.session)
        self._report(message, self.tr("Saved"))

    def save_tags(self) -> None:
        current = tuple(self.target.annotation.tags) if self.target.annotation is not None else ()
        wanted = split_tags(self.tags.text())
        if tuple(wanted) == current:
            return
        if self.target.annotation is None and not wanted:
            return
        message = self.backend.save_tags(self.target, self.tags.text(), self.session)
        if message is None and self.target.annotation is not None:
            saved = self.target.annotation.tags
            if not self.tags.hasFocus():
                self.tags.setText(", ".join(saved))
            done = self.tr("Tags saved: {tags}").format(tags=", ".join(saved)) if saved else self.tr("No tags")
            self._report(None, done)
        else:
            self._report(message, self.tr("Saved"))

    def _save_color(self, key: str) -> None:
        self._report(self.backend.save_color(self.target, key, self.session), self.tr("Colour saved"))

    def _report(self, message: str | None, done: str) -> None:
        if message is None:
            self.status.setProperty("error", False)
            self.status.setText(done)
            self.setWindowTitle(_title(self.target))
            self.saved.emit()
        else:
            self.status.setProperty("error", True)
            self.status.setText(message)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def flush(self) -> None:
        """Save what is typed and not saved yet (the editor is closing)."""
        if self.timer.isActive() or self._pending_note():
            self.save_note()
        self.save_tags()

    def _pending_note(self) -> bool:
        saved = self.target.annotation.note if self.target.annotation is not None else None
        return (saved or "") != self.note.toPlainText() and bool(self.note.toPlainText().strip() or saved)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._finish()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._finish()
        super().done(result)

    def _finish(self) -> None:
        if self._closing:
            return
        self._closing = True
        self.flush()
        self.backend.editor_closed(self.target, self.session)

    def focus_note(self) -> None:
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_tags(self) -> None:
        self.tags.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tags.end(False)


def _title(target: EditTarget) -> str:
    number = target.paragraph + 1 if target.paragraph is not None else ""
    title = {
        AnnotationKind.HIGHLIGHT: QCoreApplication.translate("AnnotationEditor", "Note on highlight"),
        AnnotationKind.PARAGRAPH_NOTE: QCoreApplication.translate(
            "AnnotationEditor", "Note on paragraph {number}"
        ).format(number=number),
        AnnotationKind.TRANSCRIPT_NOTE: QCoreApplication.translate("AnnotationEditor", "Note on the whole transcript"),
    }[target.kind]
    new = QCoreApplication.translate("AnnotationEditor", "(new)")
    return title if target.annotation is not None else f"{title} {new}"


# -- the colour legend -------------------------------------------------------------------------------


class LegendPage(QWidget):
    """The colour legend: each colour (digits 1–9 pick them in this order) and what it means. A page of
    Preferences, and the body of `LegendEditor` (reached from the annotations panel)."""

    def __init__(
        self,
        legend: Sequence[ColorLegendEntry],
        used: dict[str, int],
        save: Callable[[list[ColorLegendEntry]], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legendPage")
        self.setMinimumWidth(480)
        self.save = save  # saves the entries; a message when they cannot be saved (the page stays open)
        self.used = used  # key → number of annotations in that colour
        self.rows: list[tuple[str, QToolButton, QLineEdit, QToolButton]] = []
        self.hexes: dict[str, str] = {}
        self._numbers: list[QLabel] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        intro = QLabel(
            self.tr(
                "What each highlight colour means to you. The meaning is shown with every highlight and goes "
                "with it into exports. Digits 1–9 highlight in these colours."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add colour"), self)
        self.add_button.clicked.connect(self.add_colour)
        self.error = QLabel(self)
        self.error.setObjectName("editorStatus")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for entry in legend:
            self._add_row(entry)
        self._renumber()

    def entries(self) -> list[ColorLegendEntry]:
        return [ColorLegendEntry(key, self.hexes[key], meaning.text()) for key, _, meaning, _ in self.rows]

    def apply(self) -> bool:
        """Save the legend; False (with the reason shown) when it cannot be saved."""
        message = self.save(self.entries())
        if message:
            self.show_error(message)
            return False
        self.error.clear()
        return True

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def add_colour(self) -> None:
        if len(self.rows) >= MAX_LEGEND_COLORS:
            limit = self.tr("The legend holds up to {count} colours (digits 1–9).")
            self.show_error(limit.format(count=MAX_LEGEND_COLORS))
            return
        taken = {key for key, *_ in self.rows}
        key, hex_ = next(
            ((k, h) for k, h in SPARE_COLOURS if k not in taken),
            (f"colour-{len(self.rows) + 1}", "#CCCCCC"),
        )
        self._add_row(ColorLegendEntry(key, hex_, ""))
        self._renumber()
        self.rows[-1][2].setFocus()

    def _add_row(self, entry: ColorLegendEntry) -> None:
        self.hexes[entry.key] = entry.hex
        colour = QToolButton(self)
        colour.setObjectName(f"legendColour:{entry.key}")
        colour.setIcon(swatch(entry.hex, 18))
        colour.setToolTip(self.tr("{key} ({hex}): choose another shade").format(key=entry.key, hex=entry.hex))
        colour.clicked.connect(lambda _checked=False, key=entry.key: self._choose(key))
        meaning = QLineEdit(entry.meaning, self)
        meaning.setObjectName(f"legendMeaning:{entry.key}")
        meaning.setPlaceholderText(self.tr("What {key} means").format(key=entry.key))
        meaning.setMaxLength(100)
        remove = QToolButton(self)
        remove.setText(self.tr("Remove"))
        uses = self.used.get(entry.key, 0)
        remove.setEnabled(uses == 0)
        remove.setToolTip(
            (
                self.tr("1 annotation uses this colour: give it a new meaning instead")
                if uses == 1
                else self.tr("{count} annotations use this colour: give it a new meaning instead").format(count=uses)
            )
            if uses
            else self.tr("Remove this colour")
        )
        remove.clicked.connect(lambda _checked=False, key=entry.key: self._remove(key))
        self.rows.append((entry.key, colour, meaning, remove))

    def _renumber(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
        for label in self._numbers:
            label.deleteLater()
        self._numbers = []
        for n, (key, colour, meaning, remove) in enumerate(self.rows, start=1):
            number = QLabel(str(n), self)
            self._numbers.append(number)
            number.setToolTip(self.tr("Press {n} in the text to highlight in {key}").format(n=n, key=key))
            self.grid.addWidget(number, n, 0)
            self.grid.addWidget(colour, n, 1)
            self.grid.addWidget(meaning, n, 2)
            self.grid.addWidget(remove, n, 3)
            for w in (colour, meaning, remove):
                w.show()
        self.add_button.setEnabled(len(self.rows) < MAX_LEGEND_COLORS)

    def _choose(self, key: str) -> None:
        chosen = QColorDialog.getColor(QColor(self.hexes[key]), self, self.tr("Colour for “{key}”").format(key=key))
        if chosen.isValid():
            self.set_hex(key, chosen.name().upper())

    def set_hex(self, key: str, hex_: str) -> None:
        self.hexes[key] = hex_
        for row_key, colour, _, _ in self.rows:
            if row_key == key:
                colour.setIcon(swatch(hex_, 18))

    def _remove(self, key: str) -> None:
        for row in self.rows:
            if row[0] == key:
                for w in row[1:]:
                    w.hide()
                    w.deleteLater()
                self.rows.remove(row)
                break
        self._renumber()


class LegendEditor(QDialog):
    """The legend page in a dialog of its own, with Save and Cancel."""

    def __init__(
        self,
        legend: Sequence[ColorLegendEntry],
        used: dict[str, int],
        save: Callable[[list[ColorLegendEntry]], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legendEditor")
        self.setWindowTitle(self.tr("Colour legend"))
        self.page = LegendPage(legend, used, save, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.page.apply():
            super().accept()
