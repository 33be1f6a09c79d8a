"""The one export path of the app: CSV (UTF-8 with BOM), Parquet, XLSX (one sheet with title, units, source and
date, or several plain sheets) and the plotly modebar config that saves a chart as PNG or SVG under a readable name.

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

from machikurabe.safe_text import defuse_chart_markup, defuse_formula

CSV_MIME = "text/csv"
PARQUET_MIME = "application/vnd.apache.parquet"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGE_FORMATS = ("png", "svg")

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')




def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel then reads Japanese correctly); formula-like text defused."""
    safe = frame.copy()
    safe.columns = [defuse_formula(str(c)) for c in safe.columns]
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(defuse_formula)
    return safe.to_csv(index=False).encode("utf-8-sig")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


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


def _write_value(cell, value) -> None:
    """Numbers stay numbers (so they can be summed); every string is stored as text, never as a formula."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return
    if isinstance(value, bool):
        _write_text(cell, "✓" if value else "")
    elif hasattr(value, "item") and not isinstance(value, str):
        cell.value = value.item()  # numpy scalar to plain Python number
    elif isinstance(value, (int, float)):
        cell.value = value
    else:
        _write_text(cell, str(value))


def _write_rows(sheet, frame: pd.DataFrame, first_row: int) -> None:
    for i, record in enumerate(frame.itertuples(index=False), start=first_row):
        for j, value in enumerate(record, start=1):
            _write_value(sheet.cell(row=i, column=j), value)


def _fit_columns(sheet, frame: pd.DataFrame) -> None:
    for j, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)]) + 2
        sheet.column_dimensions[get_column_letter(j)].width = min(max(width * 1.6, 8), 60)


def xlsx_sheets_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one plain sheet per table (header row, then data), formula-safe like ``xlsx_bytes``."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(str(name)[:31])
        for j, col in enumerate(frame.columns, start=1):
            cell = sheet.cell(row=1, column=j)
            _write_text(cell, str(col))
            cell.font = Font(bold=True)
        _write_rows(sheet, frame, first_row=2)
        _fit_columns(sheet, frame)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
    _write_rows(sheet, frame, first_row=header_row + 2)
    _fit_columns(sheet, frame)
    sheet.freeze_panes = sheet.cell(row=header_row + 2, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def chart_config(filename: str, image_format: str = "png") -> dict:
    """Modebar settings of every chart: the camera button saves ``filename``.png (print scale) or .svg; no logo."""
    if image_format not in IMAGE_FORMATS:
        image_format = "png"
    options = {"format": image_format, "filename": safe_filename(filename)}
    if image_format == "png":
        options.update(scale=2)  # print-quality PNG
    return {"toImageButtonOptions": options, "displaylogo": False}


def plotly_config(town: str, indicator: str, image_format: str = "png", date: str | None = None) -> dict:
    """The camera button saves ``{town}_{indicator}_{date}.png|svg``."""
    return chart_config(safe_filename(town, indicator, date or today()), image_format)


# plotly renders a subset of HTML in labels, category names and hover text; every string of a figure is cleaned the
# same way (so a category, its position in categoryarray and an annotation anchored on it still match)
_SKIP_KEYS = {"template"}  # plotly's own theme: no data in it, and large


def _inert(value):
    if isinstance(value, str):
        return defuse_chart_markup(value)
    if isinstance(value, dict):
        patch = {}
        for key, item in value.items():
            if key in _SKIP_KEYS:
                continue
            cleaned = _inert(item)
            if cleaned is not item:
                patch[key] = cleaned
        return {**value, **patch} if patch else value
    if isinstance(value, (list, tuple)):
        cleaned = [_inert(item) for item in value]
        return cleaned if any(a is not b for a, b in zip(cleaned, value)) else value
    if hasattr(value, "tolist") and getattr(value, "dtype", None) is not None and value.dtype == object:
        as_list = value.tolist()
        cleaned = _inert(as_list)
        return cleaned if cleaned is not as_list else value
    return value


def inert_figure(fig):
    """The figure with every string free of links and markup other than the house tags (<br>, <b>, <i>, <sup>,
    <sub>, <extra>); changed in place, returned for chaining. Used for every chart the app shows or exports, so an
    uploaded ``<a href=…>`` name stays text on screen, in PNG/SVG and in the report.
    """
    for trace in fig.data:
        plain = trace.to_plotly_json()
        cleaned = _inert(plain)
        if cleaned is not plain:
            trace.update({k: v for k, v in cleaned.items() if v is not plain.get(k)})
    layout = fig.layout.to_plotly_json()
    cleaned = _inert(layout)
    if cleaned is not layout:
        fig.update_layout({k: v for k, v in cleaned.items() if v is not layout.get(k)})
    return fig
