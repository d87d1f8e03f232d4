"""Doctrine files: which interceptors engage which threats, how many shots, at what cost.

A doctrine is a TOML file (the bundled one is ``airdef/data/doctrine.toml``; the
file itself documents the format). Every number in it is an **assumption** and
carries its source, or says "illustrative assumption, no public source".
:func:`load_doctrine` reads it with :mod:`tomllib` (data only, nothing is
executed; size and nesting limited by :func:`airdef.io.limits.load_toml`) and checks it; any problem is one :class:`airdef.DataError` naming the
file and the key, e.g.
``doctrine.toml: classes.cruise_missile.systems[2].share: shares for cruise_missile sum to 1.30, above 1``.
List positions (``systems[0]``) count from 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.io.limits import load_toml, parse_toml

__all__ = ["DEFAULT_DOCTRINE", "Doctrine", "load_doctrine"]

#: How the bundled doctrine is named in messages and reports.
DEFAULT_DOCTRINE = "airdef/data/doctrine.toml"

_TOP_KEYS = {"title", "currency", "notes", "systems", "classes"}
_SYSTEM_KEYS = {
    "name": (str, True),
    "unit_cost": ("number", True),
    "cost_year": (int, True),
    "cost_source": (str, True),
    "inventory": ("number", False),
    "inventory_source": (str, False),
    "notes": (str, False),
}
_CLASS_KEYS = {
    "systems": (list, True),
    "ew_share": ("number", False),
    "ew_source": (str, False),
    "notes": (str, False),
}
_ENGAGEMENT_KEYS = {
    "system": (str, True),
    "share": ("number", True),
    "shots": (int, True),
    "looks": (int, False),
    "pk_prior": ("number", False),
    "source": (str, True),
}
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Doctrine:
    """A checked doctrine: who engages what, with how many shots, at what cost.

    Build one with :func:`load_doctrine`.

    Attributes
    ----------
    path : str
        Where it was read from (``airdef/data/doctrine.toml`` for the bundled one).
    title, currency : str
        The file's title and the currency of every cost in it.
    systems : pandas.DataFrame
        One row per interceptor system: ``system`` (its key), ``name``,
        ``unit_cost`` (per shot), ``cost_year``, ``cost_source``, ``inventory``
        (NaN when not given) and ``inventory_source``.
    engagements : pandas.DataFrame
        One row per (threat class, system): ``weapon_class``, ``system``, ``name``,
        ``share`` (of that class's threats this system engages), ``shots`` (per
        salvo), ``looks`` (salvos at most, shoot-look-shoot), ``pk_prior`` (NaN
        when not given) and ``source``. Rows follow ``WEAPON_CLASSES`` order.
    classes : pandas.DataFrame
        One row per threat class the doctrine names: ``weapon_class``,
        ``engaged_share`` (sum of its systems' shares), ``ew_share`` (defeated by
        electronic warfare without interceptors), ``unengaged_share`` (the rest),
        ``ew_source`` and ``notes``.
    notes : str
        The file's general notes.
    """

    path: str
    title: str
    currency: str
    systems: pd.DataFrame = field(repr=False)
    engagements: pd.DataFrame = field(repr=False)
    classes: pd.DataFrame = field(repr=False)
    notes: str = ""

    def assumptions(self) -> list[str]:
        """Every number of the doctrine as one line of text, each with its source.

        Examples
        --------
        >>> lines = load_doctrine().assumptions()
        >>> lines[0]
        'Doctrine airdef/data/doctrine.toml: every number below is an assumption, not a fact.'
        """
        out = [f"Doctrine {self.path}: every number below is an assumption, not a fact."]
        for s in self.systems.itertuples(index=False):
            out.append(
                f"{s.name}: {s.unit_cost:,.0f} {self.currency} per shot ({s.cost_year} prices); "
                f"source: {s.cost_source}"
            )
            if not math.isnan(s.inventory):
                out.append(
                    f"{s.name}: inventory {s.inventory:,.0f} shots; source: {s.inventory_source}"
                )
        for c in self.classes.itertuples(index=False):
            if c.ew_share > 0:
                out.append(
                    f"{c.weapon_class}: {c.ew_share:.0%} defeated by electronic warfare; "
                    f"source: {c.ew_source}"
                )
            out.append(
                f"{c.weapon_class}: {c.unengaged_share:.0%} not engaged by any interceptor "
                "(the remainder of the shares)"
            )
        for e in self.engagements.itertuples(index=False):
            looks = "" if e.looks == 1 else f", up to {e.looks} salvos (shoot-look-shoot)"
            prior = "" if math.isnan(e.pk_prior) else f", prior pk {e.pk_prior:.2f}"
            out.append(
                f"{e.weapon_class}: {e.name} engages {e.share:.0%}, {e.shots} shot(s) per salvo"
                f"{looks}{prior}; source: {e.source}"
            )
        return out


def _bundled_text() -> str:
    return (resources.files("airdef") / "data" / "doctrine.toml").read_text(encoding="utf-8")


def load_doctrine(path: str | Path | None = None) -> Doctrine:
    """Read and check a doctrine TOML file (the bundled one by default).

    Parameters
    ----------
    path : str or Path, optional
        A doctrine file; see ``airdef/data/doctrine.toml`` for the format.

    Returns
    -------
    Doctrine

    Raises
    ------
    airdef.DataError
        One line naming the file and the key: TOML syntax errors, unknown or
        missing keys, values of the wrong type, unknown threat classes or
        systems, shares outside [0, 1] or summing above 1, negative costs.

    Examples
    --------
    >>> doc = load_doctrine()
    >>> doc.currency
    'USD'
    >>> doc.engagements.query("weapon_class == 'ballistic_missile'")[["name", "share", "shots"]]
                       name  share  shots
    17    Patriot PAC-3 MSE   0.25      2
    18  Patriot PAC-2 GEM-T   0.05      2
    19    SAMP/T (Aster 30)   0.05      2
    """
    if path is None:
        name = DEFAULT_DOCTRINE
        raw = parse_toml(_bundled_text(), name)
    else:
        name = str(path)
        raw = load_toml(path)
    return _parse(raw, name)


def _fail(name: str, key: str, problem: str) -> DataError:
    return DataError(f"{name}: {key}: {problem}")


def _check_table(name: str, where: str, table: Any, spec: dict[str, tuple[Any, bool]]) -> None:
    if not isinstance(table, dict):
        raise _fail(name, where, f"must be a table, not {_kind(table)}")
    for key in table:
        if key not in spec:
            raise _fail(
                name, f"{where}.{key}", f"unknown key; valid keys are {', '.join(sorted(spec))}"
            )
    for key, (kind, required) in spec.items():
        if key not in table:
            if required:
                raise _fail(name, f"{where}.{key}", "missing")
            continue
        value = table[key]
        ok = {
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            int: isinstance(value, int) and not isinstance(value, bool),
            str: isinstance(value, str),
            list: isinstance(value, list),
        }[kind]
        if not ok:
            want = {"number": "a number", int: "a whole number", str: "text", list: "a list"}[kind]
            raise _fail(name, f"{where}.{key}", f"must be {want}, not {_kind(value)} {value!r}")
        if kind == "number" and not math.isfinite(value):
            raise _fail(name, f"{where}.{key}", f"must be a finite number, not {value!r}")


def _kind(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _share(name: str, key: str, value: float) -> float:
    if not 0 <= value <= 1:
        raise _fail(name, key, f"must be a share in [0, 1], not {value!r}")
    return float(value)


def _parse(raw: dict[str, Any], name: str) -> Doctrine:
    for key in raw:
        if key not in _TOP_KEYS:
            raise _fail(name, key, f"unknown key; valid keys are {', '.join(sorted(_TOP_KEYS))}")
    for key in ("currency", "systems", "classes"):
        if key not in raw:
            raise _fail(name, key, "missing")
    for key in ("title", "currency", "notes"):
        if key in raw and not isinstance(raw[key], str):
            raise _fail(name, key, f"must be text, not {_kind(raw[key])} {raw[key]!r}")
    if not isinstance(raw["systems"], dict) or not raw["systems"]:
        raise _fail(name, "systems", "must be a table with at least one system")
    if not isinstance(raw["classes"], dict) or not raw["classes"]:
        raise _fail(name, "classes", "must be a table with at least one threat class")

    systems = []
    for key, table in raw["systems"].items():
        where = f"systems.{key}"
        _check_table(name, where, table, _SYSTEM_KEYS)
        if table["unit_cost"] < 0:
            raise _fail(
                name, f"{where}.unit_cost", f"must not be negative, not {table['unit_cost']!r}"
            )
        inventory = table.get("inventory", math.nan)
        if not math.isnan(inventory):
            if inventory < 0:
                raise _fail(name, f"{where}.inventory", f"must not be negative, not {inventory!r}")
            if "inventory_source" not in table:
                raise _fail(name, f"{where}.inventory_source", "missing (required with inventory)")
        systems.append(
            {
                "system": key,
                "name": table["name"],
                "unit_cost": float(table["unit_cost"]),
                "cost_year": int(table["cost_year"]),
                "cost_source": table["cost_source"],
                "inventory": float(inventory),
                "inventory_source": table.get("inventory_source", ""),
            }
        )
    names = {s["system"]: s["name"] for s in systems}

    classes, engagements = [], []
    for weapon_class, table in raw["classes"].items():
        where = f"classes.{weapon_class}"
        if weapon_class not in WEAPON_CLASSES:
            raise _fail(
                name, where, f"unknown threat class; valid classes are {', '.join(WEAPON_CLASSES)}"
            )
        _check_table(name, where, table, _CLASS_KEYS)
        ew = _share(name, f"{where}.ew_share", table.get("ew_share", 0.0))
        if ew > 0 and "ew_source" not in table:
            raise _fail(name, f"{where}.ew_source", "missing (required with ew_share)")
        total = ew
        seen: set[str] = set()
        rows = []
        for i, eng in enumerate(table["systems"]):
            at = f"{where}.systems[{i}]"
            _check_table(name, at, eng, _ENGAGEMENT_KEYS)
            system = eng["system"]
            if system not in names:
                raise _fail(
                    name,
                    f"{at}.system",
                    f"{system!r} is not a system of this doctrine; known systems are "
                    + ", ".join(names),
                )
            if system in seen:
                raise _fail(name, f"{at}.system", f"{system!r} is listed twice for {weapon_class}")
            seen.add(system)
            share = _share(name, f"{at}.share", eng["share"])
            total += share
            if total > 1 + _TOLERANCE:
                with_ew = f" (with ew_share {ew:.2f})" if ew > 0 else ""
                raise _fail(
                    name,
                    f"{at}.share",
                    f"shares for {weapon_class} sum to {total:.2f}{with_ew}, above 1",
                )
            for key in ("shots", "looks"):
                if key in eng and eng[key] < 1:
                    raise _fail(name, f"{at}.{key}", f"must be at least 1, not {eng[key]!r}")
            prior = eng.get("pk_prior", math.nan)
            if not math.isnan(prior) and not 0 < prior < 1:
                raise _fail(
                    name, f"{at}.pk_prior", f"must be strictly between 0 and 1, not {prior!r}"
                )
            rows.append(
                {
                    "weapon_class": weapon_class,
                    "system": system,
                    "name": names[system],
                    "share": share,
                    "shots": int(eng["shots"]),
                    "looks": int(eng.get("looks", 1)),
                    "pk_prior": float(prior),
                    "source": eng["source"],
                }
            )
        priors = [not math.isnan(r["pk_prior"]) for r in rows]
        if any(priors) and not all(priors):
            i = priors.index(False)
            raise _fail(
                name,
                f"{where}.systems[{i}].pk_prior",
                f"missing: give pk_prior for every system of {weapon_class} or for none",
            )
        engaged = sum(r["share"] for r in rows)
        classes.append(
            {
                "weapon_class": weapon_class,
                "engaged_share": engaged,
                "ew_share": ew,
                "unengaged_share": max(0.0, 1.0 - engaged - ew),
                "ew_source": table.get("ew_source", ""),
                "notes": table.get("notes", ""),
            }
        )
        engagements.extend(rows)

    order = {c: i for i, c in enumerate(WEAPON_CLASSES)}
    class_frame = pd.DataFrame(classes)
    class_frame = class_frame.sort_values(
        "weapon_class", key=lambda s: s.map(order), kind="stable"
    ).reset_index(drop=True)
    eng_frame = pd.DataFrame(
        engagements,
        columns=["weapon_class", "system", "name", "share", "shots", "looks", "pk_prior", "source"],
    )
    eng_frame = eng_frame.sort_values(
        "weapon_class", key=lambda s: s.map(order), kind="stable"
    ).reset_index(drop=True)
    return Doctrine(
        path=name,
        title=raw.get("title", ""),
        currency=raw["currency"],
        systems=pd.DataFrame(systems),
        engagements=eng_frame,
        classes=class_frame,
        notes=raw.get("notes", ""),
    )
