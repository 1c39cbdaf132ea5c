"""Test matrices, run with riot, the runner dd-trace-py uses: `make test-matrix`.

    .venv/bin/riot -f riotfile.py list             # the environments
    make test-matrix                                # run them (needs the network the first time)

The "memcached" suite (tests/contrib/memcached) runs once per pymemcache version that
ddtrace's support policy selects (library_support.policy), applied to pymemcache's release
history shipped in library_support/data/, as of the day that history was retrieved. Set
LIBRARY_SUPPORT_AS_OF=YYYY-MM-DD to see the matrix the policy gave on another day.
Everything else is pinned to the versions of requirements.lock.
"""

import os
import re
from datetime import date
from pathlib import Path

from riot import Venv

from library_support import PYMEMCACHE_RELEASES, policy

PYTHON = "3.11"
LOCK = Path(__file__).with_name("requirements.lock")
# What the suite imports besides the library under test: the tracer and the integration's
# own dependency, pytest, and the harness (the test agent itself runs from .venv, on PATH).
SUITE_PACKAGES = ("ddtrace", "wrapt", "pytest", "pytest-timeout", "mirakuru", "port-for")


def locked(names):
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", LOCK.read_text(), re.MULTILINE))
    return {name: f"=={pins[name]}" for name in names}


def pymemcache_versions():
    history = policy.load(PYMEMCACHE_RELEASES)
    as_of = os.environ.get("LIBRARY_SUPPORT_AS_OF")
    picks = policy.select(history, date.fromisoformat(as_of) if as_of else None)
    return [f"=={version}" for version in policy.versions_for_python(history, picks, PYTHON)]


venv = Venv(
    pys=[PYTHON],
    venvs=[
        Venv(
            name="memcached",
            # CI mode: a version that changes the spans fails; it never writes a snapshot.
            command="pytest tests/contrib/memcached --snapshot-ci {cmdargs}",
            pkgs={"pymemcache": pymemcache_versions(), **locked(SUITE_PACKAGES)},
            skip_dev_install=True,  # the guide is not an installable package
        ),
    ],
)
