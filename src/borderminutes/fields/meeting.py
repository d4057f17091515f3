"""Is there a meeting, and what kind: kind, kind_text, online, session number."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Meeting
from ..segment import Article


@dataclass(frozen=True)
class Detection:
    meeting: Meeting | None  # kind, kind_text, online, session_number, evidence; other fields empty
    reason: str = ""  # why there is no meeting, as a warning users can read


def detect(article: Article) -> Detection:
    return Detection(None, "meeting detection is not implemented yet")
