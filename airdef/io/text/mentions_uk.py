"""Mentions of a Ukrainian or Russian report that are not "a number and its weapon".

:class:`UkMentions` holds the parts of :class:`~airdef.io.text.reader_uk.UkReader`
that read a sentence's other mentions (a missile or drone in the singular, weapons
named without a number, "усі ... знищено", vague groups, a line of a weapons list,
distributive "по N" counts) and the rules that finish the groups (a total that only
sums its parts, plain missiles beside a typed one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from airdef.io.text.groups import Figure, Group, Registry
from airdef.io.text.lexicon_uk import uk_number
from airdef.io.text.patterns_uk import ALL, ATTACK_WORD, FLAGS, ROLE, VAGUE, UkNumber
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import Phrase
from airdef.io.text.weapons_uk import SINGULAR_AFTER_ADJECTIVE, SINGULAR_MISSILE, read_phrase_uk

__all__ = [
    "Item",
    "UkMentions",
    "agrees_all",
    "drop_plain_mentions",
    "drop_sums",
    "join_lone_launch",
    "nest_under_intercepted_total",
]

_EACH = re.compile(r"(?:^|(?<=\s))[Пп]о\s+$")
_ADJ = r"[\w'’ʼ-]+(?:ській|цькій|зькій|ской|цкой)"
_REGIONS = re.compile(
    rf"(?:в|у|над)\s+{_ADJ}(?:\s*(?:,|та|і|й|и)\s*{_ADJ})+\s+(?:областях|областями|областей)",
    re.IGNORECASE,
)
_ATTACK_VERB = re.compile(
    r"(?:атакува|атакувал|атакував|атаковал|вдари|ударил|ударив|скину|скинул|сбросил)", re.I
)
_SHOT = re.compile(r"(?:збит|сбит|уламк|обломк)\w*\s+(?:\w+\s+)?$", re.I)
_WERE_DESTROYED = re.compile(
    r"(?<![\w'])(?:були|було|был[иао]?)\s+(?:знищен|збит|сбит|уничтожен|знешкоджен|перехоплен)\w*",
    re.I,
)
_WHETHER = re.compile(r"(?<![\w'])(?:все\s+ли|чи\s+(?:всі|усі)|не\s+уточни\w*)(?![\w'])", re.I)
_ONE_BOMB = frozenset({"каб", "уаб", "фаб", "авіабомба", "авиабомба", "бомба"})
_LIST_JOIN = re.compile(r"\s*(?:,|і|й|та|и)\s*", re.IGNORECASE)
_MORE_THAN = re.compile(r"понад|більш|свыше|более|больше", re.IGNORECASE)
_TYPED = frozenset({"cruise_missile", "ballistic_missile", "anti_aircraft_missile"})


def drop_plain_mentions(groups: list[Group]) -> list[Group]:
    """ "ракети Х-31 ... уламки ракет": plain missiles without a number are the typed ones."""
    typed = any(g.phrase.weapon_class in _TYPED for g in groups)
    return [
        g
        for g in groups
        if not (
            typed and not g.figures and g.phrase.weapon == "Unknown Missile" and g.parent is None
        )
    ]


def drop_sums(groups: list[Group]) -> list[Group]:
    """ "114 повітряних цілей: 27 «шахедів» та 87 ракет": a total that only sums its parts."""
    drop = set()
    for g in groups:
        kids = [o for o in groups if o.parent == g.gid]
        named = {k: f.value for k, f in g.figures.items() if f.value is not None}
        if not g.phrase.total or not kids or not named:
            continue
        if all(
            sum(o.value(k) or 0 for o in kids) == v and all(o.value(k) is not None for o in kids)
            for k, v in named.items()
        ):
            drop.add(g.gid)
            for o in kids:
                o.parent = None
    return [g for g in groups if g.gid not in drop]


def join_lone_launch(groups: list[Group]) -> list[Group]:
    """ "ліквідовано 27 «шахедів». Загалом ворог випустив 36 ударних дронів": one group.

    A class-word group with only a launch figure beside exactly one other top-level
    group of its class, which has no launch figure, is that group's launch.
    """
    out = list(groups)
    for g in groups:
        if g.parent is not None or not g.phrase.generic or set(g.figures) != {"launched"}:
            continue
        peers = [
            o
            for o in out
            if o is not g
            and o.parent is None
            and o.figures
            and o.phrase.weapon_class == g.phrase.weapon_class
        ]
        if len(peers) != 1 or "launched" in peers[0].figures or peers[0].phrase.total:
            continue
        if not peers[0].phrase.coverage <= g.phrase.coverage:
            continue
        if any(o.parent == g.gid for o in out):
            continue
        peers[0].figures["launched"] = g.figures["launched"]
        out = [o for o in out if o is not g]
    return out


def nest_under_intercepted_total(groups: list[Group]) -> None:
    """ "атакували 120 ракет і 90 дронів ... знищили понад 140 повітряних цілей": parts of it.

    One "air targets" total with only an intercept figure, beside several launched
    groups with none: the launched groups are parts of what the total counts.
    """
    tops = [g for g in groups if g.parent is None and g.figures]
    totals = [g for g in tops if g.phrase.total and set(g.figures) == {"intercepted"}]
    others = [g for g in tops if not g.phrase.total]
    if len(totals) != 1 or len(others) < 2 or any("intercepted" in g.figures for g in others):
        return
    for g in others:
        g.parent = totals[0].gid
    totals[0].explicit_parent = True


def agrees_all(group: Group, figures: list[Figure]) -> bool:
    return all(group.value(f.field) in (None, f.value) for f in figures)


@dataclass
class Item:
    number: UkNumber
    phrase: Phrase | None
    total: UkNumber | None  # "N з M": the M
    kind: str  # "phrase", "of", "them", "bare", "region"
    end: int
    child: bool = False
    regional: bool = False
    role: str | None = None
    combined: bool = False


class UkMentions:
    """Reading of the mentions around the counts, shared by :class:`UkReader`.

    The reader provides ``t`` (the text), ``registry``, ``regional``,
    ``previous``, ``named`` and ``list_verb``.
    """

    t: str
    registry: Registry
    regional: set[int]
    previous: list[Group]
    named: list[tuple[Phrase, int]]
    list_verb: re.Match[str] | None

    def _national(self, registry: Registry, phrase: Phrase, figures: list[Figure]) -> list[Group]:
        """The one nationwide group a mention refers to when regional groups could too."""
        found = registry.candidates(phrase)
        if not any(g.gid in self.regional for g in found):
            return []
        return [
            g
            for g in found
            if g.gid not in self.regional and g.parent is None and agrees_all(g, figures)
        ]

    def _distributive(self, item: Item, sent: Sentence) -> list[str]:
        """The regions of "по N ... в X-ській та Y-ській областях", each with N of its own."""
        t = self.t
        if not _EACH.search(t, max(sent.start, item.number.start - 4), item.number.start):
            return []
        m = _REGIONS.search(t, item.end, min(sent.end, item.end + 120))
        if not m:
            return []
        names = re.findall(r"[\w'’ʼ-]+(?:ській|цькій|зькій|ской|цкой)", m.group())
        return [f"{n} область" for n in names] if len(names) > 1 else []

    @staticmethod
    def _mark_restated(registry: Registry, phrase: Phrase, figures: list[Figure]) -> None:
        """ "понад п'ятьма десятками дронів ... 54 дрони": the exact figure replaces the hedge.

        A hedged figure of an earlier group the new mention refers to is marked
        initial when the exact one falls inside it, so the two are one group.
        """
        for fig in figures:
            if fig.qualifier != "exact" or fig.value is None:
                continue
            for g in registry.candidates(phrase)[:1]:
                old = g.figures.get(fig.field)
                if old is None or old.value is None or old.qualifier == "exact":
                    continue
                fits = {
                    "at_least": fig.value >= old.value,
                    "at_most": fig.value <= old.value,
                    "approx": abs(fig.value - old.value) <= max(2, old.value // 10),
                }.get(old.qualifier or "", False)
                if fits:
                    old.initial = True

    def _read_list_line(self, sent: Sentence, registry: Registry, current: list[Group]) -> None:
        """ "- БпЛА (тип встановлюється);": a line of a weapons list with no number."""
        t = self.t
        m = re.match(r"\s*[-–—•▪●*]\ufe0f?\s*", t[sent.start : sent.end])
        start = sent.start + (m.end() if m else 0)
        phrase = read_phrase_uk(t, start, limit=6)
        if phrase is None or phrase.start > start + 2 or phrase.total:
            return
        key = (self.list_verb.start() if self.list_verb else 0, -1)
        words = re.findall(r"[\w'’ʼ]+", phrase.label.lower())
        # "fpv-дрон;", "КАБ;" (the abbreviation's plural is "КАБи"): one
        one = bool(words) and bool(SINGULAR_MISSILE.match(words[-1]) or words[-1] in _ONE_BOMB)
        fig = Figure(
            "launched",
            1 if one else None,
            "exact" if one else None,
            phrase.start,
            phrase.end,
            sent.index,
        )
        current.append(
            registry.new(phrase, [fig], sentence=sent.index, additive=True, list_key=key)
        )

    def _phrases(self, sent: Sentence) -> list[Phrase]:
        """Weapon phrases of a sentence that no number precedes."""
        t = self.t
        out: list[Phrase] = []
        pos = sent.start
        for tok in re.finditer(r"(?<![\w'])[\w«\"“][\w'’ʼ/-]*", t[sent.start : sent.end]):
            s = sent.start + tok.start()
            if s < pos:
                continue
            phrase = read_phrase_uk(t, s, limit=6)
            if phrase is None or phrase.start > s + 1:
                continue
            out.append(phrase)
            pos = phrase.end
        return out

    def _breakdown(self, breakdown: dict[int, tuple[Group, dict]]) -> None:
        """ "З них 91 знищено ..., а 59 втрачені або подавлені": the split replaces the total."""
        for target, parts in breakdown.values():
            if len(parts) == 1 and (role := next(iter(parts))) in ("intercepted", "suppressed"):
                # "запустили 40 дронів, з них 30 збили": the figure of the group just named
                (item, sent), launched = parts[role], target.value("launched")
                if target.value(role) is None and item.number.value <= (launched or 0):
                    self.registry.set_figure(target, self._fig(role, item.number, item.end, sent))
                continue
            if "intercepted" not in parts or "suppressed" not in parts:
                continue
            (hit, sent), (lost, sent2) = parts["intercepted"], parts["suppressed"]
            total = target.value("intercepted")
            if total is not None and hit.number.value + lost.number.value == total:
                self.registry.set_figure(
                    target, self._fig("intercepted", hit.number, hit.end, sent), replace=True
                )
                self.registry.set_figure(
                    target, self._fig("suppressed", lost.number, lost.end, sent2), replace=True
                )

    def _read_all(self, sent: Sentence, registry: Registry, items: list[Item]) -> None:
        """ "Усі ворожі БпЛА ... були знешкоджені": intercepted equals launched."""
        t = self.t
        start = max([sent.start] + [i.end for i in items])
        m = ALL.search(t, start, sent.end)
        if m is None and items and items[0].number.start > sent.start:
            # "всі БпЛА типу Shahed та один БпЛА невстановленого типу були знищені"
            m = ALL.search(t, sent.start, sent.end)
            lead = t[m.start() : items[0].number.start] if m is not None else ""
            m = m if m is not None and len(lead.split()) >= 3 < m.end() - m.start() else None
        options = [g for g in self.registry.groups if g.sentence == sent.index] if items else []
        options = options or self.previous
        if _WHETHER.search(t, sent.start, sent.end):
            return  # "Попко не уточнил, все ли ракеты удалось сбить": a question, no figure
        if not m or not options or re.match(r"\s*\d", t[m.end() : m.end() + 3]):
            return  # "збили усі 14 шахедів": the count's own reading gives both figures
        # "сбитие обоих ракет": the group of the weapon named after the word for all
        named = read_phrase_uk(t, m.end(), limit=4)
        inside = re.match(r"\w+\s+", m.group())  # "Усі ударні дрони знищили"
        if (named is None or named.start > m.end() + 2) and inside:
            named = read_phrase_uk(t, m.start() + inside.end(), limit=4)
            if named is not None and named.end <= m.end():
                named = replace(named, start=m.end())
        if named is not None and named.start <= m.end() + 2:
            # "Усі ударні дрони знищили" after "збили чотири розвідувальних БпЛА": the strike
            # drones of an earlier sentence, never the reconnaissance ones
            strike = bool(re.search(r"ударн", named.label, re.I))

            def fits(g: Group) -> bool:
                recon = g.phrase.weapon_class == "recon_drone"
                return bool(g.phrase.coverage & named.coverage) and not (strike and recon)

            options = [g for g in options if fits(g)] or [
                g for g in self.registry.groups if fits(g)
            ]
            if not options:  # "все беспилотники ... были сбиты" beside missiles: no count
                registry.add(named, [], sentence=sent.index, vague=True)
                return
            # "всі БпЛА типу Shahed та один БпЛА невстановленого типу": the type named first
            options = [g for g in options if g.phrase.weapon == named.weapon] or options
        target = options[-1]
        launched = target.figures.get("launched")
        caught = target.figures.get("intercepted")
        if (launched is None or launched.value is None) and caught is not None and caught.value:
            # "знешкодили близько десяти дронів ... всі дрони були збиті": launched alike
            self.registry.set_figure(
                target,
                Figure("launched", caught.value, caught.qualifier, m.start(), m.end(), sent.index),
            )
            return
        if launched is None or launched.value is None or target.value("intercepted") is not None:
            return
        fig = Figure(
            "intercepted", launched.value, launched.qualifier, m.start(), m.end(), sent.index
        )
        registry.set_figure(target, fig)

    def _read_were_destroyed(
        self, sent: Sentence, registry: Registry, items: list[Item], current: list[Group]
    ) -> None:
        """ "Дві ракети типу «Онікс», випущені з Криму, були знищені": all of them."""
        m = _WERE_DESTROYED.search(self.t, items[-1].end, sent.end)
        target = current[-1]
        launched = target.figures.get("launched")
        if m is None or launched is None or launched.value is None:
            return
        if target.value("intercepted") is None:
            registry.set_figure(
                target,
                Figure(
                    "intercepted",
                    launched.value,
                    launched.qualifier,
                    m.start(),
                    m.end(),
                    sent.index,
                ),
            )

    def _read_vague(self, sent: Sentence, registry: Registry) -> None:
        """ "частина ракет влучила", "десятки дронів": a group with no number."""
        t = self.t
        for m in VAGUE.finditer(t, sent.start, sent.end):
            phrase = read_phrase_uk(t, m.end(), limit=6)
            if phrase is None or phrase.start != m.end() or phrase.total:
                continue
            registry.add(phrase, [], sentence=sent.index, vague=True)

    def _read_singular(
        self,
        sent: Sentence,
        registry: Registry,
        verbs: list,
        items: list[Item],
        current: list[Group],
    ) -> None:
        """A missile named in the singular without a number is one ("балістичною ракетою")."""
        t = self.t
        taken = SpanSet([(i.number.start, i.end) for i in items])
        for m in re.finditer(
            r"(?<![\w'])([\w'’ʼ-]+\s+)?(ракет(?:а|у|ою|ой)|(?<=ої\s)ракети|(?<=ой\s)ракеты|"
            r"дрон(?:а|ом)?|безпілотник(?:а|ом)?|беспилотник(?:а|ом)?|шахедом|«шахедом|\"шахедом)"
            r"(?![\w'-])",
            t[sent.start : sent.end],
            FLAGS,
        ):
            s = sent.start + m.start()
            if taken.overlaps(s, sent.start + m.end()):
                continue
            before = t[max(sent.start, s - 12) : s]
            if re.search(r"\d\s*$|одн\w*\s*$", before) or (
                m.group(1) and uk_number(m.group(1).strip())
            ):
                continue
            phrase = read_phrase_uk(t, s) or read_phrase_uk(t, sent.start + m.start(2))
            one = SINGULAR_MISSILE.match(m.group(2).lower()) or (
                SINGULAR_AFTER_ADJECTIVE.match(m.group(2).lower()) and m.group(1)
            )
            if phrase is None or not one:
                continue
            verb = None
            noun = sent.start + m.start(2)  # "вдарили ракетою Х-59": the verb may be group 1
            for v in verbs:
                if v.end() <= noun and ";" not in t[v.end() : noun]:
                    verb = v
            drone = phrase.weapon_class != "unknown" and not m.group(2).lower().startswith("ракет")
            if drone:
                # "російський дрон атакував", "атакували Херсон із безпілотника": one drone
                verb = next((v for v in verbs if abs(v.start() - s) <= 40), None)
                if (
                    verb is None
                    or not _ATTACK_VERB.match(v_text := verb.group())
                    or (_SHOT.search(t, max(sent.start, s - 15), s))
                ):
                    continue
                del v_text
                field = "launched"
            else:
                field = ROLE[verb.lastgroup or ""] if verb is not None else None
                # "збито керовану авіаційну ракету Х-59": a named missile shot down is one
                typed = not phrase.generic and verb is not None and verb.start() < s
                if field != "launched" and not (field == "intercepted" and typed):
                    continue
            fig = Figure(field, 1, "exact", max(s, phrase.start), phrase.end, sent.index)
            plain = [
                g
                for g in registry.groups
                if g.phrase.weapon == "Unknown Missile"
                and set(g.figures) == {"launched"}
                and g.value("launched") == 1
                and g.parent is None
            ]
            if field == "launched" and not phrase.generic and len(plain) == 1:
                # "запустила ракету ... атакував балістичною ракетою Іскандер-М": one missile
                plain[0].phrase = phrase
                current.append(plain[0])
                continue
            group = registry.add(phrase, [fig], sentence=sent.index)
            if group is not None:
                current.append(group)

    def _read_named(self, sent: Sentence, verbs: list, items: list[Item]) -> None:
        """Weapons named without a number in an attack sentence, kept for reports with no count."""
        t = self.t
        if not ATTACK_WORD.search(t, sent.start, sent.end):
            return
        taken = SpanSet([(i.number.start, i.end) for i in items])
        if any(v.lastgroup == "l" for v in verbs):
            self.launch_sentences.add(sent.index)
        pos = sent.start
        for tok in re.finditer(r"(?<![\w'])[\w«\"“][\w'’ʼ/-]*", t[sent.start : sent.end]):
            s = sent.start + tok.start()
            if s < pos or taken.covers(s):
                continue
            phrase = read_phrase_uk(t, s, limit=6)
            if phrase is None or phrase.start > s + 1 or phrase.total:
                continue
            self.named.append((phrase, sent.index))
            pos = phrase.end

    def _spread_hedge(self, items: list[Item]) -> None:
        """ "около 120 ракет и 90 дронов": a hedge before a list holds for every item of it."""
        t = self.t
        for k in range(1, len(items)):
            prev, item = items[k - 1], items[k]
            hedge = t[prev.number.start : prev.number.num_start]
            if (
                prev.number.qualifier not in ("approx", "at_least")
                or item.number.qualifier != "exact"
                or not hedge
                or prev.phrase is None
                or item.phrase is None
                or prev.kind != "phrase"
                or item.kind != "phrase"
                or not _LIST_JOIN.fullmatch(t[prev.end : item.number.start])
            ):
                continue
            more = prev.number.qualifier == "at_least" and bool(_MORE_THAN.search(hedge))
            n = item.number
            item.number = replace(
                n, value=n.value + more, qualifier=prev.number.qualifier, start=prev.number.start
            )

    @staticmethod
    def _part_of_breakdown(groups: list[Group], g: Group, o: Group) -> bool:
        """ "51 ракету ... три «Кинджали», 14 балістичних ... одну балістичну": a part of the 51.

        An intercept count of a class that the breakdown of a total with no intercept
        figure of its own names.
        """
        kids = {k.phrase.weapon_class for k in groups if k.parent == o.gid}
        return (
            o.value("intercepted") is None
            and g.phrase.weapon_class in kids
            and g.value("intercepted") <= (o.value("launched") or 0)
        )

    @staticmethod
    def _fig(field: str, n: UkNumber, end: int, sent: Sentence) -> Figure:
        return Figure(field, n.value, n.qualifier, n.start, end, sent.index)
