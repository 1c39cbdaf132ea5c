"""The range the integration declares is the range its test matrix runs, and nothing wider.

Three things must agree: what ``_supported_versions()`` declares (chapter 3 and
integrations/memcached/patch.py), the versions ddtrace's policy selects from pymemcache's
release history (library_support), and the riot environments ``make test-matrix`` runs
(riotfile.py). When any of them moves alone, a test here fails and names the range to write.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from integrations.memcached.patch import _supported_versions
from library_support import PYMEMCACHE_RELEASES, policy

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def riotfile():
    """riotfile.py as a module, read as of the data's retrieval day (LIBRARY_SUPPORT_AS_OF unset)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("LIBRARY_SUPPORT_AS_OF", raising=False)
        spec = importlib.util.spec_from_file_location("riotfile_under_test", REPO / "riotfile.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def history():
    return policy.load(PYMEMCACHE_RELEASES)


@pytest.fixture(scope="module")
def tested(history, riotfile):
    """What the policy tests today, on the matrix's Python."""
    return policy.versions_for_python(history, policy.select(history), riotfile.PYTHON)


def test_the_riot_matrix_runs_what_the_policy_tests(riotfile, tested):
    instances = list(riotfile.venv.instances())
    matrix = sorted((Version(instance.pkgs["pymemcache"].lstrip("=")) for instance in instances), reverse=True)
    assert matrix == tested


def test_the_integration_declares_exactly_the_tested_range(history, tested):
    declared = _supported_versions()["pymemcache"]
    expected = policy.declared_range(tested)
    assert declared == expected, (
        f"_supported_versions() declares {declared!r}, the matrix tests "
        f"{', '.join(map(str, tested))}: declare {expected!r} in chapter 3 (notebooks/03-skeleton.md) "
        "and in integrations/memcached/patch.py")
    assert policy.untested_claims(history, declared, tested) == []
    assert policy.unclaimed_tests(declared, tested) == []


def test_today_the_declaration_admits_exactly_the_tested_releases(history, tested):
    # Pinned to the shipped data (retrieved 2026-11-25): one version to test, one admitted.
    declared = _supported_versions()["pymemcache"]
    admitted = [r.version for r in history.releases if r.version in SpecifierSet(declared)]
    assert admitted == tested == [Version("4.0.0")]


@pytest.mark.parametrize("moved, claimed, unclaimed", [
    (">=3.4", ["3.4.0", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.5.0", "3.5.1", "3.5.2"], []),  # wider
    (">=4.0.1", [], ["4.0.0"]),                                                              # narrower
])
def test_a_declaration_that_moves_alone_disagrees(history, tested, moved, claimed, unclaimed):
    assert moved != policy.declared_range(tested)
    assert [str(v) for v in policy.untested_claims(history, moved, tested)] == claimed
    assert [str(v) for v in policy.unclaimed_tests(moved, tested)] == unclaimed


def test_a_policy_answer_that_moves_alone_disagrees(history, riotfile):
    # The matrix of 1 December 2022 also tests 3.5.2: today's declaration would not claim it.
    moved = policy.versions_for_python(history, policy.select(history, date(2022, 12, 1)), riotfile.PYTHON)
    declared = _supported_versions()["pymemcache"]
    assert policy.declared_range(moved) != declared
    assert policy.unclaimed_tests(declared, moved) == [Version("3.5.2")]


def test_the_check_hint_and_the_check_reference_quote_the_declared_range():
    from checks.families.patching import HINT_VERSIONS

    declared = _supported_versions()["pymemcache"]
    assert f"{{'pymemcache': '{declared}'}}" in HINT_VERSIONS
    reference = (REPO / "docs" / "checks-reference.md").read_text()
    assert f'{{"pymemcache": "{declared}"}}' in reference
