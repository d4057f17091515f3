"""Words and phrase lexicons of the officials extractor: tokens point back into the text
whatever the spacing, repeated pieces come back with their own offsets, and the lexicon
finds the longest phrase of the asked category."""

from __future__ import annotations

import pytest

from borderminutes.fields.names import (Lexicon, blank_punctuation, fold, plain_words, plain_words_blanked, split_words,
                                        tokenize)


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh.",
    "  two  spaces\tand a tab\nand a line break  ",
    "Xổm-xa-vạt Lềnh-xa-vắt (Lào) – “Hà Nội”…",
    "a\u2028b\u3000c\u00a0d",
    "Tỉnh uỷ Hoà Bình Tỉnh ủy Hòa Bình",
    "",
    "   ",
])
def test_tokens_slice_back_and_match_split_words(text):
    tokens = tokenize(text, 7)
    assert [(t.text, tokens.start(i) - 7) for i, t in enumerate(tokens)] == split_words(text)
    for i, t in enumerate(tokens):
        assert text[tokens.start(i) - 7:tokens.end(i) - 7] == t.text
        assert t.key == fold(t.text)
        assert t.is_word == t.text[0].isalnum()


def test_a_repeated_piece_gets_its_own_offsets():
    tokens = tokenize("Lào Cai, Lào Cai,")
    assert (tokens[0].text, tokens.start(0)) == ("Lào", 0)
    assert (tokens[3].text, tokens.start(3)) == ("Lào", 9)
    assert tokens[0].key == tokens[3].key == "lào"


def test_plain_words_fold_case_and_drop_punctuation():
    assert plain_words("Ông A, Phó Chủ-tịch (UBND) – covid-19.") == \
        ["ông", "a", "phó", "chủ", "tịch", "ubnd", "covid", "19"]


@pytest.mark.parametrize("text", ["Ông A, Phó Chủ-tịch (UBND) – covid-19.", "Bà B_C: «Tiếp» đoàn", "", " – "])
def test_plain_words_from_blanked_text_are_the_plain_words(text):
    assert plain_words_blanked(blank_punctuation(text.casefold()), text) == plain_words(text)


def test_lexicon_longest_phrase_of_the_asked_category():
    lexicon = Lexicon([("Chủ tịch", "head"), ("Phó Chủ tịch", "head"), ("Chủ tịch UBND", "org"), ("Phó", "rank")])
    tokens = tokenize("Phó Chủ tịch UBND tỉnh")
    assert lexicon.match(tokens, 0) == (3, "head", ("phó", "chủ", "tịch"))
    assert lexicon.match(tokens, 0, frozenset({"rank"})) == (1, "rank", ("phó",))
    assert lexicon.match(tokens, 1) == (4, "org", ("chủ", "tịch", "ubnd"))
    assert lexicon.match(tokens, 1, frozenset({"head"})) == (3, "head", ("chủ", "tịch"))
    assert lexicon.match(tokens, 4) is None
    assert lexicon.match(tokens, 9) is None


def test_lexicon_skips_a_dash_between_words():
    lexicon = Lexicon([("Việt Trung", "pair")])
    assert lexicon.match(tokenize("Việt - Trung"), 0) == (3, "pair", ("việt", "trung"))


def test_only_short_pieces_are_remembered():
    from borderminutes.fields import names

    long_piece = "https://baolaocai.vn/" + "a" * 200
    tokens = names.tokenize(f"Ông {long_piece} Lào")
    assert [t.text for t in tokens][0] == "Ông" and tokens[-1].text == "Lào"
    assert long_piece not in names._PIECES and "Ông" in names._PIECES


@pytest.mark.parametrize("syllable, spelled", [
    ("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("ủy", "uỷ"),
    ("hoàng", "hoàng"), ("quảy", "quảy"), ("uỷ", "uỷ"), ("", ""),
])
def test_second_vowel_tone_moves_the_mark_of_an_open_oa_oe_uy_only(syllable, spelled):
    from borderminutes.fields.names import second_vowel_tone

    assert second_vowel_tone(syllable) == spelled
