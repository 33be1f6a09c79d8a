"""machikurabe.analysis.indicators: the one metadata table behind every label, unit, help marker and 出典 line."""
import pytest

from machikurabe.analysis import indicators

EXPECTED_KEYS = ["population", "households", "ageing_rate_pct", "welfare_rate_pct", "association_rate_pct",
                 "area_km2", "density_per_km2", "elementary_schools", "junior_high_schools", "promoter_count",
                 "programme_count"]


def test_the_table_covers_the_agreed_indicators_once():
    assert list(indicators.KEYS) == EXPECTED_KEYS


def test_fields_are_valid():
    for ind in indicators.INDICATORS:
        assert ind.type in indicators.TYPES, ind.key
        assert ind.polarity in indicators.POLARITIES, ind.key
        assert ind.name_ja and ind.name_en and ind.unit_ja and ind.unit_en
        assert ind.definition_ja and ind.definition_en
        assert ind.decimals >= 0


def test_units_as_printed_in_the_plans():
    assert indicators.get("population").unit_ja == "人"
    assert indicators.get("households").unit_ja == "世帯"
    assert indicators.get("area_km2").unit_ja == "km²"
    assert indicators.get("density_per_km2").unit_ja == "人/km²"
    assert indicators.get("elementary_schools").unit_ja == "校"
    assert indicators.get("programme_count").unit_ja == "事業"


def test_polarity_choices():
    # need indicators are not scored as good or bad
    assert indicators.get("welfare_rate_pct").polarity == "neither"
    assert indicators.get("ageing_rate_pct").polarity == "neither"
    assert indicators.get("population").polarity == "neither"
    assert indicators.get("association_rate_pct").polarity == "higher_better"


def test_unknown_key_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown indicator"):
        indicators.get("happiness")


def test_help_text_has_definition_unit_source_vintage():
    ja = indicators.help_text("welfare_rate_pct", "ja")
    assert "‰" in ja and "単位：%" in ja and "出典：厚生労働省" in ja and "令和元年度" in ja
    en = indicators.help_text("area_km2", "en")
    assert "Unit: km²" in en and "Source: MHLW" in en and "FY2019" in en


def test_source_line():
    assert indicators.source_line(["population"], "ja").startswith("出典：厚生労働省「令和元年度")
    assert indicators.source_line(["population"], "en").startswith("Source: MHLW")
    assert "人口密度は本アプリで算出" in indicators.source_line(["density_per_km2"], "ja")
    assert "本アプリで算出" not in indicators.source_line(["population"], "ja")


def test_label_has_unit():
    assert indicators.get("population").label("ja") == "人口（人）"
    assert indicators.get("population").label("en") == "Population (persons)"
