"""Issue 19, defect 4 (and the unit of 医師数): one rule of decimals per unit, the same for the plan figures and the
national catalogue, and the unit of a rate per 10,000 people says so. Expected values written by hand."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from machikurabe.analysis import indicators
from machikurabe.analysis.formatting import format_value
from machikurabe.analysis.units import DECIMALS_BY_UNIT, decimals_for, rounded
from machikurabe.ingest import national as ingest_national


def test_the_rule_by_unit():
    assert decimals_for("%") == 1
    assert decimals_for("ポイント") == 1
    assert decimals_for("‰") == 1
    assert decimals_for("km²") == 2
    assert decimals_for("人/km²") == 1
    assert decimals_for("人（人口1万人あたり）") == 1
    assert decimals_for("円") == 0 and decimals_for("千円") == 0 and decimals_for("人") == 0


def test_plan_figures_follow_the_rule():
    """Seen: 9.6 vs 18.16 人/km² in one row, 0.669 %: a % has one decimal, a density one, an area two."""
    assert format_value(0.669, "welfare_rate_pct") == "0.7%"
    assert format_value(2.866, "welfare_rate_pct") == "2.9%"
    assert format_value(33.21, "ageing_rate_pct") == "33.2%"
    assert format_value(18.163, "density_per_km2") == "18.2 人/km²"
    assert format_value(1362.9, "area_km2") == "1,362.90 km²"
    for ind in indicators.INDICATORS:
        assert ind.unit_ja in DECIMALS_BY_UNIT, ind.key
        assert ind.decimals == DECIMALS_BY_UNIT[ind.unit_ja], ind.key


def test_rounded_numbers_for_files():
    assert rounded(252614.93, "円") == 252615 and isinstance(rounded(252614.93, "円"), int)
    assert rounded(-20.2149, "‰") == -20.2
    assert rounded(float("nan"), "%") is None and rounded(None, "%") is None


def test_derived_catalogue_rows_follow_the_rule_and_name_per_10000_people():
    values = pd.DataFrame({"indicator": ["A1101"], "year": [2020], "code": ["05203"], "value": [1.0]})
    frame = ingest_national.derived_indicators_frame(values).set_index("indicator")
    # 人口1万人当たり医師数: 23.6 people per 10,000, not 23.6 人
    assert frame.loc["doctors_per_10000", "unit"] == "人（人口1万人あたり）"
    assert frame.loc["doctors_per_10000", "unit_en"] == "per 10,000 people"
    assert frame.loc["doctors_per_10000", "decimals"] == 1
    assert frame.loc["births_per_1000", "decimals"] == 1       # ‰, was 2
    assert frame.loc["foreign_share_pct", "decimals"] == 1     # %, was 2
    assert frame.loc["pop_change_2015_2020_pct", "decimals"] == 1  # %, was 2
    assert frame.loc["density_per_km2", "decimals"] == 1
    assert frame.loc["area_km2", "decimals"] == 2
    assert ingest_national.indicator_meta("D320303", "民生費")["decimals"] == 0


def test_the_built_catalogue_has_one_decimals_per_unit(real_db):
    with duckdb.connect(str(real_db), read_only=True) as con:
        catalogue = con.execute("SELECT indicator, unit, decimals FROM national_indicators").df()
    named = catalogue[catalogue["unit"].fillna("") != ""]
    assert set(named["unit"]) <= set(DECIMALS_BY_UNIT), set(named["unit"]) - set(DECIMALS_BY_UNIT)
    per_unit = named.groupby("unit")["decimals"].nunique()
    assert (per_unit == 1).all(), per_unit[per_unit > 1]
    assert catalogue.set_index("indicator").loc["doctors_per_10000", "unit"] == "人（人口1万人あたり）"


def test_rounding_is_half_up_as_a_reader_rounds():
    """2.05 % with one decimal read 2.0 % (the binary float 2.04999…); a reader rounds it to 2.1 %."""
    from machikurabe.analysis.formatting import format_number

    assert format_number(2.05, 1) == "2.1"
    assert format_number(252614.5, 0) == "252,615"
    assert format_number(-6.45, 1) == "-6.5"
