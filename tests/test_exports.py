"""Tests for machikurabe.ui.exports: CSV with BOM that round-trips Japanese, XLSX layout read back with openpyxl,
formula-like text never written as a live formula, and the PNG/SVG modebar config."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd

from machikurabe.ui import exports

FRAME = pd.DataFrame({
    "指標": ["高齢化率", "生活保護受給率", "=HYPERLINK(\"http://example.invalid\",\"x\")"],
    "京極町の値": [35.2, 1.38, None],
    "注": ["", "補正：13.8 (‰)", "@SUM(A1:A2)"],
})


def test_csv_starts_with_bom_and_round_trips_japanese():
    data = exports.csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == ["指標", "京極町の値", "注"]
    assert back["指標"][0] == "高齢化率"
    assert back["京極町の値"][1] == 1.38


def test_csv_defuses_formula_like_cells():
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(FRAME)), encoding="utf-8-sig")
    assert back["指標"][2] == "'=HYPERLINK(\"http://example.invalid\",\"x\")"
    assert back["注"][2] == "'@SUM(A1:A2)"
    # numbers, including negative ones, are left alone
    neg = pd.read_csv(io.BytesIO(exports.csv_bytes(pd.DataFrame({"差": [-2.9]}))), encoding="utf-8-sig")
    assert neg["差"][0] == -2.9


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_layout_title_source_date_header_units():
    data = exports.xlsx_bytes(FRAME, title="比較レポート：京極町", source="厚生労働省 実施計画", created="2026-11-23",
                              units={"京極町の値": "%"}, notes=["比較グループの定義：手で選んだ5団体"])
    ws = _sheet(data)
    assert ws["A1"].value == "比較レポート：京極町"
    assert ws["A2"].value == "出典：厚生労働省 実施計画"
    assert ws["A3"].value == "作成日：2026-11-23"
    assert ws["A4"].value == "比較グループの定義：手で選んだ5団体"
    # a blank row, then the header row and the units row
    assert [c.value for c in ws[6]] == ["指標", "京極町の値", "注"]
    assert ws["A6"].font.bold
    assert ws["B7"].value == "%"
    assert ws["A8"].value == "高齢化率"
    assert ws["B8"].value == 35.2 and ws["B8"].data_type == "n"
    assert ws["B10"].value is None  # missing stays empty, not 0 or "nan"
    assert ws.freeze_panes == "A8"


def test_xlsx_never_writes_live_formulas():
    data = exports.xlsx_bytes(FRAME, title="=1+1", source="s")
    ws = _sheet(data)
    # no notes: title, source, date, blank, header (row 5), units (row 6), data from row 7
    assert ws["A9"].value == "=HYPERLINK(\"http://example.invalid\",\"x\")"
    assert ws["A9"].data_type == "s"
    assert ws["C9"].value == "@SUM(A1:A2)" and ws["C9"].data_type == "s"
    assert ws["A1"].data_type == "s"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml


def test_plotly_config_png_and_svg():
    png = exports.plotly_config("京極町", "高齢化率（%）", "png", "2026-11-23")
    assert png["displaylogo"] is False
    assert png["toImageButtonOptions"]["format"] == "png"
    assert png["toImageButtonOptions"]["filename"] == "京極町_高齢化率（%）_2026-11-23"
    svg = exports.plotly_config("京極町", "高齢化率", "svg", "2026-11-23")
    assert svg["toImageButtonOptions"]["format"] == "svg"
    assert exports.plotly_config("x", "y", "gif")["toImageButtonOptions"]["format"] == "png"


def test_safe_filename_keeps_japanese_drops_separators():
    assert exports.safe_filename("京極町", "高齢化率/生活保護", "2026-11-23") == "京極町_高齢化率-生活保護_2026-11-23"
    assert exports.safe_filename("../..", "") == "..-.."  # a download name only: no path separator survives
    assert "/" not in exports.safe_filename("a/b\\c:d")
