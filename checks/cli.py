"""Command line: check an integration package and exit 0 (all pass), 1 (a check fails)
or 2 (the target cannot be checked at all)."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape

from checks.cases import NO_SPANS
from checks.families import ORDER
from checks.profiles import DEFAULT, profiles
from checks.render import summary_blocks, to_terminal
from checks.report import Report
from checks.runner import DEFAULT_TIMEOUT
from checks.suite import run_checks

EXIT_PASS, EXIT_FAIL, EXIT_UNCHECKABLE = 0, 1, 2

DESCRIPTION = """\
Run the conformance checks on an integration of a client library (pymemcache by default,
or redis with --library redis), against its real server and the real APM test agent (both
started and stopped here).

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
    parser.add_argument("--library", choices=list(profiles()), default=DEFAULT,
                        help=f"the library the integration instruments: its profile of commands, server, "
                        f"naming and reference snapshots (default {DEFAULT})")
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


def _nothing_traced(report: Report) -> bool:
    # The checks that read spans: invisible compares results, documented reads files.
    traced = [check for check in report.checks if check.check not in ("invisible", "documented")]
    return bool(traced) and all(any(case.observed == NO_SPANS for case in check.cases) for check in traced)


def _console(file=None, stderr: bool = False) -> Console:
    return Console(file=file, stderr=stderr, highlight=False, soft_wrap=True)


def show(report: Report, target: str, as_json: bool = False, out=None, err=None) -> int:
    """Print ``report`` as the command line does (to ``out``/``err``, default stdout/stderr)
    and return the exit status."""
    code = exit_code(report)
    if as_json:
        print(json.dumps(report.to_dict(), indent=2), file=out or sys.stdout)
    elif report.target_error:
        _console(err, stderr=err is None).print(
            f"[red]error:[/] cannot check {escape(target)}: {escape(report.target_error)}")
    else:
        to_terminal(summary_blocks(report, _nothing_traced(report)), _console(out))
    return code


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    checks = tuple(args.check) if args.check else None
    if not args.json:
        _console().print(f"Checking [bold]{escape(args.target)}[/] …")
    try:
        report = run_checks(args.target, checks, args.name, args.timeout, library=args.library)
    except ValueError as error:  # a --check that does not apply to the --library
        _console(stderr=True).print(f"[red]error:[/] {escape(str(error))}")
        return EXIT_UNCHECKABLE
    return show(report, args.target, args.json)
