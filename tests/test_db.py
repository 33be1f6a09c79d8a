"""machikurabe.db: locating, opening (read-only) and querying the DuckDB file through named SQL files."""
import hashlib

import duckdb
import pytest

from machikurabe import db
from tests.fixture_db import KUSHIRO, SUMIDA


@pytest.fixture()
def fixture_path(fixture_db):
    return fixture_db  # the session's fixture database (tests/conftest.py)


@pytest.fixture()
def con(fixture_path):
    connection = db.connect(fixture_path)
    yield connection
    connection.close()


def test_db_path_env_override(monkeypatch, tmp_path):
    monkeypatch.setenv("MACHIKURABE_DB", str(tmp_path / "x.duckdb"))
    assert db.db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("MACHIKURABE_DB")
    assert db.db_path().parts[-2:] == ("data", "municipal.duckdb")


def test_missing_file_raises_bilingual_error(tmp_path):
    with pytest.raises(db.DatabaseUnavailable) as info:
        db.connect(tmp_path / "nothing.duckdb")
    assert "make data" in info.value.message("ja") and "make data" in info.value.message("en")
    assert "データベース" in info.value.message("ja")
    assert "Cannot open the database" in info.value.message("en")


def test_corrupt_file_raises_clear_error(tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a duckdb file" * 100)
    with pytest.raises(db.DatabaseUnavailable) as info:
        db.connect(broken)
    assert "make data" in str(info.value)


def test_database_without_contract_tables_is_unavailable(tmp_path):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(db.DatabaseUnavailable):
        db.connect(empty)


@pytest.mark.parametrize("name", ["../machikurabe/schema", "/etc/passwd", "municipalities.sql", "nope", "", None,
                                  "municipalities; DROP TABLE municipalities"])
def test_load_query_rejects_unknown_names(name):
    with pytest.raises(db.UnknownQuery):
        db.load_query(name)


SHELL_QUERIES = ["build_info", "data_quality", "data_quality_for_body", "data_quality_rule_counts", "documents",
                 "municipalities", "municipality_by_code", "programme_texts", "programme_texts_for_body", "programmes",
                 "programmes_for_body", "search_programme_texts", "table_build_info", "table_data_quality",
                 "table_documents", "table_municipalities", "table_programme_texts", "table_programmes"]


def test_every_shell_query_runs_on_the_fixture(con):
    params = {"municipality_by_code": {"code": KUSHIRO}, "programmes_for_body": {"code": KUSHIRO},
              "programme_texts_for_body": {"code": KUSHIRO}, "data_quality_for_body": {"code": SUMIDA},
              "search_programme_texts": {"needle": "社会福祉"}}
    assert set(SHELL_QUERIES) <= set(db.available_queries())
    for name in SHELL_QUERIES:
        frame = db.run_query(con, name, params.get(name))
        assert frame is not None and len(frame.columns) > 0, name


def test_municipality_by_code_reads_the_printed_values(con):
    row = db.run_query(con, "municipality_by_code", {"code": KUSHIRO}).iloc[0]
    assert row["name"] == "釧路市"
    assert row["population"] == 168730  # line 11: 人口 168,730 (人)
    assert row["promoter_count"] == 2  # line 73: 常勤1人、非常勤1人


def test_promoter_count_is_summed_per_body_and_missing_when_not_stated(con):
    frame = db.run_query(con, "municipalities").set_index("code")
    assert frame.loc[KUSHIRO, "promoter_count"] == 2
    assert frame.loc["02000", "promoter_count"] != frame.loc["02000", "promoter_count"]  # NaN: prefecture, no ④


def test_search_binds_hostile_text_as_a_literal(fixture_path):
    before = hashlib.sha256(fixture_path.read_bytes()).hexdigest()
    con = db.connect(fixture_path)
    try:
        for needle in ["'; DROP TABLE municipalities; --", "%", "_", "<script>alert(1)</script>"]:
            assert db.run_query(con, "search_programme_texts", {"needle": needle}).empty
        assert len(db.run_query(con, "search_programme_texts", {"needle": "墨田区社会福祉協議会"})) == 2
        assert len(db.run_query(con, "municipalities")) == 6
    finally:
        con.close()
    assert hashlib.sha256(fixture_path.read_bytes()).hexdigest() == before


def test_connection_is_read_only(con):
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM municipalities")
