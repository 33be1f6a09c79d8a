"""Tests for machikurabe.analysis.national_peers and machikurabe.ui.national_peer_view on the real build: the group
kinds, the reading by fifths, ranks against SQL, the exports (units row, one 出典 line, integers as integers, A4
fit-to-width XLSX with repeated title rows), the stamp's relative URL and the report."""
from __future__ import annotations

import io
import re

import duckdb
import pytest
from openpyxl import load_workbook

from machikurabe.analysis import national_peers as npp
from machikurabe.ui import files
from machikurabe.ui import national_peer_view as nv

YOKOTE = "05203"
KEYS = (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS)


@pytest.fixture(scope="module")
def data(real_db, national_frames):
    with duckdb.connect(str(real_db), read_only=True) as con:
        type_codes = [r[0] for r in con.execute(
            "SELECT code FROM places WHERE municipal_type = (SELECT municipal_type FROM places WHERE code = ?) "
            "AND code <> ? ORDER BY code", [YOKOTE, YOKOTE]).fetchall()]
        ageing_higher = con.execute(
            "SELECT count(*) FROM national_values WHERE indicator = 'ageing_rate_pct' AND year = 2020 "
            "AND code NOT LIKE '__000' AND value > (SELECT value FROM national_values WHERE code = ? "
            "AND indicator = 'ageing_rate_pct' AND year = 2020)", [YOKOTE]).fetchone()[0]
    return dict(wide=national_frames["wide"], years=national_frames["years"], catalogue=national_frames["catalogue"],
                info=national_frames["info"], type_codes=type_codes, ageing_higher=ageing_higher)


def test_latest_query_gives_one_year_per_indicator(data):
    assert data["years"]["A1101"] == 2020 and data["years"]["D2203"] == 2022
    assert len(data["wide"]) == 1788
    assert data["years"]["welfare_rate_pct"] == npp.PLAN_YEAR


def test_group_kinds(data):
    wide = data["wide"]
    group = npp.peer_group(wide, YOKOTE, "type")
    assert sorted(group.codes) == data["type_codes"] and len(group.codes) == 45
    pref = npp.peer_group(wide, YOKOTE, "prefecture")
    assert len(pref.codes) == 24 and all(c.startswith("05") and c != "05000" for c in pref.codes)
    size = npp.peer_group(wide, YOKOTE, "size")
    band = wide.set_index("code").loc[size.codes]
    assert set(band["kind"]) == {"city"} and band["population"].between(50_000, 199_999).all()
    hand = npp.peer_group(wide, YOKOTE, "hand", hand=["01206", YOKOTE, "13000", "99999"])
    assert hand.codes == ["01206"] and hand.dropped == ["13000", "99999"]
    near = npp.peer_group(wide, YOKOTE, "nearest", k=3)
    assert near.k == npp.MIN_K and len(near.codes) == 5  # k is kept within 5–50
    assert npp.peer_group(wide, YOKOTE, "nearest", k=500).k == npp.MAX_K
    assert not npp.peer_group(wide, "05000", "type").codes  # a prefecture has no type group


def test_indicator_table_ranks_and_reading(data):
    wide = data["wide"]
    group = npp.peer_group(wide, YOKOTE, "type")
    table = npp.indicator_table(wide, YOKOTE, group.codes, KEYS, data["years"]).set_index("indicator")
    row = table.loc["ageing_rate_pct"]
    assert row["japan_rank"] == data["ageing_higher"] + 1 and row["japan_n"] == 1740
    assert row["peer_n"] == 45 and row["group_n"] == 46
    assert npp.reading_of(row["group_quintile"]) == row["reading"]
    # no plan figure for a non-participant: the row is left out
    assert "welfare_rate_pct" not in table.index
    # a model-project body has its plan figures
    kushiro = npp.indicator_table(wide, "01206", group.codes, KEYS, data["years"]).set_index("indicator")
    assert "welfare_rate_pct" in kushiro.index


def test_reading_by_fifths():
    assert [npp.reading_of(q) for q in (1, 2, 3, 4, 5, None)] == [
        "much_lower", "lower", "similar", "higher", "much_higher", None]


def test_rebuild_url_is_relative():
    url = npp.rebuild_url(npp.ViewParams(YOKOTE, "nearest", 15))
    assert url == "/peers?code=05203&group=nearest&k=15"
    assert npp.rebuild_url(npp.ViewParams(YOKOTE, "hand", 15, hand=["01206"]), "en") == \
        "/peers?code=05203&group=hand&hand=01206&lang=en"
    assert npp.rebuild_url(npp.ViewParams(YOKOTE, "nearest", 15, weights={"A1101": 2.0})).endswith("&w=A1101:2")


def _view(data, lang="ja", group="type"):
    return nv.build(data["wide"], data["years"], data["catalogue"], data["info"],
                    npp.ViewParams(YOKOTE, group, 15), KEYS, lang, "ageing_rate_pct", "ageing_rate_pct",
                    "welfare_spending_share_pct", created="2026-11-29")


def test_csv_has_units_row_source_and_stamp(data):
    view = _view(data)
    text = files.csv_bytes(nv.file_table(view, "table"), "ja").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[1].startswith("単位：")
    population = next(line for line in lines if line.startswith("総人口,"))
    assert ",85555," in population and "85555.0" not in population  # integers as integers
    assert "出典：出典：" not in text and "出典：独立行政法人統計センター" in text
    assert "/peers?code=05203&group=type" in text and "2026-11-29" in text
    ageing = next(line for line in lines if line.startswith("高齢化率,"))
    assert ",ポイント," in ageing
    assert not re.search(r"\d\.\d{4,}", text)  # no float noise


def test_xlsx_print_setup_and_single_source_label(data):
    view = _view(data)
    book = load_workbook(io.BytesIO(files.xlsx_bytes(nv.file_table(view, "table"), "ja")))
    sheet = book.active
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert sum(v.startswith("出典") for v in cells) == 1 and not any("出典：出典" in v for v in cells)
    assert 85555 in [c.value for row in sheet.iter_rows() for c in row]


def test_values_table_units_name_the_year(data):
    view = _view(data)
    assert view.value_units["高齢化率"] == "%（2020年）"
    assert view.values.iloc[0]["団体"] == "★ 横手市"


def test_english_view_and_report(data):
    view = _view(data, "en")
    assert view.place_name == "Yokote City"
    assert "Source: National Statistics Center" in view.sources[0]
    html = nv.report_html(view, created="2026-11-29")
    assert "Yokote City" in html and not re.search(r"https?://", html)
    assert "/peers?code=05203&amp;group=type&amp;lang=en" in html


def test_view_builds_quickly_enough_to_measure(data):
    """Not a timing assertion: the build runs and records its own duration for the report."""
    view = _view(data, group="nearest")
    assert view.seconds > 0 and len(view.group.codes) == 15
    assert set(view.figs) == {"spine", "spine_compact", "bar", "scatter"}
    assert not view.stability.empty


def _annotations(fig) -> str:
    return " ".join(a.text for a in fig.layout.annotations).replace("<br>", "")


def test_every_chart_image_names_its_group_and_the_scatter_its_years(data):
    """Issue 19: the spine, bar and scatter pictures said 「比較グループ」 but not which; the scatter named no year
    though it mixes 2020 (高齢化率, census) and 2022 (民生費). Group by hand: 都市Ⅱ－１ has 46 members, 横手市 one
    of them → 45 others."""
    view = _view(data)
    for name in ("spine", "spine_compact", "bar", "scatter"):
        assert "比較グループ：類似団体区分「都市Ⅱ－１」の他の市区町村（45団体）" in _annotations(view.figs[name]), name
    title = view.figs["scatter"].layout.title.text
    assert "高齢化率（2020年）" in title and "（2022年）" in title
    # the place's name is an annotation on a white box (above every dot), not a text label under the peers' dots
    label = [a for a in view.figs["scatter"].layout.annotations if "横手市" in (a.text or "")]
    assert label and label[0].bgcolor and label[0].bordercolor == "#000"


def test_a_nearest_group_is_named_without_its_weights_in_pictures(data):
    view = _view(data, group="nearest")
    assert "比較グループ：全国の市区町村で指標が最も近い15団体" in _annotations(view.figs["bar"])


def test_an_uploaded_indicator_without_unit_or_year_has_no_empty_brackets(data):
    """Seen in the browser (issue 18 test run): an upload without a unit row or year row drew 「人口（年）」 over an
    axis 「人口（）」."""
    wide = data["wide"].assign(user_1=range(len(data["wide"])))
    view = nv.build(wide, data["years"], data["catalogue"], data["info"], npp.ViewParams(YOKOTE, "type", 15),
                    ("A1101", "user_1"), "ja", "user_1", "user_1", "A1101",
                    user_meta={"user_1": {"name": "人口", "unit": "", "year": None}}, upload_name="a.csv")
    bar = view.figs["bar"]
    assert bar.layout.title.text == "人口" and bar.layout.xaxis.title.text == "人口"
    assert view.figs["scatter"].layout.xaxis.title.text == "人口"


def test_files_carry_the_rank_and_the_number_ranked_the_screen_shows(data):
    """Issue 19: the screen said 「6 / 21」 while the files said rank 6 with 「グループで値のある団体数 20」."""
    view = _view(data)
    shown = view.display.set_index("指標")["グループ内順位（高い順）"]
    exported = view.export.set_index("指標")
    for name, text in shown.items():
        if text == "—":
            continue
        rank, n = (int(part.replace(",", "")) for part in text.split(" / "))
        assert (exported.at[name, "グループ内順位（高い順）"], exported.at[name, "グループ内順位の対象数（この団体を含む）"]) \
            == (rank, n), name
    assert shown["高齢化率"].endswith("/ 46")  # 45 peers of 都市Ⅱ－１ + 横手市


def test_a_small_group_keeps_room_for_its_bars(data):
    """Seen in a screenshot of the hostile-upload test: 士別市 with two hand-picked towns drew its three bars on top
    of each other in a plot 20 px high, the title and five 出典 lines having taken the rest of the figure. The plot
    (figure height less the top and bottom margins) keeps at least 24 px a bar, for three bars and for 46."""
    for params, bars in ((npp.ViewParams("01220", "hand", 15, hand=["01221", "01223"]), 3),
                         (npp.ViewParams(YOKOTE, "type", 15), 46)):
        view = nv.build(data["wide"], data["years"], data["catalogue"], data["info"], params, KEYS, "ja",
                        "ageing_rate_pct", "ageing_rate_pct", "A1101")
        layout = view.figs["bar"].layout
        assert layout.height - layout.margin.t - layout.margin.b >= 24 * bars, (bars, layout.height, layout.margin)
