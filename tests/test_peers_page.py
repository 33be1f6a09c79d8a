"""Tests for pages/peers.py: Streamlit AppTest of the page on the fixture DB (URL parameters, group kinds,
levels, language, uploads in the session) and a headless-Chromium run with a screenshot and a report download."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.fixture_db import (
    KUSHIRO,
    KYOGOKU,
    OTOINEPPU,
    SUMIDA,
    TOKYO,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "peers.py")


@pytest.fixture
def app(fixture_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    return AppTest.from_file(PAGE, default_timeout=90)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_default_comparison_and_url(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "比較：類似団体とくらべる"
    assert "成績や良し悪しの判定ではありません" in markdown(at)
    assert at.query_params["code"] == [KUSHIRO] or at.query_params["code"] == KUSHIRO
    specs = charts(at)
    assert len(specs) == 4  # spine, ranked bar, scatter, programmes
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert titles[0] == "釧路市と比較グループ：指標ごとの位置"
    for spec in specs:
        notes = " ".join(a.get("text", "") for a in spec["layout"].get("annotations", []))
        assert "出典" in notes
        assert "Noto Sans CJK JP" in spec["layout"]["font"]["family"]
    # the town is drawn bold in the spine chart's legend
    assert any(trace.get("name") == "<b>釧路市</b>" for trace in specs[0]["data"])


def _param(at: AppTest, name: str):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def test_url_reproduces_comparison(app):
    app.query_params.update({"code": KYOGOKU, "group": "prefecture"})
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="peers_code").value == KYOGOKU
    assert at.radio(key="peers_group").value == "prefecture"
    # the fixture's other Hokkaido municipalities: 釧路市 and 音威子府村
    assert "北海道内の他の市区町村（2団体）" in markdown(at)
    assert _param(at, "group") == "prefecture"


def test_changing_group_updates_url(app):
    at = app.run()
    at.radio(key="peers_group").set_value("hand").run()
    at.multiselect(key="peers_hand").set_value([SUMIDA, OTOINEPPU]).run()
    assert not at.exception
    assert _param(at, "group") == "hand"
    assert _param(at, "hand") == f"{SUMIDA},{OTOINEPPU}"
    assert "手で選んだ2団体" in markdown(at)


def test_weights_survive_switching_group_kind(app):
    at = app.run()
    at.number_input(key="peers_w_ageing_rate_pct").set_value(3.0).run()
    assert "ageing_rate_pct:3" in _param(at, "w")
    at.radio(key="peers_group").set_value("size").run()
    assert "ageing_rate_pct:3" in _param(at, "w")
    at.radio(key="peers_group").set_value("nearest").run()
    assert not at.exception
    assert at.number_input(key="peers_w_ageing_rate_pct").value == 3.0
    assert "高齢化率 3" in markdown(at)


def test_prefecture_compared_only_with_prefectures(app):
    app.query_params.update({"code": TOKYO, "group": "nearest", "k": "5"})
    at = app.run()
    assert not at.exception
    # the only other prefecture in the fixture is 青森県; k is capped
    assert "最も近い1団体" in markdown(at)
    # neither prefecture printed 地縁組織加入率: it is left out of the distance, and the page says why
    assert any(i.value.startswith("地縁組織加入率は、同じ階層の団体の半数以上が記載していない") for i in at.info)
    assert "都道府県内の中央値」はありません" in "\n".join(c.value for c in at.caption)
    bar = charts(at)[1]
    names = bar["data"][0]["x"]
    assert sorted(names) == sorted(["<b>東京都</b>", "青森県"])
    at.radio(key="peers_group").set_value("hand").run()
    options = at.multiselect(key="peers_hand").options
    assert options == ["青森県"]  # no municipality is offered for a prefecture


def test_hostile_url_falls_back(app):
    app.query_params.update({"code": "<script>", "group": "worst", "k": "-3", "w": "population:1e9"})
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="peers_code").value == KUSHIRO
    assert at.radio(key="peers_group").value == "nearest"
    assert at.slider(key="peers_k").value == 1


def test_empty_group_says_so(app):
    app.query_params.update({"code": KYOGOKU, "group": "size"})
    at = app.run()
    assert not at.exception
    assert any("比較グループに団体がありません" in w.value for w in at.warning)


def test_english(app):
    app.session_state["lang"] = "en"
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Peer comparison"
    assert "not a judgement of performance" in markdown(at)
    assert charts(at)[0]["layout"]["title"]["text"] == "Kushiro City against its peers, indicator by indicator"


def test_downloads_offered(app):
    at = app.run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("CSV（UTF-8 BOM付き）") == 3 and labels.count("Excel（xlsx）") == 3
    assert "比較レポート（HTML・1ファイル）をダウンロード" in labels


def test_image_format_radio_sets_modebar_config(app):
    at = app.run()
    at.radio(key="peers_image_format").set_value("svg").run()
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["format"] == "svg"
    assert config["toImageButtonOptions"]["filename"].startswith("釧路市_")
    assert config["displaylogo"] is False


def test_uploaded_indicator_joins_views_for_the_session(app):
    app.session_state["user_indicators"] = {
        "values": pd.DataFrame({"code": [KUSHIRO, KYOGOKU, OTOINEPPU], "user_1": [10.0, 20.0, 30.0]}),
        "meta": {"user_1": {"name": "見守り訪問率", "unit": "%"}}, "file_name": "mine.csv"}
    at = app.run()
    assert not at.exception
    assert "user_1" in at.selectbox(key="peers_bar").options or any(
        "見守り訪問率" in o for o in at.selectbox(key="peers_bar").options)
    spine_labels = charts(at)[0]["data"][0]["y"]
    assert "見守り訪問率（%）" in spine_labels
    assert "追加済みの指標：見守り訪問率" in "\n".join(i.value for i in at.info)


# --- browser ---------------------------------------------------------------------------------------------------

from tests.browser_helpers import (  # noqa: E402
    browser_page,
    exception_texts,
    running_app,
    screenshot,
    skip_without_chromium,
    wait_for_app,
)

REAL_DB = ROOT / "data" / "municipal.duckdb"


def _download_chart(page):
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    with page.expect_download(timeout=60_000) as info:
        chart.locator('[data-title^="Download plot"]').first.click()
    return info.value


@pytest.mark.browser
@skip_without_chromium
def test_page_in_chromium(fixture_db, tmp_path):
    db_path = REAL_DB if REAL_DB.exists() else fixture_db
    code = KYOGOKU
    with running_app(db_path) as url, browser_page(height=1100) as page:
        page.goto(f"{url}/peers?code={code}&group=nearest&k=5")
        wait_for_app(page)
        page.wait_for_selector("text=比較グループの定義", timeout=60_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        assert exception_texts(page) == []
        path = screenshot(page, "peers")
        assert path.exists() and path.stat().st_size > 10_000
        # the chart text is drawn with a Japanese font (no tofu): the SVG carries the family list
        family = page.eval_on_selector(".js-plotly-plot .gtitle", "e => getComputedStyle(e).fontFamily")
        assert "Noto Sans CJK JP" in family
        # the modebar camera saves the chart under town_indicator_date, as PNG and, after the radio, as SVG
        png = _download_chart(page)
        assert png.suggested_filename.startswith("京極町_スパインチャート_") and png.suggested_filename.endswith(".png")
        png_path = tmp_path / "spine.png"
        png.save_as(png_path)
        assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        page.locator('[data-testid="stRadio"]').filter(has_text="PNG").get_by_text("SVG").click()
        # after the rerun plotly's button reads "Download plot" (no format word) for SVG
        page.locator(".js-plotly-plot").first.hover()
        page.wait_for_selector('.js-plotly-plot [data-title="Download plot"]', state="attached", timeout=60_000)
        svg = _download_chart(page)
        assert svg.suggested_filename.endswith(".svg")
        svg_path = tmp_path / "spine.svg"
        svg.save_as(svg_path)
        svg_text = svg_path.read_text(encoding="utf-8")
        # Japanese text is in the file and asks for a Japanese font
        assert "京極町と比較グループ" in svg_text and "Noto Sans CJK JP" in svg_text
        page.get_by_role("tab", name="レポート").click()
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name=re.compile("比較レポート")).click()
        target = tmp_path / "report.html"
        download_info.value.save_as(target)
        html = target.read_text(encoding="utf-8")
        assert "京極町" in html and not re.search(r"https?://", html)
