"""`make lab` in a real browser: a chapter opens as a notebook, and a cell runs.

The server is `make lab`'s own command (scripts/lab.sh: same settings, same root), started
through the harness (harness.process: own session, dies with us, log file, clear errors)
on a free port with a token and no browser of its own. Chromium is Debian's
(scripts/browser-deps.sh), driven headless by Playwright. Run-time state goes to a
temporary folder, and the server and its kernel are gone when the module ends, pass or fail.

Every wait is for a condition, with generous time limits: a first start compiles
JupyterLab's bytecode, and the machine may be busy running other tests.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from harness import free_port
from harness.process import PortInUseError, RunningServer, ServerExitedError, ServerSpec, start_server
from tests.lab.conftest import REPO

LAB_SH = REPO / "scripts" / "lab.sh"
CHAPTER = "00-setup.md"
CHAPTER_TITLE = "Setup: a trace from a real redis"
CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 240.0   # s, server start to first answer
UI_TIMEOUT = 180_000    # ms, each wait in the browser
LAUNCH_TIMEOUT = 300_000  # ms, Playwright's driver and chromium starting
STOP_TIMEOUT = 60.0     # s, for the server and its kernel to be gone


# Above pyproject's 300 s: a cold start on a busy machine, then a kernel, then the browser.
pytestmark = pytest.mark.timeout(900)


@dataclass
class LabSpec(ServerSpec):
    """scripts/lab.sh, on the port the harness chose, with a token and no browser."""

    name: str = "jupyterlab"
    binary: str = str(LAB_SH)
    install_hint: str = "scripts/lab.sh is part of the repository; restore it (git checkout)."
    token: str = ""

    def argv(self, binary_path, port, workdir):
        # port_retries=0: if the port is taken after all, exit (and we retry on a fresh
        # one) instead of quietly serving on another port nobody waits for.
        return [binary_path, f"--port={port}", "--ServerApp.port_retries=0", "--no-browser",
                f"--IdentityProvider.token={self.token}"]


@dataclass
class Lab:
    server: RunningServer
    token: str
    state: Path

    @property
    def url(self) -> str:
        return f"http://{self.server.host}:{self.server.port}"

    def get(self, path: str) -> bytes:
        request = urllib.request.Request(f"{self.url}{path}",
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()


def _start(spec: LabSpec, state: Path, logs: Path) -> RunningServer:
    env = {"LAB_STATE": str(state), "VENV": sys.prefix}
    with pytest.MonkeyPatch.context() as patch:  # the server's environment, and only its
        for key, value in env.items():
            patch.setenv(key, value)
        for attempt in range(3):
            try:
                return start_server(spec, free_port(), logs, timeout=START_TIMEOUT)
            except (ServerExitedError, PortInUseError):
                if attempt == 2:
                    raise


def _wait_until_serving(lab: Lab) -> None:
    """The port accepts connections before the server's loop runs: wait for an answer."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            json.loads(lab.get("/api/status"))
            return
        except (OSError, ValueError) as error:
            if time.monotonic() > deadline or not lab.server.running():
                raise AssertionError(f"JupyterLab did not answer on {lab.url}: {error}; "
                                     f"its log: {lab.server.log_path}") from error
        time.sleep(0.2)


def _stop(lab: Lab) -> None:
    """Stop the server; then its kernels and every other process it started must be gone."""
    try:
        server = psutil.Process(lab.server.pid)
        started = [server, *server.children(recursive=True)]
    except (psutil.NoSuchProcess, TypeError):
        started = []
    lab.server.stop()
    _, alive = psutil.wait_procs(started, timeout=STOP_TIMEOUT)
    for process in alive:
        process.kill()
    assert not alive, f"left running after the lab stopped: {alive}"


@pytest.fixture(scope="module")
def lab(lab_installed, tmp_path_factory):
    state = tmp_path_factory.mktemp("lab-state")
    # The learner's own settings would go here. Autosave off: the test types into a chapter
    # of the repository and must never write it back.
    user_settings = state / "config" / "lab" / "user-settings" / "@jupyterlab" / "docmanager-extension"
    user_settings.mkdir(parents=True)
    (user_settings / "plugin.jupyterlab-settings").write_text('{"autosave": false}')

    token = secrets.token_hex(16)
    server = _start(LabSpec(token=token), state, tmp_path_factory.mktemp("lab-log"))
    running = Lab(server, token, state)
    try:
        _wait_until_serving(running)
        yield running
    finally:
        _stop(running)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Checked before the server starts (a wider scope is set up first)."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"no browser at {CHROMIUM}: install Debian's chromium "
                    "(`make browser-deps` as root, or `sudo apt-get install -y chromium`), or "
                    "set CHROMIUM to a Chromium binary.", pytrace=False)
    return CHROMIUM


@pytest.fixture
def page(chromium, lab):
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError as error:
        pytest.fail(f"{error}: Playwright comes from requirements.lock; run `make venv`.",
                    pytrace=False)

    expect.set_options(timeout=UI_TIMEOUT)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=CHROMIUM_ARGS, timeout=LAUNCH_TIMEOUT)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(UI_TIMEOUT)
            yield page
        finally:
            browser.close()


def test_the_server_reads_the_projects_settings(lab):
    """The overrides reach the browser: scripts/lab.sh puts jupyter/ on the config path."""
    docmanager = json.loads(lab.get("/lab/api/settings/@jupyterlab/docmanager-extension:plugin"))
    viewers = docmanager["schema"]["properties"]["defaultViewers"]["default"]
    assert viewers.get("markdown") == viewers.get("myst") == "Jupytext Notebook", viewers
    notification = json.loads(lab.get("/lab/api/settings/@jupyterlab/apputils-extension:notification"))
    assert notification["schema"]["properties"]["fetchNews"]["default"] == "false"


def test_run_time_state_stays_out_of_the_repository(lab):
    """The page's config names where JupyterLab writes: all under LAB_STATE, none in the repo."""
    html = lab.get("/lab").decode()
    config = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">'
                                  r"(.*?)</script>", html, re.S).group(1))
    assert Path(config["serverRoot"]) == REPO
    for key in ("userSettingsDir", "workspacesDir"):
        assert Path(config[key]).is_relative_to(lab.state), (key, config[key])


CODE = "import os; print(6 * 7, os.getcwd())"


def test_a_chapter_opens_as_a_notebook_and_runs_a_cell(lab, page, tmp_path):
    from playwright.sync_api import expect

    # Opening a document makes JupyterLab save a first checkpoint, in a folder git ignores.
    checkpoints = REPO / "notebooks" / ".ipynb_checkpoints"
    ours = [path for path in (checkpoints / CHAPTER.replace(".md", "-checkpoint.md"), checkpoints)
            if not path.exists()]
    step = "loading JupyterLab"
    try:
        # The default page is the file browser on notebooks/; a double click opens a chapter.
        page.goto(f"{lab.url}/?token={lab.token}")
        step = f"double-clicking {CHAPTER} in the file browser"
        chapter = page.locator(".jp-DirListing-item", has=page.get_by_text(CHAPTER, exact=True))
        opened = page.locator(".jp-NotebookPanel, .jp-FileEditor")
        # Opening an open document again only shows it: repeating the gesture is harmless.
        _until(chapter.dblclick, lambda timeout: expect(opened.first).to_be_visible(timeout=timeout))

        step = f"waiting for {CHAPTER} to open"
        assert page.locator(".jp-FileEditor").count() == 0, (
            f"{CHAPTER} opened in the text editor, not as a notebook: JupyterLab did not get "
            "the default viewer of jupyter/labconfig/default_setting_overrides.json")
        notebook = page.locator(".jp-NotebookPanel")
        expect(notebook).to_have_count(1)
        title = notebook.locator(".jp-MarkdownCell h1", has_text=CHAPTER_TITLE)
        expect(title).to_be_visible()

        step = "waiting for the kernel to be idle"
        # The kernel is up (the toolbar's indicator), so running a cell asks no question.
        expect(notebook.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).to_have_count(1)

        # Keys go where the focus is, and a busy page may still move the focus after a
        # gesture (JupyterLab re-focuses the notebook once a new cell's editor is ready).
        # So each step below acts only while its effect is missing, and checks it.
        step = "inserting a cell under the title (click the title's cell, Escape, b)"
        cells = notebook.locator(".jp-Notebook .jp-Cell")  # all in the DOM (windowing: contentVisibility)
        before = cells.count()

        def insert():
            if cells.count() == before:
                title.click()
                page.keyboard.press("Escape")
                page.keyboard.press("b")

        _until(insert, lambda timeout: expect(cells).not_to_have_count(before, timeout=timeout))
        cell = cells.nth(1)
        expect(cell).to_have_class(re.compile(r"\bjp-CodeCell\b"))
        editor = cell.locator(".cm-content")
        focused = cell.locator(".cm-editor.cm-focused")

        def focus():
            if focused.count() == 0:
                editor.click()
                expect(focused).to_have_count(1, timeout=10_000)

        step = "typing into the new cell"

        def type_code():
            if not editor.inner_text().strip():
                focus()
                page.keyboard.insert_text(CODE)

        _until(type_code, lambda timeout: expect(editor).to_have_text(CODE, timeout=timeout))

        step = "running the new cell (Shift+Enter)"
        prompt = cell.locator(".jp-InputPrompt")

        def run():
            if prompt.inner_text().strip() == "[ ]:":
                focus()
                page.keyboard.press("Shift+Enter")

        _until(run, lambda timeout: expect(prompt).not_to_have_text("[ ]:", timeout=timeout))
        # The kernel's working directory is the notebook's own folder.
        expect(cell.locator(".jp-OutputArea-output")).to_have_text(f"42 {REPO / 'notebooks'}")

        step = "looking for a news prompt"
        # By now the app has long been restored: a news prompt would be on screen.
        assert page.get_by_text(re.compile("Jupyter news", re.I)).count() == 0, (
            "JupyterLab asks about Jupyter news: fetchNews is not \"false\"")
    except Exception as error:
        error.add_note(f"failed while {step}")
        error.add_note(_describe(page, tmp_path / "lab.png"))
        error.add_note(f"server log ({lab.server.log_path}), last lines:\n    "
                       + _log_tail(lab.server.log_path))
        raise
    finally:
        for path in ours:  # only what this test created
            try:
                path.rmdir() if path == checkpoints else path.unlink(missing_ok=True)
            except OSError:
                pass
        # Autosave is off and nothing saves: the chapter in the repository is untouched.
        assert "Saving file at" not in lab.server.log_path.read_text(errors="replace"), (
            f"the lab saved a file during the test; see {lab.server.log_path}")


def _until(act, done, attempt_ms: int = 15_000) -> None:
    """Repeat the gesture ``act`` until ``done(timeout_ms)`` stops raising, within UI_TIMEOUT."""
    deadline = time.monotonic() + UI_TIMEOUT / 1000
    while True:
        try:
            act()
            done(attempt_ms)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise


def _describe(page, screenshot: Path) -> str:
    """What the learner would see: open tabs, dialogs, notifications; and a screenshot."""
    lines = []
    for what, selector in [("tabs", ".lm-DockPanel-tabBar .lm-TabBar-tabLabel"),
                           ("dialogs", ".jp-Dialog-content"), ("notifications", ".Toastify__toast"),
                           ("kernel status", ".jp-Notebook-ExecutionIndicator")]:
        try:
            locator = page.locator(selector)
            texts = locator.all_inner_texts() if what != "kernel status" else [
                str(locator.nth(i).get_attribute("data-status")) for i in range(locator.count())]
            lines.append(f"{what}: {texts}")
        except Exception as error:  # the page may be gone
            lines.append(f"{what}: ({error.__class__.__name__})")
    try:
        page.screenshot(path=screenshot)
        lines.append(f"screenshot: {screenshot}")
    except Exception:
        pass
    return "\n".join(lines)


def _log_tail(path: Path, lines: int = 15) -> str:
    return "\n    ".join(path.read_text(errors="replace").splitlines()[-lines:])
