"""The notebooks' workbench: write an integration in cells, check it, build on it later.

In a notebook::

    %load_ext workbench
    %%integration_file patch.py
    def patch(): ...

    import workbench
    check.patching(workbench.target())   # the package this kernel is writing

See workbench.magics for the magics, workbench.kernel for this kernel's workbench,
workbench.bench for where the files live, and workbench.replay for how later chapters
(and the drift test) rebuild earlier work.
"""

from __future__ import annotations

from workbench.bench import Workbench, WorkbenchError
from workbench.kernel import bench, module, open_package, patch_module, show, target, variant


def load_ipython_extension(ipython) -> None:
    from workbench.magics import WorkbenchMagics
    ipython.register_magics(WorkbenchMagics)


__all__ = ["Workbench", "WorkbenchError", "bench", "load_ipython_extension", "module",
           "open_package", "patch_module", "show", "target", "variant"]
