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




def clean_number(value):
    """A number as a reader expects it in a file: no float noise (0.6600000000000037 → 0.66, 69.77000000000001 →
    69.77) and whole numbers as integers (44529.0 → 44529). Anything else is returned unchanged."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "dtype"):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if number != number or number in (float("inf"), float("-inf")):
        return None
    number = float(f"{number:.12g}")
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _clean_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    safe.columns = [defuse_formula(str(c)) for c in safe.columns]
    for col in safe.columns:
        if safe[col].dtype == object:
            # built as object: a map would infer float64 for whole numbers beside an empty cell (85555 → 85555.0)
            safe[col] = pd.Series([defuse_formula(clean_number(v)) if not isinstance(v, str) else defuse_formula(v)
                                   for v in safe[col]], index=safe.index, dtype=object)
        elif pd.api.types.is_float_dtype(safe[col]):
            safe[col] = safe[col].map(clean_number).astype(object)
    return safe


def strip_source_label(source: str) -> str:
    """「出典：…」 / "Source: …" without its label, so a file that adds its own label prints it once."""
    text = (source or "").strip()
    for label in ("出典：", "出典:", "Source:", "Sources:"):
        if text.startswith(label):
            return text[len(label):].strip()
    return text


def csv_bytes(frame: pd.DataFrame, source: str | None = None, units: dict[str, str] | None = None,
              source_label: str = "出典", unit_label: str = "単位") -> bytes:
    """UTF-8 with BOM (Excel then reads Japanese correctly); formula-like text defused; numbers without float noise.
    With ``units`` a units row follows the header; with ``source`` the 出典 line ends the file."""
    safe = _clean_frame(frame)
    lines = [safe.columns.tolist()]
    if units:
        unit_row = [defuse_formula(units.get(c, "")) for c in frame.columns]
        unit_row[0] = unit_row[0] or unit_label
        lines.append(unit_row)
    body = safe.to_csv(index=False, header=False)
    head = pd.DataFrame(lines).to_csv(index=False, header=False)
    tail = ""
    if source:
        tail = "\n" + pd.DataFrame([[f"{source_label}：{strip_source_label(source)}"]]).to_csv(index=False, header=False)
    return (head + body + tail).encode("utf-8-sig")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str) -> str:
    """An Excel sheet name from a title: at most 31 characters, none of [ ] : * ? / \\."""
    return (_SHEET_FORBIDDEN.sub("・", str(title)).strip("' ") or "table")[:31]


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
        if value.isdigit():
            cell.number_format = "@"  # a code (012203) stays text with its leading zero when the sheet is edited


def _write_value(cell, value) -> None:
    """Numbers stay numbers (so they can be summed); every string is stored as text, never as a formula."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return
    if isinstance(value, bool):
        _write_text(cell, "✓" if value else "")
    elif hasattr(value, "item") and not isinstance(value, str):
        cell.value = clean_number(value.item())  # numpy scalar to plain Python number
    elif isinstance(value, (int, float)):
        cell.value = clean_number(value)
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


def _print_setup(sheet, frame: pd.DataFrame, header_row: int) -> None:
    """A4, one page wide (as many pages tall as needed), landscape for wide tables, header and units rows repeated."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if len(frame.columns) > 6 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row + 1}"
    sheet.print_options.gridLines = True


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
        _print_setup(sheet, frame, 1)
        sheet.print_title_rows = "1:1"
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
    _write_text(sheet.cell(row=2, column=1), f"{source_label}：{strip_source_label(source)}")
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
    _print_setup(sheet, frame, header_row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Zoom, pan and box tools are of little use on these small bar, line and spine charts, and on a phone the full
# toolbar (8 buttons, 224 px) covers the legend: only the camera (and Streamlit's full screen) stay.
ZOOM_BUTTONS = ("zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d")


def chart_config(filename: str, image_format: str = "png") -> dict:
    """Modebar settings of every chart: the camera button saves ``filename``.png (print scale) or .svg; no logo."""
    if image_format not in IMAGE_FORMATS:
        image_format = "png"
    options = {"format": image_format, "filename": safe_filename(filename)}
    if image_format == "png":
        options.update(scale=2)  # print-quality PNG
    return {"toImageButtonOptions": options, "displaylogo": False, "modeBarButtonsToRemove": list(ZOOM_BUTTONS)}


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
