"""Readable English names for bodies, romanised from the gazetteer kana with pykakasi.

Style chosen for the English UI: simplified Hepburn without macrons (long vowels collapsed,
as on road signs: Kyogoku, not Kyougoku) and an English suffix instead of -shi/-cho/-mura:
"Kushiro City", "Kyogoku Town", "Otoineppu Village", "Sumida Ward", "Aomori Prefecture".
"""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _kakasi():
    import pykakasi

    return pykakasi.kakasi()


def _simplify_long_vowels(romaji: str) -> str:
    # ou/oo/uu are written as long vowels in kana-derived Hepburn; road-sign style drops the length
    out = re.sub(r"o[ou]", "o", romaji)
    out = re.sub(r"uu", "u", out)
    return out


def romanise_kana(kana: str) -> str:
    """Kana (katakana or hiragana) to simplified Hepburn, lower case."""
    if not kana:
        return ""
    hepburn = "".join(part["hepburn"] for part in _kakasi().convert(kana))
    return _simplify_long_vowels(hepburn)


def _capitalise(word: str) -> str:
    return "-".join(w[:1].upper() + w[1:] for w in word.split("-"))


def english_name(name: str, kana: str | None, kind: str | None = None) -> str:
    """English display name from the official kanji name and its kana reading.

    Falls back to romanising the kanji when kana is missing; returns the kanji unchanged
    if nothing can be romanised.
    """
    if not name:
        return ""
    if name == "北海道":
        return "Hokkaido"
    # designated-city wards (札幌市中央区): "Chuo Ward, Sapporo City"
    if kind == "ward" and "市" in name[:-1]:
        city, ward = name.split("市", 1)
        return f"{english_name(ward, None, 'ward')}, {english_name(city + '市', None, 'city')}"
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
        stem = romanise_kana(stem_kana)
    else:
        stem_kanji = name[:-1] if english_suffix or suffix_char in _SUFFIXES else name
        stem = _simplify_long_vowels("".join(p["hepburn"] for p in _kakasi().convert(stem_kanji)))
    if not stem:
        return name
    return f"{_capitalise(stem)} {english_suffix}".strip()
