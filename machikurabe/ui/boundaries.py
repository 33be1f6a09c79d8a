"""Municipal boundaries from MLIT 国土数値情報 行政区域データ (N03) for the map page's choropleth.

The N03 file is not shipped (licence credit, size); users drop it at geo/N03.geojson or point MACHIKURABE_N03 at it.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from machikurabe.paths import GEO_DIR, PROJECT_ROOT

REPO_ROOT = PROJECT_ROOT
DEFAULT_N03_PATH = GEO_DIR / "N03.geojson"
# Shipped with the app (derived from MLIT N03 2021 by geo/build_boundaries.py, < 2 MiB): used when the user has no file.
SHIPPED_BOUNDARIES_PATH = GEO_DIR / "municipalities.geojson"
N03_ENV_VAR = "MACHIKURABE_N03"
N03_SUFFIXES = (".geojson", ".json", ".shp", ".zip")
N03_CODE_COLUMN = "N03_007"

# Required wording of the 国土数値情報 terms of use when the data is shown after processing.
N03_CREDIT_JA = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
N03_CREDIT_EN = "Processed from 国土数値情報（行政区域データ） (MLIT, Japan)"
N03_DOWNLOAD_URL = "https://nlftp.mlit.go.jp/ksj/"  # 国土数値情報ダウンロードサイト → 行政区域データ (N03)

DEFAULT_TOLERANCE_DEG = 0.001  # about 100 m: invisible at prefecture zoom, shrinks the national file ~20x


class BoundaryError(Exception):
    """A boundary file that cannot be used; `reason` is a stable key the page translates."""

    def __init__(self, reason: str, path: Path | str | None = None, detail: str = ""):
        self.reason = reason  # missing | unsupported | unreadable | not_n03 | empty
        self.path = str(path) if path is not None else ""
        self.detail = detail
        super().__init__(f"{reason}: {self.path} {detail}".strip())


@dataclass
class BoundarySet:
    """Dissolved, simplified polygons per body code plus what could not be matched."""

    geodata: Any  # GeoDataFrame with columns code, geometry (EPSG:4326)
    source_path: str
    features_read: int
    wards_merged: dict[str, list[str]] = field(default_factory=dict)  # city code -> ward codes dissolved into it
    codes_without_geometry: list[str] = field(default_factory=list)
    features_without_code: int = 0

    @property
    def codes(self) -> set[str]:
        return set(self.geodata["code"])


def normalise_code(value: Any) -> str | None:
    """N03_007 as a 5-digit string; None for 所属未定地 and other blanks.

    Shapefiles read by some drivers hand back ints (1206) or floats (1206.0), and
    hand-edited files may carry the 6-digit code with check digit (012068).
    """
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        if value <= 0:
            return None
        text = str(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if text.endswith(".0"):
            text = text[:-2]
    if not text or not text.isdigit():
        return None
    if len(text) <= 5:
        return text.zfill(5)
    if len(text) == 6:
        return text[:5]
    return None


def resolve_n03_path(env: dict[str, str] | None = None) -> Path:
    """Where the page looks for N03: $MACHIKURABE_N03, else geo/N03.geojson (or a .shp/.zip beside it), else the
    shipped geo/municipalities.geojson. A user's own file always wins over the shipped one."""
    env = os.environ if env is None else env
    configured = env.get(N03_ENV_VAR, "").strip()
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else (REPO_ROOT / path)
    if DEFAULT_N03_PATH.exists():
        return DEFAULT_N03_PATH
    for suffix in (".zip", ".shp", ".json"):
        candidate = DEFAULT_N03_PATH.with_suffix(suffix)
        if candidate.exists():
            return candidate
    if SHIPPED_BOUNDARIES_PATH.exists():
        return SHIPPED_BOUNDARIES_PATH
    return DEFAULT_N03_PATH


def ward_parents(gazetteer: pd.DataFrame) -> dict[str, str]:
    """Designated-city ward code -> city code, by name (札幌市中央区 starts with 札幌市).

    A 4-digit prefix does not work: 横浜市 (14100) has wards 14101–14118, so 1411x
    would be read as a city of its own, and 大阪市's wards run up to 27128 next to 堺市 27140.
    """
    cities = gazetteer[gazetteer["kind"] == "designated_city"]
    wards = gazetteer[gazetteer["kind"] == "ward"]
    parents: dict[str, str] = {}
    for ward in wards.itertuples():
        for city in cities.itertuples():
            if city.prefecture == ward.prefecture and ward.name.startswith(city.name) and ward.name != city.name:
                parents[ward.code] = city.code
                break
    return parents


def parent_city_code(code: str, parents: dict[str, str], designated_city_codes: Iterable[str]) -> str:
    """The body a polygon belongs to: a ward's city, otherwise the code itself.

    Ward codes missing from the gazetteer (e.g. 浜松市's 2024 wards 22138–22140) fall back to
    the numbering rule: designated-city wards are PP1xx and follow their city's PP1x0 code.
    """
    if code in parents:
        return parents[code]
    designated = sorted(c for c in designated_city_codes if c[:2] == code[:2])
    if code[2] == "1" and designated and code not in designated:
        preceding = [c for c in designated if c < code]
        if preceding:
            return preceding[-1]
    return code


def _read_vector(path: Path):
    import geopandas as gpd

    def read(**kwargs):
        with warnings.catch_warnings():
            # Mixed int/str N03_007 values in hand-made GeoJSON come back as text, which normalise_code handles.
            warnings.filterwarnings("ignore", message="Could not parse column", category=UserWarning)
            return gpd.read_file(path, **kwargs)

    try:
        # Only the code is needed; skipping the name columns also sidesteps Shift_JIS attribute tables.
        frame = read(columns=[N03_CODE_COLUMN])
        if N03_CODE_COLUMN in frame.columns:
            return frame
    except Exception:
        pass  # a driver that cannot select columns, or a broken file: the full read below reports it
    try:
        return read()
    except UnicodeDecodeError:
        # Older N03 shapefiles are Shift_JIS and ship without a .cpg file.
        return read(encoding="cp932")


def read_n03(path: Path | str):
    """Read an N03 GeoJSON, shapefile or .zip holding one; raises BoundaryError with a reason key."""
    path = Path(path)
    if not path.exists():
        raise BoundaryError("missing", path)
    suffix = path.suffix.lower()
    if suffix not in N03_SUFFIXES:
        raise BoundaryError("unsupported", path, f"suffix {suffix or '(none)'}")
    try:
        if suffix == ".zip":
            frame = _read_zip(path)
        else:
            frame = _read_vector(path)
    except BoundaryError:
        raise
    except Exception as exc:  # pyogrio/fiona raise many types for broken files
        raise BoundaryError("unreadable", path, f"{type(exc).__name__}: {exc}") from exc
    if N03_CODE_COLUMN not in frame.columns:
        columns = ", ".join(str(c) for c in frame.columns if c != "geometry")
        raise BoundaryError("not_n03", path, f"columns: {columns}")
    if len(frame) == 0:
        raise BoundaryError("empty", path)
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif frame.crs.to_epsg() != 4326:
        # JGD2011 (EPSG:6668) and JGD2000 (4612) differ from WGS84 by well under a metre.
        frame = frame.to_crs(4326)
    return frame


def _read_zip(path: Path):
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise BoundaryError("unreadable", path, str(exc)) from exc
    with archive, tempfile.TemporaryDirectory(prefix="machikurabe-n03-") as tmp:
        names = [n for n in archive.namelist() if not n.startswith("__MACOSX/")]
        shapefiles = [n for n in names if n.lower().endswith(".shp")]
        geojsons = [n for n in names if n.lower().endswith((".geojson", ".json"))]
        chosen = _pick_member(shapefiles) or _pick_member(geojsons)
        if chosen is None:
            raise BoundaryError("not_n03", path, "no .shp or .geojson inside the zip")
        archive.extractall(tmp, members=[n for n in names if Path(n).parent == Path(chosen).parent])
        return _read_vector(Path(tmp) / chosen)


def _pick_member(names: list[str]) -> str | None:
    if not names:
        return None
    # Prefer files named like the N03 product over e.g. a stray metadata json.
    ranked = sorted(names, key=lambda n: (0 if "N03" in Path(n).name.upper() else 1, len(n)))
    return ranked[0]


def _database_wards() -> pd.DataFrame:
    """The wards table of the built database (for command-line use without a page to pass it); empty without one."""
    from machikurabe import db

    try:
        con = db.connect(db.db_path())
    except Exception:  # no database yet: wards then fold by the numbering rule only
        return pd.DataFrame(columns=["code", "parent_code"])
    try:
        return db.run_query(con, "wards")
    finally:
        con.close()


def dissolve_to_bodies(frame, gazetteer: pd.DataFrame | None = None, tolerance: float = DEFAULT_TOLERANCE_DEG,
                       codes: Iterable[str] | None = None, wards: pd.DataFrame | None = None) -> BoundarySet:
    """One (multi)polygon per body code: islands and designated-city wards dissolved, then simplified.

    ``codes`` keeps only those bodies; dissolving ~1,900 bodies of the national file is what takes time.
    """
    import geopandas as gpd

    # ward → city from a code list with kinds (tests) or from the database's wards table (the app)
    if gazetteer is not None:
        parents = ward_parents(gazetteer)
        designated = gazetteer.loc[gazetteer["kind"] == "designated_city", "code"].tolist()
    else:
        known = wards if wards is not None else _database_wards()
        parents = {c: p for c, p in zip(known["code"], known["parent_code"]) if isinstance(p, str)}
        designated = sorted(set(parents.values()))

    work = gpd.GeoDataFrame({"raw_code": frame[N03_CODE_COLUMN].map(normalise_code)}, geometry=frame.geometry, crs=frame.crs)
    features_without_code = int(work["raw_code"].isna().sum())
    work = work[work["raw_code"].notna()]
    work["code"] = [parent_city_code(c, parents, designated) for c in work["raw_code"]]

    wards_merged: dict[str, list[str]] = {}
    for city, group in work[work["code"] != work["raw_code"]].groupby("code"):
        wards_merged[city] = sorted(set(group["raw_code"]))

    if codes is not None:
        work = work[work["code"].isin(set(codes))]
    has_geometry = work.geometry.notna() & ~work.geometry.is_empty
    all_codes = set(work["code"])
    work = work[has_geometry]
    if tolerance and tolerance > 0:
        # Simplify before dissolving too: unioning full-resolution coastlines is the slow part.
        work = work.set_geometry(work.geometry.simplify(tolerance / 4, preserve_topology=True))
    dissolved = work[["code", "geometry"]].dissolve(by="code", as_index=False)
    if tolerance and tolerance > 0:
        dissolved["geometry"] = dissolved.geometry.simplify(tolerance, preserve_topology=True)
    dissolved = dissolved[dissolved.geometry.notna() & ~dissolved.geometry.is_empty].reset_index(drop=True)
    codes_without_geometry = sorted(all_codes - set(dissolved["code"]))
    return BoundarySet(
        geodata=dissolved,
        source_path="",
        features_read=len(frame),
        wards_merged=wards_merged,
        codes_without_geometry=codes_without_geometry,
        features_without_code=features_without_code,
    )


def load_boundaries(path: Path | str | None = None, gazetteer: pd.DataFrame | None = None,
                    tolerance: float = DEFAULT_TOLERANCE_DEG, codes: Iterable[str] | None = None,
                    wards: pd.DataFrame | None = None) -> BoundarySet:
    """Read, normalise, dissolve and simplify an N03 file (default: resolve_n03_path())."""
    path = resolve_n03_path() if path is None else Path(path)
    frame = read_n03(path)
    boundaries = dissolve_to_bodies(frame, gazetteer=gazetteer, tolerance=tolerance, codes=codes, wards=wards)
    boundaries.source_path = str(path)
    return boundaries


def join_bodies(boundaries: BoundarySet, bodies: pd.DataFrame, code_column: str = "code") -> tuple[Any, list[str]]:
    """Polygons of the given bodies, with their columns attached, and the body codes that have no polygon."""
    geodata = boundaries.geodata.merge(bodies, left_on="code", right_on=code_column, how="inner")
    if code_column != "code" and code_column in geodata.columns:
        geodata = geodata.drop(columns=[code_column])
    missing = sorted(set(bodies[code_column]) - set(geodata["code"]))
    return geodata, missing


def to_feature_collection(geodata, property_columns: Iterable[str], decimals: int = 4) -> dict:
    """GeoJSON FeatureCollection for pydeck's GeoJsonLayer; coordinates rounded (4 dp ≈ 10 m) to keep the page light."""
    from shapely import set_precision
    from shapely.geometry import mapping

    columns = list(property_columns)
    grid = 10 ** -decimals
    features = []
    for row in geodata.itertuples(index=False):
        geometry = set_precision(row.geometry, grid)
        if geometry.is_empty:
            continue
        properties = {c: _json_value(getattr(row, c)) for c in columns}
        features.append({"type": "Feature", "geometry": mapping(geometry), "properties": properties})
    return json.loads(json.dumps({"type": "FeatureCollection", "features": features}))


def _json_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def write_simplified(path_in: Path | str, path_out: Path | str, tolerance: float = DEFAULT_TOLERANCE_DEG) -> BoundarySet:
    """Pre-process a large national file once into a small GeoJSON the page reads quickly."""
    boundaries = load_boundaries(path_in, tolerance=tolerance)
    # Keep the N03 column name so the output is itself a valid input.
    collection = to_feature_collection(boundaries.geodata.rename(columns={"code": N03_CODE_COLUMN}), [N03_CODE_COLUMN])
    Path(path_out).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return boundaries


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Dissolve and simplify an MLIT N03 file for the map page.")
    parser.add_argument("source", help="N03 .geojson, .shp or .zip as downloaded")
    parser.add_argument("--out", default=str(DEFAULT_N03_PATH), help="output GeoJSON (default geo/N03.geojson)")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_DEG, help="simplification tolerance in degrees")
    args = parser.parse_args()
    result = write_simplified(args.source, args.out, args.tolerance)
    print(f"{result.features_read} features -> {len(result.geodata)} bodies written to {args.out}")
