"""Paragraph alignment of two language versions: what the language toggle keeps the reader's place with,
and the rows of the side-by-side view, uncertain rows marked."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.alignment import align, counterpart
from reader.core.model import ParagraphKind
from reader.core.parse import parse_file, parse_text
from tests.bench.corpus import iter_documents
from tests.conftest import FIXTURES, SEED

INTERVIEW_RU = FIXTURES / "versions" / "interview_2021-03-22_ru.txt"
EXTRA_EXCHANGE = (
    "\n\nВопрос: Как Вы оцениваете сотрудничество в рамках ШОС?"
    "\n\nС.В.Лавров: Шанхайская организация сотрудничества набирает авторитет. Мы ценим её роль."
    "\n\nПродолжим совместную работу по всем направлениям."
)


def english():
    return parse_file(SEED)


def russian(*replacements):
    text = INTERVIEW_RU.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return parse_text(text)


def roles(t, indices):
    return {"question" if t.paragraphs[i].speaker in ("Question", "Вопрос") else "other" for i in indices}


def assert_well_formed(alignment, left, right):
    """Every paragraph in exactly one row, in reading order on both sides."""
    lefts = [i for row in alignment.rows for i in row.left]
    rights = [j for row in alignment.rows for j in row.right]
    assert lefts == list(range(len(left.paragraphs)))
    assert rights == list(range(len(right.paragraphs)))
    for i in range(len(left.paragraphs)):
        assert 0 <= alignment.counterpart(i) < len(right.paragraphs)
    for j in range(len(right.paragraphs)):
        assert 0 <= alignment.counterpart(j, from_left=False) < len(left.paragraphs)


def test_versions_with_the_same_structure_align_paragraph_by_paragraph():
    en, ru = english(), russian()
    alignment = align(en, ru)
    assert alignment.certain
    assert [(row.left, row.right) for row in alignment.rows] == [((i,), (i,)) for i in range(33)]
    assert ru.paragraphs[counterpart(2, en, ru)].text.startswith("Динамичное сотрудничество")
    assert en.paragraphs[counterpart(23, ru, en)].speaker == "Question"
    assert_well_formed(alignment, en, ru)


def test_an_extra_exchange_is_marked_and_does_not_shift_what_follows():
    en = english()
    # The Russian version has 12 turns against 10: an exchange after the third answer.
    ru = russian(
        ("неуважительные", "неуважительные"), ("своего доминирования.", "своего доминирования." + EXTRA_EXCHANGE)
    )
    assert len(en.turns) == 10 and len(ru.turns) == 12
    alignment = align(en, ru)
    assert not alignment.certain
    assert_well_formed(alignment, en, ru)
    only_russian = [row.right for row in alignment.rows if not row.left]
    assert [j for r in only_russian for j in r] == [23, 24, 25]  # exactly the inserted paragraphs
    assert all(not row.certain for row in alignment.rows if not row.left)
    for i in range(23):  # before the insertion: the same paragraph
        assert alignment.counterpart(i) == i
    for i in range(23, 33):  # after it: shifted by the three inserted paragraphs, not by guesswork
        assert alignment.counterpart(i) == i + 3
    for row in alignment.rows:  # questions stay with questions
        if row.left and row.right:
            assert roles(en, row.left) == roles(ru, row.right)
    # Reading the Russian extra answer, the English view goes to the paragraph before it.
    assert alignment.counterpart(24, from_left=False) == 22


def test_ten_against_twelve_turns_at_the_end():
    en = english()
    ru = parse_text(INTERVIEW_RU.read_text(encoding="utf-8").replace("\n\n \n\nAdvanced settings", EXTRA_EXCHANGE))
    alignment = align(en, ru)
    assert_well_formed(alignment, en, ru)
    assert [row.right for row in alignment.rows[-3:]] == [(33,), (34,), (35,)]
    assert all(not row.left and not row.certain for row in alignment.rows[-3:])
    assert alignment.counterpart(32) == 32
    assert uncertain_left(alignment) == {32}  # the rest of the interview stays certain


def test_a_merged_paragraph_falls_back_to_proportional_position_within_its_turn():
    en = english()
    # The Russian translator made one paragraph of the first answer's second and third.
    ru = russian(
        ("проверку временем, а закреплённые", "проверку временем, а закреплённые"),
        ("третьих стран.\n\n", "третьих стран. "),
    )
    assert len(ru.paragraphs) == 32
    alignment = align(en, ru)
    assert_well_formed(alignment, en, ru)
    uncertain = [row for row in alignment.rows if not row.certain]
    # only the rows of that turn are uncertain; the rest of the document is certain
    assert {i for row in uncertain for i in row.left} == {1, 2, 3, 4, 5}
    assert alignment.counterpart(2) == alignment.counterpart(3) == 2
    assert alignment.counterpart(6) == 5  # the next question, certain again
    assert alignment.row_of(6).certain


def uncertain_left(alignment):
    """The paragraphs of the left version in uncertain rows."""
    return {i for row in alignment.rows if not row.certain for i in row.left}


def test_an_extra_exchange_in_the_middle_leaves_the_rows_before_and_after_it_certain():
    en = english()
    ru = russian(("своего доминирования.", "своего доминирования." + EXTRA_EXCHANGE))
    assert len(en.turns) == 10 and len(ru.turns) == 12
    alignment = align(en, ru)
    uncertain = [row for row in alignment.rows if not row.certain]
    # the three paragraphs only the Russian has, and the row on either side of them: 5 "≈" of 36 rows
    assert [(row.left, row.right) for row in uncertain] == [
        ((22,), (22,)),
        ((), (23,)),
        ((), (24,)),
        ((), (25,)),
        ((23,), (26,)),
    ]
    assert all(alignment.row_of(i).certain for i in range(22))  # the first three exchanges
    assert all(alignment.row_of(i).certain for i in range(24, 33))  # the answer after and the rest


def test_a_joined_paragraph_marks_only_its_turn_even_where_an_exchange_is_extra():
    en = english()
    # The first answer's second and third paragraphs joined, and an extra exchange after the third answer.
    ru = russian(
        ("третьих стран.\n\n", "третьих стран. "), ("своего доминирования.", "своего доминирования." + EXTRA_EXCHANGE)
    )
    alignment = align(en, ru)
    assert_well_formed(alignment, en, ru)
    first_answer = set(range(1, 6))
    assert uncertain_left(alignment) == first_answer | {22, 23}  # that answer, and the rows beside the gap
    assert alignment.counterpart(2) == alignment.counterpart(3) == 2  # the joined paragraph
    assert all(alignment.counterpart(i) == i - 1 for i in range(6, 23))  # one paragraph fewer before the gap
    assert all(alignment.counterpart(i) == i + 2 for i in range(23, 33))  # three more, one fewer after it


def test_a_question_labelled_with_a_name_is_uncertain_with_the_rows_beside_it_and_nothing_else():
    en = english()
    # The Russian page names the journalist instead of "Вопрос" before the second question.
    ru = russian(("Вопрос: 2020 и 2021 годы объявлены", "Е.Иванова: 2020 и 2021 годы объявлены"))
    assert ru.paragraphs[6].speaker == "Е.Иванова"
    alignment = align(en, ru)
    assert_well_formed(alignment, en, ru)
    assert uncertain_left(alignment) == {5, 6, 7}  # the question, the end of the answer before, the answer after
    assert sum(not row.certain for row in alignment.rows) <= 4
    assert all(alignment.counterpart(i) == i for i in range(33) if i != 6)


def corpus_pair(kind, index=0):
    docs = iter_documents(400, seed=2)
    found = 0
    while True:
        (_, en_text), (_, ru_text) = next(docs), next(docs)
        en = parse_text(en_text)
        if en.doc_type.value == kind:
            if found == index:
                return en, parse_text(ru_text), ru_text
            found += 1


def test_a_briefing_aligns_section_by_section():
    en, ru, _ = corpus_pair("briefing")
    alignment = align(en, ru)
    assert alignment.certain
    assert len(alignment.rows) == len(en.paragraphs) == len(ru.paragraphs)
    for row in alignment.rows:
        [i], [j] = row.left, row.right
        assert en.paragraphs[i].kind is ru.paragraphs[j].kind
        assert en.paragraphs[i].section == ru.paragraphs[j].section


def test_a_briefing_missing_a_section_in_one_version_keeps_the_others_in_place():
    en, ru, ru_text = corpus_pair("briefing")
    headings = [i for i, p in enumerate(ru.paragraphs) if p.kind is ParagraphKind.HEADING and p.section is not None]
    cut = headings[1]
    end = next(i for i in range(cut + 1, len(ru.paragraphs)) if ru.paragraphs[i].kind is ParagraphKind.HEADING)
    # drop that section's body (heading and text) from the Russian page
    dropped = [ru.paragraphs[i].shown_text for i in range(cut, end)]
    shortened = ru_text
    for text in dropped:
        shortened = shortened.replace("\n\n" + text + "\n", "\n", 1)
    short = parse_text(shortened)
    assert len(short.paragraphs) == len(ru.paragraphs) - len(dropped)
    alignment = align(en, short)
    assert not alignment.certain
    assert_well_formed(alignment, en, short)
    assert alignment.counterpart(len(en.paragraphs) - 1) == len(short.paragraphs) - 1
    assert alignment.counterpart(0) == 0
    left_only = [i for row in alignment.rows if not row.right for i in row.left]
    assert left_only == list(range(cut, end))
    assert uncertain_left(alignment) == set(range(cut - 1, end + 1))  # and the rows beside it; the rest certain


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_perturbation_of_a_version_still_aligns_every_paragraph_in_order(data):
    en = english()
    paragraphs = INTERVIEW_RU.read_text(encoding="utf-8").split("\n\n")
    body = list(range(4, len(paragraphs) - 2))  # after the header, before the footer
    rng = random.Random(data.draw(st.integers(0, 10_000)))
    for _ in range(data.draw(st.integers(1, 6))):
        k = rng.choice(body[: len(paragraphs) - 6])
        action = rng.choice(["drop", "merge", "split"])
        if action == "drop" and len(paragraphs) > 8:
            del paragraphs[k]
        elif action == "merge" and k + 1 < len(paragraphs) - 2:
            paragraphs[k : k + 2] = [paragraphs[k] + " " + paragraphs[k + 1]]
        else:
            first, _, rest = paragraphs[k].partition(". ")
            if rest:
                paragraphs[k : k + 1] = [first + ".", rest]
    ru = parse_text("\n\n".join(paragraphs))
    for left, right in ((en, ru), (ru, en)):
        alignment = align(left, right)
        assert_well_formed(alignment, left, right)
        if len(left.paragraphs) != len(right.paragraphs):
            assert not alignment.certain
