"""Coverage: every data command, and every alias, is traced as one span named after the command."""

from __future__ import annotations

from checks.expectations import ALIASES, COVERED_COMMANDS
from checks.families.common import (mark_not_written, new_result, no_spans_case, record_probe_failure,
                                    spans_text)
from checks.report import Case

ID = "coverage"
TITLE = "Coverage"
CHAPTER = "04-tracing-commands"
PROMISE = ("the client's data commands (reads, writes, deletes, counters, multi-key commands) "
           "are each traced as one span whose resource is the command; an alias such as get_multi "
           "is reported as the command it stands for")


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
    # (the window's label: the attribute called, the resource expected, the case's name)
    calls = [(command, command, command) for command in COVERED_COMMANDS]
    calls += [(alias, command, f"{alias} (alias of {command})") for alias, command in ALIASES.items()]
    for called, command, name in calls:
        spans = probe.spans_in(called)
        observed = _observed(spans)
        if called in errors:
            observed += f"; the command raised {errors[called]}"
        passed = called not in errors and len(spans) == 1 and spans[0].get("resource") == command
        case = Case(name, passed, observed=observed, expected=f"1 span, resource {command!r}",
                    hint=_hint(called, command, spans))
        result.cases.append(mark_not_written(case, stubs[called]) if called in stubs else case)
    return result


def _hint(called: str, command: str, spans: list[dict]) -> str:
    if not spans and called != command:
        return (f"wrap Client.{called} as well: pymemcache stores {command} under this second name "
                "too, and wrapping one attribute leaves the other untouched")
    if not spans:
        return (f"wrap Client.{command} as well: list every data command of "
                "pymemcache.client.base.Client in patch(), not only get and set")
    if len(spans) > 1:
        return "one command must make one span: do not trace both a method and the method it calls"
    return (f"set the span's resource to the command's name, {command!r} (report aliases "
            "such as get_multi under the command they stand for)")
