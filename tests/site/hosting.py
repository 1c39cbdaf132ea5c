"""What the hosting files must agree on with the Makefile, as a list of mismatches.

Read the Docs (.readthedocs.yaml) and GitHub Actions (.github/workflows/ci.yml) must build
with the same Python, the same system packages and the same commands as a person typing
the README's commands. The facts on the Makefile's side come from `make -n` (what make would
run), so a renamed directory or a changed command shows here, not on the host.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RTD_FILE = ROOT / ".readthedocs.yaml"
CI_FILE = ROOT / ".github" / "workflows" / "ci.yml"


@dataclass
class MakeFacts:
    """The project's own answers: which Python, which packages, which commands and folders."""

    python: str                # the version the lock is resolved for (`make lock`)
    system_packages: set[str]  # what scripts/system-deps.sh installs
    docs_command: str          # the README's command that builds the site
    docs_site: str             # where `make docs` writes the site
    test_command: str          # the README's command that runs every test
    tested_site: str           # the site `make test` builds and the browser tests check
    screenshots: str           # where `make screenshots` writes


def _dry_run(*targets: str) -> list[str]:
    result = subprocess.run(["make", "-n", "--no-print-directory", *targets], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.splitlines()


def _relative(path: str) -> str:
    return str(Path(path).resolve().relative_to(ROOT)) if Path(path).is_absolute() else path


def _readme_command(target: str) -> str:
    commands = re.findall(r"^\$ (make \S+)", (ROOT / "README.md").read_text(), re.M)
    return next(command for command in commands if command == f"make {target}")


def make_facts() -> MakeFacts:
    makefile = (ROOT / "Makefile").read_text()
    python = re.search(r"--python-version (\d+\.\d+)", makefile).group(1)
    deps = (ROOT / "scripts" / "system-deps.sh").read_text()
    packages = set(re.findall(r"\]=(\S+?)[ )]", re.search(r"package_of=\((.*?)\)\n", deps).group(1) + ")"))

    sphinx = next(line for line in _dry_run("docs") if "sphinx-build" in line)
    browser = next(line for line in _dry_run("test") if "tests/browser" in line)
    site_dir = re.search(r"GUIDE_SITE_DIR=(\S+)", browser).group(1)
    shots = next(line for line in _dry_run("screenshots", f"SITE_DIR={site_dir}")
                 if "screenshots" in line and "python" in line)
    return MakeFacts(
        python=python, system_packages=packages,
        docs_command=_readme_command("docs"), docs_site=_relative(shlex.split(sphinx)[-1]),
        test_command=_readme_command("test"), tested_site=_relative(site_dir),
        screenshots=_relative(re.search(r"--out (\S+)", shots).group(1)))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def read_the_docs_mismatches(rtd: dict, make: MakeFacts) -> list[str]:
    build = rtd.get("build", {})
    problems = []
    if not str(build.get("os", "")).startswith("ubuntu-"):
        problems.append(f"build.os is {build.get('os')!r}, not an Ubuntu image")
    if str(build.get("tools", {}).get("python")) != make.python:
        problems.append(f"build.tools.python is {build.get('tools', {}).get('python')!r}; "
                        f"the lock is resolved for Python {make.python}")
    if set(build.get("apt_packages", [])) != make.system_packages:
        problems.append(f"apt_packages {sorted(build.get('apt_packages', []))} are not what "
                        f"scripts/system-deps.sh installs: {sorted(make.system_packages)}")
    commands = build.get("commands", [])
    if not commands or commands[0] != make.docs_command:
        problems.append(f"the first build command is {commands[:1]}, not the README's "
                        f"{make.docs_command!r}")
    publish = f"cp -r {make.docs_site} $READTHEDOCS_OUTPUT/html"
    if publish not in commands:
        problems.append(f"no command publishes the site `make docs` builds: expected {publish!r}")
    return problems


def _steps(ci: dict, job: str) -> list[dict]:
    return ci.get("jobs", {}).get(job, {}).get("steps", [])


def _uploaded(ci: dict, action: str, name: str | None = None) -> list[str]:
    return [step.get("with", {}).get("path") for step in _steps(ci, "test")
            if step.get("uses", "").startswith(action)
            and (name is None or step.get("with", {}).get("name") == name)]


def ci_mismatches(ci: dict, make: MakeFacts) -> list[str]:
    problems = []
    # PyYAML reads the bare key `on` as True (YAML 1.1).
    triggers = ci.get("on", ci.get(True, {}))
    if not {"push", "pull_request"} <= set(triggers or {}):
        problems.append(f"the workflow runs on {sorted(triggers or {})}, not on push and pull_request")
    image = str(ci.get("jobs", {}).get("test", {}).get("container", ""))
    if not image.startswith(f"python:{make.python}-"):
        problems.append(f"the test job's container is {image!r}, not python:{make.python}-<debian>")
    runs = [step.get("run") for step in _steps(ci, "test") if "run" in step]
    if not runs or runs[0] != make.test_command:
        problems.append(f"the first command is {runs[:1]}, not the README's {make.test_command!r}")
    shot_command = f"make screenshots SITE_DIR={make.tested_site}"
    if shot_command not in runs:
        problems.append(f"no step runs {shot_command!r} (the site `make test` checked)")
    if _uploaded(ci, "actions/upload-artifact", "site") != [make.tested_site]:
        problems.append(f"the site artifact is {_uploaded(ci, 'actions/upload-artifact', 'site')}, "
                        f"not the site `make test` checked: {make.tested_site}")
    if _uploaded(ci, "actions/upload-artifact", "screenshots") != [make.screenshots]:
        problems.append(f"the screenshots artifact is "
                        f"{_uploaded(ci, 'actions/upload-artifact', 'screenshots')}, "
                        f"not where `make screenshots` writes: {make.screenshots}")
    if _uploaded(ci, "actions/upload-pages-artifact") != [make.tested_site]:
        problems.append(f"GitHub Pages gets {_uploaded(ci, 'actions/upload-pages-artifact')}, "
                        f"not the site `make test` checked: {make.tested_site}")
    problems += _pages_mismatches(ci)
    return problems


def _pages_mismatches(ci: dict) -> list[str]:
    from_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    pages = ci.get("jobs", {}).get("pages", {})
    prepare = [step for step in _steps(ci, "test")
               if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    problems = []
    if pages.get("if") != from_main or any(step.get("if") != from_main for step in prepare):
        problems.append(f"GitHub Pages is published other than from main: `if: {from_main}` "
                        "is missing on the pages job or its artifact step")
    if "test" not in str(pages.get("needs")) or not any(
            step.get("uses", "").startswith("actions/deploy-pages") for step in pages.get("steps", [])):
        problems.append("the pages job does not deploy (actions/deploy-pages) after the tests pass")
    return problems
