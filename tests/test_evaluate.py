"""The evaluate command and its scoring, on a small gold set of our own (tests/data/evaluate)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import unicodedata

import pytest

from borderminutes.evaluate import ACC_FIELDS, SET_FIELDS, evaluate, format_table, load_gold, matching_rules

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "evaluate"
GOLD = DATA / "gold"
ARTICLES = DATA / "articles"
SCORE_PY = ROOT.parent / "shared" / "tools" / "score.py"
TALKS = "ev-caobang-baise-talks"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "borderminutes", *args], capture_output=True, timeout=300)


def as_prediction(stem: str, gold: dict) -> dict:
    record = copy.deepcopy(gold)
    record["source"]["path"] = f"somewhere/{stem}.txt"
    return record


def test_perfect_predictions_score_one_everywhere():
    golds = load_gold(GOLD)
    scores = evaluate([as_prediction(s, g) for s, g in golds.items()], golds).scores
    assert scores["articles"] == 3
    assert all(scores[f]["f1"] == 1.0 for f in SET_FIELDS)
    assert all(scores[f]["acc"] == 1.0 for f in ACC_FIELDS)
    assert scores["record_f1"] == 1.0


def test_matching_rules_forgive_form_but_count_real_errors():
    golds = load_gold(GOLD)
    pred = as_prediction(TALKS, golds[TALKS])
    meeting = pred["meeting"]
    # Same name in another Unicode form and case: still a match.
    meeting["officials"][0]["name"] = unicodedata.normalize("NFD", "NÔNG VĂN KHẢI")
    # A wrong person instead of the second official: one false positive, one false negative.
    meeting["officials"][1]["name"] = "Hoàng Chí Mai"
    # One side of the gate pair is enough; a hyphen instead of the en dash changes nothing.
    meeting["border_gates"] = [{"name": "Trà Lĩnh"}, {"name": "Tà Lùng-Thủy Khẩu"}]
    # An item reworded a little still matches (token overlap >= 0.5); an unrelated one does not.
    meeting["proposals"][0]["items"] = ["hai bên sớm nâng cấp cặp cửa khẩu Trà Lĩnh", "mở lối thông quan mới"]
    meeting["date"]["year"] = 2023
    scores = evaluate([pred], {TALKS: golds[TALKS]}).scores
    assert scores["officials.name"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert (scores["border_gates"]["tp"], scores["border_gates"]["fp"], scores["border_gates"]["fn"]) == (1, 1, 0)
    assert (scores["proposals.items"]["tp"], scores["proposals.items"]["fp"], scores["proposals.items"]["fn"]) == (2, 1, 1)
    assert scores["date.day_month"]["acc"] == 1.0 and scores["date.full"]["acc"] == 0.0
    assert scores["date.full"]["misses"] == [TALKS]


def test_a_subset_of_the_gold_folder_is_scored_on_its_own():
    golds = load_gold(GOLD)
    stray = {"source": {"path": "x/not-in-gold.txt"}, "meeting": None}
    found = evaluate([as_prediction(TALKS, golds[TALKS]), stray], golds)
    assert found.scores["articles"] == 1 and found.scores["record_f1"] == 1.0
    assert found.unscored_inputs == ["not-in-gold"]
    assert found.gold_without_input == sorted(set(golds) - {TALKS})


def test_table_has_a_row_per_field():
    golds = load_gold(GOLD)
    table = format_table(evaluate([as_prediction(s, g) for s, g in golds.items()], golds).scores)
    rows = {line.split()[0] for line in table.splitlines() if line.strip()}
    assert set(SET_FIELDS + ACC_FIELDS) <= rows
    assert "record_f1 1.000" in table


def test_command_json_matches_the_shared_scorer(tmp_path):
    proc = run("evaluate", "--gold", str(GOLD), str(ARTICLES), "--json", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    ours = json.loads(proc.stdout)
    assert ours["articles"] == 3 and set(SET_FIELDS + ACC_FIELDS) <= set(ours)
    if not SCORE_PY.exists():
        pytest.skip("../shared/tools/score.py not present")
    extracted = run("extract", str(ARTICLES), "--format", "jsonl", "--jobs", "1")
    preds = tmp_path / "preds.jsonl"
    preds.write_bytes(extracted.stdout)
    theirs = json.loads(subprocess.run([sys.executable, str(SCORE_PY), str(preds), str(GOLD), "--json"],
                                       capture_output=True, check=True, timeout=120).stdout)
    for name in SET_FIELDS:
        assert {k: ours[name][k] for k in ("p", "r", "f1")} == theirs[name], name
    for name in ACC_FIELDS:
        assert (ours[name]["acc"], ours[name]["n"]) == (theirs[name]["acc"], theirs[name]["n"]), name
    assert ours["record_f1"] == theirs["record_f1"]


def test_command_prints_a_table_and_its_help_states_the_matching_rules():
    proc = run("evaluate", "--gold", str(GOLD), str(ARTICLES / f"{TALKS}.txt"), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "officials.full" in out and "record_f1" in out
    assert "2 gold record(s) have no input" in proc.stderr.decode("utf-8")
    help_text = " ".join(run("evaluate", "--help").stdout.decode("utf-8").split())
    for rule in matching_rules():
        assert rule[:40] in help_text


def test_command_refuses_inputs_that_match_no_gold(tmp_path):
    (tmp_path / "other.txt").write_text("Một bài báo khác.", encoding="utf-8")
    proc = run("evaluate", "--gold", str(GOLD), str(tmp_path))
    assert proc.returncode == 2
    assert b"no input matches a gold record" in proc.stderr
