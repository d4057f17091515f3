"""Agreements: one statement per sentence, from the agreeing clause's subject, only this meeting's."""

from __future__ import annotations

import pytest

from borderminutes.document import from_text
from borderminutes.fields.agreements import find_agreements
from borderminutes.pipeline import analyse


def _agreements(text: str) -> list[str]:
    article = analyse(from_text(text))
    found = find_agreements(article)
    for statement in found:
        assert [(ev.text, article.text[ev.start:ev.end]) for ev in statement.evidence] == [(statement.text,) * 2]
    return [s.text for s in found]


def test_signing_ceremony_keeps_the_list_inside_the_sentence_but_not_the_list_sentences_after_it():
    text = ("Lễ ký kết biên bản hợp tác giữa tỉnh Lạng Sơn và thành phố Sùng Tả\n"
            "Ngày 20/12/2022, tại huyện Bằng Tường, đoàn công tác tỉnh Lạng Sơn dự Lễ ký kết biên bản hợp tác.\n"
            "Trước lễ ký kết, hai bên đã hội đàm về tình hình thông quan.\n"
            "Sau khi hội đàm, hai bên đã ký kết biên bản hợp tác với các nội dung chính: thiết lập cơ chế trao đổi "
            "thông tin hằng tuần; phối hợp phân luồng phương tiện. Tăng cường phối hợp tuần tra; thống nhất "
            "về phòng, chống cháy rừng.\n"
            "Quang cảnh buổi lễ ký kết.\n"
            "Kết thúc buổi lễ, hai bên cũng nhất trí luân phiên tổ chức hội đàm định kỳ 6 tháng một lần.")
    assert _agreements(text) == [
        "hai bên đã ký kết biên bản hợp tác với các nội dung chính: thiết lập cơ chế trao đổi thông tin hằng tuần; "
        "phối hợp phân luồng phương tiện",
        "hai bên cũng nhất trí luân phiên tổ chức hội đàm định kỳ 6 tháng một lần",
    ]


def test_an_agreeing_piece_inside_a_list_is_the_statement():
    text = ("Tiêu đề bài\nHai bên đã thông báo cho nhau tình hình kinh tế - xã hội; đánh giá kết quả hợp tác; "
            "thống nhất các nội dung giao lưu hợp tác trong thời gian tới.")
    assert _agreements(text) == ["thống nhất các nội dung giao lưu hợp tác trong thời gian tới"]


def test_one_side_accepting_the_other_sides_proposals():
    text = ("Tiêu đề bài\nBà La Bình đề nghị hai bên tăng cường các chuyến thăm lẫn nhau.\n"
            "Chủ tịch UBND tỉnh Trịnh Xuân Trường nhất trí với các nội dung bà La Bình đề xuất, đồng thời giao các "
            "sở, ngành hoàn thiện dự thảo biên bản.")
    assert _agreements(text) == [
        "Chủ tịch UBND tỉnh Trịnh Xuân Trường nhất trí với các nội dung bà La Bình đề xuất, đồng thời giao các "
        "sở, ngành hoàn thiện dự thảo biên bản"]


def test_recalled_and_nominal_agreements_are_not_this_meetings():
    text = ("Tiêu đề bài\nNgày 12/6/2024, tỉnh Lào Cai và châu Hồng Hà đã ký kết thỏa thuận hợp tác giai đoạn "
            "2024 - 2028. Thực hiện nội dung đã ký kết, hai bên duy trì giao lưu. Trong những năm qua, hai bên đã "
            "thống nhất nhiều cơ chế phối hợp. Nội dung hợp tác đã được lãnh đạo hai tỉnh thống nhất. "
            "Thông qua các buổi giao lưu văn hóa, tình đoàn kết được củng cố. Tỉnh đã đạt được nhiều kết quả. "
            "Đây là sự thống nhất cao của hai bên. Tại buổi hội đàm tháng 10 năm trước, hai huyện đã thống nhất mở "
            "chợ biên giới; đến nay các thủ tục đang được hoàn thiện. Đến nay, hai bên đã thống nhất 12 nội dung.")
    assert _agreements(text) == []


def test_sentences_of_a_proposal_and_captions_are_not_agreements():
    text = ("Tiêu đề bài\nPhó Chủ tịch UBND tỉnh đề nghị tăng cường gặp gỡ giữa các cơ quan quản lý cửa khẩu.\n"
            "Bên cạnh đó, thống nhất phương án quản lý người, phương tiện xuất, nhập cảnh.\n"
            "hoidam (2).jpg\nHai bên thống nhất nhiều nội dung quan trọng.\n"
            "Tại hội nghị, hai bên đã cùng đi đến thống nhất tăng cường sự tin cậy về chính trị; thúc đẩy quan hệ "
            "hai bên phát triển lên tầm cao mới.")
    assert [p.text for p in analyse(from_text(text)).paragraphs if p.is_caption] == [
        "Hai bên thống nhất nhiều nội dung quan trọng."]
    assert _agreements(text) == [
        "hai bên đã cùng đi đến thống nhất tăng cường sự tin cậy về chính trị; thúc đẩy quan hệ hai bên phát triển "
        "lên tầm cao mới"]


def test_an_opening_clause_with_an_earlier_year_recalls_a_past_agreement():
    text = ("Điện Biên và Phông Xa Lỳ hội đàm\nSáng 14/5/2024, tỉnh Điện Biên và tỉnh Phông Xa Lỳ (Lào) đã hội đàm. "
            "Cũng trong năm 2022, hai bên đã ký kết biên bản ghi nhớ về phòng chống dịch bệnh. "
            "Tháng 9/2023, hai bên nhất trí mở thêm lối mở. "
            "Năm 2025, hai bên thống nhất tổ chức giải việt dã chung.")
    assert _agreements(text) == ["Năm 2025, hai bên thống nhất tổ chức giải việt dã chung"]


def test_words_of_manner_after_the_opener_are_not_the_subject():
    text = ("Cao Bằng hội đàm với Sùng Tả\n"
            "Trong không khí chân thành, thẳng thắn và thân mật, hai bên nhất trí phối hợp tuần tra chung "
            "trên tuyến biên giới. Trên tinh thần hữu nghị, lãnh đạo hai tỉnh thống nhất mở lại chợ biên giới Nà Lạn.")
    assert _agreements(text) == ["hai bên nhất trí phối hợp tuần tra chung trên tuyến biên giới",
                                 "lãnh đạo hai tỉnh thống nhất mở lại chợ biên giới Nà Lạn"]


def test_the_last_paragraph_of_a_page_cut_off_mid_sentence_still_states():
    text = ("Huyện Si Ma Cai làm việc với huyện Mã Quan\n"
            "Chiều 8/10, huyện Si Ma Cai đã làm việc với huyện Mã Quan (Trung Quốc).\n"
            "Bà Đào Lệ Hoa đồng ý với các kiến nghị của phía Việt Nam. Hai bên cũng nhất trí sớm khảo sát lối mở Sín Chéng")
    assert _agreements(text) == ["Bà Đào Lệ Hoa đồng ý với các kiến nghị của phía Việt Nam",
                                 "Hai bên cũng nhất trí sớm khảo sát lối mở Sín Chéng"]


def test_a_headline_or_caption_line_of_two_sentences_states_nothing():
    text = ("Mở lại lối mở? Hai bên thống nhất kéo dài giờ làm việc tại cửa khẩu\n"
            "Chiều 8/10, huyện Si Ma Cai đã làm việc với huyện Mã Quan (Trung Quốc).\n"
            "Hai bên ký kết biên bản làm việc. Ảnh minh họa\n"
            "Buổi làm việc diễn ra trong không khí hữu nghị.")
    assert _agreements(text) == []


def test_agreeing_as_the_aim_of_something_else_states_nothing():
    text = ("Tiêu đề bài\nChuyến công tác kéo dài ba ngày, nhằm khảo sát hạ tầng cửa khẩu năm 2025 và thống nhất "
            "lộ trình nâng cấp đến năm 2030. Để tạo thuận lợi cho thương nhân, hai bên thống nhất mở lại lối mở "
            "Nà Lạn. Để thúc đẩy giao thương hai bên nhất trí kéo dài giờ thông quan. Hai bên đã trao đổi thẳng "
            "thắn để đi đến thống nhất cao về các nội dung hợp tác.")
    assert _agreements(text) == [
        "hai bên thống nhất mở lại lối mở Nà Lạn",
        "Để thúc đẩy giao thương hai bên nhất trí kéo dài giờ thông quan",
        "Hai bên đã trao đổi thẳng thắn để đi đến thống nhất cao về các nội dung hợp tác"]


@pytest.mark.parametrize("opener", ["Theo biên bản làm việc", "Cũng trong ngày"])
def test_an_opening_phrase_is_not_the_subject(opener):
    text = f"Tiêu đề bài\n{opener}, hai bên thống nhất duy trì giao ban định kỳ hằng quý."
    assert _agreements(text) == ["hai bên thống nhất duy trì giao ban định kỳ hằng quý"]


def test_a_sentence_with_an_opener_and_its_own_subject_after_a_signing_is_a_new_agreement():
    text = ("Tiêu đề bài\nKết thúc hội đàm, hai bên đã ký Biên bản hội đàm năm 2025. Theo đó, hai bên nhất trí "
            "phối hợp chặt chẽ trong quản lý biên giới.")
    assert _agreements(text) == ["hai bên đã ký Biên bản hội đàm năm 2025",
                                 "hai bên nhất trí phối hợp chặt chẽ trong quản lý biên giới"]


def test_an_agreement_reads_single_spaced_whatever_marks_the_page_printed():
    text = "Tiêu đề bài\nHai bên **thống nhất** tăng cường  hợp tác thương mại."
    assert _agreements_values(text) == ["Hai bên thống nhất tăng cường hợp tác thương mại"]


def _agreements_values(text: str) -> list[str]:
    return [s.text for s in find_agreements(analyse(from_text(text)))]
