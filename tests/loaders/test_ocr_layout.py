"""OCR lines (anquanyue_parse/loaders/ocr_layout.py) and their joining: what the engine's boxes
become before the PDF joiner reads them, as example tables (no engine needed)."""

from __future__ import annotations

import pytest

from anquanyue_parse.loaders.ocr_layout import DIGIT_DASH_PATTERN, OcrLine, unify_sizes
from anquanyue_parse.loaders.pdf_layout import Line, layout_text

#: OCR text -> after the digit-dash repair.
DASH_EXAMPLES = [
    ("电话：0731一87822345", "电话：0731-87822345"),  # － read as the Han 一
    ("０５７７一６３６８１１１９", "０５７７-６３６８１１１９"),  # fullwidth digits
    ("一、活动主题", "一、活动主题"),  # a heading's 一: no digit either side
    ("二〇一一年五月", "二〇一一年五月"),  # a date in Han numerals
    ("第1一批", "第1一批"),  # a digit on one side only
]


@pytest.mark.parametrize("text,expected", DASH_EXAMPLES, ids=[t for t, _ in DASH_EXAMPLES])
def test_digit_dash(text, expected):
    assert DIGIT_DASH_PATTERN.sub("-", text) == expected


def _line(text: str, size: float, bottom: float = 100.0, x0: float = 79.4, x1: float = 521.0) -> OcrLine:
    return OcrLine(x0=x0, x1=x1, top=bottom - size, bottom=bottom, size=size, text=text)


BODY = "各科室要高度重视，科室主任为本科室消防安全第一责任人，于"

#: (text, measured size) -> size after unify_sizes on a page of 16.1 pt body lines and a 22 pt title.
SIZE_EXAMPLES = [
    ("科。", 19.0, 16.1),  # a paragraph's short last line: its box stands taller
    ("录。", 18.2, 16.1),
    ("72-8021119", 14.9, 16.1),  # a wrapped phone number: digits stand lower than Han
    ("的通知", 22.6, 22.0),  # a title's short last line: nearer the title than 1.25 x the body
    ("主题词：安全生产", 12.0, 12.0),  # a strong line of another font keeps its own size
]


@pytest.mark.parametrize("text,measured,expected", SIZE_EXAMPLES, ids=[t for t, _, _ in SIZE_EXAMPLES])
def test_weak_sizes_take_the_body_size(text, measured, expected):
    lines = [_line(BODY, s) for s in (16.0, 16.1, 16.1, 16.2, 16.1)]
    lines += [_line("关于开展安全生产月活动的", 22.0), _line(text, measured)]
    unify_sizes([lines])
    assert lines[-1].size == expected
    assert lines[0].size == 16.1 and lines[5].size == 22.0


#: (end of a full line, next line) -> joined text.
JOIN_EXAMPLES = [
    ("联系人：谭志强，电话：0731-87", "822345。", "联系人：谭志强，电话：0731-87822345。"),  # a number wrapped
    ("联系邮箱 Safety", "Month 2024。", "联系邮箱 Safety Month 2024。"),  # Latin words keep a space
    ("于11月8日前将科室名单报保卫", "科。", "于11月8日前将科室名单报保卫科。"),
]


@pytest.mark.parametrize("first,second,joined", JOIN_EXAMPLES, ids=[j for _, _, j in JOIN_EXAMPLES])
def test_wrapped_lines_join(first, second, joined):
    page = [Line(79.4, 521.0, 84.0 + 29 * i, 100.0 + 29 * i, 16.0, BODY) for i in range(4)]
    page += [Line(79.4, 521.0, 200.0, 216.0, 16.0, first), Line(79.4, 150.0, 229.0, 245.0, 16.0, second)]
    text, _ = layout_text([page])
    assert text.endswith(joined)
