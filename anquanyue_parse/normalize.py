"""Stage 2: normalize. Two derived texts, both mapped back to the source.

* ``display``: the source with layout artifacts removed (CRLF, BOM, page-number
  lines such as ``— 1 —``, and line breaks inserted by PDF hard wrapping). Values
  are read from this text, so they keep the user's script and punctuation.
* ``match``: ``display`` folded for pattern matching: full-width to ASCII, dash
  variants to ``-``, traditional to simplified, no spaces between CJK characters
  and digits (``2024 年 5 月`` -> ``2024年5月``), no pinyin residue (``發(fā)``),
  no stray markup tags. Extractors run their patterns on this text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .patterns import PLAIN_HEADING_PATTERN
from .patterns.layout import BLOCK_START_PATTERN, PAGE_NUMBER_LINE_PATTERN
from .textmap import MappedText
from .textutil import fold, to_simplified

__all__ = ["Normalized", "normalize", "to_simplified"]  # to_simplified: kept for old imports; lives in textutil

# -- display-level patterns ---------------------------------------------------------------

#: Line-ending and invisible-character noise, e.g. "\r\n", BOM, zero-width space, form feed.
NOISE_PATTERN = regex.compile(r"\r\n?|[\ufeff\u200b\u200c\u200d\u2060\x00]|\x0c")

#: A line ending with a document number ("朱矿发〔2024〕31 号"): its own line in a red header.
DOC_NUMBER_LINE_PATTERN = regex.compile(r"[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d{1,5}\s*[号號]$")

#: Characters a line never starts with (typographic rule 避头点): a line starting with one continues.
CONTINUATION_START = "，。、；：！？）》”’,.;:!?)"

#: Characters that end a sentence; a full line ending with one is not re-joined.
SENTENCE_END = "。！？!?"

# -- match-level patterns -----------------------------------------------------------------

#: Horizontal white space between two CJK characters/digits/punctuation, e.g. "2024 年 5 月".
CJK_GAP_PATTERN = regex.compile(
    r"(?<=[\p{Han}\d，。、：；！？“”‘’（）《》〔〕【】(),:;!?\[\]])[ \t]+"
    r"(?=[\p{Han}\d，。、：；！？“”‘’（）《》〔〕【】(),:;!?\[\]])"
)

#: Pinyin residue left by a broken traditional-character conversion, e.g. "發(fā)", "關(guān)".
PINYIN_RESIDUE_PATTERN = regex.compile(
    r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}\)"
)

#: The same residue in unfolded text (source or display), in ASCII or full-width brackets:
#: "活動(dòng)", "活動（dòng）".
RAW_RESIDUE_PATTERN = regex.compile(r"(?<=\p{Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}[)）]")

#: Stray markup, e.g. '<?xml:namespace prefix="st1" ... />', "<p>", "</p>".
MARKUP_PATTERN = regex.compile(r"<[/?!]?[A-Za-z][^<>\n]{0,300}>|\?xml:namespace>")

#: An emoji keycap after a digit ("1️⃣ 开展…" in WeChat posts): read as "1." so the item is numbered.
KEYCAP_PATTERN = regex.compile(r"(?<=\d)\ufe0f?\u20e3")

#: Indentation and trailing white space of a line.
LINE_EDGE_SPACE_PATTERN = regex.compile(r"(?m)^[ \t]+|[ \t]+$")

def _width(line: str) -> float:
    """Visual width in full-width cells: ASCII counts half."""
    return len(line) - 0.5 * len(line.encode("latin-1", "ignore"))


def _wrap_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits that re-join lines hard-wrapped at a fixed right margin (PDF extraction).

    A document is hard-wrapped when many lines share one width W (GB/T 9704 pages
    have 28 characters a line). A line that reaches W and does not end a sentence
    continues on the next non-blank line, unless that line starts a new block.
    """
    lines: list[tuple[int, int]] = []  # (start, end) without the newline
    pos = 0
    parts = text.split("\n")
    for part in parts:
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    widths = [_width(part.strip()) for part in parts]
    body = sorted(w for w in widths if w >= 10)
    if len(body) < 8:
        return []
    margin = body[int(len(body) * 0.8)]
    if margin > 60:
        return []
    full = [w >= margin - 3 and w <= margin + 1.5 for w in widths]
    if sum(full) < 0.4 * len(body):
        return []
    edits = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        content = text[s:e].rstrip()
        if not content or content[-1] in SENTENCE_END:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 3 and not text[lines[j][0]:lines[j][1]].strip():
            j += 1
        if j >= n or j - i > 3:
            i += 1
            continue
        js, je = lines[j]
        nxt_text = text[js:je].lstrip(" \t\u3000")
        # a line cannot start with closing punctuation, nor a date unit after a number (…6 月 28 / 日前)
        forced = bool(nxt_text) and (nxt_text[0] in CONTINUATION_START
                                     or content[-1].isdigit() and nxt_text[0] in "年月日号时点分")
        if not forced and (not full[i] or BLOCK_START_PATTERN.match(text, js, je)
                           or content[-1] in "号號" and DOC_NUMBER_LINE_PATTERN.search(content)):
            i += 1
            continue
        nxt = text[js:je]
        indent = len(nxt) - len(nxt.lstrip(" \t\u3000"))
        edits.append((s + len(content), js + indent, ""))
        i = j
    return edits


#: A heading marker inside a line: "一、" (group l1) or "(一)" (group l2).
INLINE_MARK_PATTERN = regex.compile(r"(?P<l1>[一二三四五六七八九十]{1,3})、|[（(](?P<l2>[一二三四五六七八九十]{1,3})[）)]")

#: The end of an inline heading's title: the first gap within 40 characters, before any sentence punctuation.
INLINE_TITLE_GAP_PATTERN = regex.compile(r"[^\s。，,;；:：]{2,40}?(?P<gap>[ \t\u3000]+)")

#: A gap between CJK characters, unless a range or a number continues after it (so
#: "6月1日 至 6月30日" keeps its spaces), e.g. "太政发〔2009〕15号 太平乡人民政府关于…".
FLAT_GAP_PATTERN = regex.compile(
    r"(?<=[\p{Han}，。、：；！？“”《》〔〕（）:;)])[ \t\u3000]+(?=[\p{Han}（(“《])(?![至到].?.?\d|.?\d)"
)

#: A paragraph indent inside a flattened line: "…实效。　　2.开展…".
INDENT_GAP_PATTERN = regex.compile(r"(?<=\S)\u3000{2,}(?=\S)")

#: Block starts inside a flattened line: "…实效。附件:…", "…科。联系人:…", and the signature date
#: ending the document "…(略)二〇〇七年五月二十一日".
FLAT_BREAK_PATTERN = regex.compile(
    r"(?<=[。;；:：)）\s])\s*(?=附件[:：\d]|联系人|联系方式|抄送|主题词)"
    r"|(?<=关于[^。\n]{2,60}(?:的通知|的意见|的通报|的决定))(?=[^。\n:：]{2,80}[:：])"
    r"|(?<=\d\s*[号號])(?=关于|關於)"
    r"|(?<=\S)\s*(?=(?:[〇○零一二三四五六七八九]{4}|\d{4})年[^年\n]{1,8}[日号]\s*$)"
)

#: A numbered item inside a flattened line: "…提高应急能力。2.开展…", "活动内容1.开展…".
FLAT_ITEM_PATTERN = regex.compile(r"(?<=[\p{Han}。;；:：\s])(?P<n>\d{1,2})[.、．](?![\d.])")

#: A line this long with several inline headings is a flattened document.
FLAT_LINE = 600


def _in_quotes(text: str, line_start: int, pos: int) -> bool:
    """Inside “…” on its line: "以“科学发展　安全发展”为主题" keeps its gap."""
    return text.rfind("“", line_start, pos) > text.rfind("”", line_start, pos)


def _sequence_marks(text: str, start: int, end: int) -> list[regex.Match]:
    """Inline headings of a flattened line that continue their list: "一、" (after a space or
    punctuation), then "二、", "三、" even glued to the text before ("…中国梦二、活动时间");
    "(一)", "(二)" restart under each "X、"."""
    from .numerals import to_int

    marks: list[regex.Match] = []
    expected1 = expected2 = 1
    for m in INLINE_MARK_PATTERN.finditer(text, start, end):
        prev = text[m.start() - 1] if m.start() > start else " "
        loose = prev in " \t\u3000。;；:：,，" or m.start() == start
        if m.group("l1"):
            if to_int(m.group("l1")) == expected1 and (loose or expected1 >= 2):
                marks.append(m)
                expected1, expected2 = expected1 + 1, 1
        elif to_int(m.group("l2")) == expected2:
            marks.append(m)
            expected2 += 1
    return marks


def _flattened_edits(text: str) -> list[tuple[int, int, str]]:
    """Line breaks before the headings of a document flattened to one line (web copy-paste)."""
    edits: list[tuple[int, int, str]] = []
    pos = 0
    for part in text.split("\n"):
        end = pos + len(part)
        if len(part) >= FLAT_LINE:
            marks = _sequence_marks(text, pos, end)
            if len(marks) >= 3:
                # Chinese prose has no spaces: a gap between two CJK characters was a line break,
                # and a paragraph indent ("　　") inside the line starts a paragraph
                for pattern in (FLAT_GAP_PATTERN, INDENT_GAP_PATTERN, FLAT_BREAK_PATTERN):
                    edits += [(g.start(), g.end(), "\n") for g in pattern.finditer(text, pos, end)
                              if not _in_quotes(text, pos, g.start())]
                expected = 1
                for g in FLAT_ITEM_PATTERN.finditer(text, pos, end):
                    n = int(g.group("n"))
                    if n == 1 or n == expected:
                        edits.append((g.start(), g.start(), "\n"))
                        expected = n + 1
                for m in marks:
                    gap = regex.match(r"[ \t\u3000]*", text[m.start() - 1::-1]).end() if m.start() > pos else 0
                    edits.append((m.start() - gap, m.start(), "\n"))
                    word = PLAIN_HEADING_PATTERN.match(text, m.end(), end)
                    if word and word.end() < end and text[word.end()] not in "。,，;；:：":
                        edits.append((word.end(), word.end(), "\n"))  # "一、活动主题建设质量强国…"
                        continue
                    g = INLINE_TITLE_GAP_PATTERN.match(text, m.end(), end)
                    if g:
                        edits.append((g.start("gap"), g.end("gap"), "\n"))
        pos = end + 1
    edits.sort()
    dedup: list[tuple[int, int, str]] = []
    for e in edits:
        if dedup and e[0] < dedup[-1][1]:
            continue
        dedup.append(e)
    return dedup


@dataclass
class Normalized:
    """The source text and its two normalized views."""

    source: str
    display: MappedText
    match: MappedText

    @property
    def text(self) -> str:
        """The match text (what patterns run on)."""
        return self.match.text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a match-text interval to the source text; pinyin residue right after its last
        character belongs to it ("素質(zhì)", as the notice writes it)."""
        s, e = self.match.to_root(start, end)
        return s, _over_residue(self.source, s, e)

    def display_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a match-text interval to the display text (over trailing pinyin residue)."""
        s, e = self.match.to_ancestor(self.display, start, end)
        return s, _over_residue(self.display.text, s, e)

    def value(self, start: int, end: int) -> str:
        """The display text for a match-text interval, trimmed: what a value reads as."""
        ds, de = self.display_span(start, end)
        return self.display.text[ds:de].strip(" \t\u3000\n")


def _over_residue(text: str, start: int, end: int) -> int:
    """``end``, moved over pinyin residue that follows a non-empty interval ("質" + "(zhì)")."""
    if end <= start or end >= len(text) or text[end] not in "(（":
        return end
    m = RAW_RESIDUE_PATTERN.match(text, end)
    return m.end() if m else end


#: All display-level deletions in one pass (fewer offset-map layers to walk back through).
_DISPLAY_PASS = regex.compile(
    NOISE_PATTERN.pattern + "|" + PAGE_NUMBER_LINE_PATTERN.pattern.replace("(?m)", "").replace(r"(?:\n|$)", r"(?:\r?\n|$)"),
    regex.M,
)
#: All match-level deletions in one pass.
_MATCH_PASS = regex.compile(
    "|".join(f"(?P<{name}>{p.pattern.replace('(?m)', '')})" for name, p in [
        ("pinyin", PINYIN_RESIDUE_PATTERN), ("markup", MARKUP_PATTERN),
        ("edge", LINE_EDGE_SPACE_PATTERN), ("gap", CJK_GAP_PATTERN), ("keycap", KEYCAP_PATTERN)]),
    regex.M,
)


#: A date written in Chinese numerals: "二〇二二年五月十日", "一九九九年五月十日至十六日", "五月二十五日前".
#: Folded to digits in the match text (mapped to the same source characters).
CN_DATE_PATTERN = regex.compile(
    r"(?P<y>[〇○零一二三四五六七八九OＯ]{4})年"
    r"|(?<=年|^|[^\p{Han}]|[于至到和及在从自前后、])(?P<m>十[一二]?|[一二三四五六七八九])月(?=[一二三四五六七八九十二三]|份|底|中|下|上|初|末)"
    r"|(?<=月|至|到|-)(?P<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=日|号)"
)


#: A cheap test that a text has any Chinese-numeral date at all.
CN_DATE_HINT = regex.compile(r"[〇○零一二三四五六七八九十]月|[〇○零]")


def _cn_date_repl(m) -> str:
    from .numerals import to_int

    for group, suffix in (("y", "年"), ("m", "月"), ("d", "")):
        if m.group(group):
            n = to_int(m.group(group).replace("O", "〇").replace("Ｏ", "〇"))
            return f"{n}{suffix}" if n is not None else m.group(0)
    return m.group(0)


def _display_repl(m) -> str:
    return "\n" if m.group(0) in ("\r", "\r\n", "\x0c") else ""


def _match_repl(m) -> str:
    if m.lastgroup == "keycap":
        return "."
    return _keep_digit_gap(m) if m.lastgroup == "gap" else ""


def normalize(source: str) -> Normalized:
    """Build the display and match views of ``source``."""
    root = MappedText.root(source)
    step = root.sub(_DISPLAY_PASS, _display_repl)
    layout = _flattened_edits(step.text) + _wrap_edits(step.text)
    display = step.edit(sorted(layout)) if layout else step
    match = MappedText(fold(display.text), None, display).sub(_MATCH_PASS, _match_repl)
    if CN_DATE_HINT.search(match.text):
        match = match.sub(CN_DATE_PATTERN, _cn_date_repl)
    return Normalized(source=source, display=display, match=match)


def _keep_digit_gap(m) -> str:
    """Delete a CJK gap, but keep the space between two numbers ("189 9391" stays two groups);
    letter-spaced single digits ("2 0 1 6 年", "1 2 8 号") are joined."""
    s = m.string
    i, j = m.start(), m.end()
    before = s[i - 1] if i else ""
    after = s[j] if j < len(s) else ""
    if before.isdigit() and after.isdigit():
        single_left = i < 2 or not s[i - 2].isdigit()
        single_right = j + 1 >= len(s) or not s[j + 1].isdigit()
        return "" if single_left and single_right and j - i == 1 else m.group(0)
    return ""
