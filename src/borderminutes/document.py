"""Reading: bytes to the normalized article text that every offset refers to.

Normalization is NFC plus ``\\r\\n``/``\\r`` -> ``\\n`` (SCHEMA.md). Odd spaces
(NBSP, thin space, zero-width space, BOM) stay in the text so offsets keep
pointing at what the page printed; patterns treat them as spaces (see
``patterns.SPACE``).
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """An input that cannot be turned into article text; the message names the file."""


@dataclass(frozen=True)
class Document:
    text: str  # normalized: NFC, "\n" line ends
    sha256: str  # of the raw bytes
    path: str | None = None  # as given; None for stdin or a string
    encoding: str = "utf-8"


def normalize(text: str) -> str:
    """NFC and Unix line ends; the canonical text for all offsets."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(raw: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode UTF-8 (BOM or not) or UTF-16 with a BOM; anything else is an InputError."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", name), "utf-16"
    if b"\x00" in raw:
        raise InputError(f"{name}: binary data (NUL bytes), not a text article")
    return _strict(raw, "utf-8", name), "utf-8"


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
    text, encoding = decode(raw, name)
    text = normalize(text)
    if not text.strip():
        raise InputError(f"{name}: empty article (no text)")
    return Document(text=text, sha256=hashlib.sha256(raw).hexdigest(), path=path, encoding=encoding)


def from_text(text: str, path: str | None = None) -> Document:
    """A Document from an already decoded string (the library API's ``extract_text``)."""
    return Document(
        text=normalize(text), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), path=path
    )


def read_file(path: str | Path) -> Document:
    path_str = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path_str}: cannot read ({exc.strerror or exc})") from None
    return from_bytes(raw, path_str)
