"""Words, phrase lexicons and personal names for the officials extractor.

Sentences are cut into word and punctuation tokens with offsets; phrase lists
(titles, organizations, places) are matched on tokens, ignoring case and the old
or new tone placement ("uỷ"/"ủy"), longest phrase first. Where a capitalized run
mixes a place and a name ("Lào Cai Hoàng Quốc Khánh") the gazetteer and the
family-name list decide; underthesea's proper-noun tags are asked only when
neither does.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .. import gazetteer
from .. import patterns as P

DASHES = frozenset("-–—‑‐")
MAX_NAME_WORDS = 7  # Lao names run long: "Khăm Kinh Ưởi Mạ Nì Hặc"
MAX_NATIVE_NAME_WORDS = 4  # Vietnamese 2–4 syllables, Chinese 2–3

_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
              "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_NEW_TONES = {old: new for new, old in _OLD_TONES.items()}  # "òa" -> "oà"
_VOWELS = frozenset("aeiouy")


def second_vowel_tone(syllable: str) -> str:
    """"hòa", "thủy" -> "hoà", "thuỷ": a lower-case open syllable ending in oa/oe/uy, spelled with the
    mark on the second vowel (as underthesea's word list spells them); any other syllable as it is."""
    new = _NEW_TONES.get(syllable[-2:])
    if new is None or any(c in _VOWELS for c in unicodedata.normalize("NFD", syllable[:-2])):
        return syllable
    return syllable[:-2] + new


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark, one object for every place the same piece of text prints it:
    where it stands is its ``Tokens``' business (``Tokens.start``, ``Tokens.end``)."""

    text: str
    key: str  # fold(text)
    is_capitalized: bool  # a proper-name syllable: "Hoàng", "A" — not "UBND", not "LÊ"
    is_word: bool  # starts with a letter or digit (not punctuation)
    place_patterns: tuple  # (pattern, kind) of the place, country and gate names that may begin here; mostly ()


class Tokens(list):
    """A text's tokens, and beside them (``starts``) the offset where each starts.

    Tokens are shared by repeated pieces of text, so tokenizing mostly extends two lists
    instead of making an object per word.
    """

    __slots__ = ("starts",)

    def __init__(self):
        super().__init__()
        self.starts: list[int] = []

    def start(self, i: int) -> int:
        return self.starts[i]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self[i].text)


MAX_CACHED_PIECE_CHARS = 40  # longer text (a URL, a run of Chinese characters) rarely repeats: not remembered


def _short_text_cache(maxsize: int):
    """``functools.lru_cache`` for a function of one string, bypassed for long strings: they rarely
    repeat, and a few thousand of them would hold megabytes for nothing."""
    def decorate(fn):
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def wrapper(text: str):
            return cached(text) if len(text) <= MAX_CACHED_PIECE_CHARS else fn(text)
        return wrapper
    return decorate


@functools.cache
def _old_tone_pattern():
    return P.compile_regex("|".join(_OLD_TONES))  # for sub()


@_short_text_cache(maxsize=65536)
def fold(text: str) -> str:
    """Comparison key: case-folded, one tone placement ("Tỉnh uỷ" == "tỉnh ủy")."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _old_tone_pattern().sub(lambda m: _OLD_TONES[m.group()], text, timeout=P.timeout())


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.combining(char) > 0


def split_words(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs: runs of word characters and single other characters, spaces dropped.

    Plain string methods rather than a regex: a regex under the shared timeout costs several
    times more per token, and this loop is linear by construction.
    """
    pieces: list[tuple[str, int]] = []
    cursor = 0
    for chunk in text.split():
        at = text.find(chunk, cursor)
        cursor = at + len(chunk)
        pieces.extend((word, at + k) for word, k in _split_chunk(chunk))
    return pieces


def _split_chunk(chunk: str) -> list[tuple[str, int]]:
    """(token, offset in ``chunk``) pairs of one run of non-space characters."""
    if chunk.isalnum():
        return [(chunk, 0)]
    core = chunk.strip(_EDGE_PUNCTUATION)
    if core.isalnum():  # "Tiến," "(Trung": punctuation only at the ends
        lead = chunk.index(core)
        tail = lead + len(core)
        return [*((mark, k) for k, mark in enumerate(chunk[:lead])), (core, lead),
                *((mark, tail + k) for k, mark in enumerate(chunk[tail:]))]
    pieces: list[tuple[str, int]] = []
    i, n = 0, len(chunk)
    while i < n:
        j = i + 1
        if chunk[i].isalnum() or _is_word_char(chunk[i]):
            while j < n and (chunk[j].isalnum() or _is_word_char(chunk[j])):
                j += 1
        pieces.append((chunk[i:j], i))
        i = j
    return pieces


# Punctuation that commonly sticks to a word's ends: stripped with one string call.
_EDGE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~“”‘’–—…«»·•‐‑"


def plain_words(text: str) -> list[str]:
    """The words of ``text`` case-folded, punctuation dropped: for quick membership tests.

    String methods on the whole text; only a chunk with unusual punctuation is split by hand.
    Tone placement is left as written: compare with ``spellings`` of the words looked for.
    (No cache per chunk: most sentences are read once, and a large table costs memory
    fetches that the string methods do not.)
    """
    words: list[str] = []
    append = words.append
    for chunk in text.casefold().split():
        if not chunk.isalnum():
            chunk = chunk.strip(_EDGE_PUNCTUATION)
            if not chunk.isalnum():
                if chunk:  # not punctuation alone ("–")
                    words.extend(word for word, _ in _split_chunk(chunk) if _is_word_char(word[0]))
                continue
        append(chunk)
    return words


# The punctuation most often found beside words, commonest first (see ``blank_punctuation``).
_COMMON_PUNCTUATION = ",.;()-/–:\"%|…“”"


def blank_punctuation(folded: str) -> str:
    """``folded`` with its commonest punctuation as spaces, same length: done once for a whole
    article, it lets ``plain_words_blanked`` read any stretch with two string calls."""
    for mark in _COMMON_PUNCTUATION:
        if mark in folded:
            folded = folded.replace(mark, " ")
    return folded


def plain_words_blanked(blanked: str, text: str) -> list[str]:
    """``plain_words(text)``, given ``text`` case-folded and through ``blank_punctuation``.

    When every piece left between spaces is alphanumeric those pieces are the words; a
    rarer mark ("_", "«") sends the text the long way.
    """
    words = blanked.split()
    return words if "".join(words).isalnum() else plain_words(text)


def spellings(word: str) -> set[str]:
    """``word`` case-folded in both tone placements ("ủy", "uỷ")."""
    folded = fold(word)
    old = folded
    for old_form, new_form in _OLD_TONES.items():
        old = old.replace(new_form, old_form)
    return {folded, old}


def tokenize(text: str, offset: int = 0) -> Tokens:
    """The tokens of ``text``; offsets count from ``offset``.

    The text is cut at single spaces and each piece is split and keyed once (``_piece_tokens``,
    remembered): newspapers repeat the same few thousand syllables, so most pieces cost one lookup.
    """
    tokens = Tokens()
    add_tokens, add_start, add_starts = tokens.extend, tokens.starts.append, tokens.starts.extend
    known = _PIECES
    at = offset
    for piece in text.split(" "):
        if piece:
            found = known.get(piece)
            piece_tokens, offsets = found if found is not None else _piece_tokens(piece)
            add_tokens(piece_tokens)
            if offsets is None:
                add_start(at)
            else:
                add_starts([at + k for k in offsets])
        at += len(piece) + 1
    return tokens


# piece -> _piece_tokens(piece). A plain dict, cleared when full: cheaper to look up than an LRU
# cache, whose bookkeeping touches more memory on every hit. Only short pieces are kept
# (MAX_CACHED_PIECE_CHARS).
_PIECES: dict[str, tuple[tuple[Token, ...], tuple[int, ...] | None]] = {}
_MAX_PIECES = 65536


def _piece_tokens(piece: str) -> tuple[tuple[Token, ...], tuple[int, ...] | None]:
    """(tokens, their offsets in the piece) of ``piece``, remembered in ``_PIECES``. A piece is text
    between single spaces, usually one token at offset 0 (offsets None); punctuation or other
    white space (a tab, a line break) may split it.
    """
    words = split_words(piece)
    tokens = tuple(Token(word, *_word_keys(word), word[0].isalnum(),
                         _place_patterns_starting(word) if word[0].isupper() else ())
                   for word, _ in words)
    offsets = None if len(words) == 1 and words[0][1] == 0 else tuple(k for _, k in words)
    if len(piece) <= MAX_CACHED_PIECE_CHARS:
        if len(_PIECES) >= _MAX_PIECES:
            _PIECES.clear()
        _PIECES[piece] = tokens, offsets
    return tokens, offsets


def _word_keys(word: str) -> tuple[str, bool]:
    """(fold key, capitalized like a proper name) of one token."""
    return fold(word), word[0].isupper() and word[0].isalpha() and (len(word) == 1 or word[1:].islower())


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(fold(t.text) for t in tokenize(phrase) if t.is_word)


class Lexicon:
    """Phrases with a category each, matched on word tokens (dashes between words skipped).

    The phrases form a trie of folded words, so a match walks the tokens once and stops at
    the first word no phrase continues with.
    """

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self.entries: dict[tuple[str, ...], str] = {}
        for phrase, category in entries:
            key = words_of(phrase)
            if key:
                self.entries.setdefault(key, category)
        self.trie: dict[str, _LexiconNode] = {}
        for key, category in self.entries.items():
            children = self.trie
            for depth, word in enumerate(key, 1):
                node = children.get(word)
                if node is None:
                    node = children[word] = _LexiconNode(key[:depth])
                children = node.children
            assert node is not None  # every key has a word: the loop ran
            node.category = category
        self.first_words = frozenset(self.trie)

    def match(self, tokens: Tokens, i: int, categories: frozenset[str] | None = None):
        """(end index, category, phrase words) of the longest phrase at ``tokens[i]``, or None."""
        n = len(tokens)
        if i >= n:
            return None
        node = self.trie.get(tokens[i].key)
        found = None
        j = i + 1
        while node is not None:
            if node.category is not None and (categories is None or node.category in categories):
                found = j, node.category, node.words
            if j >= n:
                break
            if tokens[j].text in DASHES and j + 1 < n and tokens[j + 1].is_word:
                j += 1
            node = node.children.get(tokens[j].key)
            j += 1
        return found


class _LexiconNode:
    """The phrase words up to here, the category of the phrase that ends here (if one does), what may follow."""

    __slots__ = ("words", "category", "children")

    def __init__(self, words: tuple[str, ...]):
        self.words = words
        self.category: str | None = None
        self.children: dict[str, _LexiconNode] = {}


@functools.cache
def data() -> dict:
    return P.load("officials")


@functools.cache
def _countries_pattern():
    # "Việt", "Trung" alone are parts of other words ("Trung ương"); longer names and "Lào" are not.
    names = [n for n in gazetteer.country_names() if len(n.split()) > 1 or n == "lào" or len(n) > 5]
    return P.phrases(names, ignore_case=True)


def countries_named(text: str, start: int, end: int) -> Iterable[str]:
    """The country of every place and country name printed in ``text[start:end]``.

    A country name inside a place name ("Lào" in "Lào Cai") does not count.
    """
    places = []
    for m in P.finditer(gazetteer.names_pattern(), text, start, end):
        places.append(m.span())
        country = gazetteer.country_of(m.group())
        if country:
            yield country
    for m in P.finditer(_countries_pattern(), text, start, end):
        if m.group()[0].isupper() and not any(s <= m.start() < e for s, e in places):
            yield gazetteer.country_names()[gazetteer.key(m.group())]


@functools.cache
def _place_patterns() -> tuple[tuple[P.Pattern, str], ...]:
    """(pattern, kind) of place, country and border-gate names, in the order ``place_at`` tries them."""
    return ((gazetteer.names_pattern(), "place"), (_countries_pattern(), "country"), (_gates_pattern(), "gate"))


@_short_text_cache(maxsize=16384)
def _place_patterns_starting(word: str) -> tuple[tuple[P.Pattern, str], ...]:
    """The ``_place_patterns`` whose names may begin with ``word`` (a partial match of the word alone).

    Most capitalized words, family names among them, begin none and need no search in the
    text; most others begin names of one kind only.
    """
    return tuple(entry for entry in _place_patterns()
                 if P.as_regex(entry[0]).match(word, partial=True, timeout=P.timeout()))  # partial: regex only


@functools.cache
def _gate_countries() -> dict[str, str | None]:
    """Border-gate name -> the side it lies on, from ``patterns/gates.yaml``.

    A pair's ``vn`` name is on the Vietnamese side, its ``foreign`` name on the partner's
    ("Hữu Nghị Quan" is Chinese). A name printed for both sides ("Nậm Cắn – Nậm Cắn") or for
    different countries gives no side (None).
    """
    sides: dict[str, set[str]] = {}
    for country, pairs in P.load("gates").items():
        for pair in pairs:
            for name in [pair["vn"], *(pair.get("aliases_vn") or [])]:
                sides.setdefault(name, set()).add("VN")
            for name in [pair["foreign"], *(pair.get("aliases_foreign") or [])]:
                if name:
                    sides.setdefault(name, set()).add(country)
    return {name: next(iter(found)) if len(found) == 1 else None for name, found in sides.items()}


@functools.cache
def _gates_pattern():
    return P.phrases(_gate_countries(), ignore_case=False)


def gate_names() -> tuple[str, ...]:
    """Every printed name of a border gate in ``patterns/gates.yaml``, of either side."""
    return tuple(_gate_countries())


def place_at(text: str, tokens: Tokens, i: int) -> tuple[int, str | None] | None:
    """(end index, country) of the place or country name printed at ``tokens[i]``, longest first.

    Proper names only: the first letter must be a capital ("Lào Cai", "Trung Quốc").
    Border-gate names count as places of their side ("Trạm Kiểm tra biên phòng Hữu Nghị Quan").
    """
    if i >= len(tokens) or not tokens[i].place_patterns:
        return None
    start = tokens.start(i)
    best = None
    for pattern, kind in tokens[i].place_patterns:
        m = P.match(pattern, text, start)
        if m and (best is None or m.end() > best[0].end()):
            best = (m, kind)
    if best is None:
        return None
    m, kind = best
    end = bisect.bisect_left(tokens.starts, m.end(), i)  # after the last token that starts inside the match
    if tokens.end(end - 1) != m.end():
        return None  # the match ends inside a word
    if kind == "country":
        return end, gazetteer.country_names().get(gazetteer.key(m.group()))
    if kind == "gate":
        return end, _gate_countries().get(" ".join(m.group().split()))
    return end, gazetteer.country_of(m.group())


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(fold(s) for s in data()["surnames"])


@functools.cache
def foreign_honorifics() -> frozenset[str]:
    return frozenset(data()["foreign_honorifics"])


def capitalized_run(tokens: Tokens, i: int, limit: int = MAX_NAME_WORDS + 2) -> int:
    """End index of the run of capitalized words starting at ``i``.

    Syllables glued to a capitalized one by hyphens belong to it ("Xổm-xa-vạt Lềnh-xa-vắt").
    """
    j, words, n = i, 0, len(tokens)
    while j < n and words < limit and tokens[j].is_capitalized:
        j, words = j + 1, words + 1
        while j + 1 < n and tokens[j].text in DASHES and glued_dash(tokens, j) and tokens[j + 1].is_word:
            j += 2
    return j


def glued_dash(tokens: Tokens, j: int) -> bool:
    """A dash with no space on either side ("Bút-tạ-vông"), joining syllables of one word."""
    return 0 < j < len(tokens) - 1 and tokens[j].text in DASHES and \
        tokens.end(j - 1) == tokens.start(j) and tokens.end(j) == tokens.start(j + 1)


def strip_foreign_honorifics(tokens: Tokens, i: int, j: int) -> int:
    while i < j and tokens[i].text in foreign_honorifics():
        i += 1
    return i


def is_place(text: str, tokens: Tokens, i: int, j: int) -> bool:
    found = place_at(text, tokens, i)
    return found is not None and found[0] >= j


def surname_start(text: str, tokens: Tokens, i: int, j: int, first: int = 0) -> int | None:
    """Where a native name of 2–4 words ending at ``j`` starts, from ``i + first`` on."""
    for k in range(i + first, j - 1):
        if j - k <= MAX_NATIVE_NAME_WORDS and tokens[k].key in surnames() and tokens[k].is_capitalized and \
                not glued_dash(tokens, k - 1) and not is_place(text, tokens, k, j):
            return k
    return None


@functools.cache
def _pos_tagger():
    """``underthesea.pos_tag``, imported and its models loaded on first need: keeps start-up fast."""
    with P.one_time_load():
        from underthesea import pos_tag

        pos_tag("Hà Nội")  # its first call loads the word segmenter's and the tagger's models
    return pos_tag


def proper_noun_start(sentence: str, offset: int, tokens: Tokens, i: int, j: int, first: int) -> int | None:
    """Where underthesea's last proper noun (Np) inside ``tokens[i:j]`` starts, if it ends at ``j``.

    Used only for runs the gazetteer and the family names cannot split (one call per
    such sentence, about a millisecond).
    """
    end = tokens.end(j - 1) - offset
    cursor = 0
    for word, tag in _pos_tagger()(sentence):
        found = sentence.find(word, cursor)
        if found < 0:
            continue
        cursor = found + len(word)
        if tag == "Np" and cursor == end:
            for k in range(i + first, j - 1):
                if tokens.start(k) - offset == found:
                    return k
    return None
