"""A fast scan for campaign names with exactly the matches of ``CAMPAIGN_NAME_PATTERN.finditer``.

``CAMPAIGN_NAME`` opens with a lazy 0-12 character Han prefix, so a plain ``finditer`` tries
that prefix at every character of the document. Every match ends in one of a few literal
suffixes (宣传月, 宣传周, 安康杯 ...), so the scan first looks for the next literal, then runs
the pattern only in a window from :data:`MAX_LEAD` characters before it: a match cannot start
earlier, and inside the window the match found is the one ``finditer`` would find.
"""

from __future__ import annotations

from typing import Iterator, Optional

import regex

__all__ = ["CampaignNameScanner", "MAX_LEAD", "MAX_TAIL"]

#: Characters a match can start before its literal: the 0-12 prefix and one closing 》 or ”.
MAX_LEAD = 13
#: Characters a match can run past the start of its literal: the longest literal, and a
#: prefix that itself contains a literal (12 + 1 + 5), with one to spare.
MAX_TAIL = 20


class CampaignNameScanner:
    """``finditer``/``search`` of ``pattern`` (whose matches all contain one of ``literals``)."""

    def __init__(self, pattern: regex.Pattern, literals: list[str]):
        self.pattern = pattern
        #: The literals, longest first, as one alternation (found by the regex engine's literal scan).
        self.literal_pattern = regex.compile("|".join(regex.escape(s) for s in sorted(literals, key=len, reverse=True)))

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[regex.Match]:
        """The matches of ``pattern.finditer(text, pos, endpos)``, in order."""
        end = len(text) if endpos is None else min(endpos, len(text))
        find = self.literal_pattern.search
        search = self.pattern.search
        anchored = self.pattern.match
        while pos < end:
            lit = find(text, pos, end)
            if lit is None:
                return
            t = lit.start()
            window = search(text, max(pos, t - MAX_LEAD), min(end, t + MAX_TAIL))
            if window is None or window.start() > t:
                pos = t + 1  # nothing starts before this literal: look from the next one
                continue
            m = anchored(text, window.start(), end)  # the same start, matched in the whole range
            yield m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[regex.Match]:
        """The first match, as ``pattern.search``."""
        return next(self.finditer(text, pos, endpos), None)
