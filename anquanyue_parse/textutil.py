"""Script and width folding any stage may use: traditional -> simplified (OpenCC ``t2s``,
one character for one, so offsets hold) and the one-to-one fold of the *match* text
(full-width ASCII, ideographic space, dash and quote variants)."""

from __future__ import annotations

import functools

__all__ = ["fold", "to_simplified"]

#: One-to-one folding: full-width ASCII, ideographic space, dashes, corner quotes, dots.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
for _ch in "—–－─―‐‑‒−﹣":
    _FOLD[ord(_ch)] = ord("-")
for _a, _b in {"「": "“", "」": "”", "『": "“", "』": "”", "〝": "“", "〞": "”", "‘": "“", "’": "”", "＂": "\"",
               "•": "·", "・": "·", "‧": "·", "﹒": ".", "．": ".",
               "（": "(", "）": ")", "，": ",", "：": ":", "；": ";"}.items():
    _FOLD[ord(_a)] = ord(_b)


@functools.lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


#: The fold table grows with the traditional characters met so far (one dict, reused).
_TABLE: dict[int, int] = dict(_FOLD)
_T2S: dict[int, int] = {}
_SEEN: set[str] = set()  # characters already looked up


def _fold_table(text: str) -> dict[int, int]:
    """The fold table, extended with traditional -> simplified for new Han characters in ``text``."""
    unseen = set(text) - _SEEN
    if unseen:
        _learn(unseen)
    return _TABLE


def _learn(unseen) -> None:
    """Look new characters up: traditional -> simplified for Han ones, into ``_TABLE``/``_T2S``
    (and the array form of the table, once it exists)."""
    _SEEN.update(unseen)  # (characters below U+3400 need no conversion: seen once, never again)
    new = sorted(ch for ch in unseen if ord(ch) >= 0x3400)
    if _LUT:
        _LUT[1][[ord(ch) for ch in unseen if ord(ch) < _LUT_SIZE]] = True
    if new:
        converted = _opencc().convert("\n".join(new)).split("\n")
        if len(converted) != len(new):  # should not happen; fall back char by char
            converted = [_opencc().convert(ch) for ch in new]
        for src, dst in zip(new, converted):
            if len(dst) == 1 and dst != src:
                _TABLE[ord(src)] = _T2S[ord(src)] = ord(dst)
                if _LUT and ord(src) < _LUT_SIZE:
                    _LUT[0][ord(src)] = ord(dst)


#: Code points the array table covers (the BMP and the supplementary ideographic plane).
_LUT_SIZE = 0x30000
#: ``[table, seen]``: ``_TABLE`` as a code point array and ``_SEEN`` as a mask, built on first use.
_LUT: list = []


def fold(text: str) -> str:
    """``text.translate(_fold_table(text))`` by array lookup: a dict lookup per character costs
    as much as the rest of normalization."""
    import numpy as np

    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return _translate_1to1(text, _fold_table(text))
    if codes.size and int(codes.max()) >= _LUT_SIZE:
        return _translate_1to1(text, _fold_table(text))
    if not _LUT:
        table = np.arange(_LUT_SIZE, dtype=np.uint32)
        items = [(k, v) for k, v in _TABLE.items() if k < _LUT_SIZE]
        table[[k for k, _ in items]] = [v for _, v in items]
        seen = np.zeros(_LUT_SIZE, dtype=bool)
        seen[[ord(ch) for ch in _SEEN if ord(ch) < _LUT_SIZE]] = True
        _LUT[:] = [table, seen]
    table, seen = _LUT
    unseen = codes[~seen[codes]]
    if unseen.size:
        _learn({chr(c) for c in np.unique(unseen).tolist()})
    return table[codes].tobytes().decode("utf-32-le")


def _translate_1to1(text: str, table: dict[int, int]) -> str:
    new = text.translate(table)
    return new if len(new) == len(text) else text



def to_simplified(text: str) -> str:
    """Traditional -> simplified, character by character (length-preserving), e.g. "發佈" -> "发布"."""
    _fold_table(text)
    return text.translate(_T2S)
