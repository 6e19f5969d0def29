"""Format loaders: PDF parse time as a ratio to pdfplumber's own extract_text() over the same
PDFs (target <= 1.3x); DOCX and HTML notices per second (load + parse)."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _best(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import pdfplumber

    from anquanyue_parse.loaders import load
    from anquanyue_parse.loaders.legacy import convert_with_soffice, find_soffice
    from anquanyue_parse.pipeline import parse_file
    from tests.loaders import generate as gen

    tmp = Path(tempfile.mkdtemp(prefix="anquanyue-bench-"))
    try:
        docx, html = [], []
        for name in gen.NOTICES:
            blocks = gen.notice_blocks(gen.notice_text(name))
            for auto in (False, True):
                path = tmp / f"{name}{'_autonum' if auto else ''}.docx"
                path.write_bytes(gen.build_docx(blocks, auto_number=auto, header="某市人民政府公报"))
                docx.append(path)
            for enc in ("utf-8", "gb2312"):
                path = tmp / f"{name}_{enc}.html"
                path.write_bytes(gen.build_html(blocks, blocks[0].text, encoding=enc))
                html.append(path)
        for label, files in (("DOCX", docx), ("HTML", html)):
            for f in files:  # warm up
                parse_file(f)
            t_load = _best(lambda: [load(f) for f in files])
            t_parse = _best(lambda: [parse_file(f) for f in files])
            yield (f"{label}: {len(files)} notices, {len(files) / t_parse:,.0f} notices/s load+parse "
                   f"({len(files) / t_load:,.0f}/s load only)")
        if find_soffice() is None:
            yield "PDF: skipped (LibreOffice not installed: apt-get install libreoffice-writer-nogui)"
            return
        pdfs = convert_with_soffice(docx, "pdf", tmp / "pdf")
        n_pages = 0
        for p in pdfs:
            with pdfplumber.open(p) as pdf:
                n_pages += len(pdf.pages)

        def reference():
            for p in pdfs:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page.extract_text()

        reference()
        t_ref = _best(reference)
        t_load = _best(lambda: [load(p) for p in pdfs])
        t_parse = _best(lambda: [parse_file(p) for p in pdfs])
        yield f"PDF: {len(pdfs)} files, {n_pages} pages (made by LibreOffice from the .docx files)"
        yield f"PDF: pdfplumber extract_text() {t_ref * 1000 / n_pages:.1f} ms/page"
        yield (f"PDF: ratio to extract_text(): load {t_load / t_ref:.2f}x, load+parse {t_parse / t_ref:.2f}x "
               f"(target <= 1.3x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
