"""Where each file of the in-tree variant goes in dd-trace-py's repository.

Chapter 08-in-tree shows this as a table; tests/walkthrough/test_intree.py checks that every
file here exists, that the chapter names no other ddtrace path that the installed package
lacks, and that the suitespec entry covers the files ddtrace would ship.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# this repository's file -> its place upstream (None: no counterpart, see the file)
UPSTREAM = {
    "memcached/__init__.py": "ddtrace/contrib/internal/memcached/__init__.py",
    "memcached/patch.py": "ddtrace/contrib/internal/memcached/patch.py",
    "memcached/events.py": "ddtrace/contrib/_events/memcached.py",
    "memcached/subscriber.py": "ddtrace/_trace/subscribers/memcached.py",
    "memcached/_outside_ddtrace.py": None,
    "upstream/riotfile-venv.py": "riotfile.py",
    "upstream/suitespec.yml": "tests/contrib/suitespec.yml",
    "upstream/releasenote.yaml": "releasenotes/notes/memcached-<id>.yaml",
}

# Lines added to files ddtrace already has: what _outside_ddtrace.py does at run time.
EDITS = {
    "ddtrace/internal/settings/_config.py": '"memcached" in INTEGRATION_CONFIGS',
    "ddtrace/_monkey.py": '"memcached": False in PATCH_MODULES; "memcached": ("pymemcache",) in _MODULES_FOR_CONTRIB',
    "ddtrace/_trace/subscribers/__init__.py": "import ddtrace._trace.subscribers.memcached",
    # the registry behind ddtrace/internal/settings/_supported_configurations.py (generated)
    "supported-configurations.json": "DD_MEMCACHED_SERVICE, DD_MEMCACHED_CMD_MAX_LENGTH, DD_TRACE_MEMCACHED_ENABLED",
    "docs/integrations.rst": "an automodule entry for ddtrace.contrib.internal.memcached",
}


def proposed_paths() -> set[str]:
    """The ddtrace/ paths an upstream pull request would create."""
    return {path for path in UPSTREAM.values() if path and path.startswith("ddtrace/")}
