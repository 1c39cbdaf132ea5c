"""Entry point of a check's subprocess: ``python -m checks.probe`` < request.json.

The request names the family, the target and the memcached server. The last line on
stdout is the result (see protocol.py); everything else the integration prints is left
alone. Exit status 0 means a result was printed, whatever it says.
"""

from __future__ import annotations

import ctypes
import importlib
import json
import signal
import sys
import traceback


def _die_with_parent() -> None:
    # If the parent (a notebook kernel, the CLI) dies, a hung probe must not outlive it.
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


# These two stand alone rather than reuse harness (process.py, agent_snapshots): importing
# the harness package brings mirakuru and port-for, ~55 ms more in every probe process.
def _flush_tracer() -> None:
    # Send every finished span now, so the parent finds them at the agent when we exit.
    if "ddtrace" in sys.modules:
        from ddtrace.trace import tracer
        tracer.flush()


def main() -> int:
    _die_with_parent()
    request = json.load(sys.stdin)

    from checks.keys import scrub
    from checks.probe.protocol import encode
    from checks.probe.recorder import LibraryRecorder

    recorder = LibraryRecorder()
    recorder.install()  # before the integration is imported: it must wrap the recorder

    from checks.probe.context import ProbeContext
    from checks.probe.loader import TargetError, load_integration

    target = request["target"]
    try:
        integration = load_integration(target["module"], target["path_entry"])
        context = ProbeContext(integration, tuple(request["server"]), recorder)
        workload = importlib.import_module(f"checks.probe.workloads.{request['family']}")
        result = workload.run(context)
        payload = {"result": result, "windows": context.windows}
    except TargetError as error:
        payload = {"target_error": str(error)}
    except BaseException as error:  # a crash of the workload caused by the integration
        frames = traceback.format_exception(type(error), error, error.__traceback__)
        payload = {"crash": scrub(f"{type(error).__name__}: {error}"), "traceback": "".join(frames[-6:])}
    _flush_tracer()  # failures to send are logged by ddtrace; the parent reads its stderr
    print(encode(payload), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
