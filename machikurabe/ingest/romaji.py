"""Readable English names for bodies, romanised from the gazetteer kana with jaconv (MIT).

Style chosen for the English UI: simplified Hepburn without macrons (long vowels collapsed,
as on road signs: Kyogoku, not Kyougoku) and an English suffix instead of -shi/-cho/-mura:
"Kushiro City", "Kyogoku Town", "Otoineppu Village", "Sumida Ward", "Aomori Prefecture".

jaconv.kana2alphabet writes hiragana in a romaji-input style; three small rules bring it to the Hepburn the app
has always shown (it was pykakasi's until issue 22 — pykakasi is GPL-3.0 and the project is MIT):

- ん before a vowel gets an apostrophe: カンオンジ → kan'onji (jaconv: kanonji), テンエイ → ten'ei; not before y,
  as pykakasi wrote it and as the cities write themselves: ナンヨウ → Nanyo (南陽市), サンヨウオノダ → Sanyoonoda;
- っ before ch is t: クッチャン → kutchan (jaconv: kucchan);
- long vowels are collapsed (ou, oo, uu → o, o, u) and the long-vowel mark ー is dropped, as before.

ん before b/m/p stays n (Shinbashi, Gunma, Nanba), as pykakasi wrote it and as most municipal sites spell it.
jaconv reads kana only: a name without a kana reading is romanised only when it is itself written in kana
(ひたちなか市); a kanji name without kana is returned unchanged (no guessed reading).
"""
from __future__ import annotations

import re

import jaconv

# kanji suffix -> (possible kana readings, English word)
_SUFFIXES = {
    "市": (("シ",), "City"),
    "町": (("チョウ", "マチ"), "Town"),
    "村": (("ムラ", "ソン"), "Village"),
    "区": (("ク",), "Ward"),
    "県": (("ケン",), "Prefecture"),
    "府": (("フ",), "Prefecture"),
    "都": (("ト",), "Metropolis"),
    "道": (("ドウ",), ""),  # only 北海道, which is just "Hokkaido"
}

# The 20 designated cities' readings without シ (MIC code list), to split a ward's kana サッポロシ|チュウオウク into
# the city and the ward part: the split cannot be found from the kana alone (ヒロシ|マシ… or ヒロシマシ|…).
DESIGNATED_CITY_KANA = {
    "札幌": "サッポロ", "仙台": "センダイ", "さいたま": "サイタマ", "千葉": "チバ", "横浜": "ヨコハマ",
    "川崎": "カワサキ", "相模原": "サガミハラ", "新潟": "ニイガタ", "静岡": "シズオカ", "浜松": "ハママツ",
    "名古屋": "ナゴヤ", "京都": "キョウト", "大阪": "オオサカ", "堺": "サカイ", "神戸": "コウベ",
    "岡山": "オカヤマ", "広島": "ヒロシマ", "北九州": "キタキュウシュウ", "福岡": "フクオカ", "熊本": "クマモト",
}

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]+")


def _simplify_long_vowels(romaji: str) -> str:
    # ou/oo/uu are written as long vowels in kana-derived Hepburn; road-sign style drops the length
    out = re.sub(r"o[ou]", "o", romaji)
    out = re.sub(r"uu", "u", out)
    return out


def romanise_kana(kana: str) -> str:
    """Kana (katakana or hiragana) to simplified Hepburn, lower case."""
    if not kana:
        return ""
    hira = jaconv.kata2hira(kana).replace("ー", "")
    hira = re.sub(r"ん(?=[あいうえお])", "n'", hira)  # Hepburn: ん before a vowel is n'
    romaji = jaconv.kana2alphabet(hira)
    romaji = romaji.replace("cch", "tch")  # Hepburn: っち is tchi, not cchi
    return _simplify_long_vowels(romaji)


def _capitalise(word: str) -> str:
    return "-".join(w[:1].upper() + w[1:] for w in word.split("-"))


def _ward_name(name: str, kana: str | None) -> str:
    """札幌市中央区 / サッポロシチュウオウク -> "Chuo Ward, Sapporo City"; the kanji when the kana do not split."""
    city, ward = name.split("市", 1)
    city_kana = DESIGNATED_CITY_KANA.get(city)
    if not kana or not city_kana or not kana.startswith(city_kana + "シ"):
        return name
    ward_kana = kana[len(city_kana) + 1:]
    ward_en, city_en = english_name(ward, ward_kana, "ward"), english_name(city + "市", city_kana + "シ", "city")
    if ward_en == ward or city_en == city + "市":
        return name
    return f"{ward_en}, {city_en}"


def english_name(name: str, kana: str | None, kind: str | None = None) -> str:
    """English display name from the official kanji name and its kana reading.

    Without kana the name is romanised only if it is written in kana itself; otherwise (and whenever nothing can be
    romanised) the kanji name is returned unchanged.
    """
    if not name:
        return ""
    if name == "北海道":
        return "Hokkaido"
    # designated-city wards (札幌市中央区): "Chuo Ward, Sapporo City"
    if kind == "ward" and "市" in name[:-1]:
        return _ward_name(name, kana)
    suffix_char = name[-1]
    readings, english_suffix = _SUFFIXES.get(suffix_char, ((), ""))
    stem_kana = kana or ""
    if stem_kana:
        for reading in readings:
            if stem_kana.endswith(reading) and len(stem_kana) > len(reading):
                stem_kana = stem_kana[: -len(reading)]
                break
        else:
            english_suffix = ""
    else:
        stem_kana = name[:-1] if suffix_char in _SUFFIXES else name
        if not _KANA.fullmatch(stem_kana):
            return name  # kanji without a reading: no guess
    stem = romanise_kana(stem_kana)
    if not stem:
        return name
    return f"{_capitalise(stem)} {english_suffix}".strip()
