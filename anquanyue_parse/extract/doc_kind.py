"""Document kind (doc_kind): 通知 / 方案 / 意见 / 通报 / 总结 / 新闻 / other.

Read from the title's last words first (a cover notice with a plan attached is a 通知), then
from the shape (a news lead such as 本报讯, a report without numbered sections).
"""

from __future__ import annotations

from typing import Optional

import regex

from ..normalize import PINYIN_RESIDUE_PATTERN, to_simplified
from .base import Context
from .registry import Extractor, Found

__all__ = ["extract_doc_kind", "TITLE_KIND_PATTERNS", "BODY_KIND_PATTERNS"]

#: Title endings and the kind they name, checked in order on the title without trailing
#: quotes or brackets. e.g. "关于转发…方案的通知" -> 通知, "…活动实施方案" -> 方案,
#: "…活动开展情况的通报" -> 通报, "…活动工作总结" -> 总结.
TITLE_KIND_PATTERNS = [
    ("通知", regex.compile(r"(?:通知|通告|公告|函|通知书)$")),
    ("通报", regex.compile(r"(?:通报|表彰决定|决定|通报表扬|表扬)$")),
    ("意见", regex.compile(r"(?:意见|指导意见|实施意见)$")),
    ("总结", regex.compile(r"(?:总结|情况报告|工作报告|报告|情况汇报|汇报|开展情况|活动情况|回顾)$")),
    ("方案", regex.compile(r"(?:方案|安排|计划|工作要点|要点|细则|实施办法|办法|规划|部署)$")),
]

#: A news report's lead or byline, e.g. "本报讯", "新华社北京6月1日电", "(记者 王芳)",
#: "记者从…获悉", "通讯员".
NEWS_MARK_PATTERN = regex.compile(
    r"本报讯|本网讯|本台讯|讯\s*\((?:记者|通讯员)|新华社[\p{Han}]{0,8}\d{1,2}月\d{1,2}日电|[\p{Han}]{0,6}(?:日|月)电\s*\(记者"
    r"|\(记者[\p{Han}\s]{1,12}\)|记者[\p{Han}]{0,3}从[\p{Han}]{2,20}(?:获悉|了解到)|通讯员[\p{Han}\s]{2,12}"
)

#: A news title: an event, not a document ("…召开安全生产月动员会", "…启动…", "…举行…").
NEWS_TITLE_PATTERN = regex.compile(
    r"(?:召开|启动|举行|举办|开展|组织|部署|推进|走进|亮相|落幕|收官|拉开|掀起|扎实|积极|全力|多措并举|来了|响应)"
)

#: How far into the text a news byline may sit.
NEWS_REACH = 1500

#: A template or document-library site's tail after the real title: "…活动方案范文",
#: "…方案篇一", "…工作总结集合15篇", "…方案(通用5篇)", "…活动方案设计", "…方案范例".
TEMPLATE_TAIL_PATTERN = regex.compile(
    r"(?:范文|范例|模板|大全|精选|合集|汇编|集合|设计|样本|\d{1,3}篇|篇[一二三四五六七八九十\d]{1,3}|"
    r"[(（\[【](?:通用|精选|优秀|热门|模板|范文|范本|汇总)?\d{0,3}篇?[)）\]】])+$"
)

#: A document-library page's title: a file name with its extension and a copy number, a word
#: count, a trailing year, e.g. "2017年“119”消防宣传月活动方案 1.docx", "…活动总结 1300字",
#: "安全生产月工作方案2022年".
FILE_TAIL_PATTERN = regex.compile(r"(?:\s*\d{0,2}\.(?:docx?|pdf|wps|txt)|\s*\d{3,5}字|\s*(?:19|20)\d{2}年?)$",
                                  regex.I)

#: A news headline about a plan or a notice: (a place before ":" and) the act of issuing it,
#: e.g. "庐江县罗河镇:制定“安全生产月”活动方案", "印发安全生产月活动方案" (a plan's own title
#: is a noun phrase; "印发…方案的通知" is a cover notice).
ISSUING_HEADLINE_PATTERN = regex.compile(
    r"^(?:[\p{Han}]{2,16}[:|]\s*)?(?:制定|出台|下发|发布|部署)(?!.*的(?:通知|通报)$)")

#: A title run into a flattened page: "X关于…的通知【法规类别】…", "关于印发…的通知 各单位:" (the
#: kind is the first document word after 关于; a cited "根据《关于…的通知》" is no title).
HEAD_TITLE_KIND_PATTERN = regex.compile(
    r"^[^。\n《,:]{0,40}?关于[^。\n]{2,80}?的(?P<kind>通知|通报|意见|决定|方案)")

#: The kind named at the start of a text with no title line (an excerpt, a flattened page):
#: "镇人民政府2024年“全国安全生产月”宣教育活动工作总结 为进一步…", "1、学校“安全生产月”活动方案范例 一、…".
HEAD_KIND_PATTERN = regex.compile(
    r"^[^。\n]{0,60}?(?:活动|工作|宣传月|宣传周|安全月|生产月)(?P<kind>方案|总结|通知|计划|安排)"
    r"(?:范文|范例|篇[一二三四五六七八九十]?)?(?=[\s一为根按今近各]|$)"
)

#: Phrases only one kind of document uses, e.g. "现将有关事项通知如下" (通知),
#: "现将活动情况总结如下" (总结), "特制定本方案" (方案).
BODY_KIND_PATTERNS = [
    ("通知", regex.compile(r"现将[^。\n]{0,30}?通知如下|特此通知")),
    # a forwarding excerpt: "现将《科技部…关于举办…的通知》(…号)转发给你们"
    ("通知", regex.compile(r"现将[^。\n]{0,120}?转发给你们")),
    ("总结", regex.compile(r"现将[^。\n]{0,16}总结如下|(?:活动|工作)总结如下|作如下总结")),
    # "特制定本方案", "特制订2011年“安全生产月”活动方案" (a report's "特制定了活动方案" is past)
    ("方案", regex.compile(r"特制[定订](?!了)[^。\n]{0,30}?方案|制[定订](?:本|如下)(?:活动|工作)?方案|方案如下")),
    # a plan's task list: "责任单位:各乡镇政府" under two tasks or more
    ("方案", regex.compile(r"(?:责任单位|牵头单位):[^\n]*\n(?:.*\n)*?.*(?:责任单位|牵头单位):")),
]

#: The first heading of a bare plan's body (no title, no recipients): "一、活动目的及意义",
#: "一、指导思想", "一、工作目标".
PLAN_FIRST_HEADING_PATTERN = regex.compile(
    r"^\s*一[、.]\s*(?:活动目的|指导思想|工作目标|活动目标|总体要求|组织机构|目的意义)")

#: A news report's event in its first lines: "昨日,…在南塘老街举行", "6月2日上午在贵阳启动",
#: "…召开了动员大会", "会上,", "会议要求".
NEWS_EVENT_PATTERN = regex.compile(
    r"(?:昨日|昨天|今天|日前|近日|近期|上午|下午|晚上)[^。\n]{0,40}?(?:举行|举办|启动|召开|开展|组织)"
    r"|(?:举行|召开|举办)了?[^。\n]{0,12}?(?:仪式|大会|会议|动员会|活动)|会上[,，]|会议要求|活动现场"
    r"|(?:开展|举办|组织|印发|召开|举行|启动)了|隆重举行|由[^。\n]{2,40}?主办"
)


#: Document words that name another kind: a 计划 or 安排 is a plan, a 决定 a 通报.
_KIND_OF_WORD = {"计划": "方案", "安排": "方案", "决定": "通报"}


def _bare_title(title: Optional[str]) -> str:
    """The title without closing quotes, a template or file-library tail, pinyin residue, in
    simplified characters: "全縣…宣傳活動(dòng)總結" -> "全县…宣传活动总结"."""
    t = to_simplified(PINYIN_RESIDUE_PATTERN.sub("", title or "")).strip()
    for _ in range(3):  # "…方案 1.docx", "…方案(模板14篇)》": one tail after the other
        cut = FILE_TAIL_PATTERN.sub("", TEMPLATE_TAIL_PATTERN.sub("", t))
        cut = regex.sub(r"[\s》”\"')）\]】(（\[【]+$", "", cut)
        if not cut or cut == t:
            break
        t = cut
    return t


def extract_doc_kind(ctx: Context, title: Optional[str]) -> Optional[str]:
    """The kind of the document; None only for an empty text."""
    t = _bare_title(title)
    if t and ISSUING_HEADLINE_PATTERN.search(t):
        return "新闻"
    for kind, pattern in TITLE_KIND_PATTERNS:
        if t and pattern.search(t):
            return kind
    m = HEAD_TITLE_KIND_PATTERN.search(t)  # a title line run on into the page's metadata
    if m:
        return _KIND_OF_WORD.get(m.group("kind"), m.group("kind"))
    head = ctx.text[:NEWS_REACH]
    if NEWS_MARK_PATTERN.search(head):
        return "新闻"
    if not title:
        kind = _untitled_kind(ctx)
        if kind:
            return kind
    numbered = any(not n.plain for n in ctx.seg.roots)
    if t and NEWS_TITLE_PATTERN.search(t) and not t.endswith(("通知", "方案")):
        return "新闻"
    if not numbered and not ctx.facts.recipients_at and ctx.text.strip():
        dated = regex.search(r"\d{1,2}月\d{1,2}日[,，]", head)
        return "新闻" if dated or NEWS_EVENT_PATTERN.search(head) else "other"
    return "other" if ctx.text.strip() else None


def _untitled_kind(ctx: Context) -> Optional[str]:
    """The kind of a text with no title line: named at its start, said by the body's phrases,
    a recipients line (通知), or a plan's first heading."""
    body = ctx.text.lstrip()
    first = regex.sub(r"^[\d一二三四五六七八九十]{1,2}[、.．]\s*", "", body[:160])
    m = HEAD_KIND_PATTERN.search(first) or HEAD_TITLE_KIND_PATTERN.search(body[:200])
    if m:
        return _KIND_OF_WORD.get(m.group("kind"), m.group("kind"))
    for kind, pattern in BODY_KIND_PATTERNS:
        if pattern.search(ctx.text):
            return kind
    if ctx.facts.recipients_at:
        return "通知"
    if PLAN_FIRST_HEADING_PATTERN.match(body):
        return "方案"
    return None


#: How ``doc_kind`` is obtained (``Campaign.inferred``): it is a label, not a text span.
DOC_KIND_HOW = "from the title and the shape of the text"


def _run_doc_kind(ctx: Context) -> Optional[Found]:
    kind = extract_doc_kind(ctx, ctx.facts.title)
    return Found(kind, None, "inferred", DOC_KIND_HOW) if kind else None


EXTRACTORS = (Extractor("doc_kind", _run_doc_kind, needs=("title", "recipients")),)
