"""Scanned notices made from corpus texts: a GB/T 9704 page layout (red header, 文号 and red
rule, centered title, recipients, justified body of 28 characters a line, signature and
date, page numbers), written both as a text PDF and as page images drawn with the packaged
CJK font at the same positions, then degraded as scans are and wrapped as image-only PDFs
and as photos.

* ``layout_notice(text)``: the notice's glyphs page by page (points, top-down);
* ``text_version(pages)``: the text PDF (every glyph at its position, a CID font);
* ``page_image(page, dpi)``: the page as printed, drawn with Pillow (the packaged Noto Sans
  CJK, so a machine with only Python draws it; the text PDF names a font it does not embed,
  so PDFium could not draw it without a system CJK font);
* ``degrade(image, kinds, seed)``: grey, rotation (0.5-2°), blur, JPEG compression, a red
  seal over the signature;
* ``image_pdf(images, dpi)``, ``photo(image, fmt)``: the scan as an image-only PDF or a file.
"""

from __future__ import annotations

import functools
import io
import random
from dataclasses import dataclass, field

import regex

from tests.loaders.pdfgen import _pdf, _stream, song_font_objects

#: A4 in points; GB/T 9704 text block: 156 x 225 mm from 28 mm left and 37 mm top.
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, TOP, BLOCK_W = 79.4, 104.9, 442.2
#: 22 body lines a page at 3号 (16 pt); the title in 2号 (22 pt), the red header larger.
BODY_PT, TITLE_PT, HEADER_PT, LINES_PER_PAGE = 16.0, 22.0, 30.0, 22
LINE_PITCH = 28.9
RED = (200, 20, 20)
BLACK = (0, 0, 0)

#: Lines of the notice text by role.
HEADER_LINE = regex.compile(r"^\S{2,30}文件$")
DOC_NUMBER_LINE = regex.compile(r"^\S{1,16}[〔\[（(【]\s*\d{4}\s*[〕\]）)】]\s*\d{1,4}\s*号$")
TITLE_LINE = regex.compile(r"^关于|(?:通知|方案|意见)$")
DATE_LINE = regex.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}"
                          r"|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")
RECORD_LINE = regex.compile(r"^(?:抄送|抄报|\S{2,30}\s+\d{4}年\d{1,2}月\d{1,2}日印发)")

#: Degradations, in the order they are applied.
DEGRADATIONS = ("seal", "rotate", "blur", "grey", "jpeg")


@dataclass
class Glyph:
    ch: str
    x: float  # left, points
    base: float  # baseline, points from the top
    size: float
    color: tuple[int, int, int] = BLACK


@dataclass
class Page:
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y) red rules
    seal_at: tuple[float, float] | None = None  # center of the seal, points


@functools.lru_cache(maxsize=None)
def _font(px: float):
    from PIL import ImageFont

    from anquanyue_parse.fonts import CJK_FONT_HINT, cjk_font_file

    path = cjk_font_file()
    if path is None:
        raise RuntimeError(f"no CJK font to draw the scan with: {CJK_FONT_HINT}")
    try:
        return ImageFont.truetype(str(path), max(1, round(px)), index=2)  # face 2: Noto Sans CJK SC
    except OSError:
        return ImageFont.truetype(str(path), max(1, round(px)))


def _advance(ch: str, size: float) -> float:
    """The glyph's advance in points at ``size`` (measured at 10x for precision)."""
    return _font(size * 10).getlength(ch) / 10


def _wrap(text: str, size: float, first_indent: float) -> list[tuple[str, float, bool]]:
    """(line text, indent, full) per line; a full line is justified to the block's width."""
    out, cur, width, indent = [], "", 0.0, first_indent
    for ch in text:
        w = _advance(ch, size)
        if cur and indent + width + w > BLOCK_W + 0.01:
            out.append((cur, indent, True))
            cur, width, indent = "", 0.0, 0.0
        cur += ch
        width += w
    if cur:
        out.append((cur, indent, False))
    return out


class _Composer:
    def __init__(self):
        self.pages: list[Page] = [Page()]
        self.y = TOP

    def _room(self, size: float) -> None:
        if self.y + size > TOP + LINES_PER_PAGE * LINE_PITCH:
            self.pages.append(Page())
            self.y = TOP

    def line(self, text: str, size: float, x: float, color=BLACK, justify: bool = False, pitch: float = 0) -> None:
        self._room(size)
        base = self.y + size * 0.88
        gaps = max(1, len(text) - 1)
        extra = (BLOCK_W - (x - LEFT) - sum(_advance(c, size) for c in text)) / gaps if justify else 0.0
        for ch in text:
            self.pages[-1].glyphs.append(Glyph(ch, x, base, size, color))
            x += _advance(ch, size) + extra
        self.y += pitch or max(LINE_PITCH, size * 1.5)

    def centered(self, text: str, size: float, color=BLACK, spaced: float = 0.0) -> None:
        width = sum(_advance(c, size) for c in text) + spaced * (len(text) - 1)
        x = LEFT + (BLOCK_W - width) / 2
        self._room(size)
        base = self.y + size * 0.88
        for ch in text:
            self.pages[-1].glyphs.append(Glyph(ch, x, base, size, color))
            x += _advance(ch, size) + spaced
        self.y += max(LINE_PITCH, size * 1.5)

    def paragraph(self, text: str, size: float = BODY_PT, indent: float = 2.0) -> None:
        for part, ind, full in _wrap(text, size, indent * size):
            self.line(part, size, LEFT + ind, justify=full)

    def right(self, text: str, size: float = BODY_PT, right_indent: float = 4.0) -> tuple[float, float]:
        width = sum(_advance(c, size) for c in text)
        x = LEFT + BLOCK_W - right_indent * size - width
        y = self.y
        self.line(text, size, x)
        return x + width / 2, y + size / 2


def layout_notice(text: str) -> list[Page]:
    """The notice laid out as GB/T 9704 pages (see the module doc)."""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    c = _Composer()
    i = 0
    if paras and HEADER_LINE.match(paras[0]):
        c.y = TOP - 10
        c.centered(paras[0], HEADER_PT, RED, spaced=2.0)
        c.y += 12
        i = 1
    if i < len(paras) and DOC_NUMBER_LINE.match(paras[i]):
        c.centered(paras[i], BODY_PT)
        c.pages[-1].rules.append((LEFT, LEFT + BLOCK_W, c.y - 8))
        c.y += 14
        i += 1
    date_at = max((j for j, p in enumerate(paras) if DATE_LINE.match(p)), default=None)
    signature_at = date_at - 1 if date_at and len(paras[date_at - 1]) <= 24 \
        and not regex.search(r"[。；，：]", paras[date_at - 1]) else None
    title_done = False
    for j in range(i, len(paras)):
        p = paras[j]
        if not title_done and j < i + 3 and TITLE_LINE.search(p) and len(p) <= 80:
            for part, _, _ in _wrap(p, TITLE_PT, 0.0):
                c.centered(part, TITLE_PT)
            c.y += 6
            title_done = True
        elif j == signature_at:
            c.y += LINE_PITCH
            center = c.right(p)
            c.pages[-1].seal_at = center
        elif j == date_at:
            if signature_at is None:
                c.y += LINE_PITCH
            center = c.right(p)
            if c.pages[-1].seal_at is None:
                c.pages[-1].seal_at = center
        elif RECORD_LINE.match(p):
            c.paragraph(p, indent=0.5)
        elif title_done and j == i + 1 and p.endswith(("：", ":")):
            c.paragraph(p, indent=0.0)  # recipients, flush left
        else:
            c.paragraph(p)
    for n, page in enumerate(c.pages, start=1):
        number = f"— {n} —"
        width = sum(_advance(ch, 14) for ch in number)
        x = LEFT + BLOCK_W - width if n % 2 else LEFT
        page.glyphs += [Glyph(ch, x + sum(_advance(d, 14) for d in number[:k]), PAGE_H - 60, 14)
                        for k, ch in enumerate(number)]
    return c.pages


def text_version(pages: list[Page]) -> bytes:
    """The text PDF of the layout: each glyph drawn at its position (STSong-Light, Identity-H
    codes that are the characters' UCS-2 values, with a ToUnicode map)."""
    n = len(pages)
    font_num = 3 + 2 * n
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n))
    for i, page in enumerate(pages):
        content = bytearray()
        for g in page.glyphs:
            if g.ch.isspace():
                continue
            r, gg, b = (v / 255 for v in g.color)
            hexed = g.ch.encode("utf-16-be").hex().upper().encode()
            content += b"%.2f %.2f %.2f rg BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET\n" % (
                r, gg, b, g.size, g.x, PAGE_H - g.base, hexed)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (PAGE_W, PAGE_H, 4 + 2 * i, font_num))
        objs.append(_stream(bytes(content)))
    objs += song_font_objects(font_num, identity=True)  # the · of 6·16 survives (see there)
    return _pdf(objs)


def page_image(page: Page, dpi: float = 200):
    """The page as printed: an RGB image at ``dpi``."""
    from PIL import Image, ImageDraw

    k = dpi / 72
    img = Image.new("RGB", (round(PAGE_W * k), round(PAGE_H * k)), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for x0, x1, y in page.rules:
        draw.line([(x0 * k, y * k), (x1 * k, y * k)], fill=RED, width=max(1, round(1.2 * k)))
    for g in page.glyphs:
        draw.text((g.x * k, g.base * k), g.ch, font=_font(g.size * k), fill=g.color, anchor="ls")
    return img


def _seal(img, center: tuple[float, float], dpi: float, rng: random.Random):
    """A red round seal (ring, star, the unit's name on the arc) multiplied over the page."""
    from PIL import Image, ImageChops, ImageDraw

    k = dpi / 72
    r = 60 * k  # a 42 mm seal
    cx, cy = center[0] * k + rng.uniform(-20, 20) * k, center[1] * k + rng.uniform(-10, 10) * k
    layer = Image.new("RGB", img.size, (255, 255, 255))
    d = ImageDraw.Draw(layer)
    red = (215, 40, 40)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(2, round(3 * k)))
    star = [(cx + 0.28 * r * _cos(90 + 36 * i) * (1 if i % 2 == 0 else 0.4),
             cy - 0.28 * r * _sin(90 + 36 * i) * (1 if i % 2 == 0 else 0.4)) for i in range(10)]
    d.polygon(star, fill=red)
    name = "安全生产委员会办公室专用章"
    font = _font(13 * k)
    for i, ch in enumerate(name):
        angle = 210 - i * 240 / (len(name) - 1)
        x, y = cx + 0.75 * r * _cos(angle), cy - 0.75 * r * _sin(angle)
        glyph = Image.new("L", (round(16 * k), round(16 * k)), 0)
        ImageDraw.Draw(glyph).text((glyph.size[0] / 2, glyph.size[1] / 2), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(angle - 90, expand=True)
        layer.paste(Image.new("RGB", glyph.size, red), (round(x - glyph.size[0] / 2), round(y - glyph.size[1] / 2)),
                    glyph)
    return ImageChops.multiply(img, layer)


def _cos(deg: float) -> float:
    import math

    return math.cos(math.radians(deg))


def _sin(deg: float) -> float:
    import math

    return math.sin(math.radians(deg))


def degrade(img, kinds: tuple[str, ...], page: Page | None = None, dpi: float = 200, seed: int = 0):
    """``img`` degraded by ``kinds`` (any of DEGRADATIONS), deterministic for ``seed``."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    if "seal" in kinds and page is not None and page.seal_at is not None:
        img = _seal(img, page.seal_at, dpi, rng)
    if "rotate" in kinds:
        angle = rng.uniform(0.5, 2.0) * rng.choice((-1, 1))
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    if "blur" in kinds:
        img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.8, 1.2) * dpi / 200))
    if "grey" in kinds:
        img = img.convert("L").point(lambda v: min(255, int(v * 0.92 + 12)))  # paper tint, weaker black
    if "jpeg" in kinds:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(30, 45))
        img = Image.open(io.BytesIO(buf.getvalue()))
        img.load()
    return img


def image_pdf(images: list, dpi: float = 200) -> bytes:
    """An image-only PDF, one page per image (Pillow writes each as a JPEG)."""
    buf = io.BytesIO()
    first, *rest = [im if im.mode in ("RGB", "L") else im.convert("RGB") for im in images]
    import time

    stamp = time.gmtime(1716163200)  # fixed dates: the same scan is the same bytes (and cache key)
    first.save(buf, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=90,
               creationDate=stamp, modDate=stamp)
    return buf.getvalue()


def photo(img, fmt: str = "JPEG", dpi: float | None = None) -> bytes:
    """The image as a file (``JPEG``, ``PNG``, ``TIFF``, ``BMP``, ``WEBP``), with ``dpi`` stated or not."""
    buf = io.BytesIO()
    extra = {"dpi": (dpi, dpi)} if dpi and fmt in ("JPEG", "PNG", "TIFF") else {}
    if fmt == "JPEG":
        extra["quality"] = 90
    img.save(buf, fmt, **extra)
    return buf.getvalue()


def scanned_notice(text: str, kinds: tuple[str, ...] = (), dpi: float = 200, seed: int = 0) -> tuple[bytes, list]:
    """The notice's text PDF and its degraded page images."""
    pages = layout_notice(text)
    images = [degrade(page_image(p, dpi), kinds, p, dpi, seed + i) for i, p in enumerate(pages)]
    return text_version(pages), images
