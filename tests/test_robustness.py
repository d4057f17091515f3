"""Hard inputs: every bad input gets its own line, the batch goes on, nothing hangs, nothing is lost.

Unreadable files: the tests run as root, and root reads a ``chmod 000`` file. So
unreadability is shown three ways: a named pipe nobody writes to (a real file that
cannot be read normally, and a real hang risk), broken and looping symbolic links,
and, where the kernel does not refuse (root), ``os.open`` patched to refuse the
locked file exactly as the kernel refuses other users (EACCES).
"""

from __future__ import annotations

import codecs
import errno
import importlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
import regex

from borderminutes import batch, extract_bytes, extract_text, output, pipeline
from borderminutes import patterns as P
from borderminutes.document import DEFAULT_MAX_BYTES, InputError, read_bytes
from borderminutes.fields import source
from borderminutes.models import ArticleResult

from conftest import SAMPLES, SEEDS, sample_stems

GOOD = SAMPLES / f"{SEEDS[1]}.txt"
ENGLISH = (
    "Vietnam and China hold talks on border trade\n"
    "LAO CAI, May 22 - Officials of Lao Cai province and of Yunnan met on Monday at the border gate "
    "to discuss trade, tourism and the reopening of border markets. Both sides agreed to meet again.\n"
)
FRENCH = (
    "Rencontre à la frontière entre le Viêt Nam et la Chine\n"
    "Les délégations ont signé un accord de coopération économique. Le préfet a souligné l'importance "
    "des échanges commerciaux et de la sécurité à la frontière.\n"
)
VIETNAMESE_TONES = "\u0300\u0301\u0303\u0309\u0323"


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "borderminutes", *args], input=stdin, capture_output=True,
                          timeout=timeout)


def json_lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def windows_1258(text: str) -> bytes:
    """``text`` as a Windows-1258 page stores it: base letters with the tone as a combining mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in VIETNAMESE_TONES))
            marks = "".join(c for c in parts if c in VIETNAMESE_TONES)
            out += (base + marks).encode("cp1258", "replace")  # no such character in the code page: "?"
    return bytes(out)


def same_record(a: ArticleResult, b: ArticleResult) -> bool:
    """Equal apart from what only reflects the raw input: checksum, path and decoding notes."""
    def core(result: ArticleResult) -> dict:
        record = result.model_dump(mode="json")
        record["source"].pop("sha256")
        record["source"].pop("path")
        record["warnings"] = [w for w in record["warnings"] if "decoded as" not in w]
        return record
    return core(a) == core(b)


def process(path: Path, **kwargs) -> batch.Outcome:
    return batch.process(str(path), **kwargs)


# --- each hard input on its own ----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b" \n\t  \r\n", " \u00a0\n\u3000".encode("utf-8")], ids=["empty", "spaces", "odd-spaces"])
def test_empty_or_whitespace_only_file_is_an_input_error(tmp_path, raw):
    path = tmp_path / "blank.txt"
    path.write_bytes(raw)
    outcome = process(path)
    assert outcome.failed and outcome.result.error == f"{path}: empty article (no text)"
    assert outcome.result.source.path == str(path)


def test_binary_file_is_an_input_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    outcome = process(path)
    assert outcome.failed and "binary data (NUL bytes" in outcome.result.error


@pytest.fixture(scope="module")
def fifty_mb_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("giant") / "giant.txt"
    block = GOOD.read_bytes()
    with open(path, "wb") as fh:
        for _ in range(50_000_000 // len(block) + 1):
            fh.write(block)
    assert path.stat().st_size > 50_000_000
    return path


def test_fifty_mb_file_is_refused_without_being_read(fifty_mb_file):
    tracemalloc.start()
    try:
        outcome = process(fifty_mb_file)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, f"refusing a 50 MB file allocated {peak:,} bytes"
    size = fifty_mb_file.stat().st_size
    assert outcome.result.error == (f"{fifty_mb_file}: {size:,} bytes is larger than the limit of "
                                    f"{DEFAULT_MAX_BYTES:,} bytes (--max-bytes); not processed")


def test_a_pipe_is_read_no_further_than_max_bytes():
    """Size unknown in advance (a pipe, stdin): at most max_bytes + 1 bytes are read, then the input is refused."""
    read_end, write_end = os.pipe()
    chunk = b"x" * 65536

    def write_fifty_mb():
        try:
            with open(write_end, "wb") as fh:
                for _ in range(50_000_000 // len(chunk)):
                    fh.write(chunk)
        except BrokenPipeError:  # the reader stopped early: what this test wants
            pass

    writer = threading.Thread(target=write_fifty_mb, daemon=True)
    writer.start()
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"more bytes is larger than the limit of 1,000,000 bytes"):
            read_bytes(f"/dev/fd/{read_end}", max_bytes=1_000_000)  # `<(command)` hands over such a path
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        os.close(read_end)
        writer.join(timeout=30)
    assert not writer.is_alive()
    assert peak < 3_000_000, f"reading a pipe with max_bytes=1,000,000 allocated {peak:,} bytes"


def test_max_bytes_on_the_command_line(fifty_mb_file, tmp_path):
    small = tmp_path / "article.txt"
    shutil.copy(GOOD, small)
    proc = run_cli("extract", str(fifty_mb_file), str(small), "--max-bytes", str(GOOD.stat().st_size - 1))
    assert proc.returncode == 1
    giant, article = json_lines(proc.stdout)
    assert "--max-bytes" in giant["error"] and "--max-bytes" in article["error"]
    proc = run_cli("extract", str(fifty_mb_file), str(small), "--format", "jsonl")  # default limit: 5 MB
    giant, article = json_lines(proc.stdout)
    assert proc.returncode == 1 and "5,000,000 bytes (--max-bytes)" in giant["error"] and article["error"] is None
    assert f"error: {fifty_mb_file}: " in proc.stderr.decode("utf-8")
    over_stdin = run_cli("extract", "-", "--max-bytes", "1000", stdin=GOOD.read_bytes())
    assert over_stdin.returncode == 1
    assert json.loads(over_stdin.stdout)["error"] == "<stdin>: more than the limit of 1,000 bytes (--max-bytes); not processed"


def test_utf16_with_bom_gives_the_utf8_record():
    text = GOOD.read_text(encoding="utf-8")
    for raw in (text.encode("utf-16"), codecs.BOM_UTF16_BE + text.encode("utf-16-be")):
        assert same_record(extract_bytes(raw, "a.txt"), extract_bytes(text.encode("utf-8"), "a.txt"))


def test_windows_1258_article_decodes_to_the_utf8_record_with_a_note():
    raw = windows_1258(GOOD.read_text(encoding="utf-8"))
    text = unicodedata.normalize("NFC", raw.decode("cp1258"))  # the article, less what the code page cannot hold
    assert text.count("?") < 5
    legacy = extract_bytes(raw, "legacy.txt")
    assert legacy.error is None
    assert same_record(legacy, extract_bytes(text.encode("utf-8"), "legacy.txt"))
    assert any("decoded as cp1258 (detected)" in w for w in legacy.warnings)


def test_latin1_french_article_is_refused_with_a_clear_error():
    """Decision: a legacy page is decoded only when it reads as Vietnamese; French in latin-1 is refused."""
    with pytest.raises(InputError) as err:
        extract_bytes(FRENCH.encode("latin-1"), "fr.txt")
    message = str(err.value)
    assert message.startswith("fr.txt: not valid UTF-8 (byte 0xe0 at offset 10)")
    assert "does not read as Vietnamese" in message and "save the article as UTF-8" in message


def test_undetectable_legacy_bytes_are_refused():
    with pytest.raises(InputError, match=r"^junk\.txt: not valid UTF-8 .*save the article as UTF-8$"):
        extract_bytes(bytes(range(0x80, 0x100)) * 4, "junk.txt")


def test_utf8_cut_inside_a_character_is_read_with_a_note():
    raw = GOOD.read_bytes()
    cut = next(i for i in range(1990, len(raw)) if raw[i] >= 0xC0) + 1  # one byte into a multi-byte character
    result = extract_bytes(raw[:cut], "cut.txt")
    assert result.error is None
    assert any("ends inside a UTF-8 character" in w for w in result.warnings)


def test_named_pipe_with_no_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[batch.Outcome] = []
    reader = threading.Thread(target=lambda: found.append(process(fifo)), daemon=True)  # a hang fails, not stalls
    reader.start()
    reader.join(timeout=5)
    assert found, "reading a named pipe with no writer hangs"
    assert found[0].result.error == f"{fifo}: empty article (no text)"


def test_unreadable_file_gets_its_own_error_line(tmp_path, monkeypatch):
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in ("a.txt", "b-locked.txt", "c.txt"):
        shutil.copy(GOOD, folder / name)
    locked = folder / "b-locked.txt"
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root: make os.open refuse it the way the kernel refuses other users
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    outcomes = list(batch.run(batch.expand_inputs([str(folder)]), jobs=1))
    assert [Path(o.path).name for o in outcomes] == ["a.txt", "b-locked.txt", "c.txt"]
    assert [o.failed for o in outcomes] == [False, True, False]
    assert outcomes[1].result.error == f"{locked}: cannot read (Permission denied)"


def test_broken_symlink_and_symlink_loops(tmp_path):
    folder = tmp_path / "links"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOOD, folder / "sub" / "article.txt")
    (folder / "broken.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: walking must not go round for ever
    paths = batch.expand_inputs([str(folder)])
    assert [Path(p).relative_to(folder).as_posix() for p in paths] == ["broken.txt", "loop.txt", "sub/article.txt"]
    broken, loop, article = (batch.process(p) for p in paths)
    assert broken.result.error == f"{folder / 'broken.txt'}: broken symbolic link (its target does not exist)"
    assert loop.result.error == f"{folder / 'loop.txt'}: cannot read (Too many levels of symbolic links)"
    assert article.result.error is None


def test_non_vietnamese_article_gets_no_meeting_and_a_warning():
    result = extract_text(ENGLISH)
    assert result.error is None and result.meeting is None
    assert "the text does not read as Vietnamese: no meeting extracted" in result.warnings
    assert result.source.title == "Vietnam and China hold talks on border trade"


def test_lone_surrogate_in_a_string_still_gives_json():
    result = extract_text("Hội đàm\ud800 Lào Cai")
    assert "\ud800" not in result.model_dump_json()
    ArticleResult.model_validate_json(result.model_dump_json())


# --- one batch over all of them ------------------------------------------------------------------------------


@pytest.fixture
def hard_folder(tmp_path) -> tuple[Path, dict[str, str | None]]:
    """A folder of hard inputs, and for each file name the words its error line must contain (None: no error)."""
    folder = tmp_path / "hard inputs"
    folder.mkdir()
    text = GOOD.read_text(encoding="utf-8")
    files: dict[str, bytes] = {
        "01 empty.txt": b"",
        "02 whitespace.txt": b" \r\n\t \n",
        "03 binary.txt": b"\x00\x01\x02binary\x00",
        "04 utf16.txt": text.encode("utf-16"),
        "05 windows-1258.txt": windows_1258(text),
        "06 latin-1 français.txt": FRENCH.encode("latin-1"),
        "07 english.txt": ENGLISH.encode("utf-8"),
        "08 Hội đàm Lào Cai – Vân Nam.txt": text.encode("utf-8"),
    }
    expected: dict[str, str | None] = {
        "01 empty.txt": "empty article", "02 whitespace.txt": "empty article", "03 binary.txt": "binary data",
        "04 utf16.txt": None, "05 windows-1258.txt": None, "06 latin-1 français.txt": "does not read as Vietnamese",
        "07 english.txt": None, "08 Hội đàm Lào Cai – Vân Nam.txt": None,
        "09 pipe.txt": "empty article", "10 broken.txt": "broken symbolic link", "11 loop.txt": "symbolic links",
        "12 \ufffd name.txt": None,
    }
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    os.mkfifo(folder / "09 pipe.txt")
    (folder / "10 broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "11 loop.txt").symlink_to(folder / "11 loop.txt")
    (Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"12 \xff name.txt")).write_bytes(text.encode("utf-8"))
    return folder, expected


def test_hard_folder_each_input_yields_its_line_and_the_batch_goes_on(hard_folder):
    folder, expected = hard_folder
    proc = run_cli("extract", str(folder), "--jobs", "2")
    assert proc.returncode == 1
    records = json_lines(proc.stdout)
    assert [Path(r["source"]["path"]).name for r in records] == list(expected)
    for record, words in zip(records, expected.values()):
        ArticleResult.model_validate(record)
        if words is None:
            assert record["error"] is None, record["error"]
        else:
            assert record["error"] and words in record["error"]
    stderr = proc.stderr.decode("utf-8", "replace")
    assert stderr.count("error: ") == sum(w is not None for w in expected.values())
    assert "Traceback" not in stderr


# --- patterns: compiled once, guarded against catastrophic backtracking ------------------------------------


PATHOLOGICAL_LINES = {
    "letters": "a" * 100_000,
    "honorifics": "Ông " * 25_000,
    "slashes": "1/" * 50_000,
    "names": "Nguyễn Văn " * 9_091,
    "brackets": "(" * 100_000,
    "full stops": ". " * 50_000,
    "meeting words": "Hội đàm " * 12_500,
    "gate pairs": "Lào Cai – Hà Khẩu – " * 5_000,
    "capitals": "ĐOÀN ĐẠI BIỂU " * 7_143,
}


@pytest.mark.parametrize("line", PATHOLOGICAL_LINES.values(), ids=PATHOLOGICAL_LINES.keys())
def test_pathological_100k_line_finishes_fast_with_a_warning(line):
    head, rest = GOOD.read_text(encoding="utf-8").split("\n", 1)
    extract_text(head)  # patterns and models loaded: time only the line
    started = time.monotonic()
    result = extract_text(f"{head}\n{line}\n{rest}")
    assert time.monotonic() - started < 2
    assert any(f"a line of {len(line):,} characters" in w for w in result.warnings)
    assert result.source.title == head


def long_paragraph(piece: str) -> str:
    """``piece`` repeated into one line just under MAX_LINE_CHARS, so that every field reads it."""
    return (piece * (pipeline.MAX_LINE_CHARS // len(piece) + 1))[:pipeline.MAX_LINE_CHARS - 10]


def test_article_on_one_long_line_is_read_fast():
    """A page scraped without line breaks: long, but real text, which no field may be slow on."""
    head, rest = GOOD.read_text(encoding="utf-8").split("\n", 1)
    paragraph = long_paragraph(" ".join(rest.split("\n")) + " ")
    extract_text(head)
    started = time.monotonic()
    result = extract_text(f"{head}\n{paragraph}\n")
    elapsed = time.monotonic() - started
    slow = [w for w in result.warnings if "timed out" in w or "time budget" in w]
    assert elapsed < 2 and not slow, f"{elapsed:.2f} s; {slow}"


ADVERSARIAL_PARAGRAPHS = {
    "officials": "Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Lào Cai, và ông Lý Minh, Phó Châu trưởng châu Hồng Hà, ",
    "dates": "Sáng 22/5/2023, chiều ngày 16.3, ",
    "gates": "cửa khẩu quốc tế Lào Cai – Hà Khẩu, lối mở Bản Vược, chợ biên giới Kim Thành, ",
    "proposals": "đồng chí đề nghị hai bên tăng cường phối hợp; ",
    **{name: line[:1000] for name, line in PATHOLOGICAL_LINES.items()},
}


@pytest.mark.parametrize("piece", ADVERSARIAL_PARAGRAPHS.values(), ids=ADVERSARIAL_PARAGRAPHS.keys())
def test_adversarial_paragraph_is_bounded_by_the_time_budget(piece, monkeypatch):
    """Just under MAX_LINE_CHARS, inside the article body: whatever a field does with it, the article's
    time budget bounds it, and any field cut short says so."""
    monkeypatch.setattr(pipeline, "ARTICLE_BUDGET", 1.0)
    head, rest = GOOD.read_text(encoding="utf-8").split("\n", 1)
    extract_text(head)
    started = time.monotonic()
    result = extract_text(f"{head}\n{long_paragraph(piece)}\n{rest}")
    elapsed = time.monotonic() - started
    assert elapsed < 2, f"{elapsed:.2f} s"
    if elapsed > pipeline.ARTICLE_BUDGET + 0.5:
        assert any("time budget" in w or "timed out" in w for w in result.warnings), result.warnings
    ArticleResult.model_validate_json(result.model_dump_json())


CATASTROPHIC = r"(?:a|aa)+$"  # exponential backtracking on a run of "a" that does not end the text


def _backtracking_source(article):
    P.search(P.compile_(CATASTROPHIC), article.text)
    raise AssertionError("the pattern above cannot finish in time")


def test_a_runaway_pattern_is_stopped_by_the_field_alarm_and_becomes_a_warning(monkeypatch):
    monkeypatch.setattr(pipeline, "FIELD_TIME_LIMIT", 0.5)
    monkeypatch.setattr(source, "extract_source", _backtracking_source)
    started = time.monotonic()
    result = extract_text("Tiêu đề\n" + "a" * 5_000 + "!\n")
    assert time.monotonic() - started < 1.5
    assert "source: pattern matching timed out on this text (over 0.5 s); field left empty" in result.warnings
    assert result.source.title is None and result.source.sha256


def test_the_field_alarm_never_cuts_an_import_short_and_still_stops_the_field_after_it(monkeypatch, tmp_path):
    # A module cut off half-way stays broken for the whole process: every later article would fail on it.
    (tmp_path / "slow_to_import.py").write_text("import time\ntime.sleep(0.4)\nLOADED = True\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(pipeline, "FIELD_TIME_LIMIT", 0.1)

    def importing_then_runaway(article):
        importlib.import_module("slow_to_import")  # runs past the field's limit: the alarm finds it importing
        _backtracking_source(article)

    monkeypatch.setattr(source, "extract_source", importing_then_runaway)
    started = time.monotonic()
    try:
        result = extract_text("Tiêu đề\n" + "a" * 5_000 + "!\n")
        assert sys.modules["slow_to_import"].LOADED
    finally:
        sys.modules.pop("slow_to_import", None)
    assert time.monotonic() - started < 1.5
    assert "source: pattern matching timed out on this text (over 0.1 s); field left empty" in result.warnings


def test_an_extraction_run_during_an_import_is_still_bounded(monkeypatch, tmp_path):
    """Only imports the field itself runs put the alarm off: not the import of a script that extracts."""
    def spinning_source(article):  # three seconds of work, unless stopped
        ends = time.monotonic() + 3
        while time.monotonic() < ends:
            pass
        return source.bare_source(article)

    monkeypatch.setattr(pipeline, "FIELD_TIME_LIMIT", 0.3)
    monkeypatch.setattr(source, "extract_source", spinning_source)
    (tmp_path / "extracting_script.py").write_text(
        "from borderminutes import extract_text\nRESULT = extract_text('Tiêu đề\\n' + 'a' * 5000 + '!\\n')\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    started = time.monotonic()
    try:
        result = importlib.import_module("extracting_script").RESULT
    finally:
        sys.modules.pop("extracting_script", None)
    assert time.monotonic() - started < 1.5
    assert "source: pattern matching timed out on this text (over 0.3 s); field left empty" in result.warnings


def test_what_the_process_loads_once_is_not_charged_to_the_article(monkeypatch):
    monkeypatch.setattr(pipeline, "FIELD_TIME_LIMIT", 0.3)
    monkeypatch.setattr(pipeline, "ARTICLE_BUDGET", 0.4)
    real_source = source.extract_source
    counted: list[float] = []

    def loading_source(article):
        with P.one_time_load():  # as a model or word list loaded on first need
            time.sleep(0.5)
        counted.append(P.one_time_load_seconds())
        return real_source(article)

    monkeypatch.setattr(source, "extract_source", loading_source)
    result = extract_text(GOOD.read_text(encoding="utf-8"))
    assert counted and counted[0] >= 0.5
    assert result.warnings == [] and result.source.title and result.meeting is not None
    assert P.one_time_load_seconds() == 0.0  # counted per article


def test_a_warm_process_loads_nothing_more(monkeypatch):
    """One-time loads run with the alarm off: nothing may be loaded per article (a pattern compiled
    for each text, say), or its time would go unbounded."""
    texts = [(SAMPLES / f"{stem}.txt").read_text(encoding="utf-8") for stem in sample_stems()[:12]]
    for text in texts:
        extract_text(text)
    loads: list[int] = []
    real = P.one_time_load

    def counting():
        loads.append(1)
        return real()

    monkeypatch.setattr(P, "one_time_load", counting)
    for text in texts:
        extract_text(text)
    assert loads == []


def test_a_runaway_pattern_after_a_one_time_load_is_still_stopped(monkeypatch):
    monkeypatch.setattr(pipeline, "FIELD_TIME_LIMIT", 0.3)

    def loading_then_runaway(article):
        with P.one_time_load():
            time.sleep(0.4)
        _backtracking_source(article)

    monkeypatch.setattr(source, "extract_source", loading_then_runaway)
    started = time.monotonic()
    result = extract_text("Tiêu đề\n" + "a" * 5_000 + "!\n")
    assert time.monotonic() - started < 1.7
    assert "source: pattern matching timed out on this text (over 0.3 s); field left empty" in result.warnings


def test_outside_the_main_thread_each_pattern_call_carries_its_own_timeout(monkeypatch):
    monkeypatch.setattr(P, "TIMEOUT", 0.3)
    monkeypatch.setattr(source, "extract_source", _backtracking_source)
    found: list[ArticleResult] = []
    worker = threading.Thread(target=lambda: found.append(extract_text("Tiêu đề\n" + "a" * 5_000 + "!\n")))
    started = time.monotonic()
    worker.start()
    worker.join(timeout=10)
    assert time.monotonic() - started < 1.5
    assert found and "source: pattern matching timed out on this text; field left empty" in found[0].warnings


def test_pattern_calls_skip_their_timeout_only_where_the_alarm_bounds_the_field(monkeypatch):
    seen: list[float | None] = []

    def spying_source(article):
        seen.append(P.timeout())
        return source.bare_source(article)

    monkeypatch.setattr(source, "extract_source", spying_source)
    extract_text(GOOD.read_text(encoding="utf-8"))
    worker = threading.Thread(target=lambda: extract_text(GOOD.read_text(encoding="utf-8")))
    worker.start()
    worker.join(timeout=10)
    assert seen == [None, P.TIMEOUT]
    assert P.timeout() == P.TIMEOUT  # and the default is back after the article


def test_time_budget_stops_a_runaway_field(monkeypatch):
    def endless(article):
        while True:
            pass

    monkeypatch.setattr(pipeline, "ARTICLE_BUDGET", 0.3)
    monkeypatch.setattr(source, "extract_source", endless)
    started = time.monotonic()
    result = extract_text(GOOD.read_text(encoding="utf-8"))
    assert time.monotonic() - started < 1.5
    assert "source: stopped, the article's time budget (0.3 s) was used up; field left empty" in result.warnings
    assert "meeting: skipped, the article's time budget (0.3 s) was used up" in result.warnings


def test_time_budget_outside_the_main_thread_skips_the_fields_left(monkeypatch):
    def slow(article):
        time.sleep(0.4)
        return source.bare_source(article)

    monkeypatch.setattr(pipeline, "ARTICLE_BUDGET", 0.2)
    monkeypatch.setattr(source, "extract_source", slow)
    found: list[ArticleResult] = []
    worker = threading.Thread(target=lambda: found.append(extract_text(GOOD.read_text(encoding="utf-8"))))
    worker.start()
    worker.join(timeout=10)
    assert found and found[0].source.sha256
    assert "meeting: skipped, the article's time budget (0.2 s) was used up" in found[0].warnings


def test_patterns_are_compiled_once_not_per_article(monkeypatch):
    """After one pass over the samples, a second pass compiles no pattern (module functions included)."""
    texts = [(SAMPLES / f"{stem}.txt").read_text(encoding="utf-8") for stem in sample_stems()]
    for text in texts:
        extract_text(text)
    compiled_at: list[str] = []
    for module in (sys.modules[regex.compile.__module__], re):
        real = module._compile

        def counting(pattern, *args, _real=real, **kwargs):
            if isinstance(pattern, (str, bytes)):
                compiled_at.append(_caller())
            return _real(pattern, *args, **kwargs)

        monkeypatch.setattr(module, "_compile", counting)
    for text in texts:
        extract_text(text)
    ours = [site for site in compiled_at if "borderminutes" in site]
    assert not ours, f"patterns compiled per call at: {sorted(set(ours))}"


def _caller() -> str:
    """The first frame outside the regex modules and the pattern helpers: who asked for the pattern."""
    frame = sys._getframe(2)
    skip = ("regex.", "re", "sre_compile", "borderminutes.patterns")
    while frame and frame.f_globals.get("__name__", "").startswith(skip):
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"


# --- interruption, resume, strict, dead workers, closed pipes --------------------------------------------


class _Signalled(Exception):
    """What the handlers these tests install raise."""


@pytest.fixture
def raising_handlers():
    """SIGINT and SIGTERM handlers that raise ``_Signalled`` (whatever the handlers were when Python
    started: a background job ignores Ctrl-C), put back as they were afterwards."""
    def handler(signum, frame):
        raise _Signalled(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield handler
    for sig, old in previous.items():
        signal.signal(sig, old)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_taken_in_another_thread_during_a_write_acts_after_the_file_is_whole(
        tmp_path, monkeypatch, raising_handlers, signum):
    """The process takes a signal in any thread that does not block it (a batch has the worker pool's),
    and Python runs the handler in the main thread wherever that is: mid-write, it must wait for the file."""
    replace, go, cancelled = os.replace, threading.Event(), threading.Event()

    def send():  # a thread started before the write, as the pool's is: it does not block the signal
        go.wait()
        if not cancelled.is_set():
            os.kill(os.getpid(), signum)

    sender = threading.Thread(target=send)
    sender.start()

    def interrupted_replace(src, dst):
        go.set()
        sender.join()
        time.sleep(0.05)  # time for Python to run the handler here, were it not deferred
        replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    target = tmp_path / "a.json"
    try:
        with pytest.raises(_Signalled):
            output.write_atomic(target, "{}\n")
    finally:
        cancelled.set()
        go.set()
        sender.join()
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"] and target.read_text(encoding="utf-8") == "{}\n"
    assert signal.getsignal(signal.SIGINT) is signal.getsignal(signal.SIGTERM) is raising_handlers


def test_a_signal_that_comes_while_the_handlers_are_put_back_leaves_none_swapped(tmp_path, monkeypatch,
                                                                                 raising_handlers):
    """Putting a handler back runs a pending signal's handler first, which may raise: the other one
    must still be put back, and the exception come out once all are."""
    real = signal.signal
    thrown: list[int] = []

    def signal_with_one_pending(sig, handler):
        if handler is raising_handlers and not thrown:  # the first handler put back: a signal was pending
            thrown.append(sig)
            raise _Signalled(sig)
        return real(sig, handler)

    monkeypatch.setattr(signal, "signal", signal_with_one_pending)
    with pytest.raises(_Signalled):
        output.write_atomic(tmp_path / "a.json", "{}\n")
    monkeypatch.undo()
    assert thrown and signal.getsignal(signal.SIGINT) is signal.getsignal(signal.SIGTERM) is raising_handlers
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "{}\n"


def test_ctrl_c_leaves_only_complete_files_and_skip_existing_resumes(tmp_path):
    """Ctrl-C as soon as the first files are written: whole .json files only, then a resume that redoes none.
    The inputs' names have spaces and Vietnamese letters: so do the outputs'."""
    text = GOOD.read_text(encoding="utf-8")
    extract_text(text)
    started = time.monotonic()
    extract_text(text)
    # About a second of work at --jobs 2, however fast extraction is: still running when the signal comes.
    copies = min(2000, max(60, int(2.0 / (time.monotonic() - started))))
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for i in range(copies):
        shutil.copy(GOOD, inputs / f"Hội đàm Lào Cai – Vân Nam {i:04d}.txt")
    command = [sys.executable, "-m", "borderminutes", "extract", str(inputs), "--jobs", "2", "--out-dir", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not (out.is_dir() and any(out.glob("*.json"))) and time.monotonic() < deadline:
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground process group
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr.decode("utf-8", "replace")
    assert b"interrupted: completed outputs are kept" in stderr and b"Traceback" not in stderr
    left = sorted(out.iterdir())
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in left), "temporary files left behind"
    assert 0 < len(left) < copies
    for path in left:
        assert ArticleResult.model_validate_json(path.read_text(encoding="utf-8")).error is None
    done = {p.name: p.stat().st_mtime_ns for p in left}

    resumed = run_cli("extract", str(inputs), "--jobs", "2", "--out-dir", str(out), "--skip-existing")
    assert resumed.returncode == 0, resumed.stderr
    assert f"wrote {copies - len(done)} file(s) to {out} (0 failed, {len(done)} skipped: already done)" in \
        resumed.stderr.decode("utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.json" for p in inputs.iterdir())
    assert {name: (out / name).stat().st_mtime_ns for name in done} == done, "finished files were redone"


def test_strict_counts_any_warning_as_a_failure(tmp_path):
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    lenient = run_cli("extract", str(english))
    strict = run_cli("extract", str(english), "--strict")
    assert lenient.returncode == 0 and strict.returncode == 1
    assert lenient.stdout == strict.stdout
    assert f"warning: {english}: the text does not read as Vietnamese" in strict.stderr.decode("utf-8")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="needs forked workers to inherit the patch")
def test_a_dead_worker_costs_only_its_input(tmp_path, monkeypatch):
    paths = []
    for i in range(30):
        path = tmp_path / ("crash.txt" if i == 17 else f"ok-{i:02d}.txt")
        shutil.copy(GOOD, path)
        paths.append(str(path))
    real = batch.process

    def crashing(path, max_bytes):
        if path.endswith("crash.txt"):
            os._exit(3)  # a worker killed mid-article (out of memory, a crash in C code ...)
        return real(path, max_bytes)

    monkeypatch.setattr(batch, "process", crashing)
    outcomes = list(batch.run(paths, jobs=2))
    assert [o.path for o in outcomes] == paths
    assert [o.failed for o in outcomes] == [p.endswith("crash.txt") for p in paths]
    assert "the worker process died while reading this input" in outcomes[17].result.error


def test_output_into_a_closed_pipe_stops_quietly(tmp_path):
    for i in range(60):
        shutil.copy(GOOD, tmp_path / f"a-{i:03d}.txt")
    command = [sys.executable, "-m", "borderminutes", "extract", str(tmp_path), "--jobs", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert json.loads(first)["error"] is None
    assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr
