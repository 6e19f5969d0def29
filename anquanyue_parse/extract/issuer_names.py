"""Issuer names: what may stand as an issuing body on its own, a generic name expanded to
the full one the text gives, and joint groups cut into their members."""

from __future__ import annotations

import regex

from ..normalize import to_simplified
from ..patterns import ORG_LINE_NAME, ORG_SUFFIX
from .base import Context

__all__ = ["ORG_LINE_PATTERN", "ORG_END_PATTERN", "MEDIA_SUFFIX", "GENERIC_START", "NOT_A_NAME_START",
           "VERB_BAN_ENDINGS",
           "INNER_VERB_PATTERN", "name_ok", "short_name_ok", "own_unit_ok", "trim_lead", "expand", "first_of_joint", "split_joint"]

#: A whole line that is an organization name, e.g. "运城市工业和信息化局", "上海市教育委员会".
ORG_LINE_PATTERN = regex.compile(rf"^(?P<org>{ORG_LINE_NAME})$")

#: Names that are no issuer on their own: "市规划资源局", "公司", "我局", "该县".
#: Verbs and function words a news sentence puts before a name ("落实国务院…", "根据…").
#: "积极参与全国…组委会", "这是由中宣部…": a sentence, not a name.
NOT_A_NAME_START = ("落实", "贯彻", "根据", "按照", "要求", "组织", "开展", "召开", "成立", "为", "由", "经", "对", "在", "将",
                    "积极", "参与", "参加", "配合", "这", "是", "认真", "深入", "全面", "加强", "推动", "通过", "围绕")

GENERIC_START = ("市", "县", "区", "省", "我", "本", "该", "各", "其", "全市", "全县", "全区", "全省", "全镇", "全乡",
                 "全体", "全校", "全院", "全系统", "全行业", "此", "公司", "集团", "街道", "镇", "乡", "村")

#: A name ending like a place: "溪口镇", "中卫市", "白塔街道" (not to be expanded).
PLACE_END_PATTERN = regex.compile(r"(?:镇|乡|村|街道|市|县|区|省|州|旗)$")

#: A run that ends like an organization, e.g. "市应急管理局" (compiled once: several rules ask it).
ORG_END_PATTERN = regex.compile(ORG_SUFFIX + "$")

#: Media that appear as "来源:" but do not issue notices.
MEDIA_SUFFIX = regex.compile(r"(?:网站|网|日报|晚报|报社|报|电视台|新闻|客户端|在线)$")

#: Verbs ending like an office suffix: "陇南市举办…" is no "…办", "沂南县部署…" no "…署".
VERB_BAN_ENDINGS = ("举办", "主办", "承办", "协办", "开办", "创办", "督办", "合办", "联办", "部署")

#: Words no organization name holds inside: "吉林市禁毒委按照省禁毒委…" is two names and a verb,
#: "…积极参与全国安全生产月活动组委会", "这是由中宣部".
INNER_VERB_PATTERN = regex.compile(r"按照|根据|依据|结合|关于|通过|围绕|记者|获悉|参与|是由")

#: A company's own news names the company or one of its offices without a proper name:
#: "集团公司召开…", "公司总工办在…组织召开" (a bare "公司" stays refused).
OWN_UNIT_PATTERN = regex.compile(r"^(?:集团公司|集团有限公司|公司[\p{Han}]{1,6}?(?:部|办|处|室|中心))$")

#: Time words a news sentence may glue before its subject: "日前集团公司召开…", "近日国家药监局…".
LEAD_TIME_PATTERN = regex.compile(r"^(?:近日|日前|近期|今年|此前|当天|同日|目前|随后)")

#: Separators between joint bodies inside a matched group: "、", "和", "与", "及", ",", gaps.
JOINT_SEPARATOR_PATTERN = regex.compile(rf"(?<={ORG_SUFFIX})(?:、|和|与|及|,|[ \t\u3000]+)")


#: Words that start with a generic place word but are no place: "市场监管总局" is a national body.
NOT_GENERIC_WORDS = ("市场",)


def _generic(org: str) -> bool:
    return org.startswith(GENERIC_START) and not org.startswith(NOT_GENERIC_WORDS)


def name_ok(org: str) -> bool:
    """A full name: no generic start ("市…", "我局"), no verb before or inside it."""
    return (len(org) >= 3 and not _generic(org) and not org.startswith(NOT_A_NAME_START)
            and not org.endswith(VERB_BAN_ENDINGS) and not INNER_VERB_PATTERN.search(org))


def short_name_ok(org: str) -> bool:
    """A short form the text gives on its own ("省应急管理厅", "市安监局"): a place word, then
    at least three characters ending like an organization."""
    return name_ok(org) or (len(org) >= 3 and org.startswith(("省", "市", "县", "区"))
                            and not org.startswith(NOT_A_NAME_START)
                            and not org.endswith(VERB_BAN_ENDINGS) and not INNER_VERB_PATTERN.search(org))


def own_unit_ok(org: str) -> bool:
    """A company's own unit named without its proper name ("集团公司", "公司总工办")."""
    return bool(OWN_UNIT_PATTERN.match(org))


def trim_lead(text: str, s: int, e: int) -> int:
    """Start of a name after the time words glued before it ("日前集团公司" -> "集团公司")."""
    m = LEAD_TIME_PATTERN.match(text[s:e])
    return s + m.end() if m and e - s - m.end() >= 2 else s


def expand(ctx: Context, org: str) -> str:
    """A generic name ("教育局") expanded to the full one used for the own plan ("仁和区教育局")."""
    if not org.startswith(GENERIC_START) and (len(org) > 3 or PLACE_END_PATTERN.search(to_simplified(org))):
        return org  # a proper name already ("溪口镇")
    best = None
    for m in regex.finditer(rf"(?P<full>[\p{{Han}}]{{2,10}}?){regex.escape(org)}", ctx.text):
        full = m.group("full") + org
        if full.startswith(GENERIC_START) or full.startswith(NOT_A_NAME_START):
            continue
        lead = ctx.text[max(0, m.start() - 8):m.start()]
        score = 2 if regex.search(r"制定《?$|印发《?$|现将《?$", lead) else 0
        score -= 1 if regex.search(r"根据|按照|依据", lead) else 0
        if best is None or score > best[0]:
            best = (score, full)
    return best[1] if best and best[0] >= 0 else org


def first_of_joint(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """A joint signature "苏州市总工会    苏州市应急管理局" (gap visible in the display text): the lead unit."""
    value = ctx.value(s, e)
    parts = regex.split(r"[ \t\u3000]{2,}|\u3000", value.strip())
    if len(parts) < 2:
        return s, e
    first = parts[0]
    n = len(regex.sub(r"\s", "", first))
    pos, seen = s, 0
    while pos < e and seen < n:
        if not ctx.text[pos].isspace():
            seen += 1
        pos += 1
    return s, pos


def split_joint(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the bodies in a joint group "A、B和C" (each must look like an organization)."""
    out, pos = [], s
    for m in JOINT_SEPARATOR_PATTERN.finditer(ctx.text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    out = [(a, b) for a, b in out if b - a >= 2]
    return out if all(ORG_END_PATTERN.search(ctx.text[a:b]) for a, b in out) else [(s, e)]
