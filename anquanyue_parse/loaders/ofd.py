"""OFD loader (GB/T 33190): a zip of XML read with the standard library, no OFD package.

OFD.xml names the document root (``DocBody/DocRoot``, e.g. ``Doc_0/Document.xml``), whose
``Pages/Page@BaseLoc`` names each page's ``Content.xml``. Text is drawn by ``TextObject``
elements (``Boundary="x y w h"`` in mm, ``Size`` the font size) holding ``TextCode`` runs
positioned by ``X``/``Y`` (baseline, relative to the boundary) and ``DeltaX`` (advances).
Characters are placed on the page, grouped into lines by baseline and ordered by position,
then joined as the PDF loader joins lines (:func:`.pdf_layout.layout_text`).

The zip directory has already passed :func:`.guards.check_zip`; documents declaring a DTD or
entities are refused (no entity is ever expanded), encrypted ones raise ``EncryptedDocument``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument
from ..limits import get_limits, too_large
from ..models import SourceText
from .pdf_layout import Line, layout_text

__all__ = ["load_ofd", "read_ofd_pages"]

#: Points per millimetre: OFD positions are in mm, the line joiner's thresholds in points.
PT_PER_MM = 72 / 25.4
#: Characters whose baselines differ by less than this share of the font size share a line.
SAME_LINE_SHARE = 0.5
#: Markers of a DTD or entity declaration: refused before parsing (no entity expansion).
DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
#: Members or root elements that mark an encrypted OFD (GB/T 33190 §encryption).
ENCRYPTION_MARKERS = ("Encryptions", "Encryption")


def load_ofd(path: Path, data: bytes) -> SourceText:
    """Read an OFD's text; ``pages`` holds the offset where each page starts."""
    text, starts = layout_text(read_ofd_pages(data, str(path)))
    return SourceText(text=text, path=str(path), format="ofd", pages=starts)


def read_ofd_pages(data: bytes, path: str | None = None) -> list[list[Line]]:
    """The lines of each page, top to bottom."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(f"broken OFD (not a readable zip: {exc})", path) from exc
    names = set(zf.namelist())
    if any(posixpath.basename(n).startswith(ENCRYPTION_MARKERS) for n in names):
        raise EncryptedDocument("an encrypted OFD: open it in an OFD reader and save it unencrypted", path)
    root = _xml(zf, "OFD.xml", path)
    doc_loc = _text_of(root, "DocRoot")
    if _first(root, "Encryptions") is not None:
        raise EncryptedDocument("an encrypted OFD: open it in an OFD reader and save it unencrypted", path)
    if not doc_loc:
        raise CorruptDocument("broken OFD: OFD.xml names no DocRoot", path)
    doc_path = _resolve("", doc_loc)
    document = _xml(zf, doc_path, path)
    page_locs = [p.get("BaseLoc", "") for p in _all(document, "Page")]
    max_pages = get_limits().pdf_pages
    if len(page_locs) > max_pages:
        raise too_large("the number of pages", len(page_locs), "pdf_pages", max_pages, path)
    base = posixpath.dirname(doc_path)
    return [_page_lines(_xml(zf, _resolve(base, loc), path)) for loc in page_locs if loc]


def _xml(zf: zipfile.ZipFile, name: str, path: str | None) -> ET.Element:
    try:
        raw = zf.read(name)
    except KeyError as exc:
        raise CorruptDocument(f"broken OFD: member {name} is missing", path) from exc
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:  # zlib: damaged deflate data
        raise CorruptDocument(f"broken OFD: member {name} cannot be read ({exc})", path) from exc
    if any(m in raw for m in DTD_MARKERS):
        raise CorruptDocument(f"OFD member {name} declares a DTD or entities: refused", path)
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise CorruptDocument(f"broken OFD: {name} is not well-formed XML ({exc})", path) from exc


def _resolve(base: str, loc: str) -> str:
    """A member name from a location relative to ``base`` ("/Doc_0/..." is from the zip root)."""
    loc = loc.strip()
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
    return posixpath.normpath(joined).lstrip("/")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _all(el: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in el.iter() if _local(e.tag) == name]


def _first(el: ET.Element, name: str):
    return next((e for e in el.iter() if _local(e.tag) == name), None)


def _text_of(el: ET.Element, name: str) -> str:
    found = _first(el, name)
    return (found.text or "").strip() if found is not None else ""


def _floats(value: str | None) -> list[float]:
    try:
        return [float(v) for v in (value or "").split()]
    except ValueError:
        return []


def _deltas(value: str | None, n: int) -> list[float]:
    """``DeltaX`` advances, with the ``g N d`` shorthand (N times d) expanded."""
    out: list[float] = []
    parts = (value or "").split()
    i = 0
    while i < len(parts):
        if parts[i] == "g" and i + 2 < len(parts):
            out += [float(parts[i + 2])] * int(float(parts[i + 1]))
            i += 3
        else:
            try:
                out.append(float(parts[i]))
            except ValueError:
                pass
            i += 1
    return out[: max(n - 1, 0)]


def _page_chars(page: ET.Element) -> list[tuple[float, float, float, str]]:
    """(x, baseline, size, character) in points for every character of the page."""
    chars = []
    for obj in _all(page, "TextObject"):
        box = _floats(obj.get("Boundary")) + [0.0, 0.0]
        size = float(obj.get("Size") or 3.5)
        x = y = 0.0
        for code in (c for c in obj if _local(c.tag) == "TextCode"):
            text = code.text or ""
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            adv = _deltas(code.get("DeltaX"), len(text))
            adv += [size] * (len(text) - 1 - len(adv))
            cx = x
            for i, ch in enumerate(text):
                chars.append(((box[0] + cx) * PT_PER_MM, (box[1] + y) * PT_PER_MM, size * PT_PER_MM, ch))
                cx += adv[i] if i < len(adv) else size
    return chars


def _page_lines(page: ET.Element) -> list[Line]:
    """Characters grouped by baseline into lines, top to bottom, each left to right."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for ch in sorted(_page_chars(page), key=lambda c: (c[1], c[0])):
        if lines and abs(lines[-1][0][1] - ch[1]) < SAME_LINE_SHARE * ch[2]:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for chars in lines:
        chars.sort()
        size = max(c[2] for c in chars)
        text = "".join(c[3] for c in chars).rstrip()
        if text.strip():
            base = chars[0][1]
            out.append(Line(x0=chars[0][0], x1=chars[-1][0] + chars[-1][2], top=base - size, bottom=base,
                            size=size, text=text))
    return out
