"""Figures: theme timeline, keyword heatmap by year, activity mix by year.

Figures are built with ``matplotlib.figure.Figure`` (no pyplot, no global backend switch; PNGs
render with Agg). Chinese labels use the CJK font of the ``noto-cjk-sans-otc`` package (the
``analysis`` extra; see :mod:`anquanyue_parse.fonts`) or an installed one found through
``matplotlib.font_manager`` (Debian: fonts-noto-cjk); without either, :func:`cjk_font` raises
:class:`~anquanyue_parse.errors.MissingDependency` instead of drawing empty boxes.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Iterator, Optional

from ..errors import MissingDependency
from ..fonts import CJK_FONT_HINT, packaged_cjk_font
from ..themes import national_themes
from .activities import activity_mix, activity_types
from .alignment import ALIGNMENTS, theme_alignment
from .keywords import keywords_by_year

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

#: What to install for the figures (one line, naming the extra).
PLOTS_HINT = "plots need matplotlib and the CJK font: pip install 'anquanyue_parse[analysis]'"

try:  # fail at once with the extra's name, not deep inside a plot with ModuleNotFoundError
    import matplotlib  # noqa: F401
except ModuleNotFoundError as exc:
    raise MissingDependency(PLOTS_HINT) from exc

__all__ = ["cjk_font", "cjk_style", "plot_theme_timeline", "plot_keyword_heatmap", "plot_activity_mix",
           "save_figure"]

#: CJK font families in order of preference; any other family with "CJK" in its name comes next.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "SimHei", "Microsoft YaHei", "PingFang SC",
    "Noto Sans CJK TC", "Noto Sans CJK JP",
)

#: Colours of the theme alignments (same order as ALIGNMENTS).
ALIGNMENT_COLORS = ("#2e7d32", "#1565c0", "#6a1b9a", "#ef6c00", "#c62828", "#9e9e9e", "#cfcfcf", "#80cbc4")


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The family name of a font with Chinese glyphs (the packaged one is registered first)."""
    from matplotlib import font_manager

    packaged = packaged_cjk_font()
    if packaged is not None and not any(f.fname == str(packaged) for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(packaged))
    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    others = sorted(n for n in names if "CJK" in n)
    if others:
        return others[0]
    raise MissingDependency(f"no CJK font for Chinese labels: {CJK_FONT_HINT} (after apt-get, delete "
                            "matplotlib's font cache ~/.cache/matplotlib)")


@contextlib.contextmanager
def cjk_style() -> Iterator[None]:
    """rcParams for figures with Chinese text: a concrete CJK family (resolved when text is created)."""
    import matplotlib

    with matplotlib.rc_context({"font.family": [cjk_font(), "DejaVu Sans"], "axes.unicode_minus": False,
                                "figure.dpi": 100, "savefig.dpi": 150, "savefig.bbox": "tight"}):
        yield


def save_figure(fig: "Figure", path: str | Path | BinaryIO) -> Path | BinaryIO:
    """Write ``fig`` as PNG (or the format of the suffix) to a path or a binary file; returns it."""
    if isinstance(path, (str, Path)):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    with cjk_style():
        fig.savefig(path, format=None if isinstance(path, Path) else "png")
    return path


def _new_figure(width: float, height: float) -> "Figure":
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def plot_theme_timeline(data: Any, first_year: Optional[int] = None) -> "Figure":
    """One row per year: the national theme, and the notices of that year by alignment.

    ``data`` is :func:`theme_alignment` output or anything it accepts. Marker area grows with
    the number of notices; the number is written beside it.
    """
    df = data if hasattr(data, "columns") and "alignment" in data.columns else theme_alignment(data)
    df = df[df["year"].notna()]
    nat = national_themes()
    years_seen = [int(y) for y in df["year"]]
    lo = first_year or min([*years_seen, min(nat)])
    hi = max([*years_seen, max(nat)])
    years = list(range(lo, hi + 1))
    counts = df.groupby(["year", "alignment"], observed=True).size()
    with cjk_style():
        fig = _new_figure(11, 0.34 * len(years) + 1.6)
        ax = fig.add_subplot()
        for (year, alignment), n in counts.items():
            x = ALIGNMENTS.index(alignment)
            ax.scatter([x], [int(year)], s=60 + 50 * n, color=ALIGNMENT_COLORS[x], alpha=0.85, zorder=3)
            ax.annotate(str(n), (x, int(year)), xytext=(9, -4), textcoords="offset points", fontsize=8)
        ax.set_yticks(years, [f"{y}  {nat.get(y, '（无全国主题）')}" for y in years], fontsize=8)
        ax.set_ylim(hi + 0.7, lo - 0.7)
        ax.set_xticks(range(len(ALIGNMENTS)), ALIGNMENTS, fontsize=9)
        ax.set_xlim(-0.5, len(ALIGNMENTS) - 0.5)
        ax.grid(axis="y", color="#eeeeee", zorder=0)
        ax.set_title("各年“安全生产月”主题：通知主题与全国主题的关系（点大小 = 通知数）", fontsize=11)
    return fig


#: A keyword listed in more than this share of the years says nothing about any one year
#: (安全生产, 宣传): the heatmap leaves it out.
MAX_YEAR_SHARE = 0.6


def plot_keyword_heatmap(data: Any, top_k: int = 10, max_keywords: int = 30) -> "Figure":
    """Keyword weight by year, relative to the year's top keyword (rows: keywords ranked by how
    many years list them, then total weight).

    ``data`` is :func:`keywords_by_year` output or anything it accepts (then ``top_k`` per year
    with ``method="distinctive"``: words every year uses weigh nothing). Keywords listed in more
    than :data:`MAX_YEAR_SHARE` of the years are left out either way (they would fill one row).
    """
    import numpy as np

    kw = (data if hasattr(data, "columns") and "keyword" in data.columns
          else keywords_by_year(data, top_k, method="distinctive"))
    if kw.empty:
        raise ValueError("no keywords to plot: the notices have no activity texts with a year")
    n_years = kw["year"].nunique()
    score = kw.groupby("keyword").agg(years=("year", "nunique"), weight=("weight", "sum"))
    if n_years >= 5:  # with a handful of years, every keyword may be in most of them
        score = score[score["years"] <= MAX_YEAR_SHARE * n_years]
    keywords = list(score.sort_values(["years", "weight"], ascending=False).index[:max_keywords])
    years = sorted(int(y) for y in kw["year"].unique())
    grid = kw[kw["keyword"].isin(keywords)].pivot_table(index="keyword", columns="year", values="weight",
                                                         aggfunc="max")
    grid = grid.reindex(index=keywords, columns=years)
    grid = grid / kw.groupby("year")["weight"].max().reindex(years).to_numpy()  # top keyword of a year = 1
    values = np.ma.masked_invalid(grid.to_numpy(dtype=float))
    with cjk_style():
        fig = _new_figure(max(6.0, 0.55 * len(years) + 3), 0.3 * len(keywords) + 1.8)
        ax = fig.add_subplot()
        im = ax.imshow(values, aspect="auto", cmap="YlOrRd", interpolation="nearest")
        ax.set_xticks(range(len(years)), [str(y) for y in years], rotation=90, fontsize=8)
        ax.set_yticks(range(len(keywords)), keywords, fontsize=9)
        ax.set_facecolor("#f4f4f4")
        method = str(kw["method"].iloc[0]) if "method" in kw.columns else "tfidf"
        fig.colorbar(im, ax=ax, shrink=0.6, label=f"{method} 权重（各年最高 = 1）")
        ax.set_title("各年活动内容关键词（空白 = 该年未进入前列；多数年份共有的词不列）", fontsize=11)
    return fig


def plot_activity_mix(data: Any) -> "Figure":
    """Stacked bars: each year's activities by type as shares of the year (all issuer levels
    together), the year's count above its bar and each segment's count in its gid.

    ``data`` is :func:`activity_mix` output or anything it accepts.
    """
    mix = data if hasattr(data, "columns") and "activities" in data.columns else activity_mix(data)
    if mix.empty:
        raise ValueError("no activities to plot")
    table = mix.pivot_table(index="year", columns="type", values="activities", aggfunc="sum",
                            observed=True, fill_value=0)
    types = [t for t in activity_types() if t in table.columns]
    table = table[types]
    years = [str(int(y)) for y in table.index]
    with cjk_style():
        import matplotlib
        import matplotlib.ticker

        cmap = matplotlib.colormaps["tab20"]
        fig = _new_figure(max(7.0, 0.5 * len(years) + 4), 5.2)
        ax = fig.add_subplot()
        totals = [int(v) for v in table.sum(axis=1)]
        bottom = [0.0] * len(years)
        for i, kind in enumerate(types):
            counts = [int(v) for v in table[kind]]
            shares = [c / t if t else 0.0 for c, t in zip(counts, totals)]
            bars = ax.bar(years, shares, bottom=bottom, label=kind, color=cmap(i % 20), width=0.7)
            for bar, count in zip(bars, counts):
                bar.set_gid(f"{kind}: {count}")  # the count behind each share (SVG hover id)
            bottom = [b + h for b, h in zip(bottom, shares)]
        for x, total in enumerate(totals):  # each year's number of activities above its bar
            ax.text(x, 1.01, str(total), ha="center", va="bottom", fontsize=7, color="#555555")
        ax.set_ylim(0, 1.08)
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_ylabel("占当年活动的比例（柱顶：活动数，一级条目）")
        ax.tick_params(axis="x", rotation=90, labelsize=8)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="活动类型")
        ax.set_title("各年活动类型构成", fontsize=11)
    return fig
