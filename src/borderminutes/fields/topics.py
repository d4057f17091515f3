"""Topics from keyword lists in patterns/topics.yaml.

A topic holds when one of its words occurs in the kept text; a weak word counts only
when the topic that absorbs it does not hold. ``topic_evidence`` keeps where each
topic was seen, since the Meeting record holds topic names only.

The words are looked for with ``AnyCase`` patterns (case-folded words in the case-folded
text): the topic pattern runs over every paragraph.
"""

from __future__ import annotations

import functools

from .. import patterns as P
from ..models import Evidence
from ..segment import AnyCase, Article


@functools.cache
def _topic_words() -> tuple[AnyCase, dict[str, tuple[str, ...]]]:
    """The topic words as a pattern, and which topics each word (case-folded) shows."""
    topics_of: dict[str, list[str]] = {}
    for topic, words in P.load("topics")["words"].items():
        for word in words:
            topics_of.setdefault(_key(word), []).append(topic)
    return AnyCase.phrases(topics_of), {k: tuple(v) for k, v in topics_of.items()}


def _key(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


@functools.cache
def _weak() -> dict[str, tuple[str, AnyCase]]:
    """topic -> (the topic that absorbs its weak words, their patterns)."""
    return {topic: (spec["unless"], AnyCase.phrases(_key(w) for w in spec["words"]))
            for topic, spec in P.load("topics")["weak"].items()}


def _occurrences(article: Article, phrases: AnyCase) -> list[tuple[str, Evidence]]:
    """(the word list's key of the words found, their evidence) for each occurrence. The key is read
    from the scan, where the patterns saw every odd space as a space: the article's own text may
    hold a zero-width space between the words, which ``str.split`` keeps."""
    pattern, searched = phrases.on(article)
    found = []
    for paragraph in article.paragraphs:
        for m in P.finditer(pattern, searched, paragraph.start, paragraph.end):
            printed = article.scan[m.start():m.end()]
            words = printed.split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                continue  # "Phan Văn Hóa": a name, not "văn hóa"
            found.append((_key(printed), Evidence.of(article.text, m.start(), m.end())))
    return found


def topic_evidence(article: Article) -> dict[str, list[Evidence]]:
    """Each topic found, in order of first mention, with every keyword occurrence."""
    patterns, topics_of = _topic_words()
    found: dict[str, list[Evidence]] = {}
    for key, ev in _occurrences(article, patterns):
        # .get: a match made ignoring case may fold otherwise than str.casefold ("ẞ"); no topic then
        for topic in topics_of.get(key, ()):
            found.setdefault(topic, []).append(ev)
    for topic, (unless, patterns) in _weak().items():
        if unless in found and topic not in found:
            continue  # its weak words are absorbed and it has no strong ones: nothing to look for
        weak = [ev for _, ev in _occurrences(article, patterns)]
        strong = [e for e in found.pop(topic, []) if not any(w.start <= e.start and e.end <= w.end for w in weak)]
        evidence = sorted(strong + (weak if unless not in found else []), key=lambda e: e.start)
        if evidence:
            found[topic] = evidence
    return dict(sorted(found.items(), key=lambda kv: kv[1][0].start))
