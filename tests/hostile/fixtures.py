"""Hostile inputs of issue 13, made at run time (nothing large is kept in git).

Each fixture is a ``Hostile(name, filename, make, expect)``: ``make(folder)`` writes the file
(or FIFO, or symlink) into ``folder`` and returns its path; ``expect`` is the error type name
the parser should give, or ``"record"`` when a record is the right answer.
Used by tests/hostile (build end to end) and tests/benchmarks/hostile.py (time and memory).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Callable

from tests.loaders import generate as gen

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC_HEAD = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>').encode()
DOC_TAIL = b"</w:body></w:document>"
#: One paragraph of the zip bomb's document.xml.
BOMB_PARAGRAPH = "<w:p><w:r><w:t>安全生产月活动</w:t></w:r></w:p>".encode()


@dataclass
class Hostile:
    name: str
    filename: str
    make: Callable[[Path], Path]
    expect: str  # error type name, or "record"
    #: what ``build`` does with it when that differs from ``parse``: an empty .txt parses to an
    #: empty record with a warning, but a build lists it in ``failures`` (issue 10)
    build_expect: Optional[str] = None

    @property
    def in_build(self) -> str:
        return self.build_expect or self.expect


# -- zip building blocks ------------------------------------------------------------------------

def _docx_parts(document_xml: bytes) -> dict[str, bytes]:
    """The parts of a minimal .docx (content types, relationships) around ``document_xml``."""
    base = gen.build_docx([gen.Block("p", "关于开展安全生产月活动的通知")])
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = document_xml
    return parts


def _docx(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in _docx_parts(document_xml).items():
            zf.writestr(name, data)
    return out.getvalue()


def _deflate_repeated(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + chunk * times + tail, compressing ``chunk`` once: a full flush
    resets the compressor, so the flushed segment of ``chunk`` can be repeated byte for byte.
    Returns (compressed, crc32, uncompressed size)."""

    def segment(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)

    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = segment(head) + segment(chunk) * times + segment(tail) + end.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return body, crc, len(head) + len(chunk) * times + len(tail)


def _raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, stored bytes, crc, uncompressed size, method) members (no zip64)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size, method in members:
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(raw), 0)
        out += raw + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data),
                               size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + eocd)


def zip_bomb_docx(uncompressed: int = 1 << 30) -> bytes:
    """A .docx of a few MB whose document.xml inflates to ``uncompressed`` bytes (1 GiB)."""
    chunk = BOMB_PARAGRAPH * ((1 << 20) // len(BOMB_PARAGRAPH))
    body, crc, size = _deflate_repeated(DOC_HEAD, chunk, max(1, uncompressed // len(chunk)), DOC_TAIL)
    members = []
    for name, data in _docx_parts(b"").items():
        if name == "word/document.xml":
            members.append((name, body, crc, size, zipfile.ZIP_DEFLATED))
        else:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            members.append((name, c.compress(data) + c.flush(), zlib.crc32(data), len(data), zipfile.ZIP_DEFLATED))
    return _raw_zip(members)


def docx_with_body(xml_body: str) -> bytes:
    return _docx(DOC_HEAD + xml_body.encode() + DOC_TAIL)


def bad_sym_docx(code: str) -> bytes:
    """A .docx whose w:sym has char code ``code`` ("ZZZZ", "110000")."""
    return docx_with_body('<w:p><w:r><w:t>关于开展安全生产月活动的通知</w:t></w:r></w:p>'
                          f'<w:p><w:r><w:sym w:font="Wingdings" w:char="{code}"/><w:t>一、活动主题</w:t></w:r></w:p>')


def xxe_docx(target: str = "/etc/passwd") -> bytes:
    """A .docx whose document.xml declares an external entity pointing at ``target`` (a path or URL)."""
    uri = target if "://" in target else f"file://{target}"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>\n'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>安全生产月&xxe;</w:t></w:r></w:p>'
           f'</w:body></w:document>').encode()
    return _docx(xml)


def many_paragraphs_docx(n: int = 10_000) -> bytes:
    paras = "".join(f"<w:p><w:r><w:t>第{i}段：加强安全生产宣传教育。</w:t></w:r></w:p>" for i in range(n))
    return docx_with_body('<w:p><w:r><w:t>关于开展安全生产月活动的通知</w:t></w:r></w:p>' + paras)


# -- HTML ------------------------------------------------------------------------------------

def nested_html(tag: str, depth: int = 100_000, close: bool = True) -> bytes:
    inner = "<p>关于开展2024年安全生产月活动的通知</p>"
    return (f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth if close else ''}"
            "</body></html>").encode()


def big_html(size: int = 50 << 20) -> bytes:
    """A government page whose article is padded with paragraphs to ``size`` bytes."""
    blocks = gen.notice_blocks(gen.notice_text("seed001"))
    page = gen.build_html(blocks, "关于开展2024年安全生产月活动的通知")
    para = "<p style=\"text-indent:2em\">各单位要加强安全生产宣传教育，落实企业主体责任，开展隐患排查治理。</p>\n".encode()
    pad = para * max(0, (size - len(page)) // len(para))
    end = page.index(b'</div>\n<div class="article-tools">')  # the end of the article (#zoom)
    return page[:end] + pad + page[end:]


# -- PDF ---------------------------------------------------------------------------------------

def many_pages_pdf(pages: int = 500) -> bytes:
    line = "各单位要加强安全生产宣传教育落实企业主体责任"
    return gen.text_pdf([[(72, 770 - 20 * k, f"{line}{p}-{k}", 12) for k in range(30)] for p in range(pages)])


def notice_pdf() -> bytes:
    text = gen.notice_text("seed001")
    lines = [ln for ln in text.split("\n") if ln.strip()][:35]
    return gen.text_pdf([[(72, 780 - 20 * k, ln[:38], 12) for k, ln in enumerate(lines)]])


# -- text --------------------------------------------------------------------------------------

def mixed_encoding_txt() -> bytes:
    """A notice whose first half is UTF-8 and second half GBK (two files concatenated)."""
    lines = gen.notice_text("seed001").splitlines(keepends=True)
    half = len(lines) // 2
    return "".join(lines[:half]).encode("utf-8") + "".join(lines[half:]).encode("gb18030")


def big_txt(size: int = 50 << 20) -> bytes:
    base = gen.notice_text("seed001").encode("utf-8")
    return base * max(1, size // len(base))


# -- writers -----------------------------------------------------------------------------------

def _file(data: Callable[[], bytes], filename: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / filename
        path.write_bytes(data())
        return path
    return make


def _fifo(filename: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / filename
        os.mkfifo(path)
        return path
    return make


def _symlink(target: str, filename: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / filename
        path.symlink_to(target)
        return path
    return make


def _truncated(data: Callable[[], bytes], share: float) -> Callable[[], bytes]:
    return lambda: (d := data())[: int(len(d) * share)]


def _h(name: str, filename: str, data: Callable[[], bytes], expect: str) -> Hostile:
    """An input that is a plain file holding ``data()``."""
    return Hostile(name, filename, _file(data, filename), expect)


def _notice_docx() -> bytes:
    return gen.build_docx(gen.notice_blocks(gen.notice_text("seed001")))


#: The table of issue 13, one entry per input (the rows "fine today" included).
HOSTILE = [
    _h("zip bomb .docx (1 GiB document.xml)", "bomb.docx", zip_bomb_docx, "TooLarge"),
    _h("HTML, 100,000 nested <div>", "nested_div.html", lambda: nested_html("div"), "TooLarge"),
    _h("HTML, 100,000 nested <span>", "nested_span.html", lambda: nested_html("span"), "TooLarge"),
    _h("HTML, 100,000 unclosed <div>", "unclosed_div.html", lambda: nested_html("div", close=False), "TooLarge"),
    Hostile("FIFO named .txt", "fifo.txt", _fifo("fifo.txt"), "FileAccessError"),
    Hostile("FIFO named .pdf", "fifo.pdf", _fifo("fifo.pdf"), "FileAccessError"),
    Hostile("symlink to /dev/zero named .txt", "zero.txt", _symlink("/dev/zero", "zero.txt"), "FileAccessError"),
    Hostile("symlink to /dev/urandom named .pdf", "urandom.pdf", _symlink("/dev/urandom", "urandom.pdf"),
       "FileAccessError"),
    _h("docx w:sym char ZZZZ", "sym_zzzz.docx", lambda: bad_sym_docx("ZZZZ"), "record"),
    _h("docx w:sym char beyond U+10FFFF", "sym_big.docx", lambda: bad_sym_docx("110000"), "record"),
    _h("50 MB .html", "big.html", big_html, "TooLarge"),
    _h("10 MB .html (at the default size limit)", "html10.html", lambda: big_html(10 << 20), "record"),
    _h("500-page PDF", "pages500.pdf", many_pages_pdf, "TooLarge"),
    _h("100-page PDF (at the default page limit)", "pages100.pdf", lambda: many_pages_pdf(100), "record"),
    _h("txt mixing UTF-8 and GBK lines", "mixed.txt", mixed_encoding_txt, "record"),
    _h("docx with an XXE entity to /etc/passwd", "xxe.docx", xxe_docx, "record"),
    Hostile("empty .txt", "empty.txt", _file(lambda: b"", "empty.txt"), "record", build_expect="EmptyDocument"),
    _h("empty .docx", "empty.docx", lambda: b"", "CorruptDocument"),
    _h("random bytes .pdf", "random.pdf", lambda: random.Random(1).randbytes(100_000), "CorruptDocument"),
    _h("random bytes .txt", "random.txt", lambda: random.Random(2).randbytes(100_000), "UnsupportedFormat"),
    *[_h(f"docx truncated at {int(s * 100)} %", f"trunc{int(s * 100)}.docx", _truncated(_notice_docx, s),
         "CorruptDocument") for s in (0.1, 0.5, 0.9)],
    *[_h(f"pdf truncated at {int(s * 100)} %", f"trunc{int(s * 100)}.pdf", _truncated(notice_pdf, s),
         "CorruptDocument") for s in (0.1, 0.5, 0.9)],
    _h("encrypted PDF", "encrypted.pdf", gen.encrypted_pdf, "EncryptedDocument"),
    _h("image-only PDF", "scan.pdf", lambda: gen.image_only_pdf(3), "NoTextLayer"),
    _h("10k-paragraph docx", "paras10k.docx", many_paragraphs_docx, "record"),
    _h("50 MB text", "big.txt", big_txt, "record"),
    _h("1 MB line", "longline.txt", lambda: ("安全" * (1 << 19)).encode(), "record"),
    _h("100k （一）", "headings.txt", lambda: ("（一）\n" * 100_000).encode(), "record"),
]
