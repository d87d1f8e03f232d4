"""The analyst report: HTML and PDF from one template, every number computed from the input.

* :func:`build_report` -- load, estimate, project, draw, render (also ``airdef report``).
* :mod:`airdef.report.analysis` -- the tables behind the report (no rendering).
* :mod:`airdef.report.findings` -- the summary's sentences, chosen and written from the numbers.
* :mod:`airdef.report.context`, :mod:`airdef.report.render` -- templates, Jinja2 and WeasyPrint.

This package is the only place in airdef that imports Jinja2 or WeasyPrint.
"""

from airdef.report.build import FORMATS, build_report

__all__ = ["FORMATS", "build_report"]
