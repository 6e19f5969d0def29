"""The review page: every span highlighted exactly, self-contained, checked in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.system_packages import missing, missing_cjk_font

from anquanyue_parse import parse_text
from anquanyue_parse.fonts import cjk_font_file, fontconfig_env
from anquanyue_parse.models import Activity, Attachment, Campaign, Contact, Deadline, Span
from anquanyue_parse.review import _marked_text, highlights, render_review, write_review

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,900"]


def check_marks(doc: LexborHTMLParser, text: str, expected: dict[str, tuple[int, int]]) -> None:
    """Each <mark> holds text[start:end]; each value's fragments cover exactly its span."""
    pane = doc.css_first("#text")
    assert pane.text(deep=True) == text
    covered: dict[str, list[tuple[int, int]]] = {}
    for m in pane.css("mark"):
        start, end = int(m.attributes["data-start"]), int(m.attributes["data-end"])
        assert m.text(deep=True) == text[start:end], m.attributes["data-field"]
        covered.setdefault(m.attributes["data-field"], []).append((start, end))
    assert set(covered) == set(expected)
    for hid, frags in covered.items():
        frags.sort()
        assert frags[0][0] == expected[hid][0] and frags[-1][1] == expected[hid][1], hid
        assert all(a[1] == b[0] for a, b in zip(frags, frags[1:])), hid  # contiguous
        assert doc.css_first(f'[id="m-{hid}"]') is not None  # the first fragment is the scroll target


def _hl(hid, start, end):
    from anquanyue_parse.review import Highlight

    return Highlight(hid, "field", hid, start, end)


MARK_CASES = [
    # (text, spans): nested, crossing, identical, adjacent, at the edges, HTML and CR characters
    ("威工信发〔2024〕22号 关于开展活动的通知", {"a": (0, 12), "b": (0, 4), "c": (13, 22)}),
    ("abcdefghij", {"a": (1, 6), "b": (4, 9)}),                  # crossing: b is split at 6
    ("abcdefghij", {"a": (2, 8), "b": (2, 8), "c": (8, 10)}),   # identical and adjacent
    ("x<y & z>\r\nw", {"a": (0, 3), "b": (6, 10)}),             # escaping, CRLF kept
    ("一二三四五六七八九十", {"a": (0, 10), "b": (1, 9), "c": (2, 5), "d": (4, 7)}),
]


@pytest.mark.parametrize("text,spans", MARK_CASES)
def test_marked_text(text, spans):
    html = _marked_text(text, [_hl(k, s, e) for k, (s, e) in spans.items()])
    doc = LexborHTMLParser(f'<pre id="text">{html}</pre>')
    check_marks(doc, text, spans)


def record_with_everything() -> Campaign:
    text = "关于开展2024年安全生产月活动的通知\n主题：人人讲安全\n一、开展咨询日活动\n6月5日前报送方案。联系人：张三，电话0631-1234567。\n附件：1.联络员表"
    find = lambda s: Span(start=text.index(s), end=text.index(s) + len(s))  # noqa: E731
    return Campaign(
        source_text=text, title=text.split("\n")[0], theme="人人讲安全", spans={"title": find(text.split("\n")[0]),
                                                                                "theme": find("人人讲安全"), "year": find("2024")},
        deadlines=[Deadline(action="报送方案", span=find("6月5日前报送方案"))],
        contacts=[Contact(name="张三", phones=["0631-1234567"], span=find("张三，电话0631-1234567"))],
        activities=[Activity(title="开展咨询日活动", span=find("一、开展咨询日活动\n6月5日前报送方案。"),
                             children=[Activity(title="咨询日", span=find("咨询日"))])],
        attachments=[Attachment(index=1, title="联络员表", span=find("联络员表"))],
    )


def test_highlights_of_every_kind_and_bad_spans_reported():
    rec = record_with_everything()
    hls, problems = highlights(rec)
    assert {h.kind for h in hls} == {"field", "deadline", "contact", "activity", "attachment"}
    assert {h.id for h in hls} == {"f-title", "f-theme", "f-year", "d-0", "c-0", "a-1", "a-1_1", "t-0"}
    assert problems == []
    rec.spans["issuer"] = Span(start=5, end=10_000)
    hls2, problems = highlights(rec)
    assert len(hls2) == len(hls) and "issuer" in problems[0]


def test_page_is_self_contained_and_marks_every_span():
    rec = record_with_everything()
    page = render_review(rec)
    doc = LexborHTMLParser(page)
    assert not doc.css("link, img, iframe, object, embed, script[src]")
    assert not [n for n in doc.css("*") if "src" in n.attributes or "href" in n.attributes]
    check_marks(doc, rec.source_text, {h.id: (h.start, h.end) for h in highlights(rec)[0]})
    targets = {n.attributes["data-target"] for n in doc.css("#record [data-target]")}
    assert targets == {h.id for h in highlights(rec)[0]}


def test_write_review_parses_a_file(tmp_path):
    src = tmp_path / "n.txt"
    src.write_text("活动主题：人人讲安全、个个会应急\n", encoding="utf-8")
    out = write_review(src, tmp_path / "out" / "r.html")
    assert "m-f-theme" in out.read_text("utf-8")
    assert parse_text(src.read_text("utf-8")).theme == "人人讲安全、个个会应急"


# -- in a real browser --------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason=missing("chromium"))


def _chromium(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    """Headless Chromium on ``url``; fontconfig also sees the packaged CJK font."""
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True,
                          env=fontconfig_env(profile / "fontconfig"))


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, corpus_records):
    rec = next(r for r in corpus_records if r.deadlines and r.activities and r.attachments)
    path = write_review(rec, tmp_path_factory.mktemp("review") / "review.html")
    return rec, path


@pytest.mark.slow
@needs_chromium
def test_chromium_dom_has_every_highlight_where_the_spans_say(seed_page, tmp_path):
    rec, path = seed_page
    hls = highlights(rec)[0]
    last = max(hls, key=lambda h: h.start)  # far down the text: selecting it must scroll
    dom = _chromium(f"{path.as_uri()}#select={last.id}", tmp_path, "--dump-dom").stdout
    doc = LexborHTMLParser(dom)
    check_marks(doc, rec.source_text, {h.id: (h.start, h.end) for h in hls})
    body = doc.css_first("body").attributes
    assert body["data-selected"] == last.id  # the page script ran and found the highlight
    assert int(body["data-scroll-top"]) > 0  # and scrolled the text to it
    assert "active" in doc.css_first(f'[id="m-{last.id}"]').attributes["class"]
    assert "active" in doc.css_first(f'#record [data-target="{last.id}"]').attributes["class"]


@pytest.mark.slow
@needs_chromium
def test_chromium_screenshot_shows_the_highlights(seed_page, tmp_path):
    import numpy as np
    from matplotlib import image

    rec, path = seed_page
    if cjk_font_file() is None:
        pytest.skip(missing_cjk_font("Chromium"))
    shot = tmp_path / "shot.png"
    _chromium(path.as_uri(), tmp_path, f"--screenshot={shot}")
    pixels = (image.imread(shot)[..., :3] * 255).round().astype(int)
    assert pixels.shape[:2] == (900, 1280)

    def count(rgb) -> int:
        return int((np.abs(pixels - np.array(rgb)).sum(axis=2) <= 6).sum())

    assert count((0xFF, 0xE0, 0x82)) > 500  # scalar fields (title, theme …) at the top of the text
    assert count((0xFF, 0xFF, 0xFF)) > pixels.shape[0] * pixels.shape[1] // 3  # a page, not a blank error
