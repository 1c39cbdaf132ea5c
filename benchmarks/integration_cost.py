"""What the guide's integration adds to a memcached command, next to ddtrace's own, and why.

    .venv/bin/python -m benchmarks.integration_cost [--runs 3] [--rounds 20] [--per-block 200]

Each run is one process (benchmarks/_integration_cost_run.py) in which the modes take turns
on a real memcached, patched and unpatched between blocks; a mode's figure is its best block.
Figures from separate processes do not subtract (an untraced ``get`` took 63-74 µs in a
process without ddtrace, 21 µs in one with it), so every difference here is taken inside one
run, and the median over the runs is printed, with the load average during each run.

Each figure is given by the wall clock and by the process's CPU time, which a busy machine
disturbs far less. The guide's added cost is broken down, by the application thread's CPU
time, by subtracting modes of the same run: wrapper (a pass-through wrapt wrapper), span
creation and span finishing (a bare span, split by timers around its parts), the writer
(encoding each finished trace, on the application's thread; sending it, on the writer's
thread: the process's CPU time minus the main thread's), tagging (the same span with the
memcached tags), and the rest: the guide's own code.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from checks.probe.workloads.overhead import BUILTIN, COMMANDS, UNTRACED
from checks.runner import python_executable
from harness import Services
from harness.tracing import child_env

ROOT = Path(__file__).resolve().parents[1]
# The modes of a run beyond the check's (the measuring process runs them all).
WRAPPER, SPAN, SPAN_TAGS, GUIDE, TIMED = "wrapper", "span", "span + tags", "guide", "span, timed parts"
GOAL = 0.7  # the guide's added cost, at most this share of the built-in's (issue 13)
TOTAL = "= the guide's added CPU, main thread"
SHOWN = ((GUIDE, "the guide's integration"), (BUILTIN, "ddtrace's pymemcache"), (SPAN_TAGS, "bare span, same tags"))


def one_run(rounds: int, per_block: int) -> dict:
    """One measuring process, with services of its own (the test agent keeps every span it gets)."""
    with Services(memcached=True, redis=False, agent=True, timeout=60) as services:
        return _measure(services, rounds, per_block)


def _measure(services: Services, rounds: int, per_block: int) -> dict:
    env = child_env({"DD_SERVICE": "bench-app", "DD_TRACE_AGENT_URL": services.agent_url, "PYTHONPATH": str(ROOT)})
    host, port = services.memcached.address
    argv = [python_executable(), "-m", "benchmarks._integration_cost_run", f"{host}:{port}", str(rounds),
            str(per_block)]
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def added(run: dict, mode: str, command: str, clock: str = "wall") -> float:
    return run["best"][mode][command][clock] - run["best"][UNTRACED][command][clock]


def breakdown(run: dict, command: str) -> dict[str, float]:
    """The guide's added cost in parts (µs), from differences inside this run, by the main
    thread's CPU clock (steadier than the wall clock on a busy machine), and the writer
    thread's CPU beside it."""
    def main(mode: str) -> float:
        return added(run, mode, command, "main")

    span = main(SPAN)
    parts = run["span_parts"]
    timed = sum(parts.values()) or 1.0
    tagging = main(SPAN_TAGS) - span
    sending = run["other_threads"][GUIDE][command] - run["other_threads"][UNTRACED][command]
    return {"wrapper (wrapt)": main(WRAPPER),
            "span creation": span * parts["creation"] / timed,
            "span finishing (processors)": span * parts["finishing"] / timed,
            "writer: encoding the trace": span * parts["writer"] / timed,
            "tagging (the memcached tags)": tagging,
            "the guide's own code (settings, helpers)": main(GUIDE) - main(WRAPPER) - span - tagging,
            TOTAL: main(GUIDE),
            "writer thread: sending (CPU, beside it)": sending}


def summarize(runs: list[dict]) -> dict:
    """Medians over the runs: added µs per mode, clock and command; ratios; the breakdown."""
    median = statistics.median
    figures = {mode: {clock: {command: median(added(run, mode, command, clock) for run in runs) for command in COMMANDS}
                      for clock in ("wall", "cpu")} for mode, _ in SHOWN}
    untraced = {clock: {command: median(run["best"][UNTRACED][command][clock] for run in runs) for command in COMMANDS}
                for clock in ("wall", "cpu")}
    ratios = {clock: {command: median(added(run, GUIDE, command, clock) / added(run, BUILTIN, command, clock)
                                      for run in runs) for command in COMMANDS} for clock in ("wall", "cpu")}
    # The breakdown of one run, the one with the median total: medians taken part by part
    # come from different runs and would not add up to any total.
    parts = {command: breakdown(sorted(runs, key=lambda run: breakdown(run, command)[TOTAL])[len(runs) // 2], command)
             for command in COMMANDS}
    return {"added": figures, "untraced": untraced, "ratio": ratios, "breakdown": parts,
            "loads": [run["load"] for run in runs]}


def print_summary(summary: dict, runs: int) -> None:
    console = Console(width=120)
    table = Table(title=f"Added cost per command, µs (median of {runs} runs; best block of each mode)")
    for header in ("mode", "get, wall", "set, wall", "get, CPU", "set, CPU"):
        table.add_column(header, justify="left" if header == "mode" else "right")
    table.add_row("untraced command (absolute)", *(f"{summary['untraced'][clock][command]:.1f}"
                                                    for clock in ("wall", "cpu") for command in COMMANDS))
    for mode, label in SHOWN:
        table.add_row(label, *(f"{summary['added'][mode][clock][command]:.1f}"
                               for clock in ("wall", "cpu") for command in COMMANDS))
    console.print(table)
    for clock, name in (("wall", "wall clock"), ("cpu", "CPU time, steadier on a busy machine")):
        for command in COMMANDS:
            ratio = summary["ratio"][clock][command]
            verdict = "meets" if ratio <= GOAL else "misses"
            console.print(f"{command}: the guide's added cost is {ratio:.2f}x the built-in's ({name}, "
                          f"median of {runs}); {verdict} the goal of at most {GOAL}x")
    parts = Table(title="Where the guide's added cost goes, CPU µs per command (the run with the median total)")
    parts.add_column("part")
    for command in COMMANDS:
        parts.add_column(command, justify="right")
    for name in summary["breakdown"][COMMANDS[0]]:
        parts.add_row(name, *(f"{summary['breakdown'][command][name]:.1f}" for command in COMMANDS))
    console.print(parts)
    console.print("load average (1 min) before/after each run: "
                  + ", ".join(f"{before:.1f}/{after:.1f}" for before, after in summary["loads"]))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.integration_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="measuring processes; the median is printed (default 3)")
    parser.add_argument("--rounds", type=int, default=20, help="blocks per mode and command in a run (default 20)")
    parser.add_argument("--per-block", type=int, default=200, help="commands per block (default 200)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON too")
    args = parser.parse_args(sys.argv[1:])
    runs = [one_run(args.rounds, args.per_block) for _ in range(args.runs)]
    summary = summarize(runs)
    print_summary(summary, args.runs)
    if args.json:
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
