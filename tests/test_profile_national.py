"""The profile page for a place outside the model project (fixture: 湯沢市, hand-made values in tests/fixture_db.py):
its name, its national standing worked out by hand, and the model-project towns most like it."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixture_db import KUSHIRO, KYOGOKU, OTOINEPPU, SUMIDA

APP = "../app.py"


@pytest.fixture()
def make_app(fixture_db, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))

    def make(lang="ja", **query):
        at = AppTest.from_file(APP, default_timeout=90)
        at.session_state["lang"] = lang
        for key, value in query.items():
            at.query_params[key] = value
        at.switch_page("pages/profile.py")
        return at.run()

    return make


def test_a_non_participant_town_has_a_national_profile(make_app):
    at = make_app(code="05207")
    assert not at.exception
    assert at.header[0].value == "湯沢市"
    assert any("モデル事業の実施団体ではありません" in i.value for i in at.info)
    table = at.dataframe[0].value.set_index("指標")
    # 総人口 2020 among the fixture's five municipalities: 272,085 165,077 42,060 2,966 703 → 3rd of 5;
    # alone in 秋田県 and in its type group 都市Ⅰ－１ in this fixture
    assert table.loc["総人口", "値"] == "42,060人"
    assert table.loc["総人口", "全国順位"] == "3位／5"
    assert table.loc["総人口", "県内順位"] == "1位／1"
    assert table.loc["総人口", "類似団体内順位"] == "1位／1"
    # median of the five: 42,060 itself → about the same as the national median
    assert table.loc["総人口", "読み方"] == "全国中央値とほぼ同じ"
    # ageing 42.0 % against 22.4 34.0 36.5 40.1 42.0: the highest; median 36.5 → 5.5 points above
    assert table.loc["高齢化率", "全国順位"] == "1位／5"
    assert table.loc["高齢化率", "読み方"] == "全国中央値より5.5ポイント高い"


def test_model_project_towns_like_it_are_listed_with_links(make_app):
    at = make_app(code="05207")
    towns = at.dataframe[1].value
    assert set(towns["自治体"]) == {"釧路市", "京極町", "音威子府村", "墨田区"}  # the fixture's model municipalities
    assert "湯沢市" not in set(towns["自治体"])
    links = [link.label for link in at.get("page_link")]
    assert any(label.startswith("釧路市") for label in links)


def test_the_trend_shows_for_an_indicator_with_two_years(make_app):
    at = make_app(code="05207")
    assert at.selectbox(key="pf_trend__ja").value == "A1101"  # the only indicator with two years in the fixture
    assert len(at.get("plotly_chart")) >= 1


def test_english_profile(make_app):
    at = make_app(lang="en", code="05207")
    assert not at.exception
    assert at.header[0].value == "Yuzawa City"
    table = at.dataframe[0].value.set_index("Indicator")
    assert table.loc["Total population", "Rank in Japan"] == "3 of 5"
    assert table.loc["Ageing rate (65+ share)", "Reading"] == "5.5 points above the national median"


def test_the_place_follows_the_user_to_another_page(make_app):
    at = make_app(code="05207")
    assert at.session_state["place_code"] == "05207"
    assert at.query_params["code"] == ["05207"] or at.query_params["code"] == "05207"


@pytest.mark.parametrize("code", [KUSHIRO, KYOGOKU, OTOINEPPU, SUMIDA])
def test_model_bodies_still_show_their_plan(make_app, code):
    at = make_app(code=code)
    assert not at.exception
    assert any(s.value == "計画に記載の数値（令和元年度）" for s in at.subheader)


def _yuzawa_file(fixture_db, monkeypatch, lang="ja"):
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_db))
    from machikurabe.ui import profile_view

    return profile_view.benchmark_file("05207", lang, None)


def test_profile_files_carry_numbers_ranks_units_and_context(fixture_db, monkeypatch):
    """Issue 19, defect 1: the profile's CSV / XLSX had text cells with units (52.2%, 29位／1,740), an empty units
    row and a sheet named 「比較」. Values by hand from tests/fixture_db.py: 湯沢市 総人口 2020 = 42,060, 3rd of the five
    municipalities (272,085 165,077 42,060 2,966 703), alone in 秋田県 and in 都市Ⅰ－１; 高齢化率 42.0, the highest."""
    import csv
    import io

    import openpyxl

    from machikurabe.ui import files

    table = _yuzawa_file(fixture_db, monkeypatch)
    rows = list(csv.reader(io.StringIO(files.csv_bytes(table, "ja").decode("utf-8-sig"))))
    header, units = rows[0], rows[1]
    assert header[:6] == ["指標", "年", "単位", "値", "全国順位", "全国の団体数"]
    by_name = {r[0]: dict(zip(header, r)) for r in rows[2:4]}
    population = by_name["総人口"]
    assert (population["年"], population["単位"], population["値"]) == ("2020", "人", "42060")
    assert (population["全国順位"], population["全国の団体数"]) == ("3", "5")
    assert (population["県内順位"], population["県内の団体数"], population["類似団体内順位"], population["類似団体の団体数"]) \
        == ("1", "1", "1", "1")
    # two of the four others below 42,060: percentile 50, quintile 3; median of the five is 42,060 itself
    assert (population["全国パーセンタイル"], population["全国五分位"], population["全国中央値"]) == ("50", "3", "42060")
    ageing = by_name["高齢化率"]
    assert (ageing["値"], ageing["全国順位"], ageing["全国中央値"], ageing["全国五分位"]) == ("42", "1", "36.5", "5")
    assert all(u for u in units), units  # every column says its unit
    assert units[header.index("値")] == "各行の単位" and units[header.index("全国順位")] == "位"
    text = "\n".join(",".join(r) for r in rows)
    assert "出典：" in text and "データの年：2020年" in text and "/profile?code=05207" in text and "作成日：" in text
    assert "秋田県の市区町村（1団体）" in text and "都市Ⅰ－１（1団体）" in text

    sheet = openpyxl.load_workbook(io.BytesIO(files.xlsx_bytes(table, "ja"))).active
    assert sheet.title == "湯沢市の全国・県内・類似団体の中での位置"
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    head = cells["値"]
    value = sheet.cell(row=head.row + 2, column=head.column).value
    assert isinstance(value, (int, float)) and value in (42060, 42.0)
    assert sheet.cell(row=head.row + 1, column=head.column).value == "各行の単位"


def test_negative_values_are_numbers_in_files():
    """'-20.21‰ was written as text with an apostrophe; a negative value is a number rounded by its unit (‰: 1)."""
    import csv
    import io

    import pandas as pd

    from machikurabe.ui import files, profile_view

    table = pd.DataFrame([{"indicator": "net_migration_per_1000", "topic": "population", "label": "転入超過率",
                           "year": 2023, "value": -20.2149, "unit": "‰", "decimals": 1, "japan_median": -3.456,
                           "japan_rank": 1700, "japan_n": 1740, "japan_percentile": 2.3, "japan_quintile": 1,
                           "prefecture_rank": None, "prefecture_n": 0, "type_rank": None, "type_n": 0,
                           "reading": "", "aggregated": False}])
    frame, units = profile_view.benchmark_file_frame(table, "ja")
    file = files.FileTable(frame=frame, title="t", units=units, sources=("s",), years="2023年", rebuild_url="/profile")
    rows = list(csv.reader(io.StringIO(files.csv_bytes(file, "ja").decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[2]))
    assert row["値"] == "-20.2" and row["全国中央値"] == "-3.5"
    assert (row["全国順位"], row["全国の団体数"]) == ("1700", "1740")
    assert row["県内順位"] == "" and row["県内の団体数"] == ""  # no rank: neither the rank nor a count


def _trend_spec(at) -> dict:
    import json

    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_trend_axis_uses_the_units_own_numbers_and_breaks_at_a_missing_year(make_app):
    """Issue 19, defect 2: 民生費 (千円) read 「2M … 7M」 and a line ran straight across a year without data."""
    at = make_app(code="05207")
    spec = _trend_spec(at)
    yaxis = spec["layout"]["yaxis"]
    assert yaxis["exponentformat"] == "none" and yaxis["separatethousands"] is True
    assert yaxis["tickformat"] == ",d"  # 人: whole numbers with separators, 46,613 not 46.6k
    assert yaxis["title"]["text"] == "人"
    assert spec["layout"]["xaxis"]["tickvals"] == [2015, 2020]  # the census years, no tick for 2016–2019
    assert all(trace["connectgaps"] is False for trace in spec["data"])
    place = spec["data"][0]
    assert place["x"] == [2015, 2020] and place["y"] == [46613.0, 42060.0]


def test_a_year_without_data_is_a_gap_not_a_line():
    import pandas as pd

    from machikurabe.ui.profile_view import series_by_year

    frame = pd.DataFrame({"year": [2016, 2018, 2019, 2016, 2017, 2018, 2019],
                          "series": ["place"] * 3 + ["japan_median"] * 4,
                          "value": [20.8, 21.8, 23.9, 10.0, 10.5, 11.0, 11.5]})
    lines = series_by_year(frame, [2016, 2017, 2018, 2019])
    assert lines["place"] == [20.8, None, 21.8, 23.9]
    assert lines["japan_median"] == [10.0, 10.5, 11.0, 11.5]


def test_an_indicator_of_one_year_says_there_is_no_trend(make_app):
    """高齢化率 has 2020 only in the fixture: it is offered, marked 「2020年のみ」, and chosen it says there is no
    trend instead of drawing nothing."""
    at = make_app(code="05207")
    box = at.selectbox(key="pf_trend__ja")
    assert "ageing_rate_pct" in box.options or any("2020年のみ" in o for o in box.options)
    box.set_value("ageing_rate_pct").run()
    assert not at.exception
    assert any("2020年の1年分しかないため、推移はありません" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_english_metrics_keep_long_units_out_of_the_value(make_app):
    """Issue 19, defect 3: 「9.6 persons p…」 was cut mid-word; a unit wider than three full-width characters moves
    into the label (with the year), short ones (%, 人, km²) stay beside the number."""
    from machikurabe.ui.profile_view import metric_parts

    at = make_app(lang="en", code="05207")
    shown = {m.label: m.value for m in at.metric}
    assert shown["Total population (persons, 2020)"] == "42,060"
    assert shown["Ageing rate (65+ share) (2020)"] == "42.0%"
    ja = make_app(code="05207")
    assert {m.label: m.value for m in ja.metric}["総人口（2020）"] == "42,060人"
    assert metric_parts("Population density", "9.6", "persons per km²", "en", 2020) == \
        ("Population density (per km², 2020)", "9.6")
    assert metric_parts("人口1万人当たり医師数", "23.6", "人（人口1万人あたり）", "ja", 2022) == \
        ("人口1万人当たり医師数（人口1万人あたり、2022）", "23.6")
    assert metric_parts("人口密度", "9.6", "人/km²", "ja", 2020) == ("人口密度（2020）", "9.6 人/km²")
