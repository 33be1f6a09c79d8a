"""Streamlit AppTest of the shell and the overview, profile, programme-design and data-and-method pages.

Runs app.py (the navigation shell) against the fixture DB unless a test says otherwise; expected values are
the fixture's hand copies of data/raw/003 or, for the real-DB tests, read from the source by hand.
"""
import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from machikurabe import db
from tests.fixture_db import KUSHIRO, SUMIDA, build_fixture_db

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/overview.py", "pages/profile.py", "pages/programmes.py", "pages/data_method.py"]
HOSTILE = ["<script>alert('x')</script>", "'; DROP TABLE municipalities; --", "**bold** [link](javascript:1)"]


@pytest.fixture()
def fixture_path(fixture_db):
    return fixture_db  # the session's fixture database (tests/conftest.py)


@pytest.fixture()
def make_app(fixture_path, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(fixture_path))

    def make(page=None, **query):
        at = AppTest.from_file(APP, default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        return at.run()

    return make


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def all_text(at) -> str:
    parts = texts(at.markdown) + texts(at.caption) + texts(at.info) + texts(at.warning) + texts(at.error)
    parts += [m.label + " " + m.value for m in at.metric]
    parts += texts(at.title) + texts(at.header) + texts(at.subheader)
    return "\n".join(parts)


def metric(at, label_start: str) -> str:
    # an exact label first: the plan's 「人口」 beside the national 「人口密度（2020）」
    matches = [m.value for m in at.metric if m.label == label_start] or [
        m.value for m in at.metric if m.label.startswith(label_start)]
    assert matches, f"no metric {label_start!r}; have {[m.label for m in at.metric]}"
    return matches[0]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_renders_without_exception(make_app, page):
    at = make_app(page)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert "出典" in all_text(at)


def test_overview_headline_and_charts(make_app):
    at = make_app("pages/overview.py")
    assert at.title[0].value == "まちくらべ：地域共生社会のモデル事業をくらべる"
    assert metric(at, "参加団体") == "6団体"
    assert metric(at, "市区町村") == "4団体"
    assert metric(at, "都道府県") == "2団体"
    assert metric(at, "推進員") == "6人"
    assert len(at.get("plotly_chart")) == 2


def test_language_toggle_changes_labels(make_app):
    at = make_app("pages/overview.py")
    assert at.multiselect(key="pref").label == "都道府県"
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Machikurabe: comparing community-welfare model projects"
    assert at.multiselect(key="pref").label == "Prefecture"
    assert metric(at, "Participating bodies") == "6 bodies"


def test_language_from_url(make_app):
    at = make_app("pages/profile.py", lang="en", code=KUSHIRO)
    assert at.title[0].value == "Municipality profile"
    # a long English unit goes into the label, so the value is not cut at 1440 / 390 px (issue 19, defect 3)
    assert metric(at, "Population (persons)") == "168,730"


def test_sidebar_filter_changes_the_overview(make_app):
    at = make_app("pages/overview.py")
    assert not any("自治体が該当" in i for i in texts(at.info))
    at.multiselect(key="pref").set_value(["北海道"]).run()
    assert "3自治体が該当（全6）" in texts(at.info)
    assert at.query_params["pref"] == "北海道"  # mirrored in the URL so a copied link reproduces the view
    at.multiselect(key="kind").set_value(["prefecture"]).run()
    assert any("条件に合う自治体がありません" in w for w in texts(at.warning))
    assert len(at.get("plotly_chart")) == 0  # an empty result is said, not drawn


def test_filters_are_drawn_only_where_they_narrow_the_page_and_kept_across_others(make_app):
    """The sidebar filters narrow 概要, 地図, 事業設計 and 指標の内訳; on the profile they would change nothing, so
    they are not drawn there, and a choice made on 概要 is still there on the way back."""
    at = make_app("pages/overview.py")
    at.multiselect(key="pref").set_value(["北海道"]).run()
    assert "3自治体が該当（全6）" in texts(at.info)
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    assert not [m for m in at.multiselect if m.key in ("pref", "kind")]
    assert at.query_params["pref"] == "北海道"  # the link still carries it
    at.switch_page("pages/overview.py").run()
    assert at.multiselect(key="pref").value == ["北海道"]
    assert "3自治体が該当（全6）" in texts(at.info)


def _bar_total(chart) -> float:
    """Sum of a horizontal bar chart's values (plotly sends numbers as base64 typed arrays)."""
    import base64
    import json

    import numpy as np

    total = 0.0
    for trace in json.loads(chart.proto.spec)["data"]:
        values = trace["x"]
        if isinstance(values, dict):
            values = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        total += float(sum(values))
    return total


def test_overview_charts_follow_the_filter(make_app):
    # fixture: 6 bodies; 北海道 holds 釧路市, 京極町 and 音威子府村 (one each of city, town, village)
    at = make_app("pages/overview.py")
    assert _bar_total(at.get("plotly_chart")[1]) == 6
    at.multiselect(key="pref").set_value(["北海道"]).run()
    assert _bar_total(at.get("plotly_chart")[1]) == 3
    at.multiselect(key="pref").set_value([]).run()
    assert _bar_total(at.get("plotly_chart")[1]) == 6


def test_filters_read_from_url_drop_unknown_values(make_app):
    at = make_app("pages/overview.py", pref="北海道,<script>alert(1)</script>", kind="town,nonsense",
                  prog="'; DROP TABLE programmes; --")
    assert not at.exception
    assert at.multiselect(key="pref").value == ["北海道"]
    assert at.multiselect(key="kind").value == ["town"]
    assert at.selectbox(key="prog").value == "all"
    assert "1自治体が該当（全6）" in texts(at.info)


def test_profile_of_kushiro(make_app):
    at = make_app("pages/profile.py", code=KUSHIRO)
    assert at.header[0].value == "釧路市"
    assert metric(at, "人口") == "168,730人"
    assert metric(at, "世帯数") == "94,068世帯"
    assert metric(at, "面積") == "1,362.90 km²"
    assert all(m.help for m in at.metric), "every indicator has a help marker"
    text = all_text(at)
    assert "日本財団「わがまち基金」" in text
    assert "003_432db8467158d625.txt　5行目から" in text
    assert "この自治体の値に補正・欠損はありません。" in [s.value for s in at.success]


def test_profile_shows_correction_visibly(make_app):
    at = make_app("pages/profile.py", code=SUMIDA)
    assert metric(at, "生活保護受給率") == "2.9%"  # 2.866 %, one decimal for every % (README "Decimals by unit")
    assert [m.label for m in at.metric if m.label.startswith("生活保護受給率")] == ["生活保護受給率 ⚠"]
    notes = [df.value for df in at.dataframe if "記載どおり" in df.value.columns]
    assert notes and "28.66 (%)" in set(notes[0]["記載どおり"])


def test_selecting_another_body_changes_the_profile(make_app):
    at = make_app("pages/profile.py", code=KUSHIRO)
    assert metric(at, "人口") == "168,730人"
    at.selectbox(key="place_code__ja").set_value(SUMIDA).run()
    assert at.header[0].value == "墨田区"
    assert metric(at, "人口") == "274,296人"
    assert at.query_params["code"] == SUMIDA  # the URL follows the selection


def test_profile_without_code_opens_the_first_body(make_app):
    at = make_app("pages/profile.py")
    assert not at.exception
    assert at.header[0].value == "釧路市"


@pytest.mark.parametrize("code", ["99999", *HOSTILE])
def test_unknown_or_hostile_code_in_url_gives_a_message(make_app, code):
    at = make_app("pages/profile.py", code=code)
    assert not at.exception
    warnings = texts(at.warning)
    assert any("に当たる市区町村・都道府県はありません" in w for w in warnings)
    assert not at.header  # nothing was guessed: no other place is shown in its stead
    assert not any("<script>" in w for w in warnings)  # escaped, shown as text


@pytest.mark.parametrize("needle", HOSTILE)
def test_hostile_search_is_text_and_changes_nothing(make_app, fixture_path, needle):
    before = hashlib.sha256(fixture_path.read_bytes()).hexdigest()
    at = make_app("pages/programmes.py")
    at.text_input(key="search_q").input(needle).run()
    assert not at.exception
    assert any("を含む記載はありません" in i for i in texts(at.info))
    assert not any("<script>" in m for m in texts(at.markdown) + texts(at.info))
    assert hashlib.sha256(fixture_path.read_bytes()).hexdigest() == before
    con = db.connect(fixture_path)
    try:
        assert db.run_query(con, "municipalities").shape[0] == 6
    finally:
        con.close()


def test_hostile_search_from_url_is_shown_as_text(make_app):
    at = make_app("pages/programmes.py", q=HOSTILE[0])
    assert not at.exception
    assert at.text_input(key="search_q").value == HOSTILE[0]
    assert any("\\<script\\>" in i for i in texts(at.info))


def test_search_highlights_hits(make_app):
    at = make_app("pages/programmes.py")
    at.text_input(key="search_q").input("社会福祉協議会").run()
    assert "3件の記載がヒット（2団体）" in texts(at.markdown)
    # one block per body, each hit marked: 京極町 line 118, 墨田区 lines 4229 and 4256
    marked = [m for m in texts(at.markdown) if "<mark>社会福祉協議会</mark>" in m]
    assert sum(m.count("<mark>社会福祉協議会</mark>") for m in marked) == 3
    assert [m.count("<mark>") for m in marked] == [1, 2]
    assert "118行" in marked[0] and "4229行" in marked[1] and "4256行" in marked[1]


def test_search_follows_the_prefecture_filter(make_app):
    # 社会福祉協議会 is in 京極町's implementer (line 118) and 墨田区's two implementers (lines 4229, 4256)
    at = make_app("pages/programmes.py")
    at.text_input(key="search_q").input("社会福祉協議会").run()
    assert "3件の記載がヒット（2団体）" in texts(at.markdown)
    at.multiselect(key="pref").set_value(["東京都"]).run()
    assert "2件の記載がヒット（1団体）" in texts(at.markdown)


def test_programme_filter_narrows_the_table(make_app):
    at = make_app("pages/programmes.py")
    assert len(at.dataframe[0].value) == 10
    at.selectbox(key="prog").set_value("prefectural").run()
    assert len(at.dataframe[0].value) == 2


def test_side_by_side_comparison(make_app):
    at = make_app("pages/programmes.py")
    assert any("2〜3団体を選んでください" in i for i in texts(at.info))
    at.multiselect(key="compare_codes").set_value([KUSHIRO, SUMIDA]).run()
    at.selectbox(key="compare_programme").set_value("multi_agency").run()
    table = at.table[0].value
    assert list(table.columns) == ["釧路市", "墨田区"]
    assert table.loc["事業名", "釧路市"] == "包括的な相談支援システム構築事業"


def test_comparison_from_url_drops_unknown_codes(make_app):
    at = make_app("pages/programmes.py", cmp=f"{KUSHIRO},<script>,{SUMIDA}", cprog="multi_agency")
    assert not at.exception
    assert at.multiselect(key="compare_codes").value == [KUSHIRO, SUMIDA]
    assert list(at.table[0].value.columns) == ["釧路市", "墨田区"]


def test_data_method_tables_and_filters(make_app):
    at = make_app("pages/data_method.py")
    quality_tables = [df.value for df in at.dataframe if "記載" in df.value.columns and "団体コード" in df.value.columns]
    assert len(quality_tables[0]) == 6
    at.multiselect(key="dq_rule").set_value(["missing_empty"]).run()
    quality_tables = [df.value for df in at.dataframe if "記載" in df.value.columns and "団体コード" in df.value.columns]
    assert len(quality_tables[0]) == 2
    at.multiselect(key="dq_body").set_value([KUSHIRO]).run()  # 釧路市 has no record -> not an option
    assert not at.exception


def test_rebuilt_database_is_picked_up_without_restart(monkeypatch, tmp_path):
    import os

    import duckdb

    live = build_fixture_db(tmp_path / "live.duckdb")
    monkeypatch.setenv("MACHIKURABE_DB", str(live))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["code"] = KUSHIRO
    at.switch_page("pages/profile.py")
    at.run()
    assert metric(at, "人口") == "168,730人"
    rebuilt = build_fixture_db(tmp_path / "rebuilt.duckdb")
    con = duckdb.connect(str(rebuilt))
    con.execute("UPDATE municipalities SET population = 170000 WHERE code = ?", [KUSHIRO])
    con.close()
    os.replace(rebuilt, live)  # what a rebuild looks like to the running app: a new file, a new mtime
    os.utime(live, ns=(os.stat(live).st_atime_ns, os.stat(live).st_mtime_ns + 10**9))
    at.run()
    assert metric(at, "人口") == "170,000人"


def test_missing_database_gives_a_friendly_message(monkeypatch, tmp_path):
    monkeypatch.setenv("MACHIKURABE_DB", str(tmp_path / "missing.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("make data" in e for e in texts(at.error))


def test_corrupt_database_gives_a_friendly_message(monkeypatch, tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"\x00garbage" * 500)
    monkeypatch.setenv("MACHIKURABE_DB", str(broken))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/profile.py")
    at.run()
    assert not at.exception
    assert any("make data" in e for e in texts(at.error))


# --- against the real build (values read by hand from data/raw/003) ------------------------------

real_db = pytest.mark.skipif(not db.DEFAULT_DB.exists(), reason="data/municipal.duckdb not built (run `make data`)")


@real_db
def test_real_db_kushiro_population(monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(db.DEFAULT_DB))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["code"] = KUSHIRO
    at.switch_page("pages/profile.py")
    at.run()
    assert metric(at, "人口") == "168,730人"  # line 11
    assert metric(at, "高齢化率") == "33.2%"  # line 12


@real_db
def test_real_db_sumida_welfare_rate_after_per_mille_correction(monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(db.DEFAULT_DB))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["code"] = SUMIDA
    at.switch_page("pages/profile.py")
    at.run()
    assert metric(at, "生活保護受給率") == "2.9%"  # line 4212 prints 28.66 (%), per mille: 2.866 %
    assert any(m.label == "生活保護受給率 ⚠" for m in at.metric)


@real_db
def test_real_db_overview_counts(monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(db.DEFAULT_DB))
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert metric(at, "参加団体") == "63団体"
    assert metric(at, "市区町村") == "57団体"
    assert metric(at, "都道府県") == "6団体"


@pytest.mark.parametrize("page", [None, "pages/data_method.py"])
def test_national_sources_are_one_a_line(make_app, page):
    """Seen in a screenshot of 概要: 「…を加工して作成 類似団体区分：総務省」 read as one source. Each credit of
    machikurabe/credits.py now ends its line (a Markdown line break) before the next begins."""
    at = make_app(page)
    credit = next(c.value for c in at.caption if "類似団体区分：総務省" in c.value)
    assert "加工して作成  \n類似団体区分：総務省" in credit
