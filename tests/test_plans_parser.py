"""The parser on the real source, judged by values read by hand (tests/data/hand_checked_*.py), and on snippets."""
from pathlib import Path

import pytest

from machikurabe.ingest import plans_parser as pp
from tests.data.hand_checked_bodies import HAND_CHECKED
from tests.data.hand_checked_programmes import EXPECTED_COUNTS, PROGRAMMES_BY_BODY

RAW = Path(__file__).resolve().parent.parent / "data" / "raw" / "003_432db8467158d625.txt"
# Rules the hand-labelling used; the parser may record more kinds of note (date_note, …), which are not judged here.
LABELLED_RULES = {
    "missing_empty", "missing_not_tallied", "missing_unknown", "missing_dash", "approximate",
    "per_mille_labelled_percent", "per_mille_converted", "fraction_labelled_percent", "trailing_period",
    "footnote_mark", "template_text",
}
BASIC_RULE_FIELDS = set(pp.NUMERIC_FIELDS) | set(pp.TEXT_FIELDS)


@pytest.fixture(scope="module")
def bodies():
    return {body.source_line: body for body in pp.parse_plans(RAW)}


def test_sixty_three_bodies_and_the_caption_is_not_one(bodies):
    assert len(bodies) == 63
    assert sum(1 for b in bodies.values() if b.is_prefecture) == 6
    assert 1084 not in bodies  # 遠野市 printed again as an image caption
    assert any(row.rule == "repeated_header" and row.source_line == 1084 for row in bodies[992].quality)


@pytest.mark.parametrize("expected", HAND_CHECKED, ids=lambda e: f"{e['source_line']}-{e['name']}")
def test_basic_info_matches_hand_reading(bodies, expected):
    body = bodies[expected["source_line"]]
    assert body.prefecture == expected["prefecture"]
    for field in pp.NUMERIC_FIELDS:
        if expected[field] is None:
            assert body.values[field] is None, field
        else:
            assert body.values[field] == pytest.approx(expected[field]), field
    found = {row.rule for row in body.quality if row.field in BASIC_RULE_FIELDS} & LABELLED_RULES
    expected_rules = set(expected["quality_rules"]) - {"name_alias"}
    assert found == expected_rules


@pytest.mark.parametrize("expected", PROGRAMMES_BY_BODY, ids=lambda e: f"{e['source_line']}-{e['name']}")
def test_marks_and_sections_match_hand_reading(bodies, expected):
    body = bodies[expected["source_line"]]
    assert sorted(p for p, marked in body.marks.items() if marked) == sorted(expected["marked"])
    assert sorted(p for p, s in body.programmes.items() if s.has_content) == sorted(expected["sections_with_content"])


def test_programme_counts_match_hand_count(bodies):
    counts = {p: 0 for p in pp.PROGRAMMES}
    for body in bodies.values():
        for name, section in body.programmes.items():
            if section.has_content or section.marked:
                counts[name] += 1
    assert counts == EXPECTED_COUNTS


# Where the hand count and the parser's reading differ on purpose, the decision is written down here.
PROMOTER_DECISIONS = {
    599: 0,  # 札幌市 「平成 31 年度は相談支援包括化推進員の配置は行わない。」: printed as none placed → 0, flagged
    4204: 1,  # 墨田区 「2拠点に1名配置」: stored as printed (1), flagged doubtful (could be one per site)
    3869: None,  # 松戸市 「3.5人」: a full-time equivalent, not a headcount; count empty, FTE kept in data_quality
    4015: None,  # 芝山町 「1.4 人」: likewise
}


@pytest.mark.parametrize(
    "expected", [e for e in PROGRAMMES_BY_BODY if "multi_agency" in e["sections_with_content"]],
    ids=lambda e: f"{e['source_line']}-{e['name']}",
)
def test_promoter_count_matches_hand_reading(bodies, expected):
    section = bodies[expected["source_line"]].programmes["multi_agency"]
    count, _, _ = pp.parse_promoter_count(section.text("promoter_count_raw"))
    wanted = PROMOTER_DECISIONS.get(expected["source_line"], expected.get("promoter_count"))
    assert count == wanted


@pytest.mark.parametrize(
    "raw, count, rules",
    [
        ("常勤1人、非常勤1人", 2, ["promoter_count_summed"]),  # line 73 釧路市
        ("20 人(専任1名, 兼任 19 人)", 20, []),  # line 1431 盛岡市: the bracket is a breakdown
        ("委託先:2か所各2人 直営:3人", 7, ["promoter_count_summed"]),  # line 2184 郡山市
        ("4名(現在2名)", 4, []),  # line 5075 狛江市: planned, not current
        ("2人（正規職員1人、臨時職員1人）※ただし臨時職員は事務補助としてであ", 2, []),  # line 2716 東海村
        ("", None, ["missing_empty"]),  # line 4134 千葉市
    ],
)
def test_promoter_count_snippets(raw, count, rules):
    parsed, _, found = pp.parse_promoter_count(raw)
    assert parsed == count
    assert [rule for rule, _ in found] == rules


def test_design_fields_of_kushiro(bodies):
    kushiro = bodies[5]
    capacity = kushiro.programmes["community_capacity"]
    assert capacity.text("programme_name") == "住民とともに中間的就労の場を創出し、暮らしを支える事業"
    assert capacity.text("target_area").split("\n")[0] == "音別町"
    assert "50 トンの収穫" in capacity.text("outcome_targets")
    assert "年 2～3 名のケース検討" in capacity.text("outcome_targets")
    assert capacity.text("funding") == "日本財団「わがまち基金」"
    agency = kushiro.programmes["multi_agency"]
    assert agency.text("promoter_count_raw") == "常勤1人、非常勤1人"
    assert "毎月開催" in agency.text("meeting_case_review")
    assert "年に4～10回実施" in agency.text("meeting_network")
    assert kushiro.texts["vision_change"].startswith("住民が主体的に取り組む事業の創出")


def test_labels_printed_alone_take_values_from_next_line(bodies):
    kyogoku = bodies[94].programmes["community_capacity"]  # lines 125-126
    assert kyogoku.text("target_area") == "町内全域"
    assert kyogoku.text("target_area_scope") == "中学校区"
    assert kyogoku.text("hub_operator") == "社協、NPO"


def test_prefectural_programme_parts(bodies):
    aomori = bodies[686].programmes["prefectural"]  # lines 710-727
    assert aomori.text("programme_name") == "包括的支援体制構築支援事業"
    assert "アドバイザー派遣" in aomori.text("prefectural_activities")
    assert aomori.text("outcome_targets") == "包括的支援体制の整備に取り組む県内市町村の増加"


@pytest.mark.parametrize(
    "raw, value, rules",
    [
        ("1,786 人", 1786, []),  # line 35 釧路市
        ("約 64,000 人", 64000, ["approximate"]),  # line 2818 那須烏山市
        ("④およそ 30 万人", 300000, ["approximate"]),  # line 1408 盛岡市
        ("150～1,700 人(自治会による)", None, ["unparsed"]),  # line 1122 矢巾町: a range stays text
        ("9生活圏域の合計 414,272人", None, ["unparsed"]),  # line 4574 江戸川区
    ],
)
def test_target_area_population(raw, value, rules):
    parsed, found = pp.parse_area_population(raw)
    assert parsed == value
    assert [rule for rule, _ in found] == rules


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(pp.SourceError, match="source file missing"):
        pp.parse_plans(tmp_path / "nope.txt")


def test_shift_jis_file_is_refused_clearly(tmp_path):
    path = tmp_path / "plans.txt"
    path.write_bytes("都道府県名\t北海道\t市区町村名\t釧路市\n".encode("cp932"))
    with pytest.raises(pp.SourceError, match="not UTF-8"):
        pp.parse_plans(path)


def test_unplaceable_basic_info_line_is_recorded(tmp_path):
    path = tmp_path / "plans.txt"
    path.write_text(
        "都道府県名\t北海道\t市区町村名\t釧路市\n実施事業※\t地域力強化推進事業\t○ 多機関の協働による 包括的支援体制構築事業\t都道府県事業\n"
        "1-1. 自治体の基本情報\n\n謎の値\t12\n人口\t168,730 (人)\n\n1-2. 地域の特徴\n",
        encoding="utf-8",
    )
    [body] = pp.parse_plans(path)
    assert body.values["population"] == 168730
    unparsed = [row for row in body.quality if row.rule == "unparsed"]
    assert unparsed and unparsed[0].source_line == 5 and "謎の値" in unparsed[0].raw_value


def test_truncated_block_gives_nulls_with_reasons(tmp_path):
    path = tmp_path / "plans.txt"
    path.write_text("都道府県名\t北海道\t市区町村名\t釧路市\n実施事業※\t地域力強化推進事業\t○\n", encoding="utf-8")
    [body] = pp.parse_plans(path)
    assert body.values["population"] is None
    assert any(row.rule == "missing_section" for row in body.quality)


def test_prefectural_part_b_keeps_its_sub_labels(bodies):
    tokyo = bodies[4156].programmes["prefectural"]  # lines 4196-4198: (イ) with (対象) and (取組内容)
    part_b = tokyo.region_text(tokyo.first_line("prefectural_b_heading"), tokyo.first_line("outcome_targets"))
    assert part_b.startswith("(対象) 区市町村における包括的な支援体制を整備する部署")
    assert "(取組内容) 区市町村間における情報共有の場を設ける" in part_b


@pytest.mark.parametrize(
    "line, programme, field, start",
    [
        (4204, "multi_agency", "outcome_targets", "地域の複合的な課題に対し"),  # 「㊦事業の成果目標」 (line 4275)
        (3921, "community_capacity", "implementer", "鴨川市"),  # 「①施主体(委託先)」 (line 3946)
        (1746, "prefectural", "necessity", "○秋田県は全国で最も高齢化"),  # 「④事業内容」 must not join it
    ],
)
def test_misprinted_labels_still_found(bodies, line, programme, field, start):
    text = bodies[line].programmes[programme].text(field)
    assert text.startswith(start)
    assert "事業内容" not in text
