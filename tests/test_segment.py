"""Paragraphs and sentences carry offsets that slice back to the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea import sent_tokenize

from borderminutes.document import from_text, read_file
from borderminutes.pipeline import analyse
from borderminutes.segment import _sent_tokenize

from conftest import SAMPLES, sample_stems


@pytest.mark.parametrize("stem", sample_stems())
def test_segments_slice_back(stem):
    article = analyse(read_file(SAMPLES / f"{stem}.txt"))  # the product's reader: pages cut mid-character decode
    assert article.paragraphs
    for p in article.paragraphs:
        assert article.scan[p.start:p.end] == p.text
        assert p.text == p.text.strip()
        for s in p.sentences:
            assert p.start <= s.start < s.end <= p.end
            assert article.scan[s.start:s.end] == s.text


def test_sentences_split_with_underthesea_and_at_glued_periods():
    text = "Tiêu đề bài\nHai bên trao đổi về hợp tác song phương.Ngày 19/4, đoàn đại biểu sang thăm. Hai bên nhất trí."
    article = analyse(from_text(text))
    body = article.paragraphs[1]
    assert [s.text for s in body.sentences] == [
        "Hai bên trao đổi về hợp tác song phương.", "Ngày 19/4, đoàn đại biểu sang thăm.", "Hai bên nhất trí."]


def test_captions_are_marked():
    text = ("Tiêu đề bài viết về hội đàm\nSáng 2/3 đã diễn ra hội đàm giữa hai bên về hợp tác.\n"
            "hoidam (1).jpg\nQuang cảnh buổi hội đàm.\nHai bên nhất trí tăng cường hợp tác.")
    article = analyse(from_text(text))
    assert [p.text for p in article.paragraphs if p.is_caption] == ["Quang cảnh buổi hội đàm."]


@settings(max_examples=300)
@given(st.lists(st.sampled_from([" ", " ", ".", ".", "?", "!", "...", "…", "\t", "\n", "1", "T", "Tp", "ông", "Ngày"]),
                max_size=30).map("".join))
def test_skipping_the_tokenizer_never_changes_its_sentences(text):
    assert _sent_tokenize(text) == sent_tokenize(text)
