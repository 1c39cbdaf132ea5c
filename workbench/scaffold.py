"""Turn the skeleton in templates/integration into a new integration package.

    .venv/bin/python -m workbench.scaffold memcached DEST --library pymemcache

writes DEST/memcached/__init__.py and DEST/memcached/patch.py, with the placeholders
``__integration__`` and ``__library__`` replaced. It never overwrites an existing package.
"""

from __future__ import annotations

import argparse
import keyword
import sys
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates" / "integration"
PLACEHOLDERS = ("__integration__", "__library__")
TEMPLATE_FILES = ("__init__.py", "patch.py")


class ScaffoldError(ValueError):
    """Bad input to the scaffold: the message says what to do instead."""


def _valid_name(name: str, what: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise ScaffoldError(f"{what} {name!r} is not a valid module name: use lowercase letters, "
                            "digits and underscores, starting with a letter (e.g. 'memcached').")
    return name


def render_template(name: str, library: str) -> dict[str, str]:
    """The skeleton's files, with the placeholders filled in: {file name: text}."""
    replacements = {"__integration__": _valid_name(name, "integration name"),
                    "__library__": _valid_name(library, "library name")}
    files = {}
    for file_name in TEMPLATE_FILES:
        text = (TEMPLATE_DIR / file_name).read_text()
        for placeholder, value in replacements.items():
            text = text.replace(placeholder, value)
        files[file_name] = text
    return files


def scaffold(name: str, dest: str | Path, library: str | None = None) -> Path:
    """Write the new package DEST/NAME and return its directory."""
    dest = Path(dest)
    if not dest.is_dir():
        raise ScaffoldError(f"destination {str(dest)!r} is not a directory: create it first.")
    package = dest / name
    files = render_template(name, library or name)
    if package.exists():
        raise ScaffoldError(f"{package} already exists: choose another destination, or remove it.")
    package.mkdir()
    for file_name, text in files.items():
        (package / file_name).write_text(text)
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.scaffold", description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help="the integration's name, e.g. memcached")
    parser.add_argument("dest", help="an existing directory to create the package in")
    parser.add_argument("--library", help="the instrumented distribution/module (default: NAME)")
    args = parser.parse_args(argv)
    try:
        package = scaffold(args.name, args.dest, args.library)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for file_name in TEMPLATE_FILES:
        print(package / file_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
