"""The analyst report: HTML and PDF from one template, every number computed from the input.

* :func:`build_report` -- load, analyse, draw, render (also ``airdef report``).
* :mod:`airdef.analysis` (its own stage) -- every table and fact the report shows.
* :mod:`airdef.report.draw` -- the report's figures, drawn by :mod:`airdef.figures`.
* :mod:`airdef.report.findings` -- the summary's sentences, written from the chosen facts.
* :mod:`airdef.report.context`, :mod:`airdef.report.sections` -- the sections as plain values.
* :mod:`airdef.report.render` -- templates, Jinja2 and WeasyPrint.

This package is the only place in airdef that imports Jinja2 or WeasyPrint.
"""

from airdef.report.build import FORMATS, build_report

__all__ = ["FORMATS", "build_report"]
