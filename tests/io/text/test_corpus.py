"""The annotated corpus of real report excerpts, and the whole seed article, end to end.

The corpus (``reports_dev.json``) is read in place; its annotation rules are in
the corpus README. Groups are matched by class and numbers, with the label as
a loose tie-breaker; casualty entries by city and district.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import airdef
from airdef.io.text import load_text
from tests.conftest import CORPUS
from tests.io.text.helpers import assert_spans
from tests.io.text.scoring import problems, read_entries

# The corpus's coarse classes and the airdef classes each may become.
CLASSES = {
    "drone": {"strike_drone", "recon_drone"},
    "cruise": {"cruise_missile"},
    "guided": {"cruise_missile"},  # airdef files Kh-59/Kh-69 under cruise_missile
    "ballistic": {"ballistic_missile"},
    "anti_aircraft": {"anti_aircraft_missile"},
    "unknown": {"unknown"},
    "mixed": {"mixed"},
}


def _entries() -> list[dict]:
    path = CORPUS / "reports_dev.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _words(label: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", label.lower()))


def _same(value, expected) -> bool:
    return (pd.isna(value) and expected is None) or (not pd.isna(value) and value == expected)


def _match_weapons(events: pd.DataFrame, expected: list[dict]) -> dict[str, int]:
    """Expected label -> matched events row; every row and every entry matched once."""
    free = set(events.index)
    matched: dict[str, int] = {}
    for want in expected:
        fits = [
            i
            for i in free
            if events.at[i, "weapon_class"] in CLASSES[want["class"]]
            and all(
                _same(events.at[i, col], want[key])
                for col, key in (
                    ("launched", "launched"),
                    ("launched_qual", "launched_qualifier"),
                    ("intercepted", "intercepted"),
                    ("intercepted_qual", "intercepted_qualifier"),
                )
            )
        ]
        assert fits, f"no row for {want}\n{events}"
        best = max(
            fits, key=lambda i: len(_words(events.at[i, "weapon_label"]) & _words(want["weapon"]))
        )
        matched[want["weapon"]] = best
        free.discard(best)
    assert not free, f"rows not in the annotation:\n{events.loc[sorted(free)]}"
    return matched


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["id"])
def test_corpus_entry(entry, corpus_dir):
    data = airdef.parse_report(
        entry["text"], published=entry["published"], source=entry["source_url"]
    )
    want = entry["expected"]
    events = data.events
    # date
    days = pd.concat([events["time_start"], data.casualties["date"]]).dropna().unique()
    if want["date"] is None:
        assert len(days) == 0
    else:
        assert [str(pd.Timestamp(d).date()) for d in days] == [want["date"]]
    # weapons, with the part_of structure
    matched = _match_weapons(events, want["weapons"])
    for w in want["weapons"]:
        row = events.loc[matched[w["weapon"]]]
        if w["part_of"] is None:
            assert pd.isna(row["part_of"])
        else:
            parent = events.loc[matched[w["part_of"]]]
            assert row["part_of"] == parent["weapon_label"]
    # casualties
    cas = data.casualties
    assert len(cas) == len(want["casualties"])
    for c in want["casualties"]:
        cities = c["city"] if isinstance(c["city"], list) else [c["city"]] if c["city"] else []
        same_city = pd.Series(
            [set(filter(None, s.split("; "))) == set(cities) for s in cas["city"].fillna("")],
            index=cas.index,
            dtype=bool,
        )
        hit = cas.loc[same_city & cas["district"].fillna("").eq(c["district"] or "")]
        assert len(hit) == 1, f"{c}\n{cas}"
        row = hit.iloc[0]
        for col, key in (
            ("killed", "killed"),
            ("killed_qual", "killed_qualifier"),
            ("injured", "injured"),
            ("injured_qual", "injured_qualifier"),
        ):
            assert _same(row[col], c[key]), (col, row[col], c[key])
    assert_spans(entry["text"], data)


def test_corpus_is_present(corpus_dir):
    assert len(_entries()) >= 7


# The share of dev items fully right (top-level groups, date, casualties; the
# corpus README's rules, scored by tests/io/text/scoring.py). Each floor is the
# level measured when it was last raised; a change that reads fewer items
# right fails here. Raise them as the reader improves.
FLOORS = {"reports_dev_en.json": ("en", 43 / 60), "reports_dev_uk.json": ("uk", 37 / 40)}


EXTRA = Path(__file__).parent / "data" / "extra_excerpts.json"


# English excerpts added to the extra file later (extra_en_04 on), annotated before the
# reader saw them: 1 of the 5 of extra_en_04-08, 2 of the 5 of extra_en_09-13, 1 of the 3
# of extra_en_14-16, 2 of the 5 of extra_en_17-21, 2 of the 4 of extra_en_22-25 and 4 of
# the 7 of extra_en_26-32 were fully right when added (12 of 29); the floor is the level
# reached since.
EXTRA_LATER_EN_FLOOR = 27 / 29
# extra_en_33-57: 25 more English excerpts (20 sites, 2023-2025), annotated before the
# reader saw them; 11 of the 25 were fully right when added. extra_en_58-65: 8 more, added
# after the report-level grouping rules, 4 of 8 right when added (7 of 8 on weapons). The
# floor is the level reached since.
FRESH_EN_FIRST = 33
FRESH_EN_FLOOR = 29 / 33


def test_extra_excerpts_fully_right():
    """Real excerpts gathered apart from the dev corpus (each with its URL), scored alike.

    Before the reader saw them, 6 of the first 9 were fully right (English 2/3,
    Ukrainian and Russian 4/6); the verbs "ліквідували"/"ликвидировали" and
    "both missiles" were then added. Those 9 must stay right.
    """
    entries = read_entries(EXTRA)
    assert all(e["source_url"] for e in entries)
    english = [e for e in entries if e.get("lang") == "en" and e["id"] >= "extra_en_04"]
    fresh = [e for e in english if int(e["id"].rsplit("_", 1)[1]) >= FRESH_EN_FIRST]
    later = [e for e in english if e not in fresh]
    first = [e for e in entries if e not in english]
    assert len(first) >= 9 and len(later) == 29 and len(fresh) == 33
    wrong = {e["id"]: problems(e) for e in first}
    assert not any(wrong.values()), wrong
    right = sum(not problems(e) for e in later)
    assert right / len(later) >= EXTRA_LATER_EN_FLOOR, {e["id"]: problems(e) for e in later}
    right = sum(not problems(e) for e in fresh)
    assert right / len(fresh) >= FRESH_EN_FLOOR, {e["id"]: problems(e) for e in fresh}


UK_PUBLIC = Path(__file__).parent / "data" / "uk_public.json"


def test_uk_public_excerpts_share_fully_right():
    """Ukrainian and Russian excerpts from public pages (each with its URL), scored alike.

    Annotated before the reader was run on them, in twelve batches: 15 of the
    first 33 were fully right then, 10 of the next 17, 1 of the next 15, 5 of
    the next 10, 2 of the next 9, 2 of the next 8, 2 of the next 10, 6 of the
    next 9, 4 of the next 6, 4 of the next 8, 10 of the next 28 (uk_pub_126-153)
    and 5 of the last 10 (uk_pub_154-163). Now 142 of the 163 are.
    """
    entries = read_entries(UK_PUBLIC)
    assert len(entries) == 163 and all(e["source_url"] for e in entries)
    assert {e["lang"] for e in entries} <= {"uk", "ru"}
    wrong = {e["id"]: problems(e) for e in entries}
    wrong = {k: v for k, v in wrong.items() if v}
    assert len(entries) - len(wrong) >= 142, "\n".join(
        f"{k}: {'; '.join(v)}" for k, v in wrong.items()
    )


TUNE5 = {"tune5_en.json": ("en", 30, 17), "tune5_uk.json": ("uk", 30, 9)}
TUNE6 = {"tune6_en.json": ("en", 30, 9), "tune6_uk.json": ("uk", 30, 9)}


@pytest.mark.parametrize("name", sorted(TUNE5))
def test_tune5_excerpts_share_fully_right(name):
    """A fifth pair of public excerpts (30 English, 22 Ukrainian and 8 Russian), annotated
    before the reader ran on them: 11 and 6 were fully right then.

    Their annotator wrote districts with the word "district" (normalised to the corpus
    spelling, each noted) and, unlike the dev set (``dev_uk_31``, ``dev_uk_32``), lists
    no group for a weapon a casualty post names without a number ("атакували Київщину
    безпілотниками"), so several Ukrainian items fail on that convention alone; they are
    kept as annotated.
    """
    lang, items, floor = TUNE5[name]
    entries = read_entries(Path(__file__).parent / "data" / name)
    assert len(entries) == items and all(e["source_url"] and e["checked"] for e in entries)
    wrong = {e["id"]: problems(e) for e in entries}
    wrong = {k: v for k, v in wrong.items() if v}
    assert len(entries) - len(wrong) >= floor, "\n".join(
        f"{k}: {'; '.join(v)}" for k, v in wrong.items()
    )


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_share_fully_right_per_language(name, corpus_dir):
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{name} is not in {corpus_dir}")
    lang, floor = FLOORS[name]
    entries = read_entries(path)
    assert {e.get("lang", "en") for e in entries} <= ({"uk", "ru"} if lang == "uk" else {"en"})
    wrong = {e["id"]: problems(e) for e in entries}
    wrong = {k: v for k, v in wrong.items() if v}
    right, total = len(entries) - len(wrong), len(entries)
    print(f"{name}: {right}/{total} fully right ({right / total:.0%})")
    assert right / total >= floor, "\n".join(f"{k}: {'; '.join(v)}" for k, v in wrong.items())


@pytest.fixture
def seed_article(corpus_dir) -> Path:
    path = corpus_dir / "000_4a348cacff320d9d.txt"
    if not path.exists():
        pytest.skip(f"the seed article is not at {path}")
    return path


def test_seed_article_end_to_end(seed_article):
    data = load_text(seed_article)
    text = seed_article.read_text(encoding="utf-8")
    ev = data.events
    # One attack, one mixed group: "more than 40 ... missiles", "at least 21 of the missiles".
    assert len(ev) == 1 and data.attacks == 1
    row = ev.iloc[0]
    assert row["weapon_class"] == "mixed"
    assert (row["launched"], row["launched_qual"]) == (41, "at_least")
    assert (row["intercepted"], row["intercepted_qual"]) == (21, "at_least")
    assert str(row["time_start"].date()) == "2024-01-23"  # "on Tuesday", published 2024-01-23
    assert row["attack_id"].startswith("text:2024-01-23:")
    cas = data.casualties.set_index("city")
    assert (cas.at["Kyiv; Kharkiv", "killed"], cas.at["Kyiv; Kharkiv", "killed_qual"]) == (
        5,
        "at_least",
    )
    assert (cas.at["Kyiv", "injured"], cas.at["Kyiv", "injured_qual"]) == (20, "at_least")
    assert cas.at["Kyiv", "district_count"] == 4
    assert pd.isna(cas.at["Kyiv", "district"])
    # The other numbers of the article are not counts.
    ev_counts = data.evidence.loc[data.evidence["table"] != "unplaced"]
    values = set(ev_counts["value"])
    for not_a_count in ("1", "1.2", "222000", "155", "250", "50", "27", "2022"):
        assert not_a_count not in values
    assert_spans(text, data)
    quotes = data.evidence.set_index("field")["quote"]
    assert quotes["launched"] == "more than 40 ballistic, cruise, anti-aircraft and guided missiles"
    assert quotes["intercepted"] == "at least 21 of the missiles"
    assert quotes["killed"] == "killing at least five people"
    assert quotes["injured"] == "injured at least 20 people"
    assert quotes["district_count"] == "four districts of Kyiv"
    assert quotes["date"] == "Tuesday"


def test_seed_article_through_load(seed_article):
    data = airdef.load(seed_article)
    assert data.provenance["format"].tolist() == ["text"]
    assert data.events["origin"].tolist() == [str(seed_article)]
    assert data.events["source"].tolist() == [seed_article.name]
    assert int(data.provenance["rows_loaded"].iloc[0]) == 3  # one event, two casualty rows


# The excerpts behind the bundled public-reports table (data/public_reports/), scored
# alike: fully right per language, the level measured when last raised. The 2024-2026
# file was first kept for measurement only (45 of its 114 English items right); its
# English failures were then read to find causes that recur across many items.
PUBLIC = Path(__file__).resolve().parents[3] / "data" / "public_reports"
PUBLIC_FLOORS = {
    ("reports_2022_2023.json", "en"): 72,
    ("reports_2022_2023.json", "uk"): 8,
    ("reports_2024_2026.json", "en"): 81,
    ("reports_2024_2026.json", "uk"): 33,
}


@pytest.mark.parametrize(("name", "lang"), sorted(PUBLIC_FLOORS))
def test_public_report_excerpts_share_fully_right(name, lang):
    entries = [e for e in read_entries(PUBLIC / name) if (e["lang"] == "en") == (lang == "en")]
    right = sum(not problems(e) for e in entries)
    print(f"{name} ({lang}): {right}/{len(entries)} fully right")
    assert right >= PUBLIC_FLOORS[name, lang]


@pytest.mark.parametrize("name", sorted(TUNE6))
def test_tune6_excerpts_share_fully_right(name):
    """A sixth pair of public excerpts (30 English, 22 Ukrainian and 8 Russian), annotated
    before the reader ran on them: 9 and 9 were fully right then.

    Their annotator gives a weapon named as used without a number ("KABs were dropped") a
    group with null figures, and leaves the date null where neither the text nor the page
    gives the year.
    """
    lang, items, floor = TUNE6[name]
    entries = read_entries(Path(__file__).parent / "data" / name)
    assert len(entries) == items and all(e["source_url"] and e["checked"] for e in entries)
    assert {e["lang"] for e in entries} <= ({"en"} if lang == "en" else {"uk", "ru"})
    wrong = {e["id"]: problems(e) for e in entries}
    wrong = {k: v for k, v in wrong.items() if v}
    assert len(entries) - len(wrong) >= floor, "\n".join(
        f"{k}: {'; '.join(v)}" for k, v in wrong.items()
    )
