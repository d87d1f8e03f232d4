"""``project_needs``: the projection as a DataFrame with ``attrs``, kept for existing callers.

Deprecated: call :func:`airdef.needs.project`, which returns a
:class:`~airdef.needs.result.NeedsProjection` with the threats, kill
probabilities, assumptions and notes as structured fields. This module turns
those fields back into the text lists that ``DataFrame.attrs`` carried before,
so that callers written for that shape keep running until they move.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from airdef.needs.montecarlo import project
from airdef.needs.result import NeedsProjection

__all__ = ["project_needs"]


def project_needs(data: Any = None, **kwargs: Any) -> pd.DataFrame:
    """:func:`airdef.needs.project` as its ``table`` with the old ``attrs`` (deprecated).

    Takes the arguments of :func:`~airdef.needs.project`. ``attrs`` holds
    ``assumptions`` and ``notes`` (lists of text), ``doctrine`` (path),
    ``currency``, ``price_year``, ``horizon_days``, ``draws``, ``seed``,
    ``interval``, ``target_rate``, ``threats`` and ``pk`` (lists of records).

    Examples
    --------
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> out = project_needs(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7)
    >>> out.attrs["horizon_days"], out.attrs["assumptions"][0][:30]
    (7, 'launches: a scenario, fixed la')
    """
    result = project(data, **kwargs)
    table = result.table.copy()
    table.attrs.update(
        doctrine=result.doctrine.path,
        currency=result.currency,
        price_year=result.price_year,
        horizon_days=result.horizon_days,
        draws=result.draws,
        seed=result.seed,
        interval=result.interval,
        target_rate=result.target_rate,
        assumptions=_assumption_lines(result),
        notes=_note_lines(result),
        threats=result.threats.to_dict("records"),
        pk=result.pk.to_dict("records"),
    )
    return table


def _assumption_lines(r: NeedsProjection) -> list[str]:
    a = r.assumptions
    first = a[a["topic"] == "launches"].iloc[0]
    if first["item"] == "scenario":
        launches = "launches: a scenario, fixed launches per week (no count uncertainty)"
    else:
        w = a[(a["topic"] == "launches") & (a["item"] == "window")].iloc[0]
        launches = (
            f"launches: negative-binomial forecast from the {w['value']:.0f} days {w['text']} "
            f"({w['source']}); a day with no report counts as a day without launches"
        )
    rates = a[a["topic"] == "rates"].iloc[0]
    if rates["item"] == "data":
        rate = (
            f"interception rates: {rates['source']!s} by weapon class over {rates['text']}; "
            "each rate is drawn from a Beta matched to its interval in every draw"
        )
    else:
        rate = "interception rates: the rate table passed in, intervals carried into every draw"
    lines = [launches, rate, *r.doctrine.assumptions()]
    y = a[a["item"] == "price_year"].iloc[0]
    lines.append(f"costs in {y['value']:.0f} money, moved by the price index: {y['source']}")
    lines += [
        "model: each threat is engaged by one system at most; engagements are multinomial "
        "counts and kills binomial counts per salvo, shots independent",
        "model: the systems of a class share one per-shot kill probability (or the doctrine's "
        "pk_prior ratios), solved from the class's observed interception rate in every draw",
        "model: days of supply are the inventory divided by the expected shots per day of "
        "each draw, so they do not depend on the horizon",
    ]
    return lines


def _note_lines(r: NeedsProjection) -> list[str]:
    out = []
    for n in r.notes.itertuples(index=False):
        if n.kind == "unengaged_class":
            out.append(
                f"{n.weapon_class}: {n.value:,.0f} launched in the window, but the doctrine "
                "engages no system against this class, so it adds no interceptor needs"
            )
        elif n.kind == "rate_above_doctrine":
            how = f"{n.value:.0%}" if n.value >= 0.005 else "under 1%"
            out.append(
                f"{n.weapon_class}: in {how} of draws the interception rate is above what the "
                "doctrine can explain; per-shot kill probability capped at 1 there"
            )
        elif n.kind == "no_rate":
            out.append(
                f"{n.weapon_class}: no interception rate in the data, so no kill probability: "
                "its shoot-look-shoot and target needs are blank and left out of the totals"
            )
        elif n.kind == "censored_days" and not math.isnan(n.value):
            out.append(
                f"{n.weapon_class}: {n.value:.0f} day(s) with a blank launched count, read as "
                "at least the intercepted count"
            )
    return out
