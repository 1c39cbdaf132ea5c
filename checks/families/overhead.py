"""Overhead: what the integration adds to each command, next to ddtrace's own integration.

The workload (checks/probe/workloads/overhead.py) times the untraced client, the target,
ddtrace's own integration and a bare span with the same tags, interleaved in one process,
by the wall clock and the process's CPU time. Figures from a shared, busy machine are
rough, so the check fails only on a gross cost, and always shows the figures (each mode's
best block, less the untraced command's).
"""

from __future__ import annotations

from checks import workload_ids
from checks.check import Check
from checks.probe.workloads.overhead import BARE_SPAN, BUILTIN, COMMANDS, TARGET, UNTRACED
from checks.report import Case

# The verdict reads the application thread's CPU time: it grows far less than the wall clock
# while other processes hold the CPU, and, unlike the whole process's, it does not catch the
# tracer's writer thread sending the spans of an earlier block. Gross is more than FACTOR times
# the built-in's added CPU (once over FLOOR_US), or a millisecond of CPU beyond it; the latency
# fails only when it is LATENCY_EXCESS_US beyond the built-in's, in the best blocks and in the
# typical ones alike (an integration that blocks, sleeping or waiting on the network, is slow in
# every block; a loaded machine delays some blocks of every mode).
FACTOR = 4
FLOOR_US = 250
CPU_EXCESS_US = 1000
LATENCY_EXCESS_US = 5000

HINT = ("find what the wrapper does on every command that it could do once, in patch() or at import: "
        "reading files or package metadata (importlib.metadata), walking the stack, compiling or "
        "formatting, network calls, sleeping; per command, create the span and set its tags, nothing more")


def _added(best: dict, mode: str, command: str, clock: str) -> float:
    return best[mode][command][clock] - best[UNTRACED][command][clock]


def _case(best: dict, typical: dict, command: str) -> Case:
    target, builtin, bare = (_added(best, mode, command, "wall") for mode in (TARGET, BUILTIN, BARE_SPAN))
    target_cpu, builtin_cpu = (_added(best, mode, command, "main") for mode in (TARGET, BUILTIN))
    # The target's best block against the built-in's typical one: on a busy machine a best
    # block can be lucky, and the verdict must not turn on luck.
    usual_cpu, usual_wall = (_added(typical, BUILTIN, command, clock) for clock in ("main", "wall"))
    blocks = min(target, _added(typical, TARGET, command, "wall")) - usual_wall
    gross = (target_cpu > max(FACTOR * usual_cpu, FLOOR_US) or target_cpu - usual_cpu > CPU_EXCESS_US
             or blocks > LATENCY_EXCESS_US)
    observed = (f"{target:.0f} µs ({target_cpu:.0f} µs CPU); ddtrace's own {builtin:.0f} µs ({builtin_cpu:.0f} µs "
                f"CPU), a bare span {bare:.0f} µs; the command untraced {best[UNTRACED][command]['wall']:.0f} µs")
    expected = (f"CPU at most {FACTOR}x ddtrace's own (or {FLOOR_US} µs) and {CPU_EXCESS_US / 1000:g} ms beyond it; "
                f"latency at most {LATENCY_EXCESS_US / 1000:g} ms beyond it")
    return Case(f"{command}: added cost per command", not gross, observed=observed, expected=expected, hint=HINT)


def _judge(context, probe, setting) -> list[Case]:
    return [_case(probe.result["best"], probe.result["typical"], command) for command in COMMANDS]


CHECK = Check(
    id="overhead", title="Overhead", chapter="07-putting-it-together", workload=workload_ids.OVERHEAD,
    promise=lambda profile: (
        f"tracing a command costs the application about what ddtrace's own {profile.library} integration "
        "costs, never many times more: measured against the untraced client in the same process, with "
        "a bare span as the tracer's floor"),
    summary="Added latency per get and set, next to ddtrace's own integration and a bare span (in one process).",
    judge=_judge, needs_spans=False)
