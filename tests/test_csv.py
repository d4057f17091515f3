"""CSV tables: one row per official or per proposal item, UTF-8 with BOM, nothing lost."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from borderminutes.models import ArticleResult
from borderminutes.tables import OFFICIAL_COLUMNS, PROPOSAL_COLUMNS, CsvTable

from conftest import SAMPLES, sample_stems

MEETING = {
    "kind": "talks", "kind_text": "Hội đàm", "online": True,
    "date": {"text": "Sáng 30/5", "day": 30, "month": 5, "year": 2023, "iso": "2023-05-30",
             "evidence": {"start": 0, "end": 9, "text": "Sáng 30/5"}},
    "officials": [
        {"name": "Trịnh Xuân Trường", "titles": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], "country": "VN",
         "head_of_delegation": True},
        {"name": "La Bình", "titles": ["Châu trưởng, \"châu\" Hồng Hà"], "country": "CN"},
    ],
    "proposals": [
        {"by": "La Bình", "country": "CN", "items": ["tăng cường trao đổi đoàn", "mở lại tuyến du lịch; hai quốc gia"]},
        {"items": ["cùng rà soát mốc giới"]},
    ],
}


def result(path: str, meeting: dict | None = None, error: str | None = None) -> ArticleResult:
    return ArticleResult.model_validate({"source": {"path": path}, "meeting": meeting, "error": error})


def table(name: str, results: list[ArticleResult]) -> bytes:
    out = io.BytesIO()
    writer = CsvTable(name, out)
    for r in results:
        writer.add(r)
    return out.getvalue()


def rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_official_with_titles_joined():
    got = rows(table("officials", [result("a.txt", MEETING)]))
    assert [r["name"] for r in got] == ["Trịnh Xuân Trường", "La Bình"]
    assert got[0] == {"path": "a.txt", "date": "2023-05-30", "kind": "talks", "online": "true",
                      "name": "Trịnh Xuân Trường", "titles": "Phó Bí thư Tỉnh ủy; Chủ tịch UBND tỉnh",
                      "country": "VN", "head_of_delegation": "true", "note": ""}
    assert got[1]["titles"] == 'Châu trưởng, "châu" Hồng Hà'  # commas and quotes survive the round trip
    assert got[1]["head_of_delegation"] == "false"


def test_one_row_per_proposal_item():
    got = rows(table("proposals", [result("a.txt", MEETING)]))
    assert [(r["by"], r["country"], r["item"]) for r in got] == [
        ("La Bình", "CN", "tăng cường trao đổi đoàn"),
        ("La Bình", "CN", "mở lại tuyến du lịch; hai quốc gia"),
        ("", "", "cùng rà soát mốc giới"),
    ]
    assert {r["date"] for r in got} == {"2023-05-30"}


def test_nothing_is_lost_articles_without_rows_get_one_explained_row():
    no_year = {**MEETING, "officials": [], "proposals": [],
               "date": {**MEETING["date"], "year": None, "iso": None}}
    inputs = [result("none.txt"), result("empty.txt", no_year), result("bad.txt", error="bad.txt: empty article")]
    for name in ("officials", "proposals"):
        got = rows(table(name, inputs))
        assert [r["path"] for r in got] == ["none.txt", "empty.txt", "bad.txt"]
        assert got[0]["note"] == "no meeting found"
        assert got[1]["note"] == f"no {name} found" and got[1]["date"] == "--05-30"
        assert got[2]["note"] == "error: bad.txt: empty article"


def test_header_and_bom_come_first_even_with_no_results():
    raw = table("officials", [])
    assert raw == "\ufeff".encode("utf-8") + (",".join(OFFICIAL_COLUMNS) + "\r\n").encode("utf-8")


def test_command_writes_csv_for_a_folder():
    proc = subprocess.run([sys.executable, "-m", "borderminutes", "extract", str(SAMPLES), "--format", "csv",
                           "--csv-table", "proposals", "--jobs", "1"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = rows(proc.stdout)
    assert list(got[0]) == PROPOSAL_COLUMNS
    # Every article appears, in input order, at least once.
    paths = list(dict.fromkeys(r["path"] for r in got))
    assert [p.rsplit("/", 1)[-1][:-4] for p in paths] == sample_stems()


def test_csv_with_out_dir_is_a_usage_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "borderminutes", "extract", str(SAMPLES), "--format", "csv",
                           "--out-dir", str(tmp_path)], capture_output=True, timeout=120)
    assert proc.returncode == 2
