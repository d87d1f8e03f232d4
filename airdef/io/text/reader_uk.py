"""Weapon counts in Ukrainian and Russian reports: clauses, number roles and subsets.

:class:`UkReader` reads a report sentence by sentence, as
:class:`~airdef.io.text.extract.WeaponReader` does for English, into the same
:class:`~airdef.io.text.groups.Registry`. Each number is typed by what follows
it (a weapon phrase, "з них", "з M", a region, a person or nothing) and given a
role by the verb of its clause:

* launched: атакував, запустив, випустив, застосував, задіявши,
  використавши, завдав удару, виявлено; Russian атаковал, выпустил, запущено;
* intercepted: збито, збили, знищено, знешкоджено, нейтралізовано,
  "підтверджено збиття"; Russian сбито, уничтожено;
* intercepted, shot down *or suppressed* as one figure (the Air Force's
  wording since August 2025): "збито/подавлено", "збила або подавила"; the
  group is marked :attr:`Group.combined` so that rates can tell the definition;
* suppressed (electronic warfare): локаційно втрачено, локально втрачено,
  локаційно зникли, втрачені або подавлені;
* a hit or a fall, never a launch or interception: влучання, поцілили,
  досягли цілей, падіння, вийшли з повітряного простору, повернулися.

"N з M" (N із M, N из M) gives N for the verb and M launched; "M ракет, N з
яких збили" and "з них N" refer to the group just named; "N/M" after "Збито"
gives N intercepted of M. A count for one region ("над Миколаївщиною", "у
Київській області", "навколо Києва") becomes part of the nationwide group of
the same class when there is one; "серед яких", "у тому числі", "з них
N – Shahed" and a list after a colon are parts of the group before them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from airdef.io.text.groups import Figure, Group, Registry, name_plain_missiles
from airdef.io.text.mentions_uk import (
    Item,
    UkMentions,
    agrees_all,
    drop_plain_mentions,
    drop_sums,
    join_lone_launch,
    nest_under_intercepted_total,
)
from airdef.io.text.patterns_uk import (
    CHILD_BEFORE,
    DASH,
    HIT,
    LAUNCHED_PART,
    NEGATIVE,
    OF_M,
    OF_THEM_AFTER,
    OF_THEM_BEFORE,
    REGION,
    REGION_LIST,
    RELATIVE,
    ROLE,
    RUNNING_TOTAL,
    VERB_UK,
    UkNumber,
    find_numbers_uk,
)
from airdef.io.text.roles_uk import UkRoles
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import Phrase
from airdef.io.text.weapons_uk import read_phrase_after, read_phrase_uk

__all__ = ["UkReader"]

_LIST_HEAD = re.compile(
    r"(?:(?:таке|наступне|такое|следующее)\s+озброєння|вооружение|(?:таку|наступну)\s+зброю|"
    r"(?:такое|следующее)\s+оружие|прилетіло|прилетело)[»”\"]?\s*:$",
    re.IGNORECASE,
)
_LAUNCHED_LIST = VERB_UK.search("випустили")
_LIST_GLUE = re.compile(r"[»\"”)\s]*(?:,|і|й|та|и|а\s+також|,\s*а\s+також)\s*", re.IGNORECASE)

# "з 673 засобів повітряного нападу збито 635": the number after "з" is the whole
_OF_ALL = re.compile(r"(?:^|[\s,(])(?:з|із|зі|из)\s+$", re.IGNORECASE)
# "збили усі 18 ракет": intercepted and launched alike
_ALL_OF = re.compile(r"(?<![\w'])(?:усі|всі|все|всех|всіх)\s+$", re.IGNORECASE)
_PLACES_LIST = re.compile(r"(?:напрям|направлен|район)\w*\s*:$", re.IGNORECASE)
_LAUNCHES = re.compile(r"\s+(?:пуск|запуск)(?:ів|ов|и|і|а)?\s+", re.IGNORECASE)
# "Серед запущених ракет — три «Кинджали», 34 крилаті ...", "Серед 98 апаратів приблизно 60
# становили ударні «Shahed»": the rest of the sentence are parts of the group named first
_AMONG = re.compile(
    r"[\s«\"“(]*(?:серед|среди)\s+(?:(?:запущених|випущених|застосованих|збитих|"
    r"запущенных|выпущенных|сбитых|примененных|цих|этих)\s+)?",
    re.IGNORECASE,
)


class UkReader(UkMentions, UkRoles):
    """State while reading one Ukrainian or Russian report (one attack)."""

    def __init__(self, text: str, blocked: Sequence[tuple[int, int]]) -> None:
        self.t = text
        self.blocked = SpanSet(blocked)
        self.registry = Registry()
        self.previous: list[Group] = []
        self.regional: set[int] = set()
        self.combined: set[int] = set()
        self.named: list[tuple[Phrase, int]] = []  # weapons named without a number
        self.launch_sentences: set[int] = set()
        self.headline: list[Sentence] = []
        self.hits: list[Figure] = []
        self.list_verb: re.Match[str] | None = None  # the verb of a line ending in ":"
        self.first_line: tuple[int, int] | None = None

    # -- one number ---------------------------------------------------------------------
    def _item(self, n: UkNumber, nums: list[UkNumber], sent: Sentence) -> Item:
        t = self.t
        pos = n.end
        nxt = next((m for m in nums if m.start >= pos), None)
        if n.total is not None:
            phrase = read_phrase_uk(t, pos)
            if phrase is not None and phrase.start <= pos + 2:
                return Item(n, phrase, n.total, "of", phrase.end)
            return Item(n, None, None, "region", pos)
        m = OF_THEM_AFTER.match(t, pos)
        if m:
            dash = DASH.match(t, m.end())
            phrase = read_phrase_uk(t, dash.end()) if dash else None
            if dash and phrase is not None and phrase.start <= dash.end() + 2:
                # "49 БпЛА ..., близько 30 із них – шахеди": a part named after the dash
                return Item(n, phrase, None, "phrase", phrase.end, child=True)
            return Item(n, None, None, "them", m.end())
        m = OF_M.match(t, pos)
        if m and nxt is not None and nxt.start == m.end():
            phrase = read_phrase_after(t, nxt.end)  # "15 из 18 выпущенных по ... ракет"
            end = phrase.end if phrase else nxt.end
            return Item(n, phrase, nxt, "of", end)
        launches = _LAUNCHES.match(t, pos)  # "71 пуск крылатых ракет", "43 запуски ракет"
        phrase = read_phrase_uk(t, launches.end() if launches else pos)
        if launches and phrase is not None and phrase.start <= launches.end() + 1:
            return Item(n, phrase, None, "phrase", phrase.end)
        if phrase is not None and phrase.start <= pos + 2:
            m = OF_M.match(t, phrase.end)  # "52 вражеских дрона из 110"
            total = next((x for x in nums if m and x.start == m.end()), None)
            if total is not None:
                described = LAUNCHED_PART.match(t, total.end)  # "из 21 запущенного"
                return Item(n, phrase, total, "of", described.end() if described else phrase.end)
            return Item(n, phrase, None, "phrase", phrase.end)
        dash = DASH.match(t, pos)
        if dash:
            phrase = read_phrase_uk(t, dash.end())
            if phrase is not None and phrase.start <= dash.end() + 2:
                return Item(n, phrase, None, "phrase", phrase.end)
            if re.match(r"[\w'’ʼ-]+(?:ської|цької|зької|ської)\b", t[dash.end() : dash.end() + 30]):
                return Item(n, None, None, "region", dash.end())
        return Item(n, None, None, "bare", pos)

    def _verbs(self, sent: Sentence) -> list[re.Match[str]]:
        return list(VERB_UK.finditer(self.t, sent.start, sent.end))

    def _role(
        self, item: Item, verbs: list[re.Match[str]], stops: list[int]
    ) -> tuple[str | None, bool, bool]:
        """(field, combined, found) from the verb after or before the count."""
        t = self.t
        # "три балістичні ракети, які летіли в напрямку Києва, збили": past the clause
        rel = RELATIVE.match(t, item.end)
        after = next((v for v in verbs if v.start() >= (rel.end() if rel else item.end)), None)
        before = None
        for v in verbs:
            if v.end() <= item.number.start:
                before = v
        limit = min([s for s in stops if s > item.end] + [len(t)])
        if after is not None and after.start() < limit:
            gap = t[item.end : after.start()]
            close = (len(gap) <= 30 and not re.search(r"[;:.,]", gap)) or rel is not None
            if close and (item.kind in ("them", "bare") or len(gap.split()) <= 3 or before is None):
                return ROLE[after.lastgroup or ""], after.lastgroup == "c", True
        if before is not None:
            gap = t[before.end() : item.number.start]
            if ";" in gap:
                # "атакували три БпЛА типу «Молния»; один FPV-дрон і два БпЛА": a list part
                # with no verb of its own keeps the verb before the semicolon
                seg_start = before.end() + gap.rfind(";")
                seg_end = t.find(";", item.end)
                seg_end = len(t) if seg_end < 0 else seg_end
                if not any(seg_start <= v.start() < seg_end for v in verbs):
                    gap = gap.replace(";", ",")
            if ";" not in gap and not OF_THEM_BEFORE.search(gap):
                return ROLE[before.lastgroup or ""], before.lastgroup == "c", True
        if after is not None and after.start() - item.end <= 80 and after.start() < limit:
            return ROLE[after.lastgroup or ""], after.lastgroup == "c", True
        if after is not None and not re.search(r"[;]", t[item.end : after.start()]):
            return ROLE[after.lastgroup or ""], after.lastgroup == "c", True  # a long list
        return None, False, False

    # -- one sentence -------------------------------------------------------------------
    def read(self, sent: Sentence) -> None:
        """Read one sentence; a headline is kept for :meth:`finish`."""
        if self._is_headline(sent):
            self.headline.append(sent)
            return
        self._read(sent, self.registry)

    def _read(self, sent: Sentence, registry: Registry) -> None:
        t = self.t
        if NEGATIVE.search(t, sent.start, sent.end) and not VERB_UK.search(t, sent.start, sent.end):
            return
        if RUNNING_TOTAL.search(t, sent.start, sent.end):
            return  # "з початку повномасштабного вторгнення ППО збила понад дві тисячі ракет"
        nums = find_numbers_uk(t, sent.start, sent.end, self.blocked)
        verbs = self._verbs(sent)
        body = t[sent.start : sent.end].strip()
        bullet = body[:1] in "-–—•▪●*" and bool(body)
        # "Над Україною було зафіксовано:\n805 ударних БПЛА ...;\n9 крилатих ракет ...;"
        # or "таку зброю:\n\nдва КАБ;\n\nfpv-дрон;": short lines, each ending in ";" or "."
        bullet = bullet or (
            self.list_verb is not None
            and not verbs
            and not OF_THEM_AFTER.search(body)
            and (bool(re.match(r"\d", body)) or (len(body) <= 60 and body[-1:] in ";."))
        )
        from_list = not verbs and bullet and self.list_verb is not None
        if from_list:
            verbs = [self.list_verb]  # "випустили таке озброєння:\n- чотири КАБи;"
        elif not bullet:
            self.list_verb = verbs[-1] if verbs and body.endswith(":") else None
            if self.list_verb is not None and _PLACES_LIST.search(body):
                self.list_verb = None  # "Їх запускали з напрямків:": a list of places
            if self.list_verb is None and _LIST_HEAD.search(body):
                # "За добу по Харківщині “прилетіло”:", "по регіону таке озброєння:"
                self.list_verb = _LAUNCHED_LIST
        items: list[Item] = []
        used: set[int] = set()
        for n in nums:
            if n.start in used:
                continue
            item = self._item(n, nums, sent)
            if item.total is not None:
                used.add(item.total.start)
            items.append(item)
        self._spread_hedge(items)
        stops = [i.number.start for i in items]
        current: list[Group] = []
        breakdown: dict[int, tuple[Group, dict]] = {}
        last_group: Group | None = None
        among = _AMONG.match(t, sent.start, sent.end)
        parts_from = len(items) + 1  # the items from here on are parts of the group named first
        if among is not None and items:
            lead = items[0]
            if lead.number.start <= among.end() + 1 and lead.phrase is not None:
                parts_from = 1  # "Серед 98 апаратів ...": the total is the first count
            else:
                named = read_phrase_uk(t, among.end(), limit=6)
                if named is not None and named.start <= among.end() + 1:
                    last_group = registry.pick(named)
                    parts_from = 0 if last_group is not None else parts_from
        colon_parent: Group | None = None
        sent_phrases: list[Phrase] | None = None  # read once per sentence: linear time
        in_colon_list = False
        for k, item in enumerate(items):
            head = t[max(sent.start, item.number.start - 60) : item.number.start]
            item.child = (
                item.child
                or k >= parts_from
                or bool(CHILD_BEFORE.search(head))
                or (
                    k > 0
                    and items[k - 1].child
                    and item.kind == "bare"
                    and bool(
                        re.fullmatch(
                            r"[^.;\d]*?,?\s*(?:а|і|й|та|и)\s+",
                            t[items[k - 1].end : item.number.start],
                        )
                    )
                )
            )
            role, combined, found = self._role(item, verbs, stops)
            head = t[max(sent.start, item.number.start - 6) : item.number.start]
            if item.kind == "phrase" and _LAUNCHES.match(t, item.number.end):
                role, combined, found = "launched", False, True  # "71 пуск крылатых ракет"
            if item.kind == "phrase" and _OF_ALL.search(head):
                role, combined, found = "launched", False, True  # "з 673 засобів ... збито 635"
            if from_list and self.list_verb is not None:
                role, combined, found = ROLE[self.list_verb.lastgroup or ""], False, True
            if among is not None and parts_from == 1 and k == 0 and role is None:
                role, combined, found = "launched", False, True  # "Серед 98 апаратів"
            if role is None and item.child and last_group and DASH.match(t, item.number.end):
                role, combined, found = "launched", False, True  # "з них 100 – шахеди"
            if item.kind == "region":
                continue
            clause_start = max([sent.start] + [i.end for i in items[:k]])
            clause_end = min([sent.end, item.end + 80] + [i.number.start for i in items[k + 1 :]])
            scope = t[clause_start:clause_end]
            regional = bool(REGION.search(scope)) and not REGION_LIST.search(scope)
            if item.kind in ("them", "bare") or (item.child and item.phrase is None):
                options = current or self.previous
                target = options[-1] if options else None
                if not found or role is None:
                    continue
                if not current and item.kind == "bare":
                    # "рекордну кількість збитих дронів – 87 одиниць": the weapon named before
                    sent_phrases = self._phrases(sent) if sent_phrases is None else sent_phrases
                    named = [p for p in sent_phrases if p.end <= item.number.start]
                    if named:
                        fig = self._fig(role, item.number, item.end, sent)
                        group = registry.add(named[-1], [fig], sentence=sent.index)
                        if group is not None:
                            current.append(group)
                            last_group = group
                        continue
                if target is None and item.kind == "them" and not item.child:
                    # "атакувала Дніпропетровщину безпілотниками. ... збили 37 з них": the
                    # weapon named without a number in the sentence before
                    before = [p for p, i in self.named if i in (sent.index - 1, sent.index)]
                    if before and before[-1].end <= item.number.start:
                        fig = self._fig(role, item.number, item.end, sent)
                        group = registry.add(before[-1], [fig], sentence=sent.index)
                        if group is not None:
                            current.append(group)
                        continue
                if target is None:
                    continue
                if item.child:
                    breakdown.setdefault(target.gid, (target, {}))[1][role] = (item, sent)
                    continue
                if item.kind == "bare" and item.number.value > (target.value("launched") or 10**9):
                    continue
                fig = self._fig(role, item.number, item.end, sent)
                if target.value(role) not in (None, fig.value):
                    continue
                registry.set_figure(target, fig)
                if combined:
                    self.combined.add(target.gid)
                continue
            if item.phrase is None and item.kind == "of":  # "атакував Одесу дронами. Збито 11 з 14"
                near = [p for p, i in self.named if i in (sent.index - 1, sent.index)]
                item.phrase = near[-1] if near and near[-1].end <= item.number.start else None
            if item.phrase is None:
                continue
            if not found or role is None:
                if found:  # a hit or a fall: the count is read, but it is no launch or intercept
                    if HIT.search(t, max(sent.start, item.number.start - 40), item.end + 40):
                        self.hits.append(self._fig("hits", item.number, item.end, sent))
                    continue
                if item.kind != "of":
                    continue
                role = "intercepted"
            back = [g for g in self.previous if g.value("launched") == item.number.value]
            if item.phrase.total and not current and role != "launched" and len(back) == 1:
                # "двома ракетами Х-59 ... обидві цілі було знищено": the targets named before
                registry.set_figure(back[0], self._fig(role, item.number, item.end, sent))
                continue
            figures = [self._fig(role, item.number, item.end, sent)]
            if role == "intercepted" and _ALL_OF.search(head):  # "збили усі 18 ракет"
                figures.append(self._fig("launched", item.number, item.end, sent))
            if item.total is not None:
                figures.append(self._fig("launched", item.total, item.end, sent))
                if role == "launched":
                    figures = figures[1:]
            parent = None
            gap = t[items[k - 1].end : item.number.start] if k else ""
            if item.child and last_group is not None:
                parent = last_group
            elif item.child and item.kind == "phrase" and OF_THEM_AFTER.match(t, item.number.end):
                # "... із них – шахеди" about a group of an earlier sentence, or of none
                parent = self.previous[-1] if self.previous else None
                if parent is None:
                    continue
            elif colon_parent is not None and (
                re.search(r"[:;]\s*$", gap) or (in_colon_list and _LIST_GLUE.fullmatch(gap))
            ):
                parent = colon_parent  # "114 повітряних цілей: 27 «шахедів» та 87 ракет"
            in_colon_list = parent is not None and parent is colon_parent
            same = [
                g
                for g in registry.candidates(item.phrase)
                if g.gid in self.regional
                and all(g.value(f.field) in (None, f.value) for f in figures)
            ]
            each = self._distributive(item, sent) if parent is None and not item.child else []
            if each:
                # "По 4 дрони знищено в Одеській та Миколаївській областях": 4 in each region
                for region in each:
                    phrase = replace(item.phrase, label=f"{item.phrase.label} ({region})")
                    group = registry.new(phrase, figures, sentence=sent.index, additive=True)
                    current.append(group)
                continue
            if from_list:  # each line of a list is a group of its own
                key = (self.list_verb.start() if self.list_verb else 0, -1)
                group = registry.new(
                    item.phrase, figures, sentence=sent.index, additive=True, list_key=key
                )
            elif regional and parent is None and not item.child and not same:
                group = registry.new(item.phrase, figures, sentence=sent.index)
            elif regional and same:
                group = same[0]
                for fig in figures:
                    registry.set_figure(group, fig)
            elif (
                parent is None
                and not item.child
                and re.search(r"(?:[,;]|\s(?:і|й|та|и|а\s+також))\s*$", gap)
                and any(
                    g.phrase.weapon_class == item.phrase.weapon_class and g.parent is None
                    for g in current
                )
                and not any(
                    g.phrase.weapon == item.phrase.weapon
                    for g in registry.candidates(item.phrase)[:1]
                    if agrees_all(g, figures)
                )
            ):
                # "вісім дронів-камікадзе ... і три безпілотники": a sibling, not a part
                group = registry.new(item.phrase, figures, sentence=sent.index, additive=True)
            elif (
                parent is None
                and not regional
                and (picked := registry.pick(item.phrase)) is not None
                and picked.gid in self.regional
            ):
                # a nationwide count after a region's ("У черкаському небі знищили три шахеди
                # ... противник атакував Україну 51 БпЛА"): a group of its own
                group = registry.new(item.phrase, figures, sentence=sent.index)
            elif (
                parent is None
                and not regional
                and len(national := self._national(registry, item.phrase, figures)) == 1
            ):
                group = national[0]  # "підтверджено збиття 32-х БпЛА" after "атакував 51 БпЛА"
                for fig in figures:
                    registry.set_figure(group, fig)
            else:
                if parent is None and not item.child:
                    self._mark_restated(registry, item.phrase, figures)
                group = registry.add(item.phrase, figures, sentence=sent.index, parent=parent)
            if group is None:
                continue
            if parent is not None:
                parent.explicit_parent = True
            if combined:
                self.combined.add(group.gid)
            if regional:
                self.regional.add(group.gid)
            if re.match(r"\s*:", t[item.end : item.end + 3]):
                colon_parent = group
            if parent is None:
                last_group = group
            current.append(group)
        if from_list and not items:
            self._read_list_line(sent, registry, current)
        if items and current:
            self._read_were_destroyed(sent, registry, items, current)
        self._breakdown(breakdown)
        self._read_region_counts(sent, registry, items, current)
        self._read_all(sent, registry, items)
        self._read_vague(sent, registry)
        self._read_singular(sent, registry, verbs, items, current)
        current += self._read_one(sent, registry, SpanSet([(i.number.start, i.end) for i in items]))
        self._read_all_targets(sent, registry)
        self._read_none(sent, registry)
        self._read_the_missile(sent, registry)
        self._read_named(sent, verbs, items)
        if current:
            self.previous = list(dict.fromkeys(current))

    # -- figures and finishing ----------------------------------------------------------

    def finish(self) -> list[Group]:
        """The finished groups: headline figures only where the body has none."""
        if self.headline:
            head = Registry()
            for sent in self.headline:
                self._read(sent, head)
            for g in head.groups:
                same = [
                    o
                    for o in self.registry.groups
                    if o.parent is None
                    and o.figures
                    and o.phrase.weapon_class == g.phrase.weapon_class
                    and o.phrase.coverage & g.phrase.coverage
                ]
                if len(same) == 1:
                    # the lead line gives what the body leaves out ("атакувала 49 БпЛА" above
                    # "знищила або подавила 36 дронів")
                    for name, fig in g.figures.items():
                        if same[0].value(name) is None and fig.value is not None:
                            self.registry.set_figure(same[0], fig)
                    continue
                if not any(g.phrase.coverage & o.phrase.coverage for o in self.registry.groups):
                    moved = self.registry.new(
                        g.phrase, list(g.figures.values()), sentence=g.sentence
                    )
                    if g.gid in self.combined:
                        self.combined.add(moved.gid)
        # weapons named without a number in an attack sentence are groups of their own: all
        # of them in a report with no count, else the named types ("ракети Х-31П") that no
        # counted group covers (``Registry.finish`` drops the covered ones)
        counted = any(g.figures for g in self.registry.groups)
        seen: set[str] = set()
        for phrase, index in self._split_named():
            if not counted and (index, phrase.weapon) not in seen and not phrase.total:
                # "використовуючи «шахеди», балістичні ракети, «Кинджали»": each one named
                # in a sentence is a group; later mentions refer back to them
                if (index, phrase.weapon_class) in seen:  # a second of its class in a sentence
                    self.registry.new(phrase, [], sentence=index, vague=True)
                else:
                    self.registry.add(phrase, [], sentence=index, vague=True)
                seen |= {(index, phrase.weapon), (index, phrase.weapon_class)}
            elif counted and not phrase.generic and not phrase.total:
                self.registry.add(phrase, [], sentence=index, vague=True)
        self._name_uncounted_missiles()
        name_plain_missiles(self.registry.groups, [p for p, _ in self.named])
        groups = join_lone_launch(drop_plain_mentions(drop_sums(self.registry.finish())))
        nest_under_intercepted_total(groups)
        tops = [g for g in groups if g.parent is None and g.gid not in self.regional]
        for g in groups:
            if g.parent is not None or g.gid not in self.regional:
                continue
            for o in tops:
                if o is g or o.sentence == g.sentence or not g.phrase.coverage & o.phrase.coverage:
                    continue
                shared = [f for f in g.figures if o.value(f) is not None and g.value(f) is not None]
                if shared and all(g.value(f) <= o.value(f) for f in shared):
                    g.parent = o.gid
                    o.explicit_parent = True
                    break
        # a count with no launch figure, below a nationwide one of the same class, named
        # later (a regional head's "three drones were shot down"): a part of it
        tops = [g for g in groups if g.parent is None]
        for g in tops:
            if g.value("launched") is not None or g.value("intercepted") is None:
                continue
            for o in tops:
                if (
                    o is not g
                    and o.sentence < g.sentence
                    and o.value("launched") is not None
                    and g.phrase.coverage & o.phrase.coverage
                    and not o.phrase.total
                    and (
                        (o.value("intercepted") or 0) > g.value("intercepted")
                        or self._part_of_breakdown(groups, g, o)
                    )
                ):
                    g.parent = o.gid
                    o.explicit_parent = True
                    break
        for g in groups:
            g.combined = g.gid in self.combined
        return groups
