"""Title and recipients (主送机关)."""

from __future__ import annotations

from typing import Optional

import regex

from .base import Context, split_units
from .registry import Extractor, Found, read

__all__ = ["extract_title", "extract_recipients"]

#: The recipients line: ends with ":" and lists units, e.g. "各县(市、区)工科局,运城开发区产业发展部,…:".
RECIPIENTS_PATTERN = regex.compile(r"^(?P<v>各[^\n。]{1,300}?|[\p{Han}][^\n。]{1,300}?(?:单位|部门|局|委|厅|办|室|企业|公司|学校|村|社区|项目部|组织)):$")

#: Drop a label or site prefix before the title, e.g. "信息名称:".
TITLE_LABEL_PATTERN = regex.compile(r"^[\p{Han}\s]{2,6}:")


#: A breadcrumb line of a web page: "当前位置:首页 > 新闻频道 > 本地快讯 >", "首页>各区禁毒行".
BREADCRUMB_LINE_PATTERN = regex.compile(r"^(?:[^>\n]{0,8}:)?\s*首页\s*>[^\n]*$")

#: A headline under a breadcrumb: one short line without a sentence mark or a label, e.g.
#: White space between two Han characters, dropped from a title: "安全 生产月".
HAN_GAP_PATTERN = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")

#: "安庆开展能源短缺体验日活动", "静安 | 共和新路街道禁毒宣传进社区".
HEADLINE_PATTERN = regex.compile(r"^[^。,;:!?>]{6,40}$")


def _headline_under_breadcrumb(ctx: Context) -> Optional[tuple[int, int, str]]:
    """A page the segmenter found no title in: the headline right under its breadcrumb."""
    lines = ctx.seg.nonblank(0, 12)[:6]
    for ln, nxt in zip(lines, lines[1:]):
        t = nxt.text.strip()
        if BREADCRUMB_LINE_PATTERN.match(ln.text.strip()) and HEADLINE_PATTERN.match(t):
            off = nxt.start + nxt.text.index(t)
            return off, off + len(t), HAN_GAP_PATTERN.sub("", ctx.value(off, off + len(t)))
    return None


def extract_title(ctx: Context) -> Optional[tuple[int, int, str]]:
    """(start, end, value) of the title; the value joins lines broken by layout."""
    seg = ctx.seg
    if not seg.title:
        return _headline_under_breadcrumb(ctx)
    a, b = seg.title_lines
    start = None
    end = None
    for ln in seg.lines[a:b + 1]:
        t = ln.text.strip()
        if not t:
            continue
        off = ln.start + ln.text.index(t)
        lm = TITLE_LABEL_PATTERN.match(t) if start is None else None
        if lm:
            off += lm.end()
            t = t[lm.end():]
        if start is None:
            start = off
        end = off + len(t)
    if start is None:
        return None
    # the whole span read at once, lines joined: residue between lines ("態(tài)\n關") stays
    value = regex.sub(r"[ \t\u3000]*\n\s*", "", ctx.value(start, end))
    value = HAN_GAP_PATTERN.sub("", value)
    return start, end, value


def extract_recipients(ctx: Context) -> tuple[list[str], Optional[tuple[int, int]]]:
    seg = ctx.seg
    first = seg.title_lines[1] + 1 if seg.title else 0
    for ln in seg.nonblank(first, min(len(seg.lines), first + 12)):
        t = ln.text.strip()
        if len(t) > 320:
            continue
        m = RECIPIENTS_PATTERN.match(t)
        if m and not t.startswith(("联系人", "附件", "活动主题", "主题")):
            off = ln.start + ln.text.index(t)
            s, e = off + m.start("v"), off + m.end("v")
            # a list broken over two lines: "各县(区)人民政府,市政府各部门,\n各有关单位:"
            prev = [p for p in seg.nonblank(first, ln.index) if p.text.strip()]
            if prev and prev[-1].text.rstrip().endswith((",", "、")) and len(prev[-1].text) < 200:
                s = prev[-1].start + (len(prev[-1].text) - len(prev[-1].text.lstrip()))
                return split_units(ctx.value(s, e).replace("\n", "")), (s, e)
            return split_units(ctx.value(s, e)), (s, e)
    return [], None


def _run_title(ctx: Context) -> Optional[Found]:
    found = extract_title(ctx)
    if not found:
        return None
    start, end, value = found
    ctx.facts.title, ctx.facts.title_at = value, (start, end)
    return read(ctx, value, (start, end))


def _run_recipients(ctx: Context) -> Optional[Found]:
    units, at = extract_recipients(ctx)
    ctx.facts.recipients_at = at
    return Found(units, ctx.span(*at), "normalized") if at else None


EXTRACTORS = (
    Extractor("title", _run_title),
    Extractor("recipients", _run_recipients),
)
