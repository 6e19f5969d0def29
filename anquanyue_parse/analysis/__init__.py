"""Compare campaigns across years: DataFrames in, DataFrames and figures out.

Every function takes ``db``: a database URL, a SQLite path, a list of Campaign records or a
DataFrame (see :func:`as_records`). jieba and matplotlib load only when a function needs them.

>>> from anquanyue_parse.analysis import compare_theme
>>> compare_theme("人人讲安全、个个会应急——畅通生命通道", national_theme(2023))
'extends'
"""

from __future__ import annotations

from ..themes import national_theme, national_themes
from .activities import activities_frame, activity_mix, activity_rules, activity_types, classify_activity
from .alignment import (ALIGNMENTS, compare_theme, normalize_theme, theme_alignment, themes_by_year,
                        themes_table)
from .deadlines import deadline_calendar, expand_recurrence
from .keywords import domain_terms, keywords_by_year, stop_words, tokenize
from .levels import LEVELS, issuer_level
from .sources import activity_text, as_records, campaigns_frame, walk_activities

__all__ = [
    "as_records", "campaigns_frame", "walk_activities", "activity_text",
    "national_theme", "national_themes", "normalize_theme", "compare_theme", "ALIGNMENTS",
    "themes_by_year", "themes_table", "theme_alignment",
    "keywords_by_year", "tokenize", "domain_terms", "stop_words",
    "activity_mix", "activities_frame", "classify_activity", "activity_rules", "activity_types",
    "LEVELS", "issuer_level",
    "deadline_calendar", "expand_recurrence",
    "plot_theme_timeline", "plot_keyword_heatmap", "plot_activity_mix", "cjk_font",
]

_PLOTS = ("plot_theme_timeline", "plot_keyword_heatmap", "plot_activity_mix", "cjk_font")


def __getattr__(name: str):
    # matplotlib loads only when a plot is asked for
    if name in _PLOTS:
        from . import plots

        return getattr(plots, name)
    raise AttributeError(f"module 'anquanyue_parse.analysis' has no attribute {name!r}")
