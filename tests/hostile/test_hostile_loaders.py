"""Issue 13: every hostile input gives a typed error or a record, and each limit can be changed."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from anquanyue_parse import Limits, TooLarge, parse_file
from anquanyue_parse.errors import AnquanyueError, FileAccessError
from anquanyue_parse.limits import parse_limit_options, use_limits
from anquanyue_parse.loaders import load, load_bytes
from anquanyue_parse.loaders.guards import check_zip, read_regular
from anquanyue_parse.loaders.html_guard import scan_markup
from tests.hostile import fixtures as fx
from tests.loaders import generate as gen

#: Inputs left to the end-to-end build test: slow to parse and fine before issue 13 too.
LEFT_TO_BUILD = {"big.txt", "pages100.pdf"}
CASES = [h for h in fx.HOSTILE if h.filename not in LEFT_TO_BUILD]


@pytest.mark.parametrize("h", CASES, ids=[h.filename for h in CASES])
def test_hostile_input_gives_its_outcome(h, tmp_path):
    path = h.make(tmp_path)
    if h.expect == "record":
        assert parse_file(path).source_path == str(path)
        return
    with pytest.raises(AnquanyueError) as info:
        parse_file(path)
    assert type(info.value).__name__ == h.expect
    assert "\n" not in str(info.value)


# -- reading: regular files only, size before reading -------------------------------------------

def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(FileAccessError, match="FIFO"):
        read_regular(path)


def test_symlink_to_a_device_is_refused_and_to_a_file_followed(tmp_path):
    (tmp_path / "zero.pdf").symlink_to("/dev/zero")
    with pytest.raises(FileAccessError, match="character device .a symlink to it."):
        read_regular(tmp_path / "zero.pdf")
    (tmp_path / "real.txt").write_text("安全生产月", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert read_regular(tmp_path / "link.txt") == "安全生产月".encode()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(FileAccessError, match="dangling symlink"):
        read_regular(tmp_path / "dangling.txt")


def test_file_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(b"a" * 300_000)
    with pytest.raises(TooLarge, match=r"file_mb=0"):
        read_regular(path, Limits(file_mb=0.25))
    assert len(read_regular(path, Limits(file_mb=0.5))) == 300_000


def test_per_format_size_and_its_override(tmp_path):
    page = b"<html><body><p>" + "安全生产月".encode() * 80_000 + b"</p></body></html>"  # ~1.2 MB
    with use_limits(Limits(format_mb={"html": 1})):
        with pytest.raises(TooLarge, match=r"format_mb\.html=1 "):
            load_bytes(page, "p.html")
    assert load_bytes(page, "p.html", Limits(format_mb={"html": 2})).format == "html"


# -- zip directories --------------------------------------------------------------------------------

def test_zip_bomb_refused_from_the_directory_alone():
    bomb = fx.zip_bomb_docx(200 << 20)  # 200 MB inflated, ~0.6 MB stored
    t = time.perf_counter()
    with pytest.raises(TooLarge, match="word/document.xml.*zip_member_mb=100"):
        check_zip(bomb, "docx", "bomb.docx")
    with pytest.raises(TooLarge, match="compression ratio.*zip_ratio=100"):
        check_zip(bomb, "docx", "bomb.docx", Limits(zip_member_mb=500, zip_total_mb=500))
    check_zip(bomb, "docx", "bomb.docx", Limits(zip_member_mb=500, zip_total_mb=500, zip_ratio=1000))
    assert time.perf_counter() - t < 5  # nothing was inflated (inflating 200 MB takes longer)


def test_zip_member_count_limit():
    data = fx.docx_with_body("<w:p><w:r><w:t>通知</w:t></w:r></w:p>")
    with pytest.raises(TooLarge, match="zip_members=3"):
        load_bytes(data, "n.docx", Limits(zip_members=3))


# -- docx XML ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["ZZZZ", "110000", "D800", "", "F0B7"])
def test_bad_sym_codes_are_dropped(code):
    text = load_bytes(fx.bad_sym_docx(code), "s.docx").text
    assert "一、活动主题" in text


def test_sym_code_of_a_real_character_is_kept():
    assert "①" in load_bytes(fx.bad_sym_docx("2460"), "s.docx").text


def test_docx_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    for target in (str(secret), "/etc/passwd"):
        text = load_bytes(fx.xxe_docx(target), "x.docx").text
        assert "安全生产月" in text
        assert "TOP-SECRET" not in text and "root:" not in text


# -- HTML -------------------------------------------------------------------------------------------

def test_deep_html_refused_before_parsing_and_limit_named():
    with pytest.raises(TooLarge, match="html_depth=256"):
        load_bytes(fx.nested_html("div", 5_000), "deep.html")
    text = load_bytes(fx.nested_html("div", 300), "deep.html", Limits(html_depth=400)).text
    assert "安全生产月" in text


def test_unclosed_paragraph_markup_of_old_pages_is_flat():
    page = "<html><body>" + "<p><font size=3>各单位要加强安全生产宣传教育。" * 2_000 + "</body></html>"
    depth, tags = scan_markup(page)
    assert depth <= 3 and tags == 4_002  # with <html> and <body>
    assert load_bytes(page.encode(), "old.html").text.count("安全生产") == 2_000


def test_markup_in_comments_and_scripts_is_not_counted():
    page = "<!--" + "<div>" * 1000 + "--><script>" + "document.write('<div>');" * 1000 + "</script><p>x</p>"
    assert scan_markup(page) == (1, 1)


def test_too_many_elements():
    page = ("<html><body>" + "<span>安全</span>" * 2_000 + "</body></html>").encode()
    with pytest.raises(TooLarge, match="html_nodes=1,000"):
        load_bytes(page, "many.html", Limits(html_nodes=1000))


# -- PDF ---------------------------------------------------------------------------------------------

def test_pdf_page_limit():
    data = fx.many_pages_pdf(5)
    with pytest.raises(TooLarge, match="pages is 5, over the limit pdf_pages=3"):
        load_bytes(data, "p.pdf", Limits(pdf_pages=3))
    assert len(load_bytes(data, "p.pdf", Limits(pdf_pages=5)).pages) == 5


# -- text ---------------------------------------------------------------------------------------------

def test_mixed_utf8_and_gbk_decoded_by_parts(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(fx.mixed_encoding_txt())
    source = load(path)
    assert source.text == gen.notice_text("seed001")
    assert source.encoding == "mixed:utf-8+gb18030"
    record = parse_file(path)
    assert any(w.startswith("mixed encodings") and "utf-8" in w and "gb18030" in w for w in record.warnings)
    assert record.doc_number and record.evidence("doc_number") == record.doc_number


def test_mixed_warning_gives_character_ranges():
    first, second = "一、活动主题\n".encode(), "二、活动时间\n".encode("gb18030")
    source = load_bytes(first + second, "m.txt")
    assert source.text == "一、活动主题\n二、活动时间\n"
    assert "0-7 utf-8, 7-14 gb18030" in source.warnings[0]


def test_plain_gbk_is_not_mixed():
    source = load_bytes(gen.notice_text("seed001").encode("gb18030"), "g.txt")
    assert source.encoding == "gb18030" and not source.warnings


# -- the settings ------------------------------------------------------------------------------------

def test_limit_options():
    lim = parse_limit_options(["pdf_pages=500", "format_mb.html=200", "task_seconds=5"])
    assert (lim.pdf_pages, lim.task_seconds) == (500, 5)
    assert lim.max_bytes("html") == 200 << 20 and lim.file_mb == 200  # the pre-read cap follows
    for bad, message in (("pdf_pages", "NAME=VALUE"), ("nope=1", "unknown limit"), ("pdf_pages=-1", "greater than 0"),
                         ("pdf_pages=x", "valid integer")):
        with pytest.raises(ValueError, match=message):
            parse_limit_options([bad])


def test_cli_limit_option(tmp_path, capsys):
    from anquanyue_parse.cli import main

    path = tmp_path / "p.pdf"
    path.write_bytes(fx.many_pages_pdf(3))
    assert main(["parse", "--limit", "pdf_pages=2", str(path)]) == 1
    assert "TooLarge" in capsys.readouterr().err
    assert main(["parse", "--limit", "pdf_pages=3", "--no-source", str(path)]) == 0
    assert main(["parse", "--limit", "bogus=3", str(path)]) == 2
    assert "unknown limit" in capsys.readouterr().err
