"""Import of annotation files: the round trip, a hand-written W3C file, Hypothesis's form, merging without
duplicates, unmatched documents kept, and hostile files refused with the library untouched."""

import json
import re
import sqlite3
import subprocess
import sys

import pytest

from reader.core.export import document_urn, export
from reader.core.export.annotation_import import AnnotationFileError, import_annotations
from reader.core.importer import import_paths
from reader.core.library import MAX_NOTE_CHARS, Library
from reader.core.model import AnnotationKind, ColorLegendEntry
from tests.conftest import ROOT, SEED
from tests.test_export import BRIEFING, INTERVIEW_RU, SCRIPT, build_annotated, span

MID_RU = "https://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/4646592"


@pytest.fixture
def source(tmp_path):
    """An annotated library, with an orphan and an edited legend, and its native export on disk."""
    library, t, a = build_annotated(tmp_path / "source.sqlite")
    library.set_color_meaning("blue", "figure to cite")
    edited = SEED.read_text(encoding="utf-8").replace("Jiang Zemin signed in Moscow on July 16, 2001", "Jiang Zemin")
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    [outcome] = import_paths(library, [tmp_path / "edited.txt"]).outcomes  # the highlighted date is gone
    assert library.annotation(a["date"].id).orphan
    exported = tmp_path / "annotations.json"
    exported.write_text(export(library, "json"), encoding="utf-8")
    with library:
        yield library, exported, tmp_path


def fresh(tmp_path, name, files):
    """A new library holding `files`, imported in the order given (so its ids differ)."""
    library = Library.open(tmp_path / name)
    import_paths(library, files)
    return library


def state(library):
    """Everything an import may touch, straight from the file: a refused import must leave it equal."""
    conn = sqlite3.connect(library.path)
    try:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("annotations", "annotation_tags", "bookmarks", "color_legend", "unmatched_annotations")
        ]
    finally:
        conn.close()


def comparable(native_text):
    data = json.loads(native_text)
    return data["color_legend"], data["documents"], data["unmatched"]


# -- the round trip -------------------------------------------------------------------------------------


def test_native_export_import_into_a_fresh_library_and_export_again_gives_the_same(source):
    library, exported, tmp_path = source
    edited = tmp_path / "edited.txt"
    with fresh(tmp_path, "copy.sqlite", [BRIEFING, edited, INTERVIEW_RU]) as copy:
        report = import_annotations(copy, exported)
        assert (report.outcome.added, report.outcome.orphaned, report.outcome.already_present) == (5, 1, 0)
        assert report.outcome.bookmarks_added == 1 and report.outcome.unmatched == 0
        assert comparable(export(copy, "json")) == comparable(export(library, "json"))
        [orphan] = copy.orphans()
        assert orphan.exact == "Jiang Zemin signed in Moscow on July 16, 2001" and orphan.note == SCRIPT
        assert copy.color_meaning("blue") == "figure to cite"  # the legend came along


def test_importing_the_same_file_twice_adds_nothing_the_second_time(source):
    library, exported, tmp_path = source
    with fresh(tmp_path, "copy.sqlite", [BRIEFING, tmp_path / "edited.txt", INTERVIEW_RU]) as copy:
        import_annotations(copy, exported)
        before = state(copy)
        again = import_annotations(copy, exported)
        assert (again.outcome.added, again.outcome.already_present) == (0, 5)
        assert again.outcome.bookmarks_present == 1 and again.outcome.bookmarks_added == 0
        assert state(copy) == before
        assert "0 added, 5 already present" in again.summary()


def test_jsonld_round_trip_keeps_ids_quotes_notes_tags_colours_and_times(tmp_path):
    library, t, a = build_annotated(tmp_path / "source.sqlite")
    jsonld = tmp_path / "annotations.jsonld"
    jsonld.write_text(export(library, "jsonld"), encoding="utf-8")
    with library, fresh(tmp_path, "copy.sqlite", [INTERVIEW_RU, BRIEFING, SEED]) as copy:
        report = import_annotations(copy, jsonld)
        assert report.format == "W3C Web Annotation" and report.outcome.added == 5

        def key(x):
            return (x.uid, x.kind, x.exact, x.start, x.end, x.note, x.tags, x.color, x.created, x.modified)

        assert sorted(map(key, copy.annotations())) == sorted(map(key, library.annotations()))


def test_colours_of_an_edited_legend_are_kept_and_missing_ones_added(source):
    library, exported, tmp_path = source
    with fresh(tmp_path, "copy.sqlite", [BRIEFING, tmp_path / "edited.txt", INTERVIEW_RU]) as copy:
        copy.set_color_legend(
            [ColorLegendEntry("yellow", "#FFFF00", "my claims"), ColorLegendEntry("red", "#FF0000", "")]
        )
        report = import_annotations(copy, exported)
        legend = {e.key: e for e in copy.color_legend()}
        assert legend["yellow"].meaning == "my claims" and legend["red"].hex == "#FF0000"  # the user's stay
        assert legend["blue"].meaning == "figure to cite" and "green" in legend  # the file's are added
        assert report.outcome.recoloured == 0


# -- from other tools -------------------------------------------------------------------------------------


def hand_written_w3c(quote, prefix, suffix, *, source=MID_RU):
    """A W3C collection as another tool writes it: a web address as source, no position, extra fields."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [
                {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": "https://annotations.example.org/anno/17",
                    "type": "Annotation",
                    "created": "2021-04-02T09:15:00+02:00",
                    "creator": {"type": "Person", "name": "A. Researcher"},  # not ours: ignored
                    "generator": {"type": "Software", "name": "Some Annotator 3"},
                    "body": [
                        {"type": "TextualBody", "value": "Compare the 2001 treaty text.", "format": "text/html"},
                        {"type": "TextualBody", "purpose": "tagging", "value": "treaty"},
                    ],
                    "target": {
                        "source": source,
                        "selector": {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix},
                    },
                },  # fmt: skip
                {
                    "type": "Annotation",
                    "id": "https://annotations.example.org/anno/18",
                    "bodyValue": "A page note on the whole interview.",
                    "target": source,
                },
            ],
        },
    }


def test_a_hand_written_w3c_file_is_matched_by_quote_search_and_anchored(tmp_path):
    with fresh(tmp_path, "lib.sqlite", [BRIEFING, SEED, INTERVIEW_RU]) as library:
        seed = next(s for s in library.summaries() if s.language == "en" and "interview" in s.title)
        text = library.transcript(seed.id).text
        quote = "President of China Jiang Zemin signed in Moscow"
        at = text.index(quote)
        file = tmp_path / "other-tool.jsonld"
        file.write_text(json.dumps(hand_written_w3c(quote, text[at - 20 : at], text[at + len(quote) :][:20])))
        report = import_annotations(library, file)
        assert (report.outcome.added, report.outcome.unmatched, report.skipped) == (2, 0, 0)
        highlight, = [a for a in library.annotations(seed.id) if a.kind is AnnotationKind.HIGHLIGHT]  # fmt: skip
        assert (highlight.start, highlight.end) == (at, at + len(quote)) and not highlight.orphan
        assert highlight.note == "Compare the 2001 treaty text." and highlight.tags == ("treaty",)
        assert highlight.color == library.color_legend()[0].key
        assert str(highlight.created) == "2021-04-02 07:15:00+00:00"
        # the note on the whole page followed its source's quote to the same transcript
        [note] = [a for a in library.annotations(seed.id) if a.kind is AnnotationKind.TRANSCRIPT_NOTE]
        assert note.note == "A page note on the whole interview."
        assert import_annotations(library, file).outcome.already_present == 2  # ids from the file: no duplicates


def test_a_hypothesis_export_in_its_api_form_is_imported(tmp_path):
    with fresh(tmp_path, "lib.sqlite", [SEED]) as library:
        [seed] = library.summaries()
        rows = {
            "export_date": "2024-05-01T10:00:00.000Z",
            "annotations": [
                {
                    "id": "Zx7pQ2AbEe-abc",
                    "created": "2024-04-30T08:00:00.000000+00:00",
                    "updated": "2024-04-30T08:05:00.000000+00:00",
                    "uri": MID_RU,
                    "text": "Sanctions as the West's main tool",
                    "tags": ["sanctions", "West"],
                    "target": [
                        {
                            "source": MID_RU,
                            "selector": [
                                {"type": "RangeSelector", "startContainer": "/div[1]/p[12]", "startOffset": 0},
                                {"type": "TextPositionSelector", "start": 13211, "end": 13245},
                                {
                                    "type": "TextQuoteSelector",
                                    "exact": "I consider sanctions to be the main tool",
                                    "prefix": "Sergey Lavrov: This is an important matter. ",
                                    "suffix": " used in the international",
                                },
                            ],
                        }
                    ],  # fmt: skip
                    "document": {"title": ["Foreign Minister Sergey Lavrov’s interview with Chinese media"]},
                }
            ],
        }
        file = tmp_path / "hypothesis.json"
        file.write_text(json.dumps(rows), encoding="utf-8")
        report = import_annotations(library, file)
        assert report.format == "Hypothesis" and report.outcome.added == 1
        [a] = library.annotations(seed.id)
        assert a.exact == "I consider sanctions to be the main tool" and a.tags == ("sanctions", "West")
        assert library.transcript(seed.id).text[a.start : a.end] == a.exact


def test_an_annotation_whose_document_is_missing_is_kept_and_attached_once_it_is_imported(tmp_path):
    with fresh(tmp_path, "lib.sqlite", [SEED]) as library:
        briefing_text = Library.open(tmp_path / "scratch.sqlite")
        import_paths(briefing_text, [BRIEFING])
        text = briefing_text.transcript(briefing_text.summaries()[0].id).text
        briefing_text.close()
        quote = "Deliveries of the Russian Sputnik V vaccine have begun"
        at = text.index(quote)
        file = tmp_path / "briefing-notes.jsonld"
        document = hand_written_w3c(quote, text[at - 25 : at], text[at + len(quote) :][:25], source="urn:other:1")
        document["first"]["items"] = document["first"]["items"][:1]
        file.write_text(json.dumps(document), encoding="utf-8")
        report = import_annotations(library, file)
        assert (report.outcome.added, report.outcome.unmatched) == (0, 1)
        assert report.missing_documents == ("urn:other:1",)
        [waiting] = library.unmatched_annotations()
        assert waiting.document == {"source": "urn:other:1"} and waiting.annotation["exact"] == quote
        # kept across exports: a whole-library native export carries it, with its document reference
        assert json.loads(export(library, "json"))["unmatched"][0]["annotation"]["exact"] == quote
        assert import_annotations(library, file).outcome.already_present == 1
        import_paths(library, [BRIEFING])
        again = import_annotations(library, file)
        assert again.outcome.attached == 1 and library.unmatched_annotations() == []
        [attached] = [a for a in library.annotations() if a.exact == quote]
        assert attached.note == "Compare the 2001 treaty text." and not attached.orphan


# -- bad and hostile files ------------------------------------------------------------------------------


def native_file(tmp_path):
    """A valid native file of twelve highlights on the seed (the tests spoil the last one)."""
    library = fresh(tmp_path, "maker.sqlite", [SEED])
    [seed] = library.summaries()
    for i in range(12):
        library.add_annotation(seed.id, *span(library.transcript(seed.id), "Jiang Zemin"), note=f"note {i}")
    data = json.loads(export(library, "json"))
    library.close()
    return data


def last(data):
    return data["documents"][0]["annotations"][-1]


HOSTILE = {
    "a number where text belongs": (lambda d: last(d).update(note=12), "“note” must be text"),
    "a position given as text": (lambda d: last(d).update(start="12"), "“start” must be a whole number"),
    "a huge note": (lambda d: last(d).update(note="x" * (MAX_NOTE_CHARS + 1)), "at most 100,000"),
    "a huge quote": (lambda d: last(d).update(exact="x" * 2_000_000), "at most 1,000,000"),
    "an unknown field": (lambda d: last(d).update(onload="alert(1)"), "does not know (“onload”)"),
    "an unknown top-level field": (lambda d: d.update(extra=[1, 2]), "does not know (“extra”)"),
    "a newer format": (lambda d: d.update(version=99), "newer Transcript Reader"),
    "a bad kind": (lambda d: last(d).update(kind="graffiti"), "not a kind of annotation"),
    "tags that are not a list": (lambda d: last(d).update(tags="a,b"), "must be a list"),
    "a bad time": (lambda d: last(d).update(created="yesterday"), "not a date and time"),
    "a bad colour legend": (lambda d: d["color_legend"].append({"key": "x", "hex": "red", "meaning": ""}), "#RRGGBB"),
    "documents as an object": (lambda d: d.update(documents={"a": 1}), "must be a list"),
    "a lone surrogate": (lambda d: last(d).update(note="bad \ud800 text"), "not valid text"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_malformed_or_hostile_native_file_is_refused_and_changes_nothing(tmp_path, case):
    spoil, message = HOSTILE[case]
    data = native_file(tmp_path)
    spoil(data)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    with fresh(tmp_path, "target.sqlite", [SEED]) as library:
        library.add_transcript_note(library.summaries()[0].id, "mine, before the import")
        before = state(library)
        with pytest.raises(AnnotationFileError, match=re.escape(message)) as refused:
            import_annotations(library, file)
        assert state(library) == before
        assert "annotations[11]" in refused.value.message or case in (
            "an unknown top-level field", "a newer format", "a bad colour legend", "documents as an object",
        )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe not utf-8", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nests its JSON too deeply|not valid JSON"),
        (b'{"type": "Annotation", "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": NaN}}}',
         "not valid JSON"),
        (b"42", "not an annotation file"),
        (b'{"hello": "world"}', "not an annotation file"),
        (b'{"type": "AnnotationCollection", "first": "https://example.org/page1"}', "save its pages into the file"),
        (b'{"type": "Annotation", "body": "x"}', "no “target”"),
        (b'{"type": "Annotation", "target": {"selector": []}}', "no “source”"),
        (b'[{"type": "Annotation", "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": 5}}}]',
         "“exact” must be text"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_an_annotation_file_is_a_clear_message(tmp_path, content, message):
    file = tmp_path / "bad.json"
    file.write_bytes(content)
    with fresh(tmp_path, "target.sqlite", [SEED]) as library:
        before = state(library)
        with pytest.raises(AnnotationFileError, match=message):
            import_annotations(library, file)
        assert state(library) == before


def test_a_script_in_a_note_is_kept_as_text_and_escaped_in_the_html_export(tmp_path):
    data = native_file(tmp_path)
    data["documents"][0]["annotations"][0]["note"] = "<script>document.location='https://evil.example'</script>"
    file = tmp_path / "notes.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    with fresh(tmp_path, "target.sqlite", [SEED]) as library:
        import_annotations(library, file)
        assert "<script>document.location" in [a.note for a in library.annotations()][0]
        html = export(library, "html")
        assert "<script" not in html and "&lt;script&gt;document.location" in html


def test_cli_import_reports_and_refuses_bad_files_with_exit_1(source):
    library, exported, tmp_path = source
    target = tmp_path / "copy.sqlite"
    fresh(tmp_path, "copy.sqlite", [BRIEFING, tmp_path / "edited.txt", INTERVIEW_RU]).close()

    def cli(*args):
        command = [sys.executable, "-m", "reader", "--library", str(target), "annotations", "import", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)

    done = cli(exported, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["added"], report["orphaned"], report["already_present"], report["unmatched"]) == (5, 1, 0, 0)
    assert "5 added" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "transcript-reader-annotations", "version": 1, "documents": [{"ref": 5}]}')
    refused = cli(bad)
    assert refused.returncode == 1 and "“ref” must be text" in refused.stderr and "Traceback" not in refused.stderr
    assert cli(tmp_path / "missing.json").returncode == 1


def test_documents_are_found_by_their_urn_whatever_their_id(source):
    library, exported, tmp_path = source
    data = json.loads(exported.read_text(encoding="utf-8"))
    refs = {d["ref"] for d in data["documents"]}
    with fresh(tmp_path, "copy.sqlite", [INTERVIEW_RU, BRIEFING, tmp_path / "edited.txt"]) as copy:
        assert {document_urn(copy.transcript(s.id)) for s in copy.summaries()} == refs
