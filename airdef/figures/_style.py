"""The look shared by every figure, and SVG output that is the same bytes for the same data.

Figures are built with :class:`matplotlib.figure.Figure` directly, not through
``pyplot``: no global figure list to leak into, nothing to close, and no display
needed (the SVG and Agg canvases do the drawing).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import seaborn as sns
from matplotlib.figure import Figure

from airdef.catalog import WEAPON_CLASSES

__all__ = [
    "CLASS_COLORS",
    "OKABE_ITO",
    "class_color",
    "class_label",
    "figure_svg",
    "new_figure",
    "style",
]

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
#: colour-vision deficiency. Black first, as in the original.
OKABE_ITO: tuple[str, ...] = (
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)

#: One colour per weapon class, the same in every figure (yellow, the faintest in
#: print, goes to the rarest class).
CLASS_COLORS: dict[str, str] = dict(
    zip(
        WEAPON_CLASSES,
        ("#D55E00", "#009E73", "#0072B2", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#B8A800"),
        strict=True,
    )
)

_CLASS_LABELS: dict[str, str] = {
    "strike_drone": "Strike drones",
    "recon_drone": "Reconnaissance drones",
    "cruise_missile": "Cruise missiles",
    "ballistic_missile": "Ballistic missiles",
    "anti_aircraft_missile": "Anti-aircraft missiles",
    "guided_bomb": "Guided bombs",
    "unknown": "Unknown type",
    "mixed": "Mixed rows",
}

#: Matplotlib settings on top of seaborn's "whitegrid" style and "paper" context.
_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 9.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 8.5,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 7.5,
    "legend.title_fontsize": 8,
    "figure.titlesize": 10.5,
    "figure.titleweight": "bold",
    "axes.edgecolor": "#555555",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "svg.fonttype": "none",
    "svg.image_inline": True,
    "svg.hashsalt": "airdef",
    "path.simplify": True,
    "text.parse_math": False,  # data labels are text: "$" must never start mathtext
}


def class_color(weapon_class: str) -> str:
    """The colour of a weapon class (grey for anything else).

    Examples
    --------
    >>> class_color("strike_drone"), class_color("nonsense")
    ('#D55E00', '#777777')
    """
    return CLASS_COLORS.get(str(weapon_class), "#777777")


def class_label(weapon_class: str) -> str:
    """A weapon class as a figure labels it.

    Examples
    --------
    >>> class_label("ballistic_missile")
    'Ballistic missiles'
    """
    return _CLASS_LABELS.get(str(weapon_class), str(weapon_class))


@contextmanager
def style() -> Iterator[None]:
    """Seaborn's whitegrid/paper look with airdef's fonts and SVG settings."""
    rc = {**sns.axes_style("whitegrid"), **sns.plotting_context("paper"), **_RC}
    with mpl.rc_context(rc):
        yield


def new_figure(width: float = 7.0, height: float = 3.2, **kwargs: Any) -> Figure:
    """A figure in inches (A4 text width is about 6.7 in) with constrained layout.

    Call it inside :func:`style` so the figure picks up the look.
    """
    return Figure(figsize=(width, height), layout="constrained", **kwargs)


_FONTS = "'DejaVu Sans', Verdana, 'Helvetica Neue', Arial, sans-serif"
_SVG_STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)
_XML_HEAD = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.DOTALL)
_REF = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')


def figure_svg(fig: Figure, *, name: str, title: str | None = None) -> str:
    """The figure as an ``<svg>`` element to put inside an HTML page.

    Text stays text (``svg.fonttype`` "none"), so it is searchable and light. The
    same figure, built the same way and saved once, gives the same text (saving it
    again re-runs the constrained layout from where it stopped, which can move things
    by a hundredth of a point): the SVG hash salt is fixed (to ``name``),
    no date is written, and every ``id`` is prefixed with ``name`` so that several
    figures can share one page. The XML declaration, doctype and comments are
    dropped, and the fixed size is replaced by a ``viewBox`` so that CSS can scale it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        A short identifier, unique within the page (letters, digits, ``-``).
    title : str, optional
        Accessible name of the image (``aria-label``); the figure's title by default.

    Examples
    --------
    >>> def line():
    ...     with style():
    ...         fig = new_figure(2, 1)
    ...         _ = fig.add_subplot().plot([0, 1], [0, 1])
    ...     return fig
    >>> svg = figure_svg(line(), name="demo")
    >>> svg.startswith("<svg"), svg == figure_svg(line(), name="demo")
    (True, True)
    """
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", name):
        raise ValueError(
            f"name must be letters, digits and '-', starting with a letter; not {name!r}"
        )
    buffer = io.StringIO()
    with style(), mpl.rc_context({"svg.hashsalt": name}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = _XML_HEAD.sub("", buffer.getvalue()).strip()
    svg = _REF.sub(lambda m: f"{m.group(1)}{name}-{m.group(2)}", svg)
    # matplotlib's <style> (line joins and caps for every element) would apply to the whole
    # HTML page; the same settings go on the <svg> element instead, where they inherit.
    svg = _SVG_STYLE.sub("", svg)
    # Text is drawn as text: fall back to a common sans-serif where DejaVu is not installed.
    svg = svg.replace("font-family: 'DejaVu Sans';", f"font-family: {_FONTS};")
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    label = title if title is not None else (fig.get_suptitle() or name)
    label = (
        label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )
    return svg.replace(
        "<svg",
        f'<svg role="img" aria-label="{label}" class="figure-svg" stroke-linejoin="round" '
        'stroke-linecap="butt"',
        1,
    )
