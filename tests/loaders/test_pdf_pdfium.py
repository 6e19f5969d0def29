"""The PDFium text path gives the lines pdfplumber gives, and hands pages and documents it
should not read (ruled tables, scans, broken or encrypted files) to pdfplumber."""

from __future__ import annotations

import pytest

from anquanyue_parse.loaders.pdf import read_pages
from anquanyue_parse.loaders.pdf_pdfium import _count_objects, read_pages_pdfium
from tests.loaders import pdfgen
from tests.loaders.test_pdf import body, page

#: Hand-positioned documents: wraps, indents, headings, furniture, a large centered title,
#: Latin words with spaces, several pages.
DOCUMENTS = {
    "wrapped": [page([(0, "关于开展活动的通知"), (2, body(26, "一二三四五六七")), (0, body(28, "甲乙丙丁")),
                      (0, "短行结束。"), (2, "新段落。")], number=1)],
    "headings": [page([(2, "一、活动主题"), (2, body(26)), (0, body(28)), (2, "（一）聚焦责任落实"),
                       (2, "1.开展宣讲。"), (0, "附件：统计表")], header="某市人民政府公报")],
    "latin": [page([(0, "联系邮箱 ab@example.com 电话 0359 6380232"), (0, "Safety Month 2024 plan")])],
    "pages": [page([(2, body(26))], number=1), page([(0, body(20) + "。")], number=2),
              [(150, 700, "关于开展安全生产月", 22), (200, 670, "活动的通知", 22)]],
}


def _lines(pages):
    # (bottoms differ by the font's descent: pdfminer puts it under the baseline, PDFium's
    # origin is the baseline; lines and their order are the same)
    return [[(ln.text, ln.row, round(ln.x0, 1), round(ln.size, 1)) for ln in p] for p in pages]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_pdfium_lines_equal_pdfplumber_lines(name):
    data = pdfgen.text_pdf(DOCUMENTS[name])
    fast = read_pages_pdfium(data)
    assert fast is not None
    assert _lines(fast) == _lines(read_pages(data))


def _ruled_page_pdf() -> bytes:
    """One line of text above a 2x2 grid of stroked rectangles (a ruled table)."""
    data = pdfgen.text_pdf([[(100, 700, "安全生产月活动", 12)]])
    start = data.index(b"stream\n") + len(b"stream\n")
    content = data[start:data.index(b"\nendstream", start)]
    grid = b"".join(b"%d %d 100 20 re S\n" % (x, y) for x in (100, 200) for y in (600, 620))
    # (object offsets move: both readers rebuild the cross-reference table)
    return data.replace(b"/Length %d >>\nstream\n" % len(content) + content,
                        b"/Length %d >>\nstream\n" % (len(content) + len(grid)) + content + grid, 1)


def test_page_with_rulings_gets_pdfplumbers_tables_without_pdfminer(monkeypatch):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from anquanyue_parse.loaders import pdf_pdfium
    from anquanyue_parse.loaders.pdf import MIN_RULINGS

    data = _ruled_page_pdf()
    assert _count_objects(pdfium.PdfDocument(data)[0], raw)[1] >= MIN_RULINGS  # ruled: a table finder runs
    slow = read_pages(data)
    monkeypatch.setattr(pdf_pdfium, "_pdfplumber_pages", lambda *a: pytest.fail("pdfminer parsed the page"))
    fast = read_pages_pdfium(data)
    assert fast is not None and _lines(fast) == _lines(slow)
    assert fast[0][0].text == "安全生产月活动" and [ln.row for ln in fast[0][1:]] == [True, True]  # the grid's rows


def test_a_rotated_ruled_page_is_read_by_pdfplumber(monkeypatch):
    from anquanyue_parse.loaders import pdf_pdfium

    data = _ruled_page_pdf().replace(b"/Type /Page ", b"/Type /Page /Rotate 90 ", 1)
    assert b"/Rotate 90" in data
    read = []
    real = pdf_pdfium._pdfplumber_pages
    monkeypatch.setattr(pdf_pdfium, "_pdfplumber_pages", lambda d, pages: read.append(pages) or real(d, pages))
    assert read_pages_pdfium(data) is not None and read == [[0]]


#: Subpaths as pdfminer's paint_path makes them (letters, end points; None is the "h" point).
SUBPATHS = [
    ("ml", [(0, 0), (100, 0)], "line"),
    ("mlh", [(0, 0), (0, 50), None], "line"),
    ("mlllh", [(0, 0), (100, 0), (100, 20), (0, 20), None], "rect"),  # "re"
    ("mllllh", [(0, 0), (100, 0), (100, 20), (0, 20), (0, 0), None], "rect"),  # PDFium's "re"
    ("mllll", [(0, 0), (0, 20), (100, 20), (100, 0), (0, 0)], "rect"),
    ("mlllh", [(0, 0), (100, 0), (90, 20), (0, 20), None], "curve"),  # not axis-aligned
    ("mllll", [(0, 0), (100, 0), (100, 20), (0, 20), (0, 1)], "curve"),  # not closed
    ("mcl", [(0, 0), (50, 50), (100, 0)], "curve"),
]


@pytest.mark.parametrize("shape, pts, kind", SUBPATHS)
def test_subpaths_become_pdfminers_objects(shape, pts, kind):
    from anquanyue_parse.loaders.pdf_tables import _classify

    found: dict[str, list] = {"line": [], "rect": [], "curve": []}
    _classify(shape, pts, 800.0, found["line"], found["rect"], found["curve"])
    assert {k: len(v) for k, v in found.items()} == {k: int(k == kind) for k in found}
    obj = found[kind][0]
    assert obj["top"] == 800.0 - obj["y1"] and obj["bottom"] == 800.0 - obj["y0"]


@pytest.mark.parametrize("data", [pdfgen.image_only_pdf(), pdfgen.encrypted_pdf(), b"%PDF-1.4 broken"],
                         ids=["scan", "encrypted", "broken"])
def test_documents_pdfplumber_must_judge(data):
    assert read_pages_pdfium(data) is None


@pytest.mark.parametrize("data, readable", [(pdfgen.text_pdf(DOCUMENTS["pages"]), True), (_ruled_page_pdf(), True),
                                            (pdfgen.image_only_pdf(2), False), (pdfgen.encrypted_pdf(), False),
                                            (b"%PDF-1.4 broken", False)],
                         ids=["text", "ruled", "image-only", "encrypted", "broken"])
def test_one_pass_gives_the_scans_and_the_lines_of_two(data, readable):
    from anquanyue_parse.loaders.pdf_pdfium import fill_pages, read_document
    from anquanyue_parse.loaders.pdf_scan import scanned_pages

    first = read_document(data)
    scans, n_pages = scanned_pages(data)
    assert first.scans == scans and (first.n_pages == n_pages or not scans)
    fast = fill_pages(data, first.pages)
    assert (fast is not None) == readable
    assert fast is None or _lines(fast) == _lines(read_pages(data))


def test_glyphs_pdfium_drops_send_the_page_to_pdfplumber():
    """A non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap (old government PDFs):
    PDFium drops its Chinese glyphs (keeping digits and quotes), pdfminer decodes them."""
    from tests.loaders import scangen as sg

    pages = sg.layout_notice("常经贸安〔2002〕32号\n关于开展安全生产月活动的通知\n各区经贸局：\n"
                             "一、活动主题\n安全发展 预防为主\n常州市经济贸易委员会\n2002年5月20日\n")
    data = sg.text_version(pages)
    fast = read_pages_pdfium(data)
    assert fast is not None and _lines(fast) == _lines(read_pages(data))
    assert any("安全生产月" in ln.text for ln in fast[0])
