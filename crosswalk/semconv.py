"""What the installed OpenTelemetry semantic conventions say about an attribute name.

opentelemetry-semantic-conventions generates one Python module per attribute namespace:
``opentelemetry.semconv.attributes`` holds the stable attributes, ``..._incubating.attributes``
every attribute including those still in development and the deprecated ones, whose
docstring says so ("Deprecated: Replaced by `db.system.name`."). The docstrings are
string literals after each constant, so they are read from the source, not the objects.
"""

from __future__ import annotations

import ast
import importlib.metadata
import pkgutil
from functools import lru_cache
from pathlib import Path

import opentelemetry.semconv._incubating.attributes as incubating
import opentelemetry.semconv.attributes as stable
from opentelemetry.semconv.schemas import Schemas

PACKAGES = ("opentelemetry-api", "opentelemetry-sdk", "opentelemetry-semantic-conventions",
            "opentelemetry-instrumentation-pymemcache")


def _documented_names(package) -> dict[str, str]:
    """attribute name -> its docstring, for every module of ``package``."""
    found = {}
    for module in pkgutil.iter_modules(package.__path__):
        tree = ast.parse(Path(package.__path__[0], f"{module.name}.py").read_text())
        body = tree.body
        for node, following in zip(body, body[1:] + [None]):
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                doc = following.value.value if (isinstance(following, ast.Expr)
                                                and isinstance(following.value, ast.Constant)) else ""
                found[value.value] = str(doc).strip()
    return found


@lru_cache(maxsize=None)
def _catalogue() -> tuple[dict[str, str], dict[str, str]]:
    return _documented_names(stable), _documented_names(incubating)


def attribute_status(name: str) -> str:
    """"stable", "development", "deprecated: Replaced by ...", or "not in the conventions"."""
    stable_names, all_names = _catalogue()
    doc = stable_names.get(name, all_names.get(name))
    if doc is None:
        return "not in the conventions"
    if doc.startswith("Deprecated"):  # stable modules keep deprecated names too (exception.escaped)
        return "deprecated: " + doc.removeprefix("Deprecated:").strip().splitlines()[0]
    return "stable" if name in stable_names else "development"


def newest_schema() -> str:
    """The newest semantic-conventions version the installed package was generated from."""
    versions = [tuple(int(part) for part in s.name.removeprefix("V").split("_")) for s in Schemas]
    return ".".join(map(str, max(versions)))


def installed_versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in PACKAGES}
