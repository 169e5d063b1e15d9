"""Language versions of one document: paired on import by the rule of FORMAT.md §11 in any order,
linked and unlinked by hand, and both decisions kept across re-imports."""

import json
import sqlite3
import subprocess
import sys

import pytest

from reader.core.importer import import_paths
from reader.core.library import Library, UnknownTranscript, VersionLinkRefused
from reader.core.model import OutcomeKind, PairBasis, VersionState
from tests.bench.corpus import generate
from tests.conftest import FIXTURES, ROOT, SEED

VERSIONS = FIXTURES / "versions"
INTERVIEW_RU = VERSIONS / "interview_2021-03-22_ru.txt"  # the seed's Russian version, 22 марта 202101:00
XINHUA_RU = VERSIONS / "interview_2021-03-22_ru_xinhua.txt"  # another Russian interview at the same minute
ANSWERS = VERSIONS / "answers_2017-05-14_en.txt", VERSIONS / "answers_2017-05-14_ru.txt"
PRESS_RELEASE = VERSIONS / "press_release_2023-03-03_en.txt", VERSIONS / "press_release_2023-03-03_ru.txt"
NO_TIME = VERSIONS / "answers_2021-10-12_en.txt", VERSIONS / "answers_2021-10-12_ru.txt"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as lib:
        yield lib


def ids(library, *files):
    """Import the files in one batch; their ids in the order given."""
    report = import_paths(library, files)
    assert not report.failed, report.failed
    by_file = {o.file: o.id for o in report.outcomes}
    return [by_file[str(f)] for f in files]


def variant(tmp_path, source, name, *replacements):
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the pairing rule -----------------------------------------------------------------------------


def test_english_then_russian_months_apart_pair_on_the_second_import(library):
    [en] = ids(library, SEED)
    assert library.versions(en) == {"en": en}
    [ru] = ids(library, INTERVIEW_RU)
    assert library.versions(en) == library.versions(ru) == {"en": en, "ru": ru}
    assert library.version_basis(ru) is PairBasis.TIMESTAMP


def test_russian_first_then_english(library):
    [ru] = ids(library, INTERVIEW_RU)
    [en] = ids(library, SEED)
    assert library.versions(ru) == {"en": en, "ru": ru}


@pytest.mark.parametrize("russian_first", [False, True])
def test_both_versions_in_one_batch_pair_in_either_order(library, russian_first):
    files = list(reversed(ANSWERS)) if russian_first else list(ANSWERS)
    first, second = ids(library, *files)
    assert library.versions(first) == library.versions(second)
    assert set(library.versions(first).values()) == {first, second}


@pytest.mark.parametrize(
    "batches",
    [
        [[SEED, INTERVIEW_RU, XINHUA_RU]],
        [[XINHUA_RU, INTERVIEW_RU], [SEED]],
        [[SEED], [INTERVIEW_RU], [XINHUA_RU]],  # paired at first, undone when the rival arrives
        [[INTERVIEW_RU, SEED], [XINHUA_RU]],
    ],
)
def test_two_russian_candidates_at_one_timestamp_pair_nothing(library, batches):
    for batch in batches:
        import_paths(library, batch)
    assert library.count() == 3
    assert all(len(library.versions(s.id)) == 1 for s in library.summaries())


def test_the_checks_single_out_one_of_several_files_at_a_timestamp(library, tmp_path):
    # The other Russian file of that minute is about the day before: its title date rules it out.
    other_day = variant(tmp_path, XINHUA_RU, "xinhua.txt", ("22 марта 2021 года", "21 марта 2021 года"))
    en, ru, other = ids(library, SEED, INTERVIEW_RU, other_day)
    assert library.versions(en) == {"en": en, "ru": ru}
    assert library.versions(other) == {"ru": other}


@pytest.mark.parametrize(
    "replacement",
    [
        ("22 марта 202101:00", "22 марта 202101:05"),  # another minute
        ("  • en-GB1 ru-RU1", "  • ru-RU1"),  # the page lists no English version
        ("  • en-GB1 ru-RU1\n", ""),  # only one of the two pages has the language line
        ("Интервью Министра", "Заявление Министра"),  # another type of document
        ("22 марта 2021 года", "23 марта 2021 года"),  # another date at the end of the title
    ],
)
def test_a_failed_check_leaves_both_unpaired(library, tmp_path, replacement):
    ru_file = variant(tmp_path, INTERVIEW_RU, "ru.txt", replacement)
    en, ru = ids(library, SEED, ru_file)
    assert library.versions(en) == {"en": en}
    assert library.versions(ru) == {"ru": ru}


def test_files_without_a_time_pair_through_an_identical_document_number(library, tmp_path):
    other_number = variant(tmp_path, PRESS_RELEASE[1], "ru.txt", ("406-03-03-2023", "407-03-03-2023"))
    en, ru = ids(library, PRESS_RELEASE[0], other_number)
    assert library.versions(en) == {"en": en}
    library.delete(ru)
    [ru] = ids(library, PRESS_RELEASE[1])
    assert library.versions(en) == {"en": en, "ru": ru}
    assert library.version_basis(en) is PairBasis.DOC_NUMBER


def test_files_without_a_time_or_number_pair_tentatively_on_title_date_type_and_turns(library, tmp_path):
    en, ru = ids(library, *NO_TIME)
    assert library.versions(en) == {"en": en, "ru": ru}
    assert library.version_basis(ru) is PairBasis.TENTATIVE


def test_without_a_time_another_number_of_turns_pairs_nothing(library, tmp_path):
    longer = variant(
        tmp_path,
        NO_TIME[1],
        "ru.txt",
        ("ОДКБ.", "ОДКБ.\n\nВопрос: А как же ШОС?\n\nС.В.Лавров: И в ШОС тоже."),
    )
    en, ru = ids(library, NO_TIME[0], longer)
    assert library.versions(en) == {"en": en}
    assert library.versions(ru) == {"ru": ru}


def test_a_synthetic_corpus_pairs_every_document_in_either_import_order(library, tmp_path):
    files = generate(tmp_path / "corpus", 60, seed=3)
    russian = [f for f in files if f.name.endswith("_ru.txt")]
    english = [f for f in files if f.name.endswith("_en.txt")]
    import_paths(library, russian)
    import_paths(library, english)
    by_file = {s.id: library.transcript(s.id).source_file for s in library.summaries()}
    for tid, file in by_file.items():
        versions = library.versions(tid)
        assert set(versions) == {"en", "ru"}, file
        # the partner is the file of the same document number in the other language
        names = sorted(by_file[v].rsplit("/", 1)[1] for v in versions.values())
        assert names[0].replace("_en", "") == names[1].replace("_ru", "")


# -- manual decisions ---------------------------------------------------------------------------


def test_unlink_survives_reimports_and_new_revisions(library, tmp_path):
    en, ru = ids(library, SEED, INTERVIEW_RU)
    library.unlink(ru)
    assert library.versions(en) == {"en": en}
    import_paths(library, [SEED, INTERVIEW_RU])  # duplicates
    revised = variant(tmp_path, INTERVIEW_RU, "revised.txt", ("Это важный вопрос.", "Это очень важный вопрос."))
    [outcome] = import_paths(library, [revised]).outcomes
    assert outcome.kind is OutcomeKind.UPDATED and outcome.id == ru
    assert library.versions(ru) == {"ru": ru}
    assert library.versions(en) == {"en": en}


def test_a_manual_link_survives_reimports_and_a_new_candidate(library, tmp_path):
    en, xinhua = ids(library, SEED, XINHUA_RU)
    assert library.versions(en) == {"en": en, "ru": xinhua}  # the only Russian file of that minute
    library.unlink(xinhua)
    library.link(xinhua, en)  # the user knows better; a link undoes the unlink
    [ru] = ids(library, INTERVIEW_RU)  # a second candidate would make an automatic pair ambiguous
    revised = variant(tmp_path, XINHUA_RU, "revised.txt", ("Гуйлине", "Гуйлине (КНР)"))
    import_paths(library, [SEED, INTERVIEW_RU, revised])
    assert library.versions(en) == {"en": en, "ru": xinhua}
    assert library.version_basis(en) is PairBasis.MANUAL
    assert library.versions(ru) == {"ru": ru}


def test_link_and_unlink_are_announced(library):
    en, ru = ids(library, SEED, INTERVIEW_RU)
    seen = []
    library.subscribe(lambda: seen.append(library.versions(en)))
    library.unlink(en)
    library.link(en, ru)
    assert seen == [{"en": en}, {"en": en, "ru": ru}]


def test_refusals_say_why(library, tmp_path):
    en, ru, xinhua = ids(library, SEED, INTERVIEW_RU, XINHUA_RU)
    other_en = ids(library, ANSWERS[0])[0]
    with pytest.raises(VersionLinkRefused, match="cannot be linked to itself"):
        library.link(en, en)
    with pytest.raises(VersionLinkRefused, match="both in English"):
        library.link(en, other_en)
    library.link(en, ru)
    with pytest.raises(VersionLinkRefused, match=rf"Transcript {en} already has a Russian version \({ru}\)"):
        library.link(en, xinhua)
    with pytest.raises(VersionLinkRefused, match=rf"Transcript {ru} already has an? English version \({en}\)"):
        library.link(other_en, ru)
    with pytest.raises(VersionLinkRefused, match="not linked to any other version"):
        library.unlink(xinhua)
    with pytest.raises(UnknownTranscript):
        library.link(en, 999)
    assert library.versions(en) == {"en": en, "ru": ru}  # nothing changed by the refusals


def test_deleting_a_version_leaves_the_other_alone_until_it_comes_back(library):
    en, ru = ids(library, SEED, INTERVIEW_RU)
    library.delete(ru)
    assert library.versions(en) == {"en": en}
    assert library.version_basis(en) is None
    [again] = ids(library, INTERVIEW_RU)
    assert library.versions(en) == {"en": en, "ru": again}


def test_version_states_for_the_language_toggle(library):
    [en] = ids(library, SEED)
    assert library.version_states(en) == [("en", VersionState.IN_LIBRARY), ("ru", VersionState.PUBLISHED_NOT_IMPORTED)]
    [ru] = ids(library, INTERVIEW_RU)
    assert library.version_states(ru) == [("en", VersionState.IN_LIBRARY), ("ru", VersionState.IN_LIBRARY)]
    # New-site pages list no languages: only the versions in the library show.
    press_en, press_ru = ids(library, *PRESS_RELEASE)
    assert library.version_states(press_en) == [("en", VersionState.IN_LIBRARY), ("ru", VersionState.IN_LIBRARY)]


def test_a_briefing_published_in_five_languages(library, tmp_path):
    files = generate(tmp_path / "corpus", 200, seed=1)
    import_paths(library, files)
    briefing = next(s for s in library.summaries() if s.doc_type.value == "briefing" and s.language == "en")
    states = dict(library.version_states(briefing.id))
    assert states == {
        "de": VersionState.PUBLISHED_NOT_IMPORTED,
        "en": VersionState.IN_LIBRARY,
        "es": VersionState.PUBLISHED_NOT_IMPORTED,
        "ru": VersionState.IN_LIBRARY,
        "fr": VersionState.PUBLISHED_NOT_IMPORTED,
    }
    assert [language for language, _ in library.version_states(briefing.id)] == ["de", "en", "es", "ru", "fr"]


def test_a_library_from_before_versions_gets_its_pairs_on_upgrade(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        en, ru, press_en, press_ru = ids(lib, SEED, INTERVIEW_RU, *PRESS_RELEASE)
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE versions; DROP TABLE version_vetoes;"
        " DROP INDEX transcripts_doc_number; DROP INDEX transcripts_event;"
        " DELETE FROM _sqlite_migrations WHERE name = '0002_versions';"
    )
    conn.close()
    with Library.open(path) as lib:
        assert lib.versions(en) == {"en": en, "ru": ru}
        assert lib.versions(press_ru) == {"en": press_en, "ru": press_ru}


# -- command line -------------------------------------------------------------------------------


def cli(library, *args):
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_show_json_link_and_unlink_from_the_command_line(library, tmp_path):
    en, ru = ids(library, SEED, INTERVIEW_RU)
    path = library.path
    library.close()
    shown = json.loads(cli(path, "show", en, "--json").stdout)
    assert shown["versions"] == {"en": en, "ru": ru}

    result = cli(path, "unlink", ru)
    assert result.returncode == 0, result.stderr
    assert json.loads(cli(path, "show", ru, "--json").stdout)["versions"] == {"ru": ru}

    again = cli(path, "unlink", ru)
    assert again.returncode == 1
    assert "not linked to any other version" in again.stderr and "Traceback" not in again.stderr

    itself = cli(path, "link", en, en)
    assert itself.returncode == 1 and "itself" in itself.stderr and "Traceback" not in itself.stderr

    linked = cli(path, "link", ru, en)
    assert linked.returncode == 0, linked.stderr
    assert f"en {en}, ru {ru}" in linked.stdout
    assert json.loads(cli(path, "show", en, "--json").stdout)["versions"] == {"en": en, "ru": ru}

    assert cli(path, "link", en).returncode == 2  # one id is bad usage
    missing = cli(path, "unlink", 999)
    assert missing.returncode == 1 and "no transcript with id 999" in missing.stderr


def test_a_third_language_joins_the_document(library):
    import dataclasses

    from reader.core.parse import parse_file

    five = ("de-DE", "en-GB", "es-ES", "ru-RU", "fr-FR")
    en, ru = (dataclasses.replace(parse_file(f), available_languages=five) for f in (SEED, INTERVIEW_RU))
    # A German page is not something the parser recognises yet; the library takes it all the same.
    de = dataclasses.replace(en, language="de", title="Interview des Außenministers Sergej Lawrow", content_hash="de")
    for order in ([en, ru, de], [de, en, ru]):
        library.store(order)
        by_language = {s.language: s.id for s in library.summaries()}
        assert library.versions(by_language["de"]) == dict(sorted(by_language.items()))
        assert dict(library.version_states(by_language["en"])) == {
            "de": VersionState.IN_LIBRARY,
            "en": VersionState.IN_LIBRARY,
            "es": VersionState.PUBLISHED_NOT_IMPORTED,
            "ru": VersionState.IN_LIBRARY,
            "fr": VersionState.PUBLISHED_NOT_IMPORTED,
        }
        for s in library.summaries():
            library.delete(s.id)
