"""Test documents made from corpus texts: the same notice as .docx, .html and re-encoded text,
plus small hand-written PDFs (text at exact positions, image-only, encrypted).

Used by tests/loaders and tests/benchmarks/bench_formats.py. Nothing here is downloaded.
"""

from __future__ import annotations

import hashlib
import html
import io
import struct
import zlib
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


# -- hand-written PDFs --------------------------------------------------------------------


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """Serialize numbered objects (1..n, object 1 is the catalog) with a valid xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


#: A line of text placed at (x, y) in points from the bottom-left corner, font size in points.
PdfLine = tuple[float, float, str, float]


def text_pdf(pages: list[list[PdfLine]], width: float = 595.0, height: float = 842.0) -> bytes:
    """A PDF whose lines sit at exact positions: a CJK CID font (STSong-Light, UniGB-UCS2-H, not
    embedded), every character one em wide, so line ends and indents are known to the point."""
    n_pages = len(pages)
    font_num = 3 + 2 * n_pages
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n_pages))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages))
    for i, lines in enumerate(pages):
        content = bytearray()
        for x, y, text, size in lines:
            hexed = text.encode("utf-16-be").hex().upper().encode()
            content += b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, hexed)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (width, height, 4 + 2 * i, font_num))
        objs.append(_stream(bytes(content)))
    objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                b"/DescendantFonts [%d 0 R] >>" % (font_num + 1))
    objs.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                b"/FontDescriptor %d 0 R >>" % (font_num + 2))
    objs.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    return _pdf(objs)


def image_only_pdf(pages: int = 1) -> bytes:
    """A scan-like PDF: each page only paints a grey 16x16 image, no text operators at all."""
    pixels = bytes((x * 16 + y) % 256 for y in range(16) for x in range(16))
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    img_num = 3 + 2 * pages
    for i in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (4 + 2 * i, img_num))
        objs.append(_stream(b"q 500 0 0 700 47 70 cm /Im1 Do Q"))
    objs.append(_stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width 16 /Height 16 "
                        b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "))
    return _pdf(objs)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: str = "secret", owner_password: str = "owner", text: str = "Secret notice") -> bytes:
    """A PDF encrypted with the standard security handler (RC4 40-bit, revision 2), as the PDF
    specification's algorithms 2-4 describe; it opens only with ``user_password``."""
    user = (user_password.encode("latin-1") + _PAD)[:32]
    owner = (owner_password.encode("latin-1") + _PAD)[:32]
    o_entry = _rc4(hashlib.md5(owner).digest()[:5], user)
    perms = -4
    file_id = hashlib.md5(text.encode()).digest()
    key = hashlib.md5(user + o_entry + struct.pack("<i", perms) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def enc(num: int, data: bytes) -> bytes:
        return _rc4(hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10], data)

    content = b"BT /F1 24 Tf 72 700 Td (%s) Tj ET" % text.encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(enc(4, content)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_entry.hex().encode(), u_entry.hex().encode(), perms),
    ]
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode())
    return _pdf(objs, trailer)
