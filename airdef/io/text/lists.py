"""Counts of one list share their verb, hedge and "all".

"Approximately 274 drones and 33 missiles were launched": the verb after the
list and the hedge before it apply to every item; "all 28 missiles and 15 out
of 16 drones": the "all" does not reach an item with its own total.
"""

from __future__ import annotations

from airdef.io.text import patterns as P
from airdef.io.text.numbers import Count

__all__ = ["pair_crosswise", "share_list"]


def share_list(text: str, items: list[dict]) -> None:
    """Give list items the verb, hedge and "all" of their list (in place).

    ``items`` are the sentence's counts in order, as
    :class:`~airdef.io.text.extract.WeaponReader` reads them: each a dict with
    the count's construct ``c``, its ``field`` and how it was read (``how``),
    and its relation to the item before (``rel``: "glue" for the next item of
    one list, "child" for an "including" part, "colon"). Items of one list take
    the verb of its head or, when only the tail has one, of the tail ("3
    missiles and 37 drones were intercepted"), and the head's hedge
    ("approximately 274 drones and 33 missiles") and "all".
    """
    chains: list[list[dict]] = []
    for item in items:
        if item["rel"] == "glue" and chains:
            chains[-1].append(item)
        else:
            chains.append([item])
    for number, chain in enumerate(chains):
        for item in chain:
            item["chain"] = number
        head, tail = chain[0], chain[-1]
        if head["rel"] in ("child", "colon") and head["how"] != "forward":
            head["field"] = head["prev"]["field"]
            head["how"] = "inherited"
        if head["how"] in ("forward", "inherited", "backward-close"):
            shared = head["field"]
        elif tail["how"] == "forward":  # "3 missiles and 37 drones were intercepted"
            shared = tail["field"]
        else:
            shared = head["field"]
        # "eight drones and three cruise missiles which were shot down": launched, and
        # by the relative clause after the list also intercepted
        relative = P.RELATIVE_DOWNED.match(text, tail["c"].end)
        hedge = head["c"].count
        for item in chain:
            item["downed_too"] = bool(relative) and item["field"] == "launched"
            if item["how"] != "forward":
                item["field"] = shared
            if item is head:
                continue
            count = item["c"].count
            own_all = item["c"].all_  # "about 70 of the missiles and all ten drones": ten exact
            if head["c"].all_ and item["c"].of_total is None:
                item["c"].all_ = True  # "all 28 missiles and 15 out of 16 drones": not the 15
            if (
                not own_all
                and hedge.qualifier != "exact"
                and hedge.number.high is None
                and count.qualifier == "exact"
                and count.number.high is None
            ):
                offset = hedge.value - hedge.number.value
                item["c"].count = Count(
                    count.number.value + offset,
                    hedge.qualifier,
                    count.start,
                    count.end,
                    count.number,
                )


def pair_crosswise(items: list[dict]) -> list[dict]:
    """ "36 rockets and 186 drones out of 194 attack drones and 67 missiles": pair by class.

    In a list whose item has an "out of" total, the items after it are the other
    totals of that "out of" list: each becomes the total of the earlier item of its
    class (which then reads "N of M"), and is no count of its own. Returns the items
    kept.
    """
    out: list[dict] = []
    chain: list[dict] = []
    crossed = False
    for item in items:
        follows = bool(chain) and item.get("prev") is chain[-1]
        if item["rel"] != "glue" and not (crossed and follows):
            chain, crossed = [], False
        c = item["c"]
        if crossed and c.phrase is not None and c.of_total is None:
            mates = [
                i
                for i in chain
                if i["c"].of_total is None
                and i["c"].phrase is not None
                and i["c"].phrase.weapon_class == c.phrase.weapon_class
            ]
            if len(mates) == 1:
                mates[0]["c"].of_total = c.count
                continue
        chain.append(item)
        crossed = crossed or (c.of_total is not None and c.phrase is not None)
        out.append(item)
    return out
