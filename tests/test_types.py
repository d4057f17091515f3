"""The package's type annotations hold: mypy, set up in pyproject.toml ([tool.mypy]), finds no error in it.

A wrong annotation misleads every reader of the code; this keeps a new one from landing unnoticed."""

from __future__ import annotations

import os
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error_in_the_package():
    report, errors, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", os.devnull,  # a cold run takes a few seconds; no cache is left in the tree
        str(ROOT / "src" / "borderminutes"),
    ])
    print(report, errors)
    assert status == 0, f"mypy found errors:\n{report}{errors}"
