"""Patching: patch() makes commands traced, once; unpatch() puts the library back exactly."""

from __future__ import annotations

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from checks.expectations import LIBRARY
from checks.families.common import (mark_not_written, new_result, no_spans_case, record_probe_failure,
                                    spans_text)
from checks.report import Case

ID = "patching"
TITLE = "Patching"
CHAPTER = "03-skeleton"
PROMISE = ("patch() traces every command once, a second patch() changes nothing, unpatch() "
           "restores the original classes and functions, and patch() works again after it; "
           "_supported_versions() declares the library versions it is tested against")

HINT_VERSIONS = (f"return the {LIBRARY} versions the integration is tested against as a version "
                 f"specifier from _supported_versions() in patch.py, not '*': the guide's integration "
                 f"declares {{'{LIBRARY}': '>=4.0.0'}}, the range chapter 11-library-support derives "
                 f"from the versions its test matrix runs")

_COMMANDS = 2  # each window of the workload runs a set and a get


def _count_case(name, spans, expected, hint, error=None) -> Case:
    if error:
        return Case(name, False, observed=f"raised {error}", expected=f"{spans_text(expected)} for "
                    f"{_COMMANDS} commands", hint=hint)
    observed = f"{spans_text(len(spans))} for {_COMMANDS} commands"
    return Case(name, len(spans) == expected, observed=observed,
                expected=f"{spans_text(expected)} for {_COMMANDS} commands", hint=hint)


def _versions_observed(found: dict) -> tuple[bool, str]:
    """(passed, observed) for what _supported_versions() returned."""
    installed, declared = found["installed"], found.get("declared")
    if not found["defined"]:
        return False, "no _supported_versions() in the package or its patch module"
    if "error" in found:
        return False, f"raised {found['error']}"
    if not isinstance(declared, dict):
        return False, f"{declared!r}, not a dict"
    if LIBRARY not in declared:
        return False, f"{declared!r}: no entry for {LIBRARY!r}"
    spec = declared[LIBRARY]
    if not isinstance(spec, str) or spec.strip() in ("", "*"):
        return False, f"{declared!r}: any version, not a range"
    try:
        admitted = Version(installed) in SpecifierSet(spec)
    except InvalidSpecifier:
        return False, f"{declared!r}: {spec!r} is not a version specifier"
    if not admitted:
        return False, f"{declared!r}: excludes the installed {LIBRARY} {installed}"
    return True, f"{declared!r}, which admits the installed {installed}"


def supported_versions_case(found: dict | None) -> Case | None:
    if found is None:
        return None  # the probe stopped before it asked (e.g. the target does not import)
    name = "_supported_versions() declares a tested range"
    expected = f"a version specifier for {LIBRARY} that admits the installed {found['installed']}"
    if found.get("not_written"):
        return mark_not_written(Case(name, False, expected=expected), found["not_written"])
    passed, observed = _versions_observed(found)
    return Case(name, passed, observed=observed, expected=expected, hint=HINT_VERSIONS)


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    probe = context.probe("patching")
    versions = supported_versions_case(probe.facts.get("supported_versions"))
    if record_probe_failure(probe, result, context.timeout):
        if result.cases and versions:  # stopped by a stub: the declaration is judged all the same
            result.cases.append(versions)
        return result
    if not probe.spans:
        result.cases += [no_spans_case()] + ([versions] if versions else [])
        return result
    errors, stubs = probe.result["errors"], probe.result["not_written"]

    result.cases.append(_count_case(
        "nothing is traced before patch()", probe.spans_in("before patch()"), 0,
        "importing the integration must not change pymemcache: wrap the client in patch() only"))
    result.cases.append(_count_case(
        "patch() traces each command once", probe.spans_in("after patch()"), _COMMANDS,
        "run each command inside exactly one tracer.trace(...) block"))
    result.cases.append(_count_case(
        "a second patch() changes nothing", probe.spans_in("after a second patch()"), _COMMANDS,
        "make patch() return early when it already ran (keep a module-level flag, as ddtrace's "
        "integrations do), so that no method is ever wrapped twice",
        errors.get("second patch()")))

    left = probe.result["not_restored"]
    if errors.get("unpatch()"):
        restored = Case("unpatch() restores the library", False, observed=f"raised {errors['unpatch()']}",
                        expected="the original classes and functions")
    else:
        shown = "; ".join(left[:2]) + (f"; and {len(left) - 2} more" if len(left) > 2 else "")
        restored = Case("unpatch() restores the library", not left,
                        observed=shown or "the original classes and functions",
                        expected="the original classes and functions")
    restored.hint = ("undo every wrap: ddtrace.contrib.trace_utils.unwrap(Client, name) for each "
                     "method patch() wrapped (or put the saved originals back), and reset the flag")
    result.cases.append(restored)
    result.cases.append(_count_case(
        "no spans after unpatch()", probe.spans_in("after unpatch()"), 0,
        "unpatch() must remove every wrapper, so that commands run untraced afterwards"))
    result.cases.append(_count_case(
        "patch() after unpatch() traces again", probe.spans_in("after patch() again"), _COMMANDS,
        "unpatch() must reset what patch() checks to detect a second call",
        errors.get("patch() after unpatch()")))
    # A stub in unpatch() or a later patch() explains the failing cases that depend on it.
    depends = {"unpatch()": ("unpatch() restores the library", "no spans after unpatch()"),
               "second patch()": ("a second patch() changes nothing",),
               "patch() after unpatch()": ("patch() after unpatch() traces again",)}
    for step, stub in stubs.items():
        for case in result.failures:
            if case.name in depends[step]:
                mark_not_written(case, stub)
    result.cases += [versions] if versions else []
    return result
