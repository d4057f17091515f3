"""Golden-record tests: the samples' records against samples/expected, field by field.

Each figure is the one ../shared/tools/score.py reports, computed by
``borderminutes.evaluate``; the thresholds are the issues' "done when" lines.
"""

from __future__ import annotations

import pytest

from borderminutes.evaluate import figure, score

from conftest import SEEDS, dev_stems, expected, handmade_stems

SEED_TARGETS = [
    # (field, minimum, the issue that set the target)
    ("detected", 1.0, 3), ("kind", 1.0, 3), ("online", 1.0, 3), ("session_number", 1.0, 3),
    ("date.full", 1.0, 3), ("location", 1.0, 3), ("title", 1.0, 3), ("published", 1.0, 3),
    ("localities", 0.9, 3),
    ("officials.name", 1.0, 4), ("officials.name+country", 1.0, 4), ("officials.full", 1.0, 4),
    ("officials.head", 1.0, 4),
    ("border_gates", 1.0, 5), ("border_markets", 0.9, 5), ("proposals.items", 0.85, 5),
    ("proposals.country", 0.9, 5), ("agreements", 0.8, 5),
]
DEV_TARGETS = [
    ("detected", 0.95, 3), ("kind", 0.95, 3), ("online", 0.95, 3), ("date.full", 0.95, 3),
    ("location", 0.9, 3), ("localities", 0.85, 3),
    ("officials.name", 0.95, 4), ("officials.full", 0.85, 4),
    ("border_gates", 0.9, 5), ("proposals.items", 0.7, 5),
]
HANDMADE_TARGETS = [
    ("detected", 1.0, 3), ("kind", 1.0, 3), ("date.full", 1.0, 3), ("title", 1.0, 3), ("published", 1.0, 3),
    ("localities", 0.9, 3),
]


def _param(set_name: str, field: str, minimum: float, issue: int):
    return pytest.param(set_name, field, minimum, id=f"{set_name}-{field}-issue{issue}")


def _stems(set_name: str) -> list[str]:
    return {"seeds": SEEDS, "dev": dev_stems(), "handmade": handmade_stems()}[set_name]


@pytest.mark.parametrize(
    "set_name,field,minimum",
    [_param("seeds", *t) for t in SEED_TARGETS]
    + [_param("dev", *t) for t in DEV_TARGETS]
    + [_param("handmade", *t) for t in HANDMADE_TARGETS],
)
def test_field_meets_target(records, set_name, field, minimum):
    stems = _stems(set_name)
    if not stems:
        pytest.skip(f"no {set_name} samples")
    scores = score({s: records[s] for s in stems}, {s: expected(s) for s in stems})
    assert figure(scores, field) >= minimum, scores[field]


def test_every_sample_has_an_expected_record():
    from conftest import EXPECTED, sample_stems

    assert sample_stems(), "samples/ is empty"
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == sample_stems()
