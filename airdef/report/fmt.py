"""How numbers read in the report: one function per kind, shared by templates, findings and tests.

Every number in the report passes through one of these, so a test can format a
value from :func:`airdef.interception_rates` and find exactly that text in the
HTML or PDF. Missing values print as an en dash.

Examples
--------
>>> pct(0.750663), pct_ci(0.740110, 0.763421), count(101862)
('75.1%', '74.0–76.3%', '101,862')
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = [
    "MISSING",
    "class_name",
    "class_title",
    "count",
    "listing",
    "plural",
    "date",
    "is_missing",
    "money",
    "number",
    "odds_ratio",
    "pct",
    "pct_ci",
    "pp",
    "pp_ci",
    "pvalue",
]

#: What a missing value prints as.
MISSING = "–"

#: Weapon classes as a reader says them.
CLASS_NAMES: dict[str, str] = {
    "strike_drone": "strike drones",
    "recon_drone": "reconnaissance drones",
    "cruise_missile": "cruise missiles",
    "ballistic_missile": "ballistic missiles",
    "anti_aircraft_missile": "anti-aircraft missiles",
    "guided_bomb": "guided bombs",
    "unknown": "unknown types",
    "mixed": "mixed rows",
}


def is_missing(value: Any) -> bool:
    """True for None, NA, NaT and NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def pct(value: Any, digits: int = 1) -> str:
    """A proportion as a percentage.

    Examples
    --------
    >>> pct(0.4370), pct(1.0), pct(float("nan"))
    ('43.7%', '100.0%', '–')
    """
    if is_missing(value):
        return MISSING
    return f"{100 * float(value):.{digits}f}%"


def pct_ci(low: Any, high: Any, digits: int = 1) -> str:
    """An interval of proportions, ``low–high%``.

    Examples
    --------
    >>> pct_ci(0.3046, 0.5888)
    '30.5–58.9%'
    """
    if is_missing(low) or is_missing(high):
        return MISSING
    return f"{100 * float(low):.{digits}f}–{100 * float(high):.{digits}f}%"


def pp(value: Any, digits: int = 1) -> str:
    """A difference of proportions in percentage points, always signed.

    Examples
    --------
    >>> pp(0.059477), pp(-0.0482), pp(0.0)
    ('+5.9 pp', '−4.8 pp', '0.0 pp')
    """
    if is_missing(value):
        return MISSING
    v = 100 * float(value)
    if round(v, digits) == 0:
        return f"{0:.{digits}f} pp"
    sign = "+" if v > 0 else "−"
    return f"{sign}{abs(v):.{digits}f} pp"


def pp_ci(low: Any, high: Any, digits: int = 1) -> str:
    """An interval of differences in percentage points.

    Examples
    --------
    >>> pp_ci(0.031287, 0.110111)
    '+3.1 to +11.0 pp'
    """
    if is_missing(low) or is_missing(high):
        return MISSING
    return f"{pp(low, digits)[:-3]} to {pp(high, digits)}"


def count(value: Any) -> str:
    """A whole number with thousands separators.

    Examples
    --------
    >>> count(3770), count(pd.NA)
    ('3,770', '–')
    """
    if is_missing(value):
        return MISSING
    return f"{round(float(value)):,}"


def number(value: Any, digits: int = 1) -> str:
    """A real number with thousands separators and ``digits`` decimals.

    Examples
    --------
    >>> number(1724.4), number(float("inf"))
    ('1,724.4', '∞')
    """
    if is_missing(value):
        return MISSING
    v = float(value)
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return f"{v:,.{digits}f}"


def money(value: Any) -> str:
    """An amount in millions with one decimal (table headers name the currency).

    Examples
    --------
    >>> money(431806050.0), money(18500.0), money(0.0)
    ('431.8', '<0.1', '0.0')
    """
    if is_missing(value):
        return MISSING
    v = float(value) / 1e6
    if 0 < v < 0.05:
        return "<0.1"
    return f"{v:,.1f}"


def odds_ratio(value: Any) -> str:
    """An odds ratio with two decimals (three significant digits when large).

    Examples
    --------
    >>> odds_ratio(1.6865), odds_ratio(67.31), odds_ratio(2811577.0)
    ('1.69', '67.3', '2.8e+06')
    """
    if is_missing(value):
        return MISSING
    v = float(value)
    if v >= 1000:
        return f"{v:.1e}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def pvalue(value: Any) -> str:
    """A p-value: three decimals, or ``<0.001``.

    Examples
    --------
    >>> pvalue(0.0966), pvalue(6.2e-30)
    ('0.097', '<0.001')
    """
    if is_missing(value):
        return MISSING
    v = float(value)
    return "<0.001" if v < 0.001 else f"{v:.3f}"


def date(value: Any, fmt: str = "%Y-%m-%d") -> str:
    """A date (or time, with another ``fmt``).

    Examples
    --------
    >>> date(pd.Timestamp("2026-06-07 08:30")), date(None)
    ('2026-06-07', '–')
    """
    if is_missing(value):
        return MISSING
    return pd.Timestamp(value).strftime(fmt)


def class_name(value: Any) -> str:
    """A weapon class as a reader says it; other text unchanged.

    Examples
    --------
    >>> class_name("strike_drone"), class_name("Kalibr")
    ('strike drones', 'Kalibr')
    """
    if is_missing(value):
        return MISSING
    return CLASS_NAMES.get(str(value), str(value))


def class_title(value: Any) -> str:
    """A weapon class as a table cell or heading says it.

    Examples
    --------
    >>> class_title("anti_aircraft_missile")
    'Anti-aircraft missiles'
    """
    text = class_name(value)
    return text[:1].upper() + text[1:] if str(value) in CLASS_NAMES else text


def listing(items: list[str]) -> str:
    """Words joined as a sentence lists them.

    Examples
    --------
    >>> listing(["Kalibr"]), listing(["a", "b"]), listing(["a", "b", "c"])
    ('Kalibr', 'a and b', 'a, b and c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: Any, word: str, many: str | None = None) -> str:
    """``n`` and a noun that agrees with it.

    Examples
    --------
    >>> plural(1, "row"), plural(1200, "row"), plural(2, "carries", "carry")
    ('1 row', '1,200 rows', '2 carry')
    """
    one = round(float(n)) == 1
    return f"{count(n)} {word if one else (many or word + 's')}"
