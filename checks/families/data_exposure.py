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

from checks import workload_ids
from checks.check import Check, Setting
from checks.keys import scrub
from checks.report import Case
from traceview.spans import tag


def _settings(context) -> list[Setting]:
    """Unset, false and true; each expects whether the command text is on."""
    setting = context.profile.command_text_setting
    return [Setting(f"{setting} unset", {}, False),
            Setting(f"{setting}=false", {setting: "false"}, False),
            Setting(f"{setting}=true", {setting: "true"}, True)]
# Filled in by the tracer alone: ids, times, the error flag.
_NOT_SEARCHED = frozenset({"trace_id", "span_id", "parent_id", "start", "duration", "error"})
_SHOWN = 4  # commands named in an observed value before "and N more"

HINT_KEYS_OFF = ("record keys only when {setting} is true (or 1), and then only in "
                 "{tag}: read the variable's value, not its presence ('false' and unset "
                 "are off), and never put a key in the resource, another tag or an error message")
HINT_KEYS_ELSEWHERE = ("put keys in {tag} and nowhere else: the resource is the command's "
                       "name alone, and no other tag, metric or message may quote a key")
HINT_VALUES = ("never record what is stored or read, whatever the settings: take the command text from "
               "the key argument alone (of a set_many dict, its keys), never from the value arguments "
               "or the result")
HINT_TEXT = ("with {setting}=true, tag {tag} before the call with the "
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


def _command_text_case(probe, commands: list[dict], names: Markers, setting: str, profile) -> Case:
    """Each keyed command's span carries '<command> <key> ...' (a command without a span is
    the coverage check's to report)."""
    wrong, judged = [], 0
    for entry in commands:
        if not entry["keys"]:
            continue  # raw_command: its line is not split into keys and values
        expected = " ".join([entry["command"], *entry["keys"]])
        for span in probe.spans_in(entry["label"]):
            judged += 1
            text = tag(span, profile.command_text_tag)
            if text != expected:
                shown = "(missing)" if text is None else repr(names.mask(text))
                wrong.append((f"{entry['label']}: {shown}", f"{names.mask(expected)!r}"))
    name = f"{profile.command_text_tag} is the command and its keys"
    if not wrong:
        observed = f"the command and its keys on {judged} span{'s' if judged != 1 else ''}"
        return Case(name, True, observed=observed, expected="the command and its keys", setting=setting)
    more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
    hint = HINT_TEXT.format(setting=profile.command_text_setting, tag=profile.command_text_tag)
    return Case(name, False, observed=wrong[0][0] + more, expected=wrong[0][1], hint=hint, setting=setting)


def _judge(context, probe, setting: Setting) -> list[Case]:
    profile, label = context.profile, setting.label
    words = {"setting": profile.command_text_setting, "tag": profile.command_text_tag}
    names = Markers(probe.result)
    values = _leak_case("no stored value in any span", _leaks(probe, names.values, names), "a stored value",
                        "no stored value anywhere", HINT_VALUES, label)
    if not setting.expect:
        keys = _leak_case("no key in any span", _leaks(probe, names.keys, names), "a key",
                          "no key anywhere", HINT_KEYS_OFF.format(**words), label)
        return [keys, values]
    tag_name = profile.command_text_tag
    keys = _leak_case(f"keys only in {tag_name}", _leaks(probe, names.keys, names, allowed=tag_name), "a key",
                      f"keys in {tag_name} only", HINT_KEYS_ELSEWHERE.format(**words), label)
    return [keys, values, _command_text_case(probe, probe.result["commands"], names, label, profile)]


CHECK = Check(
    id="data_exposure", title="Data exposure", chapter="04-tracing-commands", workload=workload_ids.DATA_EXPOSURE,
    promise=lambda profile: (
        f"with {profile.command_text_setting} unset or false, no key and no stored value appears anywhere "
        f"in a span; set to true, {profile.command_text_tag} holds each command and its keys, no other "
        "field holds a key, and stored values still appear nowhere"),
    summary=("No key and no stored value in any span, unless the command-text setting asks for the "
             "command and its keys; stored values never."),
    settings=_settings, judge=_judge)
