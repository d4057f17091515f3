"""What the sides agreed, accepted or signed: one Statement per sentence.

A statement unit of the body (see ``proposals.statement_units``) states an agreement
when an agreeing verb in it is used as a verb ("hai bên thống nhất ...", not "sự
thống nhất", "các thỏa thuận đã ký kết", "thông qua các buổi giao lưu"). Units that
belong to a proposal's list, the list sentences that follow an agreement (unless an
opener and a subject of their own start a new one: "Theo đó, hai bên nhất trí ..."), and
agreements the text dates to another time (a full date, a past marker, an opening clause
with an earlier year than the meeting's: "Cũng trong năm 2023, ...") are left out. The text runs from the
agreeing clause's subject to the end of the unit, or is just the ";"-piece when the
verb opens one piece of a list.
"""

from __future__ import annotations

import functools

import regex

from .. import patterns as P
from ..models import Evidence, Statement
from ..segment import AnyCase, Article
from . import dates
from .wordlists import alternation, ending
from .proposals import Span, continues_list, is_statement, reach, scan_proposals, statement_units


@functools.cache
def _data() -> dict:
    return P.load("agreements")


@functools.cache
def _verb_pattern() -> AnyCase:
    return AnyCase.phrases([*_data()["verbs"], *_data()["verbs_with_object"]])


@functools.cache
def _object_pattern(verb: str) -> P.Pattern:
    objects = alternation(_data()["verbs_with_object"][verb])
    gap = _data()["object_gap"]
    return P.compile_(rf"(?:\s+\S+){{0,{gap}}}?\s+(?:{objects})(?!\w)", ignore_case=True)


@functools.cache
def _recalled_document() -> P.Pattern:
    """"các thỏa thuận đã ký kết", "biên bản hội đàm đã ký kết": a document already agreed."""
    documents = _data()["recalled_documents"]
    return P.compile_(
        rf"{P.word_start(documents)}(?:{alternation(documents)})(?:\s+[^\s,;:]+){{0,3}}\s+(?:(?:{alternation(_data()['auxiliaries'])})\s+)*$",
        ignore_case=True,
    )


@functools.cache
def _passive() -> P.Pattern:
    return P.phrases(_data()["passive"])


@functools.cache
def _purpose() -> P.Pattern:
    """A purpose word not followed by a word of reaching ("nhằm", "để" but not "để đi đến")."""
    data = _data()
    return P.compile_(rf"{P.phrases_source(data['purpose'])}(?!\s+(?:{P.phrases_source(data['purpose_reached'])}))",
                      ignore_case=True)


def _aim_of_something_else(scan: str, clause: int, verb_start: int) -> bool:
    """A purpose word in the clause that governs the verb: right before it, or before a coordinated
    verb phrase that the verb joins ("nhằm đánh giá ... và thống nhất")."""
    found = list(P.finditer(_purpose(), scan, clause, verb_start))
    if not found:
        return False
    before = scan[found[-1].end():verb_start].rstrip()
    return not before or any(before.casefold().endswith(link) for link in _data()["purpose_links"])


@functools.cache
def _past_opening() -> P.Pattern:
    markers = _data()["past_markers"]
    return P.compile_(rf"[^,;:]*?{P.word_start(markers)}(?:{alternation(markers)})(?!\w)[^,;:]*,", ignore_case=True)


@functools.cache
def _dated() -> P.Pattern:
    """A full date with its year: the sentence tells of another day than the meeting's."""
    return P.compile_(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
                      ignore_case=True)


@functools.cache
def _opener() -> P.Pattern:
    return P.compile_(rf"(?:{alternation(_data()['openers'])})(?!\w)[^,;:]*,\s*", ignore_case=True)


@functools.cache
def _manner_fragment() -> P.Pattern:
    """"cởi mở, ", "chân thành và thẳng thắn, ": words of manner that go on an opener, up to their comma."""
    words = alternation(_data()["manner_words"])
    return P.compile_(rf"\s*(?:{words})(?:\s*(?:,|và)?\s*(?:{words}))*(?!\w)\s*,\s*", ignore_case=True)


def _clause_start(scan: str, start: int, pos: int) -> int:
    start = reach(start, pos)
    comma = max(scan.rfind(",", start, pos), scan.rfind(";", start, pos))
    return start if comma < 0 else comma + 1


@functools.cache
def _object_verbs() -> frozenset[str]:
    """Verbs that agree only with an object after them (case-folded)."""
    return frozenset(w.casefold() for w in _data()["verbs_with_object"])


@functools.cache
def _noun_before() -> regex.Pattern:
    """A word right before the verb that makes it a noun or an adjective ("sự thống nhất", "việc ký kết")."""
    return ending(_data()["noun_before"])


def _agrees(scan: str, unit: Span, m: P.Match) -> bool:
    """Is this verb stating this meeting's agreement?"""
    start, end = unit
    word = " ".join(scan[m.start():m.end()].split()).casefold()
    if word in _object_verbs() and not P.match(_object_pattern(word), scan, m.end(), end):
        return False
    if P.search(_noun_before(), scan, reach(start, m.start()), m.start()):
        return False
    clause = _clause_start(scan, start, m.start())
    if P.search(_recalled_document(), scan, clause, m.start()) or P.search(_passive(), scan, clause, m.start()) \
            or _aim_of_something_else(scan, clause, m.start()):
        return False
    return True


def _opens_a_new_statement(scan: str, unit: Span, verb_start: int) -> bool:
    """"... ký Biên bản hội đàm. Theo đó, hai bên nhất trí ...": an opener and a subject of its own
    before the verb make a new agreement, not a sentence of the list the one before announced."""
    opener = P.match(_opener(), scan, unit[0], verb_start)
    return opener is not None and scan[opener.end():verb_start].strip() != ""


def _span(scan: str, unit: Span, verb_start: int) -> Span:
    """From the agreeing clause's subject to the end of the unit (or of its ";"-piece)."""
    start, end = unit
    piece_start = scan.rfind(";", start, verb_start)
    if piece_start >= 0:
        start = piece_start + 1
        piece_end = scan.find(";", verb_start, end)
        end = end if piece_end < 0 else piece_end
    else:
        opener = P.match(_opener(), scan, start, verb_start)
        if opener:
            start = opener.end()
            while (manner := P.match(_manner_fragment(), scan, start, verb_start)) and manner.end() > start:
                start = manner.end()  # "Trong không khí hữu nghị, cởi mở, hai bên ...": the opener goes on
    start += len(scan[start:end]) - len(scan[start:end].lstrip())
    end = start + len(scan[start:end].rstrip(" .…;:,\n"))
    return start, end


def _another_time(article: Article, unit: Span) -> bool:
    """Is the unit dated to another time than the meeting (a past marker, a full date, an earlier year)?"""
    scan = article.scan
    return bool(P.match(_past_opening(), scan, *unit) or P.search(_dated(), scan, *unit)
                or dates.opens_with_earlier_year(article, *unit))


def find_agreements(article: Article) -> list[Statement]:
    scan, text = article.scan, article.text
    _, in_proposals = scan_proposals(article)
    taken = set(in_proposals)
    statements: list[Statement] = []
    verbs, searched = _verb_pattern().on(article)
    for paragraph in article.paragraphs:
        if not is_statement(article, paragraph) or not P.search(verbs, searched, paragraph.start, paragraph.end):
            continue
        listing = False
        for unit in statement_units(article, paragraph):
            if unit in taken:
                continue
            verb = next((m for m in P.finditer(verbs, searched, *unit) if _agrees(scan, unit, m)), None)
            if listing and continues_list(scan, *unit) and not (verb and _opens_a_new_statement(scan, unit, verb.start())):
                continue
            listing = False
            if verb is None or _another_time(article, unit):
                continue
            start, end = _span(scan, unit, verb.start())
            statements.append(Statement(text=" ".join(scan[start:end].split()), evidence=[Evidence.of(text, start, end)]))
            listing = True  # "... với 10 nội dung như: A. B. C.": the list sentences are not new agreements
    return statements
