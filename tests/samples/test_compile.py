"""Compiling annotated reports: one page per night and family, the reader review."""

from __future__ import annotations

import datetime as dt

from airdef.samples.compile import compile_reports, hand_totals
from airdef.samples.corpus import Report


def group(weapon, cls, launched=None, intercepted=None, part_of=None, lq="exact", iq="exact"):
    return {
        "weapon": weapon,
        "class": cls,
        "launched": launched,
        "launched_qualifier": lq if launched is not None else None,
        "intercepted": intercepted,
        "intercepted_qualifier": iq if intercepted is not None else None,
        "suppressed": None,
        "part_of": part_of,
    }


def report(ident, text, groups, casualties=(), checked=True, number=1):
    day = dt.date(2023, 9, 23)
    return Report(
        ident,
        f"https://example.org/{ident}",
        day,
        text,
        day,
        tuple(groups),
        tuple(casualties),
        checked,
        "en",
        "reports_test.json",
        number,
    )


def test_hand_totals_sum_groups_without_a_parent():
    r = report(
        "a",
        "…",
        [
            group("Shaheds", "drone", 40, 39),
            group("over Kyiv", "drone", None, 20, part_of="Shaheds"),
            group("Orlan-10", "drone", None, 2),
        ],
    )
    # 40/39 from the top group; the nested Kyiv figure is not added; Orlan is reconnaissance
    assert hand_totals(r) == {
        "strike_drone": {"launched": 40, "intercepted": 39, "suppressed": None},
        "recon_drone": {"launched": None, "intercepted": 2, "suppressed": None},
    }


def test_one_page_supplies_each_family_of_a_night():
    first = report(
        "a",
        "Russia launched 15 Shahed drones overnight; 14 were shot down.",
        [group("Shahed drones", "drone", 15, 14)],
    )
    second = report(
        "b",
        "Russia fired 20 missiles and 16 drones; 12 missiles were downed.",
        [group("missiles", "unknown", 20, 12), group("drones", "drone", 16, None)],
        number=2,
    )
    out = compile_reports([first, second]).events
    # drones from the first page only, missiles from the second: never added across pages
    assert sorted(zip(out["report_id"], out["weapon_class"], out["launched"], strict=True)) == [
        ("a", "strike_drone", 15),
        ("b", "unknown", 20),
    ]


def test_the_fuller_then_the_less_hedged_page_supplies_a_family():
    # pages of 24 February 2025: "as many as 265 ... 138 shot down" and "185 ... 113";
    # 26 May 2024: "more than three dozen attack UAVs" and "intercepted 31 Shahed drones"
    hedged = report(
        "a",
        "Russia employed as many as 265 drones; 138 were shot down.",
        [group("drones", "drone", 265, 138, lq="at_most")],
    )
    exact = report(
        "b",
        "The enemy attacked with 185 drones; 113 were shot down.",
        [group("drones", "drone", 185, 113)],
        number=2,
    )
    launch_only = report(
        "c", "Russia launched 190 drones.", [group("drones", "drone", 190)], number=3
    )
    out = compile_reports([launch_only, hedged, exact]).events
    assert out[["report_id", "launched", "intercepted"]].values.tolist() == [["b", 185, 113]]
    # among equally full and equally hedged pages, the first in file order
    twin = report("d", "185 drones, 113 shot down.", [group("drones", "drone", 185, 113)], number=4)
    assert compile_reports([exact, twin]).events["report_id"].tolist() == ["b"]


def test_typed_and_untyped_missiles_of_two_pages_are_not_added():
    first = report(
        "a",
        "43 cruise missiles were launched; 36 were shot down.",
        [group("cruise missiles", "cruise", 43, 36)],
    )
    second = report("b", "Russia fired 44 missiles.", [group("missiles", "unknown", 44)], number=2)
    out = compile_reports([first, second]).events
    assert out["report_id"].tolist() == ["a"]


def test_unchecked_reports_are_left_out():
    out = compile_reports(
        [
            report(
                "a",
                "15 Shahed drones, 14 shot down.",
                [group("Shahed drones", "drone", 15, 14)],
                checked=False,
            )
        ]
    )
    assert out.skipped == ("a",) and out.events.empty


def test_reader_differences_are_reviewed_and_the_hand_figure_kept():
    # no publication date and no date in the text: the reader cannot date the night,
    # the hand check can (from the page); the hand-checked date is kept and reviewed
    day = dt.date(2023, 9, 23)
    r = Report(
        "a",
        "https://example.org/a",
        None,
        "Russia launched 15 Shahed drones; 14 were shot down.",
        day,
        (group("Shahed drones", "drone", 15, 14),),
        (),
        True,
        "en",
        "reports_test.json",
        1,
    )
    out = compile_reports([r])
    assert out.events["time_start"].dt.date.tolist() == [day]
    assert out.events["checked"].tolist() == ["corrected by hand"]
    assert out.review[["field", "hand_checked"]].values.tolist() == [["date", "2023-09-23"]]
    assert out.review["reader"].isna().all()


def test_reader_agreement_is_marked():
    r = report(
        "a",
        "Russia launched 15 Shahed drones overnight; 14 were shot down.",
        [group("Shahed drones", "drone", 15, 14)],
    )
    out = compile_reports([r])
    assert out.events["checked"].tolist() == ["reader agreed"] and out.review.empty
