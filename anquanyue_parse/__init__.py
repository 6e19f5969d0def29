"""anquanyue_parse: Chinese Safety Production Month notices as structured, span-grounded records.

>>> from anquanyue_parse import parse_text
>>> c = parse_text("活动主题：人人讲安全、个个会应急")
>>> c.theme
'人人讲安全、个个会应急'
"""

from __future__ import annotations

from .errors import (
    AnquanyueError,
    CorruptDocument,
    EncryptedDocument,
    FileAccessError,
    MissingDependency,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from .limits import Limits
from .models import Activity, Attachment, Campaign, Contact, Deadline, Period, Section, Span
from .pipeline import parse_file, parse_text
from .version import __version__

__all__ = [
    "parse_text",
    "parse_file",
    "open_database",
    "load_campaigns",
    "Campaign",
    "Span",
    "Period",
    "Deadline",
    "Contact",
    "Section",
    "Activity",
    "Attachment",
    "AnquanyueError",
    "UnsupportedFormat",
    "NoTextLayer",
    "EncryptedDocument",
    "CorruptDocument",
    "MissingDependency",
    "FileAccessError",
    "TooLarge",
    "Limits",
    "__version__",
]


def __getattr__(name: str):
    # The database layer (SQLAlchemy, pandas) loads only when asked for.
    if name in ("open_database", "load_campaigns"):
        from .store import db

        return getattr(db, name)
    raise AttributeError(f"module 'anquanyue_parse' has no attribute {name!r}")
