"""Outcomes cross process boundaries as JSON lines and come back as the same record."""

from __future__ import annotations

import pickle

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


def test_after_its_first_input_a_process_keeps_its_long_lived_objects_out_of_the_collectors_sight():
    import gc

    batch.process(str(SAMPLES / "laocai-honghe-talks-2023.txt"))
    assert gc.get_freeze_count() > 10_000  # compiled patterns, word tables: frozen, not walked by every collection
