"""Sides (countries, localities, organizations, venue) and the meeting's location."""

from __future__ import annotations

import pytest

from borderminutes.document import from_text
from borderminutes import patterns as P
from borderminutes.fields import location, sides
from borderminutes.pipeline import analyse


def _sides(text: str) -> dict[str, list[str]]:
    return {s.country: s.localities for s in sides.find_sides(analyse(from_text(text)))}


def _place(text: str, online: bool = False) -> str | None:
    article = analyse(from_text(text))
    found = location.find_location(article, online)
    if found is None:
        return None
    assert article.text[found.evidence.start:found.evidence.end] == found.text
    return found.text


def test_one_side_per_country_vietnam_first():
    text = ("Hội đàm giữa châu Hồng Hà (Trung Quốc) và tỉnh Lào Cai\n"
            "Sáng 30/5, Đoàn đại biểu châu Hồng Hà, tỉnh Vân Nam (Trung Quốc) hội đàm với Đoàn đại biểu tỉnh Lào Cai.\n")
    found = sides.find_sides(analyse(from_text(text)))
    assert [s.country for s in found] == ["VN", "CN"]
    assert [s.localities for s in found] == [["Lào Cai"], ["Hồng Hà"]]


def test_the_most_specific_units_of_the_delegations():
    text = ("Giao ban giữa 5 huyện biên giới của Việt Nam với huyện Kim Bình, tỉnh Vân Nam, Trung Quốc\n"
            "Chiều 14/9, đã diễn ra hội nghị giao ban giữa các huyện: Phong Thổ, Sìn Hồ, Nậm Nhùn, Mường Tè "
            "(Lai Châu) và Bát Xát (Lào Cai) với huyện Kim Bình (Vân Nam, Trung Quốc).\n")
    assert _sides(text) == {"VN": ["Phong Thổ", "Sìn Hồ", "Nậm Nhùn", "Mường Tè", "Bát Xát"], "CN": ["Kim Bình"]}


def test_a_more_specific_unit_in_the_lead_replaces_the_headline_province():
    text = ("Hội đàm kinh tế thương mại Lào Cai (Việt Nam) - Vân Nam (Trung Quốc)\n"
            "Chiều 29/1, tại thành phố Lào Cai đã diễn ra hội đàm giữa Đoàn đại biểu tỉnh Lào Cai (Việt Nam) và "
            "Đoàn đại biểu châu Hồng Hà (tỉnh Vân Nam, Trung Quốc). Hai bên trao đổi về thông quan qua "
            "Cửa khẩu Quốc tế Lào Cai - Hà Khẩu.\n")
    assert _sides(text) == {"VN": ["Lào Cai"], "CN": ["Hồng Hà"]}


def test_attendees_from_districts_do_not_replace_the_provincial_delegation():
    text = ("Hội đàm giữa Đoàn đại biểu tỉnh Hà Giang và Đoàn đại biểu châu Văn Sơn (Trung Quốc)\n"
            "Ngày 2.8, Đoàn đại biểu châu Văn Sơn đã hội đàm với Đoàn đại biểu tỉnh Hà Giang; cùng dự có lãnh đạo "
            "các sở, ngành; lãnh đạo huyện Quản Bạ, Vị Xuyên.\n")
    assert _sides(text) == {"VN": ["Hà Giang"], "CN": ["Văn Sơn"]}


@pytest.mark.parametrize("text,expected", [
    # units of attendees and accompanying members
    ("Tăng cường hợp tác giữa tỉnh Cao Bằng và huyện Long Châu (Trung Quốc)\n"
     "Ngày 12/5, Đoàn công tác tỉnh Cao Bằng do đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh làm trưởng đoàn "
     "đã làm việc với lãnh đạo Huyện ủy, Chính quyền nhân dân huyện Long Châu (Trung Quốc).\n"
     "Tham gia đoàn có đồng chí Lê Văn Bình, Giám đốc Sở Ngoại vụ; lãnh đạo Sở Công Thương và UBND các huyện "
     "Hạ Lang, Quảng Hòa.\n", {"VN": ["Cao Bằng"], "CN": ["Long Châu"]}),
    ("Hội nghị trực tuyến giữa tỉnh Lạng Sơn và thành phố Sùng Tả\n"
     "Sáng 3/6, UBND tỉnh Lạng Sơn và Chính quyền nhân dân thành phố Sùng Tả (Trung Quốc) tổ chức hội nghị trực "
     "tuyến về thông quan hàng hóa.\n"
     "Cùng dự có lãnh đạo Sở Ngoại vụ, Bộ Chỉ huy Bộ đội Biên phòng tỉnh và UBND huyện Cao Lộc.\n",
     {"VN": ["Lạng Sơn"], "CN": ["Sùng Tả"]}),
    ("Hà Tĩnh hội đàm với tỉnh Bolikhamxay\n"
     "Chiều 20/7, Đoàn đại biểu tỉnh Hà Tĩnh do đồng chí Trần Văn Cường làm trưởng đoàn đã hội đàm với Đoàn "
     "đại biểu tỉnh Bolikhamxay (Lào). Tham dự hội đàm, về phía tỉnh Hà Tĩnh có đồng chí Phạm Thị Dung, Phó Chủ "
     "tịch UBND tỉnh; lãnh đạo các sở, ngành và UBND huyện Hương Sơn.\n", {"VN": ["Hà Tĩnh"], "LA": ["Bolikhamxay"]}),
    ("Đoàn công tác tỉnh Lai Châu thăm châu Hồng Hà\n"
     "Ngày 8/3, Đoàn công tác tỉnh Lai Châu do đồng chí Hà Trọng Hải dẫn đầu đã sang thăm châu Hồng Hà (Trung "
     "Quốc), cùng đi có lãnh đạo Sở Ngoại vụ và UBND huyện Phong Thổ.\n", {"VN": ["Lai Châu"], "CN": ["Hồng Hà"]}),
    ("Cao Bằng và Tĩnh Tây tăng cường hợp tác\n"
     "Ngày 12/5, Đoàn công tác tỉnh Cao Bằng do đồng chí Nguyễn Văn An làm trưởng đoàn, cùng lãnh đạo các sở, ngành "
     "và UBND huyện Trùng Khánh đã làm việc với Chính quyền nhân dân huyện Tĩnh Tây (Trung Quốc).\n",
     {"VN": ["Cao Bằng"], "CN": ["Tĩnh Tây"]}),
    ("Hội đàm giữa hai bên về cửa khẩu\n"
     "Ngày 12/5, Đoàn đại biểu tỉnh Cao Bằng gồm lãnh đạo Sở Ngoại vụ, Sở Công Thương và UBND huyện Hạ Lang đã hội "
     "đàm với Đoàn đại biểu huyện Long Châu (Trung Quốc).\n", {"VN": ["Cao Bằng"], "CN": ["Long Châu"]}),
    # an attendee's unit serves a side that has no place otherwise, unless that side is national-level
    ("Hội đàm biên giới định kỳ\n"
     "Sáng 5/3, tại Cửa khẩu Quốc tế Lào Cai, hai bên tổ chức hội đàm định kỳ với Trạm Kiểm soát biên phòng Hà "
     "Khẩu (Trung Quốc).\nTham dự hội đàm có Đại tá Nguyễn Văn Tuấn, Chỉ huy trưởng Bộ đội Biên phòng tỉnh Lào "
     "Cai.\n", {"VN": ["Lào Cai"], "CN": ["Hà Khẩu"]}),
    ("Tăng cường hợp tác giữa Việt Nam và tỉnh Vân Nam\n"
     "Chiều 12/3, tại Hà Nội, Phó Thủ tướng Trần Lưu Quang đã tiếp Đoàn đại biểu tỉnh Vân Nam (Trung Quốc) do ông "
     "Vương Ninh, Bí thư Tỉnh ủy làm trưởng đoàn.\nCùng dự có đại diện lãnh đạo UBND tỉnh Lào Cai.\n",
     {"VN": [], "CN": ["Vân Nam"]}),
    ("Phó Thủ tướng tiếp Bí thư Tỉnh ủy Vân Nam\n"
     "Chiều 12/3, tại Trụ sở Chính phủ, Phó Thủ tướng Trần Hồng Hà đã tiếp ông Vương Ninh, Bí thư Tỉnh ủy tỉnh Vân "
     "Nam (Trung Quốc).\nCùng dự có lãnh đạo Bộ Ngoại giao, Bộ Công Thương và UBND tỉnh Lào Cai.\n",
     {"VN": [], "CN": ["Vân Nam"]}),
    # villages and communes
    ("Biên phòng - Ngày 30-8, tại thôn Địa Tây Bắc, xã Ma Ngán Tý, huyện Kim Bình, tỉnh Vân Nam, Trung Quốc "
     "đã diễn ra Hội nghị sơ kết kết nghĩa cụm dân cư giữa thôn Lao Chải (Việt Nam) và thôn Địa Tây Bắc "
     "(Trung Quốc).\n", {"VN": ["Lao Chải"], "CN": ["Địa Tây Bắc"]}),
    ("Kết nghĩa thôn bản hai bên biên giới\n"
     "Ngày 12/3, đã diễn ra lễ kết nghĩa giữa thôn Séo Lủng, xã Lũng Cú, huyện Đồng Văn (Việt Nam) và thôn Đà "
     "Lũng, trấn Điền Bồng, huyện Phú Ninh (Trung Quốc).\n", {"VN": ["Séo Lủng"], "CN": ["Đà Lũng"]}),
    ("Kết nghĩa cụm dân cư hai bên biên giới\n"
     "Ngày 12/3, Đồn Biên phòng Lũng Cú tổ chức lễ kết nghĩa giữa thôn Séo Lủng (xã Lũng Cú, huyện Đồng Văn) "
     "và thôn Đà Lũng (trấn Điền Bồng, huyện Phú Ninh, Trung Quốc).\n", {"VN": ["Séo Lủng"], "CN": ["Đà Lũng"]}),
    ("Giao lưu hữu nghị giữa hai xã biên giới\n"
     "Ngày 12/3, UBND xã Bản Lầu, huyện Mường Khương đã giao lưu hữu nghị với Chính quyền nhân dân trấn Kiều Đầu, "
     "huyện Hà Khẩu (Trung Quốc).\n", {"VN": ["Bản Lầu"], "CN": ["Kiều Đầu"]}),
    # villages of past activities further down are no localities
    ("Huyện Hạ Lang và huyện Long Châu hội đàm\n"
     "Ngày 22/4, đoàn đại biểu huyện Hạ Lang hội đàm với đoàn đại biểu huyện Long Châu (Trung Quốc).\n"
     "Từ năm 2015, hai bên đã gặp gỡ nhiều lần và tổ chức lễ kết nghĩa giữa xóm Nà Lạn, xã Thái Đức (Hạ Lang) "
     "với thôn Phố Mới, trấn Thủy Khẩu (Long Châu).\n", {"VN": ["Hạ Lang"], "CN": ["Long Châu"]}),
])
def test_localities_are_the_units_of_the_parties(text, expected):
    assert _sides(text) == expected


def test_a_side_named_inside_an_attendee_list_still_counts():
    text = ("Hội đàm giữa hai bên\n"
            "Sáng 5/6, hai bên đã hội đàm về hợp tác cửa khẩu. Tham dự hội đàm, về phía huyện Bát Xát có đồng chí "
            "Lò Văn Minh, Chủ tịch UBND huyện; về phía huyện Kim Bình (Trung Quốc) có ông Vương Cường.\n")
    assert _sides(text) == {"VN": ["Bát Xát"], "CN": ["Kim Bình"]}


def test_national_level_parties_have_no_locality():
    text = ("Thủ tướng tiếp Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây\n"
            "Chiều tối 10/2, tại Quảng Ninh, Thủ tướng đã tiếp Bí thư Khu ủy Quảng Tây đang dự Gặp gỡ đầu xuân với "
            "Bí thư Tỉnh ủy các tỉnh Quảng Ninh, Lạng Sơn, Hà Giang, Cao Bằng (Việt Nam).\n")
    assert _sides(text) == {"VN": [], "CN": ["Quảng Tây"]}


def test_an_embassy_is_a_side_without_locality():
    text = ("Đoàn công tác tỉnh Lào Cai thăm và làm việc với Đại sứ quán Trung Quốc tại Việt Nam\n"
            "Chiều 7/3, tại Thủ đô Hà Nội, đoàn công tác của tỉnh Lào Cai đã làm việc với Đại sứ quán Trung Quốc.\n")
    assert _sides(text) == {"VN": ["Lào Cai"], "CN": []}


def test_laos_and_cambodia_sides_with_printed_names():
    text = ("Đoàn đại biểu tỉnh Điện Biên hội đàm với tỉnh Bo Kẹo\n"
            "Ngày 28/10, Đoàn đại biểu tỉnh ta đã hội đàm với tỉnh Bo Kẹo nước cộng hòa dân chủ nhân dân Lào.\n")
    assert _sides(text) == {"VN": ["Điện Biên"], "LA": ["Bo Kẹo"]}
    text = ("Tây Ninh và Svay Rieng hội đàm về quản lý biên giới\n"
            "Chiều 11/4, Đoàn đại biểu tỉnh Tây Ninh hội đàm với Đoàn đại biểu tỉnh Svay Rieng (Campuchia).\n")
    assert _sides(text) == {"VN": ["Tây Ninh"], "KH": ["Svay Rieng"]}


def test_the_venue_and_gate_names_are_not_parties():
    text = ("Lễ ký kết biên bản hợp tác giữa tỉnh Lạng Sơn và thành phố Sùng Tả (Trung Quốc)\n"
            "Ngày 20/12/2022, tại huyện Bằng Tường (Trung Quốc), Đoàn công tác tỉnh Lạng Sơn dự Lễ ký kết giữa "
            "Sở Công Thương tỉnh Lạng Sơn và Cục Thương mại thành phố Sùng Tả qua cặp cửa khẩu Hữu Nghị - "
            "Hữu Nghị Quan.\n")
    assert _sides(text) == {"VN": ["Lạng Sơn"], "CN": ["Sùng Tả"]}


def test_a_place_name_inside_a_person_name_is_no_locality():
    text = ("Lãnh đạo tỉnh Hà Giang tiếp xã giao Tổng Lãnh sự Trung Quốc tại Nam Ninh\n"
            "Chiều 3/10, tại trụ sở UBND tỉnh, đồng chí Nguyễn Văn Sơn, Chủ tịch UBND tỉnh đã tiếp xã giao "
            "ông Trương Vĩ, Tổng Lãnh sự Trung Quốc tại Nam Ninh.\n")
    assert _sides(text) == {"VN": ["Hà Giang"], "CN": []}


def test_border_guards_of_both_sides():
    text = ("Sáng 15/3, tại cửa khẩu Quốc tế Lệ Thanh, Bộ đội Biên phòng tỉnh Gia Lai và lực lượng bảo vệ biên giới "
            "tỉnh Ratanakiri (Campuchia) tổ chức hội đàm định kỳ.\n")
    assert _sides(text) == {"VN": ["Gia Lai"], "KH": ["Ratanakiri"]}
    assert _place(text) == "cửa khẩu Quốc tế Lệ Thanh"


def test_proposals_and_glued_related_headlines_name_no_party():
    text = ("Sở Ngoại vụ hội đàm trực tuyến với Văn phòng Ngoại sự tỉnh Vân Nam\n"
            "Ngày 16.3, Sở Ngoại vụ hội đàm với Văn phòng Ngoại sự tỉnh Vân Nam về hợp tác giữa tỉnh Hà Giang và "
            "tỉnh Vân Nam.\n"
            "Lãnh đạo Sở đề xuất tổ chức Hội nghị giữa Bí thư Tỉnh ủy Hà Giang, Lào Cai, Lai Châu với Vân Nam.\n"
            "Tăng cường hợp tác kinh tế giữa các tỉnh với Vân Nam (Trung Quốc) Tỉnh Quảng Ninh và Vân Nam hợp tác\n")
    assert _sides(text) == {"VN": ["Hà Giang"], "CN": ["Vân Nam"]}


def test_organizations_and_online_venue():
    text = ("Hội nghị trực tuyến giữa UBND tỉnh Lào Cai và Chính quyền Nhân dân châu Hồng Hà (Trung Quốc)\n"
            "Sáng 22/5 đã diễn ra Hội nghị trực tuyến giữa UBND tỉnh Lào Cai và Chính quyền Nhân dân châu Hồng Hà.\n"
            "Tham dự hội nghị tại điểm cầu tỉnh Lào Cai có Phó Chủ tịch UBND tỉnh Lào Cai Hoàng Quốc Khánh.\n"
            "Tại điểm cầu châu Hồng Hà, tỉnh Vân Nam (Trung Quốc) có Phó châu trưởng La Vinh Húc.\n")
    found = {s.country: s for s in sides.find_sides(analyse(from_text(text)))}
    assert found["VN"].organizations == ["UBND tỉnh Lào Cai"]
    assert found["CN"].organizations == ["Chính quyền Nhân dân châu Hồng Hà"]
    assert (found["VN"].venue, found["CN"].venue) == ("điểm cầu tỉnh Lào Cai", "điểm cầu châu Hồng Hà")


@pytest.mark.parametrize("sentence,place", [
    ("Sáng 30/5, tại thành phố Lào Cai diễn ra buổi hội đàm.", "thành phố Lào Cai"),
    ("Sáng 8/11, tại tỉnh Vân Nam (Trung Quốc) Chủ tịch UBND tỉnh đã hội đàm.", "tỉnh Vân Nam (Trung Quốc)"),
    ("Chiều 7/3, tại Thủ đô Hà Nội, đoàn công tác đã làm việc.", "Thủ đô Hà Nội"),
    ("Chiều 4/7, lễ đón diễn ra tại Trung tâm Hội nghị tỉnh Sơn La.", "Trung tâm Hội nghị tỉnh Sơn La"),
    ("Chiều 6/4, tại trụ sở UBND tỉnh, đồng chí Phó Chủ tịch đã tiếp đoàn.", "trụ sở UBND tỉnh"),
    ("Sáng 27/3, tại thành phố Hà Giang, tỉnh Hà Giang đã diễn ra phiên họp.", "thành phố Hà Giang, tỉnh Hà Giang"),
    ("Ngày 30-8, tại thôn Địa Tây Bắc, xã Ma Ngán Tý, huyện Kim Bình, tỉnh Vân Nam, Trung Quốc đã diễn ra hội nghị.",
     "thôn Địa Tây Bắc, xã Ma Ngán Tý, huyện Kim Bình, tỉnh Vân Nam, Trung Quốc"),
    ("Chiều tối 10/2, tại Quảng Ninh, Thủ tướng đã tiếp Bí thư.", "Quảng Ninh"),
    ("Sáng 21/6, ông đã có chuyến thăm tại huyện Lộc Ninh (Bình Phước), nơi ông từng đến.",
     "huyện Lộc Ninh (Bình Phước)"),
    ("Sáng 5/3, tại TP. Hà Giang, hai bên đã hội đàm.", "TP. Hà Giang"),
    ("Sáng 14/4, tại khu vực biên giới thuộc xã Bảo Lâm, huyện Cao Lộc, Bộ đội Biên phòng tỉnh Lạng Sơn và "
     "lực lượng biên phòng Trung Quốc tuần tra liên hợp.", "khu vực biên giới thuộc xã Bảo Lâm, huyện Cao Lộc"),
    ("Sáng 14/4, tại địa bàn xã A Mú Sung, huyện Bát Xát, hai bên tuần tra song phương.",
     "địa bàn xã A Mú Sung, huyện Bát Xát"),
    ("Sáng 14/4, tại khu vực mốc 92, hai bên gặp gỡ.", "khu vực mốc 92"),
    ("Sáng 2/9, tại trụ sở Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu, hai bên hội đàm.",
     "trụ sở Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu"),
    ("Sáng 2/9, tại trụ sở Tổng Lãnh sự quán Việt Nam tại Côn Minh (Trung Quốc), hai bên hội đàm.",
     "trụ sở Tổng Lãnh sự quán Việt Nam tại Côn Minh (Trung Quốc)"),
    ("Sáng 2/9, tại Văn phòng Tỉnh trưởng tỉnh Kampot (Vương quốc Campuchia) diễn ra hội đàm.",
     "Văn phòng Tỉnh trưởng tỉnh Kampot (Vương quốc Campuchia)"),
    ("Chiều 12/10, tại Nhà khách tỉnh Phôngsaly (Lào), hai đoàn đã hội đàm.", "Nhà khách tỉnh Phôngsaly (Lào)"),
    ("Sáng 5/6, tại Trụ sở Bộ Quốc phòng, Hà Nội, hai bên đã hội đàm.", "Trụ sở Bộ Quốc phòng, Hà Nội"),
    ("Sáng 9/9, tại trụ sở Bộ Kế hoạch và Đầu tư, Hà Nội, hai bên hội đàm.", "trụ sở Bộ Kế hoạch và Đầu tư, Hà Nội"),
    ("Sáng 9/9, tại Trụ sở Bộ Ngoại giao, hai bên hội đàm.", "Trụ sở Bộ Ngoại giao"),
    ("Chiều 3/4, tại nhà khách UBND tỉnh Cao Bằng, hai bên hội đàm.", "nhà khách UBND tỉnh Cao Bằng"),
    ("Chiều 3/4, tại phường Lạng Sơn 2, tỉnh Lạng Sơn, hai bên hội đàm.", "phường Lạng Sơn 2, tỉnh Lạng Sơn"),
    ("Chiều 3/4, tại phường Cao Bằng 3 ngày liền, hai bên hội đàm.", "phường Cao Bằng"),
    ("Chiều 3/4, tại xã Bản Lầu, huyện Mường Khương 1, hai bên hội đàm.", "xã Bản Lầu, huyện Mường Khương"),
    ("Sáng 9/9, tại Nhà hội đàm Cửa khẩu Quốc tế Lào Cai, hai bên hội đàm.", "Nhà hội đàm Cửa khẩu Quốc tế Lào Cai"),
    ("Sáng 9/9, tại huyện Lục Xuân, châu Hồng Hà, tỉnh Vân Nam (Trung Quốc), huyện Mường Tè và huyện Lục Xuân "
     "tổ chức hội nghị.", "huyện Lục Xuân, châu Hồng Hà, tỉnh Vân Nam (Trung Quốc)"),
    ("Sáng 9/9, hai đồn giao lưu tại khu vực cặp cửa khẩu chính Chi Ma – Ái Điểm.",
     "khu vực cặp cửa khẩu chính Chi Ma – Ái Điểm"),
])
def test_location_after_tai(sentence, place):
    assert _place(f"Hội đàm giữa hai bên\n{sentence}\n") == place


@pytest.mark.parametrize("sentence", [
    "Trong chuyến thăm của Đoàn Quảng Tây tại Việt Nam, chiều 27/11, hai bên đã hội đàm.",  # a country
    "Ngày 19/4, tại buổi hội đàm, hai bên trao đổi nhiều nội dung.",  # the meeting itself
    "Chiều 7/3, đoàn đã làm việc với Đại sứ quán Trung Quốc tại Việt Nam.",  # an office abroad
    "Ngày 2.8, Đoàn đại biểu châu Văn Sơn đã làm việc tại tỉnh ta.",  # no name
    "Sáng 22/5, tham dự hội nghị tại điểm cầu tỉnh Lào Cai có lãnh đạo tỉnh.",  # an online bridge point
    "Sáng 14/4, tại khu vực biên giới, hai bên tuần tra song phương.",  # an area without a name
])
def test_no_location(sentence):
    assert _place(f"Hội đàm giữa hai bên\n{sentence}\n") is None


def test_location_from_the_headline():
    text = "Đoàn đại biểu huyện Phú Ninh thăm và làm việc tại Mèo Vạc\nTrong 2 ngày 25.6 và 26.6, đoàn đã làm việc.\n"
    assert _place(text) == "Mèo Vạc"


def test_the_date_sentence_wins_over_the_headline():
    text = ("Chủ tịch Quốc hội Lào thăm và làm việc tại Sơn La\n"
            "Chiều 4/7, lễ đón diễn ra tại Trung tâm Hội nghị tỉnh Sơn La.\n")
    assert _place(text) == "Trung tâm Hội nghị tỉnh Sơn La"


def test_location_after_a_meeting_verb_further_down():
    text = ("Tăng cường hợp tác giữa tỉnh Lạng Sơn và Quảng Tây\n"
            "Chiều 27/11, Chủ tịch UBND tỉnh đã hội đàm với Chủ tịch Quảng Tây.\n"
            "Hai bên bán hàng tại các hội chợ.\n"
            "Chủ tịch UBND tỉnh vui mừng đón đoàn sang thăm và làm việc tại Lạng Sơn.\n")
    assert _place(text) == "Lạng Sơn"


@pytest.mark.parametrize("later", [
    "Tiếp đoàn tại thị trấn Kim Bình có ông Lý Minh, Huyện trưởng huyện Kim Bình.",
    "Đón tiếp đoàn công tác tại thị trấn Kim Bình có lãnh đạo huyện Kim Bình.",
    "Buổi gặp mặt diễn ra tại thị trấn Kim Bình trong không khí thân mật.",
    "Buổi làm việc được tổ chức tại thị trấn Kim Bình.",
])
def test_a_reception_in_the_next_paragraph_gives_the_place_the_lead_lacks(later):
    text = ("Huyện Bát Xát chúc Tết huyện Kim Bình\n"
            "Ngày 5/2, Đoàn công tác huyện Bát Xát, tỉnh Lào Cai do ông Nguyễn Văn Tư làm trưởng đoàn đã sang "
            "thăm, chúc Tết Chính quyền nhân dân huyện Kim Bình (Trung Quốc).\n"
            f"{later}\n")
    assert _place(text) == "thị trấn Kim Bình"


def test_a_delegation_word_without_a_meeting_verb_gives_no_place():
    text = ("Huyện Bát Xát chúc Tết huyện Kim Bình\n"
            "Ngày 5/2, Đoàn công tác huyện Bát Xát đã sang chúc Tết huyện Kim Bình (Trung Quốc).\n"
            "Thành viên đoàn tại thị trấn Kim Bình mua sắm hàng hóa.\n")
    assert _place(text) is None


def test_an_online_meeting_takes_no_place_from_the_body():
    text = ("Sở Ngoại vụ hội đàm trực tuyến với tỉnh Vân Nam\n"
            "Ngày 16.3, Sở Ngoại vụ hội đàm trực tuyến với Văn phòng Ngoại sự tỉnh Vân Nam.\n"
            "Hoạt động xuất nhập khẩu được tổ chức tại Cửa khẩu Quốc tế Thanh Thủy đã nối lại.\n")
    assert _place(text, online=True) is None


def test_organization_naming_a_country_and_names_with_spaced_dashes():
    text = ("Tổng Lãnh sự quán Việt Nam tại Côn Minh tiếp đoàn châu Văn Sơn\n"
            "Ngày 3/4, tại trụ sở Tổng Lãnh sự quán Việt Nam tại Côn Minh (Trung Quốc), Tổng Lãnh sự đã tiếp "
            "Đoàn đại biểu châu Văn Sơn. Cùng dự có đại diện Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang.\n")
    found = {s.country: s.organizations for s in sides.find_sides(analyse(from_text(text)))}
    assert "Tổng Lãnh sự quán Việt Nam" in found["VN"]
    assert "Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang" in found["VN"]
    assert not any("Tổng Lãnh sự" in org for org in found.get("CN", []))


def test_organization_fragments_give_way_to_the_full_name():
    text = ("Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây hội đàm với Đoàn đại biểu tỉnh Cao Bằng\n"
            "Ngày 8/3, Bí thư Khu ủy Khu tự trị dân tộc Choang-Quảng Tây đã hội đàm với Đoàn đại biểu tỉnh Cao Bằng. "
            "Tham dự hội đàm có Khu ủy Quảng Tây.\n")
    found = {s.country: s.organizations for s in sides.find_sides(analyse(from_text(text)))}
    assert found["CN"] == ["Khu ủy Khu tự trị dân tộc Choang Quảng Tây"]


@pytest.mark.parametrize("before", ["tỉnh ", "Nguyễn Văn ", "ông Nguyễn Văn ", "UBND ", "(Hoàng ", "Hoàng \n",
                                    "Hoàng", "", " ", "x Đ ", "Đa ", "đoàn Lào Cai, ", "Thị trấn ", "Ê-đê "])
def test_capital_test_lets_through_every_name_word_before(before):
    """The str pre-test of ``_inside_a_name`` never rules out what the pattern would find."""
    scan = "Sáng nay, " + before
    window, pos = max(0, len(scan) - 40), len(scan)
    if P.search(sides._name_word_before(), scan, window, pos) is not None:
        assert sides._capital_before(scan, window, pos)


@pytest.mark.parametrize("text", ["Đoàn thôn Lao Chải (Việt Nam) thăm", "họp tại (xã Bản Lầu, huyện Mường Khương)",
                                  "THỊ  TRẤN Sa Pa và xã hội", "Thôn\nNậm Sài", "địa phương Lào Cai, văn bản Hà",
                                  "cụm dân cư Bắc Sơn", "xã\u00a0Y Tý", "2xã Bản Vược", "ß thôn Lao Chải"])
def test_cheap_pre_tests_let_through_every_village_and_named_thing(text):
    """The str pre-tests never rule out what the village and named-thing patterns would find."""
    article = analyse(from_text("Tin\n" + text + ", cầu Kim Thành, cửa khẩu Quốc tế Lào Cai - Hà Khẩu.\n"))
    for p in article.paragraphs:
        if P.search(sides._village_pattern(), article.scan, p.start, p.end) is not None:
            assert sides._may_name_a_village(article, p)
        for m in P.finditer(sides._named_thing_pattern(), article.scan, p.start, p.end):
            assert sides._may_name_a_thing(article, p.start, m.start())
