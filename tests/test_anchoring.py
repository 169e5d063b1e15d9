"""Re-anchoring as pure functions: a highlight finds its text again after the text changed, or says it cannot."""

import random

from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchoring import CONTEXT, Selectors, TextIndex, describe, reanchor, reanchor_many
from reader.core.parse import parse_file
from tests.conftest import SEED

TEXT = parse_file(SEED).text
INSERTED = "A paragraph that the corrected page added near the top.\n\n"


def anchor(phrase, text=TEXT):
    start = text.index(phrase)
    return describe(text, start, start + len(phrase))


def test_selectors_are_the_w3c_ones_with_32_characters_of_context():
    s = anchor("Treaty of Good-Neighbourliness, Friendship and Cooperation, which")
    assert len(s.prefix) == len(s.suffix) == CONTEXT
    assert TEXT[s.start : s.end] == s.exact
    assert s.to_w3c() == [
        {"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
        {"type": "TextPositionSelector", "start": s.start, "end": s.end},
    ]
    at_start = describe(TEXT, 0, 8)
    assert at_start.prefix == "" and at_start.exact == "Question"


def test_unchanged_text_keeps_the_position():
    s = anchor("couture ministries")
    assert reanchor(s, TEXT) == (s.start, s.end)


def test_a_paragraph_inserted_before_shifts_the_highlight():
    s = anchor("Jiang Zemin signed in Moscow on July 16, 2001")
    new = INSERTED + TEXT
    start, end = reanchor(s, new)
    assert (start, end) == (s.start + len(INSERTED), s.end + len(INSERTED))
    assert new[start:end] == s.exact


def test_every_sampled_range_survives_an_inserted_paragraph_exactly():
    rng = random.Random(5)
    new = TEXT[:3000] + "\n\n" + INSERTED.strip() + TEXT[3000:]
    shift = len(INSERTED.strip()) + 2
    for _ in range(300):
        start = rng.randrange(0, len(TEXT) - 200)
        end = start + rng.randrange(3, 200)
        if start < 3000 < end:
            continue
        expected = (start, end) if end <= 3000 else (start + shift, end + shift)
        assert reanchor(describe(TEXT, start, end), new) == expected, TEXT[start:end]


def test_a_slightly_edited_quote_is_found_by_the_fuzzy_match():
    s = anchor("between our couture ministries in 2020-2023")
    new = INSERTED + TEXT.replace("couture ministries", "culture ministries")
    start, end = reanchor(s, new)
    assert new[start:end] == "between our culture ministries in 2020-2023"


def test_edits_inside_quotes_keep_them_anchored_to_the_edited_text():
    rng = random.Random(11)
    for _ in range(100):
        start = rng.randrange(0, len(TEXT) - 300)
        end = start + rng.randrange(24, 160)
        if not TEXT[start].isalnum() or not TEXT[end - 1].isalnum():
            continue
        s = describe(TEXT, start, end)
        middle = (start + end) // 2
        edit = rng.choice(["replace", "insert", "delete"])
        replacement = {"replace": "#", "insert": TEXT[middle] + "#", "delete": ""}[edit]
        new = TEXT[:middle] + replacement + TEXT[middle + 1 :]
        grown = len(replacement) - 1
        assert reanchor(s, new) == (start, end + grown), (edit, s.exact)


def test_a_deleted_quote_becomes_an_orphan():
    sentence = "We tried to take into account the possibility of epidemiological restrictions."
    s = anchor("take into account the possibility")
    assert sentence in TEXT
    assert reanchor(s, TEXT.replace(sentence, "")) is None


def test_a_rewritten_quote_is_not_forced_onto_other_text():
    s = anchor("It is a truly historical document.")
    new = TEXT.replace("It is a truly historical document.", "Historians will judge its weight.")
    assert reanchor(s, new) is None


def test_a_short_quote_goes_where_its_context_is_not_to_the_nearest_copy():
    # "Russia" occurs many times; the highlighted one is recognised by its context.
    start = TEXT.index("Russia", 5000)
    s = describe(TEXT, start, start + len("Russia"))
    new = INSERTED * 3 + TEXT
    assert reanchor(s, new) == (start + 3 * len(INSERTED), start + 3 * len(INSERTED) + 6)


def test_a_short_quote_whose_context_is_gone_is_an_orphan_rather_than_a_wrong_match():
    start = TEXT.index("Russia", 5000)
    s = describe(TEXT, start, start + len("Russia"))
    paragraph_start = TEXT.rfind("\n\n", 0, start) + 2
    paragraph_end = TEXT.find("\n\n", start)
    new = TEXT[:paragraph_start] + "Something else entirely." + TEXT[paragraph_end:]
    assert "Russia" in new
    assert reanchor(s, new) is None


def test_equal_copies_with_equal_context_go_to_the_nearest():
    text = "alpha beta gamma. " * 6
    s = describe(text, 18 * 4, 18 * 4 + 10)
    new = "zz " + text
    assert reanchor(s, new) == (18 * 4 + 3, 18 * 4 + 13)


def test_context_changed_around_a_long_unique_quote_still_finds_it():
    quote = "the legal framework for the development of a new kind of relations"
    s = anchor(quote)
    start = TEXT.index(quote)
    new = TEXT[: start - 40] + "X" * 40 + quote + "Y" * 40 + TEXT[start + len(quote) + 40 :]
    found = reanchor(s, new)
    assert found is not None and new[found[0] : found[1]] == quote


def test_russian_text_with_yo_spelt_as_e_is_found():
    text = "Вопрос: Что ещё вы ожидаете от переговоров в Пекине на следующей неделе?\n\nС.В.Лавров: Всё будет хорошо."
    s = anchor("Что ещё вы ожидаете от переговоров в Пекине", text)
    new = text.replace("ё", "е")
    start, end = reanchor(s, new)
    assert new[start:end] == "Что еще вы ожидаете от переговоров в Пекине"


def test_empty_selectors_and_empty_text_are_orphans():
    assert reanchor(Selectors(0, 0, "", "", ""), TEXT) is None
    assert reanchor(anchor("couture ministries"), "") is None


def test_a_batch_shares_one_index_and_gives_the_same_answers():
    phrases = ["couture ministries", "Jiang Zemin", "strategic cooperation", "It is a truly historical document."]
    anchors = [anchor(p) for p in phrases]
    new = INSERTED + TEXT.replace("couture", "culture")
    index = TextIndex(new)
    assert reanchor_many(anchors, new) == [reanchor(a, new, index=index) for a in anchors]
    assert [new[s:e] for s, e in reanchor_many(anchors, new)] == [
        "culture ministries",
        "Jiang Zemin",
        "strategic cooperation",
        "It is a truly historical document.",
    ]


@given(st.text(min_size=1, max_size=300), st.data())
def test_any_range_of_unchanged_text_stays_where_it_is(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert reanchor(describe(text, start, end), text) == (start, end)
