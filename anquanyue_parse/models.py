"""The public data contract: pydantic models for a parsed notice.

Every extracted value carries a :class:`Span` into the text the user gave
(``Campaign.source_text``), so ``source_text[span.start:span.end]`` shows where
it came from. Consumers (database, analysis, review page) only read these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = [
    "STATUSES",
    "Status",
    "Span",
    "Period",
    "Deadline",
    "Contact",
    "Section",
    "Activity",
    "Attachment",
    "Issuer",
    "Campaign",
    "SourceText",
    "TextLine",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


#: How a value relates to its span (LangExtract's alignment status, docs/architecture.md):
#: ``exact`` the value is the source text there verbatim; ``normalized`` it was rewritten from
#: it (a date, a number, a doc number with its brackets fixed, a title with its line breaks
#: joined); ``inferred`` there is no direct span (the year from the theme).
Status = Literal["exact", "normalized", "inferred"]
STATUSES: tuple[str, ...] = ("exact", "normalized", "inferred")


class Span(_Model):
    """Half-open character interval ``[start, end)`` into ``Campaign.source_text``.

    ``page`` is the 1-based page number when the source format has pages (PDF, OFD, scans).
    A value read by OCR has ``ocr``, the engine's confidence (0-1, the lowest of the lines
    it covers), and ``box``, where it is on the page: (x0, top, x1, bottom) as shares of the
    page's width and height. Both are None for text from a text layer. ``status`` is how
    the value relates to the text here (see ``Status``); None in records written before it
    was kept.
    """

    start: int
    end: int
    page: Optional[int] = None
    box: Optional[tuple[float, float, float, float]] = None
    ocr: Optional[float] = None
    status: Optional[Status] = None


class Period(_Model):
    """The campaign period, e.g. ``6月1日至30日``; a bare month means the whole month."""

    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    text: str = ""
    span: Optional[Span] = None


class Deadline(_Model):
    """A reporting duty: ``5月30日前报送…`` or recurring ``每周三12:00前报送…``.

    ``recurrence`` for recurring duties: ``weekly:MON``..``weekly:SUN`` (每周三), ``monthly:N``
    (每月25日前), ``monthly:END`` (每月月底前) or ``daily`` (每日); the hour, if any, is in ``time``.
    ``analysis.deadline_calendar`` expands each over the campaign period.
    """

    date: Optional[dt.date] = None
    time: Optional[str] = None
    recurrence: Optional[str] = None
    action: str = ""
    text: str = ""
    span: Optional[Span] = None


class Contact(_Model):
    """A named contact person with the numbers and addresses given with them."""

    name: Optional[str] = None
    phones: list[str] = Field(default_factory=list)
    fax: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    address: Optional[str] = None
    postcode: Optional[str] = None
    organization: Optional[str] = None
    span: Optional[Span] = None


class Section(_Model):
    """A node of the document's numbered heading tree (一、 > （一） > 1. > （1））."""

    number: str
    level: int
    title: str
    span: Span
    children: list["Section"] = Field(default_factory=list)


class Activity(_Model):
    """An item of an activity-content section, with its numbered children."""

    number: Optional[str] = None
    title: str
    text: str = ""
    children: list["Activity"] = Field(default_factory=list)
    responsible: list[str] = Field(default_factory=list)
    dates: list[dt.date] = Field(default_factory=list)
    span: Optional[Span] = None


class Attachment(_Model):
    """A listed attachment (附件：1.… 2.…); ``index`` is None for a single unnumbered one."""

    index: Optional[int] = None
    title: str
    span: Optional[Span] = None


class Issuer(_Model):
    """One issuing body, e.g. of a joint notice ("应急管理部、国家矿山安全监察局联合印发")."""

    name: str
    span: Optional[Span] = None


#: The kinds of document ``Campaign.doc_kind`` takes (read from the title and shape).
DOC_KINDS = ("通知", "方案", "意见", "通报", "总结", "新闻", "other")


class Campaign(_Model):
    """The structured record of one notice or plan."""

    #: which campaign: "安全生产月", or a sibling in the same format ("消防宣传月", "网络安全宣传周" …)
    campaign: Optional[str] = None
    #: the 发文字号, e.g. "威工信发〔2024〕22号" (〔〕 brackets, no spaces)
    doc_number: Optional[str] = None
    #: the signing (lead) body; a bare plan's unit in its title, a news report's acting body
    issuer: Optional[str] = None
    #: every issuing body in reading order (a joint notice has several); ``issuer`` is the first
    issuers: list[Issuer] = Field(default_factory=list)
    #: 通知 / 方案 / 意见 / 通报 / 总结 / 新闻 / other (see ``DOC_KINDS``)
    doc_kind: Optional[str] = None
    #: the document's title, e.g. "关于开展2024年“安全生产月”活动的通知"
    title: Optional[str] = None
    #: the 主送 bodies, e.g. ["各区县应急管理局", "各有关单位"]
    recipients: list[str] = Field(default_factory=list)
    #: the 成文日期 (also 二〇二四年五月二十七日 in Chinese numerals)
    issue_date: Optional[dt.date] = None
    #: a web page's or newspaper's publication date (发布时间, 本报讯); never the 成文日期
    published: Optional[dt.date] = None
    #: the campaign year (from the title, theme or period; see ``inferred`` when guessed)
    year: Optional[int] = None
    #: N of 第N个 / 第N届 / 第N次 of the campaign, only when the text states it
    edition: Optional[int] = None
    #: the 活动主题, without quotes, e.g. "人人讲安全、个个会应急——畅通生命通道"
    theme: Optional[str] = None
    #: the main campaign period (start, end and the text it was read from)
    period: Optional[Period] = None
    #: reporting duties, dated (5月30日前报送) or recurring (每周三12:00前)
    deadlines: list[Deadline] = Field(default_factory=list)
    #: named contact people with their phones, fax, emails, address and postcode
    contacts: list[Contact] = Field(default_factory=list)
    #: the numbered heading tree (一、 > （一） > 1. > （1）)
    outline: list[Section] = Field(default_factory=list)
    #: the items of the activity sections, nested, with responsible units and dates
    activities: list[Activity] = Field(default_factory=list)
    #: the listed attachments (附件：1.… 2.…)
    attachments: list[Attachment] = Field(default_factory=list)
    #: other document numbers the text cites (根据…〔2024〕7号)
    references: list[str] = Field(default_factory=list)
    #: campaigns run beside the main one, e.g. 安全生产万里行
    companion_campaigns: list[str] = Field(default_factory=list)
    #: what the parser doubts (a field left empty, a low OCR confidence …)
    warnings: list[str] = Field(default_factory=list)
    #: 1-based pages whose text was read by OCR (a scanned page, a photo); empty for text layers
    ocr_pages: list[int] = Field(default_factory=list)
    #: spans of the scalar fields, keyed by field name (doc_number, issuer, theme, ...)
    spans: dict[str, Span] = Field(default_factory=dict)
    #: how a value was obtained when it was not read directly (e.g. year: "inferred from theme")
    inferred: dict[str, str] = Field(default_factory=dict)
    #: the text as loaded, which every span points into
    source_text: str = ""
    #: the file the record was read from, if any
    source_path: Optional[str] = None
    #: the format the content was read as (txt, pdf, docx, html, ofd, jpeg …)
    source_format: Optional[str] = None
    #: the parser version that made the record (a build re-parses when it changes)
    parser_version: str = ""

    def status(self, field: str) -> Optional[Status]:
        """How a scalar field was obtained: its span's status, ``inferred`` when it is listed in
        ``inferred``, None when it has no value or no span (or the record predates statuses)."""
        span = self.spans.get(field)
        if span is not None:
            return span.status
        return "inferred" if field in self.inferred else None

    def evidence(self, field: str) -> Optional[str]:
        """The source text a scalar field was read from, or None."""
        span = self.spans.get(field)
        if span is None:
            return None
        return self.source_text[span.start : span.end]


class TextLine(_Model):
    """A line read by OCR: ``text[start:end]`` of the SourceText, its 1-based page, its box on
    the page ((x0, top, x1, bottom) as shares of the page) and the engine's confidence."""

    start: int
    end: int
    page: int
    box: tuple[float, float, float, float]
    conf: float


class SourceText(_Model):
    """What every loader returns: the text plus where pages/paragraphs start.

    ``pages`` holds the character offset at which each page starts (empty for
    formats without pages); ``paragraphs`` likewise for paragraph starts where
    the format has them (docx, html).
    """

    text: str
    path: Optional[str] = None
    format: str = "txt"
    encoding: Optional[str] = None
    pages: list[int] = Field(default_factory=list)
    paragraphs: list[int] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # what the loader noticed (mixed encodings ...)
    #: the lines read by OCR, in text order (empty when every page has a text layer)
    lines: list[TextLine] = Field(default_factory=list)
    #: 1-based pages read by OCR
    ocr_pages: list[int] = Field(default_factory=list)
    _starts: Optional[list[int]] = PrivateAttr(default=None)

    def ocr_at(self, start: int, end: int) -> Optional[tuple[tuple[float, float, float, float], float]]:
        """The box and confidence of the OCR lines ``[start, end)`` covers on the page where it
        starts (their union, their lowest confidence), or None when no OCR line is there."""
        if not self.lines:
            return None
        import bisect

        i = max(0, bisect.bisect_right(self._line_starts(), start) - 1)
        hit = []
        for ln in self.lines[i:]:
            if ln.start >= max(end, start + 1):
                break
            if ln.end > start and (not hit or ln.page == hit[0].page):
                hit.append(ln)
        if not hit:
            return None
        box = (min(ln.box[0] for ln in hit), min(ln.box[1] for ln in hit),
               max(ln.box[2] for ln in hit), max(ln.box[3] for ln in hit))
        return box, min(ln.conf for ln in hit)

    def _line_starts(self) -> list[int]:
        if self._starts is None or len(self._starts) != len(self.lines):
            self._starts = [ln.start for ln in self.lines]
        return self._starts

    def page_of(self, offset: int) -> Optional[int]:
        """1-based page number holding ``offset``, or None without pages."""
        if not self.pages:
            return None
        import bisect

        return bisect.bisect_right(self.pages, offset) or 1


Section.model_rebuild()
Activity.model_rebuild()
