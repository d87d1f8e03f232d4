"""Headlines in report text: the report's own, and other stories' printed inside the body.

A headline restates the body's figures or, when it is a link to another story,
gives another attack's: :func:`headlines` finds the report's first line when its
numbers are all in the body, :func:`linked_headlines` the headlines of other
stories set off inside the body. Their spans are kept out of the counts.
"""

from __future__ import annotations

import re

from airdef.io.text.numbers import find_numbers, read_count
from airdef.io.text.segment import Sentence

__all__ = ["headlines", "linked_headlines"]

# a headline's present-tense verb: "Ukraine downs 22 out of 35 missiles, ... Air Force says"
_HEADLINE_VERB = re.compile(
    r"\b(?:downs|shoots\s+down|launches|fires|says|attacks|hits|destroys|repels|intercepts|"
    r"strikes|kills)\b"
)


def linked_headlines(raw: str, sents: list[Sentence]) -> list[Sentence]:
    """Headlines of other stories printed inside the body (links to related articles).

    A line of its own after the first, set off by blank lines, without closing
    punctuation and worded as a headline ("Ukraine downs 22 out of 35 missiles,
    20 drones used in Russian morning attack, Air Force says"): its figures are
    another attack's.
    """
    out = []
    for sent in sents[1:]:
        text = sent.text.strip()
        if not text or text[-1] in ".!?:;\"')]" or len(text.split()) > 30:
            continue
        before = raw[max(0, sent.start - 2) : sent.start]
        after = raw[sent.end : sent.end + 2]
        if before == "\n\n" and after.startswith("\n\n") and _HEADLINE_VERB.search(text):
            out.append(sent)
    return out


def headlines(raw: str, sents: list[Sentence]) -> list[Sentence]:
    """The report's headline, and the lines that print it again.

    A headline is a first line of its own without closing punctuation, with
    more text after it; it restates the body's figures, so its numbers are
    not counted again ("Russia fires 90 missiles, Ukraine downs 70") when the
    body states each of them; a headline with a figure of its own is read.
    """
    if len(sents) < 2:
        return []
    head = sents[0]
    words = head.text.split()
    on_own_line = raw[head.end : head.end + 1] in ("\n", "\r") and sents[1].start > head.end
    if not on_own_line or len(words) > 25 or head.text.rstrip()[-1] in ".!?:;,\"')]":
        return []
    repeats = [s for s in sents if s.text.strip() == head.text.strip()]
    body = {
        v
        for s in sents
        if s not in repeats
        for n in find_numbers(s.text)
        for v in (n.value, read_count(s.text, n).value)  # "more than a dozen" restates 13
    }
    if not {n.value for n in find_numbers(head.text)} <= body:
        return []
    return repeats
