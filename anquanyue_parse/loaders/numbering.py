"""Word auto-numbering (numbering.xml), rebuilt into text.

python-docx gives a paragraph's text without the number Word draws in front of it, so a
heading styled as a numbered list loses its "一、" or "（一）". This module replays Word's
counters: each paragraph with ``w:numPr`` (directly or through its style) advances the
counter of its list level, deeper levels restart, and ``lvlText`` such as ``"%1、"`` or
``"（%2）"`` is filled with the numbers in each level's ``numFmt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

__all__ = ["Numbering", "format_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Labels that end in punctuation are followed directly by the text ("一、活动主题");
#: others get one space for Word's tab/space suffix ("1 总则", "第一章 总则").
LABEL_END_PUNCT = "、.．)）:：]】"

CN_DIGITS = "〇一二三四五六七八九"
CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
IDEOGRAPH_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULLSTOP_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _chinese(n: int, digits: str = CN_DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 -> 一, 10 -> 十, 13 -> 十三, 20 -> 二十, 105 -> 一百零五, 115 -> 一百一十五 (chineseCounting)."""
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        lead = digits[tens] if tens > 1 or digits is CN_LEGAL_DIGITS else ""  # 十一, but 壹拾壹
        return lead + ten + (digits[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if not rest:
            tail = ""
        elif rest < 10:
            tail = "零" + digits[rest]
        else:
            tail = (digits[1] if rest < 20 else "") + _chinese(rest, digits, ten, hundred)
        return digits[hundreds] + hundred + tail
    return str(n)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    out = []
    for value, sym in ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out).lower()


def _table(chars: str, n: int) -> str:
    return chars[n - 1] if 1 <= n <= len(chars) else str(n)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``numFmt``.

    >>> format_number(3, "chineseCounting"), format_number(12, "decimalEnclosedCircle")
    ('三', '⑫')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _chinese(n, CN_LEGAL_DIGITS, "拾", "佰")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _table(IDEOGRAPH_TRADITIONAL if fmt == "ideographTraditional" else IDEOGRAPH_ZODIAC, n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _table(CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _table(PAREN_DIGITS, n)
    if fmt == "decimalEnclosedFullstop":
        return _table(FULLSTOP_DIGITS, n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n) if fmt == "lowerLetter" else _letters(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalHalfWidth, ordinal, cardinalText and the rest


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: Optional[int] = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every level in decimal


@dataclass
class _List:
    levels: dict[int, Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


def _val(el, name: str) -> Optional[str]:
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


class Numbering:
    """The numbering definitions of one document plus the running counters."""

    def __init__(self, numbering_el=None, styles_el=None):
        self._abstract: dict[str, _List] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._started: set[str] = set()
        self._style_numpr: dict[str, tuple[Optional[str], Optional[int]]] = {}
        if numbering_el is not None:
            self._read_numbering(numbering_el)
        if styles_el is not None:
            self._read_styles(styles_el)

    @classmethod
    def from_document(cls, doc) -> "Numbering":
        """From a python-docx Document (no numbering part: nothing is numbered)."""
        part = doc.part
        numbering_el = styles_el = None
        for rel in part.rels.values():
            if rel.is_external:
                continue
            if rel.reltype.endswith("/numbering"):
                numbering_el = _part_element(rel.target_part)
            elif rel.reltype.endswith("/styles"):
                styles_el = _part_element(rel.target_part)
        return cls(numbering_el, styles_el)

    def _read_numbering(self, root) -> None:
        for absn in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in absn.findall(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                restart = _val(lvl, "lvlRestart")
                legal = lvl.find(W + "isLgl")
                levels[ilvl] = Level(
                    start=int(_val(lvl, "start") or 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    suffix=_val(lvl, "suff") or "tab",
                    restart=int(restart) if restart is not None else None,
                    legal=legal is not None and legal.get(W + "val", "1") not in ("0", "false"),
                )
            self._abstract[absn.get(W + "abstractNumId")] = _List(levels)
        for num in root.iter(W + "num"):
            aid = _val(num, "abstractNumId")
            overrides = {}
            for ov in num.findall(W + "lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    overrides[int(ov.get(W + "ilvl", "0"))] = int(start)
            if aid is not None:
                self._nums[num.get(W + "numId")] = (aid, overrides)

    def _read_styles(self, root) -> None:
        based_on: dict[str, str] = {}
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            parent = _val(st, "basedOn")
            if parent:
                based_on[sid] = parent
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                self._style_numpr[sid] = (_val(numpr, "numId"), int(ilvl) if ilvl else None)
        for sid, parent in based_on.items():  # inherit along basedOn chains
            seen = {sid}
            while sid not in self._style_numpr and parent and parent not in seen:
                if parent in self._style_numpr:
                    self._style_numpr[sid] = self._style_numpr[parent]
                seen.add(parent)
                parent = based_on.get(parent)

    def label(self, p) -> str:
        """The number Word shows in front of paragraph ``p`` (advancing the counters), or ""."""
        if not self._nums:
            return ""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        num_id = ilvl = None
        style = _val(ppr, "pStyle")
        if style in self._style_numpr:
            num_id, ilvl = self._style_numpr[style]
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            num_id = _val(numpr, "numId") or num_id
            lv = _val(numpr, "ilvl")
            ilvl = int(lv) if lv is not None else ilvl
        if not num_id or num_id not in self._nums:
            return ""  # numId 0 switches numbering off
        return self._advance(num_id, ilvl or 0)

    def _advance(self, num_id: str, ilvl: int) -> str:
        aid, overrides = self._nums[num_id]
        lst = self._abstract.get(aid)
        if lst is None or ilvl not in lst.levels:
            return ""
        if num_id not in self._started:  # a restarted list ("startOverride") begins again
            self._started.add(num_id)
            for lvl, start in overrides.items():
                lst.counters[lvl] = start - 1
                for deeper in [d for d in lst.counters if d > lvl]:
                    del lst.counters[deeper]
        level = lst.levels[ilvl]
        lst.counters[ilvl] = lst.counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in lst.counters if d > ilvl]:
            restart = lst.levels[deeper].restart if deeper in lst.levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del lst.counters[deeper]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for lvl in range(9):
            token = f"%{lvl + 1}"
            if token in text:
                ref = lst.levels.get(lvl, Level())
                n = lst.counters.get(lvl, ref.start)
                fmt = "decimal" if level.legal and lvl != ilvl else ref.fmt
                text = text.replace(token, format_number(n, fmt))
        if text and level.suffix != "nothing" and text[-1] not in LABEL_END_PUNCT:
            text += " "
        return text


def _part_element(part):
    """The XML root of a package part (python-docx parses only the parts it knows)."""
    el = getattr(part, "element", None)
    if el is not None:
        return el
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)
