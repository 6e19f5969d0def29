"""Themes across years: the themes-by-year table and each notice's theme against the national one."""

from __future__ import annotations

import difflib
import unicodedata
from typing import TYPE_CHECKING, Any, Optional

import regex

from ..campaigns import DEFAULT_CAMPAIGN
from ..themes import national_theme, national_themes, theme_key, year_of_theme
from .sources import campaigns_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["normalize_theme", "themes_by_year", "theme_alignment", "compare_theme", "themes_table",
           "ALIGNMENTS"]

#: The answers of :func:`compare_theme`, in the order tables and plots list them.
ALIGNMENTS = ("equal", "extends", "shortens", "variant", "differs", "no national theme", "no theme",
              "other campaign")

#: The campaign the national themes belong to; notices of sibling campaigns (消防宣传月 …) are
#: marked "other campaign" instead of being compared with it.
NATIONAL_CAMPAIGN = DEFAULT_CAMPAIGN

#: Where a theme's sub-theme or added clause begins, e.g. "人人讲安全、个个会应急——畅通生命通道"
#: (dash), "…——畅通生命通道;人人能自救、个个会逃生" (semicolon).
SUBTHEME_SPLIT = regex.compile(r"\s*(?:[—―─－\-]{1,2}|[;；])\s*")


def normalize_theme(theme: Optional[str]) -> str:
    """The comparison key of a theme: simplified script, no separators or quotes.

    >>> normalize_theme("生命至上，安全發展") == normalize_theme("“生命至上、安全发展”")
    True
    """
    return theme_key(theme) if theme else ""


def _main_key(theme: str) -> str:
    """Key of the part before a sub-theme: "人人讲安全、个个会应急——畅通生命通道" -> 人人讲安全个个会应急."""
    return normalize_theme(SUBTHEME_SPLIT.split(theme.strip(), maxsplit=1)[0])


def compare_theme(theme: Optional[str], national: Optional[str]) -> str:
    """How a notice's theme relates to the national theme of its year (one of :data:`ALIGNMENTS`).

    ``equal``: the same words; ``extends``: the national theme plus more ("——畅通生命通道",
    ";人人能自救…"); ``shortens``: part of the national theme (its main theme without the
    sub-theme); ``variant``: the same main theme with another sub-theme; ``differs``: a local theme.
    """
    if not theme or not normalize_theme(theme):
        return "no theme"
    if not national:
        return "no national theme"
    key, nat = normalize_theme(theme), normalize_theme(national)
    if key == nat:
        return "equal"
    if nat in key:
        return "extends"
    if key in nat:
        return "shortens"
    if _main_key(theme) == _main_key(national):
        return "variant"
    return "differs"


def _theme_year(theme: Optional[str]) -> Optional[int]:
    """The year whose national theme this theme equals, else the one it extends (longest wins)."""
    if not theme:
        return None
    exact = year_of_theme(theme)
    if exact is not None:
        return exact
    key = normalize_theme(theme)
    extended = [(len(nkey), year) for year, nat in national_themes().items()
                if (nkey := normalize_theme(nat)) and key.startswith(nkey)]
    return max(extended)[1] if extended else None


def theme_alignment(df: Any) -> "pd.DataFrame":
    """Each notice's theme against the national theme of its year.

    ``df`` is a frame with ``year`` and ``theme`` columns (:func:`campaigns_frame`,
    ``db.load_campaigns``) or anything :func:`as_records` accepts. Adds the columns
    ``national_theme``, ``alignment`` (:func:`compare_theme`), ``theme_year`` (the year whose
    national theme the notice's theme equals or extends), ``similarity`` (0-1, to the national
    theme) and ``year_inferred`` / ``year_source``: a notice that states no year takes the year
    whose national theme its theme *equals* (not one it only extends: a 2025 notice may reuse
    the 2024 wording), marked as inferred.
    """
    import pandas as pd

    out = (df if _has_theme_columns(df) else campaigns_frame(df)).copy()
    out["year"] = out["year"].astype("Int64")
    if "year_inferred" not in out.columns:
        out["year_inferred"] = False
    if "year_source" not in out.columns:
        out["year_source"] = None
    out["year_inferred"] = out["year_inferred"].fillna(False).astype(bool)
    out["year_source"] = out["year_source"].astype(object)
    for idx in out.index[out["year"].isna()]:
        name = out.at[idx, "campaign"] if "campaign" in out.columns else None
        if isinstance(name, str) and name != NATIONAL_CAMPAIGN:
            continue  # a sibling campaign's theme says nothing about the national one's year
        guess = year_of_theme(out.at[idx, "theme"]) if isinstance(out.at[idx, "theme"], str) else None
        if guess is not None:
            out.at[idx, "year"] = guess
            out.at[idx, "year_inferred"] = True
            out.at[idx, "year_source"] = f"inferred from the theme (the national theme of {guess})"
    themes = [t if isinstance(t, str) else None for t in out["theme"]]
    names = list(out["campaign"]) if "campaign" in out.columns else [None] * len(out)
    sibling = [isinstance(c, str) and c != NATIONAL_CAMPAIGN for c in names]
    nationals = [national_theme(int(y)) if not pd.isna(y) and not s else None
                 for y, s in zip(out["year"], sibling)]
    out["national_theme"] = nationals
    out["alignment"] = pd.Categorical(
        ["other campaign" if s else compare_theme(t, n) for t, n, s in zip(themes, nationals, sibling)],
        categories=ALIGNMENTS)
    out["theme_year"] = pd.array([_theme_year(t) for t in themes], dtype="Int64")
    out["similarity"] = [
        round(difflib.SequenceMatcher(None, normalize_theme(t), normalize_theme(n)).ratio(), 3) if t and n else None
        for t, n in zip(themes, nationals)
    ]
    return out


def _has_theme_columns(df: Any) -> bool:
    return hasattr(df, "columns") and {"year", "theme"} <= set(df.columns) and "record" not in df.columns


def themes_by_year(db: Any) -> "pd.DataFrame":
    """Year, campaign (安全生产月 or a sibling such as 消防宣传月), theme, number of notices and
    their issuers ("、"-joined). Variants of one theme in script or punctuation ("生命至上，安全發展",
    "“生命至上、安全发展”") are one row (:func:`normalize_theme`), shown in their most used form."""
    import pandas as pd
    from collections import Counter

    from ..textutil import to_simplified

    df = campaigns_frame(db)
    df["campaign"] = df["campaign"].fillna("")
    df["_key"] = [normalize_theme(t) if isinstance(t, str) else None for t in df["theme"]]
    rows = []
    for (year, campaign, _), group in df.groupby(["year", "campaign", "_key"], dropna=False, sort=False):
        issuers = sorted({i for i in group["issuer"] if isinstance(i, str) and i})
        forms = Counter(t for t in group["theme"] if isinstance(t, str))
        # the most used form; on a tie a simplified one, then the first in code point order
        theme = min(forms, key=lambda t: (-forms[t], to_simplified(t) != t, t)) if forms else None
        rows.append({"year": year, "campaign": campaign or None, "theme": theme,
                     "notices": len(group), "issuers": "、".join(issuers)})
    out = pd.DataFrame(rows, columns=THEME_COLUMNS)
    out["year"] = out["year"].astype("Int64")
    out["_national"] = out["campaign"] != NATIONAL_CAMPAIGN
    out = out.sort_values(["year", "_national", "campaign", "notices", "theme"],
                          ascending=[True, True, True, False, True], na_position="last")
    return out.drop(columns="_national").reset_index(drop=True)


#: Columns of :func:`themes_by_year`.
THEME_COLUMNS = ["year", "campaign", "theme", "notices", "issuers"]


def themes_table(db: Any) -> str:
    """:func:`themes_by_year` as a left-aligned text table (CJK characters count two columns)."""
    df = themes_by_year(db)
    if df.empty:
        return "no notices"
    header = THEME_COLUMNS
    rows = [[str(y) if not _missing(y) else "?", c if isinstance(c, str) else "?",
             t if isinstance(t, str) else "(none)", str(n), i]
            for y, c, t, n, i in df[header].itertuples(index=False)]
    widths = [max(_width(r[c]) for r in [header, *rows]) for c in range(len(header))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths)).rstrip()
             for r in [header, *rows]]
    return "\n".join(lines)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def _width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
