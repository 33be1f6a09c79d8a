"""Agreement of the rule-built targets table with the blind hand labels in tests/data/targets_labelled_v2.csv
(all 414 candidate rows of the earlier extraction, labelled from the source by another reader who did not
see the rules' output; copied unchanged from the hand-off). See machikurabe/ingest/target_agreement.py for the
join and the scores, and the README (Programme targets) for the tables.

The floors are the levels measured when this test was written (2026-11-29), rounded down; the bar asked
for was kind ≥ 95 %, primary category ≥ 85 % (a match on the secondary counts half), pillar ≥ 85 %,
logic level ≥ 80 %. The rules were tuned on this same set with general keyword rules (no per-line cases),
so these are in-sample figures; before tuning they were kind 96.1 %, category 79.9 %, pillar 79.4 %,
level 68.4 %. Run `python -m machikurabe.ingest.target_agreement` to print the tables."""
import pytest

from machikurabe.ingest import target_agreement

KIND_FLOOR = 0.97
CATEGORY_FLOOR = 0.85
PILLAR_FLOOR = 0.85
LEVEL_FLOOR = 0.82
# labelled not_target rows (notes, rationales, dates, past results, baselines) still extracted: 1 of 24
NOT_TARGETS_KEPT_MAX = 0


@pytest.fixture(scope="module")
def result():
    if not target_agreement.LABELLED.exists():
        pytest.skip(f"{target_agreement.LABELLED} is missing")
    return target_agreement.evaluate()


def test_the_labelled_set_is_complete(result):
    assert result["labelled"] == 414
    assert result["labelled_not_targets"] >= 20


def test_not_targets_are_not_extracted(result):
    assert result["not_targets_still_extracted"] <= NOT_TARGETS_KEPT_MAX
    # and no labelled target is lost by the drop rules
    assert result["targets_not_extracted"] == 0


def test_agreement_floors(result):
    print(f"\nkind {result['kind']:.3f} category {result['category']:.3f} pillar {result['pillar']:.3f} "
          f"level {result['logic_level']:.3f}")
    assert result["kind"] >= KIND_FLOOR
    assert result["category"] >= CATEGORY_FLOOR
    assert result["pillar"] >= PILLAR_FLOOR
    assert result["logic_level"] >= LEVEL_FLOOR


def test_low_confidence_flags_the_doubtful_rows(result):
    # the confidence column is worth showing only if low-confidence rows are where the rules go wrong
    assert result["category_exact_low"] < result["category_exact_high"]


def test_category_score_counts_the_secondary_half():
    score = target_agreement.category_score
    assert score("meetings", "training", "meetings", None) == 1
    assert score("meetings", "training", "training", "meetings") == 0.5
    assert score("meetings", None, "training", "meetings") == 0.5
    assert score("meetings", None, "training", None) == 0


def test_join_uses_text_overlap_on_shared_lines():
    import pandas as pd

    labelled = pd.DataFrame([
        {"document_id": "003", "source_line": 1, "text": "相談件数:120件", "is_target": "target"},
        {"document_id": "003", "source_line": 1, "text": "解決数:100件", "is_target": "target"},
        {"document_id": "003", "source_line": 1, "text": "平成29年度は46件の相談があった。", "is_target": "not_target"},
    ])
    extracted = pd.DataFrame([
        {"target_id": "003-0001", "document_id": "003", "source_line": 1, "text": "解決数:100件", "text_printed": "解決数:100件"},
        {"target_id": "003-0002", "document_id": "003", "source_line": 1, "text": "相談件数:120件", "text_printed": "相談件数:120件"},
    ])
    for col in ("kind", "category", "secondary_category", "pillar", "logic_level", "confidence", "rule_id",
                "level_rule_id", "pillar_rule_id", "extraction_rule"):
        extracted[col] = None
    joined = target_agreement.join(labelled, extracted)
    assert list(joined["pred_target_id"][:2]) == ["003-0002", "003-0001"]
    assert pd.isna(joined["pred_target_id"][2])
