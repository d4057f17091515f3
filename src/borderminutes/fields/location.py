"""Where the meeting took place: the place after "tại", without "tại".

A place is a chain of administrative units ("thành phố Hà Giang, tỉnh Hà Giang",
"thôn Địa Tây Bắc, xã Ma Ngán Tý, huyện Kim Bình, tỉnh Vân Nam, Trung Quốc"), a known
place name ("Quảng Ninh", "Mèo Vạc") or a building ("Trụ sở UBND tỉnh"), with an
optional qualifier in brackets ("tỉnh Vân Nam (Trung Quốc)"), perhaps after an area word
("khu vực biên giới thuộc xã Tân Thanh, huyện Văn Lãng"); the chain ends at the comma
before the sentence's subject ("..., Bộ đội Biên phòng tỉnh ..."). A bare country ("tại
Việt Nam"), an office abroad ("Đại sứ quán Trung Quốc tại Việt Nam"), "tại buổi hội
đàm" and "tại điểm cầu" are not meeting places.

Looked for, in order: the sentence with the meeting's date, the headline
("... làm việc tại Mèo Vạc"), the lead, then the next paragraphs where "tại" follows a
meeting verb, perhaps with the delegation as its object ("sang thăm và làm việc tại Lạng Sơn",
"Tiếp đoàn tại thị trấn Hà Khẩu"). An online meeting takes its place
only from the date sentence, the headline or the lead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import gazetteer
from .. import patterns as P
from ..models import Evidence, Location
from ..segment import Article
from . import dates, source
from .names import gate_names


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    marker: int  # offset of "tại"


@functools.cache
def _data() -> dict:
    return P.load("location")


@functools.cache
def _patterns() -> tuple[P.Pattern, P.Pattern, P.Pattern, P.Pattern]:
    """(the marker "tại", an office abroad right before it, a place chain, a meeting verb and
    perhaps its object before it)."""
    data = _data()
    upper = P.UPPER
    word = rf"[{upper}][\w’'\-]*"
    name = rf"{word}(?:\s+{word})*"
    unit = rf"(?i:{gazetteer.unit_word_source()})"
    countries = country_source()
    inside = rf"(?i:{P.phrases_source(data['facility_names_inside'] + data['facility_words_inside'])})"
    named = rf"(?=(?:\s+(?:{inside}|{unit}))*\s+(?:{word}|\d))"  # "trụ sở UBND tỉnh", not "trung tâm thành phố"
    office_place = rf"(?i:{regex.escape(data['place_marker'])})\s+{word}"  # "Tổng Lãnh sự quán Việt Nam tại Nam Ninh"
    facility = (rf"(?i:{P.phrases_source(data['facilities'])}){named}"
                rf"(?:\s+(?:{office_place}|{inside}|{unit}|{word}|\d+)){{1,{int(data['facility_max_words'])}}}")
    # "phường Hà Giang 1": wards and communes numbered since 2025 carry the number in their name
    numbered = rf"(?i:{P.phrases_source(data['numbered_units'])})\s+{name}\s+\d{{1,2}}(?=\s*[,.;:)]|\s*$)"
    unit_phrase = rf"(?:{numbered}|{unit}\s+{name})"
    # The gazetteer's names (~4,000 characters of pattern) are written out once, as the group
    # "known" of a bare place name; the rare address after a building calls that group by name.
    # Written out at every use (and with the place written twice, after an area word and without)
    # the chain was ~25,000 characters and took ~120 ms to compile. A call by name runs several
    # times slower than the group written out, so only that rare branch makes one.
    known = rf"(?P<known>{gazetteer.names_source()})"
    # a known city or province closes a building's address, not a bare place name ("Trụ sở Bộ Quốc phòng, Hà Nội")
    known_last = rf"(?&known)(?!\s+{word})(?=\s*(?:[,.;:()]|$))"
    # "khu vực biên giới thuộc xã Tân Thanh", "địa bàn xã A Mú Sung", "khu vực mốc 1088"
    area = (rf"(?i:{P.phrases_source(data['areas'])})(?:\s+(?i:{P.phrases_source(data['area_words_inside'])}))*"
            rf"(?:\s+(?i:{P.phrases_source(data['area_links'])}))?\s+")
    named_place = (rf"(?:{facility}(?:\s*,\s*{known_last})?|{unit_phrase}|{known}(?!\s+{word})"
                   rf"|{name}(?=\s*\((?:{countries})\)))")
    countries_pair = rf"(?:{countries})(?:\s*[-–—]\s*(?:{countries}))?(?!\s+{word})"
    gate = P.phrases_source(gate_names(), ignore_case=False)
    # "khu vực cặp cửa khẩu chính Hoành Mô – Động Trung": a known gate, and the other side's after a dash
    gates_pair = rf"(?:{gate})(?:\s*[-–—]\s*{name})?"
    # a place, perhaps after an area word; after an area word also a country, a gate or a pair of them
    first = rf"(?P<area>{area})?(?:{named_place}|(?(area)(?:{countries_pair}|{gates_pair})|(?!)))"
    later = rf"(?:{unit_phrase}|(?:{countries})(?!\s+{word}))"
    bracket = rf"(?:\s*\((?=\s*[{upper}])[^()\n]{{1,60}}\))?"
    # a bracket closes the place ("tỉnh Vân Nam (Trung Quốc), huyện Mường Tè ...": the subject follows)
    chain = rf"(?P<place>(?!(?:{countries})(?!\s*\())(?:{first}){bracket}(?:(?<!\))\s*[,–—-]\s*{later}{bracket})*)"
    marker = P.compile_(rf"{P.word_start([data['place_marker']])}{regex.escape(data['place_marker'])}\s+",
                        ignore_case=True)
    office = P.compile_(rf"(?:{P.phrases_source(data['office_abroad'])})(?:\s+{word}){{0,3}}\s*$", ignore_case=True)
    verb = P.compile_(rf"(?:{P.phrases_source(data['meeting_verbs'])})"
                      rf"(?:\s+(?:{P.phrases_source(data['meeting_verb_objects'])}))?\s*$", ignore_case=True)
    return marker, office, P.compile_(chain), verb


@functools.cache
def country_pattern() -> P.Pattern:
    """A printed country name ("Trung Quốc", "Lào", "Campuchia"); see ``country_source``."""
    return P.compile_(country_source())


@functools.cache
def country_source() -> str:
    """The source ``country_pattern()`` compiles (case-sensitive), to write into a larger pattern.

    One-word short forms that begin a longer name of the same country ("Việt", "Trung")
    are left out: alone they are syllables of person names and of "Trung tâm". A one-word
    name followed by a lower-case word or starting a place name ("Lào Cai") is no country.
    """
    names = [tuple(names) for names in P.load("admin")["countries"].values()]
    several = [n for group in names for n in group if len(n.split()) > 1]
    single = [n for group in names for n in group if len(n.split()) == 1
              and not any(other.startswith(n + " ") for other in group)]
    places = [n for entries in P.load("gazetteer").values() for e in entries
              for n in [e["name"], *(e.get("aliases") or [])] if n.split()[0] in single and len(n.split()) > 1]
    return (rf"(?:{P.phrases_source(several, ignore_case=False)}"
            rf"|(?!{P.phrases_source(places, ignore_case=False)}){P.phrases_source(single, ignore_case=False)}"
            r"(?!\s+[a-zà-ỹđ]))")


def find_location(article: Article, online: bool) -> Location | None:
    place = meeting_place(article, online)
    if place is None:
        return None
    text = article.scan[place.start:place.end]
    return Location(text=text, evidence=Evidence.of(article.text, place.start, place.end))


def meeting_place(article: Article, online: bool = False) -> Place | None:
    """The meeting's place, or None; see the module docstring for where it is looked for."""
    page = source.layout(article)
    found = dates.main_date(article)
    spans: list[tuple[int, int]] = []
    if found is not None and found.sentence is not None:
        spans.append((found.sentence.start, found.sentence.end))
    if page.headline is not None:
        head = article.paragraphs[page.headline]
        spans.append((head.start, head.end))
    if page.lead is not None:
        lead = article.paragraphs[page.lead]
        spans.append((lead.start, lead.end))
    for start, end in spans:
        place = next(iter(places_in(article, start, end)), None)
        if place is not None:
            return place
    if online:
        return None
    window = source.body_after_top(article)[1:1 + int(P.load("dates")["search_paragraphs"])]
    for p in window:
        for place in places_in(article, p.start, p.end):
            if after_meeting_verb(article, place, p.start):
                return place
    return None


def after_meeting_verb(article: Article, place: Place, start: int) -> bool:
    """Does a meeting verb, perhaps with the delegation as its object, stand right before the place's
    "tại" ("sang thăm và làm việc tại Lạng Sơn")? ``start``: how far back the verb may be."""
    return P.search(_patterns()[3], article.scan, max(start, place.marker - 40), place.marker) is not None


def places_in(article: Article, start: int, end: int, offices: bool = False) -> list[Place]:
    """Every "tại <place>" between ``start`` and ``end`` that names a place; with ``offices``, the
    places of offices abroad instead ("Tổng Lãnh sự Trung Quốc tại Nam Ninh")."""
    office = _patterns()[1]
    return [place for place in marked_places(article, start, end)
            if (P.search(office, article.scan, max(start, place.marker - 60), place.marker) is not None) == offices]


def marked_places(article: Article, start: int, end: int, until: int | None = None) -> list[Place]:
    """Every "tại <place>" between ``start`` and ``end``, of an office abroad or not; with ``until``,
    only those whose "tại" starts by then."""
    marker, _, chain, _ = _patterns()
    found = []
    for m in P.finditer(marker, article.scan, start, end):
        if until is not None and m.start() > until:
            break
        place = P.match(chain, article.scan, m.end(), end)
        if place is None:
            continue
        text_end = place.end("place")
        while text_end > place.start("place") and article.scan[text_end - 1] in " ,–—-":
            text_end -= 1
        found.append(Place(place.start("place"), text_end, m.start()))
    return found
