"""Content that is not a local file: bytes, a file object, stdin, an http(s) URL.

Each reader returns the bytes and a name whose suffix is a hint for the sniffer (the
content still decides the format), and reads at most ``Limits.file_mb`` (TooLarge past it).

>>> read_stream(io.BytesIO(b"abc"), "notice.txt")
(b'abc', 'notice.txt')
"""

from __future__ import annotations

import io
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import BinaryIO, Optional, Union

from ..errors import FileAccessError
from ..limits import Limits, get_limits, too_large
from ..version import __version__

__all__ = ["read_stream", "fetch_url", "is_http_url", "FETCH_TIMEOUT", "CONTENT_TYPE_SUFFIX"]

#: Seconds an http(s) fetch may wait for the server (connect and each read).
FETCH_TIMEOUT = 30.0
#: Bytes read per call while fetching, so the size limit is checked as the body arrives.
CHUNK = 1 << 16
#: A suffix hint from the Content-Type when the URL's path has none.
CONTENT_TYPE_SUFFIX = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc", "message/rfc822": ".mht", "multipart/related": ".mht",
    "application/ofd": ".ofd", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif",
    "image/bmp": ".bmp", "image/webp": ".webp",
}

Stream = Union[BinaryIO, io.TextIOBase]


def is_http_url(name: str) -> bool:
    """True for ``http://`` and ``https://`` addresses."""
    return str(name).lower().startswith(("http://", "https://"))


def read_stream(f: Stream, name: Optional[str] = None, limits: Optional[Limits] = None) -> tuple[bytes, str]:
    """At most ``limits.file_mb`` bytes of the file object ``f`` and its name
    (``name``, else ``f.name`` when it is a string, else '')."""
    if name is None:
        name = getattr(f, "name", None)
        name = name if isinstance(name, str) else ""
    limit = get_limits(limits).max_bytes()
    buffer = getattr(f, "buffer", None)  # a text stream such as sys.stdin: read its bytes
    data = (buffer or f).read(limit + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > limit:
        raise too_large("the input size (bytes)", len(data), "file_mb", limit / (1 << 20), name or None)
    return bytes(data), name


def _suffix_hint(url: str, content_type: str) -> str:
    path = urllib.parse.urlsplit(url).path
    if os.path.splitext(path)[1]:
        return path.rsplit("/", 1)[-1]
    mime = content_type.split(";", 1)[0].strip().lower()
    return "page" + CONTENT_TYPE_SUFFIX.get(mime, "")


def fetch_url(url: str, limits: Optional[Limits] = None, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str]:
    """The body of an http(s) ``url`` (at most ``limits.file_mb``) and a file name hinting
    its type. FileAccessError for an HTTP error, a timeout or an unreachable host."""
    limit = get_limits(limits).max_bytes()
    request = urllib.request.Request(url, headers={"User-Agent": f"anquanyue_parse/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise too_large("the declared size (bytes)", int(declared), "file_mb", limit / (1 << 20), url)
            chunks, size = [], 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_large("the downloaded size (bytes)", size, "file_mb", limit / (1 << 20), url)
                chunks.append(chunk)
            hint = _suffix_hint(response.geturl(), response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        raise FileAccessError(f"HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        raise FileAccessError(f"cannot fetch ({exc.reason})", url) from None
    except (TimeoutError, OSError) as exc:
        raise FileAccessError(f"cannot fetch ({exc or 'timed out'}; timeout {timeout:g} s)", url) from None
    return b"".join(chunks), hint
