"""Library profiles: each profile's workloads exist for the checks that apply to it, and the
redis profile judges redis integrations as the pymemcache one judges memcached ones.

ddtrace's own redis integration passes every check that applies (its '*' for the versions it
supports is ddtrace's convention for built-ins, which the guide asks of no integration outside
ddtrace); each redis integration broken on purpose
(tests/checks/broken_redis/) fails the check it was written for, with its own message.
"""

import importlib
import subprocess
import sys

import pytest

from checks import workload_ids
from checks.families import CHECKS, ORDER
from checks.families.patching import EVERY_VERSION_BUILTIN, supported_versions_case
from checks.profiles import get_profile, profiles
from checks.suite import applicable
from tests.checks.conftest import REDIS_BUILTIN, REPO, broken_redis


@pytest.mark.parametrize("library", list(profiles()))
def test_every_declared_workload_has_its_module(library):
    profile = get_profile(library)
    assert set(profile.workloads_available) <= set(workload_ids.ALL)
    for workload in profile.workloads_available:
        module = importlib.import_module(f"{profile.workloads}.{workload}")
        assert callable(module.run), f"{module.__name__} has no run(context)"


def test_every_check_names_a_known_workload_or_none():
    assert all(check.workload in (*workload_ids.ALL, None) for check in CHECKS.values())


def test_which_checks_apply():
    assert applicable(get_profile("pymemcache")) == ORDER
    redis = applicable(get_profile("redis"))
    assert "data_exposure" not in redis  # an opt-in the redis convention does not have
    assert redis == tuple(check for check in ORDER if CHECKS[check].workload in
                          (*get_profile("redis").workloads_available, None))


def test_an_unknown_library_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="no library profile 'mongo'; known: pymemcache, redis"):
        get_profile("mongo")


def test_a_check_that_does_not_apply_exits_2_with_one_line():
    result = subprocess.run([sys.executable, "-m", "checks", REDIS_BUILTIN, "--library", "redis",
                             "--check", "data_exposure"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 2
    assert "data_exposure do not apply to the redis profile" in result.stderr


@pytest.mark.check_target(REDIS_BUILTIN, library="redis")
def test_builtin_redis_passes_every_check(check_report):
    report = check_report(REDIS_BUILTIN, library="redis")
    assert [check.check for check in report.checks] == list(applicable(get_profile("redis")))
    assert [check.check for check in report.checks if not check.passed] == [], repr(report)
    versions = next(case for case in report["patching"].cases
                    if case.name == "_supported_versions() declares a tested range")
    assert versions.observed == f"{{'redis': '*'}}: {EVERY_VERSION_BUILTIN}"


def test_any_version_is_for_builtins_only():
    # ddtrace's gate admits any installed version under '*', and its redis integration
    # declares it; an integration outside ddtrace saying the same is failed (test_cli's
    # test_fresh_scaffold_is_checkable_and_failing), since only its own tests back its claim.
    from ddtrace._monkey import is_version_compatible
    from ddtrace.contrib.internal.redis.patch import _supported_versions as redis_versions

    assert redis_versions() == {"redis": "*"}
    assert is_version_compatible("2.10.6", "*") and is_version_compatible("99.0", "*")
    found = {"installed": "8.1.0", "defined": True, "declared": {"redis": "*"}}
    outside = supported_versions_case(found, get_profile("redis"), builtin=False)
    assert not outside.passed and outside.observed == "{'redis': '*'}: any version, not a range"
    assert supported_versions_case(found, get_profile("redis"), builtin=True).passed


# variant: (the check it targets, a fragment of that check's reason, {check: failing cases})
DEL_ALL = ["append", "decr (alias of decrby)", "decrby", "del", "exists", "expire", "get", "hget", "hset",
           "incrby", "lpush", "lrange", "mget", "mset", "set"]
SNAPSHOT_BOTH = ["default schema", "v1 schema"]
EXPECTED = {
    "unpatch_does_nothing": ("patching", "unpatch() restores the library: observed redis.client.Pipeline.execute "
                                         "is now a FunctionWrapper", {
        "patching": ["no spans after unpatch()", "unpatch() restores the library"]}),
    "resource_with_arguments": ("coverage", "set: observed 1 span, resource 'SET ", {
        "coverage": DEL_ALL, "concurrency": ["each span has its own command's resource"],
        "snapshot": SNAPSHOT_BOTH}),
    "wrong_span_type": ("span_shape", "span type: observed 'cache', expected 'redis'", {
        "span_shape": ["span type"], "snapshot": SNAPSHOT_BOTH}),
    "hardcoded_service": ("schema", "service [v1]: observed 'redis', expected 'checks-app'", {
        "schema": ["service [v0 + DD_REDIS_SERVICE]",
                   "service [v0 + DD_TRACE_REMOVE_INTEGRATION_SERVICE_NAMES_ENABLED=true]",
                   "service [v1 + DD_REDIS_SERVICE]", "service [v1]"],
        "snapshot": ["v1 schema"]}),
    "swallows_exceptions": ("exceptions", "bad input: the application gets the library's exception: observed no "
                                          "exception", {
        "exceptions": ["bad input: the application gets the library's exception",
                       "no server: the application gets the library's exception",
                       "server error: the application gets the library's exception"],
        "invisible": ["return values are unchanged"]}),
    "starts_new_trace": ("continuity", "inside an application span: the command's span is its child: observed the "
                                       "root of a trace of its own", {
        "continuity": ["inside an application span, the command failing: the command's span is its child",
                       "inside an application span: the command's span is its child"],
        "concurrency": ["each span is a child of its own thread's span"]}),
    "span_not_activated": ("continuity", "inside an application span: the command's span is active while the "
                                         "library runs: observed checks.request (resource inside an application "
                                         "span), expected the command's span, redis.command (resource GET)", {
        "continuity": ["inside an application span: the command's span is active while the library runs"]}),
    "changes_return_values": ("invisible", "return values are unchanged: observed get('a') gave str", {
        "invisible": ["return values are unchanged"]}),
    # on v1 the raw command's tag is redis.command: the variant's redis.raw_command is one too many
    "shares_state_between_threads": ("concurrency", "no span names another command's key: observed ", {
        "concurrency": ["no span names another command's key"], "snapshot": ["v1 schema"]}),
    "extra_tag": ("snapshot", "Span meta value 'redis.client' in received span but is not in the expected span", {
        "snapshot": SNAPSHOT_BOTH}),
    # Slow: about a millisecond of CPU per command, where a span costs tens of microseconds.
    "walks_stack_per_command": ("overhead", "get: added cost per command: observed ", {
        "overhead": ["get: added cost per command", "set: added cost per command"]}),
    "undocumented_setting": ("documented", "DD_TWEAKED_REDIS_ENABLED (read in __init__.py line 13) is not named", {
        "documented": ["the docstring names every DD_* variable read"]}),
}


def _label(case) -> str:
    return f"{case.name} [{case.setting}]" if case.setting else case.name


def test_every_redis_check_has_a_variant_that_fails_it():
    assert {target for target, _, _ in EXPECTED.values()} == set(applicable(get_profile("redis")))


@pytest.mark.parametrize("variant", [
    pytest.param(variant, marks=pytest.mark.check_target(broken_redis(variant), name="redis", library="redis"))
    for variant in EXPECTED])
def test_broken_redis_integration_fails_its_check(variant, check_report):
    target, message, failing = EXPECTED[variant]
    report = check_report(broken_redis(variant), "redis", "redis")
    assert report.target_error is None, report.target_error
    observed = {check.check: sorted(map(_label, check.failures)) for check in report.checks if not check.passed}
    assert observed == {check: sorted(cases) for check, cases in failing.items()}, repr(report)
    assert message in report[target].reason
    assert report[target].hint, "a failing check says how to fix it"
