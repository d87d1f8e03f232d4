"""Figures a Ukrainian or Russian clause gives without a digit: one, all, none.

:class:`UkRoles` is a part of :class:`~airdef.io.text.reader_uk.UkReader`. Its
rules read the role of a clause from its verb, as the counted figures do, and
take the number from the grammar instead:

* a weapon in the singular with an intercept or suppress verb is one ("знищив
  над областю ворожий БПЛА", "збили розвідувальний безпілотник", "Безпілотник
  локаційно втрачено");
* "усі цілі збили", "всі вони були знищені" with several groups named: every
  group of the report (or of the sentence before) that has a launch figure and
  no intercept figure has them all shot down;
* "Ракети, на жаль, збити не вдалося": none of that weapon shot down (0).
"""

from __future__ import annotations

import re
from dataclasses import replace

from airdef.io.text.groups import Figure, Group, Registry
from airdef.io.text.patterns_uk import FLAGS, ROLE, VERB_UK
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import Phrase
from airdef.io.text.weapons_uk import read_phrase_uk

__all__ = ["UkRoles"]

_REGION_WORD = (
    r"(?:(?:у|в|на|над)\s+)?(?:[\w'’ʼ-]+(?:щин|ччин)(?:а|и|і|у|ою|ой|е)|[\w'’ʼ-]+(?:ській|цькій|зькій|ська|"
    r"цька|зька|ской|цкой|ская|цкая)\s+област(?:і|ь|и)|Київ|Києві|Киев|Харків|Харкові|Одес(?:а|і))"
)
# "..., у Миколаївській області — 4", ": Одещина – 10", "Херсонщина і Кіровоградщина – по 3"
_REGION_COUNT = re.compile(
    rf"\s*(?P<lead>[,;:])?\s*(?:а\s+|і\s+|та\s+)?(?P<places>{_REGION_WORD}(?:\s*(?:,|і|й|та|и)\s*"
    rf"{_REGION_WORD})*)\s*[–—-]\s*(?P<each>по\s+)?",
    re.IGNORECASE,
)
_THE_MISSILE = re.compile(
    r"^\s*(?:[\w'’ʼ-]+\s+)?(?:ракету|ракета|ракеты|ракети)\s+(?:було\s+|была\s+)?(?:збито|збили|знищено|"
    r"знищили|сбита|сбили|уничтожена|уничтожили)(?![\w'])",
    re.IGNORECASE,
)
# the parts of a list of weapon classes: "дронами і ракетами", "ракетами та БпЛА"
_PIECE = re.compile(
    r"(?<![\w'’ʼ-])(?!(?:і|й|та|и|а|також)\s)[^\s,](?:(?!\s+(?:і|й|та|и|а\s+також)\s|,).)*",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(rf"\s*[–—-]\s*(?P<places>{_REGION_WORD})", re.IGNORECASE)
_ONE_PLACE = re.compile(_REGION_WORD, re.IGNORECASE)

# The cases a launch verb governs: "атакувала ракетами", "балістикою", "запустила ракети".
_USED_CASE = re.compile(r"(?:ами|ями|ою|ой|ами|ети|еты)[»\"”]?$", FLAGS)
_MISSILES = frozenset(
    {"unknown", "cruise_missile", "ballistic_missile", "anti_aircraft_missile", "guided_bomb"}
)

# A weapon noun in the nominative or accusative singular; "БпЛА" is singular only after a
# singular adjective ("ворожий БПЛА"), since the abbreviation does not decline.
_ONE = re.compile(
    r"(?<![\w'’ʼ-])(?P<adj>(?:[\w'’ʼ-]+(?:ий|ій|ый|ой)\s+){1,2})?(?P<noun>"
    r"безпілотник|беспилотник|дрон|(?:безпілотний|беспилотный)\s+"
    r"(?:літальний\s+апарат|летательный\s+аппарат)|БпЛА|БПЛА|БПЛА)(?![\w'’ʼ-])",
    FLAGS,
)
# The numbers and words that make a singular noun something other than one new weapon.
_NOT_ONE = re.compile(
    r"(?:\d|одн\w*|один|кожн\w*|жоден|жодн\w*|каждый|ни\s+один|ще|ещё|еще|"
    r"(?:збит|сбит|уламк|обломк|падінн|падени)\w*)\s*$",
    FLAGS,
)
_TARGETS = re.compile(
    r"(?<![\w'])(?:усі|всі|все)\s+(?:(?:ворожі|повітряні|ці|вони|ворожих)\s+)?"
    r"(?:цілі|вони|них)(?![\w'])|(?<![\w'])(?:все|всех)\s+(?:вражеские\s+|воздушные\s+)?"
    r"(?:цели|они)(?![\w'])",
    FLAGS,
)
_NONE = re.compile(
    r"(?<![\w'])(?:збити|знищити|перехопити|сбить|уничтожить|перехватить)\s+(?:(?:їх|її|його|их|ее|его)\s+)?не\s+"
    r"(?:вдалося|вдалось|удалось)|(?<![\w'])не\s+(?:вдалося|вдалось|удалось)\s+"
    r"(?:збити|знищити|перехопити|сбить|уничтожить|перехватить)",
    FLAGS,
)


class UkRoles:
    """Rules for figures a clause gives by its grammar; mixed into the reader."""

    def _is_headline(self, sent: Sentence) -> bool:
        """Sentences on a report's first line, when more lines follow and it is short."""
        if self.first_line is None:
            start = sent.start
            end = self.t.find("\n", start)
            more = end >= 0 and self.t[end:].strip()
            self.first_line = (start, end) if more and end - start <= 160 else (0, 0)
        start, end = self.first_line
        line = self.t[start:end].rstrip()
        return start <= sent.start < end and not re.search(r"[.!?:][»\"”]?$", line)

    t: str
    registry: Registry
    previous: list[Group]
    named: list[tuple[Phrase, int]]
    launch_sentences: set[int]
    regional: set[int]
    first_line: tuple[int, int] | None

    def _split_named(self) -> list[tuple[Phrase, int]]:
        """Weapons named without a number, a list of classes ("дронами і ракетами") split.

        One phrase that joins several classes is one group when it is counted ("158
        ракет і дронів"); named without a number, each class named is a group of its own.
        """
        out: list[tuple[Phrase, int]] = []
        for phrase, index in self.named:
            if phrase.weapon_class != "mixed" or " + " not in phrase.weapon:
                out.append((phrase, index))
                continue
            parts = []
            for piece in _PIECE.finditer(self.t, phrase.start, phrase.end):
                part = read_phrase_uk(self.t, piece.start(), limit=len(piece.group().split()))
                if part is None or part.weapon_class == "mixed" or part.start != piece.start():
                    parts = []
                    break
                parts.append((part, index))
            out.extend(parts or [(phrase, index)])
        return out

    def _name_uncounted_missiles(self) -> None:
        """Missiles named without a number beside counted drones are a group of their own.

        "росія атакувала ... ракетами і ударними дронами. ... знищено 22 БпЛА": when no
        missile is counted, a missile class named in a sentence with a launch verb
        ("ракетами", "балістикою") is a group with blank counts, as any type named in a
        report with no count is.
        """
        groups = self.registry.groups
        if not any(g.figures for g in groups):
            return  # a report with no count keeps each type named already
        missiles = {g.phrase.weapon_class for g in groups} & _MISSILES
        seen: set[str] = set()
        for phrase, index in self.named:
            if index not in self.launch_sentences or not phrase.generic or phrase.total:
                continue
            if phrase.weapon_class == "mixed":  # "ракетами і ударними дронами": the first
                phrase = read_phrase_uk(self.t, phrase.start, limit=1) or phrase
            cls = phrase.weapon_class
            if (
                cls not in _MISSILES
                or cls in seen
                or (missiles if cls == "unknown" else {cls} & missiles)
            ):
                continue  # plain missiles beside any counted missile, a class beside its own
            if not re.search(r"(?:ракет|бал+[іи]?стик)", phrase.label, FLAGS):
                continue  # "зенітними" alone is air defence's own weapon
            if not _USED_CASE.search(phrase.label):
                continue  # "кількість балістичних ракет": a genitive is no weapon used
            seen.add(cls)
            self.registry.new(phrase, [], sentence=index, vague=True)

    def _read_region_counts(
        self, sent: Sentence, registry: Registry, items: list, current: list
    ) -> None:
        """Bare numbers after a region and a dash: that region's figure of the weapon before.

        "знищено 22 БпЛА: Одещина – 10, Миколаївщина – 6" gives parts of the 22;
        "над Одещиною знищено 9 БпЛА, у Миколаївській області — 4" a region beside the
        first; "Херсонщина і Кіровоградщина – по 3" three in each.
        """
        t = self.t
        base: Group | None = None
        field: str | None = None
        parent: Group | None = None
        for k, item in enumerate(items):
            if item.kind == "phrase":
                found = [
                    g for g in current for f in g.figures.values() if f.start == item.number.start
                ]
                base = found[0] if found else None
                field = (
                    next(
                        (f.field for f in base.figures.values() if f.start == item.number.start),
                        None,
                    )
                    if base
                    else None
                )
                parent = None
                continue
            if item.kind != "bare" or base is None or field is None or k == 0:
                continue
            gap = t[items[k - 1].end : item.number.start]
            m = _REGION_COUNT.fullmatch(gap)
            after = _REGION_AFTER.match(t, item.number.end)
            if m is None and after is not None:
                # "збито 35 шахедів, у тому числі 12 – над Київщиною": a part of the count;
                # "та ще 3 – над Вінниччиною": a region beside it
                m, parent = after, base if item.child else None
            if m is None:
                continue
            if m.re is _REGION_COUNT and m["lead"] == ":" and items[k - 1].kind == "phrase":
                parent = base  # the list after a total's colon: its parts
            places = [p.group() for p in _ONE_PLACE.finditer(m["places"])]
            each = m.re is _REGION_COUNT and m["each"]
            for place in places if each else [m["places"]]:
                phrase = replace(base.phrase, label=f"{base.phrase.label} ({place.strip()})")
                fig = Figure(
                    field,
                    item.number.value,
                    item.number.qualifier,
                    item.number.start,
                    item.end,
                    sent.index,
                )
                if parent is not None:
                    group = registry.new(phrase, [fig], sentence=sent.index, parent=parent.gid)
                    parent.explicit_parent = True
                else:
                    group = registry.new(phrase, [fig], sentence=sent.index, additive=True)
                    self.regional.add(group.gid)
                    self.regional.add(base.gid)
                current.append(group)

    def _read_the_missile(self, sent: Sentence, registry: Registry) -> None:
        """ "атакував ракетою Іскандер-М ... Ракету збито": the one missile launched, shot down."""
        m = _THE_MISSILE.match(self.t[sent.start : sent.end])
        if m is None:
            return
        # "Ракету збито" after one missile launched; "Ракети знищено" after missiles of one
        # group: all of them
        plural = bool(re.search(r"ракет[иы](?![\w])", m.group(), FLAGS))
        ones = [
            g
            for g in registry.groups
            if g.parent is None
            and (g.value("launched") or 0) >= 1
            and (plural or g.value("launched") == 1)
            and g.value("intercepted") is None
            and g.phrase.weapon_class in _MISSILES
        ]
        if len(ones) == 1:
            launched = ones[0].figures["launched"]
            registry.set_figure(
                ones[0],
                Figure(
                    "intercepted",
                    launched.value,
                    launched.qualifier,
                    sent.start + m.start(),
                    sent.start + m.end(),
                    sent.index,
                ),
            )

    def _read_one(self, sent: Sentence, registry: Registry, taken: SpanSet) -> list[Group]:
        """A weapon named once in the singular with an intercept or suppress verb is one."""
        t = self.t
        out: list[Group] = []
        verbs = [v for v in VERB_UK.finditer(t, sent.start, sent.end) if v.lastgroup in "cis"]
        if not verbs:
            return out
        for m in _ONE.finditer(t, sent.start, sent.end):
            noun = m.group("noun")
            s = m.start("adj") if m.group("adj") else m.start("noun")
            if taken.overlaps(s, m.end()) or _NOT_ONE.search(t, max(sent.start, s - 14), s):
                continue
            if noun.upper() == "БПЛА" and not m.group("adj"):
                continue
            verb = self._clause_verb(verbs, s, m.end(), sent)
            if verb is None:
                continue
            phrase = read_phrase_uk(t, s, limit=6)
            if phrase is None or phrase.start > s + 1 or phrase.total:
                continue
            field = ROLE[verb.lastgroup or ""]
            fig = Figure(field or "intercepted", 1, "exact", s, phrase.end, sent.index)
            same = [
                g
                for g in registry.candidates(phrase)
                if g.sentence == sent.index or g.value(fig.field) == 1
            ]
            if same:
                if same[0].value(fig.field) is None:
                    registry.set_figure(same[0], fig)
                out.append(same[0])
                continue
            group = registry.add(phrase, [fig], sentence=sent.index)
            if group is not None:
                out.append(group)
        return out

    def _clause_verb(self, verbs: list, start: int, end: int, sent: Sentence):
        """The intercept or suppress verb of the clause of ``t[start:end]``, or None."""
        t = self.t
        for v in reversed(verbs):
            if v.end() <= start and not re.search(
                r"[.;:!?]|,\s*(?:а|але|но)\s", t[v.end() : start]
            ):
                if start - v.end() <= 60:
                    return v
        for v in verbs:
            gap = t[end : v.start()]
            if v.start() >= end and len(gap) <= 25 and not re.search(r"[.;:,!?]", gap):
                return v
        return None

    def _read_all_targets(self, sent: Sentence, registry: Registry) -> None:
        """ "Усі цілі збили": each group with a launch and no intercept figure, all of them."""
        t = self.t
        m = _TARGETS.search(t, sent.start, sent.end)
        if m is None or not re.search(
            r"(?<![\w'])(?:збит|збил|знищ|сбит|сбил|уничтож|знешкод)\w*",
            t[sent.start : sent.end],
            FLAGS,
        ):
            return
        if re.search(r"(?<![\w'])(?:не|чи|ли)\s", t[sent.start : m.start()][-12:]):
            return
        pronoun = re.search(r"вони|них|они", m.group(), FLAGS)
        pool = self.previous if pronoun else registry.groups
        open_ = [
            g
            for g in pool
            if g.parent is None
            and g.value("launched") is not None
            and g.value("intercepted") is None
        ]
        named = [g for g in pool if g.parent is None and g.value("launched") is not None]
        if not open_ or (pronoun and len(named) < 2):
            return  # "усі вони" after one group is that group's own reading
        for g in open_:
            launched = g.figures["launched"]
            fig = Figure(
                "intercepted", launched.value, launched.qualifier, m.start(), m.end(), sent.index
            )
            registry.set_figure(g, fig)

    def _read_none(self, sent: Sentence, registry: Registry) -> None:
        """ "Ракети, на жаль, збити не вдалося": the weapon named in the clause, none shot down."""
        t = self.t
        m = _NONE.search(t, sent.start, sent.end)
        if m is None or re.search(r"\d", re.split(r"[,;:]", t[sent.start : m.start()])[-1]):
            return  # "10 з них не вдалося збити": ten not shot down, not none
        named = None
        for tok in re.finditer(r"[\w«\"“][\w'’ʼ-]*", t[sent.start : sent.end]):
            phrase = read_phrase_uk(t, sent.start + tok.start(), limit=4)
            if phrase is not None and phrase.start == sent.start + tok.start():
                named = phrase
                break
        if named is None:
            return
        groups = [
            g
            for g in registry.candidates(named)
            if g.value("launched") is not None and g.value("intercepted") is None
        ]
        if len(groups) == 1:
            registry.set_figure(
                groups[0], Figure("intercepted", 0, "exact", m.start(), m.end(), sent.index)
            )
