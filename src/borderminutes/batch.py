"""Many inputs in, one outcome per input out, in order: the engine behind the CLI.

Every input yields exactly one ``Outcome``, failed or not, so that a bad file
never stops a batch or loses another file's record. Work runs in worker
processes when asked; results come back in input order. Workers ignore Ctrl-C:
the main process decides how to stop (finish what runs, cancel the rest). A
worker that dies (killed, or crashed by an input) costs only the input that
killed it: the rest of the batch goes on one input at a time.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Generator, Iterable, Iterator

from .document import DEFAULT_MAX_BYTES, InputError, display_path, from_bytes, read_bytes
from .models import ArticleResult, Source
from .output import to_json

STDIN = "-"
MAX_CHUNK = 16  # inputs handed to a worker at once (a few tens of milliseconds of work)


class Outcome:
    """One input's record. Between processes it travels as its compact JSON line (a string pickles
    some 20x faster than the model), and the model is parsed back only for whoever asks for
    ``result``: JSON Lines output never needs it."""

    __slots__ = ("path", "_result", "_line", "error", "warnings")

    def __init__(self, path: str | None, result: ArticleResult) -> None:
        self.path = path
        self._result: ArticleResult | None = result
        self._line: str | None = None
        self.error = result.error
        self.warnings = tuple(result.warnings)

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def result(self) -> ArticleResult:
        if self._result is None:
            assert self._line is not None  # an Outcome holds its model, its line or both
            self._result = ArticleResult.model_validate_json(self._line)
        return self._result

    @property
    def line(self) -> str:
        """The record as one line of JSON (JSON Lines)."""
        if self._line is None:
            assert self._result is not None  # an Outcome holds its model, its line or both
            self._line = to_json(self._result)
        return self._line

    def __reduce__(self):
        return _outcome_from_line, (self.path, self.line, self.error, self.warnings)


def _outcome_from_line(path: str | None, line: str, error: str | None, warnings: tuple[str, ...]) -> Outcome:
    outcome = Outcome.__new__(Outcome)
    outcome.path, outcome._result, outcome._line, outcome.error, outcome.warnings = path, None, line, error, warnings
    return outcome


def expand_inputs(args: Iterable[str], glob: str = "*.txt") -> list[str]:
    """Files named, and files under folders named (recursively, matching ``glob``), in sorted path order.

    A name that does not exist stays in the list: it fails later with its own error line. So does
    a folder that cannot be listed, and a broken or looping symbolic link that matches ``glob``.
    """
    found: list[str] = []
    for arg in args:
        if arg == STDIN:
            found.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            found.extend(str(p) for p in _walk(path, glob))
        else:
            found.append(arg)
    return sorted(found, key=lambda p: (p == STDIN, p))


def _walk(folder: Path, glob: str) -> Iterator[Path]:
    """Files under ``folder`` matching ``glob``; a folder reached twice (a symlink loop) is walked once."""
    seen: set[tuple[int, int]] = set()
    unlisted: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=lambda exc: unlisted.append(Path(exc.filename))):
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in files:
            candidate = Path(root) / name
            if candidate.match(glob):
                yield candidate
    yield from unlisted  # each gets its own error line


def error_result(path: str | None, message: str, sha256: str | None = None) -> ArticleResult:
    shown = None if path in (None, STDIN) else display_path(path)
    return ArticleResult(source=Source(path=shown, sha256=sha256), meeting=None, error=message)


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of one input, refusing anything larger than ``max_bytes`` (never reading more than one byte past it)."""
    if path != STDIN:
        return read_bytes(path, max_bytes)
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError(f"<stdin>: more than the limit of {max_bytes:,} bytes (--max-bytes); not processed")
    return raw


def process(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """One input to one Outcome; never raises for bad input."""
    from .pipeline import extract_document

    shown = None if path == STDIN else display_path(path)
    try:
        raw = read_input(path, max_bytes)
        return Outcome(path, extract_document(from_bytes(raw, shown)))
    except InputError as exc:
        return Outcome(path, error_result(path, str(exc)))
    except Exception as exc:  # a bug must not take the batch down: report it on this input's line
        return Outcome(path, error_result(path, f"{shown or '<stdin>'}: internal error: {type(exc).__name__}: {exc}"))


_frozen_in: int | None = None  # the process whose long-lived objects are frozen


def _freeze_long_lived_objects() -> None:
    """After a batch's first input in a process, move what the process has built (compiled patterns,
    word tables) out of the garbage collector's sight: they live as long as the process, and every
    full collection would walk them again (tens of milliseconds, every few hundred articles). Only
    batches do this: a library caller's heap is not ours to freeze."""
    global _frozen_in
    if _frozen_in != os.getpid():
        _frozen_in = os.getpid()
        gc.collect()
        gc.freeze()


def _process_star(args: tuple[str, int]) -> Outcome:
    """One input of a batch (in this process or a worker)."""
    outcome = process(*args)
    _freeze_long_lived_objects()
    return outcome


def _ignore_interrupts() -> None:
    """Worker start-up: Ctrl-C is for the main process, which stops the batch in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run(paths: list[str], jobs: int = 1, max_bytes: int = DEFAULT_MAX_BYTES) -> Generator[Outcome, None, None]:
    """Outcomes in input order; ``jobs`` > 1 spreads the work over worker processes."""
    work = [(p, max_bytes) for p in paths]
    if jobs <= 1 or len(paths) <= 1 or STDIN in paths:
        yield from map(_process_star, work)
        return
    # Inputs go to workers in chunks: large enough to keep the hand-over cheap, small enough that the
    # last chunk (one worker busy, the others done) stays short.
    chunk = min(MAX_CHUNK, len(paths) // (jobs * 8) or 1)
    done = yield from _pooled(work, jobs, chunk)
    while done < len(work):  # a worker died: one worker, one input at a time, so the input that kills it is known
        done += yield from _pooled(work[done:], 1, 1)
        if done < len(work):
            path = work[done][0]
            message = f"{display_path(path)}: the worker process died while reading this input (crashed or killed)"
            yield Outcome(path, error_result(path, message))
            done += 1


def _pooled(work: list[tuple[str, int]], workers: int, chunksize: int) -> Generator[Outcome, None, int]:
    """Outcomes from a pool of worker processes until the work is done or the pool breaks; returns how many."""
    count = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts) as pool:
        try:
            for outcome in pool.map(_process_star, work, chunksize=chunksize):
                yield outcome
                count += 1
        except BrokenProcessPool:
            pass
        except BaseException:  # Ctrl-C, or the consumer stopped: cancel what has not started, finish what runs
            pool.shutdown(wait=True, cancel_futures=True)  # (not waiting leaves the pool's thread racing exit)
            raise
    return count
