"""The in-tree variant (integrations/intree/) and chapter 08-in-tree stay in step.

The chapter reads the package's files rather than repeating them; these tests check what
it says about them: every file has its place upstream and is shown, the riot entry lists
the versions the support policy picks, the suitespec component covers the files ddtrace
would ship, the release note is a feature note, the docstring documents every setting
`config._add` registers, both variants declare the same supported versions, and every
ddtrace name and path the chapter uses resolves (or is one the pull request would add).
Everything is read statically: importing the in-tree package would register it in this
test process's ddtrace.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

import ddtrace
import yaml

import riotfile
from chapter_helpers.api_names import API_NAMES, REMOVED_NAMES, exists
from integrations.intree import layout

REPO = Path(__file__).resolve().parents[2]
INTREE = REPO / "integrations" / "intree"
CHAPTER = REPO / "notebooks" / "08-in-tree.md"
OUT_OF_TREE = REPO / "integrations" / "memcached" / "patch.py"
INSTALLED = Path(ddtrace.__file__).parent
DOTTED = re.compile(r"\bddtrace(?:\.[A-Za-z_]\w*)+")
PATH = re.compile(r"\bddtrace/[\w/.<>]+")
# What the chapter says an upstream pull request would add: absent from the installed ddtrace.
PROPOSED_NAMES = ("ddtrace.config.memcached",)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text())


def _function(tree: ast.Module, name: str) -> ast.FunctionDef:
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)


def _supported_versions(path: Path) -> dict:
    returned = next(node for node in ast.walk(_function(_tree(path), "_supported_versions"))
                    if isinstance(node, ast.Return))
    return ast.literal_eval(returned.value)


def _config_add_keys(path: Path) -> set[str]:
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "_add":
            settings = node.args[1]
            return {keyword.arg for keyword in settings.keywords}
    raise AssertionError(f"no config._add(...) call in {path}")


def test_every_file_of_the_package_has_its_place_upstream():
    files = {str(p.relative_to(INTREE)) for p in (INTREE / "memcached").glob("*.py")}
    files |= {str(p.relative_to(INTREE)) for p in (INTREE / "upstream").iterdir()
              if p.suffix != ".md" and p.name != "__pycache__"}  # (Python's, where it writes bytecode)
    assert files == set(layout.UPSTREAM), "update integrations/intree/layout.py"


def test_the_chapter_shows_every_file():
    text = CHAPTER.read_text()
    shown = set(re.findall(r'show\("([^"]+)"\)', text))
    code = {f for f in layout.UPSTREAM if f.endswith(".py") and not f.endswith("__init__.py")}
    assert code <= shown, f"not shown in the chapter: {sorted(code - shown)}"
    assert '"memcached" / "__init__.py"' in text  # its docstring is printed


def test_the_riot_entry_lists_the_versions_the_policy_picks():
    text = (INTREE / "upstream" / "riotfile-venv.py").read_text()
    listed = re.search(r'"pymemcache":\s*\[([^\]]*)\]', text).group(1)
    written = set(re.findall(r'"~=([\d.]+)"', listed))
    picked = {version.removeprefix("==") for version in riotfile.pymemcache_versions()}
    assert written == picked and "latest" in listed


def test_the_suitespec_component_covers_what_ddtrace_would_ship():
    spec = yaml.safe_load((INTREE / "upstream" / "suitespec.yml").read_text())
    component = spec["components"]["memcached"]
    uncovered = [p for p in layout.proposed_paths() if not any(fnmatch.fnmatch(p, c) for c in component)]
    assert not uncovered
    assert "@memcached" in spec["suites"]["memcached"]["paths"]


def test_the_release_note_is_one_feature():
    note = yaml.safe_load((INTREE / "upstream" / "releasenote.yaml").read_text())
    assert list(note) == ["features"] and len(note["features"]) == 1
    assert note["features"][0].startswith("memcached: ")


def test_the_docstring_documents_every_registered_setting():
    docstring = ast.get_docstring(_tree(INTREE / "memcached" / "__init__.py"))
    settings = {"service" if key == "_default_service" else key
                for key in _config_add_keys(INTREE / "memcached" / "patch.py")}
    undocumented = [s for s in settings if f'ddtrace.config.memcached["{s}"]' not in docstring]
    assert not undocumented


def test_both_variants_declare_the_same_supported_versions():
    assert _supported_versions(INTREE / "memcached" / "patch.py") == _supported_versions(OUT_OF_TREE)


def test_every_ddtrace_name_in_the_chapter_resolves_or_is_proposed():
    listed = set(API_NAMES) | set(REMOVED_NAMES) | set(PROPOSED_NAMES)
    names = {n.rstrip(".") for n in DOTTED.findall(CHAPTER.read_text()) if not n.rsplit(".", 1)[-1].startswith("__")}
    unlisted = sorted(n for n in names if n not in listed and not any(m.startswith(n + ".") for m in listed))
    assert not unlisted, f"add these to chapter_helpers/api_names.py: {unlisted}"
    assert not any(exists(name) for name in PROPOSED_NAMES), "ddtrace has it now: update chapter 08"


def test_every_ddtrace_path_in_the_chapter_exists_or_is_proposed():
    proposed = {str(Path(p).parent) + "/" for p in layout.proposed_paths()} | layout.proposed_paths()
    missing = [path for path in set(PATH.findall(CHAPTER.read_text()))
               if path not in proposed and not (INSTALLED.parent / path.split("<")[0].rstrip("/")).exists()]
    assert not missing, f"neither in the installed ddtrace nor proposed by integrations/intree/layout.py: {missing}"
