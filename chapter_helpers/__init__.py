"""Helpers that each serve one chapter of the guide, kept out of the chapters' prose.

A chapter calls them to compute what it shows, so the page states facts computed from
code rather than copied into text:

- ``research``: facts about a client library read from its code (chapter 2);
- ``api_names``: every ddtrace name the chapters mention, resolved by a test against the
  installed ddtrace (chapter 5, tests/walkthrough/test_api_names.py);
- ``checklist``: the integration checklist, each item answered from the repository (chapter 7).

What several chapters share lives elsewhere: writing the integration in cells in
workbench/, showing spans and code in traceview/, services and traced processes in harness/.
"""
