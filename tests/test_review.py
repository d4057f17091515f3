"""The review page: well-formed nesting of any spans, escaping, and a real headless browser.

The browser tests drive Debian's chromium with chromium-driver through Selenium (.ci/run installs
both). They skip when chromium is missing on a developer machine, and fail under CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderminutes.boilerplate import Removed
from borderminutes.document import read_file
from borderminutes.models import (ArticleResult, BorderGate, Evidence, Location, Meeting, MeetingDate, Official,
                                  Proposal, Source, Statement, iter_evidence)
from borderminutes.pipeline import analyse
from borderminutes.review import Span, nest, render, review_document

from conftest import ROOT, SAMPLES, sample_stems

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


# A hand-built record of one real sample, with evidence of every field, nested and crossing spans,
# so that these tests do not depend on how far the field extractors have got.
STEM = "laocai-honghe-talks-2023"


def built() -> tuple[str, ArticleResult]:
    """(article text, record) for the sample ``STEM``."""
    path = SAMPLES / f"{STEM}.txt"
    text = read_file(path).text

    def ev(phrase: str) -> Evidence:
        start = text.index(phrase)
        return Evidence.of(text, start, start + len(phrase))

    def every(phrase: str) -> list[Evidence]:
        found, start = [], text.find(phrase)
        while start >= 0 and start < text.index("Có thể bạn quan tâm"):
            found.append(Evidence.of(text, start, start + len(phrase)))
            start = text.find(phrase, start + 1)
        return found

    agreement = ev("Chủ tịch UBND tỉnh Trịnh Xuân Trường nhất trí với các nội dung bà La Bình đề xuất")
    # Crosses the agreement span: starts inside it and ends after it.
    crossing = Evidence.of(text, agreement.end - 20, agreement.end + 30)
    meeting = Meeting(
        kind="talks", kind_text="Hội đàm", evidence=[ev("buổi Hội đàm")],
        date=MeetingDate(text="Sáng 30/5", day=30, month=5, year=2023, iso="2023-05-30", part_of_day="morning",
                         year_source="published", evidence=ev("Sáng 30/5")),
        location=Location(text="thành phố Lào Cai", evidence=ev("thành phố Lào Cai")),
        officials=[
            Official(name="Trịnh Xuân Trường", titles=["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], country="VN",
                     honorific="đồng chí", head_of_delegation=True, evidence=every("Trịnh Xuân Trường")),
            Official(name="La Bình", titles=["Phó Bí thư Châu ủy", "Châu trưởng Chính quyền nhân dân châu Hồng Hà"],
                     country="CN", honorific="bà", evidence=every("La Bình")),
        ],
        border_gates=[BorderGate(name="Kim Thành", text="Cửa khẩu Quốc tế đường bộ số II Kim Thành",
                                 level="international", evidence=every("Cửa khẩu Quốc tế đường bộ số II Kim Thành"))],
        border_markets=[BorderGate(name="Kim Thành", text="chợ biên giới", evidence=[ev("chợ biên giới")])],
        proposals=[Proposal(by="La Bình", country="CN",
                            items=["hai bên tiếp tục tăng cường các chuyến thăm lẫn nhau",
                                   "Tiếp tục hợp tác phát triển hạ tầng giao thông kết nối qua biên giới"],
                            evidence=[ev("Bà La Bình đề nghị hai bên tiếp tục tăng cường các chuyến thăm lẫn nhau"),
                                      ev("Tiếp tục hợp tác phát triển hạ tầng giao thông kết nối qua biên giới"),
                                      crossing])],
        agreements=[Statement(text=agreement.text, evidence=[agreement])],
    )
    source = Source(path=str(path), sha256="0" * 64, title=text.split("\n", 1)[0])
    return text, ArticleResult(source=source, meeting=meeting, warnings=["a <warning> & \"quotes\""])


class _Reader(HTMLParser):
    """Checks that tags nest properly and collects the text inside ``#text`` and the evidence marks."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.article_text: list[str] = []
        self.evidence_ids: set[str] = set()
        self.anchored: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        self.stack.append((tag, attrs))
        if tag == "mark" and "ev" in (attrs.get("class") or "").split():
            self.evidence_ids.add(attrs["data-ev"])
            if "id" in attrs:
                self.anchored.append(attrs["id"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if any(a.get("id") == "text" for _, a in self.stack):
            self.article_text.append(data)


def read(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    assert not reader.stack
    return reader


def test_every_evidence_is_one_anchored_mark_and_the_text_is_kept_whole():
    text, record = built()
    removed = analyse(read_file(SAMPLES / f"{STEM}.txt")).removed
    page = read(render(text, record, removed))
    n = len(list(iter_evidence(record)))
    assert len(page.evidence_ids) == len(page.anchored) == n
    assert "".join(page.article_text) == text


def test_removed_noise_is_struck_through_and_text_is_escaped():
    text = "Tin <b>chính</b> & \"trích dẫn\"\nCó thể bạn quan tâm\nTin khác"
    cut = text.index("Có thể")
    record = ArticleResult.model_validate({"source": {"path": "x<y>.txt", "title": "<script>alert(1)</script>"}})
    html = render(text, record, [Removed(cut, len(text), "related-news")])
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;chính&lt;/b&gt; &amp; &quot;trích dẫn&quot;" in html
    assert '<del class="removed" title="removed page noise (related-news)">Có thể bạn quan tâm\nTin khác</del>' in html
    assert "".join(read(html).article_text) == text


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(spans)
def test_any_spans_nest_properly_and_keep_the_text(pairs):
    text = "Hội đàm giữa Lào Cai & Hồng Hà <2023>"
    marks = [Span(min(a, b), max(a, b), f"ev-{i}", "mark", "ev f-other", "t", 10) for i, (a, b) in enumerate(pairs)]
    page = read(f'<article id="text">{nest(text, marks)}</article>')
    assert "".join(page.article_text) == text
    assert len(page.evidence_ids) == len(page.anchored) == len(marks)


@pytest.mark.parametrize("stem", sample_stems())
def test_pipeline_records_render_one_mark_per_evidence(stem):
    doc = read_file(SAMPLES / f"{stem}.txt")
    from borderminutes.pipeline import extract_document

    n = len(list(iter_evidence(extract_document(doc))))
    page = read(review_document(doc))
    assert len(page.evidence_ids) == len(page.anchored) == n
    assert "".join(page.article_text) == doc.text


def test_review_command_writes_the_page(tmp_path):
    out = tmp_path / "page.html"
    proc = subprocess.run([sys.executable, "-m", "borderminutes", "review", str(SAMPLES / f"{STEM}.txt"), "-o", str(out)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = subprocess.run([sys.executable, "-m", "borderminutes", "review", str(tmp_path / "nope.txt")],
                             capture_output=True, timeout=120)
    assert missing.returncode == 1 and b"nope.txt" in missing.stderr


# ---- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are missing: .ci/run should have installed them")
        pytest.skip("Debian chromium / chromium-driver not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def in_view(driver, element) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;", element)


def test_page_in_browser_highlights_every_evidence_and_jumps_to_it(browser, tmp_path):
    from selenium.webdriver.common.by import By

    text, record = built()
    removed = analyse(read_file(SAMPLES / f"{STEM}.txt")).removed
    page = tmp_path / "review.html"
    page.write_text(render(text, record, removed), encoding="utf-8")
    browser.get(page.as_uri())

    n = len(list(iter_evidence(record)))
    distinct = browser.execute_script(
        "return new Set([...document.querySelectorAll('#text mark.ev')].map(e => e.dataset.ev)).size")
    anchored = browser.find_elements(By.CSS_SELECTOR, "#text mark.ev[id]")
    assert distinct == len(anchored) == n
    assert browser.find_elements(By.CSS_SELECTOR, "#text del.removed")

    # The agreement sits far down the article: out of view until its value is clicked.
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review-top.png"))
    link = browser.find_element(By.CSS_SELECTOR, "#record a.val.f-agreements")
    target = browser.find_element(By.ID, link.get_attribute("href").split("#", 1)[1])
    assert not in_view(browser, target)
    link.click()
    assert in_view(browser, target)
    assert "current" in target.get_attribute("class").split()
    browser.save_screenshot(str(ARTIFACTS / "review-clicked.png"))
