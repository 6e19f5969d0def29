"""A small OFD (GB/T 33190) writer for test fixtures: text lines laid out on A4 pages.

Each line is one ``TextObject`` with one ``TextCode``; characters advance by one font size
(``DeltaX`` in the ``g N d`` shorthand), so wraps and indents are where the test puts them.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
#: A4 in mm, the GB/T 9704 text block: 28 characters of 5.5 mm (三号) per line, 22 lines a page.
PAGE_W, PAGE_H, LEFT, TOP, SIZE, CHARS, LINES, PITCH = 210.0, 297.0, 26.0, 37.0, 5.5, 28, 22, 10.3


def wrap(text: str) -> list[str]:
    """Paragraph lines wrapped at CHARS characters, paragraphs indented two characters."""
    out = []
    for para in text.splitlines():
        para = para.strip()
        if not para:
            continue
        para = "\u3000\u3000" + para
        out += [para[i:i + CHARS] for i in range(0, len(para), CHARS)]
    return out


def page_xml(lines: list[str], first_id: int = 10) -> str:
    objs = []
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip("\u3000"))
        text = line.lstrip("\u3000")
        x, y = LEFT + indent * SIZE, TOP + i * PITCH
        delta = f' DeltaX="g {len(text) - 1} {SIZE}"' if len(text) > 1 else ""
        objs.append(f'<ofd:TextObject ID="{first_id + i}" Boundary="{x} {y} {len(text) * SIZE} {SIZE * 1.5}" '
                    f'Font="3" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}"{delta}>{escape(text)}</ofd:TextCode>'
                    f'</ofd:TextObject>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def build_ofd(pages: list[list[str]], encrypted: bool = False, shuffle: bool = False) -> bytes:
    """An OFD of ``pages`` (lists of lines); ``shuffle`` writes each page's objects bottom-up."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" '
                    f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID></ofd:DocInfo>'
                    f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                    f'<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox>'
                    f'</ofd:PageArea></ofd:CommonData><ofd:Pages>{refs}</ofd:Pages></ofd:Document>')
        for i, lines in enumerate(pages):
            xml = page_xml(lines)
            if shuffle:
                head, rest = xml.split('<ofd:Layer ID="2">')
                objs, tail = rest.split("</ofd:Layer>")
                parts = [p + "</ofd:TextObject>" for p in objs.split("</ofd:TextObject>") if p]
                xml = head + '<ofd:Layer ID="2">' + "".join(reversed(parts)) + "</ofd:Layer>" + tail
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", xml)
        if encrypted:
            zf.writestr("Encryptions.xml", f'<ofd:Encryptions xmlns:ofd="{NS}"/>')
    return buf.getvalue()


def notice_ofd(text: str, **kw) -> bytes:
    """A notice's text wrapped and paged as an OFD."""
    lines = wrap(text)
    return build_ofd([lines[i:i + LINES] for i in range(0, len(lines), LINES)] or [[]], **kw)
