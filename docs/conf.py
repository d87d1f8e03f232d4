"""Sphinx configuration for the airdef documentation (``make docs``)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# autosummary writes its stubs here; start afresh so that a removed name leaves no stale page.
shutil.rmtree(Path(__file__).resolve().parent / "api" / "generated", ignore_errors=True)
os.environ.setdefault("MPLBACKEND", "Agg")

from airdef import __version__  # noqa: E402

project = "airdef"
author = "the airdef developers"
copyright = "the airdef developers, MIT licence"
version = release = __version__

extensions = [
    "myst_parser",
    "numpydoc",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autosummary_generate = True
autodoc_typehints = "none"
numpydoc_show_class_members = False
numpydoc_xref_param_type = False

intersphinx_mapping: dict[str, tuple[str, None]] = {}

html_theme = "pydata_sphinx_theme"
html_title = f"airdef {version}"
html_theme_options = {"navigation_with_keys": False, "show_toc_level": 2}
html_static_path: list[str] = []
# Reproducible output: no build date in the pages.
html_last_updated_fmt = None
