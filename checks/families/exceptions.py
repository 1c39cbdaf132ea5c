"""Exception contract: the library's error reaches the application unchanged, and is on the span."""

from __future__ import annotations

from checks import workload_ids
from checks.cases import mark_not_written, no_spans_case
from checks.check import Check
from checks.keys import scrub
from checks.report import Case
from traceview.spans import tag

HINT_SAME = ("let the library's exception propagate untouched: no except clause that swallows "
             "it, wraps it or raises a new one (a `with tracer.trace(...)` block records it and "
             "re-raises the very same object)")
HINT_TAGS = ("run the command inside `with tracer.trace(...) as span:` so ddtrace records the "
             "error; if you catch it yourself, call span.set_exc_info(type, value, traceback) "
             "before re-raising")
HINT_OPEN = ("finish the span on every path, failures included: use `with tracer.trace(...)`, "
             "or span.finish() in a finally clause")


def _same_exception(outcome: dict) -> Case:
    name = f"{outcome['label']}: the application gets the library's exception"
    library = outcome["library_error_type"]
    if library is None:
        observed = (f"{outcome['caught']}, but the library raised nothing" if outcome["caught"]
                    else "no exception, and the library raised nothing")
        return Case(name, False, observed=observed, expected="the library's exception", hint=HINT_SAME)
    expected = f"{library} (the object the library raised)"
    if outcome["same_object"]:
        observed = f"{library} (the same object)"
    elif outcome["caught"] is None:
        observed = "no exception: the call returned normally"
    elif outcome["caught_type"] == library:
        observed = f"{library}, but a different object"
    else:
        observed = outcome["caught"]
    return Case(name, outcome["same_object"], observed=observed, expected=expected, hint=HINT_SAME)


def _error_tags(outcome: dict, span: dict | None) -> Case:
    name = f"{outcome['label']}: the span records the error"
    library = outcome["library_error_type"]
    message = outcome["library_error_message"]
    expected = (f"error 1, error.type {library!r}, error.message {message!r}" if library
                else "error 1, with the library's error.type and error.message")
    if span is None:
        return Case(name, False, observed="no span", expected=expected, hint=HINT_TAGS)
    error_type, error_message = tag(span, "error.type"), scrub(tag(span, "error.message"))
    observed = f"error {span.get('error', 0)}, error.type {error_type!r}, error.message {error_message!r}"
    passed = span.get("error") == 1 and error_type == library and error_message == message
    return Case(name, passed, observed=observed, expected=expected, hint=HINT_TAGS)


def _nothing_open(outcome: dict, span: dict | None) -> Case:
    name = f"{outcome['label']}: no span left open or active"
    problems = []
    if span is None:
        problems.append("the span never finished")
    if outcome["active_span_after"]:
        problems.append(f"still active: {outcome['active_span_after']}")
    return Case(name, not problems, observed="; ".join(problems) or "the span finished, none active",
                expected="the span finished, none active", hint=HINT_OPEN)


def _judge(context, probe, setting) -> list[Case]:
    outcomes = probe.result["outcomes"]
    if not probe.spans and all(o["active_span_after"] is None and not o["not_written"] for o in outcomes):
        return [no_spans_case(context.profile)]
    cases = []
    for outcome in outcomes:
        spans = probe.spans_in(outcome["label"])
        span = spans[0] if spans else None
        judged = [_same_exception(outcome), _error_tags(outcome, span), _nothing_open(outcome, span)]
        if outcome["not_written"]:
            # A stub's NotImplementedError is not the library's error: nothing to judge yet.
            judged = [mark_not_written(case, outcome["not_written"]) for case in judged]
        cases += judged
    return cases


CHECK = Check(
    id="exceptions", title="Exception contract", chapter="06-exceptions", workload=workload_ids.EXCEPTIONS,
    promise=lambda profile: (
        "an error raised by the library reaches the application as the same exception "
        "object, the span carries error 1 with error.type and error.message, and no span is "
        "left open or active afterwards"),
    summary="The library's errors reach the application unchanged and are recorded on the span.",
    judge=_judge, needs_spans=False)
