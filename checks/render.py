"""Reports for people: an HTML table (Jupyter, the site) and plain text (terminal, notebook tests).

The plain text holds nothing that changes between two runs of the same integration: no
ports, ids, durations or temporary key names; the checks already leave those out of the
observed and expected values.
"""

from __future__ import annotations

import html
import io
import textwrap

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.report import KEPT, NOT_WRITTEN, CheckResult, Progress, Report

PASS, FAIL = "✓", "✗"
_WIDTH = 140


def _mark(passed: bool) -> str:
    return f"{PASS} pass" if passed else f"{FAIL} FAIL"


def _table_text(headers: list[str], rows: list[list[str]]) -> str:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold", no_wrap=header in ("result", "status"))
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # Text: '[v1]' is a value, not markup
    console = Console(width=_WIDTH, record=True, color_system=None, file=io.StringIO(),
                      force_jupyter=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")


def _wrap(prefix: str, text: str) -> str:
    return textwrap.fill(text, width=_WIDTH, initial_indent=prefix, subsequent_indent="    ")


def _case_rows(check: CheckResult, only_failures: bool = False) -> tuple[list[str], list[list[str]]]:
    with_setting = any(case.setting for case in check.cases)
    headers = ["result"] + (["setting"] if with_setting else []) + ["case", "observed", "expected"]
    rows = []
    for case in check.cases:
        if only_failures and case.passed:
            continue
        rows.append([_mark(case.passed)] + ([case.setting] if with_setting else [])
                    + [case.name, case.observed, case.expected])
    return headers, rows


def _check_text(check: CheckResult, only_failures: bool = False) -> list[str]:
    lines = []
    if check.error:
        lines.append(_wrap(f"  {FAIL} ", check.error))
        if check.error_hint:
            lines.append(_wrap("    how to fix: ", check.error_hint))
    else:
        lines.append(_table_text(*_case_rows(check, only_failures)))
        shown = set()
        for case in check.failures:
            if case.hint in shown:
                continue  # the same advice for several cases is given once
            shown.add(case.hint)
            where = f" [{case.setting}]" if case.setting else ""
            lines.append(_wrap(f"{FAIL} {case.name}{where}: how to fix: ", case.hint))
    if check.detail:
        lines += [_wrap("", line) for line in check.detail.rstrip().splitlines()]
    return lines


def as_text(report: Report) -> str:
    label = f"{report.name} ({report.target})" if report.name else report.target
    if report.error:
        return _wrap("", f"{FAIL} cannot check {label}: {report.error}")
    if len(report.checks) == 1:
        check = report.checks[0]
        lines = [f"{check.title}: {_mark(check.passed)} for {label}", _wrap("promise: ", check.promise)]
        return "\n".join(lines + _check_text(check))
    passing = sum(check.passed for check in report.checks)
    lines = [f"Checks of {label}: {passing} of {len(report.checks)} pass"]
    rows = [[_mark(check.passed), check.title, f"{len(check.cases) - len(check.failures)}/{len(check.cases)}",
             check.reason] for check in report.checks]
    lines.append(_table_text(["result", "check", "cases", "reason"], rows))
    for check in report.checks:
        if not check.passed:
            lines.append(f"\n{FAIL} {check.title}")
            lines += _check_text(check, only_failures=True)
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------------
def _cell(text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<td{klass}>{html.escape(text)}</td>"


def _state_cell(state: bool | str) -> str:
    """A case's or check's pass/fail mark, or a check's progress status."""
    if isinstance(state, bool):
        return _cell(_mark(state), "pass" if state else "fail")
    return _cell(state, {KEPT: "pass", NOT_WRITTEN: "todo"}.get(state, "fail"))


def _table_html(headers: list[str], rows: list[tuple[bool | str, list[str]]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + _state_cell(state) + "".join(_cell(value) for value in values) + "</tr>"
                   for state, values in rows)
    return f'<table class="check-report"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _check_html(check: CheckResult, only_failures: bool = False) -> str:
    parts = []
    if check.error:
        parts.append(_table_html(["result", "problem", "how to fix"], [(False, [check.error, check.error_hint])]))
    else:
        with_setting = any(case.setting for case in check.cases)
        headers = ["result"] + (["setting"] if with_setting else []) + ["case", "observed", "expected", "how to fix"]
        rows = [(case.passed, ([case.setting] if with_setting else [])
                 + [case.name, case.observed, case.expected, "" if case.passed else case.hint])
                for case in check.cases if not (only_failures and case.passed)]
        parts.append(_table_html(headers, rows))
    if check.detail:
        parts.append(f"<pre>{html.escape(check.detail)}</pre>")
    if check.raw_detail:
        parts.append("<details><summary>The test agent's full explanation</summary>"
                     f"<pre>{html.escape(check.raw_detail)}</pre></details>")
    return "".join(parts)


def as_html(report: Report) -> str:
    label = html.escape(f"{report.name} ({report.target})" if report.name else report.target)
    if report.error:
        return (f'<table class="check-report"><tbody><tr>{_cell(f"{FAIL} FAIL", "fail")}'
                f"<td>cannot check {label}: {html.escape(report.error)}</td></tr></tbody></table>")
    if len(report.checks) == 1:
        check = report.checks[0]
        return (f"<p><strong>{html.escape(check.title)}</strong> for <code>{label}</code>: "
                f"{html.escape(check.promise)}</p>" + _check_html(check))
    passing = sum(check.passed for check in report.checks)
    rows = [(check.passed, [check.title, f"{len(check.cases) - len(check.failures)}/{len(check.cases)}",
                            check.reason, check.hint]) for check in report.checks]
    parts = [f"<p><strong>Checks of <code>{label}</code></strong>: {passing} of {len(report.checks)} pass</p>",
             _table_html(["result", "check", "cases", "reason", "how to fix"], rows)]
    for check in report.checks:
        if not check.passed:
            parts.append(f"<p><strong>{FAIL} {html.escape(check.title)}</strong></p>"
                         + _check_html(check, only_failures=True))
    return "".join(parts)


# -- progress: one row per check ----------------------------------------------------------
_PROGRESS_HEADERS = ["status", "check", "promise", "chapter", "cases passing"]


def _progress_rows(progress: Progress) -> list[tuple[str, list[str]]]:
    return [(row["status"], [row["title"], row["promise"], row["chapter"], f"{row['passing']}/{row['cases']}"])
            for row in progress.rows]


def _progress_summary(progress: Progress) -> str:
    report = progress.report
    label = f"{report.name} ({report.target})" if report.name else report.target
    kept = sum(row["status"] == KEPT for row in progress.rows)
    return f"Progress of {label}: {kept} of {len(progress.rows)} promises kept"


def progress_text(progress: Progress) -> str:
    if progress.report.error:
        return as_text(progress.report)
    rows = [[status] + values for status, values in _progress_rows(progress)]
    return _progress_summary(progress) + "\n" + _table_text(_PROGRESS_HEADERS, rows)


def progress_html(progress: Progress) -> str:
    if progress.report.error:
        return as_html(progress.report)
    return (f"<p><strong>{html.escape(_progress_summary(progress))}</strong></p>"
            + _table_html(_PROGRESS_HEADERS, _progress_rows(progress)))
