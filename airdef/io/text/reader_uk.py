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
from dataclasses import dataclass

from airdef.io.parsers import MAX_COUNT
from airdef.io.text.groups import Figure, Group, Registry, name_plain_missiles
from airdef.io.text.lexicon_uk import NUMBER_WORD_RE, uk_number
from airdef.io.text.numbers import find_numbers
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import Phrase
from airdef.io.text.weapons_uk import SINGULAR_MISSILE, read_phrase_uk

__all__ = ["UkReader", "find_numbers_uk", "UkNumber"]

_I = re.IGNORECASE
_COMBINED = (
    r"збит[оаі]\s*(?:/|,?\s*(?:або|чи|й|і|та)\s+)\s*подавлен\w*|"
    r"збил[аи]?\s+(?:або|чи|й|і|та)\s+подавил[аи]?|"
    r"сбит[оы]?\s*(?:/|,?\s*(?:или|и)\s+)\s*подавлен\w*|сбил[аи]?\s+(?:или|и)\s+подавил[аи]?"
)
_SUPPRESS = (
    r"(?:локац[іи]?йно|локально|локационно)\s+(?:втрачен\w*|зникл\w*|потерян\w*|утрачен\w*)|"
    r"втрачен\w*\s+(?:або|чи)\s+подавлен\w*|потерян\w*\s+или\s+подавлен\w*|"
    r"подавлен\w*\s+засобами\s+(?:РЕБ|радіоелектронної)\w*"
)
_INTERCEPT = (
    r"збит\w*|збил\w*|збив\w*|збиття|збити|знищен\w*|знищил\w*|знищив|знищит\w*|знищу\w*|"
    r"знешкодж\w*|знешкоди\w*|нейтраліз\w*|перехопил\w*|перехоплен[оі]\b|"
    r"сбит\w*|сбил\w*|сбив\w*|сбить|уничтож\w*|перехвачен\w*|нейтрализ\w*|"
    r"подавил\w*|подавлен[оі]\b"
)
_LAUNCH = (
    r"атакува\w*|атакуюч\w*|атаковал\w*|атаковав\w*|запусти\w*|запущен\w*|запуска\w*|пуск\w*|"
    r"випусти\w*|випущен\w*|выпусти\w*|выпущен\w*|застосува\w*|застосовув\w*|застосован\w*|"
    r"примени\w*|применя\w*|задіяв\w*|задіян\w*|використа\w*|використовуюч\w*|используя|"
    r"использова\w*|завда\w*\s+(?:\w+\s+){0,2}?удар\w*|нан[её]с\w*\s+(?:\w+\s+){0,2}?удар\w*|"
    r"вдари\w*|удари\w*|ударил\w*|виявлен\w*|обнаружен\w*|фіксували|зафіксовано\s+пуски?"
)
_OTHER = (
    r"влучан\w*|влучил\w*|влучив|влучи\w*|поцілил\w*|поцілив|попадан\w*|попал\w*|"
    r"досягл\w*|досягн\w*|ураженн\w*|падінн\w*|падени\w*|впал\w*|упал\w*|вийшл\w*|вилетіл\w*|"
    r"повернул\w*|вернул\w*|залетіл\w*|влетіл\w*|летіл\w*|летел\w*|зникл\w*"
)
VERB_UK = re.compile(
    rf"(?<![\w'])(?:(?P<c>{_COMBINED})|(?P<s>{_SUPPRESS})|(?P<i>{_INTERCEPT})|(?P<l>{_LAUNCH})|"
    rf"(?P<o>{_OTHER}))(?![\w'])",
    _I,
)
_ROLE = {"c": "intercepted", "s": "suppressed", "i": "intercepted", "l": "launched", "o": None}

_QUAL = [
    (
        re.compile(r"(?:понад|більше\s+ніж|більш\s+ніж|більше|свыше|более|больше)\s+$", _I),
        "at_least",
        1,
    ),
    (
        re.compile(
            r"(?:щонайменше|не\s+менше(?:\s+ніж)?|не\s+менее|по\s+меньшей\s+мере|как\s+минимум|"
            r"принаймні|мінімум|минимум)\s+$",
            _I,
        ),
        "at_least",
        0,
    ),
    (
        re.compile(
            r"(?:близько|приблизно|майже|около|почти|порядка|орієнтовно|понад\s+майже)\s+$", _I
        ),
        "approx",
        0,
    ),
    (re.compile(r"(?:не\s+більше(?:\s+ніж)?|не\s+более|до)\s+$", _I), "at_most", 0),
]
_UPDATE = re.compile(r"(?:зрос\w*|збільши\w*|вырос\w*|увеличи\w*|досяг\w*)\s+(?:\w+\s+)?до\s+$", _I)
_NOT_COUNT_AFTER = re.compile(
    r"(?:-(?:ї|й|го|ого|ому|ій|им|им|ми\b|річн|летн|поверхов|типоверх|ти\s+поверх|денн|хвилин|"
    r"годин)|\s*(?:%|відсот|процент|км|кілометр|метр|хвилин|годин|час|рок|рік|років|лет|днів|"
    r"дн[іея]|доб|тонн|грн|гривень|доларів|долларов|млн|млрд|тис\.|січня|лютого|березня|"
    r"квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|января|февраля|марта|"
    r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|-?річн|-?летн|літак|"
    r"бомбардувальник|бомбардировщик|корабл|кораблів|носі|област|регіон|район|локац|місц|"
    r"населен|громад|будин|об'єкт|об’єкт|поверх|напрям|хвил|разів|раз\b|пацієнт|людей|"
    r"люди|осіб|особ|людин|человек|дит|діт|жінок|чоловік|загибл|поранен|постражд|пострад))",
    _I,
)
_SLASH = re.compile(r"(?<![\w/.,:-])(?P<n>\d{1,6})/(?P<m>\d{1,6})(?![\w/.,:]\w)")
_OF_M = re.compile(r"\s+(?:з|із|зі|из|от)\s+(?=\d|[а-яіїєґ])", _I)
_OF_THEM_AFTER = re.compile(r"\s+(?:з|із|зі|из)\s+(?:них|яких|которых|їх)\b", _I)
_OF_THEM_BEFORE = re.compile(r"(?:з|із|зі|из)\s+(?:них|яких|которых|їх)\s*[,:]?\s*$", _I)
_CHILD_BEFORE = re.compile(
    r"(?:серед\s+(?:яких|них)|среди\s+(?:которых|них)|у\s+тому\s+числі|в\s+тому\s+числі|"
    r"в\s+том\s+числе|включаючи|включно\s+з|зокрема|в\s+частности|з\s+них|із\s+них|из\s+них)"
    r"\s*[,:]?\s*(?:близько|приблизно|майже|около|почти|понад|щонайменше|більше)?\s*$",
    _I,
)
_DASH = re.compile(r"\s*[–—-]\s*")
_REGION = re.compile(
    r"(?:(?<![\w'])(?:над|у|в|на|в\s+межах|у\s+межах|навколо|поблизу|над\s+територією)\s+"
    r"(?:[\w'’ʼ-]+\s+)?(?:[\w'’ʼ-]+(?:ською|цькою|зькою|ській|цькій|зькій|ской|цкой)\s+област\w*|"
    r"[\w'’ʼ-]+(?:ської|цької|зької|ской)\b|[\w'’ʼ-]+щин(?:ою|і|ой|е)|Києв\w*|Київ\w*|Киев\w*|столиц\w*|Одес\w*|Харков\w*|Харків\w*|"
    r"Дніпр\w*|Львов\w*|Львів\w*|Миколаєв\w*))",
    _I,
)
_REGION_LIST = re.compile(
    r"(?:ській|цькій|зькій|ской),\s+[\w'’ʼ-]+(?:ській|цькій|зькій|ской)|областях|областей|регіонах",
    _I,
)
_ATTACK_WORD = re.compile(
    rf"(?:{_LAUNCH}|атак\w*|удар\w*|обстріл\w*|обстрел\w*|{_OTHER}|{_INTERCEPT})", _I
)
_VAGUE = re.compile(
    r"(?<![\w'])(?:десятк\w*|сотн\w*|кілька|декілька|несколько|частина|частью|часть|багато|"
    r"много|чимало|хвил\w*)\s+",
    _I,
)
_ALL = re.compile(
    rf"(?<![\w'])(?:усі|всі|все|всех|всіх|всё)\s+(?:[\w'’ʼ,-]+\s+){{0,8}}?(?:{_INTERCEPT}|{_COMBINED})"
    rf"|(?<![\w'])(?:{_INTERCEPT})\s+(?:усі|всі|все)\b",
    _I,
)
_NEGATIVE = re.compile(r"\b(?:якщо|если|чи\s+не|не\s+виключ|можлив\w*|могл[аи]?)\b", _I)


@dataclass(frozen=True)
class UkNumber:
    """A number (digits or words) with its qualifier and the span covering both."""

    value: int
    qualifier: str
    start: int
    end: int
    num_start: int
    total: UkNumber | None = None  # "102/127": the 127


def _qualify(text: str, lo: int, value: int, start: int, end: int) -> UkNumber:
    head = text[max(lo, start - 30) : start]
    if _UPDATE.search(head):
        return UkNumber(value, "exact", start, end, start)
    for pattern, qual, offset in _QUAL:
        m = pattern.search(head)
        if m:
            return UkNumber(value + offset, qual, start - (len(head) - m.start()), end, start)
    return UkNumber(value, "exact", start, end, start)


def find_numbers_uk(text: str, start: int, end: int, blocked: SpanSet) -> list[UkNumber]:
    """The numbers of ``text[start:end]`` that may be counts, in order.

    Digits with a case ending ("28-ма", "13-ти") are counts; ordinals, ages,
    heights, times, dates and numbers before a unit are not.

    Examples
    --------
    >>> t = "У ніч на 2 листопада знищили 12 із 13-ти дронів; 14-річна, 10-ї ранку, одинадцять"
    >>> [(n.value, n.qualifier) for n in find_numbers_uk(t, 0, len(t), SpanSet([(9, 20)]))]
    [(12, 'exact'), (13, 'exact'), (11, 'exact')]
    """
    out: list[UkNumber] = []
    for n in find_numbers(text[start:end]):
        s, e = n.start + start, n.end + start
        if blocked.covers(s) or n.is_word or _NOT_COUNT_AFTER.match(text, e):
            continue
        suffix = re.match(r"-(?:ма|ти|ю|х|ох|ьох|ми|а|и|му)\b", text[e : e + 5])
        out.append(_qualify(text, start, n.value, s, e + (suffix.end() if suffix else 0)))
    for m in NUMBER_WORD_RE.finditer(text, start, end):
        if blocked.covers(m.start()) or _NOT_COUNT_AFTER.match(text, m.end()):
            continue
        value = uk_number(m.group())
        if value is None:
            continue
        out.append(_qualify(text, start, value, m.start(), m.end()))
    for m in _SLASH.finditer(text, start, end):
        hit, of = int(m["n"]), int(m["m"])
        if blocked.covers(m.start()) or not hit <= of <= MAX_COUNT:
            continue
        total = UkNumber(of, "exact", m.start("m"), m.end("m"), m.start("m"))
        out.append(UkNumber(hit, "exact", m.start(), m.end(), m.start(), total))
    return sorted(out, key=lambda n: n.start)


@dataclass
class _Item:
    number: UkNumber
    phrase: Phrase | None
    total: UkNumber | None  # "N з M": the M
    kind: str  # "phrase", "of", "them", "bare", "region"
    end: int
    child: bool = False
    regional: bool = False
    role: str | None = None
    combined: bool = False


class UkReader:
    """State while reading one Ukrainian or Russian report (one attack)."""

    def __init__(self, text: str, blocked: Sequence[tuple[int, int]]) -> None:
        self.t = text
        self.blocked = SpanSet(blocked)
        self.registry = Registry()
        self.previous: list[Group] = []
        self.regional: set[int] = set()
        self.combined: set[int] = set()
        self.named: list[tuple[Phrase, int]] = []  # weapons named without a number
        self.headline: list[Sentence] = []
        self.first_line: tuple[int, int] | None = None

    # -- one number ---------------------------------------------------------------------
    def _item(self, n: UkNumber, nums: list[UkNumber], sent: Sentence) -> _Item:
        t = self.t
        pos = n.end
        nxt = next((m for m in nums if m.start >= pos), None)
        if n.total is not None:
            phrase = read_phrase_uk(t, pos)
            if phrase is not None and phrase.start <= pos + 2:
                return _Item(n, phrase, n.total, "of", phrase.end)
            return _Item(n, None, None, "region", pos)
        m = _OF_THEM_AFTER.match(t, pos)
        if m:
            return _Item(n, None, None, "them", m.end())
        m = _OF_M.match(t, pos)
        if m and nxt is not None and nxt.start == m.end():
            phrase = read_phrase_uk(t, nxt.end)
            end = phrase.end if phrase else nxt.end
            return _Item(n, phrase, nxt, "of", end)
        phrase = read_phrase_uk(t, pos)
        if phrase is not None and phrase.start <= pos + 2:
            return _Item(n, phrase, None, "phrase", phrase.end)
        dash = _DASH.match(t, pos)
        if dash:
            phrase = read_phrase_uk(t, dash.end())
            if phrase is not None and phrase.start <= dash.end() + 2:
                return _Item(n, phrase, None, "phrase", phrase.end)
            if re.match(r"[\w'’ʼ-]+(?:ської|цької|зької|ської)\b", t[dash.end() : dash.end() + 30]):
                return _Item(n, None, None, "region", dash.end())
        return _Item(n, None, None, "bare", pos)

    def _verbs(self, sent: Sentence) -> list[re.Match[str]]:
        return list(VERB_UK.finditer(self.t, sent.start, sent.end))

    def _role(
        self, item: _Item, verbs: list[re.Match[str]], stops: list[int]
    ) -> tuple[str | None, bool, bool]:
        """(field, combined, found) from the verb after or before the count."""
        t = self.t
        after = next((v for v in verbs if v.start() >= item.end), None)
        before = None
        for v in verbs:
            if v.end() <= item.number.start:
                before = v
        limit = min([s for s in stops if s > item.end] + [len(t)])
        if after is not None and after.start() < limit:
            gap = t[item.end : after.start()]
            close = len(gap) <= 30 and not re.search(r"[;:.,]", gap)
            if close and (item.kind in ("them", "bare") or len(gap.split()) <= 3 or before is None):
                return _ROLE[after.lastgroup or ""], after.lastgroup == "c", True
        if before is not None:
            gap = t[before.end() : item.number.start]
            if ";" not in gap and not _OF_THEM_BEFORE.search(gap):
                return _ROLE[before.lastgroup or ""], before.lastgroup == "c", True
        if after is not None and after.start() - item.end <= 80 and after.start() < limit:
            return _ROLE[after.lastgroup or ""], after.lastgroup == "c", True
        if after is not None and not re.search(r"[;]", t[item.end : after.start()]):
            return _ROLE[after.lastgroup or ""], after.lastgroup == "c", True  # a long list
        return None, False, False

    # -- one sentence -------------------------------------------------------------------
    def read(self, sent: Sentence) -> None:
        """Read one sentence; a headline is kept for :meth:`finish`."""
        if self._is_headline(sent):
            self.headline.append(sent)
            return
        self._read(sent, self.registry)

    def _is_headline(self, sent: Sentence) -> bool:
        """Sentences on a report's first line, when more lines follow and it is short."""
        if self.first_line is None:
            start = sent.start
            end = self.t.find("\n", start)
            more = end >= 0 and self.t[end:].strip()
            self.first_line = (start, end) if more and end - start <= 160 else (0, 0)
        start, end = self.first_line
        line = self.t[start:end].rstrip()
        return start <= sent.start < end and not re.search(r"[.!?][»\"”]?$", line)

    def _read(self, sent: Sentence, registry: Registry) -> None:
        t = self.t
        if _NEGATIVE.search(t, sent.start, sent.end) and not VERB_UK.search(
            t, sent.start, sent.end
        ):
            return
        nums = find_numbers_uk(t, sent.start, sent.end, self.blocked)
        verbs = self._verbs(sent)
        items: list[_Item] = []
        used: set[int] = set()
        for n in nums:
            if n.start in used:
                continue
            item = self._item(n, nums, sent)
            if item.total is not None:
                used.add(item.total.start)
            items.append(item)
        stops = [i.number.start for i in items]
        current: list[Group] = []
        breakdown: dict[int, tuple[Group, dict]] = {}
        last_group: Group | None = None
        colon_parent: Group | None = None
        for k, item in enumerate(items):
            head = t[max(sent.start, item.number.start - 60) : item.number.start]
            item.child = bool(_CHILD_BEFORE.search(head)) or (
                k > 0
                and items[k - 1].child
                and item.kind == "bare"
                and bool(
                    re.fullmatch(
                        r"[^.;\d]*?,?\s*(?:а|і|й|та|и)\s+", t[items[k - 1].end : item.number.start]
                    )
                )
            )
            role, combined, found = self._role(item, verbs, stops)
            if item.kind == "region":
                continue
            clause_start = max([sent.start] + [i.end for i in items[:k]])
            clause_end = min([sent.end, item.end + 40] + [i.number.start for i in items[k + 1 :]])
            scope = t[clause_start:clause_end]
            regional = bool(_REGION.search(scope)) and not _REGION_LIST.search(scope)
            if item.kind in ("them", "bare") or (item.child and item.phrase is None):
                options = current or self.previous
                target = options[-1] if options else None
                if not found or role is None:
                    continue
                if not current and item.kind == "bare":
                    # "рекордну кількість збитих дронів – 87 одиниць": the weapon named before
                    named = [p for p in self._phrases(sent) if p.end <= item.number.start]
                    if named:
                        fig = self._fig(role, item.number, item.end, sent)
                        group = registry.add(named[-1], [fig], sentence=sent.index)
                        if group is not None:
                            current.append(group)
                            last_group = group
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
            if item.phrase is None:
                continue
            if not found or role is None:
                if found:  # a hit or a fall: the count is read, but it is no launch or intercept
                    continue
                if item.kind != "of":
                    continue
                role = "intercepted"
            figures = [self._fig(role, item.number, item.end, sent)]
            if item.total is not None:
                figures.append(self._fig("launched", item.total, item.end, sent))
                if role == "launched":
                    figures = figures[1:]
            parent = None
            if item.child and last_group is not None:
                parent = last_group
            elif colon_parent is not None and re.search(
                r"[:;]\s*$", t[items[k - 1].end : item.number.start] if k else ""
            ):
                parent = colon_parent
            same = [
                g
                for g in registry.candidates(item.phrase)
                if g.gid in self.regional
                and all(g.value(f.field) in (None, f.value) for f in figures)
            ]
            if regional and parent is None and not item.child and not same:
                group = registry.new(item.phrase, figures, sentence=sent.index)
            elif regional and same:
                group = same[0]
                for fig in figures:
                    registry.set_figure(group, fig)
            else:
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
        self._breakdown(breakdown)
        self._read_all(sent, registry, items)
        self._read_vague(sent, registry)
        self._read_singular(sent, registry, verbs, items, current)
        self._read_named(sent, verbs, items)
        if current:
            self.previous = list(dict.fromkeys(current))

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

    def _read_all(self, sent: Sentence, registry: Registry, items: list[_Item]) -> None:
        """ "Усі ворожі БпЛА ... були знешкоджені": intercepted equals launched."""
        t = self.t
        if items:
            return
        m = _ALL.search(t, sent.start, sent.end)
        if not m or not self.previous:
            return
        target = self.previous[-1]
        launched = target.figures.get("launched")
        if launched is None or launched.value is None or target.value("intercepted") is not None:
            return
        fig = Figure(
            "intercepted", launched.value, launched.qualifier, m.start(), m.end(), sent.index
        )
        registry.set_figure(target, fig)

    def _read_vague(self, sent: Sentence, registry: Registry) -> None:
        """ "частина ракет влучила", "десятки дронів": a group with no number."""
        t = self.t
        for m in _VAGUE.finditer(t, sent.start, sent.end):
            phrase = read_phrase_uk(t, m.end(), limit=6)
            if phrase is None or phrase.start != m.end() or phrase.total:
                continue
            registry.add(phrase, [], sentence=sent.index, vague=True)

    def _read_singular(
        self,
        sent: Sentence,
        registry: Registry,
        verbs: list,
        items: list[_Item],
        current: list[Group],
    ) -> None:
        """A missile named in the singular without a number is one ("балістичною ракетою")."""
        t = self.t
        taken = SpanSet([(i.number.start, i.end) for i in items])
        for m in re.finditer(
            r"(?<![\w'])([\w'’ʼ-]+\s+)?(ракет(?:а|у|ою|ой))(?![\w'])", t[sent.start : sent.end], _I
        ):
            s = sent.start + m.start()
            if taken.overlaps(s, sent.start + m.end()):
                continue
            before = t[max(sent.start, s - 12) : s]
            if re.search(r"\d\s*$|одн\w*\s*$", before) or (
                m.group(1) and uk_number(m.group(1).strip())
            ):
                continue
            phrase = read_phrase_uk(t, s)
            if phrase is None or not SINGULAR_MISSILE.match(m.group(2).lower()):
                continue
            verb = None
            for v in verbs:
                if v.end() <= s and ";" not in t[v.end() : s]:
                    verb = v
            if verb is None or _ROLE[verb.lastgroup or ""] != "launched":
                continue
            fig = Figure("launched", 1, "exact", s, phrase.end, sent.index)
            group = registry.add(phrase, [fig], sentence=sent.index)
            if group is not None:
                current.append(group)

    def _read_named(self, sent: Sentence, verbs: list, items: list[_Item]) -> None:
        """Weapons named without a number in an attack sentence, kept for reports with no count."""
        t = self.t
        if not _ATTACK_WORD.search(t, sent.start, sent.end):
            return
        taken = SpanSet([(i.number.start, i.end) for i in items])
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

    # -- figures and finishing ----------------------------------------------------------
    @staticmethod
    def _fig(field: str, n: UkNumber, end: int, sent: Sentence) -> Figure:
        return Figure(field, n.value, n.qualifier, n.start, end, sent.index)

    def finish(self) -> list[Group]:
        """The finished groups: headline figures only where the body has none."""
        if self.headline:
            head = Registry()
            for sent in self.headline:
                self._read(sent, head)
            for g in head.groups:
                if not any(g.phrase.coverage & o.phrase.coverage for o in self.registry.groups):
                    moved = self.registry.new(
                        g.phrase, list(g.figures.values()), sentence=g.sentence
                    )
                    if g.gid in self.combined:
                        self.combined.add(moved.gid)
        if not any(g.figures for g in self.registry.groups):
            for phrase, index in self.named:
                self.registry.add(phrase, [], sentence=index, vague=True)
        name_plain_missiles(self.registry.groups, [p for p, _ in self.named])
        groups = self.registry.finish()
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
                    and (o.value("intercepted") or 0) > g.value("intercepted")
                ):
                    g.parent = o.gid
                    o.explicit_parent = True
                    break
        for g in groups:
            g.combined = g.gid in self.combined
        return groups
