"""Robustness: parsers and the upload validator never crash and explain every failure; hostile text in every URL
parameter and text box is shown as text and changes no data; the app's connection is read-only; a missing or
corrupt database gives a message with the fix (`make data`), not a traceback."""
from __future__ import annotations

import hashlib
import importlib
import math
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from machikurabe import db
from machikurabe.ingest import quantities
from machikurabe.ingest.targets import NO_QUANTITY, parse_target_quantity

ROOT = Path(__file__).resolve().parent.parent
REAL_DB = ROOT / "data" / "municipal.duckdb"
APP = str(ROOT / "app.py")

# text as it may come from a PDF dump or a user: Japanese, full-width digits and signs, brackets, units, controls
_JP_PIECES = st.sampled_from(["人", "世帯", "%", "％", "‰", "(", ")", "（", "）", "約", "※", "未集計", "不明", "—", "-",
                              "ー", "、", ",", ".", "．", "km²", "㎢", "年", "回", "件", "か所", "箇所", "名", "以上",
                              "～", "~", "〜", "R元", "H31.4.1現在", "令和2年度", "1地区あたり", "三回", "十", "割",
                              "０", "１２", "3.5", "1,234", "\u3000", "\n", "\t", "\x00", "\u202e", "<b>", "</b>"])
MESSY_TEXT = st.one_of(st.text(max_size=200), st.lists(_JP_PIECES, max_size=25).map("".join),
                       st.lists(st.one_of(_JP_PIECES, st.integers(0, 10**9).map(str)), max_size=12).map(" ".join))


# --- number parsers ------------------------------------------------------------------------------------------

_MISSING_RULES = {quantities.MISSING_EMPTY, quantities.MISSING_NOT_TALLIED, quantities.MISSING_UNKNOWN,
                  quantities.MISSING_DASH, quantities.UNPARSED}


@settings(max_examples=300, deadline=None)
@given(MESSY_TEXT)
def test_parse_quantity_gives_a_value_or_says_why_not(raw):
    parsed = quantities.parse_quantity(raw)
    assert parsed.raw == raw
    assert all(isinstance(f.rule, str) and f.rule and isinstance(f.note, str) for f in parsed.findings)
    if parsed.value is None:
        # a cell without a number always carries exactly the reason, with a readable note
        reasons = [f for f in parsed.findings if f.rule in _MISSING_RULES]
        assert len(reasons) == 1
        assert reasons[0].rule == quantities.MISSING_EMPTY or reasons[0].note
    else:
        assert math.isfinite(parsed.value) and parsed.value >= 0


@settings(max_examples=200, deadline=None)
@given(MESSY_TEXT)
def test_welfare_rate_conversion_never_crashes_and_records_conversions(raw):
    parsed = quantities.parse_quantity(raw)
    converted = quantities.welfare_rate_percent(parsed)
    if parsed.value is None:
        assert converted.value is None
    elif converted.value != parsed.value:
        # any change of the printed number is recorded as a finding
        assert len(converted.findings) > len(parsed.findings)


@pytest.mark.parametrize("raw", ["", None, "\x00", "(%)", "—(%)", "未集計", "<script>alert(1)</script>",
                                 "9" * 5000])  # once returned inf; now refused
def test_parse_quantity_edge_cases(raw):
    parsed = quantities.parse_quantity(raw)
    assert parsed.value is None or math.isfinite(parsed.value)
    if parsed.value is None:
        assert parsed.findings, "a missing value must say why"


_BOUNDS = {None, "at_least", "at_most", "exactly", "range", "approx"}
_PERIODS = {None, "per_year", "per_month", "per_day", "total", "by_year"}


@settings(max_examples=300, deadline=None)
@given(MESSY_TEXT)
def test_parse_target_quantity_is_a_full_quantity_or_none(text):
    q = parse_target_quantity(text)
    if q.value is None:
        # "no number to reach" is one clear answer, never a half-filled quantity
        assert q == NO_QUANTITY
        return
    assert math.isfinite(q.value)
    assert q.unit, "a target value always comes with its unit"
    assert q.bound in _BOUNDS and q.period in _PERIODS
    assert isinstance(q.raw, str) and q.raw.strip()
    assert q.value_max is None or math.isfinite(q.value_max)
    if q.value_max is not None:
        assert q.bound == "range"


@pytest.mark.parametrize("text", ["", "'; DROP TABLE municipalities; --", "<script>alert(1)</script>",
                                  "年" * 100_000, "１" * 10_000 + "回",  # once returned inf
                                  "\x00\x01\x02回"])
def test_parse_target_quantity_hostile_inputs(text):
    q = parse_target_quantity(text)
    assert q.value is None or math.isfinite(q.value)


# --- upload validator ----------------------------------------------------------------------------------------

uploads = importlib.import_module("machikurabe.analysis.uploads")


@pytest.fixture(scope="module")
def fixture_bodies(fixture_db):
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        return con.execute("SELECT code, prefecture, name, kind FROM municipalities").df()
    finally:
        con.close()


def _check_result(result, bodies):
    assert all(issue.level in {"error", "warning", "info"} for issue in result.issues)
    assert all(isinstance(issue.text, str) and issue.text.strip() for issue in result.issues)
    if result.ok:
        assert set(result.values["code"]) <= set(bodies["code"])
        assert set(result.meta) == set(result.values.columns) - {"code"}
    else:
        # a refused file always says why
        assert result.issues and (result.values is None or any(i.level == "error" for i in result.issues))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.text(max_size=30), st.sampled_from(["a.csv", "a.CSV", "x.xlsx", "x.xls", "", ".csv",
                                                             "../../etc/passwd.csv", "データ.csv"])),
       data=st.binary(max_size=2000), lang=st.sampled_from(["ja", "en"]))
def test_any_bytes_any_name_never_crash_the_upload(fixture_bodies, name, data, lang):
    _check_result(uploads.load_upload(name, data, fixture_bodies, lang), fixture_bodies)


_CELL = st.one_of(st.sampled_from(["01206", "012068", "1206", "13107", "99999", "釧路市", "北海道", "=1+1", "+81",
                                   "-3", "@SUM(A1)", "1,234", "12.5%", "１２", "", "NaN", "inf", "-inf", "1e308",
                                   "'; DROP TABLE municipalities; --", "<script>alert(1)</script>"]),
                  st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True).map(str))
_HEADER = st.sampled_from(["コード", "code", "都道府県", "市区町村名", "name", "高齢化率", "率%", "値", "value", "",
                           "=cmd", "<b>h</b>"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headers=st.lists(_HEADER, min_size=1, max_size=4, unique=True),
       rows=st.lists(st.lists(_CELL, min_size=4, max_size=4), max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]), lang=st.sampled_from(["ja", "en"]))
def test_any_table_is_accepted_or_explained(fixture_bodies, headers, rows, encoding, lang):
    def csv_cell(value):
        return '"' + str(value).replace('"', '""') + '"'

    text = "\n".join([",".join(csv_cell(h) for h in headers)]
                     + [",".join(csv_cell(v) for v in row[:len(headers)]) for row in rows])
    data = text.encode(encoding, errors="replace")
    result = uploads.load_upload("table.csv", data, fixture_bodies, lang)
    _check_result(result, fixture_bodies)
    if result.ok:
        # issue 11: percentages outside 0-100 are legitimate and kept, but always reported
        for key, meta in result.meta.items():
            column = result.values[key].dropna()
            if meta["unit"] == "%" and not ((column >= 0) & (column <= 100)).all():
                assert any(issue.key == "out_of_range" for issue in result.issues)


def test_infinite_cells_are_reported_not_accepted(fixture_bodies):
    result = uploads.load_upload("a.csv", "コード,値\n01206,inf\n01399,1e400\n13107,2\n".encode(), fixture_bodies, "en")
    assert result.ok
    assert result.values["user_1"].dropna().tolist() == [2.0]
    assert any(issue.key == "non_numeric" for issue in result.issues)


def test_oversized_and_wrong_type_uploads_are_refused_with_a_message(fixture_bodies):
    big = uploads.load_upload("big.csv", b"0" * (uploads.MAX_BYTES + 1), fixture_bodies, "en")
    assert not big.ok and "20 MB" in big.issues[0].text
    exe = uploads.load_upload("tool.exe", b"MZ\x90\x00", fixture_bodies, "ja")
    assert not exe.ok and ".exe" in exe.issues[0].text


# --- read-only connection --------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture()
def db_copy(tmp_path, fixture_db):
    """A private copy of the real database (or the fixture when it is not built), so checksums are ours alone."""
    target = tmp_path / "municipal.duckdb"
    shutil.copy(REAL_DB if REAL_DB.exists() else fixture_db, target)
    return target


@pytest.mark.parametrize("statement", [
    "CREATE TABLE pwned (a INTEGER)",
    "DELETE FROM municipalities",
    "UPDATE municipalities SET population = 0",
    "DROP TABLE municipalities",
    "INSERT INTO build_info VALUES ('x', 'y')",
])
def test_app_connection_refuses_writes_and_leaves_the_file_unchanged(db_copy, statement):
    before = _sha256(db_copy)
    con = db.connect(db_copy)
    try:
        with pytest.raises(duckdb.Error, match="(?i)read.only"):
            con.execute(statement)
        assert con.execute("SELECT count(*) FROM municipalities").fetchone()[0] > 0
    finally:
        con.close()
    assert _sha256(db_copy) == before
    assert not Path(str(db_copy) + ".wal").exists()


@pytest.mark.parametrize("name", ["../schema", "/etc/passwd", "municipalities; DROP TABLE x", "MUNICIPALITIES", ""])
def test_query_names_cannot_reach_other_files(db_copy, name):
    con = db.connect(db_copy)
    try:
        with pytest.raises(db.UnknownQuery):
            db.run_query(con, name)
    finally:
        con.close()


# --- hostile input through the app ---------------------------------------------------------------------------

HOSTILE = {
    "sql": "'; DROP TABLE municipalities; --",
    "script": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "long": "長" * 100_000,
    "control": "\x00\x01\x07\x1b[31m\u202e\ufeff\r\n01206",
    "unknown_code": "99999",
}
# every URL parameter a page or the shell reads (shell filters, profile/peers code, search, map and peer views)
URL_PARAMS = ["code", "q", "pref", "kind", "prog", "lang", "indicator", "group", "k", "w", "hand", "ind", "x", "y"]


def _pages() -> list[str]:
    return sorted(p.stem for p in (ROOT / "pages").glob("*.py") if not p.name.startswith("_"))


def _html_elements(app_test) -> list[str]:
    """Text of markdown elements allowed to carry raw HTML (the only place a script could be injected)."""
    out = []
    for element in app_test.markdown:
        if getattr(element.proto, "allow_html", False):
            out.append(element.value)
    return out


def _run_page(page: str, params: dict, timeout: int = 180):
    from streamlit.testing.v1 import AppTest

    app_test = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in params.items():
        app_test.query_params[key] = value
    app_test.switch_page(f"pages/{page}.py")
    app_test.run()
    return app_test


@pytest.mark.parametrize("page", _pages())
def test_hostile_url_parameters_are_shown_as_text_and_change_nothing(page, db_copy, monkeypatch):
    monkeypatch.setenv(db.DB_ENV_VAR, str(db_copy))
    before = _sha256(db_copy)
    for label, value in HOSTILE.items():
        app_test = _run_page(page, {name: value for name in URL_PARAMS})
        assert not app_test.exception, f"{page} with {label}: {[e.value for e in app_test.exception]}"
        for html in _html_elements(app_test):
            assert "<script>" not in html and "onerror=" not in html.replace("onerror=&", ""), (
                f"{page} with {label} put the input into raw HTML: {html[:200]}")
        assert app_test.title, f"{page} with {label} did not draw its title"
    assert _sha256(db_copy) == before


def test_unknown_or_hostile_code_on_the_profile_page_is_a_warning(db_copy, monkeypatch):
    monkeypatch.setenv(db.DB_ENV_VAR, str(db_copy))
    for value in (HOSTILE["unknown_code"], HOSTILE["sql"], HOSTILE["script"]):
        app_test = _run_page("profile", {"code": value})
        assert not app_test.exception
        warnings = " ".join(w.value for w in app_test.warning)
        assert warnings, f"no warning for code={value!r}"
        assert "<script>" not in warnings  # shown escaped, as text


@pytest.mark.skipif(not (ROOT / "pages" / "programmes.py").exists(), reason="pages/programmes.py not there")
def test_hostile_text_in_the_programme_search_box(db_copy, monkeypatch):
    monkeypatch.setenv(db.DB_ENV_VAR, str(db_copy))
    before = _sha256(db_copy)
    app_test = _run_page("programmes", {})
    for label, value in HOSTILE.items():
        boxes = [b for b in app_test.text_input if b.key == "search_q"]
        assert boxes, "the search box is gone"
        boxes[0].input(value).run()
        assert not app_test.exception, f"search with {label}: {[e.value for e in app_test.exception]}"
        for html in _html_elements(app_test):
            assert "<script>" not in html, f"search with {label} put the input into raw HTML"
    assert _sha256(db_copy) == before


# --- missing or corrupt database at start-up -------------------------------------------------------------------

def _random_bytes_file(path: Path) -> Path:
    import random

    path.write_bytes(random.Random(6).randbytes(64 * 1024))
    return path


def _empty_duckdb(path: Path) -> Path:
    duckdb.connect(str(path)).close()
    return path


@pytest.mark.parametrize("make_bad_db", [
    lambda tmp: tmp / "does-not-exist.duckdb",
    lambda tmp: _random_bytes_file(tmp / "random.duckdb"),
    lambda tmp: _empty_duckdb(tmp / "empty.duckdb"),
], ids=["missing", "random-bytes", "no-tables"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bad_database_shows_what_happened_and_how_to_rebuild(tmp_path, monkeypatch, make_bad_db, lang):
    from streamlit.testing.v1 import AppTest

    bad = make_bad_db(tmp_path)
    monkeypatch.setenv(db.DB_ENV_VAR, str(bad))
    existed = bad.exists()
    before = _sha256(bad) if existed else None
    for page in (None, "profile"):
        app_test = AppTest.from_file(APP, default_timeout=60)
        app_test.query_params["lang"] = lang
        if page:
            app_test.switch_page(f"pages/{page}.py")
        app_test.run()
        assert not app_test.exception, [e.value for e in app_test.exception]
        errors = " ".join(e.value for e in app_test.error)
        assert "make data" in errors
        assert str(bad) in errors
        assert ("Run `make data`" if lang == "en" else "を実行して") in errors
    # the app does not create or repair files it cannot open
    assert bad.exists() == existed
    if existed:
        assert _sha256(bad) == before
