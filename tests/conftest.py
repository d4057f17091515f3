"""Shared fixtures: the samples folder and their extracted records (extracted once per session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"

# The five articles the project started from; every other real sample is from the dev set.
SEEDS = [
    "laocai-honghe-online-conference-2020",
    "laocai-honghe-talks-2023",
    "hagiang-yunnan-foreign-affairs-online-talks-2021",
    "batxat-laichau-kimbinh-liaison-meeting-19",
    "laocai-honghe-trade-talks-2024",
]
HANDMADE_PREFIX = "handmade-"


def sample_stems() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.txt"))


def dev_stems() -> list[str]:
    return [s for s in sample_stems() if s not in SEEDS and not s.startswith(HANDMADE_PREFIX)]


def handmade_stems() -> list[str]:
    return [s for s in sample_stems() if s.startswith(HANDMADE_PREFIX)]


def expected(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def records() -> dict[str, dict]:
    """Every sample's record as a JSON-ready dict, keyed by stem."""
    from borderminutes import extract_file

    return {stem: extract_file(SAMPLES / f"{stem}.txt").model_dump(mode="json") for stem in sample_stems()}
