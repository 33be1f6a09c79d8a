"""Target extraction: number/unit parsing and splitting on snippets printed in the sources, and the
per-document extractors checked against values read by hand from data/raw/."""
from pathlib import Path

import pandas as pd
import pytest

from machikurabe.ingest import targets
from machikurabe.ingest.targets import parse_target_quantity, split_targets

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


@pytest.mark.parametrize(
    "text, value, value_max, bound, unit, period",
    [
        # 003 line 1053 (遠野市): the parenthesised part is a breakdown, not a second target
        ("年間450件(1地区あり150件)", 450, None, "exactly", "件", "per_year"),
        ("年4回", 4, None, "exactly", "回", "per_year"),
        ("8箇所", 8, None, "exactly", "箇所", None),
        # 001 line 505 / 506 (長野市 目標値 H27)
        ("25%～50%", 25, 50, "range", "%", None),
        ("70%以上", 70, None, "at_least", "%", None),
        ("月10件程度", 10, None, "approx", "件", "per_month"),
        # full-width digits and per-cent sign
        ("年間１２回", 12, None, "exactly", "回", "per_year"),
        ("５０％以上", 50, None, "at_least", "%", None),
        ("三回", 3, None, "exactly", "回", None),
        # 003 line 63 (釧路市): 年 2～3 名
        ("年 2～3 名のケース検討", 2, 3, "range", "人", "per_year"),
        # 003 line 2213: 1拠点あたり is a denominator, 15件 the target
        ("新規相談件数 1拠点あたり月平均15件", 15, None, "exactly", "件", "per_month"),
        # 003 line 868
        ("プラン作成件数 1月当たり5件", 5, None, "exactly", "件", "per_month"),
        # 003 line 5141: a date is not the target; 37団体 by 2022
        ("小地域福祉活動団体数 2022年度までに37団体", 37, None, "exactly", "団体", "by_year"),
        # 002 line 174: 160 団体 names the addressees; the target is 480 回
        ("160団体に対し、話し合いの場づくりやイベント等の取組への働きかけを480回行う。", 480, None, "exactly", "回", None),
        # 003 line 3984: only a parenthesised count
        ("地域ケア会議の開催(年 2 回)", 2, None, "exactly", "回", "per_year"),
        # 003 line 5160: 現状 7か所 is the starting point, 9か所 the target
        ("地域福祉推進拠点の整備数 現状 7か所 本年度中に9か所", 9, None, "exactly", "箇所", "by_year"),
        # 003 line 3653
        ("拠点の参加人数 400 人 (のべ)", 400, None, "exactly", "人", "total"),
        # 003 line 5234
        ("平均利用者数:14 人/日", 14, None, "exactly", "人", "per_day"),
        ("1,824件", 1824, None, "exactly", "件", None),
    ],
)
def test_parse_target_quantity(text, value, value_max, bound, unit, period):
    q = parse_target_quantity(text)
    assert q.value == value
    assert q.value_max == value_max
    assert q.bound == bound
    assert q.unit == unit
    assert q.period == period


@pytest.mark.parametrize(
    "text",
    [
        "将来的には町内における「持続可能な相談体制」の構築を目指す。",
        # a baseline in parentheses is not a target number (003 line 4200)
        "地域福祉支援計画を策定している区市町村数を増やす（平成 30 年 4 月時点 53 区市町村策定済み）。",
        # an ordinal and a clock time (004 line 88)
        "全体会議（第4回推進会議を兼ねる）を開催 日時 平成27年3月6日（金） 10：00～15：00（予定）",
    ],
)
def test_no_quantity_in_qualitative_text(text):
    assert parse_target_quantity(text).value is None


def test_split_keeps_breakdown_with_its_target():
    # 003 line 1053: one sentence, one target; the parentheses stay with it
    text = "相談対応を年間450件(1地区あり150件)行う。"
    assert split_targets(text) == [(0, "相談対応を年間450件(1地区あり150件)行う。")]


def test_split_counts_separated_by_spaces():
    # 003 line 3672
    pieces = [t for _, t in split_targets("相談件数 500 件 (のべ) ケース会議参加件数 30 件 課題解決件数 20 件")]
    assert pieces == ["相談件数 500 件 (のべ)", "ケース会議参加件数 30 件", "課題解決件数 20 件"]


def test_split_bullets_and_html():
    # 003 line 587 and a <p>-wrapped field (line 4491)
    assert [t for _, t in split_targets("・相談件数:120件 ・解決数:100件 ・行政等へつないだ件数:20件")] == [
        "相談件数:120件", "解決数:100件", "行政等へつないだ件数:20件"]
    pieces = [t for _, t in split_targets("<p>相談件数 200件</p> <p>支援の成果 支援対象者が見守りを受けることができる。</p>")]
    assert pieces == ["相談件数 200件", "支援の成果 支援対象者が見守りを受けることができる。"]


def test_split_counts_separated_by_comma_only_when_another_count_follows():
    # 003 line 1405: two counts → two targets; 003 line 4835: the words after 、 finish the target
    assert [t for _, t in split_targets("学習支援への子どもの参加 100 人、ボランティアの参加 30 人")] == [
        "学習支援への子どもの参加 100 人", "ボランティアの参加 30 人"]
    assert [t for _, t in split_targets("平成30年度に2回、相談支援包括化推進会議を行う。")] == [
        "平成30年度に2回、相談支援包括化推進会議を行う。"]


def test_progress_reports_become_notes_not_targets():
    # 003 line 1136: → 【実績…】 reports progress, it is not a target
    pieces = targets.split_targets_with_notes("【目標】拠点設置数 10 箇所 → 【実績(10月15日現在)】17 団体が取組開始")
    assert len(pieces) == 1
    assert pieces[0][1] == "拠点設置数 10 箇所"
    assert "実績" in pieces[0][2]


def test_lines_offsets_follow_the_text():
    pieces = split_targets("相談件数 30件\n\n支援会議開催件数 20件")
    assert pieces == [(0, "相談件数 30件"), (2, "支援会議開催件数 20件")]


@pytest.fixture(scope="module")
def all_targets() -> pd.DataFrame:
    # the production path: the plans parser's programme_texts, as build.py passes them
    from machikurabe.ingest import build
    from machikurabe.ingest import plans_parser as pp
    from machikurabe.ingest.gazetteer import Gazetteer

    bodies = pp.parse_plans(RAW / build.PLANS_FILE)
    frames = build.bodies_to_frames(bodies, Gazetteer.load(), build.PLANS_FILE)
    return targets.build_targets(RAW, frames["programme_texts"], None)


def test_nagano_indicators(all_targets):
    nagano = all_targets[all_targets["document_id"] == "001"].set_index("source_line")
    # seven 指標項目 rows on lines 71, 72, 367, 503-506 of 001
    assert sorted(nagano.index) == [71, 72, 367, 503, 504, 505, 506]
    row = nagano.loc[505]
    assert row["text"].startswith("近所で助け合える関係のある人の割合")
    assert (row["value"], row["value_max"], row["bound"], row["unit"]) == (25, 50, "range", "%")
    assert row["baseline"] == 21.5
    assert (row["baseline_year"], row["target_year"]) == (2009, 2015)
    assert nagano.loc[506, "bound"] == "at_least" and nagano.loc[506, "value"] == 70
    assert nagano.loc[71, "value"] == 3200 and nagano.loc[71, "baseline"] == 1824
    assert (all_targets.loc[all_targets["document_id"] == "001", "municipality_code"] == "20201").all()


def test_chofu_quantitative_and_qualitative(all_targets):
    chofu = all_targets[all_targets["document_id"] == "002"]
    by_line = chofu.set_index("source_line")
    # ①量的目標 lines read by hand: 37, 39, 59, 91, 92, 120(+121), 122(+123), 143(+144), 174, 194, 195,
    # 215, 239, 240, 241, 265, 266
    quantitative = sorted(chofu.loc[chofu["kind"] == "quantitative", "source_line"])
    assert quantitative == [37, 39, 59, 91, 92, 120, 122, 143, 174, 194, 195, 215, 239, 240, 241, 265, 266]
    assert by_line.loc[120, "value"] == 400 and by_line.loc[120, "unit"] == "件"
    assert by_line.loc[174, "value"] == 480
    assert by_line.loc[194, "value"] == 8 and by_line.loc[194, "unit"] == "箇所"
    assert by_line.loc[37, "section"].startswith("I 相談支援")
    assert by_line.loc[143, "section"].startswith("II 参加支援")
    assert by_line.loc[215, "section"].startswith("III 地域づくり")
    # the bare "16回" sits under (3) 地域住民等に対する研修の実施
    assert "研修" in by_line.loc[215, "context"]
    # ②質的目標: one per paragraph; lines 43, 65, 96, 127, 148, 178, 199, 219, 245, 247, 270
    qualitative = sorted(chofu.loc[chofu["kind"] == "qualitative", "source_line"])
    assert qualitative == [43, 65, 96, 127, 148, 178, 199, 219, 245, 247, 270]
    # the explanatory sentence on line 61 is a note on 啓発件数 800回, not a target
    assert "出向いて啓発" in by_line.loc[59, "note"]


def test_council_report_has_no_body_and_says_why(all_targets):
    council = all_targets[all_targets["document_id"] == "004"]
    # seven measures under 地域の目標 (lines 53, 54, 55, 63, 64, 72, 76); the all-council meeting on
    # lines 88-89 is a date and a venue, not a target (extract.drop_date)
    assert sorted(council["source_line"]) == [53, 54, 55, 63, 64, 72, 76]
    assert council["municipality_code"].isna().all()
    assert council["note"].str.contains("みやぎ").all()


def test_ichikawa_meeting_bodies(all_targets):
    ichikawa = all_targets[all_targets["document_id"] == "000"]
    meetings = ichikawa[ichikawa["source_line"] == 15]
    # 7 + 10 bodies listed in (1), minus the two catch-all その他 items
    assert len(meetings) == 15
    assert "市川こども食堂ネットワーク会議に出席" in set(meetings["text"])
    assert (meetings["category"] == "meetings").all()


def test_plans_targets_trace_to_lines(all_targets):
    plans = all_targets[all_targets["document_id"] == "003"]
    lines = (RAW / "003_432db8467158d625.txt").read_text(encoding="utf-8").split("\n")
    # every 003 target's first characters can be found on its source line
    for rec in plans.itertuples():
        probe = "".join(targets.normalise(rec.text).split())[:6]
        line = "".join(targets.normalise(lines[rec.source_line - 1]).split())
        assert probe in line, (rec.source_line, rec.text)
    tono = plans[plans["text"].str.startswith("3年目ではモデル3地区")]
    assert set(tono["source_line"]) == {1053, 1080}
    assert (tono["value"] == 450).all() and (tono["period"] == "per_year").all()


def test_target_ids_unique_and_columns(all_targets):
    assert all_targets["target_id"].is_unique
    assert list(all_targets.columns) == targets.TARGET_COLUMNS
    assert set(all_targets["kind"]) <= {"quantitative", "indicator", "qualitative"}


def test_huge_digit_run_is_not_a_target():
    # 10,000 digits overflow a float; no infinite target value is produced
    assert parse_target_quantity("１" * 10_000 + "回").value is None


def test_targets_from_the_real_build_trace_to_lines(real_db_build):
    # the production path: build.py passes its parsed programme_texts to build_targets
    from machikurabe import db

    real_db, out = real_db_build
    assert out["targets"] > 300
    con = db.connect(real_db)
    try:
        rows = con.execute("SELECT document_id, source_line, text FROM targets WHERE document_id = '003'").fetchall()
        kinds = dict(con.execute("SELECT kind, count(*) FROM targets GROUP BY kind").fetchall())
    finally:
        con.close()
    lines = (RAW / "003_432db8467158d625.txt").read_text(encoding="utf-8").split("\n")
    for _, line_no, text in rows:
        probe = "".join(targets.normalise(text).split())[:6]
        assert probe in "".join(targets.normalise(lines[line_no - 1]).split()), (line_no, text)
    assert set(kinds) == {"quantitative", "indicator", "qualitative"}


def test_every_rule_id_a_row_carries_has_a_reason(all_targets):
    from machikurabe.analysis import target_rules

    reasons = target_rules.all_rules()
    for col in ("extraction_rule", "rule_id", "secondary_rule_id", "pillar_rule_id", "level_rule_id", "kind_rule_id",
                "confidence_rule_id"):
        for rid in all_targets[col].dropna().unique():
            ja, en = reasons[rid]
            assert ja and en, (col, rid)
    assert set(all_targets["category"]) <= set(target_rules.CATEGORIES)
    assert set(all_targets["secondary_category"].dropna()) <= set(target_rules.CATEGORIES) - {"other"}
    assert (all_targets["secondary_category"] != all_targets["category"]).all()
    assert set(all_targets["pillar"]) <= set(target_rules.PILLARS)
    assert set(all_targets["confidence"]) == {"high", "low"}


def test_fragments_join_and_bracketed_figures_stay(all_targets):
    plans = all_targets[all_targets["document_id"] == "003"].set_index("target_id")
    texts = list(plans["text"])
    # 003 line 2921: the bare counts belong to the targets before them
    assert "全ての自治会で、小地域見守り活動へ取り組む。98自治会。" in texts
    assert "地域生活課題の集約と共有する場として、情報交換会を定期開催化する。5圏域。年1~2回。" in texts
    assert "98自治会。" not in texts and "年1~2回。" not in texts
    # 003 line 498: the sentence runs on to its bracketed figure
    assert any(t.endswith("地域にさらに増える。(20%増)") for t in texts)
    # notes, past results, baselines and rationales are not rows
    for printed in ("相談を受ける人はボランティア、福祉委員、民生委員など。", "母子父子世帯は30世帯ある。",
                    "平成29年度は心配ごと相談員に対して46件の相談があった。",
                    "平成31年度に初めて福祉委員を養成するため、相談件数等を数値化することは難しい。"):
        assert printed not in texts
    joined = all_targets[all_targets["extraction_rule"] == "extract.join_fragment"]
    assert len(joined) >= 5
