"""Topics from keyword lists in patterns/topics.yaml."""

from __future__ import annotations

from ..segment import Article


def find_topics(article: Article) -> list[str]:
    return []
