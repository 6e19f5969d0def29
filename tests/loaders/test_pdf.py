"""PDF loader on hand-positioned PDFs (generate.text_pdf): every character one em wide, so
line ends, indents and page furniture are exactly where the test puts them."""

from __future__ import annotations

import pytest

from anquanyue_parse.errors import CorruptDocument
from anquanyue_parse.loaders import load_bytes
from anquanyue_parse.pipeline import parse_source
from tests.loaders import generate as gen

LEFT, SIZE, CHARS = 80.0, 16.0, 28  # GB/T 9704: 28 characters a line
TOP = 760.0


def page(rows: list[tuple[int, str]], number: int | None = None, header: str = "") -> list:
    """Lines from (indent in characters, text), one per 29 pt, plus furniture."""
    lines = [(LEFT + indent * SIZE, TOP - i * 29, text, SIZE) for i, (indent, text) in enumerate(rows)]
    if header:
        lines.append((LEFT, 800, header, 10.5))
    if number is not None:
        lines.append((270, 60, f"— {number} —", 14))
    return lines


def body(n: int, seed: str = "安全生产") -> str:
    return (seed * CHARS)[:n]


def load_pdf_pages(pages) -> str:
    return load_bytes(gen.text_pdf(pages), "t.pdf")


def test_wrapped_paragraph_rejoined_and_furniture_dropped():
    full1, full2 = body(26, "一二三四五六七"), body(28, "甲乙丙丁")
    p1 = page([(0, "关于开展活动的通知"), (2, full1), (0, full2), (0, "短行结束。"), (2, "新段落。")], number=1)
    src = load_pdf_pages([p1])
    assert src.text == f"关于开展活动的通知\n{full1}{full2}短行结束。\n新段落。"


def test_headings_and_list_items_keep_their_lines():
    full = body(28)
    p = page([(2, "一、活动主题"), (2, body(26)), (0, full), (2, "（一）聚焦责任落实"), (2, "1.开展宣讲。"),
              (2, body(26)), (0, full), (0, "附件：统计表")])
    lines = load_pdf_pages([p]).text.split("\n")
    assert lines == ["一、活动主题", body(26) + full, "（一）聚焦责任落实", "1.开展宣讲。", body(26) + full, "附件：统计表"]


def test_flush_heading_number_inside_a_wrap_is_text_when_headings_are_indented():
    # "坚持安全第" | "一、预防为主" is one sentence wrapped at the margin, not a heading
    rows = [(2, "一、总体要求"), (2, "二、活动内容"), (2, "三、工作要求"), (2, body(21) + "坚持安全第"),
            (0, "一、预防为主。")]
    text = load_pdf_pages([page(rows)]).text
    assert text.endswith(body(21) + "坚持安全第一、预防为主。")


def test_paragraph_continues_across_pages_and_pages_are_mapped():
    first, second = body(26), body(28, "持续稳定")
    p1 = page([(0, "威工信发〔2024〕22号"), (2, first)], number=1, header="某市人民政府公报")
    p2 = page([(0, second[:10] + "。"), (2, "第二页新段落。")], number=2, header="某市人民政府公报")
    src = load_pdf_pages([p1, p2])
    assert src.text == f"威工信发〔2024〕22号\n{first}{second[:10]}。\n第二页新段落。"
    assert src.pages == [0, src.text.index(second[:10])]
    assert src.page_of(src.text.index("第二页")) == 2 and src.page_of(0) == 1


def test_page_numbers_of_every_style_are_dropped():
    styles = ["— 1 —", "-2-", "第3页", "第 4 页 共 9 页", "5", "6/9", "Page 7"]
    full = [body(28, "安全生产月活动"[i:] + "安全生产月活动"[:i]) for i in range(len(styles))]
    pages = [[(LEFT, TOP, full[i], SIZE), (LEFT, TOP - 29, f"第{i}页完。", SIZE), (280, 60, s, 12)]
             for i, s in enumerate(styles)]
    assert load_pdf_pages(pages).text.split("\n") == [full[i] + f"第{i}页完。" for i in range(len(styles))]


def test_centered_title_wrapped_in_large_font():
    title1 = "关于印发全市工信系统二〇二四年安全生产月活"  # 21 chars x 22 pt ends at the right margin
    lines = [(LEFT, TOP, title1, 22.0), (LEFT + 224 - 66, TOP - 35, "动方案的通知", 22.0),
             (LEFT, TOP - 80, "各区市工业和信息化局：", SIZE)]
    text = load_pdf_pages([lines + [(LEFT, 200, body(28), SIZE), (LEFT, 171, body(28), SIZE)]]).text
    assert text.startswith(title1 + "动方案的通知\n各区市工业和信息化局：")


def test_spans_carry_page_numbers():
    p1 = page([(0, "威工信发〔2024〕22号"), (2, "各单位：")], number=1)
    p2 = page([(2, "活动主题：人人讲安全、个个会应急——畅通生命通道")], number=2)
    record = parse_source(load_pdf_pages([p1, p2]))
    assert record.doc_number == "威工信发〔2024〕22号" and record.spans["doc_number"].page == 1
    assert record.theme and record.spans["theme"].page == 2


def test_not_a_pdf_header():
    with pytest.raises(CorruptDocument, match="no %PDF header"):
        load_bytes(b"%PDX" + bytes(300), "x.pdf")


def test_running_header_and_footer_dropped_but_attachment_headings_kept():
    pages = [page([(0, f"附件{i}"), (2, f"第{i}张表。")], number=i, header="某市人民政府公报")
             + [(LEFT, 40, "某市人民政府办公室印发", 10.5)] for i in (1, 2, 3)]
    assert load_pdf_pages(pages).text.split("\n") == ["附件1", "第1张表。", "附件2", "第2张表。", "附件3", "第3张表。"]
