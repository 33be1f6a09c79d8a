"""Bring-your-own indicators: read an uploaded CSV/XLSX (UTF-8, UTF-8 with BOM, Shift_JIS/CP932), match its rows
to bodies by 5- or 6-digit code or by prefecture + name, and report every problem in the user's language.

Accepted indicators live only in ``st.session_state["user_indicators"]`` for the session, never in the DuckDB file:
    {"values": DataFrame(code, user_1, user_2, ...), "meta": {"user_1": {"name": "...", "unit": "%"}, ...},
     "file_name": "..."}
Other pages (map, spine) merge ``values`` on ``code`` and label columns with ``meta``.
"""
from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from machikurabe.safe_text import is_formula_like

MAX_BYTES = 20 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")
ENCODINGS = ("utf-8-sig", "cp932")  # utf-8-sig reads plain UTF-8 too; cp932 is Shift_JIS plus Windows' extras
SESSION_KEY = "user_indicators"

CODE_HEADERS = {"code", "コード", "団体コード", "自治体コード", "市区町村コード", "地方公共団体コード", "全国地方公共団体コード"}
PREF_HEADERS = {"prefecture", "都道府県", "都道府県名"}
NAME_HEADERS = {"name", "municipality", "市区町村", "市区町村名", "自治体", "自治体名", "団体名"}
_PERCENT_HINT = re.compile(r"(%|％|率|割合|pct|percent)", re.IGNORECASE)

MESSAGES = {
    "too_big": {"ja": "ファイルが大きすぎます（{size:.1f}MB）。上限は20MBです。",
                "en": "The file is too large ({size:.1f} MB). The limit is 20 MB."},
    "wrong_type": {"ja": "対応していない形式です（{suffix}）。CSVまたはExcel（.xlsx）を選んでください。",
                   "en": "Unsupported file type ({suffix}). Choose a CSV or Excel (.xlsx) file."},
    "bad_encoding": {"ja": "文字コードを判別できません。UTF-8またはShift_JISで保存してください。",
                     "en": "Cannot tell the text encoding. Save the file as UTF-8 or Shift_JIS."},
    "unreadable": {"ja": "ファイルを読み込めません（{reason}）。", "en": "Cannot read the file ({reason})."},
    "empty": {"ja": "データの行がありません。", "en": "The file has no data rows."},
    "no_key": {"ja": "団体を特定する列がありません。「コード」（5桁・6桁）の列か、「都道府県」と「市区町村名」の列を入れてください。",
               "en": "No column identifies the bodies. Add a “code” column (5 or 6 digits), or “prefecture” and “name” columns."},
    "encoding_used": {"ja": "文字コード：{encoding}として読み込みました。", "en": "Read as {encoding}."},
    "unknown_bodies": {"ja": "データにない団体が{n}行あります（除外）：{items}",
                       "en": "{n} rows name bodies not in the data (left out): {items}"},
    "duplicates": {"ja": "同じ団体が複数行あります（どちらが正しいか判断できないため除外）：{items}",
                   "en": "Bodies listed more than once (left out, as it is unclear which row is right): {items}"},
    "non_numeric": {"ja": "列「{column}」に数値でないセルが{n}個あります（空欄として扱います）：{items}",
                    "en": "Column “{column}” has {n} non-numeric cells (treated as empty): {items}"},
    "formula_like": {"ja": "列「{column}」に数式のようなセル（=、+、-、@で始まる）が{n}個あります。数式としては扱わず、書き出しでも文字として出力します：{items}",
                     "en": "Column “{column}” has {n} formula-like cells (starting with =, +, -, @). They are not run as "
                           "formulas and are exported as plain text: {items}"},
    "out_of_range": {"ja": "列「{column}」は割合（%）と思われますが、0〜100の範囲外の値が{n}個あります（空欄として扱います）：{items}",
                     "en": "Column “{column}” looks like a percentage but has {n} values outside 0–100 (treated as empty): {items}"},
    "empty_column": {"ja": "列「{column}」は空です（除外）。", "en": "Column “{column}” is empty (left out)."},
    "no_numeric_column": {"ja": "数値の指標の列がありません。", "en": "There is no numeric indicator column."},
    "accepted": {"ja": "{rows}団体・{n}指標を取り込めます：{names}", "en": "{rows} bodies and {n} indicators can be added: {names}"},
}


def message(key: str, lang: str = "ja", **fmt) -> str:
    entry = MESSAGES[key]
    return (entry.get(lang) or entry["ja"]).format(**fmt)


@dataclass
class Issue:
    level: str   # error (nothing can be added) | warning (rows or cells left out) | info
    key: str
    text: str


@dataclass
class UploadResult:
    raw: pd.DataFrame | None = None              # as read, every cell as text, for the preview
    values: pd.DataFrame | None = None            # code + one float column per accepted indicator
    meta: dict[str, dict] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        return self.values is not None and not any(i.level == "error" for i in self.issues)

    def add(self, level: str, key: str, lang: str, **fmt) -> None:
        self.issues.append(Issue(level, key, message(key, lang, **fmt)))

    def as_session_value(self, file_name: str) -> dict:
        return {"values": self.values, "meta": self.meta, "file_name": file_name}


def _examples(items, limit: int = 5, lang: str = "ja") -> str:
    items = [str(i) for i in items]
    more = len(items) - limit
    if lang == "en":
        return ", ".join(items[:limit]) + (f" … (+{more})" if more > 0 else "")
    return "、".join(items[:limit]) + (f" …（+{more}）" if more > 0 else "")


def read_table(file_name: str, data: bytes, lang: str = "ja") -> UploadResult:
    """Every cell as text (so codes keep their leading zeros); checks size, type and encoding."""
    result = UploadResult()
    if len(data) > MAX_BYTES:
        result.add("error", "too_big", lang, size=len(data) / 1024 / 1024)
        return result
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        result.add("error", "wrong_type", lang, suffix=suffix or "?")
        return result
    try:
        if suffix == ".xlsx":
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl")
            result.encoding = "xlsx"
        else:
            text = None
            for encoding in ENCODINGS:
                try:
                    text = data.decode(encoding)
                    result.encoding = "Shift_JIS (CP932)" if encoding == "cp932" else "UTF-8"
                    break
                except UnicodeDecodeError:
                    continue
            if text is None:
                result.add("error", "bad_encoding", lang)
                return result
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    except Exception as exc:  # a broken zip, a CSV with unbalanced quotes...
        result.add("error", "unreadable", lang, reason=type(exc).__name__)
        return result
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.fillna("").map(lambda v: str(v).strip())
    result.raw = frame
    if frame.empty:
        result.add("error", "empty", lang)
    elif result.encoding not in (None, "xlsx"):
        result.add("info", "encoding_used", lang, encoding=result.encoding)
    return result


def _norm(text: str) -> str:
    # full-width digits and letters to half-width, as spreadsheets from Japanese offices often carry them
    return unicodedata.normalize("NFKC", str(text)).strip()


def check_digit(code5: str) -> str:
    """The JIS X 0402 check digit: 11 − (Σ digit × 6,5,4,3,2 mod 11), last digit."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2)))
    return str((11 - total % 11) % 10)


def normalise_code(value, known_codes: set[str]) -> str | None:
    """A 5-digit body code from a 5- or 6-digit code (leading zeros possibly lost by a spreadsheet)."""
    text = _norm(value)
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        return None
    if len(text) == 6 and check_digit(text[:5]) == text[5]:
        return text[:5]
    if len(text) == 5:
        if text in known_codes:
            return text
        padded = "0" + text  # a 6-digit code whose leading zero was dropped
        if check_digit(padded[:5]) == padded[5]:
            return padded[:5]
        return text
    if len(text) == 4:
        return "0" + text  # a 5-digit code whose leading zero was dropped
    return None


def _find_column(columns, names) -> str | None:
    for col in columns:
        if _norm(col).lower() in {n.lower() for n in names}:
            return col
    return None


def _to_number(text: str):
    cleaned = _norm(text).replace(",", "").replace("%", "")
    if cleaned == "":
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return "invalid"
    # "inf", "nan" and 1e400 parse as floats but are no measurement: report them like any other bad cell
    return number if math.isfinite(number) else "invalid"


def validate(result: UploadResult, bodies: pd.DataFrame, lang: str = "ja", key_prefix: str = "user_") -> UploadResult:
    """Match rows to bodies and turn the other columns into numbers, recording every problem in ``issues``."""
    frame = result.raw
    if frame is None or frame.empty or any(i.level == "error" for i in result.issues):
        return result
    known = set(bodies["code"])
    code_col = _find_column(frame.columns, CODE_HEADERS)
    pref_col, name_col = _find_column(frame.columns, PREF_HEADERS), _find_column(frame.columns, NAME_HEADERS)
    if code_col is not None:
        codes = frame[code_col].map(lambda v: normalise_code(v, known))
        labels = frame[code_col]
        key_cols = [code_col] + [c for c in (pref_col, name_col) if c]
    elif pref_col is not None and name_col is not None:
        lookup = {(_norm(p), _norm(n)): c for p, n, c in zip(bodies["prefecture"], bodies["name"], bodies["code"])}
        # a prefecture block is named by its prefecture alone
        lookup.update({(_norm(p), _norm(p)): c for p, c, k in zip(bodies["prefecture"], bodies["code"], bodies["kind"])
                       if k == "prefecture"})
        codes = pd.Series([lookup.get((_norm(p), _norm(n) or _norm(p))) for p, n in zip(frame[pref_col], frame[name_col])],
                          index=frame.index)
        labels = frame[pref_col] + " " + frame[name_col]
        key_cols = [pref_col, name_col]
    else:
        result.add("error", "no_key", lang)
        return result
    unknown = [f"{labels[i]}（{i + 2}行目）" if lang != "en" else f"{labels[i]} (row {i + 2})"
               for i in frame.index if codes[i] not in known]
    if unknown:
        result.add("warning", "unknown_bodies", lang, n=len(unknown), items=_examples(unknown, lang=lang))
    matched = codes.where(codes.isin(known))
    counts = matched.value_counts()
    dup_codes = set(counts[counts > 1].index)
    if dup_codes:
        names = dict(zip(bodies["code"], bodies["name"]))
        result.add("warning", "duplicates", lang, items=_examples((f"{names[c]}（{c}）" for c in sorted(dup_codes)), lang=lang))
    keep = matched.notna() & ~matched.isin(dup_codes)
    values = pd.DataFrame({"code": matched[keep]})
    meta = {}
    for col in [c for c in frame.columns if c not in key_cols]:
        # problems are reported for every row (the user fixes the file); only matched rows become values
        cells = frame[col]
        if (cells == "").all():
            result.add("warning", "empty_column", lang, column=col)
            continue
        formulas = [f"{v}（{i + 2}行目）" if lang != "en" else f"{v} (row {i + 2})"
                    for i, v in frame[col].items() if is_formula_like(v) and _to_number(v) == "invalid"]
        if formulas:
            result.add("warning", "formula_like", lang, column=col, n=len(formulas), items=_examples(formulas, lang=lang))
        numbers = cells.map(_to_number)
        bad = [f"{cells[i]}（{i + 2}行目）" if lang != "en" else f"{cells[i]} (row {i + 2})"
               for i in cells.index if numbers[i] == "invalid" and not is_formula_like(cells[i])]
        if bad:
            result.add("warning", "non_numeric", lang, column=col, n=len(bad), items=_examples(bad, lang=lang))
        numeric = pd.to_numeric(numbers.where(numbers != "invalid"), errors="coerce").astype(float)
        if numeric[keep].notna().sum() == 0:
            result.add("warning", "empty_column", lang, column=col)
            continue
        is_percent = bool(_PERCENT_HINT.search(col))
        if is_percent:
            outside = numeric[(numeric < 0) | (numeric > 100)]
            if not outside.empty:
                items = [f"{cells[i]}（{i + 2}行目）" if lang != "en" else f"{cells[i]} (row {i + 2})" for i in outside.index]
                result.add("warning", "out_of_range", lang, column=col, n=len(outside), items=_examples(items, lang=lang))
                numeric = numeric.where((numeric >= 0) & (numeric <= 100))
        key = f"{key_prefix}{len(meta) + 1}"
        values[key] = numeric[keep]
        meta[key] = {"name": col, "unit": "%" if is_percent else ""}
    if not meta:
        result.add("error", "no_numeric_column", lang)
        return result
    result.values = values.reset_index(drop=True)
    result.meta = meta
    result.add("info", "accepted", lang, rows=len(values), n=len(meta), names=_examples((m["name"] for m in meta.values()), lang=lang))
    return result


def load_upload(file_name: str, data: bytes, bodies: pd.DataFrame, lang: str = "ja") -> UploadResult:
    """Read and validate in one step."""
    return validate(read_table(file_name, data, lang), bodies, lang)


def session_digest(session_value: dict | None) -> str | None:
    """A short fingerprint of the session's uploaded indicators (None without any), for cache keys."""
    if not session_value or session_value.get("values") is None:
        return None
    import hashlib

    payload = session_value["values"].to_csv(index=False) + repr(sorted((session_value.get("meta") or {}).items()))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def merge_user_indicators(bodies: pd.DataFrame, session_value: dict | None) -> tuple[pd.DataFrame, dict]:
    """``bodies`` with the session's uploaded columns joined on code, and their metadata."""
    if not session_value or session_value.get("values") is None:
        return bodies, {}
    values = session_value["values"]
    merged = bodies.merge(values, on="code", how="left")
    return merged, dict(session_value.get("meta") or {})
