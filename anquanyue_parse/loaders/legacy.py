"""Legacy word-processor files (.doc, .wps, .rtf, .odt) through LibreOffice.

``soffice --headless --convert-to docx`` writes a .docx that the docx loader reads. Each
process uses its own throw-away LibreOffice profile (``-env:UserInstallation``, a temporary
folder removed at exit), so parallel workers do not fight over one profile; before every
conversion its settings are written again (:data:`PROFILE_SETTINGS`: macros never run,
links to other files or URLs are never updated), so a document cannot leave changes for the
next one. A conversion that takes longer than ``Limits.soffice_seconds`` is killed with its
whole process group (soffice starts soffice.bin) and raises TooLarge.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Optional

from ..errors import CorruptDocument, MissingDependency, TooLarge
from ..limits import get_limits
from ..fonts import fontconfig_env
from ..models import SourceText
from .sniff import sniff_format
from .word import docx_text

__all__ = ["load_legacy", "convert_with_soffice", "find_soffice"]

#: The profile's registrymodifications.xcu: macro security "very high" (only signed macros
#: from trusted places, of which there are none), macro execution off, and Writer links
#: (OLE, DDE, linked sections and images) never updated.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="TrustedAuthors" oor:op="fuse"><value/></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""
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
    """This process's LibreOffice profile (created once, removed at exit), its settings reset."""
    global _profile
    if _profile is None:
        _profile = tempfile.mkdtemp(prefix="anquanyue-lo-profile-")
        atexit.register(shutil.rmtree, _profile, True)
    user = Path(_profile) / "user"
    user.mkdir(exist_ok=True)
    (user / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
    return _profile


def _run(cmd: list[str], timeout: float, env: dict) -> subprocess.CompletedProcess:
    """Run ``cmd`` in its own process group; on timeout kill the group and raise TimeoutExpired."""
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, start_new_session=True) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def convert_with_soffice(inputs: list[Path], target: str, outdir: Path,
                         timeout: Optional[float] = None) -> list[Path]:
    """Convert files with LibreOffice to ``target`` (``docx``, ``pdf``, ``doc``, ``rtf`` ...) in
    ``outdir``; return the output paths in input order. Raise MissingDependency without soffice,
    TooLarge after ``timeout`` seconds (default: ``Limits.soffice_seconds`` per input)."""
    if timeout is None:
        timeout = get_limits().soffice_seconds * max(1, len(inputs))
    soffice = find_soffice()
    if soffice is None:
        raise MissingDependency(INSTALL_HINT, str(inputs[0]) if inputs else None)
    outdir.mkdir(parents=True, exist_ok=True)
    ext = target.split(":", 1)[0]
    cmd = [soffice, f"-env:UserInstallation=file://{_profile_dir()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", target, "--outdir", str(outdir), *map(str, inputs)]
    with _lock:  # one soffice per profile at a time
        try:
            proc = _run(cmd, timeout, fontconfig_env(Path(_profile_dir()) / "fontconfig"))
        except subprocess.TimeoutExpired:
            raise TooLarge(f"LibreOffice did not finish the conversion in {timeout:.0f} s (limit soffice_seconds="
                           f"{timeout / max(1, len(inputs)):g} per file; raise it with --limit soffice_seconds=N)",
                           str(inputs[0])) from None
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
        except (MissingDependency, CorruptDocument, TooLarge) as exc:
            raise type(exc)(str(exc).split(": ", 1)[-1], str(path)) from exc
        text, starts = docx_text(out.read_bytes(), str(path))
    return SourceText(text=text, path=str(path), format=fmt, paragraphs=starts)
