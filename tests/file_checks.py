"""What every table file the app offers must hold (issue 19): numbers in value columns, 出典, the data year(s) and a
link that rebuilds the view, and no cell a spreadsheet would run as a formula. Shared by the tests that download
files (browser) and those that build them (plain)."""
from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook

TEXT_UNITS = {"（文字）", "(text)", "文字", "text", "TRUE/FALSE"}  # a yes/no column is a value, not a number
FORMULA_START = ("=", "+", "-", "@")
SOURCE = ("出典", "Source")
YEARS = ("データの年", "Data year")
LINK = re.compile(r"(^|[\s：:])/[a-z_]*(\?[^\s]*)?(\s|$)")


def _is_number(text: str) -> bool:
    try:
        float(str(text).replace(",", ""))
    except ValueError:
        return False
    return True


def check_csv(name: str, data: bytes) -> list[str]:
    """Problems of one CSV table file (empty list: none)."""
    problems = []
    if not data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: no UTF-8 BOM")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if len(rows) < 3:
        return problems + [f"{name}: fewer than three rows"]
    header, units = rows[0], rows[1]
    if not re.match(r"^(単位|Unit)", units[0]):
        problems.append(f"{name}: second row is not the units row: {units[:3]}")
    end = next((i for i, row in enumerate(rows) if i > 1 and not any(cell.strip() for cell in row)), len(rows))
    body, context = rows[2:end], [" ".join(r) for r in rows[end:]]
    unit_of = [re.sub(r"^(単位：|Unit: )", "", u) for u in units]
    for row in body:
        for column, cell in enumerate(row):
            unit = unit_of[column] if column < len(unit_of) else ""
            if cell and unit and unit not in TEXT_UNITS and not _is_number(cell):
                problems.append(f"{name}: {header[column]!r} (unit {unit!r}) holds {cell!r}, not a number")
            if cell.startswith(FORMULA_START) and not _is_number(cell):
                problems.append(f"{name}: formula-like cell {cell!r}")
    text = "\n".join(context)
    for what, words in (("出典", SOURCE), ("data year", YEARS)):
        if not any(line.lstrip("'").startswith(words) for line in context):
            problems.append(f"{name}: no {what} line")
    if not LINK.search(text):
        problems.append(f"{name}: no rebuild link")
    return problems


def check_xlsx(name: str, data: bytes) -> list[str]:
    problems = []
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    if any(c.data_type == "f" for c in cells):
        problems.append(f"{name}: a formula cell")
    texts = [str(c.value) for c in cells if isinstance(c.value, str)]
    for what, words in (("出典", SOURCE), ("data year", YEARS)):
        if not any(t.startswith(words) for t in texts):
            problems.append(f"{name}: no {what} line")
    if not any(LINK.search(t) for t in texts):
        problems.append(f"{name}: no rebuild link")
    # the units row: first cell starts with 単位／Unit; every data cell below a non-text unit is a number
    unit_row = next((r for r in sheet.iter_rows() if isinstance(r[0].value, str)
                     and re.match(r"^(単位|Unit)", r[0].value)), None)
    if unit_row is None:
        return problems + [f"{name}: no units row"]
    units = [re.sub(r"^(単位：|Unit: )", "", str(c.value or "")) for c in unit_row]
    for row in sheet.iter_rows(min_row=unit_row[0].row + 1):
        if all(c.value is None for c in row):
            break
        for column, cell in enumerate(row):
            unit = units[column] if column < len(units) else ""
            if cell.value is not None and unit and unit not in TEXT_UNITS and not isinstance(cell.value, (int, float)):
                problems.append(f"{name}: {cell.coordinate} (unit {unit!r}) holds {cell.value!r}, not a number")
    return problems


def check_file(name: str, data: bytes) -> list[str]:
    if name.endswith(".csv"):
        return check_csv(name, data)
    if name.endswith(".xlsx"):
        return check_xlsx(name, data)
    return []
