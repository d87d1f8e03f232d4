"""Weapon phrases in report text: what a count counts.

:func:`read_phrase` reads the noun phrase that follows a number ("more than 40
*ballistic, cruise, anti-aircraft and guided missiles*", "two *“Iskander-M/KN-23”
ballistic missiles*", "69 *Shahed attack UAVs*") and classifies it:

* a named type is looked up in the weapon catalog (:func:`airdef.load_catalog`),
  in Latin or Cyrillic spelling (Kh-101, X-101, Х-101), with plurals and
  "-type" suffixes removed (Shaheds, Kh-101s, Shahed-type); "Iskander" alone is
  taken as the ballistic Iskander-M, the type news reports mean by it;
* class words give a class: *ballistic*; *cruise*, *anti-ship* and *anti-radar*;
  *guided* (airdef has no separate class for guided air missiles such as the
  Kh-59/Kh-69, which the catalog files under ``cruise_missile``, so "guided
  missiles" are ``cruise_missile``); *anti-aircraft*, *surface-to-air*;
  *guided/glide/aerial bombs* (``guided_bomb``); *drones*, *UAVs*, *Shaheds*
  (``strike_drone``, or ``recon_drone`` for reconnaissance and
  operational-tactical UAVs); plain *missiles* or *rockets* (``unknown``);
* one count naming several classes ("ballistic, cruise ... missiles",
  "missiles and drones", "missiles of various types") is one ``mixed`` group;
* "air targets", "aerial targets" and "means of air attack" are totals over
  every class (``mixed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from airdef.catalog import (
    ALL_CLASSES,
    CLASS_WORDS,
    label_coverage,
    load_catalog,
    normalize_label,
)

__all__ = [
    "Phrase",
    "lookup_name",
    "read_means",
    "read_phrase",
    "tokens",
]

_TOKEN = re.compile(r"[\w\u0400-\u04FF](?:[\w\u0400-\u04FF'/-]*[\w\u0400-\u04FF])?|[^\w\s]")

_HEADS = {
    "missile": "missile",
    "missiles": "missile",
    "rocket": "missile",
    "rockets": "missile",
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "uas": "drone",
    "bpla": "drone",
    "bomb": "bomb",
    "bombs": "bomb",
    "munition": "munition",
    "munitions": "munition",
    "target": "target",
    "targets": "target",
    "projectile": "target",
    "projectiles": "target",
    "vehicle": "vehicle",
    "vehicles": "vehicle",
}
# class word -> (class for a missile head, class for a drone head, class for a bomb head)
_CLASS_WORDS: dict[str, tuple[str, str | None]] = {
    "ballistic": ("ballistic_missile", "Ballistic Missile"),
    "aeroballistic": ("ballistic_missile", "Ballistic Missile"),
    "aero-ballistic": ("ballistic_missile", "Ballistic Missile"),
    "air-ballistic": ("ballistic_missile", "Ballistic Missile"),
    "cruise": ("cruise_missile", "cruise missiles"),
    "guided": ("cruise_missile", "guided missiles"),
    "anti-ship": ("cruise_missile", "anti-ship missiles"),
    "antiship": ("cruise_missile", "anti-ship missiles"),
    "anti-radar": ("cruise_missile", "anti-radar missiles"),
    "anti-aircraft": ("anti_aircraft_missile", "anti-aircraft missiles"),
    "antiaircraft": ("anti_aircraft_missile", "anti-aircraft missiles"),
    "surface-to-air": ("anti_aircraft_missile", "anti-aircraft missiles"),
    "air-defense": ("anti_aircraft_missile", "anti-aircraft missiles"),
    "air-defence": ("anti_aircraft_missile", "anti-aircraft missiles"),
}
_RECON = frozenset({"reconnaissance", "recon", "surveillance", "operational-tactical", "scout"})
_BOMB = frozenset({"glide", "gliding", "aerial", "air", "guided", "adjustable", "corrected"})
_MODIFIERS = (
    frozenset(
        """russian russia's iranian iranian-made iranian-designed iranian-developed north korean
    north-korean incoming enemy hostile attack strike striking combat kamikaze one-way
    long-range medium-range short-range strategic tactical hypersonic supersonic subsonic jet
    jet-powered air-launched sea-launched ship-launched submarine-launched ground-launched
    land-based sea-based air-based air aerial unmanned loitering decoy explosive explosive-laden
    self-detonating heavy modernised modernized upgraded new more other additional further type
    -type class model series made designed and or the its their of these those all total
    high-precision precision precision-guided winged unidentified unknown various
    different types kinds sorts level air-to-surface air-to-ground surface-to-surface
    ground-to-ground sea attack-drone imitator imitation dummy false so-called""".split()
    )
    | _RECON
    | _BOMB
)
_NOISE = frozenset(
    """russian russia's iranian iranian-made iranian-designed iranian-developed north korean
    north-korean incoming enemy hostile more other additional further new the its their of
    these those all total and or""".split()
)
_SUPPLEMENT = {
    "iskander": "Iskander-M",
    "iskanders": "Iskander-M",
    "kinzhals": "Kh-47M2 Kinzhal",
    "kalibrs": "Kalibr",
    "shaheed": "Shahed-136/131",
    "shaheeds": "Shahed-136/131",
    "shahid": "Shahed-136/131",
    "shahids": "Shahed-136/131",
    "grom": "Kh-59",
    "orlan": "Orlan-10",
    "orlans": "Orlan-10",
}
_VARIOUS = re.compile(
    r"\s+of\s+(?:various|different|several|multiple|all|mixed)\s+(?:types|kinds|sorts)\b",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+[\"']?(?P<name>[A-Z\u0400-\u042F][\w\u0400-\u04FF/-]*\d*[\w-]*)")
_OF_TYPE = re.compile(
    r"\s+of\s+(?:the\s+)?[\"']?(?P<name>[\w\u0400-\u04FF/-]+?)[\"']?(?:[\s-]+(?:type|class|family|series))\b",
    re.IGNORECASE,
)
# "four missiles from the S-300 surface-to-air missile systems": the system names the type
_FROM_SYSTEM = re.compile(
    r"\s+(?:from|of)\s+(?:the\s+)?(?P<name>[A-Z][\w/-]*\d[\w/-]*)(?=\s+(?:[\w-]+\s+){0,3}?"
    r"(?:systems?|complex(?:es)?|launchers?)\b)"
)
_OF_LEVEL = re.compile(r"\s+of\s+(?:the\s+)?operational[\s-]+tactical\s+level\b", re.IGNORECASE)
_MEANS = re.compile(
    r"(?:means|weapons?|assets)\s+of\s+(?:an?\s+)?(?:air|aerial)\s+attack|air[\s-]attack\s+"
    r"(?:means|weapons|assets)|aerial\s+weapons|air\s+weapons",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Phrase:
    """A weapon phrase and what it names.

    Attributes
    ----------
    start, end : int
        The span of the label in the text.
    label : str
        The phrase as written, without leading words such as "Russian" or "incoming".
    weapon : str
        Canonical catalog name, or a descriptive name for class words (parts of a
        mixed group joined by " + ").
    weapon_class : str
        One of :data:`airdef.catalog.WEAPON_CLASSES`.
    coverage : frozenset of str
        The classes the phrase can refer to ("missiles" covers every missile class).
    generic : bool
        True when no type is named (class words only).
    total : bool
        True for "air targets" and the like: a total over every class.
    """

    start: int
    end: int
    label: str
    weapon: str
    weapon_class: str
    coverage: frozenset[str]
    generic: bool
    total: bool = False


def tokens(
    text: str, start: int, end: int | None = None, *, most: int | None = None
) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of ``text[start:end]`` as (start, end, text), at most ``most``."""
    end = len(text) if end is None else end
    found = islice(_TOKEN.finditer(text, start, end), most)
    return [(m.start(), m.end(), m.group()) for m in found]


@lru_cache(maxsize=4096)
def lookup_name(word: str) -> str | None:
    """The catalog weapon a single word or two-word name denotes, or None.

    Examples
    --------
    >>> [lookup_name(w) for w in ("Shaheds", "X-101s", "Iskander", "Shahed-type", "missiles")]
    ['Shahed-136/131', 'Kh-101', 'Iskander-M', 'Shahed-136/131', None]
    """
    text = word.strip("\"'")
    norm = normalize_label(text)
    if not norm or all(w in _HEADS or w in _MODIFIERS or w in _CLASS_WORDS for w in norm.split()):
        return None
    catalog = load_catalog()
    candidates = [text]
    for suffix in ("'s", "s", "-type", "-class", " type"):
        if norm.endswith(suffix):
            candidates.append(text[: -len(suffix)])
    for cand in candidates:
        found = catalog.lookup(cand) or _SUPPLEMENT.get(normalize_label(cand))
        if found:
            return found
    if re.fullmatch(r"(?:kab|fab|uab|odab)-?\d+\w*", norm):
        return "KAB"
    if "/" in text:
        names = text.split("/")
        prefix = re.match(r"(?P<p>.*?[-\s])\d", names[0])
        if prefix:  # "Kh-101/555/55": the bare numbers take the first name's prefix
            names = [prefix["p"] + n if n.isdigit() else n for n in names]
        parts = [lookup_name(p) for p in names]
        family = prefix is not None and all(n.startswith(prefix["p"]) for n in names)
        if all(parts) or (family and parts[0]):
            # "Kh-101/Kh-556": a misprinted variant of one family still names the family
            return _resolve_names(tuple(dict.fromkeys(p for p in parts if p)))[0]
    return None


def _kind(word: str) -> str:
    if word in ('"', "'"):
        return "quote"
    w = word.lower().strip("\"'")
    if w in _HEADS:
        return "head"
    if w in _CLASS_WORDS:
        return "class"
    if lookup_name(word):
        return "name"
    if w in _MODIFIERS or w.endswith(("-type", "-launched", "-made", "-built", "-designed")):
        return "mod"
    return "other"


@lru_cache(maxsize=1024)
def _resolve_names(names: tuple[str, ...]) -> tuple[str, str]:
    """Canonical weapon and class of one or several catalog names."""
    resolved = load_catalog().resolve([" and ".join(names)])
    return str(resolved["weapon"].iloc[0]), str(resolved["weapon_class"].iloc[0])


def _classify(
    names: list[str], classes: list[str], heads: list[str], recon: bool, various: bool
) -> tuple[str, str, bool, bool]:
    """(weapon, weapon_class, generic, total) for the parts of a phrase."""
    if names:
        weapon, cls = _resolve_names(tuple(dict.fromkeys(names)))
        written = {_CLASS_WORDS[c][0] for c in classes}
        if cls == "mixed" and len(names) == 1 and len(written) == 1:
            cls = written.pop()  # "Iskander-M/S-400 ballistic missiles": the class written
        return weapon, cls, False, False
    kinds = list(dict.fromkeys(heads))
    if "target" in kinds or "weapon" in kinds:
        return "air targets", "mixed", True, True
    parts: list[str] = []
    for kind in kinds:
        if kind == "drone" or (kind in ("vehicle", "munition") and not classes):
            parts.append("Reconnaissance UAV" if recon else "drones")
        elif kind == "bomb":
            parts.append("KAB")
        elif kind == "missile":
            if various:
                parts.append("missiles of various types")
            elif classes:
                parts.extend(dict.fromkeys(_CLASS_WORDS[c][1] for c in classes))
            else:
                parts.append("Unknown Missile")
    if not parts and classes:  # "eight ballistic and six cruise": the head comes later
        parts.extend(dict.fromkeys(_CLASS_WORDS[c][1] for c in classes))
    if not parts:
        return "", "unknown", True, False
    covered = frozenset().union(*(CLASS_WORDS[p] for p in parts))
    if len(parts) == 1:
        weapon = parts[0]
        cls = (
            next(iter(covered))
            if len(covered) == 1
            else ("unknown" if weapon == "Unknown Missile" else "mixed")
        )
        if weapon == "drones":
            cls = "strike_drone"
        return weapon, cls, True, False
    part_classes = {
        "unknown"
        if p == "Unknown Missile"
        else "strike_drone"
        if p == "drones"
        else next(iter(CLASS_WORDS[p]))
        if len(CLASS_WORDS[p]) == 1
        else "mixed"
        for p in parts
    }
    cls = part_classes.pop() if len(part_classes) == 1 else "mixed"
    return " + ".join(parts), cls, True, False


# the other drones of one count: "... UAVs and other types of drones", "(as well as drones
# of other types)", "and unidentified drones"
_DRONE_HEADS = frozenset({"drone", "vehicle"})
_OTHER_DRONES = re.compile(
    r"\s*\(?\s*(?:and|or|as\s+well\s+as)\s+(?:other|various|unidentified|different)\s+"
    r"(?:(?:types?|kinds?)\s+of\s+)?(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles)"
    r"(?:\s+of\s+(?:other|various|different|unknown)\s+types?)?\s*\)?|"
    r"\s*\(?\s*(?:and|or|as\s+well\s+as)\s+(?:drones?|UAVs?)\s+of\s+(?:other|various|different|"
    r"unknown)\s+types?\s*\)?",
    re.IGNORECASE,
)


def read_phrase(text: str, start: int, *, limit: int = 12) -> Phrase | None:
    """Read the weapon phrase starting at ``start`` in a folded text.

    Returns None when the words there do not name a weapon (an aircraft type,
    "countries", "rounds", "regions"...), or when the phrase is a modifier of
    another noun ("two drone attacks").

    Examples
    --------
    >>> t = "more than 40 ballistic, cruise, anti-aircraft and guided missiles into"
    >>> p = read_phrase(t, 12)
    >>> (p.label, p.weapon_class)
    ('ballistic, cruise, anti-aircraft and guided missiles', 'mixed')
    >>> p = read_phrase('two "Iskander-M/KN-23" ballistic missiles, an Kh-59', 3)
    >>> (p.label, p.weapon, p.weapon_class)
    ('"Iskander-M/KN-23" ballistic missiles', 'Iskander-M/KN-23', 'ballistic_missile')
    >>> read_phrase("six aircraft MiG-31K", 3) is None
    True
    """
    toks = tokens(text, start, min(len(text), start + 200), most=3 * limit + 6)
    names: list[str] = []
    classes: list[str] = []
    heads: list[str] = []
    recon = various = heads_before_class = unknown_word = False
    first: int | None = None
    last_end: int | None = None
    i = 0
    n_words = 0
    while i < len(toks) and n_words < limit:
        s, e, w = toks[i]
        low = w.lower()
        kind = _kind(w)
        if kind == "quote":
            if first is None:
                first = s
            i += 1
            continue
        if i + 1 < len(toks) and kind in ("other", "name", "mod"):
            two = f"{w} {toks[i + 1][2]}"
            if toks[i + 1][0] == e + 1 and lookup_name(two) and not lookup_name(w):
                names.append(lookup_name(two) or "")
                first = s if first is None else first
                last_end = toks[i + 1][1]
                i += 2
                n_words += 2
                continue
        if kind == "name":
            names.append(lookup_name(w) or "")
            last_end = e
        elif kind == "class":
            heads_before_class = heads_before_class or bool(heads)
            classes.append(low)
            last_end = e
        elif kind == "head":
            if (
                low in ("vehicle", "vehicles")
                and not (heads or names)
                and not re.search(r"(?:aerial|air)\s*$", text[max(0, s - 8) : s], re.IGNORECASE)
            ):
                return None
            heads.append(_HEADS[low])
            last_end = e
        elif kind == "mod":
            if low in _RECON:
                recon = True
            if low in ("and", "or") and last_end is not None:
                nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
                if _kind(nxt) not in ("class", "name", "head", "mod", "quote") or nxt.lower() in (
                    "the",
                    "its",
                    "their",
                    "all",
                ):
                    break
                if heads and _kind(nxt) not in ("head", "mod", "name"):
                    if not (_kind(nxt) == "class" and classes and heads_before_class):
                        break
            elif (
                low in ("of", "the", "its", "their", "these", "those", "all") and first is not None
            ):
                break
        elif (
            w == ","
            and last_end is not None
            and heads
            and i + 1 < len(toks)
            and (
                _kind(toks[i + 1][2]) == "class"
                or (
                    heads_before_class
                    and toks[i + 1][2].lower() in ("and", "or")
                    and i + 2 < len(toks)
                    and _kind(toks[i + 2][2]) == "class"
                )
            )
        ):
            pass  # "drones, ballistic, and cruise missiles": the list goes on
        elif w == "," and last_end is not None and not heads:
            nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
            if nxt.lower() in ("and", "or") and i + 2 < len(toks):
                nxt = toks[i + 2][2]  # "Kalibr, Onyx, Kh-22, and Iskander-M ballistic missiles"
            if _kind(nxt) not in ("class", "name", "quote"):
                break
        elif w == "(" and last_end is not None:
            close = next(
                (j for j in range(i + 1, min(i + 5, len(toks))) if toks[j][2] == ")"), None
            )
            inner = [_kind(t[2]) for t in toks[i + 1 : close]] if close else []
            if close and inner and all(k in ("head", "mod", "name", "class") for k in inner):
                heads.extend(
                    _HEADS[t[2].lower()] for t in toks[i + 1 : close] if _kind(t[2]) == "head"
                )
                last_end = toks[close][1]
                i = close + 1
                continue
            break
        elif (
            not unknown_word
            and not heads
            and re.fullmatch(r"[a-z]{4,}(?:-[a-z]+)?", w)  # a word, not "a", "an", "two"
            and i + 1 < len(toks)
            and _kind(toks[i + 1][2]) in ("head", "class")
        ):
            unknown_word = True  # "six Russian suicide drones", "108 strile drones"
        else:
            break
        if first is None and low not in _NOISE:
            first = s
        i += 1
        n_words += 1
        if kind == "head":
            nxt = toks[i][2].lower() if i < len(toks) else ""
            then = toks[i + 1][2] if i + 1 < len(toks) else ""
            if nxt == "," and _kind(then) == "class":
                continue
            if nxt not in ("and", "or", "&", "(") or (
                nxt in ("and", "or", "&")
                and (i + 1 >= len(toks) or _kind(toks[i + 1][2]) not in ("head", "mod", "name"))
            ):
                break
    if last_end is None or (not heads and not names and not classes):
        return None
    if not heads and not names and all(c in ("anti-ship", "antiship") for c in classes):
        return None
    m = _OF_TYPE.match(text, last_end)
    if m and heads and lookup_name(m["name"]):
        names.append(lookup_name(m["name"]) or "")
        last_end = m.end()
    m = _FROM_SYSTEM.match(text, last_end)
    if m and heads == ["missile"] and not names and lookup_name(m["name"]):
        names.append(lookup_name(m["name"]) or "")
        last_end = m.end("name")
    m = _NAME_AFTER.match(text, last_end)
    if m and heads and not names and lookup_name(m["name"]):
        # "an aeroballistic missile Kinzhal", "a ballistic missile Iskander-M"
        names.append(lookup_name(m["name"]) or "")
        last_end = m.end("name") + (1 if text[m.end("name") : m.end("name") + 1] in "\"'" else 0)
    if heads and set(heads) <= _DRONE_HEADS:
        m = _OTHER_DRONES.match(text, last_end, min(len(text), last_end + 80))
        if m:  # "72 Shahed UAVs and other types of drones": one group
            last_end = m.end()
    rest = text[last_end : last_end + 60]
    m = _VARIOUS.match(rest)
    if m:
        various = True
        last_end += m.end()
    else:
        m = _OF_LEVEL.match(rest)
        if m:
            recon = True
            last_end += m.end()
    if re.match(
        r"\s*(?:-|\s)?(?:attacks?|strikes?|raids?|threats?|alerts?|alarms?|danger|debris|"
        r"fragments?|wreckage|parts|defen[cs]es?|systems?|launchers?|launch\b|carriers?|"
        r"programs?|programmes?|production|components?|sites?|factory|factories|plants?|"
        r"warnings?|barrages?|assaults?|campaigns?|units?|operators?|crews?|teams?|"
        r"manufactur|makers?|stocks?|supplies|deliveries|shipments?|hits?|waves?|"
        r"salvos?|pilots?|bases?|depots?)\b",
        rest if not m else text[last_end : last_end + 40],
        re.IGNORECASE,
    ):
        return None
    if first is None:
        first = toks[0][0]
    label = text[first:last_end].strip(" ,")
    if label[:1] in "'\"‘“«" and not re.search(r"['\"’”»]", label[1:]):
        first, label = first + 1, label[1:]  # "25 'Shaheds' were destroyed": the quote opens
    label_end = first + len(label)
    weapon, cls, generic, total = _classify(names, classes, heads, recon, various)
    if not weapon:
        return None
    return Phrase(
        start=first,
        end=label_end,
        label=label,
        weapon=weapon,
        weapon_class=cls,
        coverage=label_coverage(cls, weapon),
        generic=generic,
        total=total,
    )


def read_means(text: str, start: int) -> Phrase | None:
    """ "means of air attack", "aerial weapons": a total over every class, or None."""
    m = _MEANS.match(text, start)
    if not m:
        return None
    return Phrase(m.start(), m.end(), m.group(), "air targets", "mixed", ALL_CLASSES, True, True)
