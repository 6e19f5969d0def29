"""OCR: accuracy and speed on scanned notices made from corpus texts (tests/loaders/scangen.py).

Accuracy: 20 red-header notices from corpus/ (a 文件 header line and a 文号 line, at most
three pages laid out), each laid out as GB/T 9704 pages, written as a text PDF (the text
version) and as page images at 200 dpi, degraded one way at a time (grey, rotation, blur,
JPEG, seal) and all at once, wrapped as image-only PDFs. The key fields of the OCR record
are compared with the text version's record: doc_number, issuer, issue_date, theme, period,
deadlines, contacts and activity titles (a list field scores matched items / the longer
list), strings compared as the corpus evaluation compares them (width-folded, no white space
next to a CJK character); the agreement is the mean over the fields either record has.

Speed: seconds per page of parse_file on image-only PDFs with the OCR cache off, and the
ratio to the engine's bare call on the same page images (the pipeline around the engine:
rendering, line building, parsing; target <= 1.10).

``ANQUANYUE_BENCH_OCR_NOTICES=N`` takes the first N notices (default 20),
``ANQUANYUE_BENCH_OCR_VARIANTS=all,seal`` only the degradations named (only those are made),
``ANQUANYUE_BENCH_OCR_SPEED=0`` skips the speed part, ``ANQUANYUE_BENCH_OCR_DETAIL=1`` prints
each difference. Engine results are cached by file hash (the OCR cache), so a second run
re-scores without OCR.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Degradation sets measured, by name.
VARIANTS = {"all": ("seal", "rotate", "blur", "grey", "jpeg"), "seal": ("seal",), "rotate": ("rotate",),
            "blur": ("blur",), "grey": ("grey",), "jpeg": ("jpeg",)}
DPI = 200
KEY_FIELDS = ("doc_number", "issuer", "issue_date", "theme", "period", "deadlines", "contacts", "activities")


def notices(n: int) -> list[Path]:
    """The first ``n`` corpus notices with a header and a 文号 line laid out in <= 3 pages."""
    from tests.loaders import scangen as sg

    out = []
    for path in sorted((ROOT / "corpus").glob("*/*.txt")):
        paras = [p.strip() for p in path.read_text("utf-8").splitlines() if p.strip()]
        if len(paras) > 3 and sg.HEADER_LINE.match(paras[0]) and sg.DOC_NUMBER_LINE.match(paras[1]) \
                and len(sg.layout_notice(path.read_text("utf-8"))) <= 3:
            out.append(path)
        if len(out) == n:
            break
    return out


def _same(value):
    """``value`` as the corpus evaluation compares it: strings width-folded, white space next to
    a CJK character dropped (a scan cannot show a fullwidth digit or a spacing ideographic space)."""
    from anquanyue_parse.evaluation.evaluate import _canon

    if isinstance(value, (tuple, list)):
        return tuple(_same(v) for v in value)
    return _canon(value)


def _items(record, field: str) -> list:
    if field == "deadlines":
        return [(d.date, d.time, d.recurrence) for d in record.deadlines]
    if field == "contacts":
        return [_same((c.name, tuple(c.phones), tuple(c.emails))) for c in record.contacts]
    return [_same(a.title) for a in record.activities]


def field_scores(text, ocr) -> dict[str, float]:
    """Agreement of each key field the text version or the OCR record has (0-1)."""
    out = {}
    for field in KEY_FIELDS:
        if field in ("deadlines", "contacts", "activities"):
            a, b = _items(text, field), _items(ocr, field)
            if not a and not b:
                continue
            left = list(b)
            hit = 0
            for item in a:
                if item in left:
                    left.remove(item)
                    hit += 1
            out[field] = hit / max(len(a), len(b))
        else:
            a, b = getattr(text, field), getattr(ocr, field)
            if field == "period":
                a, b = (a.start, a.end) if a else None, (b.start, b.end) if b else None
            if a is None and b is None:
                continue
            out[field] = float(_same(a) == _same(b))
    return out


def _shown(record, field: str):
    value = _items(record, field) if field in ("deadlines", "contacts", "activities") else getattr(record, field)
    return (value.start, value.end) if field == "period" and value else value


def _agreement(name: str, chosen: list[Path], texts: dict, scans: dict):
    """Lines for one degradation: the agreement, the fields that lose (notices per field) and,
    with ``ANQUANYUE_BENCH_OCR_DETAIL=1``, each difference (text version -> OCR) as it is found."""
    from anquanyue_parse.pipeline import parse_file

    detail = os.environ.get("ANQUANYUE_BENCH_OCR_DETAIL", "") not in ("", "0")
    scores, failures, per_field = [], 0, defaultdict(list)
    for path in chosen:
        ocr = parse_file(file=scans[path], name=f"{path.stem}_{name}.pdf")
        fs = field_scores(texts[path], ocr)
        scores += fs.values()
        for f, v in fs.items():
            per_field[f].append(v)
            if v < 1 and detail:
                yield f"  {name} {path.parent.name}/{path.stem} {f}: {_shown(texts[path], f)!r} -> {_shown(ocr, f)!r}"
        failures += any(v < 1 for v in fs.values())
    yield (f"agreement {name:<7} {sum(scores) / max(1, len(scores)):.3f} over {len(scores)} field values "
           f"({failures} of {len(chosen)} notices with a difference)")
    yield f"  per field ({name}): " + ", ".join(f"{f} {sum(v) / len(v):.2f}" for f, v in per_field.items())
    losses = {f: sum(v < 1 for v in vs) for f, vs in per_field.items() if any(v < 1 for v in vs)}
    yield f"  fields that lose ({name}, notices): " + (", ".join(f"{f} {n}" for f, n in losses.items()) or "none")


def _bare_engine_seconds(images) -> float:
    import numpy as np

    from anquanyue_parse.loaders.ocr_engine import _engine

    engine = _engine()
    t0 = time.perf_counter()
    for img in images:
        engine(np.asarray(img.convert("RGB"))[:, :, ::-1].copy())
    return time.perf_counter() - t0


def run():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from anquanyue_parse.loaders.ocr_engine import engine_available
    from anquanyue_parse.pipeline import parse_file
    from tests.loaders import scangen as sg

    if not engine_available():
        yield "skipped: the OCR engine is missing (pip install 'anquanyue_parse[ocr]')"
        return
    n = int(os.environ.get("ANQUANYUE_BENCH_OCR_NOTICES", "20"))
    chosen = notices(n)
    wanted = os.environ.get("ANQUANYUE_BENCH_OCR_VARIANTS", ",".join(VARIANTS)).split(",")
    names = [v for v in VARIANTS if v in wanted]
    texts, scans = {}, defaultdict(dict)
    n_pages = 0
    for i, path in enumerate(chosen):
        pages = sg.layout_notice(path.read_text("utf-8"))
        n_pages += len(pages)
        texts[path] = parse_file(file=sg.text_version(pages), name=f"{path.stem}.pdf")
        clean = [sg.page_image(p, DPI) for p in pages]
        for name in names:  # the seeds do not depend on which degradations are measured
            worn = [sg.degrade(img, VARIANTS[name], p, DPI, seed=100 * i + k)
                    for k, (img, p) in enumerate(zip(clean, pages))]
            scans[name][path] = sg.image_pdf(worn, DPI)
    yield f"{len(chosen)} notices, {n_pages} pages each way, {DPI} dpi"
    for name in names:
        yield from _agreement(name, chosen, texts, {p: scans[name][p] for p in chosen})
    if names and os.environ.get("ANQUANYUE_BENCH_OCR_SPEED", "1") != "0":
        yield _speed([scans["all" if "all" in names else names[0]][p] for p in chosen[:1]])


def _speed(speed_docs: list[bytes]) -> str:
    """Seconds per page through parse_file with the cache off, and the ratio to the bare engine
    on the same page images (the first notice; all degradations unless fewer are measured)."""
    from anquanyue_parse.loaders.pdf_scan import render_pages, scanned_pages
    from anquanyue_parse.pipeline import parse_file

    images = [img for d in speed_docs for img, _ in render_pages(d, scanned_pages(d)[0]).values()]
    _bare_engine_seconds(images[:1])  # load the models before timing
    bare = _bare_engine_seconds(images)
    previous = os.environ.get("ANQUANYUE_OCR_CACHE")
    os.environ["ANQUANYUE_OCR_CACHE"] = "off"
    try:
        t0 = time.perf_counter()
        for d in speed_docs:
            parse_file(file=d, name="scan.pdf")
        piped = time.perf_counter() - t0
    finally:
        if previous is None:
            os.environ.pop("ANQUANYUE_OCR_CACHE")
        else:
            os.environ["ANQUANYUE_OCR_CACHE"] = previous
    return (f"speed: {piped / len(images):.2f} s/page through parse_file, bare engine "
            f"{bare / len(images):.2f} s/page on the same {len(images)} page images: ratio {piped / bare:.3f} "
            f"(target <= 1.10)")
