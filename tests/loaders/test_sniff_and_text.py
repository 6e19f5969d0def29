"""Example tables: file type from content, and text encodings."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pytest

from anquanyue_parse.errors import UnsupportedFormat
from anquanyue_parse.formats import notice_suffixes
from anquanyue_parse.loaders import load_bytes, sniff_format
from anquanyue_parse.loaders.text import decode_text
from tests.loaders import generate as gen

NOTICE = "关于开展2024年“安全生产月”活动的通知\n活动主题：人人讲安全、个个会应急——畅通生命通道\n"


def _zip(names: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return out.getvalue()


@dataclass
class Sniff:
    data: bytes
    suffix: str
    expected: str
    id: str


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
SNIFF_EXAMPLES = [
    # by content, whatever the suffix
    Sniff(b"%PDF-1.7\n...", ".txt", "pdf", "pdf-named-txt"),
    Sniff(b"\r\n%PDF-1.4\n", ".pdf", "pdf", "pdf-after-junk"),
    Sniff(_zip({"[Content_Types].xml": b"", "word/document.xml": b""}), ".zip", "docx", "docx-named-zip"),
    Sniff(_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), ".bin", "odt", "odt"),
    Sniff(_zip({"xl/workbook.xml": b""}), ".docx", "xlsx", "xlsx-named-docx"),
    Sniff(_zip({"a.txt": b"x"}), ".docx", "zip", "plain-zip-named-docx"),
    Sniff(OLE2 + "WordDocument".encode("utf-16-le"), ".wps", "wps", "word-format-wps"),
    Sniff(OLE2 + "WordDocument".encode("utf-16-le"), ".dat", "doc", "word-ole-any-suffix"),
    Sniff(OLE2 + "Workbook".encode("utf-16-le"), ".doc", "xls", "excel-named-doc"),
    Sniff(OLE2 + "EncryptedPackage".encode("utf-16-le"), ".docx", "encrypted-office", "encrypted-docx"),
    Sniff(OLE2, ".wps", "wps", "ole-by-suffix"),
    Sniff(b"{\\rtf1\\ansi\\ansicpg936 ...}", ".doc", "rtf", "rtf-named-doc"),
    Sniff(b"<!DOCTYPE html><html><body>x</body></html>", ".txt", "html", "html-named-txt"),
    Sniff(b"\xef\xbb\xbf  <html lang=zh>", "", "html", "html-bom"),
    Sniff("<html><body>通知".encode("utf-16"), "", "html", "html-utf16"),
    Sniff(b"<meta charset=gbk><p>x", ".txt", "html", "html-fragment-meta"),
    Sniff(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", ".txt", "mhtml", "mhtml"),
    Sniff(b"\x89PNG\r\n\x1a\n....", ".pdf", "png", "png-named-pdf"),
    Sniff(b"\xff\xd8\xff\xe0....", ".docx", "jpeg", "jpeg-named-docx"),
    # text: content first, the suffix for html fragments and damaged binaries
    Sniff(NOTICE.encode("utf-8"), ".pdf", "txt", "text-named-pdf"),
    Sniff(NOTICE.encode("gbk"), ".txt", "txt", "gbk-text"),
    Sniff("附件：<p>一、</p>".encode(), ".html", "html", "fragment-by-suffix"),
    Sniff(bytes(range(256)), ".pdf", "pdf", "binary-named-pdf"),
    Sniff(bytes(range(256)), ".docx", "docx", "binary-named-docx"),
    Sniff(b"", ".docx", "docx", "empty-docx"),
    Sniff(b"", ".txt", "txt", "empty-txt"),
    Sniff(b"", "", "txt", "empty-no-suffix"),
]


@pytest.mark.parametrize("ex", SNIFF_EXAMPLES, ids=[e.id for e in SNIFF_EXAMPLES])
def test_sniff(ex):
    assert sniff_format(ex.data, ex.suffix) == ex.expected


def test_truncated_docx_is_still_a_docx():
    data = gen.build_docx([gen.Block("p", "安全生产月")])
    assert sniff_format(data[: len(data) // 2], ".bin") == "docx"


def test_archive_walk_suffixes():
    assert {".txt", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps", ".rtf"} <= set(notice_suffixes())


@dataclass
class Enc:
    data: bytes
    text: str
    encoding: str
    id: str


LONG = NOTICE * 20
ENCODING_EXAMPLES = [
    Enc(NOTICE.encode("utf-8"), NOTICE, "utf-8", "utf-8"),
    Enc(NOTICE.encode("utf-8-sig"), NOTICE, "utf-8-sig", "utf-8-bom"),
    Enc(NOTICE.encode("gbk"), NOTICE, "gb18030", "gbk"),
    Enc("𠀀安全生产月".encode("gb18030"), "𠀀安全生产月", "gb18030", "gb18030-four-byte"),
    Enc(NOTICE.encode("utf-16"), NOTICE, "utf-16", "utf-16-bom"),
    Enc(NOTICE.encode("utf-16-le"), NOTICE, "utf-16-le", "utf-16le-no-bom"),
    Enc(NOTICE.encode("utf-16-be"), NOTICE, "utf-16-be", "utf-16be-no-bom"),
    Enc(b"\xfe\xff" + NOTICE.encode("utf-16-be"), NOTICE, "utf-16", "utf-16be-bom"),
    Enc(NOTICE.encode("utf-32"), NOTICE, "utf-32", "utf-32-bom"),
    Enc("ASCII only, 2024".encode(), "ASCII only, 2024", "utf-8", "ascii"),
    Enc(b"", "", "utf-8", "empty"),
    # traditional-character reprints in Big5: GB18030 would decode them into rare characters
    Enc("安全生產月活動方案，請各單位認真貫徹執行。".encode("big5") * 5,
        "安全生產月活動方案，請各單位認真貫徹執行。" * 5, "big5hkscs", "big5"),
]


@pytest.mark.parametrize("ex", ENCODING_EXAMPLES, ids=[e.id for e in ENCODING_EXAMPLES])
def test_decode_text(ex):
    assert decode_text(ex.data) == (ex.text, ex.encoding)


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x00\x01\x02\x03" * 500, b"\x89PNG\x00\x00" * 50],
                         ids=["all-bytes", "control-bytes", "png-like"])
def test_binary_is_not_text(data):
    with pytest.raises(UnsupportedFormat):
        decode_text(data)


def test_random_bytes_named_txt_are_unsupported():
    import random

    data = random.Random(7).randbytes(4000)
    with pytest.raises(UnsupportedFormat, match="not a text file"):
        load_bytes(data, "notice.txt")


def test_unsupported_type_names_itself():
    with pytest.raises(UnsupportedFormat, match="spreadsheet"):
        load_bytes(_zip({"xl/workbook.xml": b""}), "table.xlsx")
    with pytest.raises(UnsupportedFormat, match="OCR"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "scan.png")
