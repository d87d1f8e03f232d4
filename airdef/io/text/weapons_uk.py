"""Weapon phrases in Ukrainian and Russian report text.

:func:`read_phrase_uk` reads the noun phrase at a position ("ударними БпЛА
типу Shahed, «Гербера» і безпілотниками інших типів", "крилаті ракети
Х-101/555", "засоби повітряного нападу") in any grammatical case and
classifies it the way :func:`~airdef.io.text.weapons.read_phrase` does for
English, so both languages fill the same :class:`~airdef.io.text.weapons.Phrase`.

* head nouns: ракета (missile), дрон / безпілотник / БпЛА / БПЛА (drone),
  боєприпас (loitering munition), КАБ / авіабомба (guided bomb), ціль /
  засоби повітряного нападу (air targets, a total);
* class adjectives: балістична, аеробалістична (ballistic), крилата,
  керована авіаційна, протикорабельна, протирадіолокаційна (cruise, which
  airdef also uses for guided air missiles), зенітна (anti-aircraft);
* names, Latin or Cyrillic, in any case ("шахедів", "Кинджали",
  "«Іскандер-М»/KN-23", "Х-31П"), looked up in the weapon catalog;
* "різних типів" after a missile head makes one ``mixed`` group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from airdef.catalog import ALL_CLASSES, CLASS_WORDS, label_coverage
from airdef.io.text.weapons import Phrase, lookup_name

__all__ = ["read_phrase_uk", "read_phrase_after", "uk_name", "SINGULAR_MISSILE"]

_WORD = re.compile(r"[\w'’ʼ/-]+|[«»\"“”„,()]|[–—]|[.;:!?](?=\s|$)", re.UNICODE)
# Nouns after a class adjective that make it no weapon ("зенітних ракетних військ").
_NOT_WEAPON = re.compile(
    r"^(?:(?:військ|войск|підрозділ|подразделен|комплекс|систем|частин|бригад|полк|дивізіон|"
    r"дивизион|установ)\w*|удар(?:и|у|ів|ом|ам|ами|ов)?|атак(?:а|и|у|ою|ами|ой)?|"
    r"обстріл(?:и|у|ів|ом)?|обстрел(?:ы|а|ов|ом)?|тривог(?:а|и|у|ою)?|оборон(?:а|и|у|ою|ы)|"
    r"ппо|зрк|небезпек\w*|загроз\w*|угроз\w*|засоб(?:ами|и|ів|ом)?)$",
    re.IGNORECASE,
)

_HEAD = [
    (re.compile(r"^ракет(?:а|и|у|ою|ам|ами|ах|і|ы|ой|е)?$"), "missile"),
    (
        re.compile(
            r"^(?:дрон|безп[іи]?лотник|беспилотник|бпла|бла|uav|бпла-\w+|fpv-дрон|дронів-|дрон[иі]?-|"
            r"безпілотник\w*-|безпилотник\w*-|обманк|імітатор|имитатор|боєприпас|боеприпас|"
            r"апарат)\w*"
        ),
        "drone",
    ),
    (re.compile(r"^(?:каб|авіабомб|авиабомб|бомб(?!ардув|ардир)|уаб)\w*$"), "bomb"),
    (re.compile(r"^(?:ціл(?:ей|і|ь|ями)|целей|цели)$"), "target"),
]
_CLASS = [
    # "атакували Одесу балістикою": the class word as a noun
    (
        re.compile(r"^(?:аеро|аэро)?бал+[іи]?стич\w*|^баллистическ\w*|^бал+[іи]?стик\w*"),
        "ballistic",
    ),
    (re.compile(r"^(?:крилат|крылат)\w*"), "cruise"),
    (re.compile(r"^(?:керован|управляем)\w*"), "guided"),
    (
        re.compile(
            r"^(?:протикорабельн|противокорабельн|(?:проти)?радіолокаційн|противорадиолокац)\w*"
        ),
        "cruise",
    ),
    (re.compile(r"^(?:зенітн|зенитн)(?!ик)\w*"), "anti-aircraft"),  # not "зенітники"
    (re.compile(r"^(?:гіперзвуков|гиперзвуков)\w*"), None),
]
_CLASS_NAME = {
    "ballistic": ("ballistic_missile", "Ballistic Missile"),
    "cruise": ("cruise_missile", "cruise missiles"),
    "guided": ("cruise_missile", "guided missiles"),
    "anti-aircraft": ("anti_aircraft_missile", "anti-aircraft missiles"),
}
_MOD = re.compile(
    r"^(?:ударн|ворож|вражеск|російськ|российск|росіян|іранськ|иранск|камікадзе|камикадзе|"
    r"типу|типа|тип|інших|других|інші|другие|другого|іншого|иного|різн|разн|типів|типов|моделей|"
    r"виробництва|"
    r"производства|літальн|летательн|безпілотн|беспилотн|безпилотн|повітрян|воздушн|"
    r"морськ|морск|наземн|авіаційн|авиационн|стратегічн|реактивн|баражуюч|барражирующ|"
    r"дальн|нових|новых|нов|модерніз|ракет\w*-носі|розвідувальн|разведывательн|"
    r"далекобійн|ракетн|штурмов|ударно-|сучасн|також|ще|ещё|еще|базування|базирования|"
    r"повітряного|нападу|засоб|средств|оперативно-тактичн|тактичн|важк|фугасн|планеруюч|такі|таких|"
    r"такими|цих|этих|эти|такие|планирующ|некерован|неуправляем|невстановлен|неустановлен|"
    r"невідом|неизвестн)\w*$|^ці$"
)
#: "БпЛА невстановленого типу", "безпілотники інших типів": drones of a type of their own
_OTHER = re.compile(
    r"^(?:невстановлен|неустановлен|невідом|неизвестн|інш|других|другого|иного|іного)\w*$"
)
_RECON = re.compile(r"^(?:розвідувальн|разведывательн|оперативно-тактичн)\w*$")
_JOIN = {"і", "й", "та", "и", "а", ",", "або", "чи", "или"}
_VARIOUS = re.compile(r"^(?:різн|разн|різноманітн)\w*$")
_MEANS = re.compile(
    r"(?:засоб\w*|средств\w*)\s+(?:повітряного|воздушного)\s+(?:нападу|нападения)", re.IGNORECASE
)
#: Singular forms of "missile": a named missile without a number is one.
SINGULAR_MISSILE = re.compile(
    r"^(?:ракет(?:а|у|ою|ой)|дрон(?:а|ом)?|безпілотник(?:а|ом)?|беспилотник(?:а|ом)?|[«\"]?шахедом)$"
)
#: The genitive singular after a singular adjective ("балістичної ракети").
SINGULAR_AFTER_ADJECTIVE = re.compile(r"^(?:ракети|ракеты)$")

# Case endings to strip from a Cyrillic name before the catalog look-up.
_ENDINGS = re.compile(r"(?:ами|ами|ями|ові|ів|ах|ям|ам|ом|ем|ою|ей|ах|и|і|у|а|ю|е|ы|ом|ов)$")
_TRANSLIT = str.maketrans("ХхМмКкПпСсНнДдВвАаТтЕеРрОоВв", "KhMmKkPpSsNnDdVvAaTtEeRrOoVv")
_STEMS = {
    "шахед": "Shahed-136/131",
    "шахід": "Shahed-136/131",
    "герань": "Shahed-136/131",
    "гербер": "Gerbera",
    "іскандер": "Iskander-M",
    "скандер": "Iskander-M",
    "искандер": "Iskander-M",
    "кинджал": "Kh-47M2 Kinzhal",
    "кінджал": "Kh-47M2 Kinzhal",
    "кинжал": "Kh-47M2 Kinzhal",
    "калібр": "Kalibr",
    "калибр": "Kalibr",
    "циркон": "3M22 Zircon",
    "онікс": "P-800 Oniks",
    "оникс": "P-800 Oniks",
    "ланцет": "Lancet",
    "молни": "Molniya",
    "молні": "Molniya",
    "орлан": "Orlan-10",
}
_DRONE_NAMES = re.compile(r"^(?:італмас|итальмас|italmas|гербер|gerbera)\w*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def uk_name(word: str) -> str | None:
    """The catalog weapon a Latin or Cyrillic name denotes, in any case, or None.

    Examples
    --------
    >>> [uk_name(w) for w in ("шахедів", "Кинджали", "Х-31П", "«Іскандер-М»/KN-23", "Х-101/555")]
    ['Shahed-136/131', 'Kh-47M2 Kinzhal', 'Kh-31P', 'Iskander-M/KN-23', 'Kh-101/Kh-555']
    """
    text = word.strip("«»\"“”„'’")
    if not text:
        return None
    found = lookup_name(text)
    if found and " + " not in found:
        return found
    low = text.lower()
    if "/" in text:
        pieces = text.split("/")
        stem = re.match(r"^(.*?-)\d", pieces[0])
        if stem:  # "С-300/400": the second name is "С-400"
            pieces = [stem[1] + p if p.isdigit() else p for p in pieces]
        parts = [uk_name(p) for p in pieces]
        if all(parts):
            from airdef.catalog import load_catalog

            joined = "/".join(dict.fromkeys(p for p in parts if p))
            return load_catalog().lookup(joined) or parts[0]
    if low in ("бпла", "бла", "каб"):
        return None
    for stem, name in _STEMS.items():
        if low.startswith(stem) and ("-" not in low or low.startswith(stem + "-")):
            if stem in ("іскандер", "искандер") and re.search(r"-[кk]\b", low):
                return "Iskander-K"
            return name
    if re.search(r"\d", text):
        latin = text.translate(_TRANSLIT)
        latin = re.sub(r"^K(?=-?\d)", "Kh", latin)
        for cand in (latin, re.sub(r"(?<=\d)[A-Za-z]+$", "", latin)):
            found = lookup_name(cand)
            if found:
                return found
        if "/" in text:
            parts = [uk_name(p) for p in text.split("/")]
            if all(parts):
                from airdef.catalog import load_catalog

                joined = "/".join(dict.fromkeys(p for p in parts if p))
                return load_catalog().lookup(joined) or parts[0]
    stripped = _ENDINGS.sub("", text)
    if stripped != text and len(stripped) >= 3:
        return lookup_name(stripped)
    return None


def _head(low: str) -> str | None:
    for pattern, kind in _HEAD:
        if pattern.match(low):
            return kind
    return None


#: Abbreviations that name a missile of a class: крилата, балістична, зенітна керована,
#: керована авіаційна, протикорабельна ракета.
_ABBREVIATIONS = {
    "КР": "cruise",
    "БР": "ballistic",
    "ЗКР": "anti-aircraft",
    "КАР": "guided",
    "ПКР": "cruise",
}


def _cls(low: str) -> tuple[bool, str | None]:
    for pattern, kind in _CLASS:
        if pattern.match(low):
            return True, kind
    return False, None


def read_phrase_uk(text: str, start: int, *, limit: int = 14) -> Phrase | None:
    """Read the Ukrainian or Russian weapon phrase starting at ``start``, or None.

    Examples
    --------
    >>> t = "атакував 49 ударними БпЛА типу Shahed і безпілотниками-імітаторами"
    >>> p = read_phrase_uk(t, 12)
    >>> (p.label, p.weapon, p.weapon_class)
    ('ударними БпЛА типу Shahed і безпілотниками-імітаторами', 'Shahed-136/131', 'strike_drone')
    >>> p = read_phrase_uk("38 ракет різних типів: 1 аеробалістичну", 3)
    >>> (p.label, p.weapon_class)
    ('ракет різних типів', 'mixed')
    >>> read_phrase_uk("8 літаків Ту-95", 2) is None
    True
    """
    lead = re.match(r"\s*", text[start : start + 10])
    m = _MEANS.match(text, start + (lead.end() if lead else 0))
    if m:
        return Phrase(
            m.start(), m.end(), m.group(), "air targets", "mixed", ALL_CLASSES, True, True
        )
    names: list[str] = []
    classes: list[str] = []
    heads: list[str] = []
    recon = various = other = False
    first = last_end = None
    pending_join = False
    n = 0
    for tok in _WORD.finditer(text, start, min(len(text), start + 260)):
        w = tok.group()
        low = w.lower().replace("’", "'").replace("ʼ", "'")
        if n >= limit:
            break
        n += 1
        if w in '«»"“”„()':
            continue
        if re.fullmatch(r"\d+|[.;:!?]", w):
            break
        if not heads and not names and _NOT_WEAPON.match(low):
            return None
        head = _head(low)
        is_class, cls = _cls(low)
        if w in _ABBREVIATIONS:  # "10 КР Х-101", "2 БР «Іскандер-М»": a class and its noun
            head, is_class, cls = "missile", True, _ABBREVIATIONS[w]
        name = None if head == "bomb" and low.startswith("каб") else uk_name(w)
        if head == "bomb":
            name = "KAB"
        if _DRONE_NAMES.match(low) and not name:
            head = "drone"
        if head == "target" and heads:
            break
        if name or head or is_class:
            kind_class = _class_of(name, head, cls)
            if pending_join and (heads or names):
                have = {_class_of(x, None, None) for x in names} | {
                    _class_of(None, h, None) for h in heads
                }
                if name and not head and kind_class not in have and "mixed" not in have:
                    break  # "72 дрони та «Іскандер»": a second group, not a mixed one
                if is_class and kind_class not in have and "mixed" not in have:
                    break  # "«шахеди», балістичні ракети": a second group
                if head and classes and kind_class not in have and "mixed" not in have:
                    break  # "крилаті ракети та «обманки»"
                if head and SINGULAR_MISSILE.match(low) and kind_class not in have:
                    break  # "17 безпілотників типу Shahed та ракету Х-59": one missile more
            if name:
                names.append(name)
            if head:
                heads.append(head)
            if cls:
                classes.append(cls)
            first = tok.start() if first is None else first
            last_end = tok.end()
            pending_join = False
            if _RECON.match(low):
                recon = True
            continue
        if _VARIOUS.match(low) and heads:
            various = True
            last_end = tok.end()
            continue
        if _MOD.match(low) or low in ("з", "із"):
            if low in ("з", "із"):
                break
            if _OTHER.match(low) and heads:
                other = True
            if _RECON.match(low):
                recon = True
            if first is not None and re.match(
                r"^(?:типу|типа|інших|других|другого|іншого|різних|разных|типів|типов|моделей)$",
                low,
            ):
                last_end = tok.end()
            first = (
                tok.start()
                if first is None and not re.match(r"^(?:також|ще|ещё|еще)$", low)
                else first
            )
            continue
        if low in _JOIN and first is not None:
            pending_join = True
            continue
        break
    if last_end is None or (not heads and not names and not classes):
        return None
    label = text[first:last_end].strip(' ,«»"“”„')
    lead = len(text[first:last_end]) - len(text[first:last_end].lstrip(' ,«»"“”„'))
    label_start = first + lead
    weapon, cls_, generic, total = _classify(names, classes, heads, recon, various)
    if not weapon:
        return None
    if other and not names and weapon == "drones":
        weapon, generic = "drones of other types", False
    return Phrase(
        start=label_start,
        end=label_start + len(label),
        label=label,
        weapon=weapon,
        weapon_class=cls_,
        coverage=label_coverage(cls_, weapon),
        generic=generic,
        total=total,
    )


def _class_of(name: str | None, head: str | None, cls: str | None) -> str:
    if name:
        from airdef.catalog import load_catalog

        catalog = load_catalog()
        found = catalog.lookup(name)
        return catalog.weapon_class(found) if found else "unknown"
    if cls:
        return _CLASS_NAME.get(cls, ("unknown",))[0]
    return {"drone": "strike_drone", "bomb": "guided_bomb", "missile": "unknown"}.get(
        head or "", "mixed"
    )


def _classify(
    names: list[str], classes: list[str], heads: list[str], recon: bool, various: bool
) -> tuple[str, str, bool, bool]:
    """(weapon, weapon_class, generic, total) for the parts of a phrase."""
    kinds = list(dict.fromkeys(heads))
    if "target" in kinds:
        return "air targets", "mixed", True, True
    if names:
        from airdef.catalog import load_catalog

        catalog = load_catalog()
        uniq = list(dict.fromkeys(names))
        name_classes = {catalog.weapon_class(catalog.lookup(n)) for n in uniq}
        if "missile" in kinds and various:
            return "missiles of various types", "mixed", True, False
        if "missile" in kinds and "drone" in kinds:
            return "drones + Unknown Missile", "mixed", True, False
        weapon = " + ".join(uniq)
        cls = name_classes.pop() if len(name_classes) == 1 else "mixed"
        return weapon, cls, False, False
    parts: list[str] = []
    for kind in kinds:
        if kind == "drone":
            parts.append("Reconnaissance UAV" if recon else "drones")
        elif kind == "bomb":
            parts.append("KAB")
        elif kind == "missile":
            if various:
                parts.append("missiles of various types")
            elif classes:
                parts.extend(dict.fromkeys(_CLASS_NAME[c][1] for c in classes if c in _CLASS_NAME))
            else:
                parts.append("Unknown Missile")
    if not parts and classes:
        parts.extend(dict.fromkeys(_CLASS_NAME[c][1] for c in classes if c in _CLASS_NAME))
    if not parts:
        return "", "unknown", True, False
    part_classes = set()
    for p in parts:
        cover = CLASS_WORDS[p]
        if p == "Unknown Missile":
            part_classes.add("unknown")
        elif p == "drones":
            part_classes.add("strike_drone")
        elif len(cover) == 1:
            part_classes.add(next(iter(cover)))
        else:
            part_classes.add("mixed")
    cls = part_classes.pop() if len(part_classes) == 1 else "mixed"
    return " + ".join(parts), cls, True, False


_PARTICIPLE = re.compile(r"\s+[\w'’ʼ-]+(?:ен|енн|ан|анн|ян)(?:их|ых)\s+", re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:по|на|в|у|з|із|из|с|від|от|над|проти|против)\s+", re.IGNORECASE)
_WORD_GAP = re.compile(r"[\w'’ʼ-]+\s+")


def read_phrase_after(text: str, pos: int) -> Phrase | None:
    """The weapon phrase at ``pos``, or after a participle clause that opens there.

    "15 из 18 выпущенных по территории страны ракет": the noun that "18" counts
    comes after the participle and its place.

    Examples
    --------
    >>> t = "15 из 18 выпущенных по территории страны ракет были сбиты"
    >>> read_phrase_after(t, 8).label
    'ракет'
    """
    phrase = read_phrase_uk(text, pos)
    if phrase is not None and phrase.start <= pos + 2:
        return phrase
    m = _PARTICIPLE.match(text, pos)
    if m is None:
        return phrase
    at = m.end()
    found = read_phrase_uk(text, at, limit=6)
    if found is not None and found.start == at:
        return found
    prep = _PREPOSITION.match(text, at)
    if prep is None:
        return phrase
    at = prep.end()
    for _ in range(3):
        gap = _WORD_GAP.match(text, at)
        if gap is None:
            break
        at = gap.end()
        found = read_phrase_uk(text, at, limit=6)
        if found is not None and found.start == at and not found.total:
            return found
    return phrase
