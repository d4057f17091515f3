"""Property tests: whatever text comes in, a valid record comes out (hypothesis).

Texts: random Unicode (with odd spaces and every kind of line end), word salad from
the samples' own Vietnamese vocabulary, the samples with random insertions,
deletions and case changes, and random bytes. For each: extraction never raises,
the record validates with pydantic AND against the published JSON Schema, and every
evidence slices back to its text; NFD input gives the record of NFC input, CRLF
the record of LF (both minus ``source.sha256``, which is of the raw input), and odd spaces
between words the values of plain spaces.

Bounded for CI: texts stay short and example counts are fixed (1,200 in all, a few
seconds). With ``CI`` set the examples are derandomized (the same every run, no
example database); locally they are random, so every run fuzzes a little more.
"""

from __future__ import annotations

import functools
import json
import os
import random
import unicodedata

import jsonschema
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderminutes import extract_bytes, extract_text
from borderminutes.document import InputError, normalize
from borderminutes.models import ArticleResult, iter_evidence, json_schema

from conftest import SAMPLES, sample_stems



def examples(count: int) -> settings:
    """Hypothesis settings for ``count`` examples, bounded for CI (see the module docstring)."""
    return settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0b", "\x0c", "\x85"]
ODD_SPACES = [" ", "\t", "\u00a0", "\u2009", "\u200b", "\u202f", "\ufeff", "\u3000"]


@functools.cache
def sample_texts() -> list[str]:
    """The samples' first 1,500 characters (as long as a dev article): short texts keep the examples fast."""
    return [(SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")[:1500] for stem in sample_stems()]


@functools.cache
def vocabulary() -> list[str]:
    """Every word and punctuation mark the samples print: enough to trigger every field extractor."""
    return sorted({token for text in sample_texts() for token in regex.findall(r"\w+|[^\w\s]", text)})


@functools.cache
def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


unicode_texts = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(LINE_ENDS), st.sampled_from(ODD_SPACES)), max_size=12
).map("".join)

vietnamese_texts = st.lists(
    st.tuples(st.sampled_from(vocabulary()), st.sampled_from([" "] * 6 + [", ", ". ", "\n", "\n\n", "\u00a0"])),
    max_size=80,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@st.composite
def mutated_samples(draw) -> str:
    """A sample with a few random insertions, deletions and case changes."""
    text = draw(st.sampled_from(sample_texts()))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "upper", "lower", "swapcase"]))
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 300)))
        if kind == "insert":
            text = text[:start] + draw(st.one_of(unicode_texts, st.sampled_from(vocabulary()))) + text[start:]
        elif kind == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:start] + getattr(text[start:end], kind)() + text[end:]
    return text


@st.composite
def corrupted_samples(draw) -> bytes:
    """A sample's UTF-8 bytes with a few random bytes spliced in."""
    raw = draw(mutated_samples()).encode("utf-8")
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]


any_text = st.one_of(unicode_texts, vietnamese_texts, mutated_samples())


def check_record(source_text: str, result: ArticleResult) -> None:
    """The record validates (pydantic and JSON Schema) and every evidence slices back to the text."""
    assert result.error is None
    line = result.model_dump_json()
    assert ArticleResult.model_validate_json(line) == result
    schema_validator().validate(json.loads(line))
    article = normalize(source_text)
    for evidence in iter_evidence(result):
        assert 0 <= evidence.start <= evidence.end <= len(article)
        assert article[evidence.start:evidence.end] == evidence.text


def without_checksum(result: ArticleResult) -> dict:
    record = result.model_dump(mode="json")
    record["source"].pop("sha256")
    return record


@examples(250)
@given(unicode_texts)
def test_random_unicode_gives_a_valid_record(text):
    check_record(text, extract_text(text))


@examples(250)
@given(vietnamese_texts)
def test_vietnamese_word_salad_gives_a_valid_record(text):
    check_record(text, extract_text(text))


@examples(250)
@given(mutated_samples())
def test_mutated_samples_give_a_valid_record(text):
    check_record(text, extract_text(text))


@examples(150)
@given(any_text)
def test_nfd_input_gives_the_record_of_nfc_input(text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert without_checksum(extract_text(nfd)) == without_checksum(extract_text(nfc))


@examples(150)
@given(any_text, st.sampled_from(["\r\n", "\r"]))
def test_crlf_or_cr_gives_the_record_of_lf(text, line_end):
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    assert without_checksum(extract_text(lf.replace("\n", line_end))) == without_checksum(extract_text(lf))


@examples(60)
@given(st.sampled_from(sample_texts()), st.sampled_from([c for c in ODD_SPACES if c != " "]), st.integers(0, 2**32))
def test_odd_spaces_between_words_give_the_record_of_plain_spaces(text, odd, seed):
    """A page may print a space as NBSP, a thin or zero-width space or a stray BOM. The patterns read
    them all as spaces, and so must every value (a zero-width space inside a topic phrase once failed
    the whole article; inside a place name it made a second locality): only evidence keeps the print."""
    rnd = random.Random(seed)  # drawn per character: a seed keeps hypothesis's own input small
    spaced = "".join(odd if char == " " and rnd.random() < 0.3 else char for char in text)
    assert _values(extract_text(spaced)) == _values(extract_text(text))


@examples(20)
@given(st.sampled_from([t for t in sample_texts() if "Đ" in t or "đ" in t]), st.integers(0, 2**32))
def test_the_eth_of_old_converters_gives_the_record_of_d_with_stroke(text, seed):
    """"Ðoàn", "ðồng chí": old encoding converters print the Icelandic eth for the Vietnamese "đ"."""
    rnd = random.Random(seed)
    printed = "".join({"Đ": "Ð", "đ": "ð"}.get(char, char) if rnd.random() < 0.5 else char for char in text)
    assert _values(extract_text(printed)) == _values(extract_text(text))


def _values(result: ArticleResult) -> dict:
    """The record without what may rightly differ: the evidence spans and the checksum of the input."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("evidence", "topic_evidence", "sha256")}
        return [strip(v) for v in value] if isinstance(value, list) else value
    return strip(result.model_dump(mode="json"))


@examples(150)
@given(st.one_of(st.binary(max_size=400), any_text.map(lambda text: text.encode("utf-8")), corrupted_samples()))
def test_random_bytes_give_a_record_or_a_clear_input_error(raw):
    try:
        result = extract_bytes(raw, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    check_record(_decoded(raw), result)


def _decoded(raw: bytes) -> str:
    """The text extract_bytes read, to slice evidence from."""
    from borderminutes.document import decode

    return decode(raw, "fuzz.txt")[0]
