"""Tests for machikurabe.ui.boundaries: N03 loading, code normalisation, ward dissolving, error messages."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from machikurabe.paths import GAZETTEER_CSV
from machikurabe.ui import boundaries
from machikurabe.ui.boundaries import BoundaryError

REPO_ROOT = Path(__file__).resolve().parent.parent
# CI keeps the MLIT sample next to the repository (../shared/geo), never inside it.
SHARED_N03 = REPO_ROOT.parent / "shared" / "geo" / "N03-21_210101_designated_city.s0001.geojson"
needs_shared_n03 = pytest.mark.skipif(
    not SHARED_N03.exists(), reason=f"MLIT N03 sample not found at {SHARED_N03} (kept outside the repo; tests of the real file skip)"
)


def square(x: float, y: float, size: float = 0.1) -> list:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


@pytest.fixture
def gazetteer() -> pd.DataFrame:
    # the build's code list; the app itself reads ward → city from the database's wards table
    return pd.read_csv(GAZETTEER_CSV, dtype=str, keep_default_na=False)


@pytest.fixture
def fixture_geojson(tmp_path: Path) -> Path:
    """Four N03-like features: an int code (釧路市), two adjacent 札幌市 wards, and a 所属未定地 without code."""
    features = [
        {"type": "Feature", "properties": {"N03_001": "北海道", "N03_004": "釧路市", "N03_007": 1206},
         "geometry": {"type": "Polygon", "coordinates": square(144.3, 42.9)}},
        {"type": "Feature", "properties": {"N03_001": "北海道", "N03_003": "札幌市", "N03_004": "中央区", "N03_007": "01101"},
         "geometry": {"type": "Polygon", "coordinates": square(141.3, 43.0)}},
        {"type": "Feature", "properties": {"N03_001": "北海道", "N03_003": "札幌市", "N03_004": "北区", "N03_007": "01102"},
         "geometry": {"type": "Polygon", "coordinates": square(141.3, 43.1)}},
        {"type": "Feature", "properties": {"N03_001": "北海道", "N03_004": "所属未定地", "N03_007": None},
         "geometry": {"type": "Polygon", "coordinates": square(145.0, 44.0)}},
    ]
    path = tmp_path / "N03_fixture.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def fixture_zip(tmp_path: Path) -> Path:
    """The same squares as a zipped shapefile whose N03_007 column is an integer field."""
    import geopandas as gpd
    from shapely.geometry import Polygon

    frame = gpd.GeoDataFrame(
        {"N03_004": ["釧路市", "中央区", "北区"], "N03_007": [1206, 1101, 1102]},
        geometry=[Polygon(square(144.3, 42.9)[0]), Polygon(square(141.3, 43.0)[0]), Polygon(square(141.3, 43.1)[0])],
        crs="EPSG:6668",  # JGD2011, as in the MLIT shapefiles
    )
    shp_dir = tmp_path / "N03-19_01_190101"
    shp_dir.mkdir()
    frame.to_file(shp_dir / "N03-19_01_190101.shp", encoding="utf-8")
    archive = tmp_path / "N03-19_01_190101_GML.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for member in shp_dir.iterdir():
            zf.write(member, f"N03-19_01_190101/{member.name}")
    return archive


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01206", "01206"),
        (1206, "01206"),
        (1206.0, "01206"),
        ("1206", "01206"),
        ("１３１０７", "13107"),  # full-width digits from hand-edited files
        ("012068", "01206"),  # 6-digit code with check digit
        (" 04100 ", "04100"),
        (None, None),
        (float("nan"), None),
        ("", None),
        ("所属未定地", None),
    ],
)
def test_normalise_code(raw, expected):
    assert boundaries.normalise_code(raw) == expected


def test_ward_parents_by_name_not_prefix(gazetteer):
    parents = boundaries.ward_parents(gazetteer)
    assert parents["01101"] == "01100"  # 札幌市中央区
    assert parents["01110"] == "01100"  # 札幌市清田区
    assert parents["14118"] == "14100"  # 横浜市都筑区: prefix 1411 is not a city
    assert parents["14131"] == "14130"  # 川崎市川崎区
    assert parents["27128"] == "27100"  # 大阪市中央区
    assert parents["27141"] == "27140"  # 堺市堺区
    assert "13107" not in parents  # 墨田区 is a body of its own
    assert len(parents) == 175  # all designated-city wards (geo/README.md)


def test_parent_city_code_fallback_for_wards_not_in_gazetteer(gazetteer):
    parents = boundaries.ward_parents(gazetteer)
    designated = gazetteer.loc[gazetteer["kind"] == "designated_city", "code"]
    assert boundaries.parent_city_code("22138", parents, designated) == "22130"  # 浜松市中央区 (2024)
    assert boundaries.parent_city_code("13107", parents, designated) == "13107"
    assert boundaries.parent_city_code("01206", parents, designated) == "01206"
    assert boundaries.parent_city_code("04100", parents, designated) == "04100"


def test_fixture_geojson_dissolves_wards_and_reads_int_codes(fixture_geojson, gazetteer):
    result = boundaries.load_boundaries(fixture_geojson, gazetteer=gazetteer, tolerance=0)
    assert result.features_read == 4
    assert result.features_without_code == 1
    assert sorted(result.geodata["code"]) == ["01100", "01206"]
    assert result.wards_merged == {"01100": ["01101", "01102"]}
    sapporo = result.geodata.set_index("code").loc["01100", "geometry"]
    # Two adjacent 0.1° squares dissolve into one 0.1 x 0.2 rectangle.
    assert sapporo.geom_type == "Polygon"
    assert sapporo.area == pytest.approx(0.02)


def test_fixture_zipped_shapefile(fixture_zip, gazetteer):
    result = boundaries.load_boundaries(fixture_zip, gazetteer=gazetteer, tolerance=0)
    assert sorted(result.geodata["code"]) == ["01100", "01206"]
    assert result.geodata.crs.to_epsg() == 4326
    kushiro = result.geodata.set_index("code").loc["01206", "geometry"]
    assert kushiro.bounds == pytest.approx((144.3, 42.9, 144.4, 43.0), abs=1e-6)


def test_feature_collection_for_pydeck(fixture_geojson, gazetteer):
    result = boundaries.load_boundaries(fixture_geojson, gazetteer=gazetteer, tolerance=0)
    bodies = pd.DataFrame({"code": ["01206", "01100", "01470"], "name": ["釧路市", "札幌市", "音威子府村"]})
    joined, missing = boundaries.join_bodies(result, bodies)
    assert missing == ["01470"]
    collection = boundaries.to_feature_collection(joined, ["code", "name"])
    assert collection["type"] == "FeatureCollection"
    names = sorted(f["properties"]["name"] for f in collection["features"])
    assert names == ["札幌市", "釧路市"]
    kushiro = next(f for f in collection["features"] if f["properties"]["code"] == "01206")
    assert kushiro["geometry"]["type"] == "Polygon"
    assert [144.3, 42.9] in kushiro["geometry"]["coordinates"][0]


def test_write_simplified_round_trips(fixture_geojson, tmp_path):
    out = tmp_path / "N03.geojson"
    boundaries.write_simplified(fixture_geojson, out, tolerance=0.001)
    again = boundaries.load_boundaries(out, tolerance=0)
    assert sorted(again.geodata["code"]) == ["01100", "01206"]


def test_missing_file(tmp_path):
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(tmp_path / "N03.geojson")
    assert info.value.reason == "missing"


def test_wrong_suffix(tmp_path):
    path = tmp_path / "N03.csv"
    path.write_text("code,name\n01206,釧路市\n", encoding="utf-8")
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(path)
    assert info.value.reason == "unsupported"


def test_malformed_geojson(tmp_path):
    path = tmp_path / "N03.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(path)
    assert info.value.reason == "unreadable"


def test_geojson_without_n03_columns(tmp_path):
    path = tmp_path / "prefectures.geojson"
    feature = {"type": "Feature", "properties": {"code": "01000", "name": "北海道"},
               "geometry": {"type": "Polygon", "coordinates": square(141.0, 43.0)}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(path)
    assert info.value.reason == "not_n03"
    assert "name" in info.value.detail


def test_zip_without_vector_file(tmp_path):
    path = tmp_path / "N03.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("README.txt", "no data here")
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(path)
    assert info.value.reason == "not_n03"


def test_not_a_zip(tmp_path):
    path = tmp_path / "N03.zip"
    path.write_bytes(b"this is not a zip archive")
    with pytest.raises(BoundaryError) as info:
        boundaries.read_n03(path)
    assert info.value.reason == "unreadable"


def test_resolve_path_from_env(tmp_path):
    shp = tmp_path / "N03-20_200101.shp"
    assert boundaries.resolve_n03_path({"MACHIKURABE_N03": str(shp)}) == shp
    assert boundaries.resolve_n03_path({"MACHIKURABE_N03": "geo/custom.zip"}) == REPO_ROOT / "geo" / "custom.zip"


def test_resolve_default_path_without_env():
    resolved = boundaries.resolve_n03_path({})
    assert resolved.parent == REPO_ROOT / "geo"
    # a user's own geo/N03.* wins; without one the shipped file is used (issue 11)
    user_files = [p for p in (REPO_ROOT / "geo").glob("N03.*") if p.suffix in boundaries.N03_SUFFIXES]
    assert resolved.stem == ("N03" if user_files else "municipalities")


def test_user_file_wins_over_shipped(tmp_path, monkeypatch):
    user = tmp_path / "N03.geojson"
    user.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    monkeypatch.setattr(boundaries, "DEFAULT_N03_PATH", user)
    assert boundaries.resolve_n03_path({}) == user
    monkeypatch.setattr(boundaries, "DEFAULT_N03_PATH", tmp_path / "absent" / "N03.geojson")
    assert boundaries.resolve_n03_path({}) == boundaries.SHIPPED_BOUNDARIES_PATH


def test_shipped_boundary_file_small_and_complete():
    import json

    import pandas as pd

    path = boundaries.SHIPPED_BOUNDARIES_PATH
    assert path.stat().st_size < 2 * 1024 * 1024
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "国土数値情報（行政区域データ）" in data["credit"]
    codes = {f["properties"]["N03_007"] for f in data["features"]}
    gazetteer = pd.read_csv(REPO_ROOT / "geo" / "gazetteer.csv", dtype=str)
    municipalities = gazetteer[(gazetteer["kind"].isin(["designated_city", "city", "town", "village"]))
                               | gazetteer["code"].str.startswith("131")]
    assert len(municipalities) == 1741 and set(municipalities["code"]) <= codes
    # 那珂川市 under its current code; 栃木県那珂川町 is a different place with its own polygon
    assert {"40231", "09411"} <= codes and "40305" not in codes


@needs_shared_n03
def test_real_designated_city_file_loads():
    result = boundaries.load_boundaries(SHARED_N03)
    assert result.features_read == 1751
    # 所属未定地 in 千葉県, 東京都, 愛知県 and 沖縄県 carry no code.
    assert result.features_without_code == 4
    # The merged variant already has one polygon per designated city, so nothing to dissolve.
    assert result.wards_merged == {}
    assert "01100" in result.codes and "01101" not in result.codes


@needs_shared_n03
def test_real_file_joins_to_our_bodies():
    result = boundaries.load_boundaries(SHARED_N03)
    bodies = pd.DataFrame({
        "code": ["01206", "13107", "04100", "01100", "12100", "01470"],
        "name": ["釧路市", "墨田区", "仙台市", "札幌市", "千葉市", "音威子府村"],
    })
    joined, missing = boundaries.join_bodies(result, bodies)
    assert missing == []
    by_code = joined.set_index("code")
    # 釧路市's office (42.98 N, 144.38 E) lies inside its dissolved polygon (incl. the 音別 exclave).
    from shapely.geometry import Point

    assert by_code.loc["01206", "geometry"].contains(Point(144.381356, 42.984854))
    assert by_code.loc["01206", "geometry"].geom_type == "MultiPolygon"
    assert by_code.loc["13107", "geometry"].contains(Point(139.801497, 35.710722))
    assert by_code.loc["04100", "geometry"].contains(Point(140.869356, 38.268215))


def test_codes_restrict_what_is_dissolved(fixture_geojson, gazetteer):
    result = boundaries.load_boundaries(fixture_geojson, gazetteer=gazetteer, tolerance=0, codes=["01100"])
    assert list(result.geodata["code"]) == ["01100"]
    assert result.wards_merged == {"01100": ["01101", "01102"]}


def test_shift_jis_shapefile_without_cpg(tmp_path, gazetteer):
    """Older MLIT shapefiles carry Shift_JIS names and no .cpg; the code column must still be read."""
    import geopandas as gpd
    from shapely.geometry import Polygon

    frame = gpd.GeoDataFrame({"N03_004": ["釧路市"], "N03_007": ["01206"]},
                             geometry=[Polygon(square(144.3, 42.9)[0])], crs="EPSG:4612")
    path = tmp_path / "N03-09_01_090401.shp"
    frame.to_file(path, encoding="cp932")
    cpg = path.with_suffix(".cpg")
    if cpg.exists():
        cpg.unlink()
    result = boundaries.load_boundaries(path, gazetteer=gazetteer, tolerance=0)
    assert list(result.geodata["code"]) == ["01206"]
