"""harness.child_pytest reads each test's outcome and message back from a real child session
(its throw-away project written with pytest's own pytester)."""

from harness.child_pytest import pytest_env, run_pytest

pytest_plugins = ["pytester"]

INNER = '''
import pytest

def test_passes():
    pass

def test_fails():
    assert 1 == 2, "one is not two"

@pytest.fixture
def broken():
    raise RuntimeError("the fixture broke")

def test_errors(broken):
    pass

@pytest.mark.skip(reason="not today")
def test_skipped():
    pass
'''


def test_each_outcome_and_message_comes_back_by_node_id(pytester):
    pytester.makepyfile(test_inner=INNER)
    run = run_pytest("test_inner.py", cwd=pytester.path, plugins_only=())
    assert run.returncode == 1, run.output
    assert run.outcomes == {"test_inner.py::test_passes": "passed", "test_inner.py::test_fails": "failed",
                            "test_inner.py::test_errors": "error", "test_inner.py::test_skipped": "skipped"}
    assert "one is not two" in run.messages["test_inner.py::test_fails"]
    assert "the fixture broke" in run.messages["test_inner.py::test_errors"]
    assert run.failed() == {"test_inner.py::test_fails", "test_inner.py::test_errors"}


def test_a_child_session_is_in_ci_mode_only_when_asked(monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("DD_SERVICE", "from-the-shell")
    assert "CI" not in pytest_env() and "DD_SERVICE" not in pytest_env()
    assert pytest_env(CI="true")["CI"] == "true"
