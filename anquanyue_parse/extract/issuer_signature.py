"""Issuer from the signature: the unit over the date line (the topmost of a block of units),
or the unit on the date line itself; and every unit of a joint signature block."""

from __future__ import annotations

from typing import Optional

import regex

from .base import Context
from .dates import SIGNED_DATE_LINE_PATTERN
from .issuer_names import ORG_LINE_PATTERN, first_of_joint

__all__ = ["SEAL_PATTERN", "SUB_UNIT_PATTERN", "signature", "signature_block", "signature_date_line", "signing_bodies"]

#: A seal note after a signature: "(盖章)", "(代章)", "(公章)", "(印)", "(代)".
SEAL_PATTERN = regex.compile(r"\((?:盖章|代章|公章|印|章|代|签章)\)$")

#: A department under the unit above it in a signature block ("集团公司" over "安全环保部"):
#: part of the same body, not a joint issuer.
SUB_UNIT_PATTERN = regex.compile(r"^[\p{Han}]{1,6}(?:部|处|科|室|办|组|中心)(?:\([\p{Han}]{2,10}\))?$")

#: A body whose departments sign under it ("集团公司" over "安全环保部", "某某大学" over "保卫处"); under
#: any other unit a department is a peer ("医院 / 学工部 / 研工部" sign a university notice together).
PARENT_END_PATTERN = regex.compile(r"(?:公司|集团|政府|委员会|大学|学院)(?:\([\p{Han}]{2,10}\))?$")

#: How many lines above the date a signature block may reach.
SIGNATURE_REACH = 6

#: A signature date whose 年/月/日 were lost (web copies drop them) or written with 、: not read
#: as the issue date, but it still closes a signature block, e.g. "2024813", "202365", "2017、11、3".
DAMAGED_DATE_LINE_PATTERN = regex.compile(r"^(?:19|20)\d{2}(?:\d{2,4}|[、.]\d{1,2}[、.]\d{1,2})$")


def _block_lines(ctx: Context, date_line: int):
    """(offset, text) of the organization lines right above the date line, bottom up."""
    lines = ctx.seg.lines
    i = date_line - 1
    while i >= 0 and date_line - i <= SIGNATURE_REACH:
        t = SEAL_PATTERN.sub("", lines[i].text.strip())
        if t:
            if not (ORG_LINE_PATTERN.match(t) and len(t) <= 40):
                return
            yield lines[i].start + lines[i].text.index(t[0]), t
        i -= 1


def _damaged_date_line(ctx: Context) -> Optional[int]:
    """Index of the first damaged date line ("2024813") right under an organization line."""
    for ln in ctx.seg.lines:
        if DAMAGED_DATE_LINE_PATTERN.match(ln.text.strip()) and next(_block_lines(ctx, ln.index), None):
            return ln.index
    return None


def signature_date_line(ctx: Context, date_line: Optional[int]) -> Optional[int]:
    """The line the signature block stands on: the issue date's, else a damaged date line."""
    return date_line if date_line is not None else _damaged_date_line(ctx)


def signature(ctx: Context, date_line: Optional[int]) -> Optional[tuple[int, int]]:
    """The signing unit: on the date line itself, or the topmost unit of the block above it
    ("集团公司(盖章)" over "安全环保部(代章)")."""
    date_line = signature_date_line(ctx, date_line)
    if date_line is None:
        return None
    line = ctx.seg.lines[date_line]
    same = SIGNED_DATE_LINE_PATTERN.match(line.text.strip())
    if same:
        off = line.start + (len(line.text) - len(line.text.lstrip()))
        return off + same.start("org"), off + same.end("org")
    found = None
    for off, t in _block_lines(ctx, date_line):
        found = first_of_joint(ctx, off, off + len(t))
    return found


def signature_block(ctx: Context, date_line: Optional[int]) -> list[tuple[int, int]]:
    """Every unit of the signature block above the date line, top to bottom, gaps split."""
    date_line = signature_date_line(ctx, date_line)
    if date_line is None:
        return []
    found: list[tuple[int, int]] = []
    for off, t in _block_lines(ctx, date_line):
        found[:0] = _gap_parts(ctx, off, off + len(t))
    return found


def _gap_parts(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """A line "苏州市总工会    苏州市应急管理局" cut at its wide gaps (visible in the display text)."""
    parts, pos = [], s
    while pos < e:
        first = first_of_joint(ctx, pos, e)
        if first[1] >= e:
            parts.append((pos, e))
            break
        parts.append(first)
        pos = first[1]
        while pos < e and ctx.text[pos].isspace():
            pos += 1
    return [p for p in parts if p[1] - p[0] >= 2]


def signing_bodies(ctx: Context, date_line: Optional[int]) -> list[tuple[int, int]]:
    """The signature block without the departments signing under their parent body."""
    block = signature_block(ctx, date_line)
    if not block or not PARENT_END_PATTERN.search(ctx.text[block[0][0]:block[0][1]]):
        return block
    return block[:1] + [p for p in block[1:] if not SUB_UNIT_PATTERN.match(ctx.text[p[0]:p[1]])]
