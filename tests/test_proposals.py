"""Proposals: items split and carried on as written, attributed to the official or side who made them."""

from __future__ import annotations

import pytest

from borderminutes.document import from_text
from borderminutes.fields.gates import find_gates
from borderminutes.fields.proposals import find_proposals
from borderminutes.models import Evidence, Official
from borderminutes.pipeline import analyse


def _official(article, name: str, titles: list[str], country: str) -> Official:
    """An official as the officials module gives it: every printed mention as evidence."""
    starts = [i for i in range(len(article.text)) if article.text.startswith(name, i)]
    return Official(name=name, titles=titles, country=country,
                    evidence=[Evidence.of(article.text, i, i + len(name)) for i in starts])


def _proposals(text: str, people=()):
    article = analyse(from_text(text))
    officials = [_official(article, *person) for person in people]
    found = find_proposals(article, officials, [])
    for proposal in found:
        for ev in proposal.evidence:
            assert article.text[ev.start:ev.end] == ev.text
        assert set(proposal.items) <= {" ".join(ev.text.split()) for ev in proposal.evidence}  # values single-spaced
    return [(p.by, p.country, p.items) for p in found]


def test_numbered_list_after_a_lead_ending_in_a_colon():
    text = ("Hội đàm giữa tỉnh Hà Giang và châu Văn Sơn\n"
            "Phát biểu tại hội đàm, đồng chí Nguyễn Văn Sơn, Chủ tịch UBND tỉnh Hà Giang đề nghị phía Văn Sơn "
            "quan tâm một số nội dung sau:\n"
            "1. Sớm hoàn thành thủ tục nâng cấp cặp cửa khẩu Săm Pun – Điền Bồng.\n"
            "2. Tăng cường trao đổi thông tin về tình hình an ninh biên giới.\n"
            "3. Phối hợp tổ chức Hội chợ thương mại biên giới năm 2024.\n"
            "Bà Trương Tú Lan, Châu trưởng châu Văn Sơn nhất trí với các đề xuất trên.")
    people = [("Nguyễn Văn Sơn", ["Chủ tịch UBND tỉnh Hà Giang"], "VN"),
              ("Trương Tú Lan", ["Châu trưởng châu Văn Sơn"], "CN")]
    assert _proposals(text, people) == [("Nguyễn Văn Sơn", "VN", [
        "Sớm hoàn thành thủ tục nâng cấp cặp cửa khẩu Săm Pun – Điền Bồng",
        "Tăng cường trao đổi thông tin về tình hình an ninh biên giới",
        "Phối hợp tổ chức Hội chợ thương mại biên giới năm 2024",
    ])]


def test_both_sides_propose_in_one_paragraph():
    text = ("Tiêu đề bài\nTại buổi làm việc, phía Việt Nam đề nghị sớm mở lại lối mở Nà Lạn; phía Trung Quốc đề xuất "
            "tăng cường tuần tra song phương và trao đổi thông tin về tội phạm ma túy. "
            "Hai bên đã đề xuất một số giải pháp tháo gỡ khó khăn trong thời gian tới. Theo đó, hai bên tiếp tục "
            "rà soát thủ tục thông quan; phối hợp phân luồng phương tiện.")
    assert _proposals(text) == [
        (None, "VN", ["sớm mở lại lối mở Nà Lạn"]),
        (None, "CN", ["tăng cường tuần tra song phương và trao đổi thông tin về tội phạm ma túy"]),
        (None, None, ["hai bên tiếp tục rà soát thủ tục thông quan", "phối hợp phân luồng phương tiện"]),
    ]


def test_a_proposal_naming_a_gate_by_one_side_only():
    text = ("Tiêu đề bài\nPhó Tỉnh trưởng tỉnh Xiêng Khoảng đề nghị tỉnh Nghệ An tạo điều kiện thông quan "
            "hàng nông sản qua cửa khẩu Nậm Cắn vào dịp cuối năm…")
    article = analyse(from_text(text))
    assert [(g.name, g.level) for g in find_gates(article)] == [("Nậm Cắn", None)]
    assert _proposals(text) == [
        (None, "LA", ["tạo điều kiện thông quan hàng nông sản qua cửa khẩu Nậm Cắn vào dịp cuối năm"])]


def test_list_carries_on_across_paragraphs_until_a_caption_and_a_new_speaker():
    text = ("Tiêu đề bài\n"
            "Về nội dung hợp tác, đồng chí Chủ tịch UBND tỉnh đề nghị hai bên duy trì tiếp xúc giữa lãnh đạo; "
            "sớm ký kết thỏa thuận hợp tác giai đoạn mới.\n"
            "Bên cạnh đó, tích cực thúc đẩy hợp tác du lịch. Đồng thời, tăng cường quản lý lao động qua biên giới…\n"
            "Ảnh.jpg\nQuang cảnh hội đàm.\n"
            "Bà La Bình cho biết, châu Hồng Hà đạt được nhiều kết quả. Thời gian tới, châu Hồng Hà mong muốn tiếp tục "
            "đẩy mạnh hợp tác thương mại.\n"
            "Tiếp tục hợp tác phát triển hạ tầng giao thông.\n"
            "Bà La Bình đề nghị hai bên sớm mở lại chợ biên giới.\n"
            "Tối cùng ngày, hai đoàn dự chương trình văn nghệ.")
    people = [("Trịnh Xuân Trường", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], "VN"),
              ("Hoàng Quốc Khánh", ["Phó Chủ tịch Thường trực UBND tỉnh"], "VN"),
              ("La Bình", ["Châu trưởng Chính quyền nhân dân châu Hồng Hà"], "CN")]
    assert _proposals(text, people) == [
        ("Trịnh Xuân Trường", "VN", ["hai bên duy trì tiếp xúc giữa lãnh đạo",
                                     "sớm ký kết thỏa thuận hợp tác giai đoạn mới",
                                     "tích cực thúc đẩy hợp tác du lịch",
                                     "tăng cường quản lý lao động qua biên giới"]),
        ("La Bình", "CN", ["tiếp tục đẩy mạnh hợp tác thương mại",
                           "Tiếp tục hợp tác phát triển hạ tầng giao thông",
                           "hai bên sớm mở lại chợ biên giới"]),
    ]


def test_addressee_is_left_out_and_need_keeps_its_subject():
    text = ("Tiêu đề bài\nPhát biểu tại hội nghị, huyện Bát Xát đề nghị chính quyền nhân dân huyện Kim Bình thường xuyên "
            "trao đổi thông tin thị trường. Ông Ngô Hoa Hạo cho rằng dịch bệnh còn phức tạp, bởi vậy hai bên cần "
            "tiếp tục phòng, chống dịch; thành lập tổ công tác chung. Ông đề xuất mở lại chợ biên giới.")
    people = [("Ngô Hoa Hạo", ["Huyện trưởng Chính phủ Nhân dân huyện Kim Bình"], "CN")]
    assert _proposals(text, people) == [
        (None, "VN", ["thường xuyên trao đổi thông tin thị trường"]),
        ("Ngô Hoa Hạo", "CN", ["hai bên cần tiếp tục phòng, chống dịch", "thành lập tổ công tác chung",
                                "mở lại chợ biên giới"]),
    ]


@pytest.mark.parametrize("addressee", [
    "Bộ Công Thương", "phía Trạm Kiểm tra biên phòng Hà Khẩu", "Đồn Biên phòng Lóng Sập", "Đại sứ", "Sở Ngoại vụ tỉnh Vân Nam",
    "lực lượng bảo vệ biên giới tỉnh Svay Rieng", "BĐBP tỉnh Tây Ninh",
])
def test_an_addressee_body_post_or_envoy_is_left_out(addressee):
    text = f"Tiêu đề bài\nPhó Chủ tịch UBND tỉnh Lào Cai đề nghị {addressee} tiếp tục tạo điều kiện thông quan nông sản."
    assert _proposals(text) == [(None, "VN", ["tiếp tục tạo điều kiện thông quan nông sản"])]


@pytest.mark.parametrize("item", [
    "Đại sứ quán Việt Nam tại Trung Quốc hỗ trợ doanh nghiệp",  # the envoy's word goes on into a name
    "Đồn Biên phòng cửa khẩu quốc tế Lào Cai tăng cường kiểm soát",  # the post's name goes on in lower case
    "lực lượng biên phòng hai bên tăng cường tuần tra song phương",  # who should act, not who is asked
])
def test_an_item_that_only_starts_like_an_addressee_is_kept_whole(item):
    text = f"Tiêu đề bài\nPhó Chủ tịch UBND tỉnh Lào Cai đề nghị {item}."
    assert _proposals(text) == [(None, "VN", [item])]


def test_words_that_do_not_propose():
    text = ("Tiêu đề bài\nĐồng chí Quàng Đức Tâm đồng ý với các đề xuất của tỉnh Phongsaly. Việc này là cần thiết. "
            "Chủ tịch UBND tỉnh nhất trí với các nội dung bà Khăm Phăn đề xuất. "
            "Hai bên bày tỏ mong muốn tiếp tục duy trì quan hệ hữu nghị.\nẢnh: Ông Lý đề nghị tăng cường hợp tác.")
    assert _proposals(text) == []


def test_a_lead_that_sums_up_the_body_is_not_counted_twice():
    text = ("Tiêu đề bài\nThủ tướng nhấn mạnh, cần triển khai hiệu quả nhận thức chung về hợp tác thực chất.\n"
            "Chiều 10/2, Thủ tướng tiếp Bí thư Khu ủy Quảng Tây. Thủ tướng đề nghị hai bên củng cố quan hệ hữu nghị. "
            "Hai bên cần triển khai hiệu quả nhận thức chung của lãnh đạo cấp cao về hợp tác thực chất, cùng có lợi.")
    people = [("Nguyễn Xuân Phúc", ["Thủ tướng"], "VN")]
    items = [item for _, _, items in _proposals(text, people) for item in items]
    assert items == ["hai bên củng cố quan hệ hữu nghị",
                     "Hai bên cần triển khai hiệu quả nhận thức chung của lãnh đạo cấp cao về hợp tác thực chất, cùng có lợi"]


def test_inline_numbering_the_other_side_named_as_bạn_and_a_quoted_wish():
    from borderminutes.models import Side

    text = ("Tiêu đề bài\nÔng Hồ Tiến Thiệu đề nghị phía Sùng Tả: (1) phối hợp nâng cao năng lực thông quan; "
            "(2) tăng cường kết nối giao thông.\n"
            "Phía bạn đề nghị Việt Nam tiếp tục hỗ trợ đào tạo nguồn nhân lực.\n"
            'Ông Lưu Ngũ Thái nói: "Chúng tôi mong muốn hai bên sớm nâng cấp cửa khẩu Chi Ma".')
    article = analyse(from_text(text))
    people = [_official(article, "Hồ Tiến Thiệu", ["Chủ tịch UBND tỉnh Lạng Sơn"], "VN"),
              _official(article, "Lưu Ngũ Thái", ["Thị trưởng thành phố Sùng Tả"], "CN")]
    found = find_proposals(article, people, [Side(country="VN"), Side(country="CN")])
    assert [(p.by, p.country, p.items) for p in found] == [
        ("Hồ Tiến Thiệu", "VN", ["phối hợp nâng cao năng lực thông quan", "tăng cường kết nối giao thông"]),
        (None, "CN", ["tiếp tục hỗ trợ đào tạo nguồn nhân lực"]),
    ]  # Lưu Ngũ Thái only wishes ("mong muốn") and proposes nothing: a courtesy, not a proposal


def test_a_wish_counts_only_from_a_speaker_who_also_proposes():
    text = ("Tiêu đề bài\nÔng Lưu Ngũ Thái mong muốn hai bên tăng cường hợp tác du lịch. "
            "Ông Lưu Ngũ Thái đề nghị sớm nâng cấp cửa khẩu Chi Ma.\n"
            "Bà Lý Thu Hà mong muốn hai bên duy trì giao lưu văn hóa.")
    people = [("Lưu Ngũ Thái", ["Thị trưởng thành phố Sùng Tả"], "CN"), ("Lý Thu Hà", ["Phó Giám đốc Sở Ngoại vụ"], "VN")]
    assert _proposals(text, people) == [
        ("Lưu Ngũ Thái", "CN", ["hai bên tăng cường hợp tác du lịch", "sớm nâng cấp cửa khẩu Chi Ma"])]


def test_an_addressee_whose_name_goes_on_in_lower_case_is_cut_after_whole_words():
    text = ("Lào Cai làm việc với Hồng Hà\n"
            "Tại buổi làm việc, ông Lê Minh An đề nghị phía Cục Thương mại châu Hồng Hà phối hợp mở thêm luồng "
            "ưu tiên cho xe chở nông sản tại cửa khẩu Kim Thành.")
    people = [("Lê Minh An", ["Giám đốc Sở Công Thương tỉnh Lào Cai"], "VN")]
    [(_, _, items)] = _proposals(text, people)
    assert items == ["phối hợp mở thêm luồng ưu tiên cho xe chở nông sản tại cửa khẩu Kim Thành"]


def test_a_quoted_proposal_loses_its_quotes_and_who_said_it():
    text = ("Lạng Sơn hội đàm với Quảng Tây\n"
            "Ông Hoàng Văn Nam đề nghị phía Quảng Tây sớm mở lại lối thông quan Cốc Nam. "
            "“Hai bên cần phối hợp phân luồng xe hàng vào mùa vải thiều”, ông Hoàng Văn Nam nói.")
    people = [("Hoàng Văn Nam", ["Phó Chủ tịch UBND tỉnh Lạng Sơn"], "VN")]
    [(_, _, items)] = _proposals(text, people)
    assert items == ["sớm mở lại lối thông quan Cốc Nam", "Hai bên cần phối hợp phân luồng xe hàng vào mùa vải thiều"]


def test_an_addressee_ends_after_whole_words_in_either_tone_spelling_and_not_inside_the_next_word():
    people = [("Lê Minh An", ["Giám đốc Sở Công Thương tỉnh Lào Cai"], "VN")]
    for addressee, item in [("Bí thư Tỉnh ủy", "chỉ đạo các sở, ngành tháo gỡ khó khăn"),  # "Tỉnh uỷ" in the dictionary
                            ("Bí thư Châu ủy, Châu trưởng châu Văn Sơn", "quan tâm chỉ đạo mở lại chợ biên giới"),
                            ("phía Việt Nam", "sử dụng giấy thông hành điện tử")]:  # not "Nam sử" + "dụng"
        text = f"Lào Cai làm việc với Văn Sơn\nÔng Lê Minh An đề nghị {addressee} {item}."
        assert _proposals(text, people) == [("Lê Minh An", "VN", [item])]


def test_the_word_list_of_underthesea_is_found():
    from borderminutes.fields.proposals import _dictionary

    words = _dictionary()
    assert len(words) > 50_000 and "thương mại" in words


def test_a_timeout_while_loading_the_word_list_is_not_kept_as_a_missing_list(monkeypatch):
    from borderminutes.fields import proposals

    def out_of_time(*parts):
        raise TimeoutError("the field's time ran out")

    proposals._dictionary.cache_clear()
    monkeypatch.setattr(proposals.underthesea_files, "package_file", out_of_time)
    with pytest.raises(TimeoutError):
        proposals._dictionary()
    monkeypatch.undo()
    assert len(proposals._dictionary()) > 50_000


def test_an_addressee_ends_on_whole_words_whatever_the_spacing():
    """Pages with doubled spaces end the addressee as single-spaced ones do (and the item is single-spaced)."""
    people = [("Lê Minh An", ["Giám đốc Sở Công Thương tỉnh Lào Cai"], "VN")]
    for gap in (" ", "  "):
        for addressee, item in [("Bí thư Tỉnh ủy", "chỉ đạo các sở, ngành tháo gỡ khó khăn"),
                                ("phía Việt Nam", "sử dụng giấy thông hành điện tử")]:
            addressee, item = gap.join(addressee.split()), gap.join(item.split())
            text = f"Lào Cai làm việc với Văn Sơn\nÔng Lê Minh An đề nghị{gap}{addressee}{gap}{item}."
            assert _proposals(text, people) == [("Lê Minh An", "VN", [" ".join(item.split())])]


def test_a_pronoun_opening_a_paragraph_refers_to_the_speaker_named_before_it():
    text = ("Tiêu đề bài\nPhát biểu tại buổi làm việc, Phó Chủ tịch UBND tỉnh Cao Văn Bình thông tin về tình hình "
            "kinh tế của tỉnh trong năm qua.\n"
            "Đồng chí đề nghị phía bạn tiếp tục tạo điều kiện thông quan hàng nông sản; sớm nâng cấp lối mở Bản Chang.")
    people = [("Cao Văn Bình", ["Phó Chủ tịch UBND tỉnh"], "VN")]
    assert _proposals(text, people) == [("Cao Văn Bình", "VN", [
        "tiếp tục tạo điều kiện thông quan hàng nông sản", "sớm nâng cấp lối mở Bản Chang"])]


def test_a_pronoun_never_refers_to_a_name_in_object_position():
    text = ("Tiêu đề bài\nÔng Lý Quang Minh, Phó Huyện trưởng huyện Ma Lật Pha nhất trí với các đề nghị của "
            "đồng chí Triệu Thanh Hà. Ông đề xuất hai bên tăng cường giao lưu văn hóa giữa nhân dân biên giới.")
    people = [("Lý Quang Minh", ["Phó Huyện trưởng huyện Ma Lật Pha"], "CN"),
              ("Triệu Thanh Hà", ["Chủ tịch UBND huyện"], "VN")]
    assert _proposals(text, people) == [("Lý Quang Minh", "CN", [
        "hai bên tăng cường giao lưu văn hóa giữa nhân dân biên giới"])]


def test_a_pronoun_skips_captions_and_names_after_a_title_in_object_position():
    text = ("Tiêu đề bài\nPhát biểu tại buổi làm việc, đồng chí Cao Văn Bình thông tin về tình hình của tỉnh.\n"
            "Ông Vương Chí Cường, Phó Huyện trưởng huyện Hà Khẩu phát biểu. Ảnh: Lê Hải\n"
            "Đồng chí đề nghị sớm nâng cấp lối mở Bản Chang.\n"
            "Ông Vương Chí Cường nhất trí với các đề nghị của Chủ tịch UBND huyện Cao Văn Bình. "
            "Ông đề xuất hai bên tăng cường giao lưu thanh niên.")
    people = [("Cao Văn Bình", ["Chủ tịch UBND huyện"], "VN"), ("Vương Chí Cường", ["Phó Huyện trưởng"], "CN")]
    article = analyse(from_text(text))
    officials = [_official(article, *person) for person in people]
    titled = "Chủ tịch UBND huyện Cao Văn Bình"  # the officials field gives a title and name as one mention
    at = article.text.index(titled)
    officials = [officials[0].model_copy(update={"honorific": "đồng chí", "evidence": [
                     *officials[0].evidence, Evidence.of(article.text, at, at + len(titled))]}),
                 officials[1].model_copy(update={"honorific": "ông"})]
    found = find_proposals(article, officials, [])
    assert [(p.by, p.country, p.items) for p in found] == [
        ("Cao Văn Bình", "VN", ["sớm nâng cấp lối mở Bản Chang"]),
        ("Vương Chí Cường", "CN", ["hai bên tăng cường giao lưu thanh niên"])]


def test_ong_may_refer_to_an_official_listed_as_dong_chi():
    text = ("Tiêu đề bài\nĐoàn gồm các đồng chí Phó Chủ tịch UBND thành phố Vũ Văn Hòa (trưởng đoàn).\n"
            "Ông Lâm Kiến Quốc đề nghị hai bên tăng cường kết nối vận tải biển.\n"
            "Vũ Văn Hòa cảm ơn sự đón tiếp nồng hậu. Ông đề xuất hai thành phố sớm ký kết thỏa thuận hợp tác.")
    article = analyse(from_text(text))
    hoa, quoc = (_official(article, *p) for p in [("Vũ Văn Hòa", ["Phó Chủ tịch UBND thành phố"], "VN"),
                                                   ("Lâm Kiến Quốc", ["Bí thư Thị ủy"], "CN")])
    officials = [hoa.model_copy(update={"honorific": "đồng chí"}), quoc.model_copy(update={"honorific": "ông"})]
    assert [(p.by, p.items) for p in find_proposals(article, officials, [])] == [
        ("Lâm Kiến Quốc", ["hai bên tăng cường kết nối vận tải biển"]),
        ("Vũ Văn Hòa", ["hai thành phố sớm ký kết thỏa thuận hợp tác"])]


def test_an_official_called_by_honorific_and_given_name_proposes():
    text = ("Tiêu đề bài\nTiếp đoàn có ông Trần Văn Phúc - chủ tịch UBND tỉnh Quảng Bình.\n"
            "Theo ông Phúc, lượng xe hàng tăng gần 30%.\n"
            "Ông Phúc đề nghị tỉnh Khăm Muộn phối hợp mở rộng bãi kiểm hóa.")
    article = analyse(from_text(text))
    phuc = _official(article, "Trần Văn Phúc", ["chủ tịch UBND tỉnh Quảng Bình"], "VN").model_copy(
        update={"honorific": "ông"})
    assert [(p.by, p.items) for p in find_proposals(article, [phuc], [])] == [
        ("Trần Văn Phúc", ["phối hợp mở rộng bãi kiểm hóa"])]


@pytest.mark.parametrize("change", [
    ("Theo ông Phúc,", "Theo doanh nhân Lê Hồng Phúc,"),  # another person ends in the same syllable
    ("Ông Phúc đề nghị", "Bà Phúc đề nghị"),  # the honorific does not suit him
])
def test_a_given_name_names_nobody_when_it_could_be_someone_else(change):
    text = ("Tiêu đề bài\nTiếp đoàn có ông Trần Văn Phúc - chủ tịch UBND tỉnh Quảng Bình.\n"
            "Theo ông Phúc, lượng xe hàng tăng gần 30%.\n"
            "Ông Phúc đề nghị tỉnh Khăm Muộn phối hợp mở rộng bãi kiểm hóa.").replace(*change)
    article = analyse(from_text(text))
    phuc = _official(article, "Trần Văn Phúc", ["chủ tịch UBND tỉnh Quảng Bình"], "VN").model_copy(
        update={"honorific": "ông"})
    assert [p.by for p in find_proposals(article, [phuc], [])] == [None]


def test_ngai_never_refers_to_a_vietnamese_dong_chi_named_as_an_object():
    text = ("Tiêu đề bài\nNgài Vei Samnang gửi lời chúc mừng tới đồng chí Nguyễn Thanh Bình.\n"
            "Ngài đề nghị hai bên tăng cường giao lưu.")
    article = analyse(from_text(text))
    vei = _official(article, "Vei Samnang", ["Phó Tỉnh trưởng"], "KH")
    binh = _official(article, "Nguyễn Thanh Bình", ["Chủ tịch UBND tỉnh"], "VN").model_copy(
        update={"honorific": "đồng chí"})
    assert [(p.by, p.country) for p in find_proposals(article, [vei, binh], [])] == [("Vei Samnang", "KH")]


def test_dong_chi_never_refers_to_a_guest_called_ong():
    text = ("Tiêu đề bài\nPhát biểu chào mừng, đồng chí Triệu Thanh Hà thông tin về tình hình của huyện. "
            "Ông Lý Quang Minh cảm ơn sự đón tiếp chu đáo.\nĐồng chí đề nghị hai bên tăng cường quản lý biên giới.")
    article = analyse(from_text(text))
    ha = _official(article, "Triệu Thanh Hà", ["Chủ tịch UBND huyện"], "VN").model_copy(update={"honorific": "đồng chí"})
    minh = _official(article, "Lý Quang Minh", ["Phó Huyện trưởng"], "CN").model_copy(update={"honorific": "ông"})
    assert [p.by for p in find_proposals(article, [ha, minh], [])] == ["Triệu Thanh Hà"]


def test_a_bare_title_two_officials_hold_is_the_one_whose_whole_title_it_is():
    text = ("Tiêu đề bài\nPhó Thủ tướng Lê Quang Vinh hội đàm với Samdech Keo Sophal, Phó Thủ tướng Chính phủ Hoàng "
            "gia Campuchia.\nPhó Thủ tướng đề nghị hai bên sớm hoàn thành phân giới, cắm mốc.\n"
            "Samdech Keo Sophal cảm ơn sự đón tiếp. Samdech đề nghị phía Việt Nam mở thêm tuyến xe khách quốc tế.")
    people = [("Lê Quang Vinh", ["Phó Thủ tướng"], "VN"),
              ("Keo Sophal", ["Phó Thủ tướng Chính phủ Hoàng gia Campuchia"], "KH")]
    assert _proposals(text, people) == [("Lê Quang Vinh", "VN", ["hai bên sớm hoàn thành phân giới, cắm mốc"]),
                                        ("Keo Sophal", "KH", ["mở thêm tuyến xe khách quốc tế"])]
