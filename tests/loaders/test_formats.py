"""The format registry: one row per file type, read by sniffing, loading, the archive walk,
the evaluation and the size limits; adding a format is one row."""

from __future__ import annotations

import importlib

import pytest

from anquanyue_parse import formats, parse_file
from anquanyue_parse.errors import CorruptDocument, TooLarge, UnsupportedFormat
from anquanyue_parse.evaluation.evaluate import gold_files
from anquanyue_parse.store.inputs import iter_archive
from anquanyue_parse.limits import Limits
from anquanyue_parse.loaders import load_bytes, sniff_format
from anquanyue_parse.models import SourceText

NOTICE = "关于开展2024年安全生产月活动的通知\n各单位：\n今年6月是第23个全国安全生产月。\n"


def load_toy(path, data: bytes) -> SourceText:
    """A made-up format: the signature b"TOY1", then UTF-8 text."""
    return SourceText(text=data[4:].decode("utf-8"), path=str(path), format="toy")


TOY = formats.Format("toy", (".toy",), "tests.loaders.test_formats:load_toy", magic=(b"TOY1",),
                     empty_is_corrupt=True, suffix_rule="if-binary", max_mb=0.01)


@pytest.fixture
def toy():
    formats.register(TOY)
    yield TOY
    formats.unregister("toy")


def test_a_new_format_is_one_row(toy, tmp_path):
    data = b"TOY1" + NOTICE.encode()
    assert sniff_format(data, ".bin") == "toy"
    assert load_bytes(data, "x.bin").text == NOTICE
    with pytest.raises(CorruptDocument):
        load_bytes(b"", "empty.toy")
    with pytest.raises(TooLarge):
        load_bytes(b"TOY1" + b"a" * 20_000, "big.toy")
    assert Limits().max_bytes("toy") == int(0.01 * 2**20)
    (tmp_path / "n.toy").write_bytes(data)
    (tmp_path / "n.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in iter_archive(tmp_path)] == ["n.toy"]
    assert [(s.name, g.name) for s, g in gold_files(tmp_path)] == [("n.toy", "n.json")]
    record = parse_file(tmp_path / "n.toy")
    assert record.source_format == "toy" and record.edition == 23


def test_unregistered_format_is_gone(tmp_path):
    assert formats.get("toy") is None and sniff_format(b"TOY1abc", ".toy") == "txt"
    (tmp_path / "n.toy").write_bytes(b"TOY1")
    assert list(iter_archive(tmp_path)) == []


def test_one_row_per_name_and_suffix():
    with pytest.raises(ValueError):
        formats.register(formats.Format("html2", (".htm",), "web:load_html"))
    with pytest.raises(ValueError):
        formats.register(formats.Format("txt"))
    with pytest.raises(ValueError):
        formats.register(formats.Format("upper", (".TXT2",), "text:load_txt"))


@pytest.mark.parametrize("row", [f for f in formats.FORMATS if f.loader], ids=lambda f: f.name)
def test_every_loader_resolves(row):
    module, func = row.loader.split(":")
    assert callable(getattr(importlib.import_module(f"anquanyue_parse.loaders.{module}"), func))
    assert row.suffixes and all(formats.by_suffix(s) is row for s in row.suffixes)


@pytest.mark.parametrize("row", [f for f in formats.FORMATS if f.magic], ids=lambda f: f.name)
def test_every_signature_is_sniffed(row):
    for magic in row.magic:
        assert sniff_format(magic + b"\x00" * 64) == row.name


@pytest.mark.parametrize("name,hint", [("gif", "OCR"), ("xlsx", "spreadsheet"), ("zip", "unpack")])
def test_unsupported_names_the_hint(name, hint):
    assert hint in formats.get(name).hint
    assert not formats.readable(name)


def test_unsupported_error_carries_the_hint():
    with pytest.raises(UnsupportedFormat, match="to read it by OCR"):
        load_bytes(b"GIF89a" + b"\x00" * 32, "scan.gif")


def test_csv_is_no_notice(tmp_path):
    """A spreadsheet export is no notice: the walk skips it (the registry has no .csv row),
    while a .csv passed by name is still read as the text it is."""
    (tmp_path / "table.csv").write_text("a,b\n", encoding="utf-8")
    assert list(iter_archive(tmp_path)) == []
    assert formats.by_suffix(".csv") is None
    assert sniff_format(b"a,b\n", ".csv") == "txt" and sniff_format(b"", ".csv") == "txt"


def test_size_defaults():
    lim = Limits()
    assert lim.max_bytes("html") == 10 * 2**20 and lim.max_bytes("pdf") == 100 * 2**20
    assert lim.max_bytes("gif") == lim.max_bytes()  # no default of its own: file_mb
