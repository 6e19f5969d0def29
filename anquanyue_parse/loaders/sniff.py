"""The file type from its content (magic bytes), with the suffix only as a tie-breaker.

Format names are the rows of :mod:`..formats` (``txt``, ``html``, ``pdf`` ...); a row without a
loader (``xlsx``, ``png``, ``zip`` ...) is a recognized type we do not read.
"""

from __future__ import annotations

import io
import zipfile

import regex

from .. import formats

__all__ = ["sniff_format"]

#: The start of an OLE2 compound file (.doc, .wps, .xls, .et, encrypted .docx): D0 CF 11 E0 A1 B1 1A E1.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: OLE2 stream names (UTF-16LE in the directory) that tell the kinds apart, e.g. "WordDocument".
OLE2_STREAMS = [
    ("EncryptedPackage".encode("utf-16-le"), "encrypted-office"),
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
]

#: The first tag of an HTML document after optional BOM/white space (WHATWG sniffing table),
#: e.g. "<!DOCTYPE html>", "<html lang=zh>", "<meta charset=gbk>", "<!-- saved from url -->".
HTML_START_PATTERN = regex.compile(
    rb"(?i)^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|meta|title|script|style|iframe|"
    rb"h[1-6]|div|font|table|a|b|br|p|span|!--)[\s>/]"
)

#: A saved web page archive (.mht/.mhtml): a MIME header block announcing multipart/related.
MHTML_PATTERN = regex.compile(rb"(?is)^(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*){0,20}?content-type:\s*multipart/related")


def sniff_format(data: bytes, suffix: str = "") -> str:
    """The format name of ``data``; ``suffix`` (e.g. ``".wps"``) only breaks ties.

    >>> sniff_format(b"%PDF-1.7 ...", ".txt")
    'pdf'
    """
    suffix = suffix.lower()
    head = data[:1024]
    if not data:
        named = formats.by_suffix(suffix)
        return named.name if named and named.loader else "txt"
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, suffix)
    if data.startswith(OLE2_MAGIC):
        return _sniff_ole2(data, suffix)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    for magic, name in formats.magic_signatures():  # e.g. b"\x89PNG" -> "png"
        if data.startswith(magic):
            return name
    text_head = _text_head(head)
    if HTML_START_PATTERN.match(text_head):
        return "html"
    if MHTML_PATTERN.match(text_head.replace(b"\r\n", b"\n")):
        return "mhtml"
    named = formats.by_suffix(suffix)
    if named is not None and named.loader is not None:
        if named.suffix_rule == "always" or named.suffix_rule == "if-binary" and _is_binary(head):
            return named.name  # if binary: a damaged file of the named type, its loader says so
    return "txt"


def _text_head(head: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes (UTF-16 text re-encoded), for markup sniffing."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "ignore").encode("utf-8")
    return head.lstrip(b"\xef\xbb\xbf")


def _is_binary(head: bytes) -> bool:
    """Control bytes other than white space and no UTF-16 BOM: not a text file."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return any(b < 9 or 13 < b < 32 and b != 27 for b in head[:512])


#: Largest ``mimetype`` member read to tell OpenDocument kinds apart (the real one is ~40 bytes).
MAX_MIMETYPE = 256


def _sniff_zip(data: bytes, suffix: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # Truncated: the central directory is gone, but local headers still name the parts.
        head = data[:4096]
        if b"word/" in head or suffix == ".docx":
            return "docx"
        if b"opendocument.text" in head:
            return "odt"
        if b"OFD.xml" in head or suffix == ".ofd":
            return "ofd"
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"  # GB/T 33190: the entry file OFD.xml at the zip root
    if "mimetype" in names:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if zf.getinfo("mimetype").file_size > MAX_MIMETYPE:
            return "opendocument"  # not a real mimetype entry: never inflate it
        mime = zf.read("mimetype")
        if mime.strip() == b"application/vnd.oasis.opendocument.text":
            return "odt"
        return "opendocument"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return "zip"


def _sniff_ole2(data: bytes, suffix: str) -> str:
    for stream, name in OLE2_STREAMS:
        if stream in data:
            if name == "doc" and suffix == ".wps":
                return "wps"  # WPS Office saves Word-format files under .wps
            return name
    if suffix in (".wps", ".doc"):
        return suffix[1:]
    return "ole2"
