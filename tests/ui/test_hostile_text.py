"""Hostile transcript text in the window: markup, file links, direction overrides, zero-width characters
and a 100,000-character line show as the characters they are, and nothing is loaded or followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument

from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import OutcomeKind, Transcript
from reader.ui.transcript_list import TITLE, TranscriptListModel
from reader.ui.transcript_view import TranscriptView
from tests.test_faults import HOSTILE, IMAGE, LINK, LONG_LINE, SCRIPT, hostile_page


@pytest.fixture
def hostile_library(tmp_path: Path):  # noqa: ANN201
    page = tmp_path / "hostile.txt"
    page.write_text(hostile_page(), encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite") as library:
        [outcome] = import_paths(library, [page]).outcomes
        assert outcome.kind is OutcomeKind.IMPORTED, outcome.message
        yield library


@pytest.fixture
def hostile(hostile_library: Library) -> Transcript:
    [summary] = hostile_library.summaries()
    return hostile_library.transcript(summary.id)


@pytest.fixture
def view(qtbot, hostile: Transcript) -> TranscriptView:  # noqa: ANN001
    view = TranscriptView()
    qtbot.add_widget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_transcript(hostile)
    return view


def fragments(document: QTextDocument) -> list:
    found, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            found.append(it.fragment())
            it += 1
        block = block.next()
    return found


def test_the_pane_shows_hostile_text_as_the_characters_it_is(view: TranscriptView, hostile: Transcript) -> None:
    text = view.text.toPlainText()
    assert text == hostile.text
    for written in (*HOSTILE, LONG_LINE):
        assert written in text
    assert "zerowidth joiners here and there" in text  # the parser dropped the invisible characters


def test_nothing_in_the_pane_is_an_image_a_link_or_markup(view: TranscriptView) -> None:
    document = view.text.document()
    for fragment in fragments(document):
        char_format = fragment.charFormat()
        assert not char_format.isImageFormat()
        assert not char_format.isAnchor() and not char_format.anchorHref()
    html = document.toHtml()
    assert "<img" not in html and "<a " not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_100000_character_line_is_laid_out_and_painted(view: TranscriptView) -> None:
    document = view.text.document()
    size = document.documentLayout().documentSize()  # lays out the whole document
    long_block = document.findBlock(view.text.toPlainText().index(LONG_LINE))
    assert long_block.length() == len(LONG_LINE) + 1
    assert long_block.layout().lineCount() > 1000  # wrapped to the column, about 12 words a line
    assert size.height() >= long_block.layout().boundingRect().height()
    view.text.verticalScrollBar().setValue(view.text.verticalScrollBar().maximum())
    assert not view.text.grab().isNull()


def test_the_header_shows_the_title_as_written(view: TranscriptView, hostile: Transcript) -> None:
    assert hostile.title == f"Statement {SCRIPT} on {IMAGE}"
    assert view.title_label.textFormat() == Qt.TextFormat.PlainText
    assert view.title_label.text() == hostile.title


def shown_as_tooltip(tip: str) -> str:
    """The text a tooltip shows: like QToolTip, rich text when Qt guesses that it is."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


def test_a_title_with_markup_shows_as_written_in_its_tooltip(hostile_library: Library, qapp) -> None:  # noqa: ANN001
    [summary] = hostile_library.summaries()
    model = TranscriptListModel()
    model.set_summaries([summary])
    tip = model.data(model.index(0, TITLE, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
    assert shown_as_tooltip(tip) == summary.title


def test_a_link_is_not_followed_from_the_pane(view: TranscriptView) -> None:
    assert not view.text.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse
    assert LINK in view.text.toPlainText()
