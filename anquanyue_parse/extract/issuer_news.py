"""Issuer from running text: the body deciding in a notice's own words, joint lists of bodies
acting together, and the subject of a news report's event."""

from __future__ import annotations

from typing import Optional

import regex

from ..patterns import ORG_NAME, ORG_SUFFIX
from .base import Context
from .issuer_names import (GENERIC_START, INNER_VERB_PATTERN, MEDIA_SUFFIX, NOT_A_NAME_START, ORG_END_PATTERN, name_ok,
                           own_unit_ok, short_name_ok, split_joint, trim_lead)
from .issuer_title import title_lead, title_subject
from .joint import loose_joint_lists

__all__ = ["decided", "counted_joint", "joint_lists", "news_issuer", "NEWS_ISSUER_PATTERNS"]

#: What may stand between a news subject and its event verb: a time, a place, an adverb,
#: e.g. "6月1日上午在京", "近日", "隆重".
EVENT_LEAD = r"(?:近日|日前|今年|\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上)?,?(?:在[\p{Han}]{1,8}?)?(?:隆重|正式)?"
EVENT_LEAD_PATTERN = regex.compile(EVENT_LEAD + "$")

#: The body deciding in a notice's own words: "中国安全生产协会决定面向全国开展…",
#: "县安委办与江泰保险经纪公司决定,…现将有关事项通知如下". Read in the opening paragraphs.
DECIDE_PATTERN = regex.compile(rf"(?:^|[,。:\s)》”])(?P<org>{ORG_NAME})(?:经研究)?,?(?:共同)?决定")

#: News sentence about the issuing body: "云霄县政府安委办下发了《…", "交通运输部发出通知",
#: "中牟河务局结合工作实际,印发了《…", "由陕西省安委会主办", "加力集团组织…开展了…".
NEWS_ISSUER_PATTERNS = [
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:近日|日前|此前|近期|已|今年|随即|及时|迅速)?,?(?:[^。\n]{{0,12}}?,)?"
                  r"(?:下发|印发|发出|发布|出台|制定|发)了?(?:《|通知|关于)"),
    # a news lead: the body tells the news, "国家发改委11日透露,…", "应急管理部日前宣布,…"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:\d{{1,2}}日|近日|日前|今天|昨天)?(?:透露|宣布)"),
    regex.compile(rf"由(?P<org>{ORG_NAME})(?:主办|牵头|组织)"),
    regex.compile(rf"从(?P<org>{ORG_NAME})(?:获悉|了解到)"),
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:积极|全面|认真|精心)?"
                  r"(?:部署|组织|启动|召开|举办|联合)[^。\n]{0,80}?(?:开展|安全生产月|活动)"),
    # "5月29日,国务院安委会办公室在京举行…启动仪式", "市安委会办公室隆重举行…", "公司总工办在…组织召开"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME}){EVENT_LEAD}(?:组织)?(?:举行|召开|启动|举办)"),
    # a sentence or clause led by the body: "罗河镇安监所紧密结合“…”主题,采取…",
    # "为…营造氛围,市规划资源局结合工作实际,…", "…结合疫情形势,吉林市禁毒委按照省禁毒委…"
    regex.compile(rf"(?:^|[。\n,])\s*(?P<org>{ORG_NAME})(?:紧密结合|紧紧围绕|结合|围绕|紧扣|高度重视|扎实|精心|按照|根据)"),
    # the body deciding: "结合贵州省实际,省禁毒办决定在6月份开展…"
    DECIDE_PATTERN,
    # the body and its members acting: "当天,市减灾委和各成员单位,在…开展主题宣传活动"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:和|及|与|会同|组织)各?(?:成员单位|有关部门|相关部门|有关单位)"
                  r",?[^。\n]{0,40}?(?:开展|举行|举办|组织|启动)"),
    # the lead of a group of bodies: "以合浦县安全生产监督管理局为主的29个…单位"
    regex.compile(rf"以(?P<org>{ORG_NAME})为(?:主|首|牵头单位)的"),
    # an official speaking for the body: "国家发展和改革委员会副主任解振华10日在北京宣布",
    # "市规划资源局相关负责人介绍"
    # (the name holds no bracket here: "电(记者张毅)国家…" is a byline before it)
    regex.compile(rf"(?:^|[,。:\s(》”)]|日|份)(?P<org>[\p{{Han}}]{{1,24}}?{ORG_SUFFIX})(?:党组书记|副?主任|副?部长|副?局长|副?厅长|相关负责人|负责人|新闻发言人)"
                  r"[\p{Han}]{0,4}?(?:\d{1,2}日)?(?:在[\p{Han}]{1,8}?)?(?:宣布|透露|表示|介绍)"),
    # "市安委会及时研究制定方案", "二龙路医院开展了…"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:及时|迅速|认真|专门)?(?:研究)?(?:制定|开展了)"),
]

#: Joint bodies named in a sentence, e.g. "省应急厅、省教育厅联合印发《…", "由市总工会、市应急局联合主办".
JOINT_SENTENCE_PATTERN = regex.compile(
    rf"(?P<orgs>{ORG_NAME}(?:(?:、|和|与|及|,){ORG_NAME})+)(?:等\d{{1,2}}个?(?:部门|单位|部委))?(?:近日|日前|近期|共同)?,?"
    r"联合(?:印发|下发|发布|发出|开展|举办|召开|主办|启动|部署)"
)

#: Joint bodies as the subject of a reported event or an appeal, e.g. "国务院安委会办公室、应急管理部在京举行…",
#: "保卫处、校团委在南苑餐厅广场组织开展了…", "某市安委会办公室、市应急管理局希望社会各界…".
JOINT_SUBJECT_PATTERN = regex.compile(
    rf"(?:^|[,。:\s(》”/]|日)(?P<orgs>{ORG_NAME}(?:(?:、|和|及|与){ORG_NAME})+)(?:等(?:\d{{1,2}}个?(?:部门|单位|部委))?)?{EVENT_LEAD}"
    r"(?:举行|召开|启动|举办|印发|下发|部署|决定|牵头|主办|组织|开展|希望|呼吁|提醒|倡议)"
)

#: Joint hosts of an event: "由保定市科协、市教育局、市环保局主办的…",
#: "由国土资源部地质环境司、中国地质灾害防治工程行业协会共同主办".
JOINT_HOST_PATTERN = regex.compile(
    rf"由(?P<orgs>{ORG_NAME}(?:(?:、|和|及|与){ORG_NAME})+)(?:共同|联合)?(?:牵头)?(?:主办|举办|承办|发起|组织)"
)

#: A place as the subject of a reported event (a town, county or city alone is a valid issuer):
#: "陇南市举办“全国安全用药月”集中宣传活动", "近日,东安县举行…".
PLACE_SUBJECT_PATTERN = regex.compile(
    r"(?:^|[,。:\s(》”]|日|份)(?:近日|日前|近期|今年)?,?(?P<org>[^\P{Han}的了在和与及等是为对把被将年月日]{1,10}?"
    r"(?:自治县|自治州|省|市|县|区|州|旗))"
    r"(?:积极|全面|扎实|认真)?(?:开展|举行|举办|召开|启动)"
)

#: Words no member of a strict joint list holds: "志愿者服务队在河北科技大学、河北师范大学…开展" is a
#: body, a place word and the places it went to.
JOINT_MEMBER_BAN_PATTERN = regex.compile(r"在|提请|会同")

#: How far into a notice the deciding sentence may sit.
DECIDE_REACH = 2500

#: How far into a news report its subject may sit.
NEWS_REACH = 5000

#: How far into a news report a place may stand as the subject.
PLACE_REACH = 3000


def decided(ctx: Context) -> Optional[tuple[int, int]]:
    """The lead body of the first "X决定" sentence (joint "A、B和C决定" lists first)."""
    text = ctx.text[:DECIDE_REACH]
    joint = [p for p in joint_lists(ctx, 0, len(text)) if regex.match(r"[,]?(?:共同)?决定", text[p[-1][1]:])]
    m = DECIDE_PATTERN.search(text)
    if joint and (not m or joint[0][0][0] <= m.start("org")):
        return joint[0][0]
    if m and name_ok(m.group("org")):  # a bare "指挥部决定" leaves the plan's title to name the unit
        return m.start("org"), m.end("org")
    return None


def joint_lists(ctx: Context, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Joint lists of bodies between ``start`` and ``end`` in reading order: strict ones (every
    member ends like an organization) and loose ones in a context of acting together."""
    text = ctx.text
    found = []
    for pattern in (JOINT_SENTENCE_PATTERN, JOINT_SUBJECT_PATTERN, JOINT_HOST_PATTERN):
        m = pattern.search(text, start, end)
        if m:
            parts = split_joint(ctx, m.start("orgs"), m.end("orgs"))
            if len(parts) > 1 and all(short_name_ok(text[a:b]) and not JOINT_MEMBER_BAN_PATTERN.search(text[a:b])
                                      for a, b in parts):
                found.append(parts)
    found += loose_joint_lists(text, _lead_member_ok, _member_ok, start, end)
    found.sort(key=lambda p: (p[0][0], -len(p)))
    return found


def counted_joint(ctx: Context) -> Optional[tuple[int, int]]:
    """The lead of a loose joint list in the opening text of a page that is no news report by
    its shape ("1. …何时举办 … 国务院食品安全办、…等19部门联合下发《…》")."""
    lists = loose_joint_lists(ctx.text, _lead_member_ok, _member_ok, 0, min(len(ctx.text), DECIDE_REACH))
    return lists[0][0] if lists else None


def _lead_member_ok(name: str) -> bool:
    return short_name_ok(name) and bool(ORG_END_PATTERN.search(name))


def _member_ok(name: str) -> bool:
    return not name.startswith(NOT_A_NAME_START) and not INNER_VERB_PATTERN.search(name)


#: A related-links line under a news report: another report's headline standing alone, e.g.
#: "所罗门群岛项目部召开“质量月”活动动员会" (no sentence mark, an event verb).
HEADLINE_LINE_PATTERN = regex.compile(r"^[^。,;!?]{6,40}?(?:召开|开展|举行|举办|启动|部署)[^。,;!?]{2,30}$")


def _footer_start(ctx: Context) -> int:
    """Where a run of two or more related-links headlines closing the text begins (the text's
    end when there is none): their units report other news."""
    lines = [ln for ln in ctx.seg.lines if ln.text.strip()]
    n = 0
    while n < len(lines) and HEADLINE_LINE_PATTERN.match(lines[-1 - n].text.strip()):
        n += 1
    return lines[-n].start if n >= 2 and n < len(lines) else len(ctx.text)


#: A plan the report's own unit wrote, cited by its title: "宣读了《郎溪县人民医院“安全生产月”活动方案》".
OWN_PLAN_PATTERN = regex.compile(rf"《(?P<org>{ORG_NAME})(?:\d{{4}}年)?“?[^》\n]{{0,30}}?(?:方案|计划|安排)》")

#: The report speaking of its own unit: "我院", "我局", "我校" (the last character of its name).
OWN_WORD_PATTERN = regex.compile(r"我(?P<end>[院局校委办厅司县区镇乡所队])")


def _own_plan(ctx: Context) -> Optional[tuple[int, int]]:
    """The unit of a report that says "我院 …" and cites its own plan's title naming a 院."""
    text = ctx.text[:NEWS_REACH]
    ends = {m.group("end") for m in OWN_WORD_PATTERN.finditer(text)}
    for m in OWN_PLAN_PATTERN.finditer(text) if ends else ():
        if m.group("org")[-1] in ends and name_ok(m.group("org")):
            return m.start("org"), m.end("org")
    return None


def news_issuer(ctx: Context) -> Optional[tuple[int, int]]:
    """The subject of a news report: the lead of a joint list, the unit its title is about, the
    body of a news sentence (full names before short forms), or a place alone."""
    joint = joint_lists(ctx, 0, min(len(ctx.text), NEWS_REACH))
    if joint:
        return joint[0][0]
    return (title_subject(ctx) or title_lead(ctx) or _news_sentence(ctx) or _place_subject(ctx)
            or title_lead(ctx, short=True) or _own_plan(ctx))


#: A press office hosts press conferences for other bodies: "潍坊市人民政府新闻办公室召开新闻发布会,
#: 潍坊市公安消防支队…介绍了…" names no issuer in its press office.
PRESS_OFFICE_PATTERN = regex.compile(r"新闻(?:办公室|办|中心)$")


def _news_sentence(ctx: Context) -> Optional[tuple[int, int]]:
    """Full names first; a short form ("市安委会办公室") only when the text gives no full one, a
    company's own unit ("集团公司") last. Time words glued before a name are no part of it."""
    text = ctx.text[:min(NEWS_REACH, _footer_start(ctx))]
    found = [[(s, e) for m in pattern.finditer(text)  # each pattern scans once, for the three checks
              for s, e in [(trim_lead(text, m.start("org"), m.end("org")), m.end("org"))]
              if not MEDIA_SUFFIX.search(text[s:e]) and not PRESS_OFFICE_PATTERN.search(text[s:e])]
             for pattern in NEWS_ISSUER_PATTERNS]
    for accept in (name_ok, short_name_ok, own_unit_ok):
        for spans in found:
            for s, e in spans:
                if accept(text[s:e]):
                    return s, e
    return None


def _place_subject(ctx: Context) -> Optional[tuple[int, int]]:
    """A place as the subject ("陇南市举办…"): only when no body is named."""
    for m in PLACE_SUBJECT_PATTERN.finditer(ctx.text[:PLACE_REACH]):
        org = m.group("org")
        if name_ok(org) or (len(org) == 2 and org.endswith(("县", "市", "旗"))
                            and not org.startswith(GENERIC_START)):  # "盂县", "沛县"
            return m.start("org"), m.end("org")
    return None
