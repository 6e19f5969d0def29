r"""File names as stored and shown: any name the OS allows, in a printable, lossless form.

POSIX names are bytes; Python gives a name that is not valid UTF-8 with surrogates
(``os.fsdecode``), which no database, JSON or terminal accepts. :func:`printable_path`
writes such bytes, and control characters (a newline in a name), as ``\xNN``;
:func:`fs_path` turns the printable form back into the name to open.

>>> printable_path(os.fsdecode(b"/a/\xb0\xb2.txt"))
'/a/\\xb0\\xb2.txt'
>>> fs_path(printable_path(os.fsdecode(b"/a/\xb0\xb2.txt"))) == os.fsdecode(b"/a/\xb0\xb2.txt")
True
>>> printable_path("/a/通知 2024.txt")
'/a/通知 2024.txt'
"""

from __future__ import annotations

import os
import re

__all__ = ["printable_path", "fs_path", "printable"]

#: Control characters (C0, DEL) that would break a line of output or a log.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: An escape made by printable_path: a byte that is not UTF-8 (>= 0x80) or a control character.
_ESCAPE = re.compile(rb"\\x([89a-f][0-9a-f]|[01][0-9a-f]|7f)")


def printable(text: str) -> str:
    """``text`` with surrogates (undecodable bytes) and control characters as ``\\xNN``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = os.fsencode(text).decode("utf-8", "backslashreplace") if _fs_bytes(text) else \
            text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _fs_bytes(text: str) -> bool:
    try:
        os.fsencode(text)
        return True
    except UnicodeEncodeError:  # a lone surrogate outside the surrogateescape range
        return False


def printable_path(path: str | os.PathLike | bytes) -> str:
    """The printable, lossless form of a file name (unchanged when it is valid UTF-8 without
    control characters)."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return printable(os.fspath(path))


def fs_path(name: str) -> str:
    """The name to open for a :func:`printable_path` form (``name`` itself when it exists
    as written or holds no escape)."""
    if "\\x" not in name or os.path.lexists(name):
        return name
    raw = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name.encode("utf-8"))
    return os.fsdecode(raw)
