"""Weapon groups of one attack: merging repeated mentions, nesting, and totals.

A report names the same weapons several times ("downed 17 out of 22 Russian
drones ... several groups of Shahed-136/131 type (drones)"). The
:class:`Registry` merges a mention into an earlier group when both can be the
same weapons and their numbers agree:

* the same catalog weapon;
* a class-word mention ("the missiles", "drones") and a group it covers;
* a named type and a class-word group of the same class ("drones", then
  "Shahed drones"); the group then takes the more specific name.

A mention whose number differs from the group's starts a group of its own
(unless the text marks it as a correction, which replaces the figure). When
the groups of an attack are finished (:meth:`Registry.finish`):

* a group whose numbers are all within another group of the same weapon
  becomes its part (``part_of``), so that no count is counted twice;
* a class-word group that covers other top-level groups (a total such as "72
  air targets" or "18 missiles") is dropped when each of its numbers equals
  the sum of the same numbers of the groups it covers, and otherwise becomes
  their parent; explicit parents ("18 missiles, including ...") are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from airdef.io.text.weapons import Phrase

__all__ = ["FIELDS", "Figure", "Group", "Registry", "name_plain_missiles", "restates"]
__all__ += ["other_places"]

#: Count fields a mention may give.
FIELDS: tuple[str, ...] = ("launched", "intercepted", "suppressed")


@dataclass
class Figure:
    """One number for one field, with the span of its quote."""

    field: str
    value: int | None
    qualifier: str | None
    start: int
    end: int
    sentence: int
    initial: bool = False  # the text says this figure was later changed


@dataclass(eq=False)
class Group:
    """One weapon group of an attack."""

    gid: int
    phrase: Phrase
    figures: dict[str, Figure] = field(default_factory=dict)
    parent: int | None = None
    explicit_parent: bool = False
    additive: bool = False
    sibling: int | None = None  # "N more": the group this one is a peer of
    vague: bool = False
    sentence: int = 0
    list_key: tuple[int, int] | None = None  # the list the group was first named in
    combined: bool = False  # intercepted counts "shot down or suppressed" as one figure
    scope: str | None = None  # the one region or city the figures are for (None: the attack)

    @property
    def label(self) -> str:
        return self.phrase.label

    def value(self, name: str) -> int | None:
        fig = self.figures.get(name)
        return None if fig is None else fig.value


def _can_merge(phrase: Phrase, group: Group) -> bool:
    gp = group.phrase
    if phrase.total or gp.total:
        return phrase.total and gp.total
    if phrase.weapon == gp.weapon:
        return True
    if (
        phrase.weapon_class == "unknown"
        and phrase.generic
        and gp.weapon_class == "mixed"
        and not gp.coverage & {"strike_drone", "recon_drone"}
    ):
        return True  # "33 missiles" of "50 missiles of various types"
    if phrase.generic and phrase.coverage >= gp.coverage:
        return True
    return (
        not phrase.generic
        and gp.generic
        and gp.weapon_class == phrase.weapon_class
        and gp.weapon_class not in ("unknown", "mixed")
    )


def restates(a: Figure, b: Figure, *, same_value: bool = False) -> bool:
    """Whether an estimate and an exact figure are one figure ("nearly 300" and 297).

    One of the two is ``approx`` and the other ``exact``, within a tenth of each
    other; figures of the same value count only with ``same_value`` (otherwise
    "about 75" beside "75" stands as two statements). A bound and an exact
    figure within a tenth that meets it are one too ("more than 140" and 144).
    """
    if a.value is None or b.value is None:
        return False
    close = abs(a.value - b.value) <= 0.1 * max(a.value, b.value)
    bound = {a.qualifier, b.qualifier}
    if bound in ({"at_least", "exact"}, {"at_most", "exact"}):
        # "more than 140 targets" and "144 targets": the bound the exact figure meets
        exact, hedged = (a, b) if a.qualifier == "exact" else (b, a)
        meets = (
            exact.value >= hedged.value
            if hedged.qualifier == "at_least"
            else exact.value <= hedged.value
        )
        return meets and close
    if bound != {"approx", "exact"}:
        return False
    if a.value == b.value:
        return same_value
    return close


def _agrees(figures: list[Figure], group: Group, *, same_value: bool = False) -> bool:
    merged = dict(group.figures)
    merged.update({f.field: f for f in figures if f.value is not None})
    launched, stopped = merged.get("launched"), merged.get("intercepted")
    if (
        launched is not None
        and stopped is not None
        and launched.value is not None
        and stopped.value is not None
        and stopped.value > launched.value
        and launched.qualifier in ("exact", "at_most")
    ):
        # "23 drones at Kyiv ... in total, 30 drones were shot down": another count (but
        # "more than 100 missiles ... 102 of the missiles were shot down" is the same)
        return False
    for fig in figures:
        old = group.figures.get(fig.field)
        if old is not None and old.value is not None and fig.value is not None:
            if (old.value, old.qualifier) != (fig.value, fig.qualifier) and not restates(
                old, fig, same_value=same_value
            ):
                return False
    return True


def other_places(a: Group, b: Group) -> bool:
    """Whether two groups count two named places ("region" and "there" name the one before)."""
    named = {a.scope, b.scope} - {None, "region", "there"}
    return len(named) == 2


class Registry:
    """The weapon groups of one attack, built mention by mention."""

    def __init__(
        self, *, same_value_restates: bool = False, join_lone_suppressed: bool = False
    ) -> None:
        self.groups: list[Group] = []
        self.last: tuple[Group, str] | None = None  # the last figure recorded
        # "nearly 300 drones and 50 missiles" then "50 missiles": the hedge a list
        # spreads to every item makes an estimate of the exact figure given later
        self.same_value = same_value_restates
        self.join_suppressed = join_lone_suppressed  # see _lone_suppressed

    # -- lookup -------------------------------------------------------------------------
    def candidates(self, phrase: Phrase, scope: str | None = None) -> list[Group]:
        """Groups a mention of ``phrase`` could refer to, most recent first.

        A group counted as an addition ("additional 41 decoy UAVs") is a candidate
        only when no other group is.
        """
        found = [g for g in reversed(self.groups) if _can_merge(phrase, g) and g.scope == scope]
        plain = [g for g in found if not g.additive]
        return plain or found

    def ancestors(self, group: Group) -> list[int]:
        out = []
        while group.parent is not None:
            out.append(group.parent)
            group = self.groups[group.parent]
        return out

    def pick(self, phrase: Phrase, scope: str | None = None) -> Group | None:
        """The one group a mention refers to, or None when there is none or several."""
        found = self.candidates(phrase, scope)
        if not found:
            return None
        if not phrase.generic or len(found) == 1:
            return found[0]
        ids = {g.gid for g in found}
        for g in found:  # a parent of all the others ("18 missiles, including ...")
            if all(o.gid == g.gid or g.gid in self.ancestors(o) for o in found):
                return g
        tops = [g for g in found if g.parent is None or g.parent not in ids]
        if len(tops) == 1:
            return tops[0]
        # "10 Kinzhals ... 99 missiles ... 72 missiles were shot down": the group of the
        # same plain word, not the type it may include
        same = [g for g in tops if g.phrase.weapon == phrase.weapon]
        return same[0] if len(same) == 1 else None

    # -- recording ----------------------------------------------------------------------
    def new(self, phrase: Phrase, figures: list[Figure], *, sentence: int, **flags) -> Group:
        group = Group(gid=len(self.groups), phrase=phrase, sentence=sentence, **flags)
        self.groups.append(group)
        self._fill(group, figures, replace=False)
        return group

    def _fill(self, group: Group, figures: list[Figure], *, replace: bool) -> None:
        for fig in figures:
            old = group.figures.get(fig.field)
            exact = (
                old is not None
                and restates(old, fig, same_value=self.same_value)
                and fig.qualifier == "exact"
            )
            if old is None or old.value is None or replace or old.initial or exact:
                group.figures[fig.field] = fig
            self.last = (group, fig.field)

    def add(
        self,
        phrase: Phrase,
        figures: list[Figure],
        *,
        sentence: int,
        correction: bool = False,
        additive: bool = False,
        sibling: Group | None = None,
        vague: bool = False,
        parent: Group | None = None,
        name_only: bool = False,
        list_key: tuple[int, int] | None = None,
        scope: str | None = None,
    ) -> Group | None:
        """Record a mention: merge it into the group it refers to, or start a new group.

        A ``name_only`` mention (a type named without a number) only renames the
        one class-word group it can refer to, and is otherwise ignored.
        """
        if name_only:
            found = self.candidates(phrase)
            if len(found) == 1 and found[0].phrase.generic and not phrase.generic:
                if not found[0].explicit_parent:
                    found[0].phrase = phrase
                return found[0]
            return None
        key = {"sentence": sentence, "list_key": list_key, "scope": scope}
        if parent is not None:
            return self.new(phrase, figures, parent=parent.gid, **key)
        if additive:
            gid = sibling.gid if sibling is not None else None
            return self.new(phrase, figures, additive=True, sibling=gid, **key)
        target = self.pick(phrase, scope)
        if target is not None and target.parent is not None:
            whole = self.groups[target.parent]
            part_total = target.value("launched")
            if (
                part_total is not None
                and any(f.value is not None and f.value > part_total for f in figures)
                and _can_merge(phrase, whole)
            ):
                target = whole  # "117 drones, about 70 of them Shaheds ... 98 were shot down"
        if (
            target is not None
            and list_key is not None
            and target.list_key == list_key
            and any(f.field in target.figures for f in figures)
        ):
            target = None  # "an aeroballistic missile Kinzhal and a ballistic missile": two
        if target is None:
            return self.new(phrase, figures, vague=vague and not figures, **key)
        initial = any(
            target.figures.get(f.field) and target.figures[f.field].initial for f in figures
        )
        if not _agrees(figures, target, same_value=self.same_value) and not (correction or initial):
            return self.new(phrase, figures, **key)
        more_specific = not phrase.generic or (
            target.phrase.weapon_class == "unknown" and phrase.weapon_class == "mixed"
        )  # "50 missiles", then "50 missiles of various types"
        if target.phrase.generic and more_specific and not target.explicit_parent:
            target.phrase = phrase
        target.vague = target.vague and not figures
        self._fill(target, figures, replace=correction)
        return target

    def set_figure(self, group: Group, fig: Figure, *, replace: bool = False) -> None:
        """Set one figure of a known group (anaphora, "all", corrections)."""
        self._fill(group, [fig], replace=replace)

    # -- finishing ----------------------------------------------------------------------
    def _top(self) -> list[Group]:
        return [g for g in self.groups if g.parent is None]

    def _nest_splits(self) -> None:
        for g in self.groups:
            if g.parent is not None or g.additive or g.explicit_parent:
                continue
            for other in self.groups:
                if other is g or other.parent is not None or other.additive:
                    continue
                same_class = (
                    g.phrase.generic != other.phrase.generic
                    and g.phrase.weapon_class == other.phrase.weapon_class
                    and g.phrase.weapon_class not in ("unknown", "mixed")
                )  # "three drones over Mykolaiv" of "36 Shaheds", "three Shaheds" of "five drones"
                if other.phrase.weapon != g.phrase.weapon and not same_class:
                    continue  # "three drones over Mykolaiv" may be a part of "36 Shahed drones"
                if g.list_key is not None and g.list_key == other.list_key:
                    continue  # "three over Lviv and one over Mykolaiv": peers of one list
                if other_places(g, other):
                    continue  # "5 drones over the Kyiv region and 3 over the Odesa region"
                shared = [f for f in g.figures if f in other.figures]
                vals = [(g.value(f), other.value(f)) for f in shared]
                if (
                    vals
                    and all(a is not None and b is not None and a <= b for a, b in vals)
                    and any(a < b for a, b in vals)
                ):
                    g.parent = other.gid
                    other.explicit_parent = True
                    typed_part = not g.phrase.generic and other.phrase.generic
                    for name in [f for f in g.figures if f not in other.figures and not typed_part]:
                        # a figure only the part carries belongs to the whole ("In total,
                        # Russia launched 40 drones" merged into "10 drones over Kyiv")
                        other.figures[name] = g.figures.pop(name)
                    break

    def _drop_summed_totals(self) -> None:
        """An "air targets" total whose parts sum to each of its figures is no group.

        "85 aerial targets, including an Iskander-M, two Kh-59/69, one missile and
        81 Shahed drones": 1 + 2 + 1 + 81 = 85, so the parts are the groups.
        """
        for g in self.groups:
            kids = [o for o in self.groups if o.parent == g.gid]
            if not g.phrase.total or g.parent is not None or len(kids) < 2 or not g.figures:
                continue
            sums = {
                name: sum(v for o in kids if (v := o.value(name)) is not None) for name in g.figures
            }
            if all(
                f.value == sums[name] and f.qualifier == "exact" for name, f in g.figures.items()
            ):
                for o in kids:
                    o.parent = None
                g.figures = {}
                g.explicit_parent = False

    def _resolve_totals(self) -> None:
        removed: set[int] = set()
        for g in self.groups:
            if (
                g.parent is not None
                or g.explicit_parent
                or not g.phrase.generic
                or g.gid in removed
            ):
                continue
            covered = [
                o
                for o in self._top()
                if o is not g
                and o.gid not in removed
                and o.phrase.coverage <= g.phrase.coverage
                and (o.list_key is None or o.list_key != g.list_key)
                and not other_places(o, g)  # two places' counts
                and not ((o.additive or g.additive) and o.phrase.weapon == g.phrase.weapon)
            ]
            if not covered or not g.figures:
                continue
            explained = True
            disjoint = True
            larger = True
            for name, fig in g.figures.items():
                if fig.value is None:
                    continue
                known = [o.value(name) for o in covered if o.value(name) is not None]
                if known:
                    disjoint = False
                    total = sum(known)
                    explained &= total == fig.value
                    larger &= total <= fig.value
                else:
                    explained = False
            if explained:
                removed.add(g.gid)
            elif not disjoint and larger:
                for o in covered:
                    o.parent = g.gid
                g.explicit_parent = True
        self.groups = [g for g in self.groups if g.gid not in removed]

    def _mixed_parents(self) -> None:
        """A plain "missiles" group with typed parts covers several classes: ``mixed``."""
        for g in self.groups:
            kids = [o for o in self.groups if o.parent == g.gid]
            if not kids or g.phrase.weapon_class != "unknown":
                continue
            classes = {o.phrase.weapon_class for o in kids}
            launched = [o.value("launched") for o in kids]
            short = (
                None in launched
                or g.value("launched") is None
                or (sum(v for v in launched if v is not None) < (g.value("launched") or 0))
            )
            if classes == {"unknown"}:
                continue  # parts that are plain missiles too ("40 of them over Kyiv")
            if len(classes) > 1 or short:
                g.phrase = replace(
                    g.phrase, weapon="missiles of various types", weapon_class="mixed"
                )
            else:
                g.phrase = replace(g.phrase, weapon_class=classes.pop())

    def _siblings(self) -> None:
        """An "N more" group is a part of what the group it adds to is a part of."""
        by_id = {g.gid: g for g in self.groups}
        for g in self.groups:
            peer = by_id.get(g.sibling) if g.sibling is not None else None
            if g.parent is None and peer is not None and peer.parent is not None:
                if peer.parent in by_id and by_id[peer.parent].phrase.coverage >= g.phrase.coverage:
                    g.parent = peer.parent

    def _lone_total(self) -> None:
        """A total ("67 air targets") beside one counted group of other fields is that group.

        "Radars spotted 67 incoming air targets ... 58 attack UAVs were shot down":
        with no other weapons counted, the 67 launched are the drones'.
        """
        tops = [g for g in self._top() if g.figures]
        totals = [g for g in tops if g.phrase.total and not g.explicit_parent]
        others = [g for g in tops if not g.phrase.total]
        if len(totals) != 1 or len(others) != 1:
            return
        total, other = totals[0], others[0]
        if set(total.figures) & set(other.figures):
            return
        other.figures.update(total.figures)
        self.groups = [g for g in self.groups if g is not total]

    def _lone_suppressed(self) -> None:
        """ "Additional 41 decoy UAVs were lost" beside one drone group: that group's loss.

        A top-level group whose only figure is ``suppressed`` joins the one other
        top-level group of its class that has none (with ``join_lone_suppressed``).
        """
        tops = [g for g in self._top() if g.figures]
        for g in tops:
            if set(g.figures) != {"suppressed"}:
                continue
            peers = [
                o
                for o in tops
                if o is not g
                and o.phrase.weapon_class == g.phrase.weapon_class
                and "suppressed" not in o.figures
            ]
            if len(peers) == 1 and not any(o.parent == g.gid for o in self.groups):
                peers[0].figures["suppressed"] = g.figures.pop("suppressed")

    def finish(self) -> list[Group]:
        """Nest and drop as described in the module documentation; the groups kept."""
        self._nest_splits()
        self._drop_summed_totals()
        self._resolve_totals()
        self._siblings()
        self._lone_total()
        if self.join_suppressed:
            self._lone_suppressed()
        self._mixed_parents()
        counted = [g for g in self.groups if g.figures and not g.phrase.total]
        cover = frozenset().union(*(g.phrase.coverage for g in counted))
        # a vague mention ("an attack of drones and missiles") of weapons that are counted
        # elsewhere in the report is no group of its own
        keep = [g for g in self.groups if g.figures or (g.vague and not g.phrase.coverage <= cover)]
        ids = {g.gid for g in keep}
        for g in keep:
            if g.parent is not None and g.parent not in ids:
                g.parent = None
        return keep


_TYPED_MISSILES = frozenset({"cruise_missile", "ballistic_missile", "anti_aircraft_missile"})
_CLASS_LABEL = {
    "cruise_missile": "cruise missiles",
    "ballistic_missile": "Ballistic Missile",
    "anti_aircraft_missile": "anti-aircraft missiles",
}


def name_plain_missiles(
    groups: list[Group], named: list[Phrase], *, one_class: str = "all"
) -> None:
    """Give plain "missiles" counts the missile classes the report names without a number.

    "Russia launched eight missiles ... four X-type cruise missiles, X-101 and
    X-555" names one class: with ``one_class="all"`` the eight are cruise
    missiles; with ``one_class="single"`` only a single missile takes the one
    type named ("one missile ... The Kh-59 missile was downed"), and a larger
    count stays ``unknown``, since a type named beside it need not be all of it.
    "120 missiles ... as well as cruise, ballistic and aircraft-launched
    ballistic missiles" names several: the 120 are ``mixed``. With
    ``one_class="any"`` (English) a plain count of more than one missile is
    ``mixed`` whenever the report names a missile type, with or without a number
    ("60 cruise missiles ... shot down" beside "76 missiles were fired"). A
    report that names no missile type leaves them ``unknown``.
    """
    classes: set[str] = set()
    for p in named:
        if "unknown" not in p.coverage:
            classes |= p.coverage & _TYPED_MISSILES
    if one_class == "any":
        for g in groups:  # "all 10 Kinzhals ... at least 99 missiles": a type counted apart
            if g.figures and g.phrase.coverage <= _TYPED_MISSILES:
                classes |= g.phrase.coverage
    if not classes:
        return
    weapons = {p.weapon for p in named if p.coverage <= _TYPED_MISSILES and not p.generic}
    for g in groups:
        if g.phrase.weapon != "Unknown Missile" or not g.figures:
            continue
        single = all(f.value == 1 for f in g.figures.values())
        if len(classes) >= 2 or (one_class == "any" and not single):
            g.phrase = replace(g.phrase, weapon="missiles of various types", weapon_class="mixed")
            continue
        if one_class == "single" and not single:
            continue
        cls = next(iter(classes))
        one = [p for p in named if p.weapon in weapons and p.weapon_class == cls]
        if len(weapons) == 1 and one:
            g.phrase = replace(
                g.phrase,
                weapon=one[0].weapon,
                weapon_class=cls,
                coverage=one[0].coverage,
                generic=False,
            )
        else:
            g.phrase = replace(
                g.phrase, weapon=_CLASS_LABEL[cls], weapon_class=cls, coverage=frozenset({cls})
            )
