"""OFD loader on OFDs written by tests/loaders/ofdgen.py from corpus notices."""

from __future__ import annotations

import io
import zipfile

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.errors import CorruptDocument, EncryptedDocument, TooLarge
from anquanyue_parse.limits import Limits
from anquanyue_parse.loaders import load_bytes, sniff_format
from tests.loaders import generate as gen
from tests.loaders import ofdgen
from tests.loaders.test_equivalence import key_fields


def test_lines_joined_in_position_order_with_pages():
    lines = ["关于开展安全生产月活动的通知", "\u3000\u3000" + "安全生产" * 6 + "一二", "三四五六。", "第二段。"]
    data = ofdgen.build_ofd([lines[:2], lines[2:]], shuffle=True)
    src = load_bytes(data, "n.ofd")
    assert src.format == "ofd"
    assert src.text.splitlines()[0] == "关于开展安全生产月活动的通知"
    assert "安全生产" * 6 + "一二三四五六。" in src.text
    assert len(src.pages) == 2 and src.page_of(src.text.index("第二段")) == 2


def test_sniffed_without_suffix():
    assert sniff_format(ofdgen.build_ofd([["一行"]]), ".zip") == "ofd"


@pytest.mark.parametrize("name", sorted(gen.NOTICES)[:2])
def test_notice_as_ofd_gives_same_key_fields(tmp_path, name):
    path = tmp_path / f"{name}.ofd"
    path.write_bytes(ofdgen.notice_ofd(gen.notice_text(name)))
    record = parse_file(path)
    assert record.source_format == "ofd"
    assert key_fields(record) == key_fields(parse_file(gen.NOTICES[name]))
    assert record.spans["doc_number"].page == 1 if record.doc_number else True


def test_encrypted_ofd():
    with pytest.raises(EncryptedDocument):
        load_bytes(ofdgen.build_ofd([["一行"]], encrypted=True), "e.ofd")


def _replace(data: bytes, member: str, content: bytes) -> bytes:
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            zf.writestr(info.filename, content if info.filename == member else src.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize("member, content", [
    ("OFD.xml", b"<ofd:OFD"),  # not well-formed
    ("Doc_0/Document.xml", b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>'),
])
def test_broken_ofd(member, content):
    with pytest.raises(CorruptDocument):
        load_bytes(_replace(ofdgen.build_ofd([["一行"]]), member, content), "b.ofd")


def test_truncated_and_empty_ofd():
    data = ofdgen.build_ofd([["一行"]])
    for bad in (data[: len(data) // 2], b""):
        with pytest.raises(CorruptDocument):
            load_bytes(bad, "t.ofd")


def test_zip_limits_apply():
    with pytest.raises(TooLarge):
        load_bytes(ofdgen.build_ofd([["一行"]] * 3), "m.ofd", limits=Limits(zip_members=2))
