"""Issuer from a page's metadata: a strong label ("发布机构:", "发文机关:") or a weak one
("来源:", often a website or a newspaper, which issue no notice)."""

from __future__ import annotations

from typing import Optional

import regex

from ..normalize import to_simplified
from ..patterns import ORG_SUFFIX
from .base import Context
from .issuer_names import MEDIA_SUFFIX, ORG_END_PATTERN, expand

__all__ = ["META_ISSUER_PATTERN", "meta_issuer"]

#: Metadata label, e.g. "发布单位:全国安全生产月活动组委会办公室", "文章来源:国务院安委会办公室".
META_ISSUER_PATTERN = regex.compile(
    rf"(?:(?:发布机构|发布单位|发文机关|发文单位|发文机构)\s*:?|(?:文章来源|信息来源|来源)\s*:)\s*(?P<org>[\p{{Han}}()]{{1,30}}{ORG_SUFFIX}"
    r"(?:\([\p{Han}]{2,10}\))?(?:网站)?)"
)

#: Characters of a name's word in the source text: Han and brackets (a gap, a digit or a
#: punctuation mark ends it).
WORD_CHAR_PATTERN = regex.compile(r"[\p{Han}()（）·]")


def meta_issuer(ctx: Context, strong: bool) -> Optional[tuple[int, int]]:
    """A metadata label: strong ("发布机构:", "发文机关:") or weak ("来源:", often a website)."""
    text = ctx.text
    for m in META_ISSUER_PATTERN.finditer(text):
        if ("来源" in m.group(0)) == strong:
            continue
        s = m.start("org")
        token = _token_end(ctx, s)
        if token is not None:
            # the word as the source writes it: "来源:山西科技报" is no "山西科", and "发布机构 同心县应急管理局
            # 文 号" ends at its gap
            if not regex.search(ORG_SUFFIX + r"(?:\([\p{Han}]{2,10}\))?(?:网站)?$", text[s:token]):
                continue
            org = text[s:token]
        else:
            org = m.group("org")
        org = MEDIA_SUFFIX.sub("", org) if org.endswith("网站") else org
        if MEDIA_SUFFIX.search(org) or not ORG_END_PATTERN.search(org):
            continue
        full = expand(ctx, org)
        if full != org:
            found = text.find(full)
            if found >= 0:
                return found, found + len(full)
        return s, s + len(org)
    return None


def _token_end(ctx: Context, s: int) -> Optional[int]:
    """Match-text end of the word starting at ``s`` as the source text writes it (the match text
    drops the gaps between Han characters, the source keeps them), or None when unsure."""
    src = ctx.norm.source
    so = ctx.norm.source_span(s, s + 1)[0]
    j = so
    while j < len(src) and j - so < 40 and WORD_CHAR_PATTERN.match(src[j]):
        j += 1
    n = j - so
    if n == 0 or to_simplified(src[so:j]).replace("（", "(").replace("）", ")") != ctx.text[s:s + n]:
        return None
    return s + n
