"""Issuer (发文机关) and issuers: the order in which the sources are asked.

The signature (``issuer_signature``), the head of the document (``issuer_title``: red header,
title prefix, joint header, organization line), a metadata label (``issuer_meta``), the unit a
bare plan's title starts with, and running text (``issuer_news``: the deciding sentence, joint
lists, a news report's subject). Names are checked and expanded in ``issuer_names``."""

from __future__ import annotations

from typing import Optional

import regex

from ..models import Issuer
from .base import Context
from .issuer_meta import meta_issuer
from .issuer_news import counted_joint, decided, joint_lists, news_issuer
from .issuer_signature import signature, signing_bodies
from .issuer_title import head_issuer, plan_unit, title_joint, title_lead
from .registry import Extractor, Found, read
from .title import HAN_GAP_PATTERN  # layout spacing inside a name: "合 肥 市 教 育 局"

__all__ = ["extract_issuer", "extract_issuers"]

#: A plan's title: the last words name a plan, e.g. "…活动方案", "…工作安排》".
PLAN_TITLE_PATTERN = regex.compile(r"(?:方案|计划|安排)[》”]?$")


def _is_news(ctx: Context) -> bool:
    """A news report by its shape: no numbered sections and no recipients line."""
    return not any(not n.plain for n in ctx.seg.roots) and not ctx.facts.recipients_at


def extract_issuer(ctx: Context, date_line: Optional[int]) -> Optional[tuple[int, int]]:
    """Match span of the issuer name, or None."""
    found = signature(ctx, date_line) or head_issuer(ctx) or meta_issuer(ctx, strong=True)
    if found:
        return found
    seg = ctx.seg
    plan = plan_unit(ctx)
    if plan and seg.title and PLAN_TITLE_PATTERN.search(ctx.text[seg.title[0]:seg.title[1]]):
        return plan
    if not _is_news(ctx):
        return decided(ctx) or counted_joint(ctx) or title_lead(ctx) or meta_issuer(ctx, strong=False) or plan
    return news_issuer(ctx) or plan or meta_issuer(ctx, strong=False)


def extract_issuers(ctx: Context, issuer: Optional[tuple[int, int]], date_line: Optional[int]) -> list[tuple[int, int]]:
    """Spans of every issuing body in reading order; the first is the lead issuer."""
    if issuer is None:
        return []
    block = signing_bodies(ctx, date_line)
    if len(block) > 1 and any(a <= issuer[0] < b for a, b in block):
        return block
    head = title_joint(ctx, issuer)
    if head:
        return head
    for parts in joint_lists(ctx, max(0, issuer[0] - 3), min(len(ctx.text), issuer[1] + 600)):
        if parts[0][0] <= issuer[0] + 1 and parts[0][1] >= issuer[1] - 1:
            return parts
    return [issuer]


def _read_name(ctx: Context, at: tuple[int, int]) -> Found:
    """The name as the text writes it, with its span: a letter-spaced header ("合 肥 市 教 育 局")
    names the same unit; pinyin residue after its last character ("全國總工會(huì)") is part of the
    copy (``Normalized.source_span`` and ``display_span`` reach over it)."""
    name = HAN_GAP_PATTERN.sub("", ctx.value(*at))
    return read(ctx, name, at)


def _run_issuer(ctx: Context) -> Optional[Found]:
    at = extract_issuer(ctx, ctx.facts.date_line)
    if not at:
        return None
    found = _read_name(ctx, at)
    ctx.facts.issuer, ctx.facts.issuer_at = found.value, at
    return found


def _issuer_found(ctx: Context, at: tuple[int, int]) -> Found:
    found = _read_name(ctx, at)
    return Found(Issuer(name=found.value, span=found.span), found.span, found.status)


def _run_issuers(ctx: Context) -> list[Found]:
    """Every issuing body in reading order, the issuer first."""
    f = ctx.facts
    if not f.issuer_at:
        return []
    out: dict[str, Found] = {}
    for at in extract_issuers(ctx, f.issuer_at, f.date_line):
        found = _issuer_found(ctx, at)
        if found.value.name and found.value.name not in out:
            out[found.value.name] = found
    items = list(out.values())
    if items and items[0].value.name != f.issuer:
        items.insert(0, _issuer_found(ctx, f.issuer_at))
    return items


EXTRACTORS = (
    Extractor("issuer", _run_issuer, needs=("issue_date", "recipients", "title")),
    Extractor("issuers", _run_issuers, needs=("issuer", "issue_date")),
)
