"""The city a city's own official speaks for, when a report names no city.

A post quoted as "Кличко: двоє людей постраждали" or "two people were injured, Terekhov
said" is about Kyiv or Kharkiv: each name here is that of a mayor or head of a city
military administration of 2022-2026, found by its surname in any case form. Regional
governors are not listed: they speak for a region, which has no city.
"""

from __future__ import annotations

import re

__all__ = ["official_city"]

#: City -> surname stems of its mayors and city military administration heads (Latin
#: spellings and the Ukrainian and Russian stems before the case ending).
_OFFICIALS: dict[str, tuple[str, ...]] = {
    "Kyiv": ("Klitschko", "Klychko", "Кличк", "Timur Tkachenko", "Тимур Ткаченко"),
    "Kharkiv": ("Terekhov", "Терехов"),
    "Dnipro": ("Filatov", "Філатов", "Филатов"),
    "Mykolaiv": ("Senkevych", "Сєнкевич", "Сенкевич"),
    "Kryvyi Rih": ("Vilkul", "Вілкул", "Вилкул"),
    "Lviv": ("Sadovyi", "Sadovy", "Садовий", "Садового", "Садовый"),
}
_PATTERNS = {
    city: re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, stems)) + r")")
    for city, stems in _OFFICIALS.items()
}


def official_city(text: str) -> str | None:
    """The one city whose official the text names, or None.

    Examples
    --------
    >>> official_city("Кличко: у столиці двоє постраждалих")
    'Kyiv'
    >>> official_city("Three people were injured, Terekhov said.")
    'Kharkiv'
    >>> official_city("Klitschko and Terekhov spoke.") is None
    True
    """
    found = [city for city, pattern in _PATTERNS.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None
