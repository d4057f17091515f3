"""Phrase lists placed at a point: the backwards search for a phrase ending a span finds what a
forward search finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from borderminutes import patterns as P
from borderminutes.fields import wordlists

WORDS = ("các", "ý kiến", "ý", "nội dung", "Tỉnh ủy")
FORWARD = P.compile_(rf"{P.word_start(WORDS)}(?:{wordlists.alternation(WORDS)})\s*$", ignore_case=True)
PIECES = ["các", "ý", "kiến", "nội", "dung", "tỉnh", "ủy", "Ý", "KIẾN", "b", "ýa", " ", "  ", ",", "\n"]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.data())
def test_ending_finds_a_phrase_before_the_end_exactly_when_a_forward_search_does(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    found = P.search(wordlists.ending(WORDS), text, start, end)
    assert (found is not None) == (P.search(FORWARD, text, start, end) is not None)


def test_ending_and_starting_place_whole_words():
    assert P.search(wordlists.ending(WORDS), "đã nêu ý kiến ", 0, 14)
    assert not P.search(wordlists.ending(WORDS), "đã nêu ý kiếnx", 0, 14)
    assert not P.search(wordlists.ending(WORDS), "bcác", 0, 4)
    assert P.match(wordlists.starting(WORDS), "Nội dung chính", 0)
    assert not P.match(wordlists.starting(WORDS), "ýa", 0)


def test_first_words_skip_blank_entries_and_fold_on_request():
    assert wordlists.first_words(["Cửa khẩu", "cửa khẩu", "  ", "Lối mở"]) == ("cửa", "lối")
    assert wordlists.first_words(["Trung Quốc", "Lào"], fold=False) == ("Lào", "Trung")


def test_last_words_fold_and_skip_blank_entries():
    assert wordlists.last_words(["Về phía", "phía", "  ", "Đoàn công tác GỒM"]) == ("gồm", "phía")


def test_words_per_phrase_keeps_each_phrase_apart_and_skips_blank_entries():
    assert wordlists.words_per_phrase(["Đề nghị", "", "mong  muốn"]) == (("đề", "nghị"), ("mong", "muốn"))
