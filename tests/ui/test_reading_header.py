"""The reading pane's header lines up with the text column, but a header child wider than the column
must not widen the window: grown with the column, the margins would widen the pane, which widens the
column's margin again, without end."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.parse import parse_file
from reader.ui.transcript_view import MIN_SIDE_MARGIN, TranscriptView
from tests.conftest import SEED


def test_a_header_child_wider_than_the_column_does_not_grow_the_window(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    view = TranscriptView(window)
    QVBoxLayout(window).addWidget(view)
    qtbot.add_widget(window)
    view.show_transcript(parse_file(SEED))
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    column = view.text.viewport().width() - 2 * view.text.side_margin()
    wide = QLabel("EN · RU · FR · DE · ES · Speakers: Sergey Lavrov, Maria Zakharova", view.header)
    wide.setMinimumWidth(column + 120)  # wider than the text column, narrower than the window
    view.header.layout().addWidget(wide)
    qtbot.wait(300)
    assert window.width() == 1000
    assert view.header.layout().contentsMargins().left() >= MIN_SIDE_MARGIN
    assert wide.geometry().right() <= view.header.width()  # all of it shows


def test_the_header_lines_up_with_the_text_column(qtbot) -> None:  # noqa: ANN001
    view = TranscriptView()
    qtbot.add_widget(view)
    view.show_transcript(parse_file(SEED))
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert view.text.side_margin() > MIN_SIDE_MARGIN  # a wide pane: the column is centred
    assert view.header.layout().contentsMargins().left() == view.text.side_margin()
    assert view.title_label.geometry().left() == view.text.side_margin()
