"""Issue 14 ("finish"): one guard per listed defect that had no test which would fail if it came back.

Each test's docstring names the defect number of issue 14 it guards. Expected values are written by hand from
data/raw/003_432db8467158d625.txt (line numbers given) or from the strings the issue quotes; none is copied from
program output. Defects found still present in the code are marked ``xfail(strict=True)``: the test states the wanted
behaviour, and fails loudly (XPASS) once the defect is fixed, so the marker is then removed.

Defects (or parts of them) already guarded by other test modules are not repeated here.
"""
from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PEERS = str(ROOT / "pages" / "peers.py")
BREAKDOWN = str(ROOT / "pages" / "breakdown.py")
MAP = str(ROOT / "pages" / "map.py")

YOKOTE = "05203"   # 横手市 (秋田県), not in the model project
YUZAWA = "05207"   # 湯沢市 (秋田県), in the model project: 003 l.1800 「秋田県 湯沢市」
IKAWA = "05366"    # 井川町: 003 l.1935 「④相談支援包括化推進員の配置予定人数 4名」
IMABETSU = "02303"  # 今別町: 003 l.852 「④相談支援包括化推 3人」
LATIN = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def _all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        parts += _texts(getattr(at, kind))
    parts += [e.label for e in at.get("expander")]
    return "\n".join(parts)


def _param(at: AppTest, name: str):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


@pytest.fixture
def real_env(real_db, monkeypatch):
    monkeypatch.setenv("MACHIKURABE_DB", str(real_db))
    return real_db


def _shell(lang: str = "ja", page: str = "pages/profile.py", **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def _peers(lang: str = "ja", tab: str | None = None, **query) -> AppTest:
    """比較 run once; ``tab`` opens one of its tabs (only the open tab runs: the first, the spine, by default)."""
    at = AppTest.from_file(PEERS, default_timeout=180)
    at.session_state["lang"] = lang
    if tab:
        from machikurabe.i18n import t

        at.session_state["np_tab"] = t(f"tab_{tab}", lang)
    at.query_params.update(query)
    return at.run()


# --- 1. 比較 at 390 px: a compact spine, the values in a table -------------------------------------------------

def test_d1_compact_spine_keeps_the_plot_wide_and_its_values_move_into_a_table(real_env):
    """Issue 14, defect 1: at 390 px the spine shrank to ~80 px with the group-median column cut off. The compact
    spine has no y tick labels (row labels go above the rows), a narrow left margin and no value columns; the
    values sit in a four-column table under it; only the compact one is shown where the content is under 900 px wide
    (a phone, or a laptop with the sidebar open: a container query on the main block)."""
    at = _peers(code=YOKOTE, group="type")
    assert not at.exception
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    compact = specs[1]
    assert compact["layout"]["yaxis"]["showticklabels"] is False
    assert compact["layout"]["margin"]["l"] <= 20 and compact["layout"]["margin"]["r"] <= 30
    notes = [a.get("text", "") for a in compact["layout"]["annotations"]]
    assert not any(n.startswith("<b>") for n in notes)  # the place's values (bold) are not drawn beside the plot
    columns = [list(d.value.columns) for d in at.dataframe]
    assert ["指標", "横手市の値", "グループ中央値", "グループ内の位置"] in columns
    css = "\n".join(h.proto.body for h in at.get("html") if "@container" in h.proto.body)
    assert re.search(r'\[data-testid="stMainBlockContainer"\] \{ container-type: inline-size; \}', css)
    assert re.search(r"@container \(max-width: 899px\)\s*\{\s*\.st-key-np_spine_wide[^{]*\{ display: none; \}", css)


# --- 3. the place follows the user -----------------------------------------------------------------------------

def test_d3_place_chosen_on_the_profile_is_the_place_on_peers(real_env):
    """Issue 14, defect 3: from 湯沢市 (05207)'s profile, 比較 opened on another place. After the profile, 比較
    opened without ?code= in the link shows 湯沢市 (the session carries the place) and writes ?code=05207."""
    at = _shell(code=YUZAWA)
    assert at.header[0].value == "湯沢市"
    at.query_params.pop("code", None)
    at.switch_page("pages/peers.py")
    at.run()
    assert not at.exception
    assert at.selectbox(key="place_code__ja").value == YUZAWA
    assert any(m.startswith("**湯沢市**：") for m in _texts(at.markdown))
    assert _param(at, "code") == YUZAWA


# --- 4. one picker, found by kana, katakana, kanji, romaji; an unknown code named ------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_d4_peers_picker_label_of_yuzawa_carries_every_script(real_env, lang):
    """Issue 14, defect 4: 比較's picker found no kana (ゆざわ), neither picker katakana (ユザワ), and in English
    湯沢 typed in kanji found nothing. The picker searches its option labels ("contains"): 湯沢市's label on 比較
    holds the kanji, both kanas, the romaji and the code in either language."""
    at = _peers(lang, code=YOKOTE)
    box = at.selectbox(key=f"place_code__{lang}")
    assert box.proto.filter_mode in (0, 1)  # fuzzy or contains: a typed part of the label matches (not prefix/none)
    label = next(o for o in box.options if "05207" in o)
    for typed in ("湯沢", "ゆざわ", "ユザワ", "Yuzawa", "05207"):
        assert typed in label, (typed, label)


@pytest.mark.parametrize("page", ["pages/peers.py", "pages/profile.py"])
@pytest.mark.parametrize("lang, says", [
    ("ja", ("「99999」", "下の一覧から選んでください")),
    ("en", ("“99999”", "choose from the list below")),
])
def test_d4_unknown_code_is_named_with_what_to_do(real_env, page, lang, says):
    """Issue 14, defect 4: an unknown ?code= must name the code and say what to do; nothing is shown in its stead."""
    at = _shell(lang, page, code="99999")
    assert not at.exception
    warning = "\n".join(_texts(at.warning))
    for words in says:
        assert words in warning
    assert not at.get("plotly_chart") and not at.header


# --- 6. Japanese 補正・欠損 table: Japanese words, readable rules, no ids -------------------------------------

def _quality_table(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "記載どおり" in d.value.columns and "格納値" in d.value.columns)


def test_d6_quality_notes_of_yuzawa_in_japanese(real_env):
    """Issue 14, defect 6: the profile's 補正・欠損 table showed English ("not marked", "runs (by section)",
    "printed 12.9 ‰, stored 1.29 %") and raw rule ids. 湯沢市 prints 生活保護受給率 12.9 (‰) (003 l.1810); its
    実施事業 line (l.1803) has no ○ before 地域力強化推進事業 while that programme's section (l.1828) carries a design."""
    at = _shell(code=YUZAWA)
    table = _quality_table(at)
    welfare = table[table["記載どおり"] == "12.9 (‰)"].iloc[0]
    assert welfare["説明"] == "記載 12.9‰ → 1.29% として保存"
    marks = table[table["行"] == 1828].iloc[0]
    assert marks["記載どおり"] == "印なし" and marks["格納値"] == "実施（計画の記載による）"
    cells = [str(v) for v in table[["記載どおり", "格納値", "規則", "説明"]].to_numpy().ravel()]
    for english in ("not marked", "runs (by section)", "printed", "stored", "per_mille_converted",
                    "section_without_mark", "missing_dash"):
        assert not any(english in c for c in cells), english


def test_d6_quality_notes_field_column_is_japanese(real_env):
    """Issue 14, defect 6: no English in the Japanese 補正・欠損 table — the 項目 of the marks row (003 l.1803/1828)
    too (「実施事業の印」, not "marks")."""
    table = _quality_table(_shell(code=YUZAWA))
    assert not any(LATIN.search(str(v)) for v in table["項目"]), list(table["項目"])


# --- 7. English names and ordinals -----------------------------------------------------------------------------

def test_d7_ordinals():
    """Issue 14, defect 7: ordinals "1th", "22th", "53th"."""
    from machikurabe.analysis.formatting import format_percentile, ordinal

    expected = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st",
                22: "22nd", 23: "23rd", 53: "53rd", 100: "100th", 101: "101st", 111: "111th", 112: "112th"}
    assert {n: ordinal(n) for n in expected} == expected
    assert format_percentile(22.4, "en") == "22nd percentile"
    assert format_percentile(53.0, "en") == "53rd percentile"
    assert format_percentile(1.0, "en") == "1st percentile"


def test_d7_english_prefecture_filter_tag_and_profile_subtitle(real_env):
    """Issue 14, defect 7: in English the 秋田県 filter tag and the profile subtitle stayed in kanji. The sidebar's
    prefecture option and 湯沢市's subtitle name Akita Prefecture (the subtitle may add the kanji name after it)."""
    # the filters are drawn on the pages they narrow (概要 here), not on the profile
    pref = _shell("en", page="pages/overview.py").multiselect(key="pref")
    assert "Akita Prefecture" in pref.options and "秋田県" not in pref.options
    at = _shell("en", code=YUZAWA)
    assert not [m for m in at.multiselect if m.key == "pref"]
    assert at.header[0].value == "Yuzawa City"
    subtitle = next(c for c in _texts(at.caption) if "05207" in c)
    assert subtitle.startswith("Akita Prefecture · City") and "秋田県" not in subtitle


def test_d7_breakdown_listing_and_peer_chart_title_in_english(real_env):
    """Issue 14, defect 7: 指標の内訳's body columns and titles stayed in kanji in English. The first body with
    targets in code order is 札幌市 (01100); its peer chart's title and the target listing use romaji."""
    at = AppTest.from_file(BREAKDOWN, default_timeout=180)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    listing = at.dataframe[0].value
    assert not any(CJK.search(str(v)) for v in listing["Body"]) and not any(
        CJK.search(str(v)) for v in listing["Prefecture"])
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    peer_title = next(t for t in titles if "Sapporo City" in t)
    assert not CJK.search(peer_title)
    assert at.selectbox(key="bd_peer_body__en").options[0] == "Hokkaido Sapporo City"


def test_d7_breakdown_similar_designs_in_english(real_env):
    """Issue 14, defect 7: 指標の内訳's body columns in English — the similar-designs picker and table too."""
    at = AppTest.from_file(BREAKDOWN, default_timeout=180)
    at.session_state["lang"] = "en"
    at.run()
    assert not any(CJK.search(o) for o in at.selectbox(key="bd_sim_body__en").options)
    similar = at.dataframe[-1].value
    assert "Similarity (0-1)" in similar.columns
    assert not any(CJK.search(str(v)) for v in similar["Body"])


# --- 8. numbers ------------------------------------------------------------------------------------------------

def test_d8_on_screen_numbers_have_no_float_noise_and_whole_numbers_no_decimal():
    """Issue 14, defect 8: float noise (0.6600000000000037, 69.77000000000001, 7.400000000000002) in tables and
    whole numbers as 44529.0; the 比較 table's text and its export numbers."""
    from machikurabe.ui import national_peer_view as nv
    from machikurabe.ui.peer_charts import national_number

    assert national_number(0.6600000000000037, 2) == "0.66"
    assert national_number(69.77000000000001, 2) == "69.77"
    assert national_number(7.400000000000002, 1) == "7.4"
    assert national_number(44529.0, 0) == "44,529"
    assert national_number(None, 1) == "—"
    assert nv.clean_number(0.6600000000000037, 2) == 0.66
    whole = nv.clean_number(44529.0, 0)
    assert whole == 44529 and isinstance(whole, int)
    assert nv.clean_number(None, 1) is None


def test_d8_profile_of_yuzawa_prints_the_plan_figures_as_printed(real_env):
    """Issue 14, defect 8: `38.460000`, `None` and 44529.0 in tables. 湯沢市 prints 人口 44,529 (人) and 高齢化率
    38.46 (%) (003 l.1809, l.1810); the plan table shows them with units, no cell is None/nan."""
    at = _shell(code=YUZAWA)
    plan = next(d.value for d in at.dataframe if "全市区町村中の順位" in d.value.columns).set_index("指標")
    assert plan.loc["人口", "値"] == "44,529人"
    assert plan.loc["高齢化率", "値"] == "38.5%"  # printed 38.46: one decimal for %
    assert plan.loc["生活保護受給率", "値"] == "1.3%"  # 1.29 %: one decimal for %
    for frame in (plan.reset_index(), _quality_table(at)):
        for value in frame.to_numpy().ravel():
            assert value is not None and str(value) not in ("None", "nan", "<NA>", "NaN"), frame


def test_d8_peers_table_values_carry_units_and_rate_differences_are_points(real_env):
    """Issue 14, defect 8: values without units; rate differences "+7.4%" instead of ポイント. Every value cell of
    横手市's 比較 table carries the indicator's unit (人, 人/km², %, 円 for the default indicators)."""
    at = _peers(code=YOKOTE, group="type", tab="table")
    table = next(d.value for d in at.dataframe if "全国順位（高い順）" in d.value.columns)
    units = ("人/km²", "人", "%", "円", "人（人口1万人あたり）")  # 医師数 per 10,000 people (issue 19)
    for column in ("横手市の値", "グループ中央値", "全国中央値", "県内市町村の中央値"):
        for value in table[column]:
            assert value == "—" or value.endswith(units), (column, value)
    rates = table[table["横手市の値"].str.endswith("%")]
    assert len(rates) >= 5
    assert all(d == "—" or d.endswith("ポイント") for d in rates["中央値との差"])


def test_d8_a_median_headcount_keeps_its_half(real_env):
    """Issue 14, defect 8: a median headcount of 4.5 was shown as "4人". Hand-picked peers of 湯沢市: 井川町 4 (003
    l.1935) and 今別町 3 (l.852) planned promoters: the group median is 3.5人, 湯沢市 (2名, l.1875) is 1.5人 below."""
    at = _peers(code=YUZAWA, group="hand", hand=f"{IKAWA},{IMABETSU}", tab="table")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "全国順位（高い順）" in d.value.columns)
    row = table[table["指標"] == "相談支援包括化推進員（予定）"].iloc[0]
    assert row["湯沢市の値"] == "2人"
    assert row["グループ中央値"] == "3.5人"
    assert row["中央値との差"] == "-1.5人"


def test_d8_codes_keep_their_leading_zero_in_csv_and_xlsx():
    """Issue 14, defect 8: codes keep leading zeros in the files (a CSV/XLSX code column of 05207 is text)."""
    from machikurabe.ui import exports

    frame = pd.DataFrame({"コード": [YUZAWA, "01206"], "総人口": [42091.0, 165077.0]})
    lines = exports.csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines[1] == "05207,42091" and lines[2] == "01206,165077"
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(frame, title="t", source="出典：総務省")))
    cells = [c for row in book.active.iter_rows() for c in row if c.value in ("05207", "01206", 5207, 1206)]
    assert [c.value for c in cells] == ["05207", "01206"] and all(c.data_type == "s" for c in cells)


# --- 9. the report's charts ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def yokote_type_view(national_frames):
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import national_peer_view as nv

    f = national_frames
    keys = (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS)
    return nv.build(f["wide"], f["years"], f["catalogue"], f["info"], npp.ViewParams(YOKOTE, "type", 15), keys, "ja",
                    "ageing_rate_pct", "ageing_rate_pct", "welfare_spending_share_pct", created="2026-11-29")


def test_d9_scatter_lists_each_reference_line_once_and_leaves_45_peers_unlabelled(yokote_type_view):
    """Issue 14, defect 9: the scatter's legend listed both 「グループ中央値」 and 「グループ中央値（x）」, and its
    labels overlapped. 横手市's 類似団体 group has 45 peers: they are drawn unlabelled (names on hover)."""
    fig = yokote_type_view.figs["scatter"]
    names = [tr.name for tr in fig.data if tr.showlegend is not False]
    assert names.count("グループ中央値") == 1
    assert not any(n and n.startswith("グループ中央値（") for n in names)
    assert len(yokote_type_view.group.codes) == 45
    peers = next(tr for tr in fig.data if tr.name == "比較グループ")
    assert "text" not in peers.mode


def test_d9_chart_captions_wrap_between_words_not_inside_a_number():
    """Issue 14, defect 9: a source caption broke inside a number (「＊人口5 / ,000人未満」); captions must wrap
    between words. No line break may fall between two characters of 5,000 or of SSDSE."""
    from machikurabe.ui import peer_charts

    caption = "出典：独立行政法人統計センター「SSDSE」を加工。注：＊人口5,000人未満の団体は少人数のため値が振れやすい"
    for width in range(20, 40):
        lines = peer_charts._wrap(caption, width).split("<br>")
        assert "".join(lines) == caption
        for before, after in itertools.pairwise(lines):
            pair = before[-1] + after[0]
            assert not re.fullmatch(r"[0-9A-Za-z,.][0-9A-Za-z,.]", pair), (width, before, after)


# --- 10. the map: no set-up instructions for visitors, in either mode ----------------------------------------

@pytest.mark.parametrize("mode", ["national", "plan"])
def test_d10_no_developer_setup_text_on_the_map(real_env, monkeypatch, tmp_path, mode):
    """Issue 14, defect 10: a developer set-up box (environment variable, `python -m …`) was shown to every visitor.
    No element of the map page, in the default national mode or the plan mode, without a boundary file, says it."""
    monkeypatch.setenv("MACHIKURABE_N03", str(tmp_path / "absent" / "N03.geojson"))
    at = AppTest.from_file(MAP, default_timeout=180)
    at.session_state["map_mode"] = mode
    at.run()
    assert not at.exception
    text = _all_text(at)
    assert "地図" in text
    for leak in ("MACHIKURABE_N03", "python -m", "環境変数", "machikurabe.ui.boundaries"):
        assert leak not in text, leak


# --- 11. the English spine: value columns apart ----------------------------------------------------------------

def test_d11_english_spine_value_columns_are_spaced_by_their_longest_text(national_frames):
    """Issue 14, defect 11: in English the spine's value columns overlapped ("94,068 households343,074
    households"). The second column starts at least the width of the first column's longest text (7 px per
    character at 13 px, a generous lower bound for digits and commas) after the first."""
    from machikurabe.analysis import national_peers as npp
    from machikurabe.ui import national_peer_view as nv

    f = national_frames
    view = nv.build(f["wide"], f["years"], f["catalogue"], f["info"], npp.ViewParams(YOKOTE, "type", 15),
                    (*npp.DEFAULT_INDICATORS, *npp.PLAN_KEYS), "en", "ageing_rate_pct", "ageing_rate_pct",
                    "welfare_spending_share_pct", created="2026-11-29")
    notes = [a for a in view.figs["spine"].layout.annotations if a.xref == "paper" and a.x == 1]
    shifts = sorted({a.xshift for a in notes})
    assert len(shifts) == 2
    first = [re.sub(r"<[^>]+>", "", a.text) for a in notes if a.xshift == shifts[0]]
    assert "Yokote City" in first  # the column head
    assert shifts[1] - shifts[0] >= 7 * max(len(t) for t in first)
    assert view.figs["spine"].layout.margin.r >= shifts[1] + 7 * max(
        len(re.sub(r"<[^>]+>", "", a.text)) for a in notes if a.xshift == shifts[1])
