"""Bilingual reading in the window (issue 3): the language toggle that keeps the reader's place, side by
side, moving by turn, question and section, the contents panel, the speaker filter, the reading font,
printing, and reopening where the reader left off.

`Reading` is made by the window once its panes exist. It puts its widgets into the reading pane's
header and layout, gives the window its command handlers, and is told by the window when a transcript
is about to be replaced (`leaving`), has been shown (`shown`), and when the window closes (`closing`).
The library stays the only source of versions; alignments are cached per pair of texts.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QHBoxLayout, QWidget

from reader.core.library import LibraryError
from reader.core.model import Transcript, TranscriptSummary, VersionState
from reader.core.navigation import Landmark, contents, landmarks, speakers
from reader.ui import places
from reader.ui.language_toggle import LanguageToggle, language_name
from reader.ui.lazy_qt import Qt
from reader.ui.speaker_filter import SpeakerChoice, SpeakerFilterButton, apply_filter, is_filtered
from reader.ui.transcript_view import READING_FONTS, reading_font

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

    from reader.core.alignment import Alignment
    from reader.ui.contents_panel import ContentsPanel
    from reader.ui.main_window import MainWindow
    from reader.ui.side_by_side import SideBySideView

POSITIONS_KEPT = 2000  # documents whose reading place is remembered, the most recently read
ALIGNMENTS_KEPT = 16
SANS_FONTS = tuple(READING_FONTS)
SERIF_FONTS = ("Noto Serif", "DejaVu Serif", "PT Serif", "Georgia", "Times New Roman", "serif")
FONT_CHOICES = ("sans", "serif")
SIDE_BY_SIDE_WIDTH = 1000  # what two columns of ~60 characters need
LIST_WIDTH_BESIDE = 220  # what the transcript list keeps beside them (dates and the start of titles)


def set_reading_family(choice: str) -> None:
    """Serif or sans for the reading text (both with Cyrillic: DejaVu/Noto ship both scripts)."""
    READING_FONTS[:] = SERIF_FONTS if choice == "serif" else SANS_FONTS


class Reading(QObject):
    """What the reader does with the open transcript, wired into the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.library = window.library
        self.settings = window.settings
        self._key = hashlib.sha1(str(Path(self.library.path).resolve()).encode()).hexdigest()[:12]
        self.preferred_language = str(self.settings.value("reading/language", ""))
        self.font_choice = str(self.settings.value("reading/font", "sans"))
        if self.font_choice not in FONT_CHOICES:
            self.font_choice = "sans"
        set_reading_family(self.font_choice)
        self._positions: OrderedDict[str, list[float]] = self._load_positions()
        self._alignments: OrderedDict[tuple[object, ...], Alignment] = OrderedDict()
        self._switching = False  # a language switch places the view itself
        self.shown_id: int | None = None
        self.side_by_side: SideBySideView | None = None
        self.side_by_side_on = False
        self._narrow_split: list[int] | None = None  # the splitter's sizes before side by side widened it
        self.contents_dock: QDockWidget | None = None
        self.contents_panel: ContentsPanel | None = None

        self.toggle = LanguageToggle(self.view.header)
        self.toggle.language_chosen.connect(self.switch_language)
        self.speaker_button = SpeakerFilterButton(self.view.header)
        self.speaker_button.choice_changed.connect(self._filter_changed)
        row = QWidget(self.view.header)
        row.setObjectName("readingTools")
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(10)
        row_layout.addWidget(self.toggle)
        row_layout.addWidget(self.speaker_button)
        row_layout.addStretch(1)
        header_layout = self.view.header.layout()
        assert isinstance(header_layout, QBoxLayout)
        header_layout.insertWidget(header_layout.indexOf(self.view.badges), row)
        self.view.badges.hide()  # the toggle shows the same languages, and which can be switched to

        zoom_changed = getattr(self.view, "zoom_changed", None)
        if zoom_changed is not None:
            zoom_changed.connect(self._restyled)
        self.view.installEventFilter(self)  # a palette change is a theme change: restyle after it
        self.view.text.installEventFilter(self)  # shown at last: the place to restore can be found
        self._pending_place: tuple[int, int, float] | None = None
        self.view.text.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.library.subscribe(self.library_changed)

        window.register_handlers(self.handlers())
        window.add_preferences_page(self.tr("Reading"), self._preferences_page)
        if str(self.settings.value("reading/contents", "false")) == "true":
            self.set_contents_visible(True)

    def attach_list(self, listing: QAbstractItemView) -> None:
        """Right-click on a transcript of the list: it opens (the list follows its selection), and the
        link and unlink commands act on it."""
        if listing.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            listing.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        listing.addActions([self.window.command_actions[i] for i in ("edit.link_versions", "edit.unlink_versions")])

    def handlers(self) -> dict[str, Callable[..., object]]:
        return {
            "view.language": self.switch_language,
            "view.side_by_side": self.set_side_by_side,
            "view.contents": self.set_contents_visible,
            "go.next_turn": lambda: self.go(Landmark.TURN, 1),
            "go.previous_turn": lambda: self.go(Landmark.TURN, -1),
            "go.next_question": lambda: self.go(Landmark.QUESTION, 1),
            "go.previous_question": lambda: self.go(Landmark.QUESTION, -1),
            "go.next_section": lambda: self.go(Landmark.SECTION, 1),
            "go.previous_section": lambda: self.go(Landmark.SECTION, -1),
            "file.print": self.print_open,
            "edit.link_versions": self.link_versions,
            "edit.unlink_versions": self.unlink_versions,
        }

    # -- the window's hooks ------------------------------------------------------------------------

    def preferred_version(self, transcript_id: int) -> int:
        """The version of this transcript's document in the preferred language, when there is one."""
        if not self.preferred_language:
            return transcript_id
        try:
            return int(self.library.versions(transcript_id).get(self.preferred_language, transcript_id))
        except LibraryError:
            return transcript_id

    def first_transcript(self) -> int | None:
        """What to open at start: the transcript read last in this library, if it is still there."""
        last = self.settings.value(f"reading/last/{self._key}")
        try:
            last_id = int(str(last)) if last is not None else None
            if last_id is not None and self.library.summaries_of([last_id]):  # still there (not read whole twice)
                return last_id
        except (ValueError, LibraryError):
            pass
        return None

    def leaving(self) -> None:
        """Another transcript is about to replace the open one: remember the place in it."""
        if self._pending_place is not None and self._pending_place[0] == self.shown_id:
            return  # never shown: the remembered place still holds
        if self.shown_id is not None and self.view.transcript is not None:
            self._positions[str(self.shown_id)] = list(self.reading_place())
            self._positions.move_to_end(str(self.shown_id))
            self._save_positions(sync=False)

    def shown(self) -> None:
        """A transcript is on screen: its toggle, contents, speakers and place."""
        transcript = self.view.transcript
        if transcript is None or transcript.id is None:
            return
        self.shown_id = int(transcript.id)
        self.settings.setValue(f"reading/last/{self._key}", self.shown_id)
        self._update_toggle()
        self.speaker_button.set_speakers(speakers(transcript))
        if self.contents_panel is not None:
            self.contents_panel.show_entries(contents(transcript))
        if not self._switching:
            place = self._positions.get(str(self.shown_id))
            if place is not None:
                if self.view.text.isVisible():
                    places.scroll_to_paragraph(self.view.text, int(place[0]), float(place[1]))
                else:  # at start-up the pane gets its width when the window is shown: place it then
                    self._pending_place = (self.shown_id, int(place[0]), float(place[1]))
        if self.side_by_side_on:
            self._show_pair()

    def closing(self) -> None:
        self.leaving()
        self._save_positions(sync=True)

    def library_changed(self) -> None:
        """Versions linked or unlinked, a transcript re-imported: the toggle and the pair follow."""
        if self.view.transcript is None or self.window.current_id is None:
            if self.side_by_side_on:  # the open transcript is gone (deleted): no pair to show
                self.set_side_by_side(False)
            return
        try:
            self._update_toggle()
        except LibraryError:
            return
        if self.side_by_side_on and self.side_by_side is not None:
            self._show_pair(keep_place=True)

    # -- the language toggle -----------------------------------------------------------------------

    def _update_toggle(self) -> None:
        transcript = self.view.transcript  # the one on screen: at start-up, before the window records it
        if transcript is None or transcript.id is None:
            return
        self.toggle.set_states(transcript.language, self.library.version_states(int(transcript.id)))

    def switch_language(self, language: str | None = None) -> None:
        """Show another language version (the next one, or `language`) with the counterpart of the
        paragraph at the top of the view at the top; the preferred language becomes that one."""
        old = self.view.transcript
        if old is None or self.window.current_id is None:
            return
        versions = self.library.versions(self.window.current_id)
        if language is None:
            order = [code for code, _state in self.library.version_states(self.window.current_id)]
            others = [code for code in order if code in versions and code != old.language]
            if not others:
                self._say_no_other_version()
                return
            language = others[0]
        if language not in versions or language == old.language:
            return
        top, fraction = self.reading_place()
        self.preferred_language = language
        self.settings.setValue("reading/language", language)
        self._switching = True
        try:
            self.window.open_transcript(versions[language])
        finally:
            self._switching = False
        new = self.view.transcript
        if new is None or new.language != language:
            return
        target = self.alignment(old, new).counterpart(top)
        if self.side_by_side_on and self.side_by_side is not None:
            from reader.ui.side_by_side import LEFT

            self.side_by_side.scroll_to_paragraph(LEFT, target)
        else:
            places.scroll_to_paragraph(self.view.text, target, fraction)

    def _say_no_other_version(self) -> None:
        listed = [code for code, state in self.toggle_states() if state is VersionState.PUBLISHED_NOT_IMPORTED]
        if listed:
            message = self.tr("The {language} version is published on mid.ru but is not in your library.").format(
                language=language_name(listed[0])
            )
        else:
            message = self.tr("This transcript has no other language version.")
        self.window.statusBar().showMessage(message, 6000)

    def toggle_states(self) -> list[tuple[str, VersionState]]:
        if self.window.current_id is None:
            return []
        return self.library.version_states(self.window.current_id)

    def reading_place(self) -> tuple[int, float]:
        """(paragraph, fraction into it) at the top of what the reader sees, in the open version."""
        if self.side_by_side_on and self.side_by_side is not None and self.side_by_side.alignment is not None:
            from reader.ui.side_by_side import LEFT

            return self.side_by_side.top_paragraph(LEFT), 0.0
        return places.top_paragraph(self.view.text)

    def alignment(self, left: Transcript, right: Transcript) -> Alignment:
        """The rows of two versions (left first), computed once per pair of texts."""
        key = (left.id, left.content_hash, right.id, right.content_hash)
        found = self._alignments.get(key)
        if found is None:
            from reader.core.alignment import align  # on first use: not on the way to the first frame

            found = align(left, right)
            self._alignments[key] = found
            while len(self._alignments) > ALIGNMENTS_KEPT:
                self._alignments.popitem(last=False)
        else:
            self._alignments.move_to_end(key)
        return found

    # -- side by side ------------------------------------------------------------------------------

    def other_version(self) -> Transcript | None:
        """The version shown beside the open one: the first other language in the library."""
        if self.window.current_id is None or self.view.transcript is None:
            return None
        versions = self.library.versions(self.window.current_id)
        own = self.view.transcript.language
        order = [code for code, _ in self.library.version_states(self.window.current_id)]
        for code in order + sorted(versions):
            if code != own and code in versions:
                return self.library.transcript(versions[code])
        return None

    def set_side_by_side(self, on: bool) -> None:
        action = self.window.command_actions["view.side_by_side"]
        if on and self._show_pair() is False:
            action.setChecked(False)
            return
        if not on and self.side_by_side_on:
            place = self.reading_place()
            self.side_by_side_on = False
            if self.side_by_side is not None:
                self.side_by_side.hide()
            self.view.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr: no proxy
            if self._narrow_split is not None:
                self.window.splitter.setSizes(self._narrow_split)
                self._narrow_split = None
            if self.view.transcript is not None:
                self.view.text.show()
                places.scroll_to_paragraph(self.view.text, place[0])
                self.view.text.setFocus()
        action.setChecked(self.side_by_side_on)

    def _widen_for_two_columns(self) -> None:
        """Two columns need room: the transcript list gives up width while they are shown (its sizes
        come back when side by side ends)."""
        splitter = self.window.splitter
        sizes = splitter.sizes()
        if len(sizes) != 3 or sizes[2] >= SIDE_BY_SIDE_WIDTH:
            return
        self._narrow_split = sizes
        give = min(SIDE_BY_SIDE_WIDTH - sizes[2], max(0, sizes[1] - LIST_WIDTH_BESIDE))
        splitter.setSizes([sizes[0], sizes[1] - give, sizes[2] + give])

    def _ensure_side_by_side(self) -> SideBySideView:
        if self.side_by_side is None:
            from reader.ui.side_by_side import SideBySideView

            view = SideBySideView(self.view, colours=self.window.colours)
            view.set_reading_font(reading_font(getattr(self.view, "zoom", 1.0)))
            layout = self.view.layout()
            assert isinstance(layout, QBoxLayout)
            layout.insertWidget(layout.indexOf(self.view.text) + 1, view, 1)
            view.hide()
            view.pane.verticalScrollBar().valueChanged.connect(self._scrolled)
            self.window.add_focus_area(view.pane)  # F6 reaches it while it stands in for the pane
            self.side_by_side = view
        return self.side_by_side

    def _show_pair(self, *, keep_place: bool = False) -> bool:
        """Show the open version beside its other version; False (and a message) when there is none."""
        left = self.view.transcript
        right = self.other_version() if left is not None else None
        if left is None or right is None:
            if left is not None:
                self._say_no_other_version()
            if self.side_by_side_on:
                self.set_side_by_side(False)
            return False
        view = self._ensure_side_by_side()
        coming_in = not self.side_by_side_on
        place = self.reading_place()[0] if (coming_in or keep_place) else None
        self.view.text.hide()  # also after a language switch: showing a transcript shows the pane
        if coming_in:  # shown and laid out first: the table is then laid out once, at its real width
            self._widen_for_two_columns()
            view.show()
            self.view.layout().activate()  # type: ignore[union-attr]
        view.show_pair(left, right, self.alignment(left, right))
        self._apply_filter_to_pair()
        self.side_by_side_on = True
        if coming_in:
            self.view.setFocusProxy(view.pane)  # "focus the reading pane" (Enter in a list) lands here
            view.pane.setFocus()
        if place is not None:
            from reader.ui.side_by_side import LEFT

            view.scroll_to_paragraph(LEFT, place)
        self.window.command_actions["view.side_by_side"].setChecked(True)
        return True

    # -- moving through the structure --------------------------------------------------------------

    def go(self, kind: Landmark, step: int) -> None:
        """To the next (1) or previous (-1) turn, question or section, put at the top of the view.
        Previous from inside a turn goes to its start, as in a browser's "back to the heading"."""
        transcript = self.view.transcript
        if transcript is None:
            return
        positions = landmarks(transcript, kind)
        any_found = bool(positions)
        pair = self.side_by_side if self.side_by_side_on else None
        if pair is None:
            positions = [p for p in positions if places.paragraph_block(self.view.text, p).isVisible()]
        elif pair.hidden_rows:
            positions = [p for p in positions if pair.row_of(0, p) not in pair.hidden_rows]
        current, fraction = self.reading_place()
        if pair is None and self.view.text.viewport().rect().intersects(self.view.text.cursorRect()):
            current, fraction = places.caret_paragraph(self.view.text), 0.0  # the caret in view: from there
        if step > 0:
            target = next((p for p in positions if p > current), None)
        else:
            target = next((p for p in reversed(positions) if p < current or (p == current and fraction > 0.02)), None)
        if target is not None:
            self.jump_to(target)
        if target is None:
            self.window.statusBar().showMessage(self._no_more(kind, step, any_found), 4000)

    def _no_more(self, kind: Landmark, step: int, any_found: bool) -> str:
        if not any_found:
            return {
                Landmark.TURN: self.tr("This transcript has no speaker turns."),
                Landmark.QUESTION: self.tr("This transcript has no questions."),
                Landmark.SECTION: self.tr("This transcript has no sections."),
            }[kind]
        if step > 0:
            return {
                Landmark.TURN: self.tr("This is the last turn."),
                Landmark.QUESTION: self.tr("There is no later question."),
                Landmark.SECTION: self.tr("This is the last section."),
            }[kind]
        return {
            Landmark.TURN: self.tr("This is the first turn."),
            Landmark.QUESTION: self.tr("There is no earlier question."),
            Landmark.SECTION: self.tr("This is the first section."),
        }[kind]

    def jump_to(self, paragraph: int) -> None:
        """Put a paragraph of the open version at the top (the contents panel's entries)."""
        if self.side_by_side_on and self.side_by_side is not None:
            from reader.ui.side_by_side import LEFT

            self.side_by_side.scroll_to_paragraph(LEFT, paragraph)
        else:
            places.scroll_to_paragraph(self.view.text, paragraph)

    # -- the contents panel ------------------------------------------------------------------------

    def set_contents_visible(self, shown: bool) -> None:
        if shown and self.contents_dock is None:
            from reader.ui.contents_panel import ContentsPanel

            self.contents_panel = ContentsPanel()
            self.contents_panel.paragraph_chosen.connect(self._contents_chosen)
            dock = QDockWidget(self.tr("Contents"), self.window)
            dock.setObjectName("contentsDock")
            dock.setWidget(self.contents_panel)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.window.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
            dock.visibilityChanged.connect(self._contents_visibility)
            self.contents_dock = dock
            if self.view.transcript is not None:
                self.contents_panel.show_entries(contents(self.view.transcript))
                self._scrolled()
        if self.contents_dock is not None:
            self.contents_dock.setVisible(shown)
            if shown and self.contents_panel is not None:
                self.contents_panel.setFocus()
        self.window.command_actions["view.contents"].setChecked(shown)
        self.settings.setValue("reading/contents", "true" if shown else "false")

    def _contents_visibility(self, visible: bool) -> None:
        if self.contents_dock is not None and not self.window.isMinimized():
            self.window.command_actions["view.contents"].setChecked(self.contents_dock.isVisible() or visible)

    def _contents_chosen(self, paragraph: int) -> None:
        self.jump_to(paragraph)

    def _scrolled(self, _value: int = 0) -> None:
        if self.contents_panel is not None and self.contents_dock is not None and self.contents_dock.isVisible():
            self.contents_panel.follow(self.reading_place()[0])

    # -- the speaker filter ------------------------------------------------------------------------

    def _filter_changed(self, _choice: SpeakerChoice | None) -> None:
        place = self.reading_place()
        self.view.set_colours(self.window.colours)  # a clean refill: the filter's marks gone
        self._apply_filter()
        if not self.side_by_side_on:
            places.scroll_to_paragraph(self.view.text, place[0], place[1], move_caret=False)
        else:
            self._apply_filter_to_pair()

    def _apply_filter(self) -> None:
        choice = self.speaker_button.choice
        transcript = self.view.transcript
        if choice is not None and transcript is not None:
            apply_filter(self.view.text, transcript, choice, QColor(self.window.colours.muted))

    def _apply_filter_to_pair(self) -> None:
        """Side by side: "dim" mutes the others on both sides (the other version's rows of the speaker's
        turns stay bright); "only" leaves out the rows where the open version has none of them."""
        view, choice = self.side_by_side, self.speaker_button.choice
        if view is None or view.alignment is None or view.left is None or view.right is None:
            return
        if choice is None:
            view.set_dimmed(frozenset(), frozenset())
            return
        from reader.core.navigation import paragraphs_of_speaker
        from reader.ui.speaker_filter import FilterMode, kept_paragraphs

        rows = view.alignment.rows
        if choice.mode is FilterMode.ONLY:
            kept = kept_paragraphs(view.left, choice.speaker)
            hidden = frozenset(r for r, row in enumerate(rows) if not set(row.left) & kept)
            view.set_dimmed(frozenset(), frozenset(), hidden)
            return
        own = paragraphs_of_speaker(view.left, choice.speaker)
        left_dim = frozenset(range(len(view.left.paragraphs))) - own
        kept_right = {j for row in rows if set(row.left) & own for j in row.right}
        right_dim = frozenset(range(len(view.right.paragraphs))) - kept_right
        view.set_dimmed(left_dim, right_dim)

    def _restyled(self, *_args: object) -> None:
        """The pane was refilled (zoom, theme): put the filter back, let side by side follow."""
        if self.speaker_button.choice is not None and not is_filtered(self.view.text):
            self._apply_filter()
        if self.side_by_side is not None:
            self.side_by_side.set_reading_font(reading_font(getattr(self.view, "zoom", 1.0)))
            self.side_by_side.set_colours(self.window.colours)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self, self._restyled)  # the window sets its colours after the palette
        elif watched is self.view.text and event.type() == QEvent.Type.Show and self._pending_place is not None:
            QTimer.singleShot(0, self, self._restore_pending_place)
        return False

    def _restore_pending_place(self) -> None:
        pending, self._pending_place = self._pending_place, None
        if pending is not None and pending[0] == self.shown_id and self.view.text.isVisible():
            places.scroll_to_paragraph(self.view.text, pending[1], pending[2])

    # -- font ----------------------------------------------------------------------------------------

    def set_font_choice(self, choice: str) -> None:
        """Serif or sans reading text, kept for the next start."""
        if choice not in FONT_CHOICES:
            raise ValueError(f"unknown reading font {choice!r}")
        self.font_choice = choice
        self.settings.setValue("reading/font", choice)
        set_reading_family(choice)
        place = self.reading_place()
        zoom = getattr(self.view, "zoom", 1.0)
        set_zoom = getattr(self.view.text, "set_zoom", None)
        if set_zoom is not None:
            set_zoom(zoom)  # the column's width follows the font's
        self.view.set_colours(self.window.colours)
        self._restyled()
        if not self.side_by_side_on and self.view.transcript is not None:
            places.scroll_to_paragraph(self.view.text, place[0], place[1], move_caret=False)

    def _preferences_page(self) -> QWidget:
        from reader.ui.reading_preferences import ReadingPage

        return ReadingPage(self.settings, self.font_choice, self.set_font_choice)

    # -- printing ----------------------------------------------------------------------------------

    def print_document(self):  # noqa: ANN201 - QTextDocument, imported lazily
        """What Ctrl+P prints: the side-by-side table when it is shown, else the open version."""
        from reader.ui.printing import prepend_title, transcript_document

        transcript = self.view.transcript
        if transcript is None:
            return None
        if self.side_by_side_on and self.side_by_side is not None and self.side_by_side.right is not None:
            document = self.side_by_side.print_document()
            right = self.side_by_side.right
            prepend_title(document, transcript.title, right.title)
            return document
        return transcript_document(transcript, reading_font())

    def print_open(self) -> None:
        from reader.ui.printing import print_with_dialog

        document = self.print_document()
        if document is None:
            self.window.statusBar().showMessage(self.tr("Open a transcript to print it."), 4000)
            return
        assert self.view.transcript is not None
        print_with_dialog(self.window, document, self.view.transcript.title)

    def print_to_pdf(self, path: Path) -> None:
        """Save what Ctrl+P would print as a PDF file (also for tests and scripts)."""
        from reader.ui.printing import print_to_pdf

        document = self.print_document()
        if document is None or self.view.transcript is None:
            raise ValueError("no transcript is open")
        print_to_pdf(document, path, self.view.transcript.title)

    # -- linking versions --------------------------------------------------------------------------

    def link_versions(self) -> None:
        from reader.ui.link_versions import LinkVersionsDialog

        transcript = self.view.transcript
        if transcript is None or transcript.id is None:
            return
        summary = TranscriptSummary(
            transcript.id,
            transcript.title,
            transcript.language,
            transcript.published_date,
            transcript.published_time,
            transcript.doc_type,
            transcript.available_languages,
        )
        dialog = LinkVersionsDialog(self.library, summary, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._linked(dialog.linked_id))
        dialog.open()
        self.link_dialog = dialog

    def _linked(self, other: int | None) -> None:
        if other is not None:
            self.window.statusBar().showMessage(self.tr("Linked as language versions of one document."), 5000)

    def unlink_versions(self) -> None:
        from reader.ui.link_versions import show_refusal

        if self.window.current_id is None:
            return
        try:
            self.library.unlink(self.window.current_id)
        except LibraryError as err:
            self.refusal = show_refusal(self.window, self.tr("This transcript cannot be unlinked"), str(err))
            return
        self.window.statusBar().showMessage(
            self.tr("Unlinked: this transcript is no longer a version of the others."), 5000
        )

    # -- remembering places ------------------------------------------------------------------------

    def _load_positions(self) -> OrderedDict[str, list[float]]:
        raw = self.settings.value(f"reading/positions/{self._key}", "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        return OrderedDict((str(k), v) for k, v in data.items() if isinstance(v, list) and len(v) == 2)

    def _save_positions(self, *, sync: bool) -> None:
        while len(self._positions) > POSITIONS_KEPT:
            self._positions.popitem(last=False)
        self.settings.setValue(f"reading/positions/{self._key}", json.dumps(self._positions))
        if sync:
            self.settings.sync()

    def remembered_place(self, transcript_id: int) -> tuple[int, float] | None:
        found = self._positions.get(str(transcript_id))
        return (int(found[0]), float(found[1])) if found else None
