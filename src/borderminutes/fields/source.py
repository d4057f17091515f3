"""Source metadata: headline, printed publication time, outlet prefix, byline."""

from __future__ import annotations

from ..models import Source
from ..segment import Article


def bare_source(article: Article) -> Source:
    """What is known without reading the text: path and checksum."""
    return Source(path=article.doc.path, sha256=article.doc.sha256)


def extract_source(article: Article) -> Source:
    title = article.paragraphs[0].text if article.paragraphs else None
    return bare_source(article).model_copy(update={"title": title})
