"""DOCX loader (python-docx): the body in order, tables as rows, auto-numbers rebuilt.

Paragraphs and tables come in body order; a table row is one line with its cells joined
by a tab; headers, footers, comments and footnotes are separate parts and are not read.
Word auto-numbering ("一、", "（一）" drawn by Word, not stored in the text) is put back
by :mod:`.numbering`. Deleted (tracked) and hidden text is left out; text boxes follow
the paragraph that anchors them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, MissingDependency
from ..models import SourceText
from .guards import check_zip
from .numbering import Numbering

__all__ = ["load_docx", "docx_text"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: Elements whose subtree is never shown: tracked deletions, the fallback copy of
#: alternate content, paragraph/run properties, field codes.
SKIP = {W + "del", W + "moveFrom", MC + "Fallback", W + "pPr", W + "rPr", W + "instrText", W + "delText"}
#: Elements that hold another story (text boxes): read as paragraphs of their own.
STORY = {W + "txbxContent"}
#: Characters some elements stand for.
CHAR_ELEMENTS = {W + "tab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": ""}


class _Out:
    """Collects lines and the offsets where paragraphs start."""

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []
        self.blank = True

    def line(self, text: str) -> None:
        text = text.strip(" \u3000\xa0") if not text.strip() else text.rstrip()
        if not text:
            if not self.blank and self.parts:
                self.parts.append("\n")
                self.size += 1
            self.blank = True
            return
        self.starts.append(self.size)
        self.parts.append(text + "\n")
        self.size += len(text) + 1
        self.blank = False

    def text(self) -> str:
        return "".join(self.parts).rstrip("\n")


def load_docx(path: Path, data: bytes) -> SourceText:
    """Read a .docx file's body text (see the module doc)."""
    text, starts = docx_text(data, str(path))
    return SourceText(text=text, path=str(path), format="docx", paragraphs=starts)


def docx_text(data: bytes, path: str | None = None) -> tuple[str, list[int]]:
    """The body text of .docx bytes and the start offset of each paragraph."""
    doc = _open(data, path)
    numbering = Numbering.from_document(doc)
    out = _Out()
    for block in _blocks(doc.element.body):
        if block.tag == W + "p":
            _paragraph(block, numbering, out)
        else:
            for row in _rows(block, numbering):
                out.line(row)
    return out.text(), out.starts


def _open(data: bytes, path: str | None):
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise MissingDependency("reading .docx needs python-docx: pip install python-docx", path) from exc
    if not data:
        raise CorruptDocument("empty file (0 bytes): not a .docx document", path)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise EncryptedDocument("the .docx is password-protected; open it in Word and save it without a password", path)
    check_zip(data, "docx", path)  # before python-docx inflates any part
    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptDocument(f"broken .docx (truncated or damaged zip: {exc})", path) from exc
    except KeyError as exc:
        raise CorruptDocument(f"broken .docx (missing part {exc})", path) from exc
    except Exception as exc:  # python-docx raises ValueError/lxml errors for damaged parts
        raise CorruptDocument(f"broken .docx ({type(exc).__name__}: {exc})", path) from exc


def _blocks(container):
    """Paragraphs and tables of a body or cell in order, looking inside content controls."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
            yield from _blocks(child.find(W + "sdtContent") if child.tag == W + "sdt" else child)


def _paragraph(p, numbering: Numbering, out: _Out) -> None:
    stories: list = []
    chars: list[str] = [numbering.label(p)]
    _collect(p, chars, stories)
    out.line("".join(chars))
    for story in stories:
        for block in _blocks(story):
            if block.tag == W + "p":
                _paragraph(block, numbering, out)
            else:
                for row in _rows(block, numbering):
                    out.line(row)


def _collect(el, chars: list[str], stories: list) -> None:
    """The shown characters under ``el`` in order; text-box stories go to ``stories``."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == W + "t":
            chars.append(child.text or "")
        elif tag in CHAR_ELEMENTS:
            chars.append(CHAR_ELEMENTS[tag])
        elif tag == W + "br":
            chars.append("\n")
        elif tag == W + "sym":
            chars.append(_sym_char(child.get(W + "char", "")))
        elif tag in STORY:
            stories.append(child)
        elif tag == W + "r" and _hidden(child):
            continue
        else:
            _collect(child, chars, stories)


def _sym_char(code: str) -> str:
    """The character a ``w:sym`` stands for ("F0B7" -> "", "2460" -> "①"); "" for symbol-font
    glyphs (private use: no meaning as text) and for codes that are not a character at all
    ("ZZZZ", beyond U+10FFFF, a lone surrogate)."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if not 0 < value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF or 0xE000 <= value <= 0xF8FF:
        return ""
    return chr(value)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false")


def _rows(tbl, numbering: Numbering):
    """Each row of a table as one line: cells joined by a tab (a vertically merged cell is
    empty below its first row; a nested table's rows are flattened into its cell)."""
    for tr in tbl.iter(W + "tr"):
        if _enclosing_table(tr) is not tbl:
            continue
        cells = []
        for tc in tr.iter(W + "tc"):
            if _enclosing_table(tc) is not tbl:
                continue
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(W + "val", "continue") == "continue":
                cells.append("")
                continue
            cells.append(_cell_text(tc, numbering))
        yield "\t".join(cells)


def _enclosing_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _cell_text(tc, numbering: Numbering) -> str:
    inner = _Out()
    for block in _blocks(tc):
        if block.tag == W + "p":
            _paragraph(block, numbering, inner)
        else:
            for row in _rows(block, numbering):
                inner.line(row.replace("\t", " "))
    return " ".join(line.strip() for line in inner.text().split("\n") if line.strip())
