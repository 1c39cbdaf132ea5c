"""Write a library's release history from PyPI into library_support/data/ (run by hand).

    .venv/bin/python -m library_support.fetch_releases pymemcache

Nothing in the guide runs this: the notebooks and tests read the JSON file it wrote, so
their answers never depend on the day or on the network. Run it again to refresh the
data, and review the diff.

What it records:
- every release and its date: the first upload of any of its files, from PyPI's JSON API
  (https://pypi.org/pypi/<package>/json); pre-releases and yanked releases are left out;
- per minor series, what its latest release declares about Python: Requires-Python and
  the "Programming Language :: Python :: X.Y" classifiers, read from that release's own
  metadata file (the wheel's METADATA, or the sdist's PKG-INFO).
"""

from __future__ import annotations

import email
import io
import json
import sys
import tarfile
import urllib.request
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from packaging.version import InvalidVersion, Version

DATA_DIR = Path(__file__).parent / "data"
TIMEOUT = 60


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def _metadata(file: dict) -> email.message.Message:
    raw = _get(file["url"])
    if file["filename"].endswith(".whl"):
        archive = zipfile.ZipFile(io.BytesIO(raw))
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        name = next(n for n in archive.getnames() if n.count("/") == 1 and n.endswith("/PKG-INFO"))
        return email.message_from_bytes(archive.extractfile(name).read())


def _python_classifiers(message: email.message.Message) -> list[str]:
    prefix = "Programming Language :: Python :: "
    found = [c[len(prefix):] for c in message.get_all("Classifier") or [] if c.startswith(prefix)]
    return [c for c in found if c.replace(".", "").isdigit() and "." in c]


def fetch(package: str) -> dict:
    index = json.loads(_get(f"https://pypi.org/pypi/{package}/json"))
    releases = []
    for text, files in index["releases"].items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        files = [f for f in files if not f.get("yanked")]
        if not files or version.is_prerelease:
            continue
        first = min(f["upload_time_iso_8601"] for f in files)
        releases.append((version, first[:10], files))
    releases.sort(key=lambda item: item[0])

    heads: dict[tuple[int, int], tuple[Version, list]] = {}
    for version, _, files in releases:
        heads[(version.major, version.minor)] = (version, files)  # sorted: the last one wins
    support = {}
    for (major, minor), (version, files) in sorted(heads.items()):
        readable = [f for f in files if f["filename"].endswith((".whl", ".tar.gz"))]
        if not readable:  # e.g. only a Windows installer: no metadata to read
            continue
        preferred = sorted(readable, key=lambda f: not f["filename"].endswith(".whl"))[0]
        message = _metadata(preferred)
        support[f"{major}.{minor}"] = {
            "from_release": str(version), "file": preferred["filename"],
            "requires_python": message.get("Requires-Python"),
            "classifiers": _python_classifiers(message),
        }
    return {
        "package": package,
        "retrieved": datetime.now(timezone.utc).date().isoformat(),
        "source": (f"https://pypi.org/pypi/{package}/json (release dates: first upload of each "
                   "release); Python support: METADATA / PKG-INFO of each minor series' latest "
                   "release, from files.pythonhosted.org"),
        "releases": {str(v): day for v, day, _ in releases},  # version -> date of release
        "python_support": support,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    package = argv[0]
    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / f"{package}-releases.json"
    path.write_text(json.dumps(fetch(package), indent=1) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
