"""The OCR cache: the engine's boxes for a file, kept by the file's sha256, so reading the
same scan again (a build run again, a review after a parse) does not OCR again.

One JSON file per document under the cache folder: ``ANQUANYUE_OCR_CACHE`` when set (``off``
turns the cache off), else ``$XDG_CACHE_HOME/anquanyue_parse/ocr`` (``~/.cache/...``).
The key includes the engine and its settings, so a new engine reads the file again; the
line building after the engine is not cached (it is fast, and improves without a re-read).
Each page keeps the tag of the image stage that changed it before the engine (seal removal,
:mod:`.ocr_seal`), so a page the stage now changes differently is read again, and a page it
leaves alone keeps its entry.
A cache that cannot be written (read-only home) is skipped silently.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Optional

from .ocr_engine import ENGINE_SETTINGS, OcrBox, engine_id

__all__ = ["cache_dir", "get", "put", "CACHE_ENV", "CACHE_FORMAT"]

#: Environment variable naming the cache folder ("off" or "0": no cache).
CACHE_ENV = "ANQUANYUE_OCR_CACHE"
#: Version of the cache files' layout.
CACHE_FORMAT = 1

#: One page's cached result: its boxes, (width, height, dpi) of the image they were read on,
#: and the tag of the stage that changed the image before the engine (None: unchanged).
Entry = tuple[list[OcrBox], tuple[int, int, float], Optional[str]]


def cache_dir() -> Optional[Path]:
    """The cache folder, or None when the cache is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        if value.strip().lower() in ("", "off", "0", "none", "false"):
            return None
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "anquanyue_parse" / "ocr"


def _file(sha256: str) -> Optional[Path]:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / sha256[:2] / f"{sha256}.json"


def _engine_key() -> str:
    return f"{engine_id()} {json.dumps(ENGINE_SETTINGS, sort_keys=True)} v{CACHE_FORMAT}"


def get(sha256: str) -> dict[int, Entry]:
    """The cached pages of the file with this sha256 (page index -> entry); {} when none."""
    path = _file(sha256)
    if path is None or not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text("utf-8"))
        if raw.get("engine") != _engine_key():
            return {}
        return {int(k): ([OcrBox.from_json(b) for b in v["boxes"]], tuple(v["image"]), v.get("stage"))
                for k, v in raw["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # a damaged entry is read again


def put(sha256: str, pages: dict[int, Entry]) -> None:
    """Store the pages of the file with this sha256 (written whole, atomically)."""
    path = _file(sha256)
    if path is None:
        return
    body = {"engine": _engine_key(),
            "pages": {str(k): {"boxes": [b.to_json() for b in boxes], "image": list(image), "stage": stage}
                      for k, (boxes, image, stage) in sorted(pages.items())}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(body, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass
