"""Issue 21 item 1: the 指標の内訳 page in words. Expected values written by hand."""
import pandas as pd

from machikurabe.analysis import similarity as sim
from machikurabe.analysis.formatting import wrap_caption
from machikurabe.i18n import t
from machikurabe.ui import breakdown_view as view
from machikurabe.ui.charts import chart_title


def test_shared_terms_are_whole_words_not_fragments():
    designs = pd.DataFrame([
        ("01", "community_capacity", "甲町", "ワークショップを開きサポーター養成講座で担い手の確保を図る"),
        ("02", "community_capacity", "乙町", "地域サポーター養成講座とワークショップにより担い手の確保に取り組む"),
        ("03", "community_capacity", "丙町", "見守り活動の拠点を整備する"),
    ], columns=["municipality_code", "programme", "name", "design_text"])
    terms = sim.most_similar(sim.build_index(designs), "01", "community_capacity", top_n=1).iloc[0]["shared_terms"]
    words = terms.split(" / ")
    assert {"ワークショップ", "サポーター養成講座", "担い手", "確保"} <= set(words)
    for fragment in ("ップ", "ポーター養成講座", "担い手の確", "養成講座"):
        assert fragment not in words


def test_words_never_span_removed_digits():
    # clean() turns 「10人以上」 into a space and 「人以上」; no word begins with the counter
    assert "人以上" not in sim.words(sim.clean("参加者10人以上の講座"))
    assert "中間的就労" in sim.words(sim.clean("中間的就労の場を創出"))


def test_chart_title_keeps_number_with_its_counter():
    text, lines = chart_title("重層的支援の柱の内訳（事業の種類別、388件）")
    assert text == "重層的支援の柱の内訳（事業の種類別、<br>388件）"
    assert lines == 2
    assert wrap_caption("あいうえおかきくけこ12件", 11) == ["あいうえおかきくけこ", "12件"]


def test_share_tooltip_reads_one_percent_sign():
    table = pd.DataFrame({"programme": ["multi_agency", "multi_agency", "multi_agency"],
                          "kind": ["quantitative", "indicator", "qualitative"],
                          "n": [2, 1, 22], "share_pct": [8.0, 4.0, 88.0], "group_total": [25, 25, 25]})
    fig = view.share_chart(table, "programme", "kind", "ja", "share", source="出典：テスト")
    assert fig.data[0].hovertemplate.endswith(": %{customdata[2]}<extra></extra>")
    assert list(fig.data[0].customdata[0]) == ["multi_agency", "quantitative", "8.0%"]
    assert "%%" not in fig.data[0].hovertemplate
    counts = view.share_chart(table, "programme", "kind", "en", "count", source="Source: test")
    assert counts.data[2].customdata[0][2] == "22 targets"


def test_documents_named_by_issuer_and_title_not_number():
    assert view.group_label("document_id", "003", "ja") == "厚生労働省 令和元年度 モデル事業実施計画"
    assert view.group_label("document_id", "002", "en") == "Chofu City: community welfare coordinator programmes, FY2024 overview"
    assert view.group_label("programme", "none", "ja") == "モデル事業計画以外の資料"
    assert view.source_text(["003", "000"], "ja") == (
        "出典：市川市「生活困窮者支援等のための地域づくり事業 業務委託の内容（仕様書抜粋）」、"
        "厚生労働省 令和元年度 モデル事業実施計画。成果目標の分類は本アプリのキーワード規則による（このページの「分類の規則」に一覧）。")
    for lang in ("ja", "en"):
        for key in ("bd_only_plans", "bd_types_note", "bd_source", "bd_similar_source", "bd_not_programme"):
            text = t(key, lang, docs="x")
            assert "003" not in text and ".py" not in text and "machikurabe/" not in text, (key, lang)
