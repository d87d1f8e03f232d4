"""What each casualty number of an English sentence counts: killed or injured, and how many.

Figures are read as the text states them, never summed or split:

* killed: "killing at least five people", "5 people were killed", "two dead",
  "three people died", "claimed the lives of 4", "the death toll rose to 7",
  "a woman was killed" (one), "a 58-year-old man and a 62-year-old woman have been
  killed" (two), "25 people are known to have died";
* injured: "injuring 20", "20 were wounded", "12 injured", "hurt", "the number
  of injured rose to 30", "injuring the third" (one), "the number of victims has
  risen to 12 people who sought medical help";
* "no casualties", "no victims", "without casualties" give 0 killed and 0
  injured; "no one was killed" or "no one was hurt" give 0 for that figure.

A figure for a subgroup ("including three children") is not a figure of its own;
the hospitalised, those "in critical condition" or "in hospital" are weak figures,
the injured figure only when the text gives no other for the place. "We know about
5 wounded" is five, exactly. Where each figure belongs is decided in
:mod:`airdef.io.text.casualties`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from airdef.io.text.casualty_rows import CasualtyFigure, CasualtyRow
from airdef.io.text.numbers import Count, find_numbers, read_count
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import read_phrase

__all__ = ["bare_update", "read_figures"]

_PEOPLE = (
    r"(?:people|persons?|civilians?|residents?|children|kids|adults?|men|women|others|more|"
    r"Ukrainians|Kyivans|locals|"
    r"individuals|inhabitants|locals|citizens|minors|teenagers|soldiers|servicemen|rescuers|"
    r"workers|employees|staff|passengers|of\s+them|in\s+total|total)"
)
_PERSON = (
    r"(?:man|woman|person|child|boy|girl|teenager|teen|resident|civilian|pensioner|driver|"
    r"worker|employee|rescuer|firefighter|policeman|police\s+officer|medic|doctor|guard|"
    r"infant|baby|student|volunteer|journalist|farmer|citizen|passenger|soldier|wife|husband|"
    r"son|daughter|mother|father|grandmother|grandfather|neighbou?r)"
)
_KILL_VERB = (
    r"killing|killed|kills|kill|claim(?:ed|ing|s)?\s+the\s+lives\s+of|"
    r"(?:resulted\s+in|caused|causing|resulting\s+in)\s+the\s+deaths?\s+of|t(?:ook|aking|akes)\s+the\s+"
    r"lives\s+of|leaving"
)
_INJURE_VERB = r"injuring|injured|injures|wounding|wounded|wounds|hurting|hurt|leaving"
_KILL_AFTER = (
    r"killed|dead|died|perished|lost\s+their\s+lives|deaths|fatalities|lives\s+lost|were\s+killed"
)
_INJURE_AFTER = (
    r"injured|wounded|hurt|injuries|needed\s+(?:medical|hospital)|"
    # "a man was hospitalized with shrapnel wounds", "received a cut wound"
    r"(?P<hw>(?:hospitali[sz]ed|taken\s+to\s+hospital)\s+with\s+(?:[\w-]+\s+){0,2}(?:wounds?|"
    r"injur(?:y|ies)|burns|trauma))|(?:received|sustained|suffered)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:wounds?|injur(?:y|ies)|burns|trauma)|"
    # "three people sought medical help": the injured
    r"(?:sought|seeking|needed|asked\s+for|applied\s+for|turned\s+to\s+doctors\s+for)\s+"
    r"(?:medical\s+)?(?:help|assistance|attention|care|treatment)|"
    # "five people were hospitalized": a figure only when the text gives no injured figure
    r"(?P<h>hospitali[sz]ed|taken\s+to\s+(?:the\s+)?hospitals?|in\s+(?:the\s+)?hospitals?\b|"
    r"being\s+treated\s+in\s+hospitals?)"
)
_FORWARD = re.compile(
    rf"\b(?:(?P<k>{_KILL_VERB})|(?P<i>{_INJURE_VERB}))\s+(?:a\s+total\s+of\s+|another\s+|also\s+)?$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    # "three employees of a food warehouse were killed": a short "of ..." after the people
    rf"\s+(?:(?:[\w'-]+\s+){{0,2}}?{_PEOPLE}(?:\s+(?:of|at|from)\s+(?:an?\s+|the\s+)?"
    rf"[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?(?=\s+(?:were|was|have|had|are)\b))?"
    # "45 people in Kyiv's Dniprovskyi district were injured": where, before the verb
    rf"(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[\w'-]+){{0,3}}?"
    rf"(?=\s+(?:were|was|have|had|are)\b))?)?"
    rf"(?:\s*,[^,.;]{{0,40}},|\s+[-–—]\s[^,.;–—]{{0,40}}?\s[-–—])?\s*"
    rf"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|reportedly|also|later|"
    rf"subsequently|confirmed|already|have|has|had|been|so\s+far|now|"
    rf"(?:known|reported|said|believed|thought|confirmed)\s+to\s+have(?:\s+been)?|"
    rf"(?:confirmed|reported|registered|recorded)\s+as)\s+)*"
    # "another person severely injured"
    rf"(?:(?:severely|seriously|critically|fatally|mortally|slightly|lightly|badly)\s+)?"
    rf"(?:(?P<k>{_KILL_AFTER})|(?P<i>{_INJURE_AFTER}))\b",
    re.IGNORECASE,
)
_SHORT_AFTER = re.compile(
    rf"\s*(?:{_PEOPLE}\s+)?(?:(?P<k>dead|killed)|(?P<i>injured|wounded|hurt|victims?))\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:(?P<k>death\s+toll|number\s+of\s+(?:the\s+)?(?:people\s+)?(?:dead|killed|deaths|"
    r"fatalities|victims))|(?P<i>number\s+of\s+(?:the\s+)?(?:people\s+)?(?:injured|wounded|"
    r"injuries)))\s+(?:[\w'-]+,?\s+){0,20}?"
    r"(?:to|at|of|reached|is|was|stands\s+at|stood\s+at)\s+$",
    re.IGNORECASE,
)
_SUBGROUP = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|among\s+the\s+(?:dead|injured|wounded|"
    r"victims)(?:\s+(?:are|were))?)\s+(?:at\s+least\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
_ONE_PERSON = re.compile(
    rf"\b(?:an?|one|another)\s+(?:[\w'-]+\s+){{0,3}}?{_PERSON}\b", re.IGNORECASE
)
# "killing a 14-year-old and three others": one person, and others beside them
_ONE_AND = re.compile(
    rf"\b(?:(?P<k>{_KILL_VERB})|(?P<i>{_INJURE_VERB}))\s+(?:an?|one)\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:{_PERSON}|\d+-year-old)\s+and\s+$",
    re.IGNORECASE,
)
_LISTED = re.compile(
    rf"(?:\b(?:an?|one|the|his|her|their)\s+(?:[\w'-]+\s+){{0,3}}?{_PERSON}\b(?:,?\s+aged\s+\d+)?"
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+))+$",
    re.IGNORECASE,
)
_PLACED_PART = re.compile(
    r"\s+(?:(?:people|persons|civilians|residents|of\s+them)\s+)?(?:were\s+)?(?:in|at)\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?[A-Z]"
)
_AND_MORE = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:an?|one|the|his|her|their)\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"{_PERSON}\b",
    re.IGNORECASE,
)
_ONE_OTHER = re.compile(
    rf"\b(?:(?P<k>{_KILL_VERB})|(?P<i>{_INJURE_VERB}))\s+(?P<n>the\s+(?:second|third|fourth|fifth|"
    rf"other)|another)(?=\s*[,.;]|\s+(?:one|person|man|woman|passenger)\b)",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"\b(?:and\s+)?another\s+(?:(?:person|man|woman|one|civilian)\s+)?(?:was\s+)?"
    r"(?:(?P<k4>killed|died)|(?P<i4>injured|wounded|hurt|suffered\s+(?:injuries|wounds)|"
    r"sustained\s+(?:injuries|wounds)))\b",
    re.IGNORECASE,
)
_PERSON_AND = re.compile(
    rf"\b(?:an?|one)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_PERSON}|\d+-year-old)\s+and\s+$", re.IGNORECASE
)
_BODY = re.compile(
    rf"\b(?:the\s+)?body\s+of\s+(?:an?|one|another|the)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_PERSON}|victim)\b",
    re.IGNORECASE,
)
_KNOWN_ABOUT = re.compile(
    r"\b(?:know|known|knows|information|info|data|reports?|news|aware)\s+(?:[\w'-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_DEATH_HINT = re.compile(r"[^.;]{0,60}?\b(?:dead|killed|died|deaths?|fatalit|lives)", re.IGNORECASE)
_CONDITION = re.compile(
    r"\s*(?:people|persons|individuals|victims|of\s+them)?\s*,?\s*(?:who\s+)?(?:are|is|were|was|"
    r"remain|remains|remained)?\s*(?:in\s+(?:a\s+)?(?:serious|critical|grave|severe|moderate|stable|"
    r"satisfactory)\s+condition|in\s+(?:the\s+)?hospitals?\b|hospitali[sz]ed)",
    re.IGNORECASE,
)
_ZERO_BOTH = re.compile(
    # "there were no destructions or casualties": another noun before them
    r"\b(?:no|zero|without)\s+(?:(?:recorded|reported|known)\s+)?"
    r"(?:(?:damage|destructions?|injuries|deaths)\s+(?:or|and|nor)\s+)?"
    r"(?:casualties|victims|deaths\s+or\s+injuries|injuries\s+or\s+deaths|"
    r"dead\s+or\s+(?:injured|wounded)|fatalities\s+or\s+injuries|one\s+was\s+(?:killed|hurt|"
    r"injured|wounded)\s+or\s+(?:killed|hurt|injured|wounded))\b|\bnobody\s+was\s+(?:killed|hurt|"
    r"injured|wounded)\s+or\s+(?:killed|hurt|injured|wounded)\b",
    re.IGNORECASE,
)
_ZERO_ONE = re.compile(
    r"\b(?:no[\s-]?one|nobody|no\s+(?:people|civilians|residents))\s+(?:was|were|has\s+been|have\s+been|"
    r"had\s+been)\s+(?:reported\s+)?(?:(?P<k>killed)|(?P<i>hurt|injured|wounded))\b|"
    r"\b(?:no[\s-]?one|nobody)\s+(?P<k2>died)\b|"
    r"\bno\s+(?:(?:recorded|reported|known)\s+)?(?:(?P<k3>deaths|fatalities)|(?P<i3>injuries))\b|"
    # "damaged houses, but did not hurt anyone"
    r"\b(?:did\s+not|didn't)\s+(?:(?P<k5>kill)|(?P<i5>hurt|injure|harm))\s+anyone\b",
    re.IGNORECASE,
)


_ELLIPSIS_HEAD = re.compile(
    r"(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)(?:another|a\s+further|other)?\s*$",
    re.IGNORECASE,
)
_ELLIPSIS_TAIL = re.compile(
    r"\s+(?:more\s+|others?\s+|people\s+|persons\s+)?(?:in|near|on)\s+(?:the\s+)?[A-Z][\w'’-]+",
)


def _field(m: re.Match[str]) -> str:
    groups = m.groupdict()
    return "killed" if any(groups.get(k) for k in ("k", "k2", "k3", "k4", "k5")) else "injured"


def read_figures(text: str, sent: Sentence, blocked: SpanSet) -> list[CasualtyFigure]:
    """The killed and injured figures of one sentence, in order, each with its quote span.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "A 58-year-old man and a 62-year-old woman were killed; 12 people were injured."
    >>> [(f.field, f.value, t[f.start : f.end]) for f in read_figures(t, sentences(t)[0], SpanSet([]))]
    [('killed', 2, 'A 58-year-old man and a 62-year-old woman were killed'), ('injured', 12, '12 people were injured')]
    """
    out: list[CasualtyFigure] = []
    s, e = sent.start, sent.end
    for n in find_numbers(text[s:e]):
        start, end = n.start + s, n.end + s
        if blocked.covers(start):
            continue
        count: Count = read_count(text, type(n)(n.value, start, end, n.text, n.high, n.is_word))
        if count.qualifier == "approx" and _KNOWN_ABOUT.search(
            text, max(s, count.start - 40), start
        ):
            count = replace(count, qualifier="exact")  # "we know about 5 wounded": of five
        head = text[max(s, count.start - 60) : count.start]
        if _SUBGROUP.search(head) and out and _PLACED_PART.match(text, end, e):
            # "killed at least 10 people across Ukraine, including four in Kyiv": the
            # part has a place of its own, so it is a figure of that place
            whole = out[-1]
            part = CasualtyFigure(
                whole.field, count.value, count.qualifier, count.start, end, sent.index
            )
            part.part = True
            out.append(part)
            continue
        if _SUBGROUP.search(head) or read_phrase(text, end) is not None:
            continue
        both = _ONE_AND.search(head)
        if (
            both
            and not both.group().lower().startswith("leaving")
            and re.match(r"\s+others\b", text[end:e])
        ):
            start = count.start - (len(head) - both.start())
            out.append(
                CasualtyFigure(
                    _field(both),
                    count.value + 1,
                    count.qualifier,
                    start,
                    end + len(re.match(r"\s+others\b", text[end:e]).group()),
                    sent.index,
                )
            )
            continue
        fwd = _FORWARD.search(head)
        toll = _TOLL.search(text[max(s, count.start - 200) : count.start])
        if toll:
            back = len(text[max(s, count.start - 200) : count.start]) - toll.start()
            fig = _fig(toll, count, count.start - back, end, sent, True)
            if "victim" in toll.group().lower() and not _DEATH_HINT.match(text, end, e):
                # "the number of victims has risen to 12 people": the injured, as Ukrainian
                # officials count them, unless the clause says they died
                fig.field = "injured"
            out.append(fig)
            continue
        after = _AFTER.match(text, end, e) or _SHORT_AFTER.match(text, end, e)
        if after and not (fwd and after.start() - end > 1 and not _SHORT_AFTER.match(text, end, e)):
            lead = _PERSON_AND.search(head)
            if lead and re.match(r"\s+others?\b", text[end:e]):
                # "a three-year-old girl and seven other people were injured": eight
                start = count.start - (len(head) - lead.start())
                more = replace(count, value=count.value + 1)
                out.append(_fig(after, more, start, after.end(), sent))
                continue
            out.append(_fig(after, count, count.start, after.end(), sent))
        elif fwd:
            if fwd.group().lower().startswith("leaving"):
                continue
            stop = re.match(rf"\s+{_PEOPLE}\b", text[end:e], re.IGNORECASE)
            quote_end = end + (stop.end() if stop else 0)
            out.append(_fig(fwd, count, count.start - (len(head) - fwd.start()), quote_end, sent))
        elif out and _ELLIPSIS_HEAD.search(head) and (tail := _ELLIPSIS_TAIL.match(text, end, e)):
            # "Two people were killed in Dnipro and another three in Zaporizhzhia": the
            # figure before's field, at a place of its own
            prev = out[-1]
            out.append(
                CasualtyFigure(
                    prev.field, count.value, count.qualifier, count.start, tail.end(), sent.index
                )
            )
    for m in _ONE_PERSON.finditer(text, s, e):
        head = text[max(s, m.start() - 60) : m.start()]
        if _SUBGROUP.search(head) or any(f.start <= m.start() < f.end for f in out):
            continue
        fwd = _FORWARD.search(head)
        after = _AFTER.match(text, m.end(), e)
        # "A 58-year-old man and a 62-year-old woman have been killed": two
        listed = _LISTED.search(text, max(s, m.start() - 150), m.start()) if after else None
        if after:
            out.append(
                CasualtyFigure(
                    _field(after),
                    1 + (len(_ONE_PERSON.findall(listed.group())) if listed else 0),
                    "exact",
                    listed.start() if listed else m.start(),
                    after.end(),
                    sent.index,
                    hospitalized=bool(after.groupdict().get("h") or after.groupdict().get("hw")),
                )
            )
        elif fwd and not fwd.group().lower().startswith("leaving"):
            start = m.start() - (len(head) - fwd.start())
            # "killing a man and a woman": each person of the list
            n, stop = 1, m.end()
            while more := _AND_MORE.match(text, stop, e):
                n, stop = n + 1, more.end()
            out.append(CasualtyFigure(_field(fwd), n, "exact", start, stop, sent.index))
    for m in _BODY.finditer(text, s, e):
        # "rescuers recovered the body of a man": one killed, when no toll says more
        if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in out):
            out.append(CasualtyFigure("killed", 1, "exact", m.start(), m.end(), sent.index))
            out[-1].hospitalized = True
    for m in _ANOTHER.finditer(text, s, e):
        # "one person was killed, and another suffered injuries": one more, of that field
        if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in out):
            out.append(CasualtyFigure(_field(m), 1, "exact", m.start(), m.end(), sent.index))
    for m in _ONE_OTHER.finditer(text, s, e):
        # "killing two of the passengers and injuring the third"
        if not any(f.start <= m.start("n") < f.end for f in out):
            out.append(CasualtyFigure(_field(m), 1, "exact", m.start(), m.end(), sent.index))
    for m in _ZERO_BOTH.finditer(text, s, e):
        for name in ("killed", "injured"):
            out.append(CasualtyFigure(name, 0, "exact", m.start(), m.end(), sent.index))
    for m in _ZERO_ONE.finditer(text, s, e):
        if any(f.start <= m.start() < f.end for f in out):
            continue
        out.append(CasualtyFigure(_field(m), 0, "exact", m.start(), m.end(), sent.index))
    out.sort(key=lambda f: f.start)
    _share_hedge(text, out)
    for f in out:
        # "four injured individuals in critical condition": a part of the toll
        if f.field == "injured" and _CONDITION.match(text, f.end, e):
            f.hospitalized = True
    return out


def _share_hedge(text: str, figures: list[CasualtyFigure]) -> None:
    """A hedge before a pair applies to both: "at least 16 fatalities and 97 injuries"."""
    for a, b in itertools.pairwise(figures):
        if (
            a.field != b.field
            and a.qualifier != "exact"
            and b.qualifier == "exact"
            and re.fullmatch(r"\s*,?\s*and\s+", text[a.end : b.start])
            and re.match(r"\d+\s+(?:injur|wound|death|dead|fatalit|killed)", text[b.start : b.end])
            and not _VERB_AUX.search(text, a.start, b.end)  # a list of nouns, not of clauses
        ):
            offset = 1 if a.qualifier == "at_least" and _OVER.search(text, a.start, a.end) else 0
            b.qualifier, b.value = a.qualifier, b.value + offset


def _fig(
    m: re.Match[str], count: Count, start: int, end: int, sent: Sentence, update: bool = False
) -> CasualtyFigure:
    return CasualtyFigure(
        _field(m),
        count.value,
        count.qualifier,
        start,
        end,
        sent.index,
        update,
        # "a man was hospitalized with shrapnel wounds": of the injured, when the text
        # gives their number
        bool(m.groupdict().get("h") or m.groupdict().get("hw")),
    )


_VERB_AUX = re.compile(r"\b(?:were|was|have|has|had|been|are|is)\b", re.IGNORECASE)
_OVER = re.compile(r"\b(?:more\s+than|over)\b", re.IGNORECASE)


_BARE_UPDATE = re.compile(
    r"\b(?:the\s+)?(?:(?:casualty|victim)\s+)?(?:toll|number|figure|count)\s+(?:(?:has|had|later|since|then|now|"
    r"already)\s+)*(?:rose|risen|increased|grew|grown|climbed|went\s+up)\s+to\s+$",
    re.IGNORECASE,
)


def bare_update(
    text: str, sent: Sentence, blocked: SpanSet, row: CasualtyRow
) -> list[CasualtyFigure]:
    """ "The number later rose to 17" after one figure: the update of that figure."""
    if len(row.figures) != 1:
        return []
    (name,) = row.figures
    for n in find_numbers(text[sent.start : sent.end]):
        start, end = n.start + sent.start, n.end + sent.start
        m = _BARE_UPDATE.search(text, max(sent.start, start - 60), start)
        if m and not blocked.covers(start):
            count = read_count(text, type(n)(n.value, start, end, n.text, n.high, n.is_word))
            return [
                CasualtyFigure(name, count.value, count.qualifier, m.start(), end, sent.index, True)
            ]
    return []
