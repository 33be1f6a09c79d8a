"""Every export path keeps uploaded or extracted text inert: no live formula in CSV or XLSX (single-sheet and the
breakdown's multi-sheet workbooks), no live link or markup in a chart label, a table or the HTML report."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from machikurabe.analysis import uploads
from machikurabe.ui import exports
from tests.test_report import outside_plotly_js

FORMULA = '=HYPERLINK("http://evil.example/","クリック")'
LINK_NAME = '<a href="http://evil.example/">リンク</a>'
HOSTILE = pd.DataFrame({"名前": [FORMULA, "+1+2", "-3", "@SUM(A1)", "普通の文"], "値": [1, 2, 3, 4, 5]})


def _workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_csv_defuses_every_formula_prefix():
    text = exports.csv_bytes(HOSTILE).decode("utf-8-sig")
    assert text.startswith("名前,値")
    for hostile in ('=HYPERLINK', "+1+2", "-3", "@SUM"):
        assert f"\n{hostile}" not in text and f"\n'{hostile}" in text.replace('"', "")
    assert "\n普通の文,5" in text


@pytest.mark.parametrize("build", [
    lambda frame: exports.xlsx_bytes(frame, title=FORMULA, source="出典", notes=[FORMULA]),
    lambda frame: exports.xlsx_sheets_bytes({"targets": frame, "=sheet": frame}),  # the breakdown downloads
])
def test_xlsx_cells_are_text_never_formulas(build):
    book = _workbook(build(HOSTILE))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert any(cell.value == FORMULA for cell in cells)
    assert all(cell.data_type != "f" for cell in cells)
    numbers = [cell.value for cell in cells if isinstance(cell.value, (int, float))]
    assert numbers[:5] == [1, 2, 3, 4, 5]  # numbers stay numbers


def test_inert_figure_escapes_links_everywhere_plotly_reads_markup():
    fig = go.Figure(go.Bar(x=[LINK_NAME, "b"], y=[1, 2], name=LINK_NAME, customdata=[[LINK_NAME], ["x"]],
                           text=[LINK_NAME, "<b>太字</b>"], hovertemplate="%{x}<br>%{customdata[0]}<extra></extra>"))
    fig.update_layout(title=f"{LINK_NAME}<br>副題", xaxis_title=LINK_NAME,
                      annotations=[dict(text=LINK_NAME, x=0, y=0)])
    exports.inert_figure(fig)
    as_json = fig.to_json()
    assert "<a href" not in as_json and "\\u003ca href" not in as_json
    assert fig.layout.title.text == "&lt;a href=\"http://evil.example/\"&gt;リンク&lt;/a&gt;<br>副題"
    assert fig.data[0].hovertemplate == "%{x}<br>%{customdata[0]}<extra></extra>"  # house tags stay
    assert fig.data[0].text[1] == "<b>太字</b>"


def test_report_with_a_hostile_uploaded_indicator_has_no_link_and_no_formula(national_frames):
    # the 比較 page's path: the national view with the session's upload joined, then its one-file report
    from machikurabe.analysis import national
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import files
    from machikurabe.ui import national_peer_view as nv

    places, catalogue, info = national_frames["places"], national_frames["catalogue"], national_frames["info"]
    wide, years = national_frames["wide"], national_frames["years"]
    csv = (f"code,{LINK_NAME},{FORMULA.replace(',', ' ')}\n05203,10,1\n05207,20,2\n01206,30,3\n").encode("utf-8")
    result = uploads.load_upload("evil.csv", csv, places, "ja")
    assert result.ok, [issue.text for issue in result.issues]
    wide, user_meta = uploads.merge_user_indicators(wide, result.as_session_value("evil.csv"))
    key = next(iter(user_meta))
    params = npp.ViewParams(code="05203", group="hand", k=15, weights=dict(national.DEFAULT_WEIGHTS),
                            hand=["05207", "01206"])
    view = nv.build(wide, years, catalogue, info, params, (*npp.DEFAULT_INDICATORS, *user_meta), "ja", key, key,
                    "ageing_rate_pct", user_meta=user_meta, upload_name="evil.csv")
    html = nv.report_html(view, created="2026-11-29")
    ours = outside_plotly_js(html)  # plotly.js's own code mentions <a href>; the data and tables must not
    assert "リンク" in ours  # the name is there, as text
    for live in ('<a href="http://evil', '<a href="http:\\/\\/evil', '\\u003ca href'):
        assert live not in ours
    assert "&lt;a href" in ours or "&amp;lt;a href" in ours
    # its CSV and XLSX: the formula-like name is text
    text = files.csv_bytes(nv.file_table(view, "table"), "ja").decode("utf-8-sig")
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    book = _workbook(files.xlsx_bytes(nv.file_table(view, "table"), "ja"))
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row if c.value is not None)


def test_numbers_in_files_have_no_float_noise_and_whole_numbers_are_integers():
    frame = pd.DataFrame({"名前": ["甲", "乙"], "率": [0.6600000000000037, 69.77000000000001],
                          "人数": [44529.0, 7.0], "差": [7.400000000000002, None]})
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["名前,率,人数,差", "甲,0.66,44529,7.4", "乙,69.77,7,"]
    book = _workbook(exports.xlsx_bytes(frame, title="t", source="出典：厚生労働省"))
    sheet = book.active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert 0.66 in values and 44529 in values and isinstance(values[values.index(44529)], int)
    assert "出典：厚生労働省" in values  # one 出典, not 「出典：出典：」
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows  # header rows repeat on every printed page


def test_csv_can_carry_units_and_its_source():
    frame = pd.DataFrame({"指標": ["高齢化率"], "値": [39.0]})
    text = exports.csv_bytes(frame, source="出典：総務省", units={"値": "%"}).decode("utf-8-sig")
    assert text.splitlines() == ["指標,値", "単位,%", "高齢化率,39", "", "出典：総務省"]
