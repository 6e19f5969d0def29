"""Lines of a web page's chrome that a saved text keeps and the HTML loader drops.

A notice saved from a government site as .txt keeps its "发布时间：… 来源：… 浏览次数：…"
bar; the HTML loader removes the same bar from the page. Both the loader and the
database's duplicate fingerprint (``db_rows.fingerprint``) use the test below, so the
.txt copy and the HTML copy of a notice get the same fingerprint.
"""

from __future__ import annotations

import regex

__all__ = ["INFO_BAR_PATTERN", "MAX_INFO_BAR", "is_info_bar", "METADATA_LABEL_PATTERN", "WIDGET_PATTERN",
           "BAR_DOC_NUMBER_PATTERN", "holds_metadata"]

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


#: Labels of a notice's own metadata table, e.g. "索引号：…", "发布单位：…", "发 文 号：…": a
#: "发布日期" line among them dates the document (extract/dates.py reads it), so it is no bar.
METADATA_LABEL_PATTERN = regex.compile(r"发\s*文\s*号|文\s*号\s*[:：]|发文字号|索\s*引\s*号|发布机构|发布单位|发文机关|发文单位")
#: Tools of a page bar that no metadata table holds, e.g. "字体：大 中 小", "浏览次数：", "【打印】".
WIDGET_PATTERN = regex.compile(
    r"字[体號号]\s*[:：]?\s*[\[【(（]?\s*[大中小]|[【\[]\s*大\s*[】\]]?\s*[【\[]?\s*中|浏览(?:次数|量)|"
    r"阅读(?:次数|量)|点击(?:数|量|率)|访问量|[【\[]\s*打印|打印本页|关闭(?:本页|窗口)|分享到|扫一扫"
)
#: A document number inside a bar, e.g. "作者:安委办〔2015〕19号": the bar names the document.
BAR_DOC_NUMBER_PATTERN = regex.compile(r"[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*号")


def holds_metadata(text: str, context: str = "") -> bool:
    """A bar line that is the document's metadata rather than the page's: it holds a document
    number, or it has no tools and a metadata label is in it or in ``context`` (its neighbours).

    >>> holds_metadata("发布日期:2017-06-29", "发布单位:全国安全生产月活动组委会办公室")
    True
    >>> holds_metadata("发布时间：2024-05-28 来源：某市应急管理局 字体：大 中 小", "索引号：123")
    False
    """
    if BAR_DOC_NUMBER_PATTERN.search(text):
        return True
    return not WIDGET_PATTERN.search(text) and bool(METADATA_LABEL_PATTERN.search(f"{text}\n{context}"))
