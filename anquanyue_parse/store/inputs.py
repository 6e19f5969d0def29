"""Where a build's files come from: a local folder, a list file, or an fsspec URL.

>>> Inputs.open("corpus/").root                        # doctest: +SKIP
'/…/corpus'

* a folder: every supported file under it (``iter_archive``);
* a list file (``Inputs.open(path, listed=True)``, CLI ``--list``): one local path or URL a
  line, blank lines and ``#`` comments skipped;
* an fsspec URL (``s3://bucket/prefix``, ``file:///data/notices``): every supported file
  under it, listed by fsspec (``pip install fsspec`` and the filesystem's package, e.g. s3fs).

The coordinator only lists names; the workers read the bytes (:func:`read_input`), so no
file's content passes through the process that plans the build. Only a folder or a URL
prefix has a ``root``: files under it that are gone are marked removed. A list file has
none (files missing from the list are left as they are).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..errors import FileAccessError
from ..formats import is_notice_suffix
from ..limits import get_limits, too_large
from ..loaders.guards import read_regular
from ..paths import fs_path, printable_path

__all__ = ["Inputs", "iter_archive", "read_input", "is_url"]


def is_url(path: str) -> bool:
    """True for ``scheme://…`` names (read with fsspec), False for local paths."""
    head, sep, _ = str(path).partition("://")
    return bool(sep) and head.isascii() and head.replace("+", "").replace("-", "").isalnum() and len(head) > 1


def _wanted(name: str) -> bool:
    if name.startswith((".", "~$")):  # hidden files, office lock files (~$notice.docx)
        return False
    stem, suffix = os.path.splitext(name)
    if stem.lower() == "readme":  # describes the archive, is not a notice
        return False
    suffix = suffix.lower()
    return is_notice_suffix(suffix)  # a readable format's (format registry); never the *.json gold files



def iter_archive(root: str | os.PathLike) -> Iterator[Path]:
    """Every supported file under ``root`` (recursively, sorted, hidden folders skipped)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _wanted(name):
                yield Path(folder, name)


def _fsspec():
    try:
        import fsspec
    except ImportError as exc:  # pragma: no cover - fsspec comes with the dask extra
        raise FileAccessError("reading URLs needs fsspec: pip install 'anquanyue_parse[dask]'") from exc
    return fsspec


@dataclass(frozen=True)
class Inputs:
    """The files of one build: ``names()`` lists them lazily; ``root`` scopes removals (or None)."""

    source: str
    root: Optional[str]
    kind: str  # "folder", "list" or "url"

    @classmethod
    def open(cls, source: str | os.PathLike, listed: bool = False) -> "Inputs":
        """Check ``source`` and say what it is; FileAccessError when it cannot be listed."""
        source = str(source)
        if listed:
            if not os.path.isfile(source):
                raise FileAccessError("not a file: give a text file with one path or URL a line", source)
            return cls(source, None, "list")
        if is_url(source):
            fs, path = _fsspec().core.url_to_fs(source)
            if not fs.isdir(path):
                raise FileAccessError("not a folder: give the URL of a folder (prefix) of notices", source)
            return cls(source, fs.unstrip_protocol(path.rstrip("/")), "url")
        root = os.path.abspath(source)
        if not os.path.isdir(root):
            raise FileAccessError("not a folder: give the archive folder to build from", source)
        return cls(source, printable_path(root), "folder")

    def names(self) -> Iterator[str]:
        """Every file name of the build, in a stable order (paths or URLs, as stored in ``documents``)."""
        if self.kind == "folder":  # any name the OS allows, in its printable form (paths.py)
            yield from (printable_path(p) for p in iter_archive(fs_path(self.root)))
        elif self.kind == "url":
            fs, path = _fsspec().core.url_to_fs(self.source)
            for folder, dirs, files in fs.walk(path, detail=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if _wanted(name):
                        yield fs.unstrip_protocol(f"{folder.rstrip('/')}/{name}")
        else:
            with open(self.source, encoding="utf-8", errors="surrogateescape") as f:
                for line in f:
                    line = line.strip()
                    if line and not line.startswith("#"):
                        yield line if is_url(line) else printable_path(os.path.abspath(fs_path(line)))

    def contains(self, name: str) -> bool:
        """True when ``name`` lies under the root (a list file contains nothing for removals)."""
        if self.root is None:
            return False
        sep = "/" if self.kind == "url" else os.sep
        return name == self.root or name.startswith(self.root.rstrip(sep) + sep)


def read_input(name: str) -> bytes:
    """The bytes of a local path or URL; FileAccessError says why they cannot be read,
    TooLarge when the file is over ``Limits.file_mb`` (a local one: a regular file only)."""
    if not is_url(name):
        return read_regular(fs_path(name))
    limit = get_limits().max_bytes()
    try:
        with _fsspec().open(name, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError as exc:
        raise FileAccessError("no such file", name) from exc
    except (OSError, ValueError) as exc:
        raise FileAccessError(f"cannot read the URL ({exc})", name) from exc
    if len(data) > limit:
        raise too_large("the file size (bytes)", len(data), "file_mb", limit / (1 << 20), name)
    return data
