"""This kernel's workbench: one per process, in its own temporary directory (or, in
exercise mode, the learner's own folder). The functions a notebook calls on it."""

from __future__ import annotations

import sys

from workbench.bench import Workbench

_bench: Workbench | None = None


def bench(name: str = "memcached") -> Workbench:
    """This kernel's workbench (one per process, in its own temporary directory)."""
    global _bench
    if _bench is None:
        _bench = Workbench(name)
    return _bench


def open_package(directory, name: str = "memcached") -> Workbench:
    """Write into a folder the reader keeps (exercise mode) instead of a temporary one."""
    global _bench
    if _bench is not None:
        _bench.close()
    _bench = Workbench(name, package_dir=directory)
    return _bench


def target() -> str:
    """The directory of the integration package being written: what a check takes."""
    return bench().target


def variant(name: str) -> str:
    """The directory of a variant written with ``%%integration_file FILE --variant NAME``."""
    return bench().variant_target(name)


def module():
    """The integration package as imported in this kernel (call its patch(), unpatch())."""
    return bench().module()


def patch_module():
    """The package's patch.py module as imported in this kernel (its constants, helpers)."""
    bench().module()
    return sys.modules[f"{bench().module_name}.patch"]


def show(file: str = "patch.py", name: str | None = None):
    """One file of the package, or one definition in it, with syntax highlighting."""
    from traceview.source import CodeView
    text = bench().source(file) if name is None else bench().definition(name, file)
    return CodeView(text, title=f"{file}" if name is None else f"{file}: {name}", plain=True)
