"""Scoring records against gold records: per-field precision, recall, F1 and accuracy.

Matching rules (the ``evaluate`` command prints them in its help):
- a record is scored against the gold file named after the stem of its input path
  (dev/003_x.txt is scored against gold/003_x.json);
- names, titles, places and gate names are compared after NFC, case-folding, and
  normalizing dashes (any dash is " - ") and spaces; quotes and ellipses are ignored;
- a gate matches a gold gate with the same name, or one sharing a side of a pair
  ("Kim Thành" ~ "Kim Thành – Bắc Sơn");
- proposal items and agreements are matched one-to-one, best token overlap (Jaccard)
  first, at least 0.5 for items and 0.4 for agreements;
- single-valued fields (detected, kind, online, session number, date, location,
  title, published) are scored as accuracy over the gold records that carry them.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
SET_FIELDS = ["officials.name", "officials.name+country", "officials.full", "border_gates", "border_markets",
              "localities", "proposals.items", "agreements"]
ACC_FIELDS = ["detected", "kind", "online", "session_number", "date.day_month", "date.full", "location",
              "title", "published", "proposals.country", "officials.head"]
HEADLINE = ["detected", "kind", "online", "date.full", "officials.full", "border_gates", "localities",
            "proposals.items", "agreements"]

_DASH = regex.compile(f"[{regex.escape(DASHES)}]")
_DASH_SPACES = regex.compile(r"\s*-\s*")
_QUOTES = regex.compile(r"[“”\"'…]+|\.\.\.")
_SPACES = regex.compile(r"\s+")
_WORD = regex.compile(r"\w+")


def norm(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s).replace("\xa0", " ")
    s = _DASH_SPACES.sub(" - ", _DASH.sub("-", s))
    s = _SPACES.sub(" ", _QUOTES.sub(" ", s)).strip(" .,;:")
    return s.casefold()


def jaccard(a: str, b: str) -> float:
    ta, tb = set(_WORD.findall(norm(a) or "")), set(_WORD.findall(norm(b) or ""))
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def greedy_match(pred: list[str], gold: list[str], threshold: float) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index), best overlap first, each used once."""
    scored = sorted(((jaccard(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    ok: int = 0
    n: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, key: str = "") -> None:
        self.n += 1
        self.ok += bool(ok)
        if not ok and key:
            self.misses.append(key)

    def figures(self) -> dict[str, Any]:
        return {"acc": round(self.ok / self.n, 3) if self.n else 1.0, "n": self.n, "misses": self.misses}


def _set_prf(pred: set, gold: set) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def _gate_sides(name: str | None) -> set[str]:
    return {part.strip() for part in (name or "").split(" - ") if part.strip()}


def _gate_prf(pred: list[str | None], gold: list[str | None]) -> tuple[int, int, int]:
    pred_set, gold_set = sorted(set(pred), key=str), sorted(set(gold), key=str)
    used, tp = set(), 0
    for g in gold_set:
        hit = next((p for p in pred_set if p not in used and p == g), None) or next(
            (p for p in pred_set if p not in used and _gate_sides(p) & _gate_sides(g)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp, len(pred_set) - tp, len(gold_set) - tp


def _official_key(o: dict, *, country: bool = False, titles: bool = False) -> tuple:
    key: tuple = (norm(o["name"]),)
    if country:
        key += (o.get("country"),)
    if titles:
        key += (frozenset(norm(t) for t in o.get("titles") or []),)
    return key


def score(preds: dict[str, dict], golds: dict[str, dict]) -> dict[str, Any]:
    """Per-field figures of predicted records against gold records, both keyed by article stem."""
    sets = {k: PRF() for k in SET_FIELDS}
    accs = {k: Accuracy() for k in ACC_FIELDS}
    missing = [key for key in golds if key not in preds]
    for key, gold in golds.items():
        pred = preds.get(key) or {}
        gm, pm = gold.get("meeting"), pred.get("meeting")
        accs["detected"].add((gm is None) == (pm is None), key)
        gs, ps = gold.get("source") or {}, pred.get("source") or {}
        if "title" in gs:
            accs["title"].add(norm(gs["title"]) == norm(ps.get("title")), key)
        if "published" in gs:
            want, got = gs["published"], ps.get("published")
            accs["published"].add((want or None) == (got[:len(want)] if got and want else got), key)
        if gm is None:
            if pm:
                sets["officials.name"].add(0, len(pm.get("officials") or []), 0)
                sets["border_gates"].add(0, len(pm.get("border_gates") or []), 0)
            continue
        pm = pm or {}
        for name in ("kind", "online", "session_number"):
            accs[name].add(gm.get(name) == pm.get(name), key)
        gd, pd = gm.get("date") or {}, pm.get("date") or {}
        accs["date.day_month"].add((gd.get("day"), gd.get("month")) == (pd.get("day"), pd.get("month")), key)
        accs["date.full"].add(
            (gd.get("day"), gd.get("month"), gd.get("year")) == (pd.get("day"), pd.get("month"), pd.get("year")), key)
        accs["location"].add(norm((gm.get("location") or {}).get("text")) == norm((pm.get("location") or {}).get("text")), key)

        def localities(m: dict) -> set:
            return {(s.get("country"), norm(loc)) for s in m.get("sides") or [] for loc in s.get("localities") or []}

        sets["localities"].add(*_set_prf(localities(pm), localities(gm)))
        go, po = gm.get("officials") or [], pm.get("officials") or []
        sets["officials.name"].add(*_set_prf({_official_key(o) for o in po}, {_official_key(o) for o in go}))
        sets["officials.name+country"].add(*_set_prf({_official_key(o, country=True) for o in po},
                                                     {_official_key(o, country=True) for o in go}))
        sets["officials.full"].add(*_set_prf({_official_key(o, country=True, titles=True) for o in po},
                                             {_official_key(o, country=True, titles=True) for o in go}))
        by_name = {norm(o["name"]): o for o in po}
        for o in go:
            if norm(o["name"]) in by_name:
                accs["officials.head"].add(
                    bool(o.get("head_of_delegation")) == bool(by_name[norm(o["name"])].get("head_of_delegation")), key)
        for name in ("border_gates", "border_markets"):
            sets[name].add(*_gate_prf([norm(g.get("name")) for g in pm.get(name) or []],
                                      [norm(g.get("name")) for g in gm.get(name) or []]))
        gi = [(p.get("country"), it) for p in gm.get("proposals") or [] for it in p.get("items") or []]
        pi = [(p.get("country"), it) for p in pm.get("proposals") or [] for it in p.get("items") or []]
        pairs = greedy_match([t for _, t in pi], [t for _, t in gi], 0.5)
        sets["proposals.items"].add(len(pairs), len(pi) - len(pairs), len(gi) - len(pairs))
        for i, j in pairs:
            accs["proposals.country"].add(pi[i][0] == gi[j][0], key)
        ga = [s.get("text") or "" for s in gm.get("agreements") or []]
        pa = [s.get("text") or "" for s in pm.get("agreements") or []]
        pairs = greedy_match(pa, ga, 0.4)
        sets["agreements"].add(len(pairs), len(pa) - len(pairs), len(ga) - len(pairs))

    out: dict[str, Any] = {k: v.figures() for k, v in sets.items()}
    out.update({k: v.figures() for k, v in accs.items()})
    headline = [figure(out, k) for k in HEADLINE]
    out["record_f1"] = round(sum(headline) / len(headline), 3)
    out["articles"] = len(golds)
    out["missing"] = missing
    return out


def figure(scores: dict[str, Any], name: str) -> float:
    """The headline figure of one field: F1 for set fields, accuracy for single-valued ones."""
    value = scores[name]
    return value["f1"] if "f1" in value else value["acc"]


def matching_rules() -> list[str]:
    """The matching rules of this module's docstring, one string per rule (the ``evaluate`` help shows them)."""
    section = __doc__.split("Matching rules", 1)[1].split(":", 1)[1]
    return [" ".join(rule.split()) for rule in section.split("\n- ")[1:]]


def load_gold(folder: str | Path) -> dict[str, dict]:
    """Gold records of a folder, one ``<stem>.json`` per article, keyed by stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.json"))}


def record_stem(record: dict) -> str:
    """The key a record is scored under: the stem of its input path (as score.py does)."""
    return Path((record.get("source") or {}).get("path") or "").stem


@dataclass
class Evaluation:
    scores: dict[str, Any]
    unscored_inputs: list[str]  # inputs that have no gold record
    gold_without_input: list[str]  # gold records that no input matched; left out of the figures


def evaluate(records: list[dict], golds: dict[str, dict]) -> Evaluation:
    """Score records against the gold records that share their stem.

    Gold records with no matching input are left out (and listed), so a subset of
    a gold folder can be evaluated on its own.
    """
    preds = {record_stem(r): r for r in records}
    scored = {k: g for k, g in golds.items() if k in preds}
    return Evaluation(score(preds, scored), sorted(k for k in preds if k not in golds),
                      sorted(k for k in golds if k not in preds))


def format_table(scores: dict[str, Any]) -> str:
    """The figures as a plain-text table: set fields (P, R, F1) first, then accuracies."""
    rows = [("field", "P", "R", "F1", "acc", "counts")]
    for name in SET_FIELDS:
        s = scores[name]
        rows.append((name, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", "", f"tp={s['tp']} fp={s['fp']} fn={s['fn']}"))
    for name in ACC_FIELDS:
        s = scores[name]
        rows.append((name, "", "", "", f"{s['acc']:.3f}", f"n={s['n']}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i in (0, 5) else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             .rstrip() for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.append("-" * len(lines[0]))
    lines.append(f"record_f1 {scores['record_f1']:.3f}  (mean of {', '.join(HEADLINE)})")
    lines.append(f"articles  {scores['articles']}")
    return "\n".join(lines)
