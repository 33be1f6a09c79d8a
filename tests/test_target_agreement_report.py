"""Issue 21 item 3: the classifier's agreement with the hand labels, rules (in-sample) and the char-n-gram model
(5-fold CV), per field. Asserts the report is computed, not a threshold."""
import pandas as pd

from machikurabe.analysis import target_agreement_report as report
from machikurabe.ui import data_method_view


def _rows():
    texts = ["相談件数100件", "相談窓口の設置", "会議を月1回開催", "研修の受講者50人", "サロンを10か所"] * 4
    labels = {"kind": ["quantitative", "qualitative", "quantitative", "quantitative", "quantitative"] * 4,
              "category": ["consultation", "consultation", "meetings", "training", "places"] * 4,
              "pillar": ["comprehensive_consultation", "comprehensive_consultation", "community_building",
                         "participation_support", "community_building"] * 4,
              "logic_level": ["output", "structure", "process", "output", "output"] * 4}
    rows = pd.DataFrame({"text": texts, **labels})
    for field in report.FIELDS:
        rows[f"pred_{field}"] = rows[field]
    rows.loc[[0, 1], "pred_category"] = "meetings"  # the rules miss 2 of 20 categories
    return rows


def test_report_on_hand_made_rows():
    table = report.report(_rows())
    assert set(table["field"]) == set(report.FIELDS)
    assert set(table["method"]) == {"rules", "model"}
    assert ((table["agreement"] >= 0) & (table["agreement"] <= 1)).all()
    assert ((table["kappa"] >= -1) & (table["kappa"] <= 1)).all()
    rules = table[table["method"] == "rules"].set_index("field")
    assert rules.loc["category", "agreement"] == 18 / 20
    assert rules.loc["kind", "agreement"] == 1.0 and rules.loc["kind", "kappa"] == 1.0
    assert list(table.loc[table["method"] == "model", "out_of_sample"]) == [True] * 4
    assert report.report(_rows()).equals(table)  # fixed seeds: the same numbers every run


def test_stored_report_has_every_field_between_0_and_1():
    table = report.stored()
    assert sorted(table["field"].unique()) == sorted(report.FIELDS)
    for method in ("rules", "model"):
        part = table[table["method"] == method]
        assert len(part) == 4
        assert part["agreement"].between(0, 1).all() and part["kappa"].between(0, 1).all()
    assert (table["n"] > 300).all()


def test_agreement_table_in_words():
    table = report.stored()
    shown = data_method_view.agreement_table(table, "ja")
    assert list(shown.iloc[:, 0]) == ["量的／質的", "分類", "重層的支援の柱", "ロジックモデルの段階"]
    english = data_method_view.agreement_table(table, "en")
    assert english.columns[1] == "Rules: agreement (in-sample)"
    low, high = data_method_view.agreement_gap(table)
    assert low <= high
