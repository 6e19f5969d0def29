"""The one format registry: every file type we read or recognize, one row each.

Sniffing (:mod:`.loaders.sniff`), loading (:mod:`.loaders`), the archive walk
(:mod:`.inputs`), the evaluation's gold pairing and the size limits all read this table,
so adding a format is one :class:`Format` row (plus its loader module); a caller may :func:`register` its own.

>>> by_suffix(".htm").name
'html'
>>> get("png").hint
'an image: run OCR first'

Pure data: this module imports nothing from the package, so any stage may use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

__all__ = ["Format", "FORMATS", "register", "unregister", "get", "by_suffix", "readable", "notice_suffixes",
           "is_notice_suffix", "magic_signatures"]

#: When the content alone names no format: "always" = a file with one of the format's
#: suffixes is of that format; "if-binary" = only when its first bytes are not text (a
#: damaged file of the named type, its loader says so); None = only the content decides.
SuffixRule = Literal["always", "if-binary"]

#: The hint for images, archives, spreadsheets and presentations (recognized, not read).
IMAGE_HINT = "an image: run OCR first"
ARCHIVE_HINT = "an archive: unpack it first"


@dataclass(frozen=True)
class Format:
    """One file type.

    ``loader``: ``"module:function"``, the module under :mod:`anquanyue_parse.loaders` (or a
    full dotted name for a caller's own loader), None for a type we
    recognize only to name it in the error (with ``hint``). ``magic``: signatures at offset 0
    (formats told apart by structure, such as zip or OLE2 kinds, are sniffed by code).
    ``max_mb``: the default largest file (None: ``Limits.file_mb``)."""

    name: str
    suffixes: tuple[str, ...] = ()
    loader: Optional[str] = None
    magic: tuple[bytes, ...] = ()
    empty_is_corrupt: bool = False
    zip_container: bool = False
    suffix_rule: Optional[SuffixRule] = None
    max_mb: Optional[float] = None
    hint: str = ""


#: Every format, readable ones first. A notice is a few hundred KB; the size defaults leave
#: room for pages with images inline and for long compilations (~10 s / 500 MB per file).
FORMATS: tuple[Format, ...] = (
    Format("txt", (".txt", ".text", ".md"), "text:load_txt", suffix_rule="always", max_mb=64.0),
    Format("html", (".html", ".htm", ".shtml", ".xhtml"), "web:load_html", suffix_rule="always", max_mb=10.0),
    Format("mhtml", (".mht", ".mhtml"), "web:load_mhtml", suffix_rule="always", max_mb=20.0),
    Format("docx", (".docx",), "word:load_docx", empty_is_corrupt=True, zip_container=True,
           suffix_rule="if-binary", max_mb=50.0),
    Format("pdf", (".pdf",), "pdf:load_pdf", empty_is_corrupt=True, suffix_rule="if-binary", max_mb=100.0),
    Format("doc", (".doc",), "legacy:load_legacy", empty_is_corrupt=True, suffix_rule="if-binary", max_mb=50.0),
    Format("wps", (".wps",), "legacy:load_legacy", empty_is_corrupt=True, suffix_rule="if-binary", max_mb=50.0),
    Format("rtf", (".rtf",), "legacy:load_legacy", empty_is_corrupt=True, max_mb=50.0),
    Format("odt", (".odt",), "legacy:load_legacy", empty_is_corrupt=True, zip_container=True,
           suffix_rule="if-binary", max_mb=50.0),
    Format("ofd", (".ofd",), "ofd:load_ofd", empty_is_corrupt=True, zip_container=True,
           suffix_rule="if-binary", max_mb=100.0),
    # Recognized, not read: named in the UnsupportedFormat error.
    Format("png", magic=(b"\x89PNG\r\n\x1a\n",), hint=IMAGE_HINT),
    Format("jpeg", magic=(b"\xff\xd8\xff",), hint=IMAGE_HINT),
    Format("gif", magic=(b"GIF87a", b"GIF89a"), hint=IMAGE_HINT),
    Format("tiff", magic=(b"II*\x00", b"MM\x00*"), hint=IMAGE_HINT),
    Format("xlsx", hint="a spreadsheet"),
    Format("xls", hint="a spreadsheet"),
    Format("pptx", hint="a presentation"),
    Format("ppt", hint="a presentation"),
    Format("zip", hint=ARCHIVE_HINT),
    Format("gzip", magic=(b"\x1f\x8b",), hint=ARCHIVE_HINT),
    Format("7z", magic=(b"7z\xbc\xaf\x27\x1c",), hint=ARCHIVE_HINT),
    Format("rar", magic=(b"Rar!\x1a\x07",), hint=ARCHIVE_HINT),
    Format("elf", magic=(b"\x7fELF",)),
    Format("ogg", magic=(b"OggS",)),
    Format("flac", magic=(b"fLaC",)),
    Format("mp3", magic=(b"ID3",)),
    Format("opendocument"),  # an OpenDocument other than a text (.ods, .odp)
    Format("ole2"),  # an OLE2 compound file of no kind we know
)

_BY_NAME: dict[str, Format] = {}
_BY_SUFFIX: dict[str, Format] = {}
_MAGIC: tuple[tuple[bytes, str], ...] = ()
_NOTICE: tuple[str, ...] = ()


def register(fmt: Format) -> None:
    """Add a row (a built-in one at import, or a caller's own format). A name or a suffix
    already registered is refused: each file type has one row."""
    global _MAGIC, _NOTICE
    if fmt.name in _BY_NAME or any(s in _BY_SUFFIX for s in fmt.suffixes):
        raise ValueError(f"format {fmt.name!r}: the name or a suffix is already registered")
    if any(s != s.lower() or not s.startswith(".") for s in fmt.suffixes):
        raise ValueError(f"format {fmt.name!r}: suffixes are lower case and start with a dot")
    _BY_NAME[fmt.name] = fmt
    _BY_SUFFIX.update((s, fmt) for s in fmt.suffixes)
    _MAGIC += tuple((m, fmt.name) for m in fmt.magic)
    if fmt.loader:
        _NOTICE += fmt.suffixes


def unregister(name: str) -> None:
    """Remove the row called ``name`` (a caller's own format, e.g. in a test)."""
    global _MAGIC, _NOTICE
    fmt = _BY_NAME.pop(name)
    for s in fmt.suffixes:
        del _BY_SUFFIX[s]
    _NOTICE = tuple(s for s in _NOTICE if s not in fmt.suffixes)
    _MAGIC = tuple((m, n) for m, n in _MAGIC if n != name)


for _fmt in FORMATS:
    register(_fmt)


def get(name: str) -> Optional[Format]:
    """The format called ``name`` (as :func:`.loaders.sniff_format` names it), or None."""
    return _BY_NAME.get(name)


def by_suffix(suffix: str) -> Optional[Format]:
    """The format a file suffix (``".htm"``, any case) names, or None."""
    return _BY_SUFFIX.get(suffix.lower())


def readable(name: str) -> bool:
    """True when a loader exists for format ``name``."""
    fmt = _BY_NAME.get(name)
    return fmt is not None and fmt.loader is not None


def notice_suffixes() -> tuple[str, ...]:
    """The suffixes of every readable format in registry order: the files an archive walk
    picks up, the notice beside a gold file."""
    return _NOTICE


def is_notice_suffix(suffix: str) -> bool:
    """True when ``suffix`` (lower case, with the dot) names a readable format."""
    fmt = _BY_SUFFIX.get(suffix)
    return fmt is not None and fmt.loader is not None


def magic_signatures() -> tuple[tuple[bytes, str], ...]:
    """(signature at offset 0, format name) pairs, in registry order."""
    return _MAGIC
