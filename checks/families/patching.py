"""Patching: patch() makes commands traced, once; unpatch() puts the library back exactly."""

from __future__ import annotations

from checks.families.common import new_result, no_spans_case, record_probe_failure, spans_text
from checks.report import Case

ID = "patching"
TITLE = "Patching"
PROMISE = ("patch() traces every command once, a second patch() changes nothing, unpatch() "
           "restores the original classes and functions, and patch() works again after it")

_COMMANDS = 2  # each window of the workload runs a set and a get


def _count_case(name, spans, expected, hint, error=None) -> Case:
    if error:
        return Case(name, False, observed=f"raised {error}", expected=f"{spans_text(expected)} for "
                    f"{_COMMANDS} commands", hint=hint)
    observed = f"{spans_text(len(spans))} for {_COMMANDS} commands"
    return Case(name, len(spans) == expected, observed=observed,
                expected=f"{spans_text(expected)} for {_COMMANDS} commands", hint=hint)


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    probe = context.probe("patching")
    if record_probe_failure(probe, result, context.timeout):
        return result
    errors = probe.result["errors"]
    if not probe.spans:
        result.cases.append(no_spans_case())
        return result

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
    return result
