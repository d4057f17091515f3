"""borderminutes: Vietnamese news articles about cross-border meetings -> validated meeting records.

Library face::

    from borderminutes import extract_text, extract_file
    result = extract_text(open("article.txt", encoding="utf-8").read())
    print(result.model_dump_json(indent=1))
"""

from __future__ import annotations

from pathlib import Path

from . import document
from .models import ArticleResult

__all__ = ["ArticleResult", "extract_text", "extract_file", "extract_bytes"]
__version__ = "0.1.0"


def extract_text(text: str, path: str | None = None) -> ArticleResult:
    """Extract the meeting record from an already decoded article."""
    from .pipeline import extract_document

    return extract_document(document.from_text(text, path))


def extract_bytes(raw: bytes, path: str | None = None) -> ArticleResult:
    """Extract from raw bytes (decoded as the CLI does); raises ``document.InputError`` on bad input."""
    from .pipeline import extract_document

    return extract_document(document.from_bytes(raw, path))


def extract_file(path: str | Path) -> ArticleResult:
    """Extract from a file; raises ``document.InputError`` when it cannot be read as an article."""
    from .pipeline import extract_document

    return extract_document(document.read_file(path))
