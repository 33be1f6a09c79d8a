"""machikurabe.i18n: every UI string exists in Japanese and English; lookups degrade visibly, not fatally."""
import string

from machikurabe import i18n
from machikurabe.analysis.filters import KINDS, PROGRAMMES
from machikurabe.analysis.profile import CARD_FIELDS


def test_every_key_has_both_languages():
    for key, entry in i18n.STRINGS.items():
        assert entry.get("ja", "").strip(), key
        assert entry.get("en", "").strip(), key


def test_placeholders_match_between_languages():
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    for key, entry in i18n.STRINGS.items():
        assert fields(entry["ja"]) == fields(entry["en"]), key


def test_t_formats_and_switches_language():
    assert i18n.t("page_profile", "ja") == "自治体プロフィール"
    assert i18n.t("page_profile", "en") == "Municipality profile"
    assert i18n.t("filter_count", "ja", n=3, total=63) == "3自治体が該当（全63）"
    assert i18n.t("filter_count", "en", n=3, total=63) == "3 of 63 bodies match"


def test_unknown_key_and_language_fall_back():
    assert i18n.t("no_such_key", "ja") == "no_such_key"
    assert i18n.t("page_map", "fr") == "地図"


def test_current_lang_outside_streamlit_is_japanese():
    from machikurabe.ui.state import current_lang

    assert current_lang() == "ja"


def test_domain_labels_exist_for_every_kind_programme_and_card_field():
    for kind in KINDS:
        assert i18n.kind_label(kind, "en") != kind
    for programme in PROGRAMMES:
        assert i18n.programme_label(programme, "ja") != programme
        assert i18n.programme_label(programme, "en", short=True) != programme
    for field in CARD_FIELDS:
        assert i18n.field_label(field, "ja") != field, field
    assert i18n.kind_label("town", "ja") == "町"
    assert i18n.programme_label("multi_agency", "ja") == "多機関の協働による包括的支援体制構築事業"


def test_a_key_in_two_tables_is_an_error_not_a_silent_pick():
    import pytest

    tables = {"common": {"title": {"ja": "概要", "en": "Overview"}},
              "maps": {"title": {"ja": "地図", "en": "Map"}}}
    with pytest.raises(i18n.StringClash, match="'title'.*common.*maps"):
        i18n.merge_tables(tables)


def test_every_table_is_merged_and_no_key_is_lost():
    total = sum(len(table) for table in i18n.TABLES.values())
    assert len(i18n.STRINGS) == total
    assert i18n.t("map_bar_title", "ja") != "map_bar_title"  # the map's renamed key is reachable


def test_english_names_no_page_by_its_japanese_title():
    """issue 19: English read 「by the same method as 比較's nearest neighbours」. A page is named in English in
    English text; a Japanese name stays only inside 「」 (a source's own item name)."""
    import re

    titles = {i18n.t(key, "ja") for key in i18n.STRINGS if key.startswith("page_")}
    assert {"比較", "地図", "データと方法"} <= titles
    found = []
    for key, entry in i18n.STRINGS.items():
        english = re.sub(r"「[^」]*」", "", entry.get("en", ""))
        found += [f"{key}: {title}" for title in titles if title in english]
    assert found == []
