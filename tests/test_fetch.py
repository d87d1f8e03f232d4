"""``airdef fetch`` against a local HTTP server on 127.0.0.1 (no internet needed)."""

from __future__ import annotations

import hashlib
import http.server
import io
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

import airdef
from airdef.cli import main
from airdef.fetch import (
    DATASET_FILE,
    SOURCE_FILE,
    FetchError,
    _authorization,
    fetch_dataset,
    raw_dataset_path,
    read_source_record,
)

CSV = (
    b"time_start,time_end,model,launch_place,target,launched,destroyed,not_reach_goal,source\n"
    b"2024-07-01 19:00,2024-07-02 08:00,Shahed-136/131,Kursk oblast,Ukraine,40.0,31.0,6.0,"
    b"kpszsu/posts/1\n"
    b"2024-07-01 19:00,2024-07-02 08:00,Iskander-M,,Ukraine,2.0,0.0,,kpszsu/posts/1\n"
)
CSV_SHA = hashlib.sha256(CSV).hexdigest()


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            # a fixed timestamp: the same bytes in every process (the test ids hold the hash)
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


ZIP = zipped({DATASET_FILE: CSV, "missiles_and_uavs.csv": b"model,category\nKalibr,cruise\n"})
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/missile_attacks_daily.csv": (200, "text/csv", CSV),
    "/download": (200, "application/zip", ZIP),
    "/nested.zip": (200, "application/zip", zipped({f"v3/{DATASET_FILE}": CSV})),
    "/other.zip": (200, "application/zip", zipped({"readme.txt": b"hello"})),
    "/evil.zip": (200, "application/zip", zipped({f"../{DATASET_FILE}": CSV})),
    "/bomb.zip": (200, "application/zip", zipped({DATASET_FILE: CSV + b"0" * 200_000})),
    "/broken.zip": (200, "application/zip", ZIP[:100]),
    "/login": (200, "text/html", b"<!DOCTYPE html><html><body>Sign in</body></html>"),
    "/wrong.csv": (200, "text/csv", b"a,b,c\n1,2,3\n"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.seen_headers.append(dict(self.headers))  # type: ignore[attr-defined]
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/download")
            self.end_headers()
            return
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen_headers = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server) -> str:
    return server[1]


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_nothing_left(out: Path) -> None:
    assert not out.exists(), sorted(p.name for p in out.iterdir())


# -- downloads that work -----------------------------------------------------------------


def test_csv_download(base, tmp_path):
    out = tmp_path / "data" / "raw"
    seen: list[tuple[int, int | None]] = []
    path = fetch_dataset(
        f"{base}/missile_attacks_daily.csv", out, progress=lambda n, t: seen.append((n, t))
    )
    assert path == out / DATASET_FILE
    assert path.read_bytes() == CSV
    assert seen[-1] == (len(CSV), len(CSV))
    record = read_source_record(out)
    assert record["url"] == f"{base}/missile_attacks_daily.csv"
    assert record["sha256"] == CSV_SHA
    assert record["bytes"] == str(len(CSV))
    assert record["airdef_version"] == airdef.__version__
    assert record["fetched_at"].endswith("Z")
    assert "archive_sha256" not in record
    assert sorted(p.name for p in out.iterdir()) == [SOURCE_FILE, DATASET_FILE]
    assert raw_dataset_path(tmp_path) == path
    data = airdef.load(path)
    assert len(data.events) == 2 and len(data.quarantine) == 0


def test_zip_download_keeps_only_the_daily_csv(base, tmp_path):
    path = fetch_dataset(f"{base}/download", tmp_path)
    assert path.read_bytes() == CSV
    assert sorted(p.name for p in tmp_path.iterdir()) == [SOURCE_FILE, DATASET_FILE]
    record = read_source_record(tmp_path)
    assert record["sha256"] == CSV_SHA
    assert record["archive_sha256"] == hashlib.sha256(ZIP).hexdigest()
    assert record["archive_bytes"] == str(len(ZIP))


def test_zip_in_a_folder_and_redirect(base, tmp_path):
    assert fetch_dataset(f"{base}/nested.zip", tmp_path / "a").read_bytes() == CSV
    assert fetch_dataset(f"{base}/redirect", tmp_path / "b").read_bytes() == CSV


@pytest.mark.parametrize("expected", [CSV_SHA, CSV_SHA.upper(), hashlib.sha256(ZIP).hexdigest()])
def test_checksum_ok(base, tmp_path, expected):
    path = fetch_dataset(f"{base}/download", tmp_path, sha256=expected)
    assert path.read_bytes() == CSV


def test_a_new_fetch_replaces_the_old_file(base, tmp_path):
    (tmp_path / DATASET_FILE).write_text("old")
    fetch_dataset(f"{base}/missile_attacks_daily.csv", tmp_path)
    assert (tmp_path / DATASET_FILE).read_bytes() == CSV


# -- failures: a clear message, nothing left behind ------------------------------------------


def test_checksum_mismatch(base, tmp_path):
    out = tmp_path / "raw"
    wrong = "0" * 64
    with pytest.raises(
        FetchError,
        match=f"sha256 mismatch for {base}/missile_attacks_daily.csv: expected {wrong}, "
        f"got {CSV_SHA}; the file was not kept",
    ):
        fetch_dataset(f"{base}/missile_attacks_daily.csv", out, sha256=wrong)
    assert_nothing_left(out)


def test_checksum_mismatch_keeps_the_earlier_file(base, tmp_path):
    (tmp_path / DATASET_FILE).write_text("earlier")
    (tmp_path / SOURCE_FILE).write_text("url: earlier\n")
    with pytest.raises(FetchError, match="sha256 mismatch.*\\(the zip: [0-9a-f]{64}\\)"):
        fetch_dataset(f"{base}/download", tmp_path, sha256="f" * 64)
    assert (tmp_path / DATASET_FILE).read_text() == "earlier"
    assert read_source_record(tmp_path) == {"url": "earlier"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [SOURCE_FILE, DATASET_FILE]


def test_http_404(base, tmp_path):
    out = tmp_path / "raw"
    with pytest.raises(FetchError, match=f"^cannot download {base}/nothing: HTTP 404 Not Found$"):
        fetch_dataset(f"{base}/nothing", out)
    assert_nothing_left(out)


def test_connection_refused_is_reported_as_offline(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/missile_attacks_daily.csv"
    out = tmp_path / "raw"
    with pytest.raises(
        FetchError, match=f"^cannot reach {url}: Connection refused; are you online\\?$"
    ):
        fetch_dataset(url, out, timeout=5)
    assert_nothing_left(out)


def test_dns_failure_is_reported_as_offline(tmp_path, monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    url = "https://www.kaggle.com/api/v1/datasets/download/x/y"
    with pytest.raises(
        FetchError,
        match="^cannot reach https://www.kaggle.com/.*: Name or service not known; are you online\\?$",
    ):
        fetch_dataset(url, tmp_path / "raw")
    assert_nothing_left(tmp_path / "raw")


def test_timeout(base, tmp_path):
    with pytest.raises(FetchError, match=f"^cannot reach {base}/slow: .*; are you online\\?$"):
        fetch_dataset(f"{base}/slow", tmp_path / "raw", timeout=0.3)
    assert_nothing_left(tmp_path / "raw")


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("/other.zip", "the zip holds no missile_attacks_daily.csv \\(it holds: readme.txt\\)"),
        ("/evil.zip", "only under an unsafe path \\('../missile_attacks_daily.csv'\\)"),
        ("/broken.zip", "not a readable zip"),
        ("/login", "sent a web page, not the dataset; Kaggle may want an API token"),
        ("/wrong.csv", "not the Air Force daily CSV; its header lacks time_start, time_end"),
    ],
)
def test_downloads_that_are_not_the_dataset(base, tmp_path, route, message):
    out = tmp_path / "raw"
    with pytest.raises(FetchError, match=message):
        fetch_dataset(f"{base}{route}", out)
    assert_nothing_left(out)
    assert not (tmp_path / f"..{DATASET_FILE}").exists()
    assert not (tmp_path / DATASET_FILE).exists()


def test_size_limits(base, tmp_path):
    with pytest.raises(FetchError, match=f"is {len(CSV)} bytes, more than the limit of 100;"):
        fetch_dataset(f"{base}/missile_attacks_daily.csv", tmp_path / "a", max_bytes=100)
    # The zip itself is small; the member unpacks beyond the limit.
    bomb = ROUTES["/bomb.zip"][2]
    assert len(bomb) < 5_000
    with pytest.raises(FetchError, match="unpacked, more than the limit of 100,000"):
        fetch_dataset(f"{base}/bomb.zip", tmp_path / "b", max_bytes=100_000)
    assert_nothing_left(tmp_path / "a")
    assert_nothing_left(tmp_path / "b")


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="url must start with one of https://, http://, file://"):
        fetch_dataset("ftp://example.org/x.csv", tmp_path)
    with pytest.raises(ValueError, match="sha256 must be 64 hexadecimal digits, not 'abc'"):
        fetch_dataset("https://example.org/x.csv", tmp_path, sha256="abc")
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        fetch_dataset("https://example.org/x.csv", tmp_path, timeout=0)


# -- credentials and helpers --------------------------------------------------------------------


def test_kaggle_token_goes_only_to_kaggle_over_https():
    env = {"KAGGLE_USERNAME": "ana", "KAGGLE_KEY": "k3y"}
    # base64("ana:k3y") == "YW5hOmszeQ=="
    assert _authorization("https://www.kaggle.com/api/v1/x", env) == "Basic YW5hOmszeQ=="
    assert _authorization("http://www.kaggle.com/api/v1/x", env) is None
    assert _authorization("https://example.org/x", env) is None
    assert _authorization("https://www.kaggle.com/api/v1/x", {"KAGGLE_USERNAME": "ana"}) is None


def test_no_credentials_sent_to_other_hosts(server, tmp_path, monkeypatch):
    httpd, base = server
    monkeypatch.setenv("KAGGLE_USERNAME", "ana")
    monkeypatch.setenv("KAGGLE_KEY", "k3y")
    before = len(httpd.seen_headers)
    fetch_dataset(f"{base}/redirect", tmp_path)
    sent = httpd.seen_headers[before:]
    assert len(sent) == 2
    assert not any("Authorization" in h for h in sent)
    assert all(h["User-Agent"] == f"airdef/{airdef.__version__}" for h in sent)


def test_raw_dataset_path(tmp_path):
    assert raw_dataset_path(tmp_path) is None
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / DATASET_FILE).write_bytes(b"")
    assert raw_dataset_path(tmp_path) is None  # an empty file is not a dataset
    (raw / DATASET_FILE).write_bytes(CSV)
    assert raw_dataset_path(tmp_path) == raw / DATASET_FILE
    assert read_source_record(raw) is None


def test_defaults_are_data_raw_under_the_current_folder(tmp_path, monkeypatch):
    copy = tmp_path / "copy.csv"
    copy.write_bytes(CSV)
    monkeypatch.chdir(tmp_path)
    path = fetch_dataset(copy.as_uri())
    assert path == Path("data/raw") / DATASET_FILE
    assert raw_dataset_path().resolve() == (tmp_path / "data" / "raw" / DATASET_FILE).resolve()


def test_file_url_that_does_not_exist(tmp_path):
    url = (tmp_path / "none.csv").as_uri()
    with pytest.raises(FetchError, match=f"^cannot reach {url}: No such file or directory$"):
        fetch_dataset(url, tmp_path / "raw")


# -- command line --------------------------------------------------------------------------------


def test_cli_fetch(base, tmp_path, capsys):
    out = tmp_path / "raw"
    code = main(["fetch", "--url", f"{base}/download", "--out", str(out), "--sha256", CSV_SHA])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"wrote {out / DATASET_FILE} ({len(CSV):,} bytes)",
        f"sha256 {CSV_SHA}",
        "sha256 verified",
        f"source recorded in {out / SOURCE_FILE}",
        "licence unverified: attribute Petro Ivaniuk / Kaggle and do not redistribute the file",
    ]


def test_cli_offline(tmp_path, capsys):
    url = f"http://127.0.0.1:{closed_port()}/download"
    assert main(["fetch", "--url", url, "--out", str(tmp_path / "raw")]) == 2
    err = capsys.readouterr().err
    assert err == f"airdef fetch: error: cannot reach {url}: Connection refused; are you online?\n"
    assert_nothing_left(tmp_path / "raw")


def test_cli_http_error_and_mismatch(base, tmp_path, capsys):
    assert main(["fetch", "--url", f"{base}/gone", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"airdef fetch: error: cannot download {base}/gone: HTTP 404 Not Found\n"
    )
    args = ["fetch", "--url", f"{base}/download", "--out", str(tmp_path), "--sha256", "a" * 64]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"airdef fetch: error: sha256 mismatch for {base}/download: expected ")
    assert err.endswith("; the file was not kept\n")
    assert list(tmp_path.iterdir()) == []


def test_progress_shows_only_on_a_terminal():
    from airdef.cli.fetch import _Bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    bar = _Bar(tty)
    bar(512 * 1024, 1024 * 1024)
    bar(3 * 1024 * 1024, None)
    bar.close()
    first, second = tty.getvalue().split("\r")[1:]
    assert first.rstrip() == "downloading 512.0 KB of 1.0 MB (50%)"
    assert second == f"{'downloading 3.0 MB':<50}\n"
    pipe = io.StringIO()
    bar = _Bar(pipe)
    bar(1, 2)
    bar.close()
    assert pipe.getvalue() == ""


def test_output_folder_that_is_a_file(base, tmp_path):
    blocker = tmp_path / "raw"
    blocker.write_text("not a folder")
    with pytest.raises(
        FetchError, match=f"^{blocker}: cannot create the folder \\(File exists\\)$"
    ):
        fetch_dataset(f"{base}/missile_attacks_daily.csv", blocker)
    assert blocker.read_text() == "not a folder"
