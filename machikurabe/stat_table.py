"""One reader for government statistics tables (統計表): the SSDSE build and the user upload on 比較 both go through it.

What it understands:

* bytes: Shift_JIS/CP932, UTF-8 with or without BOM, UTF-16 (Excel 「Unicode テキスト」, tab-separated); XLSX through
  openpyxl with merged header cells filled across their range.
* several header rows above the data: a title / unit / source row (one cell, or 単位 first), an indicator-code row
  (``A1101``…), a year row (``2020``, ``2020年度``) and the Japanese label row, which names the indicator.
* places keyed by ``R01100`` (SSDSE), a 5-digit code, a 6-digit code whose JIS X 0402 check digit is verified, or
  prefecture + name; 全国 / 合計 rows, prefecture rows and designated-city ward rows are recognised and reported.
* Japanese number notation: full-width digits, ``△ ▲ −`` and ``(5)`` as negatives, ``- … x χ 秘匿`` as a stated status
  (the value is NULL and the status kept: never 0, never an error).

A code is never guessed: a 5-digit code that is not a known place is reported as unknown with its line; it is read
as a 6-digit code that lost its leading zero only when the whole column holds 6-digit codes (a property of the
column, not a guess about one cell). Problems come back as one summary message per kind, in Japanese or English.

No streamlit or plotly here: the build, the upload page and ``python -m machikurabe check-table`` share it.
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from machikurabe.limits import MAX_BYTES, MAX_UPLOAD_MB, SERVER_UPLOAD_MB  # noqa: F401 (re-exported: stat_table.*)

ALLOWED_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")
# Code changes on record (former → current), applied by every reader: 福岡県那珂川町 40305 became 那珂川市 40231
# (2018-10-01); 宮城県富谷町 04423 became 富谷市 04216 (2016-10-10). 栃木県那珂川町 09411 is another place. Details in
# machikurabe/ingest/national.py (CODE_CHANGES), which checks it agrees with these two tables.
RECORDED_CODE_CHANGES = {"40305": "40231", "04423": "04216"}

CODE_HEADERS = {"code", "コード", "団体コード", "自治体コード", "市区町村コード", "地方公共団体コード", "全国地方公共団体コード",
                "地域コード", "area code"}
PREF_HEADERS = {"prefecture", "都道府県", "都道府県名"}
NAME_HEADERS = {"name", "municipality", "place", "団体", "市区町村", "市区町村名", "自治体", "自治体名", "団体名", "名称", "団体名称", "地域名", "市町村名"}
TOTAL_NAMES = {"全国", "合計", "総数", "計", "総計", "全体", "total", "national", "japan", "all japan"}

# a stated status: no number, not an error. Keys are the cell after NFKC and strip.
STATUS_TOKENS = {
    "-": "dash", "‐": "dash", "—": "dash", "―": "dash", "–": "dash", "ー": "dash", "−": "dash",
    "…": "not_available", "...": "not_available", "‥": "not_available", "..": "not_available",
    "x": "confidential", "X": "confidential", "χ": "confidential", "秘匿": "confidential",
    "*": "confidential", "***": "confidential",
}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INDICATOR_CODE = re.compile(r"^[A-Z#]{1,2}\d{2,8}$")
_YEAR = re.compile(r"^((19|20)\d{2})\s*(年度|年|fy)?$", re.IGNORECASE)
# 和暦 years as printed in Japanese tables (令和3年 = 2021); 元年 is year 1
_ERA_YEAR = re.compile(r"^(令和|平成|昭和|R|H|S)\s*(元|\d{1,2})\s*(年度|年)?(\s*\d{1,2}月(\d{1,2}日)?(現在|末)?)?$")
_ERA_BASE = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}
_CHANGE_RATE = re.compile(r"(増減|増加|減少|変化|伸び|change|growth)", re.IGNORECASE)
# 政府統計の表記：「-」は計数のない場合（0）。A file that says so in its notes gets its dashes read as 0 (raw kept).
_DASH_IS_ZERO = re.compile(r"[「\"']?[-－―‐][」\"']?\s*(は|：|:|＝|=)?\s*計数のない")
_TOTAL_PARTS = {"計", "総数", "合計", "総計", "total"}


def parse_year(text) -> int | None:
    """A year cell: 2020, 2020年度, FY2020, 令和3年, 平成28年度 → the western year; None for anything else."""
    cell = norm(text)
    found = _YEAR.match(cell)
    if found:
        return int(found.group(1))
    found = _ERA_YEAR.match(cell)
    if found:
        return _ERA_BASE[found.group(1)] + (1 if found.group(2) == "元" else int(found.group(2)))
    return None
_UNIT_CELL = re.compile(r"^[(（\[]?(人|世帯|%|％|千円|百万円|円|ha|km2|km²|件|校|園|所|か所|箇所|戸|施設|店|館|人口千人当たり|‰)[)）\]]?$")
_PERCENT_HINT = re.compile(r"(%|％|率|割合|pct|percent)", re.IGNORECASE)
_UNIT_IN_LABEL = re.compile(r"[(（\[]\s*(人|世帯|%|％|千円|百万円|円|ha|km2|km²|件|校|所|戸|‰)\s*[)）\]]\s*$")

HEADER_KINDS = {"title": ("表題・出典", "title or source"), "unit": ("単位", "unit"), "code": ("指標コード", "indicator codes"),
                "year": ("年次", "years"), "label": ("項目名", "labels")}


def message(key: str, lang: str = "ja", **fmt) -> str:
    """One reader message in the reader's language (strings in machikurabe/i18n/tables.py, keys table_<key>)."""
    from machikurabe.i18n import t  # here, not at the top: analysis imports this module and must not reach i18n

    return t(f"table_{key}", lang, **fmt)


def examples(items, limit: int = 5, lang: str = "ja") -> str:
    items = [str(i) for i in items]
    more = len(items) - limit
    if lang == "en":
        return ", ".join(items[:limit]) + (f" … (+{more})" if more > 0 else "")
    return "、".join(items[:limit]) + (f" …（+{more}）" if more > 0 else "")


def line_ref(line: int, lang: str) -> str:
    return f"row {line}" if lang == "en" else f"{line}行目"


def norm(text) -> str:
    """NFKC (full-width digits and letters to half-width) and stripped."""
    return unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()


# --- numbers -----------------------------------------------------------------------------------------------------

def parse_number(text) -> tuple[float | None, str | None]:
    """(value, status) of one cell. status: None (a number), 'blank', a STATUS_TOKENS kind, or 'invalid'.

    ``△5`` ``▲5`` ``−5`` ``(5)`` → −5; ``1,234`` → 1234; ``12.5%`` → 12.5; ``-`` ``…`` ``x`` ``χ`` ``秘匿`` → status.
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
        return (value, None) if math.isfinite(value) else (None, "invalid")
    raw = norm(text)
    if raw == "":
        return None, "blank"
    if raw in STATUS_TOKENS:
        return None, STATUS_TOKENS[raw]
    cleaned = raw.replace(",", "").replace(" ", "").replace("\u3000", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    negative = False
    if cleaned[:1] in ("△", "▲", "−", "▵"):
        negative, cleaned = True, cleaned[1:]
    elif len(cleaned) > 2 and cleaned[0] == "(" and cleaned[-1] == ")":
        negative, cleaned = True, cleaned[1:-1]
    if not _NUMBER.match(cleaned):
        return None, "invalid"
    value = float(cleaned)
    if not math.isfinite(value):
        return None, "invalid"
    return (-value if negative else value), None


def parse_block(cells: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Vectorised parse_number over a block of text cells: (float values, status or None), same shape.

    pandas reads the plain numbers in one pass; only the cells it refuses (blank, 1,234, △5, -, x…) or reads as
    inf/nan go through parse_number one by one.
    """
    import numpy as np

    flat = cells.to_numpy(dtype=object).ravel()
    try:
        fast = flat.astype(np.float64)  # float() of every cell in C: the common case of a clean block
    except (ValueError, TypeError):
        fast = pd.to_numeric(pd.Series(flat, dtype=object), errors="coerce").to_numpy(dtype=float)
    status = np.full(flat.shape, None, dtype=object)
    for index in np.flatnonzero(~np.isfinite(fast)):
        value, state = parse_number(flat[index])
        fast[index] = np.nan if value is None else value
        status[index] = state
    shape = cells.shape
    return (pd.DataFrame(fast.reshape(shape), index=cells.index, columns=cells.columns),
            pd.DataFrame(status.reshape(shape), index=cells.index, columns=cells.columns))


# --- codes -------------------------------------------------------------------------------------------------------

def check_digit(code5: str) -> str:
    """The JIS X 0402 check digit: 11 − (Σ digit × 6,5,4,3,2 mod 11), last digit."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2)))
    return str((11 - total % 11) % 10)


def code_form(value) -> str | None:
    """'R' (R01100), '6', '5', '4' (digits) or None for a cell that is not code-shaped."""
    text = norm(value)
    if text.endswith(".0"):
        text = text[:-2]
    if re.fullmatch(r"R\d{5}", text):
        return "R"
    if text.isdigit() and 4 <= len(text) <= 6:
        return str(len(text))
    return None


def normalise_code(value, known_codes=None, six_digit_column: bool = False) -> tuple[str | None, str | None]:
    """(5-digit code, problem) for one key cell. problem: None, 'check_digit' or 'not_a_code'.

    A 4-digit value is a 5-digit code that lost its leading zero (no code has 4 digits, so this is no guess). A 5-digit
    value is read as a 6-digit code that lost its leading zero only in a column of 6-digit codes.
    """
    text = norm(value)
    if text.endswith(".0"):
        text = text[:-2]
    if re.fullmatch(r"R\d{5}", text):
        return text[1:], None
    if not text.isdigit():
        return None, "not_a_code"
    if len(text) == 5 and six_digit_column:
        text = "0" + text
    if len(text) == 6:
        if check_digit(text[:5]) != text[5]:
            return None, "check_digit"
        return text[:5], None
    if len(text) == 5:
        return text, None
    if len(text) == 4:
        return "0" + text, None
    return None, "not_a_code"


def _wards_by_code(wards: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """Designated-city wards (code → (prefecture, name)), from the database's ``wards`` table, to recognise ward rows."""
    if wards is None or wards.empty:
        return {}
    return {c: (p, n) for c, p, n in zip(wards["code"], wards["prefecture"], wards["name"])}


# --- identity: which place a row names -------------------------------------------------------------------------

# Name changes on record beside the code changes: (prefecture, former name) → current code. A row may carry the
# former code, the former name or both; every key must still point at the one current place.
RECORDED_NAME_CHANGES = {("福岡県", "那珂川町"): "40231", ("宮城県", "富谷町"): "04216",
                         # the same code under a new name: 篠山市 → 丹波篠山市 (2019-05-01; SSDSE-A 2018–2020 print 篠山市)
                         ("兵庫県", "篠山市"): "28221"}
# Subtotal rows of statistics tables: counties (郡), Hokkaido's subprefectures (振興局・支庁), 市部・郡部 sums.
_SUBTOTAL_NAME = re.compile(r"(郡|総合振興局|振興局|支庁|市部|郡部|町村部|区部)$")
# Spellings that published tables use for the same name (JIS variants, small ヶ); applied to both sides.
_NAME_VARIANTS = str.maketrans({"ヶ": "ケ", "ヵ": "カ", "ゞ": "ゝ", "鯵": "鰺", "桧": "檜", "髙": "高", "﨑": "崎",
                                "舘": "館", "籠": "篭", "冨": "富", "德": "徳", "槇": "槙", "祓": "祓", "曽": "曾", "檮": "梼"})  # 檮原町 (SSDSE-A) = 梼原町

_FOOTNOTE = re.compile(r"^(出典|資料|注|備考|（注）|\(注\)|※|source|sources|note|notes)\s*[:：）)]?", re.IGNORECASE)
REFUSED_KINDS = ("note", "conflict", "ambiguous", "subtotal", "unknown", "total", "ward")


def name_key(text) -> str:
    """A name as compared: NFKC, no spaces, small ヶ as ケ and common JIS variants folded."""
    # ★ marks the chosen place in the app's own tables; romanised names compare without case
    return re.sub(r"\s+", "", norm(text)).lstrip("★☆").translate(_NAME_VARIANTS).lower()


@dataclass(frozen=True)
class Placement:
    code: str | None       # the place the row's values go on, or None
    kind: str              # place | prefecture | total | ward | subtotal | conflict | ambiguous | unknown
    readings: tuple = ()   # the places the code cell can name (for the message of a refused row)
    changed_from: str | None = None  # a former code on record the row carried


def code_readings(value) -> tuple[list[str], str | None]:
    """Every 5-digit code a code cell can stand for, and a problem ('check_digit', 'not_a_code') when none.

    A 6-digit cell must pass its check digit. A 5-digit cell is a 5-digit code, and also a 6-digit code that lost its
    leading zero when ``0`` + the cell passes the check digit (Excel turns 012203 into 12203): both are kept, the
    row's names decide. A 4-digit cell is a 5-digit code that lost its zero (no code has 4 digits).
    """
    text = norm(value)
    if text.endswith(".0"):
        text = text[:-2]
    if re.fullmatch(r"R\d{5}", text):
        return [text[1:]], None
    if not text.isdigit():
        return [], "not_a_code"
    if len(text) == 6:
        return ([text[:5]], None) if check_digit(text[:5]) == text[5] else ([], "check_digit")
    if len(text) == 5:
        readings = [text]
        six = "0" + text
        if text[0] != "0" and check_digit(six[:5]) == six[5]:  # a lost zero: the cell itself never starts with 0
            readings.append(six[:5])
        return readings, None
    if len(text) == 4:
        return ["0" + text], None
    return [], "not_a_code"


class PlaceResolver:
    """Resolves a row's place from every key it carries: code, prefecture name, municipality name."""

    def __init__(self, places: pd.DataFrame, wards: dict[str, tuple[str, str]], former_codes: dict[str, str]):
        self.known = set(places["code"])
        self.kinds = dict(zip(places["code"], places["kind"]))
        self.names = dict(zip(places["code"], places["name"]))
        self.prefecture_of = dict(zip(places["code"], places["prefecture"]))
        self.wards = wards
        self.former_codes = dict(former_codes)
        self.prefectures = {name_key(p): c for p, c, k in zip(places["prefecture"], places["code"], places["kind"])
                            if k == "prefecture"}
        self.by_name: dict[tuple[str, str], set[str]] = {}
        self.by_bare_name: dict[str, set[str]] = {}
        for code, pref, name in zip(places["code"], places["prefecture"], places["name"]):
            self._add_name(pref, name, code)
        if "name_romaji" in places.columns:
            # the app's English tables print romanised names (Sapporo City, Hokkaido): a re-upload resolves by them too
            from machikurabe.i18n.prefectures import PREFECTURES_EN  # here: i18n imports this module

            for code, pref, romaji in zip(places["code"], places["prefecture"], places["name_romaji"]):
                if isinstance(romaji, str) and romaji:
                    self._add_name(PREFECTURES_EN.get(pref, pref), romaji, code)
            for pref, english in PREFECTURES_EN.items():
                if name_key(pref) in self.prefectures:
                    self.prefectures[name_key(english)] = self.prefectures[name_key(pref)]
        for (pref, name), code in RECORDED_NAME_CHANGES.items():
            if code in self.known:
                self._add_name(pref, name, code)
        self.ward_names = {(name_key(p), name_key(n)): c for c, (p, n) in wards.items()}
        self.ward_bare = {name_key(n) for _, n in wards.values()}

    def _add_name(self, pref, name, code) -> None:
        self.by_name.setdefault((name_key(pref), name_key(name)), set()).add(code)
        self.by_bare_name.setdefault(name_key(name), set()).add(code)

    def _current(self, code: str) -> str:
        return self.former_codes[code] if code in self.former_codes and code not in self.known else code

    def resolve(self, code_cell: str | None, pref_text: str | None, name_text: str | None) -> tuple[Placement, str | None]:
        """(placement, problem) for one row; ``None`` for a key column the table does not have."""
        pref, name = name_key(pref_text or ""), name_key(name_text or "")
        if pref and name.startswith(pref) and len(name) > len(pref):
            name = name[len(pref):]  # 「北海道札幌市」 in the name column
        if pref.lower() in TOTAL_NAMES or name.lower() in TOTAL_NAMES:
            return Placement(None, "total"), None
        code_text = norm(code_cell or "")
        readings, problem = code_readings(code_text) if code_text else ([], None)
        if code_text and any(r in ("00000", "00001") for r in readings) and len(readings) == 1:
            return Placement(None, "total"), None
        if code_text and not readings and code_text.lower() in TOTAL_NAMES:
            return Placement(None, "total"), None
        # what the names say
        named: set[str] | None = None   # None: the row carries no name
        if pref or name:
            if name and (pref, name) in self.ward_names or (not pref and name in self.ward_bare):
                return Placement(None, "ward"), None
            if name and _SUBTOTAL_NAME.search(name) and not self._names(pref, name):
                return Placement(None, "subtotal"), None
            named = self._names(pref, name)
        changed = {r: self._current(r) for r in readings}
        current = list(dict.fromkeys(changed.values()))
        former = next((r for r, c in changed.items() if r != c), None)
        if code_text:
            if not readings:
                return Placement(None, "unknown"), problem
            if named is not None:
                agree = [c for c in current if c in named]
                if len(agree) == 1:
                    code = agree[0]
                    return Placement(code, self._kind(code), tuple(current),
                                     former if changed.get(former) == code else None), None
                if any(c in self.wards for c in current) and not named:
                    return Placement(None, "ward", tuple(current)), None
                return Placement(None, "conflict", tuple(current)), None
            if len(current) > 1:
                return Placement(None, "ambiguous", tuple(current)), None
            code = current[0]
            if code in self.wards:
                return Placement(None, "ward", (code,)), None
            if code in self.known:
                return Placement(code, self._kind(code), (code,), former), None
            return Placement(None, "unknown", (code,)), None
        if not named:
            return Placement(None, "unknown"), None
        if len(named) > 1:
            return Placement(None, "ambiguous", tuple(sorted(named))), None
        code = next(iter(named))
        return Placement(code, self._kind(code), (code,)), None

    def _names(self, pref: str, name: str) -> set[str]:
        """The places a prefecture and/or municipality name can be (empty when they name none)."""
        if pref and name:
            if name == pref and pref in self.prefectures:
                return {self.prefectures[pref]}
            return set(self.by_name.get((pref, name), set()))
        if pref:
            return {self.prefectures[pref]} if pref in self.prefectures else set()
        found = set(self.by_bare_name.get(name, set()))
        if name in self.prefectures:
            found.add(self.prefectures[name])
        return found

    def _kind(self, code: str) -> str:
        return "prefecture" if self.kinds.get(code) == "prefecture" else "place"

    def describe(self, code: str) -> str:
        if code in self.names:
            pref, name = self.prefecture_of[code], self.names[code]
            return name if pref == name else f"{pref}{name}"
        if code in self.wards:
            return "".join(self.wards[code])
        return code


# --- reading bytes into a grid -------------------------------------------------------------------------------------

@dataclass
class Issue:
    level: str   # error (nothing can be added) | warning (rows or cells left out) | info
    key: str
    text: str


@dataclass
class Indicator:
    column: int                 # position in the grid
    name: str                   # the Japanese label (or the code, or the column letter)
    code: str | None = None     # from an indicator-code row
    year: int | None = None     # from a year row
    unit: str = ""
    percent: bool = False


@dataclass
class RowInfo:
    line: int                   # 1-based line (CSV) or row (XLSX) of the file
    key: str                    # the key cells as printed
    code: str | None            # the place its values go on, or None (refused)
    kind: str                   # place | prefecture, or a refused kind: total | ward | subtotal | conflict | ambiguous | unknown
    readings: tuple = ()        # the places its code cell can name, in words (for the message of a refused row)
    problem: str | None = None  # check_digit | not_a_code, for an unknown code


@dataclass
class StatTable:
    encoding: str | None = None
    header_kinds: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    rows: list[RowInfo] = field(default_factory=list)
    values: pd.DataFrame | None = None    # one float column per indicator (by position), one row per data row
    status: pd.DataFrame | None = None    # same shape: None, 'blank', a status kind or 'invalid'
    cells: pd.DataFrame | None = None     # same shape: the text as read
    issues: list[Issue] = field(default_factory=list)
    raw: pd.DataFrame | None = None       # the grid under its label row, for a preview
    code_changes: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, former, current, key)
    dash_is_zero: bool = False            # the file's notes define 「-」 as 計数のない場合 (read as 0)

    def add(self, level: str, key: str, lang: str, **fmt) -> None:
        self.issues.append(Issue(level, key, message(key, lang, **fmt)))

    @property
    def readable(self) -> bool:
        return not any(i.level == "error" for i in self.issues)

    def matched_codes(self) -> list[str | None]:
        return [r.code if r.kind in ("place", "prefecture") else None for r in self.rows]


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding name) or (None, None). UTF-16 by BOM or by NUL bytes; UTF-8 (BOM or not); then CP932."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            return None, None
    if b"\x00" in data[:400] and len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "Shift_JIS (CP932)"
    except UnicodeDecodeError:
        return None, None


def grid_from_text(text: str) -> list[list[str]]:
    head = text[:4000]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def grid_from_xlsx(data: bytes) -> list[list[str]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheet = book.worksheets[0]
    fills = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                fills[(r, c)] = value
    grid = []
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            value = fills.get((r, c), value)
            if value is None:
                cells.append("")
            elif isinstance(value, float) and value.is_integer():
                cells.append(str(int(value)))
            else:
                cells.append(str(value))
        grid.append(cells)
    return grid


# --- the table ---------------------------------------------------------------------------------------------------

def _header_kind(cells: list[str], value_columns: list[int]) -> str:
    values = [norm(cells[c]) for c in value_columns if c < len(cells) and norm(cells[c])]
    first = next((norm(c) for c in cells if norm(c)), "")
    if len(values) == 0 or (len([c for c in cells if norm(c)]) <= 1 and len(value_columns) > 1):
        return "title"
    if re.match(r"^(単位|unit)", first, re.IGNORECASE) or sum(bool(_UNIT_CELL.match(v)) for v in values) * 2 > len(values):
        return "unit"
    if sum(bool(_INDICATOR_CODE.match(v)) for v in values) * 2 > len(values):
        return "code"
    if sum(parse_year(v) is not None for v in values) * 2 > len(values):
        return "year"
    if sum(parse_number(v)[1] is None for v in values) * 2 > len(values):
        return "numbers"  # a total row above the first coded row: data, not a heading
    return "label"


def read_stat_table(file_name: str, data: bytes, places: pd.DataFrame, lang: str = "ja",
                    check_size: bool = True, former_codes: dict[str, str] | None = None,
                    wards: pd.DataFrame | None = None) -> StatTable:
    """Read and validate a statistics table. ``places``: code, prefecture, name, kind (prefectures as PP000);
    ``wards``: designated-city wards (code, prefecture, name), recognised and reported, never matched to a town.

    ``former_codes``: a code on record as changed (40305 那珂川町 → 40231 那珂川市) → the current code; such rows are
    read as the current place and listed in ``table.code_changes`` and a message.

    Never raises on bad input: every problem becomes an Issue in ``table.issues``.
    """
    table = StatTable()
    if check_size and len(data) > MAX_BYTES:
        table.add("error", "too_big", lang, size=len(data) / 1024 / 1024, limit=MAX_UPLOAD_MB)
        return table
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        table.add("error", "wrong_type", lang, suffix=suffix or "?")
        return table
    if len(data) == 0:
        table.add("error", "empty_file", lang)
        return table
    try:
        if suffix == ".xlsx":
            grid = grid_from_xlsx(data)
            table.encoding = "xlsx"
        else:
            text, table.encoding = decode(data)
            if text is None:
                table.add("error", "bad_encoding", lang)
                return table
            grid = grid_from_text(text)
    except Exception as exc:  # a broken zip, an XLSX without sheets, NUL bytes in a CSV...
        table.add("error", "unreadable", lang, reason=type(exc).__name__)
        return table
    _parse_grid(table, grid, places, lang, RECORDED_CODE_CHANGES if former_codes is None else former_codes,
                _wards_by_code(wards))
    return table


def _parse_grid(table: StatTable, grid: list[list[str]], places: pd.DataFrame, lang: str,
                former_codes: dict[str, str], wards: dict[str, tuple[str, str]]) -> None:
    # cells are kept as read (value cells are stripped by the number parser; key and header cells where used)
    lines = [(i + 1, row) for i, row in enumerate(grid) if any(c.strip() for c in row)]
    if not lines:
        table.add("error", "empty", lang)
        return
    width = max(len(row) for _, row in lines)
    lines = [(n, row if len(row) == width else row + [""] * (width - len(row))) for n, row in lines]
    prefectures = set(places["prefecture"].dropna())

    # key columns, from the look of the cells in the first four columns
    sample = lines if len(lines) <= 400 else lines[:: len(lines) // 400 + 1]

    def share(col, test):
        return sum(1 for _, row in sample if test(row[col])) / len(sample)

    known = set(places["code"])
    keyable = known | set(wards) | {"00000"}

    def looks_like_code(value) -> bool:
        # a known code, not just code-shaped: a column of 5- or 6-digit counts is not a key column
        code, _ = normalise_code(value)
        return code in keyable or (code is not None and code_form(value) == "R")

    # a header cell naming the key wins; otherwise the leftmost of the first four columns that looks like one
    header_names = {norm(v).lower(): c for _, row in lines[:6] for c, v in enumerate(row) if norm(v)}
    code_col = next((header_names[n.lower()] for n in CODE_HEADERS if n.lower() in header_names), None)
    pref_col = next((header_names[n.lower()] for n in PREF_HEADERS if n.lower() in header_names), None)
    candidates = range(min(4, width))
    if code_col is None:
        code_col = next((c for c in candidates if c != pref_col and share(c, looks_like_code) >= 0.3), None)
    if pref_col is None:
        pref_col = next((c for c in candidates if c != code_col and share(c, lambda v: norm(v) in prefectures) >= 0.3),
                        None)
    name_col = None
    for name in NAME_HEADERS:
        if name.lower() in header_names:
            name_col = header_names[name.lower()]
            break
    if name_col is None and pref_col is not None and pref_col + 1 < width and pref_col + 1 != code_col:
        # the column after the prefecture names the place only when it holds words, never a column of numbers
        if share(pref_col + 1, lambda v: bool(norm(v)) and parse_number(v)[1] == "invalid") >= 0.5:
            name_col = pref_col + 1
    if code_col is None and (pref_col is None or name_col is None):
        table.add("error", "no_key", lang)
        return
    key_cols = [c for c in (code_col, pref_col, name_col) if c is not None]
    value_columns = [c for c in range(width) if c not in key_cols]

    def is_data(row):
        if code_col is not None and code_form(row[code_col]) is not None:
            return True
        if code_col is None and pref_col is not None:
            return norm(row[pref_col]) in prefectures or norm(row[pref_col]).lower() in TOTAL_NAMES
        return False

    start = next((i for i, (_, row) in enumerate(lines) if is_data(row)
                  or _header_kind(row, value_columns) == "numbers"), None)
    if start is None:
        # a header only: everything below the first row (if any) is taken as data that names nothing
        start = 1 if code_col is not None or pref_col is not None else len(lines)
        if start >= len(lines):
            table.add("error", "empty", lang)
            return
    header, body = lines[:start], lines[start:]
    kinds = [_header_kind(row, value_columns) for _, row in header]
    table.header_kinds = kinds
    labels = [row for (_, row), k in zip(header, kinds) if k == "label"]
    codes_row = next((row for (_, row), k in zip(header, kinds) if k == "code"), None)
    years_row = next((row for (_, row), k in zip(header, kinds) if k == "year"), None)
    unit_row = next((row for (_, row), k in zip(header, kinds) if k == "unit"), None)
    for c in value_columns:
        parts = []
        for row in labels:
            cell = row[c].strip()
            if cell and cell not in parts:
                parts.append(cell)
        # a 計 / 総数 sub-heading under a named column adds nothing to its name (人口 計 is 人口)
        named = [p for p in parts if norm(p).lower() not in _TOTAL_PARTS]
        label = " ".join(named or parts)
        code = norm(codes_row[c]) if codes_row and _INDICATOR_CODE.match(norm(codes_row[c])) else None
        year = parse_year(years_row[c]) if years_row else None
        unit = norm(unit_row[c]).strip("()（）[]") if unit_row and c < len(unit_row) else ""
        found = _UNIT_IN_LABEL.search(norm(label))
        if found and (not unit or unit == ("%" if found.group(1) == "％" else found.group(1))):
            # the unit printed in the label becomes the unit, once: 増減数（人） is 増減数 in 人
            unit = found.group(1)
            label = norm(label)[:found.start()].rstrip() or label
        name = label or code or f"#{c + 1}"
        percent = bool(_PERCENT_HINT.search(name)) or unit in ("%", "％")
        table.indicators.append(Indicator(c, name, code, year, "%" if unit == "％" else unit, percent))
    if len(header) > 1:
        kind_names = [HEADER_KINDS[k][0 if lang != "en" else 1] for k in dict.fromkeys(kinds)]
        table.add("info", "header_rows", lang, n=len(header), kinds=examples(kind_names, limit=9, lang=lang))
    if table.encoding not in (None, "xlsx"):
        table.add("info", "encoding_used", lang, encoding=table.encoding)
    if not body:
        table.add("error", "empty", lang)
        return

    # places: every key a row carries must agree on one place (code readings × names), or the row is refused
    resolver = PlaceResolver(places, wards, former_codes)
    names_by_code = resolver.names
    for line, row in body:
        key_text = " ".join(row[c].strip() for c in key_cols if row[c].strip())
        filled = [c.strip() for c in row if c.strip()]
        if len(filled) == 1 and _FOOTNOTE.match(norm(filled[0])):
            table.rows.append(RowInfo(line, filled[0], None, "note"))
            continue
        placement, problem = resolver.resolve(row[code_col] if code_col is not None else None,
                                              row[pref_col] if pref_col is not None else None,
                                              row[name_col] if name_col is not None else None)
        if placement.changed_from:
            table.code_changes.append((line, placement.changed_from, placement.code, key_text))
        table.rows.append(RowInfo(line, key_text, placement.code, placement.kind,
                                  tuple(resolver.describe(c) for c in placement.readings), problem))

    import numpy as np

    grid_block = np.array([row for _, row in body], dtype=object).reshape(len(body), width)
    frame = pd.DataFrame(grid_block[:, [ind.column for ind in table.indicators]],
                         columns=range(len(table.indicators)), dtype=object)
    table.cells = frame
    table.values, table.status = parse_block(frame)
    if any(_DASH_IS_ZERO.search(norm(cell)) for _, row in lines for cell in row if "計数" in cell):
        # the file defines 「-」 as 計数のない場合: those cells are 0, with their status and raw text kept
        dashes = table.status == "dash"
        table.values = table.values.mask(dashes, 0.0)
        table.status = table.status.mask(dashes, "dash_zero")
        table.dash_is_zero = True
    table.raw = pd.DataFrame(grid_block, columns=_unique_columns(
        [(labels[-1][c] if labels else "") or f"#{c + 1}" for c in range(width)]))
    _report_rows(table, names_by_code, lang)


def _unique_columns(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            out.append(f"{name} ({seen[name]})")
        else:
            seen[name] = 0
            out.append(name)
    return out


def _report_rows(table: StatTable, names_by_code: dict, lang: str) -> None:
    by_kind: dict[str, list[RowInfo]] = {}
    for row in table.rows:
        by_kind.setdefault(row.kind, []).append(row)

    def refused(rows, with_readings=False):
        out = []
        for r in rows:
            note = ""
            if r.problem == "check_digit":
                note = "、検査数字が合わない" if lang != "en" else ", check digit does not match"
            elif with_readings and r.readings:
                read = examples(r.readings, limit=3, lang=lang)
                note = f"、コードは{read}" if lang != "en" else f", the code reads as {read}"
            out.append(f"{r.key}（{line_ref(r.line, lang)}{note}）" if lang != "en"
                       else f"{r.key} ({line_ref(r.line, lang)}{note})")
        return examples(out, limit=len(out), lang=lang)  # every refused row, by its line: none left unnamed

    # refused rows first: they are what the user must see before adding anything
    if by_kind.get("conflict"):
        table.add("warning", "conflict_rows", lang, n=len(by_kind["conflict"]), items=refused(by_kind["conflict"], True))
    if by_kind.get("ambiguous"):
        table.add("warning", "ambiguous_rows", lang, n=len(by_kind["ambiguous"]),
                  items=refused(by_kind["ambiguous"], True))
    if by_kind.get("unknown"):
        table.add("warning", "unknown_bodies", lang, n=len(by_kind["unknown"]), items=refused(by_kind["unknown"]))
    if by_kind.get("subtotal"):
        table.add("info", "subtotal_rows", lang, n=len(by_kind["subtotal"]), items=refused(by_kind["subtotal"]))
    if by_kind.get("note"):
        table.add("info", "note_rows", lang, n=len(by_kind["note"]), items=refused(by_kind["note"]))
    if by_kind.get("total"):
        table.add("info", "total_rows", lang, n=len(by_kind["total"]), items=refused(by_kind["total"]))
    if by_kind.get("ward"):
        table.add("info", "ward_rows", lang, n=len(by_kind["ward"]), items=refused(by_kind["ward"]))
    if table.code_changes:
        table.add("info", "former_codes", lang, n=len(table.code_changes), items=examples(
            (f"{old} → {new}（{line_ref(line, lang)}）" if lang != "en" else f"{old} → {new} ({line_ref(line, lang)})"
             for line, old, new, _ in table.code_changes), lang=lang))
    if by_kind.get("prefecture"):
        table.add("info", "prefecture_rows", lang, n=len(by_kind["prefecture"]))
    codes = [r.code for r in table.rows if r.kind in ("place", "prefecture")]
    seen, dups = set(), []
    for code in codes:
        if code in seen and code not in dups:
            dups.append(code)
        seen.add(code)
    if dups:
        table.add("warning", "duplicates", lang,
                  items=examples((f"{names_by_code.get(c, c)}（{c}）" for c in dups), lang=lang))


def cell_problems(table: StatTable, lang: str, is_formula_like=None) -> None:
    """One summary message per kind for the value cells: non-numeric, status, formula-like, out of 0–100."""
    if table.values is None:
        return
    non_numeric, statuses, formulas, outside, empty, zeros = [], [], [], [], [], []
    lines = [r.line for r in table.rows]
    for i, ind in enumerate(table.indicators):
        status = table.status[i]
        cells = table.cells[i]
        if (status == "blank").all():
            empty.append(ind.name)
            continue
        for j in status.index[status.notna() & (status != "blank")]:
            where = f"「{ind.name}」{line_ref(lines[j], lang)}" if lang != "en" else f"“{ind.name}” {line_ref(lines[j], lang)}"
            text = f"{cells[j]}（{where}）" if lang != "en" else f"{cells[j]} ({where})"
            if status[j] == "dash_zero":
                zeros.append(text)
            elif status[j] == "invalid":
                if is_formula_like is not None and is_formula_like(cells[j]):
                    formulas.append(text)
                else:
                    non_numeric.append(text)
            else:
                statuses.append(text)
        if ind.percent and not _CHANGE_RATE.search(ind.name):  # a rate of change (増減率) may be below 0 or above 100
            values = table.values[i]
            for j in values.index[(values < 0) | (values > 100)]:
                where = f"「{ind.name}」{line_ref(lines[j], lang)}" if lang != "en" else f"“{ind.name}” {line_ref(lines[j], lang)}"
                outside.append(f"{cells[j]}（{where}）" if lang != "en" else f"{cells[j]} ({where})")
    if formulas:
        table.add("warning", "formula_like", lang, n=len(formulas), items=examples(formulas, lang=lang))
    if non_numeric:
        table.add("warning", "non_numeric", lang, n=len(non_numeric), items=examples(non_numeric, lang=lang))
    if statuses:
        table.add("info", "status_cells", lang, n=len(statuses), items=examples(statuses, lang=lang))
    if zeros:
        table.add("info", "dash_zero", lang, n=len(zeros), items=examples(zeros, lang=lang))
    if outside:
        table.add("info", "out_of_range", lang, n=len(outside), items=examples(outside, lang=lang))
    if empty:
        table.add("warning", "empty_column", lang, items=examples(empty, lang=lang))


def long_values(table: StatTable) -> pd.DataFrame:
    """Matched rows as long form: code, indicator (code or name), year, value, status (None for a number), line."""
    if table.values is None:
        return pd.DataFrame(columns=["code", "indicator", "year", "value", "status", "line"])
    return pd.DataFrame(long_arrays(table))


def long_arrays(table: StatTable) -> dict:
    """long_values as a dict of numpy arrays (matched rows only): cheap to concatenate over many files."""
    import numpy as np

    n_rows, n_ind = table.values.shape
    codes = np.array(table.matched_codes(), dtype=object)
    keep = np.tile(np.array([c is not None for c in codes], dtype=bool), n_ind)
    return {
        "code": np.tile(codes, n_ind)[keep],
        "indicator": np.repeat(np.array([ind.code or ind.name for ind in table.indicators], dtype=object), n_rows)[keep],
        "year": np.repeat(np.array([ind.year for ind in table.indicators], dtype=object), n_rows)[keep],
        "value": table.values.to_numpy(dtype=float).ravel(order="F")[keep],
        "status": table.status.to_numpy(dtype=object).ravel(order="F")[keep],
        "line": np.tile(np.array([r.line for r in table.rows], dtype=np.int64), n_ind)[keep],
    }


def report(table: StatTable) -> dict:
    """The check-table report: places_matched, indicators (name, unit, values code → number), unknown_rows, messages."""
    codes = table.matched_codes()
    indicators = []
    for i, ind in enumerate(table.indicators):
        values = {}
        if table.values is not None:
            for code, value in zip(codes, table.values[i]):
                if code is not None and not pd.isna(value):
                    values[code] = float(value)
        indicators.append({"name": ind.name, "unit": ind.unit, "values": values})
    return {
        "places_matched": len({c for c in codes if c is not None}),
        "indicators": indicators,
        "unknown_rows": [{"line": r.line, "key": r.key} for r in table.rows if r.kind == "unknown"],
        "messages": [i.text for i in table.issues],
    }
