"""Weapon names, aliases and classes.

The catalog (``airdef/data/weapons.csv``) gives each weapon one canonical name and
one class, and lists the spellings reports use for it: Latin and Cyrillic
(``Kh-``/``X-``/``Х-``, ``S-``/``C-``/``С-`` are generated from each ``Kh-`` or
``S-`` alias), old and new dataset labels, and common names (Geran-2 for Shahed-136).

Labels that join several models with " and " stay one row: their ``weapon`` lists
the canonical parts joined by " + " in catalog order, and their class is the
parts' common class or ``mixed``. A label with a part the catalog does not know
keeps its own text as ``weapon`` and gets class ``unknown``; it is reported, not
rejected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from airdef.errors import DataError

__all__ = [
    "ALL_CLASSES",
    "CLASS_WORDS",
    "DRONE_CLASSES",
    "MISSILE_CLASSES",
    "WEAPON_CLASSES",
    "Catalog",
    "label_coverage",
    "load_catalog",
    "normalize_label",
]

#: Every value ``weapon_class`` may take, in display order.
WEAPON_CLASSES: tuple[str, ...] = (
    "strike_drone",
    "recon_drone",
    "cruise_missile",
    "ballistic_missile",
    "anti_aircraft_missile",
    "guided_bomb",
    "unknown",
    "mixed",
)

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_QUOTES = re.compile(r"[\"'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u00AB\u00BB]")
_SPACES = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")
_JOINERS = re.compile(r"\s+(?:and|&|\+|і|и|та)\s+", re.IGNORECASE)
# Transliterations of the Cyrillic letters that open Russian missile names.
_PREFIX = re.compile(r"(?<![\w-])(Kh|S)-(?=\d)")


def normalize_label(label: str) -> str:
    """Fold a weapon label to the form the catalog compares.

    Unicode compatibility forms, case, dashes, quotes and white space are folded;
    letters are kept as they are (Latin and Cyrillic are matched through aliases).

    Examples
    --------
    >>> normalize_label("  X\u2013101 / X-555 ")
    'x-101/x-555'
    >>> normalize_label("“Iskander-M/KN-23”")
    'iskander-m/kn-23'
    """
    text = unicodedata.normalize("NFKC", str(label))
    text = _QUOTES.sub("", _DASHES.sub("-", text))
    text = _SLASH.sub("/", _SPACES.sub(" ", text)).strip()
    return text.casefold()


def _alias_variants(alias: str) -> set[str]:
    """An alias and its Latin and Cyrillic prefix spellings (Kh-101 -> X-101, Х-101)."""
    variants = {alias}
    for kh, es in (("X-", "C-"), ("\u0425-", "\u0421-")):  # Latin, then Cyrillic letters
        variants.add(_PREFIX.sub(lambda m, kh=kh, es=es: kh if m.group(1) == "Kh" else es, alias))
    return variants


@dataclass(frozen=True)
class Catalog:
    """The weapon catalog: canonical names, classes and aliases.

    Use :func:`load_catalog` to read it; :meth:`resolve` maps labels to weapons.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per canonical weapon: ``weapon, weapon_class, aliases, notes``.
    path : str
        Where the catalog was read from.
    """

    table: pd.DataFrame
    path: str
    _index: dict[str, str] = field(repr=False, default_factory=dict)
    _class: dict[str, str] = field(repr=False, default_factory=dict)
    _order: dict[str, int] = field(repr=False, default_factory=dict)

    @property
    def weapons(self) -> list[str]:
        """Canonical weapon names in catalog order."""
        return list(self.table["weapon"])

    def weapon_class(self, weapon: str) -> str:
        """The class of a canonical weapon (``unknown`` if it is not in the catalog)."""
        return self._class.get(weapon, "unknown")

    def lookup(self, label: str) -> str | None:
        """The canonical weapon for one alias, or None when no alias matches exactly.

        Examples
        --------
        >>> load_catalog().lookup("Х-101/Х-555")
        'Kh-101/Kh-555'
        >>> load_catalog().lookup("Geran-2")
        'Shahed-136/131'
        >>> load_catalog().lookup("Tu-95") is None
        True
        """
        return self._index.get(normalize_label(label))

    def aliases(self) -> dict[str, str]:
        """Every normalised alias with its canonical weapon."""
        return dict(self._index)

    def _resolve_one(self, label: str) -> tuple[str, str, bool]:
        text = _SPACES.sub(" ", unicodedata.normalize("NFKC", label)).strip()
        whole = self.lookup(text)
        if whole is not None:
            return whole, self._class[whole], True
        parts: list[str] = []
        for piece in _JOINERS.split(text):
            found = self.lookup(piece)
            if found is None and "/" in piece:
                # "X-22/X-32" is written "X-22 and X-32" in later data: same parts.
                subs = [self.lookup(s) for s in piece.split("/")]
                if all(subs):
                    parts.extend(s for s in subs if s)
                    continue
            if found is None:
                return text, "unknown", False
            parts.append(found)
        parts = sorted(set(parts), key=self._order.__getitem__)
        classes = {self._class[p] for p in parts}
        weapon_class = classes.pop() if len(classes) == 1 else "mixed"
        return " + ".join(parts), weapon_class, True

    def resolve(self, labels: pd.Series | list[str]) -> pd.DataFrame:
        """Map labels to canonical weapons and classes.

        Each distinct label is resolved once. Missing labels (every label missing
        included) give missing weapons of class ``unknown``.

        Parameters
        ----------
        labels : pandas.Series or list of str
            Labels exactly as a source wrote them.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``labels``, with columns ``weapon``, ``weapon_class`` and
            ``known`` (False for labels with a part the catalog does not know).

        Examples
        --------
        >>> load_catalog().resolve(["X-101/X-555 and Kalibr", "Молнія", "Tu-95"])
                            weapon    weapon_class  known
        0  Kh-101/Kh-555 + Kalibr  cruise_missile   True
        1                  Molniya    strike_drone   True
        2                    Tu-95         unknown  False
        """
        series = pd.Series(labels, dtype="string")
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        table = [self._resolve_one(str(label)) for label in uniques]
        # Code -1 (a missing label) picks the last entry: no weapon, class unknown.
        weapon = np.array([t[0] for t in table] + [None], dtype=object)[codes]
        weapon_class = np.array([t[1] for t in table] + ["unknown"], dtype=object)[codes]
        known = np.array([t[2] for t in table] + [False], dtype=bool)[codes]
        return pd.DataFrame(
            {
                "weapon": pd.array(weapon, dtype="string"),
                "weapon_class": pd.array(weapon_class, dtype="string"),
                "known": known,
            },
            index=series.index,
        )


def _read_table(path: Path | str) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype="string", keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the weapon catalog ({exc})") from None
    missing = {"weapon", "weapon_class", "aliases"} - set(table.columns)
    if missing:
        raise DataError(
            f"{path}: the weapon catalog lacks the column(s) {', '.join(sorted(missing))}"
        )
    bad = table.loc[~table["weapon_class"].isin(WEAPON_CLASSES)]
    if len(bad):
        row = bad.index[0] + 2
        raise DataError(
            f"{path}: row {row}, column weapon_class: {bad['weapon_class'].iloc[0]!r} is not one of "
            + ", ".join(WEAPON_CLASSES)
        )
    return table


def _build(table: pd.DataFrame, path: str) -> Catalog:
    index: dict[str, str] = {}
    for weapon, aliases in zip(table["weapon"], table["aliases"], strict=True):
        for alias in {weapon, *filter(None, aliases.split("|"))}:
            for variant in _alias_variants(alias.strip()):
                key = normalize_label(variant)
                if index.get(key, weapon) != weapon:
                    raise DataError(
                        f"{path}: alias {variant!r} names both {index[key]!r} and {weapon!r}"
                    )
                index[key] = weapon
    out = table.assign(aliases=table["aliases"].str.split("|"))
    return Catalog(
        table=out,
        path=path,
        _index=index,
        _class=dict(zip(table["weapon"], table["weapon_class"], strict=True)),
        _order={w: i for i, w in enumerate(table["weapon"])},
    )


@lru_cache(maxsize=8)
def _cached(path: str | None) -> Catalog:
    if path is None:
        with resources.as_file(resources.files("airdef") / "data" / "weapons.csv") as p:
            return _build(_read_table(p), "airdef/data/weapons.csv")
    return _build(_read_table(path), path)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Read a weapon catalog (the bundled one by default).

    Parameters
    ----------
    path : str or Path, optional
        A CSV with columns ``weapon, weapon_class, aliases`` (aliases separated
        by ``|``) and optionally ``notes``.

    Returns
    -------
    Catalog

    Examples
    --------
    >>> cat = load_catalog()
    >>> cat.weapon_class("Kh-47M2 Kinzhal")
    'ballistic_missile'
    """
    return _cached(None if path is None else str(path))


#: Classes a plain "missiles" or "rockets" may be.
MISSILE_CLASSES = frozenset(
    {"cruise_missile", "ballistic_missile", "anti_aircraft_missile", "unknown"}
)
#: Classes "drones" may be.
DRONE_CLASSES = frozenset({"strike_drone", "recon_drone"})
#: Classes "air targets" may be.
ALL_CLASSES = MISSILE_CLASSES | DRONE_CLASSES | {"guided_bomb"}

#: Descriptive weapon names given to groups named by class words, with the classes
#: they cover. Names the catalog knows (Ballistic Missile, Unknown Missile, KAB,
#: Reconnaissance UAV) are used as they are.
CLASS_WORDS: dict[str, frozenset[str]] = {
    "Ballistic Missile": frozenset({"ballistic_missile"}),
    "cruise missiles": frozenset({"cruise_missile"}),
    "guided missiles": frozenset({"cruise_missile"}),
    "anti-ship missiles": frozenset({"cruise_missile"}),
    "anti-radar missiles": frozenset({"cruise_missile"}),
    "anti-aircraft missiles": frozenset({"anti_aircraft_missile"}),
    "Unknown Missile": MISSILE_CLASSES,
    "drones": DRONE_CLASSES,
    "Reconnaissance UAV": frozenset({"recon_drone"}),
    "KAB": frozenset({"guided_bomb"}),
    "air targets": ALL_CLASSES,
    "missiles of various types": MISSILE_CLASSES,
}


def label_coverage(weapon_class: str, weapon: str | None = None) -> frozenset[str]:
    """The classes a weapon row of this class and canonical weapon can cover.

    A row named by a class word covers that word's classes ("Unknown Missile"
    may be any missile); a ``mixed`` row covers the classes of its parts
    (joined by " + "); an ``unknown`` row may be anything; any other row covers
    its own class. Reconciling text reports with a table uses it to tell which
    rows may count the same weapons.

    Parameters
    ----------
    weapon_class : str
        One of :data:`WEAPON_CLASSES`.
    weapon : str, optional
        The canonical weapon name (the ``weapon`` column).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> sorted(label_coverage("unknown", "Unknown Missile"))
    ['anti_aircraft_missile', 'ballistic_missile', 'cruise_missile', 'unknown']
    >>> sorted(label_coverage("strike_drone", "Shahed-136/131"))
    ['strike_drone']
    >>> sorted(label_coverage("mixed", "Kh-101 + Shahed-136/131"))
    ['cruise_missile', 'strike_drone']
    """
    if weapon in CLASS_WORDS:
        return CLASS_WORDS[weapon]
    if weapon_class == "mixed" and weapon:
        out: set[str] = set()
        catalog = load_catalog()
        for part in weapon.split(" + "):
            if part in CLASS_WORDS:
                out |= CLASS_WORDS[part]
            else:
                found = catalog.lookup(part)
                out |= {catalog.weapon_class(found)} if found else ALL_CLASSES
        return frozenset(out)
    if weapon_class == "unknown":
        return ALL_CLASSES
    return frozenset({weapon_class})
