"""Resource limits for reading untrusted files, each a named setting with a default.

>>> from anquanyue_parse import Limits, parse_file
>>> parse_file("big.pdf", limits=Limits(pdf_pages=500))           # doctest: +SKIP
>>> with use_limits(Limits(format_mb={"html": 50})):              # doctest: +SKIP
...     parse_file("page.html")

Every limit is checked before the expensive step it guards: the file type and size from
``fstat`` before a byte is read, a zip's directory before a member is inflated, an HTML
tree's depth before it is walked, the PDF page count before a page is laid out. Going
over one raises :class:`~anquanyue_parse.errors.TooLarge` naming the setting to change.
On the command line: ``--limit NAME=VALUE`` (``--limit pdf_pages=500``,
``--limit format_mb.html=50``) on ``parse``, ``review`` and ``build``.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Iterator, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import TooLarge
from . import formats

__all__ = ["Limits", "get_limits", "use_limits", "parse_limit_options", "too_large"]

class Limits(BaseModel):
    """What one file may cost. Sizes in MB (2**20 bytes), times in seconds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file_mb: float = Field(100.0, gt=0, description="largest file of any format, checked before reading")
    format_mb: dict[str, float] = Field(default_factory=dict,
                                        description="per-format largest file, over the format registry's max_mb")
    zip_total_mb: float = Field(200.0, gt=0, description="sum of a zip's uncompressed members (docx, odt)")
    zip_member_mb: float = Field(100.0, gt=0, description="one uncompressed zip member")
    zip_ratio: float = Field(100.0, gt=0, description="uncompressed/compressed size of a member over 1 MB")
    zip_members: int = Field(10_000, gt=0, description="members in one zip")
    html_depth: int = Field(256, gt=0, description="element nesting of a web page")
    html_nodes: int = Field(500_000, gt=0, description="elements and text nodes of a web page")
    pdf_pages: int = Field(100, gt=0, description="pages of a PDF")
    soffice_seconds: float = Field(60.0, gt=0, description="one LibreOffice conversion (.doc/.wps/.rtf/.odt)")
    task_seconds: float = Field(120.0, gt=0, description="one file in a build worker (wall clock)")
    task_memory_mb: float = Field(2048.0, gt=0, description="a build worker's resident memory")

    def max_bytes(self, fmt: Optional[str] = None) -> int:
        """The largest file of format ``fmt`` (any format when None), in bytes."""
        if fmt is None:
            mb = self.file_mb
        else:
            row = formats.get(fmt)
            default = row.max_mb if row is not None and row.max_mb is not None else self.file_mb
            mb = self.format_mb.get(fmt, default)
        return int(mb * (1 << 20))

    def override(self, **changes) -> "Limits":
        """A copy with ``changes``; ``format_mb`` entries are merged, not replaced."""
        if "format_mb" in changes:
            changes["format_mb"] = {**self.format_mb, **changes["format_mb"]}
            # a format allowed past file_mb raises the cap checked before the format is known
            changes.setdefault("file_mb", max(self.file_mb, *changes["format_mb"].values()))
        return Limits.model_validate({**self.model_dump(), **changes})


_current: contextvars.ContextVar[Limits] = contextvars.ContextVar("anquanyue_limits", default=Limits())


def get_limits(limits: Optional[Limits] = None) -> Limits:
    """``limits`` if given, else the ones in force (``use_limits``), else the defaults."""
    return limits if limits is not None else _current.get()


@contextlib.contextmanager
def use_limits(limits: Optional[Limits]) -> Iterator[Limits]:
    """Make ``limits`` the ones in force inside the block (None: keep the current ones)."""
    if limits is None:
        yield _current.get()
        return
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)


def too_large(what: str, value: float, setting: str, limit: float, path: Optional[str]) -> TooLarge:
    """The error for ``what`` (``value``) over ``setting`` (``limit``), saying how to raise it."""
    return TooLarge(f"{what} is {value:,.0f}, over the limit {setting}={limit:,.0f} "
                    f"(raise it with --limit {setting}=N)", path)


def parse_limit_options(options: list[str], base: Optional[Limits] = None) -> Limits:
    """``["pdf_pages=500", "format_mb.html=50"]`` (CLI ``--limit``) applied to ``base``.

    Raises ValueError with a one-line message for an unknown name or a bad value.
    """
    base = base or Limits()
    changes: dict = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep:
            raise ValueError(f"--limit {option!r}: write NAME=VALUE, e.g. pdf_pages=500")
        if name.startswith("format_mb."):
            changes.setdefault("format_mb", {})[name.split(".", 1)[1]] = float(value)
        elif name in Limits.model_fields and name != "format_mb":
            changes[name] = value
        else:
            known = ", ".join(n for n in Limits.model_fields if n != "format_mb")
            raise ValueError(f"--limit {name!r}: unknown limit (known: {known}, format_mb.FORMAT)")
    try:
        return base.override(**changes)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ValueError(f"--limit {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
