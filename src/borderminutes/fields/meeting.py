"""Is there a meeting, and what kind: kind, kind_text, online, session number.

The meeting word is looked for in the headline, then in the sentence with the meeting's
date, then sentence by sentence through the lead (the first few body sentences); the
first place that holds one decides, and there the higher-priority kind wins
(``patterns/meeting.yaml``). So the headline's word wins over the body's, and a meeting
word far down the body (a past meeting, a planned one) never makes an article a meeting
report; so does one after a word of planning ("sẽ hội đàm", "dự kiến", "chuẩn bị đón tiếp"), which
names an event still to come; nor one in a sentence that opens with an earlier year than the
meeting's or the page's ("Tháng 3/2023, tại Phiên họp ..."). The event must have a foreign party: a foreign place in the headline, the event's
sentence or the date's sentence, or a foreign place or country introduced by a party word
("Đoàn đại biểu phía Trung Quốc", "Thủ tướng Campuchia") there or in the lead paragraph.
"xuất khẩu sang Trung Quốc" names no party: such an event is domestic, and so is a meeting of
Vietnamese bodies that prepares a foreign visit: the visitors are named only after "chuẩn bị".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import gazetteer
from .. import patterns as P
from ..models import Evidence, Meeting
from ..segment import AnyCase, Article, Sentence, per_article
from . import dates, sides, source


@dataclass(frozen=True)
class Detection:
    meeting: Meeting | None  # kind, kind_text, online, session_number, evidence; other fields empty
    reason: str = ""  # why there is no meeting, as a warning users can read


@dataclass(frozen=True)
class KindMatch:
    kind: str
    start: int
    end: int
    rank: int  # position of its kind in the priority list


@functools.cache
def _data() -> dict:
    return P.load("meeting")


@functools.cache
def _kind_patterns(in_headline: bool) -> tuple[tuple[str, P.Pattern], ...]:
    """(kind, pattern) in priority order; headline-only words join when reading a headline.
    The receiving "tiếp" joins the first tier of its kind."""
    data = _data()
    tiers = []
    receive_placed = False
    for entry in data["kinds"]:
        words = list(entry.get("phrases") or []) + (list(entry.get("headline_phrases") or []) if in_headline else [])
        alternatives = [P.phrases_source(words)] if words else []
        if entry["kind"] == data["receive_kind"] and not receive_placed:
            alternatives.append(_receive_source())
            receive_placed = True
        tiers.append((entry["kind"], P.compile_("|".join(alternatives) or r"(?!)", ignore_case=True)))
    return tuple(tiers)


@functools.cache
def _any_kind_pattern(in_headline: bool) -> P.Pattern:
    """Any meeting word at all (a quick test before trying the kinds in priority order)."""
    words = [w for entry in _data()["kinds"] for w in (entry.get("phrases") or [])
             + ((entry.get("headline_phrases") or []) if in_headline else [])]
    return P.compile_(rf"{P.phrases_source(words)}|{_receive_source()}", ignore_case=True)


@functools.cache
def _plural_before() -> P.Pattern:
    """"nhiều cuộc hội đàm", "các hội nghị", "52 lần gặp gỡ": meetings in general, not one event."""
    return P.compile_(rf"(?:{P.phrases_source(_data()['plural_words'])})\s+(?:(?:cuộc|buổi|lần|đợt)\s+)?$"
                      r"|\d+\s+(?:cuộc|buổi|lần|đợt)\s+$", ignore_case=True)


@functools.cache
def _receive_source() -> str:
    """"tiếp" followed by a capitalised word or a person/delegation word, never "tiếp tục"."""
    data = _data()
    objects = P.phrases_source(data["receive_objects"])
    verb = data["receive_verb"]
    return rf"{P.word_start([verb])}(?i:{regex.escape(verb)})(?=\s+(?:(?-i:[{P.UPPER}])|{objects}))"


@functools.cache
def _online_pattern() -> AnyCase:
    return AnyCase.phrases(_data()["online_phrases"])


@functools.cache
def _session_pattern() -> P.Pattern:
    """Words after a meeting word up to its number: " thường niên lần thứ 3", " thứ 9", " lần thứ XIX"."""
    data = _data()
    gap = int(data["session_gap_words"])
    markers = P.phrases_source(data["session_markers"])
    words = P.phrases_source(data["number_words"])
    number = rf"(?P<n>\d{{1,3}}(?!\d)|(?-i:[IVXLC]+)(?!\w)|{words})"
    return P.compile_(rf"(?:\s+[^\s,.;:()]+){{0,{gap}}}?\s+(?:{markers})\s+{number}", ignore_case=True)


def detect(article: Article) -> Detection:
    reasons = _data()["reasons"]
    found = _find_kind(article)
    if found is None:
        return Detection(None, reasons["only_planned"] if _names_a_planned_meeting(article) else reasons["no_meeting_word"])
    match, sentence_span = found
    event = " ".join(article.scan[match.start:match.end].split())
    if _is_interview(article):
        return Detection(None, reasons["interview"].format(event=event))
    preparing = _reported(article, sentence_span) != sentence_span
    if not _has_foreign_party(article, sentence_span, preparing):
        return Detection(None, reasons["preparing" if preparing else "no_foreign_party"].format(event=event))
    evidence = [_kind_text_span(article, match)]
    kind_text = article.scan[evidence[0][0]:evidence[0][1]]
    online = _online_span(article, sentence_span)
    session = _session(article, match)
    if online is not None:
        evidence.append(online)
    if session is not None:
        evidence.append(session[1])
    return Detection(Meeting(
        kind=match.kind,  # type: ignore[arg-type]  # a kind of meeting.yaml: pydantic holds it to MeetingKind
        kind_text=kind_text, online=online is not None,
        session_number=session[0] if session else None,
        evidence=[Evidence.of(article.text, a, b) for a, b in sorted(set(evidence))],
    ))


def _regions(article: Article) -> list[tuple[tuple[int, int], bool]]:
    """Where the meeting word is looked for, in order: (span, is_headline); each once (the date's
    sentence is often a lead sentence)."""
    page = source.layout(article)
    regions: list[tuple[tuple[int, int], bool]] = []
    if page.headline is not None:
        head = article.paragraphs[page.headline]
        regions.append(((head.start, head.end), True))
    found = dates.main_date(article)
    if found is not None and found.sentence is not None:
        regions.append(((found.sentence.start, found.sentence.end), False))
    regions += [((s.start, s.end), False) for s in lead_sentences(article)]
    return list(dict.fromkeys(regions))


@functools.cache
def _interview_patterns() -> tuple[AnyCase, P.Pattern]:
    """(an interview named in the top lines or the lead, a question or answer line "PV: ...")."""
    data = _data()
    return AnyCase.phrases(data["interview_words"]), P.compile_(
        rf"\s*(?:{P.phrases_source(data['interview_speakers'], ignore_case=False)})\s*:", ignore_case=False)


def _is_interview(article: Article) -> bool:
    """The page reports an interview (a label or the lead says so, or its lines are questions and
    answers): the meetings it mentions are the interviewee's past ones, not an event reported."""
    named, speaker = _interview_patterns()
    page = source.layout(article)
    lines = [article.paragraphs[i] for i in sorted(page.top)]
    if page.lead is not None:
        lines.append(article.paragraphs[page.lead])
    if any(named.search(article, p.start, p.end) for p in lines):
        return True
    return any(P.match(speaker, article.scan, p.start, p.end) for p in source.body_after_top(article))


@functools.cache
def _plan_pattern() -> AnyCase:
    return AnyCase.phrases(_data()["plan_words"])


def _reported(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    """The part of ``span`` before a word of planning ("chuẩn bị", "dự kiến", "sẽ"): the meeting words
    and parties after it name an event still to come, not the one reported."""
    cuts = _reported_parts(article)
    if span not in cuts:
        m = _plan_pattern().search(article, *span)
        cuts[span] = (span[0], m.start()) if m else span
    return cuts[span]


@per_article
def _reported_parts(article: Article) -> dict[tuple[int, int], tuple[int, int]]:
    """``_reported`` of each span asked about so far: the headline and the event's sentence are asked
    about by several tests."""
    return {}


def _names_a_planned_meeting(article: Article) -> bool:
    """A meeting word after a word of planning in one of the places the event is looked for."""
    for (start, end), in_headline in _regions(article):
        cut = _reported(article, (start, end))[1]
        if cut < end and P.search(_any_kind_pattern(in_headline), article.scan, cut, end):
            return True
    return False


def lead_sentences(article: Article) -> list[Sentence]:
    """The first body sentences, where the main event is reported."""
    size = int(_data()["lead_sentences"])
    return [s for p in source.body_after_top(article) for s in p.sentences][:size]


def _find_kind(article: Article) -> tuple[KindMatch, tuple[int, int]] | None:
    """The first region with a meeting word, and that region's highest-priority match."""
    for span, in_headline in _regions(article):
        if not in_headline and dates.opens_with_earlier_year(article, *span):
            continue  # "Tháng 3/2023, tại Phiên họp ...": a past meeting recalled
        reported = _reported(article, span)
        if P.search(_any_kind_pattern(in_headline), article.scan, *reported) is None:
            continue  # one quick pass before trying the kinds one by one
        best = None
        for rank, (kind, pattern) in enumerate(_kind_patterns(in_headline)):
            m = next((m for m in P.finditer(pattern, article.scan, *reported)
                      if P.search(_plural_before(), article.scan, max(span[0], m.start() - 24), m.start()) is None),
                     None)
            if m is not None:
                best = KindMatch(kind, m.start(), m.end(), rank)
                break
        if best is not None:
            return best, span
    return None


def _has_foreign_party(article: Article, span: tuple[int, int], preparing: bool) -> bool:
    """A foreign party named in the headline, the event's sentence or the date's sentence, or
    introduced as a party in the lead paragraph; never after a word of planning. When the event
    prepares a contact still to come ("cuộc họp ... chuẩn bị đón tiếp Đoàn ..."), the lead's
    other sentences tell of that contact, not of this event: they do not count."""
    page = source.layout(article)
    named = [span]
    if page.headline is not None:
        named.append((article.paragraphs[page.headline].start, article.paragraphs[page.headline].end))
    found = dates.main_date(article)
    if found is not None and found.sentence is not None:
        named.append((found.sentence.start, found.sentence.end))
    lead = [] if preparing or page.lead is None else [(s.start, s.end) for s in article.paragraphs[page.lead].sentences]
    # Each span once: the event's sentence is often the date's sentence and one of the lead's.
    named_parts = list(dict.fromkeys(_reported(article, n) for n in named))
    lead_parts = [part for part in dict.fromkeys(_reported(article, s) for s in lead) if part not in named_parts]
    return sides.has_foreign_party(article, named_parts, lead_parts)


@functools.cache
def _kind_text_stops() -> frozenset[str]:
    return frozenset(gazetteer.key(w) for w in _data()["kind_text_stops"])


def _kind_text_span(article: Article, match: KindMatch) -> tuple[int, int]:
    """The meeting word with the lower-case words that qualify it ("Hội đàm kinh tế thương mại"),
    without the verb's object ("tiếp | đoàn ...", "làm việc | với ...") and never cutting a word pair
    ("song | phương")."""
    stops = _kind_text_stops()
    limit = int(_data()["kind_text_max_words"])
    end = match.end
    for i, word in enumerate(_following_words(article, match.end, limit)):
        text = article.scan[word[0]:word[1]]
        if not text[0].islower() or gazetteer.key(text) in stops or P.match(_place_ahead(), article.scan, word[0]) \
                or _plan_pattern().match(article, word[0]) or P.match(_object_ahead(), article.scan, word[0]):
            break
        pair = P.match(_pair_ahead(), article.scan, word[0])
        if i + 1 == limit and pair is not None and pair.end() > word[1]:
            break
        end = word[1]
    trailing = P.search(_trailing_word(), article.scan, match.start, end)
    if trailing is not None and trailing.start() > match.start:
        end = trailing.start()
    return match.start, end


@functools.cache
def _object_ahead() -> P.Pattern:
    return P.phrases(_data()["kind_text_objects"])


@functools.cache
def _pair_ahead() -> P.Pattern:
    return P.phrases(_data()["kind_text_pairs"])


@functools.cache
def _trailing_word() -> P.Pattern:
    """A word kind_text never ends with ("làm việc với")."""
    return P.compile_(rf"[ ]+(?:{P.phrases_source(_data()['kind_text_trailing'])})$", ignore_case=True)


@functools.cache
def _place_ahead() -> P.Pattern:
    """An administrative word and a name: "thành phố Đông Hưng" ends the meeting's name."""
    return P.compile_(rf"(?i:{gazetteer.unit_word_source()})\s+[{P.UPPER}]")


@functools.cache
def _word_pattern() -> P.Pattern:
    return P.compile_(r"\G[ ]+(?P<w>[\w\-]+)")


def _following_words(article: Article, pos: int, limit: int) -> list[tuple[int, int]]:
    """Up to ``limit`` words right after ``pos``, separated by spaces only (no punctuation)."""
    words: list[tuple[int, int]] = []
    while len(words) < limit:
        m = P.match(_word_pattern(), article.scan, pos)
        if m is None:
            break
        words.append((m.start("w"), m.end("w")))
        pos = m.end()
    return words


def _online_span(article: Article, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where the text says the meeting was online: in the headline or the event's sentence, or in a
    lead sentence that names a meeting or a bridge point ("điểm cầu")."""
    page = source.layout(article)
    spans: list[tuple[int, int, Sentence | None]] = [(*span, None)]
    if page.headline is not None:
        spans.insert(0, (article.paragraphs[page.headline].start, article.paragraphs[page.headline].end, None))
    spans += [(s.start, s.end, s) for p in source.body_after_top(article)[:2] for s in p.sentences
              if (s.start, s.end) != span]  # the event's sentence is searched already, with no condition
    for start, end, lead_sentence in spans:
        m = _online_pattern().search(article, start, end)
        # A lead sentence counts when it names a meeting or a bridge point (tested only where "online" is).
        if m is not None and (lead_sentence is None or _names_meeting_or_bridge(article, lead_sentence)):
            return m.start(), m.end()
    return None


@functools.cache
def _bridge_pattern() -> P.Pattern:
    return P.phrases([_data()["bridge_point"]])


@functools.cache
def _any_meeting_word() -> P.Pattern:
    return P.phrases([w for kind in _data()["kinds"] for w in kind.get("phrases") or []])


def _names_meeting_or_bridge(article: Article, s: Sentence) -> bool:
    return any(P.search(pattern, article.scan, s.start, s.end) for pattern in (_bridge_pattern(), _any_meeting_word()))


def _session(article: Article, match: KindMatch) -> tuple[int, tuple[int, int]] | None:
    """The number right after the meeting word; else after the same word in the date sentence or lead."""
    word = gazetteer.key(article.scan[match.start:match.end])
    candidates = [match.end]
    page = source.layout(article)
    found = dates.main_date(article)
    spans = [(found.sentence.start, found.sentence.end)] if found and found.sentence else []
    if page.lead is not None:
        spans.append((article.paragraphs[page.lead].start, article.paragraphs[page.lead].end))
    pattern = _kind_patterns(True)[match.rank][1]
    for start, end in spans:
        candidates += [m.end() for m in P.finditer(pattern, article.scan, start, end)
                       if gazetteer.key(m.group()) == word]
    for pos in dict.fromkeys(candidates):  # each place once: the date's sentence is often in the lead
        m = P.match(_session_pattern(), article.scan, pos, _sentence_end(article, pos))
        if m is not None:
            number = _number(m.group("n"))
            if number:
                return number, (m.start("n"), m.end("n"))
    return None


def _sentence_end(article: Article, pos: int) -> int:
    sentence = next((s for s in article.sentences if s.start <= pos <= s.end), None)
    return sentence.end if sentence else len(article.scan)


def _number(text: str) -> int | None:
    """19, "XIX", "hai" -> an int."""
    if text.isdigit():
        return int(text)
    words = _number_words()
    if gazetteer.key(text) in words:
        return words[gazetteer.key(text)]
    return _roman(text)


@functools.cache
def _number_words() -> dict[str, int]:
    return {gazetteer.key(k): int(v) for k, v in _data()["number_words"].items()}


def _roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = values[c]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total
