"""HTML from the templates, and PDF from that HTML: the only module that knows Jinja2 and WeasyPrint.

* :func:`render_html` fills ``templates/report.html.j2`` with autoescaping on for
  every value: a weapon label ``<script>`` prints as text. Only the figures' SVG,
  made by airdef itself, is inserted as markup.
* :func:`write_pdf` lays the same HTML out on A4 pages with WeasyPrint. Its URL
  fetcher refuses everything but inline ``data:`` URLs, so a label or a template
  can never make the PDF step read a local file or the network.
"""

from __future__ import annotations

import base64
import urllib.parse
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from airdef.report import fmt

__all__ = ["RefusedURL", "render_html", "safe_url_fetcher", "write_pdf"]


class RefusedURL(ValueError):
    """A URL the report's PDF step will not fetch (anything but ``data:``)."""


def _template_source(name: str) -> str:
    folder = resources.files("airdef.report") / "templates"
    return (folder / name).read_text(encoding="utf-8")


def _static(name: str) -> str:
    return (resources.files("airdef.report") / "static" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: autoescape on for every template, strict undefined names."""
    env = Environment(
        loader=FunctionLoader(_template_source),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        pct=fmt.pct,
        pct_ci=fmt.pct_ci,
        pp=fmt.pp,
        pp_ci=fmt.pp_ci,
        count=fmt.count,
        number=fmt.number,
        money=fmt.money,
        odds_ratio=fmt.odds_ratio,
        pvalue=fmt.pvalue,
        date=fmt.date,
        class_name=fmt.class_name,
        class_title=fmt.class_title,
        capitalize_first=lambda text: str(text)[:1].upper() + str(text)[1:],
    )
    return env


def render_html(context: dict[str, Any], *, template: str = "report.html.j2") -> str:
    """The report page as one self-contained HTML string.

    ``context["figures"]`` maps names to SVG text from
    :func:`airdef.figures.figure_svg` and is inserted as markup; every other value
    is escaped. The stylesheet ``static/report.css`` is inlined.
    """
    context = dict(context)
    context["figures"] = {k: Markup(v) for k, v in context.get("figures", {}).items()}
    context["css"] = Markup(_static("report.css"))
    return environment().get_template(template).render(**context)


def _decode_data_url(url: str) -> tuple[bytes, str]:
    header, _, payload = url[len("data:") :].partition(",")
    parts = header.split(";")
    mime = parts[0] or "text/plain"
    if "base64" in parts[1:]:
        return base64.b64decode(payload), mime
    return urllib.parse.unquote_to_bytes(payload), mime


def _weasyprint_fetcher_base() -> type:
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before 68 takes a plain function
        return object
    return URLFetcher


def safe_url_fetcher() -> Any:
    """A WeasyPrint URL fetcher that serves inline ``data:`` URLs and refuses all else.

    Every refused URL is kept in the fetcher's ``refused`` list, so callers and
    tests can see what a document asked for.

    Examples
    --------
    >>> fetcher = safe_url_fetcher()
    >>> fetcher.fetch("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    airdef.report.render.RefusedURL: the report does not fetch file:///etc/passwd: only inline data: URLs are allowed
    >>> fetcher.refused
    ['file:///etc/passwd']
    """
    base = _weasyprint_fetcher_base()

    class SafeFetcher(base):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            if base is not object:
                super().__init__(allowed_protocols=("data",), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                self.refused.append(url)
                raise RefusedURL(
                    f"the report does not fetch {url}: only inline data: URLs are allowed"
                )
            body, mime = _decode_data_url(url)
            if base is object:
                return {"string": body, "mime_type": mime}
            from weasyprint.urls import URLFetcherResponse

            return URLFetcherResponse(url, body, {"Content-Type": mime})

        def __call__(self, url: str) -> Any:
            return self.fetch(url)

    return SafeFetcher()


def write_pdf(html: str, path: str | Path, *, fetcher: Any = None) -> Path:
    """Lay ``html`` out as an A4 PDF with WeasyPrint (print styles of the same page).

    Parameters
    ----------
    html : str
        The page from :func:`render_html`.
    path : str or Path
        Where to write the PDF.
    fetcher : optional
        URL fetcher; :func:`safe_url_fetcher` by default. Nothing is fetched from
        the network or the file system.

    Returns
    -------
    Path
    """
    import logging

    from weasyprint import HTML

    path = Path(path)
    fetcher = safe_url_fetcher() if fetcher is None else fetcher
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # refused URLs are expected and reported by the fetcher
    try:
        document = HTML(string=html, base_url=None, url_fetcher=fetcher).render()
        document.write_pdf(path)
    finally:
        logger.setLevel(level)
    return path
