"""Whatever the user hands the analysis functions, as Campaign records and one campaign table.

``db`` may be a database URL (``sqlite:///campaigns.sqlite``, ``postgresql://…``), the path of
a SQLite file or an open ``anquanyue_parse.store.db.Database`` (all read with ``db.load_records``),
a list of :class:`~anquanyue_parse.models.Campaign` records (or their dicts / JSON), or a
DataFrame (from :func:`campaigns_frame` or ``db.load_campaigns``, or one with a ``record`` column).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any, Iterator

from ..errors import MissingDependency
from ..fields import RECORD_COLUMNS, column_names
from ..models import Activity, Campaign, Period
from .levels import issuer_level

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["as_records", "campaigns_frame", "walk_activities", "activity_text", "FRAME_COLUMNS"]

#: Columns of :func:`campaigns_frame`, one row per notice: ``notice`` numbers the rows in the
#: order of the records; then the record's columns (fields.py: campaign, doc_number, issuer,
#: issuers as a list, …, period_start, period_end, period_text, companion_campaigns), then what
#: is derived here (the issuer's level, where an inferred year came from, counts of items).
FRAME_COLUMNS = (["notice", "source_path"] + column_names()
                 + ["issuer_level", "year_inferred", "year_source", "activities", "deadlines"])

#: Scalar Campaign fields a DataFrame row can carry (``path`` is the database's name for source_path).
_FRAME_FIELDS = ("campaign", "doc_number", "issuer", "doc_kind", "title", "issue_date", "year", "edition", "theme")


def as_records(db: Any) -> list[Campaign]:
    """Campaign records from any supported ``db`` (see the module docstring)."""
    if isinstance(db, Campaign):
        return [db]
    if isinstance(db, (str, os.PathLike)):
        return _load_db(db)
    if _is_frame(db):
        return _records_from_frame(db)
    if isinstance(db, (list, tuple, Iterator)):
        return [_record(item) for item in db]
    return _load_db(db)


def _is_frame(obj: Any) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "to_dict")


def _record(item: Any) -> Campaign:
    if isinstance(item, Campaign):
        return item
    if isinstance(item, (str, bytes)):
        return Campaign.model_validate_json(item)
    if isinstance(item, dict):
        return Campaign.model_validate(item)
    raise TypeError(f"expected Campaign records, got {type(item).__name__}")


def _load_db(url_or_db: Any) -> list[Campaign]:
    try:
        from ..store.db import load_records
    except ImportError as exc:  # the database layer is optional for record-based analysis
        raise MissingDependency(f"reading a campaign database needs anquanyue_parse.store.db ({exc})") from exc
    return list(load_records(url_or_db))


def _records_from_frame(df: "pd.DataFrame") -> list[Campaign]:
    """Records from a DataFrame: its ``record`` column, else its scalar columns (no lists)."""
    import pandas as pd

    if "record" in df.columns:
        return [_record(v) for v in df["record"]]
    out = []
    for row in df.to_dict("records"):
        data = {k: _scalar(row.get(k)) for k in _FRAME_FIELDS if k in row}
        for key in ("issue_date",):
            if data.get(key) is not None:
                data[key] = pd.Timestamp(data[key]).date()
        start, end = _scalar(row.get("period_start")), _scalar(row.get("period_end"))
        if start is not None or end is not None:
            data["period"] = Period(start=start and pd.Timestamp(start).date(), end=end and pd.Timestamp(end).date())
        data["source_path"] = _scalar(row.get("source_path", row.get("path")))
        if row.get("year_inferred") is True:
            data["inferred"] = {"year": _scalar(row.get("year_source")) or "inferred"}
        out.append(Campaign.model_validate({k: v for k, v in data.items() if v is not None}))
    return out


def _scalar(value: Any) -> Any:
    """None for pandas' missing values; numpy numbers as Python numbers."""
    import pandas as pd

    if value is None or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, (dt.date, pd.Timestamp)):
        return value.item()
    return value


def walk_activities(record: Campaign) -> Iterator[tuple[int, Activity]]:
    """Every activity of a record with its depth (0 = a top-level item), parents first."""
    stack = [(0, a) for a in reversed(record.activities)]
    while stack:
        depth, act = stack.pop()
        yield depth, act
        stack.extend((depth + 1, c) for c in reversed(act.children))


def activity_text(act: Activity) -> str:
    """Title and own text of one activity (children not included); the text often repeats the title."""
    text = act.text or ""
    if not act.title or text.startswith(act.title):
        return text or act.title
    return f"{act.title}。{text}" if text else act.title


def campaigns_frame(db: Any) -> "pd.DataFrame":
    """One row per notice (columns: :data:`FRAME_COLUMNS`), derived from the records."""
    import pandas as pd

    rows = [_campaign_row(i, r) for i, r in enumerate(as_records(db))]
    df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    for col in column_names(("date",)):
        df[col] = pd.to_datetime(df[col])
    for col in column_names(("int",)):
        df[col] = df[col].astype("Int64")
    df["year_inferred"] = df["year_inferred"].astype(bool)
    return df


def _campaign_row(i: int, r: Campaign) -> dict:
    return {
        "notice": i,
        "source_path": r.source_path,
        **{col.name: col.value(r) for col in RECORD_COLUMNS},
        "issuer_level": issuer_level(r.issuer),
        "year_inferred": "year" in r.inferred,
        "year_source": r.inferred.get("year"),
        "activities": sum(1 for _ in walk_activities(r)),
        "deadlines": len(r.deadlines),
    }
