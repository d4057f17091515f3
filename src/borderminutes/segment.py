"""Paragraphs and sentences of the kept regions, each with offsets.

A paragraph is one printed line of kept text (news pages put one paragraph per
line, with or without blank lines between). Sentences are those of
``underthesea.sent_tokenize`` (found faster, the same way), mapped back onto the text; a period glued to the
next sentence ("song phương.Ngày 19/4") is split too, since scrapers often
drop that space.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable, Iterable, TypeVar

import regex

from . import patterns as P
from . import underthesea_files
from .boilerplate import Cleaned, Removed, Span
from .document import Document

T = TypeVar("T")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # from the scan view (odd spaces as " "); slice Article.text for evidence
    paragraph: int  # index into Article.paragraphs


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str
    index: int
    is_caption: bool
    sentences: tuple[Sentence, ...] = ()


@dataclass
class Article:
    """Everything a field extractor reads: the text, what was kept, and its segments."""

    doc: Document
    scan: str  # doc.text with odd spaces as " " and look-alike letters as Vietnamese ones (same offsets)
    kept: list[Span]
    removed: list[Removed]
    paragraphs: list[Paragraph]
    sentences: list[Sentence] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # see ``per_article``

    @property
    def text(self) -> str:
        return self.doc.text

    def body(self) -> list[Paragraph]:
        """Paragraphs that are not photo captions."""
        return [p for p in self.paragraphs if not p.is_caption]


def per_article(fn: Callable[[Article], T]) -> Callable[[Article], T]:
    """Memoise ``fn(article)`` in the article's own ``memo``: several fields read the same layout,
    lead date and places. The value lives and dies with its article, so none leaks to another."""

    @functools.wraps(fn)
    def wrapper(article: Article) -> T:
        if wrapper not in article.memo:
            article.memo[wrapper] = fn(article)
        return article.memo[wrapper]

    return wrapper


@per_article
def folded_scan(article: Article) -> str | None:
    """``article.scan`` case-folded, when folding keeps every offset (unless a letter such as "ß"
    folds to two); else None. For cheap any-case word tests before a pattern search."""
    folded = article.scan.casefold()
    return folded if len(folded) == len(article.scan) else None


def folded(article: Article, start: int, end: int) -> str:
    """``article.scan[start:end]`` case-folded (a slice of ``folded_scan`` where there is one)."""
    whole = folded_scan(article)
    return whole[start:end] if whole is not None else article.scan[start:end].casefold()


@dataclass(frozen=True)
class AnyCase:
    """A pattern of case-folded phrases, matched in any case. Run as written on ``folded_scan`` it
    finds what it finds ignoring case on ``article.scan``, a third faster (no folding per character
    tried); where folding would move offsets it runs ignoring case on the scan. The offsets are
    the same either way, but read any group's text from ``article.text``/``scan``, never from the
    folded text. Exact only when every letter of the source is case-folded (``P.phrases_source``
    with its default ``ignore_case`` folds its phrases) and nothing else in it depends on case: no
    ``\\p{Lu}``, ``\\p{Ll}``, ``P.UPPER``, ``[A-Z]``, ``(?-i:...)``, nor a case-sensitive group.
    tests/test_segment.py holds every such pattern of the fields to what it finds ignoring case."""

    source: str
    as_written: P.Pattern  # for folded_scan(article); see P.compile_

    @classmethod
    def compile(cls, source: str) -> AnyCase:
        return cls(source, P.compile_(source))

    @functools.cached_property
    def ignoring_case(self) -> P.Pattern:
        """For ``article.scan`` where folding moves offsets: compiled only when an article needs it."""
        return P.compile_(self.source, ignore_case=True)

    @classmethod
    def phrases(cls, items: Iterable[str]) -> AnyCase:
        """``P.phrases(items)``, any case."""
        return cls.compile(P.phrases_source(items))

    def on(self, article: Article) -> tuple[P.Pattern, str]:
        """The pattern to run and the text to run it on, for many searches in one article."""
        folded = folded_scan(article)
        return (self.ignoring_case, article.scan) if folded is None else (self.as_written, folded)

    def search(self, article: Article, start: int, end: int) -> P.Match | None:
        return P.search(*self.on(article), start, end)

    def match(self, article: Article, pos: int) -> P.Match | None:
        return P.match(*self.on(article), pos)


@functools.cache
def _glued_period():
    # "phương.Ngày": a lower-case word, a full stop, then a capital with no space.
    return P.compile_(rf"(?<=[{P.LOWER}]{{2}}[.!?])(?=[{P.UPPER}][{P.LOWER}])")


_STOPS = ".?!"  # the only characters at which underthesea.sent_tokenize ends a sentence


def _sent_tokenize(text: str) -> list[str]:
    """``underthesea.sent_tokenize``, skipped where it cannot cut: a paragraph with no stop before its
    final run of stops is one sentence. Most headlines and many paragraphs are, and for them one
    string test replaces a pattern scan and a call."""
    stripped = text.strip()
    if not any(stop in stripped.rstrip(_STOPS) for stop in _STOPS):
        return [stripped] if stripped else []
    return _sentence_tokenizer()(text)


# Texts on which underthesea's splitter and ``_split_at_stops`` must agree before the second stands
# in for the first: ellipses, numbers, abbreviations, runs of stops, line ends.
SPLITTER_PROBES = (
    "Một. Hai.", "Ông A... Bà B... và c... d", "Giá 1.500.000 đồng. Ngày 15.12.2025 ở Tp. Hà Nội.",
    "Sao?! Vâng! Được.", "TS. Lê Văn A. e.g. b. T. Hồng", "a.\r\nB. c.. D", "Hết... ", "2.  3. x.",
)


@functools.cache
def _sentence_tokenizer() -> Callable[[str], list[str]]:
    """underthesea's sentence splitter, loaded on first need. Its own ``sent_tokenize`` walks the text
    one character at a time in Python; ``_split_at_stops`` gives the same sentences stepping from stop
    to stop, with its abbreviations. Should a release not have them where this looks, or split any
    of SPLITTER_PROBES otherwise, its ``sent_tokenize`` is used as it is (slower, never different)."""
    with P.one_time_load():
        splitter = underthesea_files.sentence_splitter()
        splitter.sent_tokenize("Một. Hai.")  # its first call loads the abbreviations
        abbreviations = getattr(getattr(splitter, "sentence_tokenizer", None), "abbrev_types", None)
        if not isinstance(abbreviations, (set, frozenset)):
            return splitter.sent_tokenize
        stepping = functools.partial(_split_at_stops, abbreviations=frozenset(abbreviations))
        if any(stepping(probe) != splitter.sent_tokenize(probe) for probe in SPLITTER_PROBES):
            return splitter.sent_tokenize
    return stepping


_SPACES_AFTER_STOP = " \t\n\r"


def _split_at_stops(text: str, abbreviations: frozenset[str]) -> list[str]:
    """``underthesea.sent_tokenize(text)``: a sentence ends at a run of "?" or "!", at a "." that
    neither stands between two digits nor ends an abbreviation ("Tp.", "TS."), and at an
    ellipsis ("...") before a capital or the end."""
    if not text.strip():
        return []
    sentences: list[str] = []
    start = resume = 0  # where the sentence being read starts; where reading goes on
    n = len(text)
    for stop in P.finditer(_stop_character(), text):
        i = stop.start()
        if i < resume:
            continue  # inside a run of stops already read
        end = i + 1
        if text[i] == ".":
            while end < n and text[end] == ".":
                end += 1
            if end - i >= 3:  # an ellipsis ends a sentence only before a capital or the end
                after = _skip(text, end, " \t")
                if after >= n or text[after].isupper():
                    _add(sentences, text[start:end])
                    start = end = _skip(text, end, _SPACES_AFTER_STOP)
                resume = end
                continue
            end = i + 1
            if 0 < i and text[i - 1].isdigit() and end < n and text[end].isdigit():
                continue  # 1.500.000, 15.12.2025
            word = _word_before(text, i)
            if word and word.lower() in abbreviations:
                continue
        while end < n and text[end] in _STOPS:
            end += 1
        _add(sentences, text[start:end])
        start = resume = _skip(text, end, _SPACES_AFTER_STOP)
    _add(sentences, text[start:])
    return sentences


def _add(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _word_before(text: str, pos: int) -> str:
    """The letters, digits and dots right before ``pos`` (underthesea's "preceding word")."""
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:pos]


@functools.cache
def _stop_character() -> P.Pattern:
    return P.compile_(f"[{regex.escape(_STOPS)}]")


def split_sentences(text: str, offset: int) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, as absolute (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _sent_tokenize(text):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, cursor)
        if found < 0:  # the tokenizer changed the spacing: fall back to the remaining text
            found = cursor
            piece = text[cursor:].strip()
            if not piece:
                break
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
        if found + len(piece) >= len(text):
            break
    result: list[tuple[int, int]] = []
    for start, end in spans:
        cuts = _glued_cuts(text, start, end)
        for a, b in zip([start, *cuts], [*cuts, end]):
            if text[a:b].strip():
                result.append((offset + a, offset + b))
    return result


def _glued_cuts(text: str, start: int, end: int) -> list[int]:
    """Where a period glued to the next sentence cuts ``text[start:end]``, after ``start``. Such a
    stop stands before the last two characters (a capital and a small letter follow it)."""
    if not any(stop in text[start:end - 2] for stop in ".!?"):
        return []
    return [m.start() for m in P.finditer(_glued_period(), text, start, end) if m.start() > start]


def segment(doc: Document, scan: str, cleaned: Cleaned) -> Article:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for region in cleaned.kept:
        line_start = region.start
        for piece in scan[region.start:region.end].split("\n"):
            line_end = line_start + len(piece)
            left = len(piece) - len(piece.lstrip())
            right = len(piece.rstrip())
            if right > left:
                start, end = line_start + left, line_start + right
                index = len(paragraphs)
                is_caption = _line_start(scan, start) in cleaned.caption_lines
                sents = tuple(
                    Sentence(s, e, scan[s:e], index) for s, e in split_sentences(scan[start:end], start)
                )
                paragraphs.append(Paragraph(start, end, scan[start:end], index, is_caption, sents))
                sentences.extend(sents)
            line_start = line_end + 1
    return Article(doc=doc, scan=scan, kept=cleaned.kept, removed=cleaned.removed,
                   paragraphs=paragraphs, sentences=sentences)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1
