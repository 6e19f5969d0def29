"""Issue 10: any file name the OS allows (bytes that are not UTF-8, a newline) is parsed or
stored under a printable, lossless name; parse_file also takes bytes and file objects."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.cli import main
from anquanyue_parse.paths import fs_path, printable_path

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seeds" / "001_b6a546741b411cec.txt"
BAD = b"\xff\xfe\xb0\xb2.txt"  # not valid UTF-8 (GBK bytes of 安全 after two invalid ones)

needs_bytes_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                       reason="file names are bytes only on Linux-like systems")


@pytest.mark.parametrize("raw", [BAD, b"a\nb.txt", "通知 2024.txt".encode(), b"x" * 200 + b".txt"])
def test_printable_path_round_trips(raw):
    name = os.fsdecode(raw)
    shown = printable_path(name)
    shown.encode("utf-8")  # storable and printable
    assert "\n" not in shown
    assert fs_path(shown) == name


@needs_bytes_names
def test_parse_a_file_whose_name_is_not_utf8(tmp_path, capsys):
    path = os.path.join(os.fsencode(tmp_path), BAD)
    shutil.copy(SEED, path)
    record = parse_file(os.fsdecode(path))
    assert record.source_path.endswith("\\xff\\xfe\\xb0\\xb2.txt")
    record.model_dump_json()  # used to raise PydanticSerializationError
    assert main(["parse", "--jsonl", os.fsdecode(path)]) == 0
    assert json.loads(capsys.readouterr().out)["doc_number"] == "运工信发〔2023〕42号"


@needs_bytes_names
def test_build_stores_a_file_whose_name_is_not_utf8(tmp_path, capsys):
    archive = tmp_path / "a"
    archive.mkdir()
    shutil.copy(SEED, os.path.join(os.fsencode(archive), BAD))
    (archive / "ok.txt").write_text("关于开展2024年安全生产月活动的通知", "utf-8")
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert main(["build", str(archive), "--db", db, "--no-progress"]) == 0
    assert main(["query", "--db", db, "SELECT path FROM documents ORDER BY path"]) == 0
    assert "\\xff\\xfe\\xb0\\xb2.txt" in capsys.readouterr().out
    # a second build reads the file again through its printable name: unchanged, skipped
    assert main(["build", str(archive), "--db", db, "--no-progress"]) == 0
    assert "skipped (unchanged)                         2" in capsys.readouterr().out


def test_parse_file_takes_bytes_and_file_objects():
    data = SEED.read_bytes()
    from_bytes = parse_file(file=data, name="notice.txt")
    from_object = parse_file(io.BytesIO(data))
    from_named = parse_file(file=open(SEED, "rb"))
    assert from_bytes.doc_number == from_object.doc_number == from_named.doc_number == "运工信发〔2023〕42号"
    assert from_bytes.source_path == "notice.txt" and from_named.source_path == str(SEED)
