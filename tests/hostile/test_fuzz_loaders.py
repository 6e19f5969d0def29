"""Fuzz the loaders: random bytes, truncations and byte mutations of real files of each format.

Only typed errors (``anquanyue_parse.errors``) may come out, never another exception.
The normal suite runs FUZZ_EXAMPLES (default 25) examples per format; ``make fuzz`` runs
many more (ANQUANYUE_FUZZ_EXAMPLES), with a random seed each time.

Zip formats (docx, OFD) are also mutated inside a member and zipped again, so the damaged
XML reaches the parser instead of stopping at the zip's checksum. A .doc is read by
LibreOffice (one conversion, ~1-3 s, per example): it gets DOC_EXAMPLES examples of one
combined test, each bounded by ``Limits.soffice_seconds`` (DOC_SOFFICE_SECONDS here).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anquanyue_parse import Limits
from anquanyue_parse.errors import AnquanyueError
from anquanyue_parse.loaders import load_bytes
from anquanyue_parse.loaders.legacy import convert_with_soffice, find_soffice
from tests.hostile import fixtures as fx
from tests.loaders import generate as gen
from tests.loaders.ofdgen import notice_ofd
from tests.system_packages import missing

#: Examples per format and test; `make fuzz` raises it through the environment.
FUZZ_EXAMPLES = int(os.environ.get("ANQUANYUE_FUZZ_EXAMPLES", "25"))
#: Longest one example may take (ms) before hypothesis reports it as too slow.
DEADLINE_MS = 10_000
#: Examples of the .doc test (LibreOffice per example); `make fuzz` raises it.
DOC_EXAMPLES = int(os.environ.get("ANQUANYUE_FUZZ_DOC_EXAMPLES", "3"))
#: One conversion of a fuzzed .doc: killed past this (TooLarge, a typed error).
DOC_SOFFICE_SECONDS = 20

SEEDS = {
    "txt": lambda: "关于开展2024年安全生产月活动的通知\n各单位：\n（一）加强领导。\n".encode("gbk"),
    "docx": fx._notice_docx,
    "pdf": fx.notice_pdf,
    "html": lambda: "<html><body><h1>安全生产月</h1><p>各单位：</p></body></html>".encode(),
    "ofd": lambda: notice_ofd(gen.notice_text("seed001")),
}
#: Formats stored as a zip of XML: mutated inside a member too.
ZIP_SEEDS = ("docx", "ofd")
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


@pytest.mark.parametrize("fmt", ZIP_SEEDS)
@_fuzz
@given(data=st.data())
def test_member_mutations(fmt, data):
    """One member of a real file damaged, the zip rebuilt with valid checksums."""
    with zipfile.ZipFile(io.BytesIO(_seed(fmt))) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    name = data.draw(st.sampled_from(sorted(members)), label="member")
    body = bytearray(members[name])
    edits = data.draw(st.lists(st.tuples(st.integers(0, max(0, len(body) - 1)), st.integers(0, 255)),
                               min_size=1, max_size=8), label="edits")
    for where, byte in edits:
        if body:
            body[where] = byte
    cut = data.draw(st.one_of(st.none(), st.integers(0, len(body))), label="cut")
    members[name] = bytes(body[:cut] if cut is not None else body)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in members.items():
            zf.writestr(n, b)
    _load(out.getvalue(), fmt)


@pytest.fixture(scope="module")
def doc_seed() -> bytes:
    """A real .doc: a notice's .docx converted by LibreOffice."""
    if find_soffice() is None:
        pytest.skip(missing("libreoffice", "the .doc loader fuzzed"))
    with tempfile.TemporaryDirectory(prefix="anquanyue-fuzz-doc-") as tmp:
        src = Path(tmp) / "notice.docx"
        src.write_bytes(fx._notice_docx())
        (doc,) = convert_with_soffice([src], "doc", Path(tmp) / "out")
        return doc.read_bytes()


@pytest.mark.slow
def test_doc_truncations_and_mutations(doc_seed):
    """A .doc cut or damaged (LibreOffice reads it): a typed error or a record, in bounded time."""
    limits = Limits(soffice_seconds=DOC_SOFFICE_SECONDS)

    @settings(max_examples=DOC_EXAMPLES, deadline=None, derandomize="ANQUANYUE_FUZZ_EXAMPLES" not in os.environ,
              suppress_health_check=list(HealthCheck))
    @given(share=st.floats(0.05, 1),
           edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=16))
    def check(share, edits):
        data = bytearray(doc_seed[: max(8, int(len(doc_seed) * share))])
        for where, byte in edits:  # the 8-byte OLE2 signature kept, so LibreOffice gets to read it
            data[8 + int(where * (len(data) - 8))] = byte
        try:
            load_bytes(bytes(data), "fuzz.doc", limits=limits)
        except AnquanyueError:
            pass

    check()
