"""Documents generated once per test session from corpus notices (see generate.py).

LibreOffice-made files (.pdf from the .docx, .doc, .rtf) exist only when soffice is
installed and draws Chinese (a CJK font: the packaged one, see anquanyue_parse/fonts.py, or a
system one); tests that need them skip with one line naming what to install otherwise (CI
installs both).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `from tests.loaders import generate` also under a bare `pytest`
    sys.path.insert(0, str(ROOT))

from tests.loaders import generate as gen  # noqa: E402

from tests.system_packages import missing, missing_cjk_font  # noqa: E402

from anquanyue_parse.loaders.legacy import convert_with_soffice, find_soffice  # noqa: E402

SOFFICE_MISSING = missing("libreoffice")
#: Distinct Han characters a PDF of a whole notice has at least: without a CJK font LibreOffice
#: maps every Han character to one glyph, and the text layer has one or two distinct ones.
MIN_DISTINCT_HAN = 50


@dataclass
class Generated:
    folder: Path
    files: dict[tuple[str, str], Path]  # (notice, variant) -> file
    soffice: bool
    skip_reason: str = ""  # why the LibreOffice-made files are missing ("" when they exist)


def _title(blocks) -> str:
    for b in blocks:
        if b.kind == "p" and ("通知" in b.text or "方案" in b.text):
            return b.text
    return blocks[0].text


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Generated:
    folder = tmp_path_factory.mktemp("formats")
    files: dict[tuple[str, str], Path] = {}

    def put(name: str, variant: str, filename: str, data: bytes) -> None:
        path = folder / filename
        path.write_bytes(data)
        files[(name, variant)] = path

    for name in gen.NOTICES:
        text = gen.notice_text(name)
        blocks = gen.notice_blocks(text)
        title = _title(blocks)
        put(name, "docx", f"{name}.docx", gen.build_docx(blocks, header="某市人民政府公报"))
        put(name, "docx-autonum", f"{name}_autonum.docx",
            gen.build_docx(blocks, auto_number=True, header="某市人民政府公报"))
        put(name, "html", f"{name}.html", gen.build_html(blocks, title))
        put(name, "html-gbk", f"{name}_gbk.htm", gen.build_html(blocks, title, encoding="gb2312"))
        put(name, "txt-gbk", f"{name}_gbk.txt", text.encode("gb18030"))
        put(name, "txt-utf16", f"{name}_utf16.txt", text.encode("utf-16"))
        put(name, "txt-utf16le-nobom", f"{name}_utf16le.txt", text.encode("utf-16-le"))
        put(name, "txt-utf8-bom", f"{name}_bom.txt", text.encode("utf-8-sig"))
    soffice = find_soffice() is not None
    reason = "" if soffice else SOFFICE_MISSING
    if soffice:
        docx = [files[(n, v)] for n in gen.NOTICES for v in ("docx", "docx-autonum")]
        for src, pdf in zip(docx, convert_with_soffice(docx, "pdf", folder / "pdf")):
            name = src.stem.split("_")[0]
            files[(name, "pdf-autonum" if src.stem.endswith("autonum") else "pdf")] = pdf
        # Legacy formats for two notices: .doc from the auto-numbered docx, .rtf from the plain one
        # (LibreOffice 7.4 writes CJK list labels to RTF as "?": a limitation of its RTF export).
        for fmt, variant in (("doc", "docx-autonum"), ("rtf", "docx")):
            srcs = [files[(n, variant)] for n in ("seed000", "seed001")]
            for src, out in zip(srcs, convert_with_soffice(srcs, fmt, folder / fmt)):
                files[(src.stem.split("_")[0], fmt)] = out
        if _distinct_han(files[(next(iter(gen.NOTICES)), "pdf")]) < MIN_DISTINCT_HAN:
            soffice, reason = False, missing_cjk_font("LibreOffice")
    return Generated(folder, files, soffice, reason)


def _distinct_han(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    return len({ch for ch in text if "\u4e00" <= ch <= "\u9fff"})


@pytest.fixture(scope="session")
def need_soffice(generated) -> None:
    if not generated.soffice:
        pytest.skip(generated.skip_reason)
