"""比較 推移 (issue 20) on the real build through Streamlit's AppTest: 横手市 (05203, not a model-project body)
against its official type group 都市Ⅱ－１ (46 members, so 45 peers: see tests/test_peers_page.py TYPE_II_1).

Hand-derived facts used below (SQL run by hand on the build):
  SELECT count(DISTINCT year) FROM national_values WHERE indicator = 'D2203' AND code = '05203' → 8 (2015–2022)
  SELECT value FROM national_values WHERE indicator = 'D2203' AND code = '05203' AND year IN (2015, 2022)
    → 86.5 and 93.9 (経常収支比率, %): a change of +7.4 points
  density_per_km2 has 2020 only: one year, no trend.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from machikurabe.analysis import peer_trends as pt
from machikurabe.ui import files

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "peers.py")
YOKOTE = "05203"


@pytest.fixture
def app(real_db, monkeypatch) -> AppTest:
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    return AppTest.from_file(PAGE, default_timeout=120)


def _grid(at: AppTest) -> dict:
    return next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if "推移" in json.loads(c.proto.spec)["layout"]["title"]["text"]
                or "over time" in json.loads(c.proto.spec)["layout"]["title"]["text"])


def _frame(at: AppTest, column: str):
    """A data grid's frame, or a plain table's as its reader sees it (the Markdown escapes of inert_table undone)."""
    for grid in at.dataframe:
        if column in grid.value.columns:
            return grid.value
    for table in at.table:
        if column in table.value.columns:
            return table.value.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)
    raise AssertionError(f"no table with a column {column!r}")


def test_the_trend_tab_draws_place_group_median_and_band_over_five_years_or_more(app):
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend"})
    at = app.run()
    assert not at.exception
    grid = _grid(at)
    place = [tr for tr in grid["data"] if "横手市" in (tr.get("name") or "") or tr.get("legendgroup") == "place"]
    medians = [tr for tr in grid["data"] if tr.get("legendgroup") == "gm"]
    bands = [tr for tr in grid["data"] if tr.get("legendgroup") == "band"]
    assert len(place) == len(medians) == len(bands) == len(pt.DEFAULT_TREND_INDICATORS) == 8
    for line in (*place, *medians):
        years = {x for x, y in zip(line["x"], line["y"]) if y is not None}
        assert len(years) >= 5, line["name"]
    for band in bands:
        assert len(set(band["x"])) >= 5 and band["fill"] == "toself"
    # every panel breaks at a missing year instead of joining across it
    assert all(tr.get("connectgaps") is False for tr in (*place, *medians))
    readings = _frame(at, "グループ内の位置").set_index("指標")
    row = readings.loc["経常収支比率（市町村財政）"]
    assert row["期間"] == "2015→2022年（8年分）" and row["この団体の変化"] == "+7.4ポイント"
    assert row["グループ内の位置"].startswith("第") and "→" in row["グループ内の位置"]
    # no direction is documented for national indicators: no column of dashes, the note under the table says why
    assert "良し悪し" not in readings.columns
    assert any("全国の統計指標には向きを定義していないため示しません" in c.value for c in at.caption)
    ranks = _frame(at, "2015")
    assert ranks.iloc[0]["2015"].endswith("/ 46")  # 45 peers + the place, all with a value
    assert at.query_params["tab"] in ("trend", ["trend"])


def test_one_year_says_there_is_no_trend(app):
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend", "trend": "density_per_km2,D2203"})
    at = app.run()
    assert not at.exception
    readings = _frame(at, "グループ内の位置").set_index("指標")
    assert readings.loc["人口密度", "期間"] == "2020年の1年分のみ（推移なし）"
    notes = " ".join(a.get("text", "") for a in _grid(at)["layout"]["annotations"])
    assert "1年分のみ（推移なし）" in notes


def test_the_link_reproduces_indicators_and_period(app):
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend", "trend": "D2203,births_per_1000",
                             "period": "2017-2021"})
    at = app.run()
    assert not at.exception
    # the picker is drawn when its box is opened; the grid draws the linked indicators either way
    titles = " ".join(a.get("text", "") for a in _grid(at)["layout"]["annotations"])
    assert "経常収支比率" in titles and "総人口" not in titles
    assert tuple(at.select_slider(key="np_period_w").value) == (2017, 2021)
    ranks = _frame(at, "2017")
    assert [c for c in ranks.columns if c.isdigit()] == ["2017", "2018", "2019", "2020", "2021"]
    at.session_state["np_trend_box"] = True
    at.run()
    assert at.multiselect(key="np_trend_w").value == ["D2203", "births_per_1000"]


def test_a_period_moved_on_the_slider_is_used_and_kept(app):
    """Moving the 期間 slider narrows the readings, the ranks and the link, and the choice outlives the next run (a
    change of k). Before the fix the range slider handed the page one year back and the page quietly showed the full
    period: D2203 for 横手市 has 2015–2022, so 2017→2022 is 6 years."""
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend", "trend": "D2203"})
    at = app.run()
    assert _frame(at, "グループ内の位置").set_index("指標").loc["経常収支比率（市町村財政）", "期間"] == "2015→2022年（8年分）"
    at.select_slider(key="np_period_w").set_value((2017, 2022)).run()
    assert not at.exception
    readings = _frame(at, "グループ内の位置").set_index("指標")
    assert readings.loc["経常収支比率（市町村財政）", "期間"] == "2017→2022年（6年分）"
    assert [c for c in _frame(at, "2017").columns if c.isdigit()] == [str(y) for y in range(2017, 2023)]
    assert at.query_params["period"] in ("2017-2022", ["2017-2022"])
    at.radio(key="np_group__ja").set_value("nearest").run()
    assert not at.exception
    readings = _frame(at, "グループ内の位置").set_index("指標")
    assert readings.loc["経常収支比率（市町村財政）", "期間"] == "2017→2022年（6年分）"


def test_a_change_of_k_redraws_the_group(app):
    app.query_params.update({"code": YOKOTE, "group": "nearest", "k": "15", "tab": "trend"})
    at = app.run()
    assert _frame(at, "2016").iloc[0]["2016"].endswith("/ 16")  # 15 neighbours + the place
    at.slider(key="np_k").set_value(30).run()
    assert not at.exception
    assert _frame(at, "2016").iloc[0]["2016"].endswith("/ 31")


def test_the_changed_most_list_links_to_each_indicators_chart(app):
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend"})
    at = app.run()
    changed = _frame(at, "位置の変化（パーセンタイル）")
    moves = list(changed["位置の変化（パーセンタイル）"])
    assert moves == sorted(moves, key=lambda m: -abs(m))
    assert all(link.startswith("/peers?code=05203&group=type&tab=trend&trend=") for link in changed["グラフ"])


def test_the_file_is_long_with_units_sources_years_and_the_link(national_frames):
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import national_peer_view as nv
    from machikurabe.ui import trend_view
    import duckdb
    from machikurabe import db

    f = national_frames
    view = nv.build(f["wide"], f["years"], f["catalogue"], f["info"], npp.ViewParams(YOKOTE, "type", 15),
                    npp.DEFAULT_INDICATORS, "ja", "A1101", "A1101", "A1101", created="2026-12-03")
    with duckdb.connect(str(f["db"]), read_only=True) as con:
        values = db.run_query(con, "peers_trend_values", {"indicators": ["D2203"], "codes": [YOKOTE, *view.group.codes]})
        medians = db.run_query(con, "peers_trend_medians", {"indicators": ["D2203"], "prefectures": False})
    trend = trend_view.build(values, medians, YOKOTE, view.group.codes, ["D2203"], view.meta, "ja",
                             place=view.place_name, group_line=view.group_line, group_definition=view.definition,
                             sources=view.sources, url="/peers?code=05203&group=type&tab=trend&trend=D2203",
                             created="2026-12-03")
    text = files.csv_bytes(trend.file, "ja").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "コード,団体,系列,指標,年,値,単位,グループ内順位（高い順）,グループ内順位の対象数（この団体を含む）"
    assert "05203,横手市,横手市,経常収支比率（市町村財政）,2015,86.5,%," in text
    assert "05203,横手市,横手市,経常収支比率（市町村財政）,2022,93.9,%," in text
    assert "出典：" in text and "データの年：2015–2022年" in text and "比較グループ：類似団体区分" in text
    assert "/peers?code=05203&group=type&tab=trend&trend=D2203" in text
    book = load_workbook(io.BytesIO(files.xlsx_bytes(trend.file, "ja")))
    numbers = [c.value for row in book.active.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert 86.5 in numbers and 93.9 in numbers


def test_the_indicator_picker_box_keeps_a_change_after_it_is_closed(app):
    """Indicators chosen in the opened box stay drawn after the box is closed (the widget is not drawn then)."""
    app.query_params.update({"code": YOKOTE, "group": "type", "tab": "trend"})
    at = app.run()
    assert not [m for m in at.multiselect if m.key == "np_trend_w"]
    at.session_state["np_trend_box"] = True
    at.run()
    at.multiselect(key="np_trend_w").set_value(["D2203"]).run()
    at.session_state["np_trend_box"] = False
    at.run()
    assert not at.exception
    assert len([tr for tr in _grid(at)["data"] if tr.get("legendgroup") == "place"]) == 1
    assert _frame(at, "グループ内の位置")["指標"].tolist() == ["経常収支比率（市町村財政）"]
    assert at.query_params["trend"] in ("D2203", ["D2203"])
