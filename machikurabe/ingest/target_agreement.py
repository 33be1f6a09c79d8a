"""Agreement between the rule-built `targets` table and the blind hand labels of
tests/data/targets_labelled_v2.csv (all 414 candidate rows of the earlier extraction, labelled from the
source by another reader). Used by tests/test_targets_agreement.py and for the README table:

    .venv/bin/python -m machikurabe.ingest.target_agreement            # the numbers and tables
    .venv/bin/python -m machikurabe.ingest.target_agreement --sample 50  # 50 extracted rows to read in the source

Join: a labelled row is matched to the target on the same document and source line; where several
targets share the line, to the one whose text overlaps most (character bigrams, or one text containing
the other). A labelled not_target row should match no target.
"""
from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import pandas as pd

from machikurabe.analysis import target_rules
from machikurabe.paths import PROJECT_ROOT as ROOT

LABELLED = ROOT / "tests" / "data" / "targets_labelled_v2.csv"
RAW = ROOT / "data" / "raw"

# Categories that a reader easily swaps; the README reports the confusion inside each pair.
NEIGHBOURS = [("consultation", "meetings"), ("places", "resident_participation"), ("training", "publicity"),
              ("training", "people"), ("people", "resident_participation"), ("watching", "resident_participation"),
              ("services", "places"), ("systems", "meetings"), ("systems", "consultation"),
              ("outreach", "consultation"), ("individual_participation", "resident_participation")]


def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"\s+", "", s)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def overlap(a: str, b: str) -> float:
    """1.0 when one text contains the other, else the share of the shorter text's bigrams in the longer."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    bs = _bigrams(short)
    return len(bs & _bigrams(long_)) / len(bs)


MATCH_THRESHOLD = 0.6


def build_current() -> pd.DataFrame:
    """The targets table as the build makes it (same path as build.py, no database written)."""
    from machikurabe.ingest import build, targets
    from machikurabe.ingest import plans_parser as pp
    from machikurabe.ingest.gazetteer import Gazetteer

    bodies = pp.parse_plans(RAW / build.PLANS_FILE)
    frames = build.bodies_to_frames(bodies, Gazetteer.load(), build.PLANS_FILE)
    return targets.build_targets(RAW, frames["programme_texts"], frames["municipalities"])


def load_labelled(path: Path = LABELLED) -> pd.DataFrame:
    lab = pd.read_csv(path, dtype=str, keep_default_na=False)
    lab["source_line"] = lab["source_line"].astype(int)
    for col in ("secondary_category",):
        lab[col] = lab[col].replace("", None)
    return lab


def join(labelled: pd.DataFrame, extracted: pd.DataFrame) -> pd.DataFrame:
    """One row per labelled row with the matched target's columns (pred_*) or NaN when none matches."""
    by_line = {k: g for k, g in extracted.groupby(["document_id", "source_line"])}
    out = []
    for rec in labelled.itertuples(index=False):
        cands = by_line.get((rec.document_id, rec.source_line))
        best, best_score = None, 0.0
        if cands is not None:
            for t in cands.itertuples(index=False):
                bare = re.sub(r"[\(（][^\)）]*[\)）]", "", str(t.text))  # without its bracketed figure or aside
                score = max(overlap(rec.text, t.text), overlap(rec.text, t.text_printed), overlap(rec.text, bare))
                if score > best_score:
                    best, best_score = t, score
        row = rec._asdict()
        row["match_score"] = best_score
        if best is not None and best_score >= MATCH_THRESHOLD:
            for col in ("target_id", "kind", "category", "secondary_category", "pillar", "logic_level", "confidence",
                        "rule_id", "level_rule_id", "pillar_rule_id", "extraction_rule"):
                row["pred_" + col] = getattr(best, col)
            row["pred_text"] = best.text
        else:
            row["pred_target_id"] = None
        out.append(row)
    return pd.DataFrame(out)


def category_score(label: str, label_secondary: str | None, pred: str, pred_secondary: str | None) -> float:
    """1 for the same primary; ½ when the primary of one is the secondary of the other; else 0."""
    if pred == label:
        return 1.0
    if (label_secondary and pred == label_secondary) or (pred_secondary and pred_secondary == label):
        return 0.5
    return 0.0


def _per_class(truth: pd.Series, predicted: pd.Series, classes) -> pd.DataFrame:
    rows = []
    for c in classes:
        tp = int(((predicted == c) & (truth == c)).sum())
        n_pred = int((predicted == c).sum())
        n_true = int((truth == c).sum())
        rows.append({"class": c, "labelled": n_true, "predicted": n_pred,
                     "precision": tp / n_pred if n_pred else float("nan"),
                     "recall": tp / n_true if n_true else float("nan")})
    return pd.DataFrame(rows)


def evaluate(labelled: pd.DataFrame | None = None, extracted: pd.DataFrame | None = None) -> dict:
    labelled = load_labelled() if labelled is None else labelled
    extracted = build_current() if extracted is None else extracted
    j = join(labelled, extracted)
    is_target = j["is_target"] == "target"
    not_target = j[~is_target]
    targets_ = j[is_target]
    matched = targets_[targets_["pred_target_id"].notna()]
    cat = [category_score(r.category, r.secondary_category, r.pred_category, r.pred_secondary_category)
           for r in matched.itertuples()]
    result = {
        "labelled": len(j),
        "labelled_targets": int(is_target.sum()),
        "labelled_not_targets": len(not_target),
        "not_targets_still_extracted": int(not_target["pred_target_id"].notna().sum()),
        "targets_matched": len(matched),
        "targets_not_extracted": int(targets_["pred_target_id"].isna().sum()),
        "kind": float((matched["kind"] == matched["pred_kind"]).mean()),
        "category": float(sum(cat) / len(cat)) if cat else float("nan"),
        "category_exact": float((matched["category"] == matched["pred_category"]).mean()),
        "pillar": float((matched["pillar"] == matched["pred_pillar"]).mean()),
        "logic_level": float((matched["logic_level"] == matched["pred_logic_level"]).mean()),
        "per_category": _per_class(matched["category"], matched["pred_category"], target_rules.CATEGORIES),
        "per_pillar": _per_class(matched["pillar"], matched["pred_pillar"], target_rules.PILLARS),
        "per_level": _per_class(matched["logic_level"], matched["pred_logic_level"], target_rules.LOGIC_LEVELS),
        "category_confusion": pd.crosstab(matched["category"], matched["pred_category"]),
        "level_confusion": pd.crosstab(matched["logic_level"], matched["pred_logic_level"]),
        "joined": j,
    }
    if len(matched):
        conf = matched["pred_confidence"] == "high"
        agree = matched["category"] == matched["pred_category"]
        result["category_exact_high"] = float(agree[conf].mean()) if conf.any() else float("nan")
        result["category_exact_low"] = float(agree[~conf].mean()) if (~conf).any() else float("nan")
        result["share_low"] = float((~conf).mean())
    pairs = []
    for a, b in NEIGHBOURS:
        ab = int(((matched["category"] == a) & (matched["pred_category"] == b)).sum())
        ba = int(((matched["category"] == b) & (matched["pred_category"] == a)).sum())
        pairs.append({"pair": f"{a} / {b}", "labelled a → rules b": ab, "labelled b → rules a": ba})
    result["neighbours"] = pd.DataFrame(pairs)
    return result


def sample(extracted: pd.DataFrame, n: int = 50, seed: int = 20261129) -> pd.DataFrame:
    """n extracted rows at random (fixed seed) with the printed source line, for reading by hand."""
    rows = extracted.sample(n=min(n, len(extracted)), random_state=seed).sort_values("target_id")
    files = {p.name[:3]: p.read_text(encoding="utf-8").split("\n") for p in RAW.glob("*.txt")}
    rows = rows.assign(source=[re.sub(r"<[^>]+>", " ", files[d][ln - 1]).strip()[:400]
                               for d, ln in zip(rows["document_id"], rows["source_line"])])
    return rows[["target_id", "document_id", "source_line", "extraction_rule", "text", "note", "source"]]


def _markdown(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(str(c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for r in df.itertuples(index=False):
        lines.append("| " + " | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in r) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=0, help="print N extracted rows at random to read in the source")
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--disagreements", action="store_true", help="list labelled rows the rules read differently")
    args = parser.parse_args(argv)
    if args.sample:
        for r in sample(build_current(), args.sample, args.seed).itertuples(index=False):
            print(f"{r.target_id} line {r.source_line} [{r.extraction_rule}] {r.text}")
            if r.note:
                print(f"    note: {r.note}")
            print(f"    source: {r.source}\n")
        return 0
    res = evaluate()
    print(f"labelled rows {res['labelled']}: targets {res['labelled_targets']}, not targets {res['labelled_not_targets']}")
    print(f"not_target rows still extracted: {res['not_targets_still_extracted']} / {res['labelled_not_targets']}")
    print(f"labelled targets matched: {res['targets_matched']}; not extracted (dropped or merged away): "
          f"{res['targets_not_extracted']}")
    print(f"kind {res['kind']:.3f}  category {res['category']:.3f} (exact {res['category_exact']:.3f})  "
          f"pillar {res['pillar']:.3f}  logic level {res['logic_level']:.3f}")
    print(f"low-confidence share {res.get('share_low', float('nan')):.3f}; category exact on high "
          f"{res.get('category_exact_high', float('nan')):.3f}, on low {res.get('category_exact_low', float('nan')):.3f}")
    print("\nper category\n" + _markdown(res["per_category"]))
    print("\nper pillar\n" + _markdown(res["per_pillar"]))
    print("\nper level\n" + _markdown(res["per_level"]))
    print("\nneighbouring categories\n" + _markdown(res["neighbours"]))
    print("\ncategory confusion (rows = label, columns = rules)\n" + res["category_confusion"].to_string())
    print("\nlevel confusion (rows = label, columns = rules)\n" + res["level_confusion"].to_string())
    if args.disagreements:
        j = res["joined"]
        m = j[(j["is_target"] == "target") & j["pred_target_id"].notna()]
        for r in m.itertuples():
            flags = [name for name, a, b in (("kind", r.kind, r.pred_kind), ("cat", r.category, r.pred_category),
                                             ("pillar", r.pillar, r.pred_pillar), ("lvl", r.logic_level, r.pred_logic_level))
                     if a != b]
            if flags:
                print(f"{r.document_id} {r.source_line} {','.join(flags)} | label {r.kind} {r.category}/{r.secondary_category} "
                      f"{r.pillar} {r.logic_level} | rules {r.pred_kind} {r.pred_category}/{r.pred_secondary_category} "
                      f"{r.pred_pillar} {r.pred_logic_level} [{r.pred_rule_id} {r.pred_level_rule_id}] | {r.text[:70]}")
        lost = j[(j["is_target"] == "target") & j["pred_target_id"].isna()]
        for r in lost.itertuples():
            print(f"LOST {r.document_id} {r.source_line} score {r.match_score:.2f} | {r.text[:80]}")
        kept = j[(j["is_target"] != "target") & j["pred_target_id"].notna()]
        for r in kept.itertuples():
            print(f"NOT-TARGET KEPT {r.document_id} {r.source_line} ({r.not_target_reason}) | {r.text[:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
