"""The benchmark's scale database: all municipalities of Japan, plausible seeded values, real schema, runnable pages."""
from __future__ import annotations

import duckdb
import pytest

from tests.bench.synthetic import build_synthetic_db


@pytest.fixture(scope="module")
def scale_db(tmp_path_factory, fixture_db):
    base = tmp_path_factory.mktemp("synthetic")
    real = fixture_db
    out = base / "scale.duckdb"
    counts = build_synthetic_db(out, real, seed=7)
    return out, counts, real


def test_every_municipality_and_prefecture_is_present(scale_db):
    out, counts, _ = scale_db
    # gazetteer: 772 cities + 743 towns + 183 villages + 23 Tokyo wards + 20 designated cities = 1,741, + 47 prefectures
    assert counts["municipalities"] == 1741 + 47
    con = duckdb.connect(str(out), read_only=True)
    kinds = dict(con.execute("SELECT kind, count(*) FROM municipalities GROUP BY kind").fetchall())
    assert kinds == {"city": 772, "town": 743, "village": 183, "ward": 23, "designated_city": 20, "prefecture": 47}
    # designated cities' wards (札幌市中央区 01101) are not separate bodies; 札幌市 01100 and 墨田区 13107 are
    codes = {c for (c,) in con.execute("SELECT code FROM municipalities").fetchall()}
    assert "01101" not in codes and {"01100", "13107", "01206", "47000"} <= codes
    con.close()


def test_values_are_in_plausible_ranges(scale_db):
    con = duckdb.connect(str(scale_db[0]), read_only=True)
    lo_age, hi_age, lo_wel, hi_wel, min_pop, bad_density, missing_assoc = con.execute(
        "SELECT min(ageing_rate_pct), max(ageing_rate_pct), min(welfare_rate_pct), max(welfare_rate_pct), "
        "min(population), count(*) FILTER (WHERE abs(density_per_km2 - population / area_km2) > 1e-6), "
        "count(*) FILTER (WHERE association_rate_pct IS NULL) FROM municipalities").fetchone()
    assert 15 <= lo_age and hi_age <= 55
    assert 0.1 <= lo_wel and hi_wel <= 5
    assert min_pop >= 300  # 10 ** 2.5 rounded: the smallest village
    assert bad_density == 0
    assert 0 < missing_assoc < 1788 // 4  # some gaps, as printed in the source, but not most
    con.close()


def test_programmes_are_copied_from_a_real_body_of_the_same_kind(scale_db):
    out, counts, _ = scale_db
    # the fixture's city, town, village and ward have 2 programmes each (designated cities borrow from them);
    # its prefectures 1 each: 1,741 × 2 + 47
    assert counts["programmes"] == 1741 * 2 + 47
    con = duckdb.connect(str(out), read_only=True)
    # every village copies 音威子府村, whose multi_agency plan states 1 promoter
    assert con.execute("SELECT DISTINCT p.promoter_count FROM programmes p JOIN municipalities m "
                       "ON m.code = p.municipality_code WHERE m.kind = 'village' AND p.programme = 'multi_agency'"
                       ).fetchall() == [(1,)]
    mismatched = con.execute("SELECT count(*) FROM municipalities m WHERE programme_count <> "
                             "(SELECT count(*) FROM programmes p WHERE p.municipality_code = m.code)").fetchone()[0]
    assert mismatched == 0
    con.close()


def test_correction_records_show_the_stored_synthetic_value(scale_db):
    con = duckdb.connect(str(scale_db[0]), read_only=True)
    rows = con.execute("SELECT q.value, m.welfare_rate_pct FROM data_quality q JOIN municipalities m "
                       "ON m.code = q.municipality_code WHERE q.field = 'welfare_rate_pct'").fetchall()
    # 京極町 (town) and 墨田区 (ward) carry a welfare correction: 743 towns + 23 wards copy one each, and the
    # 20 designated cities cycle through the 4 fixture municipalities (釧路, 京極, 音威子府, 墨田): 10 more
    assert len(rows) == 743 + 23 + 10
    assert all(float(v) == pytest.approx(w) for v, w in rows)
    assert con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()[0].startswith("true")
    con.close()


def test_same_seed_same_data(scale_db, tmp_path):
    _, _, real = scale_db
    again = tmp_path / "again.duckdb"
    build_synthetic_db(again, real, seed=7)
    query = "SELECT code, population, ageing_rate_pct, welfare_rate_pct FROM municipalities ORDER BY code"
    first = duckdb.connect(str(scale_db[0]), read_only=True)
    second = duckdb.connect(str(again), read_only=True)
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    first.close()
    second.close()
