"""The meeting's own date: its printed forms, which date is the meeting's, and each year rule."""

from __future__ import annotations

import pytest

from borderminutes import extract_text
from borderminutes.document import from_text
from borderminutes.fields import dates
from borderminutes.pipeline import analyse

HEADLINE = "Hội đàm giữa tỉnh Lào Cai (Việt Nam) và châu Hồng Hà (Trung Quốc)"


def _date(text: str, published: str | None = None):
    article = analyse(from_text(text))
    warnings: list[str] = []
    found = dates.find_meeting_date(article, published, warnings)
    if found is not None:
        assert article.text[found.evidence.start:found.evidence.end] == found.evidence.text == found.text
    return found, warnings


def _lead(opening: str, *body: str) -> str:
    return "\n".join([HEADLINE, f"{opening}, Đoàn đại biểu tỉnh Lào Cai hội đàm với Đoàn đại biểu châu Hồng Hà.",
                      *body]) + "\n"


@pytest.mark.parametrize("opening,day,month,part", [
    ("Sáng 22/5", 22, 5, "morning"),
    ("Ngày 16.3", 16, 3, None),
    ("Chiều 14-9", 14, 9, "afternoon"),
    ("Trưa 3/4", 3, 4, "noon"),
    ("Tối 1/10", 1, 10, "evening"),
    ("Chiều tối 10/2", 10, 2, "afternoon"),
    ("Sáng ngày 16 tháng 3", 16, 3, "morning"),
    ("Trong 2 ngày 25.6 và 26.6", 25, 6, None),
    ("Từ ngày 25 - 27/6", 25, 6, None),
    ("Ngày 25 và 26/6", 25, 6, None),
    ("Sáng nay (9/8)", 9, 8, "morning"),
])
def test_date_forms(opening, day, month, part):
    found, _ = _date(_lead(opening))
    assert (found.day, found.month, found.part_of_day) == (day, month, part)


def test_full_date_gives_an_explicit_year():
    found, _ = _date(_lead("Chiều ngày 27/11/2025"))
    assert (found.day, found.month, found.year, found.year_source, found.iso) == (27, 11, 2025, "explicit", "2025-11-27")


def test_spelled_full_date():
    found, _ = _date(_lead("Ngày 3 tháng 4 năm 2024"))
    assert (found.day, found.month, found.year) == (3, 4, 2024)


@pytest.mark.parametrize("opening", ["Ngày 31/2", "Ngày 30.2", "Ngày 29/2/2023"])
def test_impossible_days_are_not_dates(opening):
    found, warnings = _date(_lead(opening))
    assert found is None and warnings


def test_29_february_without_a_year_is_a_date():
    found, _ = _date(_lead("Ngày 29/2"))
    assert (found.day, found.month) == (29, 2)


def test_year_from_publication():
    found, _ = _date(_lead("Ngày 16.3"), published="2021-03-16T15:30")
    assert (found.year, found.year_source, found.iso) == (2021, "published", "2021-03-16")


def test_year_before_publication_when_the_day_would_fall_after_it():
    found, _ = _date(_lead("Chiều 30/12"), published="2022-01-03")
    assert (found.year, found.year_source) == (2021, "published")


def test_publication_wins_over_context():
    found, _ = _date(_lead("Sáng 22/5", "Từ đầu năm 2019 tới nay, kim ngạch tăng."), published="2020-05-23")
    assert found.year == 2020


@pytest.mark.parametrize("body,year", [
    ("Về thương mại, từ đầu năm 2020 tới nay, hàng hóa giảm.", 2020),
    ("Đây là hoạt động trong khuôn khổ Liên hoan nhân dân biên giới năm 2024. Năm 2023, hai bên đã nỗ lực.", 2024),
    ("Hai bên đánh giá kết quả hợp tác giai đoạn 2019 - 2023.", 2023),
    ("Hai bên gặp gỡ các doanh nghiệp đầu năm 2019. Từ năm 2013 đến nay, hai bên gặp nhau 52 lần.", 2019),
    ("Hai bên dự các hoạt động “Năm đoàn kết hữu nghị Việt Nam - Lào 2017”.", 2017),
    ("Sáng sớm cùng ngày, ông dự lễ kỷ niệm 40 năm (20/6/1977-20/6/2017).", 2017),
    ("Ngày 12/6/2024, hai bên đã ký thỏa thuận hợp tác giai đoạn 2024 - 2028.", 2024),
    ("Nhân dịp năm mới Đinh Dậu 2017, hai bên chúc nhau.", 2017),
])
def test_year_from_context(body, year):
    found, _ = _date(_lead("Chiều 21/6", body))
    assert (found.year, found.year_source) == (year, "context")


@pytest.mark.parametrize("body", [
    "Từ năm 2013 đến nay, hai bên đã gặp gỡ 52 lần.",  # a starting point, not the present
    "Kim ngạch tăng 20% so với cùng kỳ năm 2022.",  # a comparison
    "Hai bên thống nhất quy hoạch đến năm 2030.",  # a horizon
    "Ngày 4/9/2013, lãnh đạo hai huyện ký thỏa thuận kết nghĩa.",  # later in the calendar: a past year
    "Hai bên tổ chức Hội nghị giao ban lần thứ 20 vào dịp thích hợp.",  # no year at all
])
def test_years_that_do_not_fix_the_meeting(body):
    found, warnings = _date(_lead("Ngày 22/4", body))
    assert (found.year, found.year_source, found.iso) == (None, None, None)
    assert any("year" in w for w in warnings)


def test_a_later_year_in_a_removed_related_news_block_does_not_win():
    text = _lead("Sáng 22/5", "Từ đầu năm 2020 tới nay, hàng hóa giảm.",
                 "", "Tin cùng chuyên mục", "", "Lào Cai tổ chức hội nghị năm 2026",
                 "Ngày 3/1/2026, UBND tỉnh tổ chức hội nghị tổng kết năm 2025.")
    found, _ = _date(text)
    assert (found.year, found.year_source) == (2020, "context")


def test_a_year_only_in_related_news_leaves_the_year_null():
    text = _lead("Sáng 22/5", "Hai bên đã trao đổi tình hình kinh tế - xã hội, kết quả hợp tác trên các lĩnh vực "
                 "thương mại, du lịch, quản lý biên giới và thống nhất nhiều nội dung hợp tác trong thời gian tới.",
                 "", "Có thể bạn quan tâm", "", "Duyệt chương trình giai đoạn 2026 - 2030 năm 2026")
    found, _ = _date(text)
    assert found.year is None


def test_the_lead_date_wins_over_later_dates():
    found, _ = _date(_lead("Sáng 30/5", "Trước đó, ngày 29/5, đoàn đã khảo sát cửa khẩu."))
    assert (found.day, found.month) == (30, 5)


def test_dateline_before_the_outlet_is_not_the_meeting_date():
    text = f"{HEADLINE}\nHà Nội, 5/9 (TTXVN) - Chiều 5/9, tại Hà Nội, hai đoàn đã hội đàm.\n"
    found, _ = _date(text)
    assert found.text == "Chiều 5/9" and found.part_of_day == "afternoon"


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_lead_date_after_an_outlet_and_any_dash(dash):
    found, _ = _date(f"{HEADLINE}\n(BLS) {dash} Sáng 14/4, tại khu vực biên giới, hai bên đã tuần tra liên hợp.\n")
    assert (found.text, found.part_of_day) == ("Sáng 14/4", "morning")


def test_a_period_with_an_em_dash_is_a_period():
    text = _lead("Sáng 14/4", "Kết quả hợp tác giai đoạn 2019—2023 được đánh giá cao.")
    found, _ = _date(text)
    assert found.year == 2023 and found.year_source == "context"


def test_anniversary_in_brackets_is_not_the_meeting_date():
    text = f"{HEADLINE}\nNhân kỷ niệm ngày giải phóng (30/4/1975 - 30/4/2025), sáng 25/4, hai bên đã hội đàm.\n"
    found, _ = _date(text)
    assert (found.day, found.month, found.year) == (25, 4, 2025)


def test_date_tied_to_the_meeting_word_when_the_lead_has_none():
    text = "\n".join([
        "Huyện Phục Hòa (Việt Nam) và huyện Long Châu (Trung Quốc) hợp tác quản lý biên giới",
        "Vừa qua, tại huyện Phục Hòa, đoàn đại biểu hai huyện đã hội đàm.",
        "Ngày 4/9/2013, tại huyện Long Châu, lãnh đạo hai huyện ký thỏa thuận kết nghĩa.",
        "Tại buổi hội đàm ngày 22/4, hai bên đã đánh giá kết quả hợp tác.",
    ])
    found, _ = _date(text)
    assert (found.day, found.month, found.year) == (22, 4, None)


def test_no_date_gives_none_and_a_warning():
    found, warnings = _date(f"{HEADLINE}\nĐoàn đại biểu hai bên đã hội đàm trong không khí hữu nghị.\n")
    assert found is None
    assert warnings == ["meeting date: no date found in the lead"]


def test_the_record_carries_the_date_with_evidence():
    result = extract_text(_lead("Sáng 22/5", "Từ đầu năm 2020 tới nay, hàng hóa giảm."))
    date = result.meeting.date
    assert (date.text, date.iso, date.year_source) == ("Sáng 22/5", "2020-05-22", "context")
