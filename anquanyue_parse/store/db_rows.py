"""A parsed :class:`Campaign` as database rows, plus the keys that recognise the same notice twice.

Pure functions without a database: the archive workers call them, so the main process
only has to insert what it receives.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import Any, Iterator, Optional

from ..fields import RECORD_COLUMNS, Column
from ..models import Activity, Campaign, Span
from ..patterns.web_chrome import INFO_BAR_PATTERN, is_info_bar

__all__ = ["fingerprint", "record_key", "campaign_rows", "pack_record", "unpack_record", "ParsedDocument",
           "LIST_SEPARATOR"]

#: How list values (phones, responsible units, dates …) are joined in one column.
LIST_SEPARATOR = "; "

#: Everything that is not a letter or digit: white space, punctuation, layout (line
#: wraps of a PDF copy, indentation of a DOCX copy) do not make a different notice.
NON_WORD_PATTERN = re.compile(r"[\W_]+")

#: Full-width ASCII (Ａ１) to ASCII, so a copy typed with full-width digits matches.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5F)}
_FULL_WIDTH_CHAR = re.compile("[\uff10-\uff5e]")

#: Texts with fewer letters and digits than this get no fingerprint (an empty file or a
#: bare heading would otherwise make unrelated files duplicates of each other).
MIN_FINGERPRINT_CHARS = 50

#: zlib level of the stored record: 6 (the default) gives 2.6 KB for a 9 KB record JSON in 0.28 ms;
#: level 1 saves 0.1 ms per notice for 10 % more bytes.
RECORD_ZLIB_LEVEL = 6

#: Indexed text columns are cut to this many characters (the full value stays in the stored record).
MAX_INDEXED_CHARS = 500


def fingerprint(text: str) -> Optional[str]:
    """sha256 of the letters and digits of ``text`` without web-page bar lines ("发布时间：…
    浏览次数：…", which a saved .txt keeps and the HTML loader drops), None for a text too
    short to tell.

    >>> fingerprint("关于开展2024年“安全生产月”活动的通知" * 3) == fingerprint("关于开展２０２４年 安全生产月 活动的通知" * 3)
    True
    """
    text = text or ""
    if INFO_BAR_PATTERN.search(text):
        text = "\n".join(line for line in text.splitlines() if not is_info_bar(line))
    core = NON_WORD_PATTERN.sub("", text)
    if _FULL_WIDTH_CHAR.search(core):  # translate() is slow: only when there is something to fold
        core = core.translate(_FULL_WIDTH)
    core = core.lower()
    if len(core) < MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.sha256(core.encode("utf-8")).hexdigest()


def record_key(c: Campaign) -> Optional[str]:
    """sha256 of doc_number + title + issue_date when all three are known, else None."""
    if not (c.doc_number and c.title and c.issue_date):
        return None
    parts = [NON_WORD_PATTERN.sub("", c.doc_number), NON_WORD_PATTERN.sub("", c.title), c.issue_date.isoformat()]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


class ParsedDocument:
    """What a worker sends back for one file: the rows of its campaign and its keys."""

    __slots__ = ("path", "format", "fingerprint", "record_key", "rows", "ocr_pages")

    def __init__(self, path: str, format: Optional[str], fingerprint: Optional[str],
                 record_key: Optional[str], rows: dict[str, Any], ocr_pages: int = 0):
        self.path = path
        self.format = format
        self.fingerprint = fingerprint
        self.record_key = record_key
        self.rows = rows
        self.ocr_pages = ocr_pages  # pages read by OCR, for the build's progress and summary

    def __reduce__(self):
        return (ParsedDocument, (self.path, self.format, self.fingerprint, self.record_key, self.rows,
                                 self.ocr_pages))

    @classmethod
    def from_campaign(cls, path: str, c: Campaign) -> "ParsedDocument":
        return cls(path, c.source_format, fingerprint(c.source_text), record_key(c), campaign_rows(c),
                   len(c.ocr_pages))


def pack_record(c: Campaign) -> bytes:
    """The record as stored in ``campaigns.record_zlib``: zlib-compressed UTF-8 JSON."""
    return zlib.compress(c.model_dump_json().encode("utf-8"), RECORD_ZLIB_LEVEL)


def unpack_record(raw: bytes) -> str:
    """The JSON text of a stored record (``Campaign.model_validate_json`` reads it back)."""
    return zlib.decompress(raw).decode("utf-8")


def _clean(value: Optional[str]) -> Optional[str]:
    # PostgreSQL text cannot hold NUL characters.
    if value is None or "\x00" not in value:
        return value
    return value.replace("\x00", "")


def _join(values) -> Optional[str]:
    values = [str(v) for v in values]
    return _clean(LIST_SEPARATOR.join(values)) if values else None


def _span(span: Optional[Span]) -> dict[str, Optional[int]]:
    if span is None:
        return {"span_start": None, "span_end": None, "page": None}
    return {"span_start": span.start, "span_end": span.end, "page": span.page}


def _cut(value: Optional[str]) -> Optional[str]:
    value = _clean(value)
    return value[:MAX_INDEXED_CHARS] if value else value


def _walk(items: list[Activity], parent: Optional[int], depth: int, counter: list[int]) -> Iterator[dict]:
    for pos, a in enumerate(items):
        seq = counter[0]
        counter[0] += 1
        yield {"seq": seq, "parent_seq": parent, "depth": depth, "position": pos,
               "number": _clean(a.number), "title": _clean(a.title) or "", "text": _clean(a.text),
               "responsible": _join(a.responsible), "dates": _join(d.isoformat() for d in a.dates),
               **_span(a.span)}
        yield from _walk(a.children, seq, depth + 1, counter)


def _column_value(col: Column, c: Campaign) -> Any:
    """A record column's value as stored: lists joined, text cut to MAX_INDEXED_CHARS (the full
    value stays in the stored record)."""
    value = col.value(c)
    if col.kind == "list":
        return _join(value)
    return _cut(value) if col.kind == "text" else value


def campaign_rows(c: Campaign) -> dict[str, Any]:
    """The row of ``campaigns`` (without ids) and the rows of each child table."""
    rows: dict[str, Any] = {
        "campaign": {
            **{col.name: _column_value(col, c) for col in RECORD_COLUMNS},
            "record_zlib": pack_record(c),
        },
        "deadlines": [{"position": i, "date": d.date, "time": d.time, "recurrence": d.recurrence,
                       "action": _clean(d.action), "text": _clean(d.text), **_span(d.span)}
                      for i, d in enumerate(c.deadlines)],
        "contacts": [{"position": i, "name": _clean(k.name), "phones": _join(k.phones), "fax": _join(k.fax),
                      "emails": _join(k.emails), "address": _clean(k.address), "postcode": _clean(k.postcode),
                      "organization": _clean(k.organization), **_span(k.span)}
                     for i, k in enumerate(c.contacts)],
        "activities": list(_walk(c.activities, None, 0, [0])),
        "attachments": [{"position": i, "number": a.index, "title": _clean(a.title) or "", **_span(a.span)}
                        for i, a in enumerate(c.attachments)],
        "references": [{"position": i, "doc_number": _clean(r)} for i, r in enumerate(c.references)],
        "warnings": [{"position": i, "message": _clean(w)} for i, w in enumerate(c.warnings)],
    }
    return rows
