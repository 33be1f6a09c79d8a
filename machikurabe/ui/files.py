"""One way to offer a table as a file: what the table is (title, units, sources, years, group, date, the link that
rebuilds the view) travels with its numbers into the CSV (UTF-8 with BOM) and the XLSX, worded here once in the
reader's language. Pages describe a table with ``FileTable``; ``state.offer_files`` draws the buttons.

Layout of both files, so a council can paste or re-open them without checking:
    header row / units row / data rows (numbers as numbers) / a blank line / 出典 (one line per source) / データの年 /
    比較グループ / 作成日 / 再現URL / notes.
The XLSX puts the title and the same lines above the table (A4, one page wide, header and units rows repeated).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pandas as pd

from machikurabe.i18n import t
from machikurabe.ui import exports


@dataclass(frozen=True)
class FileTable:
    """A table as every file offers it. ``frame`` holds numbers as numbers (ranks, group sizes in their own
    columns); ``units`` gives each column's unit (「%」, 「人」, 「文字」 for text)."""
    frame: pd.DataFrame
    title: str
    units: dict[str, str]
    sources: tuple[str, ...]
    years: str                      # the data year(s) the table shows, e.g. 「2020年・2022年」 or "2020–2024"
    rebuild_url: str                # relative link that rebuilds the view (no host)
    group: str | None = None        # the comparison group's definition with its size, e.g. 「中核市（61団体）」
    created: str = field(default_factory=exports.today)
    notes: tuple[str, ...] = ()


def _label(key: str, lang: str) -> str:
    return t(key, lang)


def context_lines(table: FileTable, lang: str) -> list[str]:
    """出典, データの年, 比較グループ, 作成日, 再現URL and the notes, each one line, labelled in ``lang``."""
    sep = "：" if lang != "en" else ": "
    lines = [f"{_label('file_source', lang)}{sep}{exports.strip_source_label(s)}" for s in table.sources if s]
    lines.append(f"{_label('file_years', lang)}{sep}{table.years}")
    if table.group:
        lines.append(f"{_label('file_group', lang)}{sep}{table.group}")
    lines.append(f"{_label('file_created', lang)}{sep}{table.created}")
    lines.append(f"{_label('file_rebuild', lang)}{sep}{table.rebuild_url}")
    lines.extend(n for n in table.notes if n)
    return lines


def unit_row(table: FileTable, lang: str) -> dict[str, str]:
    """Each column's unit; the first cell also says that the row is the units row (「単位：文字」)."""
    units = {c: table.units.get(c, "") for c in table.frame.columns}
    if len(table.frame.columns):
        first = table.frame.columns[0]
        units[first] = f"{_label('file_unit', lang)}{'：' if lang != 'en' else ': '}{units[first]}"
    return units


def csv_bytes(table: FileTable, lang: str) -> bytes:
    """UTF-8 with BOM: header, units row, data (formula-like text defused, numbers without float noise), a blank
    line, then the context lines."""
    head = exports.csv_bytes(table.frame, units=unit_row(table, lang), unit_label=_label("file_unit", lang))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([])
    for line in context_lines(table, lang):
        writer.writerow([exports.defuse_formula(line)])
    return head + buffer.getvalue().encode("utf-8")


def xlsx_bytes(table: FileTable, lang: str) -> bytes:
    """One sheet named after the table: title, context lines, header, units row, data; numbers as numbers."""
    lines = context_lines(table, lang)
    source = "／".join(exports.strip_source_label(s) for s in table.sources if s) if lang != "en" else \
        " / ".join(exports.strip_source_label(s) for s in table.sources if s)
    notes = [line for line in lines if not line.startswith(_label("file_source", lang))
             and not line.startswith(_label("file_created", lang))]
    return exports.xlsx_bytes(table.frame, title=table.title, source=source, created=table.created,
                              units=unit_row(table, lang), notes=notes, sheet_name=exports.sheet_name(table.title),
                              unit_label=_label("file_unit", lang), source_label=_label("file_source", lang),
                              created_label=_label("file_created", lang))
