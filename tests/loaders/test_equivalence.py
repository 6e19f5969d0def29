"""The same notice in every format gives the same key fields as its corpus .txt."""

from __future__ import annotations

import shutil

import pytest
import regex

from anquanyue_parse import parse_file
from tests.loaders import generate as gen

#: Variants made without LibreOffice, and with it.
PLAIN_VARIANTS = ["docx", "docx-autonum", "html", "html-gbk", "txt-gbk", "txt-utf16", "txt-utf16le-nobom",
                  "txt-utf8-bom"]
SOFFICE_VARIANTS = ["pdf", "pdf-autonum"]
LEGACY = [("seed000", "doc"), ("seed001", "doc"), ("seed000", "rtf"), ("seed001", "rtf")]

EXPECTED_FORMAT = {"docx": "docx", "docx-autonum": "docx", "html": "html", "html-gbk": "html", "pdf": "pdf",
                   "pdf-autonum": "pdf", "doc": "doc", "rtf": "rtf", "wps": "wps"}


def _ws(s):
    return regex.sub(r"\s+", "", s or "")


def key_fields(c) -> dict:
    """The fields that must not depend on the format (white space inside values aside)."""
    return {
        "doc_number": c.doc_number,
        "issuer": c.issuer,
        "issue_date": c.issue_date,
        "theme": _ws(c.theme),
        "period": c.period and (c.period.start, c.period.end),
        "deadlines": [(d.date, d.time, d.recurrence, _ws(d.action)) for d in c.deadlines],
        "contacts": [(x.name, x.phones, x.emails) for x in c.contacts],
        "activity_titles": [_ws(a.title) for a in c.activities],
        "attachments": [(a.index, _ws(a.title)) for a in c.attachments],
    }


@pytest.fixture(scope="module")
def reference() -> dict:
    return {name: key_fields(parse_file(path)) for name, path in gen.NOTICES.items()}


def _check(generated, reference, name, variant):
    path = generated.files[(name, variant)]
    record = parse_file(path)
    assert record.source_format == EXPECTED_FORMAT.get(variant, "txt")
    assert key_fields(record) == reference[name]
    return record


def test_reference_notices_have_the_key_fields(reference):
    # the comparison means something only if the notices have values to compare
    for name, fields in reference.items():
        assert fields["doc_number"] and fields["issue_date"] and fields["theme"] and fields["period"], name
    assert sum(len(f["activity_titles"]) for f in reference.values()) >= 15
    assert any(f["deadlines"] for f in reference.values()) and any(f["contacts"] for f in reference.values())
    assert any(f["attachments"] for f in reference.values())


@pytest.mark.parametrize("variant", PLAIN_VARIANTS)
@pytest.mark.parametrize("name", list(gen.NOTICES))
def test_same_key_fields(generated, reference, name, variant):
    _check(generated, reference, name, variant)


@pytest.mark.slow
@pytest.mark.parametrize("variant", SOFFICE_VARIANTS)
@pytest.mark.parametrize("name", list(gen.NOTICES))
def test_same_key_fields_pdf(generated, need_soffice, reference, name, variant):
    record = _check(generated, reference, name, variant)
    assert record.spans and all(span.page for span in record.spans.values())
    assert record.spans["doc_number"].page == 1


@pytest.mark.slow
@pytest.mark.parametrize("name,variant", LEGACY)
def test_same_key_fields_legacy(generated, need_soffice, reference, name, variant):
    _check(generated, reference, name, variant)


@pytest.mark.slow
def test_wps_saved_word_file(generated, need_soffice, reference, tmp_path):
    # WPS Office saves Word-format files under .wps
    wps = tmp_path / "seed001.wps"
    shutil.copy(generated.files[("seed001", "doc")], wps)
    generated.files[("seed001", "wps")] = wps
    _check(generated, reference, "seed001", "wps")


@pytest.mark.parametrize("variant", ["docx", "html", "txt-gbk"])
def test_wrong_extension_still_works(generated, reference, tmp_path, variant):
    wrong = tmp_path / f"seed001_{variant}.bin"
    shutil.copy(generated.files[("seed001", variant)], wrong)
    assert key_fields(parse_file(wrong)) == reference["seed001"]


@pytest.mark.slow
def test_pdf_named_docx(generated, need_soffice, reference, tmp_path):
    wrong = tmp_path / "seed004.docx"
    shutil.copy(generated.files[("seed004", "pdf")], wrong)
    assert key_fields(parse_file(wrong)) == reference["seed004"]
