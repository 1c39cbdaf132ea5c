"""One renderer for every form of a report: plain text (notebook tests, ``repr``), HTML
(Jupyter, the site) and the terminal (the command line, in colour).

A report is first laid out as a few blocks (paragraphs, tables, preformatted evidence);
each form then draws the same blocks. A block marked ``only="text"`` or ``only="html"``
is evidence or advice that one form shows in a place of its own (HTML gives hints a
column; text lists them under the table). This module reads results by their attributes
and never imports checks.report, which imports it.

The plain text holds nothing that changes between two runs of the same integration: no
ports, ids, durations or temporary key names; the checks already leave those out of the
observed and expected values.
"""

from __future__ import annotations

import html
import io
import textwrap
from dataclasses import dataclass, field

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.status import FAIL, KEPT, NOT_WRITTEN, PASS

_WIDTH = 140
_STATE_STYLE = {True: "green", False: "red", KEPT: "green", NOT_WRITTEN: "yellow"}


@dataclass
class Para:
    """A paragraph of styled runs: (text, style), style one of '', 'strong', 'code', 'pass',
    'fail', 'dim'. In plain text, ``prefix`` starts it and long lines wrap under it."""
    runs: list[tuple[str, str]]
    prefix: str = ""
    wrap: bool = True
    only: str = ""


@dataclass
class Grid:
    """A table whose first column is a state: a bool (pass/fail) or a progress status."""
    headers: list[str]
    rows: list[tuple[bool | str, list[str]]] = field(default_factory=list)
    only: str = ""


@dataclass
class Pre:
    """Evidence as it was recorded; with a ``summary``, folded away in HTML."""
    text: str
    summary: str = ""
    only: str = ""


def mark(passed: bool) -> str:
    return f"{PASS} pass" if passed else f"{FAIL} FAIL"


def _state_text(state: bool | str) -> str:
    return mark(state) if isinstance(state, bool) else state


def _label(report) -> str:
    return f"{report.name} ({report.target})" if report.name else report.target


# -- layout: a report as blocks ----------------------------------------------------------
def _check_blocks(check, only_failures: bool = False) -> list:
    blocks: list = []
    if check.error:
        blocks.append(Para([(check.error, "")], prefix=f"  {FAIL} ", only="text"))
        if check.error_hint:
            blocks.append(Para([(check.error_hint, "")], prefix="    how to fix: ", only="text"))
        blocks.append(Grid(["result", "problem", "how to fix"], [(False, [check.error, check.error_hint])],
                           only="html"))
    else:
        shown = [case for case in check.cases if not (only_failures and case.passed)]
        setting = ["setting"] if any(case.setting for case in check.cases) else []
        cells = [lambda case: [case.setting] if setting else [],
                 lambda case: [case.name, case.observed, case.expected]]
        rows = [(case.passed, cells[0](case) + cells[1](case)) for case in shown]
        blocks.append(Grid(["result", *setting, "case", "observed", "expected"], rows, only="text"))
        hinted = set()
        for case in check.failures:
            if case.hint in hinted:
                continue  # the same advice for several cases is given once
            hinted.add(case.hint)
            where = f" [{case.setting}]" if case.setting else ""
            blocks.append(Para([(case.hint, "")], prefix=f"{FAIL} {case.name}{where}: how to fix: ", only="text"))
        blocks.append(Grid(["result", *setting, "case", "observed", "expected", "how to fix"],
                           [(state, values + ["" if state else case.hint])
                            for (state, values), case in zip(rows, shown)], only="html"))
    if check.detail:
        blocks.append(Pre(check.detail))
    if check.raw_detail:
        blocks.append(Pre(check.raw_detail, summary="The test agent's full explanation", only="html"))
    return blocks


def report_blocks(report) -> list:
    label = _label(report)
    if report.error:
        return [Para([(f"{FAIL} cannot check {label}: {report.error}", "")], only="text"),
                Grid([], [(False, [f"cannot check {label}: {report.error}"])], only="html")]
    if len(report.checks) == 1:
        check = report.checks[0]
        return [Para([(f"{check.title}: {mark(check.passed)} for {label}", "")], wrap=False, only="text"),
                Para([(check.promise, "")], prefix="promise: ", only="text"),
                Para([(check.title, "strong"), (" for ", ""), (label, "code"), (f": {check.promise}", "")],
                     only="html"),
                *_check_blocks(check)]
    passing = sum(check.passed for check in report.checks)
    counts = [f"{len(check.cases) - len(check.failures)}/{len(check.cases)}" for check in report.checks]
    blocks = [Para([(f"Checks of {label}: {passing} of {len(report.checks)} pass", "")], wrap=False, only="text"),
              Para([("Checks of ", "strong"), (label, "strong code"),
                    (f": {passing} of {len(report.checks)} pass", "")], only="html"),
              Grid(["result", "check", "cases", "reason"],
                   [(check.passed, [check.title, count, check.reason])
                    for check, count in zip(report.checks, counts)], only="text"),
              Grid(["result", "check", "cases", "reason", "how to fix"],
                   [(check.passed, [check.title, count, check.reason, check.hint])
                    for check, count in zip(report.checks, counts)], only="html")]
    for check in report.checks:
        if not check.passed:
            blocks.append(Para([(f"\n{FAIL} {check.title}", "")], wrap=False, only="text"))
            blocks.append(Para([(f"{FAIL} {check.title}", "strong")], only="html"))
            blocks += _check_blocks(check, only_failures=True)
    return blocks


def progress_blocks(progress) -> list:
    if progress.report.error:
        return report_blocks(progress.report)
    kept = sum(row["status"] == KEPT for row in progress.rows)
    summary = f"Progress of {_label(progress.report)}: {kept} of {len(progress.rows)} promises kept"
    rows = [(row["status"], [row["title"], row["promise"], row["chapter"], f"{row['passing']}/{row['cases']}"])
            for row in progress.rows]
    return [Para([(summary, "strong")], wrap=False),
            Grid(["status", "check", "promise", "chapter", "cases passing"], rows)]


def summary_blocks(report, not_traced: bool) -> list:
    """The command line's view: a line per check, the first hint of each kind, a verdict."""
    width = max(len(check.check) for check in report.checks)
    blocks, hinted = [], set()
    for check in report.checks:
        if check.passed:
            blocks.append(Para([(PASS, "pass"), (f" {check.check:<{width}}  {check.title}: "
                                 f"{len(check.cases)} of {len(check.cases)} cases pass", "")], wrap=False))
            continue
        blocks.append(Para([(FAIL, "fail"), (f" {check.check:<{width}}  {check.reason}", "")], wrap=False))
        if check.hint and check.hint not in hinted:
            hinted.add(check.hint)
            # A stub's own chapter is not known here: only a defect points to the check's chapter.
            stub = check.failures and check.failures[0].not_written
            taught = f" (chapter {check.chapter})" if check.chapter and not stub else ""
            blocks.append(Para([(f"  {'':<{width}}  ", ""), ("how to fix:", "dim"),
                                (f" {check.hint}{taught}", "")], wrap=False))
    if not_traced:
        blocks.append(Para([("diagnosis:", "fail"), (" the integration produced no spans at all: patch() "
                                                     "ran, but no command was traced", "")], wrap=False))
    failing = sum(not check.passed for check in report.checks)
    verdict = f"{len(report.checks) - failing} of {len(report.checks)} checks pass"
    blocks.append(Para([(verdict, f"strong {'fail' if failing else 'pass'}")], wrap=False))
    return blocks


# -- the three forms ---------------------------------------------------------------------
def _rich_table(grid: Grid, colour: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for header in grid.headers:
        table.add_column(header, overflow="fold", no_wrap=header in ("result", "status"))
    for state, cells in grid.rows:
        style = _STATE_STYLE.get(state, "red") if colour else ""
        # Text: '[v1]' is a value, not markup
        table.add_row(Text(_state_text(state), style=style), *(Text(cell) for cell in cells))
    return table


def _rich_text(para: Para) -> Text:
    styles = {"strong": "bold", "code": "", "pass": "green", "fail": "red", "dim": "dim"}
    text = Text()
    for run, style in para.runs:
        text.append(run, style=" ".join(styles[word] for word in style.split() if styles[word]))
    return text


def _text_of(block) -> str:
    if isinstance(block, Grid):
        console = Console(width=_WIDTH, record=True, color_system=None, file=io.StringIO(), force_jupyter=False)
        console.print(_rich_table(block, colour=False))
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")
    if isinstance(block, Pre):
        return "\n".join(textwrap.fill(line, width=_WIDTH, subsequent_indent="    ")
                         for line in block.text.rstrip().splitlines())
    body = "".join(run for run, _ in block.runs)
    if not block.wrap:
        return block.prefix + body
    return textwrap.fill(body, width=_WIDTH, initial_indent=block.prefix, subsequent_indent="    ")


def to_text(blocks: list) -> str:
    return "\n".join(_text_of(block) for block in blocks if block.only != "html")


def _html_cell(text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<td{klass}>{html.escape(text)}</td>"


def _html_state(state: bool | str) -> str:
    if isinstance(state, bool):
        return _html_cell(mark(state), "pass" if state else "fail")
    return _html_cell(state, {KEPT: "pass", NOT_WRITTEN: "todo"}.get(state, "fail"))


def _html_of(block) -> str:
    if isinstance(block, Grid):
        head = ("<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in block.headers) + "</tr></thead>"
                if block.headers else "")
        body = "".join("<tr>" + _html_state(state) + "".join(_html_cell(value) for value in values) + "</tr>"
                       for state, values in block.rows)
        return f'<table class="check-report">{head}<tbody>{body}</tbody></table>'
    if isinstance(block, Pre):
        pre = f"<pre>{html.escape(block.text)}</pre>"
        return f"<details><summary>{html.escape(block.summary, quote=False)}</summary>{pre}</details>" if block.summary else pre
    tags = {"strong": "strong", "code": "code"}
    parts = []
    for run, style in block.runs:
        words = [tags[word] for word in style.split() if word in tags]
        parts.append("".join(f"<{t}>" for t in words) + html.escape(run)
                     + "".join(f"</{t}>" for t in reversed(words)))
    return f"<p>{''.join(parts)}</p>"


def to_html(blocks: list) -> str:
    return "".join(_html_of(block) for block in blocks if block.only != "text")


def to_terminal(blocks: list, console: Console) -> None:
    for block in blocks:
        if block.only == "html":
            continue
        if isinstance(block, Grid):
            console.print(_rich_table(block, colour=True))
        elif isinstance(block, Pre):
            console.print(Text(_text_of(block), style="dim"))
        else:
            console.print(Text(block.prefix) + _rich_text(block))


# -- what checks.report calls --------------------------------------------------------------
def as_text(report) -> str:
    return to_text(report_blocks(report))


def as_html(report) -> str:
    return to_html(report_blocks(report))


def progress_text(progress) -> str:
    return to_text(progress_blocks(progress))


def progress_html(progress) -> str:
    return to_html(progress_blocks(progress))
