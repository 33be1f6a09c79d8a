"""Place identity in machikurabe.stat_table.read_stat_table, judged from the specification and the real place list.

The rule: a row's place is resolved from its code AND its names; a row is placed only when every key it carries
(code, prefecture name, municipality name) agrees on one place. Rows whose keys disagree, county subtotals (…郡),
全国/合計 totals, designated-city wards, unknown codes and codes with a wrong check digit are never placed, and each
refused row is named by its line (「N行目」 / "row N") in some issue. A zero-lost 5-digit cell (012203 → 12203) reads
both as a 5-digit code (12203 市川市) and as a 6-digit code (012203 → 01220 士別市): names decide; without names and
with two plausible readings the row is refused, never guessed.

Expected places below were written from geo/gazetteer.csv, the DB's wards table and the raw SSDSE file, not from the
reader's code.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from machikurabe import stat_table

ROOT = Path(__file__).resolve().parent.parent
GAZ = pd.read_csv(ROOT / "geo" / "gazetteer.csv", dtype=str)

with duckdb.connect(str(ROOT / "data" / "municipal.duckdb"), read_only=True) as _db:
    PLACES = _db.sql("select code, prefecture, name, kind from places order by code").df()
    WARDS = _db.sql("select code, prefecture, name from wards order by code").df()

CODE6 = dict(zip(GAZ["code"], GAZ["code6"]))
PLACE_BY_CODE = {r.code: r for r in PLACES.itertuples(index=False)}
MUNICIPALITIES = PLACES[PLACES["kind"] != "prefecture"].reset_index(drop=True)
PREFECTURES = PLACES[PLACES["kind"] == "prefecture"].reset_index(drop=True)

# documented code changes: former code → (current code, prefecture, former name, current name)
FORMER = {"40305": ("40231", "福岡県", "那珂川町", "那珂川市"),
          "04423": ("04216", "宮城県", "富谷町", "富谷市")}

# real counties (郡) with a county code: the first town's code with its last digit 0 (not a place code)
COUNTIES = [("青森県", "西津軽郡", "02320"), ("青森県", "中津軽郡", "02340"), ("北海道", "石狩郡", "01300"),
            ("千葉県", "印旛郡", "12320"), ("埼玉県", "入間郡", "11320"), ("宮城県", "黒川郡", "04420"),
            ("長野県", "北佐久郡", "20320"), ("奈良県", "生駒郡", "29340"), ("沖縄県", "八重山郡", "47380")]

KNOWN = set(PLACES["code"]) | set(WARDS["code"]) | set(FORMER)


def check_digit(code5: str) -> str:
    """JIS X 0402: digit6 = (11 - sum(d_i * w_i, w = 6,5,4,3,2) % 11) % 10."""
    return str((11 - sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2))) % 11) % 10)


def code6(code5: str) -> str:
    return code5 + check_digit(code5)


def readings(cell) -> set[str]:
    """Every 5-digit code a code cell can plausibly name (known or not), by the forms of the specification."""
    text = str(cell).strip()
    if re.fullmatch(r"R\d{5}", text):
        return {text[1:]}
    if not text.isdigit():
        return set()
    if len(text) == 6:
        return {text[:5]} if check_digit(text[:5]) == text[5] else set()
    if len(text) == 5:
        out = {text}
        if text[0] != "0" and check_digit("0" + text[:4]) == text[4]:
            out.add("0" + text[:4])  # a 6-digit code that lost its leading zero
        return out
    if len(text) == 4:
        return {"0" + text}  # a 5-digit code that lost its leading zero
    return set()


def read(text: str | bytes, name: str = "t.csv", lang: str = "ja", encoding: str = "utf-8", **kw):
    data = text.encode(encoding) if isinstance(text, str) else text
    return stat_table.read_stat_table(name, data, PLACES, lang, wards=WARDS, **kw)


def named_lines(table, lang: str = "ja") -> set[int]:
    pattern = r"(?<!\d)(\d+)\s*行目" if lang == "ja" else r"\b[Rr]ows?\s+(\d+)\b"
    out = set()
    for issue in table.issues:
        out |= {int(n) for n in re.findall(pattern, issue.text)}
        if lang == "en":  # "rows 3, 5 and 9"
            for run in re.findall(r"\b[Rr]ows?\s+([\d,\s、and–-]+)", issue.text):
                out |= {int(n) for n in re.findall(r"\d+", run)}
    return out


def placed_by_line(table) -> dict[int, tuple[str | None, int]]:
    """line → (matched code or None, row index)."""
    matched = table.matched_codes()
    assert len(matched) == len(table.rows)
    return {row.line: (code, i) for i, (row, code) in enumerate(zip(table.rows, matched))}


def issue_texts(table) -> str:
    return "\n".join(f"[{i.level}/{i.key}] {i.text}" for i in table.issues)


def test_reference_data_is_what_the_tests_assume():
    """The expectations below were written from these rows of the real place list."""
    by = {c: (p.prefecture, p.name, p.kind) for c, p in PLACE_BY_CODE.items()}
    assert by["01220"] == ("北海道", "士別市", "city") and CODE6["01220"] == "012203"
    assert by["01221"] == ("北海道", "名寄市", "city") and CODE6["01221"] == "012211"
    assert by["01223"] == ("北海道", "根室市", "city") and CODE6["01223"] == "012238"
    assert by["12203"][:2] == ("千葉県", "市川市") and by["12211"][:2] == ("千葉県", "成田市")
    assert by["12238"][:2] == ("千葉県", "いすみ市")
    assert by["01202"][:2] == ("北海道", "函館市") and by["01100"][:2] == ("北海道", "札幌市")
    assert by["23205"][:2] == ("愛知県", "半田市") and code6("02320") == "023205" and "02320" not in by
    assert by["04216"][:2] == ("宮城県", "富谷市") and code6("04423") == "044237" and "04423" not in by
    assert by["40231"][:2] == ("福岡県", "那珂川市") and "40305" not in by
    assert by["13000"] == ("東京都", "東京都", "prefecture")
    assert all(check_digit(c) == c6[5] for c, c6 in CODE6.items())
    for pref, county, code in COUNTIES:
        assert code not in KNOWN and pref in set(PREFECTURES["name"]) and county.endswith("郡")
        assert any(c.startswith(code[:4]) and p.prefecture == pref for c, p in PLACE_BY_CODE.items())
    assert not set(WARDS["code"]) & set(PLACES["code"])


# --- 1. property: generated tables from the real place list -------------------------------------------------------

_AMBIGUOUS = sorted(c for c in MUNICIPALITIES["code"] if len(readings(c) & KNOWN) > 1)
_ZERO_LOST_TWINS = sorted(c for c in MUNICIPALITIES["code"] if CODE6[c][0] == "0" and CODE6[c][1:] in KNOWN)
_NORTH = sorted(c for c in MUNICIPALITIES["code"] if c[:2] in ("01", "02", "03", "04"))
_ALL = list(MUNICIPALITIES["code"])
_BY_PREF = {p: list(g["code"]) for p, g in MUNICIPALITIES.groupby("prefecture")}

STRING_FORMS = ["R", "5", "6", "6lost", "5lost"]
XLSX_FORMS = STRING_FORMS + ["num6", "num5"]


def render(code5: str, form: str):
    c6 = code6(code5)
    if form == "R":
        return "R" + code5
    if form == "5":
        return code5
    if form == "6":
        return c6
    if form == "6lost":
        return c6[1:] if c6[0] == "0" else c6
    if form == "5lost":
        return code5[1:] if code5[0] == "0" else code5
    if form == "num6":
        return int(c6)
    if form == "num5":
        return int(code5)
    raise ValueError(form)


@st.composite
def tables(draw, fmt: str):
    named = draw(st.booleans())
    title = draw(st.booleans())
    forms = XLSX_FORMS if fmt == "xlsx" else STRING_FORMS
    pool = st.one_of(st.sampled_from(_ALL), st.sampled_from(_AMBIGUOUS), st.sampled_from(_ZERO_LOST_TWINS),
                     st.sampled_from(_NORTH))
    codes = draw(st.lists(pool, min_size=1, max_size=8, unique=True))
    prefs = draw(st.lists(st.sampled_from(list(PREFECTURES["code"])), max_size=2, unique=True))
    formers = draw(st.lists(st.sampled_from(sorted(FORMER)), max_size=1))
    codes = [c for c in codes if c not in {FORMER[f][0] for f in formers}]  # one row per current place
    value = st.integers(10, 10_000_000).map(lambda n: n / 10)

    rows = []
    for code in prefs + codes:
        place = PLACE_BY_CODE[code]
        cell = render(code, draw(st.sampled_from(forms)))
        pref, name = place.prefecture, place.name
        conflict = False
        if named and draw(st.integers(0, 4)) == 0:
            same_pref = _BY_PREF.get(place.prefecture, [])
            other = draw(st.sampled_from(same_pref)) if same_pref and draw(st.booleans()) else draw(st.sampled_from(_ALL))
            if other != code and other not in readings(cell):
                pref, name = PLACE_BY_CODE[other].prefecture, PLACE_BY_CODE[other].name
                conflict = True
        rows.append(dict(kind="place", truth=code, cell=cell, pref=pref, name=name, conflict=conflict))
    for former in formers:
        current, pref, former_name, current_name = FORMER[former]
        cell = render(former, draw(st.sampled_from(forms)))
        rows.append(dict(kind="place", truth=current, cell=cell, pref=pref,
                         name=draw(st.sampled_from([former_name, current_name])), conflict=False))
    for pref, county, code in draw(st.lists(st.sampled_from(COUNTIES), max_size=2, unique=True)):
        if named:
            cell = draw(st.sampled_from(["", render(code, draw(st.sampled_from(forms)))]))
        else:  # without names a county is only an unknown code: use a form no real place shares
            options = [f for f in forms if not readings(render(code, f)) & KNOWN]
            cell = render(code, draw(st.sampled_from(options)))
        rows.append(dict(kind="subtotal", truth=None, cell=cell, pref=pref, name=county, conflict=False))
    for index in draw(st.lists(st.integers(0, len(WARDS) - 1), max_size=2, unique=True)):
        ward = WARDS.iloc[index]
        cell = render(ward["code"], draw(st.sampled_from(forms)))
        rows.append(dict(kind="ward", truth=None, cell=cell, pref=ward["prefecture"], name=ward["name"], conflict=False))
    if draw(st.booleans()):
        cell, pref, name = (draw(st.sampled_from([("00000", "全国", "全国"), ("00000", "", "全国"), ("", "", "合計"),
                                                  ("", "全国", "")])) if named else ("00000", "", ""))
        rows.append(dict(kind="total", truth=None, cell=cell, pref=pref, name=name, conflict=False))
    order = draw(st.permutations(range(len(rows))))
    rows = [rows[i] for i in order]
    for row in rows:
        row["values"] = (draw(value), draw(value))
    return fmt, named, title, rows


def expectation(row, named: bool) -> str:
    """must (placed on the truth) | may (placed on the truth or refused) | never (refused)."""
    if row["kind"] != "place" or row["conflict"]:
        return "never"
    if named:
        return "must"
    # without names: a cell with one reading must be placed; a 5-digit cell that also reads as a 6-digit code which
    # lost its leading zero (valid check digit) may be refused, even when only one reading is a known place
    return "must" if len(readings(row["cell"])) == 1 else "may"


def build(fmt: str, named: bool, title: bool, rows: list[dict]) -> tuple[str, bytes, int]:
    header = ["コード", "都道府県", "市区町村", "人口", "世帯数"] if named else ["コード", "人口", "世帯数"]
    grid = []
    if title:
        grid.append(["市区町村別 人口と世帯数（テスト表）"])
    grid.append(header)
    first = len(grid) + 1
    for row in rows:
        keys = [row["cell"], row["pref"], row["name"]] if named else [row["cell"]]
        grid.append(keys + list(row["values"]))
    if fmt == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        for line in grid:
            sheet.append([None if c == "" else c for c in line])
        buffer = io.BytesIO()
        book.save(buffer)
        return "t.xlsx", buffer.getvalue(), first
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in grid:
        writer.writerow([f"{c:.1f}" if isinstance(c, float) else c for c in line])
    return "t.csv", out.getvalue().encode(fmt), first


@pytest.mark.parametrize("fmt", ["utf-8", "cp932", "xlsx"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_generated_tables_place_a_row_only_where_every_key_agrees(fmt, data):
    """CSV (UTF-8 or Shift_JIS) or XLSX; a value is placed only on the place every key of its row names."""
    fmt, named, title, rows = data.draw(tables(fmt), label="table")
    file_name, content, first = build(fmt, named, title, rows)
    table = read(content, name=file_name)
    by_line = placed_by_line(table)
    said = named_lines(table)
    lines = {first + k for k in range(len(rows))}
    context = f"{fmt} named={named} title={title}\nrows={rows}\nissues:\n{issue_texts(table)}"
    event(f"{fmt}, {'with' if named else 'without'} names")
    for row in rows:
        event(f"row: {row['kind']}{' (conflicting name)' if row['conflict'] else ''}, {expectation(row, named)}")
    for k, row in enumerate(rows):
        line = first + k
        code, i = by_line.get(line, (None, None))
        expected = expectation(row, named)
        where = f"line {line} {row['kind']} cell={row['cell']!r} {row['pref']} {row['name']} truth={row['truth']}"
        if code is not None:
            assert expected != "never", f"{where}: placed on {code}, must be refused\n{context}"
            assert code == row["truth"], f"{where}: placed on {code}, not on {row['truth']}\n{context}"
            assert table.values.iloc[i, 0] == pytest.approx(row["values"][0]), f"{where}: value\n{context}"
            assert table.values.iloc[i, 1] == pytest.approx(row["values"][1]), f"{where}: value\n{context}"
            if PLACE_BY_CODE[code].kind == "prefecture":
                assert table.rows[i].kind == "prefecture", f"{where}\n{context}"
        else:
            assert expected != "must", f"{where}: not placed, its keys agree on {row['truth']}\n{context}"
            assert line in said, f"{where}: refused but its line is not named in any issue\n{context}"
    for line, (code, _) in by_line.items():
        assert code is None or line in lines, f"line {line} (not a data row) placed on {code}\n{context}"


# --- 2. hand-written cases on real layouts -------------------------------------------------------------------------

SSDSE_A_2024 = ROOT / "data" / "raw" / "national" / "SSDSE-A-2024.csv"


def test_ssdse_a_2024_read_fully_every_row_placed():
    """SSDSE-A-2024: Shift_JIS, R-codes, 3 header rows (indicator codes, 年度, labels); 1741 municipalities."""
    table = read(SSDSE_A_2024.read_bytes(), name=SSDSE_A_2024.name, check_size=False)
    by_line = placed_by_line(table)
    assert len(table.rows) == 1741
    unplaced = [line for line, (code, _) in by_line.items() if code is None]
    assert not unplaced, f"{len(unplaced)} rows not placed, e.g. {unplaced[:5]}\n{issue_texts(table)}"
    assert sorted(code for code, _ in by_line.values()) == sorted(MUNICIPALITIES["code"])
    # values as printed in the file (A1101 総人口 is the first value column), looked up with iconv
    for line, code, a1101 in [(4, "01100", 1973395), (23, "01220", 17858), (269, "04216", 51651),
                              (631, "13101", 66680), (1499, "40231", 50112), (1744, "47382", 1676)]:
        placed, i = by_line[line]
        assert placed == code
        assert table.values.iloc[i, 0] == a1101
    # each row on the place its own R-code names (a cross-check of every row against the file)
    text = SSDSE_A_2024.read_bytes().decode("cp932")
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        if number > 3:
            assert by_line[number][0] == cells[0][1:], (number, cells[:3])


def _xlsx(grid) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for line in grid:
        sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_two_title_rows_and_six_digit_codes_stored_as_numbers():
    data = _xlsx([
        ["令和2年国勢調査 市区町村別人口（抜粋）"],
        ["出典：総務省統計局"],
        ["団体コード", "都道府県名", "市区町村名", "総人口"],
        [11002, "北海道", "札幌市", 1973395],      # 011002 lost its zero: 11002 / 01100
        [12203, "北海道", "士別市", 17858],        # 012203 → 12203, also 市川市's 5-digit code
        [122033, "千葉県", "市川市", 496676],
        [131016, "東京都", "千代田区", 66680],
        [472018, "沖縄県", "那覇市", 317625],
    ])
    table = read(data, name="t.xlsx")
    by_line = placed_by_line(table)
    expected = {4: ("01100", 1973395), 5: ("01220", 17858), 6: ("12203", 496676), 7: ("13101", 66680),
                8: ("47201", 317625)}
    for line, (code, value) in expected.items():
        assert line in by_line, f"row {line} not read\n{issue_texts(table)}"
        placed, i = by_line[line]
        assert placed == code, f"row {line}: {placed} != {code}\n{issue_texts(table)}"
        assert table.values.iloc[i, 0] == value
    assert all(code is None for line, (code, _) in by_line.items() if line not in expected)


HOKKAIDO_ZERO_LOST = [("12203", "士別市", "01220", 17858), ("12211", "名寄市", "01221", 26120),
                      ("12238", "根室市", "01223", 24633)]


def test_hokkaido_zero_lost_codes_with_names_are_placed_on_the_hokkaido_towns():
    text = "コード,都道府県,市区町村,人口\n" + "".join(f"{c},北海道,{n},{v}\n" for c, n, _, v in HOKKAIDO_ZERO_LOST)
    table = read(text)
    by_line = placed_by_line(table)
    for line, (_, name, code, value) in enumerate(HOKKAIDO_ZERO_LOST, start=2):
        placed, i = by_line[line]
        assert placed == code, f"{name} (line {line}) placed on {placed}\n{issue_texts(table)}"
        assert table.values.iloc[i, 0] == value


def test_hokkaido_zero_lost_codes_without_names_are_refused_not_given_to_chiba():
    text = "コード,人口\n" + "".join(f"{c},{v}\n" for c, _, _, v in HOKKAIDO_ZERO_LOST)
    table = read(text)
    placed = [c for c in table.matched_codes() if c is not None]
    assert not set(placed) & {"12203", "12211", "12238"}, f"placed on 市川市/成田市/いすみ市: {placed}"
    assert placed == [], f"two readings each (北海道 and 千葉県), must be refused: {placed}\n{issue_texts(table)}"
    assert {2, 3, 4} <= named_lines(table), issue_texts(table)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_code_and_names_that_disagree_are_refused_and_named(lang):
    table = read("コード,都道府県,市区町村,人口\n01202,北海道,札幌市,111\n01100,北海道,札幌市,222\n", lang=lang)
    by_line = placed_by_line(table)
    assert by_line.get(2, (None, None))[0] is None, "01202 is 函館市, the names say 札幌市: placed nowhere"
    assert 111 not in set(table.values.iloc[:, 0][pd.Series(table.matched_codes()).notna().values])
    assert 2 in named_lines(table, lang), issue_texts(table)
    placed, i = by_line[3]
    assert placed == "01100" and table.values.iloc[i, 0] == 222


def test_county_subtotal_with_zero_lost_code_is_not_placed_on_handa():
    # 西津軽郡 02320 → 023205 → zero-lost 23205 (愛知県 半田市); its towns 鰺ヶ沢町 023213 → 23213, 深浦町 023230 → 23230
    text = ("コード,都道府県,市区町村,人口\n23205,青森県,西津軽郡,17000\n23213,青森県,鰺ヶ沢町,9500\n"
            "23230,青森県,深浦町,7500\n")
    table = read(text)
    by_line = placed_by_line(table)
    assert "23205" not in table.matched_codes(), f"西津軽郡 placed on 半田市\n{issue_texts(table)}"
    assert by_line.get(2, (None, None))[0] is None
    assert 2 in named_lines(table), issue_texts(table)
    assert by_line[3][0] == "02321" and by_line[4][0] == "02323", issue_texts(table)


@pytest.mark.parametrize("cell", ["044237", "04423", "R04423"])
@pytest.mark.parametrize("name", ["富谷町", "富谷市"])
def test_tomiya_former_code_is_placed_on_tomiya_city(cell, name):
    table = read(f"コード,都道府県,市区町村,人口\n{cell},宮城県,{name},51651\n")
    assert table.matched_codes() == ["04216"], issue_texts(table)
    assert table.values.iloc[0, 0] == 51651


@pytest.mark.parametrize("cell", ["40305", code6("40305"), "R40305"])
@pytest.mark.parametrize("name", ["那珂川町", "那珂川市"])
def test_nakagawa_former_code_is_placed_on_nakagawa_city(cell, name):
    table = read(f"コード,都道府県,市区町村,人口\n{cell},福岡県,{name},50112\n")
    assert table.matched_codes() == ["40231"], issue_texts(table)


@pytest.mark.parametrize("name", ["", "東京都"])
def test_prefecture_row_is_placed_on_the_prefecture(name):
    table = read(f"コード,都道府県,市区町村,人口\n13000,東京都,{name},14047594\n13101,東京都,千代田区,66680\n")
    assert table.matched_codes() == ["13000", "13101"], issue_texts(table)
    assert table.rows[0].kind == "prefecture"


def test_ward_total_unknown_and_bad_check_digit_rows_are_refused_and_named():
    # 011011 札幌市中央区 (ward); 00000 全国; 99999 no such code; 012204 is 士別市 with a wrong check digit (3)
    text = ("コード,都道府県,市区町村,人口\n00000,全国,全国,126146099\n011011,北海道,札幌市中央区,248680\n"
            "99999,,,1\n012204,,,17858\n012203,北海道,士別市,17858\n")
    table = read(text)
    by_line = placed_by_line(table)
    assert [line for line, (code, _) in by_line.items() if code is not None] == [6], issue_texts(table)
    assert by_line[6][0] == "01220"
    assert {2, 3, 4, 5} <= named_lines(table), issue_texts(table)
