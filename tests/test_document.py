"""Reading: encodings, normalization, and clear errors for bad bytes."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from borderminutes.document import InputError, from_bytes, normalize
from borderminutes.patterns import scan_view

TEXT = "Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà\r\nSáng 22/5 đã diễn ra hội đàm.\r"


@pytest.mark.parametrize("raw", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
])
def test_decodes_utf8_and_utf16_with_bom(raw):
    doc = from_bytes(raw, "a.txt")
    assert doc.text == "Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà\nSáng 22/5 đã diễn ra hội đàm.\n"


def test_nfd_input_becomes_nfc():
    doc = from_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-8"))
    assert doc.text == normalize(TEXT)
    assert unicodedata.is_normalized("NFC", doc.text)


def test_sha256_is_of_raw_bytes():
    import hashlib

    raw = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    assert from_bytes(raw).sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("raw,words", [
    (b"", "empty"),
    (b"  \n\t \r\n", "empty"),
    (b"abc\x00\x01\x02", "binary"),
    ("Rencontre à la frontière".encode("latin-1"), "not valid UTF-8"),
    (b"\xff\xfe\x00", "not valid UTF-16"),
])
def test_bad_bytes_give_a_clear_error_naming_the_file(raw, words):
    with pytest.raises(InputError) as err:
        from_bytes(raw, "bad/file.txt")
    assert "bad/file.txt" in str(err.value)
    assert words in str(err.value)


def test_odd_spaces_become_spaces_without_moving_offsets():
    text = "Phó\u00a0Chủ tịch\u2009UBND\u200btỉnh\ufeffLào Cai"
    scan = scan_view(text)
    assert len(scan) == len(text)
    assert scan == "Phó Chủ tịch UBND tỉnh Lào Cai"
