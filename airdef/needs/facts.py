"""The structured facts of a projection: threats, assumptions and notes as tables, not sentences."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["assumption_table", "note_table", "threat_table"]

_FACT_COLUMNS = ["topic", "subject", "item", "value", "text", "source"]

#: The model's own assumptions, by item (readers turn each into a sentence).
MODEL_ITEMS = (
    "one_system_per_threat",
    "independent_shots",
    "shared_pk",
    "days_of_supply_at_expected_rate",
    "target_policy",
)


def threat_table(model: Any, launched: np.ndarray, interval: float) -> pd.DataFrame:
    """Launches per class over the horizon: median and interval of the draws (whole numbers)."""
    lo = (1 - interval) / 2
    q = np.quantile(launched, [0.5, lo, 1 - lo], axis=0, method="inverted_cdf")
    t = model.table
    return pd.DataFrame(
        {
            "weapon_class": t["weapon_class"].astype("string"),
            "mean_per_day": t["mean_per_day"].astype(float),
            "censored_days": t.get("censored_days", pd.Series(0, index=t.index)).astype("int64"),
            "launched_median": q[0],
            "launched_low": q[1],
            "launched_high": q[2],
        }
    )


def _fact(topic, subject="", item="", value=math.nan, text="", source="") -> dict[str, Any]:
    return {"topic": topic, "subject": subject, "item": item, "value": float(value),
            "text": text, "source": source}  # fmt: skip


def assumption_table(
    doc: Any, model: Any, rate_basis: dict, prices: Any, year: int
) -> pd.DataFrame:
    """Every assumption of a projection as one row: topic, subject, item, value, text, source."""
    rows = []
    if model.scenario:
        rows.append(_fact("launches", item="scenario", text="fixed launches per week"))
    else:
        rows.append(_fact("launches", item="forecast", text="negative binomial"))
        rows.append(_fact("launches", item="window", value=float((model.end - model.start).days + 1),
                          text=f"{model.start:%Y-%m-%d} to {model.end:%Y-%m-%d}",
                          source=f"{model.source} reports"))  # fmt: skip
        rows.append(_fact("launches", item="blank_rows_censored", value=model.blank_rows))
    if rate_basis["kind"] == "data":
        s, e = rate_basis["start"], rate_basis["end"]
        rows.append(_fact("rates", item="data", value=float((e - s).days + 1),
                          text=f"{s:%Y-%m-%d} to {e:%Y-%m-%d}",
                          source=f"airdef.interception_rates, outcome {rate_basis['outcome']}"))  # fmt: skip
    else:
        rows.append(_fact("rates", item="table", text="rate table passed in"))
    rows.append(_fact("doctrine", item="path", text=doc.path))
    for s in doc.systems.itertuples(index=False):
        rows.append(
            _fact("doctrine", s.name, "unit_cost", s.unit_cost, f"{s.cost_year}", s.cost_source)
        )
        if not math.isnan(s.inventory):
            rows.append(_fact("doctrine", s.name, "inventory", s.inventory, "", s.inventory_source))
    for c in doc.classes.itertuples(index=False):
        if c.ew_share > 0:
            rows.append(_fact("doctrine", c.weapon_class, "ew_share", c.ew_share, "", c.ew_source))
        rows.append(_fact("doctrine", c.weapon_class, "unengaged_share", c.unengaged_share))
    for e in doc.engagements.itertuples(index=False):
        subject = f"{e.weapon_class}/{e.name}"
        rows.append(_fact("doctrine", subject, "share", e.share, "", e.source))
        rows.append(_fact("doctrine", subject, "shots", e.shots, "", e.source))
        if e.looks > 1:
            rows.append(_fact("doctrine", subject, "looks", e.looks, "", e.source))
        if not math.isnan(e.pk_prior):
            rows.append(_fact("doctrine", subject, "pk_prior", e.pk_prior, "", e.source))
    basis = prices.table.set_index("year")
    rows.append(_fact("prices", item="price_year", value=year, text=str(basis.loc[year, "basis"]),
                      source=f"{basis.loc[year, 'source']} ({basis.loc[year, 'url']})"))  # fmt: skip
    from airdef.needs.montecarlo import MAX_ENGAGEMENT_KILL

    for item in MODEL_ITEMS:
        value = MAX_ENGAGEMENT_KILL if item == "target_policy" else math.nan
        rows.append(_fact("model", item=item, value=value))
    return pd.DataFrame(rows, columns=_FACT_COLUMNS)


def note_table(
    d: Any,
    model: Any,
    classes: list[str],
    capped_share: np.ndarray,
    rate: np.ndarray,
) -> pd.DataFrame:
    """Notes of a projection as rows: kind, weapon_class, value (``d``: the DailyCounts or None)."""
    rows = []
    if d is not None:
        for c in d.counts.columns:
            n = int(d.counts[c].sum())
            if c not in classes and n > 0:
                rows.append({"kind": "unengaged_class", "weapon_class": c, "value": float(n)})
    t = model.table.set_index("weapon_class")
    for j, c in enumerate(classes):
        if capped_share[j] > 0:
            rows.append(
                {"kind": "rate_above_doctrine", "weapon_class": c, "value": capped_share[j]}
            )
        if np.isnan(rate[:, j]).all():
            rows.append({"kind": "no_rate", "weapon_class": c, "value": math.nan})
        cens = int(t.loc[c, "censored_days"]) if "censored_days" in t.columns else 0
        if cens:
            rows.append({"kind": "censored_days", "weapon_class": c, "value": float(cens)})
    return pd.DataFrame(rows, columns=["kind", "weapon_class", "value"])
