"""Stage 3: segment. Lines, the numbered heading tree, the title and the attachment bodies.

Works on the match text of a :class:`~anquanyue_parse.normalize.Normalized`; every
offset here is a match-text offset (map back with ``norm.source_span``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from .normalize import Normalized
from .numerals import to_int
from .patterns import CAMPAIGN_NAME_PATTERN, HEADING_PATTERNS, PLAIN_HEADING_PATTERN, STRONG_ORG_SUFFIX

__all__ = ["Line", "Node", "Segments", "segment"]

#: Lines longer than this are prose, never a heading or title (keeps segmenting linear).
MAX_HEADING_LINE = 400

#: The body of an attachment starts at a line holding only "附件1" / "附件 2" / "附件".
ATTACHMENT_BODY_PATTERN = regex.compile(r"附件\s*(?P<n>\d{1,2})?\s*[:]?\s*$")

#: A title line: ends with the kind of document, e.g. "…活动的通知", "…活动方案", "…实施方案》的通知".
TITLE_END_PATTERN = regex.compile(
    r"(?:通知|通报|方案|意见|决定|计划|安排|函|请示|报告|公告|倡议书|总结|实施细则|办法)[》”]?\s*$"
)

#: Words that make a line title-like even without a document-kind ending (news headlines).
TITLE_HINT_PATTERN = regex.compile(r"关于|安全生产月|安全月|活动")

#: Site chrome and metadata lines that are never the title, e.g. "您当前的位置:", "索引号:".
CHROME_PATTERN = regex.compile(
    r"^(?:您?(?:当前|现在)?的?位置|当前位置|首页|索\s*引\s*号|信息名称|发布|来源|作者|点击|浏览|"
    r"字体|文章|分享|打印|关闭|朗读|登录|主题颜色|热门|最新|上一篇|下一篇|【|附件|https?://|www\.)"
)


#: Symbols before an unnumbered heading: "📌 活动安排", "▍活动时间", "■ 工作要求".
LEADING_SYMBOLS_PATTERN = regex.compile(r"[^\p{Han}\w]*")

#: The rest of a broken heading title: Han characters only ("活动内容").
HAN_ONLY_PATTERN = regex.compile(r"\p{Han}+")

#: A heading in black-lenticular brackets, alone or opening its line: "【宣传教育】", "【隐患排查】…".
BRACKET_HEADING_PATTERN = regex.compile(r"\s*【(?P<t>[\p{Han}“”、]{2,16})】")

#: The first item of a list glued to its heading's title (the line break lost): "(一)宣传报道 1、6月1日
#:上午…", "三、重点活动安排(一)按照全市统一部署…": the title ends before it (not "第1、2项").
GLUED_LIST_PATTERN = regex.compile(r"(?<=[\p{Han}”])(?<!第)(?:1、|\(1\)|\(一\))")

#: A line that is only an organization name (red-header layouts put it above the title).
ORG_ONLY_PATTERN = regex.compile(r"^[\p{Han}()“”]{2,40}" + STRONG_ORG_SUFFIX + "$")


@dataclass(slots=True)
class Line:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Node:
    """A numbered heading and the section it opens."""

    level: int
    ordinal: int
    line: int
    start: int  # start of the heading number
    title_start: int
    title_end: int
    end: int = 0  # end of the section (start of the next heading of the same or a higher level)
    children: list["Node"] = field(default_factory=list)
    parent: Optional["Node"] = None
    plain: bool = False  # an unnumbered heading line ("重点活动")

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Segments:
    norm: Normalized
    lines: list[Line]
    roots: list[Node]
    title: Optional[tuple[int, int]] = None  # match offsets of the (first) title
    title_lines: tuple[int, int] = (-1, -1)  # first and last line index of the title
    attachment_bodies: list[int] = field(default_factory=list)  # line indexes

    def nodes(self):
        for root in self.roots:
            yield from root.walk()

    def line_at(self, offset: int) -> int:
        """Index of the line holding match offset ``offset``."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def nonblank(self, start: int = 0, stop: Optional[int] = None):
        """Non-blank lines with index in [start, stop)."""
        stop = len(self.lines) if stop is None else stop
        return [ln for ln in self.lines[start:stop] if ln.text.strip()]


def _lines(text: str) -> list[Line]:
    out = []
    append = out.append
    pos = 0
    for i, part in enumerate(text.split("\n")):
        end = pos + len(part)
        append(Line(i, pos, end, part))
        pos = end + 1
    return out


#: Characters a numbered heading can open with (see HEADING_PATTERNS), besides decimal digits:
#: a cheap test that skips the patterns for most lines.
HEADING_FIRST_CHARS = frozenset("第一二三四五六七八九十(" + "".join(chr(c) for c in range(0x2460, 0x2474)))

#: The heading patterns a line can match by its first character (the others need another one):
#: "第" level 0, "一"-"十" level 1, "(" levels 2 and 4, "①"-"⑳" level 5, a digit level 3.
_PATTERNS_BY_FIRST = {ch: [(lv, p) for lv, p in HEADING_PATTERNS if lv in
                           ((0,) if ch == "第" else (2, 4) if ch == "(" else (5,) if ch <= "\u2473" else (1,))]
                      for ch in HEADING_FIRST_CHARS}
_DIGIT_PATTERNS = [(lv, p) for lv, p in HEADING_PATTERNS if lv == 3]


def _heading_at(line: Line) -> Optional[tuple[int, int, int]]:
    """(level, ordinal, title_start) when the line opens with a heading number."""
    text = line.text
    if not text or len(text) > 4 * MAX_HEADING_LINE:
        return None
    patterns = _PATTERNS_BY_FIRST.get(text[0])
    if patterns is None:
        if not text[0].isdecimal():
            return None
        patterns = _DIGIT_PATTERNS
    for level, pattern in patterns:
        m = pattern.match(text)
        if m:
            n = m.group("n")
            ordinal = (ord(n) - 0x2460 + 1) if level == 5 else to_int(n)
            if not ordinal:
                return None
            rest = text[m.end():]
            if not rest.strip() or rest.lstrip()[0] in "%‰":
                return None
            return level, ordinal, line.start + m.end()
    return None


def _join_broken_title(node: Node, lines: list[Line]) -> Optional[int]:
    """"三、主要" followed (after a blank line) by "活动内容": one heading "主要活动内容".
    Returns the index of the line joined, if any."""
    title = lines[node.line].text[node.title_start - lines[node.line].start:].strip()
    if not (1 <= len(title) <= 4) or title[-1] in "。,;:!?)" or PLAIN_HEADING_PATTERN.fullmatch(title):
        return None  # "活动主题" is whole: the short line under it is its content
    for ln in lines[node.line + 1:node.line + 3]:
        t = ln.text.strip()
        if not t:
            continue
        if len(t) <= 8 and HAN_ONLY_PATTERN.fullmatch(t):
            node.title_end = ln.start + ln.text.index(t) + len(t)
            return ln.index
        return None
    return None


def _plain_heading(line: Line) -> Optional[tuple[int, int]]:
    """(start, end) of an unnumbered heading line such as "重点活动"."""
    t = line.text.strip()
    first = t[:1]
    if "\u4e00" <= first <= "\u9fff" or first.isascii() and (first.isalnum() or first == "_"):
        if len(t) > 12:  # (a Han or word character: no symbols to skip)
            return None
    else:
        t = t[LEADING_SYMBOLS_PATTERN.match(t).end():].strip()
    if 2 <= len(t) <= 12 and PLAIN_HEADING_PATTERN.fullmatch(t):
        s = line.start + line.text.index(t)
        return s, s + len(t)
    return None


def _long_han_line(text: str) -> bool:
    """A line :func:`_plain_heading` refuses at a glance: it opens with a Han character and is
    longer than a heading, with no white space at its end (so stripping changes nothing)."""
    return len(text) > 12 and "\u4e00" <= text[0] <= "\u9fff" and not text[-1].isspace()


def _bracket_heading(line: Line) -> Optional[tuple[int, int]]:
    """(start, end) of the title of a "【宣传教育】" heading line."""
    m = BRACKET_HEADING_PATTERN.match(line.text) if "【" in line.text else None
    if not m:
        return None
    return line.start + m.start("t"), line.start + m.end("t")


def _title_end(line: Line, title_start: int) -> int:
    """Heading title ends at the first 。 on the line (heading and body share the line)."""
    # (a title broken by a stray line break, "三、主要" / "活动内容", is joined in _outline)
    rel = line.text.find("。", title_start - line.start)
    end = line.start + rel if rel >= 0 else line.end
    glued = GLUED_LIST_PATTERN.search(line.text, title_start - line.start + 2, end - line.start)
    if glued:
        end = line.start + glued.start()
    while end > title_start and line.text[end - 1 - line.start] in " :;,":
        end -= 1
    return end


def _outline(lines: list[Line], text_len: int, breaks: set[int]) -> list[Node]:
    """Build the heading tree; numbering must run on (一 then 二), else the line is prose."""
    roots: list[Node] = []
    stack: list[Node] = []
    seen_levels: set[int] = set()
    consumed: set[int] = set()  # lines that are the rest of a broken heading title
    for line in lines:
        if not line.text or line.index in consumed:
            continue  # (an empty line is no heading, no break)
        if line.index in breaks:
            stack = []
            continue
        found = _heading_at(line)
        if not found:
            plain = None if _long_han_line(line.text) else _plain_heading(line)
            bracket = None if plain else _bracket_heading(line)
            if plain is None and bracket is None:
                continue
            level = 1 if plain else 2
            span = plain or bracket
            while stack and stack[-1].level >= level:
                stack.pop()
            node = Node(level, 0, line.index, span[0] - (0 if plain else 1), span[0], span[1], plain=True)
            node.parent = stack[-1] if stack else None
            (node.parent.children if node.parent else roots).append(node)
            stack.append(node)
            continue
        level, ordinal, title_start = found
        while stack and stack[-1].level > level:
            stack.pop()
        if stack and stack[-1].level == level:
            prev = stack[-1]
            if ordinal == prev.ordinal + 1 or (ordinal == prev.ordinal + 2 and level >= 2 and not prev.plain):
                stack.pop()  # (a skipped number, "（一）…（三）", is a typo more often than prose)
            elif ordinal == 1 and level == 1:
                stack = []
            else:
                continue
        elif ordinal != 1 and (stack or level in seen_levels or level > min(seen_levels, default=level)):
            continue  # an excerpt may start mid-list: only the first heading of a level may
        seen_levels.add(level)
        node = Node(level, ordinal, line.index, line.start, title_start, _title_end(line, title_start))
        joined = _join_broken_title(node, lines)
        if joined is not None:
            consumed.add(joined)
        parent = stack[-1] if stack else None
        node.parent = parent
        (parent.children if parent else roots).append(node)
        stack.append(node)
    _close(roots, text_len)
    return roots


def _close(nodes: list[Node], end: int) -> None:
    for i, node in enumerate(nodes):
        node.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        _close(node.children, node.end)


def _find_title(lines: list[Line], limit: int) -> Optional[tuple[int, int]]:
    """First and last line index of the document title among the first lines."""
    for ln in lines[:limit]:
        text = ln.text.strip()
        if not (4 <= len(text) <= 120) or CHROME_PATTERN.match(text) or text.endswith(":"):
            continue
        if _heading_at(ln):
            break
        after = [x for x in lines[ln.index + 1:ln.index + 6] if x.text.strip()][:3]
        if ORG_ONLY_PATTERN.match(text) and any(x.text.lstrip().startswith("关于") or TITLE_END_PATTERN.search(x.text)
                                                for x in after):
            continue  # "威海市工业和信息化局" above "关于印发…的通知": the issuer, not the title
        last = ln.index
        joined = text
        # a title broken over lines: open 《 or 关于… without its ending yet
        while (joined.count("《") > joined.count("》") or not TITLE_END_PATTERN.search(joined)) \
                and last + 1 < len(lines) and last - ln.index < 4:
            nxt = last + 1
            while nxt < len(lines) and not lines[nxt].text.strip() and nxt - last < 3:
                nxt += 1
            if nxt >= len(lines):
                break
            cand = joined + lines[nxt].text.strip()
            if len(cand) > 120 or not TITLE_END_PATTERN.search(cand) and nxt - ln.index >= 3:
                break
            if TITLE_END_PATTERN.search(cand) or cand.count("《") > cand.count("》"):
                joined, last = cand, nxt
                if TITLE_END_PATTERN.search(joined) and joined.count("《") <= joined.count("》"):
                    break
            else:
                break
        if TITLE_END_PATTERN.search(joined) and (len(joined) >= 6):
            return ln.index, last
        if len(text) <= 60 and TITLE_HINT_PATTERN.search(text) and CAMPAIGN_NAME_PATTERN.search(text) \
                and not text.endswith(("。", ",")):
            return ln.index, ln.index
    return None


def segment(norm: Normalized) -> Segments:
    """Split the match text into lines, heading tree, title and attachment bodies."""
    text = norm.text
    lines = _lines(text)
    bodies = [ln.index for ln in lines if len(ln.text) < 12 and ln.text.startswith("附件")
              and ATTACHMENT_BODY_PATTERN.match(ln.text)
              and not ln.text.rstrip().endswith(":")]
    roots = _outline(lines, len(text), set(bodies))
    seg = Segments(norm=norm, lines=lines, roots=roots, attachment_bodies=bodies)
    first_heading = min((n.line for n in roots), default=len(lines))
    found = _find_title(lines, min(first_heading, 40))
    if found:
        a, b = found
        seg.title_lines = (a, b)
        seg.title = (lines[a].start, lines[b].end)
    return seg
