"""Import the integration under test and find its patch(), unpatch() and get_version().

Every way this can go wrong becomes a TargetError with one line that says what is wrong
and where, instead of a traceback from the kit.
"""

from __future__ import annotations

import importlib
import sys
import traceback
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from checks.probe import describe_error
from checks.target import TargetError  # one error for a target that cannot be checked, here or in the parent

REQUIRED = ("patch", "unpatch", "get_version")


@dataclass
class Integration:
    module: str
    patch: Callable[[], object]
    unpatch: Callable[[], object]
    get_version: Callable[[], object]
    root: str                                        # the package's folder (or its one file)
    supported_versions: Callable[[], object] | None  # _supported_versions(), if defined


def _where(error: BaseException) -> str:
    """file:line of the innermost frame that is not the import machinery."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if "importlib" not in f.filename and not f.filename.endswith("loader.py")]
    return f" ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""


def _import(name: str) -> types.ModuleType:
    try:
        return importlib.import_module(name)
    except SyntaxError as error:
        raise TargetError(f"syntax error in {error.filename}:{error.lineno}: {error.msg}") from None
    except ModuleNotFoundError as error:
        if error.name and (name == error.name or name.startswith(error.name + ".")):
            raise TargetError(f"no module named {name!r}") from None
        raise TargetError(f"importing it failed: {describe_error(error)}{_where(error)}") from None
    except BaseException as error:  # the reader's module-level code may raise anything
        raise TargetError(f"importing it raised {describe_error(error)}{_where(error)}") from None


def _is_function(value) -> bool:
    return callable(value) and not isinstance(value, (types.ModuleType, type))


def _root(package: types.ModuleType) -> str:
    """The folder of the integration's own files: stubs are told apart by where they raise."""
    if getattr(package, "__file__", None):
        file = Path(package.__file__)
        return str(file.parent if file.name == "__init__.py" else file)
    return str(Path(list(package.__path__)[0]))  # a namespace package


def _optional(module: str, package: types.ModuleType, attr: str):
    """``attr`` of the package or, like ddtrace's compatibility gate, of its patch submodule."""
    if _is_function(getattr(package, attr, None)):
        return getattr(package, attr)
    submodule = sys.modules.get(f"{module}.patch")
    return getattr(submodule, attr, None) if _is_function(getattr(submodule, attr, None)) else None


def load_integration(module: str, path_entry: str | None) -> Integration:
    if path_entry:
        sys.path.insert(0, path_entry)
    package = _import(module)
    found = {attr: getattr(package, attr) for attr in REQUIRED if _is_function(getattr(package, attr, None))}
    if len(found) < len(REQUIRED):
        # The functions may live in the package's `patch` submodule only (ddtrace's layout).
        try:
            submodule = importlib.import_module(f"{module}.patch")
        except ModuleNotFoundError as error:
            if error.name != f"{module}.patch":
                raise TargetError(f"importing {module}.patch failed: {error}{_where(error)}") from None
            submodule = None
        except SyntaxError as error:
            raise TargetError(f"syntax error in {error.filename}:{error.lineno}: {error.msg}") from None
        except BaseException as error:
            raise TargetError(f"importing {module}.patch raised "
                              f"{describe_error(error)}{_where(error)}") from None
        if submodule is not None:
            for attr in REQUIRED:
                if attr not in found and _is_function(getattr(submodule, attr, None)):
                    found[attr] = getattr(submodule, attr)
    missing = [attr + "()" for attr in REQUIRED if attr not in found]
    if missing:
        raise TargetError(f"no {', '.join(missing)} found in {module} or {module}.patch "
                          "(an integration defines patch(), unpatch() and get_version())")
    return Integration(module, found["patch"], found["unpatch"], found["get_version"], _root(package),
                       _optional(module, package, "_supported_versions"))
