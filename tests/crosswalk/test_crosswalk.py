"""The crosswalk of chapter 9 stays true: rebuilt from live spans, compared with its baseline.

The spans come from the real memcached and test agent, traced by this guide's integration
and by OpenTelemetry's pymemcache instrumentation (crosswalk.workload). After an intended
change (a new ddtrace or OpenTelemetry version), re-record with
``CROSSWALK_REGEN=1 .venv/bin/python -m pytest tests/crosswalk`` and review the diff.
"""

from __future__ import annotations

import copy
import difflib
import os
from pathlib import Path

import pytest

from crosswalk.semconv import attribute_status
from crosswalk.table import crosswalk, ways_from_runs
from crosswalk.vocabulary import vocabulary
from crosswalk.workload import COMMANDS, WAYS, trace_every_way
from harness import Services

BASELINE = Path(__file__).with_name("crosswalk-baseline.txt")


@pytest.fixture(scope="module")
def live_spans():
    with Services(redis=False) as services:
        yield trace_every_way(services)


def rendered(spans_by_label) -> str:
    ways = ways_from_runs(spans_by_label)
    return f"{crosswalk(ways)!r}\n\n{vocabulary(ways)!r}\n"


def differences(text: str) -> str:
    return "".join(difflib.unified_diff(BASELINE.read_text().splitlines(True), text.splitlines(True),
                                        "baseline", "rebuilt from live spans"))


def test_every_way_traced_every_command(live_spans):
    assert list(live_spans) == [way.label for way in WAYS]
    assert all(len(spans) == COMMANDS for spans in live_spans.values())


def test_crosswalk_matches_its_baseline(live_spans):
    text = rendered(live_spans)
    if os.environ.get("CROSSWALK_REGEN"):
        BASELINE.write_text(text)
        pytest.skip(f"baseline re-recorded: {BASELINE.name}")
    assert BASELINE.exists(), f"no baseline: run with CROSSWALK_REGEN=1 to record {BASELINE.name}"
    diff = differences(text)
    assert not diff, f"the crosswalk changed; if intended, re-record (CROSSWALK_REGEN=1):\n{diff}"


def test_a_changed_attribute_shows_in_the_comparison(live_spans):
    """The comparison above can fail: one renamed attribute on each side changes the text."""
    broken = copy.deepcopy(live_spans)
    for span in broken["ddtrace v0"]:
        span["meta"]["db.system.name"] = span["meta"].pop("db.system")
    for span in broken["OTel database"]:
        span.attributes["server.addr"] = span.attributes.pop("server.address")
    diff = differences(rendered(broken))
    assert "db.system.name" in diff and "server.addr" in diff


def test_a_missing_span_shows_in_the_counts(live_spans):
    broken = copy.deepcopy(live_spans)
    broken["OTel default"].pop(1)
    text = rendered(broken)
    assert "(1 of 6 spans)" in text  # the failing get, now one of six
    assert differences(text)


def test_semantic_conventions_lookup_tells_the_statuses_apart():
    assert attribute_status("server.address") == "stable"
    assert attribute_status("db.system").startswith("deprecated: Replaced by `db.system.name`")
    assert attribute_status("db.response.returned_rows") == "development"
    assert attribute_status("out.host") == "not in the conventions"
    # a deprecated name inside a *stable* module is still deprecated
    assert attribute_status("exception.escaped").startswith("deprecated")
