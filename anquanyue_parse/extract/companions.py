"""Companion campaigns run with the month: "安全生产万里行", "白山松水安全行", "安全生产沈阳行"."""

from __future__ import annotations

import regex

from .base import Context
from .registry import Extractor, Found, read

__all__ = ["extract_companions"]

#: A quoted campaign name ending in 行, e.g. "“安全生产万里行”", "“白山松水安全行”".
COMPANION_NAME_PATTERN = regex.compile(r"“(?P<name>[\p{Han}]{2,10}行)”")

#: Sub-activities of a companion campaign, not campaigns: "专题行", "区域行", "网上行".
NOT_A_CAMPAIGN = {"专题行", "区域行", "网上行", "执法行", "媒体行"}

#: A slogan ending in a verb, not a campaign: "安全用网 你我同行", "安全先行", "安全出行".
SLOGAN_END_PATTERN = regex.compile(r"(?:同行|先行|前行|践行|力行|出行|通行|运行|执行|进行|实行|推行|可行|并行|发行|随行|步行|远行)$")

#: Joined with the month: "“安全生产月”和“安全生产万里行”", "“X行”与“安全生产月”".
CONJUNCTION_PATTERN = regex.compile(r"安全生产月”?(?:和|与|暨|及|、)“(?P<name>[\p{Han}]{2,10}行)”|"
                                    r"“(?P<name2>[\p{Han}]{2,10}行)”(?:和|与|暨|及)“?安全生产月")


def extract_companions(ctx: Context, strong_regions: list[tuple[int, int]], body_end: int) -> list[tuple[int, int]]:
    """Match spans of companion campaign names, first occurrence each.

    A name counts when it is joined with 安全生产月, appears in ``strong_regions`` (title,
    headings), or is run as an activity in the body before ``body_end`` (where the attachment
    forms start); a name met only in a form table does not.
    """
    text = ctx.text
    found: dict[str, tuple[int, int]] = {}
    for m in CONJUNCTION_PATTERN.finditer(text):
        g = "name" if m.group("name") else "name2"
        found.setdefault(m.group(g), (m.start(g), m.end(g)))
    for m in COMPANION_NAME_PATTERN.finditer(text, 0, body_end):
        lead = text[max(0, m.start() - 4):m.start()]
        tail = text[m.end():m.end() + 2]
        if tail.startswith(("活动", "和", "与", "暨", "、", "“")) or lead.endswith(("开展", "和", "与", "暨", "及")):
            name = m.group("name")
            if name not in NOT_A_CAMPAIGN and ("安全" in name or "万里" in name) and not name.endswith(tuple(NOT_A_CAMPAIGN)) \
                    and not SLOGAN_END_PATTERN.search(name):
                found.setdefault(name, (m.start("name"), m.end("name")))
    for a, b in strong_regions:
        for m in COMPANION_NAME_PATTERN.finditer(text, a, b):
            name = m.group("name")
            if name.endswith(tuple(NOT_A_CAMPAIGN)) and len(name) <= 4:
                continue
            if name in NOT_A_CAMPAIGN or not ("安全" in name or "万里" in name) or SLOGAN_END_PATTERN.search(name):
                continue
            found.setdefault(name, (m.start("name"), m.end("name")))
    return sorted(found.values())


def _run_companions(ctx: Context) -> list[Found]:
    """Companion campaigns, each once: strong where the title or a heading names them."""
    seg = ctx.seg
    strong = [ctx.facts.title_at] if ctx.facts.title_at else []
    strong += [(n.start, n.title_end) for n in seg.nodes()]
    body_end = seg.lines[seg.attachment_bodies[0]].start if seg.attachment_bodies else len(ctx.text)
    out: dict[str, Found] = {}
    for at in extract_companions(ctx, strong, body_end):
        name = ctx.value(*at)
        if name not in out:
            out[name] = read(ctx, name, at)
    return list(out.values())


EXTRACTORS = (Extractor("companion_campaigns", _run_companions, needs=("title",)),)
