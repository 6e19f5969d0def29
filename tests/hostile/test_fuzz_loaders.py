"""Fuzz the loaders: random bytes, truncations and byte mutations of real files of each format.

Only typed errors (``anquanyue_parse.errors``) may come out, never another exception.
The normal suite runs FUZZ_EXAMPLES (default 25) examples per format; ``make fuzz`` runs
many more (ANQUANYUE_FUZZ_EXAMPLES), with a random seed each time.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anquanyue_parse.errors import AnquanyueError
from anquanyue_parse.loaders import load_bytes
from tests.hostile import fixtures as fx

#: Examples per format and test; `make fuzz` raises it through the environment.
FUZZ_EXAMPLES = int(os.environ.get("ANQUANYUE_FUZZ_EXAMPLES", "25"))
#: Longest one example may take (ms) before hypothesis reports it as too slow.
DEADLINE_MS = 10_000

SEEDS = {
    "txt": lambda: "关于开展2024年安全生产月活动的通知\n各单位：\n（一）加强领导。\n".encode("gbk"),
    "docx": fx._notice_docx,
    "pdf": fx.notice_pdf,
    "html": lambda: "<html><body><h1>安全生产月</h1><p>各单位：</p></body></html>".encode(),
}
_SEED_BYTES: dict[str, bytes] = {}


def _seed(fmt: str) -> bytes:
    if fmt not in _SEED_BYTES:
        _SEED_BYTES[fmt] = SEEDS[fmt]()
    return _SEED_BYTES[fmt]


def _load(data: bytes, fmt: str) -> None:
    try:
        load_bytes(data, f"fuzz.{fmt}")
    except AnquanyueError:
        pass  # a typed error is a right answer


_fuzz = settings(max_examples=FUZZ_EXAMPLES, deadline=DEADLINE_MS, derandomize="ANQUANYUE_FUZZ_EXAMPLES" not in os.environ,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@_fuzz
@given(data=st.binary(max_size=4096))
def test_random_bytes(fmt, data):
    _load(data, fmt)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@_fuzz
@given(share=st.floats(0, 1))
def test_truncations(fmt, share):
    seed = _seed(fmt)
    _load(seed[: int(len(seed) * share)], fmt)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@_fuzz
@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8))
def test_byte_mutations(fmt, edits):
    data = bytearray(_seed(fmt))
    for where, byte in edits:
        data[int(where * len(data))] = byte
    _load(bytes(data), fmt)
