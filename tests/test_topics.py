"""Topics: keyword evidence per topic, names in the schema's vocabulary."""

from __future__ import annotations

import typing

from borderminutes.document import from_text
from borderminutes.fields.topics import topic_evidence
from borderminutes.models import Topic
from borderminutes.pipeline import analyse


def test_topics_come_with_evidence_in_order_of_first_mention():
    text = ("Tiêu đề bài\nHai bên trao đổi về kim ngạch xuất nhập khẩu và phối hợp đấu tranh phòng, chống buôn lậu, "
            "ma túy; đẩy mạnh hợp tác du lịch, giáo dục và đào tạo nguồn nhân lực.")
    article = analyse(from_text(text))
    evidence = topic_evidence(article)
    assert list(evidence) == ["trade", "security", "tourism", "education"]
    assert [e.text for e in evidence["security"]] == ["buôn lậu", "ma túy"]
    for found in evidence.values():
        for ev in found:
            assert article.text[ev.start:ev.end] == ev.text


def test_every_topic_name_is_one_the_schema_allows():
    text = ("Tiêu đề\nCovid-19, thương mại, mốc giới, an ninh, đường sắt, du lịch, lao động, nông sản, y tế, "
            "giáo dục, văn hóa, môi trường.")
    assert set((topic_evidence(analyse(from_text(text))))) == set(typing.get_args(Topic))


def test_epidemic_words_are_covid_talk_in_a_covid_article_and_names_are_not_topic_words():
    covid = "Tiêu đề\nHai bên trao đổi về dịch Covid-19 và gửi vật tư y tế phòng, chống dịch bệnh."
    assert list(topic_evidence(analyse(from_text(covid)))) == ["covid19"]
    other = "Tiêu đề\nHai bên phối hợp phòng, chống dịch bệnh khu vực biên giới. Dự có Đại tá Phan Văn Hóa."
    assert list(topic_evidence(analyse(from_text(other)))) == ["health"]


def test_a_text_whose_case_folding_moves_offsets_finds_the_same_topics():
    for text in ["Tiêu đề\nHai bên bàn về Thương mại và Du lịch tại Straße 5.",
                 "Tiêu đề\nHai bên bàn về Thương mại và Du lịch tại phố 5."]:  # "ß" folds to "ss"
        article = analyse(from_text(text))
        evidence = topic_evidence(article)
        assert {topic: [e.text for e in found] for topic, found in evidence.items()} == {
            "trade": ["Thương mại"], "tourism": ["Du lịch"]}
