"""Officials taking part: names, titles, country, honorific, head of delegation.

A person is found where the text marks one: an honorific before a name ("đồng
chí Lý Thị Lan", "bà La Bình"), a title before it ("Phó châu trưởng châu Hồng Hà
La Vinh Húc", "Đại tá Phan Văn Hóa"), or a family name before a comma and a title
("Trịnh Xuân Trường, Phó Bí thư Tỉnh ủy"). Bylines and photo credits carry none of
these, and page noise is never read (only ``article.paragraphs``). Mentions of one
name merge into one Official; later title-only mentions ("đồng chí Chủ tịch UBND
tỉnh", "Thủ tướng") are added to the evidence of the one official they fit.

A person's country comes, surest first, from a place in a title, a side cue right
before the mention ("Về phía tỉnh X có"), a title word only one side has ("Châu
trưởng"), a side cue opening the sentence's clause or the list item before, the
shape of the name; else Vietnam. Cues are found once per sentence, so a long list
of people costs linear time.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import cast, overload

from .. import patterns as P
from ..models import Evidence, Official, Side
from ..segment import Article, folded_scan, per_article
from . import wordlists
from .names import (DASHES, blank_punctuation, capitalized_run, countries_named, data, fold, glued_dash, plain_words,
                    plain_words_blanked, spellings, strip_foreign_honorifics, surname_start, surnames, words_of)
from .titles import NameSpan, Sentence, Title
from .titles import data as title_data
from .titles import head_first_words

VIETNAM = "VN"
DEFAULT_FOREIGN = "CN"
FOREIGN_SIDE = "foreign"  # patterns/titles.yaml side_words: a title only the neighbours have

# Characters before a mention that a cue phrase ending at it may span ("Về phía ... có" takes up to 160).
CUE_REACH = 240

# How sure a country is, by where it came from: a place in a title, a side cue right before the
# mention, a word only one side's titles have, a side cue earlier in the sentence (or the item
# before in a list), the shape of the name, nothing (Vietnam).
FROM_TITLE_PLACE, FROM_CONTEXT, FROM_TITLE_WORD, FROM_FRAME, FROM_NAME, FROM_DEFAULT = 5, 4, 3, 2, 1, 0


@dataclass
class Mention:
    sentence: Sentence
    first: int  # token index where the mention starts (honorific or first title)
    last: int  # token index after its titles and qualifiers
    name: NameSpan | None
    titles: list[Title]
    honorific: str | None = None
    plural: bool = False
    head: bool = False
    mention_only: bool = False
    context: str | None = None  # country from "Về phía ... có", "Đoàn ... do"
    context_by_host: bool = False  # context is the other side of a host verb ("Tiếp đoàn X có"): a weaker cue
    frame: str | None = None  # country from a side cue earlier in the sentence, or the list item before
    attending: bool = False  # named in a list of those present ("Tham dự có ông X")

    start: int = field(init=False)  # text offsets: read again and again by the cue checks
    end: int = field(init=False)
    _name_text: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tokens = self.sentence.tokens
        self.start = tokens.start(self.first)
        self.end = tokens.end(self.last - 1)

    @property
    def name_text(self) -> str:
        """The name as printed, with single spaces (worked out once: a mention's name never changes)."""
        if self._name_text is None:
            assert self.name is not None  # asked only of a mention with a name
            s, e, _ = self.name
            tokens = self.sentence.tokens
            self._name_text = " ".join(self.sentence.text[tokens.start(s):tokens.end(e - 1)].split())
        return self._name_text

    def title_texts(self) -> list[str]:
        return [self.sentence.title_text(t) for t in self.titles]

    @functools.cached_property
    def text_before(self) -> str:
        """``_text_before`` the mention, from up to CUE_REACH back: the side and the other cue checks all read it."""
        return _text_before(self.sentence.text, _reach(self.sentence, self), self.start)


@dataclass
class _Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)


# --- cue patterns (patterns/officials.yaml) -----------------------------------------


def _words(phrases) -> str:
    return "|".join(P.phrase_source(p) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _honorific_pattern():
    d = data()
    return P.compile_(rf"(?P<plural>{_words(d['plural_honorifics'])})|(?P<single>{_words(d['honorifics'])})",
                      ignore_case=True)


def _honorific_at(sentence: Sentence, i: int) -> tuple[int, str | None, bool] | None:
    """(end index, honorific, plural) of an honorific starting at token ``i``; the honorific is None
    for one that marks a person but has no value in the output ("ngài")."""
    tokens = sentence.tokens
    if i >= len(tokens) or tokens[i].key not in _honorific_first_words():
        return None
    second_words = _honorific_second_words().get(tokens[i].key)
    if second_words is not None and (i + 1 == len(tokens) or tokens[i + 1].key not in second_words):
        return None  # "các đại biểu", "đồng thời": no honorific starts here
    m = P.match(_honorific_pattern(), sentence.text, tokens.start(i), sentence.end)
    if m is None:
        return None
    end = sentence.index_at(m.end())  # the match must end where a token ends ...
    if tokens.end(end - 1) != m.end() or \
            end < len(tokens) and tokens.start(end) == m.end() and tokens[end].is_word:  # ... and no word runs on
        return None
    plural = bool(m.group("plural"))
    return end, _honorific_values()[" ".join(fold(m.group()).split())], plural


@functools.cache
def _mention_first_words() -> frozenset[str]:
    """First words of honorifics and title heads: a mention that starts in lower case starts with one."""
    return _honorific_first_words() | head_first_words()


@functools.cache
def _honorific_first_words() -> frozenset[str]:
    return frozenset(fold(k.split()[0]) for k in _honorific_values())


@functools.cache
def _honorific_second_words() -> dict[str, frozenset[str]]:
    """First word -> second words, of the honorifics whose first word is none alone ("các" ->
    "đồng", "ông", "bà"). Such first words are common; followed by any other word they start no
    honorific, and the pattern need not run."""
    phrases = [key.split() for key in _honorific_values()]
    alone = {words[0] for words in phrases if len(words) == 1}
    second_words: dict[str, set[str]] = {}
    for words in phrases:
        if len(words) > 1 and words[0] not in alone:
            second_words.setdefault(words[0], set()).add(words[1])
    return {first: frozenset(seconds) for first, seconds in second_words.items()}


@functools.cache
def _honorific_values() -> dict[str, str | None]:
    d = data()
    return {fold(k): v for table in (d["honorifics"], d["plural_honorifics"]) for k, v in table.items()}


@functools.cache
def _phrase_pattern(key: str):
    """Any phrase of the list ``key`` in patterns/officials.yaml, as a whole word."""
    return P.phrases(data()[key])


@functools.cache
def _host_verb_pattern():
    """A host verb right before a side cue: "Tiếp và làm việc với | đoàn ..."."""
    return _ending_here(rf"(?<!\w)(?:{_words(data()['host_verbs'])})\s+$")


def _ending_here(source: str):
    """A pattern for the text right before a mention, searched backwards from it.

    Reverse mode tries only matches that end at the search's end, instead of every start
    in the window before the mention.
    """
    return P.compile_(source, ignore_case=True, reverse=True)


def _optional_honorific() -> str:
    """Regex source: an optional honorific (and colon) right before a mention."""
    d = data()
    return rf"(?:(?:{_words([*d['honorifics'], *d['plural_honorifics']])})\s*:?\s*)?$"


@functools.cache
def _side_cue_pattern():
    """"<cue> [X] có|do [các] [đồng chí|ông|bà] [:]" up to the mention."""
    d = data()
    return P.compile_(rf"(?P<cue>{_words(d['side_cues'])})(?:\s+(?P<x>[^;:.]{{1,160}}?))?\s+"
                      rf"(?P<end>{_words(d['side_cue_ends'])})\s+{_optional_honorific()}", ignore_case=True)


@functools.cache
def _folded(key: str) -> frozenset[str]:
    """The list ``key`` of patterns/officials.yaml as ``fold`` keys, one space between words."""
    return frozenset(" ".join(fold(w).split()) for w in data()[key])


@functools.cache
def _delegation_pattern():
    """A delegation and the words naming it, up to a punctuation mark: "Đoàn đại biểu tỉnh X"."""
    d = data()
    return P.compile_(rf"(?<!(?:{_words(d['delegation_roles'])})\s+)(?<!\w)(?:{_words(d['delegation_words'])})(?!\w)"
                      rf"(?P<phrase>[^,;:.()\n]{{0,80}})", ignore_case=True)


@functools.cache
def _frame_phrase_pattern():
    """The place phrase of a clause-opening side cue, up to a comma or "có|do|gồm|là"."""
    return P.compile_(rf"\s+(?P<x>[^,;:.]{{1,160}}?)(?=\s*[,;:.]|\s+(?:{_words(data()['side_cue_ends'])})(?!\w)|\s*$)",
                      ignore_case=True)


@functools.cache
def _attendance_pattern():
    """"Tham dự hội đàm có [ông|bà]", "Tiếp đoàn gồm" right before the mention."""
    d = data()
    return _ending_here(rf"(?<!\w)(?:{_words(d['attendance_words'])})(?!\w)[^;:.]{{0,80}}?(?<!\w)"
                        rf"(?:{_words(d['attendance_ends'])})\s*:?\s*{_optional_honorific()}")


@functools.cache
def _head_by_pronoun_pattern():
    """After a mention: ", nhân dịp đồng chí dẫn đầu Đoàn ...": the honorific alone refers back to it."""
    d = data()
    return P.compile_(rf"\s*,?\s*(?:(?:{_words(d['pronoun_clause_openers'])})\s+)?"
                      rf"(?:{_words(d['honorifics'])})\s+(?:{_words(d['head_after'])})(?!\w)", ignore_case=True)


@functools.cache
def _head_after_pattern():
    return P.compile_(rf"\s*,?\s*(?:{_words(data()['head_after'])})(?!\w)", ignore_case=True)


@functools.cache
def _joint_head_pattern():
    return P.compile_(rf"\s*(?:{_words(data()['joint_head_after'])})(?!\w)", ignore_case=True)


@functools.cache
def _head_before_pattern():
    """A head phrase right before the mention: "dưới sự chủ trì của | đồng chí X"."""
    return _ending_here(rf"(?:{_words(data()['head_before'])})\s+{_optional_honorific()}")


@functools.cache
def _cue_end_pattern():
    """"có|do|gồm|là" right before the mention: the end of a cue that opened the clause."""
    return _ending_here(rf"(?<!\w)(?:{_words(data()['side_cue_ends'])})\s+{_optional_honorific()}")


@functools.cache
def _mention_only_pattern():
    return _ending_here(rf"(?<!\w)(?:{_words(data()['mention_only_before'])})\s+$")


@functools.cache
def _mention_cue_keys() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Title heads, ranks and honorifics: (one-word ones, first two words of longer ones), in both tone placements."""
    d = title_data()
    keys = [words_of(h) for h in [*d["heads"], *d["ranks"], *data()["honorifics"]]]
    singles = {spelling for k in keys if len(k) == 1 for spelling in spellings(k[0])}
    pairs = {(a, b) for k in keys if len(k) > 1 for a in spellings(k[0]) for b in spellings(k[1])}
    return frozenset(singles), frozenset(pairs)


def _may_name_somebody(article: Article, start: int, end: int) -> bool:
    """Does ``article.scan[start:end]`` hold a title head or an honorific? A sentence without one
    names nobody.

    Checked on plain words before the sentence is tokenized (most sentences fail it).
    """
    blanked = _blanked_scan(article)
    text = article.scan[start:end]
    keys = plain_words(text) if blanked is None else plain_words_blanked(blanked[start:end], text)
    singles, pairs = _mention_cue_keys()
    return not singles.isdisjoint(keys) or not pairs.isdisjoint(zip(keys, keys[1:]))


@per_article
def _blanked_scan(article: Article) -> str | None:
    """``article.scan`` case-folded with its punctuation blanked (``blank_punctuation``), for
    ``_may_name_somebody``; None when folding would move offsets."""
    folded = folded_scan(article)
    return None if folded is None else blank_punctuation(folded)


@functools.cache
def _participation_pattern():
    return _ending_here(rf"(?<!\w)(?:{_words(data()['participation_before'])})\s+{_optional_honorific()}")


# --- cheap tests before the cue patterns -----------------------------------------------
# A cue pattern that must end right before a mention (after white space, at most one colon, and
# an optional honorific) can only match where the text there ends with the last word of one of
# its phrases or of an honorific; one that must start right after a mention (after white space
# and a comma), where the text starts with a first word. Most mentions have neither, and a
# string test costs far less than the pattern.


EDGE_CHARS = 40  # characters beside a mention that the tests fold and read: more than any edge word has


@functools.cache
def _edge_words(keys: tuple[str, ...], last: bool) -> tuple[str, ...] | None:
    """The case-folded last (or first) words of the phrases of these lists of patterns/officials.yaml.

    None when a word has a colon or a comma at the edge that ``_text_before``/``_text_after``
    strip, or is longer than the EDGE_CHARS they keep: the test would not hold, so the pattern
    always runs.
    """
    phrases = [phrase for key in keys for phrase in data()[key]]
    words = wordlists.last_words(phrases) if last else wordlists.first_words(phrases)
    unfit = any(word.endswith(":") or word.startswith(",") or len(word) > EDGE_CHARS for word in words)
    return None if unfit else words


def _may_end_with(before: str, *keys: str) -> bool:
    words = _edge_words(keys, True)
    return words is None or before.endswith(words)


def _may_start_with(after: str, *keys: str) -> bool:
    words = _edge_words(keys, False)
    return words is None or after.startswith(words)


def _text_before(text: str, start: int, end: int) -> str:
    """The end of ``text[start:end]`` case-folded (its last EDGE_CHARS), without the white space
    and one colon at its end."""
    before = text[start:end].rstrip()
    if before.endswith(":"):
        before = before[:-1].rstrip()
    return before[-EDGE_CHARS:].casefold()


def _text_after(text: str, start: int, end: int) -> str:
    """The start of ``text[start:end]`` case-folded (its first EDGE_CHARS), without the white space
    and one comma at its start."""
    after = text[start:end].lstrip()
    if after.startswith(","):
        after = after[1:].lstrip()
    return after[:EDGE_CHARS].casefold()


# --- finding mentions ----------------------------------------------------------------


def _mentions_in(sentence: Sentence) -> tuple[list[Mention], list[Mention]]:
    """(mentions with a name, title-only mentions) of one sentence, left to right."""
    named: list[Mention] = []
    untitled_refs: list[Mention] = []
    list_honorific: str | None = None
    openers = _mention_first_words()
    tokens = sentence.tokens
    # Most words open nothing: a mention starts at an honorific or title word, or a bare name
    # opens a list item where its capitalized run starts.
    candidates = [k for k, token in enumerate(tokens) if token.key in openers or
                  token.is_capitalized and (k == 0 or not tokens[k - 1].is_capitalized)]
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside the mention found last
        i = candidate
        token = tokens[i]
        opener = token.key in openers
        honorific = _honorific_at(sentence, i) if opener else None
        start = i
        found: Mention | None = None
        if honorific:
            k, value, plural = honorific
            if sentence.tok(k) == ":":
                k += 1
            if plural:
                list_honorific = value
            if sentence.head_at(k):
                found = _from_title(sentence, start, k)
            else:  # "các đồng chí: A, <title>; B, <title>": the first item starts at its name
                found = _from_name(sentence, k if plural else start, k)
                plural = False
            if found:
                found.honorific, found.plural = value, plural
        elif opener and sentence.head_at(i):
            found = _from_title(sentence, start, i)
        elif token.is_capitalized and _opens_list_item(sentence, i):
            found = _from_name(sentence, start, i, need_surname=list_honorific is None)
            if found and not _closes_list_item(sentence, found):
                found = None
            elif found and list_honorific and sentence.tok(i - 1) in (";", ":"):
                found.honorific = list_honorific
        if found is None:
            continue
        (named if found.name else untitled_refs).append(found)
        i = max(found.last, i + 1)
        if found.name and sentence.tok(found.first - 1).casefold() == "các":
            more = _names_sharing_titles(sentence, found)
            named.extend(more)
            i = max([i, *(m.last for m in more)])
    return named, untitled_refs


def _names_sharing_titles(sentence: Sentence, mention: Mention) -> list[Mention]:
    """"các Phó Chủ tịch UBND tỉnh A, B và C": B and C hold the same titles as A."""
    more: list[Mention] = []
    j = mention.last
    while sentence.tok(j) == "," or sentence.key_at(j) == "và":
        end = capitalized_run(sentence.tokens, j + 1)
        first = surname_start(sentence.text, sentence.tokens, j + 1, end)
        if first != j + 1:
            break
        more.append(Mention(sentence, first, end, NameSpan(first, end), mention.titles))
        j = end
    return more


def _opens_list_item(sentence: Sentence, i: int) -> bool:
    """A name without honorific counts only when a comma or dash and a title follow it."""
    if i > 0 and sentence.tokens[i - 1].is_capitalized:
        return False
    end = capitalized_run(sentence.tokens, i)
    return sentence.tok(end) in _LIST_ITEM_MARKS and bool(sentence.head_at(end + 1))


_LIST_ITEM_MARKS = frozenset({",", "(", *DASHES})  # what follows the name of a list item, before its title


def _closes_list_item(sentence: Sentence, mention: Mention) -> bool:
    """A name without honorific ends its item: punctuation, "và", or a head cue follows its titles.

    ("Đinh Dậu, Thủ tướng chúc ..." is a year followed by a new clause, not a list item.)
    """
    following = sentence.tok(mention.last)
    return following in ("", ",", ";", ".", ":", ")", "!", "?") or \
        sentence.key_at(mention.last) in ("và", "cùng") or \
        P.match(_head_after_pattern(), sentence.text, mention.end, sentence.end) is not None


def _from_title(sentence: Sentence, start: int, i: int) -> Mention | None:
    chain = sentence.parse_chain(i, after_name=False)
    if not chain.titles:
        return None
    if chain.name is None:
        return Mention(sentence, start, chain.end, None, chain.titles)
    mention = Mention(sentence, start, chain.end, chain.name, chain.titles)
    after = sentence.parse_chain(chain.end, after_name=True)
    if after.titles:
        # Titles after a titled name only after a rank ("Đại tá X, Chỉ huy trưởng") or when they close
        # the phrase, not "Bí thư X, Thủ tướng nhấn mạnh" (a new clause).
        extended = Mention(sentence, start, after.end, chain.name, chain.titles + after.titles)
        if all(sentence.is_rank(t) for t in chain.titles) or _closes_list_item(sentence, extended):
            return extended
    return mention


def _from_name(sentence: Sentence, start: int, i: int, need_surname: bool = False) -> Mention | None:
    end = capitalized_run(sentence.tokens, i)
    end = next((k for k in range(i + 1, end) if sentence.head_at(k)), end)
    first = strip_foreign_honorifics(sentence.tokens, i, end)
    if need_surname:
        family = surname_start(sentence.text, sentence.tokens, first, end)
        if family is None:
            return None
        first = family
    if end - first < 2 or need_surname and (place := sentence.place_at(first)) and place[0] >= end:
        return None  # "Cao Bằng, Chủ tịch ..." is a place; after "ông" even "Bảo Lâm" is a person
    chain = sentence.parse_chain(end, after_name=True)
    return Mention(sentence, start, max(chain.end, end), NameSpan(first, end), chain.titles)


# --- context: side, head, mentioned only -----------------------------------------------


class _ArticleSides:
    """The article's foreign country and, looked up only when needed, the visiting delegation's."""

    def __init__(self, article: Article, foreign: str):
        self.article, self.foreign = article, foreign

    @overload
    def other(self, country: str) -> str: ...
    @overload
    def other(self, country: None) -> None: ...

    def other(self, country: str | None) -> str | None:
        if country is None:
            return None
        return self.foreign if country == VIETNAM else VIETNAM

    @functools.cached_property
    def visitors(self) -> str | None:
        """The country of the first delegation the article names ("Đoàn đại biểu tỉnh Lạng Sơn ...")."""
        text = self.article.scan
        for paragraph in self.article.paragraphs:
            for m in P.finditer(_delegation_pattern(), text, paragraph.start, paragraph.end):
                country = next(iter(countries_named(text, m.start("phrase"), m.end("phrase"))), None)
                if country:
                    return country
        return None


def _country_of_phrase(sentence: Sentence, start: int, end: int, sides: _ArticleSides) -> str | None:
    """The country of the first place named in ``text[start:end]``; VN for "tỉnh ta", the partner for "phía bạn"."""
    if P.search(_phrase_pattern("own_side_words"), sentence.text, start, end):
        return VIETNAM
    if P.search(_phrase_pattern("partner_side_words"), sentence.text, start, end):
        return sides.foreign
    for k in range(sentence.index_at(start), sentence.index_at(end)):
        place = sentence.place_at(k)
        if place and place[1]:
            return place[1]
    return None


def _side_context(sentence: Sentence, cues: _SentenceCues, mention: Mention, sides: _ArticleSides,
                  earlier: list[Mention]) -> tuple[str, bool] | None:
    """(side, given by a host verb) that a "Về phía X có" / "Đoàn X do" / "Tại điểm cầu X có" cue gives the mention.

    The cue closest to the mention speaks for it, so cues are tried from the last one back.
    A host verb before the cue ("Tiếp đoàn tỉnh X có") gives the other side; with no place
    ("Tiếp đoàn có", "Cùng đi với đoàn có") the delegation is the article's visitors. It gives
    none when the cue names the delegation's own members ("tiếp đoàn X do ông A làm trưởng
    đoàn") or when the host (a mention ``earlier`` in the sentence) is of the delegation's
    country ("Tổng Lãnh sự Việt Nam tại Nam Ninh tiếp đoàn tỉnh Lạng Sơn có ...").
    """
    reach = _reach(sentence, mention)
    if not _may_end_with(mention.text_before, "side_cue_ends", "honorifics", "plural_honorifics"):
        return None  # a side cue ends with "có|do|gồm|là" [and an honorific] right before the mention
    for at, after, kinds in reversed(cues.words):
        if at < reach:
            break
        if after > mention.start or "side" not in kinds:
            continue
        cue = P.match(_side_cue_pattern(), sentence.text, at, mention.start)
        if cue is None:
            continue
        host = P.search(_host_verb_pattern(), sentence.text, max(sentence.start, at - 40), at)
        if cue.start("x") < 0:  # "Tiếp đoàn có": the delegation the article is about
            delegation = " ".join(fold(cue.group("cue")).split()) in _folded("delegation_words")
            country = sides.visitors if delegation else None
        else:
            country = _country_of_phrase(sentence, cue.start("x"), cue.end("x"), sides)
        if not country:
            continue
        flip = host is not None and fold(cue.group("end")) not in _folded("member_cue_ends") and \
            not any(m.start < host.start() and country in _title_countries(m) for m in earlier)
        return (sides.other(country), True) if flip else (country, False)
    return None


def _title_countries(mention: Mention) -> set[str]:
    return {c for t in mention.titles for c in t.countries if c}


def _frame_events(sentence: Sentence, cues: _SentenceCues, sides: _ArticleSides) -> list[tuple[int, str, str | None]]:
    """(position, kind, country) of what sets or turns the side of a sentence's later mentions.

    "frame": a side cue opening a clause ("Tại điểm cầu X, ...", "Phía X do ...; cùng đi có ...")
    speaks for the rest of the sentence; "turn": a verb that brings in the other party ("hội
    đàm với", "tiếp") gives the rest of its clause to that party, unless it only begins a
    longer word ("tiếp tục"); "clause": a semicolon ends that clause.
    """
    text, start, end = sentence.text, sentence.start, sentence.end
    not_turns = {at for at, _, kinds in cues.words if "not_turn" in kinds}
    events: list[tuple[int, str, str | None]] = [(at - 1, "clause", None) for at in cues.clause_starts[1:]]
    for at, after, kinds in cues.words:
        if "turn" in kinds and at not in not_turns:
            events.append((at, "turn", None))
        if "frame" in kinds and _opens_clause(text, start, at):
            phrase = P.match(_frame_phrase_pattern(), text, after, end)
            country = phrase and _country_of_phrase(sentence, phrase.start("x"), phrase.end("x"), sides)
            if country:
                events.append((at, "frame", country))
    return sorted(events, key=lambda e: e[0])


def _reach(sentence: Sentence, mention: Mention, floor: int | None = None) -> int:
    """Where to start looking for a cue phrase that ends at the mention: at most CUE_REACH back."""
    return max(sentence.start if floor is None else floor, mention.start - CUE_REACH)


class _SentenceCues:
    """Cue positions that span a clause or the sentence, found once per sentence.

    Each mention then looks them up by position, so a long list of mentions costs
    linear time, not a search of everything before each one.
    """

    def __init__(self, sentence: Sentence):
        text, start, end = sentence.text, sentence.start, sentence.end
        self.clause_starts = [start]
        at = text.find(";", start, end)
        while at >= 0:
            self.clause_starts.append(at + 1)
            at = text.find(";", at + 1, end)
        self.words = _cue_words(sentence)
        self.past_ends = sorted(after for _, after, kinds in self.words if "past" in kinds)
        self.clause_heads = [(at, after) for at, after, kinds in self.words
                             if "head" in kinds and _opens_clause(text, start, at)]
        self.delegation_end = next((after for _, after, kinds in self.words if "delegation" in kinds), None)
        frames = [at for at, _, kinds in self.words if "frame" in kinds]
        # Clauses a chair word opens that name a side ("Chủ trì hội nghị tại điểm cầu X là A"), and
        # clauses a side cue opens ("tại điểm cầu Y là B"): the latter, after the former, name a chair too.
        self.chair_side_clauses = [self.clause_start(at) for at, _ in self.clause_heads
                                   if any(at < f and self.clause_start(f) == self.clause_start(at) for f in frames)]
        self.side_led_clauses = {self.clause_start(f) for f in frames if not text[self.clause_start(f):f].strip()}

    def clause_start(self, position: int) -> int:
        return self.clause_starts[bisect.bisect_right(self.clause_starts, position) - 1]

    def past_before(self, position: int) -> bool:
        """A past marker in the clause before ``position``."""
        k = bisect.bisect_right(self.past_ends, position)
        return k > 0 and self.past_ends[k - 1] > self.clause_start(position)

    def clause_head_before(self, position: int) -> bool:
        """A head word opening the clause, or after a comma, before ``position``."""
        k = bisect.bisect_right(self.clause_heads, (position, position))
        return k > 0 and self.clause_heads[k - 1][1] <= position and \
            self.clause_heads[k - 1][0] >= self.clause_start(position)

    def parallel_chair_clause(self, position: int) -> bool:
        """Is ``position`` in a clause a side cue opens, after a clause where a chair word opens such a cue?"""
        clause = self.clause_start(position)
        return clause in self.side_led_clauses and any(c < clause for c in self.chair_side_clauses)


# Lists of patterns/officials.yaml that _cue_words finds in one pass over a sentence's words, and their kinds.
SENTENCE_CUE_LISTS = {"side_cues": "side", "side_frames": "frame", "frame_turns": "turn",
                      "frame_turn_exceptions": "not_turn", "past_markers": "past", "head_before": "head",
                      "delegation_words": "delegation"}


@functools.cache
def _cue_phrases() -> tuple[dict[tuple[str, ...], frozenset[str]], frozenset[tuple[str, ...]], frozenset[str]]:
    """(phrase words -> kinds, every leading part of a phrase, first words) for SENTENCE_CUE_LISTS."""
    kinds: dict[tuple[str, ...], set[str]] = {}
    for key, kind in SENTENCE_CUE_LISTS.items():
        for phrase in data()[key]:
            kinds.setdefault(words_of(phrase), set()).add(kind)
    return ({k: frozenset(v) for k, v in kinds.items()}, frozenset(k[:n] for k in kinds for n in range(1, len(k) + 1)),
            frozenset(k[0] for k in kinds))


def _cue_words(sentence: Sentence) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, kinds) of every phrase of SENTENCE_CUE_LISTS in the sentence, left to right.

    Matched on the words already tokenized (folded, whole words), not by a regex per list.
    """
    entries, prefixes, first_words = _cue_phrases()
    tokens = sentence.tokens
    found = []
    for i in [k for k, token in enumerate(tokens) if token.key in first_words]:
        token = tokens[i]
        key: tuple[str, ...] = (token.key,)
        j = i
        while key in prefixes:
            kinds = entries.get(key)
            if kinds:
                found.append((tokens.start(i), tokens.end(j), kinds))
            j += 1
            if j == len(tokens):
                break
            key += (tokens[j].key,)
    return found


def _opens_clause(text: str, sentence_start: int, at: int) -> bool:
    """Is ``at`` the sentence's start or the first word after a comma or semicolon?"""
    k = at - 1
    while k >= sentence_start and text[k].isspace():
        k -= 1
    return k < sentence_start or text[k] in ",;"


def _chaired_by(sentence: Sentence, cues: _SentenceCues, mention: Mention, before: str) -> bool:
    """"dưới sự chủ trì của X", "Chủ trì ... về phía Việt Nam có X", and the next side's
    "...; về phía Lào là Y". (``before``: ``_text_before`` the mention.)"""
    clause = cues.clause_start(mention.start)
    if _may_end_with(before, "head_before", "honorifics", "plural_honorifics") and \
            P.search(_head_before_pattern(), sentence.text, _reach(sentence, mention, clause), mention.start):
        return True
    if not _may_end_with(before, "side_cue_ends", "honorifics", "plural_honorifics"):
        return False
    end_word = P.search(_cue_end_pattern(), sentence.text, _reach(sentence, mention, clause), mention.start)
    return end_word is not None and (cues.clause_head_before(end_word.start()) or
                                     cues.parallel_chair_clause(end_word.start()))


def _mark_sides(sentence: Sentence, cues: _SentenceCues, mentions: list[Mention], sides: _ArticleSides) -> None:
    """The side cues of one sentence's mentions: the cue right before a mention (``context``, which
    its list shares) and the clause-opening cue or turn that speaks for the rest (``frame``)."""
    events = _frame_events(sentence, cues, sides)
    context: tuple[str, bool] | None = None  # (side, given by a host verb), as ``_side_context`` gives it
    frame: str | None = None
    turned = False
    k = 0
    for index, mention in enumerate(mentions):
        while k < len(events) and events[k][0] < mention.start:
            _, kind, country = events[k]
            if kind == "frame":
                frame, turned = country, False
            else:
                turned = kind == "turn"
            k += 1
        own = _side_context(sentence, cues, mention, sides, mentions[:index])
        continues = index > 0 and _continues_list(sentence, mentions[index - 1], mention)
        if own:
            context = own
            frame = own[0]
            turned = False
        elif not continues:
            context = None
        mention.context, mention.context_by_host = context or (None, False)
        if continues and not own:  # list items separated by ";" stay on one side
            mention.frame = mentions[index - 1].frame
        else:
            mention.frame = sides.other(frame) if turned else frame


def _mark_cues(sentence: Sentence, cues: _SentenceCues, mentions: list[Mention]) -> None:
    """Head of delegation, attendance and mentioned-only flags of one sentence's mentions (after their sides)."""
    text = sentence.text
    chaired_before: Mention | None = None  # the last mention a chair cue before it made a head
    for index, mention in enumerate(mentions):
        past = cues.past_before(mention.start)
        reach = _reach(sentence, mention)
        before = mention.text_before
        participating = _may_end_with(before, "participation_before", "honorifics", "plural_honorifics") and \
            P.search(_participation_pattern(), text, reach, mention.start) is not None
        listed = _may_end_with(before, "attendance_ends", "honorifics", "plural_honorifics") and \
            P.search(_attendance_pattern(), text, _reach(sentence, mention, cues.clause_start(mention.start)),
                     mention.start) is not None
        mention.attending = mention.context is not None or participating or listed or \
            index > 0 and mentions[index - 1].attending and _continues_list(sentence, mentions[index - 1], mention)
        if _chaired_by(sentence, cues, mention, before) or chaired_before is not None and \
                _joined_by_and(sentence, chaired_before, mention):
            mention.head = True  # "Đồng chủ trì hội đàm có ông A, <titles> và bà B, <titles>": both chair
            chaired_before = mention
        elif not participating and _may_end_with(before, "mention_only_before") and \
                P.search(_mention_only_pattern(), text, reach, mention.start):
            mention.mention_only = True
        if not past and sentence.tok(mention.first - 1).casefold() == data()["led_by"] and \
                cues.delegation_end is not None and cues.delegation_end <= mention.start:
            mention.head = True
        if past:
            continue
        after = _text_after(text, mention.end, sentence.end)
        if _may_start_with(after, "head_after") and P.match(_head_after_pattern(), text, mention.end, sentence.end):
            mention.head = True
            if P.match(_joint_head_pattern(), text, mention.end, sentence.end):
                _mark_joint_heads(sentence, mentions, index)
        elif _may_start_with(after, "pronoun_clause_openers", "honorifics") and \
                P.match(_head_by_pronoun_pattern(), text, mention.end, sentence.end):
            mention.head = True


def _inherit_list_sides(sentence: Sentence, mentions: list[Mention], foreign: str) -> None:
    """A list item nothing places takes the side of the item before it.

    ("Tiếp đoàn có ông A, Phó Thị trưởng thành phố Bằng Tường; bà B, Phó Chủ nhiệm Văn phòng
    Ngoại sự thành phố": B is on A's side.)
    """
    for previous, mention in zip(mentions, mentions[1:]):
        if mention.name and _continues_list(sentence, previous, mention) and \
                _mention_country(mention, foreign)[0] == FROM_DEFAULT:
            surety, country = _mention_country(previous, foreign)
            if surety >= FROM_FRAME:
                mention.frame = country


def _continues_list(sentence: Sentence, previous: Mention, mention: Mention) -> bool:
    """Is ``mention`` the next item of the list ``previous`` is in (after ";" "," "và")?"""
    between = sentence.text[previous.end:mention.start]
    return len(between) < 12 and between.strip(" ,;") in ("", "và", "cùng")


def _joined_by_and(sentence: Sentence, previous: Mention, mention: Mention) -> bool:
    """Are the two mentions joined by "và" alone ("ông A, <titles> và bà B")?"""
    return sentence.text[previous.end:mention.start].strip(" ,") == "và"


def _mark_joint_heads(sentence: Sentence, mentions: list[Mention], index: int) -> None:
    """"do ông X ... và bà Y ... đồng chủ trì": everyone joined by "và" before the cue."""
    while index > 0 and _joined_by_and(sentence, mentions[index - 1], mentions[index]):
        index -= 1
        mentions[index].head = True


def _share_parenthesized_titles(mentions: list[Mention]) -> None:
    """"thượng tướng A và thượng tướng B (Thứ trưởng Bộ Quốc phòng)": A holds B's title too."""
    for a, b in zip(mentions, mentions[1:]):
        if a.sentence is not b.sentence or a.sentence.text[a.end:b.start].strip() != "và":
            continue
        assert a.name is not None and b.name is not None  # mentions with a name
        a_lead = [t for t in a.titles if t.first < a.name.start]
        b_lead = [t for t in b.titles if t.first < b.name.start]
        b_tail = [t for t in b.titles if t.first > b.name.start]
        if a_lead and len(a_lead) == len(a.titles) and b_tail and all(t.in_parentheses for t in b_tail) and \
                [fold(a.sentence.title_text(t)) for t in a_lead] == [fold(b.sentence.title_text(t)) for t in b_lead]:
            a.titles = a.titles + b_tail


# --- countries -------------------------------------------------------------------------


def _neighbour(sides: list[Side], mentions: list[Mention], article: Article) -> str:
    """The article's foreign country, for cues that only say "the other side".

    From the sides when they name one foreign country, else the foreign country the
    officials' titles name most, else the one whose places the kept text names most.
    """
    foreign = {s.country for s in sides if s.country != VIETNAM}
    if len(foreign) == 1:
        return foreign.pop()
    counts = Counter(c for m in mentions for t in m.titles for c in t.countries if c and c != VIETNAM)
    if not counts:
        counts = Counter(c for p in article.paragraphs for c in countries_named(article.scan, p.start, p.end)
                         if c != VIETNAM)
    return counts.most_common(1)[0][0] if counts else DEFAULT_FOREIGN


def _mention_country(mention: Mention, foreign: str) -> tuple[int, str]:
    """(how sure, country) for one mention."""
    for title in mention.titles:
        for country in title.countries:
            if country:
                return FROM_TITLE_PLACE, country
    if mention.context and not mention.context_by_host:
        return FROM_CONTEXT, mention.context
    sides = set().union(*(mention.sentence.title_sides(t) for t in mention.titles)) if mention.titles else set()
    if VIETNAM in sides:
        return FROM_TITLE_WORD, VIETNAM
    named = sorted(sides - {FOREIGN_SIDE})
    if named:  # "Chính quyền nhân dân" (CN), "Đảng Nhân dân Cách mạng Lào" (LA)
        return FROM_TITLE_WORD, named[0]
    if FOREIGN_SIDE in sides:
        return FROM_TITLE_WORD, foreign
    if mention.context:  # the other side of a host verb yields to a title word only one side has
        return FROM_FRAME, mention.context
    if mention.frame:
        return FROM_FRAME, mention.frame
    if mention.name and _looks_foreign(mention):
        return FROM_NAME, foreign
    return FROM_DEFAULT, VIETNAM


def _looks_foreign(mention: Mention) -> bool:
    """A weak cue, for people nothing else places ("Thủ tướng Hun Sen", "ngài Sok Chenda").

    Only foreigners are called "ngài" or "Samdech"; only their names are hyphenated
    ("Bun-thoong", Lao names transcribed), written with f, j, w, z, or start with no
    Vietnamese family name (Chinese names read in Sino-Vietnamese have one and stay Vietnamese-looking).
    """
    tokens = mention.sentence.tokens
    assert mention.name is not None  # asked only of a mention with a name
    if any(t.key in _folded("foreign_only_honorifics") for t in tokens[mention.first:mention.name.start]):
        return True
    if any(glued_dash(tokens, k) for k in range(mention.name.start, mention.name.end)):
        return True
    if not _folded("foreign_letters").isdisjoint(mention.name_text.casefold()):
        return True
    family = tokens[mention.name.start].key
    return family not in surnames() and family not in _folded("native_name_starts")


# --- assembling ------------------------------------------------------------------------


def _marks_an_official(mention: Mention) -> bool:
    """A title, a lead, "đồng chí" (used for officials, unlike "ông"/"bà", which any citizen gets),
    or an honorific in a list of those present ("Tham dự có ông X và bà Y")."""
    assert mention.name is not None  # a person's mention: it has a name
    return bool(mention.titles) or mention.head or mention.honorific == "đồng chí" and not mention.plural or \
        mention.attending and mention.first < mention.name.start


def _best_titles(mentions: list[Mention]) -> list[str]:
    """The titles of the most complete mention: most words; the earliest on a tie."""
    best: list[str] = []
    best_size = 0
    for mention in mentions:
        texts = mention.title_texts()
        size = sum(len(t.split()) for t in texts)
        if size > best_size:
            best, best_size = texts, size
    return best


def _fits(reference: list[str], titles: list[str]) -> bool:
    """Does a title-only mention fit these titles ("Chủ tịch UBND tỉnh" ~ "Chủ tịch UBND tỉnh Lào Cai")?

    Both lists are ``fold``ed.
    """
    return all(any(f.startswith(r) or r.startswith(f) for f in titles) for r in reference)


def _references(best_titles: list[list[str]], refs: list[Mention]) -> dict[int, list[Mention]]:
    """Title-only mentions that fit exactly one person (of those whose ``_best_titles`` are given), by person index."""
    found: dict[int, list[Mention]] = {}
    people_titles = None  # folded, computed for the first reference that needs them
    for ref in refs:
        if ref.plural:
            continue
        before = ref.sentence.text[ref.sentence.start:ref.start].rstrip()
        if not (ref.honorific or not before or before.endswith(",")):
            continue
        if people_titles is None:
            people_titles = [[fold(t) for t in titles] for titles in best_titles]
        texts = [fold(t) for t in ref.title_texts()]
        fits = [i for i, titles in enumerate(people_titles) if _fits(texts, titles)]
        if len(fits) == 1:
            found.setdefault(fits[0], []).append(ref)
    return found


def _bare_name_spans(article: Article, person: _Person) -> list[tuple[int, int]]:
    """Every other place the full name is printed in the kept text (as a whole word)."""
    covered = [(m.start, m.end) for m in person.mentions]
    text, spans = article.scan, []
    for paragraph in article.paragraphs:
        at = text.find(person.name, paragraph.start, paragraph.end)
        while at >= 0:
            end = at + len(person.name)
            whole = not text[at - 1:at].isalnum() and not text[end:end + 1].isalnum()
            if whole and not any(s <= at < e for s, e in covered):
                spans.append((at, end))
            at = text.find(person.name, end, paragraph.end)
    return spans


def _official(article: Article, person: _Person, titles: list[str], refs: list[Mention], foreign: str) -> Official:
    mentions = person.mentions
    _, country = max((_mention_country(m, foreign) for m in mentions), key=lambda c: c[0])  # surest first
    honorific = next((m.honorific for m in mentions if m.honorific), None)
    spans = {(m.start, m.end) for m in mentions + refs} | set(_bare_name_spans(article, person))
    return Official(
        name=person.name,
        titles=titles,
        country=country,
        honorific=honorific,  # type: ignore[arg-type]  # a value of officials.yaml: pydantic holds it to Honorific
        head_of_delegation=any(m.head for m in mentions),
        evidence=[Evidence.of(article.text, s, e) for s, e in sorted(spans)],
    )


def find_officials(article: Article, sides: list[Side]) -> list[Official]:
    sentences = [Sentence(article.scan, s.start, s.end) for s in article.sentences
                 if _may_name_somebody(article, s.start, s.end)]
    found = [(sentence, *_mentions_in(sentence)) for sentence in sentences]
    foreign = _neighbour(sides, [m for _, named, untitled in found for m in named + untitled], article)
    article_sides = _ArticleSides(article, foreign)
    people: dict[str, _Person] = {}
    refs: list[Mention] = []
    for sentence, named, untitled in found:
        mentions = sorted(named + untitled, key=lambda m: m.first)
        if not mentions:
            continue  # the cues below only ever mark mentions
        cues = _SentenceCues(sentence)
        _mark_sides(sentence, cues, mentions, article_sides)
        _mark_cues(sentence, cues, mentions)
        _share_parenthesized_titles(named)
        _inherit_list_sides(sentence, mentions, foreign)
        refs.extend(untitled)
        for mention in named:
            key = fold(mention.name_text)
            person = people.get(key)
            if person is None:
                person = people[key] = _Person(mention.name_text)
            person.mentions.append(mention)
    taking_part = [p for p in people.values()
                   if any(not m.mention_only for m in p.mentions) and any(_marks_an_official(m) for m in p.mentions)
                   and not all(cast(NameSpan, m.name).weak for m in p.mentions)]  # a person's mentions have a name
    taking_part.sort(key=lambda p: min(m.start for m in p.mentions))
    best_titles = [_best_titles(p.mentions) for p in taking_part]
    by_person = _references(best_titles, refs)
    return [_official(article, p, best_titles[i], by_person.get(i, []), foreign) for i, p in enumerate(taking_part)]
