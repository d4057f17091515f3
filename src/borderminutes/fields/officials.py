"""Officials taking part: names, titles, country, honorific, head of delegation."""

from __future__ import annotations

from ..models import Official, Side
from ..segment import Article


def find_officials(article: Article, sides: list[Side]) -> list[Official]:
    return []
