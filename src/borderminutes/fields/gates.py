"""Named border gates, crossing points and border markets.

A mention is a head word ("cửa khẩu", "lối mở", "chợ biên giới" ...) with its level
words, then a proper name: capitalised words or a spelling from the gate list
(``patterns/gates.yaml``). A lower-case word after the head ("cửa khẩu thông minh",
"qua các cửa khẩu") names no gate. Two names joined by a dash are a pair when the
list knows the pair or the text gives each side its country; a pair named anywhere
absorbs the mentions of either of its sides, so one crossing is one record.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import gazetteer
from .. import patterns as P
from ..models import BorderGate, Evidence
from ..segment import AnyCase, Article, folded
from .wordlists import alternation, ending, first_words

PAIR_JOIN = " – "
NOT_AFTER_REACH = 40  # characters before a head searched for an organisation's name ("Khu kinh tế")
_COLON = P.compile_(r"\s*:")
_LIST_SEPARATOR = P.compile_(r"\s*(?:[,;]|và(?!\w))\s*")  # "các cửa khẩu A, B và C"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    sides: tuple[str, ...]  # one name, or the two sides of a pair as written
    level: str | None


@dataclass(frozen=True)
class _Grammar:
    """Compiled patterns for one kind of place (gates or markets)."""

    head: AnyCase  # plural word? head level words*
    head_levels: dict[str, str | None]
    list_item_word: str | None
    head_words: tuple[str, ...]  # the first word of each head, case-folded (see ``_may_hold_head``)
    start_words: tuple[str, ...]  # the first word of each head and plural word, case-folded


@functools.cache
def _words() -> dict:
    return P.load("gate_words")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@functools.cache
def _known() -> tuple[dict[str, str], frozenset[frozenset[str]], tuple[str, ...]]:
    """(any spelling -> canonical key, known pairs as sets of canonical keys, every spelling)."""
    canonical: dict[str, str] = {}
    pairs: set[frozenset[str]] = set()
    spellings: list[str] = []
    for entries in (P.load("gates") or {}).values():
        for entry in entries or []:
            sides = []
            for main, aliases in ((entry.get("vn"), entry.get("aliases_vn")), (entry.get("foreign"), entry.get("aliases_foreign"))):
                if not main:
                    continue
                for spelling in [main, *(aliases or [])]:
                    canonical.setdefault(_key(spelling), _key(main))
                    spellings.append(spelling)
                sides.append(_key(main))
            if len(sides) == 2 and sides[0] != sides[1]:
                pairs.add(frozenset(sides))
    return canonical, frozenset(pairs), tuple(dict.fromkeys(spellings))


def _canon(name: str) -> str:
    return _known()[0].get(_key(name), _key(name))


def _known_pair(a: str, b: str) -> bool:
    return frozenset((_canon(a), _canon(b))) in _known()[1]


@functools.cache
def _level_words() -> dict[str, str | None]:
    return {_key(w): level for w, level in _words()["level_words"].items()}


@functools.cache
def _grammar(kind: str) -> _Grammar:
    spec = _words()[kind]
    words = _words()
    plural = alternation([*words["pair_words"], *words["plural_words"]])
    levels = alternation(words["level_words"])
    start = P.word_start([*words["pair_words"], *words["plural_words"], *spec["heads"]])
    source = (
        rf"{start}(?:(?P<plural>{plural})\s+)?(?P<head>{alternation(spec['heads'])})(?!\w)"
        rf"(?P<levels>(?:\s+\(?(?:{levels})(?!\w)\)?)*)"
    )
    return _Grammar(AnyCase.compile(source), {_key(h): lv for h, lv in spec["heads"].items()}, spec.get("list_item_word"),
                    first_words(spec["heads"]),
                    first_words([*spec["heads"], *words["pair_words"], *words["plural_words"]]))


def _may_hold_head(grammar: _Grammar, text: str) -> bool:
    """False when no head can match in a paragraph (case-folded): the first word of every head is missing.

    A case-insensitive match of a word is a stretch whose case-folded form is the word's, so the
    test never drops a paragraph the pattern would match in; it spares most paragraphs the scan."""
    return any(map(text.__contains__, grammar.head_words))


@functools.cache
def _name_pattern() -> P.Pattern:
    """A proper name: a spelling from the gate list, else up to five capitalised words."""
    known = alternation(_known()[2])
    word = r"(?:\p{Lu}[\p{Ll}\p{M}]*|Km\s?\d+(?:\s?\+\s?\d+)?)"
    return P.compile_(rf"\s*(?:(?P<known>{known})(?!\w)|(?P<name>{word}(?:[ ]{word}){{0,4}})(?!\w))")


@functools.cache
def _list_word_pattern(word: str) -> P.Pattern:
    return P.compile_(rf"\s*(?P<word>{regex.escape(word)})\s+")


@functools.cache
def _not_names() -> P.Pattern:
    return P.compile_(rf"(?:{alternation(_words()['not_names'])})(?!\w)")


@functools.cache
def _qualifier_pattern() -> P.Pattern:
    """"(Việt Nam)", "(Lào Cai, Việt Nam)" or " - Việt Nam" after a name."""
    countries = alternation(gazetteer.country_names())
    dashes = regex.escape("".join(_words()["pair_joiners"]))
    return P.compile_(
        rf"\s*\((?P<paren>[^()\n]{{1,60}})\)|\s*[{dashes}]\s*(?P<country>(?i:{countries}))(?!\w)(?!\s+\p{{Lu}})"
    )


@functools.cache
def _joiner_pattern() -> P.Pattern:
    dashes = regex.escape("".join(_words()["pair_joiners"]))
    return P.compile_(rf"\s*(?:(?P<dash>[{dashes}])|(?P<and>{regex.escape(_words()['pair_and'])})(?!\w))")


@functools.cache
def _country_word() -> P.Pattern:
    names = gazetteer.country_names()
    return P.compile_(rf"{P.word_start(names)}(?:{alternation(names)})(?!\w)(?!(?-i:\s+\p{{Lu}}))", ignore_case=True)


def _name_at(text: str, pos: int, end: int, list_word: str | None = None) -> tuple[str, int, int] | None:
    """(name, start, end) of the proper name at ``pos``; None for a generic phrase."""
    lead = P.match(_list_word_pattern(list_word), text, pos, end) if list_word else None
    m = P.match(_name_pattern(), text, lead.end() if lead else pos, end)
    if not m:
        return None
    begin = lead.start("word") if lead else m.start("known" if m.group("known") else "name")
    name = m.group("known") or m.group("name")
    cut = None if m.group("known") else P.search(_not_names(), name)
    if cut is not None and (cut.start() == 0 or name[cut.start() - 1] == " "):
        name = name[:cut.start()].rstrip()
    if not name or _begins_with_head(name):
        return None
    if list_word is None and _is_province(name):
        return None  # "cửa khẩu Lạng Sơn": the gates of a province, not one gate
    start = m.start("known") if m.group("known") else m.start("name")
    return " ".join(name.split()), begin, start + len(name)


def _begins_with_head(name: str) -> bool:
    """True when a gate or market head starts ``name`` ("Cửa khẩu ..."). Only a name whose case-folded
    form starts with a head's or a plural word's first word can match (see ``_may_hold_head``)."""
    folded = name.casefold()
    return any(folded.startswith(g.start_words) and P.match(g.head.ignoring_case, name)
               for g in map(_grammar, ("gates", "markets")))


def _qualifier(text: str, pos: int, end: int) -> tuple[bool, int]:
    """(names a country, end) of a qualifier after a name; (False, pos) when none."""
    m = P.match(_qualifier_pattern(), text, pos, end)
    if not m:
        return False, pos
    said = m.group("country") or m.group("paren")
    return P.search(_country_word(), said) is not None, m.end()


def _is_known_gate(name: str) -> bool:
    return _key(name) in _known()[0]


def _is_province(name: str) -> bool:
    return not _is_known_gate(name) and any(u.level == "province" for u in gazetteer.lookup(name))


def _is_home_place(name: str) -> bool:
    """A Vietnamese unit name ("Cao Bằng") after a dash qualifies the gate, it is not its partner."""
    return gazetteer.country_of(name) == "VN" and not _is_known_gate(name)


def _side_or_pair(text: str, pos: int, end: int, list_word: str | None, plural: bool):
    """One name with its qualifier, joined to a second when the two make a pair."""
    first = _name_at(text, pos, end, list_word)
    if first is None:
        return None
    name, start, stop = first
    first_country, stop = _qualifier(text, stop, end)
    join = P.match(_joiner_pattern(), text, stop, end)
    if join:
        second = _name_at(text, join.end(), end)
        if second is not None:
            other, _, other_stop = second
            other_country, other_stop = _qualifier(text, other_stop, end)
            both_countries = first_country and other_country
            if join.group("dash"):
                is_pair = both_countries or _known_pair(name, other) or not _is_home_place(other)
            else:
                is_pair = both_countries or (not plural and _known_pair(name, other))
            if is_pair:
                return (name, other), start, other_stop
    return (name,), start, stop


def _level(grammar: _Grammar, scan: str, m: P.Match) -> str | None:
    """The first level word that means a level, else what the head word means."""
    levels = [_level_words().get(_key(part)) for part in _split_levels(scan[m.start("levels"):m.end("levels")])]
    found = next((lv for lv in levels if lv), None)
    return found or grammar.head_levels.get(_key(scan[m.start("head"):m.end("head")]))


@functools.cache
def _not_after() -> regex.Pattern:
    """An office's name ending right before a head ("Ban quản lý cửa khẩu")."""
    return ending(_words()["not_after"])


@functools.cache
def _level_splitter() -> P.Pattern:
    return P.compile_(rf"(?i:{alternation(_words()['level_words'])})(?!\w)")


def _split_levels(levels: str) -> list[str]:
    if not levels:
        return []
    return [m.group() for m in P.finditer(_level_splitter(), levels)]


@functools.cache
def _plural_words() -> frozenset[str]:
    return frozenset(_key(w) for w in _words()["plural_words"])


def _mentions(article: Article, kind: str) -> list[Mention]:
    grammar = _grammar(kind)
    scan = article.scan
    found: list[Mention] = []
    head, searched = grammar.head.on(article)  # its matches' text is read from the scan
    for paragraph in article.paragraphs:
        if not _may_hold_head(grammar, folded(article, paragraph.start, paragraph.end)):
            continue
        for m in P.finditer(head, searched, paragraph.start, paragraph.end):
            if P.search(_not_after(), scan, max(paragraph.start, m.start() - NOT_AFTER_REACH), m.start()):
                continue
            level = _level(grammar, scan, m)
            plural_word = scan[m.start("plural"):m.end("plural")]  # "" when it has none
            plural = _key(plural_word or "-").split()[0] in _plural_words()
            pos, list_word = m.end(), None
            colon = P.match(_COLON, scan, pos, paragraph.end)
            if colon and grammar.list_item_word:
                pos, list_word, plural = colon.end(), grammar.list_item_word, True
            while True:
                got = _side_or_pair(scan, pos, paragraph.end, list_word, plural)
                if got is None:
                    break
                sides, name_start, stop = got
                found.append(Mention(m.start() if pos == m.end() else name_start, stop, sides, level))
                if not plural:
                    break
                sep = P.match(_LIST_SEPARATOR, scan, stop, paragraph.end)
                if sep is None:
                    break
                pos = sep.end()
    return found


def _merge(article: Article, mentions: list[Mention]) -> list[BorderGate]:
    """One record per crossing: pairs first absorb the single-side mentions of their sides."""
    groups: dict[frozenset[str], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(frozenset(map(_canon, mention.sides)), []).append(mention)
    pairs = [k for k in groups if len(k) == 2]
    for single in [k for k in groups if len(k) == 1]:
        (side,) = single
        home = next((p for p in pairs if side in p), None)
        if home is not None:
            groups[home].extend(groups.pop(single))
    gates = []
    for members in sorted(groups.values(), key=lambda ms: min(m.start for m in ms)):
        members.sort(key=lambda m: m.start)
        widest = max((m for m in members if len(m.sides) == max(len(x.sides) for x in members)),
                     key=lambda m: m.end - m.start)
        level = widest.level or next((m.level for m in members if m.level), None)
        gates.append(BorderGate(
            name=PAIR_JOIN.join(widest.sides),
            text=article.scan[widest.start:widest.end],
            level=level,  # type: ignore[arg-type]  # a level of gate_words.yaml: pydantic holds it to GateLevel
            evidence=[Evidence.of(article.text, m.start, m.end) for m in members],
        ))
    return gates


def find_gates(article: Article) -> list[BorderGate]:
    return _merge(article, _mentions(article, "gates"))


def find_markets(article: Article) -> list[BorderGate]:
    return _merge(article, _mentions(article, "markets"))
