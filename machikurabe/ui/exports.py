"""Downloads from the 比較 page: CSV (UTF-8 with BOM), XLSX with title, units, source and date on the sheet,
and the plotly modebar config that saves a chart as PNG or SVG under a readable file name.

Text that a spreadsheet would run as a formula (= + - @ at the start, e.g. an uploaded =HYPERLINK(...))
is never written as a live formula: XLSX cells are typed as text, CSV cells get a leading apostrophe.
"""
from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGE_FORMATS = ("png", "svg")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _csv_safe(value):
    # OWASP's advice for CSV injection: a leading apostrophe makes Excel show the text instead of running it
    return "'" + value if is_formula_like(value) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel then reads Japanese correctly); formula-like text defused."""
    safe = frame.copy()
    safe.columns = [_csv_safe(str(c)) for c in safe.columns]
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(_csv_safe)
    return safe.to_csv(index=False).encode("utf-8-sig")


def today() -> str:
    return dt.date.today().isoformat()


def safe_filename(*parts: str) -> str:
    """Join parts with underscores, keeping Japanese but dropping characters file systems refuse."""
    text = "_".join(str(p) for p in parts if p not in (None, ""))
    return _UNSAFE_FILENAME.sub("-", text).strip("-_") or "machikurabe"


def _write_text(cell, value) -> None:
    cell.value = value
    # openpyxl turns any string starting with "=" into a formula; force the text type instead
    if isinstance(value, str):
        cell.data_type = "s"


def xlsx_bytes(frame: pd.DataFrame, *, title: str, source: str, created: str | None = None,
               units: dict[str, str] | None = None, notes: list[str] | None = None,
               sheet_name: str = "比較", unit_label: str = "単位", source_label: str = "出典",
               created_label: str = "作成日") -> bytes:
    """One sheet: title, source, creation date, notes, then the header row, a units row and the data.

    Numbers stay numbers (so they can be summed); every string is stored as text, never as a formula.
    """
    created = created or today()
    units = units or {}
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    _write_text(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    _write_text(sheet.cell(row=2, column=1), f"{source_label}：{source}")
    _write_text(sheet.cell(row=3, column=1), f"{created_label}：{created}")
    row = 4
    for note in notes or []:
        _write_text(sheet.cell(row=row, column=1), note)
        row += 1
    header_row = row + 1
    fill = PatternFill("solid", fgColor="DDEBF7")
    for j, col in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=header_row, column=j)
        _write_text(cell, str(col))
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        unit_cell = sheet.cell(row=header_row + 1, column=j)
        _write_text(unit_cell, units.get(col, ""))
        unit_cell.font = Font(italic=True, color="555555")
    if len(frame.columns):
        _write_text(sheet.cell(row=header_row + 1, column=1),
                    units.get(frame.columns[0]) or unit_label)
    for i, record in enumerate(frame.itertuples(index=False), start=header_row + 2):
        for j, value in enumerate(record, start=1):
            cell = sheet.cell(row=i, column=j)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, (bool,)):
                _write_text(cell, "✓" if value else "")
            elif hasattr(value, "item") and not isinstance(value, str):
                cell.value = value.item()  # numpy scalar to plain Python number
            elif isinstance(value, (int, float)):
                cell.value = value
            else:
                _write_text(cell, str(value))
    for j, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)]) + 2
        sheet.column_dimensions[get_column_letter(j)].width = min(max(width * 1.6, 8), 60)
    sheet.freeze_panes = sheet.cell(row=header_row + 2, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plotly_config(town: str, indicator: str, image_format: str = "png", date: str | None = None) -> dict:
    """Modebar settings: the camera button saves ``{town}_{indicator}_{date}.png|svg``; no plotly logo."""
    if image_format not in IMAGE_FORMATS:
        image_format = "png"
    options = {"format": image_format, "filename": safe_filename(town, indicator, date or today())}
    if image_format == "png":
        options.update(scale=2)  # print-quality PNG
    return {"toImageButtonOptions": options, "displaylogo": False}
