"""Lines of a web page's chrome that a saved text keeps and the HTML loader drops.

A notice saved from a government site as .txt keeps its "发布时间：… 来源：… 浏览次数：…"
bar; the HTML loader removes the same bar from the page. Both the loader and the
database's duplicate fingerprint (``db_rows.fingerprint``) use the test below, so the
.txt copy and the HTML copy of a notice get the same fingerprint.
"""

from __future__ import annotations

import regex

__all__ = ["INFO_BAR_PATTERN", "MAX_INFO_BAR", "is_info_bar"]

#: A metadata bar line: "发布时间：2024-05-28 来源：… 浏览次数：… 【字体：大 中 小】【打印】【关闭窗口】".
INFO_BAR_PATTERN = regex.compile(
    r"发布(?:时间|日期)\s*[:：]|信息来源\s*[:：]|(?<![\p{Han}])来源\s*[:：]|字[体號号]\s*[:：]?\s*[\[【(（]?\s*[大中小]|"
    r"[【\[]\s*大\s*[】\]]?\s*[【\[]?\s*中|浏览(?:次数|量)|阅读(?:次数|量)|点击(?:数|量|率)|访问量|"
    r"[【\[]\s*打印|打印本页|关闭(?:本页|窗口)|分享到|扫一扫"
)
#: The longest element (characters) the info-bar pattern may remove.
MAX_INFO_BAR = 160


def is_info_bar(line: str) -> bool:
    """A short line (no sentence end) holding a metadata or tool bar.

    >>> is_info_bar("发布时间:2021-06-03 点击数: 字体:A- A+"), is_info_bar("一、活动主题")
    (True, False)
    """
    text = line.strip()
    return len(text) <= MAX_INFO_BAR and "。" not in text and bool(INFO_BAR_PATTERN.search(text))
