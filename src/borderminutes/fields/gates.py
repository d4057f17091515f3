"""Named border gates, crossing points and border markets."""

from __future__ import annotations

from ..models import BorderGate
from ..segment import Article


def find_gates(article: Article) -> list[BorderGate]:
    return []


def find_markets(article: Article) -> list[BorderGate]:
    return []
