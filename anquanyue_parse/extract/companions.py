"""Companion campaigns run with the main one: "安全生产万里行", "白山松水安全行", "安全生产沈阳行"
beside 安全生产月, "低碳日" beside 节能宣传周, "科技工作者日" beside 科技活动周."""

from __future__ import annotations

import functools

import regex

from ..campaigns import profile
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


#: An unquoted tour "安全生产X行" run as an activity: "安全生产天山行活动", "安全生产万里行活动".
UNQUOTED_TOUR_PATTERN = regex.compile(r"(?<!“)(?P<name>安全生产[\p{Han}]{2,3}行)(?=活动)")

#: A campaign day after the main week's or month's name and a conjunction, before 活动 (built per
#: campaign, see :func:`_joined_pattern`): "科技活动周和科技工作者日活动", "节能宣传周和全国低碳日活动".
#: A week or month so joined is run as one with the main campaign ("“安全生产月”暨“消防安全宣传月”").
JOINED_NAME = r"(?:和|与|暨|及)“?(?P<name>[\p{Han}]{2,8}?日)”?(?=活动)"

#: A generic word, not a campaign's name: "宣传周" in "防灾减灾日和宣传周有关工作", "活动月".
GENERIC_NAME_PATTERN = regex.compile(r"^(?:宣传|活动|主题|专题)?[日周月]$")

#: The prefix a campaign name is written with, kept as the notice writes it: "全国低碳日",
#: "国家宪法日", "世界知识产权日", "国际禁毒日", "6.26国际禁毒日".
NAME_PREFIX_PATTERN = regex.compile(r"(?:\d{1,2}[·.]\d{1,2}(?:全国|国家|世界|国际|中国)?|全国|国家|世界|国际|中国)$")


def _aliases(name: str) -> tuple[str, ...]:
    """A campaign's names: its profile's (traditional forms included), else the name itself."""
    known = profile(name)
    return known.names if known else (name,)


@functools.lru_cache(maxsize=256)
def _joined_pattern(campaign: str) -> regex.Pattern:
    """The main campaign's names, a conjunction, and the companion's name (JOINED_NAME)."""
    names = "|".join(regex.escape(n) for n in _aliases(campaign))
    return regex.compile(r"(?:" + names + r")”?" + JOINED_NAME)


def _stem(name: str) -> str:
    """A campaign name without its 日/周/月 tail: 防灾减灾 of 防灾减灾日 and of 防灾减灾宣传周."""
    return regex.sub(r"(?:宣传)?[日周月]$", "", name)


def profile_companions(ctx: Context, campaign: str, end: int) -> list[tuple[int, int]]:
    """Spans of the companions the campaign's profile lists (data/campaigns.json), each where a
    sentence names it beside the main campaign before ``end``, with a 全国 prefix as written:
    "节能宣传周时间为…,6月19日为全国低碳日". One the title names without the main campaign is the
    notice's subject ("关于开展“安全生产万里行”活动的通知"), not a companion."""
    known = profile(campaign)
    text = ctx.text
    own = _aliases(campaign)
    title = text[slice(*ctx.facts.title_at)] if ctx.facts.title_at else ""
    out = []
    for companion in known.companions if known else ():
        names = _aliases(companion)
        if any(n in title for n in names) and not any(n in title for n in own):
            continue
        for start, size in sorted((m.start(), len(n)) for n in names for m in regex.finditer(regex.escape(n), text, endpos=end)):
            s, e = ctx.sentence(start)
            if any(n in text[s:e] for n in own):
                lead = NAME_PREFIX_PATTERN.search(text, max(0, start - 7), start)
                out.append((lead.start() if lead else start, start + size))
                break
    return out


def joined_companions(ctx: Context, campaign: str, end: int) -> list[tuple[int, int]]:
    """Spans of campaigns joined to the main one ("节能宣传周和低碳日活动"), and unquoted tours."""
    text = ctx.text
    out = [(m.start("name"), m.end("name")) for m in _joined_pattern(campaign).finditer(text, 0, end)
           if not campaign.endswith("日") and not GENERIC_NAME_PATTERN.match(m.group("name"))
           and _stem(campaign) not in m.group("name")]
    out += [(m.start("name"), m.end("name")) for m in UNQUOTED_TOUR_PATTERN.finditer(text, 0, end)
            if not m.group("name").endswith(tuple(NOT_A_CAMPAIGN))]
    return out


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
    ats = extract_companions(ctx, strong, body_end)
    campaign = ctx.facts.campaign
    if campaign:
        ats = sorted(ats + joined_companions(ctx, campaign, body_end) + profile_companions(ctx, campaign, body_end))
    out: dict[str, Found] = {}
    for at in ats:
        name = ctx.value(*at)
        if name in out or any(other.endswith(name) for other in out):
            continue  # "低碳日" after "全国低碳日": one companion, as first written in full
        for short in [o for o in out if name.endswith(o)]:
            del out[short]
        out[name] = read(ctx, name, at)
    return sorted(out.values(), key=lambda f: f.span.start if f.span else 0)


EXTRACTORS = (Extractor("companion_campaigns", _run_companions, needs=("title", "campaign")),)
