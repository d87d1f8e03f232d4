"""The provenance appendix: input files, software versions, parameters."""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.provenance import library_versions
from airdef.report.sections.layout import Numbering

__all__ = ["provenance_section"]


def provenance_section(a: Analysis, num: Numbering, built: str) -> dict[str, Any]:
    files = pd.DataFrame(a.inputs)
    versions = pd.DataFrame(library_versions(), columns=["name", "version"])
    params = pd.DataFrame(a.options.as_rows(), columns=["name", "value"])
    out = {
        "built": built,
        "from_epoch": bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip()),
        "files": num.table(
            "tab-files",
            "Input files",
            files,
            [
                ("File", "text", lambda r: r["path"]),
                ("Format", "text", lambda r: r["format"]),
                ("Rows", "num", lambda r: fmt.count(r["rows_read"])),
                ("sha256", "code", lambda r: r["sha256"]),
            ],
            synthetic=False,
            wide=True,
        ) if len(files) else None,
        "fetched": [f for f in files.to_dict("records") if f.get("fetched_from")] if len(files) else [],
        "versions": num.table(
            "tab-versions", "Software versions", versions,
            [("Package", "text", lambda r: r["name"]), ("Version", "text", lambda r: r["version"])],
            synthetic=False,
        ),
        "parameters": num.table(
            "tab-parameters", "Parameters of this report", params,
            [("Parameter", "text", lambda r: r["name"]),
             ("Value", "text", lambda r: r["value"] or "(not set)")],
            synthetic=False,
        ),
    }  # fmt: skip
    return out
