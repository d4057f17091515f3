"""The command line end to end, as a user runs it (subprocesses of the installed package)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from borderminutes.models import ArticleResult

from conftest import SAMPLES, SEEDS, sample_stems

GOOD = SAMPLES / f"{SEEDS[1]}.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "borderminutes", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def test_one_file_prints_one_pretty_record_that_validates(tmp_path):
    proc = run("extract", str(GOOD), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert text.startswith("{\n")
    record = ArticleResult.model_validate_json(text)
    assert record.source.path == str(GOOD)
    assert record.error is None


def test_extract_script_is_the_same_command(tmp_path):
    script = Path(sys.executable).parent / "extract"
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    a = subprocess.run([str(script), str(GOOD)], capture_output=True, timeout=120)
    b = run("extract", str(GOOD))
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout


def test_folder_gives_one_line_per_article_in_sorted_order():
    proc = run("extract", str(SAMPLES), "--format", "jsonl", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    records = lines(proc.stdout)
    assert [Path(r["source"]["path"]).stem for r in records] == sample_stems()


def test_jobs_do_not_change_output(tmp_path):
    files = [str(SAMPLES / f"{s}.txt") for s in SEEDS]
    one = run("extract", *files, "--jobs", "1")
    two = run("extract", *files, "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(lines(one.stdout)) == len(files)


def test_stdin_dash():
    proc = run("extract", "-", stdin=GOOD.read_bytes())
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["source"]["path"] is None
    assert record["source"]["title"]


def test_bad_inputs_each_yield_a_line_and_exit_1(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_nul.txt").write_bytes(b"\x00\x01binary\x00")
    (folder / "c_latin1.txt").write_bytes("Rencontre à la frontière, année française".encode("latin-1"))
    shutil.copy(GOOD, folder / "d_good.txt")
    proc = run("extract", str(folder))
    assert proc.returncode == 1
    records = lines(proc.stdout)
    assert len(records) == 4
    errors = [r["error"] for r in records]
    assert errors[0] and "empty" in errors[0]
    assert errors[1] and "binary" in errors[1]
    assert errors[2] and "c_latin1.txt" in errors[2]
    assert errors[3] is None
    assert records[3]["source"]["title"]
    assert proc.stderr.decode("utf-8").count("error:") == 3


def test_out_dir_writes_one_json_per_input(tmp_path):
    out = tmp_path / "out"
    files = [str(SAMPLES / f"{s}.txt") for s in SEEDS[:3]]
    proc = run("extract", *files, "--out-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{Path(f).stem}.json" for f in files)
    for p in out.iterdir():
        ArticleResult.model_validate_json(p.read_text(encoding="utf-8"))


def test_missing_file_is_an_input_error_not_a_crash(tmp_path):
    proc = run("extract", str(tmp_path / "nope.txt"), str(GOOD), "--format", "jsonl")
    assert proc.returncode == 1
    records = {Path(r["source"]["path"]).name: r for r in lines(proc.stdout)}
    assert len(records) == 2 and "nope.txt" in records["nope.txt"]["error"]
    assert records[GOOD.name]["error"] is None
    assert b"Traceback" not in proc.stderr


def test_usage_errors_exit_2():
    assert run("extract", "--no-such-option", str(GOOD)).returncode == 2
    assert run("extract").returncode == 2


def test_schema_command_prints_json_schema():
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["title"] == "ArticleResult"
