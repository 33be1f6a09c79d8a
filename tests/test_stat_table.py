"""machikurabe.stat_table, the one reader for statistics tables (SSDSE build, uploads, check-table): a property test
over generated tables and one test per case of the issue, with its message in Japanese and English."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from machikurabe import stat_table

ROOT = Path(__file__).resolve().parent.parent
GAZ = pd.read_csv(ROOT / "geo" / "gazetteer.csv", dtype=str)
PLACES = GAZ[(GAZ["kind"] != "ward") | GAZ["code"].str.startswith("131")].reset_index(drop=True)
WARDS = GAZ[(GAZ["kind"] == "ward") & ~GAZ["code"].str.startswith("131")].reset_index(drop=True)
MUNICIPALITIES = PLACES[PLACES["kind"] != "prefecture"].reset_index(drop=True)
CODE6 = dict(zip(GAZ["code"], GAZ["code6"]))


def read(text: str, lang: str = "ja", encoding: str = "utf-8", name: str = "t.csv"):
    table = stat_table.read_stat_table(name, text.encode(encoding), PLACES, lang, wards=WARDS)
    stat_table.cell_problems(table, lang)
    return table


def keys(table):
    return [i.key for i in table.issues]


def issue(table, key):
    return next(i for i in table.issues if i.key == key)


# --- numbers -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1,234", (1234.0, None)), ("１２３４", (1234.0, None)), ("△5", (-5.0, None)), ("▲1,200", (-1200.0, None)),
    ("−3.5", (-3.5, None)), ("(5)", (-5.0, None)), ("（５）", (-5.0, None)), ("-0.4", (-0.4, None)),
    ("12.5%", (12.5, None)), ("-", (None, "dash")), ("－", (None, "dash")), ("…", (None, "not_available")),
    ("x", (None, "confidential")), ("χ", (None, "confidential")), ("秘匿", (None, "confidential")),
    ("", (None, "blank")), ("不明", (None, "invalid")), ("inf", (None, "invalid")), ("1e400", (None, "invalid")),
])
def test_japanese_number_notation(text, expected):
    assert stat_table.parse_number(text) == expected


def test_check_digit_by_hand():
    # 02321 鰺ヶ沢町: 0·6 + 2·5 + 3·4 + 2·3 + 1·2 = 30; 30 mod 11 = 8; 11 − 8 = 3
    assert stat_table.check_digit("02321") == "3"
    assert stat_table.normalise_code("023213") == ("02321", None)
    assert stat_table.normalise_code("023214") == (None, "check_digit")
    assert stat_table.normalise_code("R05203") == ("05203", None)


# --- the issue's cases -------------------------------------------------------------------------------------------

def test_ssdse_like_header_rows_and_former_code():
    text = ("SSDSE-A-2021,prefecture,municipality,A1101,D2211\n"
            ",,年度,2015,2018\n"
            "地域コード,都道府県,市区町村,総人口,実質公債費比率（市町村財政）\n"
            "R05203,秋田県,横手市,92197,7\n"
            "R40305,福岡県,那珂川町,50004,△0.4\n"
            "R09411,栃木県,那珂川町,16964,x\n")
    table = read(text, "en")
    assert table.header_kinds == ["code", "year", "label"]
    assert [(i.code, i.year, i.name) for i in table.indicators] == [("A1101", 2015, "総人口"),
                                                                  ("D2211", 2018, "実質公債費比率（市町村財政）")]
    long = stat_table.long_values(table).set_index(["code", "indicator"])
    assert long.loc[("40231", "A1101"), "value"] == 50004  # the former code, read as the current place
    assert long.loc[("40231", "D2211"), "value"] == -0.4
    assert long.loc[("09411", "A1101"), "value"] == 16964  # 栃木県那珂川町 stays itself
    assert pd.isna(long.loc[("09411", "D2211"), "value"]) and long.loc[("09411", "D2211"), "status"] == "confidential"
    assert "40305 → 40231" in issue(table, "former_codes").text
    assert "stated status" in issue(table, "status_cells").text


def test_title_unit_and_source_rows_above_the_labels():
    text = ("令和2年 市区町村別の統計表,,\n"
            "単位,人,%\n"
            "団体コード,人口,高齢化率\n"
            "052035,85555,39.0\n"
            "出典：国勢調査,,\n")
    table = read(text)
    assert table.header_kinds == ["title", "unit", "label"]
    assert [(i.name, i.unit) for i in table.indicators] == [("人口", "人"), ("高齢化率", "%")]
    assert "見出し行3行" in issue(table, "header_rows").text
    # the source line under the data names no place: recognised as a note, reported with its line, never assigned
    assert [r.kind for r in table.rows] == ["place", "note"]
    assert table.matched_codes() == ["05203", None]
    assert "出典：国勢調査（5行目）" in issue(table, "note_rows").text


def test_national_total_prefecture_and_ward_rows_are_recognised(tmp_path):
    text = ("コード,名称,人口\n00000,全国,126146099\n05000,秋田県,959502\n05203,横手市,85555\n"
            "01101,札幌市中央区,248680\n")
    for lang, words in (("ja", ("全国・合計", "政令指定都市の区", "都道府県の行")),
                        ("en", ("national or total", "wards of a designated city", "prefecture rows"))):
        table = read(text, lang)
        assert [r.kind for r in table.rows] == ["total", "prefecture", "place", "ward"]
        assert words[0] in issue(table, "total_rows").text and words[1] in issue(table, "ward_rows").text
        assert words[2] in issue(table, "prefecture_rows").text
        assert "unknown_bodies" not in keys(table)  # a ward is neither a town nor unknown


def test_ward_by_prefecture_and_name():
    table = read("都道府県,市区町村名,人口\n北海道,札幌市中央区,248680\n東京都,中央区,169179\n")
    # 札幌市中央区 is a designated-city ward (not a municipality); 東京都中央区 is a special ward, a municipality
    assert [(r.kind, r.code) for r in table.rows] == [("ward", None), ("place", "13102")]


def test_unknown_and_invalid_codes_reported_with_their_line():
    for lang, word in (("ja", "3行目"), ("en", "row 3")):
        table = read("コード,値\n052035,1\n052036,2\n99999,3\n", lang)
        text = issue(table, "unknown_bodies").text
        assert "052036" in text and "99999" in text and word in text
        assert ("検査数字" if lang == "ja" else "check digit") in text
        assert table.matched_codes() == ["05203", None, None]


def test_one_message_per_problem_kind_not_one_per_cell():
    rows = "\n".join(f"{c},不明,x" for c in MUNICIPALITIES["code"][:130])
    table = read("コード,a,b\n" + rows)
    assert keys(table).count("non_numeric") == 1 and keys(table).count("status_cells") == 1
    assert "130" in issue(table, "non_numeric").text and "+125" in issue(table, "non_numeric").text


@pytest.mark.parametrize("lang, words", [("ja", "空です"), ("en", "empty")])
def test_empty_file_says_so(lang, words):
    table = stat_table.read_stat_table("a.csv", b"", PLACES, lang, wards=WARDS)
    assert keys(table) == ["empty_file"] and words in table.issues[0].text and not table.readable
    headers_only = stat_table.read_stat_table("a.csv", "コード,値\n".encode(), PLACES, lang, wards=WARDS)
    assert "empty" in keys(headers_only) and not headers_only.readable


def test_size_limit_is_one_constant():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    # the server takes a little more than the app (20 → 25 MB), so the app's own message is the one a 20–25 MB file gets
    assert config["server"]["maxUploadSize"] == stat_table.SERVER_UPLOAD_MB == 25 and stat_table.MAX_UPLOAD_MB == 20
    big = stat_table.read_stat_table("a.csv", b"0" * (stat_table.MAX_BYTES + 1), PLACES, "ja", wards=WARDS)
    assert f"上限は{stat_table.MAX_UPLOAD_MB}MB" in big.issues[0].text
    big = stat_table.read_stat_table("a.csv", b"0" * (stat_table.MAX_BYTES + 1), PLACES, "en", wards=WARDS)
    assert f"The limit is {stat_table.MAX_UPLOAD_MB} MB" in big.issues[0].text


@pytest.mark.parametrize("encoding, expected", [("cp932", "Shift_JIS (CP932)"), ("utf-8", "UTF-8"),
                                                ("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16")])
def test_encodings(encoding, expected):
    sep = "\t" if encoding == "utf-16" else ","
    text = sep.join(["コード", "高齢化率"]) + "\n" + sep.join(["05203", "39.0"]) + "\n"
    table = stat_table.read_stat_table("t.txt" if encoding == "utf-16" else "t.csv", text.encode(encoding), PLACES, wards=WARDS)
    assert table.encoding == expected
    assert stat_table.long_values(table)[["code", "value"]].values.tolist() == [["05203", 39.0]]


def test_xlsx_with_merged_header_cells():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["人口の統計", None, None])
    ws.append(["コード", "人口", None])
    ws.append([None, "総数", "65歳以上"])
    ws.append(["05203", 85555, 33401])
    ws.merge_cells("B2:C2")
    ws.merge_cells("A2:A3")
    buffer = io.BytesIO()
    book.save(buffer)
    table = stat_table.read_stat_table("t.xlsx", buffer.getvalue(), PLACES, "ja", wards=WARDS)
    # issue 18: a 総数 sub-heading adds nothing to the name (人口 総数 is 人口)
    assert [i.name for i in table.indicators] == ["人口", "人口 65歳以上"]
    assert stat_table.long_values(table)["value"].tolist() == [85555.0, 33401.0]


def test_rate_outside_0_100_is_kept_and_reported():
    for lang, word in (("ja", "正当な値"), ("en", "legitimate")):
        table = read("コード,経常収支比率,実質公債費比率\n05203,104.2,-1.5\n", lang)
        assert table.values.iloc[0].tolist() == [104.2, -1.5]
        assert word in issue(table, "out_of_range").text


def test_check_table_command(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("コード,人口\n05203,85555\n99999,1\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "machikurabe", "check-table", str(path), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert list(report) == ["places_matched", "indicators", "unknown_rows", "messages"]
    assert report["places_matched"] == 1
    assert report["indicators"] == [{"name": "人口", "unit": "", "values": {"05203": 85555.0}}]
    assert report["unknown_rows"] == [{"line": 3, "key": "99999"}]
    assert all(isinstance(m, str) for m in report["messages"])
    bad = tmp_path / "t.json"
    bad.write_text("{}", encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "machikurabe", "check-table", str(bad)], capture_output=True,
                          cwd=ROOT).returncode == 2


# --- property: never crashes, never gives a value to a place other than the one its row names ---------------------

def _num(v: float) -> str:
    return repr(float(v))  # no exponent for |v| < 1e16, every digit kept


NUMBER_FORMS = {
    "plain": _num,
    "comma": lambda v: f"{v:,}",
    "fullwidth": lambda v: _num(v).translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－")),
    "triangle": lambda v: f"△{_num(-v)}" if v < 0 else _num(v),
    "black_triangle": lambda v: f"▲{_num(-v)}" if v < 0 else _num(v),
    "minus_sign": lambda v: f"−{_num(-v)}" if v < 0 else _num(v),
    "brackets": lambda v: f"({_num(-v)})" if v < 0 else _num(v),
}
STATUS = ["-", "…", "x", "χ", "秘匿"]


@st.composite
def tables(draw):
    n_places = draw(st.integers(1, 8))
    idx = draw(st.lists(st.integers(0, len(MUNICIPALITIES) - 1), min_size=n_places, max_size=n_places, unique=True))
    places = MUNICIPALITIES.iloc[idx]
    key_form = draw(st.sampled_from(["5", "6", "R", "name"]))
    n_ind = draw(st.integers(1, 3))
    cells, expected = [], []
    for code in places["code"]:
        row = []
        for j in range(n_ind):
            if draw(st.booleans()) and draw(st.booleans()):
                token = draw(st.sampled_from(STATUS))
                row.append(token)
                expected.append((code, j, None))
            else:
                value = draw(st.integers(-10**7, 10**7)) / draw(st.sampled_from([1, 10, 100]))
                form = draw(st.sampled_from(sorted(NUMBER_FORMS)))
                row.append(NUMBER_FORMS[form](value))
                expected.append((code, j, value))
        cells.append(row)
    labels = [draw(st.sampled_from(["人口", "高齢化率", "世帯数", "経常収支比率", "件数"])) + str(j) for j in range(n_ind)]
    header_rows = [("label", labels)]
    if draw(st.booleans()):
        header_rows.append(("code", [f"A{1101 + j}" for j in range(n_ind)]))
    if draw(st.booleans()):
        header_rows.append(("year", [str(2015 + j) for j in range(n_ind)]))
    order = draw(st.permutations(header_rows))
    titles = draw(st.lists(st.sampled_from(["統計表", "出典：総務省", "令和2年10月1日現在"]), max_size=2))
    return places, key_form, order, titles, cells, expected


def _key_cells(place, key_form):
    if key_form == "5":
        return [place.code]
    if key_form == "6":
        return [CODE6[place.code]]
    if key_form == "R":
        return ["R" + place.code]
    return [place.prefecture, place.name]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=tables(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]),
       lang=st.sampled_from(["ja", "en"]))
def test_generated_tables_are_read_without_misassignment(case, encoding, lang):
    places, key_form, header_rows, titles, cells, expected = case
    key_header = ["都道府県", "市区町村名"] if key_form == "name" else ["コード"]
    lines = [[t] for t in titles]
    for kind, row in header_rows:
        lines.append((key_header if kind == "label" else [""] * len(key_header)) + row)
    for place, row in zip(places.itertuples(), cells):
        lines.append(_key_cells(place, key_form) + row)
    sep = "\t" if encoding == "utf-16" else ","  # Excel's 「Unicode テキスト」 is UTF-16, tab-separated
    text = "\n".join(sep.join(f'"{c}"' for c in line) for line in lines) + "\n"
    table = stat_table.read_stat_table("t.txt" if encoding == "utf-16" else "t.csv", text.encode(encoding), PLACES, lang, wards=WARDS)
    stat_table.cell_problems(table, lang)
    assert all(i.text.strip() for i in table.issues)
    long = stat_table.long_values(table)
    # every value lands on the place its row names, in the column it was written in
    got = {(r.code, i): (r.value, r.status) for i, ind in enumerate(table.indicators)
           for r in long[long["indicator"] == (ind.code or ind.name)].itertuples()}
    assert set(long["code"]) <= set(places["code"])
    for code, j, value in expected:
        if (code, j) not in got:
            continue  # a row the reader could not key is reported, never given to another place
        number, status = got[(code, j)]
        if value is None:
            assert pd.isna(number) and status not in (None, "invalid")
        else:
            assert number == pytest.approx(value)
    # and every row is keyed when the key is a valid code or name, except a bare 5-digit code that also reads as a
    # 6-digit code without its leading zero (0 + the cell passes the check digit): with no names to decide, refused
    for row, code in zip(table.rows, places["code"]):
        two_readings = key_form == "5" and code[0] != "0" and stat_table.check_digit("0" + code[:4]) == code[4]
        assert row.code == (None if two_readings else code)
        assert row.kind == ("ambiguous" if two_readings else row.kind)


# --- every message kind in both languages -------------------------------------------------------------------------

CASES = {
    "header_rows": "表,,\nコード,人口,率\n05203,85555,39.0\n",
    "encoding_used": "コード,人口\n05203,85555\n",
    "unknown_bodies": "コード,人口\n99999,1\n",
    "total_rows": "コード,人口\n00000,1\n05203,2\n",
    "prefecture_rows": "コード,人口\n05000,1\n",
    "ward_rows": "コード,人口\n01101,1\n05203,2\n",
    "former_codes": "コード,人口\n40305,50004\n",
    "duplicates": "コード,人口\n05203,1\n05203,2\n",
    "non_numeric": "コード,人口\n05203,不明\n05207,2\n",
    "status_cells": "コード,人口\n05203,秘匿\n05207,2\n",
    "out_of_range": "コード,経常収支比率\n05203,104.2\n",
    "empty_column": "コード,人口,空\n05203,1,\n",
    "no_key": "町,人口\n横手,1\n",
    "empty": "コード,人口\n",
}


@pytest.mark.parametrize("key", sorted(CASES))
def test_each_message_kind_in_japanese_and_english(key):
    texts = {}
    for lang in ("ja", "en"):
        table = read(CASES[key], lang)
        assert key in keys(table), (lang, keys(table))
        texts[lang] = issue(table, key).text
    assert texts["ja"] != texts["en"]
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in texts["ja"])  # kana or kanji
    assert texts["en"][0].isascii()
