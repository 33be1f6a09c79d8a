"""Target classification rules: behaviour on snippets printed in the sources (the expected readings are
written by hand from the source, not copied from the rules' output), and the shape of the rule tables.

The old quality test against tests/data/targets_labelled.csv (nine-category taxonomy) is retired; the
measured agreement now comes from tests/test_targets_agreement.py and tests/data/targets_labelled_v2.csv."""
import re

import pytest

from machikurabe.analysis import target_rules
from machikurabe.analysis.target_rules import classify


@pytest.mark.parametrize("text, category, level", [
    # 003 line 819: 相談 and 会議 both appear; the meeting is the target (head word), held N times → process
    ("複合的な問題解決に対する関係機関相互の理解促進、支援体制構築のため、相談支援包括化推進会議を年4回開催する。",
     "meetings", "process"),
    # 003 line 643: trained supporters are people, an output
    ("地域見守りサポーター養成講座の修了人数:500人以上", "people", "output"),
    # 003 line 587: resolved cases are an outcome
    ("解決数:100件", "consultation", "outcome"),
    # 003 line 1136: hubs counted as resident groups start them (the line goes on: 17 団体が取組開始) → output;
    # a place the body opens itself is structure (003 line 1621, 常設型集いの場の設置運営)
    ("拠点設置数 10 箇所", "places", "output"),
    ("常設型集いの場の設置運営による居場所及び活動拠点の整備", "places", "structure"),
    # 003 line 49: intermediate work is participation support for individuals; harvest and jobs → outcome
    ("露の栽培で最終的に 50 トンの収穫とそれに伴う雇用の創出", "individual_participation", "outcome"),
    # 002 line 37
    ("団体等への働きかけ 80回", "outreach", "process"),
    # 003 line 4377: 社会福祉協議会 is an organisation, not a meeting
    ("相談件数 2,000 件(基本的に全ての相談を専門の相談機関や社会福祉協議会における包括的支援等につなげる)",
     "consultation", "process"),
    # 001 line 505: a survey share of residents in mutual-support relations
    ("近所で助け合える関係のある人の割合 (まちづくりアンケート)", "watching", "outcome"),
    # 001 line 506: willingness to volunteer is resident participation
    ("ボランティア活動に参加したい人の割合 (まちづくりアンケート)", "resident_participation", "outcome"),
    # 003 line 868: support plans made → output
    ("プラン作成件数 1月当たり5件", "consultation", "output"),
    # 003 line 1227: people who attended a study session are an output of the course
    ("地域の支え合いの仕組みづくり勉強会参加者数 120 人", "training", "output"),
    # 003 line 4110: courses held are process
    ("ボランティア入門講座 開催数 33 回", "training", "process"),
    # 003 line 3016: awareness events are publicity, not training; 500 people reached is a head count → output
    ("社会福祉課題の啓発事業 500名", "publicity", "output"),
    # 003 line 1621: a mutual-support map
    ("全行政区(39行政区)で地域支え合いマップを整備", "watching", "output"),
    # 003 line 3324: a direct home-help service
    ("既存の制度に該当しない方へのホームヘルプサービスの実施 40時間", "services", "process"),
    # 003 line 1176: consultations received → process; closure rate → outcome
    ("新規相談受理件数 60 件(複合的な課題を有するケースに限る)", "consultation", "process"),
    ("終結率 70%以上", "consultation", "outcome"),
    # 003 line 4110: the count names its subject before the number (サロン, not 地区部会)
    ("ふれあいいいききサロンの開催 66 地区部会 4,404 回", "places", "process"),
    # 003 line 1271: ネットワーク体制 is a network
    ("障害・介護・生活困窮者支援・法律関係等の専門職によるネットワーク体制の構築", "meetings", "structure"),
])
def test_rules_on_source_snippets(text, category, level):
    verdict = classify(text)
    assert (verdict.category, verdict.logic_level) == (category, level), verdict


@pytest.mark.parametrize("text, pillar", [
    ("相談件数:120件", "comprehensive_consultation"),
    ("市圏域のネットワーク会議:年2回", "multi_agency"),
    ("露の栽培で最終的に 50 トンの収穫とそれに伴う雇用の創出", "participation_support"),
    ("ひだまりサロン等の交流の場及び居場所の新規立ち上げ8箇所", "community_building"),
    ("地域見守り名簿での個別訪問", "outreach"),
])
def test_pillars(text, pillar):
    assert classify(text).pillar == pillar


def test_document_section_decides_the_pillar():
    # 002 line 120 sits under II 参加支援
    v = classify("複合課題を有するケースにおける本人および家族への継続支援 400件", section="II 参加支援")
    assert (v.pillar, v.pillar_rule_id) == ("participation_support", "pillar.document.section")
    assert classify("16回", section="III 地域づくりに向けた支援").pillar == "community_building"


def test_kind_quantitative_indicator_qualitative():
    assert classify("相談件数:120件").kind == "quantitative"
    assert classify("将来的には町内における「持続可能な相談体制」の構築を目指す。").kind == "qualitative"
    # a counted measure with no value to reach (003 lines 1038, 1522, 159)
    assert classify("研修参加者数。").kind == "indicator"
    assert classify("交流活動時相談会開催回数、相談件数、解決件数").kind == "indicator"
    assert classify("地域包括支援センター、相談支援包括化推進員において対応を行い、相談件数等を記録する").kind == "indicator"
    # 'all districts' is a value to reach (003 line 681)
    v = classify("福まち活動調整員の養成を進め全地区の配置を目指す。")
    assert (v.kind, v.kind_rule_id) == ("quantitative", "kind.all")
    # the document's own 量的目標 heading wins (002 line 215 prints just "16回" under it)
    assert classify("16回", context="(3) 地域住民等に対する研修の実施", kind_hint="quantitative").category == "training"


def test_two_subjects_give_a_secondary_category():
    # 003 line 3324: 懇談会 and 研修会 together
    v = classify("地域懇談会・研修会の実施 10回")
    assert {v.category, v.secondary_category} == {"meetings", "training"}
    assert v.secondary_rule_id == "sec.two_subjects"
    # one subject: no secondary
    assert classify("相談件数:120件").secondary_category is None


def test_confidence_is_low_when_nothing_matches():
    v = classify("延べ行動件数:合計15,000件")
    assert v.category == "other" and v.confidence == "low" and v.pillar == "none"


def test_every_rule_is_documented_and_unique():
    rules = target_rules.CATEGORY_RULES + target_rules.LEVEL_RULES + target_rules.PILLAR_RULES
    ids = [r.rule_id for r in rules]
    assert len(ids) == len(set(ids))
    for rule in target_rules.CATEGORY_RULES:
        assert rule.label in target_rules.CATEGORIES and rule.why_ja and rule.why_en
        re.compile(rule.pattern)
    for rule in target_rules.LEVEL_RULES:
        assert rule.label in target_rules.LOGIC_LEVELS and rule.why_ja and rule.why_en
    reasons = target_rules.all_rules()
    for rid in ids + list(target_rules.KIND_RULES) + ["cat.other.none", "pillar.none", "lvl.process.default"]:
        assert reasons[rid][0] and reasons[rid][1], rid


def test_labels_for_the_page():
    assert list(target_rules.CATEGORY_LABELS) == target_rules.CATEGORIES
    assert len(target_rules.CATEGORIES) == 13
    assert list(target_rules.PILLAR_LABELS) == target_rules.PILLARS
    assert target_rules.category_label("watching", "en").startswith("Watching")
    assert target_rules.pillar_label("multi_agency") == "多機関協働"
    assert target_rules.rule_reason("kind.indicator", "en").startswith("names a counted measure")


def test_rules_do_not_import_targets():
    # the import goes one way: targets → target_rules
    import inspect
    source = inspect.getsource(target_rules)
    assert "machikurabe.ingest" not in source.replace("machikurabe.ingest.targets (targets imports this one)", "").replace("(applied in machikurabe.ingest.targets)", "") and "import targets" not in source
