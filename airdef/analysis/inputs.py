"""How the inputs of an analysis are described: names, provenance records, true rates.

* :func:`input_files` -- one record per input file (shown name, format, sha256, row counts,
  and where a fetched dataset was fetched from).
* :func:`input_label` -- how an input path is shown (bundled samples by name).
* :func:`truth_beside` -- the ``<name>.truth.csv`` files beside synthetic inputs.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from airdef.model import StrikeData

__all__ = ["input_files", "input_label", "truth_beside"]


def input_label(path: str, root: Path | None = None) -> str:
    """How an input path is shown: bundled samples by name, others relative to ``root``
    (by default the working folder) where they lie under it.

    Examples
    --------
    >>> import airdef
    >>> input_label(str(airdef.sample_path("synthetic.csv")))
    'bundled sample synthetic.csv'
    """
    from airdef.samples import sample_path

    p = Path(path)
    bundled = sample_path("synthetic.csv").parent
    try:
        return "bundled sample " + p.resolve().relative_to(bundled.resolve()).as_posix()
    except ValueError:
        pass
    root = Path.cwd() if root is None else root
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def input_files(data: StrikeData) -> list[dict[str, str]]:
    """One record per input: shown name, format, sha256, row counts and, for a fetched
    dataset, where and when it was fetched (from ``SOURCE.txt`` beside it)."""
    from airdef.fetch import read_source_record

    out = []
    for row in data.provenance.itertuples(index=False):
        record = {
            "path": input_label(str(row.path)),
            "format": str(row.format),
            "sha256": str(row.sha256),
            "rows_read": row.rows_read,
            "rows_loaded": row.rows_loaded,
            "rows_quarantined": row.rows_quarantined,
            "fetched_from": "",
            "fetched_at": "",
        }
        source = read_source_record(Path(str(row.path)).parent)
        if source and source.get("sha256") in (None, "", record["sha256"]):
            record["fetched_from"] = source.get("url", "")
            record["fetched_at"] = source.get("fetched_at", "")
        out.append(record)
    return out


def truth_beside(data: StrikeData) -> tuple[pd.DataFrame | None, str]:
    """The true rates written beside the synthetic inputs (``<name>.truth.csv``), and the
    names of the files they were read from; ``(None, "")`` when there are none."""
    from airdef.synthetic import read_truth, truth_path

    frames, names = [], []
    for path in data.provenance["path"].dropna().astype(str):
        candidate = truth_path(path)
        if candidate.is_file():
            frames.append(read_truth(candidate))
            names.append(candidate.name)
    if not frames:
        return None, ""
    return pd.concat(frames, ignore_index=True).drop_duplicates(), ", ".join(names)
