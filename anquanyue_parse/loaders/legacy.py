"""Legacy word-processor files (.doc, .wps, .rtf, .odt) through LibreOffice.

``soffice --headless --convert-to docx`` writes a .docx that the docx loader reads. Each
process uses its own LibreOffice profile directory (``-env:UserInstallation``), so parallel
workers do not fight over one profile; a conversion that hangs is killed after a timeout.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from ..errors import CorruptDocument, MissingDependency
from ..fonts import fontconfig_env
from ..models import SourceText
from .sniff import sniff_format
from .word import docx_text

__all__ = ["load_legacy", "convert_with_soffice", "find_soffice"]

#: Seconds one conversion may take (a first start with a fresh profile takes a few).
TIMEOUT = 120
#: Environment variable naming the soffice executable, when it is not on PATH.
SOFFICE_ENV = "ANQUANYUE_SOFFICE"
INSTALL_HINT = ("LibreOffice is needed to read .doc/.wps/.rtf/.odt files: "
                "apt-get install libreoffice-writer-nogui (or set ANQUANYUE_SOFFICE to soffice)")

_lock = threading.Lock()
_profile: str | None = None


def find_soffice() -> str | None:
    """The soffice executable, or None when LibreOffice is not installed."""
    explicit = os.environ.get(SOFFICE_ENV)
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    return mac if os.access(mac, os.X_OK) else None


def _profile_dir() -> str:
    """This process's LibreOffice profile (created once, removed at exit)."""
    global _profile
    if _profile is None:
        _profile = tempfile.mkdtemp(prefix="anquanyue-lo-profile-")
        atexit.register(shutil.rmtree, _profile, True)
    return _profile


def convert_with_soffice(inputs: list[Path], target: str, outdir: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert files with LibreOffice to ``target`` (``docx``, ``pdf``, ``doc``, ``rtf`` ...) in
    ``outdir``; return the output paths in input order. Raise MissingDependency without soffice."""
    soffice = find_soffice()
    if soffice is None:
        raise MissingDependency(INSTALL_HINT, str(inputs[0]) if inputs else None)
    outdir.mkdir(parents=True, exist_ok=True)
    ext = target.split(":", 1)[0]
    cmd = [soffice, f"-env:UserInstallation=file://{_profile_dir()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", target, "--outdir", str(outdir), *map(str, inputs)]
    with _lock:  # one soffice per profile at a time
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                                  env=fontconfig_env(Path(_profile_dir()) / "fontconfig"))
        except subprocess.TimeoutExpired as exc:
            raise CorruptDocument(f"LibreOffice did not finish the conversion in {timeout:.0f} s",
                                  str(inputs[0])) from exc
    outputs = [outdir / f"{p.stem}.{ext}" for p in inputs]
    missing = [p for p in outputs if not p.exists()]
    if missing:
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
        raise CorruptDocument("LibreOffice could not convert the file"
                              + (f" ({detail[-1]})" if detail else ""), str(inputs[0]))
    return outputs


def load_legacy(path: Path, data: bytes) -> SourceText:
    """Read .doc/.wps/.rtf/.odt bytes by converting them to .docx with LibreOffice."""
    fmt = sniff_format(data, path.suffix)
    # WPS Office saves Word-format files as .wps; name them .doc so LibreOffice picks the Word filter.
    suffix = ".doc" if fmt == "wps" and "WordDocument".encode("utf-16-le") in data else f".{fmt}"
    with tempfile.TemporaryDirectory(prefix="anquanyue-convert-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        try:
            (out,) = convert_with_soffice([src], "docx", Path(tmp) / "out")
        except (MissingDependency, CorruptDocument) as exc:
            raise type(exc)(str(exc).split(": ", 1)[-1], str(path)) from exc
        text, starts = docx_text(out.read_bytes(), str(path))
    return SourceText(text=text, path=str(path), format=fmt, paragraphs=starts)
