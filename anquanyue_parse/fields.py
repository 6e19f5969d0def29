"""The one field list: the record columns of a :class:`~anquanyue_parse.models.Campaign`,
derived from the model.

The database's ``campaigns`` table and its rows, ``load_campaigns``, the record panel of the
review page, the analysis frame and the evaluation's scalar fields all read
:data:`RECORD_COLUMNS`, so a field added to ``Campaign`` appears in each of them without
touching them. A field is a column when its type is a scalar (text, integer, date), a list of
strings or of named items (``issuers``: their names), or the period (three columns); lists of
structured items are child tables (``CHILD_FIELDS``), and bookkeeping is left out
(``META_FIELDS``). A field of any other type fails at import, so nobody forgets to decide.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Callable, NamedTuple, Optional

from .models import Campaign, Period

__all__ = ["Column", "RECORD_COLUMNS", "RECORD_FIELDS", "CHILD_FIELDS", "META_FIELDS", "column_names", "field_table"]

#: Campaign fields stored as child tables (one row per item), not as columns of the record.
#: ``outline`` (the heading tree) lives in the stored record only.
CHILD_FIELDS = ("deadlines", "contacts", "outline", "activities", "attachments", "references", "warnings")
#: Bookkeeping: the source, spans and how values were found (the database keeps them in the
#: stored record and the documents table).
META_FIELDS = ("ocr_pages", "spans", "inferred", "source_text", "source_path", "source_format", "parser_version")

#: Column kinds: "text", "int", "date" hold one value; "list" holds strings (joined in the database).
KINDS = ("text", "int", "date", "list")


class Column(NamedTuple):
    """One record column: its name, kind, the Campaign field it comes from, and how to read it."""

    name: str
    kind: str
    field: str
    get: Callable[[Campaign], Any]

    def value(self, record: Campaign) -> Any:
        return self.get(record)


def _kind(annotation: Any) -> Optional[str]:
    """The column kind of a field annotation, or None when it is no plain column."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if typing.get_origin(annotation) is typing.Union and len(args) == 1 else annotation
    simple = {str: "text", int: "int", dt.date: "date"}
    if base in simple:
        return simple[base]
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        if item is str:
            return "list"
        if isinstance(item, type) and set(getattr(item, "model_fields", {})) >= {"name"}:
            return "names"
    return None


def _period_columns(field: str) -> list[Column]:
    def part(attr: str):
        return lambda r: getattr(getattr(r, field), attr) if getattr(r, field) else None
    return [Column(f"{field}_start", "date", field, part("start")),
            Column(f"{field}_end", "date", field, part("end")),
            Column(f"{field}_text", "text", field, lambda r: (getattr(r, field).text or None) if getattr(r, field) else None)]


def derive(model: type = Campaign) -> tuple[Column, ...]:
    """The record columns of ``model`` (Campaign, or a model extending it)."""
    out: list[Column] = []
    for name, info in model.model_fields.items():
        if name in CHILD_FIELDS or name in META_FIELDS:
            continue
        args = [a for a in typing.get_args(info.annotation) if a is not type(None)]
        if info.annotation is Period or args == [Period]:
            out.extend(_period_columns(name))
            continue
        kind = _kind(info.annotation)
        if kind is None:
            raise TypeError(f"{model.__name__}.{name}: no column kind for {info.annotation!r}; make it a column, "
                            "or list it in fields.CHILD_FIELDS or META_FIELDS")
        if kind == "names":  # list of named items (Issuer): their names
            out.append(Column(name, "list", name, lambda r, n=name: [i.name for i in getattr(r, n)]))
        else:
            out.append(Column(name, kind, name, lambda r, n=name: getattr(r, n)))
    return tuple(out)


#: The record columns in model order, e.g. campaign, doc_number, issuer, issuers, …, period_start,
#: period_end, period_text, companion_campaigns.
RECORD_COLUMNS: tuple[Column, ...] = derive()
#: The Campaign fields behind them, once each, in model order (``period`` for its three columns).
RECORD_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(c.field for c in RECORD_COLUMNS))


def column_names(kinds: tuple[str, ...] = KINDS) -> list[str]:
    """Names of the record columns of the given kinds."""
    return [c.name for c in RECORD_COLUMNS if c.kind in kinds]


def _comments(model: type) -> dict[str, str]:
    """The ``#:`` comment above each field of ``model``'s class body, joined."""
    import inspect

    out, pending = {}, []
    for line in inspect.getsource(model).splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
        elif ":" in stripped and not stripped.startswith(("def ", "class ", "#", '"""', "@")) and pending:
            out[stripped.split(":")[0].strip()] = " ".join(pending)
            pending = []
        elif stripped and not stripped.startswith("#"):
            pending = []
    return out


def _type_name(annotation: Any) -> str:
    text = str(annotation).replace("typing.", "").replace("datetime.", "dt.")
    text = text.replace("anquanyue_parse.models.", "")
    return text if not isinstance(annotation, type) else annotation.__name__


def field_table(model: type = Campaign) -> str:
    """The README's table of the record's fields: name, type, where the database keeps it, and
    the model's comment on it (tests/core/test_readme_fields.py keeps the README in step)."""
    notes = _comments(model)
    columns: dict[str, list[str]] = {}
    for c in derive(model):
        columns.setdefault(c.field, []).append(c.name)
    rows = ["| field | type | in the database | what |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        if name in columns:
            where = "columns " + ", ".join(f"`{n}`" for n in columns[name]) if len(columns[name]) > 1 \
                else "column"
        elif name in CHILD_FIELDS:
            where = "table" if name != "outline" else "stored record"
        else:
            where = "stored record" if name not in ("source_path", "source_format", "parser_version") \
                else "documents table"
        what = notes.get(name, "").replace("|", "\\|")
        rows.append(f"| `{name}` | `{_type_name(info.annotation)}` | {where} | {what} |")
    return "\n".join(rows) + "\n"
