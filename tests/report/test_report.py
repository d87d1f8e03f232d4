"""The analyst report: built once per input (module fixtures), then read back as a person would.

HTML is parsed with the standard library's html.parser, PDF text is read with pypdf and
pages are rendered with pypdfium2.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pypdf
import pytest

import airdef
from airdef.cli import main
from airdef.report import build_report, fmt
from airdef.report.context import SECTIONS
from airdef.report.render import render_html, safe_url_fetcher, write_pdf
from airdef.samples import sample_files, sample_path
from tests.report.test_pdf_layout import check_layout

EPOCH = "1767225600"  # 2026-01-01 00:00 UTC


class Page(HTMLParser):
    """Tags, attributes and text of an HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    @property
    def body_text(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def epoch():
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    yield EPOCH
    if old is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def bundled(tmp_path_factory, epoch):
    """The report on the synthetic sample, as ``make report DATA=synthetic`` builds it."""
    out = tmp_path_factory.mktemp("bundled")
    files = build_report(sample_files(), out)
    html = (out / "airdef-report.html").read_text(encoding="utf-8")
    reader = pypdf.PdfReader(out / "airdef-report.pdf")
    return {"out": out, "files": files, "html": html, "pdf": reader, "pages": pdf_text(reader)}


def pdf_text(reader: pypdf.PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in reader.pages]


def external_references(page: Page) -> list[str]:
    """Every src/href/url() that is not a fragment or an inline data: URL."""
    found = []
    for _, attrs in page.tags:
        for key in ("src", "href", "xlink:href", "srcset", "poster", "data"):
            value = attrs.get(key)
            if value and not value.startswith(("#", "data:")):
                found.append(f"{key}={value}")
    for style in page.styles + [a.get("style") or "" for _, a in page.tags]:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", style):
            if not url.startswith(("#", "data:")):
                found.append(f"url({url})")
    return found


# --- the bundled data ----------------------------------------------------------------------


#: sha256 of the bundled report's HTML, built as the ``bundled`` fixture builds it.
GOLDEN = Path(__file__).with_name("bundled_report.sha256")


def canonical_html(html: str) -> str:
    """The report's HTML without what a library's release changes and no number of airdef's.

    The figures (inline SVG, drawn by the installed matplotlib and stamped with its
    version) and the table of software versions are left out; the figures are checked
    by the figure tests, the versions table by its own test.
    """
    html = re.sub(r"<svg\b.*?</svg>", "<svg/>", html, flags=re.S)
    return re.sub(
        r'(<div class="table-block keep" id="tab-versions">).*?(</div>\s*</div>)',
        r"\1\2",
        html,
        flags=re.S,
    )


def test_bundled_html_is_unchanged(bundled):
    """The bundled report's text and tables are byte for byte what they were.

    Restructuring changes no number. When numbers change on purpose (or airdef's version
    does), refresh with ``AIRDEF_REFRESH_GOLDEN=1 pytest tests/report -k
    bundled_html_is_unchanged``, look at the new report, and commit the new hash with the
    change that explains it. A new release of a library changes only what
    :func:`canonical_html` leaves out.
    """
    import hashlib

    digest = hashlib.sha256(canonical_html(bundled["html"]).encode("utf-8")).hexdigest()
    if os.environ.get("AIRDEF_REFRESH_GOLDEN"):
        GOLDEN.write_text(digest + "\n", encoding="utf-8")
    assert digest == GOLDEN.read_text(encoding="utf-8").strip(), (
        "the bundled report's HTML changed; if on purpose, refresh the hash (see docstring)"
    )


def test_files_written(bundled):
    names = [f.name for f in bundled["files"]]
    assert names[:2] == ["airdef-report.html", "airdef-report.pdf"]
    assert "rates_by_class.csv" in names and "truth_comparison.csv" in names
    assert all(f.stat().st_size > 0 for f in bundled["files"])


def test_every_section_has_its_id_and_title(bundled):
    page = Page(bundled["html"])
    ids = [a.get("id") for a in page.all("section")]
    assert ids == [sid for sid, _ in SECTIONS]
    for i, (_, title) in enumerate(SECTIONS, start=1):
        assert f"{i} {title}" in page.body_text


def test_html_is_self_contained(bundled):
    page = Page(bundled["html"])
    assert external_references(page) == []
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert "http://" not in "".join(page.styles) and "@import" not in "".join(page.styles)
    assert page.all("meta") and any(a.get("name") == "viewport" for a in page.all("meta"))


def test_figures_are_inline_svg(bundled):
    page = Page(bundled["html"])
    svgs = page.all("svg")
    assert len(svgs) >= 8
    assert all(a.get("role") == "img" and a.get("aria-label") for a in svgs)
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "every id in the page (figures included) is unique"
    assert len(page.all("figure")) == len(svgs)


def test_pdf_has_pages_contents_and_sections(bundled):
    pages = bundled["pages"]
    assert len(pages) >= 6
    text = " ".join(pages)
    for i, (_, title) in enumerate(SECTIONS, start=1):
        assert f"{i} {title}" in text
    assert f"page 1 of {len(pages)}" in pages[0]
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    # the contents on page 1 give each section's page number
    assert re.search(r"Summary\.*\s*2\b", pages[0].replace(" .", "."))


def test_pdf_numbers_match_interception_rates(bundled):
    data = airdef.load(sample_files()).select(source="national")
    from airdef.analysis.tables import with_reliable

    table = with_reliable(airdef.interception_rates(data, by="weapon_class"))
    overall = airdef.interception_rates(data, by=[]).iloc[0]
    text = " ".join(bundled["pages"])
    html = Page(bundled["html"]).body_text
    for row in table.itertuples(index=False):
        interval = (
            fmt.pct_ci(row.ci_low, row.ci_high) if row.reliable else "too few independent attacks"
        )
        for shown in (fmt.pct(row.rate), interval, fmt.count(row.launched)):
            assert shown in text, shown
            assert shown in html, shown
    headline = (
        f"{fmt.pct(overall['rate'])} (95% CI {fmt.pct_ci(overall['ci_low'], overall['ci_high'])}"
    )
    assert headline in html


def test_synthetic_label_on_every_pdf_page(bundled):
    pages = bundled["pages"]
    assert all("SYNTHETIC DATA" in p for p in pages)
    page = Page(bundled["html"])
    assert "SYNTHETIC DATA" in page.body_text.split("airdef analyst report")[0]  # banner on top
    assert page.body_text.count("synthetic") >= 10  # per table and figure marks


def test_synthetic_data_shows_true_rates(bundled):
    page = Page(bundled["html"])
    assert "tab-truth" in [a.get("id") for _, a in page.tags]
    truth = airdef.true_rates()
    for rate in truth["reported_rate"].drop_duplicates():
        assert fmt.pct(rate) in page.body_text


def test_pdf_pages_render(bundled, tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(bundled["out"] / "airdef-report.pdf")
    for i in range(len(pdf)):
        image = pdf[i].render(scale=0.5).to_pil()
        assert image.size[0] > 100 and image.size[1] > 100
        assert image.convert("L").getextrema()[0] < 128  # something dark is drawn on every page


def test_html_is_the_same_bytes_twice(bundled, tmp_path, epoch):
    build_report(sample_files(), tmp_path, formats="html")
    again = (tmp_path / "airdef-report.html").read_bytes()
    assert again == (bundled["out"] / "airdef-report.html").read_bytes()
    assert "2026-01-01 00:00 UTC" in bundled["html"]


def test_tables_are_spreadsheet_safe(bundled):
    folder = bundled["out"] / "tables"
    rates = pd.read_csv(folder / "rates_by_class.csv")
    assert {"weapon_class", "rate", "ci_low", "ci_high", "method"} <= set(rates.columns)


# --- small inputs: hostile labels, empty data, the command line, determinism -------------------


def _events_csv(path: Path, labels: list[str]) -> Path:
    rows = []
    for i, label in enumerate(labels):
        for day in range(3):
            rows.append(
                {
                    "attack_id": f"a{day}",
                    "time_end": f"2025-0{day + 1}-1{i} 07:00",
                    "reporter": "news",
                    "weapon_label": label,
                    "launched": 10 + i + day,
                    "intercepted": 5 + day,
                }
            )
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://example.invalid/x.png">',
    '<img src="file:///etc/passwd">',
    '=HYPERLINK("http://example.invalid")',
    "$\\frac{1}{0}$ </style><style>body{background:url(http://example.invalid)}</style>",
]


def test_hostile_labels_are_text(tmp_path, epoch):
    path = _events_csv(tmp_path / "hostile.csv", HOSTILE)
    files = build_report(path, tmp_path / "out")
    html = (tmp_path / "out" / "airdef-report.html").read_text(encoding="utf-8")
    page = Page(html)
    assert not page.all("script")
    assert not page.all("img")
    assert external_references(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" in page.body_text  # shown to the reader as text
    assert len(page.all("style")) == 1
    assert any(f.suffix == ".pdf" for f in files)
    weapons = (tmp_path / "out" / "tables" / "rates_by_weapon.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in weapons
    assert "\n=HYPERLINK" not in weapons and ",=HYPERLINK" not in weapons


def test_url_fetcher_refuses_all_but_data_urls(tmp_path):
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
    html = (
        "<html><head><style>body { background: url(http://example.invalid/bg.png) }</style>"
        '<link rel="stylesheet" href="http://example.invalid/x.css"></head><body>'
        '<img src="http://example.invalid/a.png"><img src="file:///etc/passwd">'
        f'<img src="{pixel}"><p>text</p></body></html>'
    )
    fetcher = safe_url_fetcher()
    path = write_pdf(html, tmp_path / "x.pdf", fetcher=fetcher)
    assert path.stat().st_size > 0
    assert set(fetcher.refused) == {
        "http://example.invalid/bg.png",
        "http://example.invalid/x.css",
        "http://example.invalid/a.png",
        "file:///etc/passwd",
    }
    with pytest.raises(ValueError, match="only inline data: URLs are allowed"):
        fetcher.fetch("https://example.invalid/")


def test_template_escapes_every_value():
    html = render_html_minimal("<b>bold</b>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html


def render_html_minimal(title: str) -> str:
    from airdef.analysis import analyse
    from airdef.report.context import build_context

    data = airdef.StrikeData()
    context = build_context(analyse(data, None), figures={})
    context["title"] = title
    return render_html(context)


def test_empty_input_gives_a_short_report(tmp_path, epoch):
    path = tmp_path / "empty.csv"
    path.write_text("attack_id,time_end,weapon_label,launched,intercepted\n", encoding="utf-8")
    files = build_report(path, tmp_path / "out")
    page = Page(files[0].read_text(encoding="utf-8"))
    assert "no rows could be loaded from the input" in page.body_text
    assert [a.get("id") for a in page.all("section")] == [sid for sid, _ in SECTIONS]
    assert len(pypdf.PdfReader(files[1]).pages) >= 1


def test_fully_quarantined_input_says_so(tmp_path, epoch):
    path = tmp_path / "bad.csv"
    path.write_text(
        "attack_id,time_end,weapon_label,launched,intercepted\n"
        "a,not a date,Kalibr,5,3\nb,2025-13-45,Kalibr,4,2\n",
        encoding="utf-8",
    )
    files = build_report(path, tmp_path / "out", formats="html")
    text = Page(files[0].read_text(encoding="utf-8")).body_text
    assert "no rows could be loaded" in text
    assert "2 quarantined" in text


def test_cli_writes_the_report_and_prints_the_files(tmp_path, capsys, epoch):
    out = tmp_path / "out"
    status = main(["report", str(sample_path("attack_2024-01-23.csv")), "--out", str(out),
                   "--format", "html"])  # fmt: skip
    printed = capsys.readouterr()
    assert status == 0
    assert str(out / "airdef-report.html") in printed.out
    assert "tables in" in printed.out
    assert printed.err == ""  # quiet when stderr is not a terminal
    assert not (out / "airdef-report.pdf").exists()


def test_cli_bad_input_is_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["report", str(empty), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("airdef report: error:") and err.count("\n") == 1
    assert main(["report", str(sample_path("attack_2024-01-23.csv")), "--format", "docx"]) == 2
    assert "valid formats: html, pdf" in capsys.readouterr().err


def test_bad_options_name_the_valid_choices(tmp_path):
    path = sample_path("attack_2024-01-23.csv")
    with pytest.raises(ValueError, match="valid formats: html, pdf"):
        build_report(path, tmp_path, formats="html,docx")
    with pytest.raises(ValueError, match="source must be 'national' or 'all'"):
        build_report(path, tmp_path, source="regional")
    with pytest.raises(ValueError, match="target_rate must be between 0 and 1"):
        build_report(path, tmp_path, target_rate=1.5)


def test_parallel_and_sequential_builds_and_pdfs_are_identical(tmp_path, epoch):
    path = sample_path("attack_2024-01-23.csv")
    one = build_report(path, tmp_path / "a", parallel=True, target_rate=0.9)
    two = build_report(path, tmp_path / "b", parallel=False, target_rate=0.9)
    assert one[0].read_bytes() == two[0].read_bytes()
    assert one[1].read_bytes() == two[1].read_bytes()  # WeasyPrint writes no time of its own
    assert "What an interception rate of 90%" in one[0].read_text(encoding="utf-8")


# --- the real snapshots --------------------------------------------------------------------------


def html_text(text: str) -> str:
    """Text as the page's body text has it (entities decoded, spaces collapsed)."""
    return " ".join(text.split())


def test_real_snapshot_report(snapshot, tmp_path, epoch):
    from tests.analysis.test_reconciliation import NEWS_MATCHED

    # two text reports of nights the table has, one agreeing and one not (section 7)
    news = tmp_path / "news.txt"
    news.write_text(NEWS_MATCHED, encoding="utf-8")
    files = build_report([snapshot, news], tmp_path)
    html = files[0].read_text(encoding="utf-8")
    page = Page(html)
    assert [a.get("id") for a in page.all("section")] == [sid for sid, _ in SECTIONS]
    assert external_references(page) == []
    assert len(page.all("svg")) >= 7
    assert "SYNTHETIC" not in page.body_text
    assert not [a for _, a in page.tags if "synthetic-mark" in (a.get("class") or "")]
    assert "Massive Missile Attacks on Ukraine" in page.body_text
    pages = pdf_text(pypdf.PdfReader(files[1]))
    assert len(pages) >= 6
    check_layout(files[1])  # every table inside the page box, no near-empty page
    text = " ".join(pages)
    data = airdef.load(snapshot).select(source="national")
    from airdef.analysis.tables import with_reliable

    table = with_reliable(airdef.interception_rates(data, by="weapon_class"))
    for row in table.itertuples(index=False):
        interval = (
            fmt.pct_ci(row.ci_low, row.ci_high) if row.reliable else "too few independent attacks"
        )
        assert fmt.pct(row.rate) in text and interval in text
    assert "PvKPivden" in page.body_text  # the regional command left out, and named
    assert "Definition breaks detected in the data" in page.body_text
    assert "The data has no casualty figures" in page.body_text
    # decoys: the Shahed-type share per month where the input has the count (2026 schema)
    has_count = "is_shahed" in snapshot.read_text(encoding="utf-8").splitlines()[0]
    assert ("Shahed-type drones among the strike drones launched" in page.body_text) is has_count
    assert ("the Shahed counts include decoys" in page.body_text) is has_count
    # text reports beside the table: a section of their own, and not counted twice
    body = page.body_text
    assert "Text reports against the table's attack of the same night" in body
    assert "conflict: intercepted +8" in body and "agree" in body
    assert "2 text attacks that match an attack in the tables are left out" in body
    # the methods' break paragraph is the one written from the breaks detected
    from airdef.analysis import analyse_rates, prepare_analysis
    from airdef.report.sections.methods import breaks_paragraph

    paragraph = breaks_paragraph(analyse_rates(prepare_analysis(airdef.load(snapshot))))
    assert html_text(paragraph) in page.body_text
    # the bundled press claims: drones in October 2025 as shot down or suppressed; the
    # 2025-05 snapshot ends before the 2025 claims, which are left out with a count
    assert "The Wall Street Journal, 2024-05-13" in body
    newer = "drones of all types (shot down or suppressed)" in body
    assert newer is ("2026-06" in str(snapshot))
    if "2025-05" in str(snapshot):
        assert "claimed figures about periods without launches in the data left out" in body


def test_cli_without_path_prefers_the_fetched_dataset(tmp_path, monkeypatch, capsys):
    from airdef.cli import report as cli_report

    monkeypatch.chdir(tmp_path)
    paths, _, always = cli_report.default_inputs()
    assert paths == [sample_path("public_reports.csv")] and not always
    assert cli_report.default_inputs("synthetic")[0] == sample_files()
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    source = sample_path("attack_2024-01-23.csv").read_text(encoding="utf-8")
    (raw / "missile_attacks_daily.csv").write_text(source, encoding="utf-8")
    paths, said, always = cli_report.default_inputs()
    assert [p.resolve() for p in paths] == [(raw / "missile_attacks_daily.csv").resolve()]
    assert always and "fetched dataset" in said


def test_guide_excerpt_is_what_the_report_says(bundled):
    guide = Path(__file__).resolve().parents[2] / "docs" / "guide" / "report.md"
    readme = guide.read_text(encoding="utf-8")
    section = readme.split("<!-- section:report -->")[1].split("<!-- /section:report -->")[0]
    sentences: list[str] = [""]
    for line in (x[1:].strip() for x in section.splitlines() if x.startswith(">")):
        if not line or re.match(r"\d\.\s", line):
            sentences.append("")
        sentences[-1] += " " + re.sub(r"^\d\.\s", "", line)
    sentences = [" ".join(x.split()) for x in sentences if x.strip()]
    assert len(sentences) >= 4
    body = Page(bundled["html"]).body_text
    for sentence in sentences:
        assert sentence in body, sentence


def test_needs_section_shows_supply_exchange_and_sensitivity(bundled):
    """Supply against burn, a budget, cost exchange and sensitivity, each with its sources."""
    page = Page(bundled["html"])
    text = page.body_text
    for heading in ("Supply against burn", "What a budget buys", "Cost exchange",
                    "Which assumption matters"):  # fmt: skip
        assert heading in text, heading
    ids = {a.get("id") for _, a in page.tags}
    assert {"tab-supply", "tab-budget", "tab-exchange", "tab-attacker-costs",
            "tab-sensitivity"} <= ids  # fmt: skip
    assert "A cost ratio leaves out the value of what is defended" in text
    # the bundled attacker costs name their sources (airdef/data/attacker_costs.csv)
    assert "CSIS estimate of May 2025" in text
    # the budget is the 27 December 2023 package; costs in the price index's last year
    assert "USD 250 million" in text and "2025 USD" in text
    assert "Saltelli design of 128 base samples" in text
    assert "model: " not in text  # sentences are written by the report, not passed as data


def test_the_versions_table_names_the_installed_libraries(bundled):
    from importlib.metadata import version

    page = bundled["html"]
    block = page[page.index('id="tab-versions"') :]
    block = block[: block.index("</table>")]
    for name in ("numpy", "pandas", "scipy", "statsmodels", "matplotlib", "seaborn"):
        assert f"<tr><td>{name}</td><td>{version(name)}</td></tr>" in block
