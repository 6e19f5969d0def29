"""A string with an offset map back to the string it was derived from.

Normalization never edits the user's text in place: each stage produces a new
:class:`MappedText` whose characters remember the ``[start, end)`` interval of
the parent text they came from, so any span found in the normalized text can be
mapped back to what the user sees.

The map is kept per *run*, not per character: a copied run maps character by
character onto the parent run it was copied from, a replacement run maps every
one of its characters onto the whole parent interval it replaced. Mapping an
offset back is a ``bisect`` over the run starts, so building a derived text costs
one entry per edit instead of one per character.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterable, Optional

__all__ = ["MappedText", "Edit"]

#: An edit: replace parent[start:end] with ``text`` ("" deletes).
Edit = tuple[int, int, str]


class _RunMap:
    """Runs of a derived text: run k starts at ``out[k]`` and came from parent
    ``[src[k], src_end[k])``; ``copy[k]`` tells a copied run (one parent character per
    character) from a replacement (every character maps onto the whole interval)."""

    __slots__ = ("out", "src", "src_end", "copy")

    def __init__(self) -> None:
        self.out: list[int] = []
        self.src: list[int] = []
        self.src_end: list[int] = []
        self.copy: list[bool] = []

    def add(self, out: int, src: int, src_end: int, copy: bool) -> None:
        self.out.append(out)
        self.src.append(src)
        self.src_end.append(src_end)
        self.copy.append(copy)

    def start_of(self, i: int) -> int:
        """Parent start of character ``i``."""
        k = bisect_right(self.out, i) - 1
        return self.src[k] + (i - self.out[k]) if self.copy[k] else self.src[k]

    def end_of(self, i: int) -> int:
        """Parent end of character ``i``."""
        k = bisect_right(self.out, i) - 1
        return self.src[k] + (i - self.out[k]) + 1 if self.copy[k] else self.src_end[k]


class MappedText:
    """``text`` plus, per run of characters, the parent interval it was derived from."""

    __slots__ = ("text", "runs", "parent", "_flat")

    def __init__(self, text: str, runs: Optional[_RunMap], parent: Optional["MappedText"] = None):
        # runs None means the identity map (same length as the parent)
        self.text = text
        self.runs = runs
        self.parent = parent
        self._flat: dict[int, object] = {}  # id(ancestor) -> per-character maps, see _flat_map

    @classmethod
    def root(cls, text: str) -> "MappedText":
        """The original text: no parent."""
        return cls(text, None, None)

    def __len__(self) -> int:
        return len(self.text)

    # -- deriving -------------------------------------------------------------------------
    def edit(self, edits: Iterable[Edit]) -> "MappedText":
        """Apply non-overlapping edits sorted by start; return the derived text."""
        src = self.text
        out: list[str] = []
        runs = _RunMap()
        size = 0  # length of the derived text so far
        pos = 0
        for start, end, repl in edits:
            if start < pos:  # overlapping edit: skip it rather than corrupt the map
                continue
            if start > pos:
                out.append(src[pos:start])
                runs.add(size, pos, start, True)
                size += start - pos
            if repl:
                out.append(repl)
                runs.add(size, start, end, False)
                size += len(repl)
            pos = end
        if pos < len(src):
            out.append(src[pos:])
            runs.add(size, pos, len(src), True)
        return MappedText("".join(out), runs, self)

    def translate(self, table: dict[int, int]) -> "MappedText":
        """A one-to-one character substitution (``str.translate``); offsets are unchanged."""
        new = self.text.translate(table)
        if len(new) != len(self.text):  # a table entry that is not 1:1: keep the text as is
            new = self.text
        return MappedText(new, None, self)

    def sub(self, pattern, repl: str | Callable[[object], str] = "") -> "MappedText":
        """Regex substitution as edits (``pattern`` is a compiled ``regex``/``re`` pattern)."""
        edits = []
        for m in pattern.finditer(self.text):
            r = repl(m) if callable(repl) else repl
            if m.group(0) != r:
                edits.append((m.start(), m.end(), r))
        if not edits:
            return MappedText(self.text, None, self)
        return self.edit(edits)

    # -- mapping back -----------------------------------------------------------------------
    def to_parent(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of this text to the parent text."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        runs = self.runs
        if runs is None:
            return start, end
        if start == end:
            if start < n:
                p = runs.start_of(start)
            else:
                p = runs.end_of(n - 1) if n else 0
            return p, p
        return runs.start_of(start), runs.end_of(end - 1)

    def to_root(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` all the way back to the original source."""
        return self.to_ancestor(None, start, end)

    def to_ancestor(self, ancestor: Optional["MappedText"], start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` back to ``ancestor`` (which must be in the parent chain;
        None: the root)."""
        flat = self._flat.get(id(ancestor))
        if flat is None:
            flat = self._flat[id(ancestor)] = self._flat_map(ancestor)
        if flat:
            n = len(self.text)
            start = max(0, min(start, n))
            end = max(start, min(end, n))
            if start < end:
                return flat[0][start], flat[1][end - 1]
            if start < n:
                p = flat[0][start]
                return p, p
        return self._walk(ancestor, start, end)

    def _walk(self, ancestor: Optional["MappedText"], start: int, end: int) -> tuple[int, int]:
        """``to_ancestor`` level by level."""
        node: Optional[MappedText] = self
        while node is not ancestor:
            if node is None:
                raise ValueError("not an ancestor of this text")
            parent = node.parent
            if parent is None and ancestor is None:
                break
            start, end = node.to_parent(start, end)
            node = parent
        return start, end

    def _flat_map(self, ancestor: Optional["MappedText"]):
        """Per character of this text, the ``ancestor`` start and end it maps to, composed over
        the chain once (numpy) so a span costs two list lookups instead of a bisect per level.

        Exact where every level maps each character onto a non-empty interval, i.e. no level
        inserted text (an insertion's characters map onto an empty interval, and how an interval
        ending in one maps on depends on the whole interval); otherwise ``False``: walk the chain.
        """
        import numpy as np

        levels = []
        node: Optional[MappedText] = self
        while node is not ancestor:
            if node is None:
                raise ValueError("not an ancestor of this text")
            if node.parent is None and ancestor is None:
                break
            if node.runs is not None:
                r = node.runs
                if any(not c and a == b for a, b, c in zip(r.src, r.src_end, r.copy)):
                    return False
                levels.append(r)
            node = node.parent
        n = len(self.text)
        starts = np.arange(n, dtype=np.int64)
        ends = starts + 1
        for r in levels:  # child -> parent, innermost first
            out = np.asarray(r.out, dtype=np.int64)
            src = np.asarray(r.src, dtype=np.int64)
            src_end = np.asarray(r.src_end, dtype=np.int64)
            copy = np.asarray(r.copy, dtype=bool)
            k = np.searchsorted(out, starts, side="right") - 1
            starts = np.where(copy[k], src[k] + starts - out[k], src[k])
            last = ends - 1
            k = np.searchsorted(out, last, side="right") - 1
            ends = np.where(copy[k], src[k] + last - out[k] + 1, src_end[k])
        return starts.tolist(), ends.tolist()
