"""The code that runs inside a check's subprocess: the traced application.

The parent (checks.runner) starts ``python -m checks.probe`` with a JSON request on
stdin and the test agent's session in the environment. The probe records the library's
own calls (recorder), imports the integration (loader), runs one family's workload
(workloads/<family>.py) and prints one JSON line with what it saw. Spans travel the
real way: ddtrace sends them to the test agent, where the parent reads them.
"""
