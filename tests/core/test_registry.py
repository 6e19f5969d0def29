"""The extractor registry (issue 8): declared needs, the checked order, one result type, the
span status, and a field added by registering one extractor."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest
import regex

from anquanyue_parse import parse_text
from anquanyue_parse.extract import EXTRACTORS, ORDER, assemble
from anquanyue_parse.extract.base import Context
from anquanyue_parse.extract.registry import Extractor, Found, RegistryError, dependency_order, read
from anquanyue_parse.models import STATUSES, Campaign
from anquanyue_parse.normalize import normalize
from anquanyue_parse.segment import segment
from anquanyue_parse.models import SourceText

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

NOTICE = """关于开展2024年“安全生产月”活动的通知

各科室：
    今年6月是第23个全国“安全生产月”，主题为“人人讲安全、个个会应急——畅通生命通道”。
活动口号：安全第一，预防为主
一、活动时间
    2024年6月1日至30日。

威海市工业和信息化局
2024年5月20日
"""


def _context(text: str) -> Context:
    norm = normalize(text)
    return Context(norm=norm, seg=segment(norm), source=SourceText(text=text))


def _nothing(ctx: Context) -> None:
    return None


# --- the order ---------------------------------------------------------------------------

def test_every_extractor_runs_after_what_it_needs():
    seen: set[str] = set()
    for ex in ORDER:
        assert set(ex.needs) <= seen, ex.name
        seen.add(ex.name)
    assert {e.name for e in ORDER} == {e.name for e in EXTRACTORS}


def test_a_need_nobody_produces_is_refused():
    with pytest.raises(RegistryError, match="needs weather"):
        dependency_order(EXTRACTORS + (Extractor("mood", _nothing, needs=("weather",)),))


def test_a_cycle_is_refused():
    loop = (Extractor("a", _nothing, needs=("b",)), Extractor("b", _nothing, needs=("a",)))
    with pytest.raises(RegistryError, match="cycle: a, b"):
        dependency_order(loop)


def test_two_extractors_of_one_name_are_refused():
    with pytest.raises(RegistryError, match="two extractors are named 'title'"):
        dependency_order(EXTRACTORS + (Extractor("title", _nothing),))


def test_ties_keep_the_given_order():
    a, b, c = Extractor("a", _nothing), Extractor("b", _nothing, needs=("c",)), Extractor("c", _nothing)
    assert [e.name for e in dependency_order((a, b, c))] == ["a", "c", "b"]


def test_another_valid_order_gives_the_same_records():
    """An extractor that reads a fact it does not declare in ``needs`` changes the record
    when the order changes: run the registry reversed (still a valid order) over the corpus."""
    other = dependency_order(tuple(reversed(EXTRACTORS)))
    assert [e.name for e in other] != [e.name for e in ORDER]
    paths = sorted(CORPUS.rglob("*.txt"))[::3]
    assert len(paths) > 100
    for path in paths:
        text = path.read_text("utf-8")
        ours, theirs = assemble(_context(text)), assemble(_context(text), other)
        # warnings of unrelated extractors may come in another order
        ours.warnings, theirs.warnings = sorted(ours.warnings), sorted(theirs.warnings)
        assert ours == theirs, path.name


# --- the status --------------------------------------------------------------------------

def test_statuses_follow_the_source_text():
    rec = parse_text(NOTICE)
    assert rec.status("theme") == "exact" and rec.evidence("theme") == rec.theme
    assert rec.status("issue_date") == "normalized" and rec.evidence("issue_date") == "2024年5月20日"
    assert rec.status("edition") == "normalized"  # "第23个" -> 23
    assert rec.status("year") == "exact"          # "2024" in the title
    assert rec.period.span.status == "normalized"
    assert rec.status("doc_kind") == "inferred" and "doc_kind" in rec.inferred
    assert rec.status("doc_number") is None       # no value, no status


def test_an_inferred_year_has_no_span_and_says_how():
    rec = parse_text("今年6月是第23个全国“安全生产月”，各单位要认真组织。")
    assert rec.year == 2024 and "year" not in rec.spans
    assert rec.status("year") == "inferred" and rec.inferred["year"]


def test_old_json_without_statuses_still_reads():
    rec = parse_text(NOTICE)
    data = rec.model_dump(mode="json")
    for span in data["spans"].values():
        del span["status"]
    old = Campaign.model_validate(data)
    assert old.spans["theme"].status is None and old.theme == rec.theme


def _spans(rec: Campaign):
    yield from rec.spans.values()
    stack = [*rec.deadlines, *rec.contacts, *rec.outline, *rec.activities, *rec.attachments, *rec.issuers]
    while stack:
        item = stack.pop()
        if item.span is not None:
            yield item.span
        stack.extend(getattr(item, "children", ()))


def test_every_span_of_the_corpus_has_a_status_and_exact_means_verbatim():
    for path in sorted(CORPUS.rglob("*.txt"))[::4]:
        rec = parse_text(path.read_text("utf-8"))
        assert all(span.status in STATUSES for span in _spans(rec)), path.name
        for name, span in rec.spans.items():
            if span.status == "exact":
                assert str(getattr(rec, name)) == rec.evidence(name), (path.name, name)
        # inferred <=> listed in ``inferred`` (with how), and then no span of its own
        for name in rec.inferred:
            assert rec.status(name) == "inferred" and name not in rec.spans, (path.name, name)
        assert all(span.status != "inferred" for span in rec.spans.values()), path.name


# --- a new field is one extractor (and the model) -----------------------------------------

#: The notice's slogan: "活动口号：安全第一，预防为主".
SLOGAN_PATTERN = regex.compile(r"口号[:：]\s*(?P<v>[^\n。]+)")


class WithSlogan(Campaign):
    """The model with the new fields (in the library: a field on ``Campaign``)."""

    slogan: Optional[str] = None
    weekday: Optional[int] = None


def _run_slogan(ctx: Context) -> Optional[Found]:
    m = SLOGAN_PATTERN.search(ctx.text)
    return read(ctx, ctx.value(*m.span("v")), m.span("v")) if m else None


def _run_weekday(ctx: Context) -> Optional[Found]:
    date = ctx.facts.issue_date
    return Found(date.isoweekday(), None, "inferred", "from the issue date") if date else None


def test_a_registered_extractor_fills_its_field():
    extra = (Extractor("slogan", _run_slogan), Extractor("weekday", _run_weekday, needs=("issue_date",)))
    rec = assemble(_context(NOTICE), dependency_order(EXTRACTORS + extra), record=WithSlogan)
    rec.source_text = NOTICE  # what parse_source adds
    assert rec.slogan == "安全第一，预防为主" and rec.evidence("slogan") == rec.slogan
    assert rec.status("slogan") == "exact"
    assert rec.weekday == 1 and rec.inferred["weekday"] == "from the issue date"  # 2024-05-20, a Monday
    plain = parse_text(NOTICE)
    assert (rec.title, rec.theme, rec.issue_date, rec.period) == (plain.title, plain.theme, plain.issue_date, plain.period)
