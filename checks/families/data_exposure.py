"""Data exposure: keys only on request, in the command text; stored values never.

The workload (checks/probe/workloads/data_exposure.py) stores values that carry random
markers under keys that carry other markers, once with the command-text setting unset,
once set to false and once to true, each in its own process. Every field of every span is
searched for the markers: the operation name, service, resource and type, every tag's
name and value (error message and stack included), every metric, anything else the
tracer sent. A marker found is named by the field that holds it, never shown: the markers
are random, the report is the same on every run.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from checks.expectations import COMMAND_TEXT_SETTING, COMMAND_TEXT_TAG
from checks.families.common import new_result, no_spans_case, record_probe_failure
from checks.keys import scrub
from checks.report import Case
from traceview.spans import tag

ID = "data_exposure"
TITLE = "Data exposure"
CHAPTER = "04-tracing-commands"
PROMISE = (f"with {COMMAND_TEXT_SETTING} unset or false, no key and no stored value appears anywhere "
           f"in a span; set to true, {COMMAND_TEXT_TAG} holds each command and its keys, no other "
           "field holds a key, and stored values still appear nowhere")

# (label, environment, whether the command text is on)
SETTINGS = (
    (f"{COMMAND_TEXT_SETTING} unset", {}, False),
    (f"{COMMAND_TEXT_SETTING}=false", {COMMAND_TEXT_SETTING: "false"}, False),
    (f"{COMMAND_TEXT_SETTING}=true", {COMMAND_TEXT_SETTING: "true"}, True),
)
# Filled in by the tracer alone: ids, times, the error flag.
_NOT_SEARCHED = frozenset({"trace_id", "span_id", "parent_id", "start", "duration", "error"})
_SHOWN = 4  # commands named in an observed value before "and N more"

HINT_KEYS_OFF = (f"record keys only when {COMMAND_TEXT_SETTING} is true (or 1), and then only in "
                 f"{COMMAND_TEXT_TAG}: read the variable's value, not its presence ('false' and unset "
                 "are off), and never put a key in the resource, another tag or an error message")
HINT_KEYS_ELSEWHERE = (f"put keys in {COMMAND_TEXT_TAG} and nowhere else: the resource is the command's "
                       "name alone, and no other tag, metric or message may quote a key")
HINT_VALUES = ("never record what is stored or read, whatever the settings: take the command text from "
               "the key argument alone (of a set_many dict, its keys), never from the value arguments "
               "or the result")
HINT_TEXT = (f"with {COMMAND_TEXT_SETTING}=true, tag {COMMAND_TEXT_TAG} before the call with the "
             "command's name and its keys, separated by spaces ('get_many <key 1> <key 2>')")


class Markers:
    """The workload's keys and values, and how a report names them (never by their text)."""

    def __init__(self, result: dict):
        self.keys = [scrub(key) for key in result["keys"]]        # the random part of each key
        self.values = list(result["values"])
        self._names = {**{key: f"<key {n}>" for n, key in enumerate(self.keys, 1)},
                       **{value: f"<value {n}>" for n, value in enumerate(self.values, 1)}}

    def mask(self, text) -> str:
        text = scrub(text if isinstance(text, str) else json.dumps(text, default=str))
        for marker, name in self._names.items():
            text = text.replace(marker, name)
        return text


def _holds(value, markers: list[str]) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):  # a metric: only a number stored as a value can match
        return any(marker.isdigit() and value == int(marker) for marker in markers)
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return any(marker in text for marker in markers)


def _fields(span: dict):
    """(where, value) for every searched field: a tag's name and its value are two places."""
    for field, value in span.items():
        if field in ("meta", "metrics"):
            for name, tag_value in (value or {}).items():
                yield f"the name of tag {name}", name
                yield name, tag_value
        elif field not in _NOT_SEARCHED:
            yield field, value


def _window(probe, span: dict) -> str:
    for window in probe.windows:
        if window["begin"] <= span["start"] <= window["end"]:
            return window["label"]
    return "a span outside the workload"


def _leaks(probe, markers: list[str], names: Markers, allowed: str | None = None) -> dict[str, list[str]]:
    """{field: the commands whose spans hold a marker there}, in the order found."""
    found: dict[str, list[str]] = {}
    for span in probe.spans:
        for where, value in _fields(span):
            if where != allowed and _holds(value, markers):
                commands = found.setdefault(names.mask(where), [])
                if (label := _window(probe, span)) not in commands:
                    commands.append(label)
    return found


def _listed(labels: list[str]) -> str:
    shown = ", ".join(labels[:_SHOWN])
    return shown + (f" and {len(labels) - _SHOWN} more" if len(labels) > _SHOWN else "")


def _leak_case(name: str, found: dict, what: str, expected: str, hint: str, setting: str) -> Case:
    observed = "; ".join(f"{where} holds {what} (spans of {_listed(labels)})" for where, labels in found.items())
    return Case(name, not found, observed=observed or expected, expected=expected, hint=hint, setting=setting)


def _command_text_case(probe, commands: list[dict], names: Markers, setting: str) -> Case:
    """Each keyed command's span carries '<command> <key> ...' (a command without a span is
    the coverage check's to report)."""
    wrong, judged = [], 0
    for entry in commands:
        if not entry["keys"]:
            continue  # raw_command: its line is not split into keys and values
        expected = " ".join([entry["command"], *entry["keys"]])
        for span in probe.spans_in(entry["label"]):
            judged += 1
            text = tag(span, COMMAND_TEXT_TAG)
            if text != expected:
                shown = "(missing)" if text is None else repr(names.mask(text))
                wrong.append((f"{entry['label']}: {shown}", f"{names.mask(expected)!r}"))
    name = f"{COMMAND_TEXT_TAG} is the command and its keys"
    if not wrong:
        observed = f"the command and its keys on {judged} span{'s' if judged != 1 else ''}"
        return Case(name, True, observed=observed, expected="the command and its keys", setting=setting)
    more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
    return Case(name, False, observed=wrong[0][0] + more, expected=wrong[0][1], hint=HINT_TEXT, setting=setting)


def _cases(probe, label: str, on: bool) -> list[Case]:
    if not probe.spans:
        case = no_spans_case()
        case.setting = label
        return [case]
    names = Markers(probe.result)
    values = _leak_case("no stored value in any span", _leaks(probe, names.values, names), "a stored value",
                        "no stored value anywhere", HINT_VALUES, label)
    if not on:
        keys = _leak_case("no key in any span", _leaks(probe, names.keys, names), "a key",
                          "no key anywhere", HINT_KEYS_OFF, label)
        return [keys, values]
    keys = _leak_case(f"keys only in {COMMAND_TEXT_TAG}",
                      _leaks(probe, names.keys, names, allowed=COMMAND_TEXT_TAG), "a key",
                      f"keys in {COMMAND_TEXT_TAG} only", HINT_KEYS_ELSEWHERE, label)
    return [keys, values, _command_text_case(probe, probe.result["commands"], names, label)]


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    with ThreadPoolExecutor(max_workers=len(SETTINGS)) as pool:
        probes = list(pool.map(lambda setting: context.probe("data_exposure", extra_env=setting[1]), SETTINGS))
    for (label, _, on), probe in zip(SETTINGS, probes):
        if record_probe_failure(probe, result, context.timeout):
            return result
        result.cases += _cases(probe, label, on)
    return result
