"""The gold files themselves: the format of corpus/README.md, and values that must be
read verbatim (issuer, theme, titles, names …) occur in their text."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
import regex

from anquanyue_parse.evaluation.evaluate import gold_files

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DOCS = list(gold_files(CORPUS))
REQUIRED = {"doc_number": (str, type(None)), "issuer": (str, type(None)), "issue_date": (str, type(None)),
            "year": (int, type(None)), "edition": (int, type(None)), "theme": (str, type(None)),
            "period_start": (str, type(None)), "period_end": (str, type(None)), "deadlines": list,
            "contacts": list, "activity_titles": list, "attachments": list}
RECURRENCE = regex.compile(r"(?:weekly:(?:MON|TUE|WED|THU|FRI|SAT|SUN)|monthly:(?:\d{1,2}|END)|daily)(?: \d{2}:\d{2})?")
PAGE_MARK = regex.compile(r"(?m)^\s*[—-]\s*\d+\s*[—-]\s*$")


def compact(s: str) -> str:
    """Width-folded text without white space or page marks (wraps and letter spacing vanish)."""
    return regex.sub(r"\s+", "", unicodedata.normalize("NFKC", PAGE_MARK.sub("", s)))


@pytest.fixture(scope="module", params=DOCS, ids=[s.relative_to(CORPUS).as_posix() for s, _ in DOCS])
def doc(request):
    src, gold = request.param
    return src.read_text("utf-8"), json.loads(gold.read_text("utf-8"))


def test_format(doc):
    _, data = doc
    assert {"source", "note", "gold"} <= set(data)
    g = data["gold"]
    for key, types in REQUIRED.items():
        assert key in g and isinstance(g[key], types), key
    for key in ("issue_date", "period_start", "period_end"):
        if g[key]:
            dt.date.fromisoformat(g[key])
    for d in g["deadlines"]:
        # a date of a notice that gives no year anywhere is null ("date": null), never guessed
        assert "what" in d and (d.get("date") or d.get("recurrence") or ("date" in d and d["date"] is None))
        if d.get("recurrence"):
            assert RECURRENCE.fullmatch(d["recurrence"]), d["recurrence"]
    if g["doc_number"]:
        # the serial may be lost in a damaged copy ("閩安監辦〔2009〕號"): kept as the text shows it
        assert regex.fullmatch(r"\S+〔\d{4}〕\S*\d*[号號]", g["doc_number"]), g["doc_number"]


def test_verbatim_values_occur_in_the_text(doc):
    text, data = doc
    g = data["gold"]
    body = compact(text)
    values = [g["issuer"], g["theme"], *g["activity_titles"], *g["attachments"],
              *(p.get("name") for p in g["contacts"]), *g.get("companion_campaigns", [])]
    missing = [v for v in values if v and compact(v) not in body]
    assert not missing


def test_phones_occur_as_digits(doc):
    text, data = doc
    digits = regex.sub(r"\D", "", unicodedata.normalize("NFKC", text))
    phones = [ph for p in data["gold"]["contacts"] for ph in p.get("phones", [])]
    assert [ph for ph in phones if regex.sub(r"\D", "", ph) not in digits] == []
