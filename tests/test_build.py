"""The whole build on the real sources: the DuckDB contract, counts checked by hand, and clear failures."""
import math
import shutil
from pathlib import Path

import duckdb
import pytest

from machikurabe.ingest import build
from tests.data.hand_checked_bodies import HAND_CHECKED
from tests.data.hand_checked_programmes import EXPECTED_COUNTS

CONTRACT = {
    "municipalities": {
        "code", "prefecture", "name", "name_kana", "kind", "population", "households", "ageing_rate_pct",
        "welfare_rate_pct", "association_rate_pct", "area_km2", "elementary_schools", "junior_high_schools",
        "lat", "lon", "source_line", "community_care_centres", "self_reliance_support", "vision_aim",
        "vision_change", "local_features",
    },
    "programmes": {
        "municipality_code", "programme", "implementer", "contractor", "programme_name", "necessity",
        "target_area", "target_area_population", "hubs", "training_target", "training_content", "funding",
        "linked_programmes", "outcome_targets", "promoter_count", "promoter_backgrounds", "meeting_case_review",
        "meeting_network", "prefectural_a", "prefectural_b",
    },
    "data_quality": {"municipality_code", "field", "raw_value", "value", "rule", "source_line", "note"},
    "documents": {"id", "title", "municipality_code", "kind", "file_name"},
}


@pytest.fixture(scope="module")
def con(real_db):
    connection = duckdb.connect(str(real_db), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_columns(con, table):
    columns = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    assert CONTRACT[table] <= columns


def test_body_counts(con):
    assert con.execute("SELECT count(*) FROM municipalities").fetchone()[0] == 63
    assert con.execute("SELECT count(*) FROM municipalities WHERE kind = 'prefecture'").fetchone()[0] == 6
    missing = con.execute(
        "SELECT name FROM municipalities WHERE kind <> 'prefecture' AND (lat IS NULL OR lon IS NULL OR length(code) <> 5)"
    ).fetchall()
    assert missing == []


def test_programme_counts_match_hand_count(con):
    rows = dict(con.execute("SELECT programme, count(*) FROM programmes GROUP BY programme").fetchall())
    assert rows == EXPECTED_COUNTS


# every basic-info field the hand reading gives (identity, 1-1. 自治体の基本情報 values, the block's line)
HAND_FIELDS = [field for field in HAND_CHECKED[0] if field != "quality_rules"]


def test_hand_reading_covers_every_stored_body(con):
    stored = {code for (code,) in con.execute("SELECT code FROM municipalities").fetchall()}
    assert stored == {expected["code"] for expected in HAND_CHECKED}
    assert all(list(expected) == list(HAND_CHECKED[0]) for expected in HAND_CHECKED)  # same fields for every body


@pytest.mark.parametrize("expected", HAND_CHECKED, ids=lambda e: f"{e['code']}-{e['name']}")
def test_every_basic_info_value_matches_the_hand_reading(con, expected):
    """Each basic-info field of each body equals the hand reading: numbers within 1e-9, text exactly, NULL
    where the hand reading has no value (empty cell, 未集計, 不明, dash)."""
    row = con.execute(f"SELECT {', '.join(HAND_FIELDS)} FROM municipalities WHERE code = ?",
                      [expected["code"]]).fetchone()
    assert row is not None, expected["code"]
    wrong = {}
    for field, stored in zip(HAND_FIELDS, row):
        want = expected[field]
        if want is None:
            ok = stored is None
        elif isinstance(want, (int, float)) and not isinstance(want, bool):
            ok = stored is not None and not isinstance(stored, str) and math.isclose(
                stored, want, rel_tol=0, abs_tol=1e-9)
        else:
            ok = stored == want
        if not ok:
            wrong[field] = (stored, want)
    assert wrong == {}, f"{expected['name']} (line {expected['source_line']}): stored, hand-read = {wrong}"


def test_official_name_and_alias_on_record(con):
    assert con.execute("SELECT name, name_printed FROM municipalities WHERE code = '02321'").fetchone() == (
        "鰺ヶ沢町", "鱒ヶ沢町")
    rule = con.execute("SELECT rule, raw_value, source_line FROM data_quality WHERE field = 'name'").fetchall()
    assert rule == [("name_alias", "鱒ヶ沢町", 728)]


def test_corrected_value_keeps_raw_text_and_rule(con):
    row = con.execute(
        "SELECT raw_value, value, rule, source_line FROM data_quality "
        "WHERE municipality_code = '13107' AND field = 'welfare_rate_pct'"
    ).fetchone()
    assert row == ("28.66 (%)", "2.866", "per_mille_labelled_percent", 4212)


def test_documents_registered(con):
    rows = con.execute("SELECT id, municipality_code, file_name FROM documents ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["000", "001", "002", "003", "004"]
    assert rows[2][1] == "13208"  # 調布市
    assert "宮崎県" in con.execute("SELECT note FROM documents WHERE id = '004'").fetchone()[0]


def test_programme_texts_trace_to_lines(con):
    row = con.execute(
        "SELECT source_line FROM programme_texts WHERE municipality_code = '01206' AND field = 'programme_name' "
        "AND programme = 'community_capacity'"
    ).fetchone()
    assert row == (32,)  # 「②事業名\t住民とともに…」


def test_build_is_idempotent(real_db, tmp_path):
    first, second = real_db, tmp_path / "b.duckdb"  # the session's build and a second one
    build.build(second)
    query = "SELECT * FROM municipalities ORDER BY code"
    with duckdb.connect(str(first), read_only=True) as a, duckdb.connect(str(second), read_only=True) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_unknown_name_fails_naming_the_line(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(build.RAW_DIR, raw)
    plans = raw / build.PLANS_FILE
    plans.write_text(plans.read_text(encoding="utf-8").replace("市区町村名\t京極町", "市区町村名\t架空町"), encoding="utf-8")
    out = tmp_path / "m.duckdb"
    assert build.main(["--out", str(out), "--raw-dir", str(raw)]) == 2
    message = capsys.readouterr().err
    assert "003_432db8467158d625.txt:94" in message and "架空町" in message
    assert not out.exists()  # nothing half-written


def test_missing_source_document_fails_clearly(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(build.RAW_DIR, raw)
    (raw / "002_51d8b74d7785360a.txt").unlink()
    assert build.main(["--out", str(tmp_path / "m.duckdb"), "--raw-dir", str(raw)]) == 2
    assert "002_51d8b74d7785360a.txt" in capsys.readouterr().err


def test_every_rule_recorded_is_documented(con):
    from machikurabe.analysis.quality_rules import RULES

    # the rule table lives in docs/data.md (the README links to it)
    rules_doc = (Path(__file__).resolve().parent.parent / "docs" / "data.md").read_text(encoding="utf-8")
    for (rule,) in con.execute("SELECT DISTINCT rule FROM data_quality").fetchall():
        assert rule in RULES, rule
        assert f"`{rule}`" in rules_doc, f"{rule} missing from docs/data.md's rule table"
