"""Run one probe: a new Python process (a fork of checks/probe/forkserver.py) that runs a
workload through the integration.

Each run gets its own test agent session (so parallel runs never see each other's spans),
a clean environment (nothing inherited from the caller's tracer settings), and a timeout:
a probe that hangs is killed with its whole process group and reported as hung.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from checks import launcher
from checks.profiles import APP_SERVICE, Profile
from checks.probe.protocol import decode
from checks.target import Target
from harness.tracing import child_env

ROOT = Path(__file__).resolve().parent.parent
# Seconds per probe. A correct one takes well under one on a quiet machine, but a run starts
# all its probes at once (19 for every check), each needing about a CPU-second to import
# ddtrace: on two cores shared with other work (load 20-35) one took over 20 s in CI.
DEFAULT_TIMEOUT = 60.0

# On top of the quiet defaults of every traced child (harness.tracing.CHILD_DEFAULTS);
# the caller's own DD_* settings (a notebook kernel's tracer, a shell's DD_SERVICE) are
# never inherited.
PROBE_ENV = {"DD_SERVICE": APP_SERVICE}


def python_executable() -> str:
    venv_python = ROOT / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


def probe_env(target: Target, profile: Profile, session_env: dict[str, str],
              extra: dict[str, str] | None = None) -> dict[str, str]:
    # A target that is not built in switches the library's built-in off: under ddtrace-run
    # it would replace the client and hide this integration.
    switch = ({f"DD_TRACE_{target.name.upper()}_ENABLED": "true"} if target.builtin
              else {f"DD_TRACE_{profile.builtin_setting}_ENABLED": "false"})
    return child_env(PROBE_ENV, switch, session_env, extra or {})


def probe_request(services, target: Target, profile: Profile, workload: str) -> dict:
    """What a probe reads on stdin: the workload, the profile, the target and its server."""
    return {"workload": workload, "profile": profile.name, "target": target.to_probe(),
            "server": list(getattr(services, profile.server).address)}


@dataclass
class ProbeRun:
    payload: dict | None            # what the probe printed (None: it crashed or hung)
    spans: list[dict] = field(default_factory=list)
    hung: bool = False
    exit_code: int | None = None
    stderr_tail: str = ""
    session: object = None          # the agent session, for a snapshot comparison
    send_failed: bool = False       # the tracer logged that it could not deliver spans

    @property
    def target_error(self) -> str | None:
        return (self.payload or {}).get("target_error")

    @property
    def crash(self) -> str | None:
        return (self.payload or {}).get("crash")

    @property
    def not_written(self) -> dict | None:
        """A stub that stopped the workload: {'function', 'file', 'line', 'during'}."""
        return (self.payload or {}).get("not_written")

    @property
    def stubs_seen(self) -> list[dict]:
        """Every stub that raised, including those the integration caught itself."""
        return (self.payload or {}).get("stubs_seen") or []

    @property
    def facts(self) -> dict:
        return (self.payload or {}).get("facts") or {}

    @property
    def result(self) -> dict:
        return (self.payload or {}).get("result") or {}

    @property
    def windows(self) -> list[dict]:
        return (self.payload or {}).get("windows") or []

    def spans_in(self, label: str) -> list[dict]:
        """The spans that started during the window of that label, oldest first."""
        for window in self.windows:
            if window["label"] == label:
                return [s for s in self.spans if window["begin"] <= s["start"] <= window["end"]]
        # An unknown label is a bug of the check; "no spans" would let it pass silently.
        raise KeyError(f"no probe window labelled {label!r}")


def _tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_probe(services, target: Target, profile: Profile, workload: str, timeout: float = DEFAULT_TIMEOUT,
              extra_env: dict[str, str] | None = None, token: str | None = None) -> ProbeRun:
    """Run ``workload`` (a checks.workload_ids id) of ``profile`` on ``target``; ``token``
    names the agent session (default: a fresh one)."""
    session = services.agent_client.session(token).start()
    request = probe_request(services, target, profile, workload)
    env = probe_env(target, profile, session.env(), extra_env)
    # A fork of the zygote that imported ddtrace under this environment (checks/probe/zygote.py):
    # the same process as `python -P -m checks.probe` would be, for less CPU.
    try:
        process = launcher.launch(python_executable(), env, json.dumps(request))
    except launcher.LauncherError as error:
        return ProbeRun(payload={"crash": f"the probe did not start: {error}"}, session=session)
    try:
        exit_code = process.wait(timeout)
        hung = False
    except TimeoutError:
        _kill_group(process.pid)
        try:  # reaped by the server, which tells us
            exit_code = process.wait(5)
        except (TimeoutError, launcher.LauncherError):
            exit_code = None
        hung = True
    except launcher.LauncherError as error:
        return ProbeRun(payload={"crash": str(error)}, session=session)
    stdout, stderr = process.output()
    payload = None if hung else decode(stdout)
    spans = [span for trace in session.traces() for span in trace]
    spans.sort(key=lambda span: span["start"])
    return ProbeRun(payload=payload, spans=spans, hung=hung, exit_code=exit_code,
                    stderr_tail=_tail(stderr), session=session,
                    send_failed="failed to send" in stderr)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
