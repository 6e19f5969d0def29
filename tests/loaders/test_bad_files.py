"""Bad files: each gives its typed error, and the CLI prints one line and exits non-zero."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.cli import main
from anquanyue_parse.errors import (
    CorruptDocument,
    EncryptedDocument,
    FileAccessError,
    NoTextLayer,
    UnsupportedFormat,
)
from tests.loaders import generate as gen

ROOT = Path(__file__).resolve().parents[2]


def _truncated_docx() -> bytes:
    data = gen.build_docx([gen.Block("p", "关于开展安全生产月活动的通知")])
    return data[: len(data) // 2]


@dataclass
class Bad:
    filename: str
    make: Callable[[], bytes]
    error: type
    message: str  # a piece of the one-line message
    id: str


BAD_FILES = [
    Bad("empty.pdf", lambda: b"", CorruptDocument, "empty file", "zero-byte-pdf"),
    Bad("empty.docx", lambda: b"", CorruptDocument, "empty file", "zero-byte-docx"),
    Bad("random.pdf", lambda: random.Random(1).randbytes(5000), CorruptDocument, "not a PDF", "random-bytes-pdf"),
    Bad("random.txt", lambda: random.Random(2).randbytes(5000), UnsupportedFormat, "not a text file",
        "random-bytes-txt"),
    Bad("truncated.docx", _truncated_docx, CorruptDocument, "broken .docx", "truncated-docx"),
    Bad("truncated.pdf", lambda: gen.encrypted_pdf()[:150], CorruptDocument, "broken PDF", "truncated-pdf"),
    Bad("encrypted.pdf", gen.encrypted_pdf, EncryptedDocument, "password", "encrypted-pdf"),
    Bad("scan.pdf", lambda: gen.image_only_pdf(2), NoTextLayer, "OCR", "image-only-pdf"),
    Bad("locked.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
        EncryptedDocument, "password", "encrypted-docx"),
    Bad("photo.pdf", lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), CorruptDocument, "broken image", "broken-png-named-pdf"),
]


@pytest.fixture()
def bad_path(tmp_path, request) -> Path:
    ex: Bad = request.param
    path = tmp_path / ex.filename
    path.write_bytes(ex.make())
    return path


@pytest.mark.parametrize("bad_path,ex", [(b, b) for b in BAD_FILES], ids=[b.id for b in BAD_FILES],
                         indirect=["bad_path"])
def test_typed_error(bad_path, ex):
    with pytest.raises(ex.error, match=ex.message):
        parse_file(bad_path)


@pytest.mark.parametrize("bad_path,ex", [(b, b) for b in BAD_FILES], ids=[b.id for b in BAD_FILES],
                         indirect=["bad_path"])
def test_cli_one_line(bad_path, ex, capsys):
    assert main(["parse", str(bad_path)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"anquanyue-parse: {ex.error.__name__}: ")
    assert str(bad_path) in lines[0]


def test_encrypted_fixture_is_really_encrypted(tmp_path):
    # the generated file opens with its password: the error above is about encryption, not damage
    import pdfplumber

    path = tmp_path / "encrypted.pdf"
    path.write_bytes(gen.encrypted_pdf(user_password="secret", text="Secret notice"))
    with pdfplumber.open(path, password="secret") as pdf:
        assert pdf.pages[0].extract_text() == "Secret notice"


def test_zero_byte_txt_is_an_empty_record(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    record = parse_file(path)
    assert record.source_text == "" and record.warnings == ["empty text: nothing to parse"]


def test_directory(tmp_path, capsys):
    with pytest.raises(FileAccessError, match="directory"):
        parse_file(tmp_path)
    assert main(["parse", str(tmp_path)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_missing_file(tmp_path):
    with pytest.raises(FileAccessError, match="no such file"):
        parse_file(tmp_path / "nope.pdf")


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("威工信发〔2024〕22号", "utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    assert main(["parse", str(bad), str(good), "--jsonl"]) == 1
    out, err = capsys.readouterr()
    assert "威工信发〔2024〕22号" in out and err.count("\n") == 1


def _unreadable_file() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="anquanyue-perm-"))
    folder.chmod(0o755)
    path = folder / "secret.txt"
    path.write_text("安全生产月", "utf-8")
    path.chmod(0o000)
    return path


def test_no_read_permission():
    """Root reads any file, so as root the CLI runs as user nobody (setpriv); otherwise chmod 000
    is enough. Either way the permission check and the error message are real."""
    path = _unreadable_file()
    try:
        if os.geteuid() != 0:
            with pytest.raises(FileAccessError, match="permission denied"):
                parse_file(path)
            return
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
        drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run(drop + [sys.executable, "-c", "import anquanyue_parse"], cwd=ROOT,
                               capture_output=True, text=True)
        if probe.returncode != 0:
            pytest.skip(f"user nobody cannot import the package from {ROOT}: {probe.stderr.strip()[-200:]}")
        proc = subprocess.run(drop + [sys.executable, "-m", "anquanyue_parse.cli", "parse", str(path)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0 and proc.stdout == ""
        assert proc.stderr.splitlines() == [f"anquanyue-parse: FileAccessError: {path}: permission denied: "
                                            "the file cannot be read"]
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
