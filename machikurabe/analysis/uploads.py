"""Bring-your-own indicators: an uploaded CSV/XLSX goes through machikurabe.stat_table (the same reader as the
SSDSE build): rows keyed to places by 5- or 6-digit code, R01100 or prefecture + name, never a guessed code; one
summary message per problem kind in the user's language.

Accepted indicators live only in ``st.session_state["user_indicators"]`` for the session, never in the DuckDB file:
    {"values": DataFrame(code, user_1, user_2, ...), "meta": {"user_1": {"name": "...", "unit": "%"}, ...},
     "file_name": "..."}
Other pages (map, spine) merge ``values`` on ``code`` and label columns with ``meta``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from machikurabe import stat_table
from machikurabe.safe_text import is_formula_like

MAX_UPLOAD_MB = stat_table.MAX_UPLOAD_MB
MAX_BYTES = stat_table.MAX_BYTES  # one limit (stat_table.MAX_UPLOAD_MB); the server's cap is a little above it
ALLOWED_SUFFIXES = stat_table.ALLOWED_SUFFIXES
SESSION_KEY = "user_indicators"
CODE_HEADERS, PREF_HEADERS, NAME_HEADERS = stat_table.CODE_HEADERS, stat_table.PREF_HEADERS, stat_table.NAME_HEADERS
check_digit = stat_table.check_digit


def message(key: str, lang: str = "ja", **fmt) -> str:
    return stat_table.message(key, lang, **fmt)


Issue = stat_table.Issue


@dataclass
class UploadResult:
    raw: pd.DataFrame | None = None              # as read, every cell as text, for the preview
    values: pd.DataFrame | None = None            # code + one float column per accepted indicator
    meta: dict[str, dict] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    encoding: str | None = None
    table: stat_table.StatTable | None = None     # the reader's full result (header rows, rows, statuses)

    @property
    def ok(self) -> bool:
        return self.values is not None and not any(i.level == "error" for i in self.issues)

    def add(self, level: str, key: str, lang: str, **fmt) -> None:
        self.issues.append(Issue(level, key, message(key, lang, **fmt)))

    def as_session_value(self, file_name: str) -> dict:
        return {"values": self.values, "meta": self.meta, "file_name": file_name}


def normalise_code(value, known_codes: set[str] | None = None) -> str | None:
    """A 5-digit code from a 5-digit, 6-digit (check digit verified) or R01100 cell; None when it is not one.

    Never guessed: a 5-digit value is a 5-digit code (it is read as a 6-digit code that lost its leading zero only
    for a whole column of 6-digit codes, in machikurabe.stat_table); a 4-digit value lost its leading zero.
    """
    code, _problem = stat_table.normalise_code(value)
    return code


def load_upload(file_name: str, data: bytes, bodies: pd.DataFrame, lang: str = "ja",
                key_prefix: str = "user_", wards: pd.DataFrame | None = None) -> UploadResult:
    """Read and validate through machikurabe.stat_table; ``bodies`` are the places rows can key to
    (code, prefecture, name, kind: on the page, all 1,741 municipalities and 47 prefectures of ``places``)."""
    keys = [c for c in ("code", "prefecture", "name", "kind", "name_romaji") if c in bodies.columns]
    table = stat_table.read_stat_table(file_name, data, bodies[keys], lang, wards=wards)
    stat_table.cell_problems(table, lang, is_formula_like=is_formula_like)
    result = UploadResult(raw=table.raw, issues=list(table.issues), table=table,
                          encoding=table.encoding if table.encoding != "xlsx" else "xlsx")
    if not table.readable or table.values is None:
        return result
    codes = pd.Series(table.matched_codes(), dtype=object)
    counts = codes.value_counts()
    keep = codes.notna() & ~codes.isin(set(counts[counts > 1].index))
    values = pd.DataFrame({"code": codes[keep]})
    meta = {}
    for i, indicator in enumerate(table.indicators):
        numeric = table.values[i]
        stated = table.status[i][keep].isin(["dash", "dash_zero", "not_available", "confidential"])
        if numeric[keep].notna().sum() == 0 and not stated.any():
            continue  # a column with neither a number nor a stated mark is no indicator
        key = f"{key_prefix}{len(meta) + 1}"
        values[key] = numeric[keep]
        statuses = table.status[i][keep]
        meta[key] = {"name": indicator.name, "unit": "%" if indicator.percent else indicator.unit,
                     "year": indicator.year,
                     # as many decimals as the file's own numbers carry: 18134 stays 18,134, 12.25 stays 12.25
                     "decimals": file_decimals(numeric[keep]),
                     # why a place has no number (or a 0 read from 「-」), by code: dash_zero, not_available, confidential…
                     "status": {c: s for c, s in zip(codes[keep], statuses) if s not in (None, "blank")},
                     # how many places the file covers: ranks and medians are "among the uploaded places" below all
                     "places": int(numeric[keep].notna().sum())}
    if not meta:
        result.add("error", "no_numeric_column", lang)
        return result
    result.values = values.reset_index(drop=True)
    result.meta = meta
    result.add("info", "accepted", lang, rows=len(values), n=len(meta),
               names=stat_table.examples((m["name"] for m in meta.values()), lang=lang))
    return result


def file_decimals(values: pd.Series, most: int = 4) -> int:
    """The fewest decimals (at most ``most``) that show every number of the column as the file has it."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    for decimals in range(most + 1):
        if ((numbers - numbers.round(decimals)).abs() < 1e-9 * numbers.abs().clip(lower=1)).all():
            return decimals
    return most


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
