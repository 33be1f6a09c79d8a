"""Page 指標の内訳: aggregation functions on hand-made rows, the page under AppTest against a database built
from data/raw/, and a headless-Chromium screenshot of it."""
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from machikurabe.analysis import breakdown as bd
from machikurabe.ui import breakdown_view, exports

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "breakdown.py")


# --- pure functions ----------------------------------------------------------------------------

@pytest.mark.parametrize("population, band", [
    (734, "lt10k"),            # 音威子府村 (003 line 291)
    (9_999, "lt10k"), (10_000, "10k_50k"),
    (168_730, "50k_200k"),     # 釧路市 (003 line 12)
    (274_296, "200k_500k"),    # 墨田区
    (500_000, "ge500k"), (None, "unknown"), (float("nan"), "unknown"),
])
def test_size_band(population, band):
    assert bd.size_band(population) == band


def _rows():
    return pd.DataFrame([
        # hand-made: two community-capacity targets (1 quantitative), one multi-agency qualitative
        dict(target_id="003-0001", document_id="003", municipality_code="01206", programme="community_capacity",
             kind="quantitative", category="resident_participation", logic_level="outcome", text="50 トンの収穫",
             pillar="community_building", secondary_category="places", confidence="low"),
        dict(target_id="003-0002", document_id="003", municipality_code="01206", programme="community_capacity",
             kind="qualitative", category="consultation", logic_level="process", text="ケース検討",
             pillar="comprehensive_consultation", secondary_category=None, confidence="high"),
        dict(target_id="003-0003", document_id="003", municipality_code="13107", programme="multi_agency",
             kind="qualitative", category="meetings", logic_level="structure", text="会議の設置",
             pillar="multi_agency", secondary_category=None, confidence="high"),
        dict(target_id="004-0001", document_id="004", municipality_code=None, programme=None,
             kind="qualitative", category="systems", logic_level="structure", text="体制の構築",
             pillar="none", secondary_category=None, confidence="high"),
    ]).assign(rule_id="cat.other.none", pillar_rule_id="pillar.none", level_rule_id="lvl.process.default",
              matched_terms="")


def _bodies():
    return pd.DataFrame([
        dict(code="01206", prefecture="北海道", name="釧路市", kind="city", population=168730),
        dict(code="13107", prefecture="東京都", name="墨田区", kind="ward", population=274296),
    ])


def test_attach_bodies_and_share_table():
    frame = bd.attach_bodies(_rows(), _bodies(), gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    assert list(frame["size_band"]) == ["50k_200k", "50k_200k", "200k_500k", "unknown"]
    assert frame.loc[3, "prefecture"] == "unknown" and frame.loc[3, "programme"] == "none"
    table = bd.share_table(frame, "programme", "kind").set_index(["programme", "kind"])
    # community_capacity: 1 of 2 quantitative = 50 %; multi_agency: 0 of 1 = 0 %, listed rather than absent
    assert table.loc[("community_capacity", "quantitative"), "share_pct"] == 50.0
    assert table.loc[("multi_agency", "quantitative"), "n"] == 0
    assert table.loc[("none", "qualitative"), "group_total"] == 1
    # groups in the fixed programme order
    assert list(dict.fromkeys(table.index.get_level_values(0))) == ["community_capacity", "multi_agency", "none"]


def test_segment_and_table():
    frame = bd.attach_bodies(_rows(), _bodies(), gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    frame["rule_id"] = "cat.meetings.bodies"
    frame["level_rule_id"] = "lvl.structure.inplace"
    for col in ("value", "value_max", "bound", "unit", "period", "section", "source_line"):
        frame[col] = None
    rows = bd.segment(frame, "programme", "community_capacity", "kind", "qualitative")
    assert list(rows["target_id"]) == ["003-0002"]
    assert bd.segment(frame, "programme", "multi_agency", "kind", "quantitative").empty
    table = breakdown_view.segment_table(rows, "ja")
    assert "会議体・ネットワークの名前がある" in table["分類の理由（規則）"].iloc[0]


def test_format_value():
    assert breakdown_view.format_value({"value": 450.0, "unit": "件", "bound": "exactly", "period": "per_year"}) == "450件／年"
    assert breakdown_view.format_value({"value": 25.0, "value_max": 50.0, "unit": "%", "bound": "range"}) == "25～50%"
    assert breakdown_view.format_value({"value": 70.0, "unit": "%", "bound": "at_least"}, "en") == "70% or more"


def test_chart_has_title_axes_source_and_segment_data():
    frame = bd.attach_bodies(_rows(), _bodies(), gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    fig = breakdown_view.share_chart(bd.share_table(frame, "programme", "kind"), "programme", "kind", "ja", "share",
                         breakdown_view.source_text(frame["document_id"], "ja"))
    assert "量的／質的" in fig.layout.title.text
    assert fig.layout.xaxis.title.text == "目標に占める割合（%）"
    assert fig.layout.yaxis.title.text.startswith("事業の種類")
    assert any(a.text.startswith("出典") for a in fig.layout.annotations)
    assert list(fig.data[0].customdata[0])[:2] == ["community_capacity", "quantitative"]
    event = {"selection": {"points": [{"customdata": ["multi_agency", "qualitative"]}]}}
    assert bd.selection_from_event(event) == ("multi_agency", "qualitative")
    assert bd.selection_from_event({"selection": {"points": []}}) is None


def test_xlsx_keeps_japanese():
    data = exports.xlsx_sheets_bytes({"targets": pd.DataFrame({"目標": ["相談件数 200件"]})})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["targets"]
    assert sheet["A1"].value == "目標" and sheet["A2"].value == "相談件数 200件"


def test_indicator_type_coverage_marks_size_band_as_demography():
    table = breakdown_view.indicator_type_coverage("ja").set_index("単位")
    # issue 19: the columns were headed by the type ids (demography, welfare, …) in Japanese
    assert list(table.columns)[:2] == ["人口・世帯（人口、世帯数、高齢化率、面積、人口密度）", "福祉（生活保護受給率）"]
    demography = list(table.columns)[0]
    assert table.loc["人口規模", demography] == "✓"
    assert table.loc["都道府県"].eq("—").all()


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture()
def built_db(real_db):
    return real_db  # the session's real build (tests/conftest.py)


@pytest.fixture()
def app(built_db, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(built_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["lang"] = "ja"
    return at


def test_page_renders_with_all_targets(app):
    app.run()
    assert not app.exception
    assert app.title[0].value.startswith("指標の内訳")
    # with nothing picked the list shows every target: the heading carries the count
    listing_heading = [s.value for s in app.subheader if s.value.startswith("選択した区分の目標")][0]
    assert "すべて × すべて" in listing_heading
    assert len(app.dataframe) >= 3


def test_selectbox_fallback_lists_a_segment(app):
    app.run()
    app.selectbox(key="bd_pick_group__ja").set_value("multi_agency")
    app.selectbox(key="bd_pick_value__ja").set_value("quantitative")
    app.run()
    assert not app.exception
    heading = [s.value for s in app.subheader if s.value.startswith("選択した区分の目標")][0]
    assert "多機関協働 × 量的（数値あり）" in heading
    listing = app.dataframe[0].value
    assert set(listing["量／質"]) == {"量的（数値あり）"}
    assert set(listing["事業"]) == {"多機関協働"}


def test_language_switch_keeps_choices(app):
    app.run()
    app.radio(key="bd_dimension__ja").set_value("category")
    app.selectbox(key="bd_group__ja").set_value("size_band")
    app.run()
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.radio(key="bd_dimension__en").value == "category"
    assert app.selectbox(key="bd_group__en").value == "size_band"


def test_english_and_similar_designs(app):
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.title[0].value.startswith("Indicator breakdown")
    app.selectbox(key="bd_sim_body__en").set_value("01206")
    app.run()
    app.selectbox(key="bd_sim_prog__en").set_value("community_capacity")
    app.run()
    similar = app.dataframe[-1].value
    assert "01206" not in " ".join(similar["Body"])  # other bodies only
    assert similar["Similarity (0-1)"].is_monotonic_decreasing


# --- browser ---------------------------------------------------------------------------------

@pytest.mark.browser
def test_screenshot(built_db):
    from tests.browser_helpers import (
        CHROMIUM,
        browser_page,
        exception_texts,
        running_app,
        screenshot,
        wait_for_app,
    )

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent")
    with running_app(built_db) as url, browser_page(height=1400) as page:
        page.goto(f"{url}/")
        wait_for_app(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/breakdown"]').first.click()
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        wait_for_app(page)
        # clicking a bar segment lists its targets (plotly on_select)
        bar = page.locator(".js-plotly-plot .bars path").first.bounding_box()
        page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
        page.wait_for_function("""() => [...document.querySelectorAll('h3')].some(
            h => h.innerText.includes('選択した区分の目標') && !h.innerText.includes('すべて × すべて'))""",
                               timeout=60_000)
        # the similar-designs table is the last element; its source caption follows it
        page.get_by_text("各事業の設計文").first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert exception_texts(page) == []
        assert "指標の内訳" in page.inner_text("h1")
        path = screenshot(page, "breakdown")
    assert path.exists() and path.stat().st_size > 10_000


def test_peer_comparison_same_size_band():
    frame = bd.attach_bodies(_rows(), _bodies(), gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    extra = frame.iloc[[2]].assign(municipality_code="01100", body_name="札幌市", size_band="50k_200k",
                                   target_id="003-0009")
    frame = pd.concat([frame, extra], ignore_index=True)
    table, n_peers = bd.peer_comparison(frame, "01206", "kind")
    table = table.set_index(["who", "kind"])
    # 釧路市: 1 of 2 quantitative; its one peer in 5万～20万人 (the added row) has 0 of 1
    assert n_peers == 1
    assert table.loc[("body", "quantitative"), "share_pct"] == 50.0
    assert table.loc[("peers", "qualitative"), "n"] == 1
    # the added row was copied from 墨田区 (a ward), so no peer of kind "city" is left
    extra_kind = frame.loc[frame["municipality_code"] == "01100", "body_kind"].iloc[0]
    assert extra_kind == "ward"
    assert bd.peer_comparison(frame, "01206", "kind", same_kind=True)[1] == 0


def test_prefectures_have_their_own_band():
    rows = pd.DataFrame([dict(target_id="003-0001", document_id="003", municipality_code="13000",
                              programme="prefectural", kind="qualitative", category="systems",
                              logic_level="structure", text="区市町村数を増やす")])
    bodies = pd.DataFrame([dict(code="13000", prefecture="東京都", name="東京都", kind="prefecture",
                                population=13953744)])  # 003 line 4158
    frame = bd.attach_bodies(rows, bodies, gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    assert frame.loc[0, "size_band"] == "prefecture"


def test_a_choice_made_by_code_shows_in_the_boxes(app):
    # a click on a bar segment sets the choice in session state (as the page's click handler does); the two
    # boxes must then show it, not stay on すべて, and the next change of another control must keep it
    app.run()
    app.session_state["bd_pick_group"] = "multi_agency"
    app.session_state["bd_pick_value"] = "quantitative"
    app.run()
    assert app.selectbox(key="bd_pick_group__ja").value == "multi_agency"
    assert app.selectbox(key="bd_pick_value__ja").value == "quantitative"
    app.radio(key="bd_measure__ja").set_value("count").run()
    assert app.selectbox(key="bd_pick_group__ja").value == "multi_agency"
    heading = [s.value for s in app.subheader if s.value.startswith("選択した区分の目標")][0]
    assert "多機関協働 × 量的（数値あり）" in heading


def test_pillars_secondary_categories_and_low_confidence(app):
    app.run()
    app.radio(key="bd_dimension__ja").set_value("pillar").run()
    assert not app.exception
    listing = app.dataframe[0].value
    for column in ("重層的支援の柱", "副分類", "確からしさ", "一致した語"):
        assert column in listing.columns
    assert listing["副分類"].astype(bool).any()  # some targets really have two subjects
    app.selectbox(key="bd_pillar__ja").set_value("participation_support").run()
    listing = app.dataframe[0].value
    assert len(listing) > 0 and set(listing["重層的支援の柱"]) == {"参加支援"}
    app.selectbox(key="bd_pillar__ja").set_value(None)
    app.checkbox(key="bd_low_only__ja").check().run()
    listing = app.dataframe[0].value
    assert len(listing) > 0 and set(listing["確からしさ"]) == {"低い（要確認）"}


def test_the_all_option_is_shown_not_an_empty_box_after_changing_the_dimension(app):
    app.run()
    app.radio(key="bd_dimension__ja").set_value("category").run()
    for key in ("bd_pick_group__ja", "bd_pick_value__ja", "bd_pillar__ja"):
        box = app.selectbox(key=key)
        assert box.index is not None and box.options[box.index] == "すべて", key


def test_english_names_are_romanised_in_the_listing(app):
    app.session_state["lang"] = "en"
    app.run()
    listing = app.dataframe[0].value
    bodies = set(listing["Body"])
    assert "Kushiro City" in bodies and "釧路市" not in bodies
    assert "Hokkaido" in set(listing["Prefecture"]) and "北海道" not in set(listing["Prefecture"])


def test_closed_boxes_build_nothing_until_opened(app):
    """First paint: the SVG copy of the chart and the share table are built only when their box is opened."""
    at = app.run()
    assert not at.exception
    charts_closed = len(at.get("plotly_chart"))
    tables_closed = len(at.dataframe)
    at.session_state["bd_svg_open"] = True
    at.session_state["bd_share_open"] = True
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == charts_closed + 1  # the SVG copy
    assert len(at.dataframe) == tables_closed + 1  # the share table


# --- files (issue 19: every download through ui.files) -------------------------------------------------------------

def test_targets_file_has_units_numbers_sources_years_link_and_choices():
    from machikurabe.ui import files

    frame = bd.attach_bodies(_rows(), _bodies(), gazetteer=pd.DataFrame(columns=["code", "prefecture", "name", "kind"]))
    summary = breakdown_view.share_table_display(bd.share_table(frame, "programme", "kind"), "programme", "kind", "ja")
    scope = breakdown_view.scope((("北海道",), (), None), True, "multi_agency", False)
    table = breakdown_view.breakdown_file(summary, "量／質の内訳", "ja", scope=scope, group="programme",
                                          dimension="kind", document_ids=frame["document_id"],
                                          source=breakdown_view.source_text(frame["document_id"], "ja"))
    lines = files.csv_bytes(table, "ja").decode("utf-8-sig").splitlines()
    assert lines[0] == "単位,区分,件数,割合（%）"
    assert lines[1] == "単位：（文字）,（文字）,件,%"
    assert "地域力強化,量的（数値あり）,1,50" in lines  # 釧路市: 1 of its 2 community-capacity targets, as numbers
    assert "データの年：003：令和元年度（2019年度）、004：表題に年の記載なし" in lines
    assert "この表示を再現するURL：/breakdown?pref=%E5%8C%97%E6%B5%B7%E9%81%93" in lines  # ?pref=北海道
    assert any(line.startswith("出典：") and "厚生労働省 令和元年度 モデル事業実施計画" in line for line in lines)
    assert any(line.startswith("作成日：") for line in lines)
    assert "表示の選択：量的／質的、事業の種類別、柱：多機関協働、厚生労働省 令和元年度 モデル事業実施計画の目標のみ、確からしさを問わない" in lines


def test_pages_offer_tables_only_through_ui_files():
    """issue 19: 指標の内訳, 事業設計 and データと方法 drew their own CSV/XLSX (no 出典, units or date in the file)."""
    import ast

    for page in ("breakdown", "programmes", "data_method"):
        tree = ast.parse((ROOT / "pages" / f"{page}.py").read_text(encoding="utf-8"))
        called = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
        named = {ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not {"exports.csv_bytes", "exports.xlsx_bytes", "exports.xlsx_sheets_bytes"} & named, page
        if page == "data_method":  # the raw tables: CSV through ui.files, Parquet as stored
            assert "view.table_csv" in named and "st_data.download_bytes" in named
        else:
            assert "state.offer_files" in called and not any(c.endswith("download_button") for c in called), page
