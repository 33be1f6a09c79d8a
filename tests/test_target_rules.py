"""Target classification rules: behaviour on snippets from the sources, and the measured quality against the
hand-labelled set tests/data/targets_labelled.csv (written by another engineer; the rules were written on
the source documents before this file was read). Run with `pytest -s` to print the quality table."""
from pathlib import Path

import pandas as pd
import pytest

from machikurabe.analysis import target_rules
from machikurabe.analysis.target_rules import classify
from machikurabe.ingest.targets import parse_target_quantity

LABELLED = Path(__file__).resolve().parent / "data" / "targets_labelled.csv"

# Overall category accuracy measured on the labelled set (275 rows) at the first evaluation, with the
# rules as written on the sources and not tuned on this set afterwards: 203/275 = 0.738.
# The test fails if a rule change drops below it.
CATEGORY_ACCURACY_FLOOR = 0.738


@pytest.mark.parametrize("text, category, level", [
    # 003 line 819: 相談 and 会議 both appear; the meeting is the target, held N times → process
    ("複合的な問題解決に対する関係機関相互の理解促進、支援体制構築のため、相談支援包括化推進会議を年4回開催する。",
     "meetings", "process"),
    # 003 line 643: trained supporters are people, an output
    ("地域見守りサポーター養成講座の修了人数:500人以上", "people", "output"),
    # 003 line 587: resolved cases are a change for residents
    ("解決数:100件", "consultation", "outcome"),
    # 003 line 1136: hubs set up are structure
    ("拠点設置数 10 箇所", "places", "structure"),
    # 003 line 49: intermediate work comes first even though 場 is mentioned
    ("露の栽培で最終的に 50 トンの収穫とそれに伴う雇用の創出", "participation", "outcome"),
    # 002 line 37
    ("団体等への働きかけ 80回", "outreach", "process"),
    # 003 line 4377: 社会福祉協議会 is an organisation, not a meeting
    ("相談件数 2,000 件(基本的に全ての相談を専門の相談機関や社会福祉協議会における包括的支援等につなげる)",
     "consultation", "process"),
    # 001 line 505: a survey share of residents
    ("近所で助け合える関係のある人の割合 (まちづくりアンケート)", "participation", "outcome"),
    # 003 line 868
    ("プラン作成件数 1月当たり5件", "consultation", "output"),
    # 003 line 1227: counting attendance at a study session about a system is process
    ("地域の支え合いの仕組みづくり勉強会参加者数 120 人", "training", "process"),
])
def test_rules_on_source_snippets(text, category, level):
    verdict = classify(text)
    assert (verdict.category, verdict.logic_level) == (category, level), verdict


def test_kind_follows_the_number():
    assert classify("相談件数:120件").kind == "quantitative"
    assert classify("将来的には町内における「持続可能な相談体制」の構築を目指す。").kind == "qualitative"
    # the document's own 量的目標 heading wins (002 line 215 prints just "16回" under it)
    assert classify("16回", context="(3) 地域住民等に対する研修の実施", kind_hint="quantitative").category == "training"


def test_every_rule_is_documented_and_unique():
    ids = [r.rule_id for r in target_rules.CATEGORY_RULES + target_rules.LEVEL_RULES]
    assert len(ids) == len(set(ids))
    for rule in target_rules.CATEGORY_RULES:
        assert rule.label in target_rules.CATEGORIES and rule.why_ja and rule.why_en
    for rule in target_rules.LEVEL_RULES:
        assert rule.label in target_rules.LOGIC_LEVELS and rule.why_ja and rule.why_en


def _per_class(truth: pd.Series, predicted: pd.Series, classes) -> pd.DataFrame:
    rows = []
    for c in classes:
        tp = int(((predicted == c) & (truth == c)).sum())
        n_pred = int((predicted == c).sum())
        n_true = int((truth == c).sum())
        rows.append({"class": c, "n_true": n_true, "n_pred": n_pred,
                     "precision": tp / n_pred if n_pred else float("nan"),
                     "recall": tp / n_true if n_true else float("nan")})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def evaluation():
    if not LABELLED.exists():
        pytest.skip(f"{LABELLED} is not there yet")
    labelled = pd.read_csv(LABELLED, dtype={"document_id": str})
    verdicts = [classify(str(text)) for text in labelled["text"]]
    quantities = [parse_target_quantity(str(text)) for text in labelled["text"]]
    out = labelled.assign(
        pred_category=[v.category for v in verdicts], pred_level=[v.logic_level for v in verdicts],
        pred_kind=[v.kind for v in verdicts], pred_value=[q.value for q in quantities],
        pred_unit=[q.unit for q in quantities], rule_id=[v.rule_id for v in verdicts])
    return out


def test_quality_against_labelled_set(evaluation):
    ev = evaluation
    n = len(ev)
    assert n >= 100
    cat_acc = (ev["pred_category"] == ev["category"]).mean()
    kind_acc = (ev["pred_kind"] == ev["kind"]).mean()
    level_acc = (ev["pred_level"] == ev["logic_level"]).mean()
    quant = ev[ev["kind"] == "quantitative"]
    value_acc = (pd.to_numeric(quant["value"], errors="coerce") == quant["pred_value"]).mean() if len(quant) else float("nan")
    unit_acc = (quant["unit"].astype(str) == quant["pred_unit"].astype(str)).mean() if len(quant) else float("nan")
    table = _per_class(ev["category"], ev["pred_category"], target_rules.CATEGORIES)
    print(f"\nLabelled targets: {n}")
    print(f"category accuracy   {cat_acc:.3f}")
    print(f"kind accuracy       {kind_acc:.3f}")
    print(f"logic_level accuracy {level_acc:.3f}")
    print(f"value (quantitative rows, n={len(quant)}) exact {value_acc:.3f}; unit {unit_acc:.3f}")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print("logic_level confusion (rows = label, columns = predicted):")
    print(pd.crosstab(ev["logic_level"], ev["pred_level"]).to_string())
    print("category confusion (rows = label, columns = predicted):")
    print(pd.crosstab(ev["category"], ev["pred_category"]).to_string())
    assert cat_acc >= CATEGORY_ACCURACY_FLOOR
