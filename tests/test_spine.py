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
