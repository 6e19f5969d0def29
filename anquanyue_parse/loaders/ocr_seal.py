"""Seal removal before OCR: a red round seal stamped over the signature and the date hides the
characters under it (the engine misreads 日 under the star, or drops the issuer's last
character), so the seal's ink is taken off the page image before the engine reads it.

Only colour images are touched (a grey scan has no hue to tell ink from text). The red
pixels are grouped into blobs on a coarse grid (cells of about 1 mm); a blob is a seal when
its box is about square and 20-60 mm across (a GB/T 9704 seal is 38-45 mm round, an oval
one about 45 x 30 mm). The red header (large red text at the top: one wide line) and the
red rule under the 文号 are wide and flat, so they are kept.

Inside a seal's box a reddish pixel takes the value its red channel says: seal ink lets red
through, so the red channel of ink over paper is about the paper's, and of ink over black
text stays dark. Ink becomes paper colour, text under the seal stays black, and the
anti-aliased edge of a stroke keeps its grey.
"""

from __future__ import annotations

from collections import deque
from typing import Optional

__all__ = ["remove_seals", "red_mask", "seal_boxes", "SEAL_STAGE", "RED_MARGIN", "SEAL_MM"]

#: Tag of this stage, kept with each cached page it changed (a new version reads it again).
SEAL_STAGE = "seal1"
#: A pixel is red ink when its red channel exceeds both others by this much and is itself
#: bright, e.g. seal ink (215, 40, 40) or a red header (200, 20, 20); black text (20, 20, 20)
#: and a red-over-black overlap (30, 5, 5) are not.
RED_MARGIN = 80
RED_MIN = 120
#: Inside a seal, a pixel is recoloured when red exceeds green and blue by this much: the
#: edge of a black stroke under the ink, e.g. (108, 20, 20), becomes grey (128).
REDDISH_MARGIN = 30
#: Side of a grid cell, mm; a cell with at least RED_CELL_SHARE red pixels is a red cell.
CELL_MM = 1.0
RED_CELL_SHARE = 0.02
#: Red cells closer than this (mm) join one blob: the ring, the star and the arc of text.
JOIN_MM = 3.0
#: Blobs one above the other, their columns overlapping by half the narrower, join across a
#: vertical gap up to this (mm): a line of 3号 text (5.6 mm) under the seal cuts the ring
#: into an upper and a lower arc.
LINE_GAP_MM = 8.0
#: A seal's box: its longer side within this range (mm), the shorter at least SEAL_ASPECT
#: of the longer; e.g. a 42 mm round seal (42 x 42) is one, a red header line of 150 x 12
#: mm is not.
SEAL_MM = (20.0, 60.0)
SEAL_ASPECT = 0.6
#: Margin (mm) added around a seal's box before recolouring (the ring's blurred edge).
PAD_MM = 1.5

#: A box in image pixels: (left, top, right, bottom), right and bottom exclusive.
Box = tuple[int, int, int, int]


def red_mask(rgb):
    """Boolean mask of the red-ink pixels of an RGB array (height x width x 3, uint8)."""
    import numpy as np

    c = rgb.astype(np.int16)
    r, other = c[:, :, 0], np.maximum(c[:, :, 1], c[:, :, 2])
    return (r >= RED_MIN) & (r - other >= RED_MARGIN)


def _cells(mask, cell: int):
    """The coarse grid: True where a cell of ``cell`` x ``cell`` pixels holds enough red."""
    import numpy as np

    h, w = mask.shape
    gh, gw = -(-h // cell), -(-w // cell)
    padded = np.zeros((gh * cell, gw * cell), dtype=bool)
    padded[:h, :w] = mask
    share = padded.reshape(gh, cell, gw, cell).mean(axis=(1, 3))
    return share >= RED_CELL_SHARE


def _dilate(grid, steps: int):
    """``grid`` grown by ``steps`` cells in each direction (a square neighbourhood)."""
    import numpy as np

    out = grid.copy()
    for _ in range(steps):
        grown = out.copy()
        grown[1:, :] |= out[:-1, :]
        grown[:-1, :] |= out[1:, :]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return np.asarray(out)


def _blobs(grid, joined) -> list[tuple[int, int, int, int]]:
    """Cell boxes (left, top, right, bottom; inclusive) of the red cells of ``grid``, grouped
    by the connected parts of ``joined`` (the grid dilated)."""
    seen = set()
    out = []
    rows, cols = grid.shape
    for start in zip(*grid.nonzero()):
        if start in seen:
            continue
        seen.add(start)
        todo, part = deque([start]), []
        while todo:
            y, x = todo.popleft()
            part.append((y, x))
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < rows and 0 <= nx < cols and joined[ny, nx] and (ny, nx) not in seen:
                    seen.add((ny, nx))
                    todo.append((ny, nx))
        red = [(y, x) for y, x in part if grid[y, x]]
        ys, xs = [p[0] for p in red], [p[1] for p in red]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _stacked(blobs: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """``blobs`` with the ones stacked one above the other (a vertical gap up to ``gap``
    cells, columns overlapping by half the narrower) joined, until none joins."""
    blobs = sorted(blobs, key=lambda b: (b[1], b[0]))
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(blobs):
            for j in range(i + 1, len(blobs)):
                b = blobs[j]
                overlap = min(a[2], b[2]) - max(a[0], b[0]) + 1
                narrower = min(a[2] - a[0], b[2] - b[0]) + 1
                if overlap * 2 >= narrower and max(a[1], b[1]) - min(a[3], b[3]) - 1 <= gap:
                    blobs[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del blobs[j]
                    joined = True
                    break
            if joined:
                break
    return blobs


def seal_boxes(mask, dpi: float) -> list[Box]:
    """The boxes (image pixels) of the red blobs of ``mask`` shaped as seals."""
    per_mm = dpi / 25.4
    cell = max(1, round(CELL_MM * per_mm))
    grid = _cells(mask, cell)
    if not grid.any():
        return []
    joined = _dilate(grid, max(1, round(JOIN_MM / CELL_MM / 2)))
    h, w = mask.shape
    pad = round(PAD_MM * per_mm)
    out = []
    for x0, y0, x1, y1 in _stacked(_blobs(grid, joined), round(LINE_GAP_MM / CELL_MM)):
        width, height = (x1 - x0 + 1) * CELL_MM, (y1 - y0 + 1) * CELL_MM
        long, short = max(width, height), min(width, height)
        if SEAL_MM[0] <= long <= SEAL_MM[1] and short >= SEAL_ASPECT * long:
            out.append((max(0, x0 * cell - pad), max(0, y0 * cell - pad),
                        min(w, (x1 + 1) * cell + pad), min(h, (y1 + 1) * cell + pad)))
    return out


def _paper(rgb):
    """The paper's colour: the per-channel median of the page (most of a page is paper)."""
    import numpy as np

    return np.median(rgb[::8, ::8].reshape(-1, 3), axis=0)


def _clear(rgb, box: Box, mask, paper) -> None:
    """Recolour the reddish pixels of ``box`` in place from their red channel (see the module doc)."""
    import numpy as np

    x0, y0, x1, y1 = box
    part = rgb[y0:y1, x0:x1].astype(np.float32)
    ink = part[:, :, 0][mask[y0:y1, x0:x1]]
    if ink.size == 0:
        return
    ink_red = max(float(np.median(ink)), 1.0)
    reddish = part[:, :, 0] - np.maximum(part[:, :, 1], part[:, :, 2]) >= REDDISH_MARGIN
    level = np.clip(part[:, :, 0] / ink_red, 0.0, 1.0)[:, :, None] * paper[None, None, :]
    part[reddish] = level[reddish]
    rgb[y0:y1, x0:x1] = np.clip(part, 0, 255).astype(np.uint8)


def remove_seals(image, dpi: float) -> tuple[object, Optional[str]]:
    """``image`` with its seals taken off, and SEAL_STAGE; ``(image, None)`` unchanged when it is
    not a colour image or holds no seal."""
    import numpy as np

    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        return image, None  # grey or bilevel: no hue
    rgb = np.array(image.convert("RGB"))
    mask = red_mask(rgb)
    if not mask.any():
        return image, None
    boxes = seal_boxes(mask, dpi)
    if not boxes:
        return image, None
    paper = _paper(rgb).astype(np.float32)
    for box in boxes:
        _clear(rgb, box, mask, paper)
    from PIL import Image

    return Image.fromarray(rgb, "RGB"), SEAL_STAGE
