"""Concurrency: commands made by many threads at once each get a span of their own, right."""

from __future__ import annotations

import re
from collections import Counter

from checks import workload_ids
from checks.cases import no_spans_case, spans_text
from checks.check import Check, Setting
from checks.keys import scrub
from checks.probe.plans import COMMANDS, THREADS, thread_resource
from checks.probe.plans import THREAD_SPAN as APP_SPAN
from checks.probe.plans import THREADS_WINDOW as WINDOW
from checks.report import Case
from traceview.spans import tag

TOTAL = THREADS * COMMANDS
HINT_STATE = ("keep what belongs to one command in the wrapper's local variables (the span, the "
              "arguments, the result), never in a module-level or client-level variable: another "
              "thread overwrites it between the command's start and its end")
HINT_EVERY_TIME = ("every {command} span has it wrong, in every thread: the same mistake would show in "
                   "a single thread, so it is no race; fix the value itself (the span_shape and "
                   "coverage checks say how)")
HINT_COUNT = ("make exactly one span per command, whichever thread makes it: wrap every command the "
              "threads use ({commands}), once")
HINT_PARENT = ("open the span with `tracer.trace(...)`: the active span is per thread (a contextvar), so "
               "each span joins its own thread's trace; keep no span or context in a shared variable")
_KEY = re.compile(r"checks-[0-9a-f]{10}-[\w-]+")  # a probe's namespaced key (checks.keys)


def _rows(span: dict):
    return tag(span, "db.row_count")


def _attribute(spans: list[dict]) -> tuple[dict[int, list[dict]], list[dict]]:
    """Each thread's command spans (its span's children, oldest first), and the spans that are
    no thread's child."""
    thread_of = {thread_resource(thread): thread for thread in range(THREADS)}
    threads = {span["span_id"]: thread_of[span.get("resource")] for span in spans
               if span["name"] == APP_SPAN and span.get("resource") in thread_of}
    by_thread: dict[int, list[dict]] = {thread: [] for thread in threads.values()}
    stray = []
    for span in spans:
        if span["name"] == APP_SPAN:
            continue
        thread = threads.get(span.get("parent_id"))
        (by_thread[thread] if thread is not None else stray).append(span)
    return by_thread, stray


def _tied(by_thread: dict) -> bool:
    """Whether each span can be tied to its command: every thread has exactly its commands' spans."""
    return all(len(by_thread.get(thread, ())) == COMMANDS for thread in range(THREADS))


def _count_case(commands: list[dict], used: list[str]) -> Case:
    return Case("one span per command", len(commands) == TOTAL,
                observed=f"{spans_text(len(commands))} for {TOTAL} commands",
                expected=f"{TOTAL} spans", hint=HINT_COUNT.format(commands=", ".join(used)))


def _parent_case(by_thread: dict, stray: list[dict]) -> Case:
    problems = [f"{spans_text(len(stray))} under no thread's span"] if stray else []
    problems += [f"thread {thread}'s span has {len(children)} children"
                 for thread, children in sorted(by_thread.items()) if len(children) != COMMANDS]
    if len(by_thread) != THREADS:
        problems.append(f"{len(by_thread)} thread spans arrived")
    return Case("each span is a child of its own thread's span", not problems,
                observed="; ".join(problems[:3]) or f"each thread's span has its {COMMANDS} commands' spans",
                expected=f"each of the {THREADS} thread spans has its {COMMANDS} commands' spans as children",
                hint=HINT_PARENT)


def _matched_case(name: str, plans: list[list[dict]], by_thread: dict, commands: list[dict],
                  value, planned, show) -> Case:
    """Compare each span's ``value`` with its command's ``planned`` one, span by span when the
    spans can be tied to their threads, or else as a whole (how many of each value)."""
    expected = "the value of its own command for every span"
    if _tied(by_thread):
        wrong = [(thread, index, step, span) for thread, steps in enumerate(plans)
                 for index, (step, span) in enumerate(zip(steps, by_thread[thread]))
                 if value(span) != planned(step)]
        if not wrong:
            return Case(name, True, observed=f"right on all {TOTAL} spans", expected=expected)
        thread, index, step, span = wrong[0]
        observed = (f"{len(wrong)} of {TOTAL} spans wrong, the first: thread {thread}'s command "
                    f"{index + 1}, {step['command']}, has {show(value(span))} instead of "
                    f"{show(planned(step))}")
        # A race gets some of a command's spans wrong; a mistake in the value itself, all of them.
        right_somewhere = {step["command"] for thread, steps in enumerate(plans)
                           for step, span in zip(steps, by_thread[thread]) if value(span) == planned(step)}
        hint = HINT_STATE if step["command"] in right_somewhere else HINT_EVERY_TIME.format(command=step["command"])
        return Case(name, False, observed=observed, expected=expected, hint=hint)
    # Missing spans are the count's to report: here, only values more frequent than the commands'.
    surplus = Counter(show(value(span)) for span in commands) - Counter(
        show(planned(step)) for steps in plans for step in steps)
    observed = "the spans are not tied to their threads; as a whole, " + (
        ", ".join(f"{shown} ×{count}" for shown, count in sorted(surplus.items())) + " too many" if surplus
        else "no value more often than the commands have it")
    return Case(name, not surplus, observed=observed, expected=expected, hint=HINT_STATE)


def _own_keys(plans: list[list[dict]], by_thread: dict) -> dict:
    """Span id -> the keys its command may name: its own command's, when every span is tied to
    its command; else those of the commands of its thread (of any thread, for a span in no
    thread's trace) that have its resource."""
    if _tied(by_thread):
        return {span["span_id"]: set(step["keys"]) for thread, steps in enumerate(plans)
                for step, span in zip(steps, by_thread[thread])}
    own = {}
    for thread, spans in by_thread.items():
        for span in spans:
            own[span["span_id"]] = {key for step in plans[thread] if step["resource"] == span.get("resource")
                                    for key in step["keys"]}
    return own


def _keys_case(plans: list[list[dict]], by_thread: dict, commands: list[dict]) -> Case:
    own = _own_keys(plans, by_thread)
    anywhere: dict = {}  # resource -> every key a command of that resource names
    for step in (step for steps in plans for step in steps):
        anywhere.setdefault(step["resource"], set()).update(step["keys"])
    named = wrong = 0
    example = ""
    for span in commands:
        keys = {key for value in span.get("meta", {}).values() if isinstance(value, str)
                for key in _KEY.findall(value)}
        named += bool(keys)
        foreign = keys - own.get(span["span_id"], anywhere.get(span.get("resource"), set()))
        if foreign:
            wrong += 1
            example = example or f"a {span.get('resource')} span names {scrub(sorted(foreign)[0])}"
    observed = (f"{wrong} spans name another command's key, e.g. {example}" if wrong else
                f"{named} spans name keys, each its own" if named else "no span names a key")
    return Case("no span names another command's key", not wrong, observed=observed,
                expected="only its own command's keys, if any", hint=HINT_STATE)


def _active_case(active: list[dict | None], main_after: str) -> Case:
    problems = [f"thread {thread}: {state['during']} active during its commands" for thread, state in
                enumerate(active) if state and not state["own"]]
    problems += [f"thread {thread}: {state['after']} left active" for thread, state in
                 enumerate(active) if state and state["after"] != "none"]
    if main_after != "none":
        problems.append(f"main thread: {main_after} active")
    return Case("each thread keeps its own active span, and nothing is left active", not problems,
                observed="; ".join(problems[:3]) or "each thread's own span, then none",
                expected="each thread's own span, then none", hint=HINT_PARENT)


def _settings(context) -> list[Setting]:
    # Some integrations (ddtrace's own) can tag the keys: let them, so mixed-up keys show.
    setting = context.profile.command_text_setting
    return [Setting(env={setting: "true"} if setting else {})]


def _judge(context, probe, setting) -> list[Case]:
    spans = probe.spans_in(WINDOW)
    commands = [span for span in spans if span["name"] != APP_SPAN]
    if not commands:
        return [no_spans_case(context.profile)]
    plans = [[{**step, "resource": context.profile.resource(step["command"])} for step in steps]
             for steps in probe.result["plans"]]
    by_thread, stray = _attribute(spans)
    return [
        _count_case(commands, probe.result["commands"]),
        _parent_case(by_thread, stray),
        _matched_case("each span has its own command's resource", plans, by_thread, commands,
                      lambda span: span.get("resource"), lambda step: step["resource"], repr),
        _matched_case("each span has its own command's db.row_count", plans, by_thread, commands,
                      _rows, lambda step: step["rows"], lambda v: "no row count" if v is None else f"{v:g}"),
        _keys_case(plans, by_thread, commands),
        _active_case(probe.result["active"], probe.result["main_after"]),
    ]


CHECK = Check(
    id="concurrency", title="Concurrency", chapter="12-beyond-caches", workload=workload_ids.CONCURRENCY,
    promise=lambda profile: (
        f"when {THREADS} threads issue commands at once, each command gets exactly one span, with "
        "its own resource, db.row_count and keys, in the trace of the thread that made it"),
    summary=("Threads at once: each command one span, with its own resource, row count and keys, in its "
             "thread's trace."),
    settings=_settings, judge=_judge, needs_spans=False)
