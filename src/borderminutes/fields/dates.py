"""The meeting's own date and its year.

The date is the one in the lead ("Sáng 22/5, ...", "Ngày 16.3, ..."), dates in brackets
(anniversaries) only when there is no other; when the lead
has none, the date printed right after a meeting word ("Tại buổi hội đàm ngày 22/4"),
else the first date of the next few paragraphs. Page noise never counts: only kept
paragraphs are read.

The year is, in order: printed with the date (explicit); the publication time's year,
or the year before when the meeting day would fall after publication (published);
the latest year the text ties to the present (context); else null. Context cues are
"năm 2024", "đầu năm 2019", "Xuân 2017", a full date that can fall earlier in the
meeting's year ("Ngày 12/6/2024" for a meeting on 8/11) or closes a bracketed anniversary
("(30/4/1975 - 30/4/2025)"), and only when there is no
such cue, the end of a period ("giai đoạn 2019 - 2023"). Starting points, comparisons
and horizons ("từ năm 2013", "so với năm 2022", "đến năm 2030") do not count.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import patterns as P
from ..models import Evidence, MeetingDate, YearSource
from ..segment import Article, Paragraph, Sentence, per_article
from . import source

_YEAR = r"\d{4}"


@dataclass(frozen=True)
class DateMention:
    """One printed date: where it is, what it says, and the sentence that holds it."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    part_of_day: str | None
    sentence: Sentence | None


@functools.cache
def _data() -> dict:
    return P.load("dates")


@functools.cache
def _date_pattern() -> P.Pattern:
    """"Sáng 22/5", "Ngày 16.3", "chiều ngày 27/11/2025", "ngày 25 và 26/6", "ngày 3 tháng 4 năm 2024",
    "Sáng nay (9/8)"."""
    data = _data()
    part = P.phrases_source(data["part_of_day"])
    day_word = P.phrases_source(data["day_words"])
    joiner = "|".join(regex.escape(j) for j in data["range_joiners"])
    head = rf"(?:(?P<part>{part})\s*(?:(?:{day_word})\s+)?(?P<paren>\(\s*)?(?<=\s|\()|(?<!\w)ngày\s+)?"
    numeric = (
        r"(?<![\w/.,:])(?<!(?<!\d{4})[-–—])"  # "20/6/1977-20/6/2017" is two dates
        rf"(?P<d>\d{{1,2}})(?:\s*(?:{joiner})\s*\d{{1,2}})?"
        r"(?P<sep>[/.\-])(?P<m>\d{1,2})"
        rf"(?:(?P=sep)(?P<y>{_YEAR})(?!\d)|(?![\d%]|[.,/\-]\d))"
    )
    spelled = rf"(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s*(?:,\s*)?năm\s+(?P<y>{_YEAR}))?(?!\d)"
    return P.compile_(rf"{head}(?:{numeric}|{spelled})(?(paren)\s*\))", ignore_case=True)


@functools.cache
def _after_meeting_word() -> P.Pattern:
    """A meeting word, then "ngày"/"vào ngày": the date that follows names the meeting's day."""
    words = [w for kind in P.load("meeting")["kinds"] for w in kind["phrases"]]
    return P.compile_(rf"(?:{P.phrases_source(words)})\s+{_day_word_before_number_source()}", ignore_case=True)


def _day_word_before_number_source() -> str:
    """The end of ``_after_meeting_word``: "ngày"/"vào ngày" and a number after it."""
    return rf"(?:{P.phrases_source(_data()['after_meeting_word'])})\s+(?=\d)"


@functools.cache
def _day_word_before_number() -> P.Pattern:
    return P.compile_(_day_word_before_number_source(), ignore_case=True)


def find_meeting_date(article: Article, published: str | None, warnings: list[str]) -> MeetingDate | None:
    found = main_date(article)
    if found is None:
        warnings.append("meeting date: no date found in the lead")
        return None
    year, year_source = resolve_year(found, published, article)
    if year is None:
        warnings.append("meeting date: the year is not printed and the text does not fix it; year left null")
    text = article.scan[found.start:found.end]
    return MeetingDate(
        text=text, day=found.day, month=found.month, year=year,
        iso=f"{year:04d}-{found.month:02d}-{found.day:02d}" if year is not None else None,
        part_of_day=found.part_of_day,  # type: ignore[arg-type]  # a value of dates.yaml: pydantic holds it to PartOfDay
        year_source=year_source,
        evidence=Evidence.of(article.text, found.start, found.end),
    )


@per_article
def main_date(article: Article) -> DateMention | None:
    """The meeting's own date: in the lead, else tied to a meeting word, else in the next paragraphs."""
    body = source.body_after_top(article)
    if not body:
        return None
    lead, rest = body[0], body[1:1 + int(_data()["search_paragraphs"])]
    prefix = source.outlet(article)  # "Hà Nội, 5/9 (TTXVN) -": the dateline is not the event's date
    in_lead = dates_in(article, lead, prefix.end if prefix and lead.start <= prefix.end <= lead.end else None)
    if in_lead:
        return next((d for d in in_lead if not _in_brackets(article, lead, d.start)), in_lead[0])
    for p in body[:1 + int(_data()["tied_date_paragraphs"])]:
        if P.search(_day_word_before_number(), article.scan, p.start, p.end) is None:
            continue  # a quick pass: no cue can end here
        for cue in P.finditer(_after_meeting_word(), article.scan, p.start, p.end):
            tied = next(iter(dates_in(article, p, cue.end())), None)
            if tied is not None and tied.start == cue.end():
                return tied
    return next((d for p in rest for d in dates_in(article, p)), None)


def _in_brackets(article: Article, paragraph: Paragraph, pos: int) -> bool:
    """An anniversary span in brackets ("(30/4/1975 - 30/4/2025)") annotates, it is not the event's date."""
    before = article.scan[paragraph.start:pos]
    return before.count("(") > before.count(")")


@functools.cache
def _number_pattern() -> P.Pattern:
    """The numbers of a date alone ("22/5", "25 và 26/6", "3 tháng 4"): a quick first pass, since the
    full pattern with its optional part of day is slow to try at every position."""
    joiner = "|".join(regex.escape(j) for j in _data()["range_joiners"])
    return P.compile_(rf"(?<![\w/.,:])\d{{1,2}}(?:\s*(?:{joiner})\s*\d{{1,2}})?[/.\-]\d{{1,2}}"
                      r"|(?<!\w)\d{1,2}\s+tháng\s+\d{1,2}", ignore_case=True)


def dates_in(article: Article, paragraph: Paragraph, start: int | None = None) -> list[DateMention]:
    """Every valid date printed in ``paragraph`` (from ``start``), in order."""
    found = []
    lower = paragraph.start if start is None else start
    for number in P.finditer(_number_pattern(), article.scan, lower, paragraph.end):
        window_end = min(paragraph.end, number.end() + 8)
        m = P.search(_date_pattern(), article.scan, max(lower, number.start() - 30), window_end)
        while m is not None and m.start("d") < number.start():
            m = P.search(_date_pattern(), article.scan, m.end(), window_end)
        if m is None or m.start("d") != number.start():
            continue
        lower = m.end()
        mention = _mention(m, paragraph)
        if mention is not None:
            found.append(mention)
    return found


def _mention(m: P.Match, paragraph: Paragraph) -> DateMention | None:
    day, month = int(m.group("d")), int(m.group("m"))
    year = int(m.group("y")) if m.group("y") else None
    if not source.is_valid_day(day, month, year):
        return None
    part = m.group("part")
    sentence = next((s for s in paragraph.sentences if s.start <= m.start() < s.end), None)
    return DateMention(m.start(), m.end(), day, month, year, _part_of_day(part), sentence)


def _part_of_day(word: str | None) -> str | None:
    if not word:
        return None
    return _part_of_day_table().get(" ".join(word.split()).casefold())


@functools.cache
def _part_of_day_table() -> dict[str, str]:
    return {" ".join(k.split()).casefold(): v for k, v in _data()["part_of_day"].items()}


def resolve_year(found: DateMention, published: str | None, article: Article) -> tuple[int | None, YearSource | None]:
    """(year, year_source): explicit, else from the publication date, else from the text's own cues."""
    if found.year is not None:
        return found.year, "explicit"
    if published:
        year, month, day = (int(x) for x in published[:10].split("-"))
        return (year - 1 if (found.month, found.day) > (month, day) else year), "published"
    from_context = context_year(article, found.day, found.month)
    return (from_context, "context") if from_context is not None else (None, None)


@functools.cache
def _cue_patterns() -> tuple[P.Pattern, P.Pattern, P.Pattern, P.Pattern]:
    """(year after a year word or closing a name, month/year, period, words that void a cue)."""
    data = _data()
    lunar = rf"(?:{'|'.join(data['lunar_stems'])})\s+(?:{'|'.join(data['lunar_branches'])})"
    year_word = rf"(?:{P.phrases_source(data['year_words'], ignore_case=False)}|{lunar})"
    year = rf"(?<![\d.,/\-])(?P<y>{_YEAR})(?![\d]|[.,/]\d|\s*[-–—]\s*\d)"
    after_word = rf"(?:(?<={year_word}\s+){year}|{year}(?!\s+[a-zà-ỹđ]))"
    month_year = rf"(?<![\d/.\-])(?P<m>\d{{1,2}})\s*/\s*(?P<y>{_YEAR})(?!\d)"
    period = rf"(?<![\d/.\-])(?P<a>{_YEAR})\s*[-–—]\s*(?P<b>{_YEAR})(?![\d/])"
    voids = P.phrases_source(data["not_present_before"])
    void_before = rf"(?:{voids})\s+(?:(?:ngày|tháng|năm)\s+)?$"
    return (P.compile_(after_word), P.compile_(month_year), P.compile_(period),
            P.compile_(void_before, ignore_case=True))


@functools.cache
def _four_digits() -> P.Pattern:
    return P.compile_(rf"{_YEAR}")


def _year_range() -> range:
    data = _data()
    return range(int(data["earliest_year"]), int(data["latest_year"]) + 1)


@functools.cache
def _opening_year() -> P.Pattern:
    """A year in the clause that opens a sentence: "Năm 2022,", "Cũng trong năm 2023,", "Tháng 10/2023,"."""
    return P.compile_(rf"\s*[^,;:.\n]{{0,{int(_data()['opening_clause_chars'])}}}?(?<!\d)(?P<y>{_YEAR})(?!\d)[^,;:.\n]*,")


@per_article
def reference_year(article: Article) -> int | None:
    """The meeting's year, else the publication year: what "earlier" is measured against."""
    published = source.layout(article).published
    found = main_date(article)
    year = resolve_year(found, published, article)[0] if found is not None else None
    return year if year is not None else (int(published[:4]) if published else None)


def opens_with_earlier_year(article: Article, start: int, end: int) -> bool:
    """Does the text at ``start`` open with a clause dated to a year before the meeting's (a recall)?"""
    year = reference_year(article)
    if year is None:
        return False
    m = P.match(_opening_year(), article.scan, start, end)
    return m is not None and int(m.group("y")) < year


def context_year(article: Article, day: int, month: int) -> int | None:
    """The latest year the text ties to the present; a period's end only when nothing else does."""
    singles, period_ends = _year_cues(article)
    years = _year_range()
    tied = [year for since, year in singles if since <= (month, day) and year in years]
    if tied:
        return max(tied)
    ends = [y for y in period_ends if y in years]
    return max(ends) if ends else None


@per_article
def _year_cues(article: Article) -> tuple[list[tuple[tuple[int, int], int]], list[int]]:
    """The text's year cues, each with the (month, day) from which it holds for a meeting ((0, 0): any
    day; a dated cue only for a meeting on or after it), and the ends of its periods."""
    single_pattern, month_year_pattern, period_pattern, void = _cue_patterns()
    singles: list[tuple[tuple[int, int], int]] = []
    period_ends: list[int] = []
    page = source.layout(article)
    for p in article.paragraphs:
        if p.index == page.timestamp or P.search(_four_digits(), article.scan, p.start, p.end) is None:
            continue  # every cue below holds a year of four digits
        periods = [m for m in P.finditer(period_pattern, article.scan, p.start, p.end)
                   if int(m.group("a")) < int(m.group("b"))]
        taken = [(m.start(), m.end()) for m in periods]
        period_ends += [int(m.group("b")) for m in periods]
        for mention in dates_in(article, p):
            taken.append((mention.start, mention.end))
            if mention.year is None or _voided(article, p, mention.start, void):
                continue
            since = (0, 0) if _closes_anniversary(article, p, mention.start) else (mention.month, mention.day)
            singles.append((since, mention.year))
        for m in P.finditer(month_year_pattern, article.scan, p.start, p.end):
            if _inside(m.start(), taken):
                continue
            taken.append((m.start(), m.end()))
            if not _voided(article, p, m.start(), void):
                singles.append(((int(m.group("m")), 0), int(m.group("y"))))
        for m in P.finditer(single_pattern, article.scan, p.start, p.end):
            if not _inside(m.start(), taken) and not _voided(article, p, _cue_start(article, m), void):
                singles.append(((0, 0), int(m.group("y"))))
    return singles, period_ends


def _closes_anniversary(article: Article, p: Paragraph, pos: int) -> bool:
    """The end of a bracketed span "(30/4/1975 - 30/4/2025)": this year's anniversary, whatever its day."""
    return _in_brackets(article, p, pos) and P.search(_range_dash(), article.scan, max(p.start, pos - 4), pos) is not None


@functools.cache
def _range_dash() -> P.Pattern:
    return P.compile_(r"\d\s*[-–—]\s*$")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


@functools.cache
def _year_word_before() -> P.Pattern:
    words = P.phrases_source(_data()["year_words"], ignore_case=False)
    return P.compile_(rf"(?:{words})\s+$")


def _cue_start(article: Article, m: P.Match) -> int:
    """Where a year cue begins: at its year word ("năm 2024") or at the year itself."""
    before = P.search(_year_word_before(), article.scan, max(0, m.start() - 12), m.start())
    return before.start() if before else m.start()


def _voided(article: Article, p: Paragraph, start: int, void: P.Pattern) -> bool:
    """True when a starting point, comparison or horizon word stands right before the cue."""
    return P.search(void, article.scan, max(p.start, start - 40), start) is not None
