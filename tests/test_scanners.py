"""Scanners: the patterns ``P.compile_`` hands to the standard library's ``re``, which runs them
where the alarm bounds the call. They must find exactly what their ``regex`` twin finds, and run
as ``regex`` (with the timeout) wherever no alarm bounds the call."""

from __future__ import annotations

import re
import threading

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from borderminutes import extract_text, gazetteer
from borderminutes import patterns as P
from borderminutes.fields import topics

from conftest import SAMPLES, sample_stems


def _shape(found) -> object:
    """What a call returned, comparable across engines: each match's span, its groups' spans, its last group."""
    if found is None:
        return None
    return found.regs, found.lastgroup


def test_every_scanner_call_on_the_samples_finds_what_its_regex_twin_finds(monkeypatch):
    calls: dict[str, int] = {"scanner": 0}
    originals = {name: getattr(P, name) for name in ("search", "match", "fullmatch", "finditer")}

    def checked(name):
        def call(pattern, text, pos=0, endpos=None):
            found = originals[name](pattern, text, pos, endpos)
            if type(pattern) is not re.Pattern or P.timeout() is not None:
                return found  # regex ran it (outside the alarm, the twin itself): nothing to compare
            calls["scanner"] += 1
            twin = getattr(P.as_regex(pattern), name)(text, pos, len(text) if endpos is None else endpos)
            if name == "finditer":
                found, twin = list(found), list(twin)
                assert [_shape(m) for m in found] == [_shape(m) for m in twin], pattern.pattern[:80]
                return iter(found)
            assert _shape(found) == _shape(twin), pattern.pattern[:80]
            return found
        return call

    for name in originals:
        monkeypatch.setattr(P, name, checked(name))
    for stem in sample_stems():
        text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
        extract_text(text)
        extract_text(text.upper())  # other branches: the any-case patterns, no names
    assert calls["scanner"] > 5_000, "re hardly ran the scanners: the test would prove little"


# Characters on which the engines part, and where they go: after the names and words the patterns
# look for ("Lào Cai\u200c", "km²"), as a stray mark, in a Turkish name.
_PARTING = ["\u200c", "\u200d", "²", "\u0301", "‿", "\u001c", "ı", "İ"]


@pytest.mark.parametrize("char", _PARTING, ids=lambda c: f"U+{ord(c):04X}")
def test_a_record_does_not_depend_on_the_engine_that_ran_its_patterns(char):
    """The main thread's alarm lets re run the patterns, a worker thread runs their regex twins: on a
    text with a character the two read apart, both give the same record (re is not used on it)."""
    assert not P.engines_agree_on(f"a{char}b")
    for stem in sample_stems()[:12]:
        text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
        for word in ("Lào Cai", "Trung Quốc", "biên giới", "Hà Khẩu", "hội đàm", "Quốc tế", "Việt Nam"):
            text = text.replace(word, word + char)
        here = extract_text(text)
        there: list = []
        worker = threading.Thread(target=lambda: there.append(extract_text(text)))
        worker.start()
        worker.join(timeout=60)
        assert there and there[0] == here, stem


def test_the_samples_hold_no_character_the_engines_read_apart():
    """Else ``re`` would never run on them, and the speed the benchmark shows would not be ours."""
    assert all(P.engines_agree_on((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")) for stem in sample_stems())


# Vietnamese letters in both cases, digits, and the spaces and punctuation of news text. (Off this
# alphabet the engines may part at a word's edge: see ``P.compile_``.)
_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_ALPHABET = _LETTERS + _LETTERS.upper() + "0123456789 \n\t,.;:-–()\"'/"
_WORDS = ["cửa khẩu", "Lào Cai", "Hà Khẩu", "an ninh", "thương mại", "Trung Quốc", "biên giới", "Hồng Hà", "văn hóa"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(_ALPHABET, max_size=12), max_size=12),
       st.sampled_from(["", " ", ", ", "\n"]))
def test_word_list_scanners_find_what_regex_finds_in_any_text(pieces, glue):
    text = glue.join(pieces)
    for pattern in (gazetteer.names_pattern(), topics._topic_words()[0].as_written):
        assert type(pattern) is re.Pattern
        with P.bounded_elsewhere():
            scanned = [m.span() for m in P.finditer(pattern, text)]
        assert scanned == [m.span() for m in P.as_regex(pattern).finditer(text)]


@pytest.mark.parametrize("source", [
    r"\p{Lu}\w+",  # a Unicode property: regex only
    r"(?<=a|bc)x",  # a look-behind of two widths
    r"[[a-z]--[aeiou]]",  # a set operation (re warns: "possible nested set")
    r"[a[b]c]",  # a nested set, to regex; re reads it silently as "[a[b]" and "c]"
    r"[\w||\d]",  # a union
    r"(?P<n>a)(?&n)",  # a call by name
])
def test_a_source_re_reads_otherwise_or_not_at_all_is_compiled_by_regex(source):
    assert isinstance(P.compile_(source), regex.Pattern)


def test_a_source_whose_flags_its_twin_would_refuse_is_compiled_by_regex():
    with pytest.raises(ValueError):
        P.compile_(r"(?a)\w+")  # regex: ASCII and UNICODE together; it fails here, not at a later call


def test_a_backwards_search_is_compiled_by_regex():
    assert isinstance(P.compile_(r"\btại\s+$", reverse=True), regex.Pattern)


def test_a_scanner_keeps_multiline_in_its_twin():
    scanner = P.compile_(r"^Hà\s+Khẩu$", multiline=True)
    assert type(scanner) is re.Pattern
    assert [m.start() for m in P.as_regex(scanner).finditer("x\nHà Khẩu\ny")] == [2]


def test_a_scanner_keeps_its_case_folding_in_its_twin():
    scanner = P.compile_(r"\bcửa\s+khẩu\b", ignore_case=True)
    assert type(scanner) is re.Pattern
    with P.bounded_elsewhere():
        assert P.search(scanner, "CỬA KHẨU Lào Cai").span() == (0, 8)
    assert P.search(scanner, "CỬA KHẨU Lào Cai").span() == (0, 8)  # through the twin
    assert P.as_regex(scanner) is P.as_regex(scanner)  # compiled once


def test_outside_the_alarm_a_scanner_runs_as_regex_with_the_timeout(monkeypatch):
    scanner = P.compile_(r"\bbiên\s+giới\b")
    used: list[object] = []
    twin = P.as_regex(scanner)

    class Spy:
        def search(self, *args, **kwargs):
            used.append(kwargs.get("timeout"))
            return twin.search(*args, **kwargs)

    monkeypatch.setitem(P._twins, id(scanner), (scanner, Spy()))
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(P.search(scanner, "khu vực biên giới")))
    worker.start()
    worker.join(timeout=10)
    assert used == [P.TIMEOUT] and results[0].span() == (8, 17)
    with P.bounded_elsewhere():  # where the alarm bounds it, re runs it
        assert P.search(scanner, "khu vực biên giới").span() == (8, 17) and used == [P.TIMEOUT]
