"""Checks made before an untrusted file is read or unpacked.

* :func:`read_regular`: open without blocking (a FIFO never hangs), ``fstat`` the open file
  (a symlink is resolved by the open and its target checked: /dev/zero, a socket or a device
  is refused), compare the size with the limit, then read at most that many bytes.
* :func:`check_zip`: a zip's central directory (names, declared sizes) against the member
  count, per-member and total uncompressed size and compression ratio, before any member is
  inflated. Python's zipfile never inflates a member past the size its directory declares
  (it stops and reports a bad CRC), so the declared sizes bound the real work.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from typing import Optional

from ..errors import CorruptDocument, FileAccessError
from ..limits import Limits, get_limits, too_large

__all__ = ["read_regular", "check_zip", "check_size"]

MB = 1 << 20
#: Members smaller than this (uncompressed) are not held to the compression ratio:
#: a short run of repeated XML compresses far better than any real document part.
RATIO_FLOOR = MB

#: File types by ``stat`` test, for the message, e.g. "a FIFO (named pipe)".
SPECIAL_FILES = [
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
]


def _kind(mode: int) -> str:
    for test, name in SPECIAL_FILES:
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: str | os.PathLike, limits: Optional[Limits] = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limits.file_mb``.

    FileAccessError for a missing, unreadable or special file; TooLarge past the limit.
    """
    name = str(path)
    limit = get_limits(limits).max_bytes()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise FileAccessError("no such file" + (" (a dangling symlink)" if os.path.islink(name) else ""), name) from None
    except IsADirectoryError:
        raise FileAccessError("is a directory, not a file", name) from None
    except PermissionError:
        raise FileAccessError("permission denied: the file cannot be read", name) from None
    except OSError as exc:
        raise FileAccessError(f"cannot open the file ({exc.strerror or exc})", name) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            link = " (a symlink to it)" if os.path.islink(name) else ""
            raise FileAccessError(f"is {_kind(st.st_mode)}{link}, not a regular file: refused", name)
        if st.st_size > limit:
            raise too_large("the file size (bytes)", st.st_size, "file_mb", limit / MB, name)
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            data = f.read(limit + 1)  # a file growing while read still stops at the limit
    except OSError as exc:
        raise FileAccessError(f"cannot read the file ({exc.strerror or exc})", name) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise too_large("the file size (bytes)", len(data), "file_mb", limit / MB, name)
    return data


def check_size(data: bytes, fmt: str, path: Optional[str], limits: Optional[Limits] = None) -> None:
    """TooLarge when ``data`` is over the largest file of format ``fmt``."""
    lim = get_limits(limits)
    limit = lim.max_bytes(fmt)
    if len(data) > limit:
        raise too_large(f"the .{fmt} file size (MB)", len(data) / MB, f"format_mb.{fmt}", limit / MB, path)


def check_zip(data: bytes, fmt: str, path: Optional[str], limits: Optional[Limits] = None) -> None:
    """Refuse a zip whose directory announces too much data (see the module doc).

    CorruptDocument when the directory cannot be read; TooLarge over a limit.
    """
    lim = get_limits(limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"broken .{fmt} (truncated or damaged zip: {exc})", path) from None
    if len(infos) > lim.zip_members:
        raise too_large("the number of zip members", len(infos), "zip_members", lim.zip_members, path)
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > lim.zip_member_mb * MB:
            raise too_large(f"zip member {info.filename} uncompressed (MB)", size / MB, "zip_member_mb",
                            lim.zip_member_mb, path)
        if size > RATIO_FLOOR and size > lim.zip_ratio * max(info.compress_size, 1):
            raise too_large(f"zip member {info.filename} compression ratio", size / max(info.compress_size, 1),
                            "zip_ratio", lim.zip_ratio, path)
    if total > lim.zip_total_mb * MB:
        raise too_large("the zip's uncompressed total (MB)", total / MB, "zip_total_mb", lim.zip_total_mb, path)
