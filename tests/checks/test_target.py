"""Resolving a target (in the parent, without importing it)."""

import pytest

from checks.target import TargetError, load_target
from tests.checks.conftest import REPO, broken


def test_directory_inside_a_package_is_imported_by_its_full_name():
    target = load_target(str(REPO / "integrations" / "memcached"))
    assert (target.module, target.path_entry, target.name) == ("integrations.memcached", str(REPO), "memcached")
    assert target.service_env == "DD_MEMCACHED_SERVICE" and not target.builtin


def test_standalone_package_directory_is_imported_from_its_parent():
    target = load_target(broken("wrong_component"))
    assert target.module == "memcached" and target.path_entry.endswith("broken/wrong_component")


def test_module_name_defaults_to_its_last_component():
    target = load_target("ddtrace.contrib.internal.pymemcache")
    assert (target.module, target.path_entry, target.name) == ("ddtrace.contrib.internal.pymemcache", None, "pymemcache")
    assert target.builtin and target.service_env == "DD_PYMEMCACHE_SERVICE"
    assert load_target("integrations.memcached", name="cache").service_env == "DD_CACHE_SERVICE"


@pytest.mark.parametrize("spec, message", [
    ("", "no target given"),
    ("./nowhere", "no such directory"),
    (str(REPO / "checks" / "cli.py"), "is a file"),
    (str(REPO / "tests" / "checks" / "broken"), "no __init__.py"),
    ("a-module", "neither an existing directory nor a module name"),
])
def test_bad_targets(spec, message):
    with pytest.raises(TargetError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_target(spec)
