"""Which country a place belongs to: the gazetteer in ``patterns/gazetteer.yaml``.

Names are looked up as printed (NFC, case-insensitive, any spacing); a name that
belongs to units of two countries is ambiguous and ``country_of`` says None.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from . import patterns as P


@dataclass(frozen=True)
class Unit:
    name: str  # canonical bare name: "Hồng Hà"
    country: str  # "VN", "CN", "LA", "KH"
    level: str  # province, prefecture, city, district, county, town, autonomous_region
    parent: str | None = None


# Pure functions of a short printed name, asked again and again for the same few names: cached.
NAME_CACHE_SIZE = 16384


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def key(name: str) -> str:
    return " ".join(name.split()).casefold()


@functools.cache
def _load() -> tuple[dict[str, tuple[Unit, ...]], tuple[str, ...]]:
    """(printed name key -> units, every printed spelling) from the YAML."""
    index: dict[str, list[Unit]] = {}
    spellings: list[str] = []
    for country, entries in (P.load("gazetteer") or {}).items():
        for entry in entries or []:
            unit = Unit(entry["name"], country, entry.get("level", ""), entry.get("parent"))
            for name in [entry["name"], *(entry.get("aliases") or [])]:
                bucket = index.setdefault(key(name), [])
                if unit not in bucket:
                    bucket.append(unit)
                spellings.append(name)
    return {k: tuple(v) for k, v in index.items()}, tuple(dict.fromkeys(spellings))


def _index() -> dict[str, tuple[Unit, ...]]:
    return _load()[0]


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def lookup(name: str) -> tuple[Unit, ...]:
    """Every unit printed as ``name`` (its name or an alias)."""
    return _index().get(key(name), ())


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def country_of(name: str) -> str | None:
    """The one country whose units are printed as ``name``; None when unknown or ambiguous."""
    countries = {u.country for u in lookup(name)}
    return countries.pop() if len(countries) == 1 else None


def canonical(name: str) -> str | None:
    """The gazetteer's spelling of ``name`` ("Bo Kẹo" -> "Bokeo" if that is the entry's name)."""
    units = lookup(name)
    return units[0].name if units else None


@functools.cache
def names_pattern() -> P.Pattern:
    """Any gazetteer name or alias as a whole word, longest first; case-sensitive (proper names)."""
    return P.compile_(names_source())


@functools.cache
def names_source() -> str:
    """The source ``names_pattern()`` compiles, to write into a larger pattern (case-sensitive)."""
    return P.phrases_source(_load()[1], ignore_case=False)


@functools.cache
def first_letters() -> str:
    """The letters any name of ``names_pattern()`` begins with, escaped for a character class."""
    return "".join(regex.escape(c) for c in sorted({name[0] for name in _load()[1]}))


@functools.cache
def unit_words() -> dict[str, tuple[str, ...]]:
    """Administrative words per level, from ``patterns/admin.yaml``."""
    return {level: tuple(words) for level, words in P.load("admin")["unit_words"].items()}


@functools.cache
def unit_word_pattern() -> P.Pattern:
    """Any administrative word ("tỉnh", "thành phố", "TP.", "châu", "khu tự trị" ...), case-insensitive."""
    return P.compile_(unit_word_source(), ignore_case=True)


@functools.cache
def unit_word_source() -> str:
    """The source ``unit_word_pattern()`` compiles, to write into a larger pattern. The words are
    written as in the YAML, not case-folded: wrap it in "(?i:...)" for any case."""
    words = {w for ws in unit_words().values() for w in ws}
    return P.word_start(words) + "(?:" + "|".join(
        P.phrase_source(w) + ("" if w.endswith(".") else r"(?!\w)") for w in sorted(words, key=lambda w: -len(w))
    ) + ")"


@functools.cache
def country_names() -> dict[str, str]:
    """Printed country name (case-folded) -> ISO code."""
    return {key(name): code for code, names in P.load("admin")["countries"].items() for name in names}
