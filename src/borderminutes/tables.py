"""Records as spreadsheet tables (CSV): one row per official, or one row per proposal item.

Nothing is lost: an article with no meeting, no officials (or no proposals), or
one that failed, still gets one row with its path, the meeting columns it has,
empty person/item columns, and a ``note`` saying why. Dates are ISO
("2023-05-30"), or "--05-30" (ISO 8601 without a year) when the year is unknown.
Written with the standard csv module as UTF-8 with a byte-order mark, so that
spreadsheet programs show Vietnamese letters correctly.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO, Callable, Iterator

from .models import ArticleResult, Meeting

OFFICIAL_COLUMNS = ["path", "date", "kind", "online", "name", "titles", "country", "head_of_delegation", "note"]
PROPOSAL_COLUMNS = ["path", "date", "by", "country", "item", "note"]
TITLE_JOINER = "; "


def date_cell(meeting: Meeting | None) -> str:
    date = meeting.date if meeting else None
    if date is None:
        return ""
    return date.iso or f"--{date.month:02d}-{date.day:02d}"


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _why_empty(result: ArticleResult, what: str) -> str:
    if result.error:
        return f"error: {result.error}"
    if result.meeting is None:
        return "no meeting found"
    return f"no {what} found"


def official_rows(result: ArticleResult) -> Iterator[dict[str, str]]:
    """One row per official of the article's meeting; one row with empty person columns when there is none."""
    m = result.meeting
    base = {"path": result.source.path or "", "date": date_cell(m), "kind": m.kind if m else "",
            "online": _flag(m.online) if m else ""}
    if not m or not m.officials:
        yield {**base, "name": "", "titles": "", "country": "", "head_of_delegation": "",
               "note": _why_empty(result, "officials")}
        return
    for o in m.officials:
        yield {**base, "name": o.name, "titles": TITLE_JOINER.join(o.titles), "country": o.country or "",
               "head_of_delegation": _flag(o.head_of_delegation), "note": ""}


def proposal_rows(result: ArticleResult) -> Iterator[dict[str, str]]:
    """One row per proposed item; one row with an empty item when the article has none."""
    m = result.meeting
    base = {"path": result.source.path or "", "date": date_cell(m)}
    items = [(p, item) for p in (m.proposals if m else []) for item in p.items]
    if not items:
        yield {**base, "by": "", "country": "", "item": "", "note": _why_empty(result, "proposals")}
        return
    for p, item in items:
        yield {**base, "by": p.by or "", "country": p.country or "", "item": item, "note": ""}


TABLES: dict[str, tuple[list[str], Callable[[ArticleResult], Iterator[dict[str, str]]]]] = {
    "officials": (OFFICIAL_COLUMNS, official_rows),
    "proposals": (PROPOSAL_COLUMNS, proposal_rows),
}


class CsvTable:
    """Streams the rows of one table to a binary stream: BOM and header first, then each result's rows."""

    def __init__(self, table: str, stream: BinaryIO) -> None:
        self.columns, self._rows = TABLES[table]
        self._stream = stream
        self._write(lambda w: w.writeheader(), prefix="\ufeff")

    def add(self, result: ArticleResult) -> None:
        self._write(lambda w: w.writerows(self._rows(result)))

    def _write(self, fill: Callable[[csv.DictWriter], object], prefix: str = "") -> None:
        buffer = io.StringIO()
        buffer.write(prefix)
        fill(csv.DictWriter(buffer, fieldnames=self.columns))
        self._stream.write(buffer.getvalue().encode("utf-8"))
        self._stream.flush()
