"""Coverage: every data command is traced, each as one span named after the command."""

from __future__ import annotations

from checks.expectations import COVERED_COMMANDS
from checks.families.common import (mark_not_written, new_result, no_spans_case, record_probe_failure,
                                    spans_text)
from checks.report import Case

ID = "coverage"
TITLE = "Coverage"
CHAPTER = "04-tracing-commands"
PROMISE = ("the client's data commands (reads, writes, deletes, counters, multi-key commands) "
           "are each traced as one span whose resource is the command")


def _observed(spans: list[dict]) -> str:
    if not spans:
        return "no span"
    if len(spans) == 1:
        return f"1 span, resource {spans[0].get('resource')!r}"
    return f"{spans_text(len(spans))}, resources {', '.join(repr(s.get('resource')) for s in spans)}"


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    probe = context.probe("coverage")
    if record_probe_failure(probe, result, context.timeout):
        return result
    stubs = probe.result["not_written"]
    if not probe.spans and not stubs:
        result.cases.append(no_spans_case())
        return result
    errors = probe.result["errors"]
    for command in COVERED_COMMANDS:
        spans = probe.spans_in(command)
        observed = _observed(spans)
        if command in errors:
            observed += f"; the command raised {errors[command]}"
        passed = command not in errors and len(spans) == 1 and spans[0].get("resource") == command
        if not spans:
            hint = (f"wrap Client.{command} as well: list every data command of "
                    "pymemcache.client.base.Client in patch(), not only get and set")
        elif len(spans) > 1:
            hint = "one command must make one span: do not trace both a method and the method it calls"
        else:
            hint = (f"set the span's resource to the command's name, {command!r} (report aliases "
                    "such as get_multi under the command they stand for)")
        case = Case(command, passed, observed=observed, expected=f"1 span, resource {command!r}", hint=hint)
        result.cases.append(mark_not_written(case, stubs[command]) if command in stubs else case)
    return result
