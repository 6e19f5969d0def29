"""Issuer from the document's head: a red header "…文件", the title's prefix "X关于…", a joint
header of bodies over the title, an organization line next to the title, the unit a bare
plan's title starts with, or the unit a news title is about."""

from __future__ import annotations

from typing import Optional

import regex

from ..patterns import ORG_NAME, ORG_SUFFIX
from ..segment import TITLE_END_PATTERN
from .base import Context
from .issuer_names import (GENERIC_START, INNER_VERB_PATTERN, NOT_A_NAME_START, ORG_END_PATTERN, ORG_LINE_PATTERN,
                           VERB_BAN_ENDINGS, expand, first_of_joint, name_ok, short_name_ok, split_joint)

__all__ = ["head_issuer", "header_orgs", "title_joint", "title_texts", "plan_unit", "title_subject", "title_lead",
           "TITLE_PREFIX_PATTERN", "JOINT_TITLE_PATTERN"]

#: Red-header line "嵊州市竹溪乡人民政府文件" -> "嵊州市竹溪乡人民政府".
RED_HEADER_PATTERN = regex.compile(rf"^(?P<org>{ORG_NAME})文件$")

#: A place that issues in its own name: "后湖管理区", "某某经济开发区", "沛县".
PLACE_NAME = r"[\p{Han}]{1,12}?(?:管理区|开发区|园区|新区|自治县|自治州|县|市|区|旗)"

#: Title prefix "吉林省工业和信息化厅关于印发…" -> "吉林省工业和信息化厅", "解读:后湖管理区关于开展…" -> "后湖管理区".
TITLE_PREFIX_PATTERN = regex.compile(rf"^(?:[\p{{Han}}]{{0,6}}:)?(?P<org>{ORG_NAME}|{PLACE_NAME})关于")

#: A breadcrumb before a page's title: "我的位置: 首页 > 法律条文 > 社会法类 > …关于…的通知" (the title
#: is what follows the last ">").
BREADCRUMB_PATTERN = regex.compile(r"^[^>\n]{0,60}(?:>[^>\n]{0,30}?)*>\s*")

#: A title line flattened together with the page ("宜昌市人民政府办公室关于…的通知 【法规类别】…"):
#: the organization, 关于, and a document kind within one clause.
FLAT_TITLE_PATTERN = regex.compile(
    rf"^(?P<org>{ORG_NAME})关于[^。\n]{{2,80}}?(?:通知|通报|方案|意见|决定|计划|安排|函|公告|办法)")

#: Joint bodies before 关于 in a title, e.g. "国家卫生健康委、国家中医药局关于…",
#: "应急管理部 国家矿山安全监察局关于…", "中共中央宣传部、国家安全生产监督管理总局、公安部等关于…".
JOINT_TITLE_PATTERN = regex.compile(
    rf"^(?P<orgs>{ORG_NAME}(?:(?:、|和|与|及|[ \t\u3000]+){ORG_NAME})+)等?关于"
)

#: A news title led by the unit it reports on: "北京市二龙路医院开展“安全生产月”系列工作",
#: "山西焦煤汾西矿业水峪煤业召开安全生产月活动筹备会".
TITLE_SUBJECT_PATTERN = regex.compile(
    rf"^(?P<org>{ORG_NAME})(?:积极|全面|扎实|认真|多措并举)?(?:召开|开展|举行|举办|启动|部署|组织)"
)

#: A bare plan's title starting with the unit: "白塔街道2024年“安全生产月”活动方案" -> "白塔街道".
PLAN_TITLE_UNIT_PATTERN = regex.compile(
    rf"^(?P<org>[\p{{Han}}]{{2,20}}?(?:{ORG_SUFFIX}|市|县|区|省|自治区|州|盟|旗))"
    r"\s*(?:\d{4}|xx|XX|“|安全生产月|全国|年度)"
)

#: A news title's leading words: after a place and ":" or "|" ("江永:", "静安 | "), the run of Han
#: characters a body's name may start, e.g. "四方井社区妇联“四个一”,…" -> "四方井社区妇联".
TITLE_LEAD_PATTERN = regex.compile(r"^(?:[\p{Han}]{2,8}\s*[:|]\s*)?(?P<run>[\p{Han}()]{2,30})")

#: A name without an organization suffix leading a news title before its event verb:
#: "西南铝开展2021年“安全生产月”活动" -> "西南铝", "宜宾开展世界环境日宣传活动" -> "宜宾".
TITLE_SHORT_SUBJECT_PATTERN = regex.compile(r"^(?P<org>[\p{Han}]{2,6}?)(?:开展|召开|举行|举办|启动|部署|组织)")

#: A document's title, not a news headline: it ends with a document kind ("…的通知", "…活动方案").
DOCUMENT_TITLE_PATTERN = regex.compile(r"(?:通知|通报|方案|意见|决定|函|计划|安排|办法|公告)[》”]?$")

#: Where the body names the same unit again: at a clause start, e.g. "近日,西南铝印发了…".
CLAUSE_START = r"(?:^|(?<=[,。:;\n)]|日|前))"

#: How many lines from the top a joint header may sit (a web page repeats the title above it).
HEADER_REACH = 40


def head_issuer(ctx: Context) -> Optional[tuple[int, int]]:
    """The issuer the head of the document names: a red header among the first lines, the
    title's prefix, a joint header over the title, an organization line next to the title."""
    seg = ctx.seg
    # a red header "…文件" among the first lines (a web page may repeat the title above it)
    for ln in seg.nonblank(0, min(len(seg.lines), 60))[:20]:
        t = ln.text.strip()
        m = RED_HEADER_PATTERN.match(t)
        if m and name_ok(m.group("org")):
            off = ln.start + ln.text.index(t)
            return off + m.start("org"), off + m.end("org")
    for off, t in title_texts(ctx):
        m = TITLE_PREFIX_PATTERN.match(t)
        if m and name_ok(m.group("org")):
            return off + m.start("org"), off + m.end("org")
        m = JOINT_TITLE_PATTERN.match(t)
        if m:
            parts = split_joint(ctx, off + m.start("orgs"), off + m.end("orgs"))
            if len(parts) > 1 and name_ok(ctx.text[parts[0][0]:parts[0][1]]):
                return parts[0]
    if not seg.title:
        return None
    header = header_orgs(ctx)
    return header[0] if header else _org_line_by_title(ctx)


def _org_line_by_title(ctx: Context) -> Optional[tuple[int, int]]:
    """The organization line above the title (red-header layouts), over 文号 / 签发 / 密级 lines,
    or just under it (web pages put the issuing body and 文号 under the title)."""
    seg = ctx.seg
    a, b = seg.title_lines
    below = [ln for ln in seg.nonblank(b + 1, min(len(seg.lines), b + 8))][:3]
    for ln in seg.nonblank(max(0, a - 8), a) + below:
        t = ln.text.strip()
        m = ORG_LINE_PATTERN.match(t)
        if m and name_ok(t) and len(t) <= 40:
            off = ln.start + ln.text.index(t)
            return first_of_joint(ctx, off, off + len(t))
    return None


def title_texts(ctx: Context) -> list[tuple[int, str]]:
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


def title_subject(ctx: Context) -> Optional[tuple[int, int]]:
    """The unit a news title is about: "北京市二龙路医院开展…" -> "北京市二龙路医院"."""
    seg = ctx.seg
    if not seg.title:
        return None
    t0 = seg.lines[seg.title_lines[0]]
    m = TITLE_SUBJECT_PATTERN.match(t0.text.strip())
    if m and name_ok(m.group("org")):
        off = t0.start + t0.text.index(t0.text.strip())
        return off + m.start("org"), off + m.end("org")
    return None


def title_lead(ctx: Context, short: bool = False) -> Optional[tuple[int, int]]:
    """The unit a news title starts with when the body names it again at a clause start: the
    longest leading name ending like an organization ("四方井社区妇联", "共和新路街道"), or with
    ``short`` a name without a suffix before the title's event verb ("西南铝开展…"). The title is
    the segmenter's, else the one the title extractor found (a headline under a breadcrumb)."""
    at = ctx.seg.title or ctx.facts.title_at
    if not at:
        return None
    t = ctx.text[at[0]:at[1]]
    first = t.split("\n", 1)[0]
    m = TITLE_LEAD_PATTERN.match(first)
    if not m or DOCUMENT_TITLE_PATTERN.search(t):
        return None  # a document's title: its leading word is a 文号 prefix ("黄安办函〔2018〕10号关于…")
    off = at[0] + m.start("run")
    run = m.group("run")
    body = ctx.text[at[1]:]
    if short:
        m = TITLE_SHORT_SUBJECT_PATTERN.match(run)
        names = [m.group("org")] if m and _short_ok(m.group("org")) else []
    else:
        names = [run[:i] for i in range(len(run), 2, -1) if ORG_END_PATTERN.search(run[:i]) and name_ok(run[:i])]
    for name in names:
        if regex.search(CLAUSE_START + regex.escape(name), body):
            return off, off + len(name)
    return None


def _short_ok(name: str) -> bool:
    """A short name without a suffix ("西南铝", "宜宾"): no generic start, no verb, not a bare
    suffix word ("学校", "公司")."""
    return not (name.startswith(GENERIC_START) or name.startswith(NOT_A_NAME_START) or INNER_VERB_PATTERN.search(name)
                or regex.fullmatch(ORG_SUFFIX, name))


def plan_unit(ctx: Context) -> Optional[tuple[int, int]]:
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
    full = expand(ctx, org)
    if full != org:
        found = ctx.text.find(full)
        if found >= 0:
            return found, found + len(full)
    if org.startswith(GENERIC_START):
        return None
    off = t0.start + t0.text.index(t) + (1 if t0.text.strip().startswith(("【", "[")) else 0)
    return off + m.start("org"), off + m.end("org")


def org_row(ctx: Context, ln, end: Optional[int] = None) -> list[tuple[int, int]]:
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
        if not (ORG_LINE_PATTERN.match(name) and short_name_ok(name)):
            return []
        out.append((s, e))
        pos = e
    return out


def header_orgs(ctx: Context) -> list[tuple[int, int]]:
    """A joint header: rows of space-separated bodies right above the title (red-header layout
    of a joint notice, e.g. 14 ministries over "关于做好…节能宣传周…的通知"), top to bottom.
    Scanned once per notice: extract_issuer and extract_issuers both ask."""
    if ctx.facts.header_orgs is None:
        ctx.facts.header_orgs = _scan_header_orgs(ctx)
    return ctx.facts.header_orgs


def _scan_header_orgs(ctx: Context) -> list[tuple[int, int]]:
    """Rows of bodies right above a "关于…" title line: space-separated on one line, or one a
    line stacked ("承德市科学技术局 / 中共承德市委宣传部 / 承德市科学技术协会 / 关于举办…"), two at least."""
    seg = ctx.seg
    lines = seg.nonblank(0, min(len(seg.lines), HEADER_REACH))
    rows: list[list[tuple[int, int]]] = []
    for ln in lines:
        row = (org_row(ctx, ln) or _single_org(ctx, ln)) if len(ln.text) <= 200 else []
        if row:
            rows.append(row)
            continue
        t = ln.text.strip()
        found = [p for row in rows for p in row]
        if len(found) > 1 and (t.startswith("关于") or TITLE_END_PATTERN.search(t)):
            return found
        rows = []
    return []


def _single_org(ctx: Context, ln) -> list[tuple[int, int]]:
    """A line that is one organization's name ("中共承德市委宣传部"), as a row of one."""
    t = ln.text.strip()
    if len(t) > 40 or not ORG_LINE_PATTERN.match(t) or not short_name_ok(t):
        return []
    off = ln.start + ln.text.index(t)
    return [(off, off + len(t))]


def title_joint(ctx: Context, issuer: tuple[int, int]) -> list[tuple[int, int]]:
    """The joint bodies the head names when the issuer leads them: a joint header, a row of
    bodies before 关于 in the title, a joint title "A、B关于…"; [] when none."""
    header = header_orgs(ctx)
    if len(header) > 1 and header[0][0] <= issuer[0] < header[0][1]:
        return header
    seg = ctx.seg
    if seg.title:
        t0 = seg.lines[seg.title_lines[0]]
        cut = t0.text.find("关于")
        row = org_row(ctx, t0, t0.start + cut) if cut > 0 else []
        if len(row) > 1 and row[0][0] <= issuer[0] < row[0][1]:
            return row  # "淄博市卫生健康委员会 淄博市民政局 … 淄博市总工会关于开展…"
    for off, t in title_texts(ctx):
        m = JOINT_TITLE_PATTERN.match(t)
        if m:
            parts = split_joint(ctx, off + m.start("orgs"), off + m.end("orgs"))
            if len(parts) > 1 and all(name_ok(ctx.text[a:b]) for a, b in parts) \
                    and parts[0][0] <= issuer[0] < parts[0][1]:
                return parts
    return []
