"""The OCR engine: RapidOCR (PP-OCRv4 Chinese models inside the ``rapidocr-onnxruntime`` wheel,
run by ONNX Runtime), installed by the ``ocr`` extra. Nothing is downloaded at run time.

:func:`recognize` takes one page image and gives the text boxes the engine found, each as
an :class:`OcrBox` (the four corners in image pixels, the text, the engine's confidence).
The engine is created once per process and kept.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from ..errors import MissingDependency

__all__ = ["OcrBox", "recognize", "engine_available", "engine_id", "OCR_HINT", "ENGINE_SETTINGS"]

#: What a user runs to get OCR (one line, for errors and warnings).
OCR_HINT = "pip install 'anquanyue_parse[ocr]' (rapidocr-onnxruntime, PP-OCRv4 Chinese models in the wheel)"

#: Settings given to RapidOCR. Boxes under ``text_score`` are dropped by the engine itself;
#: ``max_side_len`` is large enough that a 300-dpi A4 page (2480 x 3508) is not shrunk.
ENGINE_SETTINGS = {"text_score": 0.5, "max_side_len": 4000}


@dataclass(frozen=True)
class OcrBox:
    """A text box read by the engine: corners clockwise from top-left, (x, y) in image pixels."""

    quad: tuple[tuple[float, float], ...]
    text: str
    conf: float

    def to_json(self) -> list:
        return [[list(p) for p in self.quad], self.text, self.conf]

    @classmethod
    def from_json(cls, raw: list) -> "OcrBox":
        quad, text, conf = raw
        return cls(tuple((float(x), float(y)) for x, y in quad), str(text), float(conf))


def engine_available() -> bool:
    """True when the ``ocr`` extra is installed and its engine imports."""
    return _import_error() is None


@functools.lru_cache(maxsize=1)
def _import_error() -> Optional[str]:
    """Why the engine cannot be imported (None when it can): the extra is missing, or OpenCV
    lacks a system library (``libGL.so.1``: ``apt-get install libgl1 libglib2.0-0``)."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError as exc:
        if "lib" in str(exc) and ".so" in str(exc):
            return f"the OCR engine needs a system library ({exc}): apt-get install libgl1 libglib2.0-0"
        return f"OCR needs the ocr extra: {OCR_HINT}"
    return None


def engine_id() -> str:
    """Engine name and version, part of the OCR cache key (a new engine reads again)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"rapidocr-onnxruntime-{version('rapidocr-onnxruntime')}"
    except PackageNotFoundError:
        return "rapidocr-onnxruntime"


@functools.lru_cache(maxsize=1)
def _engine():
    problem = _import_error()
    if problem:
        raise MissingDependency(problem)
    from rapidocr_onnxruntime import RapidOCR

    import logging

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR(**ENGINE_SETTINGS)


def recognize(image, path: Optional[str] = None) -> list[OcrBox]:
    """The text boxes of ``image`` (a PIL image), in the engine's order."""
    import numpy as np

    try:
        engine = _engine()
    except MissingDependency as exc:
        raise MissingDependency(str(exc), path) from None
    rgb = np.asarray(image.convert("RGB"))
    result, _ = engine(rgb[:, :, ::-1].copy())  # the engine works on OpenCV's BGR order
    out = []
    for quad, text, conf in result or []:
        out.append(OcrBox(tuple((float(x), float(y)) for x, y in quad), str(text), float(conf)))
    return out
