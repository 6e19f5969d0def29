"""A self-contained HTML review page: the notice's text with every extracted value highlighted
at its span, and the record beside it (click a value, the text scrolls to its highlight).

>>> from anquanyue_parse import parse_text
>>> page = render_review(parse_text("活动主题：人人讲安全、个个会应急"))
>>> '<mark id="m-f-theme"' in page
True
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional, Union

import regex

from .fields import RECORD_FIELDS
from .models import Activity, Campaign, Span

__all__ = ["Highlight", "highlights", "render_review", "write_review", "page_images"]

#: Fields shown in the record panel: the record's fields (fields.py), in model order.
REVIEW_FIELDS = RECORD_FIELDS

#: Chinese labels of the record's fields (the field name is the tooltip), one language on the page.
FIELD_LABELS = {
    "campaign": "活动名称", "doc_number": "发文字号", "issuer": "发文机关", "issuers": "联合发文机关",
    "doc_kind": "文种", "title": "标题", "issue_date": "成文日期", "published": "发布日期", "year": "年度",
    "edition": "届次", "theme": "活动主题", "period": "活动时间", "recipients": "主送机关",
    "references": "引用文号", "companion_campaigns": "同期活动", "inferred": "推断依据", "warnings": "提示",
    "source": "来源文件",
}
#: Labels of the list sections and of the highlights of their items.
KIND_LABELS = {"field": "字段", "deadline": "报送时限", "contact": "联系人", "activity": "活动", "attachment": "附件"}

#: A template placeholder, e.g. "{{TEXT}}".
PLACEHOLDER = regex.compile(r"\{\{([A-Z]+)\}\}")


@dataclass
class Highlight:
    """One extracted value's span; ``id`` links the marks in the text and the record entry."""

    id: str
    kind: str  # field, deadline, contact, activity, attachment
    label: str
    start: int
    end: int


def highlights(record: Campaign) -> tuple[list[Highlight], list[str]]:
    """Every span of the record (scalar fields and list items), and problems with bad spans."""
    found: list[tuple[str, str, str, Optional[Span]]] = []
    for name, span in record.spans.items():
        found.append((f"f-{name}", "field", FIELD_LABELS.get(name, name), span))
    if record.period and record.period.span and "period" not in record.spans:
        found.append(("f-period", "field", FIELD_LABELS["period"], record.period.span))
    kl = KIND_LABELS
    found += [(f"d-{i}", "deadline", f"{kl['deadline']} {i + 1}", d.span) for i, d in enumerate(record.deadlines)]
    found += [(f"c-{i}", "contact", f"{kl['contact']} {i + 1}", c.span) for i, c in enumerate(record.contacts)]
    found += [(_activity_id(path), "activity", f"{kl['activity']} {path}", a.span)
              for path, a in _activities(record.activities)]
    found += [(f"t-{i}", "attachment", f"{kl['attachment']} {i + 1}", a.span) for i, a in enumerate(record.attachments)]
    out, problems, n = [], [], len(record.source_text)
    for hid, kind, label, span in found:
        if span is None:
            continue
        if not 0 <= span.start < span.end <= n:
            problems.append(f"{label} ({hid}): span {span.start}-{span.end} is outside the text (0-{n})")
            continue
        out.append(Highlight(hid, kind, label + (f"（第{span.page}页）" if span.page else ""), span.start, span.end))
    return out, problems


def _activity_id(path: str) -> str:
    """"1.2" (second child of the first activity) -> "a-1_2": ids stay valid CSS identifiers."""
    return "a-" + path.replace(".", "_")


def _activities(items: list[Activity], prefix: str = "") -> list[tuple[str, Activity]]:
    out = []
    for i, act in enumerate(items, 1):
        path = f"{prefix}{i}"
        out.append((path, act))
        out += _activities(act.children, f"{path}.")
    return out


@dataclass
class _Open:
    hl: Highlight
    start: int
    end: int = -1
    first: bool = True


def _marked_text(text: str, hls: list[Highlight]) -> str:
    """The text as HTML with nested <mark> elements; a span crossing another is split into
    fragments (each with its own data-start/data-end), so every mark holds text[start:end]."""
    starts: dict[int, list[Highlight]] = {}
    for h in hls:
        starts.setdefault(h.start, []).append(h)
    bounds = sorted({h.start for h in hls} | {h.end for h in hls})
    tokens: list = []  # str pieces and _Open markers (rendered once their end is known)
    stack: list[_Open] = []
    seen: set[str] = set()
    pos = 0

    def open_(h: Highlight, at: int) -> None:
        frag = _Open(h, at, first=h.id not in seen)
        seen.add(h.id)
        tokens.append(frag)
        stack.append(frag)

    for b in bounds:
        tokens.append(_escape(text[pos:b]))
        pos = b
        ending = [i for i, f in enumerate(stack) if f.hl.end == b]
        if ending:
            keep = [f.hl for f in stack[ending[0]:] if f.hl.end != b]
            for f in reversed(stack[ending[0]:]):
                f.end = b
                tokens.append("</mark>")
            del stack[ending[0]:]
            for h in keep:  # spans that go on past b continue in a new fragment
                open_(h, b)
        for h in sorted(starts.get(b, ()), key=lambda h: (-h.end, h.id)):
            open_(h, b)
    tokens.append(_escape(text[pos:]))
    return "".join(_open_tag(t) if isinstance(t, _Open) else t for t in tokens)


def _open_tag(f: _Open) -> str:
    ident = f' id="m-{f.hl.id}"' if f.first else ""
    return (f'<mark{ident} class="hl k-{f.hl.kind}" data-field="{f.hl.id}" data-start="{f.start}" '
            f'data-end="{f.end}" title="{html.escape(f.hl.label)}">')


def _escape(text: str) -> str:
    # a CR would be folded into the next LF by the HTML parser: keep it as a character reference
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _value(v) -> str:
    if v is None or v == [] or v == {}:
        return "—"
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v))
    return str(v)


def _page(span: Optional[Span]) -> str:
    """The page a value was read from (PDF, OFD), shown beside it."""
    return f' <span class="page">第{span.page}页</span>' if span is not None and span.page else ""


#: The label of each span status (models.Status) on the review page, and what it means.
STATUS_LABELS = {
    "exact": ("原文", "exact: the value is the source text verbatim"),
    "normalized": ("规范化", "normalized: the value was rewritten from the source text (a date, a number, brackets)"),
    "inferred": ("推断", "inferred: no direct span in the source text"),
}


def _status(span: Optional[Span]) -> str:
    """A badge with the span's status (exact / normalized / inferred) beside a value."""
    if span is None or span.status not in STATUS_LABELS:
        return ""
    label, meaning = STATUS_LABELS[span.status]
    return f' <span class="status s-{span.status}" title="{meaning}">{label}</span>'


def _entry(hid: Optional[str], kind: str, body: str, span: Optional[Span] = None) -> str:
    target = f' data-target="{hid}"' if hid else ""
    note = "" if hid else ' <span class="nospan">（无原文位置）</span>'
    return f'<div class="item k-{kind}"{target}>{body}{_page(span)}{_status(span)}{note}</div>'


def _key(name: str) -> str:
    """A field's Chinese label with its field name as the tooltip."""
    return f'<td class="key" title="{html.escape(name)}">{html.escape(FIELD_LABELS.get(name, name))}</td>'


#: Width (pixels) of the page images shown beside an OCR record's values.
PAGE_IMAGE_WIDTH = 420


def _where(span: Optional[Span]) -> str:
    """"OCR 0.93" beside a value read by OCR (the engine's confidence)."""
    if span is None or span.ocr is None:
        return ""
    return f' <span class="ocr">OCR {span.ocr:.2f}</span>'


def page_images(source: Union[str, os.PathLike], record: Campaign) -> dict[int, str]:
    """Page number -> a small JPEG (data: URI) of each page of ``source`` read by OCR, for the
    review page's boxes; {} when the file cannot be drawn again."""
    import base64
    import io

    from .loaders import sniff_format

    try:
        data = Path(source).read_bytes()
        fmt = sniff_format(data, Path(source).suffix)
        if fmt == "pdf":
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(data)
            images = {}
            for n in record.ocr_pages:
                page = doc[n - 1]
                images[n] = page.render(scale=PAGE_IMAGE_WIDTH / page.get_width()).to_pil()
                page.close()
            doc.close()
        else:
            from .loaders.ocr import read_image_pages

            images = {i + 1: img for i, (img, _) in enumerate(read_image_pages(data)) if i + 1 in record.ocr_pages}
    except Exception:  # noqa: BLE001 - the page works without the images
        return {}
    out = {}
    for n, img in images.items():
        img = img.convert("RGB")
        img.thumbnail((PAGE_IMAGE_WIDTH, PAGE_IMAGE_WIDTH * 2))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=70)
        out[n] = "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return out


def _pages_panel(record: Campaign, images: dict[int, str], hls: list["Highlight"]) -> str:
    """Each OCR page image with a box over every value read there (click: select the value)."""
    spans = _span_by_id(record)
    parts = []
    for n, uri in sorted(images.items()):
        boxes = []
        for h in hls:
            span = spans.get(h.id)
            if span is None or span.box is None or span.page != n:
                continue
            x0, top, x1, bottom = span.box
            boxes.append(f'<div class="pagebox k-{h.kind}" data-target="{html.escape(h.id)}" title="{html.escape(h.label)}" '
                         f'style="left:{x0 * 100:.2f}%;top:{top * 100:.2f}%;width:{(x1 - x0) * 100:.2f}%;'
                         f'height:{(bottom - top) * 100:.2f}%"></div>')
        parts.append(f'<div class="ocrpage"><img alt="page {n}" src="{uri}">{"".join(boxes)}</div>')
    return f"<h2>OCR 页面（{len(parts)}）</h2>" + "".join(parts) if parts else ""


def _span_by_id(r: Campaign) -> dict[str, Span]:
    out = {f"f-{k}": v for k, v in r.spans.items()}
    out.update({f"d-{i}": d.span for i, d in enumerate(r.deadlines) if d.span})
    out.update({f"c-{i}": c.span for i, c in enumerate(r.contacts) if c.span})
    out.update({_activity_id(p): a.span for p, a in _activities(r.activities) if a.span})
    out.update({f"t-{i}": a.span for i, a in enumerate(r.attachments) if a.span})
    return out


def _record_panel(r: Campaign, ids: set[str]) -> str:
    e = html.escape
    rows = []
    names = list(REVIEW_FIELDS) + [k for k in r.spans if k not in REVIEW_FIELDS]
    for name in names:
        value = getattr(r, name, None)
        span = r.spans.get(name)
        if value and isinstance(value, list) and hasattr(value[0], "name"):  # issuers: their names
            value = [i.name for i in value]
        if name == "period" and r.period:
            value = f"{r.period.start} – {r.period.end}" + (f"（{r.period.text}）" if r.period.text else "")
            span = span or r.period.span
        hid = f"f-{name}" if f"f-{name}" in ids else None
        inferred = (f' <span class="status s-inferred" title="{STATUS_LABELS["inferred"][1]}">推断</span>'
                    f'<span class="nospan">：{e(r.inferred[name])}</span>') if name in r.inferred else ""
        attr = f' class="k-field item" data-target="{hid}"' if hid else ""
        rows.append(f'<tr{attr}>{_key(name)}<td>{e(_value(value))}{_page(span)}{_where(span)}{_status(span)}'
                    f'{inferred}</td></tr>')
    parts = [f"<h2>{KIND_LABELS['field']}</h2><table>{''.join(rows)}</table>"]

    def section(kind: str, items: list[str]) -> None:
        parts.append(f'<h2 title="{kind}s">{KIND_LABELS[kind]}（{len(items)}）</h2>'
                     + ("".join(items) or '<div class="nospan">无</div>'))

    def hid_of(prefix: str, key) -> Optional[str]:
        return f"{prefix}-{key}" if f"{prefix}-{key}" in ids else None

    section("deadline", [_entry(hid_of("d", i), "deadline", e(
        f"{d.date or d.recurrence or '?'}{' ' + d.time if d.time else ''}：{d.action or d.text}"), d.span)
        for i, d in enumerate(r.deadlines)])
    section("contact", [_entry(hid_of("c", i), "contact", e(" ".join(filter(None, [
        c.name, c.organization, _value(c.phones), _value(c.emails) if c.emails else "", c.address or ""]))), c.span)
        for i, c in enumerate(r.contacts)])
    acts = _activities(r.activities)
    section("activity", [_entry(_activity_id(p) if _activity_id(p) in ids else None, "activity", e(
        f"{'　' * p.count('.')}{a.number or ''} {a.title}" + (f"（{_value(a.responsible)}）" if a.responsible else "")),
        a.span) for p, a in acts])
    section("attachment", [_entry(hid_of("t", i), "attachment", e(f"{a.index or ''} {a.title}"), a.span)
                           for i, a in enumerate(r.attachments)])
    other = {"recipients": r.recipients, "references": r.references, "companion_campaigns": r.companion_campaigns,
             "inferred": [f"{k}: {v}" for k, v in r.inferred.items()], "warnings": r.warnings,
             "source": f"{r.source_path or ''} ({r.source_format or '?'}, parser {r.parser_version or '?'})"}
    shown = set(names)  # a value with a span (recipients …) is in the table above: not twice
    parts.append("<h2>其他</h2><table>" + "".join(
        f"<tr>{_key(k)}<td>{e(_value(v))}</td></tr>" for k, v in other.items() if k not in shown) + "</table>")
    return "\n".join(parts)


def render_review(record: Campaign, title: Optional[str] = None, *, index_link: Optional[str] = None,
                  embed_font: bool = True, pages: Optional[dict[int, str]] = None) -> str:
    """The review page of one record as an HTML string. ``index_link``: a link back to the
    index of a set (``review_set``); ``embed_font``: embed the packaged CJK font's subset;
    ``pages`` (page number -> image URI, see :func:`page_images`): the OCR pages with a box
    over each value read there."""
    hls, problems = highlights(record)
    name = title or record.title or (Path(record.source_path).name if record.source_path else "notice")
    header = html.escape(f"{name} — 已标注 {len(hls)} 处")
    if problems:
        header += " — " + html.escape("; ".join(problems))
    if index_link:
        header = f'<a href="{html.escape(index_link)}" style="color:#fff">← 列表</a>　' + header
    record_json = record.model_dump_json(indent=1, exclude={"source_text"})
    values = {
        "TITLE": html.escape(f"review: {name}"),
        "HEADER": header,
        "TEXT": _marked_text(record.source_text, hls),
        "RECORD": _record_panel(record, {h.id for h in hls}) + _pages_panel(record, pages or {}, hls),
        "JSON": html.escape(record_json, quote=False),
        "FONT": "",
    }
    template = resources.files("anquanyue_parse").joinpath("data/review.html").read_text("utf-8")
    page = PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
    if not embed_font:
        return page
    values["FONT"] = _font_face(html.unescape(page))  # every character the page can show
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def _font_face(text: str) -> str:
    """An @font-face with the packaged CJK font cut to the page's characters (a data: URL), so
    the page shows Chinese on a machine without a CJK font; empty without the analysis extra."""
    import base64

    from .fonts import EMBEDDED_FAMILY, subset_cjk_font

    font = subset_cjk_font("".join(ch for ch in set(text) if ord(ch) > 0x2000))
    if font is None:
        return ""
    data = base64.b64encode(font).decode("ascii")
    return f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; src: url(data:font/otf;base64,{data}) format("opentype"); }}'


def write_review(source: Union[str, os.PathLike, Campaign], output: Union[str, os.PathLike] = "review.html") -> Path:
    """Parse ``source`` (a file of any supported format) or take a record, and write its page."""
    from .pipeline import parse_file

    record = source if isinstance(source, Campaign) else parse_file(source)
    pages = page_images(source, record) if record.ocr_pages and not isinstance(source, Campaign) else {}
    out = Path(output)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True)
    out.write_text(render_review(record, pages=pages), encoding="utf-8")
    return out
