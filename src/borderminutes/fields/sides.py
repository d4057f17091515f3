"""One Side per country taking part, with localities, organizations and online venue.

The parties are read from the headline and the first body paragraphs. A place there
is a party's locality when the headline names it, or when a party word stands shortly
before it in the same clause ("Đoàn đại biểu tỉnh Lào Cai", "Chính quyền nhân dân châu
Hồng Hà", "giữa ... và ...", "điểm cầu huyện Bát Xát"), or when it continues such a list.
Places that only qualify another ("châu Hồng Hà, tỉnh Vân Nam") drop out as ancestors of
the more specific unit; meeting venues ("tại thành phố Lào Cai") and places inside the
names of gates, stations and bridges ("Cửa khẩu Quốc tế Lào Cai - Hà Khẩu") are skipped.
A side named in the headline only by a national-level party ("Thủ tướng", "Đại sứ quán
Trung Quốc") has no locality. Units of attendees and accompanying members ("Cùng dự có lãnh đạo
các sở, ngành và UBND huyện Kỳ Sơn") never replace a party's own unit. Villages and communes
count when the text places them ("xã Bản Lầu, huyện Mường Khương", "thôn Lao Chải (Việt Nam)").
Localities are printed names ("Bo Kẹo"), not canonical ones.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator

from .. import gazetteer
from .. import patterns as P
from ..models import Side
from ..segment import AnyCase, Article, Paragraph, Sentence, folded, folded_scan, per_article
from . import dates, location, source
from .wordlists import first_words, last_words, words_per_phrase

VIETNAM = "VN"
CLAUSE_BREAKS = ";.!?"


@dataclass(frozen=True)
class Mention:
    """A place printed in the text, with the country it belongs to."""

    start: int
    end: int
    name: str  # as printed
    country: str
    village: bool = False  # a village or commune (not in the gazetteer)
    parents: tuple[str, ...] = ()  # for a village: the known units its text places it in


@functools.cache
def _data() -> dict:
    return P.load("sides")


@functools.cache
def _word() -> str:
    return rf"[{P.UPPER}][\w’'\-]*"


@functools.cache
def _cue_pattern() -> P.Pattern:
    return P.phrases(_data()["party_cues"])


@functools.cache
def _named_thing_pattern() -> P.Pattern:
    """"cửa khẩu Quốc tế Lào Cai - Hà Khẩu", "Ga Hà Khẩu Bắc", "cặp chợ Kim Thành (Lào Cai) – Bắc Sơn (Hà Khẩu)"."""
    data = _data()
    word = _word()
    things = P.phrases_source(data["named_things"])
    inside = P.phrases_source(data["named_thing_words"])
    names = rf"{word}(?:\s+{word})*(?:\s*\([^()\n]{{1,40}}\))?"
    return P.compile_(
        rf"(?i:{things})(?:\s+(?:(?i:{inside})|[IVX]+|\d+))*\s+{names}(?:\s*[-–—]\s*{names})*")


@functools.cache
def _village_pattern() -> P.Pattern:
    """A village or commune with the units or the country it lies in: "thôn Lao Chải (Việt Nam)",
    "xã Bản Lầu, huyện Mường Khương", "thôn Séo Lủng (xã Lũng Cú, huyện Đồng Văn)"."""
    villages = P.phrases_source(_data()["village_words"])
    unit = gazetteer.unit_word_source()
    country = location.country_source()
    word = _word()
    name = rf"{word}(?:\s+{word})*"
    return P.compile_(
        rf"(?i:{villages})\s+(?P<name>{name})"
        rf"(?P<within>(?:\s*,\s*(?:(?i:{unit})\s+{name}|{country}))*(?:\s*\([^()\n]{{1,80}}\))?)")


@functools.cache
def _list_gap() -> P.Pattern:
    """What may stand between two places of one list: separators, "và", a unit word, a country in
    brackets ("... huyện Đồng Văn (Việt Nam) và thôn Đà Lũng")."""
    unit = gazetteer.unit_word_source()
    country = location.country_source()
    return P.compile_(rf"^(?:[\s,;:()\-–—]|và|cùng|(?i:{unit})|\(\s*(?:{country})\s*\))*$")


@functools.cache
def _proposal_pattern() -> P.Pattern:
    return P.phrases(_data()["proposal_words"])


@functools.cache
def _party_sentence_pattern() -> AnyCase:
    """A meeting word or a word of taking part: the sentence may name the parties."""
    meeting_words = [w for kind in P.load("meeting")["kinds"] for w in kind["phrases"]]
    return AnyCase.phrases([*meeting_words, *_data()["participation_words"]])


@functools.cache
def _national_pattern() -> P.Pattern:
    """A national-level party, with the country name that may follow it within a few words."""
    parties = P.phrases_source(_data()["national_parties"], ignore_case=False)
    country = location.country_source()
    return P.compile_(rf"(?:{parties})(?!\s+nhân\s+dân)(?:\s+(?:{country}))?")


def find_sides(article: Article) -> list[Side]:
    headline, lead = _regions(article)
    mentions = _party_mentions(article, headline, lead)
    countries = _countries(article, headline, lead, mentions)
    national = _national_sides(article, [headline] if headline else [])
    head_countries = {m.country for m in mentions if headline and headline[0] <= m.start < headline[1]}
    organizations = _organizations(article, headline, lead, [c for c in countries if c != VIETNAM])
    venues = _venues(article, lead)
    sides = []
    for country in countries:
        names = [m for m in mentions if m.country == country]
        localities = [] if country in national and country not in head_countries else _most_specific(names)
        sides.append(Side(country=country, localities=localities,
                          organizations=organizations.get(country, []), venue=venues.get(country)))
    return sides


def _regions(article: Article) -> tuple[tuple[int, int] | None, list[Sentence]]:
    """The headline span and the lead sentences that may name parties (no proposals)."""
    page = source.layout(article)
    headline = None
    if page.headline is not None:
        head = article.paragraphs[page.headline]
        headline = (head.start, head.end)
    paragraphs = source.body_after_top(article)[:int(_data()["lead_paragraphs"])]
    lead = [s for p in paragraphs for s in p.sentences
            if _party_sentence_pattern().search(article, s.start, s.end) and not _proposes(article, s)]
    return headline, lead


@functools.cache
def _proposal_words() -> tuple[tuple[str, ...], ...]:
    return words_per_phrase(_data()["proposal_words"])


def _proposes(article: Article, sentence: Sentence) -> bool:
    """A proposal word in ``sentence``. The pattern ignores case, so it can match only where every
    word of one of its phrases occurs in the case-folded sentence: most sentences need no search."""
    text = folded(article, sentence.start, sentence.end)
    return any(all(map(text.__contains__, words)) for words in _proposal_words()) \
        and P.search(_proposal_pattern(), article.scan, sentence.start, sentence.end) is not None


def _skipped_spans(article: Article, start: int, end: int, until: int) -> list[tuple[int, int]]:
    """Venues after "tại", seats of offices abroad and names of gates, stations, bridges: not parties.
    Only spans that start by ``until`` are found: a later one cannot hold a place there."""
    spans = []
    if _may_name_a_thing(article, start, until):
        for m in P.finditer(_named_thing_pattern(), article.scan, start, end):
            if m.start() > until:
                break
            spans.append((m.start(), m.end()))
    spans += [(p.start, p.end) for p in location.marked_places(article, start, end, until)]
    return spans


@functools.cache
def _named_thing_first_words() -> tuple[str, ...]:
    return first_words(_data()["named_things"])


def _may_name_a_thing(article: Article, start: int, until: int) -> bool:
    """A named thing can start by ``until`` only where the first word of one does, as a whole word
    with spaces after it ("thành phố" holds no "hành"): about half the paragraphs with places have
    none there, and the pattern costs a scan of the paragraph."""
    text = folded_scan(article)
    return text is None or any(True for _ in _spaced_words(text, _named_thing_first_words(), start, until))


def mentions_in(article: Article, start: int, end: int) -> list[Mention]:
    """Places between ``start`` and ``end`` whose country is known, minus venues and named things."""
    found: list[Mention] = []
    for p in article.paragraphs:  # in text order
        if p.start >= end:
            break
        if start < p.end:
            found += [m for m in _paragraph_mentions(article, p) if start <= m.start and m.end <= end]
    return found


@per_article
def _mention_cache(article: Article) -> dict[int, tuple[Mention, ...]]:
    """Places per paragraph index, filled as paragraphs are asked for (the gazetteer pattern is slow)."""
    return {}


def _paragraph_mentions(article: Article, p: Paragraph) -> tuple[Mention, ...]:
    """The cheap tests come first; the skipped spans are then found only as far as the last place
    that passed them."""
    cache = _mention_cache(article)
    if p.index in cache:
        return cache[p.index]
    found: list[tuple[int, Mention]] = []  # (where the match starts, the place)
    for m in P.finditer(gazetteer.names_pattern(), article.scan, p.start, p.end):
        country = gazetteer.country_of(m.group()) or _bracketed_country(article, m.end(), p.end)
        if country and not _inside_a_name(article, p.start, m.start()):
            found.append((m.start(), Mention(m.start(), m.end(), _bare(article.scan[m.start():m.end()]), country)))
    villages = P.finditer(_village_pattern(), article.scan, p.start, p.end) if _may_name_a_village(article, p) else ()
    for m in villages:
        if gazetteer.lookup(m.group("name")):
            continue
        country, parents = _village_place(article, m.start("within"), m.end("within"))
        if country:
            found.append((m.start(), Mention(m.start("name"), m.end("name"), article.scan[m.start("name"):m.end("name")],
                                             country, village=True, parents=parents)))
    if found:
        skipped = _skipped_spans(article, p.start, p.end, max(start for start, _ in found))
        found = [(start, m) for start, m in found if not any(a <= start < b for a, b in skipped)]
    cache[p.index] = tuple(sorted((m for _, m in found), key=lambda x: x.start))
    return cache[p.index]


@functools.cache
def _village_last_words() -> tuple[str, ...]:
    return last_words(_data()["village_words"])


def _may_name_a_village(article: Article, p: Paragraph) -> bool:
    """What the village pattern needs: the last word of a village word, then spaces and a capital
    letter. Most paragraphs have village words only in other phrases ("xã hội", "văn bản", "địa
    phương"): no scan for them."""
    text = folded_scan(article)
    return text is None or any(article.scan[after].isupper()
                               for after in _spaced_words(text, _village_last_words(), p.start, p.end))


def _spaced_words(folded_text: str, words: tuple[str, ...], start: int, last: int) -> Iterator[int]:
    """Where each of ``words`` (case-folded) starts a word between ``start`` and ``last`` with spaces
    after it: the offset past those spaces. A str test of what a pattern needs before it scans."""
    for word in words:
        at = folded_text.find(word, start, last + len(word))
        while at != -1:
            after = spaced = at + len(word)
            while spaced < len(folded_text) and folded_text[spaced].isspace():
                spaced += 1
            if spaced > after and spaced < len(folded_text) and not _word_char_before(folded_text, at):
                yield spaced
            at = folded_text.find(word, at + 1, last + len(word))


def _word_char_before(text: str, pos: int) -> bool:
    """True when a word character stands before ``pos`` (letters and digits: all are "\\w")."""
    return pos > 0 and (text[pos - 1].isalpha() or text[pos - 1].isdecimal())


def _village_place(article: Article, start: int, end: int) -> tuple[str | None, tuple[str, ...]]:
    """(country, known units) of the text after a village's name: a country named there, else the
    country of the known units there ("xã Lũng Cú, huyện Đồng Văn" -> VN, ("Đồng Văn",))."""
    units = [m.group() for m in P.finditer(gazetteer.names_pattern(), article.scan, start, end)]
    named = [gazetteer.country_names().get(gazetteer.key(m.group()))
             for m in P.finditer(location.country_pattern(), article.scan, start, end)]
    countries = [c for c in named if c] or [c for c in map(gazetteer.country_of, units) if c]
    return (countries[-1] if countries else None), tuple(_bare(u) for u in units)


# Patterns anchored at the end of the searched span ("...$") are compiled to search backwards
# (``reverse=True``): only whether one matches is asked, and a backward search tries the end first
# instead of every position of the span.

@functools.cache
def _name_word_before() -> P.Pattern:
    """A capitalised word right before: the place name is the end of a person's name ("Nguyễn Văn Sơn")."""
    return P.compile_(rf"(?<!\w)[{P.UPPER}][a-zà-ỹđ][\w]*[ ]$", reverse=True)


@functools.cache
def _unit_word_before() -> P.Pattern:
    return P.compile_(rf"(?:{gazetteer.unit_word_source()})[ ]$", ignore_case=True, reverse=True)


def _inside_a_name(article: Article, start: int, pos: int) -> bool:
    """True when a capitalised word that is no administrative word stands right before ``pos``."""
    window = max(start, pos - 40)
    return (_capital_before(article.scan, window, pos)
            and P.search(_name_word_before(), article.scan, window, pos) is not None
            and P.search(_unit_word_before(), article.scan, window, pos) is None)


def _capital_before(scan: str, window: int, pos: int) -> bool:
    """What ``_name_word_before()`` needs, tested without a regex call: a space at the end ("$" also
    matches before a final line break) and a capital letter in the word before it. Most places
    follow a lower-case word ("tỉnh Lào Cai")."""
    if pos - 1 >= window and scan[pos - 1] == " ":
        space = pos - 1
    elif pos - 2 >= window and scan[pos - 1] == "\n" and scan[pos - 2] == " ":
        space = pos - 2
    else:
        return False
    word_start = max(window, scan.rfind(" ", window, space) + 1)
    return any(map(str.isupper, scan[word_start:space]))


@functools.lru_cache(maxsize=gazetteer.NAME_CACHE_SIZE)
def _bare(printed: str) -> str:
    """The printed name without a unit word it may carry ("Khu tự trị dân tộc Choang Quảng Tây" -> "Quảng Tây")."""
    unit = P.match(gazetteer.unit_word_pattern(), printed)
    if unit is not None and gazetteer.lookup(printed[unit.end():].strip()):
        return " ".join(printed[unit.end():].split())
    return " ".join(printed.split())


@functools.cache
def _open_bracket() -> P.Pattern:
    return P.compile_(r"\s*\(\s*")


def _bracketed_country(article: Article, pos: int, end: int) -> str | None:
    m = P.match(_open_bracket(), article.scan, pos, end)
    if m is None:
        return None
    c = P.match(location.country_pattern(), article.scan, m.end(), end)
    return gazetteer.country_names().get(gazetteer.key(c.group())) if c else None


def _party_mentions(article: Article, headline: tuple[int, int] | None, lead: list[Sentence]) -> list[Mention]:
    """Headline places, and lead places that a party word introduces or a party list continues.
    In a list of attendees only the side's own place counts (see ``_attendees_from``); the other
    places there serve only a side that has no place at all and no national-level party in the
    headline or the date's sentence (an attendee's unit is better than none, never better than
    the party's). A unit listed with a side's departments never replaces
    that side's own unit (``_member_unit``). Villages and communes count only in the headline and
    the sentence with the meeting's date: further down they are places of past activities and of
    members more often than parties."""
    chosen: list[tuple[Mention, int]] = []  # (place, start of its sentence)
    attending: list[tuple[Mention, int]] = []
    if headline is not None:
        chosen += [(m, headline[0]) for m in mentions_in(article, *headline)]
    found = dates.main_date(article)
    event = found.sentence if found is not None else None
    for sentence in lead:
        cued = _cued_mentions(article, sentence.start, sentence.end)
        attendees = _attendees_from(article, sentence) if cued else None  # a search only where it matters
        previous: Mention | None = None
        for m in cued:
            if m.village and sentence != event:
                continue
            if attendees is None or m.start < attendees or _names_the_side(article, attendees, m) \
                    or _continues(article, previous, m):
                chosen.append((m, sentence.start))
                previous = m
            else:
                attending.append((m, sentence.start))
    if attending:
        named = [span for span in (headline, event and (event.start, event.end)) if span]
        placed = {m.country for m, _ in chosen} | _national_sides(article, named)
        chosen += [(m, start) for m, start in attending
                   if m.country not in placed and not _in_member_list(article, m, start)]
    places = [m for m, _ in chosen]
    return [m for m, start in chosen if not _member_unit(article, m, start, places)]


@functools.cache
def _member_list_pattern() -> P.Pattern:
    """A list of a side's members: "lãnh đạo các sở, ngành", "đại diện Sở Công Thương, ..."."""
    data = _data()
    plural = P.phrases_source(data["member_lists"])
    members = P.phrases_source(data["member_words"])
    departments = P.phrases_source(data["department_heads"], ignore_case=False)
    return P.compile_(rf"{plural}|{members}[^;]*?(?-i:{departments})\s+[{P.UPPER}]", ignore_case=True)


def _member_unit(article: Article, m: Mention, sentence_start: int, places: list[Mention]) -> bool:
    """True for a unit inside another party place of its side, listed in the same clause after the
    side's departments ("lãnh đạo các sở, ngành và UBND huyện Kỳ Sơn"): a member of the delegation."""
    return any(o.country == m.country and _contains(o.name, m.name) for o in places) \
        and _in_member_list(article, m, sentence_start)


def _in_member_list(article: Article, m: Mention, sentence_start: int) -> bool:
    """True when ``m`` follows a list of a side's departments in its clause."""
    clause_start = article.scan.rfind(";", sentence_start, m.start) + 1 or sentence_start
    return P.search(_member_list_pattern(), article.scan, max(clause_start, sentence_start), m.start) is not None


@functools.cache
def _attendance_pattern() -> AnyCase:
    """A clause that lists attendees: "Cùng dự có ...", "Tham gia đoàn có ...", "Tham dự hội đàm, về phía ..."."""
    data = _data()
    openers = P.phrases_source(data["attendance_openers"])
    not_openers = P.phrases_source(data["attendance_false_openers"])
    return AnyCase.compile(rf"(?<=(?:\A|[\n;:,.!?])[ ]*)(?:{openers})(?!\s+(?:{not_openers}))")


def _attendees_from(article: Article, sentence: Sentence) -> int | None:
    """Where a list of attendees begins in ``sentence`` (it runs to the sentence's end), or None.

    Members of a delegation and guests come from its province's departments and districts
    ("lãnh đạo các sở, ngành và UBND huyện Kỳ Sơn"): their units are not the parties."""
    m = _attendance_pattern().search(article, sentence.start, sentence.end)
    return m.start() if m else None


@functools.cache
def _side_cue_before() -> P.Pattern:
    """A side's own name in an attendee list: "về phía tỉnh Nghệ An", "tại điểm cầu huyện Bát Xát",
    "Tham gia đoàn tỉnh Phongsaly"."""
    cues = P.phrases_source(_data()["side_cues"])
    unit = gazetteer.unit_word_source()
    return P.compile_(rf"(?:{cues})\s+(?:(?:các|hai|\d+)\s+)?(?:(?:{unit})\s+)?$", ignore_case=True)


def _names_the_side(article: Article, attendees: int, m: Mention) -> bool:
    return P.search(_side_cue_before(), article.scan, max(attendees, m.start - 60), m.start) is not None


def _cued_mentions(article: Article, start: int, end: int) -> list[Mention]:
    """Places between ``start`` and ``end`` (one sentence) introduced by a party word, or continuing
    a list of such places (tested first: one match on the gap, where the cue window costs two scans)."""
    chosen: list[Mention] = []
    previous: Mention | None = None
    for m in mentions_in(article, start, end):
        if _continues(article, previous, m) or _introduced(article, start, m.start, _cue_pattern()):
            chosen.append(m)
            previous = m
    return chosen


def _introduced(article: Article, start: int, pos: int, cue: P.Pattern) -> bool:
    """A ``cue`` word within the cue window before ``pos``, in the same clause (from ``start``),
    with no preposition after it that starts another phrase ("với UBND tỉnh về xuất khẩu sang ...")."""
    before = article.scan[start:pos]
    clause = before[max(before.rfind(mark) for mark in CLAUSE_BREAKS) + 1:]
    size = int(_data()["cue_window_words"])
    window = " ".join(clause.rsplit(None, size)[-size:])  # the last words, without splitting the whole clause
    cues = list(P.finditer(cue, window))
    if not cues:
        return False
    last_cue = cues[-1]
    after_cue = window[last_cue.end():].casefold()  # a few words: most hold no blocker at all
    return not (any(map(after_cue.__contains__, _blocker_first_words()))
                and any(b.start() >= last_cue.end() for b in P.finditer(_blocker_pattern(), window)))


@functools.cache
def _blocker_pattern() -> P.Pattern:
    return P.phrases(_data()["cue_blockers"])


@functools.cache
def _blocker_first_words() -> tuple[str, ...]:
    return first_words(_data()["cue_blockers"])


def _continues(article: Article, previous: Mention | None, m: Mention) -> bool:
    if previous is None:
        return False
    return P.match(_list_gap(), article.scan[previous.end:m.start]) is not None


@functools.cache
def _country_cue_pattern() -> P.Pattern:
    """Party words and national-level parties: "Đoàn đại biểu phía Trung Quốc", "Thủ tướng Campuchia"."""
    return P.phrases([*_data()["party_cues"], *_data()["national_parties"]])


@functools.cache
def _country_pair_pattern() -> P.Pattern:
    """Vietnam paired with a foreign country in a headline: "Việt Nam - Lào", "Lào và Việt Nam"."""
    country = location.country_source()
    vietnam = P.phrases_source(P.load("admin")["countries"][VIETNAM], ignore_case=False)
    join = r"\s*(?:[-–—]|và|với)\s*"
    return P.compile_(rf"(?:{vietnam}){join}(?!{vietnam})(?:{country})|(?!{vietnam})(?:{country}){join}(?:{vietnam})")


def has_foreign_party(article: Article, named: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> bool:
    """A foreign party is named: a foreign place in one of the ``named`` spans (the headline, the
    event's sentence) or Vietnam paired with a foreign country there ("Việt Nam - Lào"); a foreign
    place introduced as a party in one of the ``sentences`` spans; or a foreign country a party word
    introduces."""
    for start, end in named:
        if any(m.country != VIETNAM for m in mentions_in(article, start, end)) \
                or P.search(_country_pair_pattern(), article.scan, start, end) or _works_abroad(article, start, end):
            return True
    for start, end in [*named, *sentences]:
        if any(m.country != VIETNAM for m in _cued_mentions(article, start, end)):
            return True
        for pos, code in _country_mentions(article, start, end):
            if code != VIETNAM and _introduced(article, start, pos, _country_cue_pattern()):
                return True
    return False


def _works_abroad(article: Article, start: int, end: int) -> bool:
    """"Đoàn ... thăm, làm việc tại thành phố Sùng Tả (Trung Quốc)": a delegation that works at a
    foreign place meets its hosts there, even when the text does not name them. The place must print
    its foreign country: many Vietnamese places share a Chinese place's name ("huyện Đông Hưng")."""
    for place in location.places_in(article, start, end):
        if location.after_meeting_verb(article, place, start):
            printed = {code for _, code in _country_mentions(article, place.start, place.end)}
            if printed and VIETNAM not in printed:
                return True
    return False


def _most_specific(mentions: list[Mention]) -> list[str]:
    """Printed names in order of first mention, without units that contain another named unit
    (known ones by the gazetteer, villages and communes by the units their text places them in)."""
    identity = {name: _identity(name) for name in {m.name for m in mentions} | {p for m in mentions for p in m.parents}}
    names: list[str] = []
    for m in mentions:
        if identity[m.name] not in {identity[n] for n in names}:
            names.append(m.name)
    around_villages = {identity[p] for m in mentions for p in m.parents}
    return [n for n in names if identity[n] not in around_villages
            and not any(_contains(n, other) for other in names if gazetteer.key(other) != gazetteer.key(n))]


def _identity(name: str) -> str:
    """One key for every printed spelling of a unit ("Bo Kẹo", "Bokeo")."""
    return gazetteer.key(gazetteer.canonical(name) or name)


@functools.cache
def _contains(outer: str, inner: str) -> bool:
    """True when a unit printed ``outer`` is an ancestor of a unit printed ``inner``."""
    outer_units = {(u.name, u.country) for u in gazetteer.lookup(outer)}
    for unit in gazetteer.lookup(inner):
        seen = set()
        parent = unit.parent
        while parent and (parent, unit.country) not in seen:
            if (parent, unit.country) in outer_units:
                return True
            seen.add((parent, unit.country))
            parent = next((u.parent for u in gazetteer.lookup(parent) if u.country == unit.country
                           and u.name == parent and u.parent != parent), None)
    return False


@functools.cache
def _country_first_words() -> tuple[str, ...]:
    return first_words([name for names in P.load("admin")["countries"].values() for name in names], fold=False)


def _country_mentions(article: Article, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, code) of each country named between ``start`` and ``end``. The country pattern is
    case-sensitive: where no country name's first word occurs there is nothing to search for."""
    span = article.scan[start:end]
    if not any(map(span.__contains__, _country_first_words())):
        return []
    found = []
    for m in P.finditer(location.country_pattern(), article.scan, start, end):
        code = gazetteer.country_names().get(gazetteer.key(m.group()))
        if code:
            found.append((m.start(), code))
    return found


def _countries(article: Article, headline, lead: list[Sentence], mentions: list[Mention]) -> list[str]:
    """Vietnam first, then every foreign country named in the headline, the lead or by a party place."""
    spans = ([headline] if headline else []) + [(s.start, s.end) for s in lead[:3]]
    firsts: dict[str, int] = {}
    for start, end in spans:
        for pos, code in _country_mentions(article, start, end):
            firsts.setdefault(code, pos)
    for m in mentions:
        firsts[m.country] = min(firsts.get(m.country, m.start), m.start)
    foreign = sorted((c for c in firsts if c != VIETNAM), key=lambda c: firsts[c])
    return [VIETNAM, *foreign]


def _national_sides(article: Article, spans: list[tuple[int, int]]) -> set[str]:
    """Countries with a national-level party in ``spans`` ("Thủ tướng", "Đại sứ quán Trung Quốc")."""
    found = set()
    for span in spans:
        for m in P.finditer(_national_pattern(), article.scan, *span):
            country = P.search(location.country_pattern(), m.group())
            found.add(gazetteer.country_names().get(gazetteer.key(country.group()), VIETNAM) if country else VIETNAM)
    return found


@functools.cache
def _organization_pattern() -> P.Pattern:
    """A head word, its own name ("Sở Công Thương", "Chi đội Quản lý biên giới") and the place it
    belongs to ("... tỉnh Lào Cai"); a person's name after the place is not part of it. Parts of
    one name joined by a spaced dash or by "và" stay together ("Sở Lao động - Thương binh và Xã hội",
    "Hội Hữu nghị Việt - Trung tỉnh Lào Cai")."""
    data = _data()["organizations"]
    heads = P.phrases_source([*data["vietnamese"], *data["foreign"]], ignore_case=False)
    inside = P.phrases_source(_data()["organization_words_inside"])
    unit = gazetteer.unit_word_source()
    word = _word()
    size = int(_data()["organization_max_words"])
    # The head words and the gazetteer's names are written out once each and called by name
    # elsewhere ("(?&known)"): written out at every use the pattern took ~45 ms to compile. A call
    # by name does not look at the first character before trying every branch, so a cheap
    # look-ahead at it (``gazetteer.first_letters()``) keeps the per-word check as fast as before.
    known_ahead = rf"(?=[{gazetteer.first_letters()}])(?&known)"
    joiner = rf"\s+(?:[-–]\s+(?!(?&head))|(?i:và)\s+(?=(?i:{inside})(?!\w))(?!(?&head)))?"
    return P.compile_(
        rf"(?P<head>{heads})(?P<name>(?:{joiner}(?!{known_ahead})(?:(?i:{inside})|{word})){{0,{size}}})"
        rf"(?P<place>\s+(?:(?i:{unit})\s+)?(?P<known>{gazetteer.names_source()}))?")


@functools.cache
def _foreign_heads() -> frozenset[str]:
    return frozenset(gazetteer.key(h) for h in _data()["organizations"]["foreign"])


def _organizations(article: Article, headline, lead: list[Sentence], foreign: list[str]) -> dict[str, list[str]]:
    """Organisations as written, per country: by the place they name, else by their head word.

    A head word alone ("Tỉnh ủy", "UBND" in "Chủ tịch UBND tỉnh") is part of a title, not an
    organisation; a foreign head without a place goes to the only foreign side, if there is one.
    """
    spans = ([headline] if headline else []) + [(s.start, s.end) for s in lead]
    found: dict[str, list[_Organization]] = {}
    for start, end in spans:
        for m in P.finditer(_organization_pattern(), article.scan, start, end):
            if not m.group("name").strip() and not m.group("place"):
                continue
            places = mentions_in(article, m.start(), m.end())
            named = [code for _, code in _country_mentions(article, m.start("name"), m.end("name"))]
            country = (named[0] if named else places[0].country if places
                       else _bracketed_country(article, m.end(), end))
            if country is None:
                is_foreign = gazetteer.key(m.group("head")) in _foreign_heads()
                country = (foreign[0] if len(foreign) == 1 else None) if is_foreign else VIETNAM
            if country:
                found.setdefault(country, []).append(_Organization(
                    " ".join(article.scan[m.start():m.end()].split()),
                    tuple(article.scan[m.start():m.end("name")].split()),
                    frozenset(_identity(p.name) for p in places)))
    return {country: _without_fragments(orgs) for country, orgs in found.items()}


@dataclass(frozen=True)
class _Organization:
    text: str
    own_words: tuple[str, ...]  # head and name, without the place
    places: frozenset[str]  # identities of the places it names


def _without_fragments(orgs: list[_Organization]) -> list[str]:
    """Names in order of first mention, without a name that is a cut or short form of a longer one
    of the same side: its own words begin the longer one's and its places are among the longer
    one's ("Khu ủy Khu" and "Khu ủy Quảng Tây" beside "Khu ủy Khu tự trị dân tộc Choang Quảng Tây")."""
    def fragment(short: _Organization, long: _Organization) -> bool:
        return len(short.text) < len(long.text) and short.places <= long.places \
            and gazetteer.key(" ".join(long.text.split()[:len(short.own_words)])) == gazetteer.key(" ".join(short.own_words))
    names: list[str] = []
    for org in orgs:
        if org.text not in names and not any(fragment(org, other) for other in orgs):
            names.append(org.text)
    return names


@functools.cache
def _venue_pattern() -> P.Pattern:
    unit = gazetteer.unit_word_source()
    word = _word()
    return P.compile_(rf"(?i:điểm\s+cầu)\s+(?:(?i:{unit})\s+)?{word}(?:\s+{word})*")


def _venues(article: Article, lead: list[Sentence]) -> dict[str, str]:
    """The online bridge point of each side: "điểm cầu tỉnh Lào Cai" (searched only in sentences
    with the word "điểm": few have one)."""
    venues: dict[str, str] = {}
    for s in lead:
        if "điểm" not in folded(article, s.start, s.end):
            continue
        for m in P.finditer(_venue_pattern(), article.scan, s.start, s.end):
            places = mentions_in(article, m.start(), m.end())
            if places:
                venues.setdefault(places[-1].country, " ".join(article.scan[m.start():m.end()].split()))
    return venues
