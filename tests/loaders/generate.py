"""Test documents made from corpus texts: the same notice as .docx, .html and re-encoded text
(and, re-exported from pdfgen.py, small hand-written PDFs).

Used by tests/loaders and tests/benchmarks/bench_formats.py. Nothing here is downloaded.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

#: The notices every format is generated from (name -> corpus file).
NOTICES = {
    "seed000": CORPUS / "seeds" / "000_8d091b15520258ee.txt",
    "seed001": CORPUS / "seeds" / "001_b6a546741b411cec.txt",
    "seed004": CORPUS / "seeds" / "004_7be708fc3e464d6b.txt",
    "dev001": CORPUS / "devset" / "001.txt",
}

# -- the notice as blocks -----------------------------------------------------------------

#: "一、" heading (level 0) and "（一）" heading (level 1), e.g. "一、活动主题", "（二）深入宣传".
HEADING0 = regex.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})、(?P<rest>.+)$")
HEADING1 = regex.compile(r"^[（(](?P<n>[一二三四五六七八九十]{1,3})[)）](?P<rest>.+)$")
#: Title-like line near the top, e.g. "关于印发…的通知"; document number, e.g. "威工信发〔2024〕22 号".
TITLE_LINE = regex.compile(r"关于|(?:通知|方案)$")
DOC_NUMBER_LINE = regex.compile(r"^\S{1,12}[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d{1,4}\s*号$")
DATE_LINE = regex.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")

CN_DIGITS = "一二三四五六七八九十"


def cn_to_int(s: str) -> int:
    """"一" -> 1, "十" -> 10, "十三" -> 13, "二十一" -> 21 (enough for heading numbers)."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)
    return CN_DIGITS.index(s) + 1


@dataclass
class Block:
    kind: str  # "p" or "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def notice_text(name: str) -> str:
    return NOTICES[name].read_text("utf-8")


def notice_blocks(text: str) -> list[Block]:
    """Paragraphs and tables of a corpus text: hard wraps and page numbers removed by the
    project's own display normalization; runs of tab-led lines (cells) become tables."""
    from anquanyue_parse.normalize import normalize

    lines = normalize(text).display.text.split("\n")
    blocks: list[Block] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.startswith("\t"):
            if line.strip():
                blocks.append(Block("p", line.strip()))
            i += 1
            continue
        rows: list[list[str]] = [[]]
        while i < n:
            cur = lines[i]
            if cur.startswith("\t"):
                rows[-1].append(cur.strip())
            elif not cur.strip():
                if rows[-1]:
                    rows.append([])
            elif _tab_line_follows(lines, i) and rows[-1]:
                rows[-1][-1] += cur.strip()  # a cell wrapped onto a line of its own
            else:
                break
            i += 1
        rows = [r for r in rows if r]
        width = max(len(r) for r in rows)
        blocks.append(Block("table", rows=[r + [""] * (width - len(r)) for r in rows]))
    return blocks


def _tab_line_follows(lines: list[str], i: int) -> bool:
    nxt = [x for x in lines[i + 1 : i + 4] if x.strip()]
    return bool(nxt) and nxt[0].startswith("\t")


def plain_text(blocks: list[Block]) -> str:
    """The blocks as text, tables as tab-separated rows (what a loader should give back)."""
    out = []
    for b in blocks:
        out.append(b.text if b.kind == "p" else "\n".join("\t".join(r) for r in b.rows))
    return "\n".join(out)


# -- .docx ---------------------------------------------------------------------------------

BODY_FONT, TITLE_FONT, H0_FONT, H1_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"

_ABSTRACT_NUM = """<w:abstractNum {ns} w:abstractNumId="{aid}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/>
    <w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/>
    <w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>"""
_NUM = '<w:num {ns} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'
_NUMPR = '<w:numPr {ns}><w:ilvl w:val="{lvl}"/><w:numId w:val="{nid}"/></w:numPr>'
_PAGE_FIELD = '<w:fldSimple {ns} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'


class _Lists:
    """Word lists for auto-numbered headings: a new list whenever level 0 does not continue."""

    def __init__(self, doc):
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self._parse, self._ns = parse_xml, nsdecls("w")
        self._numbering = doc.part.numbering_part.element
        self.num_id: int | None = None
        self.counters = [0, 0]
        self._next = 90

    def number(self, level: int, n: int) -> int | None:
        """The numId to use for heading number ``n`` at ``level``, or None to keep it literal."""
        if level == 0 and (self.num_id is None or n != self.counters[0] + 1):
            self._new_list(start=n)
        elif level == 1 and (self.num_id is None or n != self.counters[1] + 1):
            return None
        self.counters[level] = n
        if level == 0:
            self.counters[1] = 0
        return self.num_id

    def _new_list(self, start: int) -> None:
        aid = nid = self._next
        self._next += 1
        absn = self._parse(_ABSTRACT_NUM.format(ns=self._ns, aid=aid, start=start))
        first_num = self._numbering.find(f"{{{_W}}}num")
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            self._numbering.append(absn)
        self._numbering.append(self._parse(_NUM.format(ns=self._ns, nid=nid, aid=aid)))
        self.num_id = nid
        self.counters = [start - 1, 0]

    def numpr(self, level: int, nid: int):
        return self._parse(_NUMPR.format(ns=self._ns, lvl=level, nid=nid))


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def build_docx(blocks: list[Block], auto_number: bool = False, header: str = "") -> bytes:
    """An official-layout .docx (GB/T 9704 margins, 仿宋 三号 body, 小标宋 title, 黑体/楷体 headings).

    With ``auto_number`` the "一、" / "（一）" heading numbers are not in the text but come from
    Word auto-numbering (numbering.xml), as Word's own "numbered heading" styles do.
    A running ``header`` and a "— PAGE —" footer are added to every page.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    if header:
        sec.header.paragraphs[0].text = header
    _page_number_footer(sec.footer.paragraphs[0])
    lists = _Lists(doc) if auto_number else None
    seen_body = False
    for i, b in enumerate(blocks):
        if b.kind == "table":
            _add_table(doc, b.rows)
            continue
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(29)
        fmt.space_after = Pt(0)
        text, font, size = b.text, BODY_FONT, 16
        m0, m1 = HEADING0.match(text), HEADING1.match(text)
        if not seen_body and (TITLE_LINE.search(text) and len(text) < 60):
            font, size = TITLE_FONT, 22
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif DOC_NUMBER_LINE.match(text):
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif DATE_LINE.match(text):
            fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(64)
        else:
            seen_body = seen_body or len(text) > 40
            fmt.first_line_indent = Pt(32)
            if m0 or m1:
                font = H0_FONT if m0 else H1_FONT
                if lists is not None:
                    level, m = (0, m0) if m0 else (1, m1)
                    nid = lists.number(level, cn_to_int(m["n"]))
                    if nid is not None:
                        text = m["rest"]
                        p._p.get_or_add_pPr().append(lists.numpr(level, nid))
        _run(p, text, font, size)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _run(p, text: str, font: str, size: float):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    r = p.add_run(text)
    r.font.name = font
    r.font.size = Pt(size)
    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return r


def _page_number_footer(p) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", BODY_FONT, 14)
    p._p.append(parse_xml(_PAGE_FIELD.format(ns=nsdecls("w"))))
    _run(p, " —", BODY_FONT, 14)


def _add_table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.paragraphs[0].text = ""
            if value:
                _run(cell.paragraphs[0], value, BODY_FONT, 12)


# -- .html ---------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - {site}</title>
<style>body{{font-family:SimSun}} .nav li{{display:inline}}</style>
<script>var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
</head><body>
<div class="top"><a href="/">{site}</a> <a href="/en">English</a> 无障碍浏览 长者模式</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk">政务公开</a> &gt;&gt; 通知公告</div>
<div class="main"><div class="left-side"><h3>栏目导航</h3><ul><li>通知公告</li><li>政策解读</li></ul></div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：{date}　　来源：{site}　　浏览次数：1234　　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="article-tools"><a>【打印本页】</a> <a>【关闭窗口】</a> 分享到：微信 微博</div>
</div></div>
<div class="footer"><p>主办单位：{site}　　网站标识码：3710000012　　鲁ICP备05012345号</p>
<p>版权所有 © {site}　联系我们　网站地图</p></div>
<script>(function(){{var s=document.createElement("script");s.src="/stat.js";}})();</script>
</body></html>
"""


def build_html(blocks: list[Block], title: str, encoding: str = "utf-8", site: str = "某市人民政府") -> bytes:
    """A government web page with the notice in ``#zoom`` and the usual chrome around it.

    ``encoding`` goes into ``<meta http-equiv content="...; charset=...">`` and encodes the page
    (``gb2312`` pages are written as GB18030 bytes, as real "gb2312" pages hold GBK characters).
    """
    parts = []
    for b in blocks:
        if b.kind == "p":
            parts.append(f'<p style="text-indent:2em">{html.escape(b.text)}</p>')
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>\n"
                           for r in b.rows)
            parts.append(f'<table border="1"><tbody>\n{rows}</tbody></table>')
    page = _PAGE.format(charset=encoding, title=html.escape(title), site=site, date="2024-05-28 09:30",
                        body="\n".join(parts))
    codec = "gb18030" if encoding.lower() in ("gb2312", "gbk", "gb18030") else encoding
    return page.encode(codec)


# -- hand-written PDFs (pdfgen.py) ------------------------------------------------------

from tests.loaders.pdfgen import encrypted_pdf, image_only_pdf, scanned_text_pdf, text_pdf  # noqa: E402,F401
