"""Phrase lists from patterns/ as regex pieces, for the gate, proposal and agreement readers.

``patterns.phrases`` finds a phrase anywhere; these place it: at the point where a
match starts, or right before the end of the searched span (the word before a verb).
"""

from __future__ import annotations

import functools
from typing import Iterable

import regex

from .. import patterns as P


def alternation(words: Iterable[str]) -> str:
    """Regex source of a longest-first alternation with flexible spaces (no anchors, no flags)."""
    return P.phrases_source(words, whole_words=False)


@functools.cache
def _starting(words: tuple[str, ...]) -> P.Pattern:
    return P.compile_(rf"(?:{alternation(words)})(?!\w)", ignore_case=True)


@functools.cache
def _ending(words: tuple[str, ...]) -> regex.Pattern:
    # Searched backwards: only the end of the span can match, and a forward search would try every
    # position before it first.
    return P.compile_regex(rf"{P.word_start(words)}(?:{alternation(words)})\s*$", ignore_case=True, reverse=True)


def first_words(phrases: Iterable[str], *, fold: bool = True) -> tuple[str, ...]:
    """The first word of each phrase (case-folded unless ``fold`` is False), for a cheap test that a
    phrase may occur in a text (or start it) before searching it with the phrases' pattern."""
    return _words_at(phrases, 0, fold)


def last_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The case-folded last word of each phrase: a text that ends with a phrase ends with one of them."""
    return _words_at(phrases, -1, True)


def _words_at(phrases: Iterable[str], index: int, fold: bool) -> tuple[str, ...]:
    return tuple(sorted({(p.casefold() if fold else p).split()[index] for p in phrases if p.split()}))


def words_per_phrase(phrases: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The case-folded words of each phrase, for a stricter cheap test than ``first_words`` before a
    case-insensitive search: a phrase can occur only in a case-folded text that holds all its words."""
    return tuple(tuple(p.casefold().split()) for p in phrases if p.split())


def starting(words: Iterable[str]) -> P.Pattern:
    """One of ``words`` as a whole word where ``P.match`` starts; any case."""
    return _starting(tuple(words))


def ending(words: Iterable[str]) -> regex.Pattern:
    """One of ``words`` as a whole word right before the end of the searched span; any case. Test it
    for a match only: searching backwards, which of two overlapping phrases it returns is not fixed."""
    return _ending(tuple(words))
