"""Hand-written PDFs for loader tests: text at exact positions, image-only (grey or a page of
Chinese text drawn with the packaged CJK font, as a scan), encrypted."""

from __future__ import annotations

import hashlib
import struct
import zlib


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """Serialize numbered objects (1..n, object 1 is the catalog) with a valid xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


#: A line of text placed at (x, y) in points from the bottom-left corner, font size in points.
PdfLine = tuple[float, float, str, float]


def text_pdf(pages: list[list[PdfLine]], width: float = 595.0, height: float = 842.0) -> bytes:
    """A PDF whose lines sit at exact positions: a CJK CID font (STSong-Light, UniGB-UCS2-H, not
    embedded), every character one em wide, so line ends and indents are known to the point."""
    n_pages = len(pages)
    font_num = 3 + 2 * n_pages
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n_pages))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages))
    for i, lines in enumerate(pages):
        content = bytearray()
        for x, y, text, size in lines:
            hexed = text.encode("utf-16-be").hex().upper().encode()
            content += b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, hexed)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (width, height, 4 + 2 * i, font_num))
        objs.append(_stream(bytes(content)))
    objs += song_font_objects(font_num)
    return _pdf(objs)


def song_font_objects(font_num: int, identity: bool = False) -> list[bytes]:
    """The objects of a non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap
    (object ``font_num`` is the Type0 font): how old government PDFs set Chinese text. With
    ``identity`` the codes are Identity-H and a ToUnicode map (object ``font_num + 3``) makes
    each code its own character: through UniGB-UCS2-H and Adobe-GB1 pdfminer loses the
    characters GB1 lacks, e.g. the · of “6·16”."""
    encoding, ordering = (b"Identity-H", b"(Identity) /Supplement 0") if identity else (b"UniGB-UCS2-H", b"(GB1) /Supplement 2")
    to_unicode = b" /ToUnicode %d 0 R" % (font_num + 3) if identity else b""
    objs = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s "
        b"/DescendantFonts [%d 0 R]%s >>" % (encoding, font_num + 1, to_unicode),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering %s >> "
        b"/FontDescriptor %d 0 R >>" % (ordering, font_num + 2),
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    return objs + [_stream(_IDENTITY_TO_UNICODE)] if identity else objs


#: A ToUnicode CMap mapping every 2-byte code to the character of that UCS-2 value.
_IDENTITY_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS2-Identity def "
    b"/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    + b"".join(b"%d beginbfrange\n" % min(100, 256 - start) + b"".join(b"<%02X00> <%02XFF> <%02X00>\n" % (h, h, h)
               for h in range(start, min(start + 100, 256))) + b"endbfrange\n" for start in range(0, 256, 100))
    + b"endcmap CMapName currentdict /CMap defineresource pop end end")


def image_only_pdf(pages: int = 1) -> bytes:
    """A scan-like PDF: each page only paints a grey 16x16 image, no text operators at all."""
    pixels = bytes((x * 16 + y) % 256 for y in range(16) for x in range(16))
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    img_num = 3 + 2 * pages
    for i in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (4 + 2 * i, img_num))
        objs.append(_stream(b"q 500 0 0 700 47 70 cm /Im1 Do Q"))
    objs.append(_stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width 16 /Height 16 "
                        b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "))
    return _pdf(objs)


def scanned_text_pdf(lines: list[str], size: int = 28, dpi: int = 150) -> bytes:
    """A scan-like one-page PDF: ``lines`` drawn (Pillow, the CJK font of anquanyue_parse.fonts)
    into a grey image that is the whole page; no text operators, so no text layer.
    Raises RuntimeError when no CJK font is installed (the font would draw empty boxes)."""
    from PIL import Image, ImageDraw, ImageFont

    from anquanyue_parse.fonts import CJK_FONT_HINT, cjk_font_file

    font_file = cjk_font_file()
    if font_file is None:
        raise RuntimeError(f"no CJK font to draw the scan with: {CJK_FONT_HINT}")
    # face 2 of the Noto Sans CJK collection is SC; a single-face font has only face 0
    try:
        font = ImageFont.truetype(str(font_file), size, index=2)
    except OSError:
        font = ImageFont.truetype(str(font_file), size)
    width, height = int(595 * dpi / 72), int(842 * dpi / 72)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((int(0.1 * width), int(0.08 * height) + i * int(size * 1.8)), line, font=font, fill=0)
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                         b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
                         _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
                         _stream(zlib.compress(img.tobytes()), b"/Type /XObject /Subtype /Image /Width %d "
                                 b"/Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                                 % (width, height))]
    return _pdf(objs)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: str = "secret", owner_password: str = "owner", text: str = "Secret notice") -> bytes:
    """A PDF encrypted with the standard security handler (RC4 40-bit, revision 2), as the PDF
    specification's algorithms 2-4 describe; it opens only with ``user_password``."""
    user = (user_password.encode("latin-1") + _PAD)[:32]
    owner = (owner_password.encode("latin-1") + _PAD)[:32]
    o_entry = _rc4(hashlib.md5(owner).digest()[:5], user)
    perms = -4
    file_id = hashlib.md5(text.encode()).digest()
    key = hashlib.md5(user + o_entry + struct.pack("<i", perms) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def enc(num: int, data: bytes) -> bytes:
        return _rc4(hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10], data)

    content = b"BT /F1 24 Tf 72 700 Td (%s) Tj ET" % text.encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(enc(4, content)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_entry.hex().encode(), u_entry.hex().encode(), perms),
    ]
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode())
    return _pdf(objs, trailer)
