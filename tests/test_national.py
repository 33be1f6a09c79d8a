"""National baseline (issue 11) against the built database, with values read by hand from the SSDSE-A and
FITS-M files (tests/data/hand_checked_national.py: iconv + grep/awk, never this project's code)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from machikurabe.ingest import build, national
from tests.data import hand_checked_national as hand

ROOT = Path(__file__).resolve().parent.parent
REAL_DB = ROOT / "data" / "municipal.duckdb"
FORMER = {"40305": "40231"}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    if REAL_DB.exists():
        path = REAL_DB
    else:
        path = tmp_path_factory.mktemp("national") / "municipal.duckdb"
        build.build(path)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def value(con, code, indicator, year):
    row = con.execute("SELECT value, vintage, status, aggregated FROM national_values "
                      "WHERE code = ? AND indicator = ? AND year = ?", [code, indicator, year]).fetchone()
    return row


@pytest.mark.parametrize("cell", hand.CELLS, ids=lambda c: f"{c['file']}-{c['code']}-{c['indicator']}-{c['year']}")
def test_hand_read_cells(con, cell):
    code = FORMER.get(cell["code"], cell["code"])  # 40305 is read as 40231 (change on record)
    row = value(con, code, cell["indicator"], cell["year"])
    assert row is not None, cell
    assert row[0] == pytest.approx(cell["value"]), cell["why"]
    assert row[2] is None and row[3] is False


def test_negative_values_kept(con):
    assert value(con, "04211", "D2211", 2015)[0] == pytest.approx(-0.4)
    assert value(con, "01431", "D2211", 2019)[0] == pytest.approx(-3.8)


def test_nakagawa_code_change_on_record_and_tochigi_untouched(con):
    assert con.execute("SELECT count(*) FROM national_values WHERE code = '40305'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM places WHERE code = '40305'").fetchone()[0] == 0
    change = con.execute("SELECT former_code, code, vintages_with_former_code FROM national_code_changes "
                         "ORDER BY changed_on DESC").fetchall()
    files = hand.NAKAGAWA_CODES_BY_FILE["40305"]
    # 富谷町 → 富谷市 (2016) is on record for older uploaded tables; no SSDSE-A edition (2018 on) prints 04423
    assert change == [("40305", "40231", ",".join(f[8:12] for f in files)), ("04423", "04216", "")]
    # the 2015 census of 福岡県那珂川町 (read under 40305 in 2018/2019, under 40231 from 2020) is 40231's
    assert value(con, "40231", "A1101", 2015)[0] == 50004.0
    # 栃木県那珂川町 keeps its own figures
    assert value(con, "09411", "A1101", 2015)[0] == 16964.0
    assert value(con, "09411", "A1101", 2020)[0] == 15215.0
    assert con.execute("SELECT prefecture, name FROM places WHERE code = '09411'").fetchone() == ("栃木県", "那珂川町")


@pytest.mark.parametrize("case", hand.SAME_CELL_IN_TWO_VINTAGES, ids=lambda c: f"{c['code']}-{c['indicator']}")
def test_same_cell_in_two_vintages_keeps_newest(con, case):
    row = value(con, case["code"], case["indicator"], case["year"])
    newest = max(int(f[8:12]) for f in case["values"])
    assert row[0] == pytest.approx(case["values"][f"SSDSE-A-{newest}.csv"])
    # the newest edition holding that year is at least as new as the newest file the helper read
    assert row[1] >= newest


def test_no_revisions_in_these_vintages(con):
    # the helper's awk comparison of every shared cell found no differing value
    assert con.execute("SELECT count(*) FROM national_revisions").fetchone()[0] == 0


@pytest.mark.parametrize("case", hand.DERIVED, ids=lambda c: f"{c['code']}-{c['indicator']}")
def test_derived_by_hand(con, case):
    row = value(con, case["code"], case["indicator"], case["year"])
    assert row is not None
    assert row[0] == pytest.approx(case["value"], abs=1e-3)


def test_area_in_hectares_converted_to_km2(con):
    # 釧路市 136,329 ha (2020) → 1,363.29 km²; 外ヶ浜町 23,030 ha → 230.30 km²
    assert value(con, "01206", "area_km2", 2020)[0] == pytest.approx(1363.29)
    assert value(con, "02307", "area_km2", 2019)[0] == pytest.approx(230.30)
    units = dict(con.execute("SELECT indicator, unit FROM national_indicators").fetchall())
    assert units["B1101"] == "ha" and units["area_km2"] == "km²"
    assert units["D3203"] == "千円" and units["D2203"] == "%" and units["D2211"] == "%"


def test_welfare_spending_per_person_uses_same_year_population(con):
    # 横手市 FY2020: 民生費 15,719,548 千円 (SSDSE-A-2024); H5507 2020 read from the raw line of SSDSE-A-2023
    h5507 = value(con, "05203", "H5507", 2020)[0]
    assert value(con, "05203", "welfare_spending_per_person_yen", 2020)[0] == pytest.approx(15719548 * 1000 / h5507)


@pytest.mark.parametrize("case", hand.MUNICIPAL_TYPES, ids=lambda c: c["code5"])
def test_municipal_types(con, case):
    row = con.execute("SELECT municipal_type, type_not_selected, type_size, type_industry FROM places WHERE code = ?",
                      [case["code5"]]).fetchone()
    assert row[0] == case["type"] and row[1] == case["not_selected"]
    roman = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}
    if case["type"][:2] in ("都市", "町村"):
        assert (row[2], row[3]) == (roman[case["type"][2]], int(case["type"][-1].translate(str.maketrans("０１２３", "0123"))))
    else:
        assert row[2] is None and row[3] is None


def test_type_group_of_yokote(con):
    codes = [c for (c,) in con.execute(
        "SELECT code FROM places WHERE municipal_type = (SELECT municipal_type FROM places WHERE code = '05203') "
        "ORDER BY code").fetchall()]
    assert codes == hand.TYPE_GROUP_OF_YOKOTE and len(codes) == hand.TYPE_GROUP_OF_YOKOTE_COUNT


def test_parse_type_by_hand():
    assert national.parse_type("都市Ⅱ－３") == (2, 3)
    assert national.parse_type("町村Ⅴ－０") == (5, 0)
    assert national.parse_type("中核市") == (None, None)
    assert national.parse_type("政令指定都市") == (None, None)


def test_prefecture_sum_and_ratio_not_summed(con):
    case = hand.PREFECTURE_SUM
    row = value(con, case["prefecture_code"] + "000", case["indicator"], case["year"])
    assert row[0] == case["value"] and row[3] is True
    n = con.execute("SELECT count(*) FROM places WHERE prefecture_code = '05000' AND kind <> 'prefecture'").fetchone()[0]
    assert n == case["count"]
    assert con.execute("SELECT count(*) FROM national_values WHERE code = '05000' AND indicator IN ('D2203', 'D2211')"
                       ).fetchone()[0] == 0
    # a prefecture's ratio is recomputed from its sums (aggregated), not averaged
    a1303 = value(con, "05000", "A1303", 2020)[0]
    assert value(con, "05000", "ageing_rate_pct", 2020)[0] == pytest.approx(a1303 / case["value"] * 100)


def test_places_table(con):
    kinds = dict(con.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
    assert sum(kinds.values()) == 1741 + 47 and kinds["prefecture"] == 47 and kinds["ward"] == 23
    assert con.execute("SELECT count(*) FROM places WHERE in_model_project").fetchone()[0] == 63
    assert con.execute("SELECT count(*) FROM places WHERE lat IS NULL OR name_romaji IS NULL").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM places WHERE kind <> 'prefecture' AND municipal_type IS NULL"
                       ).fetchone()[0] == 0


def test_one_row_per_cell_and_no_invented_values(con):
    dup = con.execute("SELECT count(*) FROM (SELECT code, indicator, year FROM national_values "
                      "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
    assert dup == 0
    # a NULL value always carries a status
    assert con.execute("SELECT count(*) FROM national_values WHERE value IS NULL AND status IS NULL").fetchone()[0] == 0


def test_indicator_catalogue(con):
    rows = con.execute("SELECT indicator, label_en, derived, formula FROM national_indicators").fetchall()
    codes = {r[0] for r in rows if not r[2]}
    assert len(codes) == 169
    assert all(r[1] and r[1] != r[0] for r in rows)
    assert all(r[3] for r in rows if r[2])
    label = con.execute("SELECT label_ja, definition FROM national_indicators WHERE indicator = 'A1101'").fetchone()
    assert label[0] == "総人口" and "人口総数" in label[1]  # one indicator across the label change


def test_english_indicator_labels_carry_no_japanese(con):
    """issue 19: English showed 「Current balance ratio (経常収支比率)」; the file's Japanese item name is given in 「」 in
    the indicator's definition, not in its English label."""
    import re

    cjk = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
    labels = dict(con.execute("SELECT indicator, label_en FROM national_indicators").fetchall())
    assert [f"{k}: {v}" for k, v in labels.items() if cjk.search(v)] == []
    assert labels["D2203"] == "Current balance ratio" and labels["D320303"] == "Welfare expenditure"
    assert labels["J250302"] == "Day-care centres (basic sheet)"


def test_printed_vs_official_sotogahama(con):
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT field, raw_value, value, note FROM data_quality WHERE rule = 'differs_from_official' "
        "AND municipality_code = '02307'").fetchall()}
    assert rows["area_km2"][:2] == ("222.92", "230.3") and "2019" in rows["area_km2"][2]
    assert rows["elementary_schools"][:2] == ("4", "2") and rows["junior_high_schools"][:2] == ("4", "2")


def test_revision_recorded_when_a_newer_vintage_changes_a_cell(tmp_path):
    """A synthetic edit: SSDSE-A-2021 reprints 横手市's 2015 census with a different total and a status cell."""
    raw = tmp_path / "raw"
    shutil.copytree(build.RAW_DIR, raw)
    path = raw / "national" / "SSDSE-A-2021.csv"
    lines = path.read_bytes().decode("cp932").split("\n")
    codes = lines[0].split(",")
    for i, line in enumerate(lines):
        if line.startswith("R05203,"):
            cells = line.split(",")
            assert cells[codes.index("A1101")] == "92197"
            cells[codes.index("A1101")] = "92200"
            cells[codes.index("A1303")] = "-"
            lines[i] = ",".join(cells)
    path.write_bytes("\n".join(lines).encode("cp932"))
    out = tmp_path / "m.duckdb"
    build.build(out, raw)
    with duckdb.connect(str(out), read_only=True) as c:
        revisions = c.execute("SELECT indicator, old_vintage, old_value, new_vintage, new_value, new_status "
                              "FROM national_revisions WHERE code = '05203' ORDER BY indicator").fetchall()
        assert revisions == [("A1101", 2020, 92197.0, 2021, 92200.0, None),
                             ("A1303", 2020, 32319.0, 2021, None, "dash")]  # 32319: hand.CELLS, 2018 file
        assert c.execute("SELECT value, vintage FROM national_values WHERE code = '05203' AND indicator = 'A1101' "
                         "AND year = 2015").fetchone() == (92200.0, 2021)
        assert c.execute("SELECT value, status FROM national_values WHERE code = '05203' AND indicator = 'A1303' "
                         "AND year = 2015").fetchone() == (None, "dash")
        # no ageing rate is made from a missing input
        assert c.execute("SELECT count(*) FROM national_values WHERE code = '05203' AND indicator = 'ageing_rate_pct' "
                         "AND year = 2015").fetchone()[0] == 0


def test_coordinates_fall_back_to_the_boundary_centroid():
    import pandas as pd

    gazetteer = pd.read_csv(ROOT / "geo" / "gazetteer.csv", dtype={"code": str, "code6": str})
    gazetteer.loc[gazetteer["code"] == "05203", ["lat", "lon"]] = None
    fits = pd.DataFrame(columns=["code", "municipal_type", "type_size", "type_industry", "type_not_selected"])
    places = national.places_frame(gazetteer, fits, set()).set_index("code")
    row = places.loc["05203"]
    assert row["coord_source"] == "boundary_centroid"
    # 横手市 lies about 39.3°N 140.6°E (its office, from the gazetteer: 39.31, 140.57); a centroid is within ~0.2°
    assert abs(row["lat"] - 39.31) < 0.2 and abs(row["lon"] - 140.57) < 0.2
    assert places.loc["05207", "coord_source"] == "gazetteer:jpgeocode"
