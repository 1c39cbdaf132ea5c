"""Patching: patch() makes commands traced, once; unpatch() puts the library back exactly."""

from __future__ import annotations

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from checks import workload_ids
from checks.cases import mark_not_written, spans_text
from checks.check import Check
from checks.profiles import DEFAULT, get_profile
from checks.report import Case


def versions_hint(library: str, guide: bool) -> str:
    hint = (f"return the {library} versions the integration is tested against as a version "
            f"specifier from _supported_versions() in patch.py, not '*'")
    if guide:  # the guide's own integration is the example to follow
        hint += (f": the guide's integration declares {{'{library}': '>=4.0.0'}}, the range chapter "
                 f"11-library-support derives from the versions its test matrix runs")
    return hint


HINT_VERSIONS = versions_hint(get_profile(DEFAULT).library, guide=True)

_COMMANDS = 2  # each window of the workload runs a set and a get


def _count_case(name, spans, expected, hint, error=None) -> Case:
    if error:
        return Case(name, False, observed=f"raised {error}", expected=f"{spans_text(expected)} for "
                    f"{_COMMANDS} commands", hint=hint)
    observed = f"{spans_text(len(spans))} for {_COMMANDS} commands"
    return Case(name, len(spans) == expected, observed=observed,
                expected=f"{spans_text(expected)} for {_COMMANDS} commands", hint=hint)


# ddtrace's gate (ddtrace._monkey.is_version_compatible) reads '*' as every version, and a
# quarter of its built-ins declare it: their claim is ddtrace's to keep, in its own test suite
# (its redis integration has code paths for redis 2.x and up). Outside ddtrace nothing stands
# behind such a claim but the integration's own tests, so the guide asks for their range.
EVERY_VERSION_BUILTIN = "every version: ddtrace's convention for a built-in, backed by ddtrace's own tests"


def _versions_observed(found: dict, library: str, builtin: bool) -> tuple[bool, str]:
    """(passed, observed) for what _supported_versions() returned."""
    installed, declared = found["installed"], found.get("declared")
    if not found["defined"]:
        return False, "no _supported_versions() in the package or its patch module"
    if "error" in found:
        return False, f"raised {found['error']}"
    if not isinstance(declared, dict):
        return False, f"{declared!r}, not a dict"
    if library not in declared:
        return False, f"{declared!r}: no entry for {library!r}"
    spec = declared[library]
    if builtin and spec == "*":
        return True, f"{declared!r}: {EVERY_VERSION_BUILTIN}"
    if not isinstance(spec, str) or spec.strip() in ("", "*"):
        return False, f"{declared!r}: any version, not a range"
    try:
        admitted = Version(installed) in SpecifierSet(spec)
    except InvalidSpecifier:
        return False, f"{declared!r}: {spec!r} is not a version specifier"
    if not admitted:
        return False, f"{declared!r}: excludes the installed {library} {installed}"
    return True, f"{declared!r}, which admits the installed {installed}"


def supported_versions_case(found: dict | None, profile, builtin: bool = False) -> Case | None:
    if found is None:
        return None  # the probe stopped before it asked (e.g. the target does not import)
    name = "_supported_versions() declares a tested range"
    expected = f"a version specifier for {profile.library} that admits the installed {found['installed']}"
    if found.get("not_written"):
        return mark_not_written(Case(name, False, expected=expected), found["not_written"])
    passed, observed = _versions_observed(found, profile.library, builtin)
    return Case(name, passed, observed=observed, expected=expected,
                hint=versions_hint(profile.library, guide=profile.name == DEFAULT))


def _versions(context, probe) -> list[Case]:
    """The declaration is judged all the same when a stub stopped the workload or nothing was traced."""
    versions = supported_versions_case(probe.facts.get("supported_versions"), context.profile,
                                       context.target.builtin)
    return [versions] if versions else []


def _judge(context, probe, setting) -> list[Case]:
    cases: list[Case] = []
    errors, stubs = probe.result["errors"], probe.result["not_written"]
    library = context.profile.library

    cases.append(_count_case(
        "nothing is traced before patch()", probe.spans_in("before patch()"), 0,
        f"importing the integration must not change {library}: wrap the client in patch() only"))
    cases.append(_count_case(
        "patch() traces each command once", probe.spans_in("after patch()"), _COMMANDS,
        "run each command inside exactly one tracer.trace(...) block"))
    cases.append(_count_case(
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
    cases.append(restored)
    cases.append(_count_case(
        "no spans after unpatch()", probe.spans_in("after unpatch()"), 0,
        "unpatch() must remove every wrapper, so that commands run untraced afterwards"))
    cases.append(_count_case(
        "patch() after unpatch() traces again", probe.spans_in("after patch() again"), _COMMANDS,
        "unpatch() must reset what patch() checks to detect a second call",
        errors.get("patch() after unpatch()")))
    # A stub in unpatch() or a later patch() explains the failing cases that depend on it.
    depends = {"unpatch()": ("unpatch() restores the library", "no spans after unpatch()"),
               "second patch()": ("a second patch() changes nothing",),
               "patch() after unpatch()": ("patch() after unpatch() traces again",)}
    for step, stub in stubs.items():
        for case in cases:
            if not case.passed and case.name in depends[step]:
                mark_not_written(case, stub)
    return cases + _versions(context, probe)


CHECK = Check(
    id="patching", title="Patching", chapter="03-skeleton", workload=workload_ids.PATCHING,
    promise=lambda profile: (
        "patch() traces every command once, a second patch() changes nothing, unpatch() "
        "restores the original classes and functions, and patch() works again after it; "
        "_supported_versions() declares the library versions it is tested against"),
    summary=("patch() traces once, a second patch() changes nothing, unpatch() restores the library; "
             "_supported_versions() declares a real version range."),
    judge=_judge, when_stopped=_versions)
