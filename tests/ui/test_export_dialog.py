"""Export (Ctrl+E) and import of annotations in the window, driven like a user: a real library with
annotations in English and Russian, real files written to and read from tmp_path."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.export import FORMATS
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.model import AnnotationKind
from reader.ui.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow

RUSSIAN_NOTE = "Проверить: договор 1971 года"


def russian_id(library: Library) -> int:
    return int(next(s.id for s in library.summaries() if s.title.startswith("Интервью Министра")))


def english_id(library: Library) -> int:
    return int(next(s.id for s in library.summaries() if s.title.startswith("Foreign Minister Sergey Lavrov")))


def annotate(library: Library) -> dict[str, list[int]]:
    """Three highlights in the Russian interview (one red, with Cyrillic note and tags), two in the English."""
    made: dict[str, list[int]] = {"ru": [], "en": []}
    for language, tid in (("ru", russian_id(library)), ("en", english_id(library))):
        spans = library.transcript(tid).paragraph_offsets()
        count = 3 if language == "ru" else 2
        for n, (start, end) in enumerate(spans[1 : 1 + count]):
            color = "red" if (language, n) == ("ru", 1) else "yellow"
            a = library.add_annotation(tid, start, min(end, start + 80), color=color)
            if language == "ru":
                library.update_annotation(a.id, note=f"{RUSSIAN_NOTE} ({n + 1})", tags=["санкции", "ШОС"][: n + 1])
            made[language].append(a.id)
    return made


@pytest.fixture
def annotated(library: Library) -> Library:
    annotate(library)
    return library


@pytest.fixture
def window(qtbot, annotated: Library, settings: QSettings):  # noqa: ANN201
    win = MainWindow(annotated, settings)
    qtbot.add_widget(win)
    win.resize(1280, 800)
    yield win
    if win.import_run is not None:
        win.import_run.wait()


def open_dialog(qtbot, window: MainWindow) -> ExportDialog:  # noqa: ANN001
    window.command_actions["file.export"].trigger()  # Ctrl+E
    dialog = window.library_actions.export_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.total is not None, timeout=10_000)
    return dialog


def export_to(qtbot, dialog: ExportDialog, path: Path) -> tuple[str, int]:  # noqa: ANN001
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return signal.args[0], signal.args[1]


def choose(dialog: ExportDialog, *, scope: str | None = None, fmt: str | None = None) -> None:
    if scope is not None:
        dialog.scope_buttons[scope].setChecked(True)
    if fmt is not None:
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    dialog.refresh_preview()


def settled(qtbot, dialog: ExportDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: dialog.total is not None and not dialog.jobs.busy, timeout=10_000)


# -- every format, to a file -----------------------------------------------------------------------------


def test_markdown_of_the_whole_library_holds_every_quote_and_the_russian_notes(qtbot, window, annotated, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="markdown")
    settled(qtbot, dialog)
    written, count = export_to(qtbot, dialog, tmp_path / "notes.md")
    text = Path(written).read_text(encoding="utf-8")
    quotes = [a.exact for a in annotated.annotations()]
    assert count == len(quotes) == 5
    assert all(f"> {quote.splitlines()[0]}" in text for quote in quotes)
    assert f"{RUSSIAN_NOTE} (2)" in text and "санкции" in text
    assert not dialog.isVisible()
    assert "Exported 5 annotations" in window.statusBar().currentMessage()


def test_csv_reads_back_in_the_csv_module_with_cyrillic_intact(qtbot, window, annotated, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="csv")
    settled(qtbot, dialog)
    written, _ = export_to(qtbot, dialog, tmp_path / "notes.csv")
    assert Path(written).read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(Path(written).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5
    assert {r["quote"] for r in rows} == {a.exact for a in annotated.annotations()}
    assert sum(1 for r in rows if r["note"].startswith(RUSSIAN_NOTE)) == 3


def test_jsonld_is_a_w3c_annotation_collection(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="jsonld")
    settled(qtbot, dialog)
    written, _ = export_to(qtbot, dialog, tmp_path / "notes.jsonld")
    data = json.loads(Path(written).read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert len(items) == 5
    for item in items:
        assert item["type"] == "Annotation"
        assert {s["type"] for s in item["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}


def test_html_marks_the_quotes_in_their_colours(qtbot, window, annotated, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="html")
    settled(qtbot, dialog)
    written, _ = export_to(qtbot, dialog, tmp_path / "notes.html")
    text = Path(written).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert text.count("<mark") >= 5
    assert RUSSIAN_NOTE in text


def test_native_json_holds_everything(qtbot, window, annotated, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="json")
    settled(qtbot, dialog)
    written, _ = export_to(qtbot, dialog, tmp_path / "backup.json")
    data = json.loads(Path(written).read_text(encoding="utf-8"))
    assert data["format"] == "transcript-reader-annotations"
    assert sum(len(d["annotations"]) for d in data["documents"]) == 5
    assert [e["key"] for e in data["color_legend"]][:2] == ["yellow", "red"]


def test_the_counterpart_paragraph_comes_along_when_asked(qtbot, window, annotated, tmp_path):
    from tests.conftest import FIXTURES

    import_paths(annotated, [FIXTURES / "versions" / "interview_2021-03-22_ru.txt"])  # the seed's Russian version
    window.open_transcript(english_id(annotated))
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="document", fmt="csv")
    assert not dialog.counterparts.isEnabled()  # only Markdown and HTML show the other language
    choose(dialog, fmt="markdown")
    dialog.counterparts.setChecked(True)
    dialog.refresh_preview()
    settled(qtbot, dialog)
    assert "> > *Russian, paragraph" in dialog.preview.toPlainText()
    written, count = export_to(qtbot, dialog, tmp_path / "with-russian.md")
    assert count == 2
    text = Path(written).read_text(encoding="utf-8")
    assert text.count("> > *Russian, paragraph") == 2  # under each quote, the Russian paragraph that says it


# -- scope, filters, preview ---------------------------------------------------------------------------


def test_preview_shows_the_first_entry_and_the_count(qtbot, window, annotated):
    window.open_transcript(russian_id(annotated))
    dialog = open_dialog(qtbot, window)
    assert dialog.scope_kind() == "document"  # the open transcript, by default
    settled(qtbot, dialog)
    first = annotated.annotations(russian_id(annotated))[0]
    shown = dialog.preview.toPlainText()
    assert first.exact.splitlines()[0][:40] in shown
    assert RUSSIAN_NOTE in shown
    assert dialog.count_label.text() == "3 annotations from 1 transcript"


def test_scope_and_filters_change_what_is_exported(qtbot, window, annotated):
    window.open_transcript(english_id(annotated))
    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "2 annotations from 1 transcript"
    choose(dialog, scope="library")
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "5 annotations from 2 transcripts"
    red = next(dialog.colour_list.item(r) for r in range(dialog.colour_list.count())
               if dialog.colour_list.item(r).data(Qt.ItemDataRole.UserRole) == "red")  # fmt: skip
    red.setCheckState(Qt.CheckState.Checked)
    dialog.refresh_preview()
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "1 annotation from 1 transcript"
    red.setCheckState(Qt.CheckState.Unchecked)
    tag = next(
        dialog.tag_list.item(r) for r in range(dialog.tag_list.count()) if dialog.tag_list.item(r).text() == "ШОС"
    )
    tag.setCheckState(Qt.CheckState.Checked)
    dialog.refresh_preview()
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "2 annotations from 1 transcript"


def test_a_date_range_picks_the_transcripts_published_in_it(qtbot, window, annotated):
    from PySide6.QtCore import QDate

    dialog = open_dialog(qtbot, window)
    dialog.date_from.setDate(QDate(2021, 4, 1))  # editing a date chooses the range
    dialog.date_to.setDate(QDate(2021, 4, 30))
    assert dialog.scope_kind() == "dates"
    dialog.refresh_preview()
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "3 annotations from 1 transcript"  # the Russian interview, 6 April
    dialog.date_from.setDate(QDate(2021, 5, 1))
    dialog.refresh_preview()
    assert not dialog.export_button.isEnabled()
    assert "after the last" in dialog.preview.toPlainText()


def test_search_results_are_a_scope_only_while_a_search_is_shown(qtbot, window, annotated):
    window.show()
    dialog = open_dialog(qtbot, window)
    assert not dialog.scope_buttons["search"].isEnabled()
    assert "Search the archive first" in dialog.scope_buttons["search"].toolTip()
    dialog.reject()
    panel = window.search.panel
    panel.field.setText("Индия")
    panel.flush()
    qtbot.waitUntil(lambda: window.search.page is not None and window.search.total > 0, timeout=10_000)
    dialog = open_dialog(qtbot, window)
    assert dialog.scope_buttons["search"].isEnabled()
    choose(dialog, scope="search")
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "3 annotations from 1 transcript"


# -- where to: remembered, asked before replacing, refused clearly -------------------------------------------


def test_format_and_folder_are_remembered(qtbot, window, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="csv")
    settled(qtbot, dialog)
    export_to(qtbot, dialog, folder / "first.csv")
    again = open_dialog(qtbot, window)
    assert again.format_name() == "csv"
    assert Path(again.path_edit.text()).parent == folder
    assert again.path_edit.text().endswith(".csv")
    choose(again, fmt="markdown")  # the suggested name follows the format
    assert again.path_edit.text().endswith(".md")


def test_an_existing_file_is_replaced_only_when_the_user_says_so(qtbot, window, tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("my own notes", encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    choose(dialog, scope="library", fmt="markdown")
    settled(qtbot, dialog)
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible() and "notes.md" in box.text()
    box.findChild(type(dialog.export_button), "keepButton").click()
    qtbot.waitUntil(lambda: dialog.confirm_box is None)
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.confirm_box.findChild(type(dialog.export_button), "replaceButton").click()
    assert target.read_text(encoding="utf-8").startswith("# Annotations")


def test_a_folder_that_is_not_there_is_said_plainly_and_nothing_is_written(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    dialog.path_edit.setText(str(tmp_path / "missing" / "notes.md"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == f"The folder {tmp_path / 'missing'} does not exist. Choose another folder."
    dialog.path_edit.setText(str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == f"{tmp_path} is a folder; add a file name."
    assert dialog.isVisible() and list(tmp_path.glob("*.md")) == []


def test_a_folder_that_cannot_be_written_is_said_plainly(qtbot, window, tmp_path):
    from tests.test_faults import read_only_folder

    folder = read_only_folder(tmp_path)
    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    dialog.path_edit.setText(str(folder / "notes.md"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    if dialog.error_label.text().startswith("You cannot write"):
        assert dialog.error_label.text() == f"You cannot write to the folder {folder}. Choose another folder."
    else:  # root may pass the permission check; the write itself then fails and says so
        qtbot.waitUntil(lambda: not dialog.exporting, timeout=10_000)
        assert dialog.error_label.text().startswith(f"Cannot write to the folder {folder}")
    assert dialog.isVisible()


# -- a large export: progress, cancel ---------------------------------------------------------------------


@pytest.fixture
def big_library(tmp_path: Path) -> Library:
    """40 synthetic transcripts with 25 annotations each: 1,000 annotations, four progress steps."""
    from reader.core.export.annotation_import import import_annotations
    from tests.bench import export_bench
    from tests.bench.corpus import generate

    library = Library.open(tmp_path / "big.sqlite")
    import_paths(library, generate(tmp_path / "corpus", 40, seed=1))
    source = tmp_path / "annotations.json"
    original, export_bench.PER_TRANSCRIPT = export_bench.PER_TRANSCRIPT, 25
    try:
        source.write_text(json.dumps(export_bench.annotation_file(library, random.Random(1))), encoding="utf-8")
    finally:
        export_bench.PER_TRANSCRIPT = original
    import_annotations(library, source)
    yield library
    library.close()


def test_a_large_export_shows_its_progress(qtbot, big_library, settings, tmp_path):
    win = MainWindow(big_library, settings)
    qtbot.add_widget(win)
    dialog = open_dialog(qtbot, win)
    choose(dialog, scope="library", fmt="csv")
    settled(qtbot, dialog)
    assert dialog.count_label.text() == "1,000 annotations from 40 transcripts"
    steps: list[tuple[int, int]] = []
    dialog.jobs.progressed.connect(lambda done, total: steps.append((done, total)))
    maxima: list[int] = []
    dialog.jobs.progressed.connect(lambda *_: maxima.append(dialog.progress.maximum() if dialog.progress else -1))
    written, count = export_to(qtbot, dialog, tmp_path / "all.csv")
    assert count == 1000
    assert steps[0] == (0, 0)  # reading first: a busy bar
    assert steps[1:] == [(250, 1000), (500, 1000), (750, 1000), (1000, 1000)]
    assert 1000 in maxima
    assert len(Path(written).read_text(encoding="utf-8-sig").splitlines()) == 1001


def test_a_cancelled_export_writes_nothing(qtbot, big_library, settings, tmp_path):
    win = MainWindow(big_library, settings)
    qtbot.add_widget(win)
    dialog = open_dialog(qtbot, win)
    choose(dialog, scope="library", fmt="markdown")
    settled(qtbot, dialog)
    # As the Cancel button does, but on the worker's own thread at its first step, so it cannot finish first.
    dialog.jobs.progressed.connect(
        lambda done, _total: done and dialog.jobs.cancel_export(), Qt.ConnectionType.DirectConnection
    )
    dialog.path_edit.setText(str(tmp_path / "all.md"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=20_000)
    assert dialog.error_label.text() == "The export was cancelled; nothing was written."
    assert list(tmp_path.glob("*.md")) == [] and list(tmp_path.glob(".*.tmp")) == []


# -- import of annotations ---------------------------------------------------------------------------------


@pytest.fixture
def exported_file(annotated: Library, tmp_path: Path) -> Path:
    from reader.core.export import export

    path = tmp_path / "moved.json"
    path.write_text(export(annotated, "json"), encoding="utf-8")
    return path


@pytest.fixture
def fresh_window(qtbot, tmp_path: Path, files: dict[str, Path], settings: QSettings):  # noqa: ANN001, ANN201
    """Another library holding the same transcripts, without annotations (another machine)."""
    library = Library.open(tmp_path / "other.sqlite")
    import_paths(library, list(files.values()))
    win = MainWindow(library, settings)
    qtbot.add_widget(win)
    yield win
    library.close()


def run_import(qtbot, window: MainWindow, file: Path, monkeypatch) -> QMessageBox:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(file), ""))
    actions = window.library_actions
    window.command_actions["file.import_annotations"].trigger()
    qtbot.waitUntil(lambda: actions.annotation_import is None and actions.message_box is not None, timeout=20_000)
    box = actions.message_box
    assert box is not None and box.isVisible()
    return box


def test_imported_annotations_are_reported_and_shown(qtbot, fresh_window, exported_file, monkeypatch):
    window = fresh_window
    window.open_transcript(russian_id(window.library))
    assert window.annotations.layer.annotations == []
    box = run_import(qtbot, window, exported_file, monkeypatch)
    assert box.objectName() == "annotationImportReport"
    assert box.text() == "moved.json: 5 annotations (Transcript Reader JSON)"
    assert box.informativeText().splitlines()[:3] == [
        "5 added",
        "0 already present",
        "0 unmatched: kept until their transcript is in the library",
    ]
    box.close()
    qtbot.waitUntil(lambda: len(window.annotations.layer.annotations) == 3)  # the open transcript's highlights
    assert {a.kind for a in window.annotations.layer.annotations} == {AnnotationKind.HIGHLIGHT}
    again = run_import(qtbot, window, exported_file, monkeypatch)
    assert again.informativeText().splitlines()[:2] == ["0 added", "5 already present"]
    assert len(window.library.annotations()) == 5


def test_a_broken_annotation_file_is_refused_plainly_and_changes_nothing(qtbot, fresh_window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "transcript-reader-annotations", "version": 1, "documents": "<script>"}', "utf-8")
    box = run_import(qtbot, fresh_window, bad, monkeypatch)
    assert box.objectName() == "annotationImportFailed"
    assert box.text() == "The annotations in bad.json could not be imported."
    assert "documents" in box.informativeText() and "Traceback" not in box.informativeText()
    assert fresh_window.library.annotations() == []


def test_the_dialog_offers_every_format_of_the_core(qtbot, window) -> None:
    dialog = open_dialog(qtbot, window)
    offered = [(dialog.format_box.itemData(i), dialog.format_box.itemText(i)) for i in range(dialog.format_box.count())]
    assert offered == [(f.name, f.title) for f in FORMATS.values()]
