"""Invisible to the application: same results, same arguments, each command run once."""

from __future__ import annotations

from checks import workload_ids
from checks.cases import mark_not_written
from checks.check import Check
from checks.report import Case

HINT_ONCE = ("call the wrapped method exactly once per command (`return wrapped(*args, **kwargs)`), "
             "never again to retry or to read the result")
HINT_RAISED_FIRST = ("the wrapper raised before it called the library: fix the error named above "
                     "(a typo, a name not defined or not imported) in the code before `wrapped(...)`")
HINT_RESULT = ("return what the wrapped method returned, as it is: tag the span from the result "
               "but never convert, copy or replace it")
HINT_ARGS = ("pass the application's arguments on as they came, `wrapped(*args, **kwargs)`: do not "
             "re-order them, fill in defaults, turn keywords into positions or convert keys")


def _first(pairs, differs):
    found = [(plain, traced) for plain, traced in pairs if differs(plain, traced)]
    return found[0] if found else None, len(found)


def _more(count: int) -> str:
    return f" (and {count - 1} more calls)" if count > 1 else ""


def _case(name, wrong, observed, expected, hint) -> Case:
    case = Case(name, wrong is None, observed, expected, hint)
    stub = wrong and wrong[1]["not_written"]
    # The call stopped in a stub: its result or arguments say nothing about the wrapper yet.
    return mark_not_written(case, stub) if stub else case


def _judge(context, probe, setting) -> list[Case]:
    cases = []
    pairs = list(zip(probe.result["uninstrumented"], probe.result["instrumented"]))

    wrong, count = _first(pairs, lambda plain, traced: plain["library_calls"] != traced["library_calls"])
    hint = HINT_ONCE
    if wrong:
        plain, traced = wrong
        ran = traced["library_calls"]
        observed = (f"{traced['call']}: the library ran {len(ran)} time{'s' if len(ran) != 1 else ''}"
                    f" ({', '.join(ran) or 'nothing'}){_more(count)}")
        if not ran and traced["outcome"] != plain["outcome"]:  # the wrapper raised before calling it
            observed += f"; the integration raised {traced['outcome']}"
            hint = HINT_RAISED_FIRST
        expected = f"{len(plain['library_calls'])} call, as without the integration"
    else:
        observed = expected = "each call runs the library once"
    cases.append(_case("each command runs exactly once", wrong, observed, expected, hint))

    wrong, count = _first(pairs, lambda plain, traced: plain["outcome"] != traced["outcome"]
                          or (plain["same_object"] and not traced["same_object"]))
    if wrong:
        plain, traced = wrong
        copied = " (an equal copy, not the library's object)" if plain["outcome"] == traced["outcome"] else ""
        observed = f"{traced['call']} gave {traced['outcome']}{copied}{_more(count)}"
        expected = f"{plain['outcome']}, the library's own object"
    else:
        observed = expected = "the library's own values, unchanged"
    cases.append(_case("return values are unchanged", wrong, observed, expected, HINT_RESULT))

    wrong, count = _first(pairs, lambda plain, traced: not (traced["positional_unchanged"]
                                                            and traced["keywords_unchanged"]))
    if wrong:
        plain, traced = wrong
        observed = f"the library got {traced['library_saw'] or 'no call'}{_more(count)}"
        expected = f"{traced['call']}"
    else:
        observed = expected = "the application's arguments, as passed"
    cases.append(_case("arguments reach the library unchanged", wrong, observed, expected, HINT_ARGS))
    return cases


CHECK = Check(
    id="invisible", title="Invisible to the application", chapter="04-tracing-commands",
    workload=workload_ids.INVISIBLE,
    promise=lambda profile: (
        "with the integration, every call returns the very value the library returned, its "
        "positional and keyword arguments reach the library unchanged, and the library runs "
        "each command exactly once"),
    summary="Same return values and arguments as without the integration; each command runs once.",
    judge=_judge, needs_spans=False)
