"""What the synthetic-data generator simulates: the parameters and the true rates they imply.

:class:`SimulationSpec` gathers every parameter of :func:`airdef.simulate` in one
frozen dataclass; :class:`WeaponSpec` describes one weapon type, :class:`RegionalSpec`
the optional kills-only regional reporter and :class:`CasualtySpec` the casualty
model. :func:`true_rates` lists the true interception rate of each weapon and
period, so that estimates computed from simulated data can be set against the
truth.

The default parameters are round numbers chosen to give data of the same shape
and order of magnitude as the public Air Force reports of 2024-2025 (strike
drones nearly every night in waves of tens to hundreds, growing over time;
combined missile strikes a few times a month; ballistic missiles rarely
intercepted; anti-aircraft missiles fired at ground targets almost never). They
are not estimates of any real quantity.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, fields
from importlib import resources

import numpy as np
import pandas as pd

from airdef.catalog import load_catalog

__all__ = [
    "DEFAULT_WEAPONS",
    "CasualtySpec",
    "RegionalSpec",
    "SimulationSpec",
    "WeaponSpec",
    "true_rates",
]

#: Columns of :func:`true_rates`.
TRUTH_COLUMNS: dict[str, str] = {
    "weapon": "string",
    "weapon_class": "string",
    "period_start": "datetime64[ns]",
    "period_end": "datetime64[ns]",
    "true_rate": "float64",
    "rho": "float64",
    "suppressed_share": "float64",
    "suppressed_folded": "boolean",
    "reported_rate": "float64",
}


def _check_share(name: str, value: float, *, upper_open: bool = False) -> None:
    ok = 0.0 <= value < 1.0 if upper_open else 0.0 <= value <= 1.0
    if not (np.isfinite(value) and ok):
        bound = "[0, 1)" if upper_open else "[0, 1]"
        raise ValueError(f"{name} must be in {bound}, not {value!r}")


@dataclass(frozen=True)
class WeaponSpec:
    """One weapon type of the simulation.

    Parameters
    ----------
    weapon : str
        Canonical name from the weapon catalog (``airdef/data/weapons.csv``); it is
        also the label the synthetic reports use.
    rate : float
        True interception rate: the probability that one launched weapon is
        intercepted, averaged over attacks.
    p_ordinary, p_massive : float
        Probability that the type takes part in an ordinary attack night and in a
        massive combined strike.
    mean_size : float
        Mean number launched per attack night in which the type takes part, at the
        start of the period (at least 1). Sizes are ``1 + NegativeBinomial``.
    dispersion : float
        Negative binomial shape ``k`` of the wave size: variance
        ``mu + mu**2 / k`` for the part above 1. Small ``k`` = very uneven waves.
    growth : float
        Relative growth of ``mean_size`` per year (``1.0`` doubles it in a year);
        the escalation of drone waves.
    rho : float
        Intra-attack correlation of interceptions, in [0, 1). Each attack draws
        its own rate from a Beta distribution with mean ``rate`` and
        ``alpha + beta = 1 / rho - 1``, so that counts are beta-binomial with
        variance ``n p (1 - p) (1 + (n - 1) rho)``. ``rho = 0`` gives plain
        binomial counts.
    rate_after : float, optional
        True rate from ``change_month`` on; the one change of rate the type has.
    change_month : int, optional
        Whole months after the start at which ``rate_after`` takes over (for the
        attacks whose window ends on or after that date). A change after the end
        of the simulated period does not happen.
    suppressed_share : float
        Share of the weapons that were not intercepted that are lost to electronic
        warfare (reported in ``suppressed``); 0 for types that are not jammed,
        whose ``suppressed`` stays blank.
    harm : float
        Expected people killed per weapon that gets through (casualty model).
    launch_places : tuple of str
        Places the reports may name as launch sites (1 to 3 are joined with
        " and ").
    carrier : str, optional
        Launch platform written in ``carrier``.

    Examples
    --------
    >>> w = WeaponSpec("Kalibr", rate=0.8, p_ordinary=0.02, p_massive=0.6, mean_size=6)
    >>> w.rate_at(pd.Timestamp("2025-01-01"), pd.Timestamp("2024-07-01"))
    0.8
    """

    weapon: str
    rate: float
    p_ordinary: float
    p_massive: float
    mean_size: float
    dispersion: float = 3.0
    growth: float = 0.0
    rho: float = 0.15
    rate_after: float | None = None
    change_month: int | None = None
    suppressed_share: float = 0.0
    harm: float = 0.0
    launch_places: tuple[str, ...] = ()
    carrier: str | None = None

    def __post_init__(self) -> None:
        name = f"weapon {self.weapon!r}:"
        for attr in ("rate", "p_ordinary", "p_massive", "suppressed_share"):
            _check_share(f"{name} {attr}", getattr(self, attr))
        _check_share(f"{name} rho", self.rho, upper_open=True)
        if self.rate_after is not None:
            _check_share(f"{name} rate_after", self.rate_after)
        if (self.rate_after is None) != (self.change_month is None):
            raise ValueError(f"{name} give both rate_after and change_month, or neither")
        if self.change_month is not None and self.change_month < 1:
            raise ValueError(f"{name} change_month must be 1 or more, not {self.change_month!r}")
        if not self.mean_size >= 1:
            raise ValueError(f"{name} mean_size must be at least 1, not {self.mean_size!r}")
        if not self.dispersion > 0:
            raise ValueError(f"{name} dispersion must be positive, not {self.dispersion!r}")
        if not self.growth > -1:
            raise ValueError(f"{name} growth must be more than -1, not {self.growth!r}")
        if not self.harm >= 0:
            raise ValueError(f"{name} harm must be 0 or more, not {self.harm!r}")

    def rate_at(self, when: pd.Timestamp, start: pd.Timestamp) -> float:
        """The true rate for an attack whose window ends at ``when``."""
        change = self.change_date(start)
        if change is not None and when >= change:
            return float(self.rate_after)  # type: ignore[arg-type]
        return float(self.rate)

    def change_date(self, start: pd.Timestamp) -> pd.Timestamp | None:
        """The date the rate changes, for a simulation starting at ``start``."""
        if self.change_month is None:
            return None
        return start + pd.DateOffset(months=self.change_month)


def _weapon_specs(text: str) -> tuple[WeaponSpec, ...]:
    """Read weapon specifications from the CSV text of ``synthetic_weapons.csv``.

    Blank optional cells (``rate_after``, ``change_month``, ``carrier``) are
    ``None``; ``launch_places`` lists places separated by ``"; "``.
    """
    optional_float = {"rate_after"}
    specs = []
    for row in csv.DictReader(io.StringIO(text)):
        kwargs: dict[str, object] = {"weapon": row["weapon"]}
        for name in (
            "rate",
            "p_ordinary",
            "p_massive",
            "mean_size",
            "dispersion",
            "growth",
            "rho",
            "suppressed_share",
            "harm",
        ):
            kwargs[name] = float(row[name])
        for name in optional_float:
            kwargs[name] = float(row[name]) if row[name] else None
        kwargs["change_month"] = int(row["change_month"]) if row["change_month"] else None
        kwargs["launch_places"] = tuple(p for p in row["launch_places"].split("; ") if p)
        kwargs["carrier"] = row["carrier"] or None
        specs.append(WeaponSpec(**kwargs))  # type: ignore[arg-type]
    return tuple(specs)


#: The weapon mix of the default simulation, from ``airdef/data/synthetic_weapons.csv``.
DEFAULT_WEAPONS: tuple[WeaponSpec, ...] = _weapon_specs(
    (resources.files("airdef") / "data" / "synthetic_weapons.csv").read_text(encoding="utf-8")
)


@dataclass(frozen=True)
class RegionalSpec:
    """A regional air command that reports only what it shot down.

    Each day, each of ``weapons`` appears in the regional report with its
    probability; its count is ``1 + NegativeBinomial`` with the given mean, and
    ``launched`` is set equal to ``intercepted``, as the real regional commands
    write it. Such rows say nothing about interception rates; they are there so
    that source selection has something to remove.

    Parameters
    ----------
    reporter : str
        The ``reporter`` value of these rows.
    target : str
        The ``target`` value of these rows.
    weapons : tuple of (weapon, probability per day, mean count)
        Front-line drone types the command reports.
    dispersion : float
        Negative binomial shape of the daily counts.
    """

    reporter: str = "synthetic-regional"
    target: str = "south"
    weapons: tuple[tuple[str, float, float], ...] = (
        ("Unknown UAV", 0.45, 25.0),
        ("Lancet", 0.15, 3.0),
        ("Molniya", 0.15, 3.0),
        ("Supercam", 0.10, 2.0),
        ("ZALA", 0.10, 2.0),
    )
    dispersion: float = 2.0

    def __post_init__(self) -> None:
        if not self.reporter.startswith("synthetic"):
            raise ValueError(
                f"reporter must start with 'synthetic' so that the rows stay marked, "
                f"not {self.reporter!r}"
            )
        for weapon, p, mean in self.weapons:
            _check_share(f"regional weapon {weapon!r}: probability", p)
            if not mean >= 1:
                raise ValueError(
                    f"regional weapon {weapon!r}: mean count must be at least 1, not {mean!r}"
                )
        if not self.dispersion > 0:
            raise ValueError(f"regional dispersion must be positive, not {self.dispersion!r}")


@dataclass(frozen=True)
class CasualtySpec:
    """How casualties follow from the weapons that get through.

    For each attack night the expected number killed is
    ``scale * sum(harm * (launched - intercepted - suppressed))`` over its
    weapons. One to ``max_cities`` cities are hit (Kyiv, Kharkiv and Odesa by
    district, one to three districts each); the expectation is shared equally
    among the places, and killed and injured in each are negative binomial with
    shape ``dispersion`` and means ``m`` and ``injured_per_killed * m``. Places
    with nobody killed or injured have no row.

    Parameters
    ----------
    scale : float
        Multiplies every weapon's ``harm``; 0 gives no casualties.
    injured_per_killed : float
        Expected injured per expected killed.
    dispersion : float
        Negative binomial shape of the counts (small = a few attacks with many
        victims, many with none).
    max_cities : int
        Most cities one attack hits.
    """

    scale: float = 1.0
    injured_per_killed: float = 4.0
    dispersion: float = 0.7
    max_cities: int = 3

    def __post_init__(self) -> None:
        if not self.scale >= 0:
            raise ValueError(f"casualty scale must be 0 or more, not {self.scale!r}")
        if not self.injured_per_killed >= 0:
            raise ValueError(
                f"injured_per_killed must be 0 or more, not {self.injured_per_killed!r}"
            )
        if not self.dispersion > 0:
            raise ValueError(f"casualty dispersion must be positive, not {self.dispersion!r}")
        if not 1 <= self.max_cities <= 8:
            raise ValueError(f"max_cities must be between 1 and 8, not {self.max_cities!r}")


@dataclass(frozen=True)
class SimulationSpec:
    """Every parameter of :func:`airdef.simulate`.

    Parameters
    ----------
    start : str
        First report date (``YYYY-MM-DD``). Attack windows run overnight, from
        18:00-20:00 of the evening before to 07:30-09:30 of the report date.
    months : int
        Length of the period in whole months.
    nights_per_week : float
        Mean of the Poisson number of attack nights per week (capped at 7).
    massive_share : float
        Share of attack nights that are massive combined strikes, in which
        missiles take part with ``p_massive`` and waves are larger.
    massive_size_factor : float
        Multiplier of every type's mean wave size on a massive night.
    weapons : tuple of WeaponSpec
        The weapon mix (:data:`DEFAULT_WEAPONS` by default).
    ew_fold_month : int, optional
        Simulates the change of definition seen in the real reports: from this
        many months after the start, drones lost to electronic warfare are
        counted in ``intercepted`` and ``suppressed`` is written as 0. ``None``
        (the default) keeps them apart for the whole period.
    regional : RegionalSpec, optional
        The kills-only regional reporter; ``None`` leaves it out.
    casualties : CasualtySpec
        The casualty model.

    Examples
    --------
    >>> spec = SimulationSpec(months=3)
    >>> spec.start_date, spec.end_date
    (Timestamp('2024-07-01 00:00:00'), Timestamp('2024-10-01 00:00:00'))
    >>> [w.weapon for w in spec.weapons][:3]
    ['Shahed-136/131', 'Orlan-10', 'Kh-101/Kh-555']
    """

    start: str = "2024-07-01"
    months: int = 16
    nights_per_week: float = 5.5
    massive_share: float = 0.1
    massive_size_factor: float = 1.8
    weapons: tuple[WeaponSpec, ...] = DEFAULT_WEAPONS
    ew_fold_month: int | None = None
    regional: RegionalSpec | None = field(default_factory=RegionalSpec)
    casualties: CasualtySpec = field(default_factory=CasualtySpec)

    def __post_init__(self) -> None:
        bad_start = ValueError(f"start must be a date such as 2024-07-01, not {self.start!r}")
        if not (isinstance(self.start, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.start)):
            raise bad_start
        try:
            pd.Timestamp(self.start)
        except ValueError:
            raise bad_start from None
        if not (isinstance(self.months, (int, np.integer)) and 1 <= self.months <= 240):
            raise ValueError(f"months must be a whole number from 1 to 240, not {self.months!r}")
        if not (0 < self.nights_per_week <= 7):
            raise ValueError(f"nights_per_week must be in (0, 7], not {self.nights_per_week!r}")
        _check_share("massive_share", self.massive_share)
        if not self.massive_size_factor >= 1:
            raise ValueError(
                f"massive_size_factor must be at least 1, not {self.massive_size_factor!r}"
            )
        if not self.weapons:
            raise ValueError("weapons must name at least one WeaponSpec")
        names = [w.weapon for w in self.weapons]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"weapons are listed more than once: {', '.join(twice)}")
        catalog = load_catalog()
        regional = [w for w, _, _ in self.regional.weapons] if self.regional else []
        for name in [*names, *regional]:
            if catalog.lookup(name) != name:
                known = catalog.lookup(name)
                hint = f"; the catalog calls it {known!r}" if known else ""
                raise ValueError(
                    f"weapon {name!r} is not a canonical name of the weapon catalog "
                    f"(airdef/data/weapons.csv){hint}"
                )
        if self.ew_fold_month is not None and not 0 <= self.ew_fold_month <= self.months:
            raise ValueError(
                f"ew_fold_month must be between 0 and months ({self.months}), "
                f"not {self.ew_fold_month!r}"
            )

    @property
    def start_date(self) -> pd.Timestamp:
        """The first report date."""
        return pd.Timestamp(self.start)

    @property
    def end_date(self) -> pd.Timestamp:
        """The day after the last report date."""
        return self.start_date + pd.DateOffset(months=self.months)

    @property
    def ew_fold_date(self) -> pd.Timestamp | None:
        """From this report date on, suppressed drones are counted as intercepted."""
        if self.ew_fold_month is None:
            return None
        return self.start_date + pd.DateOffset(months=self.ew_fold_month)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Names of the parameters (for checking keyword overrides)."""
        return tuple(f.name for f in fields(cls))


def true_rates(spec: SimulationSpec | None = None) -> pd.DataFrame:
    """The true interception rate of each simulated weapon type and period.

    Parameters
    ----------
    spec : SimulationSpec, optional
        The default specification when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per weapon and period, with columns

        ``weapon``, ``weapon_class``
            As in the simulated events.
        ``period_start``, ``period_end``
            The period, by report date (the date of ``time_end``): from
            ``period_start`` up to but not including ``period_end``.
        ``true_rate``
            Probability that one launched weapon is intercepted.
        ``rho``
            Intra-attack correlation of interceptions.
        ``suppressed_share``
            Share of the weapons not intercepted that are lost to electronic
            warfare.
        ``suppressed_folded``
            True where the reports count suppressed drones as intercepted
            (``SimulationSpec.ew_fold_month``).
        ``reported_rate``
            What ``intercepted / launched`` estimates in the national reports:
            ``true_rate``, or ``true_rate + (1 - true_rate) * suppressed_share``
            where suppressed drones are folded in.

    Examples
    --------
    >>> truth = true_rates(SimulationSpec(months=12))
    >>> truth.loc[truth["weapon"].str.startswith("Iskander-M"),
    ...           ["weapon", "period_start", "period_end", "true_rate", "rho"]]
                 weapon period_start period_end  true_rate  rho
    6  Iskander-M/KN-23   2024-07-01 2025-03-01       0.25  0.2
    7  Iskander-M/KN-23   2025-03-01 2025-07-01       0.45  0.2
    """
    spec = spec or SimulationSpec()
    start, end, fold = spec.start_date, spec.end_date, spec.ew_fold_date
    catalog = load_catalog()
    rows = []
    for w in spec.weapons:
        cuts = {start, end}
        change = w.change_date(start)
        if change is not None:
            cuts.add(change)
        if fold is not None and w.suppressed_share > 0:
            cuts.add(fold)
        bounds = sorted(c for c in cuts if start <= c <= end)
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
            rate = w.rate_at(lo, start)
            folded = fold is not None and w.suppressed_share > 0 and lo >= fold
            reported = rate + (1 - rate) * w.suppressed_share if folded else rate
            rows.append(
                {
                    "weapon": w.weapon,
                    "weapon_class": catalog.weapon_class(w.weapon),
                    "period_start": lo,
                    "period_end": hi,
                    "true_rate": rate,
                    "rho": w.rho,
                    "suppressed_share": w.suppressed_share,
                    "suppressed_folded": folded,
                    "reported_rate": reported,
                }
            )
    frame = pd.DataFrame(rows, columns=list(TRUTH_COLUMNS))
    return frame.astype(TRUTH_COLUMNS)
