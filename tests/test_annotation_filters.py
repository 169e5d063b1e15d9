"""Filtering and sorting for the library-wide annotations view, and what a change notification says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.annotation_filters import AnnotationFilter, filter_annotations, sort_annotations
from reader.core.importer import import_paths
from reader.core.library import Library
from tests.conftest import ROOT

FILES = [
    ROOT / "resources" / "sample-interview-2021-03-22.txt",  # English, 22 March 2021
    ROOT / "tests" / "fixtures" / "parse" / "interview_ru_utf8.txt",  # Russian, 6 April 2021
]


@pytest.fixture
def library(tmp_path: Path):  # noqa: ANN201
    library = Library.open(tmp_path / "library.sqlite")
    import_paths(library, FILES)
    yield library
    library.close()


def ids(library: Library) -> tuple[int, int]:
    en = next(s.id for s in library.summaries() if s.language == "en")
    ru = next(s.id for s in library.summaries() if s.language == "ru")
    return en, ru


def test_every_filter_narrows_and_defaults_keep_everything(library: Library) -> None:
    en, ru = ids(library)
    a = library.add_annotation(en, 10, 19, color="yellow", note="Treaty anniversary", tags=["China"])
    b = library.add_annotation(en, 40, 60, color="red", tags=["Sanctions"])
    c = library.add_annotation(ru, 0, 6, color="red", note="Индия")
    docs = {s.id: s for s in library.summaries()}
    everything = library.annotations()

    def shown(**kw: object) -> list[int]:
        return [x.id for x in filter_annotations(everything, docs, AnnotationFilter(**kw))]  # type: ignore[arg-type]

    assert shown() == [x.id for x in everything]
    assert shown(text="treaty ANNIVERSARY") == [a.id]  # words in any order, any case
    assert shown(text="interview media china") == [a.id]  # the title counts, so do tags
    assert shown(color="red") == [b.id, c.id]
    assert shown(tag="sanctions") == [b.id]
    assert shown(language="ru") == [c.id]
    assert shown(transcript_id=en) == [a.id, b.id]
    assert shown(date_from=dt.date(2021, 4, 1)) == [c.id]
    assert shown(date_to=dt.date(2021, 3, 22)) == [a.id, b.id]
    today = dt.datetime.now(dt.UTC).date()
    assert shown(date_field="modified", date_from=today - dt.timedelta(days=1)) == [a.id, b.id, c.id]
    assert shown(date_field="modified", date_to=today - dt.timedelta(days=1)) == []
    assert shown(orphans_only=True) == []


def test_sorting_by_document_date_keeps_reading_order_within_a_document(library: Library) -> None:
    en, ru = ids(library)
    late_in_text = library.add_annotation(en, 200, 220)
    early_in_text = library.add_annotation(en, 10, 19)
    russian = library.add_annotation(ru, 0, 6)
    docs = {s.id: s for s in library.summaries()}
    by_document = sort_annotations(library.annotations(), docs, "document")
    assert [x.id for x in by_document] == [russian.id, early_in_text.id, late_in_text.id]  # newest document first
    library.update_annotation(late_in_text.id, note="changed last")
    by_change = sort_annotations(library.annotations(), docs, "modified")
    assert by_change[0].id == late_in_text.id


def test_a_listener_learns_when_only_annotations_changed(library: Library, tmp_path: Path) -> None:
    en, _ = ids(library)
    heard: list[str] = []
    library.subscribe(lambda: heard.append(library.last_change))
    a = library.add_annotation(en, 10, 19)
    library.update_annotation(a.id, note="n")
    library.toggle_bookmark(en, 1)
    library.set_color_meaning("yellow", "claims")
    library.delete_annotation(a.id)
    assert heard == ["annotations"] * 5
    library.delete(en)
    assert heard[-1] == "library" and library.last_change == "library"
