"""Published claims about interception rates, checked against the data.

A claims file (TOML, see the bundled ``airdef/data/claims.toml``) lists who said
what: the weapon classes, one or more periods, and the rate the source gave for
each. :func:`check_claims` computes airdef's rate and interval for the same classes
and window and gives a verdict per period, and, for a claim of two periods, on the
change between them:

* ``consistent``: the claimed rate lies inside airdef's interval (for a change: the
  interval of the difference excludes zero and has the claimed sign);
* ``not significant``: a claimed change whose difference interval contains zero;
* ``contradicted``: the claimed rate lies outside the interval (for a change: the
  interval excludes zero with the other sign);
* ``too few attacks``: airdef's interval says next to nothing (the rate table's
  ``reliable`` flag: too few effective independent attacks), so the claim can be
  neither confirmed nor contradicted; a change with such a period is the same.
* ``no data``: nothing was launched in the window.

A claim's ``measure`` says what its rate counts: ``intercepted`` (shot down, the
default) or ``neutralized`` (shot down or lost to electronic warfare, the Air Force's
"shot down/suppressed" since August 2025).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.model import StrikeData, event_time

__all__ = ["MAX_CLAIMS_BYTES", "bundled_claims_path", "check_claims", "read_claims"]

#: A claims file larger than this is refused before it is parsed.
MAX_CLAIMS_BYTES = 1_000_000

#: What a claimed rate may count.
MEASURES = ("intercepted", "neutralized")

COLUMNS = [
    "claim", "who", "said_on", "source", "about", "measure", "period", "start", "end", "claimed",
    "attacks", "launched", "intercepted", "rate", "ci_low", "ci_high", "method", "reliable",
    "verdict",
]  # fmt: skip


def bundled_claims_path() -> Path:
    """The bundled, sourced example claims file."""
    return Path(__file__).resolve().parents[1] / "data" / "claims.toml"


def read_claims(path: str | Path) -> list[dict[str, Any]]:
    """The claims of a TOML file, checked: one clear :class:`~airdef.DataError` per problem.

    Examples
    --------
    >>> claims = read_claims(bundled_claims_path())
    >>> claims[0]["who"], [p["rate"] for p in claims[0]["period"]]
    ('The Wall Street Journal', [0.73, 0.46])
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such claims file")
    if path.stat().st_size > MAX_CLAIMS_BYTES:
        raise DataError(f"{path}: claims file larger than {MAX_CLAIMS_BYTES:,} bytes")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not a valid TOML file ({exc})") from None
    claims = raw.get("claim", [])
    if not isinstance(claims, list):
        raise DataError(f"{path}: [[claim]] must be an array of tables")
    for i, claim in enumerate(claims, 1):
        where = f"{path}: claim {i}"
        for key in ("who", "classes", "period"):
            if key not in claim:
                raise DataError(f"{where}: missing '{key}'")
        if not isinstance(claim["classes"], list) or not claim["classes"]:
            raise DataError(f"{where}: 'classes' must be a non-empty list of weapon classes")
        unknown = [c for c in claim["classes"] if c not in WEAPON_CLASSES]
        if unknown:
            raise DataError(
                f"{where}: unknown weapon class {unknown[0]!r}; the classes are "
                + ", ".join(WEAPON_CLASSES)
            )
        if claim.get("measure", "intercepted") not in MEASURES:
            raise DataError(
                f"{where}: 'measure' must be one of {', '.join(MEASURES)}, not {claim['measure']!r}"
            )
        for j, period in enumerate(claim["period"], 1):
            for key in ("start", "end", "rate"):
                if key not in period:
                    raise DataError(f"{where}, period {j}: missing '{key}'")
            rate = period["rate"]
            if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
                raise DataError(
                    f"{where}, period {j}: 'rate' must be between 0 and 1, not {rate!r}"
                )
            try:
                pd.Timestamp(str(period["start"])), pd.Timestamp(str(period["end"]))
            except ValueError:
                raise DataError(f"{where}, period {j}: 'start' and 'end' must be dates") from None
    return claims


def check_claims(
    data: StrikeData, claims: list[dict[str, Any]], *, confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:  # fmt: skip
    """airdef's rate beside each claimed rate, and a verdict (see the module).

    Returns
    -------
    pandas.DataFrame
        One row per claimed period (``period`` its label), then for a claim of two
        periods one row ``period="change"`` whose ``claimed``, ``rate``, ``ci_low``,
        ``ci_high`` are differences (second minus first).
    """
    from airdef.rates import interception_rates
    from airdef.rates.compare import mover_diff

    ev = data.events
    when = event_time(ev)
    rows = []
    for i, claim in enumerate(claims, 1):
        classes = [str(c) for c in claim["classes"]]
        head = {
            "claim": i, "who": claim["who"], "said_on": str(claim.get("said_on", "")),
            "source": claim.get("source", ""), "about": claim.get("about", ", ".join(classes)),
            "measure": claim.get("measure", "intercepted"),
        }  # fmt: skip
        mine = []
        for period in claim["period"]:
            start = pd.Timestamp(str(period["start"]))
            end = pd.Timestamp(str(period["end"])) + pd.Timedelta(days=1)
            inside = ev["weapon_class"].isin(classes).fillna(False) & (when >= start) & (when < end)
            table = interception_rates(ev.loc[inside.fillna(False)], by=[],
                                       outcome=head["measure"],
                                       confidence_level=confidence_level, seed=seed)  # fmt: skip
            r = table.iloc[0] if len(table) else pd.Series(dtype=object)
            launched = r.get("launched", 0)
            row = {
                **head, "period": period.get("label", f"{period['start']} to {period['end']}"),
                "start": start, "end": end - pd.Timedelta(days=1), "claimed": float(period["rate"]),
                **{k: r.get(k, np.nan) for k in ("attacks", "launched", "intercepted", "rate",
                                                 "ci_low", "ci_high", "method")},
                "reliable": bool(r.get("reliable", True)),
            }  # fmt: skip
            if pd.isna(launched) or not launched or pd.isna(row["ci_low"]):
                row["verdict"] = "no data"
            elif not row["reliable"]:
                row["verdict"] = "too few attacks"
            else:
                inside_ci = row["ci_low"] <= row["claimed"] <= row["ci_high"]
                row["verdict"] = "consistent" if inside_ci else "contradicted"
            rows.append(row)
            mine.append(row)
        if len(mine) == 2 and all(m["verdict"] != "no data" for m in mine):
            a, b = mine
            low, high = mover_diff(
                np.array([b["rate"]]), np.array([b["ci_low"]]), np.array([b["ci_high"]]),
                np.array([a["rate"]]), np.array([a["ci_low"]]), np.array([a["ci_high"]]),
            )  # fmt: skip
            claimed = b["claimed"] - a["claimed"]
            low, high = float(low[0]), float(high[0])
            if not (a["reliable"] and b["reliable"]):
                verdict = "too few attacks"
            elif low <= 0 <= high:
                verdict = "not significant"
            else:
                verdict = "consistent" if np.sign(low) == np.sign(claimed) else "contradicted"
            rows.append({
                **head, "period": "change", "start": a["start"], "end": b["end"],
                "claimed": claimed, "attacks": np.nan, "launched": np.nan, "intercepted": np.nan,
                "rate": b["rate"] - a["rate"], "ci_low": low, "ci_high": high,
                "method": "MOVER", "reliable": bool(a["reliable"] and b["reliable"]),
                "verdict": verdict,
            })  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)
