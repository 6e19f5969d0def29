"""Consistency check of the held-out gold files against their texts (standard library only).

Run: python corpus/heldout/check_gold.py   -> prints one line per problem, exits 1 if any.

It checks what a careful annotator can check mechanically: every gold string is read from the
text (verbatim, or after undoing PDF wraps for the PDF-shaped notices), document numbers and
phones occur after the documented normalization, every date is written in the text, weekdays
written next to dates are right, and the file set and sizes follow the brief.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ["doc_number", "issuer", "issue_date", "year", "edition", "theme", "period_start",
        "period_end", "deadlines", "contacts", "activity_titles", "attachments"]
OPTIONAL = {"references", "companion_campaigns", "activity_list_truncated"}
# weekly:FRI 16:00 / monthly:5 / monthly:END
RECURRENCE = re.compile(r"^(weekly:(MON|TUE|WED|THU|FRI|SAT|SUN)|monthly:(\d{1,2}|END))( \d{2}:\d{2})?$")
FULLWIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")
CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
            "七": 7, "八": 8, "九": 9}
WEEKDAYS = "一二三四五六日"
# 第23个全国“安全生产月” / 第十四個「安全生產月」
EDITION = re.compile(r"第([0-9一二三四五六七八九十]+)[个個][^。，,]{0,4}?安全生[产產]月")
PAGE_NUMBER = re.compile(r"\n*— \d+ —\n ?")


def unwrap(text: str) -> str:
    """Undo the PDF shape: page numbers, blank lines between wrapped lines, spaces at numbers."""
    text = PAGE_NUMBER.sub("", text)
    text = text.replace("\n\n", "")
    return re.sub(r" (?=\d)|(?<=\d) ", "", text)


def fold(text: str) -> str:
    """Match form for numbers: ASCII digits, no spaces, one kind of dash."""
    text = text.translate(FULLWIDTH).replace("—", "-").replace("－", "-")
    return re.sub(r"[ \u3000]", "", text)


def fold_doc_numbers(text: str) -> str:
    """Bracket forms of 文号 years ([2019], (2019), （2019）) folded to 〔2019〕."""
    return re.sub(r"[\[(（]\s*(\d{4})\s*[\])）]", r"〔\1〕", fold(text))


def cn_number(s: str) -> int:
    """二十八 -> 28, 十 -> 10, 二〇二二 -> 2022 (digit by digit when there is no 十)."""
    if "十" not in s:
        return int("".join(str(CN_DIGIT[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def written_dates(text: str, year: int | None) -> set[dt.date]:
    """Every full or month-day date written in the text (Arabic, Chinese numerals, 2019.5.20)."""
    t = fold(text)
    found = set()
    for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", t):
        found.add((int(y), int(m), int(d)))
    for y, m, d in re.findall(r"(\d{4})[.\-](\d{1,2})[.\-](\d{1,2})", t):
        found.add((int(y), int(m), int(d)))
    for y, m, d in re.findall(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日", t):
        found.add((cn_number(y), cn_number(m), cn_number(d)))
    if year:
        for m, d in re.findall(r"(?<!\d)(\d{1,2})月(\d{1,2})日", t):
            found.add((year, int(m), int(d)))
        for m in re.findall(r"(?<!\d)(\d{1,2})月底", t):
            m = int(m)
            last = (dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
            found.add((year, m, last))
        # ranges written as 6月1日至30日 / 5月19日至25日
        for m, d in re.findall(r"(?<!\d)(\d{1,2})月\d{1,2}日[至—\-－~]+(\d{1,2})日", t):
            found.add((year, int(m), int(d)))
    out = set()
    for y, m, d in found:
        try:
            out.add(dt.date(y, m, d))
        except ValueError:
            pass
    return out


def check_weekdays(name: str, text: str, year: int | None) -> list[str]:
    problems = []
    if not year:
        return problems
    for m, d, w in re.findall(r"(?<!\d)(\d{1,2})月(\d{1,2})日[（(]星期([一二三四五六日天])[）)]", fold(text)):
        day = dt.date(year, int(m), int(d))
        if WEEKDAYS[day.weekday()] != w.replace("天", "日"):
            problems.append(f"{name}: {m}月{d}日 is not 星期{w} in {year}")
    return problems


def strings_of(gold: dict) -> list[tuple[str, str]]:
    """(field, value) for every gold string that must be read verbatim from the text."""
    out = []
    for key in ("issuer", "theme"):
        if gold.get(key):
            out.append((key, gold[key]))
    for key in ("activity_titles", "attachments", "companion_campaigns"):
        out += [(key, v) for v in gold.get(key) or []]
    for d in gold.get("deadlines") or []:
        out.append(("deadlines.what", d["what"]))
    for c in gold.get("contacts") or []:
        out.append(("contacts.name", c["name"]))
        out += [("contacts.emails", e) for e in c["emails"]]
        for key in ("address", "postcode"):
            if c.get(key):
                out.append(("contacts." + key, c[key]))
    return out


def check_one(name: str, text: str, record: dict) -> list[str]:
    problems = []
    gold = record["gold"]
    where = f"{name}"
    if not record.get("source", "").startswith("constructed: "):
        problems.append(f"{where}: source must start with 'constructed: '")
    if not 600 <= len(text) <= 6000:
        problems.append(f"{where}: {len(text)} characters, outside 600-6000")
    missing = [k for k in KEYS if k not in gold]
    if missing:
        problems.append(f"{where}: missing keys {missing}")
    for key in gold:
        base = key[:-4] if key.endswith("_alt") else key
        if base not in KEYS and base not in OPTIONAL:
            problems.append(f"{where}: unknown key {key}")
    pdf_shaped = "PDF" in record.get("note", "")
    readable = unwrap(text) if pdf_shaped else text
    for field, value in strings_of(gold):
        if value in readable:
            continue
        # names padded for alignment (高  峰) are read without the padding
        if field == "contacts.name" and value in re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", readable):
            continue
        # one reading of a shared clause ('分別於…報送A和B'): verb + object read separately
        if field == "deadlines.what" and value[:2] in ("报送", "報送") and value[2:] in readable:
            continue
        problems.append(f"{where}: {field} {value!r} not in text")
    theme = gold.get("theme")
    if theme and (theme[0] in "“「\"" or theme[-1] in "”」\"。"):
        problems.append(f"{where}: theme keeps quotes or 。")
    numbers = fold_doc_numbers(readable)
    doc = gold.get("doc_number")
    for value in ([doc] if doc else []) + list(gold.get("references") or []):
        if " " in value or "[" in value or "(" in value:
            problems.append(f"{where}: {value!r} not normalized")
        if fold(value) not in numbers:
            problems.append(f"{where}: document number {value!r} not in text")
    if doc and doc in (gold.get("references") or []):
        problems.append(f"{where}: own 文号 listed as a reference")
    digits = fold(text)
    for c in gold.get("contacts") or []:
        for p in c["phones"]:
            if not re.fullmatch(r"[\d-]+", p) or p not in digits:
                problems.append(f"{where}: phone {p!r} not in text (after folding)")
    year = gold.get("year")
    dates = written_dates(readable, year)
    single = [("issue_date", gold.get("issue_date")), ("period_start", gold.get("period_start")),
              ("period_end", gold.get("period_end"))]
    single += [("deadline", d["date"]) for d in gold.get("deadlines") or []]
    for field, value in single:
        if value and dt.date.fromisoformat(value) not in dates:
            problems.append(f"{where}: {field} {value} not written in the text")
    for d in gold.get("deadlines") or []:
        if d["date"] is None and not RECURRENCE.match(d.get("recurrence", "")):
            problems.append(f"{where}: undated deadline without a valid recurrence: {d}")
    edition = gold.get("edition")
    stated = {cn_number(n) if not n.isdigit() else int(n)
              for n in EDITION.findall(fold(readable))}
    if edition is not None and edition not in stated:
        problems.append(f"{where}: edition {edition} not stated as 第N个…安全生产月 (found {stated})")
    if gold.get("period_start") and year and not gold["period_start"].startswith(str(year)):
        problems.append(f"{where}: period does not start in the campaign year")
    problems += check_weekdays(name, readable, year)
    return problems


def main() -> int:
    problems = []
    names = sorted(p.stem for p in HERE.glob("*.txt"))
    expected = [f"{i:03d}" for i in range(1, 25)]
    if names != expected:
        problems.append(f"file set {names} != 001..024")
    for name in names:
        txt = HERE / f"{name}.txt"
        raw = txt.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{name}: not UTF-8")
            continue
        record = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
        problems += check_one(name, text, record)
    for p in problems:
        print(p)
    print(f"{len(names)} notices checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
