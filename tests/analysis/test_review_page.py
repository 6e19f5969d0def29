"""The review page's content: one language, each value once, PDF pages, an embedded CJK font."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from anquanyue_parse.fonts import EMBEDDED_FAMILY, packaged_cjk_font
from anquanyue_parse.models import Campaign, Deadline, Span
from anquanyue_parse.review import FIELD_LABELS, render_review

TEXT = "关于开展2024年安全生产月活动的通知\n各县区安委会：\n6月5日前报送方案。"


def _record(page: int | None = None) -> Campaign:
    find = lambda s: Span(start=TEXT.index(s), end=TEXT.index(s) + len(s), page=page)  # noqa: E731
    return Campaign(source_text=TEXT, title=TEXT.split("\n")[0], recipients=["各县区安委会"], year=2024,
                    spans={"title": find(TEXT.split("\n")[0]), "recipients": find("各县区安委会"), "year": find("2024")},
                    deadlines=[Deadline(action="报送方案", span=find("6月5日前报送方案"))])


def _doc(rec: Campaign) -> LexborHTMLParser:
    return LexborHTMLParser(render_review(rec))


def test_labels_are_chinese_with_the_field_name_as_tooltip():
    doc = _doc(_record())
    keys = doc.css("#record td.key")
    assert keys and all(k.attributes.get("title") for k in keys)
    for k in keys:
        label = k.text()
        assert re.fullmatch(r"[\u4e00-\u9fff]+", label), label  # no English label
        assert FIELD_LABELS[k.attributes["title"]] == label
    headings = [h.text() for h in doc.css("#record h2")]
    assert not [h for h in headings if re.search(r"[A-Za-z]{3,}", h.replace("JSON", ""))], headings
    legend = [m.text() for m in doc.css("header .legend mark")]
    assert legend[0] == "字段" and "报送时限" in legend


def test_recipients_are_shown_once():
    doc = _doc(_record())
    rows = [k.attributes["title"] for k in doc.css("#record td.key")]
    assert rows.count("recipients") == 1 and len(rows) == len(set(rows))


def test_pdf_values_show_their_page():
    doc = _doc(_record(page=3))
    pages = [p.text() for p in doc.css("#record .page")]
    assert pages and set(pages) == {"第3页"} and len(pages) == 4  # title, recipients, year, the deadline
    assert all("第3页" in m.attributes["title"] for m in doc.css("#text mark"))
    assert not _doc(_record()).css("#record .page")  # a text file has no pages


@pytest.mark.skipif(packaged_cjk_font() is None, reason="noto-cjk-sans-otc (the analysis extra) not installed")
def test_the_page_carries_a_cjk_font_for_every_character():
    from fontTools.ttLib import TTFont

    page = render_review(_record())
    m = re.search(r'@font-face \{ font-family: "' + EMBEDDED_FAMILY + r'"; src: url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)',
                  page)
    assert m, "no embedded font"
    font = TTFont(io.BytesIO(base64.b64decode(m.group(1))))
    cmap = font.getBestCmap()
    shown = LexborHTMLParser(page).css_first("body").text()
    han = {ch for ch in shown if "\u4e00" <= ch <= "\u9fff"}
    assert han and not [ch for ch in han if ord(ch) not in cmap]
    assert len(m.group(1)) < 400_000  # a subset, not the 19 MB collection
    assert "font-src data:" in page and f'font-family: "{EMBEDDED_FAMILY}"' in page


def test_a_set_of_records_gets_an_index_to_pick_from(tmp_path, capsys):
    from anquanyue_parse.cli import main

    seeds = sorted((Path(__file__).resolve().parents[2] / "corpus" / "seeds").glob("*.txt"))
    jsonl = tmp_path / "records.jsonl"
    assert main(["parse", *map(str, seeds)]) == 0
    jsonl.write_text(capsys.readouterr().out, "utf-8")
    assert main(["review", str(jsonl), "-o", str(tmp_path / "review.html")]) == 0
    index = Path(capsys.readouterr().out.strip())
    assert index == tmp_path / "review" / "index.html"
    doc = LexborHTMLParser(index.read_text("utf-8"))
    links = [a.attributes["href"] for a in doc.css("#rows a")]
    assert links == [f"{i:04d}.html" for i in range(1, len(seeds) + 1)]
    assert [td.text() for td in doc.css("#rows tr td:nth-child(5)")] == [str(s) for s in seeds]
    first = LexborHTMLParser((index.parent / links[0]).read_text("utf-8"))
    assert first.css_first('header a[href="index.html"]') is not None and first.css("#text mark")
    assert main(["review", "-o", str(tmp_path / "x.html")]) == 2  # neither FILE nor --db


def test_review_a_database(tmp_path, capsys):
    import shutil

    from anquanyue_parse.cli import main
    from anquanyue_parse.store.db import load_campaigns

    archive = tmp_path / "a"
    shutil.copytree(Path(__file__).resolve().parents[2] / "corpus" / "seeds", archive)
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert main(["build", str(archive), "--db", db, "--no-progress", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["review", "--db", db, "-o", str(tmp_path / "pages")]) == 0
    index = Path(capsys.readouterr().out.strip())
    rows = LexborHTMLParser(index.read_text("utf-8")).css("#rows tr")
    assert len(rows) == len(load_campaigns(db)) == 5
