"""Exports of annotations: every format parsed back and checked, scope and filters, atomic writing, CLI."""

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.export import (
    FORMATS,
    ExportError,
    Scope,
    document_urn,
    export,
    preview,
    write_atomically,
)
from reader.core.export.csv_export import COLUMNS
from reader.core.importer import import_paths
from reader.core.library import Library, UnknownTranscript
from reader.core.model import AnnotationKind
from tests.conftest import FIXTURES, ROOT, SEED

INTERVIEW_RU = FIXTURES / "versions" / "interview_2021-03-22_ru.txt"  # the seed's Russian version
BRIEFING = FIXTURES / "parse" / "briefing_en_toc.txt"  # a briefing with a table of contents (28 Jan 2021)
SCRIPT = "<script>alert('x')</script> check the date"


def span(transcript, phrase):
    start = transcript.text.index(phrase)
    return start, start + len(phrase)


def build_annotated(path):
    """A library with the seed, its Russian version and a briefing, annotated in every way; returns
    (library, {name: transcript}, {name: annotation})."""
    library = Library.open(path)
    ids = {}
    for name, file in (("en", SEED), ("ru", INTERVIEW_RU), ("briefing", BRIEFING)):
        [outcome] = import_paths(library, [file]).outcomes
        ids[name] = outcome.id
    t = {name: library.transcript(i) for name, i in ids.items()}
    a = {}
    a["date"] = library.add_annotation(
        t["en"].id, *span(t["en"], "Jiang Zemin signed in Moscow on July 16, 2001"),
        color="red", note=SCRIPT, tags=["China", "treaty"],
    )  # fmt: skip
    a["formula"] = library.add_paragraph_note(t["en"].id, 3, '=HYPERLINK("http://evil.example")', tags=["-minus"])
    a["whole"] = library.add_transcript_note(t["en"].id, "@SUM(A1) a note on the whole interview")
    ru_phrase = t["ru"].paragraphs[2].text[:40]
    a["russian"] = library.add_annotation(
        t["ru"].id, *span(t["ru"], ru_phrase), color="blue", note="+Важно: проверить дату", tags=["Китай"]
    )
    a["briefing"] = library.add_annotation(
        t["briefing"].id, *span(t["briefing"], "Deliveries of the Russian Sputnik V vaccine"), color="green"
    )
    library.add_bookmark(t["en"].id, 4, label="the cross years")
    return library, t, a


@pytest.fixture
def annotated(tmp_path):
    library, transcripts, annotations = build_annotated(tmp_path / "lib.sqlite")
    with library:
        yield library, transcripts, annotations


# -- CSV ----------------------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_fixed_columns_and_reads_back_with_the_csv_module(annotated, tmp_path):
    library, t, a = annotated
    path = write_atomically(tmp_path / "notes.csv", export(library, "csv"))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 5
    date = next(r for r in rows if r["quote"] == "Jiang Zemin signed in Moscow on July 16, 2001")
    assert date["document_id"] == str(t["en"].id) and date["date"] == "2021-03-22"
    assert date["title"] == t["en"].title and date["language"] == "en"
    assert date["speaker"] == "Sergey Lavrov" and date["locator"] == "turn 2, paragraph 2"
    assert date["note"] == SCRIPT and date["tags"] == "China; treaty"
    assert (date["colour"], date["colour_meaning"]) == ("red", "contradiction")
    assert dt.datetime.fromisoformat(date["created"]) == a["date"].created
    russian = next(r for r in rows if r["language"] == "ru")
    assert russian["quote"] == a["russian"].exact and "Китай" in russian["tags"]
    assert russian["title"] == t["ru"].title  # Cyrillic intact
    whole = next(r for r in rows if r["locator"] == "whole transcript")
    assert whole["quote"] == "" and whole["speaker"] == ""


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(annotated):
    library, _, _ = annotated
    rows = list(csv.reader(io.StringIO(export(library, "csv").removeprefix("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert "'@SUM(A1) a note on the whole interview" in cells
    assert "'+Важно: проверить дату" in cells
    assert "'-minus" in cells


# -- W3C JSON-LD ----------------------------------------------------------------------------------------


def test_jsonld_is_an_annotation_collection_with_the_required_w3c_fields(annotated):
    library, t, a = annotated
    data = json.loads(export(library, "jsonld"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 5
    page = data["first"]
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 5
    texts = {document_urn(x): x.text for x in t.values()}
    for item in page["items"]:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        for key in ("created", "modified"):
            assert item[key].endswith("Z") and dt.datetime.fromisoformat(item[key]).tzinfo is not None
        target = item["target"]
        if isinstance(target, str):  # the note on the whole transcript
            assert target == document_urn(t["en"])
            continue
        assert target["source"] in texts
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        text = texts[target["source"]]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
    by_id = {item["id"]: item for item in page["items"]}
    date = by_id[f"urn:uuid:{a['date'].uid}"]
    assert date["motivation"] == "highlighting"
    assert {"type": "TextualBody", "purpose": "commenting", "value": SCRIPT, "format": "text/plain"} in date["body"]
    assert [b["value"] for b in date["body"] if b.get("purpose") == "tagging"] == ["China", "treaty"]
    assert [b["value"] for b in date["body"] if b.get("purpose") == "classifying"] == ["contradiction"]
    assert date["target"]["styleClass"] == "red" and "#FF9C9C" in date["stylesheet"]["value"]
    assert by_id[f"urn:uuid:{a['formula'].uid}"]["motivation"] == "commenting"


def test_the_urn_of_a_document_is_stable_across_libraries_and_revisions(annotated, tmp_path):
    library, t, _ = annotated
    with Library.open(tmp_path / "other.sqlite") as other:
        [outcome] = import_paths(other, [SEED]).outcomes
        assert document_urn(other.transcript(outcome.id)) == document_urn(t["en"])
    assert document_urn(t["en"]).startswith("urn:transcript-reader:en:2021-03-22:")
    assert len({document_urn(x) for x in t.values()}) == 3


# -- Markdown ------------------------------------------------------------------------------------------


def test_markdown_groups_by_document_with_quote_speaker_locator_meaning_note_and_tags(annotated):
    library, t, a = annotated
    text = export(library, "markdown")
    assert text.startswith("# Annotations\n")
    sections = text.split("\n## ")[1:]
    assert len(sections) == 3  # the briefing (28 Jan), then the interview in English and in Russian
    assert sections[0].startswith("Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
    english = next(s for s in sections if s.startswith(t["en"].title))
    assert "22 March 2021, 01:00 · Moscow · English · interview" in english
    assert "> Jiang Zemin signed in Moscow on July 16, 2001\n>\n> — Sergey Lavrov · turn 2, paragraph 2\n" in english
    assert "**Colour:** red — contradiction  \n**Tags:** China, treaty" in english
    assert "&lt;script>alert('x')&lt;/script> check the date" in english  # a note never becomes raw HTML
    assert "**Note on the whole transcript**\n\n@SUM(A1) a note on the whole interview" in english
    assert english.index("Note on the whole transcript") < english.index("Jiang Zemin")  # reading order
    briefing = sections[0]
    assert "section 2, paragraph" in briefing  # the locator names the briefing's section
    assert "“The coronavirus situation and Russia’s assistance to foreign partners”" in briefing
    russian = next(s for s in sections if s.startswith(t["ru"].title))
    assert a["russian"].exact in russian and "Китай" in russian


def test_markdown_can_show_the_counterpart_paragraph_in_the_other_language(annotated):
    library, t, a = annotated
    plain = export(library, "markdown", Scope.document(t["en"].id))
    with_counterpart = export(library, "markdown", Scope.document(t["en"].id), counterparts=True)
    ru_paragraph = t["ru"].paragraphs[a["date"].paragraph].shown_text
    assert ru_paragraph[:30] not in plain
    assert f"> > *Russian, paragraph {a['date'].paragraph + 1}:*" in with_counterpart
    assert "> > " + ru_paragraph[:30] in with_counterpart
    html = export(library, "html", Scope.document(t["en"].id), counterparts=True)
    assert f'<span class="label" lang="en">Russian, paragraph {a["date"].paragraph + 1}</span>' in html
    assert ru_paragraph[:30] in html and ru_paragraph[:30] not in export(library, "html", Scope.document(t["en"].id))


# -- HTML ----------------------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.marks, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs)["style"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_a_page_with_highlights_in_their_colours(annotated):
    library, t, _ = annotated
    page = _Page()
    page.feed(export(library, "html"))
    assert page.tags.count("article") == 5 and page.tags.count("section") == 3
    legend = {e.key: e.hex for e in library.color_legend()}
    assert sorted(page.marks) == sorted(f"background-color:{legend[c]}" for c in ("red", "blue", "green"))
    text = "".join(page.text)
    assert t["en"].title in text and "Jiang Zemin signed in Moscow on July 16, 2001" in text
    assert "Sergey Lavrov · turn 2, paragraph 2" in text and "red — contradiction" in text


def test_html_escapes_everything_the_user_wrote(annotated):
    library, t, a = annotated
    library.update_annotation(a["date"].id, tags=["<b>bold</b>", 'x" onmouseover="alert(1)'])
    library.set_color_meaning("red", "<img src=x onerror=alert(1)>")
    html = export(library, "html")
    assert "<script" not in html.lower() and "<img" not in html and "<b>" not in html
    assert 'onmouseover="' not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; check the date" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    page = _Page()
    page.feed(html)
    assert SCRIPT in "".join(page.text)  # shown as written
    assert "default-src 'none'" in html  # and the page may run nothing even so


# -- native --------------------------------------------------------------------------------------------


def test_native_json_holds_everything_bookmarks_legend_and_orphans(annotated, tmp_path):
    library, t, a = annotated
    library.set_color_meaning("yellow", "quote to check")
    edited = SEED.read_text(encoding="utf-8").replace("Jiang Zemin signed in Moscow on July 16, 2001", "Jiang Zemin")
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    import_paths(library, [tmp_path / "edited.txt"])  # the quote is gone: an orphan
    data = json.loads(export(library, "json"))
    assert data["format"] == "transcript-reader-annotations" and data["version"] == 1
    assert {"key": "yellow", "hex": "#FFE16B", "meaning": "quote to check"} in data["color_legend"]
    english = next(d for d in data["documents"] if d["ref"] == document_urn(t["en"]))
    assert english["title"] == t["en"].title and english["language"] == "en"
    assert english["bookmarks"] == [
        {"paragraph": 4, "label": "the cross years", "created": english["bookmarks"][0]["created"],
         "quote": t["en"].paragraphs[4].shown_text[:64]}
    ]  # fmt: skip
    orphan = next(x for x in english["annotations"] if x["uid"] == a["date"].uid)
    assert orphan["orphan"] is True and orphan["exact"] == a["date"].exact and orphan["note"] == SCRIPT
    assert english["annotations"][-1]["uid"] == a["date"].uid  # orphans last
    assert sum(len(d["annotations"]) for d in data["documents"]) == 5


# -- scope -------------------------------------------------------------------------------------------


def _uids(library, scope):
    return {x["uid"] for d in json.loads(export(library, "json", scope))["documents"] for x in d["annotations"]}


def test_scope_picks_documents_dates_colours_and_tags(annotated):
    library, t, a = annotated
    assert _uids(library, Scope.document(t["ru"].id)) == {a["russian"].uid}
    assert _uids(library, Scope.of_ids([t["briefing"].id, t["ru"].id])) == {a["russian"].uid, a["briefing"].uid}
    january = Scope(date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 1, 31))
    assert _uids(library, january) == {a["briefing"].uid}
    assert _uids(library, Scope(date_from=dt.date(2021, 3, 22))) == {
        a["date"].uid, a["formula"].uid, a["whole"].uid, a["russian"].uid,
    }  # fmt: skip
    assert _uids(library, Scope(colors=("red", "green"))) == {a["date"].uid, a["briefing"].uid}
    assert _uids(library, Scope(tags=("CHINA", "китай"))) == {a["date"].uid, a["russian"].uid}
    assert _uids(library, Scope(transcripts=(t["en"].id,), tags=("treaty",))) == {a["date"].uid}
    with pytest.raises(UnknownTranscript):
        export(library, "csv", Scope.document(9999))


def test_a_filtered_native_export_leaves_bookmarks_out_and_a_whole_one_keeps_them(annotated):
    library, _, _ = annotated
    whole = json.loads(export(library, "json"))
    tagged = json.loads(export(library, "json", Scope(tags=("treaty",))))
    assert sum(len(d["bookmarks"]) for d in whole["documents"]) == 1
    assert sum(len(d["bookmarks"]) for d in tagged["documents"]) == 0


def test_preview_shows_the_first_entries_and_progress_reaches_the_total(annotated):
    library, _, _ = annotated
    rows = list(csv.reader(io.StringIO(preview(library, "csv", n=2))))
    assert len(rows) == 1 + 2
    first = preview(library, "markdown", n=1)  # the briefing of 28 January comes first
    assert "1 annotation in 1 transcript" in first and "Sputnik V" in first and "Jiang Zemin" not in first
    seen = []
    export(library, "jsonld", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5)


def test_every_format_is_known_and_an_unknown_one_is_refused(annotated):
    library, _, _ = annotated
    assert set(FORMATS) == {"markdown", "csv", "jsonld", "html", "json"}
    with pytest.raises(ExportError, match="no export format “pdf”"):
        export(library, "pdf")


def test_an_empty_library_exports_valid_empty_files(tmp_path):
    with Library.open(tmp_path / "empty.sqlite") as library:
        assert json.loads(export(library, "jsonld"))["total"] == 0
        assert list(csv.reader(io.StringIO(export(library, "csv").removeprefix("\ufeff")))) == [list(COLUMNS)]
        assert "0 annotations in 0 transcripts" in export(library, "markdown")


# -- writing -------------------------------------------------------------------------------------------


def test_an_existing_file_is_replaced_only_with_force_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("my own notes", encoding="utf-8")
    with pytest.raises(ExportError, match="exists already"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "my own notes"
    write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, "x", force=True)
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "missing" / "x.md", "x")


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder no file can be created in: one without write permission, or /sys for root (whom
    permissions do not stop, but sysfs refuses new files all the same)."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
    elif Path("/sys").is_dir():
        yield Path("/sys")
    else:
        pytest.skip("no folder that refuses root here")


def test_an_unwritable_folder_is_a_clear_message_and_nothing_is_written(unwritable_folder):
    with pytest.raises(ExportError, match="Cannot write to the folder .*Nothing was written"):
        write_atomically(unwritable_folder / "notes.csv", "x")
    assert not (unwritable_folder / "notes.csv").exists()


# -- command line ----------------------------------------------------------------------------------------


def cli(*args, library):
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *map(str, args)],
        capture_output=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_cli_exports_to_stdout_or_a_file_and_needs_force_to_replace_one(tmp_path):
    build_annotated(tmp_path / "lib.sqlite")[0].close()
    lib = tmp_path / "lib.sqlite"
    out = cli("export", "--format", "jsonld", "--tag", "treaty", library=lib)
    assert out.returncode == 0, out.stderr
    assert [i["target"]["selector"][0]["exact"] for i in json.loads(out.stdout)["first"]["items"]] == [
        "Jiang Zemin signed in Moscow on July 16, 2001"
    ]
    target = tmp_path / "notes.csv"
    done = cli("export", "--format", "csv", "--from", "2021-03-22", "--to", "2021-03-22", "--out", target, library=lib)
    assert done.returncode == 0 and "Exported 4 annotations" in done.stderr.decode()
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 5
    again = cli("export", "--format", "markdown", "--out", target, library=lib)
    assert again.returncode == 1 and "exists already" in again.stderr.decode()
    assert "Traceback" not in again.stderr.decode() and target.read_text(encoding="utf-8-sig").startswith("document_id")
    forced = cli("export", "--format", "markdown", "--out", target, "--force", "--color", "green", library=lib)
    assert forced.returncode == 0 and "Sputnik V" in target.read_text(encoding="utf-8")
    assert cli("export", "--format", "csv", "--from", "22.03.2021", library=lib).returncode == 2
    assert cli("export", "--format", "pdf", library=lib).returncode == 2
    unknown = cli("export", "--format", "csv", "--color", "mauve", library=lib)
    assert unknown.returncode == 1 and "no colour “mauve”" in unknown.stderr.decode()
    missing = cli("export", "--format", "csv", "--transcript", 999, library=lib)
    assert missing.returncode == 1 and "no transcript with id 999" in missing.stderr.decode()


def test_kinds_survive_in_every_format(annotated):
    library, _, a = annotated
    assert a["whole"].kind is AnnotationKind.TRANSCRIPT_NOTE
    for name in FORMATS:
        assert "a note on the whole interview" in export(library, name)
