"""Reading: encodings, normalization, and clear errors for bad bytes."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from borderminutes.document import LANGUAGE_SAMPLE_CHARS, InputError, from_bytes, looks_vietnamese, normalize
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


@pytest.mark.parametrize("text, expected", [
    ("Sáng 22/5, đoàn công tác tỉnh Lào Cai hội đàm với châu Hồng Hà về hợp tác biên giới.", True),
    ("THÔNG BÁO KẾT QUẢ HỘI ĐÀM GIỮA HAI TỈNH", True),
    ("La délégation française a été reçue à Hanoï par le ministre.", False),
    ("The delegation held talks with the provincial leaders on border trade.", False),
    ("老街省与红河州举行会谈 Lào Cai", False),  # mostly Chinese characters: foreign letters
    ("12/5/2023 – 14:30 …", False),  # no letters at all
])
def test_looks_vietnamese(text, expected):
    assert looks_vietnamese(text) is expected


def test_looks_vietnamese_reads_only_the_first_sample_characters():
    french = "La délégation a été reçue par le ministre des affaires étrangères. " * 60
    vietnamese = "Đoàn công tác của tỉnh đã hội đàm với lãnh đạo châu bạn về các nội dung hợp tác. " * 60
    assert len(french) > LANGUAGE_SAMPLE_CHARS
    assert not looks_vietnamese(french + vietnamese)
    assert looks_vietnamese(vietnamese + french)
