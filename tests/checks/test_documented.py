"""The front door (documented): static, so tested on small packages written here, without
services; the guide's integration, ddtrace's and the broken ones run in test_broken.py and
test_good_integrations.py."""

import textwrap

import pytest

from checks import suite
from checks.suite import run_checks
from tests.checks.conftest import BUILTIN, REPO

READS_SERVICE = 'import os\n\n\ndef _service():\n    return os.environ.get("DD_MEMCACHED_SERVICE")\n'


def _package(tmp_path, init: str, patch: str = "") -> str:
    package = tmp_path / "memcached"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(init))
    (package / "patch.py").write_text(textwrap.dedent(patch))
    return str(package)


def _documented(target, monkeypatch, name=None):
    def no_services():
        raise AssertionError("the documented check must not start services")
    monkeypatch.setattr(suite, "start_services", no_services)
    return run_checks(target, ("documented",), name=name)["documented"]


def test_guide_and_builtin_pass_without_services(monkeypatch):
    assert _documented(str(REPO / "integrations" / "memcached"), monkeypatch).passed
    builtin = _documented(BUILTIN, monkeypatch, name="pymemcache")
    assert builtin.passed
    # ddtrace documents and configures its own integrations: said, not silently skipped
    assert "not required of a ddtrace built-in" in builtin.cases[1].observed
    assert "DD_TRACE_MEMCACHED_COMMAND_ENABLED" in builtin.cases[1].observed


def test_no_docstring_fails_both_ways(tmp_path, monkeypatch):
    result = _documented(_package(tmp_path, "from .patch import _service\n", READS_SERVICE), monkeypatch)
    assert [case.observed for case in result.failures] == [
        "no docstring in __init__.py", "DD_MEMCACHED_SERVICE (read in patch.py line 5) is not named"]
    assert "Settings section" in result.failures[1].hint


def test_docstring_without_patch_call(tmp_path, monkeypatch):
    result = _documented(_package(tmp_path, '"""Tracing for pymemcache."""\n'), monkeypatch)
    assert [case.name for case in result.failures] == ["the docstring shows how to switch it on"]
    assert result.failures[0].observed == "a docstring that never shows patch()"


@pytest.mark.parametrize("patch_source", [
    '"""Reads DD_MEMCACHED_SERVICE (a docstring is no read)."""\n',
    '# os.environ.get("DD_MEMCACHED_SERVICE"): a comment is no read\n',
    'import os\n\nNAME = "memcached"\nos.environ.get(f"DD_{NAME.upper()}_SERVICE")  # built at run time\n',
    # a piece of an f-string that looks like a whole name is still only a piece
    'import os\n\nNAME = "MEMCACHED"\nos.environ.get(f"DD_TRACE_{NAME}_ENABLED")\n',
])
def test_only_whole_string_constants_in_code_count_as_reads(tmp_path, monkeypatch, patch_source):
    result = _documented(_package(tmp_path, '"""Call patch()."""\n', patch_source), monkeypatch)
    assert result.passed and result.cases[1].observed == "the package reads no DD_* variable"


def test_a_longer_name_does_not_document_a_shorter_one(tmp_path, monkeypatch):
    init = '"""Call patch(). Settings: DD_MEMCACHED_SERVICE_NAME."""\n'
    result = _documented(_package(tmp_path, init, READS_SERVICE), monkeypatch)
    assert not result.passed


def test_syntax_error_cannot_be_checked(tmp_path, monkeypatch):
    result = _documented(_package(tmp_path, '"""Call patch()."""\n', "def patch(\n"), monkeypatch)
    assert result.target_error and result.error.startswith("syntax error in ")
