"""A zygote: a fork of the server that has imported ddtrace under one probe environment.

ddtrace reads its settings (naming schema, service, agent URL, the integration switches)
from the environment when it is imported, and that import is most of a probe's CPU. Probes
whose environments are the same but for their test agent session therefore share one
zygote: it imports ddtrace once, under exactly that environment, working directory and
``sys.argv`` (ddtrace derives its process tags from the last two), and forks each of them.
A fork of an imported ddtrace is a case ddtrace handles itself (pre-forking servers such as
gunicorn's): its fork hooks give the child a new runtime id and a new writer.

What a fresh process would differ in, and how each probe gets it:
- its agent session: the zygote imports ddtrace without one. After a fork ddtrace makes its
  writer anew when the first span is written, reading the session from the environment
  then: the probe's own (tests/checks/test_zygote.py holds ddtrace to that);
- what the import printed: kept, and written first into each probe's stderr.

A zygote that cannot import ddtrace only costs the speed: its probes are forked by the
server and import ddtrace themselves, failing as a fresh process would.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import sys
import tempfile

# The one setting that differs between probes of one zygote: the test agent session.
SESSION_SETTING = "_DD_TRACE_WRITER_ADDITIONAL_HEADERS"
# Left out of the key, not of the probe's environment: variables that change all the time
# and that nothing a probe imports reads (pytest names the running test in one).
NOT_KEYED = {SESSION_SETTING, "PYTEST_CURRENT_TEST"}
# sys.argv[0] when `python -m checks.probe` imports ddtrace (runpy sets it so).
PROBE_MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__main__.py")

# What integrations import from ddtrace beside the tracer (the guide's, ddtrace's own): about
# 50 modules, and loading them was most of a probe's CPU once ddtrace itself was loaded. They
# are imported under the probe's environment like the tracer. A target that does not import
# them finds them loaded all the same: they define helpers and subscribe ddtrace's handlers to
# events that only integrations written on ddtrace's core API send. The built-in integrations'
# own modules are not imported (one registers its settings when imported, which a fresh
# process checking another target would not have).
INTEGRATION_HELPERS = (
    "ddtrace.contrib.trace_utils", "ddtrace.contrib.internal.trace_utils", "ddtrace.ext.db",
    "ddtrace.ext.memcached", "ddtrace.ext.net", "ddtrace.ext.redis", "ddtrace.internal.schema",
    "ddtrace.internal.utils.formats",
)

_startup_output = b""  # what importing ddtrace printed, for every probe's stderr


def key(request: dict) -> str:
    """Requests with the same key can share a zygote: same environment but for the session,
    same working directory."""
    env = sorted((name, value) for name, value in request["env"].items() if name not in NOT_KEYED)
    return json.dumps([env, request["cwd"]])


def become_zygote(request: dict) -> None:
    """In the forked child: take the request's environment (less its session) and import
    ddtrace; raises what the import raised."""
    global _startup_output
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update({name: value for name, value in request["env"].items() if name != SESSION_SETTING})
    sys.argv[:] = [PROBE_MAIN]
    stderr = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            import ddtrace.trace  # noqa: F401  (the tracer, and with it the writer's settings)

            for name in INTEGRATION_HELPERS:
                try:
                    importlib.import_module(name)
                except ImportError:  # another ddtrace version: the probe imports what it has
                    pass
        except BaseException:
            # The server's log gets what it printed before failing (the server adds the
            # traceback); a zygote that started leaves the log to failures.
            os.write(2, _restored(stderr, captured))
            raise
        _startup_output = _restored(stderr, captured)
    gc.collect()
    gc.freeze()  # as in the server: the probes' collections leave the shared objects alone


def _restored(saved: int, captured) -> bytes:
    """Put stderr back from ``saved`` (a duplicate, then closed) and return what ``captured``
    holds."""
    sys.stderr.flush()
    os.dup2(saved, 2)
    os.close(saved)
    captured.seek(0)
    return captured.read()


def replay_startup_output() -> None:
    """In a probe forked from a zygote, once its stderr is its own: what importing ddtrace
    printed comes first, as in a fresh process."""
    if _startup_output:
        os.write(2, _startup_output)
