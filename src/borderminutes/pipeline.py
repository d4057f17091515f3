"""Runs the stages on one document and assembles the validated ArticleResult.

read -> clean -> segment -> fields -> assemble -> validate. Each field module is
a pure function of the Article (plus what earlier fields found); a pattern
timeout in one field becomes a warning and leaves that field empty instead of
failing the article.

Guards, so that no input can hang the tool or yield a record built on junk: a
line longer than any printed paragraph is not read; a text that does not read as
Vietnamese gets no meeting; and the field extractors of one article share a time
budget: past it the field running is stopped (in the main thread of a POSIX
process, through SIGALRM; elsewhere only between fields) and the rest are
skipped, each with a warning. Where the alarm works it also stops a single field
after FIELD_TIME_LIMIT (a runaway pattern), so the regex calls inside run without
their own timeout; elsewhere each call carries ``patterns.TIMEOUT``. Neither limit
counts what the process loads once (``patterns.one_time_load``: compiled patterns,
word lists, models), and the alarm never cuts an import short.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import signal
import threading
import time
from typing import Callable, TypeVar

from . import patterns as P
from .boilerplate import clean
from .document import Document, looks_vietnamese
from .fields import agreements, dates, gates, location, meeting, officials, proposals, sides, source, topics
from .models import ArticleResult, Meeting, Source, check_evidence
from .segment import Article, segment

T = TypeVar("T")
F = TypeVar("F")

# No printed paragraph is this long: such a line is page code (scripts, inline images) or a page
# scraped without line breaks. It is not read, so no field spends time on it.
MAX_LINE_CHARS = 50_000
# Seconds the field extractors of one article may take together (a normal article takes milliseconds).
ARTICLE_BUDGET = 10.0
# Seconds one field extractor may take where the alarm can stop it: its patterns ran away on this text.
FIELD_TIME_LIMIT = 2.0

# Seconds the alarm waits again when it finds an import running: a module cut off half-way stays broken
# for the whole process (every later article would fail on it).
IMPORT_GRACE = 0.01

_deadline: contextvars.ContextVar[float] = contextvars.ContextVar("article_deadline", default=math.inf)
_alarm_ready: contextvars.ContextVar[bool] = contextvars.ContextVar("alarm_ready", default=False)
_engines_agree: contextvars.ContextVar[bool] = contextvars.ContextVar("engines_agree", default=False)


class BudgetExceeded(TimeoutError):
    """The article's time budget ran out while a field extractor was running."""


def analyse(doc: Document) -> Article:
    """The cleaned, segmented article that every field reads."""
    scan = _blank(P.scan_view(doc.text), overlong_lines(doc.text))
    return segment(doc, scan, clean(scan))


def overlong_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line longer than MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS:
        return []
    found, start = [], 0
    for line in text.split("\n"):
        if len(line) > MAX_LINE_CHARS:
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _blank(scan: str, spans: list[tuple[int, int]]) -> str:
    """``scan`` with ``spans`` turned into spaces: same length, so every offset still holds."""
    pieces, cursor = [], 0
    for start, end in spans:
        pieces += [scan[cursor:start], " " * (end - start)]
        cursor = end
    return "".join(pieces) + scan[cursor:]


def extract_document(doc: Document) -> ArticleResult:
    warnings: list[str] = list(doc.notes)
    warnings += [f"a line of {end - start:,} characters at offset {start} was not read (longer than "
                 f"{MAX_LINE_CHARS:,}: page code, or a page without line breaks)" for start, end in overlong_lines(doc.text)]
    with _article_budget(P.engines_agree_on(doc.text)):
        article = _guarded("segmentation", lambda: analyse(doc), None, warnings)
        if article is None:
            return ArticleResult(source=Source(path=doc.path, sha256=doc.sha256), warnings=warnings)
        src = _guarded("source", lambda: source.extract_source(article), None, warnings)
        if src is None:
            src = source.bare_source(article)
        found = None
        if not article.paragraphs:
            warnings.append("no article text left after removing page noise")
        elif not looks_vietnamese(" ".join(p.text for p in article.paragraphs)):
            warnings.append("the text does not read as Vietnamese: no meeting extracted")
        else:
            found = _meeting(article, src, warnings)
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
    detected = head.meeting  # known here to be set (a lambda below reads it)
    found_sides = _guarded("sides", lambda: sides.find_sides(article), [], warnings)
    found_officials = _guarded("officials", lambda: officials.find_officials(article, found_sides), [], warnings)
    found_topics = _guarded("topics", lambda: topics.topic_evidence(article), {}, warnings)
    return head.meeting.model_copy(update={
        "date": _guarded("date", lambda: dates.find_meeting_date(article, src.published, warnings), None, warnings),
        "location": _guarded("location", lambda: location.find_location(article, detected.online), None, warnings),
        "sides": found_sides,
        "officials": found_officials,
        "border_gates": _guarded("border gates", lambda: gates.find_gates(article), [], warnings),
        "border_markets": _guarded("border markets", lambda: gates.find_markets(article), [], warnings),
        "proposals": _guarded(
            "proposals", lambda: proposals.find_proposals(article, found_officials, found_sides), [], warnings),
        "agreements": _guarded("agreements", lambda: agreements.find_agreements(article), [], warnings),
        "topics": list(found_topics),
        "topic_evidence": found_topics,
    })


def _guarded(field: str, run: Callable[[], T], fallback: F, warnings: list[str]) -> T | F:
    """Run one field extractor; a pattern timeout or the spent time budget leaves the field empty with a warning."""
    # What the process loads once is not the article's work: the deadline moves by that time.
    remaining = _deadline.get() + P.one_time_load_seconds() - time.monotonic()
    if remaining <= 0:
        warnings.append(f"{field}: skipped, the article's time budget ({ARTICLE_BUDGET:g} s) was used up")
        return fallback
    field_limited = FIELD_TIME_LIMIT < remaining
    try:
        with _Alarm(min(remaining, FIELD_TIME_LIMIT)):
            return run()
    except BudgetExceeded:
        if field_limited:
            warnings.append(f"{field}: pattern matching timed out on this text (over {FIELD_TIME_LIMIT:g} s); "
                            "field left empty")
        else:
            warnings.append(f"{field}: stopped, the article's time budget ({ARTICLE_BUDGET:g} s) was used up; "
                            "field left empty")
        return fallback
    except TimeoutError:
        warnings.append(f"{field}: pattern matching timed out on this text; field left empty")
        return fallback


@contextlib.contextmanager
def _article_budget(engines_agree: bool):
    """The deadline of one article's fields, and the SIGALRM handler that enforces it where SIGALRM is
    ours to use. The handler is installed once per article: that costs more than a field's timer.
    ``engines_agree``: the article's text holds no character that ``re`` and ``regex`` read apart
    (``P.engines_agree_on``), so under the alarm ``re`` may run the patterns it compiled."""
    deadline = _deadline.set(time.monotonic() + ARTICLE_BUDGET)
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, _on_alarm))
    previous = signal.signal(signal.SIGALRM, _on_alarm) if usable else None
    ready, agree = _alarm_ready.set(usable), _engines_agree.set(engines_agree)
    try:
        with P.counting_one_time_loads():
            yield
    finally:
        _engines_agree.reset(agree)
        _alarm_ready.reset(ready)
        if usable:
            signal.signal(signal.SIGALRM, previous)
        _deadline.reset(deadline)


class _Alarm:
    """Raise BudgetExceeded inside the block after ``seconds``, where ``_article_budget`` installed the
    handler. The alarm then bounds the block, so its pattern calls go without their own timeout, run
    by ``re`` where it compiled them, unless the text holds characters the engines read apart (then
    the ``regex`` twins run, with the timeout). A class rather than a generator: it is entered for
    every field of every article."""

    __slots__ = ("seconds", "armed", "bounded")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = _alarm_ready.get() and seconds < math.inf
        self.bounded = P.bounded_elsewhere() if self.armed and _engines_agree.get() else None

    def __enter__(self) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            if self.bounded is not None:
                self.bounded.__enter__()

    def __exit__(self, *exc) -> None:
        if self.armed:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            finally:  # even when the alarm fires just before it is disarmed
                if self.bounded is not None:
                    self.bounded.__exit__()


def _on_alarm(signum, frame) -> None:
    if _importing(frame):
        signal.setitimer(signal.ITIMER_REAL, IMPORT_GRACE)
        return
    raise BudgetExceeded("the article's time budget was used up")


def _importing(frame) -> bool:
    """Whether the field the alarm interrupted is running an import. Only frames below the field's
    ``_guarded`` count: an extraction itself called during an import (a script's top level run by
    ``import``) must still be bounded."""
    while frame is not None and frame.f_code is not _guarded.__code__:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False
