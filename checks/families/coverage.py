"""Coverage: every data command, and every alias, is traced as one span named after the command."""

from __future__ import annotations

from checks import workload_ids
from checks.cases import mark_not_written, no_spans_case, spans_text
from checks.check import Check
from checks.report import Case


def _observed(spans: list[dict]) -> str:
    if not spans:
        return "no span"
    if len(spans) == 1:
        return f"1 span, resource {spans[0].get('resource')!r}"
    return f"{spans_text(len(spans))}, resources {', '.join(repr(s.get('resource')) for s in spans)}"


def _judge(context, probe, setting) -> list[Case]:
    profile = context.profile
    stubs = probe.result["not_written"]
    errors = probe.result["errors"]
    if not probe.spans and not stubs and not errors:
        return [no_spans_case(profile)]
    # (the window's label: the attribute called, the command it stands for, the case's name)
    calls = [(command, command, command) for command in profile.covered_commands]
    calls += [(alias, command, f"{alias} (alias of {command})") for alias, command in profile.aliases.items()]
    cases = []
    for called, command, name in calls:
        resource = profile.resource(command)
        spans = probe.spans_in(called)
        observed = _observed(spans)
        if called in errors:
            observed += f"; the command raised {errors[called]}"
        passed = called not in errors and len(spans) == 1 and spans[0].get("resource") == resource
        case = Case(name, passed, observed=observed, expected=f"1 span, resource {resource!r}",
                    hint=HINT_RAISED if called in errors else _hint(profile, called, command, spans))
        cases.append(mark_not_written(case, stubs[called]) if called in stubs else case)
    return cases


# The library alone never raises in this workload: an error is the wrapper's own.
HINT_RAISED = ("the command raised through the integration: fix the error named above in the wrapper "
               "(a typo, a name not defined or not imported, a tag computed from a missing value)")


def _hint(profile, called: str, command: str, spans: list[dict]) -> str:
    if not spans and called != command:
        return (f"wrap Client.{called} as well: {profile.library} stores {command} under this second name "
                "too, and wrapping one attribute leaves the other untouched")
    if not spans:
        return (f"wrap Client.{command} as well: list every data command of "
                f"{profile.client_class} in patch(), not only get and set")
    if len(spans) > 1:
        return "one command must make one span: do not trace both a method and the method it calls"
    example = profile.alias_example
    return (f"set the span's resource to the command's name, {profile.resource(command)!r}"
            + (f" (report aliases such as {example} under the command they stand for)" if example else ""))


CHECK = Check(
    id="coverage", title="Coverage", chapter="04-tracing-commands", workload=workload_ids.COVERAGE,
    promise=lambda profile: (
        "the client's data commands (reads, writes, deletes, counters, multi-key commands) are each traced "
        "as one span whose resource is the command" + (
            f"; an alias such as {profile.alias_example} is reported as the command it stands for"
            if profile.aliases else "")),
    summary="Every data command and alias is traced, with the command as the span's resource.",
    judge=_judge, needs_spans=False)
