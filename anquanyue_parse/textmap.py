"""A string with an offset map back to the string it was derived from.

Normalization never edits the user's text in place: each stage produces a new
:class:`MappedText` whose characters remember the ``[start, end)`` interval of
the parent text they came from, so any span found in the normalized text can be
mapped back to what the user sees.
"""

from __future__ import annotations

from array import array
from typing import Callable, Iterable, Optional

__all__ = ["MappedText", "Edit"]

#: An edit: replace parent[start:end] with ``text`` ("" deletes).
Edit = tuple[int, int, str]


class MappedText:
    """``text`` plus, per character, the parent interval it was derived from."""

    __slots__ = ("text", "starts", "ends", "parent")

    def __init__(self, text: str, starts: Optional[array], ends: Optional[array],
                 parent: Optional["MappedText"] = None):
        # starts/ends None means the identity map (same length as the parent)
        self.text = text
        self.starts = starts
        self.ends = ends
        self.parent = parent

    @classmethod
    def root(cls, text: str) -> "MappedText":
        """The original text: no parent."""
        return cls(text, None, None, None)

    def __len__(self) -> int:
        return len(self.text)

    # -- deriving -------------------------------------------------------------------------
    def edit(self, edits: Iterable[Edit]) -> "MappedText":
        """Apply non-overlapping edits sorted by start; return the derived text."""
        src = self.text
        out: list[str] = []
        starts = array("l")
        ends = array("l")
        pos = 0
        for start, end, repl in edits:
            if start < pos:  # overlapping edit: skip it rather than corrupt the map
                continue
            if start > pos:
                out.append(src[pos:start])
                starts.extend(range(pos, start))
                ends.extend(range(pos + 1, start + 1))
            if repl:
                out.append(repl)
                starts.extend([start] * len(repl))
                ends.extend([end] * len(repl))
            pos = end
        if pos < len(src):
            out.append(src[pos:])
            starts.extend(range(pos, len(src)))
            ends.extend(range(pos + 1, len(src) + 1))
        return MappedText("".join(out), starts, ends, self)

    def translate(self, table: dict[int, int]) -> "MappedText":
        """A one-to-one character substitution (``str.translate``); offsets are unchanged."""
        new = self.text.translate(table)
        if len(new) != len(self.text):  # a table entry that is not 1:1: keep the text as is
            new = self.text
        return MappedText(new, None, None, self)

    def sub(self, pattern, repl: str | Callable[[object], str] = "") -> "MappedText":
        """Regex substitution as edits (``pattern`` is a compiled ``regex``/``re`` pattern)."""
        edits = []
        for m in pattern.finditer(self.text):
            r = repl(m) if callable(repl) else repl
            if m.group(0) != r:
                edits.append((m.start(), m.end(), r))
        if not edits:
            return MappedText(self.text, None, None, self)
        return self.edit(edits)

    # -- mapping back -----------------------------------------------------------------------
    def to_parent(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of this text to the parent text."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if self.starts is None:
            return start, end
        if start == end:
            p = self.starts[start] if start < n else (self.ends[n - 1] if n else 0)
            return p, p
        return self.starts[start], self.ends[end - 1]

    def to_root(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` all the way back to the original source."""
        node: Optional[MappedText] = self
        while node is not None and node.parent is not None:
            start, end = node.to_parent(start, end)
            node = node.parent
        return start, end

    def to_ancestor(self, ancestor: "MappedText", start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` back to ``ancestor`` (which must be in the parent chain)."""
        node: Optional[MappedText] = self
        while node is not None and node is not ancestor:
            start, end = node.to_parent(start, end)
            node = node.parent
        if node is None:
            raise ValueError("not an ancestor of this text")
        return start, end
