"""Many inputs in, one outcome per input out, in order: the engine behind the CLI.

Every input yields exactly one ``Outcome``, failed or not, so that a bad file
never stops a batch or loses another file's record. Work runs in worker
processes when asked; results come back in input order.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .document import InputError, from_bytes
from .models import ArticleResult, Source

STDIN = "-"
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Outcome:
    path: str | None
    result: ArticleResult

    @property
    def failed(self) -> bool:
        return self.result.error is not None


def expand_inputs(args: Iterable[str], glob: str = "*.txt") -> list[str]:
    """Files named, and files under folders named (recursively, matching ``glob``), in sorted path order.

    A name that does not exist stays in the list: it fails later with its own error line.
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
    """Files under ``folder`` matching ``glob``; symlink loops and unreadable folders are skipped."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
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


def error_result(path: str | None, message: str, sha256: str | None = None) -> ArticleResult:
    return ArticleResult(source=Source(path=None if path == STDIN else path, sha256=sha256),
                         meeting=None, error=message)


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of one input, refusing anything larger than ``max_bytes``."""
    if path == STDIN:
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with open(path, "rb") as fh:
                raw = fh.read(max_bytes + 1)
        except IsADirectoryError:
            raise InputError(f"{path}: is a folder, not an article") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        name = "<stdin>" if path == STDIN else path
        raise InputError(f"{name}: larger than --max-bytes ({max_bytes:,} bytes); not processed")
    return raw


def process(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """One input to one Outcome; never raises for bad input."""
    from .pipeline import extract_document

    shown = None if path == STDIN else path
    try:
        raw = read_input(path, max_bytes)
        return Outcome(path, extract_document(from_bytes(raw, shown)))
    except InputError as exc:
        return Outcome(path, error_result(path, str(exc)))
    except Exception as exc:  # a bug must not take the batch down: report it on this input's line
        name = "<stdin>" if path == STDIN else path
        return Outcome(path, error_result(path, f"{name}: internal error: {type(exc).__name__}: {exc}"))


def _process_star(args: tuple[str, int]) -> Outcome:
    return process(*args)


def run(paths: list[str], jobs: int = 1, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs`` > 1 spreads the work over worker processes."""
    work = [(p, max_bytes) for p in paths]
    if jobs <= 1 or len(paths) <= 1 or STDIN in paths:
        for item in work:
            yield _process_star(item)
        return
    chunk = max(1, min(64, len(paths) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            yield from pool.map(_process_star, work, chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
