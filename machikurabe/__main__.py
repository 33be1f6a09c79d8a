"""Command line: ``python -m machikurabe check-table FILE [--json] [--lang ja|en]``.

Runs the same validation as the upload on 比較 (machikurabe.stat_table) and prints the report. Places come from the
built database's ``places`` table, or from geo/gazetteer.csv when no database is built. Exit 0 on a readable table,
2 on an unreadable one (too big, wrong type, empty, undecodable, no key column).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from machikurabe import stat_table
from machikurabe.safe_text import is_formula_like


class NoDatabase(RuntimeError):
    """The places the table can key to live in the database; without it nothing can be checked."""


def load_places() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(places, wards) from data/municipal.duckdb (or $MACHIKURABE_DB)."""
    from machikurabe import db

    path = db.db_path()
    try:
        con = db.connect(path)
    except Exception as exc:
        raise NoDatabase(f"{path}: cannot open the database ({exc}); run `make data` first") from exc
    try:
        return db.run_query(con, "places"), db.run_query(con, "wards")
    except Exception as exc:
        raise NoDatabase(f"{path}: the database has no places table; run `make data` to rebuild it") from exc
    finally:
        con.close()


def check_table(path: Path, lang: str = "ja") -> tuple[dict, bool]:
    data = path.read_bytes()
    places, wards = load_places()
    table = stat_table.read_stat_table(path.name, data, places, lang, wards=wards)
    stat_table.cell_problems(table, lang, is_formula_like=is_formula_like)
    return stat_table.report(table), table.readable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m machikurabe", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check-table", help="validate a statistics table as the upload would")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--lang", choices=["ja", "en"], default="ja")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2
    try:
        report, readable = check_table(args.file, args.lang)
    except NoDatabase as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        en = args.lang == "en"
        print(("places matched: " if en else "一致した団体：") + str(report["places_matched"]))
        for indicator in report["indicators"]:
            unit = f" [{indicator['unit']}]" if indicator["unit"] else ""
            print(f"  {indicator['name']}{unit}: {len(indicator['values'])}" + (" values" if en else " 件"))
        for row in report["unknown_rows"]:
            print(("  unknown row " if en else "  不明な行 ") + f"{row['line']}: {row['key']}")
        for text in report["messages"]:
            print("- " + text)
    return 0 if readable else 2


if __name__ == "__main__":
    sys.exit(main())
