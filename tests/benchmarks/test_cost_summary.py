"""The cost benchmark's summary: the breakdown it prints adds up to the total it prints.

The figures are made up (a summary is arithmetic on measured runs; the runs themselves come
only from `make bench`). Each run's parts differ, so parts taken as medians one by one, from
different runs, would not add up: the defect this test guards against."""

from __future__ import annotations

from benchmarks.integration_cost import GUIDE, SPAN, SPAN_TAGS, TOTAL, WRAPPER, summarize
from checks.probe.workloads.overhead import BUILTIN, COMMANDS, UNTRACED

SENDING = "writer thread: sending (CPU, beside it)"


def _run(untraced: float, wrapper: float, span: float, tags: float, guide: float, parts: dict) -> dict:
    added = {UNTRACED: 0.0, WRAPPER: wrapper, SPAN: span, SPAN_TAGS: tags, GUIDE: guide, BUILTIN: guide + 5}
    best = {mode: {command: {clock: untraced + cost for clock in ("wall", "cpu", "main")} for command in COMMANDS}
            for mode, cost in added.items()}
    threads = {mode: {command: 1.0 for command in COMMANDS} for mode in (UNTRACED, GUIDE)}
    return {"best": best, "span_parts": parts, "other_threads": threads, "load": [0.5, 0.5]}


def test_the_printed_parts_add_up_to_the_printed_total():
    runs = [_run(20, 1, 40, 48, 60, {"creation": 10, "finishing": 25, "writer": 5}),
            _run(21, 3, 45, 50, 70, {"creation": 12, "finishing": 20, "writer": 8}),
            _run(19, 2, 38, 47, 65, {"creation": 9, "finishing": 26, "writer": 6})]
    for command, parts in summarize(runs)["breakdown"].items():
        shown = {name: value for name, value in parts.items() if name not in (TOTAL, SENDING)}
        assert abs(sum(shown.values()) - parts[TOTAL]) < 1e-9, (command, parts)
        assert parts[TOTAL] == 65  # the run with the median total, whole
