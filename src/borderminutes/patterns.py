"""Pattern data from ``patterns/``: loaded once, compiled once, cached.

Language knowledge lives in YAML files (marker phrases, gazetteer, titles, gate
list, topic words), the way dateparser and Duckling keep it as data per
language. Code asks for a file by name and compiles phrase lists with
``phrases()``. No input may hang the tool: where the pipeline's alarm bounds each
field (the main thread of a POSIX process) that is the limit; elsewhere every
match runs with ``TIMEOUT`` (a timeout becomes a warning in the pipeline). The
per-call timeout is not free (a few microseconds a call, hundreds of calls an
article), which is why the alarm replaces it where it can. There too the standard
library's ``re`` runs the patterns it reads alike (``compile_``): word lists
are scanned several times faster.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import signal
import time
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import regex
import yaml

# A compiled pattern: ``regex``'s, or ``re``'s where ``compile_`` could use it.
Pattern = re.Pattern | regex.Pattern
Match = re.Match | regex.Match

TIMEOUT = 1.0  # seconds for any single regex call on one article, where no alarm bounds the field

_bounded_elsewhere: contextvars.ContextVar[bool] = contextvars.ContextVar("regex_bounded_elsewhere", default=False)
_in_one_time_load: contextvars.ContextVar[bool] = contextvars.ContextVar("in_one_time_load", default=False)
_one_time_load_seconds: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar(
    "one_time_load_seconds", default=None)


def timeout() -> float | None:
    """The timeout every regex call passes: TIMEOUT, or None inside ``bounded_elsewhere()``."""
    return None if _bounded_elsewhere.get() else TIMEOUT


class bounded_elsewhere:
    """Inside the block something else (the pipeline's alarm) bounds the time: calls run without a
    timeout. (A class rather than a generator: it is entered for every field of every article.)"""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _bounded_elsewhere.set(True)

    def __exit__(self, *exc) -> None:
        _bounded_elsewhere.reset(self._token)


@contextlib.contextmanager
def one_time_load():
    """Around what a process loads once and keeps (a compiled pattern, a word list, a model): that is
    not the work of the article being read, which only happens to need it first. So the field's alarm
    stops while it runs (on a slow or busy machine the first article must not lose a field to it) and
    the seconds are counted (``counting_one_time_loads``), for the article's budget to leave out."""
    if _in_one_time_load.get():
        yield
        return
    paused = signal.setitimer(signal.ITIMER_REAL, 0)[0] if _bounded_elsewhere.get() else 0.0
    started = time.monotonic()
    try:
        _in_one_time_load.set(True)
        yield
    finally:
        _in_one_time_load.set(False)
        spent = _one_time_load_seconds.get()
        if spent is not None:
            spent[0] += time.monotonic() - started
        if paused:
            signal.setitimer(signal.ITIMER_REAL, paused)


@contextlib.contextmanager
def counting_one_time_loads():
    """Inside the block (one article), ``one_time_load_seconds`` is the time spent in ``one_time_load``
    since the block began, in this thread or task only."""
    token = _one_time_load_seconds.set([0.0])
    try:
        yield
    finally:
        _one_time_load_seconds.reset(token)


def one_time_load_seconds() -> float:
    """Seconds spent in ``one_time_load`` inside the current ``counting_one_time_loads`` block (0 outside)."""
    spent = _one_time_load_seconds.get()
    return spent[0] if spent is not None else 0.0


# Code points that patterns must see as plain spaces; each maps to one space so offsets never move.
ODD_SPACES = "\u00a0\u2007\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\t"
_ODD_SPACE = regex.compile(f"[{ODD_SPACES}]")  # a one-class substitution is ~15x faster than str.translate here

# Capital letters, for use inside a character class ("[{UPPER}]"). A code-point range such as
# "Ạ-Ỹ" would not do: Vietnamese capitals and small letters alternate in that block.
UPPER = r"\p{Lu}"
LOWER = r"\p{Ll}"


# Letters printed for Vietnamese ones by old-encoding converters: the Icelandic eth for "đ" ("Ðoàn",
# "ÐBP"). Patterns and values read the Vietnamese letter; evidence keeps the printed one.
LOOKALIKE_LETTERS = {"Ð": "Đ", "ð": "đ"}


# Runs of asterisks that scrapers leave of bold text ("**LCĐT - Sáng 18.9, ...**"): read as spaces.
_BOLD_MARKS = re.compile(r"\*{2,}")


def scan_view(text: str) -> str:
    """``text`` with odd spaces and the bold marks of scrapers turned into " " and look-alike letters
    into the Vietnamese ones (``LOOKALIKE_LETTERS``): same length, so offsets carry over 1:1."""
    scan = _ODD_SPACE.sub(" ", text)
    for printed, letter in LOOKALIKE_LETTERS.items():
        if printed in scan:
            scan = scan.replace(printed, letter)
    if "**" in scan:
        scan = _BOLD_MARKS.sub(lambda m: " " * len(m.group()), scan)
    return scan


def data_dir() -> Path:
    """The pattern folder: inside the installed package, else the source checkout's ``patterns/``."""
    packaged = resources.files("borderminutes") / "patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


@functools.cache
def load(name: str) -> Any:
    """The parsed YAML file ``patterns/<name>.yaml``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with one_time_load(), open(data_dir() / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def phrase_source(phrase: str) -> str:
    """A regex source for ``phrase`` where any run of spaces matches any run of spaces."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def phrases(items: Iterable[str], *, ignore_case: bool = True, whole_words: bool = True) -> Pattern:
    """One compiled alternation of phrases in which the most complete phrase wins (run it
    through ``search``, ``match``, ``finditer`` and ``fullmatch``).

    The phrases are folded into a trie ("Phó Chủ tịch", "Phó Chủ nhiệm" ->
    "Phó\\s+Chủ\\s+(?:nhiệm|tịch)"), so matching costs one pass per position instead of
    one try per phrase: word lists run to hundreds of entries.
    """
    return compile_(phrases_source(items, ignore_case=ignore_case, whole_words=whole_words), ignore_case=ignore_case)


def phrases_source(items: Iterable[str], *, ignore_case: bool = True, whole_words: bool = True) -> str:
    """The source ``phrases()`` compiles, to write into a larger pattern: compiling a list only to
    read its source back cost a third of all compile time at start-up. With ``ignore_case`` the
    trie is case-folded, so the larger pattern must ignore case around it too."""
    cleaned = frozenset(i.strip() for i in items if i and i.strip())
    body = _trie_source(cleaned, fold=ignore_case) or r"(?!)"
    if whole_words:
        body = rf"{word_start(cleaned)}(?:{body})(?!\w)"
    return body


_WORD_CHAR = regex.compile(r"\w", regex.V1 | regex.UNICODE)


def word_start(items: Iterable[str]) -> str:
    """What must precede a whole word from ``items``: "(?<!\\w)". When every item starts with a word
    character this is the same as "\\b" there, which the regex module tries up to twice as fast."""
    return r"\b" if all(_WORD_CHAR.match(item) for item in items) else r"(?<!\w)"


@functools.cache  # several patterns write out the same word list
def _trie_source(items: frozenset[str], *, fold: bool) -> str:
    """A regex source matching any of ``items``; greedy at every branch, so longer phrases win."""
    trie: dict = {}
    for phrase in items:
        node = trie
        for unit in _units(phrase):
            node = node.setdefault(unit.casefold() if fold else unit, {})
        node[""] = {}
    return _node_source(trie)


def _units(phrase: str) -> list[str]:
    """Characters of ``phrase``, with each run of spaces as one " " unit."""
    units: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            units.append(" ")
        units.extend(word)
    return units


_escape = functools.cache(regex.escape)  # one character at a time: the same few hundred, thousands of times


def _node_source(node: dict) -> str:
    branches = [(r"\s+" if unit == " " else _escape(unit)) + _node_source(child)
                for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: what follows is optional, tried first (greedy)
        return f"(?:{body})?"
    return body


# Simple case folding, for every pattern. Vietnamese letters fold one to one; the full folding that
# V1 turns on with IGNORECASE or "(?i:...)" (for "ß" = "ss" and the like) makes the patterns of the
# first article take twice as long to compile, for nothing.
SIMPLE_CASE = "(?-f)"


def compile_regex(source: str, *, ignore_case: bool = False, multiline: bool = False,
                  reverse: bool = False) -> regex.Pattern:
    """``source`` compiled by ``regex``, for calls of its own (``sub``, ``split``, partial matches,
    ``captures``) or where ``compile_`` would not do. ``reverse``: searches run from the end of the
    span backwards (for patterns anchored at its end)."""
    flags = regex.V1 | regex.UNICODE
    source = SIMPLE_CASE + source  # also for the "(?i:...)" groups inside a case-sensitive pattern
    if ignore_case:
        flags |= regex.IGNORECASE
    if multiline:
        flags |= regex.MULTILINE
    if reverse:
        flags |= regex.REVERSE
    with one_time_load():  # every caller keeps what it compiles
        return regex.compile(source, flags)


# The flags a pattern of ``re`` may carry (inline or not) for its twin to be compiled alike.
_TWIN_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def compile_(source: str, *, ignore_case: bool = False, multiline: bool = False,
             reverse: bool = False) -> Pattern:
    """``source`` compiled for ``search``, ``match``, ``finditer`` and ``fullmatch`` below (run it
    only through them, or take ``as_regex`` of it). The standard library's ``re`` compiles it where
    it reads it as ``regex`` does: on word-list tries ``re`` scans two to eight times faster and
    compiles three times faster. ``re`` has no timeout, so outside ``bounded_elsewhere()`` (which
    the pipeline enters under its alarm, on an article whose characters both engines read alike)
    those functions run the pattern's ``regex`` twin with TIMEOUT. Keep what this returns for the
    life of the process (the twin is kept by the pattern's identity).

    ``regex`` compiles what ``re`` refuses (``\\p{..}``, variable-width look-behind, calls by name,
    ``reverse``...), a class it reads otherwise (``_has_set_operations``) and a source with flags
    its twin would not take (``(?a)``). Where both read a source, they part only on some
    characters: ``re`` counts "²", "½" and other non-decimal number signs as word characters,
    ``regex`` combining marks, zero-width joiners, connector signs such as "‿", circled letters and
    the characters of later Unicode versions; ``re``'s ``\\s`` also takes U+001C..U+001F, and
    ignoring case it matches "ı" and "İ" to "i" and "I". ``engines_agree_on`` tells a text without
    any. tests/test_scanners.py holds every such call on the samples to the twin.
    """
    if not reverse and not _has_set_operations(source):
        flags = (re.IGNORECASE if ignore_case else 0) | (re.MULTILINE if multiline else 0)
        try:
            with one_time_load():
                compiled = re.compile(source, flags)
        except re.error:
            compiled = None
        if compiled is not None and not compiled.flags & ~_TWIN_FLAGS:
            return compiled
    return compile_regex(source, ignore_case=ignore_case, multiline=multiline, reverse=reverse)


# An escape, or a character class (with a "]" first taken as a character), in a pattern's source.
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.DOTALL)
_SET_OPERATORS = ("[", "--", "&&", "~~", "||")  # inside a class, to regex (V1)


def _has_set_operations(source: str) -> bool:
    """Whether a character class of ``source`` may hold what ``regex`` (V1) reads as a nested set or
    a set operation and ``re`` as plain characters. (An escaped one counts too: then ``regex``
    compiles a source it need not, which costs only time.)"""
    if "[" not in source:
        return False
    classes = (found.group()[1:] for found in _ESCAPE_OR_CLASS.finditer(source) if found.group()[0] == "[")
    return any(op in inside for inside in classes for op in _SET_OPERATORS)


_twins: dict[int, tuple[re.Pattern, regex.Pattern]] = {}  # id(pattern) -> (pattern, its regex twin)


def as_regex(pattern: Pattern) -> regex.Pattern:
    """``pattern`` as ``regex`` runs it: itself, or the twin of a ``compile_`` pattern that ``re``
    runs (compiled on first use), for a timeout or a feature of ``regex`` only."""
    if type(pattern) is not re.Pattern:
        return pattern
    known = _twins.get(id(pattern))
    if known is None:  # holding the pattern keeps its id from being reused
        twin = compile_regex(pattern.pattern, ignore_case=bool(pattern.flags & re.IGNORECASE),
                             multiline=bool(pattern.flags & re.MULTILINE))
        known = _twins[id(pattern)] = (pattern, twin)
    return known[1]


def engines_agree_on(text: str) -> bool:
    """Whether ``re`` and ``regex`` read every character of ``text`` alike (``\\w``, ``\\s``, ``\\d``,
    case), so that a pattern ``compile_`` handed to ``re`` finds there what its twin finds. The
    pipeline lets ``re`` run patterns only on such articles: a record never depends on the engine."""
    if _unusual_character().search(text) is None:
        return True
    return all(map(_engines_agree_on_character, set(text)))


@functools.lru_cache(maxsize=65536)
def _engines_agree_on_character(char: str) -> bool:
    if char in "ıİ" or not len(char.lower()) == len(char.upper()) == len(char.casefold()) == 1:
        return False  # ignoring case, re matches "ı" and "İ" to "i" and "I"; regex does not
    return all(bool(ours.match(char)) == bool(theirs.match(char)) for ours, theirs in _CLASSES)


_CLASSES = [(re.compile(c), regex.compile(c, regex.V1 | regex.UNICODE)) for c in (r"\w", r"\s", r"\d")]

# Where the characters of Vietnamese news text lie: Latin letters with their marks, punctuation,
# currency signs. Those of them on which the engines agree need no further look.
_USUAL_BLOCKS = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x3000, 0x303F))


@functools.cache
def _unusual_character() -> re.Pattern:
    """A character outside ``_USUAL_BLOCKS`` or one on which the engines part."""
    usual = (chr(cp) for first, last in _USUAL_BLOCKS for cp in range(first, last + 1))
    return re.compile("[^" + "".join(re.escape(c) for c in usual if _engines_agree_on_character(c)) + "]")


def finditer(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``pattern.finditer`` with the shared timeout (as ``search`` and ``match``)."""
    end = len(text) if endpos is None else endpos
    if _bounded_elsewhere.get():  # hundreds of calls an article: the check is inlined in all four
        return pattern.finditer(text, pos, end)
    return as_regex(pattern).finditer(text, pos, end, timeout=TIMEOUT)


def search(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None):
    end = len(text) if endpos is None else endpos
    if _bounded_elsewhere.get():
        return pattern.search(text, pos, end)
    return as_regex(pattern).search(text, pos, end, timeout=TIMEOUT)


def match(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None):
    end = len(text) if endpos is None else endpos
    if _bounded_elsewhere.get():
        return pattern.match(text, pos, end)
    return as_regex(pattern).match(text, pos, end, timeout=TIMEOUT)


def fullmatch(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None):
    end = len(text) if endpos is None else endpos
    if _bounded_elsewhere.get():
        return pattern.fullmatch(text, pos, end)
    return as_regex(pattern).fullmatch(text, pos, end, timeout=TIMEOUT)
