"""Each check fails on the integration broken in the way it guards against, with its own
message, while the checks that have nothing to do with that defect still pass.

Every variant in tests/checks/broken/ runs through all the checks. The table below says,
for each, exactly which checks fail and which of their cases; the first entry is the
check the variant was written for, and the message its reason must contain. Checks a
defect also shows up in (a missing span.kind also loses peer.service; most tag changes
also change the snapshot) are listed too, so an unexpected failure is caught as well.
"""

import pytest

from checks.families import ORDER
from checks.probe.plans import INSIDE as CONTINUITY_INSIDE
from checks.probe.plans import OUTSIDE as CONTINUITY_OUTSIDE
from checks.probe.workloads.span_shape import READS
from checks.report import NOT_WRITTEN
from tests.checks.conftest import broken

SNAPSHOT_BOTH = ["default schema", "v1 schema"]
ROW_COUNT_CASES = [f"db.row_count, {label}" for label, *_ in READS]
ALL_COMMANDS = ["add", "append", "cas", "decr", "delete", "delete_many", "get", "get_many", "gets",
                "gets_many", "incr", "prepend", "replace", "set", "set_many", "touch"]
ALIAS_CASES = ["delete_multi (alias of delete_many)", "get_multi (alias of get_many)",
               "set_multi (alias of set_many)"]
EXCEPTION_CASES = [f"{label}: {case}" for label in ("bad input", "no server", "server error")
                   for case in ("no span left open or active", "the application gets the library's exception",
                                "the span records the error")]
INVISIBLE_CASES = ["arguments reach the library unchanged", "each command runs exactly once",
                   "return values are unchanged"]
INSIDE, FAILING = (label for label, _ in CONTINUITY_INSIDE)
ROW_COUNT_THREADS_CASE = "each span has its own command's db.row_count"
ROOTS_CASE = f"{CONTINUITY_OUTSIDE}: each command is the root of its own trace"
ACTIVE_DURING_CASE = f"{INSIDE}: the command's span is active while the library runs"
# A stub that stops a workload is one case: it names what the stub stopped.
STOPPED_COMMANDS = ["commands run through the integration"]
# Data exposure: its cases under the command-text setting off (=false) and on (=true).
COMMAND_TEXT_OFF, COMMAND_TEXT_ON = "DD_TRACE_MEMCACHED_COMMAND_ENABLED=false", "DD_TRACE_MEMCACHED_COMMAND_ENABLED=true"
COMMAND_TEXT_CASE = f"memcached.query is the command and its keys [{COMMAND_TEXT_ON}]"

# variant: (the check it targets, a fragment of that check's reason, {check: failing cases})
EXPECTED = {
    "patch_not_idempotent": ("patching", "a second patch() changes nothing: observed 4 spans for 2 commands", {
        "patching": ["a second patch() changes nothing"]}),
    "unpatch_leaves_wrappers": ("patching", "unpatch() restores the library: observed "
                                "pymemcache.client.base.Client.add is now a FunctionWrapper", {
        "patching": ["no spans after unpatch()", "patch() after unpatch() traces again",
                     "unpatch() restores the library"]}),
    "traces_at_import": ("patching", "nothing is traced before patch(): observed 2 spans", {
        # unpatch() then undoes wrappers that were there before patch(): a change too
        "patching": ["nothing is traced before patch()", "unpatch() restores the library"]}),
    "only_get_set": ("coverage", "set_many: observed no span", {
        "coverage": [c for c in ALL_COMMANDS if c not in ("get", "set")] + ALIAS_CASES,
        # the threads' get_many and delete make no span
        "concurrency": ["each span is a child of its own thread's span", "one span per command"],
        "snapshot": SNAPSHOT_BOTH}),
    "misses_touch": ("coverage", "touch: observed no span, expected 1 span, resource 'touch'", {
        "coverage": ["touch"]}),
    "misses_aliases": ("coverage", "set_multi (alias of set_many): observed no span, expected 1 span, "
                                   "resource 'set_many'", {"coverage": ALIAS_CASES}),
    "wrong_resource": ("coverage", "set: observed 1 span, resource 'SET'", {
        # and the keys of the command text: the keyed commands are listed in lower case
        "data_exposure": [COMMAND_TEXT_CASE],
        # upper-case command names also miss the row-count rule, which reads "get", "gets"
        "coverage": ALL_COMMANDS + ALIAS_CASES, "span_shape": ROW_COUNT_CASES, "snapshot": SNAPSHOT_BOTH,
        "concurrency": ["each span has its own command's db.row_count",
                        "each span has its own command's resource"]}),
    "wrong_span_type": ("span_shape", "span type: observed 'db', expected 'cache'", {
        "span_shape": ["span type"], "snapshot": SNAPSHOT_BOTH}),
    "missing_span_kind": ("span_shape", "span.kind: observed (missing), expected 'client'", {
        "span_shape": ["span.kind"], "schema": ["peer.service [v1]"], "snapshot": SNAPSHOT_BOTH}),
    "wrong_operation_name": ("span_shape", "operation name: observed 'memcached.query', expected "
                                           "'memcached.command'", {
        # v1 names every cache operation '<provider>.command' itself: only v0 shows the defect
        "span_shape": ["operation name"], "snapshot": ["default schema"]}),
    "no_db_system": ("span_shape", "db.system: observed (missing), expected 'memcached'", {
        "span_shape": ["db.system"], "snapshot": SNAPSHOT_BOTH}),
    "wrong_default_service": ("schema", "service [no schema set]: observed 'pymemcache-cache', "
                                        "expected 'memcached'", {
        "schema": ["service [no schema set]", "service [v0]"], "snapshot": ["default schema"]}),
    "service_source_manual": ("snapshot", "meta mismatch on '_dd.svc_src': got 'm' which does not match "
                                          "expected 'memcached'", {"snapshot": SNAPSHOT_BOTH}),
    "wrong_component": ("span_shape", "component: observed 'pymemcache', expected 'memcached'", {
        # the snapshot compares component (and _dd.svc_src) with the integration's own name
        "span_shape": ["component"], "snapshot": SNAPSHOT_BOTH}),
    "no_out_host": ("span_shape", "out.host: observed (missing)", {
        "span_shape": ["network.destination.port", "out.host", "server.address"],
        "schema": ["peer.service [v1]"], "snapshot": SNAPSHOT_BOTH}),
    "hardcoded_service": ("schema", "service [v1]: observed 'memcached', expected 'checks-app'", {
        "schema": ["service [v0 + DD_MEMCACHED_SERVICE]",
                   "service [v0 + DD_TRACE_REMOVE_INTEGRATION_SERVICE_NAMES_ENABLED=true]",
                   "service [v1 + DD_MEMCACHED_SERVICE]", "service [v1]"],
        "snapshot": ["v1 schema"]}),
    "ignores_tracing_off": ("schema", "no span while tracing is off [DD_TRACE_ENABLED=false]: observed 1 span "
                                      "started, expected none", {
        "schema": ["no span while tracing is off [DD_TRACE_ENABLED=false]"]}),
    "ignores_service_env": ("schema", "service [v0 + DD_MEMCACHED_SERVICE]: observed 'memcached', "
                                      "expected 'checks-custom-cache'", {
        "schema": ["service [v0 + DD_MEMCACHED_SERVICE]", "service [v1 + DD_MEMCACHED_SERVICE]"]}),
    "swallows_exceptions": ("exceptions", "bad input: the application gets the library's exception: "
                                          "observed no exception", {
        "exceptions": ["bad input: the application gets the library's exception",
                       "no server: the application gets the library's exception",
                       "server error: the application gets the library's exception"]}),
    "raises_different_exception": ("exceptions", "observed RuntimeError: memcached get failed", {
        "exceptions": ["bad input: the application gets the library's exception",
                       "no server: the application gets the library's exception",
                       "server error: the application gets the library's exception"]}),
    "leaves_span_open": ("exceptions", "bad input: the span records the error: observed no span", {
        "exceptions": ["bad input: no span left open or active", "bad input: the span records the error",
                       "no server: no span left open or active", "no server: the span records the error",
                       "server error: no span left open or active", "server error: the span records the error"],
        # the open span stays active after the application's span ends: later commands are its children
        "continuity": [f"{FAILING}: the application's span is active afterwards",
                       f"{FAILING}: the command's span is its child", ROOTS_CASE],
        "snapshot": SNAPSHOT_BOTH}),
    "starts_new_trace": ("continuity", "inside an application span: the command's span is its child: observed "
                                       "the root of a trace of its own", {
        "continuity": [f"{INSIDE}: the command's span is its child", f"{FAILING}: the command's span is its child"],
        "concurrency": ["each span is a child of its own thread's span"]}),
    "span_not_activated": ("continuity", f"{ACTIVE_DURING_CASE}: observed checks.request (resource {INSIDE}), "
                                         "expected the command's span, memcached.command (resource get)", {
        "continuity": [ACTIVE_DURING_CASE]}),
    "clears_active_span_on_error": ("continuity", f"{FAILING}: the application's span is active afterwards: "
                                                  "observed none", {
        "continuity": [f"{FAILING}: the application's span is active afterwards"]}),
    "joins_previous_trace": ("continuity", f"{ROOTS_CASE}: observed the first: a child of memcached.command "
                                           "(resource get); the second: a child of memcached.command (resource "
                                           "get), in the first's trace", {
        "continuity": [ROOTS_CASE], "snapshot": SNAPSHOT_BOTH}),
    "shares_state_between_threads": ("concurrency", "each span has its own command's db.row_count: observed ", {
        "concurrency": ["each span has its own command's db.row_count", "no span names another command's key"]}),
    "changes_return_values": ("invisible", "return values are unchanged: observed get('a') gave str", {
        "invisible": ["return values are unchanged"]}),
    "calls_command_twice": ("invisible", "each command runs exactly once: observed delete_many", {
        # running a command twice also changes what some commands return (incr, add, delete)
        "invisible": ["each command runs exactly once", "return values are unchanged"]}),
    "normalizes_arguments": ("invisible", "arguments reach the library unchanged: observed the library got", {
        "invisible": ["arguments reach the library unchanged"]}),
    "no_row_count": ("span_shape", "db.row_count, get hit: observed (missing), expected 1", {
        "span_shape": ROW_COUNT_CASES, "snapshot": SNAPSHOT_BOTH,
        "concurrency": ["each span has its own command's db.row_count"]}),
    "not_measured": ("snapshot", "metrics mismatch on '_dd.measured'", {"snapshot": SNAPSHOT_BOTH}),
    "row_count_ignores_default": ("span_shape", "db.row_count, gets miss, default by position: "
                                                "observed 1, expected 0", {
        "span_shape": ["db.row_count, gets miss, default by position"]}),
    "supported_versions_any": ("patching", "_supported_versions() declares a tested range: observed "
                                           "{'pymemcache': '*'}: any version, not a range", {
        "patching": ["_supported_versions() declares a tested range"]}),
    "undocumented_setting": ("documented", "the docstring names every DD_* variable read: observed "
                                           "DD_MEMCACHED_SERVICE (read in patch.py line 15) is not named", {
        "documented": ["the docstring names every DD_* variable read"]}),
    "records_values": ("data_exposure", f"no stored value in any span [{COMMAND_TEXT_ON}]: observed "
                                        "memcached.query holds a stored value (spans of set, set_many, add", {
        "data_exposure": [f"no stored value in any span [{COMMAND_TEXT_ON}]", COMMAND_TEXT_CASE]}),
    "records_keys_without_setting": ("data_exposure", f"no key in any span [{COMMAND_TEXT_OFF}]: observed "
                                                      "memcached.query holds a key (spans of set", {
        "data_exposure": [f"no key in any span [{COMMAND_TEXT_OFF}]"]}),
    # Slow: about a millisecond of CPU per command, where a span costs tens of microseconds.
    "walks_stack_per_command": ("overhead", "get: added cost per command: observed ", {
        "overhead": ["get: added cost per command", "set: added cost per command"]}),
    # Half-written packages (exercise mode): checkable and failing, every failure "not written yet".
    "not_written_yet": ("coverage", "set: not written yet: _tag_request() (patch.py line 15) (and 18 more)", {
        "data_exposure": STOPPED_COMMANDS,
        "patching": STOPPED_COMMANDS, "coverage": ALL_COMMANDS + ALIAS_CASES,
        "continuity": STOPPED_COMMANDS, "concurrency": STOPPED_COMMANDS, "span_shape": STOPPED_COMMANDS,
        "schema": STOPPED_COMMANDS, "exceptions": EXCEPTION_CASES, "invisible": INVISIBLE_CASES,
        "snapshot": STOPPED_COMMANDS, "overhead": STOPPED_COMMANDS}),
    "patch_not_written": ("patching", "patch() runs: not written yet: patch() (patch.py line 10)", {
        check: ["patch() runs"] for check in ORDER if check != "documented"}),
    # Caught by the integration itself: named all the same, wherever the stub ran (the
    # exceptions workload's failures never reach it).
    "not_written_caught": ("span_shape", "db.row_count, get hit: not written yet: "
                                         "_rows_returned() (patch.py line 16)", {
        **{check: ["every function it runs is written"]
           for check in ("patching", "coverage", "schema", "invisible", "continuity", "overhead")},
        "span_shape": ROW_COUNT_CASES,
        "concurrency": ["each span has its own command's db.row_count"],
        "data_exposure": ["every function it runs is written"],
        "snapshot": SNAPSHOT_BOTH}),
}
# Half-written package -> the stub every failing case must name.
HALF_WRITTEN = {"not_written_yet": "_tag_request()", "patch_not_written": "patch()",
                "not_written_caught": "_rows_returned()"}


def _label(case) -> str:
    return f"{case.name} [{case.setting}]" if case.setting else case.name


def test_every_check_is_the_only_one_failing_for_some_variant():
    # The table is confirmed by the test below; here: no check goes without a variant that
    # fails it and nothing else, so every check is shown able to fail on its own.
    alone = {next(iter(failing)) for _, _, failing in EXPECTED.values() if len(failing) == 1}
    assert alone == set(ORDER)
    assert {target for target, _, _ in EXPECTED.values()} == set(ORDER)


@pytest.mark.parametrize("variant", [
    pytest.param(variant, marks=pytest.mark.check_target(broken(variant))) for variant in EXPECTED])
def test_broken_integration_fails_its_check(variant, check_report):
    target, message, failing = EXPECTED[variant]
    report = check_report(broken(variant))
    assert report.target_error is None, report.target_error
    observed = {check.check: sorted(map(_label, check.failures)) for check in report.checks if not check.passed}
    assert observed == {check: sorted(cases) for check, cases in failing.items()}, repr(report)
    assert message in report[target].reason
    assert report[target].hint, "a failing check says how to fix it"
    passing = [check.check for check in report.checks if check.passed]
    assert passing == [check for check in ORDER if check not in failing]


@pytest.mark.parametrize("variant", [
    pytest.param(variant, marks=pytest.mark.check_target(broken(variant))) for variant in HALF_WRITTEN])
def test_half_written_package_is_not_written_yet_everywhere_it_fails(variant, check_report):
    report = check_report(broken(variant))
    stub = HALF_WRITTEN[variant]
    for check in report.checks:
        if check.passed:
            continue
        assert check.status == NOT_WRITTEN and check.error is None, check.reason
        for case in check.failures:
            assert case.observed.startswith(f"not written yet: {stub} (patch.py line "), case
            assert case.hint == (f"write {stub} (it still raises NotImplementedError), run its cell, "
                                 "then run this check again")
    assert "Traceback" not in repr(report) + report._repr_html_()


# Where a failing case has two causes, its hint follows the evidence: (variant, check, the
# case, or None for every failing case of the check) -> a fragment of the hint.
HINTS = [
    # Concurrency: a race gets some of a command's spans wrong; a wrong value all of them,
    # in every thread, and no threading fix cures it.
    ("shares_state_between_threads", "concurrency", ROW_COUNT_THREADS_CASE, "another thread overwrites it"),
    ("no_row_count", "concurrency", ROW_COUNT_THREADS_CASE, "so it is no race"),
    # Continuity's roots case: a span left open (the later commands joined its trace, which
    # is never sent) is fixed by finishing it; a span kept between commands by the context.
    ("leaves_span_open", "continuity", ROOTS_CASE, "finish the span"),
    ("joins_previous_trace", "continuity", ROOTS_CASE, "keep no span, context or trace id between commands"),
    # Snapshot: _dd.svc_src, the one field fixed by how the service is set, names the way
    # to set it; any other difference, the agent's explanation and the reference.
    ("service_source_manual", "snapshot", None, "through set_service_and_source"),
    ("wrong_span_type", "snapshot", None, "read the test agent's explanation"),
    # A wrapper that raises (a typo): its error, not "traced nothing" or "ran 0 times".
    ("typo_in_wrapper", "coverage", "set", "the command raised through the integration"),
    ("typo_in_wrapper", "invisible", "each command runs exactly once", "raised before it called the library"),
    # Schema: the raw default where the schema gives the application's service names the
    # missing schematize_service_name; an override not read, the override.
    ("hardcoded_service", "schema", "service [v1]", "must be schematize_service_name('memcached')"),
    ("hardcoded_service", "schema", "service [v1 + DD_MEMCACHED_SERVICE]", "read DD_MEMCACHED_SERVICE"),
]


@pytest.mark.parametrize("variant, check, case_name, hint", [
    pytest.param(*entry, marks=pytest.mark.check_target(broken(entry[0])), id=f"{entry[1]}-{entry[0]}")
    for entry in HINTS])
def test_a_hint_follows_the_evidence(variant, check, case_name, hint, check_report):
    failures = check_report(broken(variant))[check].failures
    cases = [case for case in failures if case_name in (None, case.name, _label(case))]
    assert cases, f"no failing case {case_name or ''} in {check}: {[case.name for case in failures]}"
    assert case_name is None or len(cases) == 1, [case.name for case in cases]
    for case in cases:
        assert hint in case.hint, case.hint
