"""A scale DuckDB for the benchmark: every municipality of Japan (1,741 from geo/gazetteer.csv) plus the 47
prefectures, with seeded, plausible indicators and programme rows copied from real bodies of the same kind.

The schema is copied from the real built database (not from schema.sql) so that tables added by later issues
(targets, …) exist too and every page runs. Nothing here is real data: build_info says so.
"""
from __future__ import annotations

import argparse
import math
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "geo" / "gazetteer.csv"
DEFAULT_SEED = 20191001

# (log10 low, log10 high) of population by kind: villages of a few hundred to Tokyo's 14 million
_POPULATION_LOG10 = {
    "village": (2.5, 4.1), "town": (3.3, 4.7), "city": (4.2, 5.8), "ward": (4.6, 5.97),
    "designated_city": (5.85, 6.57), "prefecture": (5.74, 7.15),
}
# small bodies are older: ageing rate range by kind (%)
_AGEING_PCT = {
    "village": (30.0, 55.0), "town": (25.0, 50.0), "city": (18.0, 42.0), "ward": (15.0, 30.0),
    "designated_city": (20.0, 30.0), "prefecture": (22.0, 38.0),
}
_INDICATOR_FIELDS = ("population", "households", "ageing_rate_pct", "welfare_rate_pct", "association_rate_pct",
                     "area_km2", "density_per_km2", "elementary_schools", "junior_high_schools")


def synthetic_bodies(gazetteer: pd.DataFrame, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Municipalities (gazetteer rows from jpgeocode, i.e. no wards of designated cities) and prefectures."""
    rows = gazetteer[gazetteer["source"].isin(["jpgeocode", "jpgeocode_host_city_office"])].copy()
    rows = rows.sort_values("code").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    n = len(rows)
    lo = rows["kind"].map(lambda k: _POPULATION_LOG10[k][0]).to_numpy()
    hi = rows["kind"].map(lambda k: _POPULATION_LOG10[k][1]).to_numpy()
    population = np.round(10 ** rng.uniform(lo, hi)).astype("int64")
    households = np.round(population / rng.uniform(1.9, 2.7, n)).astype("int64")
    a_lo = rows["kind"].map(lambda k: _AGEING_PCT[k][0]).to_numpy()
    a_hi = rows["kind"].map(lambda k: _AGEING_PCT[k][1]).to_numpy()
    ageing = np.round(rng.uniform(a_lo, a_hi), 1)
    # receipt rates are skewed: most bodies under 2 %, a few cities near 5 %
    welfare = np.round(np.clip(rng.lognormal(math.log(0.9), 0.7, n), 0.1, 5.0), 2)
    association = np.round(rng.uniform(20.0, 95.0, n), 1)
    association[rng.random(n) < 0.12] = np.nan  # about one in eight prints no rate, as in the source
    area = np.round(10 ** rng.uniform(0.5, 3.3, n), 2)
    area[rows["kind"].to_numpy() == "prefecture"] = np.round(rng.uniform(1800, 13800, (rows["kind"] == "prefecture").sum()), 2)
    elementary = np.maximum(1, np.round(population / rng.uniform(4000, 9000, n))).astype("int64")
    junior = np.maximum(1, np.round(elementary / rng.uniform(1.8, 2.6, n))).astype("int64")
    return pd.DataFrame({
        "code": rows["code"], "prefecture": rows["prefecture"], "name": rows["name"], "name_printed": rows["name"],
        "name_kana": rows["name_kana"], "kind": rows["kind"],
        "population": population, "households": households, "ageing_rate_pct": ageing, "welfare_rate_pct": welfare,
        "association_rate_pct": association, "area_km2": area, "density_per_km2": population / area,
        "elementary_schools": elementary, "junior_high_schools": junior,
        "lat": rows["lat"].astype(float), "lon": rows["lon"].astype(float),
    })


def _templates(real_bodies: pd.DataFrame, synthetic: pd.DataFrame) -> list[str]:
    """For each synthetic body, the real body (same kind where one exists) whose texts and programmes it copies."""
    by_kind = {k: sorted(g["code"]) for k, g in real_bodies.groupby("kind")}
    municipal = sorted(real_bodies.loc[real_bodies["kind"] != "prefecture", "code"])
    counters: dict[str, int] = {}
    out = []
    for kind in synthetic["kind"]:
        pool = by_kind.get(kind) or (by_kind.get("prefecture") if kind == "prefecture" else municipal)
        i = counters.get(kind, 0)
        counters[kind] = i + 1
        out.append(pool[i % len(pool)])
    return out


def _primary_keys(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    rows = con.execute("SELECT table_name, constraint_column_names FROM duckdb_constraints() "
                       "WHERE constraint_type = 'PRIMARY KEY'").fetchall()
    return {table: list(cols) for table, cols in rows}


def build_synthetic_db(out: str | Path, real_db: str | Path, seed: int = DEFAULT_SEED,
                       gazetteer: str | Path = GAZETTEER) -> dict[str, int]:
    """Write the scale database to ``out`` (overwritten); returns row counts per table."""
    out = Path(out)
    for path in (out, Path(str(out) + ".wal")):
        if path.exists():
            path.unlink()
    real = duckdb.connect(str(real_db), read_only=True)
    try:
        tables = real.execute("SELECT table_name, sql FROM duckdb_tables() ORDER BY table_name").fetchall()
        frames = {name: real.execute(f'SELECT * FROM "{name}"').df() for name, _ in tables}
        keys = _primary_keys(real)
    finally:
        real.close()

    gaz = pd.read_csv(gazetteer, dtype={"code": str, "code6": str})
    bodies = synthetic_bodies(gaz, seed)
    real_bodies = frames["municipalities"]
    templates = _templates(real_bodies, bodies)
    template_rows = real_bodies.set_index("code").loc[templates].reset_index(drop=True)

    municipalities = template_rows.copy()
    for column in bodies.columns:
        municipalities[column] = bodies[column].to_numpy()
    # the gazetteer carries the English names (geo/build_gazetteer.py), as the real build uses them
    municipalities["name_romaji"] = gaz.set_index("code").loc[bodies["code"], "name_romaji"].to_numpy()
    municipalities["basic_info_notes"] = "synthetic benchmark data / ベンチマーク用の合成データ"
    frames["municipalities"] = municipalities[real_bodies.columns]

    code_map = pd.DataFrame({"code": bodies["code"], "template": templates})
    for name, frame in list(frames.items()):
        if name in ("municipalities", "documents") or "municipality_code" not in frame.columns:
            continue
        # rows of bodies outside 003 (documents 000-004 for one body each) stay as they are
        per_template = frame[frame["municipality_code"].isin(real_bodies["code"])]
        others = frame[~frame["municipality_code"].isin(real_bodies["code"])]
        copied = code_map.merge(per_template, left_on="template", right_on="municipality_code", how="inner")
        copied["municipality_code"] = copied["code"]
        copied = copied.drop(columns=["code", "template"])[frame.columns]
        if name == "data_quality":
            # a correction record must show the value actually stored for this body
            values = bodies.set_index("code")
            stored = [values.at[c, f] if f in _INDICATOR_FIELDS and c in values.index else v
                      for c, f, v in zip(copied["municipality_code"], copied["field"], copied["value"])]
            copied["value"] = [None if (s is None or (isinstance(s, float) and math.isnan(s))) else str(s)
                               for s in stored]
        pk = [c for c in keys.get(name, []) if c != "municipality_code"]
        if pk and "municipality_code" not in keys.get(name, []):
            for column in pk:  # e.g. targets.target_id: unique per copy
                copied[column] = copied[column].astype(str) + "~" + copied["municipality_code"]
        frames[name] = pd.concat([others, copied], ignore_index=True)
    if "programmes" in frames:
        counts = frames["programmes"].groupby("municipality_code").size()
        frames["municipalities"]["programme_count"] = (
            frames["municipalities"]["code"].map(counts).fillna(0).astype("int64"))
    if "build_info" in frames:
        frames["build_info"] = pd.concat([frames["build_info"][~frames["build_info"]["key"].isin(
            ["synthetic", "synthetic_seed", "bodies"])], pd.DataFrame({
                "key": ["synthetic", "synthetic_seed", "bodies"],
                "value": ["true: seeded benchmark data, not real figures", str(seed),
                          str(len(frames["municipalities"]))]})], ignore_index=True)

    con = duckdb.connect(str(out))
    try:
        for name, sql in tables:
            con.execute(sql)
        for name, _ in tables:
            frame = frames[name]
            con.register("frame_to_copy", frame)
            con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM frame_to_copy')
            con.unregister("frame_to_copy")
        counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name, _ in tables}
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "synthetic.duckdb"))
    parser.add_argument("--real", default=str(ROOT / "data" / "municipal.duckdb"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    for table, n in build_synthetic_db(args.out, args.real, args.seed).items():
        print(f"{table:20s} {n:>8,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
