"""What the checks share: turning a probe that failed into a result, and cases about stubs
and missing spans."""

from __future__ import annotations

from checks.report import NOT_WRITTEN, Case, CheckResult
from checks.runner import ProbeRun

TARGET_HINT = ("make the package import cleanly and define patch(), unpatch() and get_version() "
               "in its __init__.py or its patch.py; patch() must not raise")


# -- starter stubs (exercise mode) ------------------------------------------------------
def not_written_text(stub: dict) -> str:
    return f"{NOT_WRITTEN}: {stub['function']} ({stub['file']} line {stub['line']})"


def not_written_hint(stub: dict) -> str:
    return (f"write {stub['function']} (it still raises NotImplementedError), run its cell, "
            "then run this check again")


def mark_not_written(case: Case, stub: dict) -> Case:
    """``case`` failed because of a stub: say so instead of what the stub's absence looked like."""
    case.passed, case.observed, case.hint = False, not_written_text(stub), not_written_hint(stub)
    return case


# What a workload was doing when a stub stopped it -> the case that reports it.
_STOPPED = {"patch()": ("patch() runs", "patch() returns"),
            "a command": ("commands run through the integration",
                          "each command returns through the integration")}


def stopped_case(stub: dict) -> Case:
    name, expected = _STOPPED.get(stub.get("during"), ("the workload runs", "the workload runs to its end"))
    return mark_not_written(Case(name, False, expected=expected), stub)


def blame_stubs(result: CheckResult, runs: list[ProbeRun]) -> None:
    """A stub the integration caught itself (a tagging helper that logs its errors) shows up
    only as a missing tag or metric, or not at all: name it on each failing case, beside
    what was seen; when no case failed, the check still ran unwritten code, so it fails."""
    seen = [stub for run in runs for stub in run.stubs_seen]
    if not seen or result.error:
        return
    for case in result.failures:
        if not case.not_written:
            without = case.observed or "(nothing)"
            mark_not_written(case, seen[0])
            case.observed += f"; without it: {without}"
    if not result.failures:
        case = mark_not_written(Case("every function it runs is written", False,
                                     expected="no starter stub in what the check runs"), seen[0])
        case.observed += "; the integration caught its NotImplementedError"
        result.cases.append(case)


def record_probe_failure(run: ProbeRun, result: CheckResult, timeout: float) -> bool:
    """If the probe did not produce a result, say why in ``result`` (in place of any case it
    holds) and return True. A stub that stopped the workload is a failing case, not an
    error: the package can be checked, it is only not finished."""
    if run.hung:
        result.error = (f"timed out after {timeout:g} s: patch() or a command made through the "
                        "integration never returned")
        result.error_hint = ("look for a call in the wrapper that blocks or loops forever; every "
                             "call it makes must return (give I/O a timeout)")
    elif run.target_error:
        result.error = run.target_error
        result.error_hint = TARGET_HINT
        result.target_error = True
    elif run.not_written:
        result.cases = [stopped_case(run.not_written)]
        return True
    elif run.crash:
        result.error = f"the application's code raised {run.crash}"
        result.error_hint = ("a command raised through the integration where the library alone "
                             "does not: read the traceback below and fix the wrapper")
        result.detail = run.payload.get("traceback", "")
    elif run.send_failed and not run.spans:
        # ddtrace's writer drops what it cannot send and only logs it: without this, the
        # missing spans would be blamed on the integration.
        result.error = "the tracer could not deliver the spans to the APM test agent"
        result.error_hint = ("not a defect of the integration: the agent was too slow or gone; "
                             "run the check again, with a longer --timeout on a loaded machine")
        result.detail = run.stderr_tail
    elif run.payload is None:
        result.error = f"the traced process ended without a result (exit status {run.exit_code})"
        result.error_hint = ("the integration ended the process (sys.exit, os._exit, a crash): "
                             "read its last output below")
        result.detail = run.stderr_tail
    else:
        return False
    result.cases = []
    return True


NO_SPANS = "no spans at all"


def no_spans_case(profile, name: str = "spans reach the test agent") -> Case:
    return Case(name, False, observed=NO_SPANS, expected="one span per command",
                hint=(f"patch() ran but traced nothing: it must wrap the methods of "
                      f"{profile.client_class} (or replace the class) so that every "
                      "command runs inside tracer.trace(...), and the span must finish"))


def spans_text(count: int) -> str:
    return f"{count} span{'s' if count != 1 else ''}"
