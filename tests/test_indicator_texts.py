"""Indicator definitions, formulas and survey names in the reader's language (the map and the data page once showed
the build's Japanese definitions, and English remarks in formulas, whatever the language)."""
import re

import duckdb

from machikurabe.analysis import national

def _catalogue_row(**fields):
    row = {"indicator": "A110102", "label_ja": "総人口（女）", "label_en": "Total population (female)",
           "formula": None, "source": "国勢調査 Population Census",
           "definition": "SSDSE-A A110102: 総人口（女）（表記の異なるラベル / labels across vintages: 人口総数（女） / 総人口（女））"}
    return row | fields


def test_an_ssdse_item_is_defined_in_english_with_the_files_own_names():
    assert national.indicator_definition(_catalogue_row(), "en") == (
        "SSDSE-A A110102: Total population (female) (item 「総人口（女）」 in the file; "
        "named differently across editions: 人口総数（女） / 総人口（女）)")


def test_an_ssdse_item_is_defined_in_japanese_without_english_words():
    assert national.indicator_definition(_catalogue_row(), "ja") == \
        "SSDSE-A A110102: 総人口（女）（版により項目名が異なる：人口総数（女） / 総人口（女））"


def test_a_derived_indicator_is_defined_by_its_formula_with_the_remark_translated():
    row = _catalogue_row(indicator="density_per_km2", label_ja="人口密度", label_en="Population density",
                         formula="A1101 / (B1101 / 100), same year (2020)", source="SSDSE-A (derived)",
                         definition="人口密度 = A1101 / (B1101 / 100), same year (2020)")
    assert national.indicator_definition(row, "ja") == "人口密度 = A1101 / (B1101 / 100)（同じ2020年の値）"
    assert national.indicator_definition(row, "en") == "Population density = A1101 / (B1101 / 100), same year (2020)"
    assert national.source_text(row["source"], "ja") == "SSDSE-Aの値から算出"


def test_a_survey_name_is_shown_in_one_language():
    assert national.source_text("国勢調査 Population Census", "ja") == "国勢調査"
    assert national.source_text("国勢調査 Population Census", "en") == "Population Census"
    assert national.source_text("一般廃棄物処理実態調査 Municipal waste survey (MOE)", "en") == \
        "Municipal waste survey (MOE)"
    assert national.source_text("統計でみる市区町村のすがた (area survey and forest census)", "ja") == \
        "統計でみる市区町村のすがた"


def test_no_catalogue_text_keeps_an_english_word_in_the_japanese_view(real_db):
    with duckdb.connect(str(real_db), read_only=True) as con:
        rows = con.execute("SELECT * FROM national_indicators").df().to_dict("records")
    english_words = {row["indicator"]: re.findall(r"[a-z]{3,}", national.indicator_definition(row, "ja")
                                                   + national.formula_text(row["formula"], "ja")
                                                   + national.source_text(row["source"], "ja"))
                     for row in rows}
    assert {key: words for key, words in english_words.items() if words} == {}
