"""Corpus evaluation: per-field accuracy (single values) and precision/recall/F1 (lists).

The gold format is described in ``corpus/README.md``. ``FIELD_alt`` lists other
acceptable values; the best-scoring alternative counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

import regex

from ..fields import RECORD_COLUMNS, column_names
from ..formats import notice_suffixes
from ..models import Campaign

__all__ = ["evaluate_sets", "FieldScore", "Report", "corpus_hash", "SCALAR_FIELDS", "LIST_FIELDS"]

SCALAR_FIELDS = ["doc_number", "issuer", "issue_date", "year", "edition", "theme", "period_start", "period_end"]
LIST_FIELDS = ["deadlines", "contacts", "contact_phones", "contact_emails", "activity_titles",
               "attachments", "references", "companion_campaigns", "issuers"]
#: Every other one-value record column (fields.py) is scored where the gold has its key
#: (issue 9's published, doc_kind, campaign; a new field as soon as gold files give it).
OPTIONAL_SCALARS = [n for n in column_names(("text", "int", "date")) if n not in SCALAR_FIELDS]
OPTIONAL_LISTS = {"references", "companion_campaigns", "issuers"}


def _canon(v: Any) -> Any:
    """Width-folded, trimmed, inner white space collapsed, and none next to a CJK character
    ("宁阳县 2024 年" = "宁阳县2024年": PDF extraction spacing). The script is NOT folded."""
    if isinstance(v, str):
        s = " ".join(unicodedata.normalize("NFKC", v).split())
        return _CJK_SPACE.sub("", s)
    return v


_CJK_SPACE = regex.compile(r"(?<=[\p{Han}“”《》、,。])\s+|\s+(?=[\p{Han}“”《》、,。])")


#: Converter residue and prefixes a campaign's name may carry: "全國(guó)", "全国", "国家", "我国".
#: What two spellings of one campaign name differ in: converter residue, a 全国 prefix, quotes,
#: and the day written as digits before the name ("6·26国际禁毒日", "122全国交通安全日").
_CAMPAIGN_NOISE = regex.compile(
    r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)|^\d{1,2}[·.．]\d{1,2}|^\d{3}|^(?:全国|国家|我国|世界|国际|全民|中国)|[“”《》\s]")


def _same_campaign(pred: Any, gold: Any) -> bool:
    """The record's campaign is a canonical simplified name (安全生产月 for 安全生產月): compare
    script-folded, without converter residue or a 全国/国家 prefix."""
    if pred is None or gold is None:
        return pred is None and gold is None
    from ..textutil import to_simplified

    def fold(v: str) -> str:  # twice: "122全国…" loses 122, then 全国
        return _CAMPAIGN_NOISE.sub("", _CAMPAIGN_NOISE.sub("", to_simplified(_canon(v))))
    return fold(pred) == fold(gold)


def _deadline_key(d: dict) -> str:
    if d.get("date"):
        return str(d["date"])
    rec = d.get("recurrence") or ""
    return rec.split()[0] if rec else "?"


def predicted(c: Campaign) -> dict[str, Any]:
    """The record in the gold format's terms."""
    out: dict[str, Any] = {col.name: _gold_form(col.value(c)) for col in RECORD_COLUMNS}
    out["deadlines"] = [d.date.isoformat() if d.date else (d.recurrence or "?") for d in c.deadlines]
    out["contacts"] = [p.name for p in c.contacts if p.name]
    out["contact_phones"] = [f"{p.name}|{ph}" for p in c.contacts for ph in p.phones]
    out["contact_emails"] = [f"{p.name}|{e}" for p in c.contacts for e in p.emails]
    out["activity_titles"] = [a.title for a in c.activities]
    out["attachments"] = [a.title for a in c.attachments]
    out["references"] = list(c.references)
    return out


def _gold_form(value: Any) -> Any:
    """A column value as gold files write it: dates in ISO form."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _gold_lists(g: dict, name: str) -> list[list]:
    """Acceptable gold lists for a list field (the value and its alternatives)."""
    def conv(value):
        if value is None:
            return []
        if name == "deadlines":
            return [_deadline_key(d) for d in value]
        if name == "contacts":
            return [p.get("name") for p in value if p.get("name")]
        if name == "contact_phones":
            return [f"{p.get('name')}|{ph}" for p in value for ph in p.get("phones", [])]
        if name == "contact_emails":
            return [f"{p.get('name')}|{e}" for p in value for e in p.get("emails", [])]
        return list(value)
    base = {"contact_phones": "contacts", "contact_emails": "contacts"}.get(name, name)
    options = [conv(g.get(base))]
    for alt in g.get(base + "_alt", []) or []:
        options.append(conv(alt))
    return options


@dataclass
class FieldScore:
    name: str
    kind: str  # "accuracy" or "f1"
    correct: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def score(self) -> float:
        if self.kind == "accuracy":
            return self.correct / self.total if self.total else 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    fields: dict[str, FieldScore]
    documents: int
    errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (doc, field, gold, pred)

    @property
    def macro(self) -> float:
        return sum(f.score for f in self.fields.values()) / len(self.fields)

    def scores(self) -> dict[str, float]:
        out = {n: round(f.score, 4) for n, f in self.fields.items()}
        out["macro"] = round(self.macro, 4)
        return out

    def render(self) -> str:
        lines = [f"{'field':<22}{'metric':>9}{'P':>8}{'R':>8}{'score':>8}{'n':>6}"]
        for f in self.fields.values():
            if f.kind == "accuracy":
                lines.append(f"{f.name:<22}{'acc':>9}{'':>8}{'':>8}{f.score:>8.3f}{f.total:>6}")
            else:
                lines.append(f"{f.name:<22}{'F1':>9}{f.precision:>8.3f}{f.recall:>8.3f}{f.score:>8.3f}"
                             f"{f.tp + f.fn:>6}")
        lines.append(f"{'macro average':<22}{'':>9}{'':>8}{'':>8}{self.macro:>8.3f}{self.documents:>6}")
        return "\n".join(lines)


def _multiset_match(pred: list, gold: list) -> tuple[int, int, int]:
    g = [_canon(x) for x in gold]
    tp = 0
    for p in (_canon(x) for x in pred):
        if p in g:
            g.remove(p)
            tp += 1
    return tp, len(pred) - tp, len(g)


def gold_files(root: Path) -> Iterable[tuple[Path, Path]]:
    for gold in sorted(root.rglob("*.json")):
        if gold.name == "baseline.json":
            continue
        for ext in notice_suffixes():  # X.json's notice: X with a readable format's suffix
            src = gold.with_suffix(ext)
            if src.exists():
                yield src, gold
                break


def corpus_hash(root: Path) -> str:
    h = hashlib.sha256()
    for src, gold in gold_files(root):
        h.update(src.relative_to(root).as_posix().encode())
        h.update(src.read_bytes())
        h.update(gold.read_bytes())
    return h.hexdigest()[:16]


def evaluate_sets(root: str | Path, parse=None) -> dict[str, Report]:
    """One report per set (the first folder under ``root``: seeds, devset, heldout …) plus "all"."""
    root = Path(root)
    files = list(gold_files(root))
    sets: dict[str, list] = {}
    for src, gold in files:
        rel = src.relative_to(root).parts
        sets.setdefault(rel[0] if len(rel) > 1 else ".", []).append((src, gold))
    out = {name: _evaluate(root, pairs, parse) for name, pairs in sorted(sets.items())}
    out["all"] = _evaluate(root, files, parse)
    return out


def _evaluate(root: Path, pairs, parse=None) -> Report:
    from ..pipeline import parse_file

    parse = parse or parse_file
    fields = {n: FieldScore(n, "accuracy") for n in SCALAR_FIELDS}
    optional = {n: FieldScore(n, "accuracy") for n in OPTIONAL_SCALARS}
    fields.update({n: FieldScore(n, "f1") for n in LIST_FIELDS})
    report = Report(fields=fields, documents=0)
    for src, gold_path in pairs:
        g = json.loads(gold_path.read_text("utf-8"))["gold"]
        p = predicted(parse(src))
        report.documents += 1
        name = src.relative_to(root).as_posix()
        for f in SCALAR_FIELDS + [n for n in OPTIONAL_SCALARS if n in g]:
            if f in optional and f not in fields:
                fields[f] = optional[f]
            accepted = [g.get(f)] + list(g.get(f + "_alt", []) or [])
            same = _same_campaign if f == "campaign" else (lambda x, y: _canon(x) == _canon(y))
            ok = any(same(p[f], a) for a in accepted)
            fields[f].total += 1
            fields[f].correct += ok
            if not ok:
                report.errors.append((name, f, g.get(f), p[f]))
        for f in LIST_FIELDS:
            base = {"contact_phones": "contacts", "contact_emails": "contacts"}.get(f, f)
            if f in OPTIONAL_LISTS and base not in g:
                continue
            best: Optional[tuple[int, int, int]] = None
            for option in _gold_lists(g, f):
                tp, fp, fn = _multiset_match(p[f], option)
                if best is None or (tp - fp - fn) > (best[0] - best[1] - best[2]):
                    best = (tp, fp, fn)
            tp, fp, fn = best or (0, 0, 0)
            fields[f].tp += tp
            fields[f].fp += fp
            fields[f].fn += fn
            if fp or fn:
                report.errors.append((name, f, _gold_lists(g, f)[0], p[f]))
    return report
