"""The ordered stages: load -> normalize -> segment -> extract -> assemble.

``parse_text`` never raises on bad text: whatever cannot be read becomes a warning.
"""

from __future__ import annotations

import os
from typing import Optional

from .extract import assemble
from .extract.base import Context
from .limits import Limits
from .loaders import load
from .models import Campaign, SourceText
from .normalize import normalize
from .segment import segment
from .version import __version__

__all__ = ["parse_text", "parse_file", "parse_source"]

#: Texts longer than this are cut before extraction (a warning says so); parsing stays linear.
MAX_TEXT = 2_000_000


def parse_source(source: SourceText) -> Campaign:
    """Parse a loaded :class:`SourceText` into a :class:`Campaign`."""
    text = source.text or ""
    warnings: list[str] = list(source.warnings)
    if len(text) > MAX_TEXT:
        warnings.append(f"text of {len(text):,} characters: only the first {MAX_TEXT:,} were read")
        source = source.model_copy(update={"text": text[:MAX_TEXT]})
    if not source.text.strip():
        record = Campaign(warnings=warnings + ["empty text: nothing to parse"])
    else:
        norm = normalize(source.text)
        ctx = Context(norm=norm, seg=segment(norm), source=source, warnings=warnings)
        record = assemble(ctx)
    record.source_text = text
    record.source_path = source.path
    record.source_format = source.format
    record.parser_version = __version__
    return record


def parse_text(text: str, path: Optional[str] = None) -> Campaign:
    """Parse the raw text of a notice.

    >>> parse_text("威工信发〔2024〕22号").doc_number
    '威工信发〔2024〕22号'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text expects str, got {type(text).__name__}")
    return parse_source(SourceText(text=text, path=path, format="txt"))


def parse_file(path: str | os.PathLike, limits: Optional[Limits] = None) -> Campaign:
    """Load a file of any supported format and parse it.

    Raises a typed :class:`~anquanyue_parse.errors.AnquanyueError` for files that
    cannot be read (``UnsupportedFormat``, ``NoTextLayer``, ``EncryptedDocument`` ...),
    ``TooLarge`` past one of ``limits`` (default: the ones in force, :mod:`.limits`).
    """
    return parse_source(load(path, limits))
