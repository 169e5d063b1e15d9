"""Annotations through the library: every kind, bad input, undo, re-anchoring on re-import, durability, CLI."""

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from reader.core.importer import import_paths
from reader.core.library import KEEP, Library, LibraryError, UnknownAnnotation, UnknownTranscript
from reader.core.model import (
    DEFAULT_COLOR_LEGEND,
    AnnotationKind,
    ColorLegendEntry,
    InvalidAnnotation,
    OutcomeKind,
)
from tests.conftest import ROOT, SEED

ORIGINAL = SEED.read_text(encoding="utf-8")
FIRST_ANSWER = "\n\nSergey Lavrov: Our leaders and people"
INSERTED_PARAGRAPH = "\n\nQuestion: A question the corrected page added before the first answer?"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        yield lib


@pytest.fixture
def seed(library):
    [outcome] = import_paths(library, [SEED]).outcomes
    return library.transcript(outcome.id)


def span(transcript, phrase):
    start = transcript.text.index(phrase)
    return start, start + len(phrase)


def reimport(library, tmp_path, text, name="corrected.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [outcome] = import_paths(library, [path]).outcomes
    assert outcome.kind is OutcomeKind.UPDATED, outcome
    return library.transcript(outcome.id)


def saved_state(library):
    """Everything annotation-related in the file, to prove a refused change touched nothing."""
    conn = sqlite3.connect(library.path)
    try:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("annotations", "annotation_tags", "bookmarks", "color_legend")
        ]
    finally:
        conn.close()


# -- every kind -------------------------------------------------------------------------------


def test_a_highlight_holds_the_text_of_its_range_and_is_saved(library, seed):
    start, end = span(seed, "Jiang Zemin signed in Moscow on July 16, 2001")
    a = library.add_annotation(seed.id, start, end, color="red", note="the date", tags=["China", "treaty"])
    assert a.kind is AnnotationKind.HIGHLIGHT
    assert (a.start, a.end, a.exact) == (start, end, "Jiang Zemin signed in Moscow on July 16, 2001")
    assert seed.text[a.start - len(a.prefix) : a.start] == a.prefix and len(a.prefix) == 32
    assert a.paragraph == 1 and a.color == "red" and a.note == "the date" and a.has_note
    assert a.tags == ("China", "treaty") and not a.orphan
    assert a.content_hash == seed.content_hash and a.created == a.modified
    library.close()
    with Library.open(library.path) as again:
        assert again.annotations(seed.id) == [a]
        assert again.annotation(a.id) == a


def test_a_highlight_may_span_paragraphs_and_defaults_to_the_first_colour(library, seed):
    start = seed.text.index("Russian-Chinese ties?")
    end = seed.text.index("Our leaders") + len("Our leaders")
    a = library.add_annotation(seed.id, start, end)
    assert a.exact == "Russian-Chinese ties?\n\nSergey Lavrov: Our leaders"
    assert a.paragraph == 0
    assert a.color == library.color_legend()[0].key == "yellow"
    assert a.note is None and not a.has_note


def test_paragraph_and_transcript_notes(library, seed):
    p = library.add_paragraph_note(seed.id, 2, "Compare with the 2001 text.", tags=["treaty"])
    start, end = seed.paragraph_offsets()[2]
    assert p.kind is AnnotationKind.PARAGRAPH_NOTE
    assert (p.start, p.end, p.paragraph) == (start, end, 2)
    assert p.exact == seed.paragraphs[2].shown_text and p.color is None
    t = library.add_transcript_note(seed.id, "Given before the Guilin visit.")
    assert t.kind is AnnotationKind.TRANSCRIPT_NOTE and (t.start, t.end, t.paragraph) == (0, 0, None)
    # reading order: the transcript note first, then by position
    h = library.add_annotation(seed.id, start + 10, start + 30)  # inside the noted paragraph
    assert [a.id for a in library.annotations(seed.id)] == [t.id, p.id, h.id]
    assert [a.id for a in library.annotations()] == [t.id, p.id, h.id]
    with pytest.raises(InvalidAnnotation, match="no paragraph 999"):
        library.add_paragraph_note(seed.id, 999, "nowhere")
    with pytest.raises(InvalidAnnotation, match="empty"):
        library.add_transcript_note(seed.id, "   \n ")


def test_bookmarks_toggle_label_list_and_delete(library, seed):
    b, on = library.toggle_bookmark(seed.id, 4)
    assert on and b.paragraph == 4 and b.label is None
    labelled = library.add_bookmark(seed.id, 7, label="  the Guilin   part ")
    assert labelled.label == "the Guilin part"
    assert library.add_bookmark(seed.id, 7).id == labelled.id  # one bookmark per place
    assert [x.paragraph for x in library.bookmarks(seed.id)] == [4, 7]
    assert library.set_bookmark_label(b.id, "start here").label == "start here"
    removed, on = library.toggle_bookmark(seed.id, 4)
    assert not on and removed.id == b.id
    assert [x.paragraph for x in library.bookmarks()] == [7]
    gone = library.delete_bookmark(labelled.id)
    assert library.bookmarks(seed.id) == []
    assert library.restore_bookmark(gone) == gone  # undo keeps id, label and time
    assert library.bookmarks(seed.id) == [gone]
    with pytest.raises(InvalidAnnotation):
        library.toggle_bookmark(seed.id, 500)


def test_tags_are_trimmed_deduplicated_and_completed_in_the_first_spelling(library, seed):
    a = library.add_annotation(seed.id, 0, 8, tags=["  China ", "   ", "", "china", "sanctions\n"])
    assert a.tags == ("China", "sanctions")
    b = library.add_annotation(seed.id, 10, 20, tags=["CHINA", "Treaty  of   2001"])
    assert b.tags == ("China", "Treaty of 2001")
    assert library.annotation_tags() == ["China", "Treaty of 2001", "sanctions"]
    assert library.annotation_tags("ch") == ["China"]
    assert library.annotation_tags("tr") == ["Treaty of 2001"]


def test_update_changes_only_what_is_given_and_the_modification_time(library, seed):
    a = library.add_annotation(seed.id, *span(seed, "Treaty"), note="first", tags=["a"])
    b = library.update_annotation(a.id, note="second\r\nline")
    assert b.note == "second\nline" and b.color == a.color and b.tags == ("a",)
    assert b.created == a.created and b.modified >= a.modified
    c = library.update_annotation(a.id, color="blue", tags=["b", "c"], note=KEEP)
    assert (c.color, c.tags, c.note) == ("blue", ("b", "c"), "second\nline")
    d = library.update_annotation(a.id, note=None, tags=[])
    assert d.note is None and d.tags == () and not d.has_note
    with pytest.raises(InvalidAnnotation, match="needs a colour"):
        library.update_annotation(a.id, color=None)
    with pytest.raises(UnknownAnnotation):
        library.update_annotation(9999, note="x")


# -- undo and redo ------------------------------------------------------------------------------


def test_delete_and_restore_keep_the_id_and_everything_else(library, seed):
    a = library.add_annotation(seed.id, *span(seed, "historical document"), note="n", tags=["x", "y"])
    other = library.add_annotation(seed.id, *span(seed, "Treaty"))
    removed = library.delete_annotation(a.id)
    assert removed == a
    assert [x.id for x in library.annotations(seed.id)] == [other.id]
    assert library.restore_annotation(removed) == a  # undo
    assert library.annotation(a.id) == a
    assert library.delete_annotation(a.id) == a  # redo
    with pytest.raises(UnknownAnnotation):
        library.annotation(a.id)


def test_undo_of_a_change_puts_the_previous_annotation_back(library, seed):
    before = library.add_annotation(seed.id, *span(seed, "historical document"), note="old", tags=["t"])
    after = library.update_annotation(before.id, note="new", color="green", tags=[])
    assert library.restore_annotation(before) == before  # undo
    assert library.annotation(before.id).note == "old"
    assert library.restore_annotation(after) == after  # redo
    assert library.annotation(before.id).tags == ()


def test_undo_of_add_and_redo_as_commands(library, seed):
    added = library.add_annotation(seed.id, *span(seed, "Jiang Zemin"))
    undo, redo = (lambda: library.delete_annotation(added.id)), (lambda: library.restore_annotation(added))
    undo()
    assert library.annotations(seed.id) == []
    redo()
    assert library.annotations(seed.id) == [added]


def test_restoring_after_the_text_changed_reanchors(library, seed, tmp_path):
    a = library.add_annotation(seed.id, *span(seed, "Jiang Zemin signed in Moscow"))
    removed = library.delete_annotation(a.id)
    new = reimport(library, tmp_path, ORIGINAL.replace(FIRST_ANSWER, INSERTED_PARAGRAPH + FIRST_ANSWER, 1))
    restored = library.restore_annotation(removed)
    assert restored.id == a.id and new.text[restored.start : restored.end] == "Jiang Zemin signed in Moscow"
    assert restored.start > a.start and restored.content_hash == new.content_hash


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (100, 100, "empty"),
        (200, 100, "ends before it starts"),
        (-5, 10, "outside the transcript"),
        (10, 10**9, "outside the transcript"),
    ],
)
def test_a_bad_selection_is_a_clear_error_and_changes_nothing(library, seed, start, end, message):
    library.add_annotation(seed.id, 0, 8, note="keep me")
    before = saved_state(library)
    with pytest.raises(InvalidAnnotation, match=message):
        library.add_annotation(seed.id, start, end)
    assert saved_state(library) == before


def test_a_selection_of_only_blank_lines_is_refused_and_edges_are_trimmed(library, seed):
    gap = seed.paragraph_offsets()[0][1]  # the blank line after the first paragraph
    with pytest.raises(InvalidAnnotation, match="only spaces"):
        library.add_annotation(seed.id, gap, gap + 2)
    start, end = span(seed, "Our leaders")
    a = library.add_annotation(seed.id, start - 1, end + 1)
    assert a.exact == "Our leaders" and (a.start, a.end) == (start, end)


def test_a_one_megabyte_note_is_refused_and_the_saved_note_is_untouched(library, seed):
    a = library.add_annotation(seed.id, 0, 8, note="my careful note")
    before = saved_state(library)
    with pytest.raises(InvalidAnnotation, match="up to 100,000 characters"):
        library.update_annotation(a.id, note="x" * 1_000_000)
    with pytest.raises(InvalidAnnotation, match="up to 100,000 characters"):
        library.add_annotation(seed.id, 10, 20, note="я" * 1_000_000)
    assert saved_state(library) == before
    assert library.annotation(a.id).note == "my careful note"
    long_note = "A long note. " * 7000  # 91,000 characters: accepted
    assert library.update_annotation(a.id, note=long_note).note == long_note


def test_control_characters_in_a_note_are_removed_but_lines_and_tabs_kept(library, seed):
    a = library.add_annotation(seed.id, 0, 8, note="line one\x00\x07\r\n\tline two\x1b[31m\ud800 end\x7f")
    assert a.note == "line one\n\tline two[31m end"
    assert library.annotation(a.id).note == a.note
    b = library.add_annotation(seed.id, 10, 20, note="\x00\x01  \n")
    assert b.note is None  # nothing but control characters and spaces: no note


def test_an_unknown_colour_transcript_or_annotation_is_a_clear_error(library, seed):
    before = saved_state(library)
    with pytest.raises(InvalidAnnotation, match="no colour “magenta”.*yellow, red"):
        library.add_annotation(seed.id, 0, 8, color="magenta")
    with pytest.raises(UnknownTranscript):
        library.add_annotation(4242, 0, 8)
    with pytest.raises(UnknownAnnotation):
        library.delete_annotation(4242)
    with pytest.raises(InvalidAnnotation, match="A tag can have up to"):
        library.add_annotation(seed.id, 0, 8, tags=["x" * 500])
    assert saved_state(library) == before


def test_a_read_only_library_refuses_annotations(tmp_path, seed, library):
    library.close()
    with Library.open(library.path, read_only=True) as ro, pytest.raises(LibraryError, match="read-only"):
        ro.add_annotation(seed.id, 0, 8)


# -- the colour legend ----------------------------------------------------------------------------


def test_the_default_legend_has_at_least_five_colours_with_meanings(library):
    legend = library.color_legend()
    assert legend == DEFAULT_COLOR_LEGEND and len(legend) >= 5
    assert legend[0] == ColorLegendEntry("yellow", "#FFE16B", "claim")
    assert legend[1].key == "red" and legend[1].meaning == "contradiction"
    assert all(e.meaning for e in legend)
    assert len({e.key for e in legend}) == len({e.hex for e in legend}) == len(legend)


def test_the_user_edits_the_legend_and_it_is_kept(library, seed):
    library.add_annotation(seed.id, 0, 8, color="red")
    library.set_color_meaning("yellow", "  main   thesis ")
    assert library.color_meaning("yellow") == "main thesis"
    edited = [*library.color_legend(), ColorLegendEntry("grey", "#cccccc", "background")]
    library.set_color_legend(edited)
    library.close()
    with Library.open(library.path) as again:
        assert again.color_legend()[-1] == ColorLegendEntry("grey", "#CCCCCC", "background")
        assert again.color_meaning("yellow") == "main thesis"
        before = saved_state(again)
        without_red = [e for e in again.color_legend() if e.key != "red"]
        with pytest.raises(InvalidAnnotation, match="“red” is used by 1 annotation"):
            again.set_color_legend(without_red)
        with pytest.raises(InvalidAnnotation, match="#RRGGBB"):
            again.set_color_legend([ColorLegendEntry("yellow", "gold", "claim")])
        with pytest.raises(InvalidAnnotation, match="1 to 9 colours"):
            again.set_color_legend([])
        assert saved_state(again) == before


# -- re-anchoring on re-import --------------------------------------------------------------------


def test_unchanged_annotations_and_notes_survive_a_re_import_with_other_changes(library, seed, tmp_path):
    a = library.add_annotation(seed.id, *span(seed, "Jiang Zemin"), note="who signed")
    t = library.add_transcript_note(seed.id, "whole")
    new = reimport(library, tmp_path, ORIGINAL.replace("couture ministries", "culture ministries"))
    assert new.revision == 2
    again = library.annotation(a.id)
    assert (again.start, again.end, again.exact, again.note) == (a.start, a.end, a.exact, "who signed")
    assert again.content_hash == new.content_hash and not again.orphan
    assert library.annotation(t.id).content_hash == new.content_hash


def test_an_inserted_paragraph_shifts_highlights_notes_and_bookmarks(library, seed, tmp_path):
    h = library.add_annotation(seed.id, *span(seed, "Jiang Zemin signed in Moscow"), tags=["date"])
    p = library.add_paragraph_note(seed.id, 3, "this paragraph")
    b = library.add_bookmark(seed.id, 5, label="here")
    early = library.add_annotation(seed.id, *span(seed, "This year Russia and China"))
    new = reimport(library, tmp_path, ORIGINAL.replace(FIRST_ANSWER, INSERTED_PARAGRAPH + FIRST_ANSWER, 1))
    assert len(new.paragraphs) == len(seed.paragraphs) + 1
    moved = library.annotation(h.id)
    assert new.text[moved.start : moved.end] == "Jiang Zemin signed in Moscow"
    assert moved.start == h.start + len(INSERTED_PARAGRAPH) and moved.paragraph == 2
    assert moved.modified == h.modified and moved.tags == ("date",)  # re-anchoring is not a user's change
    note = library.annotation(p.id)
    assert note.paragraph == 4 and note.exact == new.paragraphs[4].shown_text == p.exact
    assert library.bookmarks(seed.id)[0].paragraph == 6 and library.bookmarks(seed.id)[0].id == b.id
    assert library.annotation(early.id).start == early.start  # before the insertion: unmoved
    assert library.orphans() == []


def test_a_slightly_edited_quote_follows_the_edit(library, seed, tmp_path):
    a = library.add_annotation(seed.id, *span(seed, "programme of cooperation between our couture ministries"))
    new = reimport(
        library,
        tmp_path,
        ORIGINAL.replace("couture ministries", "culture ministries").replace(
            FIRST_ANSWER, INSERTED_PARAGRAPH + FIRST_ANSWER, 1
        ),
    )
    fixed = library.annotation(a.id)
    assert not fixed.orphan
    assert fixed.exact == "programme of cooperation between our culture ministries"
    assert new.text[fixed.start : fixed.end] == fixed.exact


def test_a_deleted_quote_becomes_an_orphan_kept_with_its_note_and_can_be_reattached(library, seed, tmp_path):
    sentence = "It is a truly historical document."
    a = library.add_annotation(seed.id, *span(seed, sentence), note="why historical?", tags=["treaty"])
    kept = library.add_annotation(seed.id, *span(seed, "Jiang Zemin"))
    new = reimport(library, tmp_path, ORIGINAL.replace(" " + sentence, "", 1))
    assert sentence not in new.text
    orphan = library.annotation(a.id)
    assert orphan.orphan and orphan.exact == sentence and orphan.note == "why historical?"
    assert orphan.tags == ("treaty",) and orphan.content_hash == seed.content_hash  # the version it was found in
    assert library.orphans() == [orphan] and library.orphans(seed.id) == [orphan]
    assert not library.annotation(kept.id).orphan
    assert a.id in [x.id for x in library.annotations(seed.id)]  # listed, flagged: never deleted silently
    # re-attach to a new selection
    start, end = span(new, "It provided a political foundation")
    back = library.reattach(a.id, start, end)
    assert not back.orphan and back.exact == "It provided a political foundation"
    assert back.note == "why historical?" and back.content_hash == new.content_hash
    assert library.orphans() == []


def test_an_orphan_comes_back_when_its_text_returns(library, seed, tmp_path):
    sentence = "It is a truly historical document."
    a = library.add_annotation(seed.id, *span(seed, sentence))
    reimport(library, tmp_path, ORIGINAL.replace(" " + sentence, "", 1), name="without.txt")
    assert library.annotation(a.id).orphan
    back = reimport(library, tmp_path, ORIGINAL.replace("couture", "culture"), name="restored.txt")
    found = library.annotation(a.id)
    assert not found.orphan and back.text[found.start : found.end] == sentence


def test_a_re_import_that_fails_leaves_annotations_as_they_were(library, seed, tmp_path):
    a = library.add_annotation(seed.id, *span(seed, "Jiang Zemin"))
    before = saved_state(library)
    pages = library._conn.execute("PRAGMA page_count").fetchone()[0]
    library._conn.execute(f"PRAGMA max_page_count = {pages}")  # a full disk
    changed = tmp_path / "changed.txt"
    changed.write_text(INSERTED_PARAGRAPH.join(ORIGINAL.split(FIRST_ANSWER, 1)) * 3, encoding="utf-8")
    report = import_paths(library, [changed])
    assert report.outcomes[0].kind is OutcomeKind.FAILED
    library._conn.execute("PRAGMA max_page_count = 1073741823")
    assert saved_state(library) == before and library.annotation(a.id) == a


def test_listeners_hear_each_committed_annotation_change(library, seed):
    heard = []
    library.subscribe(lambda: heard.append(len(library.annotations(seed.id))))
    a = library.add_annotation(seed.id, 0, 8)
    library.update_annotation(a.id, note="n")
    library.delete_annotation(a.id)
    library.toggle_bookmark(seed.id, 1)
    assert heard == [1, 1, 0, 0]


# -- durability -----------------------------------------------------------------------------------

_ANNOTATE_FOREVER = """
import sys
from reader.core.library import Library
library = Library.open(sys.argv[1])
transcript_id = int(sys.argv[2])
for i in range(100000):
    library.add_annotation(transcript_id, 10, 20 + i % 40, note=f"note {i}", tags=[f"tag{i % 7}"])
    print(f"done {i}", flush=True)
"""


def test_an_annotation_survives_sigkill_right_after_it_was_shown(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        [outcome] = import_paths(lib, [SEED]).outcomes
    child = subprocess.Popen(
        [sys.executable, "-c", _ANNOTATE_FOREVER, str(path), str(outcome.id)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in child.stdout:
            if line.strip() == "done 24":
                os.kill(child.pid, signal.SIGKILL)  # at once: the next write may be half done
                break
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with Library.open(path) as lib:
        assert lib.integrity_ok()
        notes = {a.note for a in lib.annotations(outcome.id)}
        assert {f"note {i}" for i in range(25)} <= notes  # every one reported done is there
        assert lib.annotation_tags()  # tags of the same transactions too
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# -- command line ---------------------------------------------------------------------------------


def cli(*args, library):
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_lists_annotations_as_json_with_the_documented_fields(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        t = lib.transcript(import_paths(lib, [SEED]).outcomes[0].id)
        start, end = span(t, "Jiang Zemin")
        a = lib.add_annotation(t.id, start, end, color="red", note="who", tags=["China"])
        lib.add_transcript_note(t.id, "whole")
    result = cli("annotations", "list", "--json", library=path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    row = next(r for r in rows if r["id"] == a.id)
    assert {
        "id",
        "transcript_id",
        "start",
        "end",
        "exact",
        "color",
        "color_meaning",
        "note",
        "tags",
        "orphan",
        "created",
        "modified",
    } <= set(row)
    assert row["transcript_id"] == t.id and (row["start"], row["end"]) == (start, end)
    assert row["exact"] == "Jiang Zemin" and row["color"] == "red" and row["color_meaning"] == "contradiction"
    assert row["note"] == "who" and row["tags"] == ["China"] and row["orphan"] is False
    assert row["created"] == a.created.isoformat(timespec="milliseconds")
    # offsets are those of `show --json`'s text
    shown = json.loads(cli("show", t.id, "--json", library=path).stdout)
    assert shown["text"][row["start"] : row["end"]] == row["exact"]
    assert json.loads(cli("annotations", "list", "--transcript", t.id, "--json", library=path).stdout) == rows
    plain = cli("annotations", "list", library=path)
    assert plain.returncode == 0 and "“Jiang Zemin”  — who  #China" in plain.stdout


def test_cli_adds_and_deletes_annotations_and_reports_bad_input(tmp_path):
    path = tmp_path / "lib.sqlite"
    cli("import", SEED, library=path)
    added = cli("annotations", "add", 1, 10, 19, "--color", "blue", "--note", "n", "--tag", "a", "--tag", "b",
                "--json", library=path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    row = json.loads(added.stdout)
    assert row["exact"] == "This year" and row["tags"] == ["a", "b"] and row["color_meaning"] == "fact, date or figure"
    empty = cli("annotations", "add", 1, 10, 10, library=path)
    assert empty.returncode == 1 and "selection is empty" in empty.stderr and "Traceback" not in empty.stderr
    colour = cli("annotations", "add", 1, 10, 19, "--color", "pink", library=path)
    assert colour.returncode == 1 and "no colour “pink”" in colour.stderr
    unknown = cli("annotations", "list", "--transcript", 99, library=path)
    assert unknown.returncode == 1 and "no transcript with id 99" in unknown.stderr
    deleted = cli("annotations", "delete", row["id"], library=path)
    assert deleted.returncode == 0
    assert json.loads(cli("annotations", "list", "--json", library=path).stdout) == []
    again = cli("annotations", "delete", row["id"], library=path)
    assert again.returncode == 1 and f"no annotation with id {row['id']}" in again.stderr
    assert cli("annotations", library=path).returncode == 2
    assert cli("annotations", "add", 1, "x", 3, library=path).returncode == 2


def test_cli_lists_orphans(tmp_path):
    path = tmp_path / "lib.sqlite"
    sentence = "It is a truly historical document."
    with Library.open(path) as lib:
        t = lib.transcript(import_paths(lib, [SEED]).outcomes[0].id)
        a = lib.add_annotation(t.id, *span(t, sentence))
        lib.add_annotation(t.id, *span(t, "Jiang Zemin"))
        reimport(lib, tmp_path, ORIGINAL.replace(" " + sentence, "", 1))
    rows = json.loads(cli("annotations", "list", "--orphans", "--json", library=path).stdout)
    assert [(r["id"], r["orphan"], r["exact"]) for r in rows] == [(a.id, True, sentence)]
    plain = cli("annotations", "list", library=path).stdout
    assert "orphan" in plain
