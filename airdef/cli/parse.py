"""``airdef parse``: read a free-text report and show what was extracted, with its evidence."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd

from airdef.cli._common import add_output_format, print_frame


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="read a free-text strike report (.txt) and show the counts found, with evidence",
        description=(
            "Read news articles or statements in a text file (several reports separated by a "
            "line '---'; optional 'published:' and 'source:' lines open each report) and print "
            "the weapon groups, casualties and, for every number, the quote and sentence it "
            "came from. FILE may be a folder: every .txt file in it (and its subfolders) is read, "
            "one post or several per file. --out writes the events and casualties in airdef's "
            "canonical format (so 'airdef rates' and 'airdef report' run on them) and the evidence "
            "beside them; --output csv prints the evidence table; json prints all three tables. "
            "English, Ukrainian and Russian reports are read."
        ),
    )
    p.add_argument(
        "path", metavar="FILE", help="text file with one or more reports, or a folder of .txt files"
    )
    p.add_argument(
        "--out",
        metavar="OUT",
        default=None,
        help="write the canonical tables (events, casualties, evidence) to OUT "
        "(.csv, .parquet, .xlsx, .json)",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        default=None,
        help="publication date YYYY-MM-DD for reports without a 'published:' line",
    )
    p.add_argument(
        "--source",
        metavar="TEXT",
        default=None,
        help="URL or name of the report(s) without a 'source:' line",
    )
    p.add_argument("--encoding", default=None, help="text encoding of FILE (default UTF-8)")
    add_output_format(p)
    p.set_defaults(func=run, command="parse")


def _count(value: object, qual: object) -> str:
    if pd.isna(value):
        return ""
    words = {"at_least": "at least ", "at_most": "at most ", "approx": "about "}
    return f"{words.get(str(qual), '')}{int(value)}"


def _table(frame: pd.DataFrame, indent: str = "    ") -> str:
    text = frame.to_string(index=False, na_rep="")
    return textwrap.indent(text, indent)


def _print_attack(attack_id: str, data, out) -> None:
    ev = data.events.loc[data.events["attack_id"] == attack_id]
    cas = data.casualties.loc[data.casualties["attack_id"] == attack_id]
    evid = data.evidence.loc[data.evidence["attack_id"] == attack_id]
    first = ev.iloc[0] if len(ev) else cas.iloc[0]
    when = first["time_start"] if len(ev) else first["date"]
    date = "unknown" if pd.isna(when) else f"{when:%Y-%m-%d}"
    report = first.get("source_row") if len(ev) else None
    head = f"attack {attack_id}  date {date}  reporter {first.get('reporter', 'text')}"
    if report is not None and not pd.isna(report):
        head = f"report {int(report)}: " + head
    src = first["source"]
    if not pd.isna(src):
        head += f"  source {src}"
    print(head, file=out)
    if len(ev):
        shown = pd.DataFrame(
            {
                "weapon": ev["weapon_label"],
                "class": ev["weapon_class"],
                "launched": [
                    _count(v, q) for v, q in zip(ev["launched"], ev["launched_qual"], strict=True)
                ],
                "intercepted": [
                    _count(v, q)
                    for v, q in zip(ev["intercepted"], ev["intercepted_qual"], strict=True)
                ],
                "part of": ev["part_of"].fillna(""),
            }
        )
        print("  weapons", file=out)
        print(_table(shown), file=out)
    if len(cas):
        shown = pd.DataFrame(
            {
                "city": cas["city"].fillna("(not placed)"),
                "district": cas["district"].fillna(""),
                "districts": cas["district_count"].astype("string").fillna(""),
                "killed": [
                    _count(v, q) for v, q in zip(cas["killed"], cas["killed_qual"], strict=True)
                ],
                "injured": [
                    _count(v, q) for v, q in zip(cas["injured"], cas["injured_qual"], strict=True)
                ],
            }
        )
        print("  casualties", file=out)
        print(_table(shown), file=out)
    if len(evid):
        print("  evidence", file=out)
        for row in evid.itertuples(index=False):
            qual = "" if pd.isna(row.qualifier) else f" ({row.qualifier})"
            where = f"{row.label}: " if row.label else ""
            print(
                f'    {where}{row.field} = {row.value}{qual}  "{row.quote}"  '
                f"[chars {row.start}-{row.end}]",
                file=out,
            )
            sentence = " ".join(str(row.sentence).split())
            print(textwrap.indent(textwrap.fill(sentence, 96), "        | "), file=out)
    print(file=out)


def run(args: argparse.Namespace) -> int:
    from airdef.errors import DataError
    from airdef.io.text import NoCountsWarning, parse_text, read_text_file
    from airdef.model import concat

    if args.published is not None:
        try:
            dt.date.fromisoformat(args.published)
        except ValueError:
            raise ValueError(
                f"--published must be a date YYYY-MM-DD, not {args.published!r}"
            ) from None
    root = Path(args.path)
    files = sorted(p for p in root.rglob("*.txt") if p.is_file()) if root.is_dir() else [root]
    if not files:
        raise DataError(f"{root}: no .txt files in this folder")
    parts = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NoCountsWarning)
        for path in files:
            text = read_text_file(path, encoding=args.encoding)
            part = parse_text(text, published=args.published, source=args.source, origin=str(path))
            for table in (part.events, part.casualties):
                if len(table) and args.source is None:
                    table["source"] = table["source"].fillna(path.name)
            parts.append(part)
    data = concat(parts) if len(parts) > 1 else parts[0]
    for w in caught:
        if issubclass(w.category, NoCountsWarning):
            print(f"airdef parse: warning: {w.message}", file=sys.stderr)
    if args.out:
        from airdef.io.canonical import write_canonical

        for written in write_canonical(data, args.out):
            print(f"wrote {written}", file=sys.stderr)
        unplaced = int((data.evidence["table"] == "unplaced").sum())
        print(
            f"{len(files)} file(s): {len(data.events)} weapon rows, {len(data.casualties)} "
            f"casualty rows, {unplaced} number(s) not placed (listed in the evidence)",
            file=sys.stderr,
        )
        return 0
    if args.output == "csv":
        print_frame(data.evidence, "csv")
        return 0
    if args.output == "json":
        tables = {
            name: json.loads(getattr(data, name).to_json(orient="records", date_format="iso"))
            for name in ("events", "casualties", "evidence")
        }
        sys.stdout.write(json.dumps(tables, indent=1, ensure_ascii=False) + "\n")
        return 0
    ids = list(dict.fromkeys([*data.events["attack_id"], *data.casualties["attack_id"]]))
    if not ids:
        print("no weapon or casualty counts found")
        return 0
    for attack_id in ids:
        _print_attack(attack_id, data, sys.stdout)
    return 0
