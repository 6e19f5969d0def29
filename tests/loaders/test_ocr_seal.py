"""Seal removal before OCR (anquanyue_parse/loaders/ocr_seal.py): the red-ink mask, which red
blobs are seals, and a seal over the signature that no longer breaks the issuer and the date."""

from __future__ import annotations

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.loaders import ocr_engine
from anquanyue_parse.loaders.ocr_seal import SEAL_STAGE, red_mask, remove_seals, seal_boxes
from tests.loaders import scangen as sg
from tests.loaders.generate import CORPUS

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")

#: Pixel colour -> red ink (the mask), with where such a pixel is found.
MASK_EXAMPLES = [
    ((215, 40, 40), True),  # seal ink on white paper
    ((200, 20, 20), True),  # a red header's ink (told from a seal by its shape, not its colour)
    ((240, 150, 150), True),  # the pale edge of a ring
    ((245, 200, 200), False),  # a paler edge: recoloured inside a seal only (REDDISH_MARGIN)
    ((0, 0, 0), False),  # black text
    ((30, 5, 5), False),  # black text under the ink: dark, so text
    ((108, 20, 20), False),  # the anti-aliased edge of a stroke under the ink
    ((128, 128, 128), False),  # grey
    ((250, 250, 245), False),  # paper
]


@pytest.mark.parametrize("colour,ink", MASK_EXAMPLES, ids=[str(c) for c, _ in MASK_EXAMPLES])
def test_red_mask(colour, ink):
    pixel = np.array([[colour]], dtype=np.uint8)
    assert bool(red_mask(pixel)[0, 0]) is ink


#: The synthetic page: 100 dpi (1 mm = 3.94 px), 210 x 150 mm.
DPI, MM = 100, 100 / 25.4


def _page():
    """Paper with a red header line at the top (ten 11 x 12 mm red blocks), a line of black
    "characters" (5 x 6 mm blocks) and a 42 mm red ring with a filled disc multiplied over it."""
    from PIL import ImageChops, ImageDraw

    page = Image.new("RGB", (round(210 * MM), round(150 * MM)), (255, 255, 255))
    d = ImageDraw.Draw(page)
    for k in range(10):  # the header's characters
        x = (35 + 14 * k) * MM
        d.rectangle([x, 10 * MM, x + 11 * MM, 22 * MM], fill=(200, 20, 20))
    for k in range(15):  # a line of the signature, cutting the ring in two arcs
        x = (60 + 6 * k) * MM
        d.rectangle([x, 95 * MM, x + 5 * MM, 101 * MM], fill=(0, 0, 0))
    seal = Image.new("RGB", page.size, (255, 255, 255))
    s = ImageDraw.Draw(seal)
    cx, cy, r = 105 * MM, 98 * MM, 21 * MM
    s.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(215, 40, 40), width=round(1.2 * MM))
    s.ellipse([cx - 6 * MM, cy - 6 * MM, cx + 6 * MM, cy + 6 * MM], fill=(215, 40, 40))
    return ImageChops.multiply(page, seal), (cx, cy, r)


def test_only_the_seal_is_a_seal_and_only_its_ink_goes():
    page, (cx, cy, r) = _page()
    rgb = np.array(page)
    boxes = seal_boxes(red_mask(rgb), DPI)
    assert len(boxes) == 1  # the header line is wide and flat: kept
    x0, y0, x1, y1 = boxes[0]
    assert x0 <= cx - r < cx + r <= x1 and y0 <= cy - r < cy + r <= y1
    clean, stage = remove_seals(page, DPI)
    assert stage == SEAL_STAGE
    out = np.array(clean)
    ring = out[round(cy), round(cx + r - 0.5 * MM)]  # on the ring, beside the bar
    assert ring.min() >= 240, ring
    under = out[round(cy), round(cx - 1 * MM)]  # a character under the disc: still black
    assert under.max() <= 40, under
    assert (out[round(16 * MM), round(40 * MM)] == (200, 20, 20)).all()  # the header: untouched
    assert not red_mask(out[y0:y1, x0:x1]).any()


def test_grey_scans_and_pages_without_a_seal_are_left_alone():
    page, _ = _page()
    grey = page.convert("L")
    assert remove_seals(grey, DPI) == (grey, None)
    header_only = page.crop((0, 0, page.size[0], round(40 * MM)))
    assert remove_seals(header_only, DPI) == (header_only, None)


needs_engine = pytest.mark.skipif(not ocr_engine.engine_available(),
                                  reason="the OCR engine is missing: pip install 'anquanyue_parse[ocr]'")

#: A notice whose last page's seal (seed 0) covers the signature and the date.
SEALED = CORPUS / "blind8" / "019.txt"


@needs_engine
def test_a_seal_over_the_signature_no_longer_breaks_issuer_and_date(monkeypatch):
    pages = sg.layout_notice(SEALED.read_text("utf-8"))
    last = pages[-1]
    assert last.seal_at is not None
    text = parse_file(file=sg.text_version([last]), name="page.pdf")
    assert text.issuer and text.issue_date
    scan = sg.image_pdf([sg.degrade(sg.page_image(last, 200), ("seal",), last, 200, seed=0)], 200)
    read = parse_file(file=scan, name="scan.pdf")
    assert (read.issuer, read.issue_date) == (text.issuer, text.issue_date)
    # without the stage the same scan loses one of them (the test's fixture shows the harm)
    monkeypatch.setattr("anquanyue_parse.loaders.ocr.remove_seals", lambda image, dpi: (image, None))
    sealed = parse_file(file=scan, name="sealed.pdf")
    assert (sealed.issuer, sealed.issue_date) != (text.issuer, text.issue_date)
