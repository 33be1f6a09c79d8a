"""machikurabe.analysis.programme_search: literal search, escaped highlighting, programme table and side-by-side designs."""
import pytest

from machikurabe import db
from machikurabe.analysis import programme_search as ps
from machikurabe.ui import programme_view
from tests.fixture_db import KUSHIRO, KYOGOKU, SUMIDA


@pytest.fixture(scope="module")
def con(fixture_db):
    connection = db.connect(fixture_db)
    yield connection
    connection.close()


def test_find_spans_is_literal_and_case_insensitive():
    assert ps.find_spans("NPO法人とnpo", "NPO") == [(0, 3), (6, 9)]  # N P O 法 人 と = 6 characters
    assert ps.find_spans("a.c abc", ".") == [(1, 2)]
    assert ps.find_spans("居場所と居場所", "居場所") == [(0, 3), (4, 7)]
    assert ps.find_spans("", "x") == [] and ps.find_spans("x", "") == []


def test_highlight_escapes_before_marking():
    assert ps.highlight("<b>居場所</b>", "居場所") == "&lt;b&gt;<mark>居場所</mark>&lt;/b&gt;"
    hostile = "<script>alert(1)</script>"
    out = ps.highlight(f"前{hostile}後", hostile)
    assert "<script>" not in out
    assert out == "前<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>後"
    assert ps.highlight("a & b", "&") == "a <mark>&amp;</mark> b"
    assert ps.highlight("一行目\n二行目", "") == "一行目<br>二行目"


def test_search_texts(con):
    texts = db.run_query(con, "programme_texts")
    hits = ps.search_texts(texts, "社会福祉協議会")
    assert set(hits["municipality_code"]) == {KYOGOKU, SUMIDA}
    assert len(hits) == 3  # 京極町 line 118; 墨田区 lines 4229, 4256
    assert list(hits["source_line"]) == [118, 4229, 4256]
    assert ps.search_texts(texts, "   ").empty


@pytest.mark.parametrize("hostile", ["'; DROP TABLE municipalities; --", "<script>alert(1)</script>", ".*", "%", "(?i)"])
def test_hostile_search_terms_match_nothing_and_raise_nothing(con, hostile):
    texts = db.run_query(con, "programme_texts")
    assert ps.search_texts(texts, hostile).empty
    assert len(db.run_query(con, "municipalities")) == 6


def test_snippet_cuts_around_first_hit():
    text = "あ" * 100 + "居場所" + "い" * 100
    cut = ps.snippet(text, "居場所", width=10)
    assert cut == "…" + "あ" * 10 + "居場所" + "い" * 10 + "…"
    assert ps.snippet("短い居場所", "居場所") == "短い居場所"


def test_programme_table(con):
    table = programme_view.programme_table(db.run_query(con, "programmes"), "ja")
    assert len(table) == 10
    kushiro_cc = table[(table["コード"] == KUSHIRO) & (table["事業"] == "地域力強化")].iloc[0]
    assert kushiro_cc["自治体"] == "釧路市"
    assert kushiro_cc["財源等の確保"] == "日本財団「わがまち基金」"
    kyogoku_cc = table[(table["コード"] == KYOGOKU) & (table["事業"] == "地域力強化")].iloc[0]
    assert not kyogoku_cc["実施事業欄の印"] and kyogoku_cc["設計の記載"]
    assert "Body" in programme_view.programme_table(db.run_query(con, "programmes"), "en").columns


def test_programme_table_flags_doubted_values(con):
    table = programme_view.programme_table(db.run_query(con, "programmes"), "ja", quality=db.run_query(con, "data_quality"))
    sumida = table[table["コード"] == SUMIDA].set_index("事業")["注"]
    assert sumida["多機関協働"] == "⚠ 相談支援包括化推進員の配置予定人数"  # ④ 2拠点に1名配置, rule doubtful
    assert sumida["地域力強化"] == ""  # no promoter count in that programme
    assert set(table.loc[table["コード"] == KUSHIRO, "注"]) == {""}


def test_compare_designs_field_by_field(con):
    programmes = db.run_query(con, "programmes")
    frame = programme_view.compare_designs(programmes, [KUSHIRO, SUMIDA], "multi_agency", "ja")
    assert list(frame.columns) == ["釧路市", "墨田区"]
    assert frame.loc["事業名", "釧路市"] == "包括的な相談支援システム構築事業"
    assert frame.loc["事業名", "墨田区"] == "地域福祉プラットフォーム事業"
    assert frame.loc["相談支援包括化推進員の配置予定人数", "墨田区"] == "1人（2拠点に1名配置）"  # unit, then as printed
    assert frame.loc["委託先", "墨田区"] == "記載なし"
    assert "拠点の場所" not in frame.index  # empty for both bodies in this programme


def test_compare_designs_body_without_that_programme(con):
    programmes = db.run_query(con, "programmes")
    frame = programme_view.compare_designs(programmes, [KUSHIRO, SUMIDA], "prefectural", "en")
    assert frame.empty


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(max_size=80), st.text(max_size=10))
def test_highlight_never_emits_markup_from_the_input(text, needle):
    out = ps.highlight(text, needle)
    stripped = out.replace("<mark>", "").replace("</mark>", "").replace("<br>", "")
    assert "<" not in stripped and ">" not in stripped
    assert out.count("<mark>") == len(ps.find_spans(text, needle))


def test_known_codes_keeps_shown_bodies_in_link_order_and_drops_the_rest():
    from machikurabe.analysis.programme_search import known_codes

    shown = ["01206", "13107", "05203", "27100"]
    assert known_codes(["13107", "'; DROP TABLE x", "01206", "13107", "99999", "05203", "27100"], shown, limit=3) \
        == ["13107", "01206", "05203"]
    assert known_codes([""], shown, limit=3) == []


def test_the_programme_table_names_prefectures_in_english_in_english():
    """The English 事業設計 table once kept 北海道 in kanji beside "Sapporo City"."""
    import pandas as pd

    from machikurabe.ui.programme_view import programme_table

    row = {"municipality_code": "01100", "prefecture": "北海道", "name": "札幌市", "name_en": "Sapporo City",
           "kind": "designated_city", "programme": "multi_agency", "marked": True, "has_content": True}
    from machikurabe.analysis.programme_search import TABLE_FIELDS

    frame = pd.DataFrame([row | {field: None for field in TABLE_FIELDS}])
    assert programme_table(frame, "en")["Prefecture"].tolist() == ["Hokkaido"]
    assert programme_table(frame, "ja")["都道府県"].tolist() == ["北海道"]


def test_programme_file_has_units_sources_years_and_the_filtered_link(con):
    """issue 19: 事業設計's CSV was the bare table (no units, 出典, date or link)."""
    from machikurabe.ui import files

    table = programme_view.programme_table(db.run_query(con, "programmes"), "ja")
    lines = files.csv_bytes(programme_view.programme_file(table, "ja", {"prog": "multi_agency"}), "ja") \
        .decode("utf-8-sig").splitlines()
    header, units = lines[0].split(","), lines[1].split(",")
    assert units[header.index("相談支援包括化推進員の配置予定人数")] == "人"
    assert units[header.index("実施事業欄の印")] == "TRUE/FALSE"
    assert units[0] == "単位：（文字）"
    assert "この表示を再現するURL：/programmes?prog=multi_agency" in lines
    assert any(line.startswith("出典：厚生労働省") for line in lines)
    assert "データの年：令和元年度（2019年度）実施計画。基準日は自治体ごとに異なる（多くは2019年）" in lines
