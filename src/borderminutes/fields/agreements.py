"""What the sides agreed, accepted or signed: one Statement per sentence."""

from __future__ import annotations

from ..models import Statement
from ..segment import Article


def find_agreements(article: Article) -> list[Statement]:
    return []
