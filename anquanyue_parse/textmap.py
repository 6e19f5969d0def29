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

    __slots__ = ("text", "runs", "parent")

    def __init__(self, text: str, runs: Optional[_RunMap], parent: Optional["MappedText"] = None):
        # runs None means the identity map (same length as the parent)
        self.text = text
        self.runs = runs
        self.parent = parent

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
        if callable(repl):
            edits = [(m.start(), m.end(), r) for m in pattern.finditer(self.text)
                     if m.group(0) != (r := repl(m))]
        else:
            edits = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text) if m.group(0) != repl]
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
        node: Optional[MappedText] = self
        while node is not ancestor:
            if node is None:
                raise ValueError("not an ancestor of this text")
            parent = node.parent
            if parent is None and ancestor is None:
                break
            # node.to_parent(start, end), inlined: this runs for every span of every value
            n = len(node.text)
            start = 0 if start < 0 else (n if start > n else start)
            end = start if end < start else (n if end > n else end)
            runs = node.runs
            if runs is not None:
                if start == end:
                    start = end = runs.start_of(start) if start < n else (runs.end_of(n - 1) if n else 0)
                else:
                    start, end = runs.start_of(start), runs.end_of(end - 1)
            node = parent
        return start, end
