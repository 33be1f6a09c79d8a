"""machikurabe.analysis.profile: option labels, body search, ranks within comparison groups, quality notes, programme cards.

Expected values are the fixture's hand copies of data/raw/003 (line numbers in tests/fixture_db.py).
"""
import pandas as pd
import pytest

from machikurabe import db
from machikurabe.analysis import profile
from machikurabe.ui import profile_text
from tests.fixture_db import (
    AOMORI,
    KUSHIRO,
    KYOGOKU,
    OTOINEPPU,
    SUMIDA,
    TOKYO,
)


@pytest.fixture(scope="module")
def con(fixture_db):
    connection = db.connect(fixture_db)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def bodies(con):
    return db.run_query(con, "municipalities")


def body(bodies, code):
    return bodies[bodies["code"] == code].iloc[0]


def rows_for(con, bodies, code, lang="ja"):
    quality = db.run_query(con, "data_quality_for_body", {"code": code})
    return profile_text.indicator_rows(body(bodies, code), bodies, quality, lang).set_index("key")


def test_hiragana():
    assert profile.to_hiragana("クシロシ") == "くしろし"
    assert profile.to_hiragana("キョウゴクチョウ") == "きょうごくちょう"
    assert profile.to_hiragana(None) == ""


def test_option_labels_carry_kanji_kana_romaji_and_prefecture(bodies):
    assert profile_text.option_label(body(bodies, KUSHIRO), "ja") == "釧路市（くしろし / Kushiro City）· 北海道"
    assert profile_text.option_label(body(bodies, KUSHIRO), "en") == "Kushiro City (釧路市, くしろし) · Hokkaido"
    assert profile_text.option_label(body(bodies, AOMORI), "ja") == "青森県（あおもりけん / Aomori Prefecture）· 都道府県"


@pytest.mark.parametrize("text, expected", [
    ("釧路", {KUSHIRO}), ("くしろ", {KUSHIRO}), ("クシロ", {KUSHIRO}), ("kushiro", {KUSHIRO}),
    ("KUSHIRO city", {KUSHIRO}), ("otoineppu", {OTOINEPPU}), ("すみだ", {SUMIDA}), ("東京都", {SUMIDA, TOKYO}),
    ("存在しない", set()),
])
def test_search_bodies(bodies, text, expected):
    assert set(profile.search_bodies(bodies, text)["code"]) == expected


def test_comparison_groups_keep_prefectures_apart(bodies):
    broad, same_kind = profile.comparison_groups(body(bodies, TOKYO), bodies)
    assert set(broad["code"]) == {AOMORI, TOKYO}
    broad, same_kind = profile.comparison_groups(body(bodies, SUMIDA), bodies)
    assert set(broad["code"]) == {KUSHIRO, KYOGOKU, OTOINEPPU, SUMIDA}
    assert set(same_kind["code"]) == {SUMIDA}


def test_kushiro_values_and_ranks(con, bodies):
    rows = rows_for(con, bodies, KUSHIRO)
    assert rows.loc["population", "値"] == "168,730人"
    assert rows.loc["population", "全市区町村中の順位"] == "4中2位"  # 墨田区 274,296 > 釧路市 168,730 > 3,004 > 734
    assert rows.loc["ageing_rate_pct", "値"] == "33.2%"
    assert rows.loc["ageing_rate_pct", "全市区町村中の順位"] == "4中2位"  # 京極町 35.2 > 33.2 > 30.6 > 22.3
    assert rows.loc["area_km2", "値"] == "1,362.90 km²"
    assert rows.loc["area_km2", "全市区町村中の順位"] == "4中1位"
    assert rows.loc["population", "同種の団体中の順位"] == "1中1位"  # only city in the fixture
    assert rows.loc["population", "注"] == ""


def test_sumida_welfare_rate_is_the_corrected_value_and_flagged(con, bodies):
    rows = rows_for(con, bodies, SUMIDA)
    assert rows.loc["welfare_rate_pct", "値"] == "2.9%"  # 2.866 %: one decimal for every % (README "Decimals by unit")
    assert rows.loc["welfare_rate_pct", "注"] == "⚠"
    # 4.92 (釧路市) > 2.866 > 1.38 (京極町, ‰ corrected) > 0.1
    assert rows.loc["welfare_rate_pct", "全市区町村中の順位"] == "4中2位"


def test_missing_value_shown_as_not_stated_without_rank(con, bodies):
    rows = rows_for(con, bodies, OTOINEPPU)
    assert rows.loc["association_rate_pct", "値"] == "記載なし"
    assert rows.loc["association_rate_pct", "全市区町村中の順位"] == "—"
    assert rows.loc["association_rate_pct", "注"] == "⚠"


def test_prefecture_ranked_among_prefectures_only(con, bodies):
    rows = rows_for(con, bodies, TOKYO, "en")
    assert rows.loc["population", "Value"] == "13,953,744 persons"
    assert rows.loc["population", "Rank among all prefectures"] == "1 of 2"
    assert rows.loc["elementary_schools", "Rank among all prefectures"] == "1 of 1"  # 青森県 printed (校) empty
    assert "Rank, same kind" not in rows.columns  # the same group twice would say nothing new


def test_quality_notes_show_the_printed_text_and_rule(con):
    quality = db.run_query(con, "data_quality_for_body", {"code": SUMIDA})
    notes = profile_text.quality_notes(quality, "ja")
    welfare = notes[notes["項目"] == "生活保護受給率"].iloc[0]
    assert welfare["記載どおり"] == "28.66 (%)"
    assert welfare["格納値"] == "2.866"
    assert welfare["行"] == 4212
    assert profile_text.quality_notes(quality.iloc[0:0]).empty


def test_programme_cards(con):
    progs = db.run_query(con, "programmes_for_body", {"code": KUSHIRO})
    texts = db.run_query(con, "programme_texts_for_body", {"code": KUSHIRO})
    cards = profile_text.programme_cards(progs, texts, "ja")
    assert [c["programme"] for c in cards] == ["community_capacity", "multi_agency"]
    cc = {f["field"]: f for f in cards[0]["fields"]}
    assert cc["implementer"]["line"] == 31
    assert cc["funding"]["text"] == "日本財団「わがまち基金」"
    assert cc["target_area_population"]["text"] == "1,786人"
    assert cards[0]["section_line"] == 29 and cards[0]["status"] is None
    ma = {f["field"]: f for f in cards[1]["fields"]}
    assert ma["promoter_count"]["text"] == "2人（記載どおり：常勤1人、非常勤1人）"
    assert ma["promoter_count"]["line"] == 73


def test_card_notes_a_design_that_is_not_marked(con):
    progs = db.run_query(con, "programmes_for_body", {"code": KYOGOKU})
    cards = profile_text.programme_cards(progs, pd.DataFrame(columns=["programme", "field", "source_line"]), "ja")
    assert cards[0]["status"] == "設計の記載がありますが、実施事業欄に印はありません。"
    assert cards[1]["status"] is None


def test_labels_by_code_in_each_style(bodies):
    names = profile_text.labels_by_code(bodies, "name", "ja")
    assert names[KUSHIRO] == "釧路市"
    assert names[AOMORI] == "青森県"
    assert profile_text.labels_by_code(bodies, "name", "en")[KUSHIRO] == "Kushiro City"
    assert profile_text.labels_by_code(bodies, "name_code", "ja")[KUSHIRO] == "釧路市（01206）"
    assert profile_text.labels_by_code(bodies, "option", "ja")[KUSHIRO] == "釧路市（くしろし / Kushiro City）· 北海道"
    assert set(names) == set(bodies["code"])
    with pytest.raises(ValueError):
        profile_text.labels_by_code(bodies, "nickname", "ja")


def test_labels_with_prefecture_leave_prefectures_bare(bodies):
    ja = profile_text.labels_by_code(bodies, "name_prefecture", "ja")
    assert ja[KUSHIRO] == "釧路市（北海道）"
    assert ja[SUMIDA] == "墨田区（東京都）"
    assert ja[AOMORI] == "青森県"
    assert profile_text.labels_by_code(bodies, "name_prefecture", "en")[KUSHIRO] == "Kushiro City (Hokkaido)"  # romanised in English, as every name


def test_quality_notes_speak_the_readers_language():
    from machikurabe.ui.profile_text import note_text, quality_notes

    assert note_text("printed 12.9 ‰, stored 1.29 %", "ja") == "記載 12.9‰ → 1.29% として保存"
    assert note_text("printed 12.9 ‰, stored 1.29 %", "en") == "printed 12.9 ‰, stored 1.29 %"
    rows = pd.DataFrame([{"field": "marks", "raw_value": "not marked", "value": "runs (by section)",
                          "rule": "section_without_mark", "source_line": 1094,
                          "note": "地域力強化推進事業 not marked on the 実施事業 line but its section carries a design"}])
    shown = quality_notes(rows, "ja").iloc[0].tolist()
    assert "印なし" in shown and "実施（計画の記載による）" in shown
    assert "section_without_mark" not in shown  # a readable rule, not its id
    assert not any("not marked" in str(v) for v in shown)


def test_printed_against_official_names_the_unit_beside_the_text_as_printed():
    """The printed 38.46 and 17,818 (003 l.1802, 湯沢市) were shown without a unit; the text stays as printed."""
    from machikurabe.ui.profile_text import printed_vs_official

    rows = pd.DataFrame([
        {"field": "ageing_rate_pct", "raw_value": "38.46", "source_line": 1802,
         "note": "official ageing_rate_pct 2020 = 40.21 (SSDSE-A-2026); printed 38.46; difference -1.8 points, "
                 "tolerance ±1.0 point"},
        {"field": "households", "raw_value": "17,818", "source_line": 1802,
         "note": "official A7101 2020 = 15,685 (SSDSE-A-2026); printed 17,818; difference +13.6 %, tolerance ±5 %"}])
    table = printed_vs_official(rows, "ja")
    assert table[["単位", "計画の記載"]].values.tolist() == [["%", "38.46"], ["世帯", "17,818"]]
    assert table.iloc[0, 4].startswith("-1.8ポイント")  # difference of rates in points


def test_the_subtitle_gives_the_kana_reading_in_japanese_and_the_kanji_name_in_english():
    from machikurabe.ui.profile_text import place_subtitle

    yuzawa = {"name": "湯沢市", "name_kana": "ユザワシ", "prefecture": "秋田県", "kind": "city",
              "municipal_type": "都市Ⅰ－１"}
    assert place_subtitle(yuzawa, "05207", "ja", 132) == "秋田県 · 市 · ゆざわし · コード 05207 · 類似団体区分：都市Ⅰ－１（132団体）"
    assert place_subtitle(yuzawa, "05207", "en", 132) == \
        "Akita Prefecture · City · 湯沢市 · Code 05207 · Type group (類似団体区分): 都市Ⅰ－１ (132 bodies)"


def test_profile_analysis_imports_no_wording():
    """Issue 19, defect 5: analysis/profile.py imported machikurabe.i18n and returned worded cells; its wording now
    lives in ui/profile_text.py."""
    import ast
    from pathlib import Path

    import machikurabe.analysis.profile as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [n for n in names if n == "machikurabe.i18n" or n.startswith("machikurabe.i18n.")]
    assert not [n for n in names if n.startswith("machikurabe.ui")]


def test_profile_analysis_returns_numbers_with_units(con, bodies):
    quality = db.run_query(con, "data_quality_for_body", {"code": SUMIDA})
    rows = profile.indicator_standing(body(bodies, SUMIDA), bodies, quality).set_index("key")
    # 墨田区 274,296 persons: the largest of the four municipalities
    assert rows.loc["population", "value"] == 274296 and rows.loc["population", "unit"] == "人"
    assert (rows.loc["population", "rank_all"], rows.loc["population", "n_all"]) == (1, 4)
    # 生活保護受給率 2.866 % (28.66 ‰ printed): 4.92 > 2.866 > 1.38 > 0.1 → 2nd of 4, flagged
    assert rows.loc["welfare_rate_pct", "value"] == 2.866 and rows.loc["welfare_rate_pct", "unit"] == "%"
    assert rows.loc["welfare_rate_pct", "rank_all"] == 2 and bool(rows.loc["welfare_rate_pct", "flagged"])
    note = ("official ageing_rate_pct 2020 = 40.21 (SSDSE-A-2026); printed 38.46; difference -1.8 points, "
            "tolerance ±1.0 point")
    assert profile.parse_official_note(note) == {"year": "2020", "official": "40.21", "edition": "SSDSE-A-2026",
                                                 "printed": "38.46", "diff": "-1.8 points", "tol": "±1.0 point"}
