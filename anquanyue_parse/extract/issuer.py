"""Issuer (发文机关): signature, red header, title prefix, metadata, news sentence, or the
unit a bare plan's title starts with."""

from __future__ import annotations

from typing import Optional

import regex

from ..models import Issuer
from ..patterns import ORG_LINE_NAME, ORG_NAME, ORG_SUFFIX
from ..normalize import to_simplified
from .base import Context
from .joint import loose_joint_lists
from ..segment import TITLE_END_PATTERN
from .dates import SIGNED_DATE_LINE_PATTERN
from .registry import Extractor, Found, read

__all__ = ["extract_issuer", "extract_issuers"]

#: A whole line that is an organization name, e.g. "运城市工业和信息化局", "上海市教育委员会".
ORG_LINE_PATTERN = regex.compile(rf"^(?P<org>{ORG_LINE_NAME})$")

#: A seal note after a signature: "(盖章)", "(代章)", "(公章)", "(印)", "(代)".
SEAL_PATTERN = regex.compile(r"\((?:盖章|代章|公章|印|章|代|签章)\)$")

#: Red-header line "嵊州市竹溪乡人民政府文件" -> "嵊州市竹溪乡人民政府".
RED_HEADER_PATTERN = regex.compile(rf"^(?P<org>{ORG_NAME})文件$")

#: Title prefix "吉林省工业和信息化厅关于印发…" -> "吉林省工业和信息化厅".
TITLE_PREFIX_PATTERN = regex.compile(rf"^(?:[\p{{Han}}]{{0,6}}:)?(?P<org>{ORG_NAME})关于")

#: A breadcrumb before a page's title: "我的位置: 首页 > 法律条文 > 社会法类 > …关于…的通知" (the title
#: is what follows the last ">").
BREADCRUMB_PATTERN = regex.compile(r"^[^>\n]{0,60}(?:>[^>\n]{0,30}?)*>\s*")

#: A title line flattened together with the page ("宜昌市人民政府办公室关于…的通知 【法规类别】…"):
#: the organization, 关于, and a document kind within one clause.
FLAT_TITLE_PATTERN = regex.compile(
    rf"^(?P<org>{ORG_NAME})关于[^。\n]{{2,80}}?(?:通知|通报|方案|意见|决定|计划|安排|函|公告|办法)")

#: Metadata label, e.g. "发布单位:全国安全生产月活动组委会办公室", "文章来源:国务院安委会办公室".
META_ISSUER_PATTERN = regex.compile(
    rf"(?:(?:发布机构|发布单位|发文机关|发文单位|发文机构)\s*:?|(?:文章来源|信息来源|来源)\s*:)\s*(?P<org>[\p{{Han}}()]{{1,30}}{ORG_SUFFIX}"
    r"(?:\([\p{Han}]{2,10}\))?(?:网站)?)"
)

#: What may stand between a news subject and its event verb: a time, a place, an adverb,
#: e.g. "6月1日上午在京", "近日", "隆重".
EVENT_LEAD = r"(?:近日|日前|今年|\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上)?,?(?:在[\p{Han}]{1,8}?)?(?:隆重|正式)?"
EVENT_LEAD_PATTERN = regex.compile(EVENT_LEAD + "$")

#: News sentence about the issuing body: "云霄县政府安委办下发了《…", "交通运输部发出通知",
#: "中牟河务局结合工作实际,印发了《…", "由陕西省安委会主办", "加力集团组织…开展了…".
NEWS_ISSUER_PATTERNS = [
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:近日|日前|此前|近期|已|今年|随即|及时|迅速)?,?(?:[^。\n]{{0,12}}?,)?"
                  r"(?:下发|印发|发出|出台|制定|发)了?(?:《|通知|关于)"),
    regex.compile(rf"由(?P<org>{ORG_NAME})(?:主办|牵头|组织)"),
    regex.compile(rf"从(?P<org>{ORG_NAME})(?:获悉|了解到)"),
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:积极|全面|认真|精心)?"
                  r"(?:部署|组织|启动|召开|举办|联合)[^。\n]{0,80}?(?:开展|安全生产月|活动)"),
    # "5月29日,国务院安委会办公室在京举行…启动仪式", "市安委会办公室隆重举行…"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME}){EVENT_LEAD}(?:举行|召开|启动|举办)"),
    # a sentence led by the body: "罗河镇安监所紧密结合“…”主题,采取…"
    regex.compile(rf"(?:^|[。\n])\s*(?P<org>{ORG_NAME})(?:紧密结合|紧紧围绕|结合|围绕|紧扣|高度重视|扎实|精心)"),
    # "市安委会及时研究制定方案", "二龙路医院开展了…"
    regex.compile(rf"(?:^|[,。:\s(》”]|日|份)(?P<org>{ORG_NAME})(?:及时|迅速|认真|专门)?(?:研究)?(?:制定|开展了)"),
]

#: Joint bodies before 关于 in a title, e.g. "国家卫生健康委、国家中医药局关于…",
#: "应急管理部 国家矿山安全监察局关于…", "中共中央宣传部、国家安全生产监督管理总局、公安部等关于…".
JOINT_TITLE_PATTERN = regex.compile(
    rf"^(?P<orgs>{ORG_NAME}(?:(?:、|和|与|及|[ \t\u3000]+){ORG_NAME})+)等?关于"
)

#: Joint bodies named in a sentence, e.g. "省应急厅、省教育厅联合印发《…", "由市总工会、市应急局联合主办".
JOINT_SENTENCE_PATTERN = regex.compile(
    rf"(?P<orgs>{ORG_NAME}(?:(?:、|和|与|及|,){ORG_NAME})+)(?:等\d{{1,2}}个?(?:部门|单位|部委))?(?:近日|日前|近期|共同)?,?"
    r"联合(?:印发|下发|发布|发出|开展|举办|召开|主办|启动|部署)"
)

#: Joint bodies as the subject of a reported event, e.g. "国务院安委会办公室、应急管理部在京举行…",
#: "中共中央宣传部、国家安全生产监督管理总局、公安部等关于…".
JOINT_SUBJECT_PATTERN = regex.compile(
    rf"(?:^|[,。:\s(》”/]|日)(?P<orgs>{ORG_NAME}(?:(?:、|和|及|与){ORG_NAME})+)(?:等(?:\d{{1,2}}个?(?:部门|单位|部委))?)?{EVENT_LEAD}"
    r"(?:举行|召开|启动|举办|印发|下发|部署|决定|牵头|主办)"
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

#: A news title led by the unit it reports on: "北京市二龙路医院开展“安全生产月”系列工作",
#: "山西焦煤汾西矿业水峪煤业召开安全生产月活动筹备会".
TITLE_SUBJECT_PATTERN = regex.compile(
    rf"^(?P<org>{ORG_NAME})(?:积极|全面|扎实|认真|多措并举)?(?:召开|开展|举行|举办|启动|部署|组织)"
)

#: Separators between joint bodies inside a matched group: "、", "和", "与", "及", ",", gaps.
JOINT_SEPARATOR_PATTERN = regex.compile(rf"(?<={ORG_SUFFIX})(?:、|和|与|及|,|[ \t\u3000]+)")

#: A bare plan's title starting with the unit: "白塔街道2024年“安全生产月”活动方案" -> "白塔街道".
PLAN_TITLE_UNIT_PATTERN = regex.compile(
    rf"^(?P<org>[\p{{Han}}]{{2,20}}?(?:{ORG_SUFFIX}|市|县|区|省|自治区|州|盟|旗))"
    r"\s*(?:\d{4}|xx|XX|“|安全生产月|全国|年度)"
)

#: Names that are no issuer on their own: "市规划资源局", "公司", "我局", "该县".
#: Verbs and function words a news sentence puts before a name ("落实国务院…", "根据…").
NOT_A_NAME_START = ("落实", "贯彻", "根据", "按照", "要求", "组织", "开展", "召开", "成立", "为", "由", "经", "对", "在", "将")

GENERIC_START = ("市", "县", "区", "省", "我", "本", "该", "各", "其", "全市", "全县", "全区", "全省", "全镇", "全乡",
                 "全体", "全校", "全院", "全系统", "全行业", "此", "公司", "集团", "街道", "镇", "乡", "村")

#: A name ending like a place: "溪口镇", "中卫市", "白塔街道" (not to be expanded).
PLACE_END_PATTERN = regex.compile(r"(?:镇|乡|村|街道|市|县|区|省|州|旗)$")

#: Media that appear as "来源:" but do not issue notices.
MEDIA_SUFFIX = regex.compile(r"(?:网站|网|日报|晚报|报社|报|电视台|新闻|客户端|在线)$")


#: Verbs ending like an office suffix: "陇南市举办…" is no "…办", "沂南县部署…" no "…署".
VERB_BAN_ENDINGS = ("举办", "主办", "承办", "协办", "开办", "创办", "督办", "合办", "联办", "部署")


#: Words no organization name holds inside: "吉林市禁毒委按照省禁毒委…" is two names and a verb.
INNER_VERB_PATTERN = regex.compile(r"按照|根据|依据|结合|关于|通过|围绕|记者|获悉")


def _ok(org: str) -> bool:
    return (len(org) >= 3 and not org.startswith(GENERIC_START) and not org.startswith(NOT_A_NAME_START)
            and not org.endswith(VERB_BAN_ENDINGS) and not INNER_VERB_PATTERN.search(org))


def _ok_short(org: str) -> bool:
    """A short form the text gives on its own ("省应急管理厅", "市安监局"): a place word, then
    at least three characters ending like an organization."""
    return _ok(org) or (len(org) >= 3 and org.startswith(("省", "市", "县", "区")) and not org.startswith(NOT_A_NAME_START)
                        and not org.endswith(VERB_BAN_ENDINGS) and not INNER_VERB_PATTERN.search(org))


def _expand(ctx: Context, org: str) -> str:
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


def _first_of_joint(ctx: Context, s: int, e: int) -> tuple[int, int]:
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


def _span_of(ctx: Context, m: regex.Match, offset: int) -> tuple[int, int]:
    return offset + m.start("org"), offset + m.end("org")


def _signature(ctx: Context, date_line: Optional[int]) -> Optional[tuple[int, int]]:
    if date_line is None:
        return None
    lines = ctx.seg.lines
    same = SIGNED_DATE_LINE_PATTERN.match(lines[date_line].text.strip())
    if same:
        off = lines[date_line].start + (len(lines[date_line].text) - len(lines[date_line].text.lstrip()))
        return off + same.start("org"), off + same.end("org")
    # the signature block above the date: "集团公司(盖章)" over "安全环保部(代章)": the topmost unit signs
    found = None
    i = date_line - 1
    while i >= 0 and date_line - i <= 6:
        t = SEAL_PATTERN.sub("", lines[i].text.strip())
        if t:
            if not (ORG_LINE_PATTERN.match(t) and len(t) <= 40):
                break
            off = lines[i].start + lines[i].text.index(t[0])
            found = _first_of_joint(ctx, off, off + len(t))
        i -= 1
    return found


def extract_issuer(ctx: Context, date_line: Optional[int]) -> Optional[tuple[int, int]]:
    """Match span of the issuer name, or None."""
    seg = ctx.seg
    text = ctx.text
    sig = _signature(ctx, date_line)
    if sig:
        return sig
    # a red header "…文件" among the first lines (a web page may repeat the title above it)
    for ln in seg.nonblank(0, min(len(seg.lines), 60))[:20]:
        t = ln.text.strip()
        m = RED_HEADER_PATTERN.match(t)
        if m and _ok(m.group("org")):
            off = ln.start + ln.text.index(t)
            return off + m.start("org"), off + m.end("org")
    for off, t in _title_texts(ctx):
        m = TITLE_PREFIX_PATTERN.match(t)
        if m and _ok(m.group("org")):
            return _span_of(ctx, m, off)
        m = JOINT_TITLE_PATTERN.match(t)
        if m:
            parts = _split_joint(ctx, off + m.start("orgs"), off + m.end("orgs"))
            if len(parts) > 1 and _ok(ctx.text[parts[0][0]:parts[0][1]]):
                return parts[0]
    if seg.title:
        a, b = seg.title_lines
        # the organization line above the title (red-header layouts), over 文号 / 签发 / 密级 lines,
        # or just under it (web pages put the issuing body and 文号 under the title)
        below = [ln for ln in seg.nonblank(b + 1, min(len(seg.lines), b + 8))][:3]
        header = _header_orgs(ctx)
        if header:
            return header[0]
        for ln in seg.nonblank(max(0, a - 8), a) + below:
            t = ln.text.strip()
            m = ORG_LINE_PATTERN.match(t)
            if m and _ok(t) and len(t) <= 40:
                off = ln.start + ln.text.index(t)
                return _first_of_joint(ctx, off, off + len(t))
    # a news report: no numbered sections and no recipients line (read by assemble before this)
    is_news = not any(not n.plain for n in seg.roots) and not ctx.facts.recipients_at
    found = _meta(ctx, strong=True)
    if found:
        return found
    plan = _plan_unit(ctx)
    is_plan = seg.title and regex.search(r"(?:方案|计划|安排)[》”]?$", ctx.text[seg.title[0]:seg.title[1]])
    if plan and is_plan:
        return plan
    found = None if is_news else _decided(ctx) or _counted_joint(ctx) or _meta(ctx, strong=False)
    if found:
        return found
    if is_news:
        joint = _joint_lists(ctx, 0, min(len(text), 5000))
        if joint:
            return joint[0][0]
        if seg.title:
            t0 = seg.lines[seg.title_lines[0]]
            m = TITLE_SUBJECT_PATTERN.match(t0.text.strip())
            if m and _ok(m.group("org")):
                return _span_of(ctx, m, t0.start + t0.text.index(t0.text.strip()))
    # full names first; a short form ("市安委会办公室") only when the text gives no full one
    for accept in (_ok, _ok_short) if is_news else ():
        for pattern in NEWS_ISSUER_PATTERNS:
            for m in pattern.finditer(text[:5000]):
                if accept(m.group("org")) and not MEDIA_SUFFIX.search(m.group("org")):
                    return m.start("org"), m.end("org")
    # a place as the subject, in the title first ("陇南市举办…"): only when no body is named
    for m in PLACE_SUBJECT_PATTERN.finditer(text[:3000]) if is_news else ():
        if _ok(m.group("org")) or (len(m.group("org")) == 2 and m.group("org").endswith(("县", "市", "旗"))
                                   and not m.group("org").startswith(GENERIC_START)):  # "盂县", "沛县"
            return m.start("org"), m.end("org")
    return plan or (_meta(ctx, strong=False) if is_news else None)


def _title_texts(ctx: Context) -> list[tuple[int, str]]:
    """(offset, text) of the lines a title may start with: each line of the title without a
    breadcrumb ("首页 > … > 关于…"), or for a page flattened to one line, its first line."""
    seg = ctx.seg
    if seg.title:
        a, b = seg.title_lines
        lines = [seg.lines[i] for i in range(a, min(b, a + 3) + 1)]
    else:
        lines = seg.nonblank(0, min(len(seg.lines), 5))[:1]
    out = []
    for ln in lines:
        t = ln.text.strip()
        if not t:
            continue
        off = ln.start + ln.text.index(t)
        crumb = BREADCRUMB_PATTERN.match(t)
        if crumb and crumb.end() < len(t):
            off, t = off + crumb.end(), t[crumb.end():]
        if seg.title or FLAT_TITLE_PATTERN.match(t):
            out.append((off, t))
    return out


#: The body deciding in a notice's own words: "中国安全生产协会决定面向全国开展…",
#: "县安委办与江泰保险经纪公司决定,…现将有关事项通知如下". Read in the opening paragraphs.
DECIDE_PATTERN = regex.compile(rf"(?:^|[,。:\s)》”])(?P<org>{ORG_NAME})(?:经研究)?,?(?:共同)?决定")

#: How far into a notice the deciding sentence may sit.
DECIDE_REACH = 2500


def _decided(ctx: Context) -> Optional[tuple[int, int]]:
    """The lead body of the first "X决定" sentence (joint "A、B和C决定" lists first)."""
    text = ctx.text[:DECIDE_REACH]
    joint = [p for p in _joint_lists(ctx, 0, len(text)) if regex.match(r"[,]?(?:共同)?决定", text[p[-1][1]:])]
    m = DECIDE_PATTERN.search(text)
    if joint and (not m or joint[0][0][0] <= m.start("org")):
        return joint[0][0]
    if m and _ok(m.group("org")):  # a bare "指挥部决定" leaves the plan's title to name the unit
        return m.start("org"), m.end("org")
    return None


def _meta(ctx: Context, strong: bool) -> Optional[tuple[int, int]]:
    """A metadata label: strong ("发布机构:", "发文机关:") or weak ("来源:", often a website)."""
    text = ctx.text
    for m in META_ISSUER_PATTERN.finditer(text):
        if ("来源" in m.group(0)) == strong:
            continue
        s = m.start("org")
        token = _token_end(ctx, s)
        if token is not None:
            # the word as the source writes it: "来源:山西科技报" is no "山西科", and "发布机构 同心县应急管理局
            # 文 号" ends at its gap
            if not regex.search(ORG_SUFFIX + r"(?:\([\p{Han}]{2,10}\))?(?:网站)?$", text[s:token]):
                continue
            org = text[s:token]
        else:
            org = m.group("org")
        org = MEDIA_SUFFIX.sub("", org) if org.endswith("网站") else org
        if MEDIA_SUFFIX.search(org) or not regex.search(ORG_SUFFIX + "$", org):
            continue
        full = _expand(ctx, org)
        if full != org:
            found = text.find(full)
            if found >= 0:
                return found, found + len(full)
        return s, s + len(org)
    return None


#: Characters of a name's word in the source text: Han and brackets (a gap, a digit or a
#: punctuation mark ends it).
WORD_CHAR_PATTERN = regex.compile(r"[\p{Han}()（）·]")


def _token_end(ctx: Context, s: int) -> Optional[int]:
    """Match-text end of the word starting at ``s`` as the source text writes it (the match text
    drops the gaps between Han characters, the source keeps them), or None when unsure."""
    src = ctx.norm.source
    so = ctx.norm.source_span(s, s + 1)[0]
    j = so
    while j < len(src) and j - so < 40 and WORD_CHAR_PATTERN.match(src[j]):
        j += 1
    n = j - so
    if n == 0 or to_simplified(src[so:j]).replace("（", "(").replace("）", ")") != ctx.text[s:s + n]:
        return None
    return s + n


def _plan_unit(ctx: Context) -> Optional[tuple[int, int]]:
    """The unit a bare plan's title starts with, expanded when generic ("教育局" -> "仁和区教育局")."""
    seg = ctx.seg
    if not seg.title:
        return None
    t0 = seg.lines[seg.title_lines[0]]
    t = t0.text.strip().strip("【】[]")
    m = PLAN_TITLE_UNIT_PATTERN.match(t)
    if not m:
        return None
    org = m.group("org")
    if org.endswith(VERB_BAN_ENDINGS):
        return None
    full = _expand(ctx, org)
    if full != org:
        found = ctx.text.find(full)
        if found >= 0:
            return found, found + len(full)
    if org.startswith(GENERIC_START):
        return None
    off = t0.start + t0.text.index(t) + (1 if t0.text.strip().startswith(("【", "[")) else 0)
    return off + m.start("org"), off + m.end("org")


#: How many lines from the top a joint header may sit (a web page repeats the title above it).
HEADER_REACH = 40


def _org_row(ctx: Context, ln, end: Optional[int] = None) -> list[tuple[int, int]]:
    """A line (up to ``end``) of space-separated organization names ("国家发展改革委 生态环境部"), or []."""
    # the gaps survive in the display text only (the match text joins Han characters)
    end = ln.end if end is None else end
    tokens = ctx.value(ln.start, end).split()
    if len(tokens) < 2:
        return []
    out, pos = [], ln.start
    text = ctx.text
    for tok in tokens:
        while pos < end and text[pos].isspace():
            pos += 1
        n = len(tok)
        s, e = pos, min(end, pos + n)
        name = text[s:e]
        if not (ORG_LINE_PATTERN.match(name) and _ok_short(name)):
            return []
        out.append((s, e))
        pos = e
    return out


def _header_orgs(ctx: Context) -> list[tuple[int, int]]:
    """A joint header: rows of space-separated bodies right above the title (red-header layout
    of a joint notice, e.g. 14 ministries over "关于做好…节能宣传周…的通知"), top to bottom.
    Scanned once per notice: extract_issuer and extract_issuers both ask."""
    if ctx.facts.header_orgs is None:
        ctx.facts.header_orgs = _scan_header_orgs(ctx)
    return ctx.facts.header_orgs


def _scan_header_orgs(ctx: Context) -> list[tuple[int, int]]:
    seg = ctx.seg
    lines = seg.nonblank(0, min(len(seg.lines), HEADER_REACH))
    rows: list[list[tuple[int, int]]] = []
    for ln in lines:
        row = _org_row(ctx, ln) if len(ln.text) <= 200 else []
        if row:
            rows.append(row)
            continue
        t = ln.text.strip()
        if rows and (t.startswith("关于") or TITLE_END_PATTERN.search(t)):
            return [p for row in rows for p in row]
        rows = []
    return []


def _split_joint(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the bodies in a joint group "A、B和C" (each must look like an organization)."""
    out, pos = [], s
    for m in JOINT_SEPARATOR_PATTERN.finditer(ctx.text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    out = [(a, b) for a, b in out if b - a >= 2]
    return out if all(regex.search(ORG_SUFFIX + "$", ctx.text[a:b]) for a, b in out) else [(s, e)]


def _signature_block(ctx: Context, date_line: Optional[int]) -> list[tuple[int, int]]:
    """Every unit of the signature block above the date line, top to bottom, gaps split."""
    if date_line is None:
        return []
    lines = ctx.seg.lines
    found: list[tuple[int, int]] = []
    i = date_line - 1
    while i >= 0 and date_line - i <= 6:
        t = SEAL_PATTERN.sub("", lines[i].text.strip())
        if t:
            if not (ORG_LINE_PATTERN.match(t) and len(t) <= 40):
                break
            off = lines[i].start + lines[i].text.index(t[0])
            found[:0] = _gap_parts(ctx, off, off + len(t))
        i -= 1
    return found


def _gap_parts(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """A line "苏州市总工会    苏州市应急管理局" cut at its wide gaps (visible in the display text)."""
    parts, pos = [], s
    while pos < e:
        first = _first_of_joint(ctx, pos, e)
        if first[1] >= e:
            parts.append((pos, e))
            break
        parts.append(first)
        pos = first[1]
        while pos < e and ctx.text[pos].isspace():
            pos += 1
    return [p for p in parts if p[1] - p[0] >= 2]


#: A department under the unit above it in a signature block ("集团公司" over "安全环保部"):
#: part of the same body, not a joint issuer.
SUB_UNIT_PATTERN = regex.compile(r"^[\p{Han}]{1,6}(?:部|处|科|室|办|组|中心)(?:\([\p{Han}]{2,10}\))?$")


def extract_issuers(ctx: Context, issuer: Optional[tuple[int, int]], date_line: Optional[int]) -> list[tuple[int, int]]:
    """Spans of every issuing body in reading order; the first is the lead issuer."""
    if issuer is None:
        return []
    block = _signature_block(ctx, date_line)
    block = block[:1] + [p for p in block[1:] if not SUB_UNIT_PATTERN.match(ctx.text[p[0]:p[1]])]
    if len(block) > 1 and any(a <= issuer[0] < b for a, b in block):
        return block
    header = _header_orgs(ctx)
    if len(header) > 1 and header[0][0] <= issuer[0] < header[0][1]:
        return header
    seg = ctx.seg
    if seg.title:
        t0 = seg.lines[seg.title_lines[0]]
        cut = t0.text.find("关于")
        row = _org_row(ctx, t0, t0.start + cut) if cut > 0 else []
        if len(row) > 1 and row[0][0] <= issuer[0] < row[0][1]:
            return row  # "淄博市卫生健康委员会 淄博市民政局 … 淄博市总工会关于开展…"
    for off, t in _title_texts(ctx):
        m = JOINT_TITLE_PATTERN.match(t)
        if m:
            parts = _split_joint(ctx, off + m.start("orgs"), off + m.end("orgs"))
            if len(parts) > 1 and all(_ok(ctx.text[a:b]) for a, b in parts) and parts[0][0] <= issuer[0] < parts[0][1]:
                return parts
    for parts in _joint_lists(ctx, max(0, issuer[0] - 3), min(len(ctx.text), issuer[1] + 600)):
        if parts[0][0] <= issuer[0] + 1 and parts[0][1] >= issuer[1] - 1:
            return parts
    return [issuer]


def _joint_lists(ctx: Context, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Joint lists of bodies between ``start`` and ``end`` in reading order: strict ones (every
    member ends like an organization) and loose ones in a context of acting together."""
    text = ctx.text
    found = []
    for pattern in (JOINT_SENTENCE_PATTERN, JOINT_SUBJECT_PATTERN, JOINT_HOST_PATTERN):
        m = pattern.search(text, start, end)
        if m:
            parts = _split_joint(ctx, m.start("orgs"), m.end("orgs"))
            if len(parts) > 1 and all(_ok_short(text[a:b]) for a, b in parts):
                found.append(parts)
    found += loose_joint_lists(text, _lead_member_ok, _member_ok, start, end)
    found.sort(key=lambda p: (p[0][0], -len(p)))
    return found


def _counted_joint(ctx: Context) -> Optional[tuple[int, int]]:
    """The lead of a loose joint list in the opening text of a page that is no news report by
    its shape ("1. …何时举办 … 国务院食品安全办、…等19部门联合下发《…》")."""
    lists = loose_joint_lists(ctx.text, _lead_member_ok, _member_ok, 0, min(len(ctx.text), DECIDE_REACH))
    return lists[0][0] if lists else None


def _lead_member_ok(name: str) -> bool:
    return _ok_short(name) and bool(regex.search(ORG_SUFFIX + "$", name))


def _member_ok(name: str) -> bool:
    return not name.startswith(NOT_A_NAME_START) and not INNER_VERB_PATTERN.search(name)


#: White space between two Han characters: layout spacing inside a name.
HAN_GAP_PATTERN = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")


def _run_issuer(ctx: Context) -> Optional[Found]:
    at = extract_issuer(ctx, ctx.facts.date_line)
    if not at:
        return None
    # a letter-spaced header ("合 肥 市 教 育 局") names the same unit
    ctx.facts.issuer, ctx.facts.issuer_at = HAN_GAP_PATTERN.sub("", ctx.value(*at)), at
    return read(ctx, ctx.facts.issuer, at)


def _issuer_found(ctx: Context, name: str, at: tuple[int, int]) -> Found:
    found = read(ctx, name, at)
    return Found(Issuer(name=name, span=found.span), found.span, found.status)


def _run_issuers(ctx: Context) -> list[Found]:
    """Every issuing body in reading order, the issuer first."""
    f = ctx.facts
    if not f.issuer_at:
        return []
    out: dict[str, Found] = {}
    for at in extract_issuers(ctx, f.issuer_at, f.date_line):
        name = f.issuer if at == f.issuer_at else HAN_GAP_PATTERN.sub("", ctx.value(*at))
        if name and name not in out:
            out[name] = _issuer_found(ctx, name, at)
    items = list(out.values())
    if items and items[0].value.name != f.issuer:
        items.insert(0, _issuer_found(ctx, f.issuer, f.issuer_at))
    return items


EXTRACTORS = (
    Extractor("issuer", _run_issuer, needs=("issue_date", "recipients")),
    Extractor("issuers", _run_issuers, needs=("issuer", "issue_date")),
)
