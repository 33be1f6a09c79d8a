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
    # the ward is read from its kana (pykakasi read the kanji and wrote Sachi / Chigusa)
    ("川崎市幸区", "カワサキシサイワイク", "ward", "Saiwai Ward, Kawasaki City"),
    ("名古屋市千種区", "ナゴヤシチクサク", "ward", "Chikusa Ward, Nagoya City"),
    ("広島市安佐北区", "ヒロシマシアサキタク", "ward", "Asakita Ward, Hiroshima City"),
    ("北九州市小倉北区", "キタキュウシュウシコクラキタク", "ward", "Kokurakita Ward, Kitakyushu City"),
    # jaconv's romaji-input style brought to Hepburn (machikurabe/ingest/romaji.py)
    ("倶知安町", "クッチャンチョウ", "town", "Kutchan Town"),
    ("観音寺市", "カンオンジシ", "city", "Kan'onji City"),
    ("天栄村", "テンエイムラ", "village", "Ten'ei Village"),
    ("南陽市", "ナンヨウシ", "city", "Nanyo City"),
    ("群馬県", "グンマケン", "prefecture", "Gunma Prefecture"),
])
def test_english_names(name, kana, kind, expected):
    assert english_name(name, kana, kind) == expected


def test_long_vowels_collapsed():
    assert romanise_kana("トウキョウ") == "tokyo"
    assert romanise_kana("") == ""


def test_hepburn_rules_on_top_of_jaconv():
    assert romanise_kana("ハッチョウ") == "hatcho"  # っち -> tch
    assert romanise_kana("シンオオサカ") == "shin'osaka"  # ん before a vowel
    assert romanise_kana("シンバシ") == "shinbashi"  # ん before b stays n
    assert romanise_kana("しぶや") == "shibuya"  # hiragana too
    assert romanise_kana("ユウキ") == "yuki"


def test_without_kana_only_a_kana_name_is_romanised():
    # jaconv reads kana, not kanji: a kanji name without a reading is kept as it is (no guessed reading)
    assert english_name("釧路市", None, "city") == "釧路市"
    assert english_name("ひたちなか市", None, "city") == "Hitachinaka City"
    assert english_name("札幌市中央区", None, "ward") == "札幌市中央区"
    assert english_name("", None) == ""


def test_pykakasi_is_not_needed():
    import sys

    import machikurabe.ingest.romaji  # noqa: F401

    assert "pykakasi" not in sys.modules
