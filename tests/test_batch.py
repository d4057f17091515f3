"""Outcomes cross process boundaries as JSON lines and come back as the same record."""

from __future__ import annotations

import pickle
import threading

from borderminutes import batch
from borderminutes.models import ArticleResult

from conftest import SAMPLES


def test_an_outcome_travels_as_its_json_line_and_parses_back_to_the_same_record():
    path = str(SAMPLES / "laocai-honghe-talks-2023.txt")
    outcome = batch.process(path)
    travelled = pickle.loads(pickle.dumps(outcome))
    assert travelled._result is None  # not parsed until asked for
    assert travelled.line == outcome.line == outcome.result.model_dump_json()
    assert (travelled.path, travelled.error, travelled.warnings) == (outcome.path, None, outcome.warnings)
    assert travelled.result == outcome.result
    assert isinstance(travelled.result, ArticleResult)


def test_a_failed_outcome_keeps_its_error_across_processes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    travelled = pickle.loads(pickle.dumps(batch.process(str(empty))))
    assert travelled.failed and travelled.error == f"{empty}: empty article (no text)"
    assert travelled.result.error == travelled.error


def test_a_batch_keeps_long_lived_objects_out_of_the_collectors_sight_and_a_single_call_does_not(monkeypatch):
    frozen: list[int] = []
    monkeypatch.setattr(batch, "_frozen_in", None)
    monkeypatch.setattr(batch.gc, "freeze", lambda: frozen.append(1))
    batch.process(str(SAMPLES / "laocai-honghe-talks-2023.txt"))
    assert not frozen  # the library's own calls leave the caller's heap alone
    paths = [str(SAMPLES / "laocai-honghe-talks-2023.txt")] * 3
    assert len(list(batch.run(paths, jobs=1))) == 3
    assert frozen == [1]  # once per process, after its first input


def _pool_stopped_when(consume) -> bool:
    """Whether a pooled batch leaves no thread running once ``consume`` has read from it and closed it
    (a pool thread still running at exit races the interpreter's shutdown: "Bad file descriptor")."""
    paths = [str(p) for p in sorted(SAMPLES.glob("*.txt"))[:6]]
    before = threading.active_count()
    outcomes = batch.run(paths, jobs=2)
    try:
        consume(paths, outcomes)
    finally:
        outcomes.close()
    return threading.active_count() == before


def test_a_batch_read_to_its_end_stops_its_pool():
    assert _pool_stopped_when(lambda paths, outcomes: list(zip(paths, outcomes, strict=True)))


def test_a_batch_left_early_stops_its_pool_too():
    assert _pool_stopped_when(lambda paths, outcomes: next(outcomes))
