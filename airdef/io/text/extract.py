"""Weapon counts in report text: numbers, the weapons they count, and the verbs that say how.

:func:`extract_weapons` reads one report sentence by sentence. A number is a
weapon count when a weapon phrase follows it (see
:mod:`airdef.io.text.weapons`), or when it refers back to one ("21 of the
missiles", "35 of them", "35 were shot down"). Its field comes from the verb:

* launched: launched, fired, used, sent, deployed, detected, tracked, "attacked
  ... with", "struck ... with", "a barrage of", "an attack involving";
* intercepted: shot down, downed, destroyed, intercepted, neutralised,
  eliminated, brought down;
* suppressed (electronic warfare): lost, locationally lost, jammed, suppressed;
* not counted: hit, struck, reached, fell, crashed, flew, returned.

A passive verb after the count ("15 were shot down") wins over a verb before it;
items of a list share the verb of the first ("launched 2 Iskander-M, an Kh-59
and 69 Shaheds") and its hedge ("approximately 274 drones and 33 missiles").
"N of M" and "N out of M" give N for the verb and M launched; "all 14 drones
were shot down" gives both; "all of them were destroyed" and "intercepted all"
set intercepted to launched; "none were intercepted" and "no missiles were
shot down" give 0. "18 missiles, including eight ballistic" makes the eight a
part of the 18. "Later corrected to 28" replaces the figure it corrects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from airdef.io.text import patterns as P
from airdef.io.text.clauses import period_clauses
from airdef.io.text.groups import Figure, Group, Registry, name_plain_missiles
from airdef.io.text.lists import pair_crosswise, share_list
from airdef.io.text.mentions import (
    WeaponMention,
    read_all_none,
    read_names,
    read_types,
    read_vague,
)
from airdef.io.text.numbers import Count, NumberToken, find_numbers, read_count
from airdef.io.text.quantities import weapon_numbers
from airdef.io.text.resolve import (
    fit_numbers,
    join_complementary,
    merge_restating_parts,
    nearest_referent,
    nest_scoped,
    part_of_whole,
    read_scope,
    total_after,
    total_phrase,
    whole_before,
)
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import Phrase, read_means, read_phrase

__all__ = ["WeaponMention", "WeaponReader", "extract_weapons"]


@dataclass
class _Construct:
    count: Count
    phrase: Phrase | None
    of_total: Count | None
    anaphor: str | None  # None, "pronoun", "phrase", "bare"
    end: int
    all_: bool = False
    verb_end: int | None = None  # end of a passive verb after a bare count ("10 were shot down")
    elided: bool = False  # the noun is the count's before ("three over Lviv and one over ...")
    downed: bool = False  # "all six missiles that were fired ... were shot down": also downed


class WeaponReader:
    """State while reading one English report (one attack)."""

    def __init__(self, text: str, blocked: Sequence[tuple[int, int]]) -> None:
        self.t = text
        self.blocked = SpanSet(blocked)
        self.registry = Registry(same_value_restates=True, join_lone_suppressed=True)
        self.previous: list[Group] = []  # groups of the last count-bearing sentence
        self.named: list[Phrase] = []  # missile types named without a number
        self.current: list[WeaponMention] = []

    # -- numbers ------------------------------------------------------------------------
    def numbers(self, sent: Sentence) -> list[NumberToken]:
        """The sentence's numbers that may count weapons (see :func:`weapon_numbers`)."""
        return weapon_numbers(self.t, sent, self.blocked)

    def _elided(self, count: Count, items: list[dict]) -> _Construct | None:
        """ "three missiles over Lviv and one over Mykolaiv": the noun of the count before."""
        last = items[-1] if items and items[-1]["c"] is not None else None
        if last is None or last["c"].phrase is None:
            return None
        gap = self.t[last["c"].end : count.start]
        if not P.ELIDED_GAP.fullmatch(gap) or not P.ELIDED_AFTER.match(self.t, count.end):
            return None
        return _Construct(count, last["c"].phrase, None, None, count.end, elided=True)

    def _number_at(self, nums: list[NumberToken], pos: int) -> Count | None:
        """The count (with its qualifier) that starts right at ``pos``, if any."""
        n = next((n for n in nums if n.start >= pos), None)
        if n is None:
            return None
        count = read_count(self.t, n)
        return count if not self.t[pos : min(count.start, n.start)].strip() else None

    def construct(self, count: Count, nums: list[NumberToken], sent: Sentence) -> _Construct | None:
        """What a count counts: a phrase after it, "N of M ...", "N of them", or a bare count."""
        t = self.t
        pos = count.end
        all_ = bool(P.ALL_BEFORE.search(t[max(sent.start, count.start - 12) : count.start]))
        m = P.OF.match(t, pos, sent.end)
        if m:
            after = m.end()
            total = self._number_at(nums, after)
            if total is not None:
                phrase = read_phrase(t, total.end) or read_means(t, total.end + 1)
                end = phrase.end if phrase else total.end
                if phrase is None:
                    tail = re.match(r"\s+(?:launched|fired|used|sent)\b", t[end : end + 20])
                    end += tail.end() if tail else 0
                return _Construct(count, phrase, total, None if phrase else "pronoun", end, all_)
            pron = P.PRONOUN.match(t, after, sent.end)
            if pron and P.PEOPLE_AFTER.match(t, pron.end()):
                return None  # "28 people were injured, two of them children"
            if pron:
                return _Construct(count, None, None, "pronoun", pron.end(), all_)
            phrase = read_phrase(t, after)
            if phrase is not None and phrase.start == after:
                return _Construct(count, phrase, None, "phrase", phrase.end, all_)
        phrase = read_phrase(t, pos) or read_means(t, pos + 1)
        if phrase is not None and phrase.start > pos + 40:
            phrase = None
        if phrase is not None:
            of_total = None
            m2 = re.match(
                r"\s+out\s+of\s+(?:the\s+)?", t[phrase.end : phrase.end + 20], re.IGNORECASE
            )
            if m2:
                of_total = self._number_at(nums, phrase.end + m2.end())
            end = of_total.end if of_total else phrase.end
            return _Construct(count, phrase, of_total, None, end, all_)
        if P.CASUALTY_NEXT.match(t, pos, sent.end) or P.CASUALTY_BEFORE.search(
            t, max(sent.start, count.start - 30), count.start
        ):
            return None  # "97 were injured", "14 people were killed": people, not weapons
        if P.BARE_NEXT.match(t, pos, sent.end) or pos >= sent.end:
            return _Construct(count, None, None, "bare", pos, all_)
        return None

    # -- verbs --------------------------------------------------------------------------
    def field(self, c: _Construct, sent: Sentence) -> tuple[str | None, str]:
        """The field a count gives, and where it was read: forward, backward, weak, default."""
        t = self.t
        if P.SHARE_OF.search(t, max(sent.start, c.count.start - 24), c.count.start):
            return "launched", "backward-close"  # "shot down the majority of 135 drones"
        if P.OF_LEAD.fullmatch(t, sent.start, c.count.start) and c.phrase is not None:
            return "launched", "weak"  # "Of the 215 projectiles, 112 were shot down"
        rest = t[c.end : min(sent.end, c.end + 120)]
        if c.of_total is not None:
            # "Fifteen of the 22 drones launched by Russia overnight were downed"
            reduced = P.REDUCED_RELATIVE.match(rest)
            rest = rest[reduced.end() :] if reduced else rest
        rest = rest[:80]
        relative = P.RELATIVE_LAUNCHED.match(rest)
        if relative and c.phrase is not None and not P.VERB.search(t, sent.start, c.count.start):
            # "all six Kalibr missiles that were fired overnight, and ..., were shot down"
            after = t[c.end + relative.end() : sent.end]
            c.downed = c.all_ and bool(P.INTERCEPT_RE.search(after))
            return "launched", "forward"
        comma = P.COMMA_PASSIVE.match(rest)
        if comma:  # "... and 31 out of 36 drones, were shot down"
            c.verb_end = c.end + comma.end()
            return P.verb_field(comma), "forward"
        others = re.match(r"\s+others?\b", rest) if c.phrase is None else None
        subject = rest[others.end() :] if others else rest  # "nine others failed to reach"
        if (c.phrase is not None or others) and P.SUBJECT.match(subject):
            joined = P.AND_PASSIVE.match(subject)
            if joined:  # "... failed to reach their targets and were lost"
                c.verb_end = c.end + joined.end()
                return P.verb_field(joined), "forward"
            return None, "forward"  # "12 missiles reached their targets": what they did
        clause = re.split(r"[,;:.]|\s+(?:and|but|while|which|that|who)\s+", rest, maxsplit=1)[0]
        aux = P.AUX.search(clause)
        if (
            aux
            and not find_numbers(clause[: aux.start()])
            and len(clause[: aux.start()].split()) <= 6
        ):
            verb = P.FWD_VERB.match(clause, aux.end())
            if verb and aux.group().strip().lower() in ("have", "has", "had"):
                verb = verb if verb.lastgroup == "s" else None  # "34 drones have disappeared"
            if verb:
                c.verb_end = c.end + verb.end()
                return P.verb_field(verb), "forward"
        weak = P.FWD_WEAK.match(rest)
        if weak and weak.lastgroup in ("i", "s"):  # "with 36 missiles and 60 drones shot down"
            c.verb_end = c.end + weak.end()
            return P.verb_field(weak), "forward"
        before = None
        clause_start = max(sent.start, t.rfind(";", sent.start, c.count.start) + 1)
        for m in P.VERB.finditer(t, clause_start, c.count.start):
            before = m
        if before is not None:
            between = t[before.end() : c.count.start]
            close = "," not in between and len(between.split()) <= 3
            return P.verb_field(before), "backward-close" if close else "backward"
        if P.FWD_ACTIVE.match(rest):
            return "launched", "weak"
        weak = P.FWD_WEAK.match(rest)
        if weak:
            return ("launched" if weak.lastgroup == "l" else "intercepted"), "weak"
        if not P.VERB.search(t, sent.start, sent.end):
            return "launched", "default"
        if P.LIST_PREDICATE.search(t, c.end, sent.end):
            return "launched", "weak"
        late = P.COMMA_PASSIVE.search(t, c.end, sent.end)
        if late and c.phrase is not None:  # "all of the 24 drones that ..., including ..., were"
            return P.verb_field(late), "weak"
        return None, "none"

    # -- antecedents --------------------------------------------------------------------
    def antecedents(self, pos: int) -> list[Group]:
        here = [m.group for m in self.current if m.end <= pos]
        return list(dict.fromkeys(here)) if here else list(self.previous)

    @staticmethod
    def pick_one(groups: list[Group]) -> Group | None:
        """The antecedent of "35 of them", "35 were shot down": only when there is one."""
        return groups[0] if len(groups) == 1 else None

    # -- one sentence -------------------------------------------------------------------
    def read(self, sent: Sentence) -> None:
        t = self.t
        self.current = []
        if P.COMPARISON.search(t, sent.start, sent.end) or P.RUSSIAN_CLAIM.search(
            t, sent.start, sent.end
        ):
            return  # "exceeded the record", "Russian air defence downed": not this attack's counts
        nums = self.numbers(sent)
        periods = period_clauses(t, sent)
        if periods is None:
            return  # "since February 2022", "this year": totals over a period, not an attack
        nums = [n for n in nums if not periods.covers(n.start)]
        used: set[int] = set()
        items: list[dict] = []
        for n in nums:
            if n.start in used:
                continue
            if P.ALL_BUT_END.search(t, max(sent.start, n.start - 9), n.start) and (
                not re.match(r"\s+(?:out\s+)?of\s+(?:the\s+)?\d", t[n.end : n.end + 16])
            ):
                used.add(n.start)  # "All but one of the drones were destroyed": read as "all"
                continue
            if P.CAPACITY.search(t, max(sent.start, n.start - 40), n.start):
                used.add(n.start)  # "a total volley of up to 28 missiles": what ships carry
                continue
            c = self.construct(read_count(t, n), nums, sent)
            if c is None:
                c = self._elided(read_count(t, n), items)
            if c is not None and P.NEGATED_AFTER.match(t, c.end):
                continue  # "the two missiles that were not destroyed"
            if c is None:
                items.append({"c": None})
                continue
            if c.of_total is not None:
                used.add(c.of_total.number.start)
            field, how = self.field(c, sent)
            item = {"c": c, "field": field, "how": how, "rel": None, "prev": None}
            last = items[-1] if items and items[-1]["c"] is not None else None
            if last is not None and c.phrase is not None:
                gap = t[last["c"].end : c.count.start]
                if c.elided:
                    item["rel"] = "glue"
                elif P.CHILD.match(gap) and not re.search(r"of\s+(?:which|them|these)", gap):
                    item["rel"] = "child"
                elif P.GLUE.match(gap) and last["c"].phrase is not None:
                    item["rel"] = "glue"
                elif P.COLON.match(gap):
                    item["rel"] = "colon"
                item["prev"] = last
            items.append(item)
        items = [i for i in items if i["c"] is not None]
        share_list(self.t, items)
        items = pair_crosswise(items)
        whole = whole_before(self.t, sent, self.previous)
        for item in items:
            parent = None
            if whole is not None and item["rel"] is None and item["c"].phrase is not None:
                parent = part_of_whole(whole, item["c"].phrase, item["c"].count.value)
            if item["rel"] == "child":
                parent = self._parent_for(item, items)
            elif item["rel"] == "glue":
                parent = item["prev"].get("parent")
                if parent is not None and not item["c"].phrase.coverage <= parent.phrase.coverage:
                    parent = None  # "53 missiles, including four Iskanders, as well as 47 drones"
            item["parent"] = parent
            item["group"] = self.record(
                item["c"],
                item["field"],
                sent,
                parent,
                (sent.index, item["chain"]),
                downed_too=item.get("downed_too", False),
            )
        read_all_none(self, sent)
        read_vague(self, sent)
        read_names(self, sent)
        read_types(self, sent)
        groups = [m.group for m in self.current]
        if groups:
            self.previous = list(dict.fromkeys(groups))

    @staticmethod
    def _parent_for(item: dict, items: list[dict]) -> Group | None:
        """The group an "including ..." part belongs to: the latest earlier item covering it.

        "60 missiles and 63 drones, including 12 Kh-101 cruise missiles": the
        Kh-101 are part of the missiles, not of the drones listed just before.
        """
        coverage = item["c"].phrase.coverage
        earlier = [i.get("group") for i in items[: items.index(item)] if i.get("group")]
        for group in reversed(earlier):
            if coverage <= group.phrase.coverage:
                return group
        return item["prev"].get("group")

    def _figure(self, field: str, count: Count, end: int, sent: Sentence, initial: bool) -> Figure:
        return Figure(field, count.value, count.qualifier, count.start, end, sent.index, initial)

    def record(
        self,
        c: _Construct,
        field: str | None,
        sent: Sentence,
        parent: Group | None,
        list_key: tuple[int, int] | None = None,
        downed_too: bool = False,
    ) -> Group | None:
        t = self.t
        if field is None:
            if c.of_total is not None and c.phrase is not None and c.anaphor is None:
                # "one of 12 Kalibr missiles made it past air defences": 12 were launched,
                # and the other 11 were stopped
                end = c.phrase.end
                figs = [self._figure("launched", c.of_total, end, sent, False)]
                evaded = P.EVADED.search(t, c.end, min(sent.end, c.end + 120))
                if evaded and c.of_total.qualifier == c.count.qualifier == "exact":
                    stopped = Count(
                        c.of_total.value - c.count.value,
                        "exact",
                        c.count.start,
                        evaded.end(),
                        c.count.number,
                    )
                    figs.append(self._figure("intercepted", stopped, evaded.end(), sent, False))
                group = self.registry.add(c.phrase, figs, sentence=sent.index, list_key=list_key)
                if group is not None:
                    self.current.append(WeaponMention(group, c.count.start, c.end, "launched"))
                return group
            return None
        head = t[sent.start : c.count.start]
        if (
            c.of_total is not None
            and c.of_total.qualifier == "exact"
            and P.ALL_BUT_END.search(head)
        ):
            value = c.of_total.value - c.count.value  # "all but one of the 20 drones": 19
            c.count = Count(value, "exact", c.count.start, c.count.end, c.count.number)
        correction = bool(P.CORRECTION.search(head)) and not P.INITIAL.search(head[-40:])
        initial = bool(P.INITIAL.search(t[sent.start : c.end])) and not correction
        additive = bool(
            P.ADDITIVE.search(t[max(sent.start, c.count.start - 16) : c.count.start])
            or re.match(r"\s+other\b", t[c.count.end : c.count.end + 8])
        )
        # "five drones there ... Eight more drones were downed over Kherson": a peer of
        # the group counted just before, part of what that one is part of
        sibling = None
        if re.match(r"\s+more\b", t[c.count.end : c.count.end + 8]) and self.registry.last:
            sibling = self.registry.last[0]
        quote_end = (
            c.phrase.end if c.phrase is not None and c.of_total is None and not c.elided else c.end
        )
        if c.phrase is None and c.verb_end is not None:
            quote_end = c.verb_end
        figures = [self._figure(field, c.count, quote_end, sent, initial)]
        if c.all_ and field == "intercepted":
            figures.append(self._figure("launched", c.count, quote_end, sent, initial))
        if (downed_too or c.downed) and field == "launched" and c.of_total is None:
            figures.append(self._figure("intercepted", c.count, quote_end, sent, initial))
        if c.of_total is not None and field != "launched":
            end = c.phrase.end if c.phrase is not None else c.of_total.end
            figures.append(self._figure("launched", c.of_total, end, sent, initial))
        elif field != "launched" and (whole := total_after(t, sent, quote_end)) is not None:
            figures.append(self._figure("launched", whole, whole.end, sent, initial))
        if (
            correction
            and c.phrase is None
            and P.TO_FIGURE.search(head[-30:])
            and self.registry.last
        ):
            group, last_field = self.registry.last
            fig = figures[0]
            # "revised the number of downed craft to 74": the field the correction names
            revised = [m.end() for m in P.CORRECTION.finditer(head)]
            named = P.INTERCEPT_RE.search(head, revised[-1]) if revised else None
            fig.field = "intercepted" if named else last_field
            self.registry.set_figure(group, fig, replace=True)
            self.current.append(WeaponMention(group, c.count.start, c.end, last_field))
            return group
        if c.anaphor is None:
            assert c.phrase is not None
            group = self.registry.add(
                c.phrase,
                figures,
                sentence=sent.index,
                correction=correction,
                additive=additive or sibling is not None,
                parent=parent,
                sibling=sibling,
                list_key=list_key,
                scope=read_scope(t, sent, c.count.start, max(c.end, c.verb_end or 0)),
            )
            if parent is not None:
                parent.explicit_parent = True
        elif c.anaphor == "phrase":
            assert c.phrase is not None
            group = nearest_referent(self.registry, self.previous, c.phrase, figures)
            if group is None:
                group = self.registry.add(
                    c.phrase, figures, sentence=sent.index, correction=correction, list_key=list_key
                )
        else:
            options = self.antecedents(c.count.start)
            parallel = self._parallel(c.count.start)
            group = parallel or self.pick_one(options) or self._fit_one(options, c.end)
            fit = None if group is not None else fit_numbers(options, figures)
            if fit is not None:
                group = fit
                for fig in figures:
                    self.registry.set_figure(group, fig)
            elif group is None:
                if len(options) < 2:
                    return None
                group = self.registry.new(total_phrase(options), figures, sentence=sent.index)
            else:
                if c.of_total is not None and group.value("launched") not in (
                    None,
                    c.of_total.value,
                ):
                    figures = figures[:1]
                conflict = any(
                    group.value(f.field) not in (None, f.value) for f in figures
                ) and not (
                    correction
                    or any(
                        group.figures[f.field].initial for f in figures if f.field in group.figures
                    )
                )
                smaller = c.anaphor == "pronoun" and all(
                    f.value is not None and f.value < (group.value(f.field) or 0) for f in figures
                )
                if conflict and smaller:  # "131 drones ..., about 90 of them being Shaheds"
                    group.explicit_parent = True
                    group = self.registry.new(
                        group.phrase, figures, sentence=sent.index, parent=group.gid
                    )
                elif conflict:  # "10 were shot down over Kyiv ... 35 of which were destroyed"
                    group = self.registry.new(group.phrase, figures, sentence=sent.index)
                else:
                    for fig in figures:
                        self.registry.set_figure(group, fig, replace=correction)
        self.current.append(WeaponMention(group, c.count.start, c.end, field))
        return group

    def finish(self) -> list[Group]:
        """The finished groups (see :meth:`Registry.finish`), plain missiles typed by the names."""
        name_plain_missiles(self.registry.groups, self.named, one_class="any")
        join_complementary(self.registry.groups)
        nest_scoped(self.registry.groups)
        return merge_restating_parts(self.registry.finish())

    def _fit_one(self, groups: list[Group], end: int) -> Group | None:
        """The one antecedent a count over several names after it.

        "117 drones and two missiles, about 70 of them being Shahed drones": the
        drones. Without such a name the count is a total over them all (never a
        guess from the numbers).
        """
        if len(groups) < 2:
            return None
        named = re.match(r"\s*,?\s*(?:being|are|were|is|was)\s+", self.t[end : end + 12])
        phrase = read_phrase(self.t, end + named.end()) if named else None
        if phrase is not None and phrase.start == end + named.end():
            covers = [g for g in groups if phrase.coverage <= g.phrase.coverage]
            return covers[0] if len(covers) == 1 else None
        return None

    def _parallel(self, pos: int) -> Group | None:
        """The group of the count just before ("61 drones were downed and 24 were lost")."""
        before = [m for m in self.current if m.end <= pos]
        if not before:
            return None
        gap = self.t[before[-1].end : pos]
        return before[-1].group if P.PARALLEL.fullmatch(gap) else None


def extract_weapons(
    text: str, sentences: Sequence[Sentence], blocked: Sequence[tuple[int, int]] = ()
) -> list[Group]:
    """The weapon groups of one attack.

    Parameters
    ----------
    text : str
        The folded text (positions as in the input).
    sentences : sequence of Sentence
        The sentences of the attack, in order.
    blocked : sequence of (start, end)
        Spans whose numbers are not counts (dates, district counts).

    Returns
    -------
    list of Group
        Finished groups: merged, nested and with explained totals removed.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "Russia launched 400 drones and 18 missiles, including eight ballistic and six cruise missiles."
    >>> [(g.label, g.value("launched"), g.parent) for g in extract_weapons(t, sentences(t))]
    [('drones', 400, None), ('missiles', 18, None), ('ballistic', 8, 1), ('cruise missiles', 6, 1)]
    """
    reader = WeaponReader(text, blocked)
    for sent in sentences:
        reader.read(sent)
    return reader.finish()
