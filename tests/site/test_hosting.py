"""Read the Docs and GitHub Actions build and test as the Makefile does (tests/site/hosting.py):
the real files agree, and each kind of drift is caught on a copy changed on purpose."""

from __future__ import annotations

import copy

import pytest

from tests.site.hosting import CI_FILE, RTD_FILE, ci_mismatches, load, make_facts, read_the_docs_mismatches


@pytest.fixture(scope="module")
def make():
    return make_facts()


def test_the_makefile_facts_are_what_the_readme_says(make):
    assert make.python == "3.11"
    assert make.system_packages == {"memcached", "redis-server"}
    assert (make.docs_command, make.test_command) == ("make docs", "make test")
    assert make.docs_site == "_build/html"
    assert make.tested_site.startswith("_build/") and make.screenshots == "_build/screenshots"


def test_read_the_docs_builds_as_make_docs_does(make):
    assert read_the_docs_mismatches(load(RTD_FILE), make) == []


def test_the_workflow_tests_as_make_test_does(make):
    assert ci_mismatches(load(CI_FILE), make) == []


def _changed(path, change):
    data = copy.deepcopy(load(path))
    change(data)
    return data


RTD_DRIFTS = {
    "another Python": (lambda rtd: rtd["build"]["tools"].update(python="3.12"), "build.tools.python"),
    "not Ubuntu": (lambda rtd: rtd["build"].update(os="debian-12"), "Ubuntu"),
    "a package missing": (lambda rtd: rtd["build"]["apt_packages"].remove("redis-server"), "apt_packages"),
    "its own build command": (lambda rtd: rtd["build"]["commands"].__setitem__(
        0, "sphinx-build -b html . _build/html"), "first build command"),
    "publishes another folder": (lambda rtd: rtd["build"]["commands"].__setitem__(
        -1, "cp -r _build/test-site/html $READTHEDOCS_OUTPUT/html"), "publishes"),
}


@pytest.mark.parametrize("drift", RTD_DRIFTS)
def test_read_the_docs_drift_is_caught(make, drift):
    change, expected = RTD_DRIFTS[drift]
    problems = read_the_docs_mismatches(_changed(RTD_FILE, change), make)
    assert len(problems) == 1 and expected in problems[0], problems


def _steps(ci):
    return ci["jobs"]["test"]["steps"]


def _step_named(ci, name):
    return next(step for step in _steps(ci) if step.get("with", {}).get("name") == name)


def _pages_step(ci):
    return next(step for step in _steps(ci) if "upload-pages-artifact" in step.get("uses", ""))


CI_DRIFTS = {
    "push only": (lambda ci: ci.__setitem__(True, {"push": None}), "pull_request"),
    "another Python": (lambda ci: ci["jobs"]["test"].update(container="python:3.12-bookworm"),
                       "container"),
    "its own test command": (lambda ci: _steps(ci)[1].update(run="pytest"), "first command"),
    "screenshots of another site": (lambda ci: _steps(ci)[2].update(
        run="make screenshots SITE_DIR=_build/html"), "make screenshots"),
    "uploads another site": (lambda ci: _step_named(ci, "site")["with"].update(path="_build/html"),
                             "site artifact"),
    "uploads no screenshots": (lambda ci: _step_named(ci, "screenshots")["with"].update(
        path="_build/shots"), "screenshots artifact"),
    "publishes another site": (lambda ci: _pages_step(ci)["with"].update(path="_build/html"),
                               "GitHub Pages gets"),
    "publishes from any branch": (lambda ci: ci["jobs"]["pages"].pop("if"), "other than from main"),
    "never deploys": (lambda ci: ci["jobs"]["pages"].update(steps=[]), "does not deploy"),
}


@pytest.mark.parametrize("drift", CI_DRIFTS)
def test_workflow_drift_is_caught(make, drift):
    change, expected = CI_DRIFTS[drift]
    problems = ci_mismatches(_changed(CI_FILE, change), make)
    assert len(problems) == 1 and expected in problems[0], problems
