"""地図's national choropleth (machikurabe.ui.choropleth): class breaks and legend text worked out by hand on small
series, number formatting, and one real place's tooltip checked against values read from national_values by hand."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from machikurabe.ui import choropleth

PCT = {"indicator": "ageing_rate_pct", "label_ja": "高齢化率", "label_en": "Ageing rate (65+ share)", "unit": "%",
       "unit_en": "%", "topic": "population", "decimals": 1, "years": "2015,2020", "derived": True}
PERSONS = {"indicator": "A1101", "label_ja": "総人口", "label_en": "Total population", "unit": "人",
           "unit_en": "persons", "topic": "population", "decimals": 0, "years": "2015,2020", "derived": False}


def test_quantile_breaks_by_hand():
    # 1..10, linear quantiles at 0, .2, .4, .6, .8, 1: 1, 1+0.2*9=2.8, 4.6, 6.4, 8.2, 10; one decimal printed
    assert choropleth.quantile_breaks(range(1, 11), decimals=1) == [1.0, 2.8, 4.6, 6.4, 8.2, 10.0]
    # no decimals: 2.8→3, 4.6→5, 6.4→6, 8.2→8
    assert choropleth.quantile_breaks(range(1, 11), decimals=0) == [1.0, 3.0, 5.0, 6.0, 8.0, 10.0]
    # missing values are left out; ties merge classes (0, 0, 0, 0, 1: quantiles 0, 0, 0, 0, 0.2, 1 → 0, 0.2, 1)
    assert choropleth.quantile_breaks([None, 0, 0, 0, 0, 1, float("nan")], decimals=1) == [0.0, 0.2, 1.0]
    assert choropleth.quantile_breaks([5, 5, 5], decimals=0) == [5.0, 5.0]
    assert choropleth.quantile_breaks([None], decimals=0) == []


def test_classes_lower_bound_included_last_class_closed():
    breaks = [1.0, 2.8, 4.6, 6.4, 8.2, 10.0]
    # 1, 2 | 3, 4 | 5, 6 | 7, 8 | 9, 10
    assert [choropleth.class_of(v, breaks, 1) for v in range(1, 11)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert choropleth.class_of(2.8, breaks, 1) == 1  # a value on a break opens the upper class
    assert choropleth.class_of(10.0, breaks, 1) == 4  # the maximum stays in the last class
    assert choropleth.class_of(2.79, breaks, 1) == 1  # classed as printed: 2.79 shows as 2.8
    assert choropleth.class_of(None, breaks, 1) is None


def test_legend_text_japanese_and_english():
    breaks = [10.3, 27.8, 32.2, 36.8, 41.3, 65.2]
    entries = choropleth.legend_entries(breaks, [347, 343, 347, 354, 349], PCT, "ja", missing=1)
    assert [e.text for e in entries] == ["10.3%以上 27.8%未満", "27.8%以上 32.2%未満", "32.2%以上 36.8%未満",
                                         "36.8%以上 41.3%未満", "41.3%以上 65.2%以下", "データなし"]
    assert [e.count for e in entries] == [347, 343, 347, 354, 349, 1]
    assert entries[-1].rgba == (221, 221, 221, 255)
    assert entries[0].rgba[:3] == (0, 34, 78) and entries[4].rgba[:3] == (254, 232, 56)  # cividis ends
    english = choropleth.legend_entries([734.0, 168730.0], [2], PERSONS, "en")
    assert [e.text for e in english] == ["734 persons to 168,730 persons"]
    html = choropleth.legend_html(entries, "凡例（五分位）", "ja")
    assert "10.3%以上 27.8%未満" in html and "（347）" in html and "データなし" in html


def test_numbers_as_japanese_readers_expect():
    assert choropleth.format_national(168730, PERSONS, "ja") == "168,730人"
    assert choropleth.format_national(168730, PERSONS, "en") == "168,730 persons"
    assert choropleth.format_national(33.2149, PCT, "ja") == "33.2%"
    assert choropleth.format_national(None, PCT, "en") == "No data"
    assert choropleth.indicator_label(PCT, "ja") == "高齢化率（%）"
    assert choropleth.option_label(PERSONS, "ja") == "人口｜総人口（人）"
    assert choropleth.rank_text(123, 1741, "ja") == "全国 123位 / 1,741"
    assert choropleth.rank_text(123, 1741, "en") == "Rank 123 of 1,741 in Japan"
    assert choropleth.years_of(PCT) == [2020, 2015]


def test_colour_frame_ranks_and_greys_missing():
    values = pd.DataFrame({"code": ["a", "b", "c", "d"], "name": ["A町", "B町", "C町", "D町"], "name_romaji": None,
                           "prefecture": "秋田県", "prefecture_romaji": "Akita", "in_model_project": [True, False,
                                                                                                  False, False],
                           "lat": 39.0, "lon": 140.0, "value": [30.0, 40.0, None, 40.0]})
    frame, breaks, counts = choropleth.colour_frame(values, PCT, 2020, "ja")
    rows = frame.set_index("code")
    assert rows.loc["b", "rank"] == 1 and rows.loc["d", "rank"] == 1 and rows.loc["a", "rank"] == 3  # ties share
    assert rows.loc["c", "fill_rgba"] == [221, 221, 221, 255] and pd.isna(rows.loc["c", "class"])
    assert rows.loc["a", "tooltip"] == "秋田県\n高齢化率：30.0%（2020年）\n全国 3位 / 3\nモデル事業（2019年度）に参加"
    assert rows.loc["c", "tooltip"] == "秋田県\n高齢化率：データなし（2020年）"
    assert sum(counts) == 3


# --- one real place, read by hand ----------------------------------------------------------------------------------

@pytest.fixture
def real_view(real_db, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    return choropleth.national_view


def test_tooltip_of_yokote_against_national_values(real_view):
    # SELECT value FROM national_values WHERE code='05203' AND indicator='ageing_rate_pct' AND year=2020
    #   → 39.04038337911285; municipalities with a higher 2020 value: 509 of the 1,740 with a value
    view = real_view("ageing_rate_pct", 2020, "ja")
    feature = json.loads(view.features_json)["features"]
    yokote = next(f for f in feature if f["properties"]["code"] == "05203")["properties"]
    assert yokote["name"] == "横手市"
    assert yokote["tooltip"] == "秋田県\n高齢化率：39.0%（2020年）\n全国 510位 / 1,740"
    assert len(feature) == 1741  # every municipality, 11 of them as a square at the office
    english = real_view("ageing_rate_pct", 2020, "en")
    row = english.frame.set_index("code").loc["05203"]
    assert row["name"] == "Yokote City"  # issue 19: no kanji in parentheses in English
    assert row["tooltip"] == ("Akita Prefecture\nAgeing rate (65+ share): 39.0% (2020)\n"
                              "Rank 510 of 1,740 in Japan")
    # 総人口 2020 (A1101): 85,555 persons, 321 municipalities larger
    population = real_view("A1101", 2020, "ja").frame.set_index("code").loc["05203"]
    assert population["value_text"] == "85,555人" and population["rank"] == 322


def test_table_has_code_name_prefecture_value_as_printed_and_rank(real_view):
    view = real_view("ageing_rate_pct", 2020, "ja")
    assert list(view.table.columns) == ["団体コード", "市区町村", "都道府県", "高齢化率", "全国順位"]
    row = view.table.set_index("団体コード").loc["05203"]
    assert row["市区町村"] == "横手市" and row["全国順位"] == 510
    assert row["高齢化率"] == 39.0  # national_values 39.04038337911285, one decimal as on the map
    # 総人口 (0 decimals) stays whole numbers: 85,555 persons
    assert real_view("A1101", 2020, "ja").table.set_index("団体コード").loc["05203", "総人口"] == 85555


def test_deck_json_is_compact_and_complete(real_view):
    view = real_view("ageing_rate_pct", 2020, "ja")
    spec = json.loads(choropleth.build_deck(view, "05203").to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert list(layers) == ["national-municipalities", "model-project-towns", "prefecture-lines",
                            "chosen-place-halo", "chosen-place", "chosen-place-fill"]
    assert len(layers["national-municipalities"]["data"]["features"]) == 1741
    assert layers["chosen-place"]["data"]["features"][0]["properties"]["code"] == "05203"
    assert spec["mapStyle"] == "__MAP_STYLE__"  # no basemap: nothing is fetched
    assert spec["views"] == [{"@@type": "MapView", "controller": True}]


def test_zoomed_view():
    assert choropleth.zoomed_view(choropleth.JAPAN_VIEW["zoom"], (39.3, 140.5)) == choropleth.JAPAN_VIEW
    assert choropleth.zoomed_view(6.3, (39.3, 140.5)) == {"latitude": 39.3, "longitude": 140.5, "zoom": 6.3}
    assert choropleth.zoomed_view(99, None)["zoom"] == choropleth.ZOOM_MAX


def test_the_first_view_shows_all_four_main_islands_on_a_phone():
    """At 390 px the map is 358 px wide (Streamlit's 16 px padding each side); the first view once cut Hokkaido's
    east tip. Web Mercator: a map w px wide spans w·360 / (512·2^zoom) degrees of longitude."""
    view = choropleth.JAPAN_VIEW
    half_span = 358 * 360 / (512 * 2 ** view["zoom"]) / 2
    assert view["longitude"] - half_span <= 129.55  # 神崎鼻, Kyushu's western tip (Nagasaki)
    assert view["longitude"] + half_span >= 145.82  # 納沙布岬, Hokkaido's eastern tip (Nemuro)


def test_about_the_indicator_is_in_english_in_the_english_view():
    """The English map once showed the build's Japanese definition (「表記の異なるラベル」) and survey name."""
    meta = {"indicator": "A1101", "label_ja": "総人口", "label_en": "Total population", "formula": None,
            "source": "国勢調査 Population Census",
            "definition": "SSDSE-A A1101: 総人口（表記の異なるラベル / labels across vintages: 人口総数 / 総人口）"}
    lines = choropleth.about_lines(meta, "en")
    assert lines == ["Definition: SSDSE-A A1101: Total population (item 「総人口」 in the file; "
                     "named differently across editions: 人口総数 / 総人口)",
                     "Statistic: Population Census"]


def test_map_file_carries_units_sources_year_date_link_and_printed_decimals(real_view):
    """The map's CSV was the bare table: no 出典, no stamp, 39.0403833791 for 横手市's 39.0%. Now it is a
    ui.files.FileTable: header, units row, values rounded to the indicator's decimals (1 for 高齢化率), then 出典,
    データの年, 作成日 and the link that rebuilds the view."""
    from machikurabe.ui import files

    view = real_view("ageing_rate_pct", 2020, "ja")
    table = choropleth.file_table(view, "ja", chosen="05203", created="2025-04-01")
    lines = files.csv_bytes(table, "ja").decode("utf-8-sig").splitlines()
    assert lines[0] == "団体コード,市区町村,都道府県,高齢化率,全国順位"
    assert lines[1] == "単位：（文字）,（文字）,（文字）,%,位"
    # national_values: 05203 ageing_rate_pct 2020 = 39.04038337911285 → 39.0 as printed; rank 510 (see above)
    assert "05203,横手市,秋田県,39.0,510" in lines
    data = lines[2:lines.index("")]
    assert len(data) == 1741
    assert not any(re.search(r"\.\d{2,}", line) for line in data)  # one decimal at most, as on the map
    tail = lines[lines.index("") + 1:]
    assert tail[0] == ("出典：独立行政法人統計センター「SSDSE（教育用標準データセット）」"
                       "（総務省統計局「統計でみる都道府県・市区町村のすがた」）を加工して作成")
    assert "データの年：2020年" in tail and "作成日：2025-04-01" in tail
    assert "この表示を再現するURL：/map?code=05203&indicator=ageing_rate_pct" in tail
    # a year that is not the latest is named in the link; English words, the same numbers
    older = choropleth.file_table(real_view("ageing_rate_pct", 2015, "en"), "en", chosen=None, created="2025-04-01")
    english = files.csv_bytes(older, "en").decode("utf-8-sig").splitlines()
    assert english[0] == "Code,Municipality,Prefecture,Ageing rate (65+ share),Rank in Japan"
    assert english[1] == "Unit: (text),(text),(text),%,rank"
    assert "Data year(s): 2015" in english
    assert "Link that rebuilds this view: /map?indicator=ageing_rate_pct&year=2015&lang=en" in english
    assert files.xlsx_bytes(table, "ja")[:2] == b"PK"


def test_chosen_place_keeps_its_class_colour_inside_a_visible_outline(real_view):
    """横手市 (39.0% in 2020, class 「36.8%以上 41.3%未満」 by the legend above) was drawn black: a 3 px outline and
    a 6 px halo over a polygon about 7 px wide at the national zoom hid its fill. Its polygon is now filled again in
    its own class colour on top of the outline, so only the outer half of the lines shows around it."""
    view = real_view("ageing_rate_pct", 2020, "ja")
    spec = json.loads(choropleth.build_deck(view, "05203").to_json())
    ids = [layer["id"] for layer in spec["layers"]]
    layers = {layer["id"]: layer for layer in spec["layers"]}
    fill = layers["chosen-place-fill"]
    assert ids.index("chosen-place-fill") > max(ids.index("chosen-place"), ids.index("chosen-place-halo"),
                                                ids.index("prefecture-lines"), ids.index("model-project-towns"))
    assert fill["filled"] is True and fill["stroked"] is False
    fourth = next(e for e in view.legend if e.text == "36.8%以上 41.3%未満")
    assert fill["data"]["features"][0]["properties"]["fill_rgba"] == list(fourth.rgba)
    assert fill["getFillColor"] == "@@=properties.fill_rgba"
    # what shows outside the polygon: half of each centred line, black next to the border and white beyond it
    black, white = layers["chosen-place"]["lineWidthMinPixels"], layers["chosen-place-halo"]["lineWidthMinPixels"]
    assert black / 2 >= 2 and (white - black) / 2 >= 1.5


CATALOGUE = {"A1303": {"label_ja": "65歳以上人口", "label_en": "Population 65 and over"},
             "A1101": {"label_ja": "総人口", "label_en": "Total population"},
             "A4101": {"label_ja": "出生数", "label_en": "Live births"},
             "H5507": {"label_ja": "住基人口", "label_en": "Registered population"}}


def test_formula_in_words_of_the_readers_language():
    """The map's Japanese definition read 「高齢化率 = A1303 / A1101 × 100」: SSDSE column codes, not words."""
    assert choropleth.formula_words("A1303 / A1101 × 100", CATALOGUE, "ja") == "65歳以上人口 ÷ 総人口 × 100"
    assert choropleth.formula_words("A1303 / A1101 × 100", CATALOGUE, "en") == \
        "Population 65 and over ÷ Total population × 100"
    assert choropleth.formula_words("A4101 / H5507 × 1000 (H5507: population reported the same year)", CATALOGUE,
                                    "ja") == "出生数 ÷ 住基人口 × 1000（人口は同じ年の値）"
    assert choropleth.formula_words("(A1101[2020] / A1101[2015] − 1) × 100, stored as year 2020", CATALOGUE,
                                    "en") == ("(Total population (2020) ÷ Total population (2015) − 1) × 100, "
                                              "shown as 2020")
    meta = {"indicator": "ageing_rate_pct", "label_ja": "高齢化率", "label_en": "Ageing rate (65+ share)",
            "formula": "A1303 / A1101 × 100", "source": "SSDSE-A (derived)"}
    assert choropleth.about_lines(meta, "ja", CATALOGUE) == ["定義：高齢化率 = 65歳以上人口 ÷ 総人口 × 100",
                                                            "出典の統計：SSDSE-Aの値から算出"]


def test_no_column_code_or_file_name_in_any_map_text(real_view):
    """Every derived indicator of the build, both languages: the about lines, the credits and the file's notes
    name no SSDSE column (A1303) and no file (municipalities.geojson, geo/README.md)."""
    from machikurabe.ui import maps, st_data

    catalogue = st_data.query("national_indicators")
    ids = catalogue.loc[catalogue["derived"].astype(bool), "indicator"].tolist()
    assert "ageing_rate_pct" in ids and len(ids) == 20
    code_or_file = re.compile(r"\b[A-Z]\d{4,6}\b|\.geojson|\.md\b")
    for lang in ("ja", "en"):
        texts = choropleth.credit_lines(lang, False) + maps.credit_lines(lang, True, False)
        for indicator in ids:
            years = choropleth.years_of(choropleth.catalogue_meta(catalogue)[indicator])
            view = real_view(indicator, years[0], lang)
            texts += view.about + list(choropleth.file_table(view, lang).notes)
        assert not [text for text in texts if code_or_file.search(text)]
    # the 国土数値情報 wording stays wherever the map is drawn
    assert choropleth.credit_lines("ja", False)[1] == "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"


# --- change between two years (issue 20, item 4) ---------------------------------------------------------------------

def test_change_classes_by_hand_are_symmetric_around_zero():
    from machikurabe.analysis import change

    # non-zero |change| as printed: 1, 2, 3, 4, 5, 6 → terciles 2.667 and 4.333 → two figures 2.7 and 4.3
    values = [-6, -1, 0, 2, 3, 4, 5, None]
    assert change.magnitudes(values, decimals=1) == [2.7, 4.3]
    assert change.breaks([2.7, 4.3]) == [-4.3, -2.7, 0.0, 2.7, 4.3]
    mags, classes, counts = change.classify(values, decimals=1)
    # classes 0..6: ≤−4.3 | (−4.3, −2.7] | (−2.7, 0) | 0 | (0, 2.7) | [2.7, 4.3) | ≥4.3; None for the missing value
    assert classes == [0, 2, 3, 4, 5, 5, 6, None]
    assert counts == [1, 0, 1, 1, 1, 2, 1]
    # mirrored: +x and −x land the same distance from the middle class, the break itself in the outer class
    for x in (0.04, 1.0, 2.7, 3.0, 4.3, 99.0):
        assert change.class_of(x, mags, 1) - 3 == 3 - change.class_of(-x, mags, 1)
    assert change.class_of(0.04, mags, 1) == 3  # prints as 0.0: no change
    # integers: the innermost class holds at least ±1 (b is at least two printed units)
    assert change.magnitudes([1, 1, 1, -1, 5], decimals=0) == [2.0]
    assert change.magnitudes([0, 0, None], decimals=0) == []
    assert change.class_count([]) == 1 and change.class_of(0, [], 0) == 0
    # pct: not computed where the earlier value is 0; missing where either year is missing
    numbers = change.changes(pd.Series([100.0, 0.0, None, 50.0]), pd.Series([90.0, 5.0, 3.0, 50.0]))
    assert numbers["status"].tolist() == ["ok", "zero_base", "missing", "ok"]
    assert numbers["diff"].tolist()[:2] == [-10.0, 5.0] and numbers["pct"].tolist()[0] == -10.0
    assert pd.isna(numbers["pct"].tolist()[1])


def test_change_colours_are_a_diverging_colour_blind_safe_scale():
    colours = choropleth.change_colours(7)
    assert ["#%02x%02x%02x" % tuple(c[:3]) for c in colours] == [
        "#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"]  # ColorBrewer RdBu 7

    def lightness(rgb):  # CIE L*: how light a colour reads, also without colour vision
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb[:3])]
        return 116 * (0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]) ** (1 / 3) - 16

    # light in the middle, darker towards both ends, each side as light as the other at the same distance from 0
    for i in range(3):
        assert lightness(colours[i]) < lightness(colours[i + 1])
        assert lightness(colours[6 - i]) < lightness(colours[5 - i])
        assert abs(lightness(colours[i]) - lightness(colours[6 - i])) < 5
    # the grey of a place without a change is none of the class colours, and differs from each in lightness
    grey = choropleth.CHANGE_MISSING_RGBA
    assert grey not in colours and min(abs(lightness(grey) - lightness(c)) for c in colours) > 10


def test_change_of_three_places_by_hand(real_view):
    """SELECT code, year, value FROM national_values WHERE indicator='ageing_rate_pct' AND code IN (…):
    横手市 05203 35.05428593121251 (2015) → 39.04038337911285 (2020): +3.986 → +4.0 points;
    釧路市 01206 30.25431779423379 → 34.13861410129818: +3.884 → +3.9; 千代田区 13101 17.611204328322433 →
    16.274745050989804: −1.337 → −1.3. 総人口 A1101: 横手市 92,197 → 85,555 (−6,642, −7.204 %), 千代田区 58,406 → 66,680
    (+8,274, +14.166 %)."""
    view = choropleth.change_view("ageing_rate_pct", 2015, 2020, "diff", "ja")
    rows = view.frame.set_index("code")
    assert rows.loc["05203", "value_text"] == "+4.0ポイント"
    assert rows.loc["01206", "value_text"] == "+3.9ポイント"
    assert rows.loc["13101", "value_text"] == "−1.3ポイント"
    assert rows.loc["05203", "diff"] == pytest.approx(3.98609744790034)
    assert rows.loc["13101", "diff"] == pytest.approx(-1.33645927733263)
    assert rows.loc["05203", "tooltip"] == "秋田県\n高齢化率：35.1%（2015年）→ 39.0%（2020年）\n変化：+4.0ポイント"
    # breaks: terciles of the non-zero |change| as printed, by hand in SQL (quantile_cont(abs(round(d, 1)), …)
    # = 2.5 and 3.7): 横手市 and 釧路市 in the top class 「+3.7ポイント以上」, 千代田区 in 「−2.5ポイント超 0未満」
    assert view.breaks == [-3.7, -2.5, 0.0, 2.5, 3.7]
    assert rows.loc["05203", "class"] == 6 and rows.loc["01206", "class"] == 6 and rows.loc["13101", "class"] == 2
    people = choropleth.change_view("A1101", 2015, 2020, "pct", "ja").frame.set_index("code")
    assert people.loc["05203", "value_text"] == "−7.2%" and people.loc["13101", "value_text"] == "+14.2%"
    assert people.loc["05203", "tooltip"].endswith("増減率：−7.2%（差 −6,642人）")
    assert people.loc["13101", "diff"] == 8274


def test_change_legend_counts_every_municipality(real_view):
    """Counted by hand in SQL over round(v2020 − v2015, 1) of ageing_rate_pct: ≤−3.7: 5, (−3.7, −2.5]: 5,
    (−2.5, 0): 41, 0.0: 4, (0, 2.5): 522, [2.5, 3.7): 576, ≥3.7: 584, and 4 without a 2015 or 2020 value (富岡町,
    大熊町, 浪江町 and 双葉町, 2015 census under evacuation) — 1,741 in all."""
    view = choropleth.change_view("ageing_rate_pct", 2015, 2020, "diff", "ja")
    # the class texts without the unit: the legend's heading names it (高齢化率の変化（ポイント）・2015→2020年)
    assert [(e.text, e.count) for e in view.legend] == [
        ("−3.7以下", 5), ("−3.7超 −2.5以下", 5), ("−2.5超 0未満", 41), ("0.0（変化なし）", 4), ("0超 +2.5未満", 522),
        ("+2.5以上 +3.7未満", 576), ("+3.7以上", 584), ("データなし（どちらかの年の値がない）", 4)]
    assert sum(e.count for e in view.legend) == 1741 and view.missing == 4
    assert view.legend[-1].rgba == tuple(choropleth.CHANGE_MISSING_RGBA)
    # percent change of the population: the same four towns had 0 people in 2015 (no percent change), counted
    people = choropleth.change_view("A1101", 2015, 2020, "pct", "ja")
    assert people.legend[-1].text == "計算できない（前の年が0）" and people.legend[-1].count == 4
    assert people.zero_base == 4 and people.missing == 0
    assert sum(e.count for e in people.legend) == 1741
    assert people.breaks == [-b for b in reversed(people.breaks)]  # symmetric around 0
    assert len(json.loads(view.features_json)["features"]) == 1741


def test_change_in_english(real_view):
    view = choropleth.change_view("ageing_rate_pct", 2015, 2020, "diff", "en")
    assert choropleth.change_title(view, "en") == "Change in ageing rate (65+ share) (points), 2015→2020"
    assert [e.text for e in view.legend][:4] == ["−3.7 or less", "over −3.7 to −2.5", "over −2.5 to under 0",
                                                 "0.0 (no change)"]
    assert view.legend[-1].text == "No data (a year without a value)"
    assert view.frame.set_index("code").loc["05203", "tooltip"] == (
        "Akita Prefecture\nAgeing rate (65+ share): 35.1% (2015) → 39.0% (2020)\nChange: +4.0 points")
    people = choropleth.change_view("A1101", 2015, 2020, "pct", "en")
    assert choropleth.change_title(people, "en") == "Percent change in total population (%), 2015→2020"
    assert people.frame.set_index("code").loc["13101", "tooltip"].endswith(
        "Percent change: +14.2% (difference +8,274 persons)")
    html = choropleth.legend_html(view.legend, "Legend (classes symmetric around 0)", "en")
    assert not re.search(r"[\u3040-\u30ff]", re.sub(r"\([^)]*[\u4e00-\u9fff][^)]*\)", "", html))  # no kana


def test_change_file_carries_both_years_the_change_and_its_unit(real_view):
    from machikurabe.ui import files

    view = choropleth.change_view("ageing_rate_pct", 2015, 2020, "diff", "ja")
    table = choropleth.change_file_table(view, "ja", chosen="05203", created="2025-04-01")
    lines = files.csv_bytes(table, "ja").decode("utf-8-sig").splitlines()
    assert lines[0] == "団体コード,市区町村,都道府県,高齢化率（2015年）,高齢化率（2020年）,変化（2015→2020年）"
    assert lines[1] == "単位：（文字）,（文字）,（文字）,%,%,ポイント"
    assert "05203,横手市,秋田県,35.1,39.0,4.0" in lines  # the change from unrounded values: 3.986 → 4.0
    assert "13101,千代田区,東京都,17.6,16.3,-1.3" in lines
    assert len(lines[2:lines.index("")]) == 1741
    tail = lines[lines.index("") + 1:]
    assert "データの年：2015年・2020年" in tail
    assert "この表示を再現するURL：/map?code=05203&indicator=ageing_rate_pct&change=diff" in tail
    assert any(line.startswith("変化：後の年の値 − 前の年の値") for line in tail)
    assert "2015年か2020年の値がない市区町村：4" in tail
    # counts: the percent change as a column too; English words; years that are not the defaults in the link
    people = choropleth.change_view("A1101", 2015, 2020, "pct", "en")
    english = files.csv_bytes(choropleth.change_file_table(people, "en", created="2025-04-01"), "en")
    english = english.decode("utf-8-sig").splitlines()
    assert english[0] == ("Code,Municipality,Prefecture,Total population (2015),Total population (2020),"
                          "Change (2015→2020),Percent change (2015→2020)")
    assert english[1] == "Unit: (text),(text),(text),persons,persons,persons,%"
    assert "05203,Yokote City,Akita Prefecture,92197,85555,-6642,-7.2" in english
    births = choropleth.change_view("A4101", 2017, 2022, "diff", "ja")
    assert choropleth.change_link(births, "ja") == "/map?indicator=A4101&change=diff&from=2017&year=2022"


def test_change_map_outlines_model_towns_in_black_not_in_a_colour_of_its_scale(real_view):
    """The model towns' vermilion outline read as a fall on the red-blue change map (1440 px screenshot): black there."""
    view = choropleth.change_view("ageing_rate_pct", 2015, 2020, "diff", "ja")
    layers = {layer["id"]: layer for layer in json.loads(choropleth.build_deck(view, "05203").to_json())["layers"]}
    assert layers["model-project-towns"]["getLineColor"] == [0, 0, 0, 255]
    assert "rgb(0,0,0)" in choropleth.legend_html(view.legend, "凡例", "ja", model_rgba=choropleth.model_outline(view))
    level = choropleth.national_view("ageing_rate_pct", 2020, "ja")
    assert choropleth.model_outline(level) == choropleth.MODEL_OUTLINE_RGBA
