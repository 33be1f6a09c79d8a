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
