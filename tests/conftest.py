"""Session-wide databases for the tests: each is built once per pytest run into a session tmp dir.

* ``fixture_db``: the six-body DuckDB of tests/fixture_db.py (for tests that must not depend on the real build);
* ``real_db``: the real build (``machikurabe.ingest.build``) of data/raw into a tmp path, never data/municipal.duckdb.

Both are shared by every test of the run, so no test may write to them: a test that needs to change a database
builds or copies its own into ``tmp_path``. The teardown of each fixture fails the run if its file changed.
Tests that point the app at a database set MACHIKURABE_DB with ``monkeypatch`` to one of these paths.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.fixture_db import build_fixture_db

# CI replays the same hypothesis examples every run (a red CI must mean a change broke something); a developer's
# run explores new ones, and what it finds becomes a plain test (e.g. test_a_header_with_nothing_under_it_is_not_a_body)
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shared(path: Path):
    """Yield the path; afterwards fail if a test wrote to the shared file (or left a WAL beside it)."""
    before = _sha256(path)
    yield path
    wal = Path(f"{path}.wal")
    assert not wal.exists() and _sha256(path) == before, f"a test wrote to the shared database {path}"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """Path of the fixture database (tests/fixture_db.py), built once per session. Read only."""
    yield from _shared(build_fixture_db(tmp_path_factory.mktemp("fixture_db") / "fixture.duckdb"))


@pytest.fixture(scope="session")
def real_db_build(tmp_path_factory) -> tuple[Path, dict]:
    """The real database built from data/raw once per session into a tmp dir: (path, what build() returned).
    Read only."""
    from machikurabe.ingest import build

    out = tmp_path_factory.mktemp("real_db") / "municipal.duckdb"
    counts = build.build(out)
    for path in _shared(out):
        yield path, counts


@pytest.fixture(scope="session")
def real_db(real_db_build) -> Path:
    """Path of the real database built once per session (see ``real_db_build``). Read only."""
    return real_db_build[0]


@pytest.fixture(scope="session")
def national_frames(real_db) -> dict:
    """What the 比較 page reads for its national view, from the session's real build: places, the indicator
    catalogue, build_info, the 63 plans, and the wide frame (latest year of each default indicator) with its years.
    Tests must not modify the frames."""
    import duckdb

    from machikurabe import db
    from machikurabe.analysis import national
    from machikurabe.analysis import national_peers as npp

    with duckdb.connect(str(real_db), read_only=True) as con:
        places = db.run_query(con, "places")
        catalogue = db.run_query(con, "national_indicators")
        info = db.run_query(con, "build_info")
        plan = db.run_query(con, "municipalities")
        ids = sorted({*npp.DEFAULT_INDICATORS, *national.DEFAULT_WEIGHTS})
        latest = db.run_query(con, "peers_latest_values", {"indicators": ids})
    wide, years = npp.wide_frame(places, latest, plan)
    return dict(places=places, catalogue=catalogue, info=info, wide=wide, years=years, db=real_db)

