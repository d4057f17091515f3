"""The meeting's own date and its year."""

from __future__ import annotations

from ..models import MeetingDate
from ..segment import Article


def find_meeting_date(article: Article, published: str | None, warnings: list[str]) -> MeetingDate | None:
    return None
