"""The command line: exit status 0/1/2, one line per check, --json, bad targets diagnosed in
one line instead of a traceback, and half-written packages (starter stubs) checkable, not
rejected.

Each run of the command line starts its own services and probes, so a test asks it for the
checks it reads; a whole run of the guide's integration is the session's report (tests/checks/
conftest.py), printed by the command line's own code (checks.cli.show)."""

import io
import json
import subprocess
import sys

import pytest

from checks.cli import show
from checks.families import ORDER
from tests.checks.conftest import BUILTIN, GUIDE, REPO, broken


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "checks", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=timeout)


def check_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(("✓", "✗"))]


@pytest.mark.check_target(GUIDE)
def test_passing_integration_exits_0_with_a_line_per_check(check_report):
    out = io.StringIO()
    code = show(check_report(GUIDE), GUIDE, out=out)
    printed = out.getvalue()
    assert code == 0, printed
    lines = check_lines(printed)
    assert [line.split()[1] for line in lines] == list(ORDER)
    assert all(line.startswith("✓") for line in lines)
    assert f"{len(ORDER)} of {len(ORDER)} checks pass" in printed
    assert "DD_MEMCACHED_SERVICE" not in printed  # passing: schema's settings are not printed
    # The process itself exits 0 when what it checked passes (a static check: nothing starts).
    result = run_cli(GUIDE, "--check", "documented")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split()[:2] for line in check_lines(result.stdout)] == [["✓", "documented"]]


def test_name_sets_component_and_service_variable_for_a_module_target():
    # The patch module's own name would be 'patch': only --name makes the checks expect
    # pymemcache's component and DD_PYMEMCACHE_SERVICE, which ddtrace's integration has.
    result = run_cli(f"{BUILTIN}.patch", "--name", "pymemcache", "--check", "span_shape",
                     "--check", "schema", "--json")
    report = json.loads(result.stdout)
    assert report["name"] == "pymemcache", result.stderr
    shape, schema = report["checks"]
    # (its span_shape fails only on the row count it gets wrong: test_good_integrations)
    component = next(case for case in shape["cases"] if case["name"] == "component")
    assert component["passed"] and component["expected"] == "'pymemcache'"
    assert schema["passed"], schema
    assert "v0 + DD_PYMEMCACHE_SERVICE" in {case["setting"] for case in schema["cases"]}


def test_failing_check_exits_1_with_reason_and_hint():
    result = run_cli(broken("wrong_span_type"), "--check", "span_shape", "--check", "coverage")
    assert result.returncode == 1
    assert "✓ coverage" in result.stdout
    assert "✗ span_shape  span type: observed 'db', expected 'cache'" in result.stdout
    assert "how to fix: pass span_type=SpanTypes.CACHE" in result.stdout
    assert "1 of 2 checks pass" in result.stdout


def test_json_output_is_the_whole_report():
    result = run_cli(broken("wrong_span_type"), "--check", "span_shape", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == {"target", "name", "library", "passed", "error", "checks"}
    assert report["passed"] is False and report["name"] == "memcached" and report["error"] is None
    assert report["library"] == "pymemcache"
    (check,) = report["checks"]
    assert check["check"] == "span_shape" and check["passed"] is False
    assert check["reason"].startswith("span type: observed 'db'")
    case = next(case for case in check["cases"] if case["name"] == "span type")
    assert case == {"name": "span type", "passed": False, "observed": "'db'", "expected": "'cache'",
                    "hint": case["hint"], "setting": ""}


@pytest.mark.parametrize("target, diagnosis", [
    ("tests/checks/no/such/dir", "no such directory"),
    ("checks/cli.py", "is a file"),
    ("tests/checks/broken", "not a Python package (no __init__.py in it)"),
    ("not a module!", "neither an existing directory nor a module name"),
    ("no_such_integration_module", "no module named 'no_such_integration_module'"),
    (broken("syntax_error"), "syntax error in "),
    (broken("no_patch"), "no patch() found in memcached or memcached.patch"),
    (broken("patch_raises"), "patch() raised RuntimeError: cannot find the client to patch"),
])
def test_target_that_cannot_be_checked_exits_2_with_one_line(target, diagnosis):
    result = run_cli(target, "--check", "patching")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot check ") and diagnosis in line


def test_patch_not_written_yet_exits_1_not_2():
    # A NotImplementedError from patch() is work to do: checkable and failing. Any other
    # exception from patch() still makes the target uncheckable (patch_raises, above).
    result = run_cli(broken("patch_not_written"), "--check", "patching", "--check", "coverage")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr and not result.stderr.strip()
    assert "✗ patching  patch() runs: not written yet: patch() (patch.py line 10)" in result.stdout
    assert ("how to fix: write patch() (it still raises NotImplementedError), run its cell, then run "
            "this check again\n") in result.stdout
    assert result.stdout.count("how to fix:") == 1  # one stub, one piece of advice


def test_stub_in_a_helper_is_named_not_a_crash():
    result = run_cli(broken("not_written_yet"), "--check", "invisible", "--check", "exceptions")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert ("✗ invisible   each command runs exactly once: not written yet: _tag_request() "
            "(patch.py line 15)") in result.stdout
    assert "the application's code raised" not in result.stdout


def test_fresh_scaffold_is_checkable_and_failing(tmp_path):
    scaffold = subprocess.run([sys.executable, "-m", "workbench.scaffold", "memcached", str(tmp_path),
                               "--library", "pymemcache"], capture_output=True, text=True, cwd=REPO,
                              timeout=60)
    assert scaffold.returncode == 0, scaffold.stderr
    result = run_cli(str(tmp_path / "memcached"), "--json")  # no --check: every check
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [check["check"] for check in report["checks"]] == list(ORDER)
    patching = report["checks"][ORDER.index("patching")]
    versions = next(case for case in patching["cases"]
                    if case["name"] == "_supported_versions() declares a tested range")
    assert versions["observed"] == "{'pymemcache': '*'}: any version, not a range"
    assert "'>=4.0.0'" in versions["hint"] and "11-library-support" in versions["hint"]


def test_documented_alone_is_static_and_quick():
    result = run_cli(broken("undocumented_setting"), "--check", "documented", timeout=30)
    assert result.returncode == 1
    assert "DD_MEMCACHED_SERVICE (read in patch.py line 15) is not named" in result.stdout
    assert "(chapter 07-putting-it-together)" in result.stdout


def test_bad_name_exits_2():
    result = run_cli(GUIDE, "--name", "mem-cached", "--check", "patching")
    assert result.returncode == 2
    assert "--name 'mem-cached': use letters, digits and underscores" in result.stderr


def test_hung_command_is_reported_not_waited_on():
    result = run_cli(broken("hangs"), "--check", "patching", "--check", "span_shape", "--timeout", "2")
    assert result.returncode == 1
    assert result.stdout.count("timed out after 2 s") == 2
    assert "how to fix: look for a call in the wrapper that blocks" in result.stdout


def test_integration_that_traces_nothing_is_diagnosed():
    result = run_cli(broken("traces_nothing"), "--check", "patching", "--check", "span_shape")
    assert result.returncode == 1
    assert "diagnosis: the integration produced no spans at all" in result.stdout
    assert "spans reach the test agent: observed no spans at all" in result.stdout
    assert result.stdout.count("how to fix:") == 1  # the same advice is given once
