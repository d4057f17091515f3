"""Page noise is set aside as spans; nothing from it reaches a record."""

from __future__ import annotations

import json

import pytest

from borderminutes import extract_text
from borderminutes import patterns as P
from borderminutes.boilerplate import _rules, clean
from borderminutes.patterns import scan_view

from conftest import SAMPLES, SEEDS

ARTICLE = (
    "Hội đàm giữa tỉnh A và châu B\n\n"
    "Sáng 22/5, tại thành phố Lào Cai đã diễn ra buổi hội đàm giữa đoàn đại biểu hai bên về hợp tác kinh tế, "
    "thương mại và quản lý biên giới trong thời gian tới.\n\n"
)


def removed_texts(text: str) -> dict[str, list[str]]:
    cleaned = clean(scan_view(text))
    out: dict[str, list[str]] = {}
    for r in cleaned.removed:
        out.setdefault(r.reason, []).append(text[r.start:r.end])
    return out


@pytest.mark.parametrize("marker", ["Có thể bạn quan tâm", "Tin cùng chuyên mục", "Cùng chuyên mục",
                                    "Tin liên quan", "Ý kiến bạn đọc", "Bình luận", "BÌNH LUẬN (3)"])
def test_related_news_marker_cuts_the_rest(marker):
    text = ARTICLE + f"{marker}\n\nSáng 6/2/2026, đồng chí Trần Văn Tư làm việc tại xã X.\n"
    removed = removed_texts(text)["related-news"]
    assert removed == [text[text.index(marker):]]


def test_marker_before_the_article_is_navigation_not_a_cut():
    text = "Tin liên quan\n" + ARTICLE
    assert "related-news" not in removed_texts(text)


def test_widgets_share_links_images_and_placeholders():
    text = ("Đăng nhập\n  • Tài khoản\n" + ARTICLE + "baolaocai_hoidam (1).JPG\nQuang cảnh buổi hội đàm.\n"
            "anh tin bai\nfb yt zl tw\nHai bên nhất trí tăng cường hợp tác.\n"
            "Thống kê truy cập\n  • Đang online: 1\n  • Hôm nay: 1\n")
    removed = removed_texts(text)
    assert removed["widget"] == ["Đăng nhập", "  • Tài khoản"]
    assert removed["image-file"] == ["baolaocai_hoidam (1).JPG"]
    assert removed["placeholder"] == ["anh tin bai"]
    assert removed["share-links"] == ["fb yt zl tw"]
    assert removed["related-news"][0].startswith("Thống kê truy cập")


def test_share_rows_printed_with_separators():
    text = ARTICLE + "Chia sẻ: Facebook | Zalo | In bài\nChia sẻ  Facebook  Zalo  In bài\nHai bên nhất trí hợp tác.\n"
    assert removed_texts(text)["share-links"] == ["Chia sẻ: Facebook | Zalo | In bài", "Chia sẻ  Facebook  Zalo  In bài"]


def test_a_cookie_consent_banner_is_page_noise():
    banner = "Trang web sử dụng cookie để nâng cao trải nghiệm. Tiếp tục truy cập là bạn đồng ý. [Đồng ý]"
    assert removed_texts(banner + "\n" + ARTICLE)["consent"] == [banner]


def test_a_line_opening_with_a_pictures_label_is_a_caption():
    text = ARTICLE + "Ảnh 3: Hai bên thống nhất nhiều nội dung hợp tác.\nHình: Quang cảnh hội đàm\n"
    cleaned = clean(P.scan_view(text))
    starts = [text.index("Ảnh 3:"), text.index("Hình:")]
    assert all(start in cleaned.caption_lines for start in starts)


def test_caption_printed_twice_counts_once():
    caption = "Phó Chủ tịch UBND tỉnh phát biểu tại hội nghị."
    text = ARTICLE + f"{caption}\n{caption}\n"
    assert removed_texts(text)["duplicate-caption"] == [caption]


def test_kept_and_removed_regions_tile_the_text():
    text = (SAMPLES / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
    cleaned = clean(scan_view(text))
    spans = sorted([(s.start, s.end) for s in cleaned.kept] + [(r.start, r.end) for r in cleaned.removed])
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert covered == set(range(len(text)))


@pytest.mark.parametrize("stem", SEEDS)
def test_nothing_from_related_news_leaks(stem):
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    out = json.dumps(extract_text(text).model_dump(mode="json"), ensure_ascii=False)
    for leaked in ["Nguyễn Thị Bích Nhiệm", "Trần Cẩm Tú", "Hà Đức Hải", "Bính Ngọ", "Hồ Đức Phớc"]:
        assert leaked not in out


def test_marker_line_matches_exactly_where_one_of_its_rules_does():
    rules = _rules()
    lines = [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    lines += ["BÌNH LUẬN (3)", "Đăng nhập", "  • Tài khoản", "baolaocai_hoidam (1).JPG", "anh tin bai", "fb yt zl tw"]
    one_of = [rules.cut, rules.widget, rules.share, rules.placeholder, rules.image_file, rules.bullet]
    found = [line for line in lines if P.match(rules.marker_line, line)]
    assert found and found == [line for line in lines if any(P.match(rule, line) for rule in one_of)]
