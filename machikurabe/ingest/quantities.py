"""Turn a basic-info cell as printed in the source (「2, 596 (人)」, 「39.0. (%)」, 「約 70 (%)」) into a number.

Every correction or doubt comes back as a `Finding` with a stable rule id, so the build can store it in
`data_quality` next to the raw text; nothing is fixed silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Rule ids, stable: the README's normalisation table and the data_quality.rule column use them.
MISSING_EMPTY = "missing_empty"
MISSING_NOT_TALLIED = "missing_not_tallied"  # 未集計
MISSING_UNKNOWN = "missing_unknown"  # 不明
MISSING_DASH = "missing_dash"  # - or —
APPROXIMATE = "approximate"  # 約
TRAILING_PERIOD = "trailing_period"  # 39.0.
FOOTNOTE_MARK = "footnote_mark"  # ※16
DATE_NOTE = "date_note"  # H31.4.1 現在, (R1/7 現在)
PER_MILLE_CONVERTED = "per_mille_converted"  # labelled ‰
PER_MILLE_LABELLED_PERCENT = "per_mille_labelled_percent"  # labelled % but > 6
FRACTION_LABELLED_PERCENT = "fraction_labelled_percent"  # labelled % but < 0.01
UNPARSED = "unparsed"
OUT_OF_RANGE = "out_of_range"
EXTRA_TEXT = "extra_text"

# Above this a printed "%" receipt rate cannot be a percentage: the highest municipal rate in Japan is about 6 %
# (大阪市 ~5 %, 釧路市 4.92 % in this very source), so 28.66 (%) for 墨田区 is 28.66 ‰ = 2.866 %.
WELFARE_PERCENT_MAX = 6.0
# Below this a printed "%" is a fraction: 鴨川市 prints 0.00831 (%), i.e. 0.831 %.
WELFARE_PERCENT_MIN = 0.01

_TAG = re.compile(r"<[^>]+>")
_DATE_NOTE = re.compile(
    r"[(]?\s*(?:[HR]\s*\d+|令和\s*\S+?|平成\s*\S+?|R元)[\d./年月日\s]*現在\s*[)]?"
)
_NUMBER = re.compile(r"(\d{1,3}(?:\s*,\s*\d{3})+|\d+)(\.\d+)?(\.(?!\d))?")
_UNIT = re.compile(r"\(\s*([^()]*?)\s*\)|(%|‰)")
_DASHES = {"-", "—", "–", "ー", "―", "‐", "−"}


@dataclass
class Finding:
    rule: str
    note: str = ""


@dataclass
class Parsed:
    raw: str
    value: float | None
    unit: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]


def normalise_text(raw: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), tags removed, whitespace folded."""
    text = unicodedata.normalize("NFKC", raw)
    text = _TAG.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _unit_of(text: str) -> str | None:
    for match in _UNIT.finditer(text):
        unit = (match.group(1) or match.group(2) or "").replace(" ", "")
        if unit:
            # NFKC turns ㎡ into m2 and ² stays: both spellings mean km².
            return {"km²": "km2", "km2": "km2"}.get(unit, unit)
    return None


def parse_quantity(raw: str) -> Parsed:
    """Parse one printed cell; the value is None when the cell holds no number, with a finding saying why."""
    text = normalise_text(raw or "")
    findings: list[Finding] = []
    dates = [m.group(0).strip() for m in _DATE_NOTE.finditer(text)]
    if dates:
        findings.append(Finding(DATE_NOTE, "; ".join(dates)))
        text = _DATE_NOTE.sub(" ", text).strip()
    unit = _unit_of(text)
    body = _UNIT.sub(" ", text).strip()
    if "※" in body:
        findings.append(Finding(FOOTNOTE_MARK, "a ※ note mark is printed with the number"))
        body = body.replace("※", " ").strip()
    if "約" in body:
        findings.append(Finding(APPROXIMATE, "printed as approximate (約)"))
        body = body.replace("約", " ").strip()
    match = _NUMBER.search(body)
    if match is None:
        if body == "":
            findings.append(Finding(MISSING_EMPTY, "cell printed without a value"))
        elif "未集計" in body:
            findings.append(Finding(MISSING_NOT_TALLIED, "printed 未集計 (not tallied)"))
        elif "不明" in body:
            findings.append(Finding(MISSING_UNKNOWN, "printed 不明 (unknown)"))
        elif body.strip(" ") in _DASHES or set(body.replace(" ", "")) <= _DASHES:
            findings.append(Finding(MISSING_DASH, f"printed {body!r} (no value)"))
        else:
            findings.append(Finding(UNPARSED, f"no number in {body!r}"))
        return Parsed(raw, None, unit, findings)
    integer_part = re.sub(r"[\s,]", "", match.group(1))
    if len(integer_part) > 15:  # beyond a double's exact digits: no printed statistic is this long
        findings.append(Finding(UNPARSED, f"a {len(integer_part)}-digit number cannot be a printed statistic"))
        return Parsed(raw, None, unit, findings)
    value = float(integer_part + (match.group(2) or ""))
    if match.group(3):
        findings.append(Finding(TRAILING_PERIOD, "a stray period follows the number"))
    rest = (body[: match.start()] + " " + body[match.end():]).strip(" .")
    if rest:
        findings.append(Finding(EXTRA_TEXT, f"text printed beside the number: {rest!r}"))
    if unit is None and text.rstrip().endswith("%"):
        unit = "%"
    return Parsed(raw, value, unit, findings)


def welfare_rate_percent(parsed: Parsed) -> Parsed:
    """Put a 生活保護受給率 into percent, recording which reading of the printed unit was applied."""
    if parsed.value is None:
        return parsed
    value = parsed.value
    findings = list(parsed.findings)
    if parsed.unit == "‰":
        findings.append(Finding(PER_MILLE_CONVERTED, f"printed {value:g} ‰, stored {value / 10:g} %"))
        value = value / 10
    elif value > WELFARE_PERCENT_MAX:
        findings.append(
            Finding(
                PER_MILLE_LABELLED_PERCENT,
                f"printed {value:g} % but no municipality exceeds ~{WELFARE_PERCENT_MAX:g} %: read as ‰, stored {value / 10:g} %",
            )
        )
        value = value / 10
    elif 0 < value < WELFARE_PERCENT_MIN:
        findings.append(
            Finding(
                FRACTION_LABELLED_PERCENT,
                f"printed {value:g} % — a fraction, not a percentage: stored {value * 100:g} %",
            )
        )
        value = value * 100
    return Parsed(parsed.raw, round(value, 6), "%", findings)
