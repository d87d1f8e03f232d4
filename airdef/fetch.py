"""Download the public "Massive Missile Attacks on Ukraine" dataset into ``data/raw/``.

The dataset (Petro Ivaniuk, on Kaggle as ``piterfm/massive-missile-attacks-on-ukraine``)
is built from the Ukrainian Air Force's daily reports. Its licence has not been
verified, so airdef never ships it: users who are online fetch it themselves with
:func:`fetch_dataset` (``airdef fetch`` on the command line), and the report uses
it when :func:`raw_dataset_path` finds it.

Only the standard library is used (:mod:`urllib`). The download goes to a
temporary file in the output folder and is renamed into place only once it is
complete and checked, so an interrupted or failed fetch leaves nothing behind.
A zip archive (what the Kaggle endpoint serves) is opened in place and only
``missile_attacks_daily.csv`` is read out of it, with a size limit, to a fixed
name: no path inside the archive is ever used to write a file.

Kaggle lets anyone download public datasets through this endpoint, but it may
answer 401 or 403 (for example after a policy change). Then create an API token
on your Kaggle account page and set ``KAGGLE_USERNAME`` and ``KAGGLE_KEY``;
airdef sends them (HTTP basic authentication) to ``kaggle.com`` over HTTPS only,
never on to a redirect. Any other URL of the CSV, or of a zip holding it, works
with ``url=``.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import hashlib
import http.client
import io
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from airdef._version import __version__
from airdef.errors import DataError

__all__ = [
    "DATASET_FILE",
    "DEFAULT_URL",
    "SOURCE_FILE",
    "FetchError",
    "fetch_dataset",
    "raw_dataset_path",
    "read_source_record",
]

#: Where ``airdef fetch`` downloads from by default (the Kaggle API download endpoint).
DEFAULT_URL = (
    "https://www.kaggle.com/api/v1/datasets/download/piterfm/massive-missile-attacks-on-ukraine"
)
#: The file kept in ``data/raw/``.
DATASET_FILE = "missile_attacks_daily.csv"
#: The record of where and when it was fetched, beside it.
SOURCE_FILE = "SOURCE.txt"
#: Largest download, and largest file read out of a zip, in bytes.
MAX_BYTES = 256 * 1024 * 1024

_SCHEMES = ("https", "http", "file")
_KAGGLE_HOSTS = ("kaggle.com", "www.kaggle.com")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 64 * 1024
_COLUMNS = ("time_start", "time_end", "model", "launched", "destroyed")

Progress = Callable[[int, int | None], None]


class FetchError(DataError):
    """The dataset could not be fetched: network, HTTP, archive or checksum problem.

    The message is one line that names the URL and what went wrong.

    Examples
    --------
    >>> raise FetchError("cannot reach https://example.org/x.csv: timed out; are you online?")
    Traceback (most recent call last):
    ...
    airdef.fetch.FetchError: cannot reach https://example.org/x.csv: timed out; are you online?
    """


def _authorization(url: str, environ: Mapping[str, str]) -> str | None:
    """The Basic authorization for Kaggle when a token is in the environment, else None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "") not in _KAGGLE_HOSTS:
        return None
    user, key = environ.get("KAGGLE_USERNAME"), environ.get("KAGGLE_KEY")
    if not user or not key:
        return None
    return "Basic " + base64.b64encode(f"{user}:{key}".encode()).decode("ascii")


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", exc)
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return " ".join(str(text).split())


def _unreachable(url: str, why: str) -> FetchError:
    online = "; are you online?" if urllib.parse.urlsplit(url).scheme != "file" else ""
    return FetchError(f"cannot reach {url}: {why}{online}")


def _download(
    url: str, target: Path, *, timeout: float, max_bytes: int, progress: Progress | None
) -> tuple[int, str]:
    """Stream ``url`` into ``target``; return the size and sha256 of what was received."""
    request = urllib.request.Request(url, headers={"User-Agent": f"airdef/{__version__}"})
    auth = _authorization(url, os.environ)
    if auth:
        request.add_unredirected_header("Authorization", auth)
    digest = hashlib.sha256()
    size = 0
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, target.open("wb") as f:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > max_bytes:
                raise FetchError(
                    f"{url}: the download is {total:,} bytes, more than the limit of "
                    f"{max_bytes:,}; this is not the dataset"
                )
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(
                        f"{url}: the download exceeds the limit of {max_bytes:,} bytes; "
                        "this is not the dataset"
                    )
                digest.update(chunk)
                f.write(chunk)
                if progress is not None:
                    progress(size, total)
    except urllib.error.HTTPError as exc:
        hint = ""
        host = urllib.parse.urlsplit(url).hostname or ""
        if exc.code in (401, 403) and host in _KAGGLE_HOSTS:
            hint = (
                "; Kaggle wants an API token: set KAGGLE_USERNAME and KAGGLE_KEY "
                "(see data/raw/README.md)"
            )
        raise FetchError(f"cannot download {url}: HTTP {exc.code} {exc.reason}{hint}") from None
    except urllib.error.URLError as exc:
        raise _unreachable(url, _reason(exc)) from None
    except TimeoutError:
        raise _unreachable(url, f"no answer within {timeout:g} s") from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise _unreachable(url, f"the connection failed ({_reason(exc)})") from None
    return size, digest.hexdigest()


def _extract(archive: Path, target: Path, *, url: str, max_bytes: int) -> None:
    """Copy ``missile_attacks_daily.csv`` out of a zip into ``target``."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            found = [i for i in infos if PurePosixPath(i.filename).name == DATASET_FILE]
            safe = [
                i
                for i in found
                if not i.filename.startswith(("/", "\\"))
                and ".." not in PurePosixPath(i.filename.replace("\\", "/")).parts
                and ":" not in i.filename
            ]
            if not safe:
                if found:
                    raise FetchError(
                        f"{url}: the zip holds {DATASET_FILE} only under an unsafe path "
                        f"({found[0].filename!r}); not extracted"
                    )
                names = ", ".join(i.filename for i in infos[:8]) or "nothing"
                raise FetchError(f"{url}: the zip holds no {DATASET_FILE} (it holds: {names})")
            info = min(safe, key=lambda i: i.filename.count("/"))
            if info.file_size > max_bytes:
                raise FetchError(
                    f"{url}: {info.filename} is {info.file_size:,} bytes unpacked, more than "
                    f"the limit of {max_bytes:,}"
                )
            size = 0
            with zf.open(info) as src, target.open("wb") as dst:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(
                            f"{url}: {info.filename} unpacks to more than {max_bytes:,} bytes"
                        )
                    dst.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, EOFError) as exc:
        raise FetchError(f"{url}: the download is not a readable zip ({exc})") from None


def _check_csv(path: Path, url: str) -> None:
    """Raise unless ``path`` starts with the Air Force daily CSV header."""
    with path.open("rb") as f:
        head = f.read(_CHUNK)
    text = head.decode("utf-8-sig", errors="replace")
    first = next(csv.reader(io.StringIO(text)), [])
    header = {c.strip() for c in first}
    missing = [c for c in _COLUMNS if c not in header]
    if not missing:
        return
    if text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        raise FetchError(
            f"{url} sent a web page, not the dataset; Kaggle may want an API token "
            "(set KAGGLE_USERNAME and KAGGLE_KEY), or give the URL of the CSV itself"
        )
    raise FetchError(
        f"{url}: the download is not the Air Force daily CSV; its header lacks "
        + ", ".join(missing)
    )


def _write_record(folder: Path, fields: Mapping[str, str]) -> Path:
    lines = [
        f"# Where {DATASET_FILE} came from; written by airdef fetch. Do not commit either file.",
        '# Dataset: "Massive Missile Attacks on Ukraine" by Petro Ivaniuk (Kaggle:',
        "# piterfm/massive-missile-attacks-on-ukraine). Licence unverified; attribution required.",
        *(f"{k}: {v}" for k, v in fields.items()),
    ]
    target = folder / SOURCE_FILE
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".airdef-fetch-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return target


def fetch_dataset(
    url: str = DEFAULT_URL,
    out_dir: str | Path = "data/raw",
    *,
    sha256: str | None = None,
    timeout: float = 60.0,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
) -> Path:
    """Download the Air Force daily CSV into ``out_dir`` and record where it came from.

    Parameters
    ----------
    url : str
        The CSV, or a zip holding ``missile_attacks_daily.csv`` (``http``,
        ``https`` or ``file`` URL). The default is the Kaggle download endpoint.
    out_dir : str or Path
        Folder to write ``missile_attacks_daily.csv`` and ``SOURCE.txt`` into;
        created if needed.
    sha256 : str, optional
        Expected SHA-256 (64 hex digits) of the CSV, or of the downloaded zip.
        On a mismatch nothing is kept.
    timeout : float
        Seconds to wait for the server to connect or to send more data.
    max_bytes : int
        Largest download and largest unpacked CSV accepted.
    progress : callable, optional
        Called as ``progress(bytes_so_far, total_or_None)`` while downloading.

    Returns
    -------
    Path
        The CSV written. ``SOURCE.txt`` beside it records the URL, the time
        (UTC), the SHA-256 and the size.

    Raises
    ------
    FetchError
        The server cannot be reached, answers with an HTTP error, sends something
        that is not the dataset, or the checksum does not match. A file from an
        earlier fetch is left as it was.
    ValueError
        A malformed ``url``, ``sha256`` or ``timeout``.

    Examples
    --------
    A ``file`` URL stands in for a server here:

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "copy.csv").write_text(
    ...     "time_start,time_end,model,launched,destroyed\\n"
    ...     "2024-07-01 19:00,2024-07-02 08:00,Shahed-136/131,40,35\\n")
    >>> path = fetch_dataset((folder / "copy.csv").as_uri(), folder / "raw")
    >>> path.name, raw_dataset_path(folder, raw_dir="raw") == path
    ('missile_attacks_daily.csv', True)
    >>> read_source_record(folder / "raw")["sha256"][:12]
    '066fd5c5355e'
    >>> import shutil; shutil.rmtree(folder)
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise ValueError(
            f"url must start with one of {', '.join(s + '://' for s in _SCHEMES)}; not {url!r}"
        )
    expected = None
    if sha256 is not None:
        expected = sha256.strip().lower()
        if not _HEX64.match(expected):
            raise ValueError(f"sha256 must be 64 hexadecimal digits, not {sha256!r}")
    if not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")

    folder = Path(out_dir)
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(f"{folder}: cannot create the folder ({_reason(exc)})") from None
    temps: list[Path] = []

    def temp(suffix: str) -> Path:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".airdef-fetch-", suffix=suffix)
        os.close(fd)
        temps.append(Path(name))
        return temps[-1]

    ok = False
    try:
        download = temp(".part")
        size, download_sha = _download(
            url, download, timeout=timeout, max_bytes=max_bytes, progress=progress
        )
        with download.open("rb") as f:
            is_zip = f.read(4) == b"PK\x03\x04"
        csv_path = download
        if is_zip:
            csv_path = temp(".csv")
            _extract(download, csv_path, url=url, max_bytes=max_bytes)
        _check_csv(csv_path, url)
        csv_sha = download_sha if not is_zip else _sha256_file(csv_path)
        if expected is not None and expected not in (csv_sha, download_sha):
            got = csv_sha + (f" (the zip: {download_sha})" if is_zip else "")
            raise FetchError(
                f"sha256 mismatch for {url}: expected {expected}, got {got}; the file was not kept"
            )
        target = folder / DATASET_FILE
        os.replace(csv_path, target)
        record = {
            "url": url,
            "fetched_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sha256": csv_sha,
            "bytes": str(target.stat().st_size),
        }
        if is_zip:
            record.update({"archive_sha256": download_sha, "archive_bytes": str(size)})
        record["airdef_version"] = __version__
        _write_record(folder, record)
        ok = True
        return target
    except OSError as exc:  # network errors are FetchError by now; this is the disk
        raise FetchError(f"{folder}: cannot write the download ({_reason(exc)})") from None
    finally:
        for path in temps:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if not ok:
            for path in created:  # innermost first
                with contextlib.suppress(OSError):
                    path.rmdir()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def raw_dataset_path(root: str | Path | None = None, *, raw_dir: str = "data/raw") -> Path | None:
    """The fetched dataset under a project folder, or None when there is none.

    Parameters
    ----------
    root : str or Path, optional
        The project folder (the current folder by default).
    raw_dir : str
        Where fetched data lives under ``root``.

    Returns
    -------
    Path or None
        ``<root>/data/raw/missile_attacks_daily.csv`` if it exists and is not
        empty (fetched by ``airdef fetch`` or put there by hand).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     print(raw_dataset_path(root))
    None
    """
    path = Path.cwd() if root is None else Path(root)
    path = path / raw_dir / DATASET_FILE
    return path if path.is_file() and path.stat().st_size > 0 else None


def read_source_record(folder: str | Path) -> dict[str, str] | None:
    """What ``SOURCE.txt`` in ``folder`` says about the fetched file, or None.

    Returns
    -------
    dict or None
        Keys ``url``, ``fetched_at``, ``sha256``, ``bytes``, ``airdef_version``
        (and ``archive_sha256``, ``archive_bytes`` for a zip download).
    """
    path = Path(folder) / SOURCE_FILE
    if not path.is_file():
        return None
    record: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        record[key.strip()] = value.strip()
    return record
