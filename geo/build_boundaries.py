"""Derive geo/municipalities.geojson, the boundary file shipped with the app, from MLIT N03 (行政区域データ).

Input: the 2021-01-01 national N03 file with designated-city wards merged, already simplified
(N03-21_210101_designated_city.s0001.geojson, 1,751 features). Output: one feature per coded municipality
(features of the same N03_007 code joined into one MultiPolygon; the four 所属未定地 features without a code are
dropped), properties N03_001 (prefecture), N03_004 (name), N03_007 (code) so the file is itself a valid N03 input for
machikurabe.boundaries, coordinates rounded to 4 decimals (about 10 m), rings that collapse under rounding dropped.

    python geo/build_boundaries.py /path/to/N03-21_210101_designated_city.s0001.geojson [--out geo/municipalities.geojson]

Credit wherever it is drawn: 「国土数値情報（行政区域データ）」（国土交通省）を加工して作成
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "municipalities.geojson"
LIMIT_BYTES = 2 * 1024 * 1024


def _ring(ring: list, decimals: int) -> list | None:
    out = []
    for x, y in ring:
        point = [round(x, decimals), round(y, decimals)]
        if not out or point != out[-1]:
            out.append(point)
    if len(out) >= 3 and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def derive(source: Path, out: Path = OUT, decimals: int = 4) -> dict:
    data = json.loads(source.read_text(encoding="utf-8"))
    by_code: dict[str, dict] = {}
    dropped = 0
    for feature in data["features"]:
        props = feature.get("properties") or {}
        code = props.get("N03_007")
        if not code:
            dropped += 1
            continue
        entry = by_code.setdefault(code, {"N03_001": props.get("N03_001"), "N03_004": props.get("N03_004")
                                          or props.get("N03_003"), "polygons": []})
        for polygon in _polygons(feature.get("geometry") or {"type": None}):
            rings = [r for r in (_ring(ring, decimals) for ring in polygon)]
            if rings and rings[0] is not None:
                entry["polygons"].append([r for r in rings if r is not None])
    features = []
    for code in sorted(by_code):
        entry = by_code[code]
        # a small island or town whose polygon the simplified source already dropped keeps its feature with a null
        # geometry (GeoJSON allows it): the code is on record, no shape is invented
        geometry = {"type": "MultiPolygon", "coordinates": entry["polygons"]} if entry["polygons"] else None
        features.append({"type": "Feature",
                         "properties": {"N03_001": entry["N03_001"], "N03_004": entry["N03_004"], "N03_007": code},
                         "geometry": geometry})
    collection = {"type": "FeatureCollection",
                  "credit": "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成",
                  "source": f"{source.name} (MLIT N03, 2021-01-01, designated-city wards merged)",
                  "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    out.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    if size >= LIMIT_BYTES:
        raise SystemExit(f"{out}: {size} bytes, over the 2 MiB limit; use fewer decimals")
    return {"features_in": len(data["features"]), "without_code": dropped, "features_out": len(features),
            "without_geometry": sorted(f["properties"]["N03_007"] for f in features if f["geometry"] is None),
            "bytes": size}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--decimals", type=int, default=4)
    args = parser.parse_args()
    print(derive(args.source, args.out, args.decimals))
