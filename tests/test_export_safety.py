"""Every export path keeps uploaded or extracted text inert: no live formula in CSV or XLSX (single-sheet and the
breakdown's multi-sheet workbooks), no live link or markup in a chart label, a table or the HTML report."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from machikurabe import db
from machikurabe.analysis import peers, uploads
from machikurabe.ui import exports, peer_view
from tests.fixture_db import KUSHIRO, KYOGOKU, OTOINEPPU, SUMIDA
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


@pytest.fixture(scope="module")
def frames(fixture_db):
    con = db.connect(fixture_db)
    try:
        yield (db.run_query(con, "municipalities"), db.run_query(con, "programmes"), db.run_query(con, "data_quality"))
    finally:
        con.close()


def test_report_with_a_hostile_uploaded_indicator_has_no_link_and_no_formula(frames):
    municipalities, programmes, quality = frames
    csv = (f"code,{LINK_NAME}\n{KUSHIRO},10\n{KYOGOKU},20\n{OTOINEPPU},30\n{SUMIDA},40\n").encode("utf-8")
    result = uploads.load_upload("evil.csv", csv, municipalities, "ja")
    assert result.ok, [issue.text for issue in result.issues]
    bodies, user_meta = uploads.merge_user_indicators(municipalities, result.as_session_value("evil.csv"))
    key = next(iter(user_meta))
    weights, log_keys = peer_view.all_default_weights(user_meta)
    params = peers.PeerParams(code=KYOGOKU, group="nearest", k=3, weights=weights)
    comparison = peer_view.build_comparison(bodies, params, "ja", user_meta=user_meta, log_keys=log_keys)
    table = peer_view.comparison_table(bodies, comparison, quality)
    figs = peer_view.figures(bodies, programmes, quality, comparison, table, "ja", key, key, "ageing_rate_pct",
                             upload_name="evil.csv")
    html = peer_view.report_html(bodies, comparison, figs, table, "ja", created="2026-11-29", log_keys=log_keys)
    ours = outside_plotly_js(html)  # plotly.js's own code mentions <a href>; the data and tables must not
    assert "リンク" in ours  # the name is there, as text
    for live in ('<a href="http://evil', '<a href="http:\\/\\/evil', '\\u003ca href'):
        assert live not in ours
    assert "&lt;a href" in ours or "&amp;lt;a href" in ours


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
