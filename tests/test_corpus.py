"""The synthetic benchmark corpus: deterministic, shaped like the seed page, paired as FORMAT.md §11 pairs."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.bench import corpus

_MONTHS = {name: i for i, name in enumerate(corpus.EN_MONTHS, 1)} | {
    name: i for i, name in enumerate(corpus.RU_MONTHS_GENITIVE, 1)
}
_FIRST_LINE_RE = re.compile(r"(\d{1,2}) (\w+) (\d{4})(\d{2}:\d{2})")
_TITLE_DATE_EN_RE = re.compile(r", (\w+) (\d{1,2}), (\d{4})$")
_TITLE_DATE_RU_RE = re.compile(r", (\d{1,2}) (\w+) (\d{4}) года$")
_NAME_RE = re.compile(r"(\d{3})/(\d{5})_(en|ru)\.txt")
_TYPE_WORDS = (  # type, what an English title contains, how a Russian title starts
    ("briefing", "Briefing by", "Брифинг"),
    ("interview", "interview with", "Интервью"),
    ("remarks", "remarks and answers", "Выступление и ответы"),
    ("remarks", "statement and answers", "Заявление и ответы"),
    ("remarks", "address and answers", "Выступление и ответы"),
    ("answers", "answers to", "Ответы на вопросы"),
    ("comment", "Comment by", "Комментарий"),
    ("statement", "tatement", "Заявление"),
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path_factory.mktemp("corpus")
    paths = corpus.generate(out, 60, seed=7)
    return out, {path.relative_to(out).as_posix(): path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def sample() -> list[tuple[str, str]]:
    """A larger corpus kept in memory, for the mix of types and sizes."""
    return list(corpus.iter_documents(400, seed=3))


def _kind(title: str) -> str:
    if title.startswith(("Briefing", "Брифинг")):
        return "briefing"
    if title.startswith(("Statement", "Foreign Ministry statement", "Comment", "Заявление М", "Комментарий")):
        return "statement"
    return "conversation"


def _type_of(title: str) -> str:
    return next(kind for kind, en, ru in _TYPE_WORDS if en in title or title.startswith(ru))


def _first_line(text: str) -> tuple[int, int, int, str]:
    m = _FIRST_LINE_RE.fullmatch(text.split("\n", 1)[0])
    assert m, text[:40]
    return int(m[3]), _MONTHS[m[2]], int(m[1]), m[4]


def _title_date(title: str) -> tuple[int, int, int] | None:
    if m := _TITLE_DATE_EN_RE.search(title):
        return int(m[3]), _MONTHS[m[1]], int(m[2])
    if m := _TITLE_DATE_RU_RE.search(title):
        return int(m[3]), _MONTHS[m[2]], int(m[1])
    return None


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(
    tmp_path: Path, written: tuple[Path, dict[str, bytes]]
) -> None:
    _, first = written
    again = corpus.generate(tmp_path / "again", 60, seed=7)
    assert {p.relative_to(tmp_path / "again").as_posix(): p.read_bytes() for p in again} == first
    other = dict(corpus.iter_documents(60, seed=8))
    assert other.keys() == first.keys()
    assert all(other[name].encode() != data for name, data in first.items())


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert list(corpus.iter_documents(20, seed=5)) == list(corpus.iter_documents(40, seed=5))[:20]


def test_files_come_in_numbered_english_russian_pairs(written: tuple[Path, dict[str, bytes]]) -> None:
    out, files = written
    assert len(files) == 60
    names = [_NAME_RE.fullmatch(name) for name in files]
    assert all(names)
    assert Counter(m[2] for m in names if m) == {f"{n:05d}": 2 for n in range(1, 31)}
    assert {m[1] for m in names if m} == {"000"}
    assert all(path.is_file() for path in out.rglob("*.txt"))


def test_odd_counts_and_single_language_corpora_write_exactly_count_files() -> None:
    names = [name for name, _ in corpus.iter_documents(7, seed=1)]
    assert len(names) == 7 and names[-1].endswith("00004_en.txt")
    singles = [name for name, _ in corpus.iter_documents(9, seed=1, pairs=False)]
    assert len({name[:9] for name in singles}) == 9
    assert {name[-6:-4] for name in singles} == {"en", "ru"}


def test_pairs_share_the_first_line_title_date_and_type(written: tuple[Path, dict[str, bytes]]) -> None:
    _, files = written
    stamps = set()
    for name, data in files.items():
        if not name.endswith("_en.txt"):
            continue
        en = data.decode().split("\n")
        ru = files[name.replace("_en", "_ru")].decode().split("\n")
        assert _first_line(en[0]) == _first_line(ru[0])
        assert _title_date(en[2]) == _title_date(ru[2])
        assert _type_of(en[2]) == _type_of(ru[2])
        assert en[4] == ru[4]
        stamps.add(_first_line(en[0]))
    assert len(stamps) == 30, "two documents share a publication timestamp"


def test_every_file_has_the_seed_layout(written: tuple[Path, dict[str, bytes]]) -> None:
    _, files = written
    for name, data in files.items():
        text = data.decode()
        lines = text.split("\n")
        assert lines[1] == lines[3] == lines[5] == lines[7] == ""
        assert lines[4] in ("  • en-GB1 ru-RU1", "  • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1")
        assert lines[6] == corpus.NBSP
        assert text.endswith("\n\nAdvanced settings"), name
        assert "\n\n\n" not in text.split("Advanced settings")[0].rstrip("\n"), name
        assert "\r" not in text and "\t" not in text
        if (year_title := _title_date(lines[2])) is not None:
            assert 2010 <= year_title[0] <= 2025
    joined_en = "".join(data.decode() for name, data in files.items() if name.endswith("_en.txt"))
    joined_ru = "".join(data.decode() for name, data in files.items() if name.endswith("_ru.txt"))
    for needle in ("\nQuestion: ", "\nSergey Lavrov: ", "“", "”", " – ", "’", "Showing 1 result.\n\nCalendar\n\nx\nx"):
        assert needle in joined_en, needle
    for needle in ("\nВопрос: ", "\nС.В.Лавров: ", "«", "»", " – ", "её", "всё", "ещё", "объём"):
        assert needle in joined_ru, needle
    for form in ("санкция", "санкции", "санкций", "санкциями", "санкциях", "НАТО", "Совета Безопасности ООН"):
        assert form in joined_ru, form


def test_the_mix_of_types_and_sizes(sample: list[tuple[str, str]]) -> None:
    kinds: Counter[str] = Counter()
    for name, text in sample:
        title = text.split("\n", 3)[2]
        kind = _kind(title)
        kinds[kind] += 1
        size = len(text.encode())
        if kind == "briefing":
            assert 40_000 <= size <= 200_000, (name, size)
            assert "\n\nTable of contents\n\n  1. " in text or "\n\nОглавление\n\n  1. " in text
        elif kind == "statement":
            assert size <= 6_000, (name, size)
            assert not re.search(r"^(Question|Вопрос): ", text, re.M)
        else:
            assert 3_000 <= size <= 45_000, (name, size)
            turns = len(
                re.findall(r"^(?:Question|Вопрос|[A-Z][a-z]+ [A-Z][a-z]+|[А-Я]\.[А-Я]\.[А-Я][а-я]+): ", text, re.M)
            )
            assert 10 <= turns <= 15, (name, turns)
    assert 0.6 <= kinds["conversation"] / len(sample) <= 0.8
    assert 0.15 <= kinds["briefing"] / len(sample) <= 0.35
    assert 0 < kinds["statement"] / len(sample) <= 0.1
    mean = sum(len(text.encode()) for _, text in sample) / len(sample)
    assert 17_000 <= mean <= 30_000


def test_briefing_headings_repeat_the_table_of_contents(sample: list[tuple[str, str]]) -> None:
    text = next(text for name, text in sample if name.endswith("_ru.txt") and _kind(text.split("\n")[2]) == "briefing")
    toc, _, rest = text.partition("\n\nОтветы на вопросы СМИ:\n\n")
    topics = re.findall(r"^  \d+\. (.+)$", toc, re.M)
    answers = re.findall(r"^  \d+\. (.+)$", rest.split("\n\n", 1)[0], re.M)
    assert 14 <= len(topics) <= 25 and 2 <= len(answers) <= 16
    body = rest.split("\n\n", 1)[1].split("\n\n")
    headings = [line for line in body if line in set(topics + answers)]
    assert headings == topics + answers
    assert body.count("Наверх") == len(headings)
    assert "\n\nМ.В.Захарова: " in text


def test_the_command_line_writes_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus.main([str(tmp_path / "out"), "--count", "6", "--seed", "2"]) == 0
    assert "wrote 6 files" in capsys.readouterr().out
    assert len(list((tmp_path / "out").rglob("*.txt"))) == 6
