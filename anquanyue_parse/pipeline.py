"""The ordered stages: load -> normalize -> segment -> extract -> assemble.

``parse_text`` never raises on bad text: whatever cannot be read becomes a warning.
"""

from __future__ import annotations

import os
from typing import BinaryIO, Optional, Union

from .extract import assemble
from .extract.base import Context
from .limits import Limits
from .errors import UsageError
from .loaders import load, load_bytes
from .loaders.stream import fetch_url, is_http_url, read_stream
from .models import Campaign, SourceText
from .normalize import normalize
from .paths import printable_path
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


#: What parse_file reads: a path, the file's bytes, or a binary (or text) file object.
FileLike = Union[str, os.PathLike, bytes, bytearray, BinaryIO]


def parse_file(path: Optional[FileLike] = None, limits: Optional[Limits] = None, *,
               file: Optional[FileLike] = None, name: Optional[str] = None) -> Campaign:
    """Load a file of any supported format and parse it.

    ``path``: a local path, an ``http(s)://`` URL (fetched within ``limits.file_mb`` and
    ``loaders.stream.FETCH_TIMEOUT``), the file's bytes or a file object (also as ``file=``).
    ``name`` names bytes or a file object (its suffix is a hint; the content decides the
    format) and becomes ``source_path``; a file object's own ``name`` is used otherwise.

    >>> parse_file(file=b"\xe5\x90\x95\xe5\xb7\x9e", name="note.txt").source_path   # doctest: +SKIP
    'note.txt'

    Raises a typed :class:`~anquanyue_parse.errors.AnquanyueError` for files that
    cannot be read (``UnsupportedFormat``, ``NoTextLayer``, ``EncryptedDocument`` ...),
    ``TooLarge`` past one of ``limits`` (default: the ones in force, :mod:`.limits`).
    """
    if (path is None) == (file is None):
        raise UsageError("give parse_file either a path or file=… (bytes or a file object)")
    source = _load_any(path if file is None else file, limits, name)
    return parse_source(source)


def _load_any(src: FileLike, limits: Optional[Limits], name: Optional[str]) -> SourceText:
    if isinstance(src, (bytes, bytearray, memoryview)):
        data, shown = bytes(src), name or ""
    elif hasattr(src, "read"):
        data, shown = read_stream(src, name, limits)
    elif is_http_url(os.fspath(src)):
        url = os.fspath(src)
        data, hint = fetch_url(url, limits)
        source = load_bytes(data, name or hint, limits)
        return source.model_copy(update={"path": url})
    else:
        source = load(src, limits)  # the OS name (bytes that are not UTF-8 kept) to open
        return source.model_copy(update={"path": printable_path(name or src)})
    source = load_bytes(data, printable_path(shown) if shown else "", limits)
    return source.model_copy(update={"path": printable_path(shown) if shown else None})
