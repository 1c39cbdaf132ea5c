"""Telling a starter stub (NotImplementedError raised in the integration's own files) from
every other exception: the probe-side rule, tested in this process without services."""

import sys
import textwrap

import pytest

from checks.probe.stubs import StubWatch, describe_function


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package 'halfdone' whose helper is a stub, and a 'library' outside it."""
    (tmp_path / "halfdone").mkdir()
    (tmp_path / "halfdone" / "__init__.py").write_text(textwrap.dedent('''
        import library

        def _helper():
            raise NotImplementedError("_helper() is not written yet")

        def _factory():
            def traced():
                raise NotImplementedError("traced() is not written yet")
            return traced

        def calls_library():
            return library.abstract()

        def swallows():
            try:
                _helper()
            except Exception:
                return None
    '''))
    (tmp_path / "library.py").write_text("def abstract():\n    raise NotImplementedError\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import halfdone
    yield halfdone, StubWatch(tmp_path / "halfdone")
    for name in ("halfdone", "library"):
        sys.modules.pop(name, None)


def _raised(call):
    try:
        call()
    except BaseException as error:
        return error
    raise AssertionError("did not raise")


def test_a_stub_is_named_by_function_file_and_line(package):
    halfdone, watch = package
    assert watch.origin(_raised(halfdone._helper)) == {"function": "_helper()", "file": "__init__.py",
                                                       "line": 5}
    assert watch.origin(_raised(halfdone._factory()))["function"] == "traced() inside _factory()"


def test_the_librarys_not_implemented_error_is_no_stub(package):
    halfdone, watch = package
    assert watch.origin(_raised(halfdone.calls_library)) is None  # raised in library.py
    assert watch.origin(_raised(lambda: 1 / 0)) is None
    assert watch.origin(None) is None


def test_a_stub_the_integration_catches_is_still_seen(package):
    halfdone, watch = package
    watch.install()
    try:
        halfdone.swallows()
    finally:
        watch.uninstall()
    assert watch.seen == [{"function": "_helper()", "file": "__init__.py", "line": 5}]


def test_describe_function_reads_nested_names():
    def outer():
        def inner():
            pass
        return inner
    assert describe_function(outer().__code__) == ("inner() inside outer() inside "
                                                   "test_describe_function_reads_nested_names()")
