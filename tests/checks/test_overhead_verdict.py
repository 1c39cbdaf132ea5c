"""The overhead check's verdict on figures of the kind its workload measures: it fails an
integration that burns CPU or blocks on every command, and a loaded machine, which delays some
blocks of every mode, does not fail a good one. (The workload itself runs in test_broken.py and
test_profiles.py, on real servers: walks_stack_per_command fails it there by CPU.)"""

from checks.families.overhead import _case
from checks.probe.workloads.overhead import BARE_SPAN, BUILTIN, TARGET, UNTRACED


def _figures(untraced=60.0, target=(90.0, 30.0), builtin=(95.0, 32.0), bare=(80.0, 25.0)) -> dict:
    """{mode: {"get": {clock: µs}}}: (wall, application-thread CPU) per mode."""
    def mode(wall, cpu):
        return {"get": {"wall": wall, "cpu": cpu + 5, "main": cpu}}
    return {UNTRACED: mode(untraced, 10.0), TARGET: mode(*target), BUILTIN: mode(*builtin), BARE_SPAN: mode(*bare)}


def test_an_integration_costing_what_the_builtin_costs_passes():
    assert _case(_figures(), _figures(), "get").passed


def test_burning_cpu_on_every_command_fails():
    slow = _figures(target=(1200.0, 1100.0))
    case = _case(slow, slow, "get")
    assert not case.passed and "1140 µs (1090 µs CPU)" in case.observed


def test_blocking_on_every_command_fails_by_latency():
    # a 10 ms wait per command: slow by the wall clock in every block, cheap in CPU
    blocked = _figures(target=(10090.0, 30.0))
    assert not _case(blocked, blocked, "get").passed


def test_a_loaded_machine_delaying_the_typical_blocks_does_not_fail_a_good_integration():
    best = _figures()
    typical = _figures(target=(9000.0, 31.0), builtin=(9500.0, 33.0))  # every mode delayed alike
    assert _case(best, typical, "get").passed
    unlucky = _figures(target=(7000.0, 30.0))  # its best blocks all delayed, its typical ones not
    assert _case(unlucky, _figures(), "get").passed
