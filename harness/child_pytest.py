"""Run pytest in a child process and read back each test's outcome and failure message.

Snapshot behaviour is a matter of whole pytest sessions (options, CI mode, one agent per
session), so the plugin's tests and the testing chapter run real sessions in child
processes, and read each test's result, by node id, from the session's JUnit XML
(pytest's own ``pytester`` counts outcomes; these callers need each test's message).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from harness.tracing import child_env

INNER_TIMEOUT = 240  # seconds for one child session; a hang fails instead of blocking


@dataclass
class ChildRun:
    returncode: int
    output: str
    outcomes: dict[str, str]   # node id -> passed / failed / error / skipped
    messages: dict[str, str]   # node id -> failure or error text

    def failed(self) -> set[str]:
        return {nodeid for nodeid, outcome in self.outcomes.items() if outcome in ("failed", "error")}

    def passed(self) -> set[str]:
        return {nodeid for nodeid, outcome in self.outcomes.items() if outcome == "passed"}


def _nodeid(testcase: ElementTree.Element) -> str:
    module, name = testcase.get("classname", ""), testcase.get("name", "")
    return f"{module.replace('.', '/')}.py::{name}"


def _read_junit(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    outcomes, messages = {}, {}
    if not path.exists():
        return outcomes, messages
    for testcase in ElementTree.parse(path).iter("testcase"):
        nodeid = _nodeid(testcase)
        outcome, text = "passed", ""
        for child in testcase:
            if child.tag in ("failure", "error", "skipped"):
                outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[child.tag]
                # The element's text is the full report; its message attribute a shortened copy.
                text = (child.text or child.get("message") or "").strip()
                break
        # A test that failed and also errored in teardown appears once per phase: keep the worst.
        if outcomes.get(nodeid) in ("failed", "error") and outcome == "passed":
            continue
        outcomes[nodeid], messages[nodeid] = outcome, text
    return outcomes, messages


def pytest_env(**settings: str | None) -> dict[str, str]:
    """A traced child's environment (harness.tracing.child_env), without the shell's CI
    switch either: a child session is in CI mode only when a test says so."""
    return child_env({"CI": None}, settings)


def run_pytest(*args: str, cwd: Path, env: dict[str, str] | None = None,
               plugins_only: tuple[str, ...] | None = None) -> ChildRun:
    """``python -m pytest ARGS`` in ``cwd``. ``plugins_only``: load just these plugins (and the
    conftest files), not every installed one; a small project starts faster that way."""
    env = dict(env or pytest_env())
    selection = ["-p", "no:cacheprovider", "-p", "no:ddtrace"]
    if plugins_only is not None:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        selection = ["-p", "no:cacheprovider",
                     *(option for plugin in plugins_only for option in ("-p", plugin))]
    with tempfile.TemporaryDirectory(prefix="child-pytest-") as scratch:
        junit = Path(scratch) / "junit.xml"
        command = [sys.executable, "-m", "pytest", *selection,
                   f"--junitxml={junit}", "-o", "junit_family=xunit1", *args]
        try:
            done = subprocess.run(command, cwd=cwd, env=env, capture_output=True,
                                  text=True, timeout=INNER_TIMEOUT)
        except subprocess.TimeoutExpired as timeout:
            raise AssertionError(f"pytest {' '.join(args)} did not finish within {INNER_TIMEOUT} s:\n"
                                 f"{timeout.stdout or ''}") from None
        outcomes, messages = _read_junit(junit)
    return ChildRun(done.returncode, done.stdout + done.stderr, outcomes, messages)
