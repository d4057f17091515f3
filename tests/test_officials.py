"""Officials: written attendance sentences in many styles, and the samples' bylines.

Each case is a short article (headline + body) and the officials expected from it as
(name, titles, country, head_of_delegation). The sentences are invented in the
styles of Vietnamese provincial and national newspapers: titles before and after the
name, lists joined by ";", Vietnamese, Chinese, Lao and Khmer names, lower-case
"phó", honorifics, heads of delegation, shortened later mentions.
"""

from __future__ import annotations

import pytest

from borderminutes.document import from_text
from borderminutes.fields.officials import find_officials
from borderminutes.models import Side
from borderminutes.pipeline import analyse

from conftest import SAMPLES, sample_stems

HEADLINE = "Hội đàm giữa hai bên về hợp tác biên giới\n\n"

CASES = [
    pytest.param(
        "Tham dự hội đàm về phía tỉnh Cao Bằng có các đồng chí: Nông Văn Tiến, Phó Bí thư Tỉnh ủy, Chủ tịch "
        "UBND tỉnh; Đàm Thị Hoa, Giám đốc Sở Ngoại vụ; lãnh đạo một số sở, ngành.",
        [("Nông Văn Tiến", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], "VN", False),
         ("Đàm Thị Hoa", ["Giám đốc Sở Ngoại vụ"], "VN", False)],
        id="list-joined-by-semicolons"),
    pytest.param(
        "Về phía thành phố Bằng Tường có ông Lý Minh Khải, Thị trưởng Chính quyền nhân dân thành phố Bằng Tường "
        "và đại diện các cục, ban.",
        [("Lý Minh Khải", ["Thị trưởng Chính quyền nhân dân thành phố Bằng Tường"], "CN", False)],
        id="chinese-name-after-ve-phia"),
    pytest.param(
        "Phát biểu tại hội đàm, Phó Chủ tịch UBND tỉnh Lạng Sơn Đoàn Thu Hà đề nghị hai bên tăng cường hợp tác.",
        [("Đoàn Thu Hà", ["Phó Chủ tịch UBND tỉnh Lạng Sơn"], "VN", False)],
        id="title-and-place-before-name"),
    pytest.param(
        "Phó châu trưởng châu Văn Sơn Vương Cường đánh giá cao kết quả hợp tác giữa hai bên.",
        [("Vương Cường", ["Phó châu trưởng châu Văn Sơn"], "CN", False)],
        id="chinese-title-before-name"),
    pytest.param(
        "Dự hội nghị tại điểm cầu huyện Mường Tè có đồng chí Lò Văn Tiến, phó Chủ tịch UBND huyện Mường Tè; "
        "đại diện các phòng, ban chuyên môn.",
        [("Lò Văn Tiến", ["phó Chủ tịch UBND huyện Mường Tè"], "VN", False)],
        id="lower-case-pho"),
    pytest.param(
        "Đoàn đại biểu huyện Hà Khẩu, tỉnh Vân Nam (Trung Quốc) do ông Lưu Hải Dương, Phó Bí thư Huyện ủy, "
        "Huyện trưởng làm trưởng đoàn đã sang thăm và làm việc tại huyện Bát Xát.",
        [("Lưu Hải Dương", ["Phó Bí thư Huyện ủy", "Huyện trưởng"], "CN", True)],
        id="head-lam-truong-doan"),
    pytest.param(
        "Sáng 5/4, Đoàn công tác tỉnh Hà Giang do đồng chí Nguyễn Mạnh Dũng, Phó Chủ tịch UBND tỉnh dẫn đầu "
        "đã hội đàm với châu Văn Sơn.",
        [("Nguyễn Mạnh Dũng", ["Phó Chủ tịch UBND tỉnh"], "VN", True)],
        id="head-dan-dau"),
    pytest.param(
        "Tham dự hội đàm có bà Lý Thị Lan, Giám đốc Sở Ngoại vụ. Bà Lý Thị Lan đề nghị hai bên duy trì cơ chế "
        "hội đàm định kỳ. Đồng chí Giám đốc Sở Ngoại vụ cũng đề nghị tăng cường trao đổi thông tin.",
        [("Lý Thị Lan", ["Giám đốc Sở Ngoại vụ"], "VN", False)],
        id="shortened-later-mentions"),
    pytest.param(
        "Đoàn đại biểu Bộ đội Biên phòng tỉnh Lai Châu do Đại tá Hoàng Văn Tuấn, Chỉ huy trưởng làm Trưởng đoàn.",
        [("Hoàng Văn Tuấn", ["Đại tá", "Chỉ huy trưởng"], "VN", True)],
        id="rank-before-name"),
    pytest.param(
        "Phát biểu khai mạc, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hoàng Xuân Ánh nhấn mạnh ý nghĩa của "
        "cuộc hội đàm.",
        [("Hoàng Xuân Ánh", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], "VN", False)],
        id="title-chain-before-name"),
    pytest.param(
        "Tham gia đoàn tỉnh Luang Prabang có đồng chí Phết Sa Vẳn Khăm Phoui, Phó Tỉnh trưởng tỉnh Luang "
        "Prabang.",
        [("Phết Sa Vẳn Khăm Phoui", ["Phó Tỉnh trưởng tỉnh Luang Prabang"], "LA", False)],
        id="long-lao-name"),
    pytest.param(
        "Chiều 12/6, Thủ tướng Campuchia Samdech Hun Manet đã hội kiến Bí thư Tỉnh ủy Tây Ninh Nguyễn Thành "
        "Tâm.",
        [("Hun Manet", ["Thủ tướng Campuchia"], "KH", False),
         ("Nguyễn Thành Tâm", ["Bí thư Tỉnh ủy Tây Ninh"], "VN", False)],
        id="khmer-name-and-foreign-honorific"),
    pytest.param(
        "Tại điểm cầu tỉnh Lai Châu có đồng chí Tống Thanh Hải, Phó Chủ tịch UBND tỉnh. Tại điểm cầu châu "
        "Hồng Hà có ông Trương Văn Cường, Phó Châu trưởng.",
        [("Tống Thanh Hải", ["Phó Chủ tịch UBND tỉnh"], "VN", False),
         ("Trương Văn Cường", ["Phó Châu trưởng"], "CN", False)],
        id="online-bridge-points"),
    pytest.param(
        "Đoàn đại biểu huyện Ma Lật Pha do ông Trần Vĩ, Bí thư Huyện ủy Ma Lật Pha (tỉnh Vân Nam, Trung Quốc) "
        "làm trưởng đoàn đã sang thăm huyện Vị Xuyên.",
        [("Trần Vĩ", ["Bí thư Huyện ủy Ma Lật Pha"], "CN", True)],
        id="parenthesized-country-dropped"),
    pytest.param(
        "Cùng dự có bà Ngô Thị Hoa, Tổng Lãnh sự Việt Nam tại Côn Minh, Trung Quốc và ông Đỗ Văn Nam, Vụ "
        "trưởng Vụ Đông Bắc Á, Bộ Ngoại giao.",
        [("Ngô Thị Hoa", ["Tổng Lãnh sự Việt Nam tại Côn Minh"], "VN", False),
         ("Đỗ Văn Nam", ["Vụ trưởng Vụ Đông Bắc Á, Bộ Ngoại giao"], "VN", False)],
        id="trailing-country-dropped-ministry-kept"),
    pytest.param(
        "Cùng dự có ông Trần Văn Bình, Phó Vụ trưởng Vụ Thị trường châu Âu - châu Mỹ, Bộ Công Thương và bà "
        "Lê Thị Hoa, Giám đốc Sở Ngoại vụ.",
        [("Trần Văn Bình", ["Phó Vụ trưởng Vụ Thị trường châu Âu - châu Mỹ, Bộ Công Thương"], "VN", False),
         ("Lê Thị Hoa", ["Giám đốc Sở Ngoại vụ"], "VN", False)],
        id="continents-joined-by-a-dash-are-the-department-not-a-prefecture"),
    pytest.param(
        "Hội đàm do ông Nguyễn Văn Cường, Phó Chủ tịch UBND tỉnh Lào Cai và ông Dương Quân, Phó Châu trưởng "
        "châu Hồng Hà đồng chủ trì.",
        [("Nguyễn Văn Cường", ["Phó Chủ tịch UBND tỉnh Lào Cai"], "VN", True),
         ("Dương Quân", ["Phó Châu trưởng châu Hồng Hà"], "CN", True)],
        id="co-chairs-are-heads"),
    pytest.param(
        "Đoàn đại biểu châu Hồng Hà do bà La Bình, Châu trưởng châu Hồng Hà dẫn đầu đã sang thăm tỉnh Lào Cai. "
        "Tiếp đoàn có đồng chí Hầu A Lềnh, Bí thư Tỉnh ủy Lào Cai.",
        [("La Bình", ["Châu trưởng châu Hồng Hà"], "CN", True),
         ("Hầu A Lềnh", ["Bí thư Tỉnh ủy Lào Cai"], "VN", False)],
        id="host-receives-delegation"),
    pytest.param(
        "Dự hội đàm có đồng chí Lò Văn Mừng – Phó Chủ tịch UBND tỉnh Sơn La, đồng chí Khăm Phăn Vông Sa – Phó "
        "bí thư, phó tỉnh trưởng tỉnh Hủa Phăn cùng đại diện các sở, ngành.",
        [("Lò Văn Mừng", ["Phó Chủ tịch UBND tỉnh Sơn La"], "VN", False),
         ("Khăm Phăn Vông Sa", ["Phó bí thư", "phó tỉnh trưởng tỉnh Hủa Phăn"], "LA", False)],
        id="titles-after-a-dash"),
    pytest.param(
        "Phát biểu tại buổi làm việc, Chủ tịch UBND huyện Mường Nhé Nguyễn Văn Dũng cảm ơn sự đón tiếp của "
        "phía bạn.",
        [("Nguyễn Văn Dũng", ["Chủ tịch UBND huyện Mường Nhé"], "VN", False)],
        id="place-unknown-to-the-gazetteer"),
    pytest.param(
        "Chủ trì buổi làm việc về phía Việt Nam có đồng chí Lương Văn Khải, Chủ tịch UBND thành phố Móng Cái.",
        [("Lương Văn Khải", ["Chủ tịch UBND thành phố Móng Cái"], "VN", True)],
        id="chairs-for-a-side"),
    pytest.param(
        "Đón đoàn, phía Việt Nam có thượng tướng Lê Văn An và thượng tướng Phạm Đức Bình (Thứ trưởng Bộ Công "
        "an).",
        [("Lê Văn An", ["thượng tướng", "Thứ trưởng Bộ Công an"], "VN", False),
         ("Phạm Đức Bình", ["thượng tướng", "Thứ trưởng Bộ Công an"], "VN", False)],
        id="shared-parenthesized-title"),
    pytest.param(
        "Về phía Trung Quốc có ông Hách Lâm, Phó Chủ nhiệm Văn phòng Ngoại sự làm trưởng đoàn.",
        [("Hách Lâm", ["Phó Chủ nhiệm Văn phòng Ngoại sự"], "CN", True)],
        id="side-from-ve-phia-only"),
    pytest.param(
        "Bí thư Khu ủy Quảng Tây Lưu Ninh cho biết, sau chuyến thăm Việt Nam của Tổng Bí thư Tập Cận Bình, "
        "hai bên đã đạt nhiều kết quả. Tháng trước, Thủ tướng Phạm Minh Chính đã dẫn đầu đoàn đại biểu dự "
        "hội chợ.",
        [("Lưu Ninh", ["Bí thư Khu ủy Quảng Tây"], "CN", False),
         ("Phạm Minh Chính", ["Thủ tướng"], "VN", False)],
        id="mentioned-only-and-past-lead"),
    pytest.param(
        "Thượng tướng Hoàng Xuân Chiến hội đàm với Đại tướng Ngụy Phượng Hòa, Ủy viên Quốc vụ, Bộ trưởng Quốc "
        "phòng Trung Quốc.",
        [("Hoàng Xuân Chiến", ["Thượng tướng"], "VN", False),
         ("Ngụy Phượng Hòa", ["Đại tướng", "Ủy viên Quốc vụ", "Bộ trưởng Quốc phòng Trung Quốc"], "CN", False)],
        id="ranks-and-compound-titles"),
    pytest.param(
        "Ông Lý Quốc Minh (bìa trái), Phó Chủ tịch Chính quyền nhân dân thành phố Sùng Tả trao quà lưu niệm.",
        [("Lý Quốc Minh", ["Phó Chủ tịch Chính quyền nhân dân thành phố Sùng Tả"], "CN", False)],
        id="caption-position-remark"),
    pytest.param(
        "Lễ ký kết với tỉnh Hủa Phăn (Lào) diễn ra dưới sự chứng kiến của đồng chí Nguyễn Văn An, Bí thư Tỉnh "
        "ủy Sơn La. Về phía bạn có ông Khăm Phăn Sỉ Thong, Phó Tỉnh trưởng.",
        [("Nguyễn Văn An", ["Bí thư Tỉnh ủy Sơn La"], "VN", False),
         ("Khăm Phăn Sỉ Thong", ["Phó Tỉnh trưởng"], "LA", False)],
        id="witness-and-partner-side"),
    pytest.param(
        "Đoàn công tác tỉnh Hủa Phăn (Lào) do Trung tá Xổm Phết - Khăm Phên, Phó Chỉ huy trưởng làm trưởng "
        "đoàn. Tham gia đoàn có Thiếu tướng Văn-thoong Bút-tạ-vông, Phó Tổng Tham mưu trưởng QĐND Lào. Tiếp "
        "đoàn có Đại tá Dương Hồng Hải- Phó Chỉ huy trưởng BĐBP tỉnh Nghệ An.",
        [("Xổm Phết - Khăm Phên", ["Trung tá", "Phó Chỉ huy trưởng"], "LA", True),
         ("Văn-thoong Bút-tạ-vông", ["Thiếu tướng", "Phó Tổng Tham mưu trưởng QĐND Lào"], "LA", False),
         ("Dương Hồng Hải", ["Đại tá", "Phó Chỉ huy trưởng BĐBP tỉnh Nghệ An"], "VN", False)],
        id="lao-names-with-dashes-and-hyphens"),
    pytest.param(
        "Tham dự buổi họp mặt có Chủ tịch UBND tỉnh Phạm Văn Tâm cùng các Phó Chủ tịch UBND tỉnh Trần Văn "
        "Chiến, Dương Văn Thắng. Tỉnh trưởng Prach Chan gửi lời chúc mừng của tỉnh Svay Rieng tới nhân dân Tây Ninh.",
        [("Phạm Văn Tâm", ["Chủ tịch UBND tỉnh"], "VN", False),
         ("Trần Văn Chiến", ["Phó Chủ tịch UBND tỉnh"], "VN", False),
         ("Dương Văn Thắng", ["Phó Chủ tịch UBND tỉnh"], "VN", False),
         ("Prach Chan", ["Tỉnh trưởng"], "KH", False)],
        id="plural-title-list-and-bare-title"),
    pytest.param(
        "Đón đoàn có Thượng tá Lò Văn Sáng, Đồn trưởng Đồn Biên phòng Nậm Cắn; Thiếu tá Vi Đức Thịnh, Chính trị "
        "viên phó đồn và ông Sầm Văn Lợi, Trưởng bản Huồi Pốc.",
        [("Lò Văn Sáng", ["Thượng tá", "Đồn trưởng Đồn Biên phòng Nậm Cắn"], "VN", False),
         ("Vi Đức Thịnh", ["Thiếu tá", "Chính trị viên phó đồn"], "VN", False),
         ("Sầm Văn Lợi", ["Trưởng bản Huồi Pốc"], "VN", False)],
        id="post-and-village-titles-with-lower-case-unit"),
    pytest.param(
        "Tiếp đoàn có ông Hà Chí Kiên, Tiểu đoàn trưởng Tiểu đoàn Cảnh vệ biên giới Mông Tự (Vân Nam, Trung Quốc).",
        [("Hà Chí Kiên", ["Tiểu đoàn trưởng Tiểu đoàn Cảnh vệ biên giới Mông Tự"], "CN", False)],
        id="battalion-commander"),
    pytest.param(
        "Phát biểu tại buổi tiếp, đồng chí Khăm-la Bun-nhạ-vông, Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào, "
        "Bí thư Tỉnh ủy Luang Namtha cảm ơn sự giúp đỡ của tỉnh Điện Biên. Đồng chí Triệu Quốc Hưng, Ủy viên "
        "Ban Thường vụ Trung ương Đảng Cộng sản Trung Quốc cũng dự.",
        [("Khăm-la Bun-nhạ-vông", ["Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào",
                                   "Bí thư Tỉnh ủy Luang Namtha"], "LA", False),
         ("Triệu Quốc Hưng", ["Ủy viên Ban Thường vụ Trung ương Đảng Cộng sản Trung Quốc"], "CN", False)],
        id="neighbours-party-names-in-titles"),
    pytest.param(
        "Cùng dự có ông Phôm-ma Xay-xổm-phôn, Tổng Lãnh sự Lào tại Quy Nhơn; bà Đinh Thị Thoa, Lãnh sự Việt Nam "
        "tại Sầm Nưa và ông Lưu Kiến Hoa, Tổng Lãnh sự Trung Quốc tại Hải Phòng. Tổng Lãnh sự Việt Nam tại "
        "Pắc Xế Lê Đình Phú cho biết hai bên sẽ tiếp tục trao đổi.",
        [("Phôm-ma Xay-xổm-phôn", ["Tổng Lãnh sự Lào tại Quy Nhơn"], "LA", False),
         ("Đinh Thị Thoa", ["Lãnh sự Việt Nam tại Sầm Nưa"], "VN", False),
         ("Lưu Kiến Hoa", ["Tổng Lãnh sự Trung Quốc tại Hải Phòng"], "CN", False),
         ("Lê Đình Phú", ["Tổng Lãnh sự Việt Nam tại Pắc Xế"], "VN", False)],
        id="seat-of-a-consulate-unknown-to-the-gazetteer"),
    pytest.param(
        "Dự buổi làm việc có Phó Chủ nhiệm Ủy ban ngoại sự hoa kiều Nhân đại Khu tự trị Quảng Tây Mã Thành Nghĩa; "
        "ông Đào Minh Khoa, Phó Trưởng ban tuyên giáo Thành ủy Bằng Tường.",
        [("Mã Thành Nghĩa", ["Phó Chủ nhiệm Ủy ban ngoại sự hoa kiều Nhân đại Khu tự trị Quảng Tây"], "CN", False),
         ("Đào Minh Khoa", ["Phó Trưởng ban tuyên giáo Thành ủy Bằng Tường"], "CN", False)],
        id="organization-fields-in-lower-case"),
    pytest.param(
        "Tại điểm cầu châu Văn Sơn, buổi hội đàm do bà Trương Tuệ Nhi, Phó Châu trưởng Chính quyền nhân dân châu "
        "Văn Sơn chủ trì; cùng dự có ông Khổng Đức Vinh, Phó Giám đốc Cục Công an châu và đại diện các ngành.",
        [("Trương Tuệ Nhi", ["Phó Châu trưởng Chính quyền nhân dân châu Văn Sơn"], "CN", True),
         ("Khổng Đức Vinh", ["Phó Giám đốc Cục Công an châu"], "CN", False)],
        id="bridge-point-speaks-for-the-whole-sentence"),
    pytest.param(
        "Về phía Trung Quốc, đoàn do Thiếu tá Mạnh Khải Văn, Đại đội trưởng Đại đội Quản lý biên giới Hà Khẩu dẫn "
        "đầu; đi cùng có ông Tào Đức Lâm, Chính trị viên đại đội.",
        [("Mạnh Khải Văn", ["Thiếu tá", "Đại đội trưởng Đại đội Quản lý biên giới Hà Khẩu"], "CN", True),
         ("Tào Đức Lâm", ["Chính trị viên đại đội"], "CN", False)],
        id="side-opening-a-sentence-covers-clauses-after-a-semicolon"),
    pytest.param(
        "Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn đã tiếp ông Trương Kiến Hoa, Ủy viên Ban Thường vụ Châu ủy, "
        "Phó Châu trưởng châu Văn Sơn, khi ông dẫn đầu đoàn công tác sang thăm và làm việc tại tỉnh.",
        [("Nguyễn Văn Sơn", ["Chủ tịch UBND tỉnh Hà Giang"], "VN", False),
         ("Trương Kiến Hoa", ["Ủy viên Ban Thường vụ Châu ủy", "Phó Châu trưởng châu Văn Sơn"], "CN", True)],
        id="honorific-referring-back-leads-the-delegation"),
    pytest.param(
        "Tiếp đoàn có ông Vi Quốc Cường, Phó Huyện trưởng Chính quyền nhân dân huyện Long Châu; bà Châu Thanh "
        "Mai, Trưởng phòng Ngoại sự huyện cùng lãnh đạo một số ban, ngành. Phát biểu tại buổi tiếp, Phó Trưởng "
        "phòng Ngoại sự huyện Long Châu Châu Minh Vũ cảm ơn sự hợp tác.",
        [("Vi Quốc Cường", ["Phó Huyện trưởng Chính quyền nhân dân huyện Long Châu"], "CN", False),
         ("Châu Thanh Mai", ["Trưởng phòng Ngoại sự huyện"], "CN", False),
         ("Châu Minh Vũ", ["Phó Trưởng phòng Ngoại sự huyện Long Châu"], "CN", False)],
        id="list-item-on-the-side-of-the-one-before-and-family-name-chau"),
    pytest.param(
        "Đoàn đại biểu tỉnh Lai Châu do đồng chí Tống Thanh Bình, Phó Bí thư Tỉnh ủy dẫn đầu đã sang thăm châu "
        "Hồng Hà. Tiếp đoàn có ông Lưu Vĩnh Khang, Phó Châu trưởng và bà Lạc Mỹ Vân, Phó Chủ nhiệm Văn phòng "
        "Ngoại sự.",
        [("Tống Thanh Bình", ["Phó Bí thư Tỉnh ủy"], "VN", True),
         ("Lưu Vĩnh Khang", ["Phó Châu trưởng"], "CN", False),
         ("Lạc Mỹ Vân", ["Phó Chủ nhiệm Văn phòng Ngoại sự"], "CN", False)],
        id="those-receiving-the-delegation-are-the-other-side"),
    pytest.param(
        "Tại điểm cầu Hà Nội, Thứ trưởng Bộ Công Thương Phan Thị Hằng Nga hội đàm trực tuyến với ông Tiêu Vĩnh "
        "Minh, Phó Chủ nhiệm Văn phòng Ngoại sự; ông Lỗ Kiến Văn, Phó Cục trưởng Cục Thương mại.",
        [("Phan Thị Hằng Nga", ["Thứ trưởng Bộ Công Thương"], "VN", False),
         ("Tiêu Vĩnh Minh", ["Phó Chủ nhiệm Văn phòng Ngoại sự"], "CN", False),
         ("Lỗ Kiến Văn", ["Phó Cục trưởng Cục Thương mại"], "CN", False)],
        id="after-hoi-dam-voi-the-other-side"),
    pytest.param(
        "Về phía Trung Quốc, ông Lý Hải Phong, Phó Thị trưởng cảm ơn ông Đặng Văn Hùng, Phó Chủ nhiệm Văn phòng "
        "Đoàn đại biểu Quốc hội đã đón tiếp chu đáo.",
        [("Lý Hải Phong", ["Phó Thị trưởng"], "CN", False),
         ("Đặng Văn Hùng", ["Phó Chủ nhiệm Văn phòng Đoàn đại biểu Quốc hội"], "VN", False)],
        id="thanks-go-to-the-other-side"),
    pytest.param(
        "Cùng dự có ông Phạm Quốc Khánh và bà Lê Thị Hồng, đại diện Hiệp hội doanh nghiệp tỉnh. Ông Trần Văn "
        "Lực, một tiểu thương, cho biết hàng hóa thông quan nhanh. Dự án kho lạnh do ông Vũ Đình Tài làm chủ đầu "
        "tư; tham gia góp vốn có bà Đỗ Thị Hạnh.",
        [("Phạm Quốc Khánh", [], "VN", False), ("Lê Thị Hồng", [], "VN", False)],
        id="untitled-people-in-an-attendance-list"),
    pytest.param(
        "Hai bên thống nhất tăng cường hợp tác.\n\nTin, ảnh: NGUYỄN HÀ\n\nMinh Anh, Trung tâm Văn hóa huyện "
        "Bát Xát\n\nẢnh: Bế Huệ",
        [],
        id="bylines-and-credits-are-not-officials"),
    pytest.param(
        "Dự buổi làm việc có ông Lương Vĩ Phong, Trạm trưởng Trạm Kiểm tra biên phòng Hữu Nghị Quan.",
        [("Lương Vĩ Phong", ["Trạm trưởng Trạm Kiểm tra biên phòng Hữu Nghị Quan"], "CN", False)],
        id="foreign-gate-name-in-title-gives-its-side"),
    pytest.param(
        "Về phía Lào có ông Xổm Xạ Vẳn, Trưởng Trạm kiểm soát cửa khẩu Nậm Cắn.",
        [("Xổm Xạ Vẳn", ["Trưởng Trạm kiểm soát cửa khẩu Nậm Cắn"], "LA", False)],
        id="gate-name-shared-by-both-sides-gives-no-side"),
    pytest.param(
        "Về phía Trung Quốc có ông Vương Chí Cường, Trợ lý Bộ trưởng Bộ Ngoại giao Trung Quốc và ông Hà Minh Đức, "
        "Ủy viên Thường vụ Thành ủy, Phó Thị trưởng thành phố Phòng Thành Cảng.",
        [("Vương Chí Cường", ["Trợ lý Bộ trưởng Bộ Ngoại giao Trung Quốc"], "CN", False),
         ("Hà Minh Đức", ["Ủy viên Thường vụ Thành ủy", "Phó Thị trưởng thành phố Phòng Thành Cảng"], "CN", False)],
        id="assistant-minister-and-standing-committee-member-without-ban"),
    pytest.param(
        "Dự hội đàm có ông Đinh Quang Huy, Phó Chủ nhiệm Ủy ban Biên giới quốc gia và Thiếu tá Lò Văn Sính, "
        "Đội trưởng Đội Vận động quần chúng, Đồn Biên phòng Mường Nhé.",
        [("Đinh Quang Huy", ["Phó Chủ nhiệm Ủy ban Biên giới quốc gia"], "VN", False),
         ("Lò Văn Sính", ["Thiếu tá", "Đội trưởng Đội Vận động quần chúng, Đồn Biên phòng Mường Nhé"], "VN", False)],
        id="lower-case-words-of-an-organization-name"),
    pytest.param(
        "Dự buổi lễ có ông Lò Văn Hặc, Chủ tịch UBND xã Hà Lâm; Thiếu tá Vàng A Chứ, Đồn trưởng Đồn Biên phòng Si Pa Phìn.",
        [("Lò Văn Hặc", ["Chủ tịch UBND xã Hà Lâm"], "VN", False),
         ("Vàng A Chứ", ["Thiếu tá", "Đồn trưởng Đồn Biên phòng Si Pa Phìn"], "VN", False)],
        id="a-commune-whose-name-opens-with-a-family-name-closes-the-title-after-a-name"),
    pytest.param(
        "Cùng dự có ông Nguyễn Văn An, Phó Chủ tịch UBND huyện Bát Xát, Chủ tịch UBND xã Lò Văn Bình.",
        [("Nguyễn Văn An", ["Phó Chủ tịch UBND huyện Bát Xát"], "VN", False),
         ("Lò Văn Bình", ["Chủ tịch UBND xã"], "VN", False)],
        id="a-three-word-run-after-a-unit-word-is-a-person"),
    pytest.param(
        "Chủ tịch UBND tỉnh Hồ Văn Lực và Phó Tỉnh trưởng tỉnh Khammouane Bun Thăm Vông Ma Ly đồng chủ trì hội đàm.",
        [("Hồ Văn Lực", ["Chủ tịch UBND tỉnh"], "VN", True),
         ("Bun Thăm Vông Ma Ly", ["Phó Tỉnh trưởng tỉnh Khammouane"], "LA", True)],
        id="a-lao-name-after-its-province-keeps-a-syllable-that-looks-like-a-family-name"),
    pytest.param(
        "Về phía Campuchia có ông Sok Vanna, Quốc vụ khanh Bộ Nội vụ Campuchia.",
        [("Sok Vanna", ["Quốc vụ khanh Bộ Nội vụ Campuchia"], "KH", False)],
        id="a-cambodian-secretary-of-state"),
    pytest.param(
        "Tham dự có các đồng chí Chủ tịch UBND huyện Hoàng Văn Dũng, Phó Chủ tịch UBND huyện Lăng Thị Mai.",
        [("Hoàng Văn Dũng", ["Chủ tịch UBND huyện"], "VN", False),
         ("Lăng Thị Mai", ["Phó Chủ tịch UBND huyện"], "VN", False)],
        id="titles-before-names-and-a-woman-whose-family-name-is-not-listed"),
    pytest.param(
        "Phó Thủ tướng Lê Quang Vinh đã hội đàm với Samdech Keo Sophal, Phó Thủ tướng Chính phủ Hoàng gia Campuchia.",
        [("Lê Quang Vinh", ["Phó Thủ tướng"], "VN", False),
         ("Keo Sophal", ["Phó Thủ tướng Chính phủ Hoàng gia Campuchia"], "KH", False)],
        id="samdech-marks-a-person-as-ngai-does"),
    pytest.param(
        "Thủ tướng Lê Quang Vinh đã hội đàm với Samdech Techo Keo Sophal, Thủ tướng Chính phủ Hoàng gia Campuchia.",
        [("Lê Quang Vinh", ["Thủ tướng"], "VN", False),
         ("Keo Sophal", ["Thủ tướng Chính phủ Hoàng gia Campuchia"], "KH", False)],
        id="samdech-techo-is-one-honorific"),
]


CHAIR_CASES = [
    pytest.param(
        "Chiều 14/9, ông Đặng Hữu Phước, Phó Chủ tịch UBND tỉnh Hà Giang đã chủ trì buổi làm việc với đoàn "
        "công tác huyện Mã Quan (Trung Quốc) do ông Tạ Kiến Bình, Phó Huyện trưởng huyện Mã Quan làm trưởng đoàn.",
        [("Đặng Hữu Phước", ["Phó Chủ tịch UBND tỉnh Hà Giang"], "VN", True),
         ("Tạ Kiến Bình", ["Phó Huyện trưởng huyện Mã Quan"], "CN", True)],
        id="host-who-chaired-the-working-session"),
    pytest.param(
        "Bà Lương Thị Mai, Giám đốc Sở Ngoại vụ tỉnh Điện Biên và ông Khăm Phăn, Phó Tỉnh trưởng tỉnh Phông Xa Lỳ "
        "đã đồng chủ trì hội nghị.",
        [("Lương Thị Mai", ["Giám đốc Sở Ngoại vụ tỉnh Điện Biên"], "VN", True),
         ("Khăm Phăn", ["Phó Tỉnh trưởng tỉnh Phông Xa Lỳ"], "LA", True)],
        id="past-tense-co-chairs-after-the-names"),
    pytest.param(
        "Cùng chủ trì buổi hội đàm có đồng chí Ninh Văn Quý, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lai Châu và "
        "ông Trình Hải Long, Phó Chủ tịch Chính phủ nhân dân tỉnh Vân Nam.",
        [("Ninh Văn Quý", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh Lai Châu"], "VN", True),
         ("Trình Hải Long", ["Phó Chủ tịch Chính phủ nhân dân tỉnh Vân Nam"], "CN", True)],
        id="co-chairs-announced-before-the-names"),
    pytest.param(
        "Chủ trì cuộc họp tại điểm cầu tỉnh Cao Bằng là đồng chí Bế Thanh Tùng, Phó Chủ tịch UBND tỉnh; tại điểm "
        "cầu thành phố Bách Sắc là ông Mạnh Khải, Phó Thị trưởng thành phố Bách Sắc. Tham dự có bà Hà Thị Nga, "
        "Giám đốc Sở Công Thương.",
        [("Bế Thanh Tùng", ["Phó Chủ tịch UBND tỉnh"], "VN", True),
         ("Mạnh Khải", ["Phó Thị trưởng thành phố Bách Sắc"], "CN", True),
         ("Hà Thị Nga", ["Giám đốc Sở Công Thương"], "VN", False)],
        id="chair-of-each-bridge-point"),
]



# The side of a delegation's people when a host receives it: the delegation's place outranks
# "the other side of the verb", and so does a title word only Vietnam has.
HOST_CASES = [
    pytest.param(
        "Ngày 2/10, ông Đỗ Minh Tuấn, Đại sứ Việt Nam tại Lào đã tiếp đoàn công tác tỉnh Hà Tĩnh do đồng chí "
        "Lê Ngọc Châu, Phó Chủ tịch UBND tỉnh làm trưởng đoàn.",
        [("Đỗ Minh Tuấn", ["Đại sứ Việt Nam tại Lào"], "VN", False),
         ("Lê Ngọc Châu", ["Phó Chủ tịch UBND tỉnh"], "VN", True)],
        id="delegation-led-by-stays-with-its-place"),
    pytest.param(
        "Bà Vi Thu Trang, Tổng Lãnh sự Việt Nam tại Côn Minh tiếp đoàn tỉnh Lào Cai có ông Nguyễn Hữu Thành, "
        "Giám đốc Sở Ngoại vụ.",
        [("Vi Thu Trang", ["Tổng Lãnh sự Việt Nam tại Côn Minh"], "VN", False),
         ("Nguyễn Hữu Thành", ["Giám đốc Sở Ngoại vụ"], "VN", False)],
        id="vietnamese-host-of-a-vietnamese-delegation"),
    pytest.param(
        "Tiếp và làm việc với đoàn tỉnh Hà Giang có ông Mã Vĩnh Lợi, Phó Thị trưởng thành phố và ông Hoàng "
        "Đức Nam, Phó Chủ tịch UBND huyện Mèo Vạc.",
        [("Mã Vĩnh Lợi", ["Phó Thị trưởng thành phố"], "CN", False),
         ("Hoàng Đức Nam", ["Phó Chủ tịch UBND huyện Mèo Vạc"], "VN", False)],
        id="vietnam-only-title-outranks-the-host-verb"),
]


def _officials(body: str, sides: list[Side] | None = None):
    article = analyse(from_text(HEADLINE + body))
    return article, find_officials(article, sides or [])


@pytest.mark.parametrize("body,expected", CASES + CHAIR_CASES + HOST_CASES)
def test_attendance_sentences(body, expected):
    article, found = _officials(body)
    assert [(o.name, o.titles, o.country, o.head_of_delegation) for o in found] == expected
    for official in found:
        assert official.evidence
        for ev in official.evidence:
            assert article.text[ev.start:ev.end] == ev.text


def test_every_mention_is_evidence():
    body = ("Tham dự hội đàm có bà Lý Thị Lan, Giám đốc Sở Ngoại vụ. Bà Lý Thị Lan đề nghị hai bên duy trì cơ "
            "chế hội đàm định kỳ. Đồng chí Giám đốc Sở Ngoại vụ cũng đề nghị tăng cường trao đổi thông tin.")
    _, (official,) = _officials(body)
    assert [ev.text for ev in official.evidence] == [
        "bà Lý Thị Lan, Giám đốc Sở Ngoại vụ", "Bà Lý Thị Lan", "Đồng chí Giám đốc Sở Ngoại vụ"]
    assert official.honorific == "bà"


def test_foreign_only_title_takes_the_neighbour_from_the_sides():
    body = "Cùng dự có ông Bun Mi Vông Sa, Huyện trưởng."
    _, (official,) = _officials(body, [Side(country="VN"), Side(country="LA")])
    assert official.country == "LA"


def test_foreign_looking_people_take_the_neighbour_when_nothing_else_places_them():
    body = ("Chiều 5/3, Thủ tướng Phạm Minh Chính hội kiến Thủ tướng Sok Vanna tại Hà Nội. Tham dự có ngài Chan "
            "Sophal và ông Văn-xay Phôm-ma-chăn.")
    _, found = _officials(body, [Side(country="VN"), Side(country="KH")])
    assert [(o.name, o.country) for o in found] == [
        ("Phạm Minh Chính", "VN"), ("Sok Vanna", "KH"), ("Chan Sophal", "KH"), ("Văn-xay Phôm-ma-chăn", "KH")]


@pytest.mark.parametrize("stem", sample_stems())
def test_no_byline_or_page_noise_person(stem):
    """Authors, photographers and people of related-news blocks never become officials."""
    article = analyse(from_text((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")))
    names = {o.name.casefold() for o in find_officials(article, [])}
    for outsider in ("quang phấn", "lê hải", "trần cẩm tú", "nguyễn thị bích nhiệm", "hồ đức phớc", "hà đức hải",
                     "kiều linh", "vũ dũng", "bế huệ", "văn điệp", "nhã phương", "mã văn tình", "nguyễn phú trọng",
                     "hồ chí minh"):
        assert outsider not in names

