"""Meeting detection: is there a cross-border meeting, of what kind, online, which session."""

from __future__ import annotations

import pytest

from borderminutes import extract_file, extract_text
from borderminutes.document import from_text
from borderminutes.fields import meeting
from borderminutes.pipeline import analyse

from conftest import SAMPLES

LEAD = "Sáng 22/5, Đoàn đại biểu tỉnh Lào Cai và Đoàn đại biểu châu Hồng Hà (Trung Quốc) đã {event}."


def _detect(text: str) -> meeting.Detection:
    return meeting.detect(analyse(from_text(text)))


@pytest.mark.parametrize("headline,kind", [
    ("Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà", "talks"),
    ("Hội nghị hợp tác giữa tỉnh Lào Cai và châu Hồng Hà", "conference"),
    ("Phiên họp thứ 9 Nhóm công tác liên hợp 4 tỉnh và tỉnh Vân Nam", "conference"),
    ("Giao ban giữa 5 huyện biên giới với huyện Kim Bình", "liaison_meeting"),
    ("Hội nghị trực tuyến giao ban giữa huyện Bát Xát và huyện Kim Bình", "liaison_meeting"),
    ("Đoàn công tác tỉnh Lào Cai thăm và làm việc với châu Hồng Hà", "working_session"),
    ("Thủ tướng tiếp Bí thư Khu ủy Quảng Tây", "meeting"),
    ("Lãnh đạo tỉnh Lào Cai thăm, chúc Tết châu Hồng Hà", "meeting"),
    ("Lễ ký kết biên bản hợp tác giữa tỉnh Lạng Sơn và thành phố Sùng Tả", "signing"),
    ("Công bố mở cửa khẩu song phương Lý Vạn - Thạc Long giữa Hạ Lang và huyện Đại Tân", "ceremony"),
    ("Lễ kết nghĩa cụm dân cư giữa Móng Cái và Đông Hưng", "ceremony"),
    ("Tuần tra liên hợp biên giới Việt Nam - Lào", "other"),
])
def test_kind_from_the_headline(headline, kind):
    found = _detect(f"{headline}\n{LEAD.format(event='gặp nhau')}\n")
    assert found.meeting is not None, found.reason
    assert found.meeting.kind == kind


def test_the_headline_word_wins_over_the_body():
    text = f"Đoàn đại biểu huyện Phú Ninh (Trung Quốc) thăm và làm việc tại Mèo Vạc\n{LEAD.format(event='hội đàm')}\n"
    assert _detect(text).meeting.kind == "working_session"


def test_without_a_headline_word_the_date_sentence_decides():
    text = ("Tăng cường quan hệ hữu nghị giữa tỉnh Lạng Sơn và Quảng Tây (Trung Quốc)\n"
            "Trong khuôn khổ chuyến thăm, làm việc của Đoàn Quảng Tây, chiều 27/11, Chủ tịch UBND tỉnh "
            "đã đón tiếp và hội đàm với Chủ tịch Chính quyền nhân dân Khu tự trị dân tộc Choang Quảng Tây.\n")
    found = _detect(text).meeting
    assert (found.kind, found.kind_text) == ("talks", "hội đàm")


def test_kind_text_keeps_the_words_that_qualify_the_meeting():
    text = f"Hội đàm kinh tế thương mại Lào Cai (Việt Nam) - Vân Nam (Trung Quốc)\n{LEAD.format(event='hội đàm')}\n"
    found = _detect(text).meeting
    assert found.kind_text == "Hội đàm kinh tế thương mại"
    assert found.evidence[0].text == found.kind_text


def test_tiep_tuc_is_no_reception():
    text = ("Kim ngạch qua cửa khẩu tiếp tục tăng\n"
            "Cửa khẩu Quốc tế Hữu Nghị tiếp tục là điểm thông quan lớn nhất với 950 phương tiện mỗi ngày.\n")
    found = _detect(text)
    assert found.meeting is None
    assert "names a meeting" in found.reason


@pytest.mark.parametrize("headline,online", [
    ("Sở Ngoại vụ hội đàm trực tuyến với Văn phòng Ngoại sự tỉnh Vân Nam", True),
    ("Hội nghị qua video giữa tỉnh Lào Cai và châu Hồng Hà", True),
    ("Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà", False),
])
def test_online_from_the_headline(headline, online):
    assert _detect(f"{headline}\n{LEAD.format(event='gặp nhau')}\n").meeting.online is online


def test_online_from_a_bridge_point_in_the_lead():
    text = ("Hội nghị giữa tỉnh Lào Cai và châu Hồng Hà (Trung Quốc)\n"
            "Sáng 22/5 đã diễn ra hội nghị giữa hai bên. Tham dự tại điểm cầu tỉnh Lào Cai có lãnh đạo tỉnh.\n")
    assert _detect(text).meeting.online is True


def test_an_online_service_in_the_lead_is_not_an_online_meeting():
    text = ("Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà (Trung Quốc)\n"
            f"{LEAD.format(event='hội đàm')} Tỉnh đã triển khai dịch vụ công trực tuyến cho doanh nghiệp.\n")
    assert _detect(text).meeting.online is False


@pytest.mark.parametrize("event,number", [
    ("tổ chức Hội nghị giao ban lần thứ 19", 19),
    ("tổ chức Hội nghị thường niên lần thứ 3", 3),
    ("tổ chức hội đàm lần thứ XIX", 19),
    ("tổ chức Gặp gỡ đầu xuân lần thứ hai", 2),
    ("tổ chức Phiên họp thứ 9", 9),
])
def test_session_number(event, number):
    found = _detect(f"Hai bên gặp nhau\n{LEAD.format(event=event)}\n").meeting
    assert found.session_number == number
    assert str(number) in [e.text for e in found.evidence][-1] or found.evidence[-1].text.isalpha()


def test_a_session_announced_for_the_future_is_not_the_meeting_number():
    text = ("Giao ban giữa huyện Bát Xát và huyện Kim Bình (Trung Quốc)\n"
            "Chiều 14/9, đã diễn ra hội nghị giao ban giữa hai huyện.\n"
            "Hai bên thống nhất thời gian tổ chức Hội nghị giao ban lần thứ 20 sẽ thông báo sau.\n")
    assert _detect(text).meeting.session_number is None


def test_a_past_session_named_later_in_the_sentence_is_not_the_meeting_number():
    text = ("Hội đàm biên giới\n"
            "Đoàn đại biểu Bộ đội Biên phòng tỉnh Điện Biên và Đoàn đại biểu phía Trung Quốc gặp nhau.\n"
            "Cuộc hội đàm diễn ra cởi mở, đánh giá kết quả từ sau Hội đàm lần thứ XII năm 2024 đến nay.\n")
    found = _detect(text).meeting
    assert (found.kind, found.session_number) == ("talks", None)


@pytest.mark.parametrize("text,why", [
    ("Kim ngạch qua cửa khẩu Lạng Sơn tăng mạnh\n"
     "9 tháng năm 2023, tổng kim ngạch xuất nhập khẩu qua các cửa khẩu đạt 3,6 tỷ USD.\n", "names a meeting"),
    ("Xe hàng ùn ứ tại cửa khẩu Tân Thanh\n"
     "Chiều 29/9, hơn 400 xe container xếp hàng dài chờ xuất khẩu sang Trung Quốc.\n", "names a meeting"),
    ("Lào Cai tổng kết công tác quản lý cửa khẩu năm 2023\n"
     "Ngày 16/1, UBND tỉnh Lào Cai tổ chức Hội nghị tổng kết công tác quản lý cửa khẩu.\n", "foreign party"),
    ("Nhìn lại 5 năm hợp tác giữa Lào Cai và Vân Nam (Trung Quốc)\n"
     "Những năm qua, tỉnh Lào Cai và tỉnh Vân Nam đã tổ chức nhiều cuộc hội đàm, các hội nghị và 52 lần gặp gỡ.\n",
     "names a meeting"),
    ("Bộ trưởng Bộ Công Thương làm việc với tỉnh Lạng Sơn\n"
     "Sáng 20/7, Bộ trưởng làm việc với UBND tỉnh Lạng Sơn về xuất khẩu nông sản sang Trung Quốc.\n", "foreign party"),
    # a domestic meeting that prepares a visit; the lead's other sentences tell of the visit to come
    ("Sẵn sàng các điều kiện đón Đoàn đại biểu châu Văn Sơn sang thăm, làm việc\n"
     "HGĐT - Sáng 5/6, đồng chí Hoàng Văn Nam, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo công tác chuẩn "
     "bị đón tiếp Đoàn đại biểu Chính quyền nhân dân châu Văn Sơn (Trung Quốc) sang thăm và làm việc tại tỉnh Hà "
     "Giang trong hai ngày 12 và 13/6. Theo chương trình, Đoàn đại biểu châu Văn Sơn do ông Lý Hải làm trưởng đoàn.\n"
     "Theo chương trình dự kiến, sáng 12/6, hai đoàn sẽ hội đàm tại thành phố Hà Giang.\n", "prepares a visit"),
    ("Lào Cai họp bàn kế hoạch đón đoàn tỉnh Vân Nam\n"
     "Chiều 3/9, UBND tỉnh Lào Cai tổ chức hội nghị triển khai kế hoạch đón Đoàn đại biểu tỉnh Vân Nam (Trung "
     "Quốc) sang thăm tỉnh vào cuối tháng 9.\n", "prepares a visit"),
    ("Triển khai nhiệm vụ đón tiếp Đoàn đại biểu tỉnh Vân Nam\n"
     "Sáng 3/9, UBND tỉnh Lào Cai tổ chức hội nghị triển khai nhiệm vụ đón tiếp Đoàn đại biểu tỉnh Vân Nam (Trung "
     "Quốc) sang thăm, làm việc tại tỉnh.\n", "prepares a visit"),
    ("Hai tỉnh sẽ hội đàm về cửa khẩu\n"
     "Ngày 3/9, Sở Ngoại vụ tỉnh Lạng Sơn cho biết, dự kiến tháng 10, Đoàn đại biểu tỉnh Lạng Sơn sẽ hội đàm "
     "với Đoàn đại biểu Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).\n", "still to come"),
])
def test_no_meeting_and_the_reason(text, why):
    found = _detect(text)
    assert found.meeting is None
    assert why in found.reason


def test_talks_that_prepare_another_meeting_are_a_meeting():
    text = ("Lào Cai và Hồng Hà hội đàm chuẩn bị Hội nghị thường niên\n"
            "Sáng 5/3, Sở Ngoại vụ tỉnh Lào Cai hội đàm với Văn phòng Ngoại sự châu Hồng Hà (Trung Quốc) nhằm chuẩn "
            "bị cho Hội nghị thường niên lần thứ 5.\n")
    found = _detect(text).meeting
    assert (found.kind, found.kind_text) == ("talks", "hội đàm")


def test_a_written_request_is_no_meeting():
    result = extract_file(SAMPLES / "caobang-vay-trungquoc-caotoc-2017.txt")
    assert result.meeting is None
    assert any(w.startswith("no meeting") for w in result.warnings)


def test_a_foreign_party_named_only_by_a_party_word_counts():
    text = ("Hội đàm biên giới năm 2025\n"
            "Ngày 5/11, Đoàn đại biểu Bộ đội Biên phòng tỉnh Điện Biên hội đàm với Đoàn đại biểu phía Trung Quốc.\n")
    assert _detect(text).meeting.kind == "talks"


def test_a_foreign_place_in_the_event_sentence_is_a_foreign_party():
    text = ("Sáng 15/3, tại cửa khẩu Quốc tế Lệ Thanh, Bộ đội Biên phòng tỉnh Gia Lai và lực lượng bảo vệ biên giới "
            "tỉnh Ratanakiri tổ chức hội đàm định kỳ quý I năm 2024.\n")
    found = extract_text(text).meeting
    assert (found.kind, found.date.year, found.date.year_source) == ("talks", 2024, "context")


def test_a_delegation_working_at_a_foreign_place_meets_its_hosts():
    text = ("Đoàn đại biểu huyện Trùng Khánh thăm, làm việc tại huyện Tĩnh Tây (Trung Quốc)\n"
            "Ngày 8/10, Đoàn đại biểu huyện Trùng Khánh do đồng chí Hoàng Văn Tư làm trưởng đoàn đã thăm và làm việc "
            "tại huyện Tĩnh Tây, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).\n")
    assert _detect(text).meeting.kind == "working_session"
    at_home = text.replace("huyện Tĩnh Tây (Trung Quốc)", "xã Đình Phong").replace(
        "huyện Tĩnh Tây, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)", "xã Đình Phong")
    assert _detect(at_home).meeting is None
    # a Vietnamese district that shares a Chinese one's name, without a country printed
    same_name = text.replace("huyện Tĩnh Tây (Trung Quốc)", "huyện Đông Hưng").replace(
        "huyện Tĩnh Tây, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)", "huyện Đông Hưng, tỉnh Thái Bình")
    assert _detect(same_name).meeting is None


def test_session_number_after_a_long_meeting_name():
    text = ("Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 8\n"
            "Ngày 22/4, tại tỉnh Lào Cai đã diễn ra giao lưu giữa Bộ Quốc phòng hai nước.\n")
    found = _detect(text).meeting
    assert (found.kind, found.session_number) == ("other", 8)


def test_meeting_evidence_slices_back():
    text = f"Hội nghị trực tuyến giao ban lần thứ 19\n{LEAD.format(event='gặp nhau')}\n"
    result = extract_text(text)
    assert result.meeting.session_number == 19 and result.meeting.online
    for ev in result.meeting.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_an_interview_about_past_cooperation_is_no_meeting():
    text = ("Phỏng vấn\n\nHợp tác Điện Biên - Phông Xa Lỳ: những bước tiến mới\n\n"
            "Nhân dịp đầu xuân 2025, phóng viên Báo Điện Biên đã có cuộc trao đổi với đồng chí Lò Văn Mến, "
            "Phó Chủ tịch UBND tỉnh, về hợp tác giữa tỉnh Điện Biên và tỉnh Phông Xa Lỳ (Lào).\n\n"
            "PV: Xin đồng chí cho biết kết quả hợp tác?\n\n"
            "Đồng chí Lò Văn Mến: Tháng 4/2023, tại hội đàm lần thứ 5, hai bên đã thống nhất nhiều nội dung.\n")
    found = meeting.detect(analyse(from_text(text)))
    assert found.meeting is None and "interview" in found.reason


def test_question_and_answer_lines_alone_mark_an_interview():
    text = ("Hợp tác Điện Biên - Phông Xa Lỳ: những bước tiến mới\n\n"
            "Hội đàm giữa tỉnh Điện Biên và tỉnh Phông Xa Lỳ (Lào) năm 2023 đạt nhiều kết quả.\n\n"
            "PV: Xin ông cho biết những kết quả đó?\n\nÔng Lò Văn Mến: Hai bên đã trao đổi đoàn thường xuyên.\n")
    assert meeting.detect(analyse(from_text(text))).meeting is None


def test_a_lead_that_only_recalls_meetings_of_earlier_years_reports_no_meeting():
    text = ("Hợp tác Điện Biên - Phông Xa Lỳ ngày càng bền chặt\n\nThứ Hai, 06/01/2025 | 10:15\n\n"
            "Quan hệ giữa tỉnh Điện Biên và tỉnh Phông Xa Lỳ (Lào) không ngừng phát triển. "
            "Tháng 4/2023, tại hội đàm lần thứ 5, hai bên đã thống nhất mở thêm lối mở.\n")
    assert meeting.detect(analyse(from_text(text))).meeting is None
    recent = text.replace("Tháng 4/2023", "Sáng 3/1")
    assert meeting.detect(analyse(from_text(recent))).meeting is not None


@pytest.mark.parametrize("headline,kind_text", [
    ("Chào xã giao lãnh đạo tỉnh Hà Giang của Đoàn đại biểu châu Văn Sơn", "Chào xã giao"),
    ("Tỉnh Cao Bằng tiếp đoàn công tác thành phố Bách Sắc", "tiếp"),
    ("Tỉnh Lai Châu làm việc với đoàn công tác châu Hồng Hà", "làm việc"),
    ("Khai trương mở cửa khẩu song phương Săm Pun (Việt Nam) - Điền Bồng (Trung Quốc)", "Khai trương mở cửa khẩu"),
])
def test_kind_text_ends_before_the_object_and_never_inside_a_word_pair(headline, kind_text):
    found = _detect(headline + "\n" + LEAD.format(event="gặp gỡ") + "\n").meeting
    assert found.kind_text == kind_text
    assert found.evidence[0].text == kind_text
