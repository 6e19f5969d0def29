"""Layout patterns shared by the PDF loader and normalization (they run on display text)."""

from __future__ import annotations

import regex

__all__ = ["BLOCK_START_PATTERN", "PAGE_NUMBER_LINE_PATTERN"]

#: A line holding only a page number: "— 1 —", "-1-", "- 12 -", "第1页", "第 2 页 共 9 页".
PAGE_NUMBER_LINE_PATTERN = regex.compile(
    r"(?m)^[ \t\u3000]*(?:[—–\-－─―]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–\-－─―]{1,2}"
    r"|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?)"
    r"[ \t\u3000]*(?:\n|$)"
)

#: A line that starts a new block and must not be glued to the line above when
#: re-joining hard wraps: numbered headings (一、 （一） 1. （1） ①), 附件, 联系人.
BLOCK_START_PATTERN = regex.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|[①-⑳]|附件|联系人|联系电话|邮\s*箱|电子邮箱|第[一二三四五六七八九十]+[章条部])"
)

