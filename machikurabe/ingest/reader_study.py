"""Issue 21: how far two careful readers agree on the targets taxonomy, and how far the rules agree with a reader
whose labels they were never tuned on.

Reader A: tests/data/targets_labelled_v2.csv (414 rows; the rules were tuned on these: in-sample). Reader B:
tests/data/targets_reader_b.csv, 150 rows drawn at random from A's rows (seed 20261203) and labelled blind from
docs/targets_codebook.md and the source documents alone, without A's labels or the rules' output. The rules against
B are out of sample. Per field: percent agreement and Cohen's kappa (scikit-learn), on the rows both sides call a
target. ``python -m machikurabe.ingest.reader_study`` prints the table the README and データと方法 show.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from machikurabe.ingest import target_agreement

ROOT = Path(__file__).resolve().parents[2]
READER_B = ROOT / "tests" / "data" / "targets_reader_b.csv"
FIELDS = ("is_target", "kind", "category", "pillar", "logic_level")


def load_reader_b(path: Path = READER_B) -> pd.DataFrame:
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    labels["source_line"] = labels["source_line"].astype(int)
    return labels


def _pair(a: pd.Series, b: pd.Series) -> dict:
    keep = a.notna() & b.notna() & (a != "") & (b != "")
    a, b = a[keep].astype(str), b[keep].astype(str)
    if a.empty:
        return {"n": 0, "percent": float("nan"), "kappa": float("nan")}
    same = bool((a == b).all())
    return {"n": int(len(a)), "percent": float((a == b).mean()),
            # kappa is undefined when both sides use one class only; agreement is then complete
            "kappa": 1.0 if same else float(cohen_kappa_score(a, b))}


def agreement(reader_a: pd.DataFrame | None = None, reader_b: pd.DataFrame | None = None,
              extracted: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per field: A vs B (reader–reader), rules vs B (out of sample), rules vs A (in sample, same rows)."""
    reader_a = target_agreement.load_labelled() if reader_a is None else reader_a
    reader_b = load_reader_b() if reader_b is None else reader_b
    keys = ["document_id", "source_line", "text"]
    both = reader_b.merge(reader_a, on=keys, suffixes=("_b", "_a"), how="inner")
    extracted = target_agreement.build_current() if extracted is None else extracted
    joined = target_agreement.join(both.rename(columns={f"{f}_a": f for f in FIELDS}).assign(
        secondary_category=both["secondary_category_a"].replace("", None)), extracted)
    rules = joined.set_index(keys)
    both = both.set_index(keys)
    rows = []
    for field in FIELDS:
        a, b = both[f"{field}_a"], both[f"{field}_b"]
        if field == "is_target":
            predicted = rules["pred_target_id"].notna().map({True: "target", False: "not_target"})
            pairs = {"readers": _pair(a, b), "rules_vs_b": _pair(predicted.reindex(b.index), b),
                     "rules_vs_a": _pair(predicted.reindex(a.index), a)}
        else:
            targets = (both["is_target_a"] == "target") & (both["is_target_b"] == "target")
            predicted = rules[f"pred_{field}"].reindex(both.index)
            pairs = {"readers": _pair(a[targets], b[targets]),
                     "rules_vs_b": _pair(predicted[targets], b[targets]),
                     "rules_vs_a": _pair(predicted[targets], a[targets])}
        rows.append({"field": field, **{f"{who}_{k}": v for who, p in pairs.items() for k, v in p.items()}})
    return pd.DataFrame(rows)


def main() -> int:
    table = agreement()
    shown = table.copy()
    for col in shown.columns:
        if col.endswith("percent"):
            shown[col] = (shown[col] * 100).round(1)
        elif col.endswith("kappa"):
            shown[col] = shown[col].round(2)
    print(shown.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
