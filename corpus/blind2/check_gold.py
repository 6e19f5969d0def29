"""Consistency check of the blind2 gold files against their texts.

Run: python corpus/blind2/check_gold.py  (exit 1 and a list of problems if any)

It checks what can be checked mechanically: every gold string that should be verbatim
(issuer, theme, activity titles, attachments, names, deadline 'what', companions) occurs in
the text (whitespace and page marks ignored), in document order for lists; document numbers
and references occur with some bracket form; dates occur in some written form; phones occur
as digit runs; stated editions and weekdays agree with the gold/calendar; sizes are 600-6000.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CN_DIGITS = "〇一二三四五六七八九"
WEEKDAYS = "一二三四五六日"
REQUIRED = ["doc_number", "issuer", "issue_date", "year", "edition", "theme", "period_start",
            "period_end", "deadlines", "contacts", "activity_titles", "attachments"]
# Page marks like "— 3 —" or "- 3 -" on their own line (PDF extractions).
PAGE_MARK = re.compile(r"^\s*[—-]\s*\d+\s*[—-]\s*$", re.M)


def compact(s: str) -> str:
    """Text without whitespace and page marks (PDF wraps and letter spacing vanish)."""
    return re.sub(r"\s+", "", PAGE_MARK.sub("", s))


def nfkc_compact(s: str) -> str:
    return unicodedata.normalize("NFKC", compact(s)).replace("○", "〇").replace("0", "0")


def cn_number(n: int) -> str:
    """1..99 as written in Chinese (十, 十五, 二十四)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def date_forms(d: dt.date, with_year: bool) -> list[str]:
    md = [f"{d.month}月{d.day}日"]
    if d.day == _month_end(d):
        md += [f"{d.month}月底", f"{d.month}月{d.day}日", "月底"]
    if not with_year:
        return md
    y_cn = "".join(CN_DIGITS[int(c)] for c in str(d.year))
    return [f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}",
            d.isoformat(), f"{y_cn}年{cn_number(d.month)}月{cn_number(d.day)}日",
            f"{y_cn.replace('〇', '0')}年{cn_number(d.month)}月{cn_number(d.day)}日"]


def _month_end(d: dt.date) -> int:
    nxt = (d.replace(day=28) + dt.timedelta(days=4))
    return (nxt - dt.timedelta(days=nxt.day)).day


def in_order(items: list[str], text: str) -> bool:
    pos = 0
    for it in items:
        i = text.find(it, pos)
        if i < 0:
            return False
        pos = i + len(it)
    return True


def number_pattern(num: str) -> re.Pattern:
    """A 〔YYYY〕 document number matched with any bracket form."""
    parts = re.split(r"[〔〕]", num)
    if len(parts) != 3:
        return re.compile(re.escape(num))
    pre, year, post = (re.escape(p) for p in parts)
    return re.compile(pre + r"[〔\[(（]" + year + r"[〕\])）]" + post)


def check(name: str) -> list[str]:
    txt_path, gold_path = HERE / f"{name}.txt", HERE / f"{name}.json"
    raw = txt_path.read_bytes().decode("utf-8")
    doc = json.loads(gold_path.read_text(encoding="utf-8"))
    g = doc["gold"]
    text, ntext = compact(raw), nfkc_compact(raw)
    errs: list[str] = []

    def need(cond: bool, msg: str) -> None:
        if not cond:
            errs.append(f"{name}: {msg}")

    need(doc.get("source", "").startswith("constructed: "), "source must start with 'constructed: '")
    need(bool(doc.get("note")), "note missing")
    need(600 <= len(raw) <= 6000, f"length {len(raw)} outside 600-6000")
    for k in REQUIRED:
        need(k in g, f"gold key {k} missing")
    for k in g:
        if k.endswith("_alt"):
            need(k[:-4] in g and isinstance(g[k], list), f"{k} must be a list next to {k[:-4]}")

    def verbatim(value: str, what: str) -> None:
        v = compact(value)
        need(v in text or unicodedata.normalize("NFKC", v) in ntext, f"{what} not in text: {value}")

    for key in ("issuer", "theme"):
        if g.get(key):
            verbatim(g[key], key)
    for c in g.get("companion_campaigns", []):
        verbatim(c, "companion")
    for key in ("activity_titles", "attachments"):
        vals = g.get(key, [])
        for v in vals:
            verbatim(v, key)
        need(in_order([compact(v) for v in vals], text)
             or in_order([unicodedata.normalize("NFKC", compact(v)) for v in vals], ntext),
             f"{key} not in document order")
    for num_key in ("doc_number",):
        if g.get(num_key):
            pat = number_pattern(compact(g[num_key]))
            npat = number_pattern(unicodedata.normalize("NFKC", compact(g[num_key])))
            need(bool(pat.search(text) or npat.search(ntext)), f"{num_key} not in text: {g[num_key]}")
    for ref in g.get("references", []):
        need(bool(number_pattern(ref).search(ntext)), f"reference not in text: {ref}")
        need(ref != g.get("doc_number"), f"reference equals doc_number: {ref}")

    year = g.get("year")
    if g.get("issue_date"):
        d = dt.date.fromisoformat(g["issue_date"])
        need(any(f in ntext for f in date_forms(d, True)), f"issue_date {d} not written in text")
    for key in ("period_start", "period_end"):
        if g.get(key):
            d = dt.date.fromisoformat(g[key])
            need(d.year == year, f"{key} not in campaign year")
            forms = date_forms(d, False) + [f"{d.month}月", f"至{d.day}日", f"{d.month}月{d.day}日"]
            need(any(f in ntext for f in forms), f"{key} {d} not written in text")
    for dl in g.get("deadlines", []):
        # 'what' is verbatim, or (for a clause shared by two dates) assembled from verbatim
        # pieces around 将/报送/报.
        pieces = [p for p in re.split(r"将|报送|报", compact(dl["what"])) if p]
        need(compact(dl["what"]) in text or all(p in text for p in pieces),
             f"deadline what not from text: {dl['what']}")
        if dl.get("date"):
            d = dt.date.fromisoformat(dl["date"])
            need(any(f in ntext for f in date_forms(d, False)), f"deadline {d} not written in text")
        else:
            need(bool(dl.get("recurrence")), f"undated deadline without recurrence: {dl['what']}")
    for c in g.get("contacts", []):
        verbatim(c["name"], "contact name")
        digits = re.sub(r"[^0-9]", "", ntext.replace("—", "-").replace("－", "-"))
        for p in c.get("phones", []):
            need(re.fullmatch(r"[0-9]+(-[0-9]+)?", p) is not None, f"phone not normalized: {p}")
            need(p.replace("-", "") in digits, f"phone not in text: {p}")
        for e in c.get("emails", []):
            need(e in ntext, f"email not in text: {e}")
        for k in ("address", "postcode"):
            if c.get(k):
                verbatim(c[k], f"contact {k}")
    ed = g.get("edition")
    if ed is not None:
        forms = [f"第{ed}个", f"第{cn_number(ed)}个", f"第{ed}個", f"第{cn_number(ed)}個"]
        need(any(f in ntext for f in forms), f"edition {ed} not stated")
    # Weekday annotations written in the text must agree with the calendar.
    for m in re.finditer(r"(\d{1,2})月(\d{1,2})日[（(]星期([一二三四五六日])[)）]", ntext):
        d = dt.date(year, int(m.group(1)), int(m.group(2)))
        need(WEEKDAYS[d.weekday()] == m.group(3), f"{d} is not 星期{m.group(3)}")
    return errs


def main() -> int:
    names = sorted(p.stem for p in HERE.glob("[0-9][0-9][0-9].txt"))
    errs = [e for n in names for e in check(n)]
    missing = [n for n in names if not (HERE / f"{n}.json").exists()]
    errs += [f"{n}: gold file missing" for n in missing]
    for e in errs:
        print(e)
    print(f"{len(names)} notices checked, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
