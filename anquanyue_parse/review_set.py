"""Review pages for many records: an index to pick a notice from, one page per notice.

>>> from anquanyue_parse.store.db import load_records
>>> write_review_set(load_records("sqlite:///demo_campaigns.sqlite"), "review")   # doctest: +SKIP
PosixPath('review/index.html')

Records come from a database (``load_records``) or from the JSON Lines ``parse`` prints
(:func:`read_jsonl`). Each page is :func:`~anquanyue_parse.review.render_review`'s page with a
link back to the index; the index lists 标题 / 年度 / 发文机关 / 来源文件 and filters as you type.
Pages of a set do not embed the CJK font (one subset per page would cost seconds each):
they use the browser's fonts.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Iterable, Iterator, Union

from .errors import UsageError
from .models import Campaign
from .review import highlights, render_review

__all__ = ["read_jsonl", "write_review_set", "render_index"]

#: Columns of the index page.
INDEX_COLUMNS = ("序号", "标题", "年度", "发文机关", "来源文件", "标注")

_INDEX = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>review: {count} notices</title>
<style>
  body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         font-size: 14px; margin: 12px 16px; color: #212121; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ border-bottom: 1px solid #eceff1; padding: 3px 6px; text-align: left; vertical-align: top; }}
  th {{ color: #607d8b; }}
  input {{ width: 40em; padding: 4px; margin-bottom: 8px; }}
</style></head>
<body>
<h1 style="font-size:16px">{count} 份通知</h1>
<input id="filter" placeholder="筛选：标题、年度、发文机关或文件名">
<table><thead><tr>{head}</tr></thead><tbody id="rows">
{rows}
</tbody></table>
<script>
document.getElementById("filter").addEventListener("input", function (ev) {{
  var q = ev.target.value.trim();
  document.querySelectorAll("#rows tr").forEach(function (tr) {{
    tr.hidden = q !== "" && tr.textContent.indexOf(q) < 0;
  }});
}});
</script>
</body></html>
"""


def read_jsonl(path: Union[str, os.PathLike]) -> Iterator[Campaign]:
    """The records of a JSON Lines file (what ``parse`` prints), blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield Campaign.model_validate_json(line)
                except ValueError as exc:
                    raise UsageError(f"line {n} is not a record ({str(exc).splitlines()[0]})", str(path)) from None


def _page_name(i: int) -> str:
    return f"{i:04d}.html"


def render_index(records: list[Campaign]) -> str:
    """The index page: one row per record, its title linking to its page."""
    e = html.escape
    rows = []
    for i, r in enumerate(records, 1):
        title = r.title or (Path(r.source_path).name if r.source_path else f"notice {i}")
        cells = [str(i), f'<a href="{_page_name(i)}">{e(title)}</a>', e(str(r.year or "")), e(r.issuer or ""),
                 e(r.source_path or ""), str(len(highlights(r)[0]))]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{c}</th>" for c in INDEX_COLUMNS)
    return _INDEX.format(count=len(records), head=head, rows="\n".join(rows))


def write_review_set(records: Iterable[Campaign], folder: Union[str, os.PathLike]) -> Path:
    """Write ``folder/index.html`` and one page per record (``0001.html`` …); return the index."""
    records = list(records)
    if not records:
        raise UsageError("no records to review")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(records, 1):
        page = render_review(r, index_link="index.html", embed_font=False)
        (out / _page_name(i)).write_text(page, encoding="utf-8")
    index = out / "index.html"
    index.write_text(render_index(records), encoding="utf-8")
    return index
