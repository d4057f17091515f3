"""One Side per country taking part, with localities, organizations and online venue."""

from __future__ import annotations

from ..models import Side
from ..segment import Article


def find_sides(article: Article) -> list[Side]:
    return []
