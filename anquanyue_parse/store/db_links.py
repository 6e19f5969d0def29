"""Duplicate links: ``documents.duplicate_of`` points a second copy of a notice at its first copy.

Two documents are the same notice when their text fingerprints or their record keys
(doc_number + title + issue_date) are equal (see ``db_rows``). Workers write documents
unlinked, in any order and in parallel; :func:`relink_duplicates` then makes the links
hold again in one pass over the database, so the result does not depend on which worker
finished first, and a build that was killed before linking is linked by the next one:

1. links that no longer hold are cleared: the first copy is gone, removed, itself a
   copy, or no longer the same notice (it changed);
2. first copies that share a fingerprint or a record key are ordered by (parsed_at, id)
   — the copy recorded first stays the first copy — and the later ones are linked to it;
3. a link to a copy is moved to that copy's first copy (no chains).
"""

from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.engine import Connection

from .db_schema import TABLES

__all__ = ["relink_duplicates"]

_docs = TABLES["documents"]

#: IN (...) lists are cut into chunks of this size (SQLite's variable limit).
_CHUNK = 500

#: Rows streamed at a time when checking every link.
_YIELD = 5000


def _chunks(items: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def relink_duplicates(conn: Connection) -> int:
    """Make every duplicate link hold (see the module doc); return how many links were set."""
    _clear_broken_links(conn)
    docs = _conflicting_first_copies(conn)
    links = _link(conn, docs) if docs else 0
    _flatten_chains(conn)
    return links


def _clear_broken_links(conn: Connection) -> None:
    t = _docs.alias("target")
    q = (select(_docs.c.id, _docs.c.fingerprint, _docs.c.record_key, t.c.id, t.c.fingerprint, t.c.record_key,
                t.c.removed, t.c.duplicate_of)
         .select_from(_docs.outerjoin(t, t.c.id == _docs.c.duplicate_of))
         .where(_docs.c.duplicate_of.is_not(None), _docs.c.removed.is_(False)))
    broken = []
    for doc_id, fp, key, tid, tfp, tkey, tremoved, tdup in conn.execute(q, execution_options={"yield_per": _YIELD}):
        same = (fp is not None and fp == tfp) or (key is not None and key == tkey)
        if tid is None or tremoved or tdup is not None or not same:
            broken.append(doc_id)
    for ids in _chunks(broken):
        conn.execute(update(_docs).where(_docs.c.id.in_(ids)).values(duplicate_of=None))


def _conflicting_first_copies(conn: Connection) -> list[tuple[int, Optional[str], Optional[str]]]:
    """Live first copies sharing a fingerprint or record key with another one, in (parsed_at, id) order."""
    live_first = (_docs.c.duplicate_of.is_(None), _docs.c.removed.is_(False))
    found: dict[int, tuple] = {}
    for col in (_docs.c.fingerprint, _docs.c.record_key):
        keys = [k for (k,) in conn.execute(select(col).where(col.is_not(None), *live_first)
                                           .group_by(col).having(func.count() > 1))]
        for part in _chunks(keys):
            q = select(_docs.c.parsed_at, _docs.c.id, _docs.c.fingerprint, _docs.c.record_key).where(
                col.in_(part), *live_first)
            found.update((row[1], tuple(row)) for row in conn.execute(q))
    return [(doc_id, fp, key) for _, doc_id, fp, key in sorted(found.values())]


def _link(conn: Connection, docs: list[tuple[int, Optional[str], Optional[str]]]) -> int:
    """Link ``docs`` (in the order given) to the first earlier one, or a first copy outside them, that matches."""
    mine = {d[0] for d in docs}
    by_fp: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for part in _chunks(sorted({d[1] for d in docs if d[1]})):
        _load_first_copies(conn, _docs.c.fingerprint.in_(part), mine, by_fp, by_key)
    for part in _chunks(sorted({d[2] for d in docs if d[2]})):
        _load_first_copies(conn, _docs.c.record_key.in_(part), mine, by_fp, by_key)
    links = []
    for doc_id, fp, key in docs:
        target = (by_fp.get(fp) if fp else None) or (by_key.get(key) if key else None)
        if target is not None and target != doc_id:
            links.append({"b_id": doc_id, "dup": target})
        else:
            if fp:
                by_fp.setdefault(fp, doc_id)
            if key:
                by_key.setdefault(key, doc_id)
    if links:
        conn.execute(update(_docs).where(_docs.c.id == bindparam("b_id")).values(duplicate_of=bindparam("dup")),
                     links)
    return len(links)


def _load_first_copies(conn: Connection, cond, mine: set[int], by_fp: dict, by_key: dict) -> None:
    q = (select(_docs.c.id, _docs.c.fingerprint, _docs.c.record_key)
         .where(cond, _docs.c.duplicate_of.is_(None), _docs.c.removed.is_(False)).order_by(_docs.c.id))
    for doc_id, fp, key in conn.execute(q):
        if doc_id in mine:
            continue
        if fp:
            by_fp[fp] = min(by_fp.get(fp, doc_id), doc_id)
        if key:
            by_key[key] = min(by_key.get(key, doc_id), doc_id)


def _flatten_chains(conn: Connection) -> None:
    t = _docs.alias("target")
    q = (select(_docs.c.id, t.c.duplicate_of).select_from(_docs.join(t, t.c.id == _docs.c.duplicate_of))
         .where(t.c.duplicate_of.is_not(None)))
    for _ in range(8):  # each round halves the longest chain at least
        moves = [{"b_id": i, "dup": d} for i, d in conn.execute(q)]
        if not moves:
            return
        conn.execute(update(_docs).where(_docs.c.id == bindparam("b_id")).values(duplicate_of=bindparam("dup")),
                     moves)
