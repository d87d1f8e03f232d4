"""One report of a text read into table rows: attacks, dates, groups, casualties, evidence.

:func:`read_report` splits a report into attacks (a report whose counts carry
explicit dates more than a day apart holds several), dates each attack, and
turns its weapon groups (:mod:`~airdef.io.text.extract`) and casualty rows
(:mod:`~airdef.io.text.casualties`) into rows of the canonical tables, with one
evidence row per number. Numbers it could not place are evidence rows too,
with ``table`` and ``field`` ``"unplaced"``
(:func:`~airdef.io.text.unplaced.unplaced_numbers`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from dataclasses import replace

import pandas as pd

from airdef.io.text.breakdown import split_neutralized
from airdef.io.text.casualties import CasualtyRow, extract_casualties
from airdef.io.text.casualties_uk import extract_casualties_uk
from airdef.io.text.dates import DateMention, find_dateline, find_dates
from airdef.io.text.dates_uk import find_dates_uk
from airdef.io.text.extract import WeaponReader
from airdef.io.text.groups import Group
from airdef.io.text.headlines import headlines, linked_headlines
from airdef.io.text.lexicon_uk import cyrillic_share
from airdef.io.text.numbers import age_spans
from airdef.io.text.places import find_places
from airdef.io.text.reader_uk import UkReader
from airdef.io.text.segment import Report, Sentence, sentences
from airdef.io.text.spans import SpanSet
from airdef.io.text.unplaced import unplaced_numbers

__all__ = ["read_report"]

_REPORTING = re.compile(
    r"\b(?:said|says|announced|reported|reports|told|stated|wrote|posted|added|according)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?(?P<host>[^/?#:]+)", re.IGNORECASE)


def _reporter(source: str | None) -> str:
    if source:
        m = _HOST.match(source.strip())
        if m:
            return m["host"].lower()
    return "text"


# "the largest ... since the night of Dec. 27": a date compared with, not the attack's
_BACKGROUND = re.compile(
    r"\b(?:since|than\s+on|than\s+in|compared\s+with|compared\s+to)\s+(?:the\s+)?"
    r"(?:(?:night|morning|evening|attack|strike)\s+(?:of|on)\s+)?(?:the\s+)?$|"
    # "a week after an attack last Tuesday killed 28": an earlier attack
    r"\b(?:after|before|following)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|assault|"
    r"barrage)s?\s+(?:on\s+[\w']+\s+)?(?:last\s+|this\s+past\s+)?$",
    re.IGNORECASE,
)


def _start(mention: DateMention) -> int:
    return mention.start


def _day_of(
    text: str, sent: Sentence, dates: list[DateMention], *, events_only: bool
) -> DateMention | None:
    """The best date mention of a sentence (explicit over weekday over relative).

    With ``events_only``, relative words and dates of a report verb ("said on
    Tuesday") are left out: those do not start a new attack.
    """
    lo = bisect_left(dates, sent.start, key=_start)
    hi = bisect_left(dates, sent.end, key=_start)
    found = [
        d
        for d in dates[lo:hi]
        if d.day is not None
        and d.rank > 0
        and not _BACKGROUND.search(text, max(sent.start, d.start - 30), d.start)
    ]
    if events_only:
        found = [
            d for d in found if d.rank >= 2 and not _REPORTING.search(text[sent.start : d.start])
        ]
    best = max(found, key=lambda d: (d.rank, -d.start), default=None)
    if best is not None and best.rank == 3:
        # "from 8 p.m. on November 21 to 03:00 on November 22": the night ends on the 22nd
        # "on Wednesday evening of January 15 and overnight into Thursday": the 16th
        after = [
            d
            for d in found
            if d.day == best.day + dt.timedelta(days=1)
            and (d.rank == 3 or _INTO.search(text, max(sent.start, d.start - 8), d.start))
        ]
        if after:
            best = after[0]
    return best


_INTO = re.compile(r"\b(?:into|to|until|till)\s+$", re.IGNORECASE)


def _of_another_day(
    text: str,
    row: CasualtyRow,
    by_index: dict[int, Sentence],
    dates: list[DateMention],
    day: dt.date,
) -> bool:
    """Whether every figure of a casualty row is dated more than a day from the attack.

    "The strikes came a week after an attack last Tuesday killed 28 people": the 28
    are another attack's.
    """
    days = []
    for fig in row.figures.values():
        sent = by_index[fig.sentence]
        if _BACK_REFERENCE.match(sent.text) and sent.index - 1 in by_index:
            sent = by_index[sent.index - 1]  # "That wave of strikes killed ...": the one before
        lo = bisect_left(dates, sent.start, key=_start)
        hi = bisect_left(dates, sent.end, key=_start)
        found = [
            d.day
            for d in dates[lo:hi]
            if d.day is not None
            and d.rank >= 2
            and not _REPORTING.search(text[sent.start : d.start])
        ]
        if not found:
            return False
        days += found
    return bool(days) and all(abs((d - day).days) > 1 for d in days)


# a sentence about the attack the sentence before named: "That wave of drone strikes killed"
_BACK_REFERENCE = re.compile(
    r"\s*(?:That|Those|The\s+same|The\s+earlier|The\s+previous)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:wave|attack|strike|barrage|assault)s?\b",
    re.IGNORECASE,
)


def _segments(
    text: str,
    sents: list[Sentence],
    dates: list[DateMention],
    blocked: SpanSet,
    make: type[WeaponReader] | type[UkReader] = WeaponReader,
) -> list[tuple[list[Sentence], WeaponReader | UkReader]]:
    """Split a report's sentences into attacks at explicit date changes."""
    out: list[tuple[list[Sentence], WeaponReader | UkReader]] = []
    current: list[Sentence] = []
    reader = make(text, blocked)
    day: dt.date | None = None
    for sent in sents:
        mention = _day_of(text, sent, dates, events_only=True)
        if (
            mention is not None
            and day is not None
            and abs((mention.day - day).days) > 1
            and reader.registry.groups
        ):
            out.append((current, reader))
            current, reader, day = [], make(text, blocked), None
        if day is None and mention is not None:
            day = mention.day
        reader.read(sent)
        current.append(sent)
    out.append((current, reader))
    return out


def _attack_date(
    text: str,
    segment: list[Sentence],
    groups: list[Group],
    rows: list[CasualtyRow],
    sents: list[Sentence],
    dates: list[DateMention],
    first: bool,
) -> DateMention | None:
    """The date of an attack: from its count sentences first, else the nearest sentence.

    Only the first attack of a report may take a date from outside its own sentences.
    """
    counted = {f.sentence for g in groups for f in g.figures.values()}
    counted |= {g.sentence for g in groups}
    counted |= {f.sentence for r in rows for f in r.figures.values()}
    ranked = []
    pool = sents if first else segment
    positions = [s.index for s in segment if s.index in counted] or [s.index for s in segment]
    for sent in pool:
        mention = _day_of(text, sent, dates, events_only=False)
        if mention is None:
            continue
        inside = sent.index in counted
        distance = min(abs(sent.index - p) for p in positions) if positions else 0
        ranked.append(((inside, -distance, mention.rank, -mention.start), mention))
    if not ranked:
        return None
    best_key, best = max(ranked, key=lambda r: r[0])
    # an overnight attack told in two sentences ("Starting at 19:00 on January 1 ...
    # By 08:30 on January 2, forces had downed 47"): the morning it ended
    later = [
        m
        for key, m in ranked
        if key[:2] == best_key[:2]
        and m.rank == 3 == best.rank
        and m.day == best.day + dt.timedelta(days=1)
    ]
    if later:
        return later[0]
    # a day resolved from the publication date ("overnight", "on Saturday") is weaker than
    # the day the text writes for the attack ("on November 8, 2025 ... the overnight
    # barrage", published the next morning)
    written = [m for _, m in ranked if m.rank == 3 and m.day is not None and best.day is not None]
    close = [m for m in written if dt.timedelta(0) < best.day - m.day <= dt.timedelta(days=1)]
    if best.rank < 3 and close and not any(m.day == best.day for m in written):
        return close[0]
    return best


def _attack_id(day: dt.date | None, source: str | None, body: str, part: int) -> str:
    digest = hashlib.sha1(f"{source or ''}\n{part}\n{body}".encode()).hexdigest()[:8]
    return f"text:{day.isoformat() if day else 'undated'}:{digest}"


def _evidence_row(
    raw: str,
    sents: dict[int, Sentence],
    attack_id: str | None,
    table: str,
    label: str,
    field: str,
    value: object,
    qualifier: str | None,
    start: int,
    end: int,
    sentence: int,
    origin: str,
) -> dict[str, object]:
    return {
        "attack_id": attack_id,
        "table": table,
        "label": label,
        "field": field,
        "value": str(value),
        "qualifier": qualifier,
        "start": start,
        "end": end,
        "quote": raw[start:end],
        "sentence": sents[sentence].text if sentence in sents else "",
        "origin": origin,
    }


def _parents_first(groups: list[Group]) -> list[Group]:
    """Groups in text order, each parent directly followed by its parts."""
    ids = {g.gid for g in groups}
    out: list[Group] = []

    def visit(group: Group) -> None:
        out.append(group)
        for child in groups:
            if child.parent == group.gid:
                visit(child)

    for g in groups:
        if g.parent is None or g.parent not in ids:
            visit(g)
    return out


def read_report(
    raw: str,
    folded: str,
    report: Report,
    *,
    published: dt.date | None,
    source: str | None,
    origin: str,
) -> tuple[list[dict], list[dict], list[dict]]:
    """The event, casualty and evidence rows of one report.

    Parameters
    ----------
    raw, folded : str
        The whole input text, as given and folded (:func:`~airdef.io.text.segment.fold`);
        spans index both.
    report : Report
        The report's span and metadata (:func:`~airdef.io.text.segment.split_reports`).
    published : datetime.date or None
        The publication date, for relative dates.
    source : str or None
        The report's URL or name; a URL's host becomes the ``reporter``.
    origin : str
        The input's name, for the ``origin`` columns.

    Returns
    -------
    tuple of three lists of dict
        Rows for ``events``, ``casualties`` and ``evidence``.

    Examples
    --------
    >>> from airdef.io.text.segment import fold, split_reports
    >>> text = "Russia launched 12 drones overnight; 10 were shot down."
    >>> events, casualties, evidence = read_report(
    ...     text, fold(text), split_reports(text)[0], published=dt.date(2024, 3, 1),
    ...     source=None, origin="text")
    >>> [(e["weapon_label"], e["launched"], e["intercepted"]) for e in events]
    [('drones', 12, 10)]
    >>> [(e["field"], e["quote"]) for e in evidence]
    [('date', 'overnight'), ('launched', '12 drones'), ('intercepted', '10 were shot down')]
    """
    sents = sentences(raw, report.start, report.end)
    by_index = {s.index: s for s in sents}
    body = folded[report.start : report.end]
    ukrainian = cyrillic_share(body) > 0.3
    if not ukrainian:
        # relative words of wire copy count from its dateline ("KYIV, Dec 14 (Reuters) -")
        published = find_dateline(body, published) or published
    found_dates = find_dates(body, published)
    if ukrainian:
        found_uk = find_dates_uk(body, published)
        taken = SpanSet((d.start, d.end) for d in found_uk)
        found_dates = found_uk + [d for d in found_dates if not taken.overlaps(d.start, d.end)]
    dates = [
        DateMention(d.start + report.start, d.end + report.start, d.kind, d.day)
        for d in found_dates
    ]
    dates.sort(key=_start)
    places = [
        replace(p, start=p.start + report.start, end=p.end + report.start)
        for p in find_places(body)
    ]
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(s + report.start, e + report.start) for s, e in age_spans(body)]
    blocked += [(p.start, p.end) for p in places if p.district_count is not None]
    blocked += [(s.start, s.end) for s in headlines(raw, sents)]
    if not ukrainian:
        blocked += [(s.start, s.end) for s in linked_headlines(raw, sents)]
    events: list[dict] = []
    casualties: list[dict] = []
    evidence: list[dict] = []
    reporter = _reporter(source)
    make = UkReader if ukrainian else WeaponReader
    hits: list = []
    block = SpanSet(blocked)  # sorted once, shared by every reader of the report
    for part, (segment, reader) in enumerate(_segments(folded, sents, dates, block, make)):
        groups = reader.finish()
        split_neutralized(groups, folded, by_index, blocked)
        hits += getattr(reader, "hits", [])
        if ukrainian:
            rows = extract_casualties_uk(folded, segment, block, sents)
        else:
            rows = extract_casualties(folded, segment, block, places)
        if not groups and not rows:
            continue
        date = _attack_date(folded, segment, groups, rows, sents, dates, part == 0)
        if date is None and published is not None and part == 0:
            # A report with counts and no date words ("After midnight", "During the
            # attack on Kyiv") tells of the attack of its publication day.
            date = DateMention(report.start, report.start, "relative", published)
        day = date.day if date else None
        if day is not None and not ukrainian:
            rows = [r for r in rows if not _of_another_day(folded, r, by_index, dates, day)]
        attack_id = _attack_id(day, source, body, part)
        start = pd.Timestamp(day) if day else pd.NaT
        end = start + pd.Timedelta(hours=23, minutes=59) if day else pd.NaT
        labels = {g.gid: g.label for g in groups}
        if date is not None:
            evidence.append(
                _evidence_row(
                    raw,
                    by_index,
                    attack_id,
                    "events",
                    "",
                    "date",
                    day.isoformat(),
                    None,
                    date.start,
                    date.end,
                    _sentence_at(sents, date.start),
                    origin,
                )
            )
        for g in _parents_first(groups):
            row = {
                "attack_id": attack_id,
                "time_start": start,
                "time_end": end,
                "source": source,
                "reporter": reporter,
                "weapon_label": g.label,
                "weapon": g.phrase.weapon,
                "weapon_class": g.phrase.weapon_class,
                "part_of": labels.get(g.parent) if g.parent is not None else None,
                "origin": origin,
                "source_row": report.number,
            }
            if g.combined and "intercepted" in g.figures:
                row["intercept_definition"] = "shot_down_or_suppressed"
                fig = g.figures["intercepted"]
                evidence.append(
                    _evidence_row(
                        raw,
                        by_index,
                        attack_id,
                        "events",
                        g.label,
                        "intercept_definition",
                        "shot_down_or_suppressed",
                        None,
                        fig.start,
                        fig.end,
                        fig.sentence,
                        origin,
                    )
                )
            for name, fig in g.figures.items():
                row[name] = fig.value
                if name != "suppressed":
                    row[f"{name}_qual"] = fig.qualifier
                evidence.append(
                    _evidence_row(
                        raw,
                        by_index,
                        attack_id,
                        "events",
                        g.label,
                        name,
                        fig.value,
                        fig.qualifier,
                        fig.start,
                        fig.end,
                        fig.sentence,
                        origin,
                    )
                )
            events.append(row)
        for r in rows:
            label = "; ".join(r.cities) if r.cities else "unplaced"
            if r.district:
                label += f" / {r.district}"
            row = {
                "attack_id": attack_id,
                "date": start,
                "city": "; ".join(r.cities) or None,
                "district": r.district,
                "district_count": r.district_count,
                "source": source,
                "origin": origin,
            }
            for name, fig in r.figures.items():
                row[name] = fig.value
                row[f"{name}_qual"] = fig.qualifier
                evidence.append(
                    _evidence_row(
                        raw,
                        by_index,
                        attack_id,
                        "casualties",
                        label,
                        name,
                        fig.value,
                        fig.qualifier,
                        fig.start,
                        fig.end,
                        fig.sentence,
                        origin,
                    )
                )
            if r.district_count is not None and r.place is not None:
                evidence.append(
                    _evidence_row(
                        raw,
                        by_index,
                        attack_id,
                        "casualties",
                        label,
                        "district_count",
                        r.district_count,
                        "exact",
                        r.place.start,
                        r.place.end,
                        _sentence_at(sents, r.place.start),
                        origin,
                    )
                )
            casualties.append(row)
    used = blocked + [(int(e["start"]), int(e["end"])) for e in evidence]
    used += [(f.start, f.end) for f in hits]
    attack_ids = [e["attack_id"] for e in evidence]
    for fig in hits:
        evidence.append(
            _evidence_row(
                raw,
                by_index,
                attack_ids[0] if attack_ids else None,
                "hits",
                "",
                "hits",
                fig.value,
                fig.qualifier,
                fig.start,
                fig.end,
                fig.sentence,
                origin,
            )
        )
    for start, end in unplaced_numbers(folded, report.start, report.end, used):
        row = _evidence_row(
            raw,
            by_index,
            attack_ids[0] if attack_ids else None,
            "unplaced",
            "",
            "unplaced",
            raw[start:end],
            None,
            start,
            end,
            _sentence_at(sents, start),
            origin,
        )
        evidence.append(row)
    return events, casualties, evidence


def _sentence_at(sents: list[Sentence], pos: int) -> int:
    i = bisect_left(sents, pos + 1, key=lambda s: s.start) - 1
    return sents[i].index if i >= 0 and pos < sents[i].end else -1
