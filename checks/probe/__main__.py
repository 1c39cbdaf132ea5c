"""Entry point of a check's subprocess: ``python -m checks.probe`` < request.json.

The kit runs it in a fork of a zygote of checks/probe/forkserver.py (zygote.py), which has
already tied its life to the zygote's (forking.fork_tied) and put it in its own session
(become_probe).

The request names the workload, the library profile (whose package holds the workload,
the client and the recorder), the target and the server. The last line on
stdout is the result (see protocol.py); everything else the integration prints is left
alone. Exit status 0 means a result was printed, whatever it says.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback

from checks.keys import scrub
from checks.probe import describe_error
from harness.tracing import flush_tracer  # standard library only: the probe stays light


def _outside_kit(error: BaseException) -> str:
    """The traceback of a crash without the kit's own frames: the integration's and the
    library's lines are the ones the reader can act on."""
    kit = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if not os.path.abspath(frame.filename).startswith(kit + os.sep)]
    text = "".join(traceback.format_list(frames[-6:]))
    return scrub(text + "".join(traceback.format_exception_only(type(error), error)))


def main() -> int:
    request = json.load(sys.stdin)

    from checks.probe.protocol import encode
    from checks.profiles import get_profile

    profile = get_profile(request["profile"])
    library = importlib.import_module(profile.workloads)  # the profile's client and recorder
    recorder = library.LibraryRecorder()
    recorder.install()  # before the integration is imported: it must wrap the recorder

    from checks.probe.context import ProbeContext
    from checks.probe.loader import TargetError, load_integration

    target = request["target"]
    context = None
    try:
        integration = load_integration(target["module"], target["path_entry"])
        context = ProbeContext(integration, tuple(request["server"]), recorder, library.new_client, profile)
        workload = importlib.import_module(f"{profile.workloads}.{request['workload']}")
        context.stubs.install()
        try:
            result = workload.run(context)
        finally:
            context.stubs.uninstall()
        payload = {"result": result, "windows": context.windows}
    except TargetError as error:
        payload = {"target_error": str(error)}
    except BaseException as error:  # a crash of the workload caused by the integration
        stub = context.stubs.origin(error) if context else None
        if stub:  # work to do, not a defect: the checks say "not written yet"
            payload = {"not_written": {**stub, "during": context.stage}, "windows": context.windows}
        else:
            payload = {"crash": scrub(describe_error(error)), "traceback": _outside_kit(error)}
    if context:
        payload.update(facts=context.facts, stubs_seen=context.stubs.seen)
    # Now, so the parent finds the spans at the agent; a failure to send is logged by
    # ddtrace, and the parent reads our stderr.
    flush_tracer()
    print(encode(payload), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
