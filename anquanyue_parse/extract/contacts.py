"""Contacts: named people with the phones, fax, emails, address and postcode given with them.

"联系人及电话:郝大冰 0359-6380232", "联系人:冯忠兵、屠思嘉,联系电话:7068553(兼传真)",
"(联系人:徐永炎,电话:2258280,传真:2242869,邮箱:mzsjgk@163.com)".
"""

from __future__ import annotations

import regex

from ..models import Contact
from .base import Context

__all__ = ["extract_contacts", "PHONE_PATTERN", "EMAIL_PATTERN"]

#: The label that opens a contact block: "联系人", "联系人及电话", "联 系 人".
CONTACT_LABEL_PATTERN = regex.compile(r"联系人(?:及(?:联系)?(?:电话|方式))?(?:/传真)?(?:及电话)?\s*:?\s*")

#: A phone number: area code + number, mobile, or a local 7-8 digit number, with extension.
#: e.g. "0359-6380232", "010-64463071", "13810601071", "7068553", "0631-5201067转8001".
PHONE_PATTERN = regex.compile(
    r"(?<![\d@.A-Za-z_])(?:\(?0\d{2,3}\)?\s*-?\s*\d{7,8}(?:\s*(?:转|-)\s*\d{1,5})?|1[3-9]\d{9}|[2-8]\d{6,7}|400-?\d{3}-?\d{4})(?![\d@])"
)

#: An email address, e.g. "ycjjyxk@126.com", "gxlsfzk@wh.shandong.cn".
EMAIL_PATTERN = regex.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")

#: A person's name: 2-4 Han characters (a space inside "陈 淼" is already gone in the match text).
NAME_PATTERN = regex.compile(r"[\p{Han}]{2,4}")

#: Words that fill a name slot but are not names (form labels, titles).
NOT_A_NAME = regex.compile(
    r"电话|手机|传真|邮箱|邮件|信箱|地址|邮编|单位|姓名|职务|联系|方式|办公|填报|日期|盖章|微信|"
    r"政务|平台|科室|部门|科长|主任|同志|先生|女士|处长|局长|及其|以及|技术|支持"
)

_FIELD_LABELS = regex.compile(
    r"(?P<label>联系电话|办公电话|电话|手机|座机|传真|电子邮箱|电子信箱|邮箱|E-?mail|email|通信地址|通讯地址|"
    r"地址|邮编|邮政编码)\s*(?:/\s*传真)?\s*:?\s*",
    regex.I,
)

#: How far a contact block reaches after its label (characters).
BLOCK_REACH = 260
#: How far around a block an email / address / postcode line still belongs to it.
LOOSE_REACH = 160

#: "通信地址:运城市河东东街161号…", "地址:…".
ADDRESS_PATTERN = regex.compile(r"(?:通信|通讯|联系)?地址\s*:\s*(?P<v>[^\n,;。]{4,80})")
#: "邮编:044000", "邮政编码:100013".
POSTCODE_PATTERN = regex.compile(r"(?:邮编|邮政编码)\s*:\s*(?P<v>\d{6})(?!\d)")
#: The unit a contact works in: "单位:…", "政务平台:绿色发展推进科".
ORG_FIELD_PATTERN = regex.compile(r"(?:单位|部门|政务平台)\s*:\s*(?P<v>[\p{Han}]{2,30})")


def _block_end(text: str, start: int) -> int:
    """A block runs over following lines while they carry contact fields."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    limit = start + BLOCK_REACH
    while end < min(len(text), limit):
        nxt_end = text.find("\n", end + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        line = text[end + 1:nxt_end].strip()
        if line and not (_FIELD_LABELS.match(line) or EMAIL_PATTERN.match(line) or PHONE_PATTERN.match(line)):
            break
        end = nxt_end
    return min(end, limit)


def _names(seg: str) -> list[tuple[int, str]]:
    out = []
    for m in NAME_PATTERN.finditer(seg):
        name = m.group(0)
        if NOT_A_NAME.search(name):
            continue
        out.append((m.start(), name))
    return out


def _phone(s: str) -> str:
    s = regex.sub(r"[\s()]", "", s)
    return s.replace("转", "-")


def extract_contacts(ctx: Context) -> list[Contact]:
    text = ctx.text
    out: list[Contact] = []
    pos = 0
    for m in CONTACT_LABEL_PATTERN.finditer(text):
        if m.start() < pos:
            continue
        end = _block_end(text, m.end())
        block = text[m.end():end]
        pos = end
        # the name part: up to the first field label or number
        cut = len(block)
        for pat in (_FIELD_LABELS, PHONE_PATTERN, EMAIL_PATTERN):
            f = pat.search(block)
            if f:
                cut = min(cut, f.start())
        names = [n for n in _names(block[:cut]) if n[0] < 40]
        if not names:
            continue
        fax_all = "传真" in m.group(0)
        phones, fax = [], []
        for p in PHONE_PATTERN.finditer(block):
            label = _FIELD_LABELS.search(block[max(0, p.start() - 12):p.start()])
            after = block[p.end():p.end() + 6]
            value = _phone(p.group(0))
            if label and "传真" in label.group("label") and "电话" not in label.group(0):
                fax.append(value)
                continue
            phones.append(value)
            if "兼传真" in after or fax_all or (label and "/传真" in label.group(0)):
                fax.append(value)
        # email, address and postcode may stand on lines just before or after the block
        w0, w1 = max(0, m.start() - LOOSE_REACH), min(len(text), end + LOOSE_REACH)
        emails = [e.group(0) for e in EMAIL_PATTERN.finditer(text, w0, w1)]
        addr = ADDRESS_PATTERN.search(text, w0, w1)
        post = POSTCODE_PATTERN.search(text, w0, w1)
        org = ORG_FIELD_PATTERN.search(block)
        for offset, _ in names:
            ns = m.end() + offset
            name_len = len(NAME_PATTERN.match(text, ns).group(0))
            out.append(Contact(
                name=ctx.value(ns, ns + name_len), phones=list(dict.fromkeys(phones)), fax=list(dict.fromkeys(fax)),
                emails=list(dict.fromkeys(emails)),
                address=ctx.value(addr.start("v"), addr.end("v")) if addr else None,
                postcode=post.group("v") if post else None,
                organization=ctx.value(m.end() + org.start("v"), m.end() + org.end("v")) if org else None,
                span=ctx.span(m.start(), end),
            ))
        if len(out) > 100:
            ctx.warn("more than 100 contacts found; the rest were skipped")
            break
    return out
