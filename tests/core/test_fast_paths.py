"""Fast paths give exactly what the plain code gives: the campaign-name scanner against
``CAMPAIGN_NAME_PATTERN.finditer``, small numerals against cn2an, the run-based text map
against a per-character map."""

from __future__ import annotations

import random

import pytest

from anquanyue_parse.numerals import _small_numeral
from anquanyue_parse.patterns import CAMPAIGN_NAME_PATTERN, CAMPAIGN_NAME_SCANNER
from anquanyue_parse.textmap import MappedText

#: Texts where prefixes, nested literals and window edges matter.
SCAN_EXAMPLES = [
    "开展2019年消防宣传月活动",
    "第十届国家网络安全宣传周",
    "《职业病防治法》宣传周和“安全生产月”",
    "安全生产月安全月安康杯宣传活动月宣传活动周法宣传周生产周",
    "关于开展2024年全国“安全生产月”活动和安全生产万里行活动的通知" * 3,
    "一二三四五六七八九十一二三四五六七八九十宣传月",
    "",
]

#: Characters the random texts are drawn from: literals, prefix characters and breaks.
SCAN_ALPHABET = "安全生产月宣传周活动日教育消防质量杯康《》“”法年第十届国家网络,。\n 1"


def _spans(matches):
    return [(m.span(), m.group(0)) for m in matches]


@pytest.mark.parametrize("text", SCAN_EXAMPLES)
def test_scanner_matches_pattern(text):
    assert _spans(CAMPAIGN_NAME_SCANNER.finditer(text)) == _spans(CAMPAIGN_NAME_PATTERN.finditer(text))


def test_scanner_matches_pattern_on_random_texts_and_ranges():
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(SCAN_ALPHABET) for _ in range(rng.randrange(1, 80)))
        i = rng.randrange(len(text))
        j = rng.randrange(i, len(text) + 1)
        assert _spans(CAMPAIGN_NAME_SCANNER.finditer(text)) == _spans(CAMPAIGN_NAME_PATTERN.finditer(text)), text
        assert _spans(CAMPAIGN_NAME_SCANNER.finditer(text, i, j)) == \
            _spans(CAMPAIGN_NAME_PATTERN.finditer(text, i, j)), (text, i, j)


#: Small numerals read without cn2an, and forms left to it.
NUMERAL_EXAMPLES = [("七", 7), ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23), ("两", 2),
                    ("九十九", 99), ("一百", None), ("十十", None), ("两十", None), ("三五", None)]


@pytest.mark.parametrize("text,value", NUMERAL_EXAMPLES)
def test_small_numeral(text, value):
    assert _small_numeral(text) == value


def _per_char_map(parent: str, edits):
    """The reference: parent start/end per character of the edited text."""
    starts, ends, pos = [], [], 0
    for start, end, repl in edits:
        starts += range(pos, start)
        ends += range(pos + 1, start + 1)
        starts += [start] * len(repl)
        ends += [end] * len(repl)
        pos = end
    starts += range(pos, len(parent))
    ends += range(pos + 1, len(parent) + 1)
    return starts, ends


def test_run_map_agrees_with_per_character_map():
    rng = random.Random(7)
    for _ in range(300):
        parent = "".join(rng.choice("ab\n ") for _ in range(rng.randrange(1, 40)))
        cuts = sorted(rng.sample(range(len(parent) + 1), k=min(len(parent) + 1, 2 * rng.randrange(0, 5))))
        edits = [(cuts[k], cuts[k + 1], rng.choice(["", "X", "YZ"])) for k in range(0, len(cuts) - 1, 2)]
        derived = MappedText.root(parent).edit(edits)
        starts, ends = _per_char_map(parent, edits)
        n = len(derived)
        for i in range(n):
            for j in range(i + 1, n + 1):
                assert derived.to_parent(i, j) == (starts[i], ends[j - 1])
        for i in range(n + 1):
            p = starts[i] if i < n else (ends[n - 1] if n else 0)
            assert derived.to_parent(i, i) == (p, p)



def test_to_ancestor_agrees_with_to_parent_level_by_level():
    """The inlined walk of ``to_ancestor`` gives what ``to_parent`` gives level by level."""
    rng = random.Random(11)
    for _ in range(150):
        node = root = MappedText.root("".join(rng.choice("ab\n ") for _ in range(rng.randrange(1, 30))))
        chain = [root]
        for _ in range(rng.randrange(1, 4)):
            n = len(node.text)
            cuts = sorted(rng.sample(range(n + 1), k=min(n + 1, 2 * rng.randrange(0, 4))))
            empty = rng.random() < 0.3  # insertions
            edits = [(cuts[k], cuts[k] if empty else cuts[k + 1], rng.choice(["", "X", "YZ"]))
                     for k in range(0, len(cuts) - 1, 2)]
            node = node.edit(edits) if rng.random() < 0.8 else node.translate({})
            chain.append(node)
        n = len(node.text)
        for i in range(-1, n + 2):
            for j in range(i - 1, n + 2):
                s, e = i, j
                for level in reversed(chain[1:]):
                    s, e = level.to_parent(s, e)
                assert node.to_root(i, j) == (s, e), (i, j)
