"""What every check needs: running a probe, and turning a probe that failed into a result."""

from __future__ import annotations

from dataclasses import dataclass

from checks.report import Case, CheckResult
from checks.runner import DEFAULT_TIMEOUT, ProbeRun, run_probe
from checks.target import Target

TARGET_HINT = ("make the package import cleanly and define patch(), unpatch() and get_version() "
               "in its __init__.py or its patch.py; patch() must not raise")


@dataclass
class CheckContext:
    services: object
    target: Target
    timeout: float = DEFAULT_TIMEOUT

    def probe(self, family: str, extra_env: dict | None = None) -> ProbeRun:
        return run_probe(self.services, self.target, family, timeout=self.timeout,
                         extra_env=extra_env)


def new_result(check: str, title: str, promise: str) -> CheckResult:
    return CheckResult(check=check, title=title, promise=promise)


def record_probe_failure(run: ProbeRun, result: CheckResult, timeout: float) -> bool:
    """If the probe did not produce a result, say why in ``result`` and return True."""
    if run.hung:
        result.error = (f"timed out after {timeout:g} s: patch() or a command made through the "
                        "integration never returned")
        result.error_hint = ("look for a call in the wrapper that blocks or loops forever; every "
                             "call it makes must return (give I/O a timeout)")
    elif run.target_error:
        result.error = run.target_error
        result.error_hint = TARGET_HINT
        result.target_error = True
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
    return True


NO_SPANS = "no spans at all"


def no_spans_case(name: str = "spans reach the test agent") -> Case:
    return Case(name, False, observed=NO_SPANS, expected="one span per command",
                hint=("patch() ran but traced nothing: it must wrap the methods of "
                      "pymemcache.client.base.Client (or replace the class) so that every "
                      "command runs inside tracer.trace(...), and the span must finish"))


def spans_text(count: int) -> str:
    return f"{count} span{'s' if count != 1 else ''}"
