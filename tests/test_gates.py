"""Border gates and markets: named crossings only, pairs merged, levels as the text says."""

from __future__ import annotations

from borderminutes.document import from_text
from borderminutes.fields.gates import find_gates, find_markets
from borderminutes.pipeline import analyse


def _gates(text: str) -> list[tuple[str, str | None]]:
    return [(g.name, g.level) for g in find_gates(analyse(from_text(text)))]


def _check_evidence(text: str, found) -> None:
    article = analyse(from_text(text))
    for gate in found(article):
        assert gate.evidence
        for ev in gate.evidence:
            assert article.text[ev.start:ev.end] == ev.text
        assert gate.text in [ev.text for ev in gate.evidence]


def test_vietnam_laos_gate_pair_with_its_level():
    text = ("Hội đàm giữa tỉnh Quảng Trị và tỉnh Savannakhet (Lào)\n"
            "Hai bên thống nhất kéo dài thời gian làm việc tại cặp cửa khẩu quốc tế Lao Bảo – Đen Sa Vẳn "
            "vào các ngày cuối tuần. Phía Lào đề nghị nâng cấp bãi kiểm hóa tại cửa khẩu Lao Bảo.")
    assert _gates(text) == [("Lao Bảo – Đen Sa Vẳn", "international")]


def test_a_gate_named_by_its_foreign_side_joins_the_pair_named_elsewhere():
    text = ("Tiêu đề\nHàng hóa qua cửa khẩu Quốc tế Tây Trang – Sốp Hùn tăng mạnh. Phía bạn đề nghị "
            "nâng cấp tuyến đường từ cửa khẩu Sốp Hùn đến trung tâm huyện.")
    gates = find_gates(analyse(from_text(text)))
    assert [(g.name, g.level, len(g.evidence)) for g in gates] == [("Tây Trang – Sốp Hùn", "international", 2)]
    assert gates[0].text == "cửa khẩu Quốc tế Tây Trang – Sốp Hùn"


def test_one_side_alone_keeps_its_own_name_when_no_pair_is_named():
    text = "Tiêu đề\nĐoàn khảo sát Cửa khẩu Quốc tế đường bộ số II Kim Thành và lối mở Bản Vược."
    assert _gates(text) == [("Kim Thành", "international"), ("Bản Vược", "crossing")]


def test_generic_gate_words_name_no_gate():
    text = ("Tiêu đề\nHàng hóa xuất nhập khẩu qua các cửa khẩu đã sụt giảm. Hai bên nghiên cứu cửa khẩu thông minh "
            "và tạo thuận lợi cho các cơ quan quản lý cửa khẩu hai bên, Khu kinh tế cửa khẩu Trà Lĩnh "
            "và các cặp cửa khẩu trên biên giới. Kim ngạch qua cửa khẩu Lạng Sơn tăng. Ga Lào Cai vẫn hoạt động.")
    assert _gates(text) == []


def test_pairs_joined_by_country_qualifiers_and_bilateral_means_no_level():
    text = ("Tiêu đề\nHai bên trao biên bản mở mới lối thông quan hàng hóa Cửa khẩu Thanh Thủy - Việt Nam và "
            "Thiên Bảo - Trung Quốc; xúc tiến mở cửa khẩu song phương A Pa Chải (Việt Nam) - Long Phú (Trung Quốc).")
    assert _gates(text) == [("Thanh Thủy – Thiên Bảo", None), ("A Pa Chải – Long Phú", None)]


def test_a_gate_in_a_road_name_still_counts_and_a_province_after_a_dash_is_not_a_partner():
    text = ("Tiêu đề\nTuyến cao tốc từ Đồng Đăng (Lạng Sơn) đến cửa khẩu Trà Lĩnh (Cao Bằng) dài 144 km; "
            "hàng hóa qua cửa khẩu chính Sóc Giang - Cao Bằng tăng.")
    assert _gates(text) == [("Trà Lĩnh", None), ("Sóc Giang", "main")]


def test_plural_list_of_named_gates():
    text = "Tiêu đề\nCác cơ quan hoàn thiện bãi xe tại các cửa khẩu Chi Ma, Cốc Nam và Tân Thanh."
    assert _gates(text) == [("Chi Ma", None), ("Cốc Nam", None), ("Tân Thanh", None)]


def test_border_markets_in_a_pair_and_in_a_list():
    text = ("Tiêu đề\nHai bên phối hợp thành lập cặp chợ biên giới Kim Thành (Lào Cai) – Bắc Sơn (Hà Khẩu); "
            "kiến nghị thiết lập các cặp chợ biên giới: Chợ Y Tý - Ma Ngan Tý; Chợ A Mú Sung - Lũng Pô Chải. "
            "Sớm rà soát các khu (điểm) chợ biên giới.")
    markets = find_markets(analyse(from_text(text)))
    assert [m.name for m in markets] == ["Kim Thành – Bắc Sơn", "Y Tý – Ma Ngan Tý", "A Mú Sung – Lũng Pô Chải"]
    assert _gates(text) == []
    _check_evidence(text, find_markets)


def test_evidence_slices_back_and_a_level_said_of_one_side_holds_for_the_pair():
    text = ("Tiêu đề\nĐoàn đón khách tại cửa khẩu Quốc tế Lào Cai.\nẢnh: cặp cửa khẩu Hữu Nghị (Việt Nam) – "
            "Hữu Nghị Quan (Trung Quốc) và Cửa khẩu Quốc tế Hữu Nghị.")
    _check_evidence(text, find_gates)
    assert _gates(text) == [("Lào Cai", "international"), ("Hữu Nghị – Hữu Nghị Quan", "international")]


def test_abbreviated_head_and_a_level_in_parentheses():
    text = "Tiêu đề\nHàng qua CKQT Lao Bảo tăng; cửa khẩu chính (song phương) Xín Mần mở cửa trở lại."
    assert _gates(text) == [("Lao Bảo", "international"), ("Xín Mần", "main")]


def test_organisations_named_after_a_gate_are_not_gates():
    text = ("Tiêu đề\nDự có Đồn Biên phòng cửa khẩu Quốc tế Móng Cái, Chi cục Hải quan cửa khẩu Tân Thanh "
            "và Ban Quản lý cửa khẩu quốc tế Lào Cai.")
    assert _gates(text) == []
