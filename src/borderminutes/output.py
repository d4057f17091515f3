"""Writers: pretty JSON, JSON Lines, and atomic one-file-per-article output."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .models import ArticleResult

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType
    from typing import Any, TypeAlias

    # What ``signal.getsignal`` returns for a handler installed from Python or a default (not None).
    _Handler: TypeAlias = Callable[[int, FrameType | None], Any] | int | signal.Handlers


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

    In the main thread the handlers are swapped for one that only notes the signal: blocking it
    there would not do, since the process takes a signal in any thread that does not block it (the
    worker pool's), and Python then runs the handler in the main thread wherever that is. A handler
    installed outside Python cannot be put back, so its signal is blocked instead; so are both in
    another thread (where Python runs no handler), where the platform allows."""
    held = (signal.SIGINT, signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread():
        with _blocked(held):
            yield
        return
    noted: list[int] = []
    swapped: list[tuple[int, _Handler]] = []

    def note(signum, frame) -> None:
        noted.append(signum)

    try:
        with _blocked(tuple(sig for sig in held if signal.getsignal(sig) is None)):
            for sig in held:
                previous = signal.getsignal(sig)
                if previous is not None:
                    swapped.append((sig, previous))  # first: a pending signal may run its handler, which may raise
                    signal.signal(sig, note)
            yield
    finally:
        _restore(swapped)
        for signum in sorted(set(noted), key=lambda sig: sig != signal.SIGTERM):  # SIGTERM, the stronger, first
            signal.raise_signal(signum)


def _restore(swapped: list[tuple[int, _Handler]]) -> None:
    """Put every handler back, even when one of them runs (a signal that came in between) and raises;
    the first such exception is raised once all are back."""
    raised: BaseException | None = None
    for sig, handler in reversed(swapped):
        while True:
            try:
                signal.signal(sig, handler)
                break
            except BaseException as exc:  # raised by a handler run before the swap: swap again
                raised = raised or exc
    if raised is not None:
        raise raised


@contextlib.contextmanager
def _blocked(signals: tuple[int, ...]):
    """Block ``signals`` in this thread for the duration, where the platform allows."""
    if not signals or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def out_name(path: str | None, taken: set[str]) -> str:
    """``<stem>.json`` for an input, made unique within one run."""
    stem = Path(path).stem if path and path != "-" else "stdin"
    name, n = f"{stem}.json", 1
    while name in taken:
        n += 1
        name = f"{stem}~{n}.json"
    taken.add(name)
    return name
