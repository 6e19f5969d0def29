"""The extractor registry: what each field module produces and needs, and its one result type.

Each field module ends with ``EXTRACTORS = (Extractor(name, run, needs), ...)``; ``run(ctx)``
returns a :class:`Found` (or a list of them for a list field, or None when nothing was found).
:func:`dependency_order` puts every extractor after the ones it needs and refuses a need no
extractor produces or a cycle; ``extract/__init__.py`` applies it to what it finds at import.

The status follows LangExtract's alignment status on a char interval
(google/langextract, ``langextract/core/data.py``: ``AlignmentStatus.MATCH_EXACT`` /
``MATCH_FUZZY``, and ``char_interval=None`` when the text was not located in the source):
``exact`` (the value is the source text verbatim), ``normalized`` (read from the span and
rewritten: a date, a number, a doc number with its brackets fixed) and ``inferred`` (no direct
span: the year from the theme, the kind of document).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, NamedTuple, Optional, Union

from ..errors import AnquanyueError
from ..models import STATUSES, Span, Status
from .base import Context

__all__ = ["Found", "Extractor", "RegistryError", "STATUSES", "read", "status_of", "mark", "dependency_order"]


class Found(NamedTuple):
    """One extracted value, the source span it came from and how it relates to that span."""

    value: Any
    span: Optional[Span] = None
    status: Status = "exact"
    #: for ``inferred``: how the value was obtained (goes to ``Campaign.inferred``)
    how: str = ""


#: What a registered ``run`` returns: one value, the items of a list field, or nothing.
Result = Union[Found, list[Found], None]


@dataclass(frozen=True)
class Extractor:
    """A field extractor: ``name`` is what it produces (the record field it fills, unless
    ``field`` says otherwise; ``field=None`` for a fact only later extractors read) and
    ``needs`` the extractors whose facts it reads."""

    name: str
    run: Callable[[Context], Result]
    needs: tuple[str, ...] = ()
    field: Optional[str] = ""

    @property
    def target(self) -> Optional[str]:
        """The record field this extractor fills, or None."""
        return self.name if self.field == "" else self.field


class RegistryError(AnquanyueError):
    """The registered extractors cannot be ordered: a need nobody produces, a cycle, a twin."""


def status_of(ctx: Context, text: str, span: Optional[Span]) -> Status:
    """``exact`` when ``text`` is the source text of ``span`` verbatim, else ``normalized``."""
    if span is None:
        return "inferred"
    return "exact" if text == ctx.source.text[span.start:span.end] else "normalized"


def read(ctx: Context, value: Any, at: tuple[int, int]) -> Found:
    """``value`` read from match-text interval ``at``: exact when it is the source text there."""
    span = ctx.span(*at)
    return Found(value, span, status_of(ctx, str(value), span))


def mark(item: Any, status: Status) -> Found:
    """A model item (Activity, Section …) with its span: the status goes on its span and on
    the spans of its children."""
    stack = [item]
    while stack:
        node = stack.pop()
        if node.span is not None:
            node.span.status = status
        stack.extend(getattr(node, "children", ()))
    return Found(item, item.span, status)


def dependency_order(extractors: tuple[Extractor, ...]) -> tuple[Extractor, ...]:
    """The extractors in an order where each comes after all it needs; ties keep the given order.

    Raises :class:`RegistryError` for two extractors of one name, a need that no extractor
    produces, or a cycle."""
    by_name: dict[str, Extractor] = {}
    for ex in extractors:
        if ex.name in by_name:
            raise RegistryError(f"two extractors are named {ex.name!r}")
        by_name[ex.name] = ex
    for ex in extractors:
        missing = [n for n in ex.needs if n not in by_name]
        if missing:
            raise RegistryError(f"extractor {ex.name!r} needs {', '.join(missing)}, which no extractor produces")
    done: dict[str, Extractor] = {}
    waiting = list(extractors)
    while waiting:
        ready = next((ex for ex in waiting if all(n in done for n in ex.needs)), None)
        if ready is None:
            names = ", ".join(ex.name for ex in waiting)
            raise RegistryError(f"the needs of these extractors form a cycle: {names}")
        done[ready.name] = ready
        waiting.remove(ready)
    return tuple(done.values())
