"""Change of a national indicator between two years, per municipality, for 地図's change map: the numbers, the
diverging classes symmetric around 0 and their counts. No wording here (ui/choropleth and i18n/maps word it).

* ``diff``: later minus earlier in the indicator's unit (for a % rate that is percentage points);
* ``pct``: (later − earlier) ÷ earlier × 100, offered for counts and amounts only (indicators summed over places,
  national_indicators.aggregate = 'sum'); not computed where the earlier value is 0.

Classes are by the size of the change as printed: one class for no change (0 as printed) in the middle, then on each
side 0 < |change| < b, b ≤ |change| < c and |change| ≥ c, where b and c are the terciles of the non-zero |changes|
rounded to two significant figures. The same b and c bound both sides, so the scale is symmetric around 0 by
construction; a side with fewer places simply shows smaller counts.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from machikurabe.analysis.formatting import is_missing

MODES = ("diff", "pct")
PCT_DECIMALS = 1
# status of a place's change
OK, MISSING, ZERO_BASE = "ok", "missing", "zero_base"


def percent_allowed(meta: dict) -> bool:
    """Percent change makes sense for counts and amounts (summed over places), not for rates and shares."""
    return str(meta.get("aggregate") or "") == "sum"


def modes_for(meta: dict) -> list[str]:
    return ["diff", "pct"] if percent_allowed(meta) else ["diff"]


def decimals_for(mode: str, indicator_decimals: int) -> int:
    return PCT_DECIMALS if mode == "pct" else int(indicator_decimals)


def changes(earlier: pd.Series, later: pd.Series) -> pd.DataFrame:
    """Per row: ``diff`` (later − earlier), ``pct`` ((later − earlier) ÷ earlier × 100, NaN where earlier is 0) and
    ``status``: ok, missing (either year without a value) or zero_base (a value in both years, earlier 0: no pct)."""
    a = pd.to_numeric(earlier, errors="coerce").astype(float)
    b = pd.to_numeric(later, errors="coerce").astype(float)
    diff = b - a
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(a != 0, diff / a * 100.0, np.nan)
    status = np.where(diff.isna(), MISSING, np.where(a == 0, ZERO_BASE, OK))
    return pd.DataFrame({"diff": diff.to_numpy(), "pct": pct, "status": status}, index=earlier.index)


def _shown(value: float, decimals: int) -> float:
    """The value as printed (rounded to ``decimals``), so a class agrees with the legend text."""
    shown = float(f"{float(value):.{decimals}f}")
    return 0.0 if shown == 0 else shown  # no -0.0


def _two_figures(value: float) -> float:
    """Rounded to two significant figures (2.47 → 2.5, 1,879 → 1,900), a readable class break."""
    if value <= 0:
        return 0.0
    digits = 1 - int(math.floor(math.log10(value)))
    return round(value, digits)


def magnitudes(values, decimals: int) -> list[float]:
    """The class breaks b < c of the size of the change (see the module docstring): terciles of the non-zero
    |change| as printed, two significant figures, rounded to the printed decimals. b is at least two printed units,
    so the innermost class (0 < |change| < b) can hold a value; [] when nothing changed, [b] when b and c meet."""
    step = 10.0 ** -decimals
    shown = [abs(_shown(v, decimals)) for v in values if not is_missing(v)]
    nonzero = np.asarray([v for v in shown if v > 0], dtype=float)
    if nonzero.size == 0:
        return []
    q1, q2 = np.quantile(nonzero, [1 / 3, 2 / 3])
    b = max(_shown(_two_figures(q1), decimals), 2 * step)
    c = _shown(_two_figures(q2), decimals)
    if c <= b:
        return [round(b, decimals)]
    return [round(b, decimals), round(c, decimals)]


def breaks(mags: list[float]) -> list[float]:
    """The class bounds on the number line, symmetric around 0: [-c, -b, 0, b, c]."""
    return [-m for m in reversed(mags)] + [0.0] + list(mags)


def class_count(mags: list[float]) -> int:
    """Classes of the scale: no change in the middle and len(mags) + 1 on each side."""
    return 2 * (len(mags) + 1) + 1 if mags else 1


def centre(mags: list[float]) -> int:
    return len(mags) + 1 if mags else 0


def class_of(value, mags: list[float], decimals: int) -> int | None:
    """0-based class of a change: the middle class for no change as printed; on each side the number of breaks at
    or under |change| (b belongs to the class above it, -b to the one below -b), mirrored. None when missing."""
    if is_missing(value):
        return None
    shown = _shown(value, decimals)
    mid = centre(mags)
    if shown == 0 or not mags:
        return mid
    level = int(np.searchsorted(np.asarray(mags), abs(shown), side="right"))
    return mid + (level + 1) * (1 if shown > 0 else -1)


def classify(values, decimals: int) -> tuple[list[float], list[int | None], list[int]]:
    """Breaks (magnitudes), the class of each value and the number of values in each class."""
    values = list(values)
    mags = magnitudes(values, decimals)
    classes = [class_of(v, mags, decimals) for v in values]
    counts = [0] * class_count(mags)
    for cls in classes:
        if cls is not None:
            counts[cls] += 1
    return mags, classes, counts
