"""machikurabe.analysis.data_method and machikurabe.ui.exports: rule counts, quality filters, credits, download bytes."""
import io

import pandas as pd

from machikurabe.analysis import data_method
from machikurabe.ui import data_method_view as view
from machikurabe.ui import exports

QUALITY = pd.DataFrame({
    "municipality_code": ["01399", "13107", "01470", "02000"],
    "field": ["welfare_rate_pct", "welfare_rate_pct", "association_rate_pct", "association_rate_pct"],
    "raw_value": ["13.8 (‰)", "28.66 (%)", "(%)", "(%)"],
    "value": ["1.38", "2.866", None, None],
    "rule": ["per_mille_converted", "per_mille_labelled_percent", "missing_empty", "missing_empty"],
    "source_line": [102, 4212, 298, 696],
    "note": ["printed 13.8 ‰", "read as ‰", "no value", "no value"],
})


def test_rules_with_counts():
    table = data_method.rules_with_counts(QUALITY).set_index("rule")
    assert table.loc["missing_empty", "records"] == 2
    assert table.loc["missing_empty", "bodies"] == 2
    assert table.loc["per_mille_converted", "example_raw"] == "13.8 (‰)"
    assert list(table.index)[0] == "missing_empty"  # most frequent first
    assert data_method.rules_with_counts(QUALITY.iloc[0:0]).empty


def test_filter_quality():
    assert len(data_method.filter_quality(QUALITY, rules=["missing_empty"])) == 2
    assert len(data_method.filter_quality(QUALITY, fields=["welfare_rate_pct"], codes=["13107"])) == 1
    assert data_method.filter_quality(QUALITY, rules=["missing_empty"], codes=["13107"]).empty
    assert len(data_method.filter_quality(QUALITY)) == 4


def test_credits_name_the_sources_and_the_n03_wording_when_boundaries_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("MACHIKURABE_N03", str(tmp_path / "absent.geojson"))
    text = view.credits_markdown("ja")
    assert "厚生労働省" in text and "Streamlit" in text and "deck.gl" in text
    assert "国土数値情報" not in text
    present = tmp_path / "N03.geojson"
    present.write_text("{}")
    monkeypatch.setenv("MACHIKURABE_N03", str(present))
    assert "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成" in view.credits_markdown("ja")


def test_csv_has_bom_and_japanese_survives():
    data = exports.csv_bytes(pd.DataFrame({"name": ["釧路市"], "population": [168730]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["name,population", "釧路市,168730"]


def test_parquet_round_trip():
    frame = pd.DataFrame({"name": ["墨田区"], "welfare_rate_pct": [2.866]})
    back = pd.read_parquet(io.BytesIO(exports.parquet_bytes(frame)))
    assert back.loc[0, "name"] == "墨田区" and back.loc[0, "welfare_rate_pct"] == 2.866


def test_rules_table_joins_declared_rules_with_counts():
    table = data_method.rules_table(QUALITY).set_index("rule")
    assert table.loc["missing_empty", "records"] == 2
    assert table.loc["missing_empty", "action"] == "null"
    assert table.loc["missing_dash", "records"] == 0  # declared, not fired in this sample


def test_database_tables_are_shown_with_translated_headers_and_no_none():
    """The sources table showed "None" and raw column names (municipality_code, body_name); in English the
    data-quality rows kept 札幌市 and 北海道 in kanji."""
    import pandas as pd

    from machikurabe.ui.data_method_view import build_info_table, display_table

    documents = pd.DataFrame([{"id": "003", "title": "令和元年度…", "municipality_code": None, "body_name": None,
                               "kind": "plans_compilation", "file_name": "003_x.txt", "note": None}])
    ja = display_table(documents, "ja")
    assert list(ja.columns) == ["番号", "表題", "団体コード", "作成した団体", "種類", "ファイル", "注記"]
    assert ja.iloc[0].tolist()[2:4] == ["—", "—"]
    quality = pd.DataFrame([{"municipality_code": "01100", "name": "札幌市", "prefecture": "北海道", "field": "x"}])
    en = display_table(quality, "en", {"01100": "Sapporo City"})
    assert en.iloc[0].tolist()[:3] == ["01100", "Sapporo City", "Hokkaido"]
    info = build_info_table(pd.DataFrame({"key": ["bodies"], "value": ["63"]}), "ja")
    assert list(info.columns) == ["項目", "値"]


def test_kinds_and_directions_are_words_not_ids():
    from machikurabe.ui.data_method_view import documents_table, indicator_definitions

    table = indicator_definitions("ja").set_index("ID")
    assert table.loc["welfare_rate_pct", "種別"] == "福祉"
    assert table.loc["association_rate_pct", "向き"] == "高いほど望ましい"
    assert indicator_definitions("en").set_index("ID").loc["population", "Polarity"] == "No good or bad direction"
    import pandas as pd

    documents = pd.DataFrame([{"id": "001", "title": "第二次長野市地域福祉計画", "municipality_code": "20201",
                               "body_name": "長野市", "kind": "welfare_plan", "file_name": "001.txt", "note": None}])
    assert documents_table(documents, "ja")["種類"].tolist() == ["地域福祉計画"]


SNAKE_ID = __import__("re").compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|^(?:flag|null|stored|text)$")


def _ids_in(frame: pd.DataFrame) -> list[str]:
    return sorted({str(v) for column in frame.columns for v in frame[column]
                   if isinstance(v, str) and SNAKE_ID.search(v)})


def test_japanese_data_page_shows_rules_actions_and_fields_in_words_not_ids():
    """issue 19: データと方法 showed differs_from_official, flag / null / stored and welfare_rate_pct in its tables.
    Ids stay only in the column headed as the id the CSV carries."""
    quality = pd.concat([QUALITY, pd.DataFrame([{
        "municipality_code": "02425", "field": "ageing_rate_pct", "raw_value": "35.2", "value": "35.2",
        "rule": "differs_from_official", "source_line": 900, "note": "official 37.88"}])], ignore_index=True)
    rules = view.rules_display(quality, "ja").set_index("規則ID（CSVの rule 列）")
    assert _ids_in(rules.reset_index(drop=True).drop(columns=["例の注記"])) == []
    assert rules.loc["missing_empty", "値の扱い"] == "欠損（値なし）"
    assert rules.loc["per_mille_converted", "値の扱い"] == "数値を保存"
    assert rules.loc["differs_from_official", "値の扱い"] == "記載どおり保存・要確認"
    assert rules.loc["per_mille_converted", "規則"] == "‰ 表記 → 10 で割って % に"
    assert rules.loc["differs_from_official", "項目"] == "高齢化率"
    assert rules.loc["missing_empty", "項目"] == "地縁組織加入率"
    shown = view.display_table(quality, "ja")
    assert _ids_in(shown.drop(columns=["注記"])) == []
    assert shown["項目"].tolist()[:3] == ["生活保護受給率", "生活保護受給率", "地縁組織加入率"]
    info = view.build_info_table(pd.DataFrame({"key": ["national_vintages", "built_at"], "value": ["2018,2019", "x"]}),
                                 "ja")
    assert info["項目"].tolist() == ["全国統計の版", "作成日時（UTC）"]
    assert view.rules_display(quality, "en").set_index("Rule id (rule column of the CSV)").loc[
        "missing_empty", "What was stored"] == "left missing"


def test_database_table_csv_carries_source_years_date_and_link():
    frame = pd.DataFrame({"code": ["01206"], "population": [168730]})
    text = __import__("machikurabe.ui.files", fromlist=["csv_bytes"]).csv_bytes(
        view.table_file("municipalities", frame, "2018,2019", "ja"), "ja").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "code,population" and lines[2] == "01206,168730"
    assert any(line.startswith("出典：厚生労働省") for line in lines)
    assert any(line.startswith("作成日：20") for line in lines)
    assert "この表示を再現するURL：/data_method" in lines
    national = view.table_file("national_values", frame, "2018,2019", "en")
    assert national.years == "2018 edition, 2019 edition" and national.sources[0].startswith("Source: National")
