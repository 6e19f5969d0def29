"""Figures render Chinese labels with a CJK font: no "Glyph … missing" warning, no empty boxes."""

from __future__ import annotations

import io
from pathlib import Path
import warnings

import pytest

from anquanyue_parse import analysis as A
from anquanyue_parse.errors import MissingDependency

pytest.importorskip("matplotlib", reason="the plots need the 'analysis' extra (matplotlib)")


def _missing_glyph_warnings(fig) -> list[str]:
    """Render ``fig`` to PNG and return matplotlib's missing-glyph warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_the_glyph_check_catches_a_font_without_chinese():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().set_title("安全生产月", family="DejaVu Sans")
    assert _missing_glyph_warnings(fig)  # the check below would see empty boxes


def test_a_cjk_font_is_installed():
    from matplotlib import font_manager

    from anquanyue_parse.analysis.plots import CJK_FAMILIES

    name = A.cjk_font()
    assert name in CJK_FAMILIES or "CJK" in name
    assert font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)


@pytest.fixture(scope="module")
def figures(hand_records, corpus_records):
    return {
        "timeline": A.plot_theme_timeline(corpus_records + hand_records),
        "heatmap": A.plot_keyword_heatmap(A.keywords_by_year(corpus_records, 6)),
        "mix": A.plot_activity_mix(hand_records),
    }


@pytest.mark.parametrize("name", ["timeline", "heatmap", "mix"])
def test_figures_have_every_glyph(figures, name):
    fig = figures[name]
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]
    assert any(A.keywords.HAN.search(t) for t in texts), "the figure should carry Chinese text"
    assert _missing_glyph_warnings(fig) == []


def test_timeline_labels_every_year_with_its_national_theme(figures):
    ax = figures["timeline"].axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "2024  人人讲安全、个个会应急——畅通生命通道" in labels
    assert labels[0].startswith("2002")


def test_activity_mix_bars_are_shares_with_counts(figures, hand_records):
    ax = figures["mix"].axes[0]
    mix = A.activity_mix(hand_records)
    by_year = mix.groupby("year")["activities"].sum()
    heights: dict = {}
    for p in ax.patches:  # every year's segments add up to 1
        heights[round(p.get_x() + p.get_width() / 2)] = heights.get(round(p.get_x() + p.get_width() / 2), 0) + p.get_height()
    assert all(abs(h - 1) < 1e-9 for h in heights.values()) and len(heights) == len(by_year)
    assert sum(int(p.get_gid().rsplit(": ", 1)[1]) for p in ax.patches) == mix["activities"].sum()
    labels = [t.get_text() for t in ax.texts]
    assert labels == [str(int(n)) for n in by_year]


def test_heatmap_leaves_out_words_of_every_year(corpus_records):
    fig = A.plot_keyword_heatmap(corpus_records)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows and "安全生产" not in rows and "宣传" not in rows
    assert not set(rows) & A.stop_words()


def test_save_figure_writes_a_png(figures, tmp_path):
    from anquanyue_parse.analysis.plots import save_figure

    path = save_figure(figures["mix"], tmp_path / "sub" / "mix.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_cjk_font_is_a_clear_error(monkeypatch):
    from matplotlib import font_manager

    from anquanyue_parse.analysis import plots

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(plots, "packaged_cjk_font", lambda: None)
    plots.cjk_font.cache_clear()
    try:
        with pytest.raises(MissingDependency, match="noto-cjk-sans-otc .*fonts-noto-cjk"):
            plots.cjk_font()
    finally:
        monkeypatch.undo()
        plots.cjk_font.cache_clear()


def test_the_packaged_font_is_used_when_no_system_font_is_installed(monkeypatch):
    """A machine with only Python: matplotlib knows no CJK font; the registry's package gives one."""
    from matplotlib import font_manager

    from anquanyue_parse.analysis import plots
    from anquanyue_parse.fonts import packaged_cjk_font

    packaged = packaged_cjk_font()
    assert packaged is not None, "noto-cjk-sans-otc (the 'analysis' extra) is not installed"
    latin = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name and "Han" not in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", latin)
    plots.cjk_font.cache_clear()
    try:
        name = plots.cjk_font()
        assert name == "Noto Sans CJK SC"
        found = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        assert Path(found) == packaged
    finally:
        monkeypatch.undo()
        plots.cjk_font.cache_clear()
