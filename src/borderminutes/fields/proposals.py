"""What each side proposed (đề nghị, đề xuất, kiến nghị, mong muốn ...), split into items."""

from __future__ import annotations

from ..models import Official, Proposal, Side
from ..segment import Article


def find_proposals(article: Article, officials: list[Official], sides: list[Side]) -> list[Proposal]:
    return []
