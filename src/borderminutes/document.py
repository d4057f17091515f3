"""Reading: bytes to the normalized article text that every offset refers to.

Normalization is NFC plus ``\\r\\n``/``\\r`` -> ``\\n`` (SCHEMA.md). Odd spaces
(NBSP, thin space, zero-width space, BOM) and look-alike letters ("Ð" for "Đ") stay
in the text so offsets keep pointing at what the page printed; patterns and values
read them as spaces and Vietnamese letters (``patterns.scan_view``).

Decoding, in this order:

1. a byte-order mark decides (UTF-8, UTF-16);
2. NUL bytes mean binary data (or UTF-16 without a BOM): refused;
3. UTF-8; a character cut off at the very end (a download truncated mid-character)
   is dropped with a note;
4. a legacy code page, only when charset-normalizer finds one that decodes without
   mess AND the result reads as Vietnamese (``looks_vietnamese``): a page saved as
   Windows-1258 decodes, with a note. A latin-1 French page is refused with a clear
   error rather than decoded: the tool reads Vietnamese, and a record built on a
   guessed encoding of another language would only hide the problem.

Reading never takes more than ``max_bytes + 1`` bytes into memory (a regular file
larger than the limit is refused without being read), and never blocks on a named
pipe that nobody writes to: such a pipe reads as empty. A pipe with its writer
attached (``<(command)``, stdin) is read to its end.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


DEFAULT_MAX_BYTES = 5_000_000

# Letters only Vietnamese uses among Latin-script languages: ă â đ ê ô ơ ư and the tone-marked
# vowels, minus those that French, Spanish or Portuguese also print (à á â ã è é ê ì í ò ó ô õ ù ú ý).
_VIETNAMESE_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_VIETNAMESE_MARKED = frozenset(_VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper())
_SHARED_WITH_ROMANCE = "àáâãèéêìíòóôõùúý"
_VIETNAMESE_ONLY = _VIETNAMESE_MARKED - frozenset(_SHARED_WITH_ROMANCE + _SHARED_WITH_ROMANCE.upper())
# Vietnamese news prints these letters in about 15-25% of its letters; other languages in none.
MIN_VIETNAMESE_SHARE = 0.05
# Letters outside the Vietnamese alphabet (ç, ñ, ß, mojibake such as "Ä", Chinese characters):
# a few are names; more means another language or a wrong decoding.
MAX_FOREIGN_SHARE = 0.10
LANGUAGE_SAMPLE_CHARS = 3_000  # a few paragraphs tell the language as surely as the whole page
# charset-normalizer's "chaos" (0 = clean text): above this its guess is not reliable.
MAX_CHAOS = 0.1


_SURROGATES_TO_REPLACEMENT = {code: 0xFFFD for code in range(0xD800, 0xE000)}


class InputError(Exception):
    """An input that cannot be turned into article text; the message names the file."""


@dataclass(frozen=True)
class Document:
    text: str  # normalized: NFC, "\n" line ends
    sha256: str  # of the raw bytes
    path: str | None = None  # as given; None for stdin or a string
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what decoding had to guess or drop; they become warnings


def normalize(text: str) -> str:
    """NFC and Unix line ends; the canonical text for all offsets.

    A lone surrogate (only possible in a Python string, never in decoded bytes) becomes
    U+FFFD, one code point for one, so the text can always be written as UTF-8 JSON.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_surrogate(text):
        text = text.translate(_SURROGATES_TO_REPLACEMENT)
    return unicodedata.normalize("NFC", text)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def looks_vietnamese(text: str) -> bool:
    """Whether ``text`` (NFC) reads as Vietnamese: enough Vietnamese-only letters, few foreign ones.

    The first LANGUAGE_SAMPLE_CHARS characters are enough to tell, and keep the cost bounded.
    One count of each character (a C loop) and a walk over the few distinct characters is
    several times cheaper than filtering the letters out of the text.
    """
    letters = vietnamese = foreign = 0
    for char, count in Counter(text[:LANGUAGE_SAMPLE_CHARS]).items():
        if not char.isalpha():  # str.isalpha is Unicode category L, as \p{L}
            continue
        letters += count
        if char in _VIETNAMESE_ONLY:
            vietnamese += count
        elif not char.isascii() and char not in _VIETNAMESE_MARKED:
            foreign += count
    if not letters:
        return False
    return vietnamese >= MIN_VIETNAMESE_SHARE * letters and foreign <= MAX_FOREIGN_SHARE * letters


def decode(raw: bytes, name: str = "<input>") -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, notes) of ``raw``; an InputError when no decoding can be trusted."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig", ()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", name), "utf-16", ()
    if b"\x00" in raw:
        raise InputError(f"{name}: binary data (NUL bytes; or UTF-16 without a byte-order mark), not a text article")
    try:
        return raw.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        if exc.end == len(raw) and exc.reason == "unexpected end of data":
            dropped = len(raw) - exc.start
            return raw[:exc.start].decode("utf-8"), "utf-8", (
                f"input ends inside a UTF-8 character (truncated?): dropped its last {dropped} byte(s)",)
        problem = _utf8_problem(raw, exc)
    return _legacy(raw, name, problem)


def _utf8_problem(raw: bytes, exc: UnicodeDecodeError) -> str:
    return f"not valid UTF-8 (byte 0x{raw[exc.start:exc.start + 1].hex()} at offset {exc.start})"


def _legacy(raw: bytes, name: str, problem: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode with the code page charset-normalizer finds, when that is reliable and reads as Vietnamese."""
    from charset_normalizer import from_bytes as detect  # imported on first use: only legacy pages need it

    best = detect(raw).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(f"{name}: {problem}, and no legacy encoding fits reliably; save the article as UTF-8")
    text = str(best)
    if not looks_vietnamese(unicodedata.normalize("NFC", text)):
        raise InputError(
            f"{name}: {problem}; as {best.encoding} it does not read as Vietnamese, so it was not decoded; "
            "save the article as UTF-8"
        )
    return text, best.encoding, (f"{problem}: decoded as {best.encoding} (detected); check the text",)


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1].hex()
        raise InputError(
            f"{name}: not valid {encoding.upper()} (byte 0x{bad} at offset {exc.start}); "
            "save the article as UTF-8"
        ) from None


def from_bytes(raw: bytes, path: str | None = None) -> Document:
    name = path if path is not None else "<stdin>"
    text, encoding, notes = decode(raw, name)
    text = normalize(text)
    if not text.strip():
        raise InputError(f"{name}: empty article (no text)")
    return Document(text=text, sha256=hashlib.sha256(raw).hexdigest(), path=path, encoding=encoding, notes=notes)


def from_text(text: str, path: str | None = None) -> Document:
    """A Document from an already decoded string (the library API's ``extract_text``)."""
    raw = text.encode("utf-8", "surrogatepass")
    return Document(text=normalize(text), sha256=hashlib.sha256(raw).hexdigest(), path=path)


def display_path(path: str) -> str:
    """``path`` as it can be printed and written to JSON: undecodable file-name bytes become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one file, refusing it when larger than ``max_bytes``; reads at most ``max_bytes + 1``."""
    name = display_path(str(path))
    try:
        # O_NONBLOCK: opening a named pipe that nobody writes to must not hang the batch.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        what = "broken symbolic link (its target does not exist)" if os.path.islink(path) else "no such file"
        raise InputError(f"{name}: {what}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({_reason(exc)})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a folder, not an article")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(_too_large(name, max_bytes, info.st_size))
        if not stat.S_ISREG(info.st_mode):
            _blocking(fd)  # a pipe with a writer (e.g. `<(curl ...)`) is read to its end
        try:
            raw = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({_reason(exc)})") from None
    if len(raw) > max_bytes:
        raise InputError(_too_large(name, max_bytes))
    return raw


def _blocking(fd: int) -> None:
    set_blocking = getattr(os, "set_blocking", None)  # absent on Windows before Python 3.12
    if set_blocking is not None:
        try:
            set_blocking(fd, True)
        except OSError:
            pass


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _too_large(name: str, max_bytes: int, size: int | None = None) -> str:
    found = f"{size:,} bytes" if size is not None else "more bytes"
    return f"{name}: {found} is larger than the limit of {max_bytes:,} bytes (--max-bytes); not processed"


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return from_bytes(read_bytes(path, max_bytes), display_path(str(path)))
