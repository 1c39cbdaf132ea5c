"""The notebook API: one call per check, a report that renders, never an exception, and no
process left behind, whatever the integration does, but the services the kernel's calls share
(stopped when the kernel exits)."""

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from checks import launcher
from checks import notebook as check
from checks.families import CHECKS, ORDER
from checks.report import Progress
from harness import stack
from tests.checks.conftest import REPO, broken
from tests.processes import running, running_children

GUIDE_DIR = str(REPO / "integrations" / "memcached")


def _shared() -> tuple[set, set]:
    """The services the notebook API keeps for the process, and their pids (with the probes'
    fork server: it lives as long as the process too)."""
    kept = set(check._kept.values())
    return kept, {pid for services in kept for pid in services.pids()} | launcher.server_pids()


@pytest.fixture
def nothing_left_behind():
    before, stacks_before = set(running_children(os.getpid())), set(stack._live_stacks)
    yield
    kept, kept_pids = _shared()
    assert set(running_children(os.getpid())) <= before | kept_pids, "a check left a process running"
    assert set(stack._live_stacks) <= stacks_before | kept, "a check left its services running"


def test_calls_share_one_set_of_services_and_replace_it_when_a_server_died():
    check.span_shape(GUIDE_DIR)
    first = check._kept["memcached"]
    assert check.schema(GUIDE_DIR).passed
    assert check._kept["memcached"] is first
    first.memcached.stop()
    assert check.span_shape(GUIDE_DIR).passed
    assert check._kept["memcached"] is not first
    assert not any(server.running() for server in first.servers())


def test_a_service_that_died_is_named_with_its_exit_status_and_log():
    from checks.suite import run_checks, start_services

    services = start_services()
    try:
        os.kill(services.agent.pid, signal.SIGKILL)  # an agent that crashed: gone, its port refusing
        while services.agent.running():
            time.sleep(0.01)
        (result,) = run_checks(GUIDE_DIR, ("span_shape",), services=services).checks
    finally:
        services.stop()
    assert result.error.startswith("a service stopped answering during the check: test agent at")
    assert re.match(rf"test-agent on port {services.agent.port} has exited \(status -9\); the end of "
                    r"its log:\n    ", result.detail), result.detail


def test_the_shared_services_stop_when_the_process_exits():
    code = ("from checks import notebook as check\n"
            f"assert check.span_shape({GUIDE_DIR!r}).passed\n"
            "print(*check._kept['memcached'].pids())\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 2  # the agent and memcached
    assert not [pid for pid in pids if running(pid)]


def test_one_call_per_check_returns_a_report(nothing_left_behind):
    report = check.span_shape(GUIDE_DIR)
    assert report.passed is True
    assert [c.check for c in report.checks] == ["span_shape"]


def test_failing_check_returns_a_failing_report(nothing_left_behind):
    report = check.schema(broken("ignores_service_env"))
    assert report.passed is False
    assert "v0 + DD_MEMCACHED_SERVICE" in repr(report)


@pytest.mark.parametrize("target", ["/no/such/integration", broken("syntax_error"), broken("patch_raises")])
def test_uncheckable_target_never_raises(target, nothing_left_behind):
    report = check.patching(target)
    assert report.passed is False
    assert report.target_error
    assert "cannot check" in repr(report) or "✗" in repr(report)
    assert 'class="check-report"' in report._repr_html_()


def test_hung_integration_times_out_and_leaves_nothing(nothing_left_behind):
    report = check.coverage(broken("hangs"), timeout=2)
    assert report.passed is False
    assert report["coverage"].error.startswith("timed out after 2 s")


def test_text_is_deterministic_and_html_marks_pass_and_fail():
    first = check.span_shape(broken("no_out_host"))
    second = check.span_shape(broken("no_out_host"))
    assert repr(first) == repr(second)
    text = repr(first)
    assert not re.search(r"\b\d{4,5}\b", text), "no port numbers in the text form"
    assert "✗ FAIL   out.host" in text and "✓ pass   span type" in text
    html = first._repr_html_()
    assert '<table class="check-report">' in html
    assert '<td class="pass">' in html and '<td class="fail">' in html


@pytest.mark.check_target(broken("wrong_component"))
def test_report_of_all_checks_summarises_each(check_report):
    report = check_report(broken("wrong_component"))  # what check.all() returns
    text = repr(report)
    assert text.splitlines()[0] == (f"Checks of memcached ({broken('wrong_component')}): "
                                    f"{len(ORDER) - 2} of {len(ORDER)} pass")  # span shape, and the snapshot's component
    assert "component: observed 'pymemcache', expected 'memcached'" in text


@pytest.mark.check_target(broken("not_written_yet"))
def test_progress_shows_a_row_per_check_with_status_and_chapter(check_report):
    progress = Progress(check_report(broken("not_written_yet")))  # what check.progress() returns
    rows = {row["check"]: row for row in progress.rows}
    assert list(rows) == list(ORDER)
    assert {check: row["status"] for check, row in rows.items()} == {
        check: "kept" if check == "documented" else "not written yet" for check in ORDER}
    assert all(rows[check]["chapter"] == CHECKS[check].chapter for check in ORDER)
    assert (rows["patching"]["passing"], rows["patching"]["cases"]) == (1, 2)  # the declared versions pass
    text = repr(progress)
    assert text == repr(progress), "deterministic"
    assert text.splitlines()[0] == (f"Progress of memcached ({broken('not_written_yet')}): "
                                    f"1 of {len(ORDER)} promises kept")
    assert "not written yet   Coverage" in text and "04-tracing-commands" in text
    html = progress._repr_html_()
    assert '<td class="todo">not written yet</td>' in html and '<td class="pass">kept</td>' in html


@pytest.mark.check_target(broken("wrong_span_type"))
def test_progress_says_broken_for_a_defect(check_report):
    rows = {row["check"]: row["status"] for row in Progress(check_report(broken("wrong_span_type"))).rows}
    assert rows["span_shape"] == rows["snapshot"] == "broken" and rows["coverage"] == "kept"


def test_progress_of_an_uncheckable_target_is_one_line():
    assert repr(check.progress("/no/such/integration")).startswith("✗ cannot check /no/such/integration")


def test_a_static_check_or_a_target_that_cannot_load_asks_for_no_services(monkeypatch):
    def no_services(profile):
        raise AssertionError(f"services asked for ({profile.name})")

    monkeypatch.setattr(check, "_shared_services", no_services)
    assert check.documented(GUIDE_DIR).passed
    assert check.span_shape("no_such_integration_module").error
    # and a check that needs them does ask (reported, never raised): the guard above works
    assert "services asked for (pymemcache)" in check.span_shape(GUIDE_DIR).error
