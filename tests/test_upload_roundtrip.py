"""Issue 18: the app's own table export, opened and saved in a spreadsheet (codes lose their leading zeros), uploads
back onto the same places, in both languages: the names beside the codes decide."""
import csv
import io

import duckdb
import pytest

from machikurabe.analysis import uploads
from machikurabe.ui import exports


@pytest.fixture(scope="module")
def places(real_db):
    con = duckdb.connect(str(real_db), read_only=True)
    try:
        return con.sql("SELECT code, prefecture, name, kind, name_romaji FROM places").df()
    finally:
        con.close()


def spreadsheet_round_trip(data: bytes) -> bytes:
    """What Excel does to a CSV opened and saved again: digit-only cells become numbers (012203 → 12203)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([str(int(c)) if c.isdigit() else c for c in row])
    return out.getvalue().encode("utf-8-sig")


# 士別市 01220, 名寄市 01221, 根室市 01223 (codes from the gazetteer); as numbers 1220 … — the 5-digit code lost its
# zero; and 千葉県 市川市 12203 beside them, whose code must not take 士別市's row
ROWS_JA = [("01220", "★ 士別市", "北海道", 18134), ("01221", "名寄市", "北海道", 27282),
           ("01223", "根室市", "北海道", 25000), ("12203", "市川市", "千葉県", 496676)]
ROWS_EN = [("01220", "★ Shibetsu City", "Hokkaido", 18134), ("01221", "Nayoro City", "Hokkaido", 27282),
           ("01223", "Nemuro City", "Hokkaido", 25000), ("12203", "Ichikawa City", "Chiba Prefecture", 496676)]


@pytest.mark.parametrize("lang, rows, headers", [
    ("ja", ROWS_JA, ["コード", "団体", "都道府県", "総人口"]),
    ("en", ROWS_EN, ["Code", "Place", "Prefecture", "Total population"]),
])
def test_own_export_survives_a_spreadsheet(places, lang, rows, headers):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=headers)
    data = exports.csv_bytes(frame, source="出典：テスト", units={headers[-1]: "人"})
    saved = spreadsheet_round_trip(data)
    assert b"\n1220," in saved  # the zero is really gone
    result = uploads.load_upload("saved.csv", saved, places, lang)
    placed = result.values.set_index("code")["user_1"].to_dict()
    assert placed == {"01220": 18134.0, "01221": 27282.0, "01223": 25000.0, "12203": 496676.0}


def test_names_and_code_that_disagree_are_refused(places):
    # 01202 is 函館市: a row naming 札幌市 under it goes nowhere, and says so with its line
    result = uploads.load_upload("x.csv", "コード,都道府県,市区町村,人口\n01202,北海道,札幌市,111\n01100,北海道,札幌市,5\n"
                                 .encode(), places, "ja")
    assert result.values.set_index("code")["user_1"].to_dict() == {"01100": 5.0}
    issue = next(i for i in result.issues if i.key == "conflict_rows")
    assert "2行目" in issue.text and "函館市" in issue.text


# --- issue 18: an uploaded indicator described as its file describes it ----------------------------------------

MIC_LAYOUT = """住民基本台帳に基づく人口、人口動態及び世帯数,,,,
,,,令和3年,令和3年
団体コード,都道府県名,市区町村名,人口,増減数（人）
,,,計,
,全国,,126654244,-3
12203,北海道,士別市,18134,-200
注：「-」は計数のない場合,,,,
"""


def test_name_year_and_unit_from_the_headings(places):
    result = uploads.load_upload("mic.csv", MIC_LAYOUT.encode("cp932"), places, "ja")
    # not 「令和3年 人口 計 126654244」, not 「増減数（人）（人）」; the year from 令和3年
    assert [(m["name"], m["unit"], m["year"]) for m in result.meta.values()] == [("人口", "", 2021), ("増減数", "人", 2021)]
    # the 全国 row is a total (never placed, named with its line); 士別市's zero-lost code decided by its names
    assert result.values.to_dict("records") == [{"code": "01220", "user_1": 18134.0, "user_2": -200.0}]
    assert any("全国（5行目）" in i.text for i in result.issues)


def test_status_marks_stay_apart(places):
    text = ("コード,都道府県,市区町村,施設数,人口増減率,加入率\n01100,北海道,札幌市,-,-1.5,x\n"
            "01202,北海道,函館市,3,2,…\n注：「-」は計数のない場合,,,,,\n")
    result = uploads.load_upload("s.csv", text.encode(), places, "ja")
    施設数, 増減率, 加入率 = result.meta.values()
    assert 施設数["status"] == {"01100": "dash_zero"}  # defined as 計数のない場合 by the file: 0, mark kept
    assert result.values.set_index("code").loc["01100", "user_1"] == 0.0
    assert 加入率["status"] == {"01100": "confidential", "01202": "not_available"}
    assert not any(i.key == "out_of_range" for i in result.issues)  # −1.5 is a legitimate rate of change
