"""Pattern sources written into larger patterns: embedded as their callers embed them (inside a
case-sensitive pattern, "(?i:...)" around the case-insensitive ones) they find what the compiled
pattern finds."""

from __future__ import annotations

import pytest

from borderminutes import gazetteer
from borderminutes import patterns as P
from borderminutes.fields import location, proposals

from conftest import SAMPLES

TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))

# (compiled pattern, its source, whether the pattern ignores case)
PAIRS = [
    (gazetteer.unit_word_pattern, gazetteer.unit_word_source, True),
    (gazetteer.names_pattern, gazetteer.names_source, False),
    (location.country_pattern, location.country_source, False),
    (proposals._countries, proposals._countries_source, True),
]


@pytest.mark.parametrize("pattern, source, ignore_case", PAIRS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_embedded_source_matches_like_the_compiled_pattern(pattern, source, ignore_case):
    embedded = P.compile_(rf"(?:(?i:{source()}))" if ignore_case else rf"(?:{source()})")
    spans = [m.span() for m in P.finditer(pattern(), TEXT)]
    assert spans, "the samples name no such thing: the test would prove nothing"
    assert [m.span() for m in P.finditer(embedded, TEXT)] == spans
