"""Runs the stages on one document and assembles the validated ArticleResult.

read -> clean -> segment -> fields -> assemble -> validate. Each field module is
a pure function of the Article (plus what earlier fields found); a pattern
timeout in one field becomes a warning and leaves that field empty instead of
failing the article.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from . import patterns as P
from .boilerplate import clean
from .document import Document
from .fields import agreements, dates, gates, location, meeting, officials, proposals, sides, source, topics
from .models import ArticleResult, Meeting, check_evidence
from .segment import Article, segment

T = TypeVar("T")


def analyse(doc: Document) -> Article:
    """The cleaned, segmented article that every field reads."""
    scan = P.scan_view(doc.text)
    return segment(doc, scan, clean(scan))


def extract_document(doc: Document) -> ArticleResult:
    article = analyse(doc)
    warnings: list[str] = []
    src = _guarded("source", lambda: source.extract_source(article), None, warnings)
    if src is None:
        src = source.bare_source(article)
    found = _meeting(article, src, warnings) if article.paragraphs else None
    if not article.paragraphs:
        warnings.append("no article text left after removing page noise")
    result = ArticleResult(source=src, meeting=found, warnings=warnings)
    check_evidence(result, doc.text)
    return result


def _meeting(article: Article, src, warnings: list[str]) -> Meeting | None:
    head = _guarded("meeting", lambda: meeting.detect(article), None, warnings)
    if head is None:
        return None
    if head.meeting is None:
        warnings.append(head.reason)
        return None
    found_sides = _guarded("sides", lambda: sides.find_sides(article), [], warnings)
    found_officials = _guarded("officials", lambda: officials.find_officials(article, found_sides), [], warnings)
    return head.meeting.model_copy(update={
        "date": _guarded("date", lambda: dates.find_meeting_date(article, src.published, warnings), None, warnings),
        "location": _guarded("location", lambda: location.find_location(article, head.meeting.online), None, warnings),
        "sides": found_sides,
        "officials": found_officials,
        "border_gates": _guarded("border gates", lambda: gates.find_gates(article), [], warnings),
        "border_markets": _guarded("border markets", lambda: gates.find_markets(article), [], warnings),
        "proposals": _guarded(
            "proposals", lambda: proposals.find_proposals(article, found_officials, found_sides), [], warnings),
        "agreements": _guarded("agreements", lambda: agreements.find_agreements(article), [], warnings),
        "topics": _guarded("topics", lambda: topics.find_topics(article), [], warnings),
    })


def _guarded(field: str, run: Callable[[], T], fallback: T, warnings: list[str]) -> T:
    """Run one field extractor; a pattern timeout leaves the field empty with a warning."""
    try:
        return run()
    except TimeoutError:
        warnings.append(f"{field}: pattern matching timed out on this text; field left empty")
        return fallback
