"""Attachments (附件) listed by the notice, in document order.

"附件:1.全市…联络员信息表\\n2.威海市…统计表", "附件:2023年“安全生产月”活动方案",
"附件1:2021年园区…活动方案.docx", "- 附件: 1.全市…统计表".
"""

from __future__ import annotations

import regex

from ..models import Attachment
from ..numerals import to_int
from .base import Context
from .registry import Extractor, Found, status_of

__all__ = ["extract_attachments"]

#: The listing label: "附件:", "附件1:", "附 件:", "- 附件:", "附件一、…" and "附件1 标题" (the title on
#: the same line; the match text has no gap after the digit); group n is the number in "附件1:".
LISTING_PATTERN = regex.compile(
    r"(?m)^[-*·\s]*附\s*件\s*(?:(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})\s*[:、.]\s*"
    r"|(?P<n>\d{1,2})[ \t]*(?=\p{Han}|“|《)|:\s*)")

#: A title wrapped whole in book-title marks, which are not part of it: "《…活动方案》".
WRAPPED_PATTERN = regex.compile(r"《(?P<t>[^《》]+)》")

#: Page chrome under an empty 附件: label, not a title: "扫一扫在手机上查看当前页面", "打印本页".
CHROME_ITEM_PATTERN = regex.compile(r"扫一扫|在手机上查看|打印本页|关闭窗口|我要纠错|分享到")

#: A numbered item: "1.全市…", "2、…", "3.…", "(1)…"; group n is the number.
ITEM_PATTERN = regex.compile(r"[-*·\s]*(?:(?P<n>\d{1,2})\s*[.、]|\((?P<p>\d{1,2})\))\s*")

#: A file extension left on a title: "…活动方案.docx".
EXTENSION_PATTERN = regex.compile(r"\.(?:docx?|wps|pdf|xlsx?|et|rtf|zip|rar|txt|ofd|jpg|png)$", regex.I)

#: "(略)" after a title: the attachment is not reproduced.
OMITTED_PATTERN = regex.compile(r"\s*\((?:略|此略|另附|另发|见附件)\)\s*$")

#: The next item on the same line: "1.联络员信息表;2.活动情况统计表", "1.安排表 2.统计表".
INLINE_NEXT_PATTERN = regex.compile(r"(?:[;,]\s*|\s+|(?<=[)\p{Han}]))(?P<n>\d{1,2})\s*[.、](?:(?!\d)|(?=\d{4}年))")

#: Any Han character: a title has at least one.
HAN_PATTERN = regex.compile(r"\p{Han}")

#: Items that are bare file names, not titles: "170附件.doc".
FILE_NAME_PATTERN = regex.compile(r"^[\w\-]*附件[\w\-]*\.\w{2,4}$")


def _title(ctx: Context, start: int, end: int):
    text = ctx.text
    while end > start and text[end - 1] in " 。;,":
        end -= 1
    om = OMITTED_PATTERN.search(text, start, end)
    if om:
        end = om.start()
    raw = text[start:end]
    m = EXTENSION_PATTERN.search(raw)
    if m:
        end = start + m.start()
        if FILE_NAME_PATTERN.match(raw):
            return None
    wrapped = WRAPPED_PATTERN.fullmatch(text, start, end)
    if wrapped:
        start, end = wrapped.start("t"), wrapped.end("t")
    if end - start < 2 or not HAN_PATTERN.search(text, start, end) or CHROME_ITEM_PATTERN.search(text, start, end):
        return None
    return start, end


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def extract_attachments(ctx: Context) -> list[Attachment]:
    text = ctx.text
    out: list[Attachment] = []
    seen: set[str] = set()

    def add(index, start, end):
        t = _title(ctx, start, end)
        if not t:
            return
        value = ctx.value(*t)
        if value in seen:
            return
        seen.add(value)
        out.append(Attachment(index=index, title=value, span=ctx.span(*t)))

    listed: set[int] = set()
    for m in LISTING_PATTERN.finditer(text):
        pos = m.end()
        if m.group("n"):  # "附件1:标题" carries its own number and title
            n, end = to_int(m.group("n")), _line_end(text, pos)
            if n in listed and EXTENSION_PATTERN.search(text[pos:end].strip()):
                continue  # a download link repeating a listed 附件1 (under the signature)
            listed.add(n)
            add(n, pos, end)
            continue
        first = True
        expected = None
        while pos < len(text):
            while pos < len(text) and text[pos] in " \n\t" and not first:
                pos += 1
            end = _line_end(text, pos)
            im = ITEM_PATTERN.match(text, pos, end)
            if im and (im.group("n") or im.group("p")):
                n = int(im.group("n") or im.group("p"))
                if expected is not None and n != expected:
                    break
                item_start = im.end()
                # several items on one line
                for nx in INLINE_NEXT_PATTERN.finditer(text, item_start, end):
                    if int(nx.group("n")) == n + 1:
                        add(n, item_start, nx.start())
                        n, item_start = n + 1, nx.end()
                add(n, item_start, end)
                expected = n + 1
            elif first:
                if pos == end:  # "附件:" alone on its line: items follow on the next lines
                    first = False
                    continue
                if not LISTING_PATTERN.match(text, pos):  # "附件:\n附件1:…": the numbered labels list them
                    add(None, pos, end)
                break
            else:
                break
            first = False
            pos = end + 1
            if len(out) > 60:
                break
    return ctx.limit(out, "attachments")


def trim_signature(attachments: list[Attachment], issuer: str, source: str) -> None:
    """An attachment title that runs into the signature ("…统计表华岳电力…办公室"), as in a
    document flattened to one line: cut the issuer off."""
    for a in attachments:
        if len(a.title) > len(issuer) + 2 and a.title.endswith(issuer):
            a.title = a.title[: -len(issuer)].rstrip()
            if a.span is not None:
                cut = source.rfind(issuer, a.span.start, a.span.end)
                if cut > a.span.start:
                    a.span.end = cut


def _run_attachments(ctx: Context) -> list[Found]:
    found = extract_attachments(ctx)
    if ctx.facts.issuer_at is not None:
        trim_signature(found, ctx.facts.issuer or "", ctx.norm.source)
    return [Found(a, a.span, status_of(ctx, a.title, a.span)) for a in found]


EXTRACTORS = (Extractor("attachments", _run_attachments, needs=("issuer",)),)
