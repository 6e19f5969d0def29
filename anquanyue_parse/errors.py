"""Typed errors. Each message says what went wrong and what the user can do."""

from __future__ import annotations

__all__ = [
    "AnquanyueError",
    "UnsupportedFormat",
    "NoTextLayer",
    "EncryptedDocument",
    "CorruptDocument",
    "TooLarge",
    "TaskTimeout",
    "TaskMemoryExceeded",
    "MissingDependency",
    "FileAccessError",
    "DatabaseError",
    "UsageError",
    "QueryRefused",
    "EmptyDocument",
]


class AnquanyueError(Exception):
    """Base class of every error this library raises on purpose."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedFormat(AnquanyueError):
    """The file is not a format we can read (or not text at all)."""


class NoTextLayer(AnquanyueError):
    """A PDF without a text layer (a scan); it needs OCR first."""


class EncryptedDocument(AnquanyueError):
    """A password-protected document."""


class CorruptDocument(AnquanyueError):
    """A file whose structure is broken (truncated zip, damaged PDF)."""


class TooLarge(AnquanyueError):
    """The file goes over a resource limit (size, zip expansion, nesting, pages, time, memory);
    the message names the setting of :class:`~anquanyue_parse.limits.Limits` to raise."""


class TaskTimeout(TooLarge):
    """A build worker spent longer than ``Limits.task_seconds`` on one file and was replaced."""


class TaskMemoryExceeded(TooLarge):
    """A build worker grew past ``Limits.task_memory_mb`` on one file and was replaced."""


class MissingDependency(AnquanyueError):
    """An optional program or package needed for this file is not installed."""


class FileAccessError(AnquanyueError):
    """The path is a directory, does not exist, or cannot be read."""


class DatabaseError(AnquanyueError):
    """The campaign database cannot be opened, upgraded or written."""


class UsageError(AnquanyueError):
    """A command line or call that asks for something impossible as written
    (a bad ``--limit``, a folder given without ``-r``, two sources at once)."""


class QueryRefused(DatabaseError, UsageError):
    """A query that could write (or several statements): ``query`` runs one read-only SELECT."""


class EmptyDocument(AnquanyueError):
    """A file without text (zero bytes or only white space): ``build`` lists it in
    ``failures`` instead of storing an empty campaign (``parse_file`` returns an empty record)."""
