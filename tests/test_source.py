"""Source metadata: headline, publication time, outlet prefix, byline."""

from __future__ import annotations

import pytest

from borderminutes.document import from_text
from borderminutes.fields import source
from borderminutes.pipeline import analyse

LEAD = "Sáng 22/5, tại thành phố Lào Cai đã diễn ra hội đàm giữa tỉnh Lào Cai và châu Hồng Hà (Trung Quốc)."


def _source(text: str):
    return source.extract_source(analyse(from_text(text)))


def test_title_is_the_headline_line():
    found = _source(f"Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà\n\n{LEAD}\n")
    assert found.title == "Hội đàm giữa tỉnh Lào Cai và châu Hồng Hà"


@pytest.mark.parametrize("label", ["Tin tức", "Hà Giang", "Thời sự", "Trang chủ » Đối ngoại"])
def test_section_labels_above_the_headline_are_skipped(label):
    found = _source(f"{label}\nHội đàm giữa tỉnh Hà Giang và châu Văn Sơn\n{LEAD}\n")
    assert found.title == "Hội đàm giữa tỉnh Hà Giang và châu Văn Sơn"


@pytest.mark.parametrize("label", [
    "Đối ngoại - Biên giới", "Thời sự > Biên giới", "Chính trị | Đối ngoại", "Tin tức / Sự kiện",
    "Thời sự - Chính trị - Biên phòng", "Hợp tác quốc tế",
    "UBND huyện Tràng Định - Cổng thông tin điện tử", "Trang thông tin điện tử huyện Sìn Hồ",
])
def test_a_label_of_several_words_above_a_longer_headline_is_skipped(label):
    headline = "Lai Châu và Hồng Hà thúc đẩy hợp tác kinh tế biên giới"
    found = _source(f"{label}\n\n{headline}\n\n19/04/2024 09:05\n\nBLC - Ngày 18/4, hai bên đã hội đàm.\n")
    assert (found.title, found.published, found.outlet) == (headline, "2024-04-19T09:05", "BLC")


@pytest.mark.parametrize("header", [
    "Trang chủ | Thời sự | Kinh tế | Xã hội | Quốc phòng - An ninh | Đối ngoại\nĐối ngoại",  # a menu, a section
    "BÁO ĐIỆN BIÊN PHỦ\nThời sự | Chính trị | Kinh tế | Văn hóa - Xã hội",
    "Giới thiệu  Tin tức - Sự kiện  Chính quyền  Văn bản",  # menu items apart by runs of spaces
    "BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH HÀ GIANG\nTrang chủ | Tin tức | Đối ngoại biên phòng\nĐối ngoại biên phòng",
])
def test_site_menus_and_mastheads_above_the_headline_are_skipped(header):
    headline = "Lai Châu và Hồng Hà thúc đẩy hợp tác kinh tế biên giới"
    found = _source(f"{header}\n\n{headline}\n\n19/04/2024 09:05\n\nBLC - Ngày 18/4, hai bên đã hội đàm.\n")
    assert (found.title, found.published) == (headline, "2024-04-19T09:05")


@pytest.mark.parametrize("text", [
    "HỘI ĐÀM LÀO CAI - VÂN NAM\nLai Châu và Hồng Hà thúc đẩy hợp tác kinh tế biên giới\n",  # upper case, a meeting word
    "Lào Cai | Hà Khẩu | Hồng Hà: ba địa phương, một hành lang kinh tế\nBLC - Ngày 18/4, hai bên đã hội đàm.\n",
    # an upper-case headline over a lead that ends in a colon: no masthead
    "LÀO CAI VÀ VÂN NAM TĂNG CƯỜNG HỢP TÁC BIÊN GIỚI\nSáng 22/5, hai bên đã hội đàm và thống nhất các nội dung sau:\n",
    # a headline printed with double spaces: no menu (its parts start in lower case)
    "Hội đàm  giữa tỉnh Lào Cai  và châu Hồng Hà  (Trung Quốc)\nSáng 22/5, hai bên đã hội đàm.\n",
    "Hợp tác biên giới | Thời sự | Báo Lào Cai\nSáng 22/5, hai bên đã hội đàm.\n",  # three parts: a title line
    "Lào Cai - Vân Nam hội đàm\n19/04/2024 09:05\nBLC - Ngày 18/4, hai bên đã hội đàm.\n",  # no longer line below
    "Lào Cai - Vân Nam hội đàm\nLai Châu và Hồng Hà thúc đẩy hợp tác kinh tế biên giới\n",  # a meeting word
    "Quản lý biên giới\nSáng 18/4, tỉnh Lai Châu và châu Hồng Hà đã hội đàm về hợp tác.\n",  # the lead follows
])
def test_a_short_headline_is_no_label(text):
    assert _source(text).title == " ".join(text.split("\n")[0].split())


def test_no_title_when_the_page_opens_with_a_caption():
    text = f"Đại diện hai bên trao biên bản ghi nhớ hội đàm. Ảnh: TTXVN phát\n{LEAD}\n"
    assert _source(text).title is None


def test_no_title_when_the_page_opens_with_the_lead():
    text = "Biên phòng - Ngày 30-8, tại thôn Địa Tây Bắc đã diễn ra hội nghị sơ kết kết nghĩa.\nHai bên nhất trí.\n"
    found = _source(text)
    assert found.title is None
    assert found.outlet == "Biên phòng"


@pytest.mark.parametrize("line,iso", [
    ("15:30, 16/03/2021", "2021-03-16T15:30"),
    ("16/03/2021 15:30", "2021-03-16T15:30"),
    ("Thứ Hai, 16/3/2021 - 15:30", "2021-03-16T15:30"),
    ("16/3/2021", "2021-03-16"),
    ("Thứ hai, 16/3/2021, 15:30 (GMT+7)", "2021-03-16T15:30"),
    ("Cập nhật: 15:30 | 16/03/2021", "2021-03-16T15:30"),
    ("16-03-2021 15:30:45", "2021-03-16T15:30"),
    ("Thứ Sáu, 12/04/2024, 08:30 [GMT+7]", "2024-04-12T08:30"),
    ("Cập nhật ngày: 12/04/2024", "2024-04-12"),
    ("Cập nhật lúc 10:15, Thứ Ba, 12/04/2022", "2022-04-12T10:15"),
    ("Cập nhật lúc 10 giờ 15 phút, ngày 12/4/2022", "2022-04-12T10:15"),
    ("Thứ ba, 12 tháng 4, 2022", "2022-04-12"),
    ("Thứ Sáu, 11:32, 12/04/2024", "2024-04-12T11:32"),
    ("Ngày đăng: 12/04/2024 | Lượt xem: 1.214", "2024-04-12"),
    ("Thursday, 12/04/2024 08:45", "2024-04-12T08:45"),
])
def test_published_forms(line, iso):
    assert _source(f"Hội đàm giữa hai tỉnh biên giới\n{line}\n{LEAD}\n").published == iso


def test_the_bold_marks_a_scraper_left_around_the_lead_hide_nothing():
    found = _source("Hai huyện hội đàm\n**LCĐT - Sáng 18.9, tại huyện Hà Khẩu, hai bên hội đàm.**\n")
    assert (found.title, found.outlet) == ("Hai huyện hội đàm", "LCĐT")


BODY = "".join(f"Hai bên trao đổi về nội dung hợp tác thứ {k}.\n" for k in range(1, 7))  # past the top lines


@pytest.mark.parametrize("last_lines,iso", [
    ("Cập nhật lúc 17:45 ngày 23/05/2024", "2024-05-23T17:45"),
    ("Ngày đăng: 23/05/2024", "2024-05-23"),
    ("Thứ Sáu, 23/05/2024 17:45", "2024-05-23T17:45"),
    ("23/05/2024", None),  # a bare date may close a quoted document
    ("Hội đàm lần tiếp theo dự kiến tổ chức vào\nThứ Sáu, 20/3/2026", None),
])
def test_published_from_a_time_line_under_the_article_when_the_top_has_none(last_lines, iso):
    text = f"Hội đàm giữa hai tỉnh biên giới\n{LEAD}\n{BODY}{last_lines}\n"
    assert _source(text).published == iso


def test_published_only_from_a_time_line_not_from_body_dates():
    text = "Hội đàm giữa hai tỉnh biên giới\nNgày 16/3/2021, hai bên đã hội đàm tại thành phố Lào Cai.\n"
    assert _source(text).published is None


def test_impossible_publication_day_is_rejected():
    assert _source(f"Hội đàm giữa hai tỉnh biên giới\n31/02/2021 10:00\n{LEAD}\n").published is None


@pytest.mark.parametrize("prefix,name", [
    ("LCĐT - ", "LCĐT"), ("BHG- ", "BHG"), ("HGĐT- ", "HGĐT"), ("(Baolaocai) - ", "Baolaocai"),
    ("(TTXVN) - ", "TTXVN"), ("QĐND - ", "QĐND"), ("(VOV5) - ", "VOV5"), ("Điện Biên TV - ", "Điện Biên TV"),
    ("VOV.VN - ", "VOV.VN"), ("Hà Nội, 5/9 (TTXVN) - ", "TTXVN"), ("Lạng Sơn, ngày 3/4/2023 (TTXVN) - ", "TTXVN"),
    ("(BLS) – ", "BLS"), ("(BLS) — ", "BLS"), ("BLS–", "BLS"), ("QĐND Online – ", "QĐND Online"),
])
def test_outlet_prefixes(prefix, name):
    assert _source(f"Hội đàm giữa hai tỉnh biên giới\n{prefix}{LEAD}\n").outlet == name


def test_a_hyphenated_word_opening_the_lead_is_no_outlet():
    assert _source("Hợp tác phòng chống dịch bệnh\nCOVID-19 đã ảnh hưởng tới thông quan.\n").outlet is None


def test_headline_with_a_bracketed_country_is_not_an_outlet():
    found = _source(f"Công bố mở cửa khẩu Lý Vạn (Việt Nam) - Thạc Long (Trung Quốc)\n{LEAD}\n")
    assert found.outlet is None
    assert found.title.startswith("Công bố")


@pytest.mark.parametrize("closing", [
    "Tin, ảnh: LÊ HẢI", "Quang Phấn, Trung tâm Văn hóa, TT-TT Bát Xát", "Vũ Dũng/VOV", "PHÚC AN", "Theo VNE",
])
def test_byline_forms(closing):
    assert _source(f"Hội đàm giữa hai tỉnh biên giới\n{LEAD}\nHai bên nhất trí tăng cường hợp tác.\n{closing}\n") \
        .byline == closing


def test_no_byline_when_the_article_ends_with_a_sentence():
    assert _source(f"Hội đàm giữa hai tỉnh biên giới\n{LEAD}\nHai bên nhất trí tăng cường hợp tác.\n").byline is None


@pytest.mark.parametrize("masthead", ["BÁO SƠN LA ĐIỆN TỬ", "TẠP CHÍ BIÊN CƯƠNG", "NÚI RỪNG ONLINE"])
def test_an_upper_case_masthead_and_a_breadcrumb_above_the_headline_are_labels(masthead):
    headline = "Sơn La và Hủa Phăn bàn cách giữ gìn đường biên"
    text = (f"{masthead}\nTrang chủ > Chính trị > Biên giới\n\n{headline}\n\nThứ Ba, 14/05/2024 | 08:45\n\n"
            "BSL - Chiều 13/5, đoàn công tác tỉnh Sơn La đã hội đàm với tỉnh Hủa Phăn (Lào).\n")
    found = _source(text)
    assert (found.title, found.published, found.outlet) == (headline, "2024-05-14T08:45", "BSL")


def test_an_upper_case_headline_that_is_no_masthead_stays_the_title():
    headline = "BÁO CÁO KẾT QUẢ HỢP TÁC GIỮA SƠN LA VÀ HỦA PHĂN"
    found = _source(f"{headline}\n\nBSL - Chiều 13/5, tỉnh Sơn La đã hội đàm với tỉnh Hủa Phăn (Lào).\n")
    assert found.title == headline
