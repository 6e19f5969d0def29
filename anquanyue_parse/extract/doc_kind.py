"""Document kind (doc_kind): 通知 / 方案 / 意见 / 通报 / 总结 / 新闻 / other.

Read from the title's last words first (a cover notice with a plan attached is a 通知), then
from the shape (a news lead such as 本报讯, a report without numbered sections).
"""

from __future__ import annotations

from typing import Optional

import regex

from .base import Context

__all__ = ["extract_doc_kind", "TITLE_KIND_PATTERNS"]

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
    r"(?:召开|启动|举行|举办|开展|组织|部署|推进|走进|亮相|落幕|收官|拉开|掀起|扎实|积极|全力|多措并举|掀起)"
)

#: How far into the text a news byline may sit.
NEWS_REACH = 1500


def extract_doc_kind(ctx: Context, title: Optional[str]) -> Optional[str]:
    """The kind of the document; None only for an empty text."""
    t = regex.sub(r"[\s》”\"')\]】]+$", "", title or "")
    for kind, pattern in TITLE_KIND_PATTERNS:
        if t and pattern.search(t):
            return kind
    head = ctx.text[:NEWS_REACH]
    if NEWS_MARK_PATTERN.search(head):
        return "新闻"
    numbered = any(not n.plain for n in ctx.seg.roots)
    if t and NEWS_TITLE_PATTERN.search(t) and not t.endswith(("通知", "方案")):
        return "新闻"
    if not numbered and not ctx.facts.get("recipients_span") and ctx.text.strip():
        return "新闻" if regex.search(r"\d{1,2}月\d{1,2}日[,，]", head) else "other"
    return "other" if ctx.text.strip() else None
