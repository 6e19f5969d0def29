"""Stage 4+5: run the field extractors in order and assemble the :class:`Campaign`.

Order matters: the year is needed to date "5月30日前"; the title and headings decide
which companion campaigns count.
"""

from __future__ import annotations

import regex

from ..campaigns import profile
from ..models import Campaign, Issuer, Period
from ..themes import year_of_theme
from .activities import extract_activities, extract_outline
from .attachments import extract_attachments
from .campaign import campaign_core, extract_campaign
from .base import Context
from .companions import extract_companions
from .contacts import extract_contacts
from .dates import NUMERIC_DATE_PATTERN, extract_issue_date
from .deadlines import extract_deadlines
from .doc_kind import extract_doc_kind
from .published import extract_published
from .docnumber import extract_doc_numbers, normalize_doc_number
from .issuer import extract_issuer, extract_issuers
from .period import extract_period
from .theme import extract_theme
from .title import extract_recipients, extract_title
from .year import YEAR_PLACEHOLDER_PATTERN, extract_edition, extract_year, first_year_of

__all__ = ["assemble"]

#: White space between two Han characters: layout spacing inside a name.
HAN_GAP_PATTERN = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")


def assemble(ctx: Context) -> Campaign:
    rec = Campaign()
    spans = rec.spans

    def put(field: str, span, value=None):
        if span is None:
            return None
        s, e = span
        spans[field] = ctx.span(s, e)
        return ctx.value(s, e) if value is None else value

    title = extract_title(ctx)
    if title:
        rec.title = put("title", title[:2], title[2])
    rec.recipients, rspan = extract_recipients(ctx)
    ctx.facts["recipients_span"] = rspan
    put("recipients", rspan, rec.recipients)

    found = extract_campaign(ctx, title[:2] if title else None)
    if found:
        rec.campaign = put("campaign", found[1], found[0])

    own, refs = extract_doc_numbers(ctx)
    if own:
        rec.doc_number = normalize_doc_number(put("doc_number", own))
    rec.references = list(dict.fromkeys(normalize_doc_number(ctx.value(*r)) for r in refs))
    if rec.doc_number in rec.references:
        rec.references.remove(rec.doc_number)

    edition = extract_edition(ctx, rec.campaign, campaign_core)
    if edition:
        rec.edition = put("edition", edition[1], edition[0])
    year, yspan, how = extract_year(ctx, title[:2] if title else None, rec.edition, rec.campaign)
    issue_date, dspan, date_line = None, None, None
    ctx.facts["year_hint"] = year
    issue_date, dspan, date_line = extract_issue_date(ctx)
    rec.issue_date = put("issue_date", dspan, issue_date)
    published = extract_published(ctx)
    if published:
        rec.published = put("published", published[1], published[0])

    theme = extract_theme(ctx)
    if theme:
        rec.theme = put("theme", theme)

    if year is None and issue_date is not None:
        year, how = issue_date.year, "from the issue date"
    if year is None:
        stamp = NUMERIC_DATE_PATTERN.search(ctx.text)
        if stamp:
            year, how = int(stamp.group("y")), "from the page's date stamp"
    themed = profile(rec.campaign)  # a campaign with national themes (安全生产月)
    if year is None and rec.theme and themed and themed.themes_file \
            and not YEAR_PLACEHOLDER_PATTERN.search(ctx.text):
        year = year_of_theme(rec.theme)
        if year:
            how = "from the theme (the national theme of that year)"
    rec.year = year
    if yspan:
        put("year", yspan, year)
    if how and year:
        rec.inferred["year"] = how
    ctx.facts["year"] = year
    first = first_year_of(rec.campaign)
    if rec.edition and year and first and rec.edition != year - (first - 1):
        ctx.warn(f"the text says this is the {rec.edition}th campaign, but {year} would be the "
                 f"{year - (first - 1)}th (first was {first})")

    known = profile(rec.campaign)
    single_day = known.single_day if known else bool(rec.campaign and rec.campaign.endswith("日"))
    period = extract_period(ctx, year, single_day=single_day)
    if period:
        (start, end), pspan = period
        rec.period = Period(start=start, end=end, text=ctx.value(*pspan), span=ctx.span(*pspan))
        put("period", pspan, rec.period)

    rec.deadlines = extract_deadlines(ctx, year, rec.period.start.month if rec.period and rec.period.start else None)
    rec.contacts = extract_contacts(ctx)
    rec.outline = extract_outline(ctx)
    rec.activities = extract_activities(ctx)
    rec.attachments = extract_attachments(ctx)

    issuer = extract_issuer(ctx, date_line)
    if issuer:
        # a letter-spaced header ("合 肥 市 教 育 局") names the same unit
        rec.issuer = put("issuer", issuer, HAN_GAP_PATTERN.sub("", ctx.value(*issuer)))
        for s, e in extract_issuers(ctx, issuer, date_line):
            name = rec.issuer if (s, e) == issuer else HAN_GAP_PATTERN.sub("", ctx.value(s, e))
            if name and name not in [i.name for i in rec.issuers]:
                rec.issuers.append(Issuer(name=name, span=ctx.span(s, e)))
        if rec.issuers and rec.issuers[0].name != rec.issuer:
            rec.issuers.insert(0, Issuer(name=rec.issuer, span=spans["issuer"]))
        _trim_signature(rec, ctx.norm.source)

    strong = []
    if title:
        strong.append(title[:2])
    strong += [(n.start, n.title_end) for n in ctx.seg.nodes()]
    bodies = ctx.seg.attachment_bodies
    body_end = ctx.seg.lines[bodies[0]].start if bodies else len(ctx.text)
    rec.companion_campaigns = list(dict.fromkeys(ctx.value(*s) for s in extract_companions(ctx, strong, body_end)))

    rec.doc_kind = extract_doc_kind(ctx, rec.title)

    _warn_missing(ctx, rec)
    rec.warnings = ctx.warnings
    return rec


def _trim_signature(rec: Campaign, source: str) -> None:
    """An attachment title that runs into the signature ("…统计表华岳电力…办公室"), as in a
    document flattened to one line: cut the issuer off."""
    issuer = rec.issuer or ""
    for a in rec.attachments:
        if len(a.title) > len(issuer) + 2 and a.title.endswith(issuer):
            a.title = a.title[: -len(issuer)].rstrip()
            if a.span is not None:
                cut = source.rfind(issuer, a.span.start, a.span.end)
                if cut > a.span.start:
                    a.span.end = cut


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
