"""活动主题: from a 活动主题 section, a ``主题:`` label, or an inline ``以“…”为主题``."""

from __future__ import annotations

from typing import Optional

import regex

from ..patterns import CAMPAIGN_NAME, CAMPAIGN_NAME_PATTERN
from .base import Context
from .registry import Extractor, Found, read

__all__ = ["extract_theme"]

#: A heading whose section holds the theme: "二、活动主题", "一、主题和时间安排", "活动主题".
THEME_HEADING_PATTERN = regex.compile(r"^(?:活动|宣传|竞赛)?主题(?:和|与|及)?(?:时间|口号)?(?:安排)?$|^(?:活动|宣传|竞赛)主题")

#: A label followed by the theme: "活动主题:人人讲安全…", "活动的主题为:遵章守法,关爱生命。",
#: "活动主题是:安全发展、预防为主。", "主题为“安全发展、预防为主”".
THEME_LABEL_PATTERN = regex.compile(
    r"主题(?!词)\s*(?:(?:是|为|确定为|定为)\s*:?|:)\s*“(?P<theme>[^“”\n]{2,60})”"
    r"|主题(?!词)\s*(?:(?:是|为|确定为|定为)\s*:?|:)\s*“?(?P<theme>[^“”\n。]{2,60}?)”?(?:。|$|\n|\(|;(?=\s*$))",
    regex.M,
)

#: Inline: "以“生命至上、安全发展”为主题", "围绕“…”主题", "紧扣“…”的活动主题", "主题是“…”".
THEME_INLINE_PATTERNS = [
    # "以“生命至上、安全发展”为主题", "今年6月是“遵守安全生产法,当好第一责任人”为主题的第21个…"
    regex.compile(r"(?:以|是)“(?P<theme>[^“”\n]{2,60})”(?:为|作为)(?:活动)?主题"),
    # "围绕“教育培训强基础,隐患排查保安康”竞赛主题", "突出2020年全国“生命至上、安全发展”的安全活动主题",
    # "围绕“人人关心食品安全,家家享受健康生活”的食品安全宣传周主题"
    regex.compile(r"(?:围绕|紧扣|突出|紧紧围绕|聚焦|按照)[^“”\n,。]{0,12}?“(?P<theme>[^“”\n]{2,60})”"
                  r"(?:的|这一|这个)?(?:" + CAMPAIGN_NAME + r"|[\p{Han}]{0,4}?)(?:活动|竞赛|宣传)?主题"),
    # "主题是“…”", "主题是,“尚德守法 食品安全让生活更美好”", "119消防日的主题“全民消防,生命至上”",
    # "今年的世界环境日主题沿用“美丽中国,我是行动者”"
    regex.compile(r"(?:活动)?主题(?:是|为|沿用|仍为|继续沿用)?\s*[,:]?\s*“(?P<theme>[^“”\n]{2,60})”"),
    # unquoted: "本次活动以防范青少年药物滥用为主题"
    regex.compile(r"以(?P<theme>[^“”\n,。、]{4,30}?)(?:为|作为)(?:活动|宣传)?主题"),
    # the quoted theme right before 主题, after the campaign's name or 宣传 (not a themed event of
    # its own, "开展“法润童心”主题活动", "一堂“爱眼护眼”主题课"): "119消防宣传月“关注消防 生命至上”
    # 主题宣传活动", "广泛宣传“人人讲安全 个个会应急”主题"
    regex.compile(r"(?:宣传|[月周日])“(?P<theme>[^“”\n]{4,60})”(?:的|这一)?主题(?!词|课|班|活动(?!周|月))"),
    # unquoted after 围绕/突出, a two-part slogan: "紧紧围绕强化安全基础,推动安全发展的主题开展",
    # "突出消除事故隐患,筑牢安全防线主题"
    regex.compile(r"(?:围绕|突出|紧扣)(?P<theme>\p{Han}{2,12}[, ]\p{Han}{2,12}?)(?:的|这一)?(?:活动)?主题(?!词)"),
    # a page flattened to one line, the theme run into its heading up to the next heading:
    # "…好转。二、活动主题强化安全基础,推动安全发展。三、活动时间"
    regex.compile(r"[一二三四五六七八九十]{1,2}、(?:活动|宣传)主题(?P<theme>[^:“”\n。]{4,40})。(?=[一二三四五六七八九十]{1,2}、)"),
]

#: A label at a line's end, the theme on the next line: "今年的主题是\n文明交通 携手共创".
THEME_LABEL_EOL_PATTERN = regex.compile(r"主题(?:是|为)\s*:?\s*\n\s*(?P<theme>[^\n“”。]{4,30})\s*(?:\n|$)")

#: A theme line that opens with the quoted theme and goes on: "“共建共治共享 守护职业健康”。同时…".
QUOTED_LINE_PATTERN = regex.compile(r"“(?P<theme>[^“”\n]{2,60})”(?=[。.,;]|$)")

#: A line short enough to be a slogan (a theme line under the 活动主题 heading).
MAX_THEME_LINE = 40


#: Not a theme but a note that it is not known yet: "待正式发布后另行通知", "另行通知", "暂定".
PLACEHOLDER_THEME_PATTERN = regex.compile(r"另行通知|待.{0,6}(?:发布|确定|公布)|暂定|尚未")


#: A bracketed note after a theme line: "…——守护身边安全(与全国“安全生产月”活动主题保持一致)".
TRAILING_NOTE_PATTERN = regex.compile(r"\s*\([^()]{2,40}\)\s*[。.]?$")


#: Anti-scraping junk after a theme, a gap then ASCII symbols with no Han: "…促进安全发展 _u{z$".
TRAILING_JUNK_PATTERN = regex.compile(r"\s+[!-~]*[^\w\s\p{Han}][!-~]*$")

#: A theme has words: at least two Han characters ("……" is no theme).
THEME_WORDS_PATTERN = regex.compile(r"\p{Han}.*\p{Han}")


def _clean(ctx: Context, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    note = TRAILING_NOTE_PATTERN.search(text, start, end)
    if note and note.start() - start >= 4:
        end = note.start()
    junk = TRAILING_JUNK_PATTERN.search(text, start, end)
    if junk and junk.start() - start >= 4:
        end = junk.start()
    while end > start and text[end - 1] in "。.;,: \"”“":
        end -= 1
    while start < end and text[start] in "“\" :":
        start += 1
    return start, end


def _from_section(ctx: Context) -> Optional[tuple[int, int]]:
    seg = ctx.seg
    text = ctx.text
    for node in seg.nodes():
        title = text[node.title_start:node.title_end]
        if not THEME_HEADING_PATTERN.search(title):
            continue
        # "一、活动主题:安全第一,预防为主。" : the theme on the heading line itself
        m = THEME_LABEL_PATTERN.search(text, node.title_start, seg.lines[node.line].end)
        if m:
            return _clean(ctx, m.start("theme"), m.end("theme"))
        body_start = seg.lines[node.line].end + 1
        body = text[body_start:node.end]
        m = THEME_LABEL_PATTERN.search(body) if "主题" in body[:200] else None
        if m and m.start() < 200:
            return _clean(ctx, body_start + m.start("theme"), body_start + m.end("theme"))
        for ln in seg.nonblank(node.line + 1, seg.line_at(node.end) + 1)[:2]:
            t = ln.text.strip()
            if not t or t.startswith(("活动时间", "时间")):
                continue
            for pattern in THEME_INLINE_PATTERNS:  # "以“…”为主题,同时宣传“…”理念。"
                m = pattern.search(text, ln.start, ln.end)
                if m:
                    return _clean(ctx, m.start("theme"), m.end("theme"))
            if len(t) <= MAX_THEME_LINE and t.count("。") <= 1 and (t.endswith("。") or "。" not in t):
                off = ln.start + ln.text.index(t)
                return _clean(ctx, off, off + len(t))
            quoted = QUOTED_LINE_PATTERN.match(t)
            if quoted:  # "“共建共治共享 守护职业健康”。同时要继续宣传…"
                off = ln.start + ln.text.index(t)
                return off + quoted.start("theme"), off + quoted.end("theme")
            break
        if node.title_end < seg.lines[node.line].end:  # "二、活动主题:…" on the heading line
            rest_start = node.title_end
            m = THEME_LABEL_PATTERN.match(text, rest_start - 2 if rest_start >= 2 else rest_start)
            if m:
                return _clean(ctx, m.start("theme"), m.end("theme"))
    return None


def extract_theme(ctx: Context) -> Optional[tuple[int, int]]:
    """Match span of the theme, or None."""
    found = _extract_theme(ctx)
    if found and (PLACEHOLDER_THEME_PATTERN.search(ctx.text[found[0]:found[1]])
                  or not THEME_WORDS_PATTERN.search(ctx.text, *found)):
        return None
    return found


def _extract_theme(ctx: Context) -> Optional[tuple[int, int]]:
    found = _from_section(ctx)
    if found:
        return found
    text = ctx.text
    for m in regex.finditer(r"(?:活动|宣传|竞赛)主题\s*:\s*", text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        rest = text[m.end():line_end]
        if 2 <= len(rest.strip()) <= 80:
            s = m.end()
            e = s + len(rest.split("。")[0].rstrip())
            return _clean(ctx, s, e)
    for pattern in THEME_INLINE_PATTERNS:
        for m in pattern.finditer(text):
            if not CAMPAIGN_NAME_PATTERN.fullmatch(m.group("theme")):  # "围绕“安全生产月”主题": no theme
                return _clean(ctx, m.start("theme"), m.end("theme"))
    for m in THEME_LABEL_PATTERN.finditer(text):
        lead = text[max(0, m.start() - 6):m.start()]
        # "…活动主题为", "今年全国防灾减灾日主题为:…", or a label opening its line ("主题:…")
        if LABEL_LEAD_PATTERN.search(lead) or lead.endswith("\n") or m.start() == 0:
            return _clean(ctx, m.start("theme"), m.end("theme"))
    m = THEME_LABEL_EOL_PATTERN.search(text)
    if m:
        return _clean(ctx, m.start("theme"), m.end("theme"))
    return None


#: What may stand before an unquoted 主题 label in a sentence: the campaign or 活动/今年/的.
LABEL_LEAD_PATTERN = regex.compile(r"活动|月|周|日|宣传|竞赛|今年|的$")


def _run_theme(ctx: Context) -> Optional[Found]:
    at = extract_theme(ctx)
    if not at:
        return None
    ctx.facts.theme = ctx.value(*at)
    return read(ctx, ctx.facts.theme, at)


EXTRACTORS = (Extractor("theme", _run_theme),)
