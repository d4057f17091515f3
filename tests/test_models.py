"""The contract: models validate, evidence slices back, the JSON Schema is printable."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from borderminutes.models import ArticleResult, Evidence, Source, check_evidence, json_schema


def test_evidence_validator_uses_the_article_text():
    text = "Sáng 22/5 đã diễn ra hội đàm"
    Evidence.model_validate({"start": 0, "end": 9, "text": "Sáng 22/5"}, context={"text": text})
    with pytest.raises(ValidationError):
        Evidence.model_validate({"start": 1, "end": 9, "text": "Sáng 22/5"}, context={"text": text})


def test_check_evidence_walks_the_whole_record():
    text = "Sáng 22/5 đã diễn ra hội đàm"
    good = ArticleResult.model_validate({
        "source": {"sha256": "x"},
        "meeting": {"kind": "talks", "kind_text": "hội đàm", "evidence": [Evidence.of(text, 21, 28)],
                    "date": {"text": "Sáng 22/5", "day": 22, "month": 5, "evidence": Evidence.of(text, 0, 9)}},
    })
    check_evidence(good, text)
    bad = good.model_copy(deep=True)
    bad.meeting.date.evidence.start = 1
    with pytest.raises(ValueError):
        check_evidence(bad, text)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        ArticleResult.model_validate({"source": {"sha256": "x"}, "meting": None})


def test_schema_names_the_contract_models():
    schema = json_schema()
    for name in ["Meeting", "MeetingDate", "Side", "Official", "BorderGate", "Proposal", "Statement", "Evidence"]:
        assert name in schema["$defs"]
    assert Source.model_fields["title"].default is None
    # Every field a record always carries is required, so a record missing one fails validation.
    assert set(schema["$defs"]["Official"]["required"]) >= {"name", "titles", "country", "head_of_delegation", "evidence"}


def test_evidence_of_slices_the_article_and_equals_a_validated_evidence():
    article = "Sáng 22/5, hai bên hội đàm."
    built = Evidence.of(article, 11, 26)
    assert built.text == "hai bên hội đàm"
    assert built == Evidence.model_validate({"start": 11, "end": 26, "text": "hai bên hội đàm"},
                                            context={"text": article})
    assert built.model_dump_json() == '{"start":11,"end":26,"text":"hai bên hội đàm"}'


@pytest.mark.parametrize("start, end", [(5, 3), (-1, 2), (0, 100)])
def test_evidence_of_refuses_offsets_outside_the_article(start, end):
    with pytest.raises(ValueError, match="outside the article"):
        Evidence.of("hai bên hội đàm", start, end)
