"""Tests for machikurabe.ui.maps: what the Map page draws (points, colours, tooltips, legend, bar chart, credits).

Expected values are read from data/raw/003_432db8467158d625.txt (lines quoted) and geo/gazetteer.csv,
through the six-body fixture DB in tests/fixture_db.py.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from machikurabe import db
from machikurabe.safe_text import markdown_escape
from machikurabe.ui import maps
from machikurabe.ui.boundaries import N03_CREDIT_JA, BoundaryError

VIRIDIS_LOW = [68, 1, 84]  # first stop of plotly's Viridis
VIRIDIS_HIGH = [253, 231, 37]  # last stop


@pytest.fixture(scope="module")
def bodies(fixture_db) -> pd.DataFrame:
    con = db.connect(fixture_db)
    try:
        return db.run_query(con, "map_bodies")
    finally:
        con.close()


@pytest.fixture(scope="module")
def corrections(fixture_db) -> pd.DataFrame:
    con = db.connect(fixture_db)
    try:
        return db.run_query(con, "map_corrections", {"field": "welfare_rate_pct"})
    finally:
        con.close()


@pytest.fixture(scope="module")
def municipal(bodies) -> pd.DataFrame:
    return maps.split_bodies(bodies)[0]


def by_code(points: pd.DataFrame, code: str) -> dict:
    rows = points[points["code"] == code]
    assert len(rows) == 1, f"expected one row for {code}"
    return rows.iloc[0].to_dict()


def test_map_bodies_query_sums_promoters(bodies):
    rows = bodies.set_index("code")
    assert len(bodies) == 6
    # 釧路市 line 73: 常勤1人、非常勤1人 -> 2; 京極町 2人; 音威子府村 1人 (only the 多機関 section states a count).
    assert rows.loc["01206", "promoter_count"] == 2
    assert rows.loc["01399", "promoter_count"] == 2
    assert rows.loc["01470", "promoter_count"] == 1
    # A prefectural plan states no promoters: missing, not 0.
    assert pd.isna(rows.loc["02000", "promoter_count"])


def test_map_corrections_query_is_bound_to_field(corrections):
    assert set(corrections["field"]) == {"welfare_rate_pct"}
    assert set(corrections["municipality_code"]) == {"01399", "13107"}


def test_split_bodies_keeps_prefectural_plans_apart(bodies):
    municipal, prefectural = maps.split_bodies(bodies)
    assert sorted(municipal["name"]) == sorted(["釧路市", "京極町", "音威子府村", "墨田区"])
    assert sorted(prefectural["name"]) == ["東京都", "青森県"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("population", "population"), ("promoter_count", "promoter_count"), (["welfare_rate_pct"], "welfare_rate_pct"),
     ("'; DROP TABLE municipalities; --", maps.DEFAULT_INDICATOR), (None, maps.DEFAULT_INDICATOR),
     ("elementary_schools", maps.DEFAULT_INDICATOR)],
)
def test_parse_indicator(raw, expected):
    assert maps.parse_indicator(raw) == expected


def test_all_map_indicators_are_known_columns(bodies):
    for key in maps.MAP_INDICATORS:
        assert key in bodies.columns


def test_one_point_per_body_with_coordinates(municipal):
    scale = maps.make_scale(municipal["ageing_rate_pct"], "ageing_rate_pct")
    points = maps.point_rows(municipal, "ageing_rate_pct", "ja", scale)
    assert sorted(points["code"]) == ["01206", "01399", "01470", "13107"]
    kushiro = by_code(points, "01206")
    # geo/gazetteer.csv: 01206 釧路市 42.984854, 144.381356
    assert kushiro["lat"] == pytest.approx(42.98, abs=0.01)
    assert kushiro["lon"] == pytest.approx(144.38, abs=0.01)
    assert kushiro["name"] == "釧路市"


def test_linear_viridis_positions(municipal):
    # 高齢化率 as printed: 釧路市 33.2 (L13), 京極町 35.2 (L102), 音威子府村 30.6 (L296), 墨田区 22.3.
    scale = maps.make_scale(municipal["ageing_rate_pct"], "ageing_rate_pct")
    assert (scale.vmin, scale.vmax, scale.log) == (22.3, 35.2, False)
    assert scale.position(33.2) == pytest.approx((33.2 - 22.3) / (35.2 - 22.3))
    points = maps.point_rows(municipal, "ageing_rate_pct", "ja", scale)
    assert by_code(points, "01399")["fill_rgba"][:3] == VIRIDIS_HIGH  # highest value: yellow end
    assert by_code(points, "13107")["fill_rgba"][:3] == VIRIDIS_LOW  # lowest value: purple end
    # Circle size repeats the order of the colour.
    assert by_code(points, "01399")["radius_m"] > by_code(points, "01206")["radius_m"] > by_code(points, "13107")["radius_m"]


def test_log_scale_for_population(municipal):
    # 人口: 音威子府村 734 (L295) ... 墨田区 274,296: more than two decades apart, so log10.
    scale = maps.make_scale(municipal["population"], "population")
    assert scale.log
    assert scale.position(734) == 0.0
    assert scale.position(274296) == 1.0
    expected = (math.log10(168730) - math.log10(734)) / (math.log10(274296) - math.log10(734))
    assert scale.position(168730) == pytest.approx(expected)
    ticks = scale.ticks(3)
    assert ticks[0] == pytest.approx(734) and ticks[-1] == pytest.approx(274296)
    assert ticks[1] == pytest.approx(math.sqrt(734 * 274296))  # geometric middle on a log bar


def test_missing_value_is_grey_and_listed(municipal):
    # 音威子府村 L298: 地縁組織(自治会、町内会等)加入率\t(%) -- printed without a value.
    scale = maps.make_scale(municipal["association_rate_pct"], "association_rate_pct")
    points = maps.point_rows(municipal, "association_rate_pct", "ja", scale)
    otoineppu = by_code(points, "01470")
    assert otoineppu["missing"]
    assert otoineppu["fill_rgba"] == maps.MISSING_RGBA
    assert "データなし" in otoineppu["tooltip"]
    assert maps.missing_names(municipal, "association_rate_pct", "ja") == ["音威子府村"]
    assert maps.missing_names(municipal, "ageing_rate_pct", "ja") == []
    grey = maps.MISSING_RGBA[:3]
    assert all(by_code(points, c)["fill_rgba"][:3] != grey for c in ("01206", "01399", "13107"))


def test_tooltip_japanese_name_value_and_unit(municipal):
    scale = maps.make_scale(municipal["population"], "population")
    points = maps.point_rows(municipal, "population", "ja", scale)
    kushiro = by_code(points, "01206")
    assert kushiro["name"] == "釧路市"
    assert kushiro["tooltip"] == "人口：168,730人"  # L12: 人口\t168,730 (人)


def test_tooltip_english(municipal):
    scale = maps.make_scale(municipal["households"], "households")
    points = maps.point_rows(municipal, "households", "en", scale)
    kushiro = by_code(points, "01206")
    assert kushiro["name"] == "Kushiro City (釧路市)"
    assert kushiro["tooltip"] == "Households: 94,068 households"  # L12: 世帯数\t94,068 (世帯)


def test_corrected_value_shows_what_was_printed(municipal, corrections):
    scale = maps.make_scale(municipal["welfare_rate_pct"], "welfare_rate_pct")
    points = maps.point_rows(municipal, "welfare_rate_pct", "ja", scale, corrections)
    kyogoku = by_code(points, "01399")
    # L102: 生活保護受給率\t13.8 (‰) -> stored 1.38 %
    assert kyogoku["corrected"]
    assert kyogoku["tooltip"].splitlines() == ["生活保護受給率：1.4%", "⚠ 記載どおり：13.8 (‰)"]
    assert not by_code(points, "01206")["corrected"]
    assert by_code(points, "01206")["tooltip"] == "生活保護受給率：4.9%"  # 4.92 %: one decimal for %


def test_bodies_without_coordinates_are_not_drawn(municipal):
    no_coords = municipal.copy()
    no_coords.loc[no_coords["code"] == "01206", ["lat", "lon"]] = None
    points = maps.point_rows(no_coords, "population", "ja", maps.make_scale(no_coords["population"], "population"))
    assert "01206" not in set(points["code"])
    assert len(points) == 3


def test_all_missing_gives_no_scale_and_grey_points(municipal):
    empty = municipal.assign(association_rate_pct=None)
    assert maps.make_scale(empty["association_rate_pct"], "association_rate_pct") is None
    points = maps.point_rows(empty, "association_rate_pct", "ja", None)
    assert all(rgba == maps.MISSING_RGBA for rgba in points["fill_rgba"])
    legend = maps.legend_html(None, "association_rate_pct", "ja", has_missing=True)
    assert "データなし" in legend and "linear-gradient" not in legend


def test_legend_has_gradient_and_end_labels(municipal):
    scale = maps.make_scale(municipal["ageing_rate_pct"], "ageing_rate_pct")
    legend = maps.legend_html(scale, "ageing_rate_pct", "ja", has_missing=False)
    assert "linear-gradient" in legend
    assert "rgb(68,1,84) 0%" in legend and "rgb(253,231,37) 100%" in legend
    assert "22.3%" in legend and "35.2%" in legend
    assert "高齢化率" in legend
    assert "データなし" not in legend
    assert "データなし" in maps.legend_html(scale, "ageing_rate_pct", "ja", has_missing=True)
    english = maps.legend_html(scale, "ageing_rate_pct", "en", has_missing=True)
    assert "Ageing rate" in english and "No data" in english


def test_prefecture_outlines_all_47_with_participants_highlighted():
    outlines = maps.prefecture_outlines(["北海道", "東京都"])
    assert len(outlines["features"]) == 47
    fills = {f["properties"]["name"]: f["properties"]["fill_rgba"] for f in outlines["features"]}
    assert fills["北海道"] == maps.OUTLINE_FILL_ACTIVE_RGBA
    assert fills["沖縄県"] == maps.OUTLINE_FILL_RGBA


def test_view_state_fits_points(municipal):
    points = maps.point_rows(municipal, "population", "ja", maps.make_scale(municipal["population"], "population"))
    view = maps.view_state(points)
    # From 墨田区 (35.71 N, 139.80 E) to 音威子府村 (44.73 N) and 釧路市 (144.38 E).
    assert 35.7 < view["latitude"] < 44.8
    assert 139.8 < view["longitude"] < 144.4
    assert 3.5 <= view["zoom"] <= 7
    single = maps.view_state(points[points["code"] == "13107"])
    assert single["zoom"] == 10.0


def test_deck_has_no_basemap_by_default(municipal):
    points = maps.point_rows(municipal, "population", "ja", maps.make_scale(municipal["population"], "population"))
    deck = maps.build_deck(points, maps.prefecture_outlines(["北海道"]))
    spec = json.loads(deck.to_json())
    # Streamlit drops this sentinel and draws no tiles; a missing mapStyle would make it fetch a Carto basemap.
    assert spec["mapStyle"] == maps.NO_BASEMAP_STYLE
    assert "mapProvider" not in spec
    assert [layer["id"] for layer in spec["layers"]] == ["prefecture-outlines", "municipal-points"]
    assert spec["layers"][0]["@@type"] == "GeoJsonLayer"
    assert "{name}" in deck._tooltip["html"] and "{tooltip}" in deck._tooltip["html"]


def test_deck_online_tiles_only_when_asked(municipal):
    points = maps.point_rows(municipal, "population", "ja", maps.make_scale(municipal["population"], "population"))
    spec = json.loads(maps.build_deck(points, maps.prefecture_outlines(), online_tiles=True).to_json())
    assert "cartocdn" in spec["mapStyle"]


def test_bar_chart_of_prefectural_plans(bodies):
    _, prefectural = maps.split_bodies(bodies)
    fig = maps.block_bar_figure(prefectural, "population", "ja")
    assert "人口" in fig.layout.title.text and "都道府県" in fig.layout.title.text
    assert fig.layout.xaxis.title.text == "都道府県"
    assert fig.layout.yaxis.title.text == "人口（人）"
    assert list(fig.data[0].x) == ["青森県", "東京都"]  # code order 02000, 13000
    # 青森県 L692: 人口\t1,292,709 (人); 東京都 L4162: 13,953,744
    assert list(fig.data[0].y) == [1292709, 13953744]
    assert list(fig.data[0].text) == ["1,292,709人", "13,953,744人"]
    assert any(a.text.startswith("出典") for a in fig.layout.annotations)


def test_bar_chart_labels_missing_instead_of_zero(bodies):
    _, prefectural = maps.split_bodies(bodies)
    # Both prefectural blocks print 地縁組織加入率 without a value (L696 "(%)", L4166 "—(%)").
    fig = maps.block_bar_figure(prefectural, "association_rate_pct", "ja")
    assert list(fig.data[0].y) == [None, None]
    assert sum(1 for a in fig.layout.annotations if a.text == "データなし") == 2


def test_bar_chart_marks_corrected_values(bodies):
    _, prefectural = maps.split_bodies(bodies)
    # A made-up record: the fixture has no corrected prefectural value, the marking logic is what is tested.
    corrections = pd.DataFrame([{"municipality_code": "02000", "field": "welfare_rate_pct", "raw_value": "23.4 (‰)",
                                 "value": "2.34", "rule": "per_mille_converted", "source_line": 693, "note": ""}])
    fig = maps.block_bar_figure(prefectural, "welfare_rate_pct", "ja", corrections)
    assert list(fig.data[0].text) == ["2.3% ⚠", "2.1%"]  # one decimal for %, 2.05 rounded half up


def test_bar_chart_english(bodies):
    _, prefectural = maps.split_bodies(bodies)
    fig = maps.block_bar_figure(prefectural, "ageing_rate_pct", "en")
    assert fig.layout.xaxis.title.text == "Prefecture"
    assert fig.layout.yaxis.title.text == "Ageing rate (%)"
    assert list(fig.data[0].x) == ["Aomori Prefecture (青森県)", "Tokyo Metropolis (東京都)"]
    assert any(a.text.startswith("Source") for a in fig.layout.annotations)


def test_credits_follow_what_is_drawn():
    with_boundaries = maps.credit_lines("ja", boundaries_drawn=True, online_tiles=False)
    assert N03_CREDIT_JA in with_boundaries
    assert N03_CREDIT_JA == "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
    points_only = maps.credit_lines("ja", boundaries_drawn=False, online_tiles=False)
    assert N03_CREDIT_JA not in points_only
    assert any("japanmap" in line for line in points_only)
    assert any("JpGeocode" in line for line in points_only)
    assert any("deck.gl" in line for line in points_only)
    assert not any("CARTO" in line for line in points_only)
    assert any("CARTO" in line for line in maps.credit_lines("en", False, online_tiles=True))


def test_boundary_polygons_carry_point_colour_and_tooltip(municipal):
    import geopandas as gpd
    from shapely.geometry import box

    scale = maps.make_scale(municipal["ageing_rate_pct"], "ageing_rate_pct")
    points = maps.point_rows(municipal, "ageing_rate_pct", "ja", scale)
    polygons = gpd.GeoDataFrame({"code": ["01206", "99999"]}, geometry=[box(144.0, 42.8, 144.6, 43.2), box(0, 0, 1, 1)],
                                crs="EPSG:4326")
    collection = maps.boundary_features(polygons, points)
    assert [f["properties"]["code"] for f in collection["features"]] == ["01206"]
    props = collection["features"][0]["properties"]
    assert props["name"] == "釧路市"
    assert props["fill_rgba"] == by_code(points, "01206")["fill_rgba"]
    assert props["tooltip"] == "高齢化率：33.2%"


@pytest.mark.parametrize(
    ("reason", "fragment_ja", "fragment_en"),
    [("missing", "ファイルがありません", "does not exist"), ("not_n03", "N03_007", "N03_007"),
     ("unreadable", "読み込めません", "cannot be read"), ("unsupported", ".geojson", ".geojson")],
)
def test_boundary_error_messages(reason, fragment_ja, fragment_en):
    error = BoundaryError(reason, "/tmp/N03.geojson")
    assert fragment_ja in maps.boundary_error_message(error, "ja")
    assert "/tmp/N03.geojson" in maps.boundary_error_message(error, "ja")
    assert fragment_en in maps.boundary_error_message(error, "en")


def test_round_significant():
    assert maps.round_significant(28.275) == 28.3
    assert maps.round_significant(168730) == 169000
    assert maps.round_significant(0.0631) == 0.0631
    assert maps.round_significant(0) == 0


def test_wrap_text_keeps_every_character():
    text = "出典：厚生労働省「令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業」実施計画"
    wrapped = maps.wrap_text(text, 20)
    assert wrapped.replace("<br>", "") == text
    assert all(len(part) <= 20 for part in wrapped.split("<br>"))


def test_join_names_by_language():
    assert maps.join_names(["音威子府村", "今別町"], "ja") == "音威子府村、今別町"
    assert maps.join_names(["Otoineppu Village (音威子府村)", "Imabetsu Town (今別町)"], "en") == \
        "Otoineppu Village (音威子府村), Imabetsu Town (今別町)"


# --- indicators uploaded in the session ------------------------------------------------------------------------

# A hand-written upload: two municipalities and, in the second column, one prefectural plan.
UPLOAD_META = {"user_1": {"name": "見守り訪問率", "unit": "%"}, "user_2": {"name": "サロン数", "unit": ""}}
UPLOAD_VALUES = pd.DataFrame({"code": ["01206", "13107", "02000"], "user_1": [12.5, 3.0, None],
                              "user_2": [None, 7.0, 40.0]})
UPLOAD = {"values": UPLOAD_VALUES, "meta": UPLOAD_META, "file_name": "mimamori.csv"}


@pytest.fixture(scope="module")
def uploaded_bodies(bodies) -> pd.DataFrame:
    from machikurabe.analysis import uploads

    merged, meta = uploads.merge_user_indicators(bodies, UPLOAD)
    assert meta == UPLOAD_META
    return merged


def test_uploaded_indicator_is_a_choice_only_with_its_upload():
    assert maps.indicator_keys(UPLOAD_META) == maps.MAP_INDICATORS + ("user_1", "user_2")
    assert maps.indicator_keys(None) == maps.MAP_INDICATORS
    assert maps.parse_indicator("user_1", UPLOAD_META) == "user_1"
    assert maps.parse_indicator("user_1") == maps.DEFAULT_INDICATOR  # a shared URL from another session
    assert maps.parse_indicator("user_9", UPLOAD_META) == maps.DEFAULT_INDICATOR


def test_uploaded_indicator_labels_say_uploaded():
    assert maps.indicator_label("user_1", "ja", UPLOAD_META) == "見守り訪問率（%）（アップロード）"
    assert maps.indicator_label("user_2", "ja", UPLOAD_META) == "サロン数（アップロード）"
    assert maps.indicator_label("user_1", "en", UPLOAD_META) == "見守り訪問率 (%) (uploaded)"
    assert maps.indicator_label("ageing_rate_pct", "ja", UPLOAD_META) == "高齢化率（%）"
    help_ja = maps.indicator_help("user_1", "ja", UPLOAD_META, "mimamori.csv")
    assert "mimamori\\.csv" in help_ja and "このセッションの間だけ" in help_ja and "確認していません" in help_ja
    help_en = maps.indicator_help("user_2", "en", UPLOAD_META, "mimamori.csv")
    assert "this session only" in help_en and "not checked" in help_en and "(not stated in the file)" in help_en


def test_uploaded_source_line_names_the_file_not_mhlw():
    ja = maps.source_text("user_1", "ja", UPLOAD_META, "mimamori.csv")
    assert ja.startswith("出典：") and "mimamori.csv" in ja and "厚生労働省" not in ja
    assert "Source: file uploaded by the user, “mimamori.csv”" in maps.source_text("user_1", "en", UPLOAD_META, "mimamori.csv")
    assert "厚生労働省" in maps.source_text("ageing_rate_pct", "ja", UPLOAD_META, "mimamori.csv")


def test_uploaded_points_coloured_by_the_users_values(uploaded_bodies):
    municipal = maps.split_bodies(uploaded_bodies)[0]
    scale = maps.make_scale(municipal["user_1"], "user_1")
    assert (scale.vmin, scale.vmax, scale.log) == (3.0, 12.5, False)
    points = maps.point_rows(municipal, "user_1", "ja", scale, None, UPLOAD_META)
    kushiro, sumida = by_code(points, "01206"), by_code(points, "13107")
    assert kushiro["value"] == 12.5 and kushiro["fill_rgba"][:3] == VIRIDIS_HIGH
    assert sumida["value"] == 3.0 and sumida["fill_rgba"][:3] == VIRIDIS_LOW
    assert kushiro["tooltip"] == "見守り訪問率：12.5%"
    assert sumida["tooltip"] == "見守り訪問率：3.0%"
    # Bodies not in the file are grey and listed, as for a value missing from the plans.
    for code in ("01399", "01470"):
        assert by_code(points, code)["fill_rgba"] == maps.MISSING_RGBA
        assert by_code(points, code)["tooltip"] == "見守り訪問率：データなし"
    assert maps.missing_names(municipal, "user_1", "ja") == ["京極町", "音威子府村"]
    english = maps.point_rows(municipal, "user_2", "en", maps.make_scale(municipal["user_2"], "user_2"), None, UPLOAD_META)
    assert by_code(english, "13107")["tooltip"] == "サロン数: 7.0"


def test_uploaded_legend_is_labelled(uploaded_bodies):
    municipal = maps.split_bodies(uploaded_bodies)[0]
    scale = maps.make_scale(municipal["user_1"], "user_1")
    legend = maps.legend_html(scale, "user_1", "ja", has_missing=True, user_meta=UPLOAD_META)
    assert "見守り訪問率（%）（アップロード）" in legend
    assert "3.0%" in legend and "12.5%" in legend and "データなし" in legend


def test_uploaded_bar_chart_of_prefectural_plans(uploaded_bodies):
    prefectural = maps.split_bodies(uploaded_bodies)[1]
    assert maps.has_values(prefectural, "user_2") and not maps.has_values(prefectural, "user_1")
    fig = maps.block_bar_figure(prefectural, "user_2", "ja", None, UPLOAD_META, "mimamori.csv")
    assert list(fig.data[0].x) == ["青森県", "東京都"]
    assert list(fig.data[0].y) == [40.0, None]
    assert list(fig.data[0].text) == ["40.0", "データなし"]
    assert fig.layout.yaxis.title.text == "サロン数（アップロード）"
    source = next(a.text for a in fig.layout.annotations if a.text.startswith("出典"))
    assert "mimamori.csv" in source.replace("<br>", "") and "厚生労働省" not in source


def test_uploaded_names_cannot_inject_markup(uploaded_bodies):
    meta = {"user_1": {"name": "<a href='x'>率</a>", "unit": ""}}
    prefectural = maps.split_bodies(uploaded_bodies)[1].assign(user_1=[1.0, 2.0])
    fig = maps.block_bar_figure(prefectural, "user_1", "ja", None, meta, "f.csv")
    assert "<a href" not in fig.layout.title.text and "&lt;a href" in fig.layout.title.text
    # every ASCII punctuation mark escaped (the colon too: no scheme survives)
    assert markdown_escape("[x](javascript:alert(1)).csv") == "\\[x\\]\\(javascript\\:alert\\(1\\)\\)\\.csv"


def test_many_missing_bars_get_upright_labels(uploaded_bodies):
    # Six plans, one value: the five "データなし" labels stand upright so they do not overlap.
    prefectural = maps.split_bodies(uploaded_bodies)[1]
    six = pd.concat([prefectural] * 3, ignore_index=True).assign(code=[f"{i:02d}000" for i in range(1, 7)])
    six["user_2"] = [None, None, None, None, None, 20.0]
    fig = maps.block_bar_figure(six, "user_2", "ja", None, UPLOAD_META, "mimamori.csv")
    labels = [a for a in fig.layout.annotations if a.text == "データなし"]
    assert len(labels) == 5 and all(a.textangle == -90 for a in labels)
    two = maps.block_bar_figure(prefectural, "association_rate_pct", "ja")
    assert all(a.textangle in (0, None) for a in two.layout.annotations if a.text == "データなし")


# --- issue 12/14: the plan figures as the map's second mode -------------------------------------------------------

NATIONAL_IDS = ("ageing_rate_pct", "A1101", "area_km2", "density_per_km2")


@pytest.mark.parametrize("raw, expected", [
    ("ageing_rate_pct", "national"),  # a national id wins: the national map is the default
    ("A1101", "national"),
    ("plan:ageing_rate_pct", "plan"),
    ("welfare_rate_pct", "plan"),  # a plan-only key keeps its old links working
    ("population", "plan"),
    ("plan:<script>", None),
    ("nonsense", None),
    (None, None),
])
def test_mode_from_url(raw, expected):
    assert maps.mode_from_url(raw, NATIONAL_IDS) == expected


def test_plan_key_in_url_prefixed_only_when_a_national_id_shares_it():
    assert maps.url_value("ageing_rate_pct", NATIONAL_IDS) == "plan:ageing_rate_pct"
    assert maps.url_value("population", NATIONAL_IDS) == "population"
    assert maps.parse_indicator("plan:density_per_km2") == "density_per_km2"


def test_missing_value_tooltip_shows_what_was_printed():
    corrections = pd.DataFrame({"municipality_code": ["02321", "01470", "01399"],
                                "field": ["association_rate_pct"] * 3,
                                "raw_value": ["未集計(%)", "(%)", "13.8 (‰)"], "value": [None, None, 1.38]})
    printed = maps.printed_when_missing(corrections, "association_rate_pct")
    assert printed == {"02321": "未集計(%)", "01470": "(%)"}  # 01399 has a value: not a missing one
    assert maps.tooltip_detail("association_rate_pct", None, "ja", printed_missing="未集計(%)") == \
        "地縁組織加入率：データなし\n記載：未集計(%)"
    assert maps.tooltip_detail("association_rate_pct", None, "en", printed_missing="未集計(%)").endswith(
        "\nAs printed: 未集計(%)")


def test_tiles_reachable_is_remembered(monkeypatch):
    import socket

    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("offline")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(maps, "_REACHABLE", {})
    assert maps.tiles_reachable("tiles.invalid") is False
    assert maps.tiles_reachable("tiles.invalid") is False
    assert len(calls) == 1


def test_an_uploaded_values_file_note_reaches_the_map_tooltip(uploaded_bodies):
    """Issue 18 item 3: a place whose cell was 「x」 in the file says 秘匿 on the map, not only 「データなし」."""
    municipal = maps.split_bodies(uploaded_bodies)[0]
    code = municipal["code"].iloc[0]
    meta = {"user_9": {"name": "訪問数", "unit": "件", "status": {code: "confidential"}}}
    rows = maps.point_rows(municipal.assign(user_9=None), "user_9", "ja", None, None, meta)
    assert rows.set_index("code").at[code, "value_text"].endswith("（「x」（秘匿））")
