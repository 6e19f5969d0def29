"""Contacts: named people with the phones, fax, emails, address and postcode given with them.

"联系人及电话:郝大冰 0359-6380232", "联系人:冯忠兵、屠思嘉,联系电话:7068553(兼传真)",
"联系人:市安委办 林志强,电话:0595-22178345;黄晓玲,电话:0595-22178346",
"(联系人:徐永炎,电话:2258280,传真:2242869,邮箱:mzsjgk@163.com)".

A block starts at a 联系人 label and runs over the following lines that carry contact
fields; it is cut into segments at ";" and line breaks. A segment that names people
opens a group; numbers in a segment belong to its group (or to the last group when the
segment names nobody, as in a "联系电话:…" line under "联系人:…").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import regex

from ..models import Contact
from ..normalize import PINYIN_RESIDUE_PATTERN, to_simplified
from .base import Context
from .registry import Extractor, Found

__all__ = ["extract_contacts", "PHONE_PATTERN", "EMAIL_PATTERN"]

#: The label that opens a contact block: "联系人:", "联系人及电话:", "联系人 张三" (a gap or colon must follow).
CONTACT_LABEL_PATTERN = regex.compile(
    r"(?:联系人(?:员)?(?:及(?:其)?(?:联系)?(?:电话|方式))?(?:/传真)?(?:及电话)?(?:姓名)?|联络人|联系方式)"
    r"\s*(?P<colon>:)?\s*"
)

#: Where a segment names a further person after a number: "…010-64463071,部新闻宣传司 陈静 010-…",
#: "周敏(13813579246),行政部 吴昊(13705198831)".
NEXT_PERSON_PATTERN = regex.compile(r"(?<=\d\)?)\s*[,、]\s*(?!(?:联系|办公|固定|移动)?(?:电话|手机|传真|座机))(?=[\p{Han}()\s]{2,40}?\(?\s*(?:(?:联系)?电话|手机)?\s*:?\s*(?:0\d{2,3}|1[3-9]\d|[2-8]\d{6}))")

#: A phone number: area code + number, mobile, 400 numbers, with extension; single spaces may
#: group the digits. e.g. "0359-6380232", "010-64463071", "13810601071", "7068553", "0939 - 5521 567".
PHONE_PATTERN = regex.compile(
    r"(?<![\d@.A-Za-z_])(?:"
    r"\(?0\d{2,3}\)?\s{0,2}-?\s{0,2}[2-9]\d(?:\s?\d){5,6}(?:\s*(?:转|-)\s*\d{1,5})?"
    r"|1[3-9]\d(?:\s?\d){8}"
    r"|400-?\d{3}-?\d{4}"
    r"|[2-9]\d(?:\s?\d){5,6}(?:\s*转\s*\d{1,5})?"
    r")(?![\d@])"
)

#: A short internal number after its label: "内线电话:6218", "分机:8001" (not "(内线8119)" right
#: after a full number: that is the same line's extension).
EXTENSION_PATTERN = regex.compile(r"(?<!\d\s?[(,]\s?)(?:内线|分机|短号|内部)(?:电话|号码)?\s*:?\s*(?P<v>\d{3,6})(?!\d)")

#: An email address, e.g. "ycjjyxk@126.com", "gxlsfzk@wh.shandong.cn".
EMAIL_PATTERN = regex.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")

#: Words that fill a name slot but are not names (form labels, roles).
NOT_A_NAME = regex.compile(
    r"电话|手机|传真|邮箱|邮件|信箱|地址|邮编|单位|姓名|职务|联系|方式|办公|填报|日期|盖章|微信|"
    r"政务|平台|科室|部门|同志|先生|女士|及其|以及|技术|支持|报送|活动|总结|负责"
)

#: Field labels inside a block; group ``label`` names the field.
FIELD_LABEL_PATTERN = regex.compile(
    r"(?P<label>联系电话|办公电话|固定电话|座机|电话|手机|移动电话|传真|电子邮箱|电子信箱|邮箱|E-?mail|"
    r"通信地址|通讯地址|联系地址|地址|邮编|邮政编码|内线电话|内线|分机|QQ|微信)\s*(?:/\s*传真)?\s*:?\s*",
    regex.I,
)

#: A unit name before a person: "新闻宣传司", "县应急管理局宣教股", "政教处", "市安委办".
UNIT_END = r"(?:司|局|厅|办|委|处|科|股|室|所|部|站|队|中心|组|院|校|馆|会|公司|集团|政府|街道|社区)"
UNIT_NAME_SPLIT = regex.compile(rf"^(?P<org>[\p{{Han}}()]{{2,30}}?{UNIT_END})(?P<name>[\p{{Han}}]{{2,4}})$")

#: A name's shape: 2-4 Han characters.
NAME_SHAPE_PATTERN = regex.compile(r"\p{Han}{2,4}")
#: A word ending like a unit ("…科", "…局"): not a person.
UNIT_AT_END_PATTERN = regex.compile(UNIT_END + "$")
#: Tokens of the name part of a segment, in the display text: "市安委办 林志强", "冯忠兵、屠思嘉".
NAME_TOKEN_PATTERN = regex.compile(r"[^\s、,，和及/:：()（）]+")
#: Where a block is cut into segments.
SEGMENT_CUT_PATTERN = regex.compile(r"[;\n]")
#: Spaces dropped from a phone number; the brackets of an area code stay as written: "(010)82800456".
PHONE_NOISE_PATTERN = regex.compile(r"\s")

#: What converter residue in a name slot is masked with (no separator, no Han).
RESIDUE_MASK = "\x00"

#: Titles after a name: "王志刚同志", "李红梅老师".
TITLE_SUFFIX = regex.compile(r"(?:同志|老师|先生|女士|科长|处长|主任|局长|股长|经理|部长|书记|副.{1,3})$")

#: "通信地址:运城市河东东街161号…", "地址:…".
ADDRESS_PATTERN = regex.compile(r"(?:通信|通讯|联系)?地址\s*:\s*(?P<v>[^\n,;。]{4,80})")
#: "邮编:044000", "邮政编码:100013".
POSTCODE_PATTERN = regex.compile(r"(?:邮编|邮政编码)\s*:\s*(?P<v>\d{6})(?!\d)")

#: A further person of the block on its own line: "市应急管理局宣传教育处 邵婷 0512-68615033",
#: "宣传教育中心 刘晓燕,电话:010-64463071".
CONTINUATION_PATTERN = regex.compile(
    r"[\p{Han}()\s:,]{2,40}?[,\s]*(?:(?:联系|办公)?电话|手机)?\s*:?\s*(?:\(?0\d{2,3}|1[3-9]\d|[2-8]\d{6})"
)

#: A section holding the contacts: "四、联系方式", "七、联系人".
CONTACT_SECTION_PATTERN = regex.compile(r"联系(?:人|方式|电话)|联络(?:人|方式)|联系人及(?:联系)?(?:电话|方式)")

#: A service line that is nobody's contact: "技术支持电话:…", "举报热线:…".
HOTLINE_PATTERN = regex.compile(r"技术支持|热线|服务电话|举报电话|值班电话|客服")

#: How far a contact block reaches after its label (characters).
BLOCK_REACH = 400
#: How far around a block an email / address / postcode line still belongs to it.
LOOSE_REACH = 160
#: Most contacts read from one text.
MAX_CONTACTS = 100


@functools.lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset, frozenset]:
    raw = resources.files("anquanyue_parse").joinpath("data/surnames.txt").read_text("utf-8")
    words = [w for line in raw.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def _is_name(name: str, strict: bool) -> bool:
    """2-4 Han characters starting with a known surname (``strict``) or at least not a label word."""
    simp = to_simplified(name)
    if not NAME_SHAPE_PATTERN.fullmatch(simp) or NOT_A_NAME.search(simp) or UNIT_AT_END_PATTERN.search(simp):
        return False
    single, double = _surnames()
    known = simp[:2] in double or simp[0] in single
    if len(simp) == 4:
        return simp[:2] in double
    return known or not strict


@dataclass
class _Group:
    names: list[tuple[str, int, int]] = field(default_factory=list)  # (value, match start, match end)
    org: str | None = None
    phones: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


def _own_line_email(text: str, m: regex.Match) -> bool:
    """An email on a line of its own ("电子邮箱:…"), not inside another contact block or a sentence."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start:m.start()]
    return "联系人" not in before and len(before) <= 12


def _phone(s: str) -> str:
    return PHONE_NOISE_PATTERN.sub("", s)


def _block_end(text: str, start: int) -> int:
    """A block runs over following lines (blank lines between allowed) while they carry contact
    fields or "单位 姓名,电话:…"; a line with a further 联系人 label starts a block of its own."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    limit = min(len(text), start + BLOCK_REACH)
    while end < limit:
        nxt_end = text.find("\n", end + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        line = text[end + 1:nxt_end].strip()
        if not line:
            end = nxt_end  # a blank line: the next line decides
            continue
        if not (FIELD_LABEL_PATTERN.match(line) or EMAIL_PATTERN.match(line) or PHONE_PATTERN.match(line)
                or CONTINUATION_PATTERN.match(line)) or HOTLINE_PATTERN.search(line) or "联系人" in line:
            break
        end = nxt_end
    # do not swallow trailing blank lines
    while end > start and text[end - 1] == "\n":
        end -= 1
    return min(end, limit)


def _segments(text: str, start: int, end: int):
    """Cut at ";" and line breaks, and where a further person follows a number."""
    pos = start
    cuts = [(m.start(), m.end()) for m in SEGMENT_CUT_PATTERN.finditer(text[start:end])]
    cuts += [(m.start(), m.end()) for m in NEXT_PERSON_PATTERN.finditer(text[start:end])]
    for a, b in sorted(cuts):
        if start + a < pos:
            continue
        yield pos, start + a
        pos = start + b
    yield pos, end


def _people(ctx: Context, start: int, end: int) -> tuple[list[tuple[str, int, int]], str | None]:
    """Names (display value, match span) and the unit named before them in ``[start, end)``."""
    ds, de = ctx.norm.display_span(start, end)
    # converter residue ("科普培訓(xùn)部") masked, so the unit stays one token
    display = PINYIN_RESIDUE_PATTERN.sub(lambda r: RESIDUE_MASK * len(r.group(0)), ctx.norm.display.text[ds:de])
    out: list[tuple[str, int, int]] = []
    org = None
    tokens = list(NAME_TOKEN_PATTERN.finditer(display))
    # "高  峰": single characters spread out to fill a name's width
    merged: list[tuple[str, int, int]] = []
    for t in tokens:
        if merged and len(t.group(0)) == 1 and len(merged[-1][0]) <= 2 and display[merged[-1][2]:t.start()].isspace():
            v, a, _ = merged[-1]
            merged[-1] = (v + t.group(0), a, t.end())
        else:
            merged.append((t.group(0), t.start(), t.end()))
    for value, a, b in merged:
        value = TITLE_SUFFIX.sub("", value) if len(value) > 3 else value
        b = a + len(value) if " " not in display[a:b] else b
        if _is_name(value.replace(" ", ""), strict=False) and len(value.replace(" ", "")) <= 3:
            out.append((value.replace(" ", "").replace("\u3000", ""), a, b))
            continue
        m = UNIT_NAME_SPLIT.match(value)
        if m and _is_name(m.group("name"), strict=True):
            org = m.group("org")
            out.append((m.group("name"), a + m.start("name"), a + m.end("name")))
        elif UNIT_AT_END_PATTERN.search(to_simplified(value)) and len(value) >= 3:
            org = value.replace(RESIDUE_MASK, "")
        elif len(value) == 4 and _is_name(value, strict=True):
            out.append((value, a, b))
    return [(v, ds + a, ds + b) for v, a, b in out], org


def _fields(text: str, start: int, end: int, group: _Group, fax_all: bool) -> None:
    seg = text[start:end]
    for p in PHONE_PATTERN.finditer(seg):
        labels = list(FIELD_LABEL_PATTERN.finditer(seg, max(0, p.start() - 14), p.start()))
        label = labels[-1].group(0) if labels else ""
        value = _phone(p.group(0))
        if "传真" in label and "电话" not in label:
            group.fax.append(value)
            continue
        group.phones.append(value)
        if "兼传真" in seg[p.end():p.end() + 6] or fax_all or "/传真" in label:
            group.fax.append(value)
    for e in EXTENSION_PATTERN.finditer(seg):
        group.phones.append(e.group("v"))
    group.emails += [e.group(0) for e in EMAIL_PATTERN.finditer(seg)]


def _blocks(ctx: Context):
    """(label start, block start, block end, fax for all) of every contact block: a 联系人 label,
    or a section headed 联系方式 / 联系人 whose lines are "单位:姓名,电话:…"."""
    text = ctx.text
    display = ctx.norm.display.text
    found = []
    for node in ctx.seg.nodes():
        if CONTACT_SECTION_PATTERN.fullmatch(text[node.title_start:node.title_end].strip()):
            body = ctx.seg.lines[node.line].end + 1
            if body < len(text):
                found.append((node.start, body, min(node.end, _block_end(text, body)), False))
    for m in CONTACT_LABEL_PATTERN.finditer(text):
        if not m.group("colon"):  # "联系人 王海涛 电话 …": a gap (visible in the display text) must follow
            de = ctx.norm.display_span(m.start(), m.end())[1]
            if de >= len(display) or not display[de].isspace() or display[de] == "\n":
                continue
        found.append((m.start(), m.end(), _block_end(text, m.end()), "传真" in m.group(0)))
    found.sort()
    pos = 0
    for label, start, end, fax_all in found:
        if label >= pos:
            yield label, start, end, fax_all
            pos = end


def _read_block(ctx: Context, label: int, start: int, end: int, fax_all: bool) -> list[Contact]:
    text = ctx.text
    groups: list[_Group] = []
    loose = _Group()
    for s, e in _segments(text, start, end):
        cut = e
        for pat in (FIELD_LABEL_PATTERN, PHONE_PATTERN, EMAIL_PATTERN):
            f = pat.search(text, s, e)
            if f:
                cut = min(cut, f.start())
        names, org = _people(ctx, s, cut) if cut - s <= 60 else ([], None)
        if names:
            groups.append(_Group(names=names, org=org))
            _fields(text, cut, e, groups[-1], fax_all)
        elif groups:
            target = _Group()
            _fields(text, s, e, target, fax_all)
            groups[-1].phones += target.phones
            groups[-1].fax += target.fax
            loose.emails += target.emails
        else:
            _fields(text, s, e, loose, fax_all)
    w0, w1 = max(0, label - LOOSE_REACH), min(len(text), end + LOOSE_REACH)
    loose.emails += [x.group(0) for x in EMAIL_PATTERN.finditer(text, end, w1) if _own_line_email(text, x)]
    addr = ADDRESS_PATTERN.search(text, w0, w1)
    post = POSTCODE_PATTERN.search(text, w0, w1)
    out = []
    for g in groups:
        if not (g.phones or g.fax or g.emails or loose.emails or (len(groups) == 1 and loose.phones)):
            continue  # a name with no number at all: a form's sample ("联系人：张三"), not a contact
        for name, _, _ in g.names:
            out.append(Contact(
                name=name,
                phones=list(dict.fromkeys(g.phones or (loose.phones if len(groups) == 1 else []))),
                fax=list(dict.fromkeys(g.fax or loose.fax)),
                emails=list(dict.fromkeys(g.emails or loose.emails)),
                address=ctx.value(addr.start("v"), addr.end("v")) if addr else None,
                postcode=post.group("v") if post else None,
                organization=g.org,
                span=ctx.span(label, end),
            ))
    return out


def extract_contacts(ctx: Context) -> list[Contact]:
    out: list[Contact] = []
    seen: set[tuple] = set()
    for label, start, end, fax_all in _blocks(ctx):
        for c in _read_block(ctx, label, start, end, fax_all):
            key = (c.name, tuple(c.phones))
            if key not in seen:  # the same person given again ("(联系人:陈嘉欣,电话:…)" at the end)
                seen.add(key)
                out.append(c)
        if len(out) > MAX_CONTACTS:
            ctx.warn(f"more than {MAX_CONTACTS} contacts found; the rest were skipped")
            break
    return out


def _run_contacts(ctx: Context) -> list[Found]:
    return [Found(c, c.span, "normalized") for c in extract_contacts(ctx)]


EXTRACTORS = (Extractor("contacts", _run_contacts),)
