"""The how-to's integration checklist, each item's status computed from the repository.

Items are answered from files (tests, snapshots, CI scripts, the package's code) and from
a check report the caller already has, so building the checklist runs nothing slow.
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from traceview.tables import Table

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Item:
    section: str
    item: str
    done: bool
    evidence: str


def _snapshot_tests(test_dir: Path) -> dict[str, str]:
    """{test function name: its snapshot file name} for tests marked @pytest.mark.snapshot."""
    tests = {}
    for path in sorted(test_dir.glob("test_*.py")) if test_dir.is_dir() else []:
        module = ".".join(path.relative_to(test_dir.parents[2]).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                    "mark.snapshot" in ast.unparse(d) for d in node.decorator_list):
                tests[node.name] = f"{module}.{node.name}.json"
    return tests


def _calls(package_file: Path) -> set[str]:
    tree = ast.parse(package_file.read_text()) if package_file.exists() else ast.Module([], [])
    return {node.func.id for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}


def _case_passed(report, check: str, case_name: str) -> bool:
    """True when the check has cases of that name and all of them passed."""
    if not _has(report, check):
        return False
    cases = [c for c in report[check].cases if c.name == case_name]
    return bool(cases) and all(c.passed for c in cases)


def checklist(report, name: str = "memcached", repo: Path = REPO) -> list[Item]:
    """The how-to's checklist for integrations/<name>, given a check report of it."""
    package = repo / "integrations" / name / "patch.py"
    test_dir = repo / "tests" / "contrib" / name
    snapshots = repo / "tests" / "snapshots"
    tests = _snapshot_tests(test_dir)
    recorded = [test for test, file in tests.items() if (snapshots / file).exists()]

    ci_script = repo / ".ci" / "run"
    pyproject = repo / "pyproject.toml"
    testpaths = tomllib.loads(pyproject.read_text()).get("tool", {}).get("pytest", {}).get(
        "ini_options", {}).get("testpaths", []) if pyproject.exists() else []
    ci_runs_tests = ci_script.exists() and "make test" in ci_script.read_text()
    collected = any(test_dir.is_relative_to(repo / p) for p in testpaths)
    conftest = repo / "tests" / "conftest.py"
    agent_plugin = conftest.exists() and "agent_snapshots" in conftest.read_text()

    schemas = {s: [t for t in recorded if re.search(rf"service_naming_{s}", t)] for s in ("default", "v0", "v1")}
    calls = _calls(package)
    schema_check = _has(report, "schema") and report["schema"].passed
    peer = _case_passed(report, "schema", "peer.service")

    return [
        Item("General", "Includes tests", bool(tests),
             f"{len(tests)} snapshot tests in tests/contrib/{name}/"),
        Item("General", "The CI suite includes the integration's tests", ci_runs_tests and collected,
             f".ci/run runs `make test`: {ci_runs_tests}; tests/contrib/{name} is under pytest's "
             f"testpaths {testpaths}: {collected}"),
        Item("Service naming", "(a) a default service name, (b) the service name schema",
             "schematize_service_name" in calls and schema_check,
             f"schematize_service_name() in patch.py: {'schematize_service_name' in calls}; "
             f"schema check passed: {schema_check}"),
        Item("Service naming", "Tests for each schema (default, v0, v1), sent to the test agent",
             all(schemas.values()),
             "; ".join(f"{s}: {', '.join(t) or 'none'}" for s, t in schemas.items())),
        Item("Service naming", "CI includes the test agent tests", ci_runs_tests and collected and agent_plugin
             and bool(recorded),
             f"{len(recorded)} of {len(tests)} snapshot tests have a committed snapshot; "
             f"tests/conftest.py loads the agent plugin: {agent_plugin}"),
        Item("Service naming", "Operation names follow OpenTelemetry; peer.service is supported",
             "schematize_cache_operation" in calls and peer,
             f"schematize_cache_operation() in patch.py: {'schematize_cache_operation' in calls}; "
             f"peer.service case of the schema check passed: {peer}"),
    ]


def _has(report, check: str) -> bool:
    try:
        report[check]
        return True
    except KeyError:
        return False


def as_table(items: list[Item]) -> Table:
    return Table(["", "section", "item", "evidence"],
                 [["✓" if i.done else "✗", i.section, i.item, i.evidence] for i in items])
