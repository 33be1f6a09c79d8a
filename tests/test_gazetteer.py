"""Checks on geo/gazetteer.csv and geo/prefectures.geojson (built by geo/build_gazetteer.py)."""

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

GEO = Path(__file__).resolve().parents[1] / "geo"
COLUMNS = ["code", "code6", "prefecture", "name", "name_kana", "kind", "lat", "lon", "source", "name_romaji"]
KINDS = {"prefecture", "designated_city", "city", "ward", "town", "village"}


@pytest.fixture(scope="module")
def rows():
    raw = (GEO / "gazetteer.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "CSV must not have a BOM"
    with (GEO / "gazetteer.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def by_code(rows):
    return {r["code"]: r for r in rows}


def is_municipality(r):
    # designated-city wards do not count; Tokyo's 23 special wards do
    return r["kind"] in {"designated_city", "city", "town", "village"} or (
        r["kind"] == "ward" and r["code"].startswith("131")
    )


def test_codes_unique_and_five_digits(rows):
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{5}", c) for c in codes)
    assert all(r["code6"] == "" or (len(r["code6"]) == 6 and r["code6"][:5] == r["code"]) for r in rows)


def test_kinds_valid(rows):
    assert {r["kind"] for r in rows} <= KINDS


def test_municipality_count(rows):
    assert sum(is_municipality(r) for r in rows) == 1741


def test_prefecture_count(rows):
    prefs = [r for r in rows if r["kind"] == "prefecture"]
    assert len(prefs) == 47
    assert all(r["code"].endswith("000") and r["name"] == r["prefecture"] for r in prefs)
    assert sorted(int(r["code"][:2]) for r in prefs) == list(range(1, 48))


def test_kind_breakdown(rows):
    c = Counter(r["kind"] for r in rows)
    assert c["designated_city"] == 20
    assert sum(1 for r in rows if r["kind"] == "ward" and r["code"].startswith("131")) == 23
    assert c["ward"] - 23 in (0, 175)  # designated-city wards are optional


def test_all_municipalities_have_coordinates(rows):
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert 20 <= lat <= 46 and 122 <= lon <= 154, r
        assert r["source"], r


def test_kind_matches_suffix(rows):
    suffix = {"city": "市", "designated_city": "市", "town": "町", "village": "村", "ward": "区"}
    for r in rows:
        if r["kind"] in suffix:
            assert r["name"].endswith(suffix[r["kind"]]), r


@pytest.mark.parametrize(
    "code,name,kind,lat,lon",
    [
        ("01206", "釧路市", "city", 42.98, 144.38),
        ("13107", "墨田区", "ward", 35.71, 139.80),
        ("12223", "鴨川市", "city", 35.11, 140.10),
        # NB: 鰺ヶ沢町 is 02321 (check digit 3 -> 023213); 02323 is 深浦町
        ("02321", "鰺ヶ沢町", "town", 40.78, 140.21),
        ("03208", "遠野市", "city", 39.33, 141.53),
        ("04100", "仙台市", "designated_city", 38.27, 140.87),
        ("13208", "調布市", "city", 35.65, 139.54),
        ("14205", "藤沢市", "city", 35.34, 139.49),
        ("01100", "札幌市", "designated_city", 43.06, 141.35),
    ],
)
def test_spot_checks(by_code, code, name, kind, lat, lon):
    r = by_code[code]
    assert r["name"] == name
    assert r["kind"] == kind
    assert abs(float(r["lat"]) - lat) < 0.1
    assert abs(float(r["lon"]) - lon) < 0.1


def test_spot_check_details(by_code):
    assert by_code["01206"]["name_kana"] == "クシロシ"
    assert by_code["01206"]["code6"] == "012068"
    assert by_code["02323"]["name"] == "深浦町"
    assert by_code["13000"]["name"] == "東京都" and by_code["13000"]["kind"] == "prefecture"


def test_prefectures_geojson(by_code):
    gj = json.loads((GEO / "prefectures.geojson").read_text(encoding="utf-8"))
    feats = gj["features"]
    assert len(feats) == 47
    codes = [f["properties"]["code"] for f in feats]
    assert sorted(codes) == [f"{i:02d}000" for i in range(1, 48)]
    for f in feats:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert f["properties"]["name"] == by_code[f["properties"]["code"]]["name"]
    assert (GEO / "prefectures.geojson").stat().st_size < 600 * 1024


def test_english_names_written_by_hand(by_code):
    # simplified Hepburn as on road signs, English suffix; checked by hand against the kana
    assert by_code["01206"]["name_romaji"] == "Kushiro City"
    assert by_code["02000"]["name_romaji"] == "Aomori Prefecture"
    assert by_code["01000"]["name_romaji"] == "Hokkaido"
    assert by_code["13107"]["name_romaji"] == "Sumida Ward"
    assert by_code["01101"]["name_romaji"] == "Chuo Ward, Sapporo City"


def test_every_row_with_kana_has_an_english_name(rows):
    missing = [r["code"] for r in rows if r["name_kana"] and not r["name_romaji"]]
    assert missing == []
