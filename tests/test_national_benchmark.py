"""machikurabe.analysis.national on a small hand-made country: ranks, percentiles and quintiles worked out by hand
for three indicators in three places, the plain-language reading, trends, and the nearest model-project towns of two
non-participant towns (distances by hand)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from machikurabe.analysis import national

PLACES = pd.DataFrame([
    # code, name, kind, prefecture_code, municipal_type, in_model_project
    ("01000", "甲県", "prefecture", "01000", None, False),
    ("02000", "乙県", "prefecture", "02000", None, False),
    ("01001", "一市", "city", "01000", "都市Ⅰ－１", False),
    ("01002", "二市", "city", "01000", "都市Ⅰ－１", True),
    ("01003", "三町", "town", "01000", "町村Ⅱ－０", True),
    ("02001", "四市", "city", "02000", "都市Ⅰ－１", False),
    ("02002", "五町", "town", "02000", "町村Ⅱ－０", True),
    ("02003", "六村", "village", "02000", "町村Ⅱ－０", False),
], columns=["code", "name", "kind", "prefecture_code", "municipal_type", "in_model_project"]).assign(
    name_romaji="", prefecture=lambda f: f["prefecture_code"].map({"01000": "甲県", "02000": "乙県"}))

AGEING = {"01001": 30, "01002": 35, "01003": 40, "02001": 25, "02002": 45, "02003": 40}
POPULATION = {"01001": 100000, "01002": 50000, "01003": 8000, "02001": 200000, "02002": 5000, "02003": 1000}
WELFARE_SHARE = {"01001": 20, "01002": 25, "01003": 30, "02001": 20, "02002": 35}  # 六村 did not report


def _values() -> pd.DataFrame:
    rows = []
    for indicator, table in (("ageing_rate_pct", AGEING), ("A1101", POPULATION),
                             ("welfare_spending_share_pct", WELFARE_SHARE)):
        for code, value in table.items():
            rows.append((code, indicator, 2020, float(value), False))
    rows.append(("02003", "welfare_spending_share_pct", 2020, math.nan, False))
    # an older year of the ageing rate, and the prefectures' aggregated values
    for code, value in {"01001": 28, "01002": 33, "01003": 38, "02001": 24, "02002": 43, "02003": 39}.items():
        rows.append((code, "ageing_rate_pct", 2015, float(value), False))
    rows += [("01000", "ageing_rate_pct", 2015, 31.0, True), ("01000", "ageing_rate_pct", 2020, 33.0, True)]
    return pd.DataFrame(rows, columns=["code", "indicator", "year", "value", "aggregated"])


INDICATORS = pd.DataFrame([
    ("ageing_rate_pct", "高齢化率", "Ageing rate", "%", "%", "population", 1),
    ("A1101", "総人口", "Total population", "人", "persons", "population", 0),
    ("welfare_spending_share_pct", "民生費の割合", "Welfare spending share", "%", "%", "finance", 1),
], columns=["indicator", "label_ja", "label_en", "unit", "unit_en", "topic", "decimals"])


# (place, indicator) -> (rank in Japan, n, percentile, quintile), worked out by hand from the tables above
HAND = {
    ("01003", "ageing_rate_pct"): (2, 6, 70.0, 4),      # 45 above; below 30,35,25 + tie 40 half: 3.5/5
    ("02001", "ageing_rate_pct"): (6, 6, 0.0, 1),
    ("01001", "ageing_rate_pct"): (5, 6, 20.0, 2),      # only 25 below: 1/5
    ("01003", "A1101"): (4, 6, 40.0, 3),                # 5,000 and 1,000 below: 2/5
    ("02001", "A1101"): (1, 6, 100.0, 5),
    ("01001", "A1101"): (2, 6, 80.0, 5),
    ("01003", "welfare_spending_share_pct"): (2, 5, 75.0, 4),   # 六村 missing: n = 5; 20, 25, 20 below: 3/4
    ("02001", "welfare_spending_share_pct"): (4, 5, 12.5, 1),   # a tie with 一市 counts half: 0.5/4
    ("01001", "welfare_spending_share_pct"): (4, 5, 12.5, 1),
}


@pytest.mark.parametrize(("code", "indicator"), sorted(HAND))
def test_rank_percentile_quintile_in_japan(code, indicator):
    table = national.benchmark_table(code, PLACES, _values(), INDICATORS).set_index("indicator")
    row = table.loc[indicator]
    assert (row["japan_rank"], row["japan_n"], row["japan_percentile"], row["japan_quintile"]) == HAND[(code, indicator)]


def test_standing_in_prefecture_and_type_group():
    row = national.benchmark_table("01003", PLACES, _values(), INDICATORS).set_index("indicator").loc["ageing_rate_pct"]
    assert (row["prefecture_rank"], row["prefecture_n"]) == (1, 3)   # 30, 35, 40 in 甲県
    assert (row["type_rank"], row["type_n"], row["type_quintile"]) == (2, 3, 2)  # 40, 45, 40: tie half → 25 %
    assert row["year"] == 2020 and row["japan_median"] == 37.5


def test_plain_language_reading():
    assert national.comparison_line(40, 37.5, "%", 1, "ja") == "全国中央値より2.5ポイント高い"
    assert national.comparison_line(40, 37.5, "%", 1, "en") == "2.5 points above the national median"
    assert national.comparison_line(200000, 29000, "人", 0, "ja") == "全国中央値の約6.9倍"
    assert national.comparison_line(200000, 29000, "persons", 0, "en") == "about 6.9× the national median"
    assert national.comparison_line(100, 101, "人", 0, "ja") == "全国中央値とほぼ同じ"
    assert national.comparison_line(None, 3, "%", 1) == ""


def test_a_prefecture_is_ranked_among_prefectures():
    table = national.benchmark_table("01000", PLACES, _values(), INDICATORS)
    assert list(table["indicator"]) == ["ageing_rate_pct"]
    assert table.iloc[0]["japan_n"] == 1 and bool(table.iloc[0]["aggregated"])


def test_trend_has_place_and_medians_of_prefecture_type_and_japan():
    trend = national.trend_frame("01003", "ageing_rate_pct", PLACES, _values())
    got = {(r.year, r.series): r.value for r in trend.itertuples()}
    assert got[(2015, "place")] == 38 and got[(2020, "place")] == 40
    assert got[(2015, "prefecture_median")] == 33 and got[(2020, "prefecture_median")] == 35  # 甲県's three towns
    assert got[(2020, "type_median")] == 40      # 40, 45, 40
    assert got[(2015, "type_median")] == 39      # 38, 43, 39
    assert got[(2020, "japan_median")] == 37.5 and got[(2015, "japan_median")] == 35.5  # 24 28 33 38 39 43
    assert national.trend_frame("01003", "A1101", PLACES, _values()).empty  # one year only: no trend


def test_nearest_model_towns_by_hand():
    wide = national.wide_latest(PLACES, _values(), ["ageing_rate_pct"])
    # one indicator, weight 1: distance = |Δ ageing| / sd, sd over the six towns (ddof 0) = 6.7186
    near = national.nearest_model_towns("01001", wide, {"ageing_rate_pct": 1.0}, k=3)
    assert list(near["code"]) == ["01002", "01003", "02002"]      # Δ 5, 10, 15
    assert near.iloc[0]["distance"] == pytest.approx(5 / 6.7186, abs=1e-3)
    # 六村 (40): 三町 at 0, then 二市 and 五町 both at Δ 5 — the tie broken by code
    assert list(national.nearest_model_towns("02003", wide, {"ageing_rate_pct": 1.0}, k=3)["code"]) == [
        "01003", "01002", "02002"]


def test_type_group_is_the_same_official_type():
    assert sorted(national.type_group(PLACES, "01001")["code"]) == ["01001", "01002", "02001"]
    assert national.type_group(PLACES, "01000").empty
