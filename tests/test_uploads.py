"""Tests for machikurabe.analysis.uploads: one test per bad case of the validation report (size, type, encoding,
unknown bodies, duplicates, non-numeric, percent out of range, empty column, formula-like cells), in ja and en."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from machikurabe.analysis import uploads
from machikurabe.ui import exports

# a handful of bodies as in the real data (codes, prefecture, name, kind)
BODIES = pd.DataFrame([
    ("01206", "北海道", "釧路市", "city"),
    ("01399", "北海道", "京極町", "town"),
    ("01433", "北海道", "妹背牛町", "town"),
    ("13000", "東京都", "東京都", "prefecture"),
    ("13107", "東京都", "墨田区", "ward"),
], columns=["code", "prefecture", "name", "kind"])


def load(text: str, encoding: str = "utf-8", name: str = "mine.csv", lang: str = "ja"):
    return uploads.load_upload(name, text.encode(encoding), BODIES, lang)


def keys(result):
    return [i.key for i in result.issues]


def test_good_utf8_file_by_five_digit_code():
    result = load("コード,独自の率（%）\n01206,12.5\n01399,3\n")
    assert result.ok
    assert result.values.to_dict("records") == [{"code": "01206", "user_1": 12.5}, {"code": "01399", "user_1": 3.0}]
    # issue 18: the unit printed in the heading becomes the unit, once (not 「独自の率（%）（%）」 on a chart)
    assert result.meta == {"user_1": {"name": "独自の率", "unit": "%", "year": None, "decimals": 1, "status": {},
                                      "places": 2}}


def test_numbers_keep_the_decimals_the_file_wrote():
    """Seen in a screenshot: an uploaded 人口 of 18134 was drawn as 「18,134.00」. The file's own numbers set the
    decimals: whole numbers none, 12.25 two, never more than four."""
    result = load("コード,人口,率,細かい値\n01206,18134,12.25,0.123456\n01399,26143,3,1\n")
    assert [m["decimals"] for m in result.meta.values()] == [0, 2, 4]


def test_utf8_with_bom():
    result = load("code,x\n01206,1\n", encoding="utf-8-sig")
    assert result.ok and list(result.values.columns) == ["code", "user_1"]  # the BOM is not part of "code"


def test_shift_jis_file():
    result = load("団体コード,見守り件数\n012068,120\n013994,45\n", encoding="cp932")
    assert result.ok
    assert result.encoding == "Shift_JIS (CP932)"
    assert "encoding_used" in keys(result)
    # six-digit codes carry the JIS check digit: 01206-8 and 01399-4
    assert result.values["code"].tolist() == ["01206", "01399"]
    assert result.meta["user_1"]["name"] == "見守り件数"


def test_undecodable_bytes():
    result = uploads.load_upload("bad.csv", b"code,x\n\xff\xfe\x80\x81\xfc\xfc,1\n", BODIES, "ja")
    assert not result.ok and keys(result) == ["bad_encoding"]


def test_match_by_prefecture_and_name_including_prefecture_block():
    result = load("都道府県,市区町村名,値\n北海道,釧路市,1\n東京都,東京都,2\n")
    assert result.values["code"].tolist() == ["01206", "13000"]


def test_codes_that_lost_leading_zeros():
    # Excel turns 01206 into 1206, and 012068 into 12068
    assert uploads.normalise_code("1206", set(BODIES["code"])) == "01206"
    # issue 11: a lone 5-digit value is a 5-digit code, never re-read as a 6-digit code (that put 西尾市's figure
    # on 鰺ヶ沢町); only a column of 6-digit codes reads its 5-digit cells that way (see the next test)
    assert uploads.normalise_code("12068", set(BODIES["code"])) == "12068"
    assert uploads.normalise_code("13107", set(BODIES["code"])) == "13107"
    assert uploads.normalise_code("１３１０７", set(BODIES["code"])) == "13107"  # full-width digits


def test_check_digit_by_hand():
    # 01206: 0·6 + 1·5 + 2·4 + 0·3 + 6·2 = 25; 25 mod 11 = 3; 11 − 3 = 8
    assert uploads.check_digit("01206") == "8"
    # 13000: 1·6 + 3·5 = 21; 21 mod 11 = 10; 11 − 10 = 1
    assert uploads.check_digit("13000") == "1"


def test_file_too_big():
    result = uploads.load_upload("big.csv", b"x" * (uploads.MAX_BYTES + 1), BODIES, "en")
    assert keys(result) == ["too_big"]
    assert "20 MB" in result.issues[0].text


def test_wrong_type():
    result = uploads.load_upload("data.json", b"{}", BODIES, "ja")
    assert keys(result) == ["wrong_type"]
    assert "CSV" in result.issues[0].text and ".json" in result.issues[0].text


def test_no_key_column():
    result = load("town,x\n釧路市,1\n")
    assert not result.ok and "no_key" in keys(result)


def test_unknown_bodies_listed_and_left_out():
    result = load("code,x\n01206,1\n99999,2\n")
    assert result.ok
    issue = next(i for i in result.issues if i.key == "unknown_bodies")
    assert issue.level == "warning" and "99999" in issue.text and "3行目" in issue.text
    assert result.values["code"].tolist() == ["01206"]


def test_duplicates_left_out():
    result = load("code,x\n01206,1\n01399,2\n01399,3\n", lang="en")
    issue = next(i for i in result.issues if i.key == "duplicates")
    assert "京極町" in issue.text and "more than once" in issue.text
    assert result.values["code"].tolist() == ["01206"]


def test_non_numeric_cells():
    result = load("code,件数\n01206,12\n01399,不明\n01433,\"1,234\"\n")
    issue = next(i for i in result.issues if i.key == "non_numeric")
    assert "不明" in issue.text and "件数" in issue.text
    values = result.values.set_index("code")["user_1"]
    assert values["01206"] == 12 and pd.isna(values["01399"]) and values["01433"] == 1234


def test_percent_outside_0_100():
    # issue 11: values outside 0–100 under a 率 label are legitimate (経常収支比率 > 100, 実質公債費比率 < 0):
    # reported once, kept, never blanked
    result = load("code,加入率\n01206,43.9\n01399,181.8\n01433,-1\n")
    issue = next(i for i in result.issues if i.key == "out_of_range")
    assert "181.8" in issue.text and "-1" in issue.text and issue.level == "info"
    values = result.values.set_index("code")["user_1"]
    assert values["01206"] == pytest.approx(43.9) and values["01399"] == pytest.approx(181.8) and values["01433"] == -1


def test_five_digit_cells_in_a_six_digit_column():
    # Excel dropped the leading zero of 012068 and 013994; 墨田区 is 131075 (1·6+3·5+1·4+0·3+7·2 = 39,
    # 39 mod 11 = 6, 11 − 6 = 5). 12068 and 13994 also read as 5-digit codes: without names they are refused and
    # named (issue 18: a neighbouring cell is no proof); with names the names decide.
    bare = load("団体コード,x\n12068,1\n13994,2\n131075,3\n")
    assert bare.values["code"].tolist() == ["13107"]
    issue = next(i for i in bare.issues if i.key == "ambiguous_rows")
    assert "12068（2行目" in issue.text and "13994（3行目" in issue.text
    named = load("団体コード,都道府県,市区町村,x\n12068,北海道,釧路市,1\n13994,北海道,京極町,2\n131075,東京都,墨田区,3\n")
    assert named.values["code"].tolist() == ["01206", "01399", "13107"]


def test_never_guess_the_nishio_case():
    # 西尾市 is 23213; 鰺ヶ沢町 is 02321 with check digit 3 (0·6+2·5+3·4+2·3+1·2 = 30, 30 mod 11 = 8, 11 − 8 = 3),
    # so "23213" is also 023213 without its leading zero: with no names it is given to nobody, and named with its line
    places = pd.DataFrame([("23213", "愛知県", "西尾市", "city"), ("02321", "青森県", "鰺ヶ沢町", "town"),
                           ("01206", "北海道", "釧路市", "city")], columns=["code", "prefecture", "name", "kind"])
    bare = uploads.load_upload("a.csv", "コード,総人口\n23213,169046\n01206,165077\n".encode(), places, "en")
    assert bare.values["code"].tolist() == ["01206"]
    issue = next(i for i in bare.issues if i.key == "ambiguous_rows")
    assert "23213 (row 2" in issue.text and "leading zero" in issue.text
    assert "Nishio" not in issue.text and "西尾市" in issue.text and "鰺ヶ沢町" in issue.text
    # the names decide, either way
    for pref, name, code in (("愛知県", "西尾市", "23213"), ("青森県", "鰺ヶ沢町", "02321"), ("青森県", "鯵ケ沢町", "02321")):
        named = uploads.load_upload("a.csv", f"コード,都道府県,市区町村,総人口\n23213,{pref},{name},5\n".encode(),
                                    places, "ja")
        assert named.values["code"].tolist() == [code]


def test_empty_column():
    result = load("code,x,空の列\n01206,1,\n01399,2,\n")
    assert "empty_column" in keys(result)
    assert list(result.meta) == ["user_1"] and result.meta["user_1"]["name"] == "x"


def test_only_empty_columns_is_an_error():
    result = load("code,x\n01206,\n")
    assert not result.ok and "no_numeric_column" in keys(result)


def test_formula_like_cell_reported_and_never_exported_as_formula():
    text = ('code,メモ,"=HYPERLINK(""http://example.invalid"",""click"")"\n'
            '01206,"=HYPERLINK(""http://example.invalid"",""x"")",1\n')
    result = load(text)
    assert "formula_like" in keys(result)
    assert result.ok
    name = result.meta["user_1"]["name"]  # the header itself looks like a formula
    assert name.startswith("=HYPERLINK")
    sheet = pd.DataFrame({"指標": [name], "値": [1.0]})
    ws = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(sheet, title="t", source="s"))).active
    assert ws["A7"].value == name and ws["A7"].data_type == "s"
    assert exports.csv_bytes(sheet).decode("utf-8-sig").splitlines()[1].startswith("\"'=HYPERLINK")


def test_xlsx_upload_keeps_codes_as_text():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["コード", "値"])
    ws.append(["01206", 5])
    ws.append([1399, 6])  # stored as a number by Excel: the leading zero is gone
    buffer = io.BytesIO()
    book.save(buffer)
    result = uploads.load_upload("mine.xlsx", buffer.getvalue(), BODIES, "ja")
    assert result.ok
    assert result.values["code"].tolist() == ["01206", "01399"]


def test_broken_xlsx_is_reported_not_raised():
    result = uploads.load_upload("broken.xlsx", b"PK\x03\x04 not really a zip", BODIES, "en")
    assert keys(result) == ["unreadable"]


def test_merge_into_bodies_for_the_session_only():
    result = load("code,x\n01206,1\n")
    merged, meta = uploads.merge_user_indicators(BODIES, result.as_session_value("mine.csv"))
    assert merged.set_index("code")["user_1"]["01206"] == 1.0
    assert pd.isna(merged.set_index("code")["user_1"]["01399"])
    assert meta["user_1"]["name"] == "x"
    same, none = uploads.merge_user_indicators(BODIES, None)
    assert same is BODIES and none == {}


def test_infinite_and_nan_cells_are_non_numeric():
    result = load("code,値\n01206,inf\n01399,1e400\n01433,NaN\n13107,2\n", lang="en")
    assert result.ok
    assert result.values["user_1"].dropna().tolist() == [2.0]
    issue = next(i for i in result.issues if i.key == "non_numeric")
    assert "inf" in issue.text and "1e400" in issue.text and "NaN" in issue.text
