"""The exercise builder and the learner's package, without kernels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from practice.learner import catch_up, status
from practice.magics import not_written_message
from practice.markdown import to_jupyter
from practice.starters import names_used, starter_cell
from practice.write import write_exercises
from tests.exercises.learners import CHAPTERS, EXERCISE_CHAPTERS, bench_caught_up_before
from workbench.bench import Workbench, WorkbenchError
from workbench.units import parse_units

REPO = Path(__file__).resolve().parents[2]

FACTORY = '''def _traced(command: str):
    """One wrapper per command."""
    def traced(wrapped, instance, args, kwargs):
        with tracer.trace("op", resource=command):
            return wrapped(*args, **kwargs)

    return traced
'''


def test_a_new_function_keeps_its_signature_and_docstring_and_raises():
    cell = starter_cell('def rows(result) -> int:\n    """How many."""\n    return len(result)\n', [])
    assert cell.source == ('def rows(result) -> int:\n    """How many."""\n'
                           '    # TODO: write rows() as the chapter describes.\n'
                           '    raise NotImplementedError("rows() is not written yet")')
    namespace = {}
    exec(cell.source, namespace)
    with pytest.raises(NotImplementedError, match="rows"):
        namespace["rows"]([1])


def test_a_factory_keeps_the_inner_signature():
    cell = starter_cell(FACTORY, [])
    assert "def traced(wrapped, instance, args, kwargs):" in cell.source
    assert cell.source.rstrip().endswith("return traced")
    assert "tracer.trace" not in cell.source
    namespace = {}
    exec(cell.source, namespace)
    with pytest.raises(NotImplementedError):
        namespace["_traced"]("get")(None, None, (), {})  # the factory works; the wrapper is the task


def test_a_redefinition_starts_from_the_earlier_version():
    earlier = parse_units("def name():\n    return 'memcached'\n")
    cell = starter_cell("def name():\n    return schematize('memcached')\n", earlier)
    assert cell.source == "def name():\n    return 'memcached'"
    assert cell.tasks[0].rewrites
    assert names_used(cell.tasks[0]) == ["schematize"]


def test_imports_and_plain_constants_are_given_and_collections_start_empty():
    cell = starter_cell('import os\n\nNAME = "x"\n# what to wrap\nCOMMANDS = {"get": "get"}\n', [])
    assert "import os" in cell.source and 'NAME = "x"' in cell.source
    assert "# what to wrap\nCOMMANDS = {}  # TODO: fill in" in cell.source
    assert [task.label for task in cell.tasks] == ["COMMANDS"]


def test_myst_directives_become_markdown_every_front_end_renders():
    text = to_jupyter(":::{dropdown} Hint: why\nBecause.\n:::\n\n"
                      ":::{admonition} In this chapter\n:class: tip\nYou will.\n:::\n"
                      "See {doc}`04-tracing-commands`.")
    assert "<details>\n<summary>Hint: why</summary>\n\nBecause.\n\n</details>" in text
    assert "> **In this chapter**\n>\n> You will." in text
    assert ":::" not in text and "{doc}" not in text and "*04-tracing-commands*" in text


def test_tabs_stay_apart_and_a_glued_table_points_to_its_cell():
    text = to_jupyter("::::{tab-set}\n:::{tab-item} v0\nUnder its own service.\n```{glue} v0_spans\n```\n"
                      ":::\n:::{tab-item} v1\nUnder the application's.\n:::\n::::\n")
    assert "**v0**\n\nUnder its own service.\n*(shown in the output of the code cell above)*\n\n**v1**" in text
    assert "{glue}" not in text and ":::" not in text


def test_make_exercises_never_overwrites_and_force_saves_first(tmp_path):
    write_exercises(tmp_path)
    chapter = tmp_path / "04-tracing-commands.md"
    notebook = jupytext.read(chapter)
    assert jupytext.read(tmp_path / "04-tracing-commands.ipynb").cells  # the .ipynb opens too
    assert notebook.metadata["jupytext"]["formats"] == "ipynb,md:myst"
    chapter.write_text(chapter.read_text() + "\nmy notes\n")
    (tmp_path / "memcached" / "patch.py").write_text("# mine\n")
    lines = write_exercises(tmp_path)
    assert "my notes" in chapter.read_text() and (tmp_path / "memcached" / "patch.py").read_text() == "# mine\n"
    assert any(line.startswith("kept") for line in lines)
    write_exercises(tmp_path, force=True)
    assert "my notes" not in chapter.read_text()
    saved = list((tmp_path / ".saved").rglob("*"))
    assert any(p.name == "04-tracing-commands.md" and "my notes" in p.read_text() for p in saved if p.is_file())
    assert any(p.name == "patch.py" and p.read_text() == "# mine\n" for p in saved if p.is_file())


def test_the_learners_package_keeps_edits_made_in_an_editor(tmp_path):
    package = tmp_path / "memcached"
    bench = Workbench("memcached", package_dir=package)
    bench.scaffold("pymemcache", load=False)
    patch_py = package / "patch.py"
    patch_py.write_text(patch_py.read_text() + "\n\ndef mine():\n    return 42\n")
    bench.write("patch.py", "def other():\n    return 1\n", load=False)
    assert "def mine()" in patch_py.read_text() and "def other()" in patch_py.read_text()
    bench.close()
    assert patch_py.exists(), "closing the kernel's workbench must not delete the learner's package"


def test_a_syntax_error_in_the_learners_file_is_named_and_nothing_is_written(tmp_path):
    package = tmp_path / "memcached"
    Workbench("memcached", package_dir=package).scaffold("pymemcache", load=False)
    (package / "patch.py").write_text("def broken(:\n")
    with pytest.raises(WorkbenchError, match=r"patch.py line 1: .*nothing was written"):
        Workbench("memcached", package_dir=package)
    assert (package / "patch.py").read_text() == "def broken(:\n"


def test_catch_up_saves_the_learners_files_first(tmp_path):
    package = tmp_path / "memcached"
    bench = Workbench("memcached", package_dir=package)
    bench.scaffold("pymemcache", load=False)
    (package / "patch.py").write_text((package / "patch.py").read_text() + "\n# my attempt\n")
    saved = catch_up(bench, CHAPTERS, "04-tracing-commands")
    assert "# my attempt" in (saved / "patch.py").read_text()
    written = status(bench.files, EXERCISE_CHAPTERS[:2])
    assert all(not chapter.unwritten for chapter in written), written
    with pytest.raises(ValueError, match="no chapter"):
        catch_up(bench, CHAPTERS, "04-nope")


def test_a_stub_called_too_early_is_named_in_one_line(tmp_path):
    package = tmp_path / "memcached"
    package.mkdir()
    (package / "patch.py").write_text("def _tag_request():\n    raise NotImplementedError('x')\n")
    namespace = {}
    exec(compile((package / "patch.py").read_text(), str(package / "patch.py"), "exec"), namespace)
    try:
        namespace["_tag_request"]()
    except NotImplementedError as error:
        message = not_written_message(error, package.resolve())
    assert message.startswith("✍️ not written yet: _tag_request() (patch.py line 2).")


def test_checks_judge_the_learners_package_from_the_shell(tmp_path):
    write_exercises(tmp_path)
    command = [sys.executable, "-m", "checks", str(tmp_path / "memcached")]
    starter = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert starter.returncode == 1, starter.stdout + starter.stderr
    for source in (REPO / "integrations" / "memcached").glob("*.py"):
        text = source.read_text().replace("integrations.memcached.", ".")
        (tmp_path / "memcached" / source.name).write_text(text)
    solved = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert solved.returncode == 0, solved.stdout + solved.stderr


def test_generated_notebooks_are_valid(tmp_path):
    write_exercises(tmp_path)
    for path in tmp_path.glob("*.ipynb"):
        nbformat.validate(nbformat.read(path, as_version=4))


def test_a_starter_run_unchanged_keeps_the_learners_own_version(tmp_path):
    # Chapter 5 hands over the guide's _traced_command from chapter 4 to change. A learner
    # whose own differs must not lose it (nor be handed the earlier answer) by running the
    # cell as it is; once they change the cell, it is written like any other.
    from practice.magics import guide_versions_to_change

    chapter = next(chapter for chapter in CHAPTERS if chapter.stem == "05-service-naming")
    package = tmp_path / "memcached"
    bench = bench_caught_up_before(chapter, package)
    exercise = next(exercise for exercise in chapter.exercises
                    if any(task.label == "_traced_command()" and task.rewrites for task in exercise.cell.tasks))
    starter = exercise.cell.source
    own = bench.definition("_traced_command").replace("span_type=SpanTypes.CACHE", "span_type='cache'")
    assert own != bench.definition("_traced_command")
    bench.write("patch.py", own, load=False)
    bench.starters = guide_versions_to_change(chapter)

    change = bench.write("patch.py", starter, load=False)
    assert change.kept_own == ("_traced_command()",)
    assert "kept your own _traced_command(): this cell held the guide's earlier version" in repr(change)
    assert "span_type='cache'" in bench.definition("_traced_command")
    # What the cell should now hold: the learner's version where the starter was, the rest as it was.
    assert change.own_cell == starter.replace(
        next(unit.source for unit in parse_units(starter) if unit.label == "_traced_command()"), own)

    solved = bench.write("patch.py", exercise.cell.solution, load=False)  # the cell, changed
    assert solved.kept_own == () and "_traced_command()" in solved.redefined
    assert "span_type='cache'" not in bench.definition("_traced_command")
    bench.close()
