"""`make lab` in a real browser: a chapter opens as a notebook, and a cell runs (and its text
is replaced when the kernel asks, as exercise mode does).

The server is `make lab`'s own command, started through the harness (tests/lab/lab_server.py).
Chromium is Debian's (scripts/browser-deps.sh), driven headless by Playwright. Run-time state goes to a
temporary folder, and the server and its kernel are gone when the module ends, pass or fail.

Every wait is for a condition, with generous time limits: a first start compiles
JupyterLab's bytecode, and the machine may be busy running other tests.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

import pytest

from tests.browser.chromium import BrowserUnavailable, launched, require_chromium
from tests.lab.conftest import REPO
from tests.lab.lab_server import Lab, LabSpec, log_tail, start_lab, stop_lab, wait_until_serving

CHAPTER = "00-setup.md"
CHAPTER_TITLE = "Setup: a trace from a real redis"
UI_TIMEOUT = 180_000    # ms, each wait in the browser


# Above pyproject's 300 s: a cold start on a busy machine, then a kernel, then the browser.
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def lab(lab_installed, tmp_path_factory):
    state = tmp_path_factory.mktemp("lab-state")
    # The learner's own settings would go here. Autosave off: the test types into a chapter
    # of the repository and must never write it back.
    user_settings = state / "config" / "lab" / "user-settings" / "@jupyterlab" / "docmanager-extension"
    user_settings.mkdir(parents=True)
    (user_settings / "plugin.jupyterlab-settings").write_text('{"autosave": false}')

    token = secrets.token_hex(16)
    server = start_lab(LabSpec(token=token), state, tmp_path_factory.mktemp("lab-log"))
    running = Lab(server, token, state)
    try:
        wait_until_serving(running)
        yield running
    finally:
        stop_lab(running)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Checked before the server starts (a wider scope is set up first)."""
    try:
        return require_chromium()
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def page(chromium, lab):
    try:
        with launched() as browser:
            from playwright.sync_api import expect  # launched() has checked Playwright is there

            expect.set_options(timeout=UI_TIMEOUT)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(UI_TIMEOUT)
            yield page
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)


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


# The cell also asks the lab, as exercise mode does, to replace its text (set_next_input with
# replace=True: a "change X" starter run unchanged hands back the learner's own version).
HANDED_BACK = "# the cell's new text, from the kernel"
CODE = f"import os; print(6 * 7, os.getcwd()); get_ipython().set_next_input({HANDED_BACK!r}, replace=True)"


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
        # Under the title is the chapter's first code cell until the new, empty one takes its
        # place. (Counting cells misled: the count also grows while the notebook still renders.)
        under_title = cells.nth(1).locator(".cm-content")

        def insert():
            if under_title.inner_text().strip():
                title.click()
                page.keyboard.press("Escape")
                page.keyboard.press("b")

        _until(insert, lambda timeout: expect(under_title).to_have_text("", timeout=timeout))
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
        step = "waiting for the kernel's text to replace the cell's"
        expect(editor).to_have_text(HANDED_BACK)

        step = "looking for a news prompt"
        # By now the app has long been restored: a news prompt would be on screen.
        assert page.get_by_text(re.compile("Jupyter news", re.I)).count() == 0, (
            "JupyterLab asks about Jupyter news: fetchNews is not \"false\"")
    except Exception as error:
        error.add_note(f"failed while {step}")
        error.add_note(_describe(page, tmp_path / "lab.png"))
        error.add_note(f"server log ({lab.server.log_path}), last lines:\n    "
                       + log_tail(lab.server.log_path))
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
