"""HTML loader: the article without site chrome, charsets, line structure."""

from __future__ import annotations

import pytest

from anquanyue_parse.loaders import load_bytes
from anquanyue_parse.loaders.web import decode_html
from tests.loaders import generate as gen

BLOCKS = [gen.Block("p", "关于开展2024年安全生产月活动的通知"), gen.Block("p", "各单位："),
          gen.Block("p", "活动主题：人人讲安全、个个会应急。"),
          gen.Block("table", rows=[["单位", "联系人", "电话"], ["市应急局", "张三", "0631-1234567"]])]
CHROME = ["首页", "政务公开", "办事服务", "您当前的位置", "发布时间", "来源", "浏览次数", "字体", "打印本页",
          "关闭窗口", "分享到", "主办单位", "版权所有", "统计代码", "栏目导航", "English"]


@pytest.mark.parametrize("encoding", ["utf-8", "gb2312", "gbk"])
def test_article_only(encoding):
    page = gen.build_html(BLOCKS, BLOCKS[0].text, encoding=encoding)
    src = load_bytes(page, "p.html")
    assert src.text == "\n".join(["关于开展2024年安全生产月活动的通知", "各单位：", "活动主题：人人讲安全、个个会应急。",
                                  "单位\t联系人\t电话", "市应急局\t张三\t0631-1234567"])
    assert not [w for w in CHROME if w in src.text]
    assert src.encoding == ("utf-8" if encoding == "utf-8" else "gb18030")
    assert src.paragraphs == [0, *[i + 1 for i, ch in enumerate(src.text) if ch == "\n"]]


def test_unknown_container_found_by_text_density():
    page = gen.build_html(BLOCKS, BLOCKS[0].text).replace(b'<div id="zoom" class="TRS_Editor">', b'<div class="wz">')
    src = load_bytes(page, "p.html")
    assert src.text.startswith("关于开展2024年安全生产月活动的通知\n各单位：")
    assert not [w for w in CHROME if w in src.text]


def test_headline_outside_the_article_is_put_in_front():
    page = gen.build_html(BLOCKS[1:3], "关于开展2024年安全生产月活动的通知")
    assert load_bytes(page, "p.html").text.split("\n")[:2] == ["关于开展2024年安全生产月活动的通知", "各单位："]


@pytest.mark.parametrize("markup,expected", [
    ("<p>一、活动主题<br>人人讲安全</p>", "一、活动主题\n人人讲安全"),
    ("<div>联系人：张三&nbsp;&nbsp;电话：1234</div>", "联系人：张三 电话：1234"),
    ("<p>　　各单位：\n  现将方案印发</p>", "各单位： 现将方案印发"),
    ("<p>甲</p><p style='display:none'>隐藏</p><p>乙</p>", "甲\n乙"),
    ("<table><tr><td><p>单位</p><p>名称</p></td><td>电话</td></tr></table>", "单位 名称\t电话"),
    ("<ul><li>1.宣讲</li><li>2.演练</li></ul>", "1.宣讲\n2.演练"),
    ("<pre>第一行\n第二行</pre>", "第一行\n第二行"),
], ids=["br", "nbsp", "indent-and-newline", "hidden", "cell-paragraphs", "list", "pre"])
def test_line_structure(markup, expected):
    src = load_bytes(f"<html><body>{markup}<script>x()</script><style>p{{}}</style></body></html>".encode(), "f.html")
    assert src.text == expected


@pytest.mark.parametrize("data,text,encoding", [
    ('<meta charset="gbk"><p>安全生产月</p>'.encode("gbk"), "安全生产月", "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312"><p>镕</p>'.encode("gb18030"), "镕",
     "gb18030"),
    ('<?xml version="1.0" encoding="utf-8"?><html><p>通知</p></html>'.encode(), "通知", "utf-8"),
    ('<meta charset="utf-8"><p>安全生产月活动方案</p>'.encode("gbk"), "安全生产月活动方案", "gb18030"),  # wrong declaration
    ('<html><p>安全生产月活动方案</p></html>'.encode("utf-16"), "安全生产月活动方案", "utf-16"),
], ids=["meta-charset", "http-equiv-gb2312", "xml-declaration", "wrong-declaration", "utf-16-bom"])
def test_charsets(data, text, encoding):
    markup, enc = decode_html(data)
    assert text in markup and enc == encoding


def test_mhtml_web_archive():
    html = gen.build_html(BLOCKS, BLOCKS[0].text, encoding="gb2312")
    import base64

    archive = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
               b'Content-Type: multipart/related; type="text/html"; boundary="XX"\r\n\r\n--XX\r\n'
               b"Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n"
               + base64.encodebytes(html) + b"\r\n--XX--\r\n")
    src = load_bytes(archive, "page.mht")
    assert src.format == "mhtml" and src.text.startswith("关于开展2024年安全生产月活动的通知\n各单位：")


def test_a_metadata_table_is_kept_where_a_txt_copy_keeps_it():
    """发布日期 beside 发布单位 (the notice's metadata), a bar naming the document number: kept;
    a page bar with tools: dropped. The .txt copies of devset 017 and 022 keep these lines."""
    from anquanyue_parse.loaders.web import html_text

    page = """<html><body><div id="zoom">
    <p>关于推荐评选2017年全国“安全生产月”活动先进单位和好新闻作品的通知</p>
    <p>发布单位:全国安全生产月活动组委会办公室</p><p>发布日期:2017-06-29</p>
    <p>作者:安委办〔2015〕19号   文章来源:国务院安委会办公室  点击数:  更新时间:2015/10/29</p>
    <p>发布时间：2024-05-28 09:30 来源：某市应急管理局 浏览次数：12 字体：大 中 小</p>
    <p>各有关单位：为总结交流各地区、各有关单位开展“安全生产月”活动的经验做法，现将有关事项通知如下。</p>
    </div></body></html>"""
    text, _ = html_text(page)
    assert "发布日期:2017-06-29" in text and "安委办〔2015〕19号" in text
    assert "浏览次数" not in text and "2024-05-28" not in text
