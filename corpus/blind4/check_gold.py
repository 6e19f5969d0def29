"""Check the blind4 gold files against their texts (run: python3 corpus/blind4/check_gold.py).

Every gold string must be readable from the text: names, titles, themes, attachments, emails
and campaigns verbatim (whitespace ignored, for PDF wraps and letter-spaced lines); document
numbers after bracket/space normalization; phones and dates after digit/dash normalization.
Exits non-zero on the first set of problems found.
"""
from __future__ import annotations

import calendar
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ["doc_number", "issuer", "issue_date", "year", "edition", "theme", "period_start",
        "period_end", "deadlines", "contacts", "activity_titles", "attachments"]
RECURRENCE = re.compile(r"^(weekly:(MON|TUE|WED|THU|FRI|SAT|SUN)( \d\d:\d\d)?|monthly:(\d{1,2}|END)|daily)$")
FULLWIDTH_DIGITS = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９"}
CN_NUM = {"〇": 0, "○": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}


def squeeze(text: str) -> str:
    """Drop all whitespace (line wraps, letter spacing, ideographic spaces)."""
    return re.sub(r"\s+", "", text)


def digits_view(text: str) -> str:
    """ASCII digits, one dash style, full-width colon as ':' and no whitespace."""
    t = squeeze(text.translate(FULLWIDTH_DIGITS))
    return re.sub(r"[—－–]", "-", t).replace("：", ":")


def bracket_view(text: str) -> str:
    t = digits_view(text)
    return re.sub(r"[\[\(（［]", "〔", re.sub(r"[\]\)）］]", "〕", t))


def date_forms(iso: str) -> list[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    forms = [f"{m}月{d}日", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}"]
    if d == calendar.monthrange(y, m)[1]:
        forms += [f"{m}月底", f"{m}月"]
    return forms


def chinese_dates(text: str) -> set[str]:
    """ISO dates written as 二〇二二年五月十日 / 二000年五月八日."""
    out = set()
    for ys, ms, ds in re.findall(r"([〇○0一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日", text):
        y = int("".join(str(CN_NUM[c]) for c in ys))

        def small(s: str) -> int:
            if s == "十":
                return 10
            if s.startswith("十"):
                return 10 + CN_NUM[s[1]]
            if s.endswith("十"):
                return CN_NUM[s[0]] * 10
            if "十" in s:
                return CN_NUM[s[0]] * 10 + CN_NUM[s[2]]
            return CN_NUM[s]
        out.add(f"{y:04d}-{small(ms):02d}-{small(ds):02d}")
    return out


def check(name: str) -> list[str]:
    txt = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    doc = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    g = doc["gold"]
    sq, dv, bv = squeeze(txt), digits_view(txt), bracket_view(txt)
    errs = []

    def need(cond: bool, msg: str) -> None:
        if not cond:
            errs.append(f"{name}: {msg}")

    need(doc["source"].startswith("constructed: "), "source must start with 'constructed: '")
    need(600 <= len(txt) <= 6000, f"length {len(txt)} outside 600..6000")
    for k in KEYS:
        need(k in g, f"missing key {k}")
    for k in g:
        if k.endswith("_alt"):
            need(k[:-4] in g and isinstance(g[k], list), f"bad alt key {k}")

    def verbatim(value: str, what: str) -> None:
        need(squeeze(value) in sq, f"{what} not verbatim: {value!r}")

    if g["doc_number"]:
        need(bracket_view(g["doc_number"]) in bv, f"doc_number not found: {g['doc_number']}")
    for ref in g.get("references", []):
        need(bracket_view(ref) in bv, f"reference not found: {ref}")
        need(bracket_view(ref) != bracket_view(g["doc_number"] or ""), f"reference equals own number: {ref}")
    for key in ("issuer", "theme"):
        if g[key]:
            verbatim(g[key], key)
    for t in g["activity_titles"]:
        verbatim(t, "activity title")
    for a in g["attachments"]:
        verbatim(a, "attachment")
    for c in g.get("companion_campaigns", []):
        verbatim(c, "companion campaign")
    for c in g["contacts"]:
        need(set(c) <= {"name", "phones", "emails", "address", "postcode"}, f"contact keys {sorted(c)}")
        verbatim(c["name"], "contact name")
        for key in ("address", "postcode"):
            if c.get(key):
                verbatim(c[key], f"contact {key}")
        for p in c["phones"]:
            need(digits_view(p) in dv, f"phone not found: {p}")
        for e in c["emails"]:
            need(e in txt and re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", e) is not None, f"email bad/not found: {e}")
    cn = chinese_dates(txt)
    if g["issue_date"]:
        need(g["issue_date"] in cn or any(f in dv for f in date_forms(g["issue_date"])),
             f"issue_date not written: {g['issue_date']}")
    for key in ("period_start", "period_end"):
        if g[key]:
            y = int(g[key][:4])
            need(y == g["year"], f"{key} not in campaign year")
            m, d = int(g[key][5:7]), int(g[key][8:10])
            need(f"{m}月" in dv or f"{m}月{d}日" in dv, f"{key} month not written: {g[key]}")
    if g["year"]:
        need(str(g["year"]) in dv or any(d.startswith(str(g["year"])) for d in cn), "year not written")
    for dl in g["deadlines"]:
        need(set(dl) <= {"date", "what", "recurrence"}, f"deadline keys {sorted(dl)}")
        what = digits_view(dl["what"])
        need(what in dv, f"deadline what not verbatim: {dl['what']}")
        if dl["date"]:
            need(int(dl["date"][:4]) == g["year"], f"deadline not in campaign year: {dl['date']}")
            need(any(f in dv for f in date_forms(dl["date"])), f"deadline date not written: {dl['date']}")
            need("recurrence" not in dl, "dated deadline with recurrence")
        else:
            need(bool(RECURRENCE.match(dl.get("recurrence", ""))), f"bad recurrence: {dl}")
    if g["edition"] is not None:
        need("安全生产月" in txt or "安全生產月" in txt, "edition set outside 安全生产月")
        need(g["edition"] == g["year"] - 2001, f"edition {g['edition']} does not match year {g['year']}")
    return errs


def main() -> int:
    names = sorted(p.stem for p in HERE.glob("*.txt"))
    errs = [e for n in names for e in check(n)]
    for e in errs:
        print(e)
    print(f"{len(names)} notices checked, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
