"""Read-only access to data/municipal.duckdb: locate it, open it, and run the named SQL files in queries/.

Pages never build SQL; they name a file in queries/ and pass bound parameters.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pandas as pd

from machikurabe.paths import DEFAULT_DB, QUERIES_DIR

DB_ENV_VAR = "MACHIKURABE_DB"

_QUERY_NAME = re.compile(r"^[a-z0-9_]+$")


class DatabaseUnavailable(RuntimeError):
    """The DuckDB file is missing or cannot be opened; the message tells the user to run `make data`."""

    def __init__(self, path: Path, reason_ja: str, reason_en: str):
        self.path = Path(path)
        self.reason = reason_en
        self.message_ja = (
            f"データベース {self.path} を開けません（{reason_ja}）。"
            "プロジェクトのフォルダで `make data` を実行してデータベースを作成してください。"
        )
        self.message_en = (
            f"Cannot open the database {self.path} ({reason_en}). "
            "Run `make data` in the project folder to build it."
        )
        super().__init__(f"{self.message_ja}\n{self.message_en}")

    def message(self, lang: str = "ja") -> str:
        return self.message_en if lang == "en" else self.message_ja


class UnknownQuery(ValueError):
    """A query name that is not one of the files in queries/."""


def db_path() -> Path:
    override = os.environ.get(DB_ENV_VAR)
    return Path(override) if override else DEFAULT_DB


def data_version() -> tuple[str, int]:
    """Path and modification time of the database: a cache key, so `make data` while the app runs is picked up."""
    path = db_path()
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:
        return str(path), 0


def connect(path: str | os.PathLike | None = None, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    target = Path(path) if path is not None else db_path()
    if not target.exists():
        raise DatabaseUnavailable(target, "ファイルがありません", "file not found")
    try:
        con = duckdb.connect(str(target), read_only=read_only)
        # a file that opens but lacks the contract tables is as useless as a corrupt one
        con.execute("SELECT count(*) FROM municipalities").fetchone()
    except duckdb.Error as exc:
        raise DatabaseUnavailable(target, f"破損または不完全: {type(exc).__name__}",
                                  f"corrupt or incomplete: {type(exc).__name__}") from exc
    return con


def available_queries() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def load_query(name: str) -> str:
    # names are checked against the files present so no path (../, /etc/...) can be smuggled in
    if not isinstance(name, str) or not _QUERY_NAME.match(name) or name not in available_queries():
        raise UnknownQuery(f"unknown query {name!r}; known: {', '.join(available_queries())}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(con: duckdb.DuckDBPyConnection, name: str, params: dict | list | tuple | None = None) -> pd.DataFrame:
    sql = load_query(name)
    if params:
        return con.execute(sql, params).df()
    return con.execute(sql).df()
