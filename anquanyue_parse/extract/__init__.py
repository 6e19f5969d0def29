"""Stage 4+5: run the registered field extractors in dependency order and assemble the
:class:`Campaign`.

Every module of this package may end with ``EXTRACTORS``, a tuple of
:class:`~.registry.Extractor`; they are collected here at import (in module-name order) and
ordered by what each needs (:func:`~.registry.dependency_order`, which refuses a missing or
cyclic need). :func:`assemble` runs them and puts each :class:`~.registry.Found` into the
record field of the same name, its span into ``spans`` with its status, and the ``how`` of an
inferred value into ``inferred``.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..models import Campaign
from .base import Context
from .ocr_notes import note_ocr
from .registry import Extractor, Result, dependency_order

__all__ = ["assemble", "EXTRACTORS", "ORDER"]


def _collect() -> tuple[Extractor, ...]:
    """The ``EXTRACTORS`` of every module of this package, in module-name order."""
    found: list[Extractor] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "EXTRACTORS", ()))
    return tuple(found)


#: Every registered extractor, as the field modules declare them.
EXTRACTORS: tuple[Extractor, ...] = _collect()
#: The order assemble runs them in: each after all it needs.
ORDER: tuple[Extractor, ...] = dependency_order(EXTRACTORS)


def assemble(ctx: Context, order: tuple[Extractor, ...] = ORDER,
             record: type[Campaign] = Campaign) -> Campaign:
    """Run ``order`` (default: the registry) over ``ctx`` into a new ``record``."""
    rec = record()
    for extractor in order:
        result = extractor.run(ctx)
        if extractor.target is not None and result is not None:
            _put(rec, extractor.target, result)
    _warn_missing(ctx, rec)
    note_ocr(ctx, rec)
    rec.warnings = ctx.warnings
    return rec


def _put(rec: Campaign, name: str, result: Result) -> None:
    """One extractor's result into the record: the value, its span with its status."""
    if isinstance(result, list):
        for item in result:
            if item.span is not None:
                item.span.status = item.status
        setattr(rec, name, [item.value for item in result])
        return
    setattr(rec, name, result.value)
    if result.span is not None:
        result.span.status = result.status
        rec.spans[name] = result.span
    if result.status == "inferred":
        rec.inferred[name] = result.how


def _warn_missing(ctx: Context, rec: Campaign) -> None:
    if not any([rec.title, rec.theme, rec.doc_number, rec.activities, rec.period, rec.deadlines]):
        ctx.warn("this text does not look like a campaign notice: no title, theme, period, "
                 "deadline or activity list was found")
        return
    if rec.theme is None:
        ctx.warn("no theme (活动主题) found")
    if rec.year is None:
        ctx.warn("no campaign year found")
    if rec.period is None:
        ctx.warn("no campaign period (活动时间) found")
