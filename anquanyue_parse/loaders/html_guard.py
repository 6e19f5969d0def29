"""A linear pre-scan of web page markup: nesting depth and element count, before parsing.

lexbor (selectolax) is fast on ordinary pages but quadratic in the nesting of some elements
(each ``<div>`` start tag searches the stack of open elements: 100,000 nested ``<div>`` take
40 s), and the article scoring walks ancestors. So the markup is scanned first with one
regular expression that never backtracks: comments, scripts and styles are skipped whole,
void elements (``<br>``, ``<img>``) and table parts do not nest, a ``<p>`` or ``<li>`` closes
the open one of its name (and what was opened inside it), every other start tag opens a
level and its end tag closes one. Past ``Limits.html_depth`` or ``Limits.html_nodes`` the
page is refused with TooLarge before lexbor sees it; :func:`check_tree` checks the parsed
tree's real depth too (the article walk recurses once per level).
"""

from __future__ import annotations

from typing import Optional

import regex

from ..limits import get_limits, too_large

__all__ = ["scan_markup", "check_markup", "check_tree"]

#: One token of the scan: a comment, a script or style element (to its end, or to the end of
#: the page when unterminated, as browsers do), or a start/end tag name. Examples:
#: "<!-- <div> -->", "<script>document.write('<div>')</script>", "<div class=x>", "</div>".
TOKEN_PATTERN = regex.compile(
    r"<!--.*?(?:-->|\Z)|<(?:script|style)\b.*?(?:</(?:script|style)\s*>|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)",
    regex.S | regex.I,
)
#: Elements that never hold others (HTML void elements).
VOID = frozenset("area base br col embed hr img input link meta param source track wbr basefont bgsound "
                 "frame keygen".split())
#: Elements whose start tag closes an open one of the same name and everything opened
#: inside it (implied end tags), e.g. "<p><font>a<p><font>b": the second <p> closes the first
#: and its <font>, so a page of unclosed <p><font> is flat, not deep.
IMPLIED_END = frozenset("p li dt dd option optgroup rb rt rp".split())
#: Table parts and document sections: a parser places them itself; they do not count.
NOT_COUNTED = frozenset("tr td th thead tbody tfoot colgroup caption html head body".split())


def scan_markup(markup: str) -> tuple[int, int]:
    """(deepest nesting, start tags) of ``markup`` (see the module doc).

    >>> scan_markup("<div><p>a<p>b<div><span>c</span></div></div>")
    (4, 5)
    """
    depth = deepest = tags = 0
    open_at: dict[str, list[int]] = {}  # implied-end element -> depths its open ones started at
    for m in TOKEN_PATTERN.finditer(markup):
        name = m.group(2)
        if name is None:
            continue
        name = name.lower()
        if name in VOID or name in NOT_COUNTED:
            tags += not m.group(1)
            continue
        starts = open_at.get(name) if name in IMPLIED_END else None
        if m.group(1):  # an end tag
            if starts:
                depth = starts.pop()
            elif depth and name not in IMPLIED_END:
                depth -= 1
            continue
        tags += 1
        if name in IMPLIED_END:
            if starts:
                depth = starts.pop()
            open_at.setdefault(name, []).append(depth)
        depth += 1
        deepest = max(deepest, depth)
    return deepest, tags


def check_markup(markup: str, path: Optional[str]) -> None:
    """TooLarge when the page nests deeper than ``html_depth`` or has over ``html_nodes`` tags."""
    lim = get_limits()
    depth, tags = scan_markup(markup)
    if depth > lim.html_depth:
        raise too_large("the page's element nesting", depth, "html_depth", lim.html_depth, path)
    if tags > lim.html_nodes:
        raise too_large("the page's number of elements", tags, "html_nodes", lim.html_nodes, path)


def check_tree(root, path: Optional[str]) -> None:
    """TooLarge when the parsed tree under ``root`` nests deeper than ``html_depth``."""
    lim = get_limits()
    depth = {root.mem_id: 0}
    for node in root.traverse(include_text=False):
        parent = node.parent
        d = depth.get(parent.mem_id, 0) + 1 if parent is not None else 0
        if d > lim.html_depth:
            raise too_large("the page's element nesting", d, "html_depth", lim.html_depth, path)
        depth[node.mem_id] = d
