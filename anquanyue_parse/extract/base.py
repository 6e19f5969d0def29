"""What every extractor receives: the normalized text, its segments, and helpers."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

import regex

from ..models import Period, SourceText, Span
from ..normalize import Normalized
from ..segment import Segments

__all__ = ["Context", "Facts", "split_units"]

#: Cap on items of one list field; beyond it the rest is dropped with a warning.
MAX_ITEMS = 500
#: A "sentence" never reaches further than this from the position asked about (keeps work linear).
SENTENCE_REACH = 300
#: Sentence boundaries: 。 ! ? ; and line breaks.
SENTENCE_END_PATTERN = regex.compile(r"[。!?;\n]")
#: The same class for the standard ``re`` module, which scans a plain class about twice as fast.
_SENTENCE_END_RE = re.compile(SENTENCE_END_PATTERN.pattern)


#: A [start, end) interval of the match text (``Context.text``).
Interval = tuple[int, int]


@dataclass
class Facts:
    """What extractors decided that later ones read (each extractor declares the ones it
    reads in its ``needs``); ``*_at`` are match-text intervals, the rest plain values."""

    title: Optional[str] = None
    title_at: Optional[Interval] = None
    recipients_at: Optional[Interval] = None
    campaign: Optional[str] = None
    doc_number: Optional[str] = None
    #: every document number the text cites, in order, the notice's own among them
    reference_ats: list[Interval] = field(default_factory=list)
    edition: Optional[int] = None
    #: the year as the text states it (or as its edition implies), before other inference
    year_hint: Optional[int] = None
    year_at: Optional[Interval] = None
    year_how: str = ""
    year: Optional[int] = None
    issue_date: Optional[dt.date] = None
    #: the line index of the date line under the signature, when there is one
    date_line: Optional[int] = None
    theme: Optional[str] = None
    period: Optional[Period] = None
    issuer: Optional[str] = None
    issuer_at: Optional[Interval] = None
    #: the bodies of a joint header above the title (scanned once, asked for twice)
    header_orgs: Optional[list[Interval]] = None


@dataclass
class Context:
    norm: Normalized
    seg: Segments
    source: SourceText
    warnings: list[str] = field(default_factory=list)
    #: values decided by earlier extractors that later ones use (year, title, ...)
    facts: Facts = field(default_factory=Facts)

    _bounds: Optional[list[int]] = None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence holding ``pos`` (at most SENTENCE_REACH either side)."""
        if self._bounds is None:
            self._bounds = [m.start() for m in _SENTENCE_END_RE.finditer(self.text)]
        b = self._bounds
        i = bisect.bisect_left(b, pos)
        start = b[i - 1] + 1 if i > 0 else 0
        end = b[i] if i < len(b) else len(self.text)
        return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    @property
    def text(self) -> str:
        """The match text."""
        return self.norm.text

    def span(self, start: int, end: int) -> Span:
        """A source Span for a match-text interval (with the page where the format has pages)."""
        s, e = self.norm.source_span(start, end)
        return self._span(s, e)

    def display_source_span(self, start: int, end: int) -> Span:
        """A source Span for a display-text interval (tables are read from the display text)."""
        s, e = self.norm.display.to_root(start, end)
        return self._span(s, e)

    def _span(self, s: int, e: int) -> Span:
        """The Span of source interval ``[s, e)``: its page, and for OCR text its box and confidence."""
        found = self.source.ocr_at(s, e)
        if found is None:
            return Span(start=s, end=e, page=self.source.page_of(s))
        box, conf = found
        return Span(start=s, end=e, page=self.source.page_of(s), box=box, ocr=round(conf, 3))

    def value(self, start: int, end: int) -> str:
        """The text a value reads as: the display text of a match-text interval, trimmed."""
        return self.norm.value(start, end)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def limit(self, items: list, what: str) -> list:
        if len(items) > MAX_ITEMS:
            self.warn(f"more than {MAX_ITEMS} {what} found; only the first {MAX_ITEMS} are kept")
            return items[:MAX_ITEMS]
        return items

    @property
    def year(self) -> Optional[int]:
        return self.facts.year


def split_units(value: str) -> list[str]:
    """Split a list of units on 、,; outside brackets: "各县(市、区)工科局,机关各科室" -> 2 items."""
    parts, depth, cur = [], 0, []
    for ch in value:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if ch in ",，、;；" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip(" 。.") for p in parts if p.strip(" 。.")]
