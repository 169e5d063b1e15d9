"""Opening a transcript in the reading pane. Qt lays a long text out lazily: the first screen at once,
the rest in steps on the event loop, its scroll range an estimate until then. Whatever the reader does
right after opening must still find everything in its place: the whole text, a reading place far down,
the highlights and the tint behind a question beyond the first screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import Transcript
from reader.ui import places
from reader.ui.actions import build_actions
from reader.ui.annotation_layer import legend_color
from reader.ui.annotations import AnnotationsController
from reader.ui.themes import DARK, LIGHT
from reader.ui.transcript_view import QUESTION_PADDING, TranscriptView
from tests.bench.annotations_bench import long_document

HEADER = "7 July 201817:26\n\nBriefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, July 7, 2018\n\n"


class Window(QMainWindow):
    """The reading pane with its annotations, as the main window has them."""

    def __init__(self, library: Library, settings: QSettings) -> None:
        super().__init__()
        self.library = library
        self.view = TranscriptView(self, colours=LIGHT)
        self.setCentralWidget(self.view)
        self.annotations = AnnotationsController(library, self.view, window=self, settings=settings)
        build_actions(self, self.annotations.handlers())
        self.resize(1000, 720)


@pytest.fixture
def long_library(tmp_path: Path) -> Library:
    """A long briefing (165k characters, its questions at the end), and a text that is dense at the top
    and sparse below (one long paragraph, then 600 one-line turns): Qt's estimate of its height from
    the first lines falls far short."""
    long_file = tmp_path / "long.txt"
    long_file.write_text(long_document(), encoding="utf-8")
    dense = " ".join(["The talks were held in a frank and constructive atmosphere, and the sides agreed."] * 60)
    turns = [line for n in range(300) for line in (f"Question: Will you go on visit {n}?", "Maria Zakharova: Yes.")]
    sparse_file = tmp_path / "sparse.txt"
    sparse_file.write_text(
        HEADER.replace("July 7", "July 8").replace("7 July", "8 July") + dense + "\n\n" + "\n\n".join(turns) + "\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "library.sqlite")
    report = import_paths(library, [long_file, sparse_file])
    assert not report.failed, report.failed
    return library


def transcript(library: Library, date_word: str) -> Transcript:
    return library.transcript(next(s.id for s in library.summaries() if date_word in s.title))


@pytest.fixture
def window(qtbot, long_library: Library, tmp_path: Path) -> Window:  # noqa: ANN001
    win = Window(long_library, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def settle(qtbot, window: Window) -> None:  # noqa: ANN001
    """Let the annotations follow the newly filled pane (their zero timer)."""
    qtbot.waitUntil(lambda: window.annotations.layer.transcript is window.view.transcript)
    QApplication.processEvents()


def test_the_whole_text_is_there_at_once(qtbot, window: Window, long_library: Library) -> None:  # noqa: ANN001
    long = transcript(long_library, "July 7")
    window.view.show_transcript(long)
    pane = window.view.text
    assert pane.document().toPlainText() == long.text
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # before Qt laid the rest out
    assert pane.textCursor().position() == len(long.text)
    # The end of the text is on screen with the caret on it (the view stops at the caret's line, which may
    # leave the few pixels of the bottom margin below it unscrolled).
    bar = pane.verticalScrollBar()
    caret = lambda: pane.cursorRect(pane.textCursor())  # noqa: E731
    at_end = lambda: bar.value() >= bar.maximum() - pane.viewport().height() // 4 and bar.value() > 0  # noqa: E731
    qtbot.waitUntil(lambda: caret().top() >= 0 and caret().bottom() <= pane.viewport().height() and at_end())
    last = pane.document().lastBlock()
    assert last.text() == long.paragraphs[-1].shown_text


@pytest.mark.parametrize("move_caret", [True, False])
def test_a_place_far_down_is_reached_right_after_opening(
    window: Window, long_library: Library, move_caret: bool
) -> None:
    sparse = transcript(long_library, "July 8")
    window.view.show_transcript(sparse)
    pane = window.view.text
    target = len(sparse.paragraphs) - 40
    estimated = pane.verticalScrollBar().maximum()
    places.scroll_to_paragraph(pane, target, move_caret=move_caret)  # as the reading place is restored
    assert places.top_paragraph(pane)[0] == target
    assert pane.verticalScrollBar().maximum() > estimated  # the estimate fell short: this is what it tests


def test_a_theme_change_keeps_a_place_far_down(qtbot, window: Window, long_library: Library) -> None:  # noqa: ANN001
    sparse = transcript(long_library, "July 8")
    window.view.show_transcript(sparse)
    pane = window.view.text
    target = len(sparse.paragraphs) - 40
    places.scroll_to_paragraph(pane, target, move_caret=False)
    window.view.set_colours(DARK)  # refilled: laid out lazily again, from an estimate that falls short
    assert places.top_paragraph(pane)[0] == target
    assert pane.document().toPlainText() == sparse.text


def test_highlights_beyond_the_first_screen_are_painted(qtbot, window: Window, long_library: Library) -> None:  # noqa: ANN001
    long = transcript(long_library, "July 7")
    assert long.id is not None
    offsets = long.paragraph_offsets()
    legend = long_library.color_legend()
    near, far = 1, len(long.paragraphs) - 30  # on the first screen; far beyond it
    first = long_library.add_annotation(long.id, offsets[near][0], offsets[near][0] + 40, color=legend[1].key)
    last = long_library.add_annotation(long.id, offsets[far][0], offsets[far][0] + 40, color=legend[2].key)
    window.view.show_transcript(long)
    settle(qtbot, window)
    pane = window.view.text
    assert highlighted_share(window, first.start, first.end, legend_color(legend[1].hex, LIGHT)) > 0.3
    places.scroll_to_paragraph(pane, far)  # Qt has not laid this far out yet
    QApplication.processEvents()
    assert highlighted_share(window, last.start, last.end, legend_color(legend[2].hex, LIGHT)) > 0.3


def highlighted_share(window: Window, start: int, end: int, colour: QColor) -> float:
    """How much of the first line of the range [start, end) is painted in `colour` on the screen."""
    pane = window.view.text
    cursor = pane.textCursor()
    cursor.setPosition(start)
    left = pane.cursorRect(cursor)
    cursor.setPosition(start + 20)
    right = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    y = left.center().y()
    xs = range(left.left() + 1, right.left())
    return sum(image.pixelColor(x, y) == colour for x in xs) / max(1, len(xs))


def test_the_tint_behind_a_question_far_down_is_painted(window: Window, long_library: Library) -> None:
    long = transcript(long_library, "July 7")
    question = max(i for i, p in enumerate(long.paragraphs) if p.speaker == "Question")
    window.view.show_transcript(long)
    pane = window.view.text
    places.scroll_to_paragraph(pane, question, move_caret=False)  # beyond what Qt laid out so far
    image = pane.viewport().grab().toImage()
    rect = pane.document().documentLayout().blockBoundingRect(places.paragraph_block(pane, question))
    rect.translate(0, -pane.verticalScrollBar().value())
    bar = image.pixelColor(int(rect.left()) - QUESTION_PADDING + 1, int(rect.center().y()))
    tint = image.pixelColor(int(rect.right()) + QUESTION_PADDING // 2, int(rect.center().y()))
    assert bar.name() == LIGHT.question_label
    assert tint.name() == LIGHT.question_background
