"""Issue 21 item 2: a search hit names its source in words, leads to the profile and the side-by-side; English readers
get Japanese terms. Expected values written by hand."""
from machikurabe.i18n.glossary import GLOSSARY, japanese_term
from machikurabe.ui import programme_view as pv


def test_hit_source_names_the_plan_and_line_not_the_file():
    assert pv.hit_source("003_432db8467158d625.txt", 665, "ja") == "厚生労働省 令和元年度 モデル事業実施計画 665行"
    assert pv.hit_source("003_432db8467158d625.txt", 665, "en") == (
        "MHLW FY2019 model-project plans (comprehensive support systems) line 665")


def test_profile_link_and_adding_to_the_side_by_side():
    assert pv.profile_link("01642", "ja") == "/profile?code=01642"
    assert pv.profile_link("01642", "en") == "/profile?code=01642&lang=en"
    assert pv.add_to_compare([], "01642", 3) == ["01642"]
    assert pv.add_to_compare(["01642"], "01642", 3) == ["01642"]
    assert pv.add_to_compare(["01642", "02321"], "01100", 3) == ["01642", "02321", "01100"]
    assert pv.add_to_compare(["01642", "02321", "01100"], "04100", 3) == ["01642", "02321", "01100"]


def test_english_words_search_their_japanese_terms():
    assert len(GLOSSARY) >= 20
    assert japanese_term("Outreach") == "アウトリーチ"
    assert japanese_term("  watching   over ") == "見守り"
    assert pv.search_term("volunteer", "en") == ("ボランティア", "ボランティア")
    assert pv.search_term("volunteer", "ja") == ("volunteer", None)  # the Japanese page searches what was typed
    assert pv.search_term("見守り", "en") == ("見守り", None)
    assert pv.glossary_options()[:2] == ["case meeting", "child care"]
