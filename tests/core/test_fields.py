"""The one field list (issue 8): the record's columns come from the model, so a field added to
``Campaign`` reaches the database, the frame, the review page and the evaluation untouched."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from anquanyue_parse.analysis.sources import FRAME_COLUMNS, campaigns_frame
from anquanyue_parse.evaluation.evaluate import OPTIONAL_SCALARS, predicted
from anquanyue_parse.fields import CHILD_FIELDS, META_FIELDS, RECORD_COLUMNS, RECORD_FIELDS, column_names, derive
from anquanyue_parse.models import Campaign, Issuer, Period
from anquanyue_parse.review import render_review
from anquanyue_parse.store.db_rows import campaign_rows
from anquanyue_parse.store.db_schema import TABLES


class Extended(Campaign):
    """Campaign with two fields a future issue might add."""

    budget: Optional[int] = None
    organizers: list[Issuer] = []


def test_every_model_field_is_a_column_a_child_table_or_bookkeeping():
    placed = set(RECORD_FIELDS) | set(CHILD_FIELDS) | set(META_FIELDS)
    assert placed == set(Campaign.model_fields)


def test_a_new_model_field_gets_its_column_by_its_type():
    cols = {c.name: c for c in derive(Extended)}
    assert cols["budget"].kind == "int" and cols["organizers"].kind == "list"
    record = Extended(budget=3, organizers=[Issuer(name="甲局"), Issuer(name="乙委")])
    assert cols["organizers"].value(record) == ["甲局", "乙委"]
    assert [c.name for c in derive(Extended)][: len(RECORD_COLUMNS)] == column_names()


def test_a_field_of_no_known_kind_must_be_placed_by_hand():
    class Odd(Campaign):
        weights: dict[str, float] = {}

    with pytest.raises(TypeError, match="Odd.weights"):
        derive(Odd)


RECORD = Campaign(campaign="消防宣传月", doc_number="某消〔2024〕3号", issuer="某市消防救援支队",
                  issuers=[Issuer(name="某市消防救援支队"), Issuer(name="某市应急管理局")], doc_kind="通知",
                  issue_date=dt.date(2024, 10, 28), year=2024, edition=None, theme="预防为主 生命至上",
                  period=Period(start=dt.date(2024, 11, 1), end=dt.date(2024, 11, 30), text="11月"),
                  companion_campaigns=["119消防日"])


def test_database_row_frame_and_evaluation_carry_every_column():
    table = {c.name for c in TABLES["campaigns"].columns}
    assert set(column_names()) <= table
    row = campaign_rows(RECORD)["campaign"]
    assert {k for k in row if k != "record_zlib"} == set(column_names())
    assert row["issuers"] == "某市消防救援支队; 某市应急管理局" and row["period_text"] == "11月"
    frame = campaigns_frame([RECORD])
    assert list(frame.columns) == FRAME_COLUMNS and set(column_names()) <= set(frame.columns)
    assert frame.loc[0, "campaign"] == "消防宣传月" and frame.loc[0, "issuers"] == ["某市消防救援支队", "某市应急管理局"]
    p = predicted(RECORD)
    assert p["period_start"] == "2024-11-01" and p["campaign"] == "消防宣传月" and "campaign" in OPTIONAL_SCALARS


def test_the_review_page_shows_every_record_field():
    page = render_review(RECORD)
    for name in RECORD_FIELDS:
        assert f'title="{name}"' in page, name
