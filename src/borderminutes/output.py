"""Writers: pretty JSON, JSON Lines, and atomic one-file-per-article output."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from pathlib import Path

from .models import ArticleResult


def to_json(result: ArticleResult, pretty: bool = False) -> str:
    return result.model_dump_json(indent=1 if pretty else None)


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` so that readers only ever see a complete file.

    A temporary file in the same folder, then ``os.replace``; Ctrl-C waits until the
    write is over, so an interrupted batch leaves whole files and no temporary ones.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with _interrupts_deferred():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _interrupts_deferred():
    """Hold SIGINT and SIGTERM back for the duration; one that comes meanwhile acts after it.

    In the main thread the handlers are swapped for ones that only note the signal: blocking it
    there would not do, since the process takes a signal in any thread that does not block it (the
    worker pool's), and Python then runs the handler in the main thread wherever that is. Another
    thread (where Python runs no handler) blocks the signals, where the platform allows."""
    held = (signal.SIGINT, signal.SIGTERM)
    if threading.current_thread() is threading.main_thread():
        noted: list[int] = []
        previous = [(sig, signal.signal(sig, lambda signum, frame: noted.append(signum))) for sig in held]
        try:
            yield
        finally:
            for sig, handler in previous:
                signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
            if noted:
                signal.raise_signal(noted[0])
    elif hasattr(signal, "pthread_sigmask"):
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    else:
        yield


def out_name(path: str | None, taken: set[str]) -> str:
    """``<stem>.json`` for an input, made unique within one run."""
    stem = Path(path).stem if path and path != "-" else "stdin"
    name, n = f"{stem}.json", 1
    while name in taken:
        n += 1
        name = f"{stem}~{n}.json"
    taken.add(name)
    return name
