"""Command line: check an integration package and exit 0 (all pass), 1 (a check fails)
or 2 (the target cannot be checked at all)."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape

from checks.families import ORDER
from checks.families.common import NO_SPANS
from checks.report import Report
from checks.runner import DEFAULT_TIMEOUT
from checks.suite import run_checks

EXIT_PASS, EXIT_FAIL, EXIT_UNCHECKABLE = 0, 1, 2

DESCRIPTION = """\
Run the conformance checks on a pymemcache integration, against a real memcached and the
real APM test agent (both started and stopped here).

TARGET is a directory holding the integration package (e.g. integrations/memcached) or an
importable module name (e.g. ddtrace.contrib.internal.pymemcache, with --name pymemcache).
"""


def _positive_seconds(text: str) -> float:
    seconds = float(text)
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return seconds


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m checks", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", metavar="TARGET")
    parser.add_argument("--name", help="the integration's name: sets the expected `component` tag and "
                        "the DD_<NAME>_SERVICE variable (default: the package's name)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--check", action="append", choices=ORDER, metavar="CHECK",
                        help=f"run only this check (repeatable): {', '.join(ORDER)}")
    parser.add_argument("--timeout", type=_positive_seconds, default=DEFAULT_TIMEOUT,
                        help=f"seconds before a traced process counts as hung (default {DEFAULT_TIMEOUT:g})")
    return parser.parse_args(argv)


def exit_code(report: Report) -> int:
    if report.target_error:
        return EXIT_UNCHECKABLE
    return EXIT_PASS if report.passed else EXIT_FAIL


def _print_lines(report: Report, console: Console) -> None:
    width = max(len(check.check) for check in report.checks)
    hints_shown = set()
    for check in report.checks:
        if check.passed:
            console.print(f"[green]✓[/] {check.check:<{width}}  {escape(check.title)}: "
                          f"{len(check.cases)} of {len(check.cases)} cases pass")
            continue
        console.print(f"[red]✗[/] {check.check:<{width}}  {escape(check.reason)}")
        if check.hint and check.hint not in hints_shown:
            hints_shown.add(check.hint)
            # A stub's own chapter is not known here: only a defect points to the check's chapter.
            stub = check.failures and check.failures[0].not_written
            taught = f" (chapter {check.chapter})" if check.chapter and not stub else ""
            console.print(f"  {'':<{width}}  [dim]how to fix:[/] {escape(check.hint)}{taught}")
    failing = [check for check in report.checks if not check.passed]
    # The checks that read spans: invisible compares results, documented reads files.
    traced_checks = [check for check in report.checks if check.check not in ("invisible", "documented")]
    if traced_checks and all(any(case.observed == NO_SPANS for case in check.cases) for check in traced_checks):
        console.print("[red]diagnosis:[/] the integration produced no spans at all: patch() ran, "
                      "but no command was traced")
    summary = f"{len(report.checks) - len(failing)} of {len(report.checks)} checks pass"
    console.print(f"[bold {'green' if not failing else 'red'}]{summary}[/]")


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    checks = tuple(args.check) if args.check else ORDER
    console = Console(highlight=False, soft_wrap=True)
    if not args.json:
        console.print(f"Checking [bold]{escape(args.target)}[/] …")
    report = run_checks(args.target, checks, args.name, args.timeout)
    code = exit_code(report)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    elif report.target_error:
        Console(stderr=True, highlight=False, soft_wrap=True).print(
            f"[red]error:[/] cannot check {escape(args.target)}: {escape(report.target_error)}")
    else:
        _print_lines(report, console)
    return code
