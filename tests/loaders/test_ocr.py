"""OCR: scanned PDFs, photos and mixed PDFs give the record of their text version, with spans
that carry the page, the box and the engine's confidence; the OCR cache; the missing extra.

The scans are made from a corpus notice (tests/loaders/scangen.py): a few pages only, so the
engine runs for well under a minute; the accuracy over 20 notices is `make bench`.
"""

from __future__ import annotations

import io

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.errors import MissingDependency, NoTextLayer
from anquanyue_parse import formats
from anquanyue_parse.loaders import load_bytes, ocr_engine, sniff_format
from anquanyue_parse.models import SourceText, TextLine
from anquanyue_parse.pipeline import parse_source
from tests.loaders import scangen as sg
from tests.loaders.generate import CORPUS

NOTICE = CORPUS / "blind8" / "019.txt"  # a red-header notice: 2 pages
FIELDS = ("doc_number", "issuer", "issue_date", "theme", "period", "year", "title")

needs_engine = pytest.mark.skipif(not ocr_engine.engine_available(),
                                  reason="the OCR engine is missing: pip install 'anquanyue_parse[ocr]'")


@pytest.fixture(scope="module")
def scans():
    text = NOTICE.read_text("utf-8")
    pages = sg.layout_notice(text)
    assert len(pages) == 2
    clean = [sg.page_image(p, 200) for p in pages]
    # rotated, blurred, grey, JPEG-compressed; the seal's effect is measured by `make bench`
    kinds = ("rotate", "blur", "grey", "jpeg")
    worn = [sg.degrade(img, kinds, p, 200, seed=i) for i, (img, p) in enumerate(zip(clean, pages))]
    text_pdf = sg.text_version(pages)
    return {"text": parse_file(file=text_pdf, name="notice.pdf"), "text_pdf": text_pdf, "pages": pages,
            "scan_pdf": sg.image_pdf(worn, 200), "photo": sg.photo(clean[0], "JPEG"),
            "page2_pdf": sg.image_pdf([worn[1]], 200)}


def _value(record, field):
    v = getattr(record, field)
    return (v.start, v.end) if field == "period" and v else v


@needs_engine
def test_a_scanned_pdf_gives_the_record_of_its_text_version(scans):
    text, scan = scans["text"], parse_file(file=scans["scan_pdf"], name="scan.pdf")
    assert scan.source_format == "pdf" and scan.ocr_pages == [1, 2]
    for field in FIELDS:
        assert _value(scan, field) == _value(text, field), field
    assert text.doc_number and text.theme and text.issue_date
    for field in ("doc_number", "theme", "issue_date"):
        span = scan.spans[field]
        assert span.ocr is not None and 0.5 < span.ocr <= 1
        x0, top, x1, bottom = span.box
        assert 0 <= x0 < x1 <= 1 and 0 <= top < bottom <= 1
        assert text.spans[field].page == span.page and text.spans[field].box is None
    assert scan.spans["issue_date"].page == 2 and scan.spans["doc_number"].page == 1
    # each box holds the place where the layout drew the value's last characters
    for field in ("doc_number", "issue_date"):
        span, value = scan.spans[field], scan.evidence(field)
        glyph = _glyph_at(scans["pages"][span.page - 1], value)
        x0, top, x1, bottom = span.box
        assert x0 - 0.02 <= glyph.x / sg.PAGE_W <= x1 and top <= (glyph.base - 4) / sg.PAGE_H <= bottom, field


def _glyph_at(page, value: str):
    chars = "".join(g.ch for g in page.glyphs)
    return page.glyphs[chars.index(value[-3:])]


@needs_engine
def test_a_photo_of_the_first_page_reads_its_header(scans):
    photo = parse_file(file=scans["photo"], name="IMG_2041.jpg")
    assert photo.source_format == "jpeg" and photo.ocr_pages == [1]
    assert photo.doc_number == scans["text"].doc_number
    # the engine reads the printed 〔2002〕 where the notice's text has [2002]: the title
    # extractor then tells the 文号 line from the title (it keeps "[2002]…号" with the title)
    assert photo.title == "关于在全市工业企业开展“安全生产月”活动的通知" and scans["text"].title.endswith(photo.title)
    assert photo.spans["title"].page == 1 and photo.spans["title"].ocr > 0.8


@needs_engine
def test_a_mixed_pdf_reads_text_pages_as_text_and_scanned_pages_by_ocr(scans):
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(scans["text_pdf"]), [0])
    mixed.import_pages(pdfium.PdfDocument(scans["page2_pdf"]), [0])
    buf = io.BytesIO()
    mixed.save(buf)
    record = parse_file(file=buf.getvalue(), name="mixed.pdf")
    assert record.ocr_pages == [2]
    assert record.spans["doc_number"].page == 1 and record.spans["doc_number"].ocr is None
    assert record.spans["issue_date"].page == 2 and record.spans["issue_date"].ocr is not None
    assert record.doc_number == scans["text"].doc_number and record.issue_date == scans["text"].issue_date


@needs_engine
def test_the_cache_reads_a_file_once(scans, monkeypatch, tmp_path):
    monkeypatch.setenv("ANQUANYUE_OCR_CACHE", str(tmp_path / "cache"))
    first = load_bytes(scans["photo"], "p.jpg")
    assert list((tmp_path / "cache").rglob("*.json"))

    def no_engine(*args, **kwargs):
        raise AssertionError("the engine ran although the file is in the cache")

    monkeypatch.setattr("anquanyue_parse.loaders.ocr.recognize", no_engine)
    again = load_bytes(scans["photo"], "p.jpg")
    assert again.text == first.text and again.lines == first.lines
    monkeypatch.setenv("ANQUANYUE_OCR_CACHE", "off")
    with pytest.raises(AssertionError, match="engine ran"):
        load_bytes(scans["photo"], "p.jpg")


@needs_engine
def test_without_the_extra_a_scan_says_how_to_install_it(scans, monkeypatch):
    monkeypatch.setattr("anquanyue_parse.loaders.ocr_engine._import_error",
                        lambda: "OCR needs the ocr extra: " + ocr_engine.OCR_HINT)
    with pytest.raises(NoTextLayer, match=r"anquanyue_parse\[ocr\]"):
        load_bytes(scans["scan_pdf"], "scan.pdf")
    with pytest.raises(MissingDependency, match=r"anquanyue_parse\[ocr\]"):
        load_bytes(scans["photo"], "photo.jpg")


def test_low_confidence_values_are_warned_about():
    text = "运应急发〔2023〕42号\n关于开展2023年安全生产月活动的通知\n活动主题：人人讲安全、个个会应急\n"
    cut = [0, text.index("\n") + 1, text.index("活动主题")]
    ends = [text.index("\n", s) for s in cut]
    lines = [TextLine(start=s, end=e, page=1, box=(0.1, 0.1 + i / 10, 0.9, 0.15 + i / 10), conf=c)
             for i, (s, e, c) in enumerate(zip(cut, ends, (0.99, 0.98, 0.62)))]
    record = parse_source(SourceText(text=text, format="png", lines=lines, ocr_pages=[1]))
    assert record.theme == "人人讲安全、个个会应急" and record.spans["theme"].ocr == 0.62
    assert record.spans["doc_number"].ocr == 0.99 and record.spans["doc_number"].box == (0.1, 0.1, 0.9, 0.15)
    assert any("theme was read by OCR with low confidence (0.62" in w for w in record.warnings)
    assert not any("doc_number" in w for w in record.warnings)


@pytest.mark.parametrize("fmt,suffix,name", [("PNG", ".png", "png"), ("JPEG", ".jpg", "jpeg"),
                                             ("TIFF", ".tif", "tiff"), ("BMP", ".bmp", "bmp"),
                                             ("WEBP", ".webp", "webp")])
def test_image_formats_are_sniffed_and_walked(fmt, suffix, name):
    from PIL import Image

    data = sg.photo(Image.new("RGB", (40, 30), (255, 255, 255)), fmt)
    assert sniff_format(data, ".txt") == name
    assert formats.is_notice_suffix(suffix) and formats.readable(name)


def test_a_text_starting_with_bm_is_not_a_bitmap():
    assert sniff_format("BMW车间安全生产月活动通知".encode(), ".txt") == "txt"


@needs_engine
def test_review_shows_the_page_with_a_box_over_each_value(scans, tmp_path):
    from anquanyue_parse.review import write_review

    photo = tmp_path / "notice.jpg"
    photo.write_bytes(scans["photo"])
    page = write_review(photo, tmp_path / "review.html").read_text("utf-8")
    assert '<img alt="page 1" src="data:image/jpeg;base64,' in page
    assert 'class="pagebox k-field" data-target="f-doc_number"' in page
    assert "OCR 0." in page and "第1页" in page


@needs_engine
def test_build_counts_the_pages_read_by_ocr(scans, tmp_path):
    from anquanyue_parse.store.archive import build_archive
    from anquanyue_parse.store.db import load_records

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "scan.jpg").write_bytes(scans["photo"])
    (archive / "notice.pdf").write_bytes(scans["text_pdf"])
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    summary = build_archive(archive, db, jobs=1, progress=False, log=io.StringIO())
    assert summary.ok and summary.parsed == 2 and summary.ocr_pages == 1 and summary.ocr_files == 1
    assert "pages read by OCR (in 1 files)" in summary.render()
    scan = [r for r in load_records(db) if r.source_format == "jpeg"][0]
    assert scan.ocr_pages == [1] and scan.spans["doc_number"].box is not None
