"""Paragraphs and sentences carry offsets that slice back to the text."""

from __future__ import annotations

import functools
import subprocess
import sys
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea import sent_tokenize

from borderminutes import patterns as P
from borderminutes import underthesea_files
from borderminutes.document import from_text, read_file
from borderminutes.pipeline import analyse
from borderminutes.fields import agreements, gates, meeting, proposals, sides, topics
from borderminutes.segment import AnyCase, Article, _sent_tokenize, _sentence_tokenizer, folded_scan

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


@settings(max_examples=600)
@given(st.lists(st.sampled_from([" ", " ", ".", ".", "?", "!", "...", "…", "\t", "\n", "\r", "1", "2", "T", "Tp", "ông",
                                 "Ngày", "e.g", "v.v", "Đ", "ts", "TS", "a", "\u00a0", "\x0b"]),
                max_size=40).map("".join))
def test_our_sentence_splitting_is_underthesea_s(text):
    """Skipping the tokenizer where it cannot cut, and stepping from stop to stop, give its sentences."""
    assert _sent_tokenize(text) == sent_tokenize(text)


def test_sentences_of_every_sample_line_are_underthesea_s():
    lines = [line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1_000
    assert [_sent_tokenize(line) for line in lines] == [sent_tokenize(line) for line in lines]


def test_the_abbreviations_of_underthesea_are_found():
    """Without them, sentences would still be right (underthesea's own splitter is used) but slow:
    a release that moves them fails here instead of passing unnoticed."""
    assert isinstance(_sentence_tokenizer(), functools.partial)


def test_reading_an_article_does_not_import_underthesea():
    """Its import loads every pipeline it has (about 0.3 s of start-up in every process); an article
    needs only its sentence splitter and word list, read from its folder (underthesea_files)."""
    code = ("import sys; from borderminutes import extract_file; "
            f"r = extract_file({str(SAMPLES / 'laocai-honghe-talks-2023.txt')!r}); "
            "assert r.meeting and r.meeting.officials; print(sorted(m for m in sys.modules if 'underthesea' in m))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "['borderminutes.underthesea_files']"


def _any_case_patterns() -> list[AnyCase]:
    """Every ``AnyCase`` pattern the fields search with."""
    return [topics._topic_words()[0], *(weak for _, weak in topics._weak().values()),
            sides._party_sentence_pattern(), sides._attendance_pattern(),
            meeting._online_pattern(), meeting._plan_pattern(), meeting._interview_patterns()[0],
            gates._grammar("gates").head, gates._grammar("markets").head, agreements._verb_pattern(),
            proposals._trigger_pattern(), proposals._agreement_words()]


def _spans_both_ways(pattern: AnyCase, article: Article) -> tuple[list, list]:
    """(what the pattern finds ignoring case in the article, what ``AnyCase`` finds there): the spans
    of each match and its groups."""
    ignoring_case = [m.regs for m in P.finditer(pattern.ignoring_case, article.scan)]
    return ignoring_case, [m.regs for m in P.finditer(*pattern.on(article))]


@pytest.mark.parametrize("stem", sample_stems())
def test_any_case_patterns_find_on_the_folded_text_what_they_find_ignoring_case(stem):
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    for shown in (text, text.upper()):
        article = analyse(from_text(shown))
        assert folded_scan(article) is not None
        for pattern in _any_case_patterns():
            ignoring_case, found = _spans_both_ways(pattern, article)
            assert found == ignoring_case


@pytest.mark.parametrize("text", ["Cùng dự có lãnh đạo tỉnh", "Hội đàm, VỀ PHÍA tỉnh Lào Cai có", "dự án, dự kiến",
                                  "Ký kết biên bản", "HỌP TRỰC TUYẾN tại các Điểm Cầu",
                                  "Straße; tham dự có", "CÁC CỬA KHẨU Quốc tế Lào Cai", "Hai bên Đề Nghị"])
def test_any_case_patterns_find_what_they_find_ignoring_case(text):
    article = analyse(from_text(text + ".\n"))
    for pattern in _any_case_patterns():
        ignoring_case, found = _spans_both_ways(pattern, article)
        assert found == ignoring_case


def test_a_text_whose_folding_moves_offsets_is_searched_ignoring_case():
    article = analyse(from_text("Tin\nStraße; CÙNG DỰ CÓ lãnh đạo tỉnh.\n"))  # "ß" folds to "ss"
    assert folded_scan(article) is None
    m = sides._attendance_pattern().search(article, 0, len(article.scan))
    assert article.text[m.start():m.end()].startswith("CÙNG DỰ")


class _SplittingAtCommas:
    """A release of underthesea whose splitter keeps its abbreviations but follows other rules."""

    sentence_tokenizer = SimpleNamespace(abbrev_types={"tp"})

    @staticmethod
    def sent_tokenize(text: str) -> list[str]:
        return [piece.strip() for piece in text.split(",") if piece.strip()]


class _WithoutAbbreviations:
    @staticmethod
    def sent_tokenize(text: str) -> list[str]:
        return [text.strip()]


@pytest.mark.parametrize("release", [_SplittingAtCommas, _WithoutAbbreviations])
def test_underthesea_s_own_splitter_is_used_where_stepping_cannot_stand_in(monkeypatch, release):
    monkeypatch.setattr(underthesea_files, "sentence_splitter", lambda: release)
    _sentence_tokenizer.cache_clear()
    try:
        assert _sentence_tokenizer() is release.sent_tokenize
    finally:
        _sentence_tokenizer.cache_clear()


def test_a_splitter_file_that_needs_its_package_is_imported_with_it(monkeypatch, tmp_path):
    needing = tmp_path / "__init__.py"
    needing.write_text("from . import models\n", encoding="utf-8")
    monkeypatch.setattr(underthesea_files, "package_file", lambda *parts: needing)
    assert underthesea_files.sentence_splitter().__name__ == "underthesea.pipeline.sent_tokenize"
