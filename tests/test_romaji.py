"""machikurabe.ingest.romaji: English names from the gazetteer kana (checked by hand against the official English names)."""
import pytest

from machikurabe.ingest.romaji import english_name, romanise_kana


@pytest.mark.parametrize("name, kana, kind, expected", [
    ("釧路市", "クシロシ", "city", "Kushiro City"),
    ("京極町", "キョウゴクチョウ", "town", "Kyogoku Town"),
    ("音威子府村", "オトイネップムラ", "village", "Otoineppu Village"),
    ("今別町", "イマベツマチ", "town", "Imabetsu Town"),
    ("大潟村", "オオガタムラ", "village", "Ogata Village"),
    ("東海村", "トウカイムラ", "village", "Tokai Village"),
    ("墨田区", "スミダク", "ward", "Sumida Ward"),
    ("ひたちなか市", "ヒタチナカシ", "city", "Hitachinaka City"),
    ("北海道", "ホッカイドウ", "prefecture", "Hokkaido"),
    ("東京都", "トウキョウト", "prefecture", "Tokyo Metropolis"),
    ("青森県", "アオモリケン", "prefecture", "Aomori Prefecture"),
    ("札幌市中央区", "サッポロシチュウオウク", "ward", "Chuo Ward, Sapporo City"),
])
def test_english_names(name, kana, kind, expected):
    assert english_name(name, kana, kind) == expected


def test_long_vowels_collapsed():
    assert romanise_kana("トウキョウ") == "tokyo"
    assert romanise_kana("") == ""


def test_without_kana_the_kanji_is_romanised_or_kept():
    assert english_name("釧路市", None, "city") == "Kushiro City"
    assert english_name("", None) == ""
