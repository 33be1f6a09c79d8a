"""Tests for pages/peers.py (比較 over the whole country, issue 12): Streamlit AppTest of the page on the real build
(the fixture database has no national tables to speak of) — a non-participant place, the official 類似団体区分 group
against a list derived by hand in SQL, national ranks, model-project peers marked and linked, a change of k, the
hand-picked kind, a prefecture, English, hostile URLs, uploads — and a headless-Chromium run with a report download.

Redesign (issue 12): the page now covers all 1,788 places with the shared place picker; the former tests of the
63-body page (釧路市 default, four group kinds, weights over plan figures) were replaced by these.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "peers.py")
YOKOTE = "05203"  # 横手市 (秋田県): not in the model project
# SELECT code FROM places WHERE municipal_type = '都市Ⅱ－１' ORDER BY code  (run by hand on the build: 46 rows)
TYPE_II_1 = [
    "01210", "02205", "02206", "03205", "04205", "04213", "05203", "05210", "05212", "07207", "07210", "07213",
    "08205", "10208", "12202", "12215", "12230", "12236", "15224", "15226", "19208", "19211", "20205", "20209",
    "20217", "20220", "21203", "26212", "30206", "30208", "34209", "36202", "37208", "38203", "40207", "40210",
    "40228", "40230", "43206", "43213", "43215", "44204", "45204", "46208", "47210", "47214",
]
SUKAGAWA = "07207"  # 須賀川市: the one model-project body of that type group


@pytest.fixture
def app(real_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    return AppTest.from_file(PAGE, default_timeout=120)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


def _param(at: AppTest, name: str):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def open_tab(at: AppTest, name: str, lang: str = "ja") -> AppTest:
    """Open one of 比較's tabs (only the open one runs) and run the page again."""
    from machikurabe.i18n import t

    at.session_state["np_tab"] = t(f"tab_{name}", lang)
    return at.run()


def _peer_list(at: AppTest) -> pd.DataFrame:
    return next(f for f in frames(at) if "事業設計" in f.columns or "Programme design" in f.columns)


def test_type_group_of_a_non_participant(app, real_db):
    app.query_params.update({"code": YOKOTE, "group": "type"})
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "比較：類似団体とくらべる"
    assert "**横手市**：類似団体区分「都市Ⅱ－１」の他の市区町村（45団体）" in markdown(at)
    peers = _peer_list(at)
    assert sorted(peers["コード"]) == TYPE_II_1  # the place (★, first) and its 45 peers
    assert peers["団体"].iloc[0] == "★ 横手市"
    # model-project peers are marked, with a relative link to their programme designs
    sukagawa = peers[peers["コード"] == SUKAGAWA].iloc[0]
    assert sukagawa["モデル事業"] == "✓ 実施" and sukagawa["事業設計"] == "/programmes?code=07207"
    assert (peers.loc[peers["コード"] != SUKAGAWA, "事業設計"] == "").all()
    assert "うちモデル事業の実施団体：1" in "\n".join(c.value for c in at.caption)
    # national ranks in the table: 横手市's population rank among all municipalities, checked against SQL
    with duckdb.connect(str(real_db), read_only=True) as con:
        higher = con.execute("SELECT count(*) FROM national_values WHERE indicator = 'A1101' AND year = 2020 "
                             "AND code NOT LIKE '__000' AND value > 85555").fetchone()[0]
    open_tab(at, "table")
    table = next(f for f in frames(at) if "全国順位（高い順）" in f.columns)
    row = table[table["指標"] == "総人口"].iloc[0]
    assert row["全国順位（高い順）"] == f"{higher + 1:,} / 1,741"
    assert row["年"] == "2020" and row["横手市の値"] == "85,555人"
    ageing = table[table["指標"] == "高齢化率"].iloc[0]
    assert ageing["中央値との差"].endswith("ポイント")
    # no plan figures for a non-participant: the rows are left out, not shown empty
    assert "生活保護受給率" not in set(table["指標"])
    assert _param(at, "group") == "type" and _param(at, "code") == YOKOTE


def test_k_change_updates_group_and_url(app):
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    assert not at.exception
    assert at.radio(key="np_group__ja").value == "nearest"
    assert len(_peer_list(at)) == 1 + 15  # default k = 15
    start = time.perf_counter()
    at.slider(key="np_k").set_value(30).run()
    print(f"k 15 → 30: {time.perf_counter() - start:.3f} s (AppTest run)")
    assert not at.exception
    assert len(_peer_list(at)) == 1 + 30
    assert _param(at, "k") == "30"
    assert "最も近い30団体" in markdown(at)
    # contributions to the distance and the ±50 % stability check stay
    assert any(c.startswith("寄与：") for c in _peer_list(at).columns)
    # the stability check is in its own box, drawn when opened
    at.session_state["np_method_box"] = True
    at.run()
    assert any("−50%で残る数" in f.columns for f in frames(at))


def test_weights_and_indicator_boxes_are_drawn_when_opened_and_keep_their_choice_when_closed(app):
    """The weights' dozen inputs and the indicator picker are drawn only while their box is open (a lighter first
    paint); a weight changed there keeps its effect after the box is closed."""
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    assert not at.number_input and not [m for m in at.multiselect if m.key == "np_show"]
    at.session_state["np_weights_box"] = True
    at.run()
    assert len(at.number_input) >= 6
    at.number_input(key="np_w_A1101").set_value(3.0).run()
    changed = _param(at, "w")
    assert "A1101:3" in changed
    at.session_state["np_weights_box"] = False
    at.run()
    assert not at.exception and not at.number_input
    assert _param(at, "w") == changed and at.session_state["np_w_A1101"] == 3.0


def test_weights_survive_a_look_at_another_group_kind(app):
    """Weights typed under 最近傍 are still in force after switching to 類似団体区分 and back (the weights are drawn
    only under 最近傍; a run that does not draw them must not forget them)."""
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    at.session_state["np_weights_box"] = True
    at.run()
    at.number_input(key="np_w_A1101").set_value(3.0).run()
    assert "A1101:3" in _param(at, "w")
    at.radio(key="np_group__ja").set_value("type").run()
    assert not at.exception and _param(at, "w") is None
    at.radio(key="np_group__ja").set_value("nearest").run()
    assert not at.exception
    assert at.session_state["np_w_A1101"] == 3.0 and "A1101:3" in _param(at, "w")


def test_hand_picked(app):
    app.query_params.update({"code": YOKOTE, "group": "hand"})
    at = app.run()
    at.multiselect(key="np_hand").set_value(["01206", SUKAGAWA, "13107"]).run()
    assert not at.exception
    assert "手で選んだ3団体" in markdown(at)
    assert _param(at, "hand") == f"01206,{SUKAGAWA},13107"
    assert list(_peer_list(at)["コード"]) == [YOKOTE, "01206", SUKAGAWA, "13107"]
    # hand-picked peers from a link
    fresh = AppTest.from_file(PAGE, default_timeout=120)
    fresh.query_params.update({"code": YOKOTE, "group": "hand", "hand": "01206,99999"})
    again = fresh.run()
    assert not again.exception and "手で選んだ1団体" in markdown(again)


def test_prefecture_compared_with_prefectures(app):
    app.query_params.update({"code": "05000", "group": "nearest", "k": "10"})
    at = app.run()
    assert not at.exception
    codes = list(_peer_list(at)["コード"])
    assert len(codes) == 11 and all(c.endswith("000") for c in codes)
    at.radio(key="np_group__ja").set_value("type").run()
    assert not at.exception
    assert any("比較グループに団体がありません" in w.value for w in at.warning)


def test_english(app):
    app.session_state["lang"] = "en"
    app.query_params.update({"code": YOKOTE, "group": "type"})
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Peer comparison"
    assert "not a judgement of performance" in markdown(at)
    assert "**Yokote City**: Other municipalities of the official type group" in markdown(at)
    spine = charts(at)[0]
    assert spine["layout"]["title"]["text"] == "Yokote City against its peer group"
    open_tab(at, "table", "en")
    table = next(f for f in frames(at) if "Rank in Japan (1 = highest)" in f.columns)
    assert table[table["Indicator"] == "Population density"].iloc[0]["Yokote City"].endswith("persons per km²")
    assert any(v.endswith(" points") for v in table["Difference from group median"])
    assert _peer_list(at)["Prefecture"].iloc[0] == "Akita Prefecture"
    # no Japanese UI word left in the English table headers
    assert not any(re.search(r"[぀-ヿ]", c) for c in table.columns)


def test_charts_carry_source_and_three_reference_lines(app):
    app.query_params.update({"code": YOKOTE, "group": "type"})
    at = app.run()
    specs = charts(at)
    assert len(specs) == 2  # only the open tab runs: the spine (wide and compact), not the closed tabs' charts
    specs += charts(open_tab(at, "bar")) + charts(open_tab(at, "scatter"))
    assert len(specs) == 4  # spine (wide), spine (compact), ranked bars, scatter
    for spec in specs:
        notes = " ".join(a.get("text", "") for a in spec["layout"].get("annotations", []))
        assert "SSDSE" in notes
    names = {tr.get("name") for tr in specs[2]["data"]}
    assert {"グループ中央値", "全国中央値", "県内市町村の中央値"} <= names
    # the compact spine has no value columns: its annotations are the row labels (written above the rows) and the
    # 出典 line; the wide one also carries the place's values and the group medians, headed by the place's name
    compact, wide = specs[1], specs[0]
    rows = len(wide["layout"]["yaxis"]["categoryarray"])
    assert len(compact["layout"]["annotations"]) == rows + 1
    assert "<b>横手市</b>" in {a.get("text") for a in wide["layout"]["annotations"]}
    assert "<b>横手市</b>" not in {a.get("text") for a in compact["layout"]["annotations"]}
    # the toolbar keeps few buttons
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert "zoom2d" in config["modeBarButtonsToRemove"]


def test_hostile_url_falls_back(app):
    app.query_params.update({"code": YOKOTE, "group": "worst", "k": "-3", "w": "A1101:1e9", "hand": "x,y"})
    at = app.run()
    assert not at.exception
    assert at.radio(key="np_group__ja").value == "nearest"
    assert at.slider(key="np_k").value == 15
    assert _param(at, "w") is None  # a weight outside 0–10 is dropped: the defaults stand
    # an unknown place is named by the picker; no comparison is drawn in its stead
    fresh = AppTest.from_file(PAGE, default_timeout=120)
    fresh.query_params.update({"code": "<script>"})
    again = fresh.run()
    assert not again.exception and again.warning and not again.get("plotly_chart")


def test_downloads_offered(app):
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    labels = [b.proto.label for b in open_tab(at, "table").get("download_button")]
    assert labels.count("CSV（UTF-8 BOM付き）") == 2 and labels.count("Excel（xlsx）") == 2
    labels = [b.proto.label for b in open_tab(at, "report").get("download_button")]
    assert "比較レポート（HTML・1ファイル）をダウンロード" in labels
    stamp = "\n".join(c.value for c in at.caption)
    assert "この表示を再現するURL：/peers?code=05203&group=nearest&k=15" in stamp


def test_uploaded_indicator_joins_views_for_the_session(app):
    app.session_state["user_indicators"] = {
        "values": pd.DataFrame({"code": [YOKOTE, "05212", "01206"], "user_1": [10.0, 20.0, 30.0]}),
        "meta": {"user_1": {"name": "見守り訪問率", "unit": "%"}}, "file_name": "mine.csv"}
    app.session_state["np_show"] = ["A1101", "user_1"]
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    assert not at.exception
    table = next(f for f in frames(open_tab(at, "table")) if "全国順位（高い順）" in f.columns)
    assert "見守り訪問率" in set(table["指標"])
    assert "追加済みの指標：見守り訪問率" in "\n".join(i.value for i in open_tab(at, "upload").info)


# --- browser ---------------------------------------------------------------------------------------------------

from tests.browser_helpers import (  # noqa: E402
    browser_page,
    exception_texts,
    running_app,
    screenshot,
    skip_without_chromium,
    wait_for_app,
)


@pytest.mark.browser
@skip_without_chromium
def test_page_in_chromium(real_db, tmp_path):
    with running_app(real_db) as url, browser_page(height=1100) as page:
        page.goto(f"{url}/peers?code={YOKOTE}&group=type")
        wait_for_app(page)
        page.wait_for_selector("text=比較グループの定義", timeout=60_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        assert exception_texts(page) == []
        path = screenshot(page, "peers")
        assert path.exists() and path.stat().st_size > 10_000
        family = page.eval_on_selector(".js-plotly-plot .gtitle", "e => getComputedStyle(e).fontFamily")
        assert "Noto Sans CJK JP" in family
        page.get_by_role("tab", name="レポート").click()
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name=re.compile("比較レポート")).click()
        target = tmp_path / "report.html"
        download_info.value.save_as(target)
        html = target.read_text(encoding="utf-8")
        assert "横手市" in html and not re.search(r"https?://", html)
        assert "/peers?code=05203&amp;group=type" in html


def test_the_indicator_set_is_in_the_link(app):
    app.query_params["code"] = "05203"
    app.query_params["show"] = "ageing_rate_pct,A1101,nonsense"
    app.run()
    assert not app.exception
    assert app.session_state["np_show"] == ["ageing_rate_pct", "A1101"]  # the unknown id dropped
    assert _param(app, "show") == "ageing_rate_pct,A1101"


def test_the_open_tab_stays_open_across_a_language_switch(app):
    """Only the open tab runs; its labels change with the language, so the open one is kept by position."""
    app.query_params.update({"code": YOKOTE, "group": "type"})
    at = open_tab(app.run(), "table")
    assert any("全国順位（高い順）" in f.columns for f in frames(at))
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.session_state["np_tab"] == "Table"
    assert any("Rank in Japan (1 = highest)" in f.columns for f in frames(at))


def _title(at: AppTest) -> str:
    return " ".join(c["layout"]["title"]["text"] for c in charts(at) if c["layout"].get("title"))


def _axis_titles(at: AppTest) -> tuple[str, str]:
    layout = charts(at)[0]["layout"]
    return layout["xaxis"]["title"]["text"], layout["yaxis"]["title"]["text"]


def test_ranked_bars_follow_their_picker_at_once(app):
    """Issue 18 item 6: the bars are built above their picker; a choice shows on the same run, not one behind."""
    app.query_params.update({"code": YOKOTE})
    at = open_tab(app.run(), "bar")
    assert "高齢化率" in _title(at)
    for key, name in (("A1101", "総人口"), ("density_per_km2", "人口密度"), ("ageing_rate_pct", "高齢化率")):
        at.selectbox(key="np_bar__ja").set_value(key).run()
        assert not at.exception
        assert name in _title(at), (key, _title(at))
        assert _param(at, "ind") == key


def test_scatter_follows_both_pickers_at_once(app):
    app.query_params.update({"code": YOKOTE})
    at = open_tab(app.run(), "scatter")
    at.selectbox(key="np_x__ja").set_value("A1101").run()
    assert _axis_titles(at)[0].startswith("総人口")
    at.selectbox(key="np_y__ja").set_value("density_per_km2").run()
    assert _axis_titles(at)[0].startswith("総人口") and _axis_titles(at)[1].startswith("人口密度")
    at.selectbox(key="np_x__ja").set_value("child_share_pct").run()
    assert _axis_titles(at)[0].startswith("15歳未満人口の割合") and _axis_titles(at)[1].startswith("人口密度")


def test_uploaded_indicator_stays_with_its_reason_and_its_japan_figures_say_whose(national_frames):
    """Issue 18 item 4 and 3: 横手市's own cell is 「x」 (秘匿) in the file: the indicator stays in the table and the
    files with that reason; the file covers 3 of 1,741 municipalities, so the Japan rank and median say
    「取り込んだ3団体中」. Values by hand: 湯沢市 12, 秋田市 20, 大仙市 30 → median 20."""
    from machikurabe.analysis import uploads
    from machikurabe.analysis import national_peers as npp
    from machikurabe.stat_table import check_digit
    from machikurabe.ui import national_peer_view as nv

    f = national_frames
    rows = [("05203", "横手市", "x"), ("05207", "湯沢市", "12"), ("05201", "秋田市", "20"), ("05212", "大仙市", "30")]
    text = "団体コード,都道府県名,市区町村名,見守り訪問数\n" + "".join(
        f"{code}{check_digit(code)},秋田県,{name},{value}\n" for code, name, value in rows)
    result = uploads.load_upload("mimamori.csv", text.encode("utf-8"), f["places"], "ja")
    assert result.ok, [i.text for i in result.issues]
    session = result.as_session_value("mimamori.csv")
    wide, _ = uploads.merge_user_indicators(f["wide"], session)
    view = nv.build(wide, f["years"], f["catalogue"], f["info"], npp.ViewParams(YOKOTE, "type", 15),
                    ("A1101", "user_1"), "ja", "user_1", "A1101", "user_1", user_meta=session["meta"],
                    upload_name="mimamori.csv")
    row = view.display.set_index("指標").loc["見守り訪問数"]
    assert row["横手市の値"] == "—（「x」（秘匿））"
    assert row["全国中央値"].startswith("20") and row["全国中央値"].endswith("（取り込んだ3団体中）")
    assert row["全国順位（高い順）"] == "—（取り込んだ3団体中）"
    total = view.display.set_index("指標").loc["総人口"]
    assert "取り込んだ" not in total["全国中央値"]  # a national indicator covers every place
    export = view.export.set_index("指標")
    assert export.at["見守り訪問数", "値の注記"] == "「x」（秘匿）"
    assert export.at["見守り訪問数", "全国順位・中央値の範囲"] == "取り込んだ3団体中"
    assert export.at["総人口", "全国順位・中央値の範囲"] == "全団体"
    assert export.at["見守り訪問数", "横手市の値"] is None and export.at["見守り訪問数", "全国中央値"] == 20
    values = view.values.set_index("コード")
    assert values.at[YOKOTE, "見守り訪問数（注記）"] == "「x」（秘匿）"
    # the bar chart's hover names the reason; its "Japan" line is the uploaded places' median
    bar = view.figs["bar"]
    hover = dict(zip(bar.data[0].y, bar.data[0].customdata))
    assert any(v == "「x」（秘匿）" for k, v in hover.items() if "横手市" in k)
    assert "取り込んだ団体の中央値" in [d.name for d in bar.data]


def test_the_uploaded_files_name_is_text_in_the_sources_line(app):
    """The 出典 caption names the session's file; a file may be called anything the user's system allows. Before,
    the sources were joined into one Markdown caption (a name like ``[x](http://evil).csv`` would be a link, and
    「類似団体区分：総務省」 ran into 「利用者がアップロードした指標…」 on one line)."""
    app.session_state["user_indicators"] = {
        "values": pd.DataFrame({"code": [YOKOTE, "05212"], "user_1": [10.0, 20.0]}),
        "meta": {"user_1": {"name": "見守り訪問率", "unit": "%"}}, "file_name": "[x](http://evil).csv"}
    app.session_state["np_show"] = ["A1101", "user_1"]
    app.query_params.update({"code": YOKOTE})
    at = app.run()
    assert not at.exception
    sources = next(c.value for c in at.caption if "類似団体区分" in c.value)
    assert "\\[x\\]\\(http" in sources and "](http" not in sources
    assert re.search(r"総務省\s*\n", sources)  # the next source starts on its own line
