"""Threads issuing commands at once, each inside an application span of its own.

Each thread has its own client and its own keys, and a plan of commands whose outcomes
are known in advance (hits, misses, writes, multi-key reads with 1 to 3 keys found). The
threads are released together by a barrier, so their commands interleave. The parent
ties each span to its thread through its parent (the thread's span) and to its command
through its place in the thread's sequence.
"""

from __future__ import annotations

import sys
import threading

from ddtrace.trace import tracer

from checks.probe.plans import COMMANDS, THREADS, thread_resource
from checks.probe.plans import describe_span as _describe
from checks.probe.plans import THREAD_SPAN as APP_SPAN
from checks.probe.plans import THREADS_WINDOW as WINDOW


def plan(thread: int, key) -> list[dict]:
    """Thread ``thread``'s commands: command, arguments, keys, and the db.row_count expected
    (None: not a read). Threads start at different points of the cycle, so at any moment
    they run different commands with different outcomes."""
    present = [key(f"present-{thread}-{n}") for n in range(3)]
    steps = []
    for step in range(COMMANDS):
        absent = key(f"absent-{thread}-{step}")
        kind = (thread + step) % 5
        if kind == 0:
            steps.append({"command": "get", "args": [present[0]], "rows": 1})
        elif kind == 1:
            steps.append({"command": "get", "args": [absent], "rows": 0})
        elif kind == 2:
            steps.append({"command": "set", "args": [key(f"written-{thread}-{step}"), "v"], "rows": None})
        elif kind == 3:
            found = 1 + step % 3
            steps.append({"command": "get_many", "args": [present[:found] + [absent]], "rows": found})
        else:
            steps.append({"command": "delete", "args": [absent], "rows": None})
    for step in steps:
        first = step["args"][0]
        step["keys"] = first if isinstance(first, list) else [first]
    return steps




def _call(client, step: dict) -> None:
    extra = {} if step["command"].startswith("get") else {"noreply": False}
    getattr(client, step["command"])(*step["args"], **extra)


def _set_up(client, keys: dict) -> None:
    client.set_many(keys, noreply=False)


def run(context, plan=plan, call=_call, set_up=_set_up, commands=("get", "get_many", "set", "delete")) -> dict:
    """The threads' run; another library's workload passes its own plan (in its command
    names), the call that sends a step, the set-up of the keys found, and the commands used."""
    plans = [plan(thread, context.key) for thread in range(THREADS)]
    setup = context.new_client()  # before patch(): the set-up makes no spans
    for thread in range(THREADS):
        set_up(setup, {context.key(f"present-{thread}-{n}"): "v" for n in range(3)})
    setup.close()
    context.patch()
    clients = [context.new_client() for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS, timeout=30)
    watch_stubs = sys.gettrace()  # stubs the integration catches, seen in every thread
    active, errors = [None] * THREADS, [None] * THREADS

    def work(thread: int) -> None:
        sys.settrace(watch_stubs)
        try:
            barrier.wait()
            with tracer.trace(APP_SPAN, resource=thread_resource(thread)) as own:
                for step in plans[thread]:
                    call(clients[thread], step)
                during = tracer.current_span()
            active[thread] = {"own": during is own, "during": _describe(during),
                              "after": _describe(tracer.current_span())}
        except BaseException as error:
            errors[thread] = error
            barrier.abort()  # the other threads must not wait for this one
        finally:
            sys.settrace(None)

    with context.window(WINDOW, commands=THREADS * COMMANDS):
        threads = [threading.Thread(target=work, args=(n,), name=f"checks-{n}") for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for client in clients:
        client.close()
    # A stub, or a crash the integration caused: the probe reports it as for any workload.
    first = next((error for error in errors if error and not isinstance(error, threading.BrokenBarrierError)), None)
    if first is not None:
        raise first
    return {"plans": [[{k: step[k] for k in ("command", "keys", "rows")} for step in steps] for steps in plans],
            "active": active, "main_after": _describe(tracer.current_span()),
            "commands": list(commands)}
