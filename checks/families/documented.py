"""Documented: the package's docstring, its front door, says how to switch it on and what it reads.

A user meets an integration through the docstring of its ``__init__.py``: it must show the
call that switches the integration on, ``patch()``, and name every ``DD_*`` environment
variable the package reads, so that no setting is a surprise. The check is static: the
package's files are parsed, never imported or run, so it needs neither services nor a probe.
A variable is "read" when its full name is a string constant in the code (docstrings and
comments do not count); a name built at run time (f"DD_{name}_SERVICE") cannot be seen.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from checks.cases import TARGET_HINT
from checks.check import Check
from checks.report import Case

_SETTING = re.compile(r"DD_[A-Z0-9_]+")
_SWITCH_ON = re.compile(r"\bpatch\(")
# ddtrace's own integrations are switched on and configured through ddtrace, whose
# documentation lists their settings: their docstring is not their only front door.
_BUILTIN_SETTINGS = "not required of a ddtrace built-in: ddtrace documents and configures its integrations"


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the constants that are docstrings (of the module, a class or a function)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def settings_read(trees: dict[str, ast.AST]) -> dict[str, str]:
    """{DD_* variable: where it is first read ('patch.py line 47')}, in order of discovery."""
    settings: dict[str, str] = {}
    for name, tree in trees.items():
        # Docstrings, and the pieces of an f-string: "DD_TRACE_" in f"DD_TRACE_{name}_ENABLED" is
        # no setting's name (a name built at run time cannot be read from the source).
        skip = _docstrings(tree) | {id(piece) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                                    for piece in node.values}
        constants = sorted((node for node in ast.walk(tree) if isinstance(node, ast.Constant)
                            and isinstance(node.value, str) and id(node) not in skip),
                           key=lambda node: node.lineno)
        for node in constants:
            if _SETTING.fullmatch(node.value):
                settings.setdefault(node.value, f"{name} line {node.lineno}")
    return settings


def _parse(source: Path) -> dict[str, ast.AST]:
    """{file relative to the package: its syntax tree}; the package's front door first."""
    files = [source] if source.is_file() else sorted(source.rglob("*.py"),
                                                     key=lambda file: (file != source / "__init__.py", file))
    base = source.parent if source.is_file() else source
    return {file.relative_to(base).as_posix(): ast.parse(file.read_text(encoding="utf-8"), str(file))
            for file in files}


def _named(setting: str, docstring: str) -> bool:
    return re.search(rf"(?<![A-Z0-9_]){setting}(?![A-Z0-9_])", docstring) is not None


def _switch_on_case(front: str, docstring: str | None) -> Case:
    if docstring is None:
        observed = f"no docstring in {front}"
    elif _SWITCH_ON.search(docstring):
        observed = "shows patch()"
    else:
        observed = "a docstring that never shows patch()"
    return Case("the docstring shows how to switch it on", observed == "shows patch()", observed=observed,
                expected="shows patch()",
                hint=(f"start {front} with a docstring that shows how to switch the integration on: "
                      "the import of patch and the call patch(), once at start-up"))


def _settings_case(front: str, docstring: str | None, settings: dict[str, str], builtin: bool) -> Case:
    name = "the docstring names every DD_* variable read"
    expected = f"names {', '.join(settings)}" if settings else "names every DD_* variable read"
    if builtin:
        return Case(name, True, observed=f"{_BUILTIN_SETTINGS} (it reads {', '.join(settings) or 'none'})",
                    expected=_BUILTIN_SETTINGS.split(":")[0])
    missing = [setting for setting in settings if not _named(setting, docstring or "")]
    if missing:
        observed = "; ".join(f"{setting} (read in {settings[setting]}) is not named" for setting in missing)
    else:
        observed = f"names {', '.join(settings)}" if settings else "the package reads no DD_* variable"
    return Case(name, not missing, observed=observed, expected=expected,
                hint=(f"add a Settings section to the docstring of {front} naming "
                      f"{', '.join(missing) or 'each variable'}: what it sets and its default"))


def _judge(context, probe, setting) -> list[Case]:
    result = context.result
    source = context.target.source()
    if source is None:
        result.error = f"cannot find the files of {context.target.module} on the Python path"
        result.error_hint, result.target_error = TARGET_HINT, True
        return []
    try:
        trees = _parse(source)
    except SyntaxError as error:
        result.error = f"syntax error in {error.filename}:{error.lineno}: {error.msg}"
        result.error_hint, result.target_error = TARGET_HINT, True
        return []
    front = next(iter(trees))  # __init__.py, or the module's one file
    docstring = ast.get_docstring(trees[front])
    return [_switch_on_case(front, docstring),
            _settings_case(front, docstring, settings_read(trees), context.target.builtin)]


CHECK = Check(
    id="documented", title="Front door", chapter="07-putting-it-together", workload=None,
    promise=lambda profile: (
        "the package's docstring (in its __init__.py) shows how to switch the integration on "
        "with patch(), and names every DD_* environment variable the package's modules read"),
    summary="The package's docstring shows patch() and names every DD_* variable it reads (static: no services).",
    judge=_judge)
