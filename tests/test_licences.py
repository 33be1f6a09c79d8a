"""The project's licence and the dependency table of docs/licences.md (issue 22).

LICENSE is the MIT licence of the project's code; every package named in pyproject.toml (run-time dependencies, the
``test`` extra, the build-system requirements) has a row in docs/licences.md's tables, and no row there is GPL.
The table itself is printed from the installed metadata by docs/licence_table.py.
"""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "licences.md"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for extra in project["project"].get("optional-dependencies", {}).values():
        requirements += extra
    return {_canonical(re.match(r"[A-Za-z0-9._-]+", r.strip()).group()) for r in requirements}


def _table_rows() -> dict[str, list[str]]:
    """package -> its row's cells, from the dependency tables (rows whose header is 'package')."""
    rows: dict[str, list[str]] = {}
    in_table = False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| package |"):
            in_table = True
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        if in_table and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[_canonical(cells[0])] = cells
    return rows


def test_licence_file_is_mit():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 machikurabe contributors" in text
    assert "Permission is hereby granted, free of charge" in text


def test_pyproject_is_read():
    names = _requirement_names()
    assert {"streamlit", "duckdb", "jaconv", "pytest", "locust", "setuptools"} <= names


def test_every_dependency_has_a_row_in_the_table():
    rows = _table_rows()
    missing = sorted(_requirement_names() - set(rows))
    assert not missing, f"docs/licences.md has no row for {missing}: run docs/licence_table.py and paste its output"


def test_the_table_shows_licence_and_compatibility():
    rows = _table_rows()
    assert len(rows) > 40  # the transitive packages too
    for name, cells in rows.items():
        assert len(cells) == 5 and cells[3] and cells[4], name
    assert rows["jaconv"][3].startswith("MIT")


def test_no_gpl_dependency():
    # pykakasi (GPL-3.0-or-later) was replaced by jaconv (MIT) in issue 22; an LGPL or "GPL with exception" library
    # bundled in a wheel is discussed in the notes, not listed as a package
    assert "pykakasi" not in _requirement_names()
    gpl = {n: c[3] for n, c in _table_rows().items() if re.search(r"(?<!L)GPL|General Public", c[3])}
    assert not gpl, gpl
