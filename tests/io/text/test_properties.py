"""Property tests: numbers that count something else never become weapon counts.

A number inside a model name (Kh-101, Shahed-136, Х-59), a clock time, an age
and a year are not counts, whatever sentence they are in, in English and in
Ukrainian. Only the weapon count of the sentence may appear in ``events``.
"""

from __future__ import annotations

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

import airdef
from airdef.io.text import NoCountsWarning

COUNT = st.integers(min_value=2, max_value=900)
OTHER = st.integers(min_value=1, max_value=99)
MODELS_EN = ("Kh-{n}", "Shahed-{n}", "Tu-{n}MS", "S-{n}", "KN-{n}")
MODELS_UK = ("Х-{n}", "Шахед-{n}", "Ту-{n}МС", "С-{n}")


def _counts(text: str, published: str = "2024-05-01") -> set[int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoCountsWarning)
        data = airdef.parse_report(text, published=published)
    ev = data.events
    values = set(ev["launched"].dropna().astype(int)) | set(ev["intercepted"].dropna().astype(int))
    return values | set(ev["suppressed"].dropna().astype(int))


@given(count=COUNT, n=OTHER, model=st.sampled_from(MODELS_EN))
@settings(max_examples=25, deadline=None)
def test_model_numbers_are_not_counts_en(count, n, model):
    name = model.format(n=n)
    assert _counts(f"Russia launched {count} {name} missiles overnight.") <= {count}
    assert _counts(f"Air defences shot down {count} drones and a {name}.") <= {count, 1}


@given(count=COUNT, n=OTHER, model=st.sampled_from(MODELS_UK))
@settings(max_examples=25, deadline=None)
def test_model_numbers_are_not_counts_uk(count, n, model):
    name = model.format(n=n)
    assert _counts(f"Ворог атакував {count} ракетами {name}. Збито {count - 1} ракет.") <= {
        count,
        count - 1,
    }


@given(
    count=COUNT,
    hour=st.integers(min_value=0, max_value=23),
    minute=st.integers(min_value=0, max_value=59),
    sep=st.sampled_from([":", "."]),
)
@settings(max_examples=25, deadline=None)
def test_times_are_not_counts(count, hour, minute, sep):
    clock = f"{hour:02d}{sep}{minute:02d}"
    assert _counts(f"As of {clock}, Russia had launched {count} drones.") <= {count}
    assert _counts(f"Станом на {clock} збито {count} ворожих БпЛА.") <= {count}


@given(count=COUNT, age=st.integers(min_value=1, max_value=99))
@settings(max_examples=25, deadline=None)
def test_ages_are_not_counts(count, age):
    assert _counts(
        f"Russia launched {count} drones; a {age}-year-old man was injured in Kyiv."
    ) <= {count}
    assert _counts(f"Росія запустила {count} дронів. Поранено {age}-річного чоловіка у Києві.") <= {
        count
    }


@given(count=COUNT, year=st.integers(min_value=2022, max_value=2026))
@settings(max_examples=15, deadline=None)
def test_years_are_not_counts(count, year):
    assert _counts(f"In {year}, Russia launched {count} missiles at Ukraine.") <= {count}
    assert _counts(f"У {year} році ворог випустив {count} ракет.") <= {count}
