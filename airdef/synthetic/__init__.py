"""Synthetic strike reports with known true interception rates.

The real Air Force dataset cannot be shipped with airdef, so the bundled sample
(``airdef/data/sample/synthetic.csv``) is simulated: it has the structure of the
real reports (overnight windows, one row per attack and weapon type, strike
drones nearly every night in growing waves, combined missile strikes, a
kills-only regional reporter, casualties by city and district) and, unlike
real data, a known truth to measure estimators against.

* :class:`SimulationSpec` (with :class:`WeaponSpec`, :class:`RegionalSpec`,
  :class:`CasualtySpec`): every parameter, in frozen dataclasses.
* :func:`simulate`: the seeded, vectorized generator (also ``airdef.simulate``).
* :func:`true_rates`: the true rate of each weapon and period (``airdef.true_rates``).
* :func:`write_synthetic` and :func:`read_truth`: the files, with the truth in
  ``<name>.truth.csv`` beside the events.

The bundled sample is exactly ``simulate(SimulationSpec(), seed=0)``; regenerate
it with ``airdef simulate --out airdef/data/sample/synthetic.csv --seed 0``.

This package is called ``synthetic`` rather than ``simulate`` so that
``airdef.simulate`` always names the function, never a module.

Examples
--------
>>> import airdef
>>> data = airdef.simulate(seed=0)
>>> data
StrikeData(1247 events in 722 attacks, 2024-07-01 to 2025-10-31, 450 casualty rows, 0 quarantined)
"""

from __future__ import annotations

from airdef.synthetic.generate import (
    SYNTHETIC_REPORTERS,
    is_synthetic,
    read_truth,
    simulate,
    source_label,
    truth_path,
    write_synthetic,
)
from airdef.synthetic.spec import (
    DEFAULT_WEAPONS,
    CasualtySpec,
    RegionalSpec,
    SimulationSpec,
    WeaponSpec,
    true_rates,
)

__all__ = [
    "DEFAULT_WEAPONS",
    "SYNTHETIC_REPORTERS",
    "CasualtySpec",
    "RegionalSpec",
    "SimulationSpec",
    "WeaponSpec",
    "is_synthetic",
    "read_truth",
    "simulate",
    "source_label",
    "true_rates",
    "truth_path",
    "write_synthetic",
]
