"""Trace continuity: a command joins the application's trace, and leaves its active span alone."""

from __future__ import annotations

from checks import workload_ids
from checks.cases import no_spans_case
from checks.check import Check
from checks.probe.plans import APP_SPAN, INSIDE, OUTSIDE
from checks.report import Case

HINT_CHILD = ("open the span with `tracer.trace(...)`, which makes it a child of the active span "
              "(or tracer.start_span(..., child_of=tracer.context_provider.active())); never a "
              "start_span without child_of, or a Context made up by the integration")
HINT_ACTIVE = ("let ddtrace restore the active span: finish the span (leave the `with tracer.trace(...)` "
               "block) on every path, and activate nothing yourself, not even None")
HINT_ACTIVE_DURING = ("run the library's call inside the span's `with tracer.trace(...)` block, the span "
                      "active (never start_span(..., activate=False)): the library's own code then sees "
                      "the command's span, so the spans and log lines it makes belong to the command")
HINT_ROOT = ("take the parent from the active context only: keep no span, context or trace id between "
             "commands (in a module, or on the client)")


def _name(span: dict) -> str:
    return f"{span['name']} (resource {span.get('resource')})"


def _relation(span: dict, application: dict | None, by_id: dict) -> str:
    """Where ``span`` hangs, in words, next to the application's span it should be the child of."""
    if not span.get("parent_id"):
        return "the root of a trace of its own"
    if application and span["parent_id"] == application["span_id"]:
        return "a child of the application's span"
    return f"{_child_of(span, by_id)}, in {_trace_of(span, application, 'the application')}"


def _child_of(span: dict, by_id: dict) -> str:
    parent = by_id.get(span["parent_id"])
    return f"a child of {_name(parent)}" if parent else "a child of a span that never arrived"


def _trace_of(span: dict, other: dict | None, whose: str) -> str:
    return f"{whose}'s trace" if other and span["trace_id"] == other["trace_id"] else "another trace"


def _child_case(label: str, spans: list[dict], by_id: dict) -> Case:
    name = f"{label}: the command's span is its child"
    expected = "1 span, a child of the application's span (same trace)"
    application = next((s for s in spans if s["name"] == APP_SPAN), None)
    commands = [s for s in spans if s["name"] != APP_SPAN]
    if len(commands) != 1:
        observed = f"{len(commands)} spans" if commands else "no span"
        if application is None:
            # A span left open keeps its whole trace from being sent: the fix is finishing it.
            observed += "; the application's span did not arrive either: its trace never finished"
            return Case(name, False, observed=observed, expected=expected, hint=HINT_ACTIVE)
        return Case(name, False, observed=observed, expected=expected, hint=HINT_CHILD)
    observed = _relation(commands[0], application, by_id)
    return Case(name, observed == "a child of the application's span", observed=observed,
                expected=expected, hint=HINT_CHILD)


def _active_case(label: str, after: dict | None) -> Case:
    name = f"{label}: the application's span is active afterwards"
    expected = f"{APP_SPAN} (resource {label})"
    if after is None:
        return Case(name, False, observed="the workload did not get this far", expected=expected, hint=HINT_ACTIVE)
    return Case(name, after["same"], observed=after["active"], expected=expected, hint=HINT_ACTIVE)


def _active_during_case(spans: list[dict], during: dict | None) -> Case:
    label = INSIDE[0][0]
    name = f"{label}: the command's span is active while the library runs"
    commands = [s for s in spans if s["name"] != APP_SPAN]
    expected = f"the command's span, {_name(commands[0])}" if len(commands) == 1 else "the command's span"
    if during is None:
        return Case(name, False, observed="the workload did not get this far", expected=expected,
                    hint=HINT_ACTIVE_DURING)
    passed = len(commands) == 1 and during["span_id"] == commands[0]["span_id"]
    return Case(name, passed, observed=during["active"], expected=expected, hint=HINT_ACTIVE_DURING)


def _roots_case(spans: list[dict], by_id: dict) -> Case:
    name = f"{OUTSIDE}: each command is the root of its own trace"
    expected = "2 spans, each the root of a trace of its own"
    # A span whose parent never arrived, or no span at all, is the mark of an earlier span
    # left open and active: these commands joined its trace, which is never sent.
    orphaned = not spans or any(span.get("parent_id") and span["parent_id"] not in by_id for span in spans)
    hint = HINT_ACTIVE if orphaned else HINT_ROOT
    if len(spans) != 2:
        return Case(name, False, observed=f"{len(spans)} spans" if spans else "no span",
                    expected=expected, hint=hint)
    first, second = spans
    described = ["a root" if not span.get("parent_id") else _child_of(span, by_id) for span in spans]
    if second.get("parent_id"):
        described[1] += f", in {_trace_of(second, first, 'the first')}"
    passed = not first.get("parent_id") and not second.get("parent_id") and first["trace_id"] != second["trace_id"]
    return Case(name, passed, observed=f"the first: {described[0]}; the second: {described[1]}",
                expected=expected, hint=hint)


def _judge(context, probe, setting) -> list[Case]:
    if not any(span["name"] != APP_SPAN for span in probe.spans):
        return [no_spans_case(context.profile)]
    by_id = {span["span_id"]: span for span in probe.spans}
    active_after = probe.result["active_after"]
    cases = []
    for label, _ in INSIDE:
        cases += [_child_case(label, probe.spans_in(label), by_id), _active_case(label, active_after.get(label))]
    cases.append(_active_during_case(probe.spans_in(INSIDE[0][0]), probe.result.get("active_during")))
    cases.append(_roots_case(probe.spans_in(OUTSIDE), by_id))
    return cases


CHECK = Check(
    id="continuity", title="Trace continuity", chapter="12-beyond-caches", workload=workload_ids.CONTINUITY,
    promise=lambda profile: (
        "a command inside an application span is that span's child, a command outside any "
        "span starts a trace of its own, while it runs its span is the active one (the "
        "library's own code sees it), and afterwards the application's active span is the "
        "one it had, whether the command succeeded or failed"),
    summary="A command in an application span is its child, outside any span a root; its span is active "
            "while it runs; the application's active span stays.",
    judge=_judge, needs_spans=False)
