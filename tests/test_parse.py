"""The parser against real-format mid.ru pages: one fixture file per rule in tests/fixtures/parse/."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import DocType, ImportFailure, ParagraphKind, Transcript
from reader.core.parse import MAX_FILE_BYTES, decode_bytes, parse_file, parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"
SEED = FIXTURES / "interview_en_seed.txt"
CHROME_WORDS = {"Showing 1 result.", "Calendar", "x", "Archive", "Advanced settings", "Back to top"}


def parse(name: str) -> Transcript:
    return parse_file(FIXTURES / name)


def speakers(transcript: Transcript) -> list[str]:
    return [turn.speaker for turn in transcript.turns]


def texts(transcript: Transcript, kind: ParagraphKind | None = None) -> list[str]:
    return [p.text for p in transcript.paragraphs if kind is None or p.kind is kind]


def failure_of(call, *args) -> ImportFailure:
    with pytest.raises(ImportFailure) as caught:
        call(*args)
    return caught.value


# --- the seed -----------------------------------------------------------------------------------


def test_seed_interview_parses_as_the_user_sees_it():
    t = parse_file(SEED)
    assert t.title == "Foreign Minister Sergey Lavrov’s interview with Chinese media, Moscow, March 22, 2021"
    assert (t.published_date, t.published_time) == (dt.date(2021, 3, 22), dt.time(1, 0))
    assert t.event_date == dt.date(2021, 3, 22)
    assert t.place == "Moscow"
    assert t.doc_type is DocType.INTERVIEW
    assert t.available_languages == ("en-GB", "ru-RU")
    assert t.language == "en"
    assert t.doc_number is None and t.sections == ()
    assert t.source_file == str(SEED)
    assert speakers(t) == ["Question", "Sergey Lavrov"] * 5
    assert [turn.paragraph_count for turn in t.turns if not turn.is_question] == [5, 5, 10, 4, 4]
    assert len(t.paragraphs) == 33
    assert t.paragraphs[0].text.startswith("This year Russia and China")
    assert t.paragraphs[-1].text.endswith("while preparing to resume them in the traditional format.")


def test_seed_is_cleaned_of_chrome_stray_bars_and_nbsp():
    t = parse_file(SEED)
    assert "|" not in t.text
    assert "President of Russia Vladimir Putin and President of China Jiang Zemin" in t.text
    assert "\xa0" not in t.text
    assert "sociology – a variety of fields" in t.text
    assert not CHROME_WORDS & set(texts(t))


def test_two_copies_of_one_page_differing_in_blank_lines_hash_the_same():
    raw = SEED.read_text(encoding="utf-8")
    other_section_copy = raw.replace("\n\xa0\n", "\n\n\n").replace("Calendar", "\nCalendar") + "\n"
    assert other_section_copy != raw
    a, b = parse_text(raw), parse_text(other_section_copy)
    assert a.content_hash == b.content_hash
    expected = f"{a.published_date}|{a.published_time}|{a.title}|{a.language}\n{a.text}"
    assert a.content_hash == hashlib.sha256(expected.encode()).hexdigest()
    edited = parse_text(raw.replace("couture ministries", "culture ministries"))
    assert edited.content_hash != a.content_hash
    assert parse_text(raw).source_file is None and parse_text(raw).id is None


# --- Russian pages and encodings ----------------------------------------------------------------


def test_russian_interview():
    t = parse("interview_ru_utf8.txt")
    assert t.title.startswith("Интервью Министра иностранных дел Российской Федерации С.В.Лаврова")
    assert (t.published_date, t.published_time) == (dt.date(2021, 4, 6), dt.time(10, 15))
    assert t.event_date == dt.date(2021, 4, 6)
    assert t.place == "Москва"
    assert t.doc_type is DocType.INTERVIEW
    assert t.language == "ru"
    assert speakers(t) == ["Вопрос", "С.В.Лавров"] * 3
    assert all(turn.is_question == (turn.speaker == "Вопрос") for turn in t.turns)
    assert t.turns[0].text.startswith("Господин Министр, в этом году")
    assert "Хороший пример – совместное производство" in t.text
    assert not {"Показано 1 результат.", "Календарь", "Архив", "Расширенные настройки"} & set(texts(t))


@pytest.mark.parametrize("name", ["interview_ru_cp1251.txt", "interview_ru_crlf_bom.txt"])
def test_russian_interview_in_other_encodings_and_line_ends_parses_the_same(name):
    reference = parse("interview_ru_utf8.txt")
    t = parse(name)
    assert t.title == reference.title
    assert t.paragraphs == reference.paragraphs
    assert t.content_hash == reference.content_hash


def test_decode_bytes_handles_bom_crlf_and_windows_1251():
    utf8 = (FIXTURES / "interview_ru_utf8.txt").read_bytes().decode("utf-8")
    assert decode_bytes((FIXTURES / "interview_ru_cp1251.txt").read_bytes()) == utf8
    from_bom = decode_bytes((FIXTURES / "interview_ru_crlf_bom.txt").read_bytes())
    assert from_bom == utf8
    assert "\r" not in from_bom and not from_bom.startswith("\ufeff")
    assert decode_bytes(b"Title\rBody text\r\n") == "Title\nBody text\n"
    assert decode_bytes("Заголовок\nТекст".encode("utf-16")) == "Заголовок\nТекст"


def test_russian_2005_transcript_with_upper_case_labels():
    t = parse("interview_ru_2005_caps.txt")
    assert speakers(t) == ["ВОПРОС", "С.В. ЛАВРОВ"] * 2
    assert t.turns[0].is_question
    assert t.event_date == t.published_date == dt.date(2005, 2, 22)
    assert t.published_time is None
    assert t.place is None
    assert t.language == "ru"


# --- briefings ----------------------------------------------------------------------------------


def test_english_briefing_with_table_of_contents_and_answers():
    t = parse("briefing_en_toc.txt")
    assert t.doc_type is DocType.BRIEFING
    assert t.available_languages == ("de-DE", "en-GB", "es-ES", "ru-RU", "fr-FR")
    assert t.sections == (
        "Foreign Minister Sergey Lavrov’s upcoming talks with Minister of Foreign Affairs of Mongolia "
        "Batmunkh Battsetseg",
        "The coronavirus situation and Russia’s assistance to foreign partners",
        "The 77th anniversary of the complete lifting of the siege of Leningrad",
        "Extension of the New START Treaty",
        "Russian-Japanese relations",
    )
    headings = [p for p in t.paragraphs if p.kind is ParagraphKind.HEADING]
    # The body writes one heading with a straight apostrophe and a full stop: still the TOC entry.
    assert [p.section for p in headings] == [0, 1, 2, 3, 4]
    assert headings[1].text == "The coronavirus situation and Russia's assistance to foreign partners."
    assert t.paragraphs[0].kind is ParagraphKind.HEADING
    all_text = texts(t)
    assert "Back to top" not in all_text
    assert not any(line.startswith(("Table of contents", "Answers to media questions", "1.")) for line in all_text)
    topics = [p for p in t.paragraphs if p.kind is ParagraphKind.UNLABELLED]
    assert len(topics) == 6 and {p.section for p in topics} == {0, 1, 2}
    assert speakers(t) == ["Question", "Maria Zakharova"] * 3
    assert [turn.paragraph_count for turn in t.turns] == [1, 2, 1, 1, 1, 1]
    assert [t.paragraphs[turn.first_paragraph].section for turn in t.turns] == [3, 3, 3, 3, 4, 4]
    assert texts(t, ParagraphKind.SEPARATOR) == ["* * *"]


def test_new_site_briefing_with_time_only_line_and_document_number():
    t = parse("briefing_new_site_time_only.txt")
    assert (t.published_date, t.published_time) == (dt.date(2021, 1, 21), dt.time(19, 18))
    assert t.doc_number == "81-21-01-2021"
    assert t.available_languages == ()
    assert len(t.sections) == 4
    assert t.sections[3] == "Navalny’s detention and statements by Western capitals"
    assert "81-21-01-2021" not in t.text and "19:18" not in t.text
    assert len(texts(t, ParagraphKind.HEADING)) == 4
    assert speakers(t) == ["Question", "Maria Zakharova"] * 2


def test_briefing_without_date_line_takes_its_date_from_the_title():
    t = parse("briefing_no_date_line_bullets.txt")
    assert t.title.startswith("Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
    assert t.published_date == t.event_date == dt.date(2021, 12, 30)
    assert t.published_time is None
    assert t.sections == (
        "Russia’s foreign policy results for 2021",
        "New Year greetings to compatriots abroad",
        "Russia’s proposals on security guarantees",
        "Consular assistance to Russian tourists during the holidays",
    )
    assert "From answers to media questions:" not in t.text
    assert len(texts(t, ParagraphKind.HEADING)) == 4


def test_russian_briefing():
    t = parse("briefing_ru_toc.txt")
    assert t.doc_type is DocType.BRIEFING
    assert t.place == "Москва" and t.event_date == dt.date(2021, 1, 28)
    assert t.sections[2] == "О продлении Договора о СНВ"
    assert len(t.sections) == 3
    assert "Наверх" not in texts(t) and "Оглавление" not in t.text
    assert speakers(t) == ["Вопрос", "М.В.Захарова"]
    assert t.turns[1].paragraph_count == 2
    assert t.language == "ru"


def test_heading_and_separator_end_the_current_turn():
    t = parse_text(
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, April 19, 2017\n\n"
        "Table of contents\n\n  1. Syria\n  2. Afghanistan\n\n"
        "Syria\n\nQuestion: Is there progress?\n\nMaria Zakharova: Some.\n\n"
        "Afghanistan\n\nThe talks in Moscow will continue.\n\n"
        "Question: And next week?\n\nMaria Zakharova: We shall see.\n\n* * *\n\nThank you for your attention."
    )
    kinds = [(p.kind, p.text) for p in t.paragraphs]
    assert (ParagraphKind.UNLABELLED, "The talks in Moscow will continue.") in kinds
    assert kinds[-1] == (ParagraphKind.UNLABELLED, "Thank you for your attention.")
    assert [turn.paragraph_count for turn in t.turns] == [1, 1, 1, 1]


# --- date lines and titles ----------------------------------------------------------------------


def test_interview_without_date_line_or_place():
    t = parse("interview_no_date_line_no_place.txt")
    assert t.published_date == t.event_date == dt.date(2019, 10, 22)
    assert t.published_time is None
    assert t.place is None
    assert speakers(t) == ["Question", "Andrey Rudenko"] * 2


def test_date_line_without_time():
    t = parse("press_release_date_without_time.txt")
    assert t.published_date == dt.date(2022, 6, 9)
    assert t.published_time is None
    assert t.doc_type is DocType.PRESS_RELEASE
    assert t.event_date is None and t.place is None
    assert len(t.paragraphs) == 3 and t.turns == ()


def test_new_site_date_with_space_and_document_number():
    t = parse("press_release_spaced_date_doc_number.txt")
    assert (t.published_date, t.published_time) == (dt.date(2023, 3, 3), dt.time(14, 11))
    assert t.doc_number == "406-03-03-2023"
    assert t.paragraphs[0].text.startswith("On March 2, on the sidelines of the G20")


def test_time_only_line_takes_the_date_of_the_document_number_over_the_title():
    t = parse_text(
        "08:05\n\nForeign Minister Sergey Lavrov’s interview with RBC, Moscow, March 1, 2021\n\n"
        "12-02-03-2021\n\nQuestion: Good morning.\n\nSergey Lavrov: Good morning."
    )
    assert (t.published_date, t.published_time) == (dt.date(2021, 3, 2), dt.time(8, 5))
    assert t.event_date == dt.date(2021, 3, 1)


def test_archive_page_with_day_month_year_title():
    t = parse("speech_archive_day_month_year.txt")
    assert t.title.startswith("Remarks by Foreign Minister Sergey Lavrov during an open lecture")
    assert t.event_date == t.published_date == dt.date(2014, 10, 20)
    assert t.place == "Moscow"
    assert t.doc_type is DocType.SPEECH
    assert t.doc_number == "2432-20-10-2014"
    assert "official site" not in t.text and "Statements and speeches" not in t.text
    assert t.paragraphs[0].text == "Good afternoon, colleagues and friends,"


def test_statement_without_place_or_date():
    t = parse("statement_no_place_or_date.txt")
    assert t.title == "Statement by the Ministry of Foreign Affairs of the Russian Federation"
    assert t.doc_type is DocType.STATEMENT
    assert t.place is None and t.event_date is None
    assert (t.published_date, t.published_time) == (dt.date(2021, 1, 27), dt.time(18, 40))
    assert len(t.paragraphs) == 5
    assert all(p.kind is ParagraphKind.UNLABELLED for p in t.paragraphs)


@pytest.mark.parametrize(
    ("title", "event_date", "place"),
    [
        ("Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow,April 22, 2021", (2021, 4, 22), "Moscow"),
        (
            "Briefing by Foreign Ministry Spokesperson Maria Zakharova on the sidelines of the Russia-Africa "
            "Public Forum, Volgograd, November 1, 2019",
            (2019, 11, 1),
            "Volgograd",
        ),
        (
            "Foreign Minister Sergey Lavrov’s interview with the Moscow. Kremlin. Putin TV programme, May 23, 2021",
            (2021, 5, 23),
            None,
        ),
        ("Interview with Bloomberg, Nur-Sultan, 12 October 2021", (2021, 10, 12), "Nur-Sultan"),
        ("Выступление и ответы на вопросы СМИ С.В.Лаврова, Сочи, 10 сентября 2021 года", (2021, 9, 10), "Сочи"),
        ("Заявление МИД России", None, None),
    ],
)
def test_event_date_and_place_from_the_title(title, event_date, place):
    t = parse_text(f"{title}\n\nThe text of the page.")
    assert t.event_date == (dt.date(*event_date) if event_date else None)
    assert t.place == place


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        (
            "Foreign Minister Sergey Lavrov’s remarks and answers to media questions, Moscow, April 25, 2017",
            DocType.REMARKS_AND_ANSWERS,
        ),
        ("Foreign Minister Sergey Lavrov’s statement and answers to media questions", DocType.REMARKS_AND_ANSWERS),
        (
            "Foreign Minister Sergey Lavrov’s address and answers to questions from students",
            DocType.REMARKS_AND_ANSWERS,
        ),
        ("Foreign Minister Sergey Lavrov’s answers to media questions, Beijing, May 14, 2017", DocType.ANSWERS),
        ("Briefing by the official representative Alexander Lukashevich, 19 June 2014", DocType.BRIEFING),
        ("Comment by the Information and Press Department on the statement by NATO", DocType.COMMENT),
        ("Foreign Ministry Spokeswoman Maria Zakharova’s comment on the elections", DocType.COMMENT),
        ("Foreign Minister Sergey Lavrov’s article for Kommersant", DocType.ARTICLE),
        ("Joint statement by the foreign ministers of Russia and China", DocType.STATEMENT),
        ("Foreign Ministry statement on the comments by the US State Department", DocType.STATEMENT),
        ("Press release on the consultations in Geneva", DocType.PRESS_RELEASE),
        ("Интервью С.В.Лаврова индийской газете «Хинду», Москва, 6 апреля 2021 года", DocType.INTERVIEW),
        ("Брифинг официального представителя МИД России М.В.Захаровой", DocType.BRIEFING),
        (
            "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова",
            DocType.REMARKS_AND_ANSWERS,
        ),
        ("Ответ официального представителя МИД России М.В.Захаровой на вопрос СМИ", DocType.ANSWERS),
        ("Ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова", DocType.ANSWERS),
        ("Заявление МИД России", DocType.STATEMENT),
        ("Комментарий Департамента информации и печати МИД России", DocType.COMMENT),
        ("Статья Министра иностранных дел России С.В.Лаврова", DocType.ARTICLE),
        ("Выступление Министра иностранных дел России С.В.Лаврова", DocType.SPEECH),
        ("Пресс-релиз о консультациях", DocType.PRESS_RELEASE),
        ("Russia Day reception at the Foreign Ministry", DocType.OTHER),
    ],
)
def test_document_type_from_title_words(title, doc_type):
    assert parse_text(f"{title}\n\nThe text of the page.").doc_type is doc_type


def test_single_locale_language_line():
    t = parse_text("1 June 202210:00\n\nЗаявление МИД России\n\n  • ru-RU1\n\nТекст заявления.")
    assert t.available_languages == ("ru-RU",)
    assert texts(t) == ["Текст заявления."]


# --- speaker labels -----------------------------------------------------------------------------


def test_remarks_open_with_unlabelled_speech_and_a_signature_line():
    t = parse("remarks_unlabelled_opening.txt")
    assert t.doc_type is DocType.REMARKS_AND_ANSWERS
    assert (t.published_date, t.published_time) == (dt.date(2021, 9, 11), dt.time(3, 43))
    assert t.event_date == dt.date(2021, 9, 10)
    assert t.place is None
    opening = texts(t, ParagraphKind.UNLABELLED)
    assert opening[0] == "Good evening, friends."
    assert "Vladimir Putin.”" in opening
    assert len(opening) == 6
    assert t.paragraphs[6].starts_turn and t.paragraphs[6].speaker == "Question"
    assert speakers(t) == ["Question", "Sergey Lavrov"] * 2


def test_colons_inside_prose_are_not_labels():
    t = parse("answers_colons_and_separator.txt")
    assert t.title.startswith("Foreign Minister Sergey Lavrov's answers")
    assert t.place == "Sochi" and t.doc_type is DocType.ANSWERS
    assert speakers(t) == ["Question", "Sergey Lavrov"] * 2
    first_answer = t.turns[1].text.split("\n\n")
    assert first_answer[1].startswith("Our advice is simple: stop threatening")
    assert first_answer[2].startswith("Venezuela: our position has not changed")
    assert "The West bit the bullet and resigned: “What can we do" in t.turns[3].text
    assert texts(t, ParagraphKind.SEPARATOR) == ["* * *"]


def test_label_notes_are_dropped_from_the_speaker():
    t = parse("remarks_label_notes.txt")
    assert speakers(t) == [
        "Sergey Lavrov",
        "Question",
        "Sergey Lavrov",
        "Ioannis Kasoulides",
        "Question",
        "Sergey Lavrov",
    ]
    assert "retranslated" not in t.text and "to both ministers" not in t.text
    assert t.turns[0].paragraph_count == 2


def test_additional_materials_trailer_is_dropped_and_minister_may_speak_first():
    t = parse("answers_additional_materials.txt")
    assert t.place == "Nur-Sultan"
    assert speakers(t)[0] == "Sergey Lavrov"
    assert "Additional materials" not in t.text and "Diplomatic and cons" not in t.text
    assert t.paragraphs[-1].text.endswith("enshrined in the country’s Constitution.")


# --- files that are not transcripts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [("empty.txt", "empty_file"), ("whitespace_only.txt", "empty_file"), ("chrome_only.txt", "no_body")],
)
def test_files_without_a_transcript_are_refused(name, reason):
    failure = failure_of(parse_file, FIXTURES / name)
    assert failure.reason == reason
    assert failure.message.endswith(".") and failure.message[0].isupper()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(b"interview " * 50) + b"PK\x05\x06" + bytes(18),
        bytes(range(0x80, 0x100)) * 8,  # no NUL, valid windows-1251, still not prose
        (bytes(range(0x80, 0x88)) + b" " + bytes(range(0x8A, 0x90)) + b" ") * 100,  # rare symbols and spaces
        bytes((i * 37 + 11) % 256 for i in range(4096)),
        bytes(range(1, 32)) * 20,
    ],
    ids=["png", "zip", "high-bytes", "spaced-symbols", "pseudo-random", "control-chars"],
)
def test_binary_files_are_not_text(tmp_path, data):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    failure = failure_of(parse_file, path)
    assert failure.reason == "not_text"
    assert "not a text file" in failure.message


def test_unreadable_and_too_large_files(tmp_path):
    assert failure_of(parse_file, tmp_path / "missing.txt").reason == "unreadable"
    assert failure_of(parse_file, tmp_path).reason == "unreadable"
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk space
    assert failure_of(parse_file, huge).reason == "too_large"


def test_title_without_body_is_no_transcript():
    assert failure_of(
        parse_text, "22 March 202101:00\n\nSome title\n\n  • en-GB1 ru-RU1\n\nAdvanced settings"
    ).reason == ("no_body")
    assert failure_of(parse_text, "12:00\n\n* * *").reason == "no_body"


# --- robustness and speed -----------------------------------------------------------------------

FRAGMENTS = [
    "22 March 202101:00",
    "19:18",
    "3 March 2023 14:11",
    "9 June 2022",
    "81-21-01-2021",
    "  • en-GB1 ru-RU1",
    "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 28, 2021",
    "Интервью С.В.Лаврова, Москва, 6 апреля 2021 года",
    "Table of contents",
    "Оглавление",
    "  1. Extension of the New START Treaty",
    "- Syria",
    "Answers to media questions:",
    "Extension of the New START Treaty",
    "Question: What next?",
    "С.В.Лавров: Спасибо.",
    "Name (note): text",
    "* * *",
    "Back to top",
    "\xa0",
    "Vladimir |Putin",
    "Additional materials",
    "Showing 1 result.",
    "x",
    "Advanced settings",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_text_only_ever_raises_import_failure(text):
    try:
        t = parse_text(text)
    except ImportFailure:
        return
    assert t.title and t.paragraphs and t.content_hash


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
def test_format_like_text_only_ever_raises_import_failure(lines, line_end):
    try:
        t = parse_text(line_end.join(lines))
    except ImportFailure:
        return
    assert all(p.text for p in t.paragraphs)
    assert [turn.speaker for turn in t.turns] == [p.speaker for p in t.paragraphs if p.starts_turn]


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_decode_bytes_only_ever_raises_import_failure(data):
    try:
        text = decode_bytes(data)
    except ImportFailure:
        return
    assert "\r" not in text
    with contextlib.suppress(ImportFailure):
        parse_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Title\n" + "A" * 2_000_000 + ":",
        "Title\n" + "Ab " * 700_000 + ": x",
        "Title\nTable of contents\n1. " + "." * 1_000_000 + "\n" + "." * 1_000_000,
        "Title" + ", 1" * 700_000 + "\nbody",
        "T\n" + "a\n" * 200_000,
        "T\n" + " |a" * 700_000,
    ],
    ids=["long-line", "label-like", "toc", "long-title", "many-lines", "bars"],
)
def test_pathological_input_parses_in_bounded_time(text):
    start = time.perf_counter()
    with contextlib.suppress(ImportFailure):
        parse_text(text)
    assert time.perf_counter() - start < 5


def test_too_many_lines_is_refused_quickly():
    start = time.perf_counter()
    assert failure_of(parse_text, "T\n" + "a\n" * 600_000).reason == "too_large"
    assert time.perf_counter() - start < 2
