"""发文字号: this notice's own document number, and the other numbers it cites."""

from __future__ import annotations

from typing import Optional

import regex

from ..patterns import DOC_NUMBER_PATTERN, DOC_PREFIX_STOP, STRONG_ORG_SUFFIX
from .base import Context
from .dates import DATE_LINE_PATTERN
from .registry import Extractor, Found, read

__all__ = ["extract_doc_numbers", "normalize_doc_number"]

#: A metadata label before the notice's own number, e.g. "文件编号: 常教法〔2023〕5号",
#: "发 文 号:安组委办〔2017〕8号", "发文字号:", "作者:安委办〔2015〕19号" (a site's author field).
OWN_LABEL_PATTERN = regex.compile(r"(?:文件编号|发文字号|发文号|文号|文件号|作者|索引号)\s*:\s*$")

#: Words just before a cited document that make its number a reference, not this notice's:
#: "根据《…》(粤建质函〔2016〕1459号)", "按照…要求", "转发…".
CITE_CONTEXT_PATTERN = regex.compile(r"根据|按照|依据|依照|贯彻|落实|转发|遵照|参照|关于印发|印发〈|结合|对照")

#: A news sentence reporting the issuing of this notice: "…安委办下发了《关于…的通知》(云安委办〔2017〕37号)".
NEWS_OWN_PATTERN = regex.compile(r"(?:下发|印发|发出|出台|发布)了?《[^《》\n]{2,80}》$")

#: A number this close to the start, before any citation, is the notice's own.
EARLY = 160

#: The signer on the number's line in red-header documents: "签发人:张三".
SIGNER_PATTERN = regex.compile(r"签发人|签发:")

#: An issuing unit before the number on its line: "某某市应急管理局".
ORG_BEFORE_PATTERN = regex.compile(r"[\p{Han}()]{2,30}" + STRONG_ORG_SUFFIX)

#: Brackets around the year, normalized to 〔〕.
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕",
                           "（": "〔", "）": "〕", "【": "〔", "】": "〕", "{": "〔", "}": "〕", "﹝": "〔", "﹞": "〕"})

#: A number whose closing bracket a conversion lost (and its 号, before the citation's ")"):
#: "鄂安办函〔201812号" (〔2018〕12号), "宜管字〔201935号", "同安委办发〔202140)".
LOST_BRACKET_PATTERN = regex.compile(r"[〔\[［【﹝](?P<year>(?:19|20)\d{2})(?P<serial>\d{1,4})(?:号|(?=\)))")

#: The same number once normalized: "〔201812号" -> "〔2018〕12号", "〔202140" -> "〔2021〕40号".
_LOST_BRACKET_FIX = regex.compile(r"〔((?:19|20)\d{2})(\d{1,4})号?$")

#: Pinyin residue inside a number, e.g. "粤建质(zhì)函〔2016〕1459号(hào)".
_RESIDUE = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def normalize_doc_number(raw: str) -> str:
    """No spaces, no pinyin residue, year brackets 〔〕: "威工信发〔2024〕22 号" -> "威工信发〔2024〕22号",
    a lost bracket restored: "鄂安办函〔201812号" -> "鄂安办函〔2018〕12号"."""
    s = _RESIDUE.sub("", raw)
    s = regex.sub(r"\s+", "", s).translate(_BRACKETS)
    return _LOST_BRACKET_FIX.sub(r"〔\1〕\2号", s)


#: A label glued to the number once the gap is gone: "文号 云网办〔2019〕7号" -> "文号云网办…".
DOC_LABEL_PREFIX_PATTERN = regex.compile(r"(?:发文字号|发文号|文件编号|文号|编号|字号|索引号|转发|印发|关于|根据|按照)")

#: A unit name inside a long prefix: "…支队", "…局", "…委员会".
UNIT_IN_PREFIX_PATTERN = regex.compile(r"支队|大队|委员会|办公室|人民政府|公司|集团|局|厅")

#: Longest issuer code before the year bracket, e.g. "安监总政法字" (6), "沪安监管法规" (6).
MAX_PREFIX = 10


def _after_label(text: str, start: int, core_start: int) -> int:
    """Past a label glued before the issuer code ("文号同安委办发" -> "同安委办发")."""
    label = DOC_LABEL_PREFIX_PATTERN.match(text, start, core_start)
    if label and label.end() < core_start:
        start = label.end()
        while start < core_start and text[start] == " ":
            start += 1
    return start


def _prefix_start(text: str, core_start: int) -> int:
    """Walk back from the year bracket over the issuer code's characters."""
    start = core_start
    while start > 0 and core_start - start < MAX_PREFIX:
        ch = text[start - 1]
        if ch in DOC_PREFIX_STOP or not (ch.isalpha() or ch == " "):
            break
        start -= 1
    while start < core_start and text[start] == " ":
        start += 1
    start = _after_label(text, start, core_start)
    if core_start - start >= 8:  # "…局交通警察支队绍公交〔2015〕88号": the issuer's name glued on
        units = list(UNIT_IN_PREFIX_PATTERN.finditer(text, start, core_start - 1))
        unit = units[-1] if units else None
        if unit is not None and core_start - unit.end() >= 2:
            start = _after_label(text, unit.end(), core_start)  # "…管理局文号同安委办发〔2021〕44号"
    return start


def _after_date_line(ctx: Context, line_start: int) -> bool:
    """The nearest non-blank line above is the 成文日期 alone ("2009.8.26")."""
    seg = ctx.seg
    i = seg.line_at(line_start)
    above = [ln for ln in seg.nonblank(max(0, i - 4), i)]
    return bool(above) and bool(DATE_LINE_PATTERN.match(above[-1].text.strip()))


def _is_own(ctx: Context, start: int, m: regex.Match, header_end: int) -> Optional[int]:
    """A rank (lower is stronger) when the number at ``m`` is this notice's own."""
    text = ctx.text
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    after = text[m.end():line_end]
    if OWN_LABEL_PATTERN.search(before):
        return 0
    alone = not before.strip(" (") and not after.strip(" )")
    if alone and start <= header_end:
        return 1
    if alone and _after_date_line(ctx, line_start):  # web pages put it under the signature and date
        return 1
    # a header line shared with the issuer or 签发人: "某某市应急管理局 某应急〔2023〕12号", "…号 签发人:张三"
    line = text[line_start:line_end]
    if start <= header_end and len(line) <= 60 and "《" not in line and not CITE_CONTEXT_PATTERN.search(line) \
            and (SIGNER_PATTERN.search(line) or ORG_BEFORE_PATTERN.fullmatch(before.strip())):
        return 3
    # the first number of a flattened document, before its title and citations: "…文件 澄镇政发(2008)15号关于…"
    if start <= EARLY and "《" not in text[:start] and not CITE_CONTEXT_PATTERN.search(text[:start]):
        return 4
    lead = text[max(line_start, start - 90):start].rstrip("(")
    news = NEWS_OWN_PATTERN.search(lead) if before.endswith("(") else None
    if news:
        clause = lead[max(lead.rfind(","), lead.rfind("。"), 0):news.start()]
        if not CITE_CONTEXT_PATTERN.search(clause):
            return 2
    return None


def extract_doc_numbers(ctx: Context) -> tuple[Optional[tuple[int, int]], list[tuple[int, int]]]:
    """(own number's match span or None, spans of every other cited number)."""
    text = ctx.text
    seg = ctx.seg
    # the header: everything before the body's first heading or the recipients line
    first = min((n.start for n in seg.roots), default=len(text))
    if seg.title:
        first = max(first if first > seg.title[0] else seg.title[1] + 200, seg.title[1] + 60)
    header_end = min(first, len(text))
    own: Optional[tuple[int, tuple[int, int]]] = None
    found = []
    matches = list(DOC_NUMBER_PATTERN.finditer(text)) + list(LOST_BRACKET_PATTERN.finditer(text))
    for m in sorted(matches, key=lambda x: x.start()):
        start = _prefix_start(text, m.start())
        if start == m.start():
            continue
        span = (start, m.end())
        rank = _is_own(ctx, start, m, header_end)
        if rank is not None and (own is None or rank < own[0]):
            own = (rank, span)
        found.append(span)
    own_span = own[1] if own else None
    refs = [s for s in found if s != own_span]
    return own_span, ctx.limit(refs, "document numbers")


def _run_doc_number(ctx: Context) -> Optional[Found]:
    own, refs = extract_doc_numbers(ctx)
    ctx.facts.reference_ats = refs
    if not own:
        return None
    ctx.facts.doc_number = normalize_doc_number(ctx.value(*own))
    return read(ctx, ctx.facts.doc_number, own)


def _run_references(ctx: Context) -> list[Found]:
    """The cited document numbers, each once (at its first mention), not the notice's own."""
    out: dict[str, Found] = {}
    for at in ctx.facts.reference_ats:
        number = normalize_doc_number(ctx.value(*at))
        if number not in out and number != ctx.facts.doc_number:
            out[number] = read(ctx, number, at)
    return list(out.values())


EXTRACTORS = (
    Extractor("doc_number", _run_doc_number),
    Extractor("references", _run_references, needs=("doc_number",)),
)
