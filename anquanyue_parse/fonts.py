"""A CJK font for everything that draws Chinese text: figures, browsers, LibreOffice.

The font comes from the package registry (``noto-cjk-sans-otc``: Noto Sans CJK Regular, the
same file as Debian's fonts-noto-cjk, in the ``analysis`` extra) so that a machine with only
Python draws Chinese; an installed system font is used when the package is absent.
Programs that find fonts through fontconfig (Chromium, LibreOffice) see the packaged font
through :func:`fontconfig_env`, which changes nothing on the system.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional
from xml.sax.saxutils import escape

__all__ = ["CJK_FONT_PACKAGE", "CJK_FONT_HINT", "packaged_cjk_font", "cjk_font_file", "fontconfig_env",
           "subset_cjk_font", "EMBEDDED_FAMILY"]

#: The family name of the font subset embedded in review pages.
EMBEDDED_FAMILY = "anquanyue-cjk"
#: The face of the packaged collection to embed (simplified Chinese glyph forms).
EMBEDDED_FACE = "Noto Sans CJK SC"

#: The PyPI package shipping the font file (module noto_cjk_sans_otc, attribute FONT_PATH).
CJK_FONT_PACKAGE = "noto-cjk-sans-otc"
#: What a user runs to get a CJK font (one line, for error and skip messages).
CJK_FONT_HINT = (f"pip install {CJK_FONT_PACKAGE} (in the 'analysis' extra) or "
                 "apt-get install fonts-noto-cjk")
#: The system's own fontconfig configuration, included by the generated one when present.
SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")


def packaged_cjk_font() -> Optional[Path]:
    """The font file of the ``noto-cjk-sans-otc`` package, or None when it is not installed."""
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    return path if path.is_file() else None


def cjk_font_file() -> Optional[Path]:
    """A font file with Chinese glyphs: the packaged one, else one fontconfig knows, else None."""
    packaged = packaged_cjk_font()
    if packaged is not None:
        return packaged
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
    return Path(files[0]) if files else None


def fontconfig_env(folder: Path, env: Optional[dict[str, str]] = None) -> dict[str, str]:
    """A copy of ``env`` (default: os.environ) whose FONTCONFIG_FILE adds the packaged font
    to the system's fonts, written as ``folder/fonts.conf`` with its cache in ``folder``."""
    env = dict(os.environ if env is None else env)
    packaged = packaged_cjk_font()
    if packaged is None:
        return env
    folder.mkdir(parents=True, exist_ok=True)
    include = (f"  <include ignore_missing=\"yes\">{escape(str(SYSTEM_FONTS_CONF))}</include>\n"
               if SYSTEM_FONTS_CONF.is_file() else "")
    conf = folder / "fonts.conf"
    conf.write_text("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
                    f"{include}  <dir>{escape(str(packaged.parent))}</dir>\n"
                    f"  <cachedir>{escape(str(folder / 'cache'))}</cachedir>\n</fontconfig>\n", "utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    return env


def subset_cjk_font(text: str) -> Optional[bytes]:
    """The packaged CJK font cut down to the characters of ``text`` (an OpenType file of
    about 90 KB for a notice), for pages that must show Chinese on a machine without a CJK
    font; None without the package or fontTools (both come with the ``analysis`` extra)."""
    packaged = packaged_cjk_font()
    if packaged is None:
        return None
    try:
        from fontTools import subset
        from fontTools.ttLib import TTCollection, TTFont
    except ImportError:
        return None
    import io

    faces = [f["name"].getDebugName(1) for f in TTCollection(str(packaged), lazy=True).fonts]
    number = faces.index(EMBEDDED_FACE) if EMBEDDED_FACE in faces else 0
    font = TTFont(str(packaged), fontNumber=number, lazy=True)
    options = subset.Options()
    options.layout_features, options.name_IDs, options.hinting, options.notdef_outline = [], [], False, True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text))))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
