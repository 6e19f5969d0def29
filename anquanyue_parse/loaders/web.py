"""Web page loader (selectolax/lexbor): the article of a government page, without its chrome.

* Charset: BOM, then ``<meta charset>`` / ``http-equiv`` / XML declaration (GB2312 and GBK
  are read as GB18030), then the text detector; a declaration the bytes contradict is ignored.
* Article: the first known content container of Chinese government CMSs (``#zoom``,
  ``.TRS_Editor``, ``#UCAP-CONTENT`` ...) that holds real text, else the element collecting
  the most paragraph text (readability-style scoring with link density).
* Inside it, "发布时间/来源/字体大中小" bars, share/print tools and hidden elements are
  dropped; the headline is put in front when the article does not repeat it.
* Block elements and ``<br>`` end lines; a table row is one line with cells joined by a tab.
"""

from __future__ import annotations

import email
import email.policy
import html as htmllib
from pathlib import Path
from typing import Optional

import regex

from ..errors import CorruptDocument, UnsupportedFormat
from ..patterns.web_chrome import INFO_BAR_PATTERN, MAX_INFO_BAR, holds_metadata
from ..models import SourceText
from .html_guard import check_markup, check_tree
from .text import decode_text

__all__ = ["load_html", "load_mhtml", "html_text", "decode_html"]

#: A charset declared in the first bytes: <meta charset="gbk">, content="text/html; charset=gb2312",
#: <?xml version="1.0" encoding="utf-8"?>.
DECLARED_CHARSET_PATTERN = regex.compile(
    rb"""(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,20})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]{2,20})"""
)
#: Declared names read with a wider codec: real "gb2312" pages hold GBK/GB18030 characters.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                   "cp936": "gb18030", "utf8": "utf-8", "big5": "big5hkscs", "unicode": "utf-16"}

#: Containers government CMSs put the article in (TRS, Hanweb, VSB, UCAP, WeChat ...), in order.
CONTENT_SELECTORS = (
    "#zoom, #Zoom, .zoom, #UCAP-CONTENT, .TRS_Editor, .TRS_UEDITOR, .trs_editor_view, #fontzoom, "
    "#vsb_content, [id^=vsb_content], .wp_articlecontent, #js_content, .article-content, .article_content, "
    ".art_con, .artcon, .pages_content, #pages_content, .xxgk_content, .news_content, .detail-content, "
    ".con_text, .text_content, #content, .content"
)
#: The least Han characters a known container, or else the densest element, must hold to be
#: taken as the article (below that the page is a fragment and read whole, chrome removed).
MIN_CONTAINER_HAN = 10
MIN_ARTICLE_HAN = 30

#: Elements that are never text.
DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
             "select", "button", "input", "textarea", "head"]
#: Page chrome by tag (outside the article only: some sites nest the article in <header>).
CHROME_TAGS = {"nav", "header", "footer", "aside"}
#: Tool bars and navigation by class/id, e.g. class="bdsharebuttonbox", id="print".
CHROME_ATTR_PATTERN = regex.compile(
    r"(?i)share|fenxiang|print|dayin|toolbar|tools?\b|breadcrumb|crumb|\bnav|menu|pager|pagination|"
    r"prev|next|related|xgwz|xglj|comment|qrcode|erweima"
)
#: Page regions that never hold the article, by class/id, e.g. class="footer", id="leftnav".
REGION_ATTR_PATTERN = regex.compile(r"(?i)foot|copyright|banquan|bottom|header|\btop|sidebar|side\b|left-?side|"
                                    r"nav|menu|crumb|login|search|friend-?link|yqlj")
#: Site boilerplate: "版权所有 © …", "鲁ICP备05012345号", "网站标识码：…", "主办单位：…".
BOILERPLATE_PATTERN = regex.compile(r"版权所有|ICP备|网站标识码|主办单位|承办单位|技术支持|网站地图|联系我们|网站纠错|公网安备")
# INFO_BAR_PATTERN, MAX_INFO_BAR: patterns/web_chrome.py (the database's fingerprint uses them too)
#: Elements that end a line of text.
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
              "tbody", "thead", "tfoot", "section", "article", "blockquote", "pre", "center", "address", "hr",
              "figure", "figcaption", "form", "fieldset", "caption", "main", "header", "footer", "nav", "aside",
              "tr", "title", "body", "html"}
#: Headline sources, in order of trust.
HEADLINE_SELECTORS = ('meta[name="ArticleTitle"]', 'meta[property="og:title"]', "h1", ".article-title, "
                      ".article_title, .news_title, .detail-title, .con_title, #title, .title, h2")
WHITESPACE = regex.compile(r"[ \t\r\n\f\v]+")
#: Runs of white space of any kind, e.g. " \u3000\n" (cells, headline comparison).
ANY_SPACE = regex.compile(r"\s+")
#: Two or more spaces inside a line, e.g. "一、  活动主题".
MULTI_SPACE = regex.compile(r" {2,}")
#: A run of characters that are not Han, e.g. " abc，" (removed to count the Han characters
#: that score containers: one string built, not a list of one-character matches).
NON_HAN = regex.compile(r"\P{Han}+")


def load_html(path: Path, data: bytes) -> SourceText:
    """Read a saved web page: the article text (see the module doc)."""
    markup, enc = decode_html(data, str(path))
    check_markup(markup, str(path))
    text, starts = html_text(markup, str(path))
    return SourceText(text=text, path=str(path), format="html", encoding=enc, paragraphs=starts)


def load_mhtml(path: Path, data: bytes) -> SourceText:
    """Read a web archive (.mht/.mhtml): its first text/html part."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            declared = part.get_content_charset()
            if declared and not DECLARED_CHARSET_PATTERN.search(payload[:4096]):
                payload = f'<meta charset="{declared}">'.encode("ascii") + payload
            markup, enc = decode_html(payload, str(path))
            check_markup(markup, str(path))
            text, starts = html_text(markup, str(path))
            return SourceText(text=text, path=str(path), format="mhtml", encoding=enc, paragraphs=starts)
    raise CorruptDocument("web archive without an HTML part", str(path))


def decode_html(data: bytes, path: str | None = None) -> tuple[str, str]:
    """The page as text and the encoding used (declared if the bytes agree, else detected)."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = DECLARED_CHARSET_PATTERN.search(data[:4096])
        if m:
            name = (m.group(1) or m.group(2)).decode("ascii").lower()
            enc = CHARSET_ALIASES.get(name, name)
            try:
                return data.decode(enc), enc
            except (LookupError, UnicodeDecodeError):
                pass  # unknown name or wrong declaration: detect
    try:
        return decode_text(data, path)
    except UnsupportedFormat:
        raise UnsupportedFormat("not a web page (no known encoding decodes it)", path) from None


def html_text(markup: str, path: Optional[str] = None) -> tuple[str, list[int]]:
    """The article text of an HTML document and the start offset of each line.
    Call :func:`.html_guard.check_markup` first on untrusted markup (lexbor can go quadratic)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    check_tree(tree.root, path)
    headline = _headline(tree)
    tree.strip_tags(DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return "", []
    article = _article(tree, root)
    _drop_chrome(article, whole=article is root)
    lines = _render(article)
    if headline and not _starts_with(lines, headline):
        lines.insert(0, headline)
    text, starts, size = [], [], 0
    for line in lines:
        starts.append(size)
        text.append(line)
        size += len(line) + 1
    return "\n".join(text), starts


def _han(text: str) -> int:
    return len(NON_HAN.sub("", text))


def _article(tree, root):
    """The element holding the article."""
    best, best_han = None, 0
    for node in tree.css(CONTENT_SELECTORS):
        n = _han(node.text(separator=" "))
        if n >= MIN_CONTAINER_HAN and n > best_han * 1.1:
            best, best_han = node, n
    if best is not None:
        return best
    return _densest(root)


def _densest(root):
    """Readability-style choice: each paragraph's Han count goes to its parent (and half to the
    grandparent); the winner's score is cut by the share of its text inside links."""
    scores: dict[int, list] = {}
    for p in root.css("p, td, pre, li, div, span, font"):
        if _in_region(p, root) or BOILERPLATE_PATTERN.search(p.text()[:200]):
            continue
        own = _han(p.text(deep=False, separator=" "))
        if p.tag in ("div", "span", "font", "td") and own < 20:
            continue
        if p.tag == "p" or own >= 20:
            for node, share in ((p.parent, 1.0), (p.parent.parent if p.parent else None, 0.5)):
                if node is not None:
                    entry = scores.setdefault(node.mem_id, [node, 0.0])
                    entry[1] += share * (own if p.tag in ("div", "span", "font", "td") else _han(p.text()))
    if not scores:
        return root
    ranked = sorted(scores.values(), key=lambda e: e[1], reverse=True)[:5]

    def adjusted(entry):
        node, score = entry
        total = len(node.text()) or 1
        links = sum(len(a.text()) for a in node.css("a"))
        return score * (1 - links / total)

    best = max(ranked, key=adjusted)
    return best[0] if adjusted(best) >= MIN_ARTICLE_HAN else root  # a fragment: keep it whole


def _in_region(node, root) -> bool:
    """Is ``node`` inside page chrome (nav/header/footer/aside or a class/id saying so)?"""
    while node is not None and node.mem_id != root.mem_id:
        if node.tag in CHROME_TAGS:
            return True
        attrs = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if attrs.strip() and REGION_ATTR_PATTERN.search(attrs):
            return True
        node = node.parent
    return False


def _drop_chrome(article, whole: bool) -> None:
    """Remove metadata bars, tool bars and hidden elements inside the article (and, when the
    article is the whole page, navigation, header and footer elements)."""
    total = len(article.text())
    doomed, doomed_ids = [], set()
    for node in article.css("*"):  # document order: an element comes before its descendants
        if _under(node, doomed_ids, article) or not _is_chrome(node, whole, total):
            continue
        doomed.append(node)
        doomed_ids.add(node.mem_id)
    for node in doomed:  # only outermost ones: a removed element takes its subtree along
        node.decompose()


def _under(node, ids: set, stop) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _is_chrome(node, whole: bool, total: int) -> bool:
    style = (node.attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or (whole and node.tag in CHROME_TAGS):
        return True
    attrs = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    text = node.text()
    if attrs.strip() and len(text) < total / 2 and (CHROME_ATTR_PATTERN.search(attrs)
                                                  or (whole and REGION_ATTR_PATTERN.search(attrs))):
        return True
    short = len(text) <= MAX_INFO_BAR and "。" not in text and len(text) < total / 2
    if short and INFO_BAR_PATTERN.search(text):
        # a 发布日期 line of the notice's metadata table (or a bar naming its document number) is
        # the document's, as a saved .txt copy keeps it: only page bars go
        return not holds_metadata(text, _neighbours(node))
    return short and whole and bool(BOILERPLATE_PATTERN.search(text))


def _neighbours(node) -> str:
    """The text of the elements just before and after ``node`` (white-space text nodes skipped)."""
    out = []
    for step in ("prev", "next"):
        sib = getattr(node, step)
        while sib is not None and sib.tag == "-text" and not sib.text().strip():
            sib = getattr(sib, step)
        if sib is not None:
            out.append(sib.text())
    return "\n".join(out)


def _headline(tree) -> str:
    for selector in HEADLINE_SELECTORS:
        for node in tree.css(selector):
            value = node.attributes.get("content") if node.tag == "meta" else node.text(separator=" ")
            value = WHITESPACE.sub(" ", htmllib.unescape(value or "")).strip()
            if 6 <= len(value) <= 150 and _han(value) >= 4 and not INFO_BAR_PATTERN.search(value):
                return value
    return ""


def _starts_with(lines: list[str], headline: str) -> bool:
    head = ANY_SPACE.sub("", "".join(lines[:12]))[:600]
    return ANY_SPACE.sub("", headline) in head


class _Renderer:
    def __init__(self):
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.cell_depth = 0
        self.pre_depth = 0

    def text(self, s: str) -> None:
        if not self.pre_depth:
            s = WHITESPACE.sub(" ", s)
        self.cur.append(s.replace("\xa0", " "))

    def newline(self) -> None:
        if self.cell_depth:
            self.cur.append(" ")
            return
        line = MULTI_SPACE.sub(" ", "".join(self.cur)).strip(" \t\u3000")
        if line.strip():
            self.lines.append(line)
        self.cur = []

    def walk(self, node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.text(child.text_content or "")
            elif tag == "br":
                self.newline()
            elif tag in ("td", "th"):
                self.cell(child)
            elif tag == "tr" and not self.cell_depth:
                self.newline()
                self.row(child)
                self.newline()
            elif tag in BLOCK_TAGS:
                self.newline()
                self.pre_depth += tag == "pre"
                self.walk(child)
                self.pre_depth -= tag == "pre"
                self.newline()
            elif tag and not tag.startswith("-"):
                self.walk(child)

    def row(self, tr) -> None:
        first = True
        for cell in tr.iter():
            if cell.tag in ("td", "th"):
                if not first:
                    self.cur.append("\t")
                first = False
                self.cell(cell)

    def cell(self, cell) -> None:
        self.cell_depth += 1
        start = len(self.cur)
        self.walk(cell)
        inner = ANY_SPACE.sub(" ", "".join(self.cur[start:])).strip()
        del self.cur[start:]
        self.cur.append(inner)
        self.cell_depth -= 1


def _render(node) -> list[str]:
    r = _Renderer()
    if node.tag in ("td", "th"):
        r.cell(node)
    else:
        r.walk(node)
    r.newline()
    return r.lines
