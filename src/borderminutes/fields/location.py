"""Where the meeting took place ("tại thành phố Lào Cai")."""

from __future__ import annotations

from ..models import Location
from ..segment import Article


def find_location(article: Article, online: bool) -> Location | None:
    return None
