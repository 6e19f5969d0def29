"""Values read by OCR: the record lists the OCR pages and warns about values the engine was
unsure of (their span's ``ocr`` confidence below :data:`LOW_VALUE_CONFIDENCE`)."""

from __future__ import annotations

from ..models import Campaign, Span
from .base import Context

__all__ = ["note_ocr", "LOW_VALUE_CONFIDENCE"]

#: A value whose text the engine read with less confidence than this gets a warning.
LOW_VALUE_CONFIDENCE = 0.85


def _spans(rec: Campaign) -> list[tuple[str, Span]]:
    out = list(rec.spans.items())
    out += [(f"deadline {i + 1}", d.span) for i, d in enumerate(rec.deadlines) if d.span]
    out += [(f"contact {i + 1}", c.span) for i, c in enumerate(rec.contacts) if c.span]
    out += [(f"activity {i + 1}", a.span) for i, a in enumerate(rec.activities) if a.span]
    return out


def note_ocr(ctx: Context, rec: Campaign) -> None:
    """Copy the OCR pages to the record and warn about each value read with low confidence."""
    rec.ocr_pages = list(ctx.source.ocr_pages)
    if not rec.ocr_pages:
        return
    for name, span in _spans(rec):
        if span.ocr is not None and span.ocr < LOW_VALUE_CONFIDENCE:
            ctx.warn(f"{name} was read by OCR with low confidence ({span.ocr:.2f}, page {span.page}): check it")
