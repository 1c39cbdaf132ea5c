"""Every ddtrace API the walkthrough names exists in the installed ddtrace.

chapter_helpers/api_names.py lists them; these tests resolve each one, and make sure the
chapters name nothing that is not on the list. When a ddtrace upgrade moves a function,
the test names it, instead of the text quietly going stale.
"""

from __future__ import annotations

import re
from pathlib import Path

import ddtrace
import pytest

from chapter_helpers.api_names import API_NAMES, REMOVED_NAMES, exists, resolve

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CHAPTERS = [p for p in sorted(NOTEBOOKS.glob("0[1-7]-*.md"))]
DOTTED = re.compile(r"\bddtrace(?:\.[A-Za-z_]\w*)+")
PATH = re.compile(r"\bddtrace/[\w/.<>]+")
INSTALLED = Path(ddtrace.__file__).parent


@pytest.mark.parametrize("name", API_NAMES)
def test_named_api_exists(name):
    resolve(name)  # raises, naming the missing part


@pytest.mark.parametrize("name", REMOVED_NAMES)
def test_names_the_text_calls_removed_are_gone(name):
    assert not exists(name), f"{name} exists again: update the chapters that say it is gone"


def test_resolve_tells_a_missing_name_apart():
    with pytest.raises(AttributeError):
        resolve("ddtrace.trace.no_such_thing")
    assert not exists("ddtrace.no_such_module.thing")


def _mentioned(pattern) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for chapter in CHAPTERS:
        for name in pattern.findall(chapter.read_text()):
            if not name.rsplit(".", 1)[-1].startswith("__"):  # ddtrace.__file__ and such
                found.setdefault(name.rstrip("."), []).append(chapter.stem)
    return found


def test_there_are_chapters_to_scan():
    assert len(CHAPTERS) >= 2


def test_every_dotted_ddtrace_name_in_the_chapters_is_listed():
    listed = set(API_NAMES) | set(REMOVED_NAMES)
    # A name is covered when it is listed, or is a module on the way to a listed name.
    missing = {name: where for name, where in _mentioned(DOTTED).items()
               if name not in listed and not any(n.startswith(name + ".") for n in listed)}
    assert not missing, f"add these to chapter_helpers/api_names.py: {missing}"


def test_every_ddtrace_path_in_the_chapters_exists():
    missing = {}
    for path, where in _mentioned(PATH).items():
        if "<" in path:  # a pattern such as ddtrace/contrib/internal/<name>/
            path = path.split("<")[0]
        if not (INSTALLED.parent / path.rstrip("/")).exists():
            missing[path] = where
    assert not missing, f"paths the chapters name that the installed ddtrace lacks: {missing}"


# --- Chapter 12 (beyond caches) -------------------------------------------------------
# Its names are kept here rather than in chapter_helpers/api_names.py, which lists those of the
# walkthrough chapters 01-07 that the tests above scan.
BEYOND_CACHES = NOTEBOOKS / "12-beyond-caches.md"
BEYOND_CACHES_API_NAMES = (
    "ddtrace.patch",
    "ddtrace.auto",
    "ddtrace.config.wsgi",
    "ddtrace.config.sqlite",
    "ddtrace.trace.tracer.trace",
    "ddtrace.trace.tracer.flush",
    "ddtrace.trace.tracer.current_trace_context",
    "ddtrace.trace.tracer.current_root_span",
    "ddtrace.trace.tracer.context_provider.active",
    "ddtrace.trace.tracer.context_provider.activate",
    "ddtrace.trace.Span.get_tag",
    "ddtrace.internal.native._native.DefaultContextProvider",
    "ddtrace.contrib.internal.futures.patch.patch",
    "ddtrace.contrib.internal.futures.patch.unpatch",
    "ddtrace.propagation.http.HTTPPropagator.inject",
    "ddtrace.propagation.http.HTTPPropagator.extract",
    "ddtrace.contrib.wsgi.DDWSGIMiddleware",
    "ddtrace.contrib.asgi.TraceMiddleware",
    "ddtrace.contrib.trace_utils.set_http_meta",
    "ddtrace.contrib.trace_utils.iswrapped",
    "ddtrace.contrib.trace_utils.unwrap",
    "ddtrace.contrib.trace_utils.activate_distributed_headers",
    "ddtrace.constants.SPAN_KIND",
    "ddtrace.ext.SpanKind.CLIENT",
    "ddtrace.ext.SpanTypes.HTTP",
    "ddtrace.ext.db.SYSTEM",
    "ddtrace.contrib.dbapi.TracedConnection",
    "ddtrace.contrib.dbapi.TracedCursor",
    "ddtrace.contrib.dbapi.FetchTracedCursor",
    "ddtrace.contrib.internal.sqlite3.patch.TracedSQLite",
    "ddtrace.internal.settings.integration.IntegrationConfig",
    "ddtrace._trace.subscribers.http_client.HttpClientTracingSubscriber",
    "ddtrace.trace.tracer.start_span",
    "ddtrace.contrib.trace_utils.set_flattened_tags",
)
BEYOND_CACHES_REMOVED_NAMES = ("ddtrace.contrib.futures", "ddtrace.contrib.sqlite3")


def _unlisted_dotted_names(text: str, listed: set[str]) -> list[str]:
    names = {n.rstrip(".") for n in DOTTED.findall(text) if not n.rsplit(".", 1)[-1].startswith("__")}
    return sorted(n for n in names if n not in listed and not any(m.startswith(n + ".") for m in listed))


@pytest.mark.parametrize("name", BEYOND_CACHES_API_NAMES)
def test_beyond_caches_api_exists(name):
    resolve(name)


@pytest.mark.parametrize("name", BEYOND_CACHES_REMOVED_NAMES)
def test_beyond_caches_names_called_gone_are_gone(name):
    assert not exists(name), f"{name} exists again: update {BEYOND_CACHES.name}"


def test_beyond_caches_names_only_listed_apis():
    listed = set(BEYOND_CACHES_API_NAMES) | set(BEYOND_CACHES_REMOVED_NAMES)
    assert _unlisted_dotted_names("see ddtrace.contrib.wsgi and ddtrace.no_such.name", listed) \
        == ["ddtrace.no_such.name"]  # the scan itself can fail
    missing = _unlisted_dotted_names(BEYOND_CACHES.read_text(), listed)
    assert not missing, f"list these in BEYOND_CACHES_API_NAMES: {missing}"


def test_beyond_caches_paths_exist():
    missing = sorted({p for p in PATH.findall(BEYOND_CACHES.read_text())
                      if not (INSTALLED.parent / p.split("<")[0].rstrip("/")).exists()})
    assert not missing, f"paths {BEYOND_CACHES.name} names that the installed ddtrace lacks: {missing}"


def test_resolving_the_names_leaves_the_libraries_alone():
    """Checking the list must not patch anything (ddtrace.auto, ddtrace's pymemcache)."""
    import subprocess
    import sys

    program = (
        "from pymemcache.client.hash import HashClient\n"
        "from pymemcache.client.base import Client\n"
        "from chapter_helpers.api_names import API_NAMES, resolve\n"
        "for name in API_NAMES: resolve(name)\n"
        "import sys\n"
        "print(HashClient.client_class is Client, 'ddtrace.auto' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "False"], done.stderr[-2000:]
