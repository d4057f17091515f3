"""Topics from keyword lists in patterns/topics.yaml.

A topic holds when one of its words occurs in the kept text; a weak word counts only
when the topic that absorbs it does not hold. ``topic_evidence`` keeps where each
topic was seen, since the Meeting record holds topic names only.
"""

from __future__ import annotations

import functools

import regex

from .. import patterns as P
from ..models import Evidence
from ..segment import Article


@functools.cache
def _topic_words() -> tuple[regex.Pattern, dict[str, tuple[str, ...]]]:
    """One pattern for every topic word, and which topics each word (case-folded) shows."""
    topics_of: dict[str, list[str]] = {}
    for topic, words in P.load("topics")["words"].items():
        for word in words:
            topics_of.setdefault(_key(word), []).append(topic)
    return P.phrases(list(topics_of)), {k: tuple(v) for k, v in topics_of.items()}


def _key(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


@functools.cache
def _weak() -> dict[str, tuple[str, regex.Pattern]]:
    """topic -> (the topic that absorbs its weak words, their pattern)."""
    return {topic: (spec["unless"], P.phrases(spec["words"])) for topic, spec in P.load("topics")["weak"].items()}


def _occurrences(article: Article, pattern: regex.Pattern) -> list[Evidence]:
    found = []
    for paragraph in article.paragraphs:
        for m in P.finditer(pattern, article.scan, paragraph.start, paragraph.end):
            words = m.group().split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                continue  # "Phan Văn Hóa": a name, not "văn hóa"
            found.append(Evidence.of(article.text, m.start(), m.end()))
    return found


def topic_evidence(article: Article) -> dict[str, list[Evidence]]:
    """Each topic found, in order of first mention, with every keyword occurrence."""
    pattern, topics_of = _topic_words()
    found: dict[str, list[Evidence]] = {}
    for ev in _occurrences(article, pattern):
        for topic in topics_of[_key(ev.text)]:
            found.setdefault(topic, []).append(ev)
    for topic, (unless, pattern) in _weak().items():
        weak = _occurrences(article, pattern)
        strong = [e for e in found.pop(topic, []) if not any(w.start <= e.start and e.end <= w.end for w in weak)]
        evidence = sorted(strong + (weak if unless not in found else []), key=lambda e: e.start)
        if evidence:
            found[topic] = evidence
    return dict(sorted(found.items(), key=lambda kv: kv[1][0].start))

