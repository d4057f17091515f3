"""Source metadata: headline, printed publication time, outlet prefix, byline.

News pages print, above the article, optional section labels ("Tin tức", a lone
province name, a navigation menu, the site's masthead), the headline and often a line
with the publication time (some print it under the article instead, with a label or a
time of day); the lead opens with the outlet prefix ("LCĐT -", "(VOV5) -"); an author
line closes the article. ``layout`` finds these lines once so that the date and meeting fields read
the same lead. The words are data in ``patterns/source.yaml``.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass

import regex

from .. import gazetteer
from .. import patterns as P
from ..models import Source
from ..segment import Article, Paragraph, per_article

_DASH = r"[-–—]"
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Layout:
    """Where the page's own lines are, as paragraph indices (None when absent)."""

    headline: int | None
    timestamp: int | None
    lead: int | None  # first body paragraph: after headline, labels and time line
    top: frozenset[int]  # labels, headline and time line (at the top or the bottom): not body text
    published: str | None = None  # the time line's publication time, ISO 8601


@dataclass(frozen=True)
class Outlet:
    name: str
    end: int  # offset where the lead text proper begins, after the prefix


@functools.cache
def _data() -> dict:
    return P.load("source")


@functools.cache
def _label_pattern() -> P.Pattern:
    return P.compile_(rf"^(?:{P.phrases_source(_data()['section_labels'])})\s*[:.]?$", ignore_case=True)


@functools.cache
def _masthead_pattern() -> P.Pattern:
    """An upper-case line naming the newspaper: "BÁO ... ", "TẠP CHÍ ...", "... ĐIỆN TỬ", "... ONLINE"."""
    data = _data()
    openers = P.phrases_source(data["masthead_openers"], ignore_case=False)
    not_openers = P.phrases_source(data["masthead_not_openers"], ignore_case=False)
    suffixes = P.phrases_source(data["masthead_suffixes"], ignore_case=False)
    return P.compile_(rf"^(?:(?!{not_openers})(?:{openers})\s.*|.*\s(?:{suffixes}))$")


@functools.cache
def _site_name_pattern() -> P.Pattern:
    """A portal's name line in any case: "UBND huyện X - Cổng thông tin điện tử"."""
    return P.phrases(_data()["site_name_words"])


@functools.cache
def _timestamp_pattern() -> P.Pattern:
    """A line that holds only a publication date with an optional time, weekday and label, and perhaps
    a view counter after it ("| Lượt xem: 214")."""
    data = _data()
    label = rf"(?:(?:{P.phrases_source(data['timestamp_labels'])})\s*:?\s*)?"
    weekday_first = rf"(?:{P.phrases_source(data['weekdays'])})\s*,?\s*"  # "Thứ Sáu, 11:32, 14/03/2025"
    weekday = rf"(?:{weekday_first})?"
    date = (r"(?:ngày\s+)?(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
            r"|(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+năm\s+)(?P<y>\d{4}))")  # "24 tháng 3, 2022"
    time = r"(?P<hh>\d{1,2})\s*(?:[:hg]|giờ)\s*(?P<mm>\d{2})(?:\s*phút|:\d{2})?(?:\s*(?:SA|CH|AM|PM))?"
    sep = r"[\s,|\-–—]*"
    zone = r"(?:\s*[(\[]?\s*GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*[)\]]?)?"
    trailer = rf"(?:\s*[|\-–—]\s*(?:{P.phrases_source(data['timestamp_trailers'])})\s*:?\s*[\d.,]+)?"
    return P.compile_(
        rf"^{label}(?:{weekday}{date}(?:{sep}{time})?|{time}{sep}{weekday}{date}|{weekday_first}{time}{sep}{date})"
        rf"{zone}{trailer}\s*$", ignore_case=True)


@functools.cache
def _outlet_pattern() -> P.Pattern:
    """The outlet prefix that opens a lead: "LCĐT -", "HGĐT-", "QĐND Online –", "(Baolaocai) -",
    "Hà Nội, 16/3 (TTXVN) -", "Hà Nội, ngày 7/6/2024 (TTXVN) -"; any dash (-, –, —) may follow it."""
    data = _data()
    size = int(data["max_outlet_abbreviation"])
    upper = P.UPPER
    suffix = P.phrases_source(data["outlet_suffixes"], ignore_case=False)
    abbreviation = rf"[{upper}][{upper}0-9]{{1,{size - 1}}}(?:\.[{upper}]{{2,3}})?(?:\s+{suffix})?"
    named = P.phrases_source(data["outlet_names"], ignore_case=False, whole_words=False)
    place = rf"[{upper}]\w*(?:\s+[{upper}]\w*){{0,3}}"  # "Hà Nội, 16/3 (TTXVN) -"
    return P.compile_(
        rf"^\s*(?:"
        rf"(?:{place},\s*(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?\s*)?\(\s*(?P<name>[^()\n]{{2,30}}?)\s*\)\s*(?:{_DASH}\s*)?"
        rf"|(?P<name>{abbreviation})\s*{_DASH}(?!\d)\s*"  # "LCĐT -", "BHG-", "VOV.VN -"; not "COVID-19"
        rf"|(?P<name>{named})\s+{_DASH}\s*"  # "Điện Biên TV - "
        rf")")


@functools.cache
def _byline_pattern() -> P.Pattern:
    openers = P.phrases_source(_data()["byline_openers"])
    return P.compile_(rf"^(?:{openers})\s*:\s*\S", ignore_case=True)


@functools.cache
def _credit_pattern() -> P.Pattern:
    openers = P.phrases_source(_data()["credit_openers"], ignore_case=False)
    return P.compile_(rf"^(?:{openers})\s*:?\s*[{P.UPPER}]")


@functools.cache
def _caption_credit() -> P.Pattern:
    return P.compile_(r"(?<!\w)Ảnh\s*:", ignore_case=True)


def bare_source(article: Article) -> Source:
    """What is known without reading the text: path and checksum."""
    return Source(path=article.doc.path, sha256=article.doc.sha256)


def extract_source(article: Article) -> Source:
    page = layout(article)
    title = _clean_title(article.paragraphs[page.headline].text) if page.headline is not None else None
    found = outlet(article)
    return bare_source(article).model_copy(update={
        "title": title,
        "published": page.published,
        "outlet": found.name if found else None,
        "byline": byline(article),
    })


@per_article
def layout(article: Article) -> Layout:
    """The page's top lines: labels, headline, time line (else a time line among the last lines);
    and the lead paragraph after them."""
    top_lines = int(_data()["top_lines"])
    headline = stamp = published = None
    top: set[int] = set()
    seen_text = False
    for p in article.paragraphs[:top_lines]:
        if stamp is None and (published := timestamp(p.text)) is not None:
            stamp = p.index
            top.add(p.index)
        elif not seen_text:
            if is_section_label(p.text) or _is_label_above_headline(article, p):
                top.add(p.index)
                continue
            seen_text = True
            if _is_headline(p):
                headline = p.index
                top.add(p.index)
    if stamp is None:  # printed under the article instead; there a bare date may close a quoted document
        for p in article.paragraphs[:-int(_data()["bottom_lines"]) - 1:-1]:
            if p.index not in top and (published := timestamp(p.text)) is not None and \
                    ("T" in published or _opens_with_time_label(p.text)):
                stamp = p.index
                top.add(p.index)
                break
    lead = next((p.index for p in article.paragraphs
                 if p.index not in top and not p.is_caption), None)
    return Layout(headline=headline, timestamp=stamp, lead=lead, top=frozenset(top), published=published)


@per_article
def body_after_top(article: Article) -> tuple[Paragraph, ...]:
    """Body paragraphs (no captions) below the headline, labels and time line, in order."""
    page = layout(article)
    return tuple(p for p in article.paragraphs if p.index not in page.top and not p.is_caption)


def is_section_label(line: str) -> bool:
    """"Tin tức", "Thời sự", a breadcrumb ("Trang chủ » Thời sự"), a navigation menu, the newspaper's
    or unit's upper-case masthead, a lone place name, or any line of at most ``label_max_words``
    words without digits, printed above the headline."""
    text = line.strip()
    if P.match(_label_pattern(), text) or any(mark in text for mark in _data()["breadcrumb_marks"]):
        return True
    if text.isupper() and P.match(_masthead_pattern(), text) and P.search(_meeting_word(), text) is None:
        return True
    if P.search(_site_name_pattern(), text):
        return True
    if len(text.split()) <= int(_data()["label_max_words"]) and not any(c.isdigit() for c in text):
        return True
    return _is_menu(text) or bool(gazetteer.lookup(text))


def _is_menu(text: str) -> bool:
    """A navigation menu: several short capitalized parts apart by "|" or by runs of spaces (see
    ``menu_min_parts``); a headline printed with double spaces has lower-case parts."""
    data = _data()
    printed = _menu_separator().split(text, timeout=P.timeout())
    parts = [[word for word in part.split() if any(c.isalnum() for c in word)]  # "Quốc phòng - An ninh": 4 words
             for part in printed]
    enough = len(parts) >= int(data["menu_min_parts"]) or \
        len(parts) >= int(data["menu_min_parts_from_a_label"]) and P.match(_label_pattern(), printed[0].strip())
    return (bool(enough)
            and all(0 < len(part) <= int(data["label_part_max_words"]) and part[0][0].isupper() for part in parts)
            and not any(c.isdigit() for c in text) and not text.endswith((".", "!", "?", ":"))
            and P.search(_meeting_word(), text) is None)


@functools.cache
def _menu_separator() -> regex.Pattern:
    return P.compile_regex(r"\s*\|\s*| {2,}")  # for split()


@functools.cache
def _label_separator() -> regex.Pattern:
    return P.compile_regex(r"\s+[-–—|/>»›]\s+|\s*[|/>»›]\s*")  # for split()


@functools.cache
def _meeting_word() -> P.Pattern:
    """Any word that names a meeting (``patterns/meeting.yaml``): a line with one reports an event."""
    data = P.load("meeting")
    words = [w for kind in data["kinds"] for w in [*(kind.get("phrases") or []), *(kind.get("headline_phrases") or [])]]
    return P.phrases([*words, data["receive_verb"]])


def _is_label_above_headline(article: Article, p: Paragraph) -> bool:
    """A short section label of several words ("Đối ngoại - Biên giới", "Thời sự | Biên phòng", "Hợp tác
    quốc tế") above a longer headline line: its parts are short, it has no digit, no sentence stop and
    no meeting word, and the next line (past a time line) is a longer headline, not the lead."""
    data = _data()
    text = p.text.strip()
    parts = [part.split() for part in _label_separator().split(text, timeout=P.timeout())]
    words = sum(len(part) for part in parts)
    if len(parts) > 1:
        shaped = words <= int(data["compound_label_max_words"]) and all(
            len(part) <= int(data["label_part_max_words"]) for part in parts)
    else:
        shaped = words <= int(data["label_part_max_words"])
    if not shaped or any(c.isdigit() for c in text) or text.endswith((".", "!", "?")) \
            or P.search(_meeting_word(), text) is not None:
        return False
    # The next line that is neither a time line nor a label (a menu, a section name above the headline).
    following = next((q for q in article.paragraphs[p.index + 1:p.index + 4] if timestamp(q.text) is None
                      and not is_section_label(q.text) and not _is_label_above_headline(article, q)), None)
    return (following is not None and _is_headline(following) and len(following.text.split()) > words
            and not following.text.rstrip().endswith((".", "!", "?")))


def _is_headline(p: Paragraph) -> bool:
    """The first text line is a headline unless it is a caption or already the body."""
    if p.is_caption or P.search(_caption_credit(), p.text):
        return False
    if outlet_in(p.text) is not None:
        return False  # "Biên phòng - Ngày 30-8, ..." : the page opens with the lead
    words = p.text.split()
    return not (p.text.endswith(".") and not p.text.endswith("..") and len(words) > 30)


def _clean_title(text: str) -> str:
    return " ".join(text.split())


def _opens_with_time_label(line: str) -> bool:
    """"Cập nhật: 23/05/2024", "Ngày đăng 23/05/2024": a label says the date is the page's own."""
    folded = " ".join(line.split()).casefold()
    return any(folded.startswith(" ".join(label.split()).casefold()) for label in _data()["timestamp_labels"])


def timestamp(line: str) -> str | None:
    """ISO 8601 for a line that only prints a publication time, else None."""
    m = P.match(_timestamp_pattern(), line.strip())
    if m is None:
        return None
    day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not is_valid_day(day, month, year):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group("hh") is not None:
        hours, minutes = int(m.group("hh")), int(m.group("mm"))
        if hours < 24 and minutes < 60:
            iso += f"T{hours:02d}:{minutes:02d}"
    return iso


def is_valid_day(day: int, month: int, year: int | None) -> bool:
    """A real calendar day; without a year, 29/2 is allowed and 31/2 is not. Kept here, not in
    dates, which uses it too: ``layout`` checks the publication date, and dates imports source."""
    if not 1 <= month <= 12:
        return False
    leap = year is None or calendar.isleap(year)
    return 1 <= day <= (29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1])


def outlet_in(text: str) -> Outlet | None:
    """The outlet prefix at the start of ``text`` ("LCĐT - Sáng 22/5 ..." -> LCĐT)."""
    m = P.match(_outlet_pattern(), text)
    if m is None:
        return None
    name = " ".join(m.group("name").split())
    if not name or name.isdigit():
        return None
    return Outlet(name=name, end=m.end())


@per_article
def outlet(article: Article) -> Outlet | None:
    """The outlet prefix of the lead (or of the first line when the page has no headline)."""
    page = layout(article)
    if page.lead is None:
        return None
    lead = article.paragraphs[page.lead]
    found = outlet_in(lead.text)
    return Outlet(found.name, lead.start + found.end) if found else None


def byline(article: Article) -> str | None:
    """The author line: "Tin, ảnh: LÊ HẢI", or a short closing line with a name ("Vũ Dũng/VOV")."""
    data = _data()
    for p in article.paragraphs[::-1][:3]:
        text = " ".join(p.text.split())
        if P.match(_byline_pattern(), text):
            return text
    last = article.paragraphs[-1] if article.paragraphs else None
    if last is None or last.index == layout(article).headline:
        return None
    tail = last.sentences[-1].text.strip() if last.sentences else last.text
    tail = " ".join(tail.split())
    if len(tail.split()) > int(data["byline_max_words"]) or tail.endswith((".", "!", "?", "…", ":")):
        return None
    if P.match(_credit_pattern(), tail) or _looks_like_author(tail):
        return tail
    return None


@functools.cache
def _author_pattern() -> P.Pattern:
    """A name of capitalised words, then optionally "/OUTLET" or ", <office>"."""
    upper = P.UPPER
    word = rf"[{upper}][\w]*"
    name = rf"{word}(?:\s+{word}){{1,4}}"
    return P.compile_(rf"^{name}(?:\s*/\s*\S.*|\s*,\s*[{upper}].*)?$")


def _looks_like_author(text: str) -> bool:
    return bool(P.match(_author_pattern(), text))
