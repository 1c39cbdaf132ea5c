"""The workbench: how cells become an integration package (workbench/)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench import replay
from workbench.bench import Workbench, WorkbenchError
from workbench.scaffold import ScaffoldError, render_template, scaffold
from workbench.units import merge, parse_units, render


def labels(units):
    return [u.label for u in units]


# -- units: merging cells definition by definition ----------------------------------------
def test_a_redefinition_replaces_in_place_and_new_ones_append():
    units = parse_units("A = 1\n\ndef f():\n    return A\n\ndef g():\n    return 2\n")
    units, redefined, added = merge(units, parse_units("def f():\n    return 3\n\nB = 4\n"))
    assert labels(units) == ["A", "f()", "g()", "B"]
    assert redefined == ["f()"] and added == ["B"]
    assert "return 3" in render(units) and "return A" not in render(units)


def test_imports_are_keyed_by_module_and_written_at_the_top_in_isort_order():
    units = parse_units('"""Doc."""\nfrom __future__ import annotations\nimport os\n\nX = 1\n')
    units, _, _ = merge(units, parse_units("from wrapt import b\nimport sys\n\ndef f():\n    pass\n"))
    units, redefined, _ = merge(units, parse_units("from wrapt import b, c\n\nY = 2\n"))
    assert redefined == ["from wrapt import b, c"]
    assert render(units) == (
        '"""Doc."""\n\nfrom __future__ import annotations\n\nimport os\nimport sys\n\n'
        "from wrapt import b, c\n\nX = 1\nY = 2\n\n\ndef f():\n    pass\n")


def test_a_leading_string_is_the_module_docstring_and_comments_travel_with_definitions():
    units = parse_units('"""Old."""\n\nX = 1\n')
    units, redefined, _ = merge(units, parse_units('"""New."""\n\n# why X is 2\nX = 2\n'))
    assert redefined == ["module docstring", "X"]
    assert render(units).startswith('"""New."""') and "# why X is 2\nX = 2" in render(units)


def test_a_cell_with_a_syntax_error_names_its_line():
    with pytest.raises(SyntaxError) as error:
        parse_units("def f(:\n    pass\n", filename="<patch.py>")
    assert error.value.filename == "<patch.py>" and error.value.lineno == 1


# -- the scaffold --------------------------------------------------------------------------
def test_scaffold_fills_the_placeholders(tmp_path):
    package = scaffold("memcached", tmp_path, library="pymemcache")
    text = (package / "patch.py").read_text()
    assert '"memcached"' in text and '"pymemcache"' in text and "__integration__" not in text
    assert (package / "__init__.py").read_text().count("from .patch import") == 1


@pytest.mark.parametrize("name", ["", "two words", "1abc", "class", "../x", "_private"])
def test_scaffold_refuses_bad_names(tmp_path, name):
    with pytest.raises(ScaffoldError, match="not a valid module name"):
        scaffold(name, tmp_path)


def test_scaffold_never_overwrites(tmp_path):
    scaffold("memcached", tmp_path)
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("memcached", tmp_path)


def test_scaffold_command_line(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "workbench.scaffold", "memcached", str(tmp_path),
                         "--library", "pymemcache"], capture_output=True, text=True, timeout=30)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.split() == [str(tmp_path / "memcached" / "__init__.py"),
                                 str(tmp_path / "memcached" / "patch.py")]
    missing = subprocess.run([sys.executable, "-m", "workbench.scaffold", "memcached",
                              str(tmp_path / "nowhere")], capture_output=True, text=True, timeout=30)
    assert missing.returncode == 2 and "is not a directory" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_the_skeleton_imports_and_patches_nothing():
    bench = Workbench("skeleton_check")
    try:
        bench.scaffold("pymemcache")
        module = bench.module()
        module.patch()
        module.patch()
        module.unpatch()
        assert module.get_version()
    finally:
        bench.close()


# -- the workbench: files, variants, re-imports -------------------------------------------
@pytest.fixture
def bench():
    bench = Workbench("memcached")
    bench.scaffold("pymemcache")
    yield bench
    bench.reset()
    bench.close()


def test_each_workbench_has_its_own_directory():
    first, second = Workbench(), Workbench()
    try:
        assert first.target != second.target
        assert Path(first.target).name == "memcached"  # the check kit takes the name from it
    finally:
        first.close()
        second.close()


def test_write_reimports_so_the_next_cell_sees_the_new_code(bench):
    bench.write("patch.py", "def get_version():\n    return 'first'\n")
    assert bench.module().get_version() == "first"
    bench.write("patch.py", "def get_version():\n    return 'second'\n")
    assert bench.module().get_version() == "second"


def test_a_patched_library_is_repatched_with_the_new_code(bench):
    bench.write("patch.py", textwrap.dedent('''
        CALLS = []

        def patch():
            global _patched
            _patched = True
            CALLS.append("patch")

        def unpatch():
            global _patched
            _patched = False
            CALLS.append("unpatch")
    '''))
    old = sys.modules[f"{bench.module_name}.patch"]
    bench.module().patch()
    change = bench.write("patch.py", "VERSION_NOTE = 'changed'\n")
    assert old.CALLS == ["patch", "unpatch"]  # the old code was taken off the library...
    assert sys.modules[f"{bench.module_name}.patch"].CALLS == ["patch"]  # ...and the new one put on
    assert "re-patched" in repr(change)


def test_an_unpatch_that_raises_is_reported_and_the_next_cell_can_fix_it(bench):
    bench.write("patch.py", textwrap.dedent('''
        def patch():
            global _patched
            _patched = True

        def unpatch():
            raise RuntimeError("broken unpatch")
    '''))
    bench.module().patch()
    with pytest.raises(WorkbenchError, match="the previous unpatch\\(\\) raised RuntimeError: broken unpatch"):
        bench.write("patch.py", "def unpatch():\n    global _patched\n    _patched = False\n")
    # The fixed code was written and is the one loaded now: the workbench is not stuck.
    bench.write("patch.py", "VERSION_NOTE = 'after the fix'\n")
    assert bench.module().patch is not None
    assert sys.modules[f"{bench.module_name}.patch"].VERSION_NOTE == "after the fix"


def test_a_variant_leaves_the_package_alone(bench):
    before = bench.source("patch.py")
    change = bench.write_variant("no-version", "patch.py", "def get_version():\n    return ''\n")
    assert bench.source("patch.py") == before
    variant_file = Path(bench.variant_target("no-version")) / "patch.py"
    assert "return ''" in variant_file.read_text()
    assert Path(bench.variant_target("no-version")).name == "memcached"
    assert repr(change).startswith("variant 'no-version', patch.py: redefined get_version()")


def test_bad_input_gets_a_clear_error(bench):
    with pytest.raises(WorkbenchError, match="not a module of the package"):
        bench.write("../escape.py", "X = 1\n")
    with pytest.raises(WorkbenchError, match="no variant named 'missing'"):
        bench.variant_target("missing")
    with pytest.raises(WorkbenchError, match="defines no 'nothing'"):
        bench.definition("nothing")
    with pytest.raises(WorkbenchError, match="cannot name a package"):
        Workbench("two words")
    with pytest.raises(WorkbenchError, match="not a module of the package"):
        bench.write_variant("broken", "/etc/passwd.py", "X = 1\n")


def test_a_cell_that_fails_at_import_raises_and_the_next_one_can_fix_it(bench):
    with pytest.raises(ZeroDivisionError):
        bench.write("patch.py", "BROKEN = 1 / 0\n")
    bench.write("patch.py", "BROKEN = 1\n")
    assert bench.module().patch is not None


# -- replay: what later chapters and the drift test rebuild --------------------------------
def test_replay_reads_magic_cells_and_skips_variants(tmp_path):
    (tmp_path / "03-a.md").write_text(textwrap.dedent('''\
        ---
        jupytext:
          text_representation:
            extension: .md
            format_name: myst
            format_version: 0.13
        kernelspec:
          display_name: Python 3
          language: python
          name: python3
        ---

        # A

        ```{code-cell} ipython3
        %load_ext workbench
        %integration_scaffold --library pymemcache
        ```

        ```{code-cell} ipython3
        %%integration_file patch.py
        X = 1
        ```

        ```{code-cell} ipython3
        %%integration_file patch.py --variant broken
        X = 2
        ```
        '''))
    steps = replay.steps_in(tmp_path / "03-a.md")
    assert [(s.kind, s.file, s.source, s.library) for s in steps] == [
        ("scaffold", "", "", "pymemcache"), ("file", "patch.py", "X = 1", None)]
    with pytest.raises(ValueError, match="no chapter '99-none'"):
        replay.chapter_path("99-none", tmp_path)


def test_steps_through_a_chapter_stop_there():
    through = replay.steps_through("04-tracing-commands")
    before = replay.steps_through("04-tracing-commands", including_last=False)
    assert [s.chapter for s in through] == sorted(s.chapter for s in through)  # chapter order
    assert {s.chapter for s in through} == {"03-skeleton", "04-tracing-commands"}
    assert {s.chapter for s in before} == {"03-skeleton"} and through[:len(before)] == before
    with pytest.raises(ValueError, match="no chapter '04-nope'"):
        replay.steps_through("04-nope")


def test_template_renders_for_another_name():
    files = render_template("mylib", "mylib")
    assert set(files) == {"__init__.py", "patch.py"}


# -- the magics, in a real IPython shell ---------------------------------------------------
def test_the_magics_in_an_ipython_shell():
    from IPython.core.error import UsageError
    from IPython.core.interactiveshell import InteractiveShell

    import workbench

    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "workbench")
    try:
        shell.run_line_magic("integration_scaffold", "--library pymemcache")
        change = shell.run_cell_magic("integration_file", "patch.py", "GREETING = 'hi'\n")
        assert repr(change) == "patch.py: added GREETING"
        assert workbench.patch_module().GREETING == "hi"
        variant = shell.run_cell_magic("integration_file", "patch.py --variant other", "GREETING = 'yo'\n")
        assert repr(variant).startswith("variant 'other'") and workbench.patch_module().GREETING == "hi"
        # A reader's syntax error: their cell's line (the magic's line counted), no traceback
        # through the workbench, and nothing written.
        with pytest.raises(UsageError, match=r"SyntaxError in this cell, line 4: invalid syntax\n"
                                             r"    def f\(:\n          \^\nNothing was written"):
            shell.run_cell_magic("integration_file", "patch.py", "X = 1\n\ndef f(:\n    return 2\n")
        assert not hasattr(workbench.patch_module(), "X")
        with pytest.raises(UsageError, match="not a module of the package"):
            shell.run_cell_magic("integration_file", "../x.py", "X = 1\n")
        with pytest.raises(UsageError, match="name the chapters"):
            shell.run_line_magic("integration_resume", "")
        with pytest.raises(UsageError, match="no chapter '99-none'"):
            shell.run_line_magic("integration_resume", "99-none")
        with pytest.raises(UsageError, match="unrecognized arguments"):
            shell.run_line_magic("integration_scaffold", "--nope")
    finally:
        workbench.bench().reset()
        InteractiveShell.clear_instance()
