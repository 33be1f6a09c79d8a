"""Tests for machikurabe.ui.peer_view on the fixture DB: group definitions, the formatted and export tables
(units, flags naming the data-quality rule in words, small bodies), the peer list and the programme view."""
from __future__ import annotations

import pytest

from machikurabe import db
from machikurabe.analysis import peers
from machikurabe.ui import peer_view
from tests.fixture_db import (
    AOMORI,
    KUSHIRO,
    KYOGOKU,
    OTOINEPPU,
    SUMIDA,
    TOKYO,
)


@pytest.fixture(scope="module")
def data(fixture_db):
    con = db.connect(fixture_db)
    try:
        yield {name: db.run_query(con, name) for name in ("municipalities", "programmes", "data_quality")}
    finally:
        con.close()


def hand(data, code, codes, lang="ja"):
    params = peers.PeerParams(code=code, group="hand", hand=codes)
    return peer_view.build_comparison(data["municipalities"], params, lang)


def test_definitions(data):
    bodies = data["municipalities"]
    size = peer_view.build_comparison(bodies, peers.PeerParams(code=KUSHIRO, group="size"), "ja")
    assert size.definition == "市で人口が5万〜20万人未満の団体（0団体）" and size.peer_codes == []
    pref = peer_view.build_comparison(bodies, peers.PeerParams(code=KUSHIRO, group="prefecture"), "en")
    assert pref.definition == "Other municipalities in 北海道 (2 bodies)"
    assert sorted(pref.peer_codes) == [KYOGOKU, OTOINEPPU]
    block = peer_view.build_comparison(bodies, peers.PeerParams(code=TOKYO, group="prefecture"), "ja")
    assert block.peer_codes == [] and "都道府県には" in block.definition


def test_display_table_flags_corrected_value_and_small_body(data):
    # 京極町 (3,004 people) printed 生活保護受給率 "13.8 (‰)", stored 1.38 %
    comparison = hand(data, KYOGOKU, [KUSHIRO, OTOINEPPU, SUMIDA])
    table = peer_view.comparison_table(data["municipalities"], comparison, data["data_quality"])
    shown = peer_view.display_table(table, comparison, "ja").set_index("指標")
    welfare = shown.loc["生活保護受給率"]
    assert welfare["京極町の値"] == "1.38%"
    # peers 4.92, 0.1, 2.866 → median 2.866; difference 1.38 − 2.866 = −1.486
    assert welfare["グループ中央値"] == "2.866%"
    assert welfare["差（値−中央値）"] == "-1.486%"
    assert welfare["値のある団体数"] == "3/3"
    assert "小規模（5,000人未満）" in welfare["注"]
    assert "13.8 (‰)" in welfare["注"]
    # 墨田区's welfare rate is corrected too (a peer with a note)
    assert "グループ内1団体に補正・注記" in welfare["注"]
    # 地縁組織加入率: 音威子府村 printed none → only 2 of 3 peers have a value
    assert shown.loc["地縁組織加入率", "値のある団体数"] == "2/3"


def test_export_table_keeps_numbers_and_units(data):
    comparison = hand(data, KYOGOKU, [KUSHIRO, OTOINEPPU, SUMIDA], "en")
    table = peer_view.comparison_table(data["municipalities"], comparison, data["data_quality"])
    frame, units = peer_view.export_table(table, comparison, "en")
    row = frame.set_index("Indicator").loc["Ageing rate"]
    assert row["Unit"] == "%"
    assert row["Kyogoku Town"] == pytest.approx(35.2)
    # peers 33.2, 30.6, 22.3 → median 30.6
    assert row["Peer median"] == pytest.approx(30.6)
    assert units["Percentile within peers"] == "%"


def test_peer_list_marks_town_and_small_bodies(data):
    comparison = hand(data, KYOGOKU, [KUSHIRO, OTOINEPPU])
    listing = peer_view.peer_list(data["municipalities"], comparison, "ja")
    assert listing["自治体"].tolist() == ["★ 京極町", "釧路市", "音威子府村"]
    assert listing["人口"].tolist() == ["3,004人＊", "168,730人", "734人＊"]


def test_nearest_peer_list_shows_filled_values(data):
    weights, log_keys = peer_view.all_default_weights()
    comparison = peer_view.build_comparison(
        data["municipalities"], peers.PeerParams(code=KUSHIRO, group="nearest", k=3, weights=weights), "ja",
        log_keys=log_keys)
    listing = peer_view.peer_list(data["municipalities"], comparison, "ja").set_index("自治体")
    assert listing.loc["音威子府村", "補完した指標"] == "地縁組織加入率"
    filled = peer_view.imputed_table(data["municipalities"], comparison, "ja", log_keys)
    # the other municipalities printed 43.90, 81.8, 65.19 → median 65.19
    assert filled.to_dict("records") == [{"自治体": "音威子府村", "指標": "地縁組織加入率", "補完に使った中央値": "65.19%"}]
    assert len(comparison.stability) == 5


def test_programme_view(data):
    comparison = hand(data, KYOGOKU, [KUSHIRO, SUMIDA])
    frame = peer_view.peer_charts.programme_frame(data["programmes"], data["municipalities"], KYOGOKU,
                                                  comparison.peer_codes, "ja")
    assert frame["自治体"].tolist() == ["★ 京極町＊", "釧路市", "墨田区"]
    assert frame["地域力強化"].tolist() == ["✓", "✓", "✓"]  # 京極町's design is written though not marked
    assert "都道府県事業" not in frame.columns
    # 京極町 "2人", 釧路市 "常勤1人、非常勤1人" = 2, 墨田区 "2拠点に1名配置" stored as 1 (flagged doubtful)
    assert frame["推進員（予定）"].tolist() == [2, 2, 1]
    text = peer_view.programme_reference_text(data["municipalities"], comparison, "ja")
    assert text.startswith("推進員（予定）：京極町 2人／グループ中央値 2人")


def test_prefecture_programme_view(data):
    comparison = hand(data, TOKYO, [AOMORI])
    frame = peer_view.peer_charts.programme_frame(data["programmes"], data["municipalities"], TOKYO,
                                                  comparison.peer_codes, "en")
    assert list(frame.columns) == ["code", "Body", "Prefectural", "Planned promoters"]
    assert frame["Prefectural"].tolist() == ["✓", "✓"]


def test_values_table_numbers_and_units(data):
    comparison = hand(data, KYOGOKU, [KUSHIRO, OTOINEPPU], "ja")
    values, units = peer_view.values_table(data["municipalities"], comparison, "ja")
    assert values["自治体"].tolist() == ["★ 京極町", "釧路市", "音威子府村"]
    # as printed: 3,004 / 168,730 / 734 people; 音威子府村 printed no 地縁組織加入率
    assert values["人口"].tolist() == [3004, 168730, 734]
    assert values["地縁組織加入率"].isna().tolist() == [False, False, True]
    assert units["人口"] == "人" and units["高齢化率"] == "%"
