"""DOCX loader: body order, tables as rows, headers/footers out, Word numbering rebuilt."""

from __future__ import annotations

import io

import pytest

from anquanyue_parse.loaders import load_bytes
from anquanyue_parse.loaders.numbering import format_number
from tests.loaders import generate as gen

NUMBER_FORMATS = [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (13, "chineseCounting", "十三"),
    (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"),
    (12, "chineseLegalSimplified", "壹拾贰"), (3, "ideographTraditional", "丙"),
    (2, "decimalEnclosedCircle", "②"), (3, "decimalEnclosedParen", "⑶"), (12, "decimalFullWidth", "１２"),
    (4, "lowerRoman", "iv"), (9, "upperRoman", "IX"), (27, "lowerLetter", "aa"), (2, "upperLetter", "B"),
    (7, "decimalZero", "07"), (7, "decimal", "7"), (1, "bullet", ""), (2024, "ideographDigital", "二〇二四"),
]


@pytest.mark.parametrize("n,fmt,expected", NUMBER_FORMATS, ids=[f"{f}-{n}" for n, f, _ in NUMBER_FORMATS])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def _docx(blocks, **kw) -> bytes:
    return gen.build_docx(blocks, **kw)


def test_auto_numbered_headings_are_rebuilt():
    blocks = [gen.Block("p", t) for t in (
        "一、活动主题", "（一）宣传", "（二）演练", "二、活动时间", "（一）六月", "说明文字。",
        "附件", "一、联络员", "二、统计表")]
    data = _docx(blocks, auto_number=True)
    import docx

    plain = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "活动主题" in plain and "一、活动主题" not in plain  # python-docx alone loses them
    source = load_bytes(data, "n.docx")
    assert source.text.split("\n") == [b.text for b in blocks]
    assert source.format == "docx"


def test_tables_rows_and_body_order():
    blocks = [gen.Block("p", "附件1"), gen.Block("table", rows=[["单位", "姓名", "电话"], ["市工信局", "姜楠", "0631-5201067"]]),
              gen.Block("p", "附件2")]
    source = load_bytes(_docx(blocks), "t.docx")
    assert source.text == "附件1\n单位\t姓名\t电话\n市工信局\t姜楠\t0631-5201067\n附件2"
    assert [source.text[i:].split("\n")[0] for i in source.paragraphs] == source.text.split("\n")


def test_header_and_footer_are_dropped():
    source = load_bytes(_docx([gen.Block("p", "正文")], header="某市人民政府公报"), "h.docx")
    assert source.text == "正文"  # no header text, no "— 1 —" footer


def _raw_docx(body_xml: str) -> bytes:
    """A docx whose body is replaced by ``body_xml`` (WordprocessingML, w: prefix)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    v = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    wrapper = parse_xml(f"<w:body {nsdecls('w')} {mc} {v}>{body_xml}</w:body>")
    for i, child in enumerate(list(wrapper)):
        body.insert(i, child)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_tracked_deletions_hidden_text_and_breaks():
    body = ('<w:p><w:r><w:t>活动</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>主题</w:t></w:r></w:ins>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
            '<w:r><w:t>：</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>')
    assert load_bytes(_raw_docx(body), "x.docx").text == "活动主题：\t甲\n乙"


def test_content_controls_and_merged_cells():
    cell = '<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    body = ('<w:sdt><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '<w:tbl><w:tr>' + cell.format('<w:vMerge w:val="restart"/>', "单位") + cell.format("", "甲") + '</w:tr>'
            '<w:tr>' + cell.format("<w:vMerge/>", "") + cell.format("", "乙") + '</w:tr></w:tbl>')
    assert load_bytes(_raw_docx(body), "x.docx").text == "控件内\n单位\t甲\n\t乙"


def test_text_box_follows_its_paragraph_once():
    box = '<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
    body = ('<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            f'<w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Choice>'
            f'<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    assert load_bytes(_raw_docx(body), "x.docx").text == "正文\n框内文字"
