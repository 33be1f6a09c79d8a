"""Tests for machikurabe.analysis.spine: peer quartiles, median, percentile and the three reference medians for 京極町,
worked out by hand from the values printed in data/raw/003_432db8467158d625.txt (not from the code)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from machikurabe.analysis import spine

# Hokkaido municipalities as printed (population line, then the 高齢化率 line):
#   釧路市 168,730 (l.12)  33.2 % (l.13)     京極町 3,004 (l.101)   35.2 % (l.102)
#   鷹栖町 6,822 (l.196)   33.9 % (l.197)    音威子府村 734 (l.296)  30.6 % (l.297)
#   津別町 4,621 (l.395)   44.8 % (l.396)    広尾町 6,688 (l.446)   38.1 % (l.447)
#   妹背牛町 2,949 (l.535) 46.3 % (l.536)    札幌市 1,966,735 (l.606) 26.7 % (l.607)
# 京極町's 生活保護受給率 is printed "13.8 (‰)" (l.102) and stored as 1.38 %.
HOKKAIDO = pd.DataFrame([
    ("01100", "北海道", "札幌市", "designated_city", 1_966_735, 26.7),
    ("01206", "北海道", "釧路市", "city", 168_730, 33.2),
    ("01399", "北海道", "京極町", "town", 3_004, 35.2),
    ("01433", "北海道", "妹背牛町", "town", 2_949, 46.3),
    ("01452", "北海道", "鷹栖町", "town", 6_822, 33.9),
    ("01470", "北海道", "音威子府村", "village", 734, 30.6),
    ("01544", "北海道", "津別町", "town", 4_621, 44.8),
    ("01642", "北海道", "広尾町", "town", 6_688, 38.1),
], columns=["code", "prefecture", "name", "kind", "population", "ageing_rate_pct"])
# plus two bodies elsewhere, so the level median differs from the prefecture median
OTHERS = pd.DataFrame([
    ("13107", "東京都", "墨田区", "ward", 274_296, 22.3),      # l.4212
    ("02303", "青森県", "今別町", "town", 2_596, 53.7),        # l.833
    ("02000", "青森県", "青森県", "prefecture", 1_292_709, 32.07),  # l.694
], columns=HOKKAIDO.columns)
BODIES = pd.concat([HOKKAIDO, OTHERS], ignore_index=True)
TOWN = "01399"
PEERS = ["01452", "01470", "01544", "01642", "01433"]  # 鷹栖町, 音威子府村, 津別町, 広尾町, 妹背牛町


def test_peer_statistics_by_hand():
    # peer ageing rates sorted: 30.6, 33.9, 38.1, 44.8, 46.3 (n = 5)
    # type-7 quartiles: position (n−1)·p → q1 at 1 → 33.9, median at 2 → 38.1, q3 at 3 → 44.8
    row = spine.spine_table(BODIES, TOWN, PEERS, ["ageing_rate_pct"]).iloc[0]
    assert row["peer_n"] == 5
    assert row["peer_min"] == pytest.approx(30.6)
    assert row["peer_q1"] == pytest.approx(33.9)
    assert row["peer_median"] == pytest.approx(38.1)
    assert row["peer_q3"] == pytest.approx(44.8)
    assert row["peer_max"] == pytest.approx(46.3)
    assert row["town_value"] == pytest.approx(35.2)
    # 35.2 − 38.1
    assert row["difference"] == pytest.approx(-2.9)
    # two of five peers (30.6, 33.9) are below 35.2, none equal: 2/5
    assert row["percentile"] == pytest.approx(40.0)


def test_reference_medians_by_hand():
    refs = spine.reference_medians(BODIES, TOWN, PEERS, "ageing_rate_pct")
    # 北海道's 8 municipalities sorted: 26.7 30.6 33.2 33.9 | 35.2 38.1 44.8 46.3 → (33.9 + 35.2) / 2
    assert refs["prefecture"] == pytest.approx(34.55)
    # all 10 municipalities (prefecture block excluded): 22.3 26.7 30.6 33.2 33.9 | 35.2 38.1 44.8 46.3 53.7
    assert refs["level"] == pytest.approx(34.55)
    assert refs["peers"] == pytest.approx(38.1)


def test_level_median_excludes_prefecture_blocks_and_changes_with_members():
    without_sumida = BODIES[BODIES["code"] != "13107"]
    # 9 municipalities: 26.7 30.6 33.2 33.9 [35.2] 38.1 44.8 46.3 53.7 → 35.2
    assert spine.reference_medians(without_sumida, TOWN, PEERS, "ageing_rate_pct")["level"] == pytest.approx(35.2)


def test_prefecture_block_has_no_prefecture_median():
    refs = spine.reference_medians(BODIES, "02000", [], "ageing_rate_pct")
    assert refs["prefecture"] is None
    assert refs["level"] == pytest.approx(32.07)  # the only prefecture here
    assert refs["peers"] is None


def test_percentile_counts_ties_as_half():
    # peers 30.6, 33.9, 35.2 (a tie), 38.1: below 2, equal 1 → (2 + 0.5) / 4 = 62.5
    bodies = BODIES.copy()
    bodies.loc[bodies["code"] == "01544", "ageing_rate_pct"] = 35.2
    row = spine.spine_table(bodies, TOWN, ["01470", "01452", "01544", "01642"], ["ageing_rate_pct"]).iloc[0]
    assert row["percentile"] == pytest.approx(62.5)


def test_small_population_and_quality_flags():
    bodies = BODIES.assign(welfare_rate_pct=[3.7, 4.92, 1.38, 1.25, 0.77, 0.1, 1.23, 1.8, 2.866, 3.5, 2.34])
    quality = pd.DataFrame([
        ("01399", "welfare_rate_pct", "13.8 (‰)", "1.38", "per_mille_converted", 102, ""),
        ("01544", "welfare_rate_pct", "12.3 (%)", "1.23", "per_mille_labelled_percent", 396, ""),
    ], columns=["municipality_code", "field", "raw_value", "value", "rule", "source_line", "note"])
    table = spine.spine_table(bodies, TOWN, PEERS, ["ageing_rate_pct", "welfare_rate_pct"], quality).set_index("indicator")
    assert bool(table.loc["welfare_rate_pct", "town_small"])  # 3,004 people < 5,000
    assert table.loc["welfare_rate_pct", "town_quality_rules"] == "per_mille_converted"
    assert table.loc["welfare_rate_pct", "town_quality_raw"] == "13.8 (‰)"
    assert table.loc["welfare_rate_pct", "peers_with_quality_notes"] == 1  # 津別町
    assert table.loc["ageing_rate_pct", "town_quality_rules"] == ""
    assert not spine.is_small(5_000) and spine.is_small(4_999)


def test_missing_town_value_and_empty_peers():
    bodies = BODIES.copy()
    bodies.loc[bodies["code"] == TOWN, "ageing_rate_pct"] = None
    row = spine.spine_table(bodies, TOWN, PEERS, ["ageing_rate_pct"]).iloc[0]
    assert row["town_value"] is None and row["difference"] is None and row["percentile"] is None
    empty = spine.spine_table(BODIES, TOWN, [], ["ageing_rate_pct"]).iloc[0]
    assert empty["peer_n"] == 0 and empty["peer_median"] is None


def test_spine_positions_centre_the_peer_median():
    row = spine.spine_table(BODIES, TOWN, PEERS, ["ageing_rate_pct"]).iloc[0]
    pos = spine.spine_positions(row)
    # median 38.1 in the centre; the furthest mark is the max 46.3 (8.2 away) → at 1.0
    assert pos["median"] == pytest.approx(0.5)
    assert pos["max"] == pytest.approx(1.0)
    assert pos["town"] == pytest.approx(0.5 + (35.2 - 38.1) / (2 * 8.2))
    assert pos["min"] == pytest.approx(0.5 + (30.6 - 38.1) / (2 * 8.2))


REAL_DB = Path(os.environ.get("MACHIKURABE_DB", Path(__file__).resolve().parent.parent / "data" / "municipal.duckdb"))


@pytest.mark.skipif(not REAL_DB.exists(), reason="real database not built (run `make data`)")
def test_real_database_holds_the_printed_ageing_rates():
    from machikurabe import db

    con = db.connect(REAL_DB)
    try:
        stored = db.run_query(con, "municipalities").set_index("code")["ageing_rate_pct"]
    finally:
        con.close()
    for code, printed in zip(HOKKAIDO["code"], HOKKAIDO["ageing_rate_pct"]):
        assert stored[code] == pytest.approx(printed)


def test_uploaded_indicator_names_and_units():
    meta = {"user_1": {"name": "見守り訪問率", "unit": "%"}, "user_2": {"name": "=HYPERLINK(\"x\")", "unit": ""}}
    assert spine.indicator_label("user_1", "ja", meta) == "見守り訪問率（%）"
    assert spine.indicator_label("user_1", "en", meta) == "見守り訪問率 (%)"
    assert spine.format_indicator(12.5, "user_1", "ja", meta) == "12.5%"
    # a formula-like header is shown as text, never as something a spreadsheet would run
    assert spine.indicator_name("user_2", "ja", meta) == "'=HYPERLINK(\"x\")"
    assert spine.indicator_label("ageing_rate_pct", "ja") == "高齢化率（%）"
