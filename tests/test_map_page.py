"""Tests for pages/map.py: Streamlit AppTest of the page logic on the fixture DB, and a headless-Chromium run of the app."""

from __future__ import annotations

import re

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from machikurabe.analysis.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "map.py")


@pytest.fixture
def app(fixture_db, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    # No N03 file: the page must fall back to points (the developer's geo/N03.geojson must not leak in).
    monkeypatch.setenv("MACHIKURABE_N03", str(tmp_path / "absent" / "N03.geojson"))
    return plan_mode(AppTest.from_file(PAGE, default_timeout=60))


def plan_mode(at: AppTest) -> AppTest:
    """The tests below are of the plan-figure map; since issue 12 the national choropleth is the default mode."""
    at.session_state["map_mode"] = "plan"
    return at


def deck_spec(at: AppTest) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1, "expected exactly one pydeck map"
    return json.loads(charts[0].proto.json)


def point_layer(spec: dict) -> list[dict]:
    layer = next(layer for layer in spec["layers"] if layer["id"] == "municipal-points")
    return layer["data"]


def bar_spec(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1, "expected exactly one plotly chart"
    return json.loads(charts[0].proto.spec)


def captions(at: AppTest) -> str:
    """The captions as a reader sees them: Markdown escapes (and safe_text's word joiners) removed."""
    return shown("\n".join(c.value for c in at.caption))


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def test_default_page_draws_points_over_outlines(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "地図"
    spec = deck_spec(at)
    assert spec["mapStyle"] == "__MAP_STYLE__"  # no tiles unless the online checkbox is ticked
    assert [layer["id"] for layer in spec["layers"]] == ["prefecture-outlines", "municipal-points"]
    rows = {row["code"]: row for row in point_layer(spec)}
    assert sorted(rows) == ["01206", "01399", "01470", "13107"]
    assert rows["01206"]["tooltip"] == "高齢化率：33.2%"  # L13: 高齢化率\t33.2 (%)
    assert at.checkbox[0].label == "背景地図（オンライン）" and at.checkbox[0].value is False
    # ageing_rate_pct is also a national indicator: the plan-figure map is linked as plan:ageing_rate_pct
    assert at.query_params["indicator"] == "plan:ageing_rate_pct"
    # Without a boundary file one short line points to データと方法; no set-up instructions for visitors (issue 14)
    assert any("「データと方法」" in c for c in captions(at).splitlines())
    assert not any("MACHIKURABE_N03" in e.value or "python -m" in e.value for e in list(at.info) + list(at.caption))
    assert "国土数値情報（行政区域データ）" not in captions(at)
    assert len(at.get("plotly_chart")) == 1


def test_changing_indicator_changes_data_and_url(app):
    at = app.run()
    at.selectbox[0].set_value("population").run()
    assert not at.exception
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01206"]["tooltip"] == "人口：168,730人"  # L12
    assert rows["01470"]["tooltip"] == "人口：734人"
    assert at.query_params["indicator"] == "population"
    bar = bar_spec(at)
    assert bar["data"][0]["y"] == [1292709, 13953744]  # 青森県 L692, 東京都


def test_indicator_from_url(app):
    app.query_params["indicator"] = "association_rate_pct"
    at = app.run()
    assert at.selectbox[0].value == "association_rate_pct"
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01470"]["fill_rgba"] == [150, 150, 150, 200]
    assert "データなし（灰色）：音威子府村" in captions(at)


def test_unknown_indicator_in_url_falls_back(app):
    app.query_params["indicator"] = "<script>"
    at = app.run()
    assert not at.exception
    assert at.selectbox[0].value == "ageing_rate_pct"


def test_corrected_values_are_marked(app):
    app.query_params["indicator"] = "welfare_rate_pct"
    at = app.run()
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01399"]["tooltip"] == "生活保護受給率：1.4%\n⚠ 記載どおり：13.8 (‰)"  # L102
    assert "⚠" in captions(at)


def test_language_toggle_changes_labels(app):
    app.session_state["lang"] = "en"
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Map"
    assert "Map sources and credits" in captions(at) and "deck.gl" in captions(at)
    assert at.selectbox[0].label == "Indicator"
    assert at.checkbox[0].label == "Background map (online)"
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01206"]["name"] == "Kushiro City (釧路市)"
    assert rows["01206"]["tooltip"] == "Ageing rate: 33.2%"
    bar = bar_spec(at)
    assert bar["layout"]["xaxis"]["title"]["text"] == "Prefecture"


def test_online_tiles_only_after_opt_in(app):
    at = app.run()
    at.checkbox[0].check().run()
    assert not at.exception
    assert "cartocdn" in deck_spec(at)["mapStyle"]
    assert "© CARTO, © OpenStreetMap contributors" in captions(at)


def test_prefecture_filter_limits_map_and_chart(app):
    app.session_state["filters"] = Filters(prefectures=["東京都"])
    at = app.run()
    rows = point_layer(deck_spec(at))
    assert [row["code"] for row in rows] == ["13107"]
    assert bar_spec(at)["data"][0]["x"] == ["東京都"]


def test_filter_with_no_municipality_shows_message_not_empty_map(app):
    app.session_state["filters"] = Filters(kinds=["prefecture"])
    at = app.run()
    assert not at.exception
    assert len(at.get("deck_gl_json_chart")) == 0
    assert any("市区町村がない" in info.value for info in at.info)
    assert len(at.get("plotly_chart")) == 1


def test_filter_with_no_prefectural_plan_hides_bar_chart(app):
    app.session_state["filters"] = Filters(kinds=["village"])
    at = app.run()
    assert [row["code"] for row in point_layer(deck_spec(at))] == ["01470"]
    assert len(at.get("plotly_chart")) == 0
    assert any("都道府県の計画がない" in info.value for info in at.info)


def test_programme_filter(app):
    # Only the prefectural blocks run the 都道府県事業 in the fixture.
    app.session_state["filters"] = Filters(programme="prefectural")
    at = app.run()
    assert len(at.get("deck_gl_json_chart")) == 0
    assert bar_spec(at)["data"][0]["x"] == ["青森県", "東京都"]


def test_boundaries_drawn_with_credit(fixture_db, monkeypatch, tmp_path):
    squares = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"N03_007": "01206"},
         "geometry": {"type": "Polygon", "coordinates": [[[144.0, 42.8], [144.6, 42.8], [144.6, 43.2], [144.0, 43.2], [144.0, 42.8]]]}},
    ]}
    n03 = tmp_path / "N03.geojson"
    n03.write_text(json.dumps(squares), encoding="utf-8")
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    monkeypatch.setenv("MACHIKURABE_N03", str(n03))
    at = plan_mode(AppTest.from_file(PAGE, default_timeout=60)).run()
    assert not at.exception
    spec = deck_spec(at)
    boundary = next(layer for layer in spec["layers"] if layer["id"] == "municipal-boundaries")
    assert [f["properties"]["name"] for f in boundary["data"]["features"]] == ["釧路市"]
    text = captions(at)
    assert "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成" in text
    # The other three bodies are not in the file and stay points.
    assert "京極町" in text and "音威子府村" in text and "墨田区" in text


def test_broken_boundary_file_gives_clear_message(fixture_db, monkeypatch, tmp_path):
    n03 = tmp_path / "N03.geojson"
    n03.write_text("this is not GeoJSON", encoding="utf-8")
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    monkeypatch.setenv("MACHIKURABE_N03", str(n03))
    at = plan_mode(AppTest.from_file(PAGE, default_timeout=60)).run()
    assert not at.exception
    assert any("使えません" in w.value and "N03.geojson" in w.value for w in at.warning)
    assert [layer["id"] for layer in deck_spec(at)["layers"]] == ["prefecture-outlines", "municipal-points"]


# --- indicators uploaded in the session ----------------------------------------------------------------------

# Hand-written, as the Peers page would store it: 釧路市 12.5, 墨田区 3.0; nothing for 京極町, 音威子府村 or the prefectures.
def upload(prefecture_value: float | None = None) -> dict:
    codes, values = ["01206", "13107"], [12.5, 3.0]
    if prefecture_value is not None:
        codes, values = codes + ["13000"], values + [prefecture_value]
    return {"values": pd.DataFrame({"code": codes, "user_1": values}),
            "meta": {"user_1": {"name": "見守り訪問率", "unit": "%"}}, "file_name": "mimamori.csv"}


def test_uploaded_indicator_is_offered_and_colours_the_map(app, fixture_db):
    before = fixture_db.read_bytes()
    app.session_state["user_indicators"] = upload()
    at = app.run()
    assert not at.exception
    box = at.selectbox[0]
    assert box.options[-1] == "見守り訪問率（%）（アップロード）"
    assert box.value == "ageing_rate_pct"
    box.set_value("user_1").run()
    assert not at.exception
    assert at.selectbox[0].value == "user_1"
    assert "このセッションの間だけ" in at.selectbox[0].help and "mimamori" in at.selectbox[0].help
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01206"]["tooltip"] == "見守り訪問率：12.5%"
    assert rows["13107"]["tooltip"] == "見守り訪問率：3.0%"
    assert rows["01206"]["fill_rgba"][:3] == [253, 231, 37]  # highest uploaded value: yellow end of viridis
    assert rows["13107"]["fill_rgba"][:3] == [68, 1, 84]
    assert rows["01399"]["fill_rgba"] == rows["01470"]["fill_rgba"] == [150, 150, 150, 200]
    text = captions(at)
    assert "出典：利用者がアップロードしたファイル「mimamori.csv」" in text
    assert "厚生労働省" not in text
    assert "データなし（灰色）：京極町、音威子府村" in text
    assert at.query_params["indicator"] == "user_1"
    # The upload has no prefectural value: a message instead of a chart of empty bars.
    assert len(at.get("plotly_chart")) == 0
    assert any("青森県、東京都" in info.value for info in at.info)
    assert fixture_db.read_bytes() == before  # the upload never reaches the DuckDB file


def test_uploaded_prefectural_values_give_a_bar_chart(app):
    app.session_state["user_indicators"] = upload(prefecture_value=20.0)
    app.query_params["indicator"] = "user_1"
    at = app.run()
    assert not at.exception
    assert at.selectbox[0].value == "user_1"
    bar = bar_spec(at)
    assert bar["data"][0]["x"] == ["青森県", "東京都"]
    assert bar["data"][0]["y"] == [None, 20.0]
    assert bar["layout"]["yaxis"]["title"]["text"] == "見守り訪問率（%）（アップロード）"
    sources = [a["text"] for a in bar["layout"]["annotations"] if a["text"].startswith("出典")]
    assert len(sources) == 1 and "mimamori.csv" in sources[0].replace("<br>", "")


def test_uploaded_indicator_in_english(app):
    app.session_state["lang"] = "en"
    app.session_state["user_indicators"] = upload()
    app.query_params["indicator"] = "user_1"
    at = app.run()
    assert at.selectbox[0].options[-1] == "見守り訪問率 (%) (uploaded)"
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["01206"]["tooltip"] == "見守り訪問率: 12.5%"
    assert "Source: file uploaded by the user" in captions(at)


def test_uploaded_key_in_url_without_upload_falls_back(app):
    app.query_params["indicator"] = "user_1"
    at = app.run()
    assert not at.exception
    assert at.selectbox[0].value == "ageing_rate_pct"
    assert "（アップロード）" not in "".join(at.selectbox[0].options)


def test_upload_removed_later_in_session_falls_back(app):
    # The map had the uploaded indicator chosen; the user then removed the upload on the Peers page.
    app.session_state["map_indicator"] = "user_1"
    at = app.run()
    assert not at.exception
    assert at.selectbox[0].value == "ageing_rate_pct"
    assert at.query_params["indicator"] == "plan:ageing_rate_pct"


# --- national choropleth (the default mode since issue 12), on the real build --------------------------------------

@pytest.fixture
def national(real_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    return AppTest.from_file(PAGE, default_timeout=120)


def national_layers(at: AppTest) -> dict:
    return {layer["id"]: layer for layer in deck_spec(at)["layers"]}


def legend_text(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "mk-choropleth-legend" in m.value)


def test_national_choropleth_is_the_default(national):
    at = national.run()
    assert not at.exception
    assert at.radio[0].value == "national"
    assert at.selectbox[0].value == "ageing_rate_pct" and at.selectbox[1].value == 2020  # latest year
    layers = national_layers(at)
    assert list(layers)[:3] == ["national-municipalities", "model-project-towns", "prefecture-lines"]
    features = layers["national-municipalities"]["data"]["features"]
    assert len(features) == 1741
    assert deck_spec(at)["mapStyle"] == "__MAP_STYLE__"
    # the place picker's default (横手市) is outlined and named above the map
    assert layers["chosen-place"]["data"]["features"][0]["properties"]["code"] == "05203"
    assert any("横手市" in m.value and "510位" in m.value for m in at.markdown)
    assert "41.3%以上 65.2%以下" in legend_text(at)
    text = captions(at)
    assert "SSDSE（教育用標準データセット）" in text and "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成" in text
    assert "定義：高齢化率 = 65歳以上人口 ÷ 総人口 × 100" in text and "計算式：" not in text  # the formula once, in words
    assert at.query_params["indicator"] == "ageing_rate_pct"
    zoom = at.get("button_group")[0]
    assert zoom.proto.options[0].content == "＋ 拡大" and len(zoom.proto.options) == 3


def test_national_second_indicator_and_year(national):
    at = national.run()
    at.selectbox[0].set_value("A1101").run()
    assert not at.exception
    assert at.query_params["indicator"] == "A1101"
    assert at.selectbox[1].value == 2020
    at.selectbox[1].set_value(2015).run()
    assert not at.exception
    features = national_layers(at)["national-municipalities"]["data"]["features"]
    assert any(f["properties"]["tooltip"].startswith("秋田県\n総人口：") and "（2015年）" in f["properties"]["tooltip"]
               for f in features if f["properties"]["code"] == "05203")
    assert "人以上" in legend_text(at)


def test_national_from_url_in_english_with_a_place(national):
    national.session_state["lang"] = "en"
    national.query_params["indicator"] = "A1101"
    national.query_params["code"] = "01206"
    at = national.run()
    assert not at.exception
    assert at.title[0].value == "Map"
    assert at.selectbox[0].value == "A1101"
    assert at.radio[0].options == ["All municipalities (national statistics)", "Plan figures of the model projects"]
    layers = national_layers(at)
    assert layers["chosen-place"]["data"]["features"][0]["properties"]["code"] == "01206"
    kushiro = next(f for f in layers["national-municipalities"]["data"]["features"] if f["properties"]["code"] == "01206")
    assert kushiro["properties"]["name"] == "Kushiro City"
    # issue 19: the line read 「Kushiro City (釧路市) (Hokkaido (北海道))」 — kanji in parentheses in English
    chosen = [m.value for m in at.markdown if m.value.startswith("Chosen place")]
    assert chosen == ["Chosen place\\: Kushiro City \\(Hokkaido\\) — 165\\,077 persons\\, Rank 167 of 1\\,741 in Japan"]
    assert "Total population: " in kushiro["properties"]["tooltip"] and "persons (2020)" in kushiro["properties"]["tooltip"]
    assert "In the FY2019 model projects" in kushiro["properties"]["tooltip"]
    assert "persons to" in legend_text(at) and "No data" not in legend_text(at)
    assert "Processed from 国土数値情報" in captions(at)


def test_plan_key_in_url_opens_the_plan_figures(national):
    national.query_params["indicator"] = "welfare_rate_pct"
    at = national.run()
    assert not at.exception
    assert at.radio[0].value == "plan"
    assert at.selectbox[0].value == "welfare_rate_pct"
    assert "municipal-points" in national_layers(at)


def test_plan_prefix_for_a_shared_name(real_db, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["indicator"] = "plan:ageing_rate_pct"
    at.run()
    assert at.radio[0].value == "plan" and at.selectbox[0].value == "ageing_rate_pct"
    # every missing value that was printed as something shows that text in the tooltip (issue 14)
    at.selectbox[0].set_value("association_rate_pct").run()
    rows = {row["code"]: row for row in point_layer(deck_spec(at))}
    assert rows["02321"]["tooltip"] == "地縁組織加入率：データなし\n記載：未集計(%)"  # 鰺ヶ沢町 prints 未集計(%)


def test_online_tiles_offline_says_so(national, monkeypatch):
    from machikurabe.ui import maps

    monkeypatch.setattr(maps, "tiles_reachable", lambda *a, **k: False)
    national.query_params["tiles"] = "1"
    at = national.run()
    assert not at.exception
    assert at.checkbox[0].value is True
    assert any("読み込めませんでした" in w.value for w in at.warning)
    assert "cartocdn" in deck_spec(at)["mapStyle"]
    assert at.query_params["tiles"] == "1"


def test_zoom_buttons_change_the_view(national):
    at = national.run()
    zoom = at.get("button_group")[0]
    zoom.set_value("in").run()
    assert not at.exception
    view = deck_spec(at)["initialViewState"]
    assert view["zoom"] == pytest.approx(4.9)  # the national view's 3.9, one step in
    assert view["latitude"] == pytest.approx(39.31, abs=0.01)  # centred on 横手市
    at.get("button_group")[0].set_value("in").run()  # a second press acts again
    assert deck_spec(at)["initialViewState"]["zoom"] == pytest.approx(5.9)
    at.get("button_group")[0].set_value("reset").run()
    assert deck_spec(at)["initialViewState"]["zoom"] == pytest.approx(3.9)


# --- browser -------------------------------------------------------------------------------------------------

from tests.browser_helpers import (  # noqa: E402
    SCREENSHOT_DIR,
    browser_page,
    exception_texts,
    running_app,
    screenshot,
    skip_without_chromium,
    wait_for_app,
)


def _real_or_fixture_db(fixture_db: Path) -> Path:
    from machikurabe import db

    real = db.db_path()
    return real if real.exists() else fixture_db


@pytest.mark.browser
@skip_without_chromium
def test_map_in_chromium(tmp_path, fixture_db):
    db_file = _real_or_fixture_db(fixture_db)
    requests: list[str] = []
    with running_app(db_path=db_file, extra_env={"MACHIKURABE_N03": str(tmp_path / "no" / "N03.geojson")}) as url, \
            browser_page(width=1500, height=1300) as page:
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{url}/")
        wait_for_app(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/map"]').first.click()
        page.wait_for_selector("#deckgl-overlay", timeout=60_000)
        wait_for_app(page)
        # the national choropleth is the default since issue 12: this test is of the plan-figure mode
        page.get_by_text("モデル事業の計画の数値").first.click()
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        wait_for_app(page)
        assert exception_texts(page) == []
        canvas = page.locator("#deckgl-overlay").first
        box = canvas.bounding_box()
        assert box["width"] > 300 and box["height"] > 400
        assert page.get_by_text("背景地図（オンライン）").count() == 1
        # Hover over the map until deck.gl shows a body's tooltip (a grid walk, not a timed wait).
        tooltip_text = ""
        for y in range(20, int(box["height"]) - 10, 12):
            for x in range(10, int(box["width"]) - 10, 12):
                page.mouse.move(box["x"] + x, box["y"] + y)
                tip = page.locator(".deck-tooltip")
                if tip.count() and tip.first.is_visible() and tip.first.inner_text().strip():
                    tooltip_text = tip.first.inner_text()
                    break
            if tooltip_text:
                break
        assert "高齢化率：" in tooltip_text and "%" in tooltip_text
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "map.png"), full_page=True)
        # Only the map's own traffic is checked here (the app shell's favicon is another module's concern).
        tile_hosts = ("carto", "mapbox", "openstreetmap", "maplibre", "tile", "googleapis.com/maps")
        external = [u for u in requests if not u.startswith(url) and any(h in u for h in tile_hosts)]
        assert external == [], f"the map went online without the checkbox: {external[:5]}"


@pytest.mark.browser
@skip_without_chromium
def test_uploaded_indicator_on_map_in_chromium(tmp_path):
    """The whole path a user takes: upload on 比較, then choose the indicator on 地図 in the same session."""
    db_file = _real_or_fixture_db(tmp_path)
    csv_file = tmp_path / "mimamori.csv"
    csv_file.write_text("コード,見守り訪問率\n01206,12.5\n13107,3.0\n13000,20.0\n", encoding="utf-8-sig")
    with running_app(db_path=db_file, extra_env={"MACHIKURABE_N03": str(tmp_path / "no" / "N03.geojson")}) as url, \
            browser_page(width=1500, height=1300) as page:
        page.goto(f"{url}/")
        wait_for_app(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/peers"]').first.click()
        page.get_by_role("tab", name="独自の指標").click()
        page.wait_for_selector('[data-testid="stFileUploader"] input[type="file"]', state="attached", timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(csv_file))
        page.get_by_role("button", name="この指標を追加する").click()
        page.get_by_text("このセッションで追加済みの指標：見守り訪問率").first.wait_for(timeout=60_000)
        wait_for_app(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/map"]').first.click()
        page.wait_for_selector("#deckgl-overlay", timeout=60_000)
        wait_for_app(page)
        page.get_by_text("モデル事業の計画の数値").first.click()  # uploads join the plan-figure mode
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        wait_for_app(page)
        page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
        page.get_by_role("option", name="見守り訪問率（%）（アップロード）").click()
        page.get_by_text("利用者がアップロードしたファイル「mimamori.csv」", exact=False).first.wait_for(timeout=60_000)
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        wait_for_app(page)
        assert exception_texts(page) == []
        assert "indicator=user_1" in page.url
        screenshot(page, "map_uploaded")


@pytest.mark.browser
@skip_without_chromium
def test_national_map_in_chromium(real_db):
    """/map opens on the national choropleth: the deck.gl canvas is drawn and no exception is on the page."""
    with running_app(db_path=real_db) as url, browser_page(width=1440, height=1100) as page:
        page.goto(f"{url}/map")
        wait_for_app(page)
        page.wait_for_selector("#deckgl-overlay", state="visible", timeout=60_000)
        wait_for_app(page)
        assert exception_texts(page) == []
        box = page.locator("#deckgl-overlay").first.bounding_box()
        assert box["width"] > 400 and box["height"] > 500
        assert page.get_by_text("凡例（五分位）").count() == 1
        assert "indicator=ageing_rate_pct" in page.url
        screenshot(page, "map_national")


def test_a_link_reproduces_the_year(real_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120)
    at.query_params["indicator"] = "A1101"
    at.query_params["year"] = "2015"
    at.switch_page("pages/map.py")
    at.run()
    assert not at.exception
    assert at.session_state["map_national_year"] == 2015
    value = at.query_params.get("year")
    assert (value[0] if isinstance(value, list) else value) == "2015"


def test_national_map_offers_the_table_as_csv_and_xlsx_files(national):
    """The national map's table went out through a bare CSV button (no 出典, no stamp); it now goes through
    state.offer_files, CSV and XLSX, as every other table of the app."""
    at = national.run()
    assert not at.exception
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert "CSV（UTF-8 BOM付き）" in buttons and "Excel（xlsx）" in buttons
    assert "CSVをダウンロード（UTF-8 BOM付き）" not in buttons


def test_plan_map_names_the_shipped_boundaries_in_words_not_by_file(fixture_db, monkeypatch):
    """The plan-figure map said 「市区町村の境界：municipalities.geojson（…団体を塗り分け）」: a file name."""
    from machikurabe.ui.boundaries import SHIPPED_BOUNDARIES_PATH

    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    monkeypatch.setenv("MACHIKURABE_N03", str(SHIPPED_BOUNDARIES_PATH))
    for lang, words in (("ja", "市区町村の境界：国土数値情報（行政区域データ）"),
                        ("en", "Municipal boundaries: 国土数値情報（行政区域データ）")):
        at = plan_mode(AppTest.from_file(PAGE, default_timeout=60))
        at.session_state["lang"] = lang
        at.run()
        assert not at.exception
        text = captions(at)
        assert words in text
        assert ".geojson" not in text and "README" not in text
        # the terms' wording stays in both languages, after an English line in the English view
        assert "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成" in text
        assert "Processed from 国土数値情報（行政区域データ） (MLIT, Japan)" in text or lang == "ja"


def test_national_legend_says_what_the_colours_are_and_where_they_come_from(national):
    """The legend beside the map (what a screenshot of the map keeps) read only 「凡例（五分位）」: no indicator,
    unit, year or source. It now names them, with the 国土数値情報 wording for the drawn boundaries."""
    at = national.run()
    legend = legend_text(at)
    assert "高齢化率（%）・2020年" in legend
    assert "出典：統計センター「SSDSE-A」" in legend
    assert "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成" in legend
    national.session_state["lang"] = "en"
    at = national.run()
    legend = legend_text(at)
    assert "Ageing rate (65+ share) (%), 2020" in legend and "Source: National Statistics Center, SSDSE-A" in legend
    assert "Processed from 国土数値情報（行政区域データ） (MLIT, Japan)" in legend


# --- change between two years (issue 20, item 4) ---------------------------------------------------------------------

def test_change_map_from_the_radio_and_a_link_reproduces_it(real_db, monkeypatch):
    """Choosing 2時点の変化 colours the map by the change; the URL then carries change=, from= and year= and a new
    session opened on that URL shows the same view."""
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["indicator"] = "A4101"  # 出生数: 2016–2023
    at.run()
    assert not at.exception
    view = at.radio[1]
    assert view.options == ["1年の値", "2時点の変化（人）", "2時点の増減率（%）"] and view.value == "level"
    view.set_value("diff").run()
    assert not at.exception
    assert [s.label for s in at.selectbox[1:3]] == ["前の年", "後の年"]
    assert at.selectbox[1].value == 2016 and at.selectbox[2].value == 2023  # first and latest year
    assert at.query_params["change"] == "diff" and "from" not in at.query_params and "year" not in at.query_params
    at.selectbox[2].set_value(2022).run()
    at.selectbox[1].set_value(2017).run()
    assert not at.exception
    assert at.selectbox[1].options == [str(y) + "年" for y in range(2021, 2015, -1)]  # only years before 2022
    assert at.query_params["from"] == "2017" and at.query_params["year"] == "2022"
    legend = legend_text(at)
    assert "出生数の増減（人）・2017→2022年" in legend and "凡例（0を中心に対称な区分）" in legend
    # 横手市 (the picker's default): 出生数 2017 = 494, 2022 = 337 (national_values, by hand): −157人
    layers = national_layers(at)
    yokote = next(f for f in layers["national-municipalities"]["data"]["features"]
                  if f["properties"]["code"] == "05203")
    assert yokote["properties"]["tooltip"] == "秋田県\n出生数：494人（2017年）→ 337人（2022年）\n変化：−157人"
    assert layers["chosen-place"]["data"]["features"][0]["properties"]["code"] == "05203"
    assert any("選んだ場所：横手市（秋田県）— 494人（2017年）→ 337人（2022年）、−157人" in shown(m.value) for m in at.markdown)

    again = AppTest.from_file(PAGE, default_timeout=120)
    for name in ("indicator", "change", "from", "year"):
        again.query_params[name] = at.query_params[name]
    again.run()
    assert not again.exception
    assert again.radio[1].value == "diff"
    assert again.selectbox[1].value == 2017 and again.selectbox[2].value == 2022
    assert legend_text(again) == legend_text(at)


def test_change_map_in_english_with_percent_change_and_counts(national):
    national.session_state["lang"] = "en"
    national.query_params["indicator"] = "A1101"
    national.query_params["change"] = "pct"
    at = national.run()
    assert not at.exception
    assert at.radio[1].options == ["Value in one year", "Change between two years (persons)",
                                   "Percent change between two years (%)"]
    assert [s.label for s in at.selectbox[1:3]] == ["From", "To"]
    legend = legend_text(at)
    assert "Percent change in total population (%), 2015→2020" in legend
    assert "Legend (classes symmetric around 0)" in legend and "Not computed (0 in the earlier year)" in legend
    counts = [int(n.replace(",", "")) for n in re.findall(r"\(([\d,]+)\)</span>", legend)]
    assert sum(counts) == 1741
    assert "Change map: the later year's value minus the earlier year's" in captions(at)
    assert any("Chosen place: Yokote City" in shown(m.value) and "−7.2%" in shown(m.value) for m in at.markdown)
    # a rate has no percent change: the link's pct falls back to the change in points
    national.query_params["indicator"] = "ageing_rate_pct"
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state["lang"] = "en"
    at.query_params["indicator"] = "ageing_rate_pct"
    at.query_params["change"] = "pct"
    at.run()
    assert not at.exception
    assert at.radio[1].options == ["Value in one year", "Change between two years (points)"]
    assert at.radio[1].value == "diff" and at.query_params["change"] == "diff"


def test_change_option_absent_for_an_indicator_with_one_year(national):
    national.query_params["indicator"] = "density_per_km2"  # 人口密度: 2020 only
    national.query_params["change"] = "diff"
    at = national.run()
    assert not at.exception
    assert len(at.radio) == 1  # only the map kind; no change option
    assert "この指標は1年分の値しかないため、2時点の変化は表示できません。" in captions(at)
    assert "change" not in at.query_params
    assert "凡例（五分位）" in legend_text(at)


def test_change_map_survives_a_mangled_link(national):
    """?change=pct on a rate, a year the indicator lacks and a word for a year: the page falls back, never breaks."""
    for name, value in {"indicator": "ageing_rate_pct", "change": "pct", "from": "9999", "year": "abc"}.items():
        national.query_params[name] = value
    at = national.run()
    assert not at.exception
    assert at.radio[1].value == "diff" and [s.value for s in at.selectbox[1:3]] == [2015, 2020]
    assert at.query_params["change"] == "diff" and "from" not in at.query_params and "year" not in at.query_params


@pytest.mark.browser
@skip_without_chromium
def test_change_map_in_chromium(real_db):
    """/map?change=diff draws the deck.gl canvas with the symmetric legend, at desktop and phone widths."""
    with running_app(db_path=real_db) as url:
        for width, lang in ((1440, "ja"), (390, "en")):
            with browser_page(width=width, height=1100) as page:
                page.goto(f"{url}/map?indicator=ageing_rate_pct&change=diff&code=05203&lang={lang}")
                wait_for_app(page)
                page.wait_for_selector("#deckgl-overlay", state="visible", timeout=60_000)
                wait_for_app(page)
                assert exception_texts(page) == []
                title = "凡例（0を中心に対称な区分）" if lang == "ja" else "Legend (classes symmetric around 0)"
                assert page.get_by_text(title).count() == 1
                screenshot(page, f"map_change_{lang}_{width}")
