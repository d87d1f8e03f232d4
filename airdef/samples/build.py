"""Rebuild ``airdef/data/sample/public_reports.csv`` from the annotated public reports.

Usage (from the source tree)::

    python -m airdef.samples.build [--reports data/public_reports] [--out airdef/data/sample]

Reads every ``reports_*.json`` and ``disagreements_*.json`` in the reports folder
(see :mod:`airdef.samples.corpus`), compiles them (:mod:`airdef.samples.compile`)
and writes, in the output folder:

``public_reports.csv``
    the national figures per weapon group, one row per group, in airdef's canonical
    columns plus ``published``, ``report_id`` and ``checked``;
``public_reports.casualties.csv``
    the casualties, in airdef's canonical casualty columns;
``public_reports.review.csv``
    every figure on which airdef's reader and the hand check differ;
``public_reports.disagreements.csv``
    the explained disagreements, one row per (night, class, page).

Only facts and URLs are written, never the pages' text. The same input gives the
same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from airdef.errors import DataError
from airdef.io.csvsafe import write_safe_csv
from airdef.samples.compile import Compiled, compile_reports
from airdef.samples.corpus import read_disagreements, read_reports

__all__ = ["DISAGREEMENT_COLUMNS", "build", "disagreement_table", "main", "report_files"]

#: Columns of ``public_reports.disagreements.csv``.
DISAGREEMENT_COLUMNS: tuple[str, ...] = (
    "date",
    "class",
    "compared_with",
    "source",
    "source_date",
    "launched",
    "launched_qualifier",
    "intercepted",
    "suppressed",
    "note",
    "explanation",
)

_ROOT = Path(__file__).resolve().parents[2]
_DATE_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def report_files(folder: str | Path, kind: str = "reports") -> list[Path]:
    """The ``<kind>_*.json`` files of a folder, sorted by name."""
    return sorted(Path(folder).glob(f"{kind}_*.json"))


def _cell(value: object) -> str | None:
    """A figure as text: a count, or figures per weapon group joined by "; "."""
    if value is None:
        return None
    if isinstance(value, dict):
        parts = [f"{k}: {_cell(v)}" for k, v in value.items()]
        return "; ".join(parts)
    return str(value)


def disagreement_table(rows: Sequence[dict]) -> pd.DataFrame:
    """One row per (night, class, page) of explained disagreements, sorted.

    ``rows`` are as :func:`~airdef.samples.corpus.read_disagreements` returns them.

    Examples
    --------
    >>> disagreement_table([{"date": "2022-11-23", "class": "cruise", "figures": [
    ...     {"url": "https://a.example/1", "launched": 67, "intercepted": 51},
    ...     {"url": "https://b.example/2", "launched": 70, "intercepted": 51}],
    ...     "explanation": "first post said about 70"}])[["source", "launched"]]
                    source launched
    0  https://a.example/1       67
    1  https://b.example/2       70
    """
    out = []
    for row in rows:
        for fig in row["figures"]:
            if not {"launched", "intercepted"} & set(fig) and any(
                isinstance(v, dict) for v in fig.values()
            ):  # figures per weapon group: {"strike drones": {"launched": 17, ...}, ...}
                groups = {k: v for k, v in fig.items() if isinstance(v, dict)}
                fig = {
                    "url": fig["url"],
                    **{
                        k: "; ".join(f"{g}: {v.get(k)}" for g, v in groups.items())
                        for k in ("launched", "intercepted")
                    },
                }
            out.append(
                {
                    "date": row["date"],
                    "class": row["class"],
                    "compared_with": row.get("compared_with", "sources"),
                    "source": fig["url"],
                    "source_date": _cell(fig.get("date")),
                    "launched": _cell(fig.get("launched")),
                    "launched_qualifier": _cell(fig.get("launched_qualifier")),
                    "intercepted": _cell(fig.get("intercepted")),
                    "suppressed": _cell(fig.get("suppressed")),
                    "note": _cell(fig.get("note")),
                    "explanation": row["explanation"],
                }
            )
    table = pd.DataFrame(out, columns=list(DISAGREEMENT_COLUMNS)).astype("string")
    return table.sort_values(
        ["date", "class", "compared_with", "source"], ignore_index=True, kind="stable"
    )


def build(reports_dir: str | Path, out_dir: str | Path) -> tuple[Compiled, list[Path]]:
    """Compile every annotation file of ``reports_dir`` and write the tables to ``out_dir``.

    Returns the compiled tables and the files written.

    Raises
    ------
    DataError
        When the folder holds no ``reports_*.json`` or a file is not in the corpus
        format (the message names the file, item and field).
    """
    files = report_files(reports_dir)
    if not files:
        raise DataError(f"{reports_dir}: no reports_*.json files")
    reports = [r for path in files for r in read_reports(path)]
    relative = {str(p): _relative(p) for p in files}
    compiled = compile_reports(reports)
    for table in (compiled.events, compiled.casualties):
        table["origin"] = table["origin"].map(lambda o: relative.get(o, o)).astype("string")
    disagreements = disagreement_table(
        [
            row
            for path in report_files(reports_dir, "disagreements")
            for row in read_disagreements(path)
        ]
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = [
        write_safe_csv(compiled.events, out / "public_reports.csv", date_format=_DATE_FORMAT),
        write_safe_csv(
            compiled.casualties, out / "public_reports.casualties.csv", date_format=_DATE_FORMAT
        ),
        write_safe_csv(compiled.review, out / "public_reports.review.csv"),
        write_safe_csv(disagreements, out / "public_reports.disagreements.csv"),
    ]
    return compiled, written


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(_ROOT).as_posix()
    except ValueError:
        return path.name


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m airdef.samples.build``; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m airdef.samples.build",
        description="Rebuild the sample of attack nights compiled from public reports.",
    )
    parser.add_argument(
        "--reports",
        default=str(_ROOT / "data" / "public_reports"),
        help="folder of reports_*.json and disagreements_*.json",
    )
    parser.add_argument(
        "--out",
        default=str(_ROOT / "airdef" / "data" / "sample"),
        help="folder to write public_reports*.csv into",
    )
    args = parser.parse_args(argv)
    try:
        compiled, written = build(args.reports, args.out)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    events = compiled.events
    nights = events["time_start"].dt.date.nunique()
    agreed = (events.drop_duplicates("report_id")["checked"] == "reader agreed").sum()
    print(
        f"{nights} nights from {events['report_id'].nunique()} reports "
        f"(airdef's reader agreed with the hand check on {agreed}); "
        f"{len(compiled.review)} review rows; {len(compiled.skipped)} unchecked reports left out"
    )
    for path in written:
        print(f"wrote {_relative(path)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
