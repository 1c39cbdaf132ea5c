"""Each way a service can fail to start gives one clear error, quickly, and leaks nothing."""

import socket
import sys
import time
from dataclasses import dataclass

import pytest

from harness import ServiceError, Services
from harness.process import ServerSpec, start_server
from harness.servers import MEMCACHED
from harness.stack import free_port


@dataclass
class CommandSpec(ServerSpec):
    """A server whose command line the test chooses."""

    command: tuple = ()
    drop_env_prefixes: tuple = ()

    def argv(self, binary_path, port, workdir):
        return [binary_path, *self.command]


def test_missing_binary_names_the_install_command(tmp_path):
    spec = CommandSpec(name="memcached", binary="no-such-memcached-binary",
                       install_hint=MEMCACHED.install_hint)
    with pytest.raises(ServiceError) as error:
        start_server(spec, 1, tmp_path)
    message = str(error.value)
    assert "not installed" in message
    assert "apt-get install -y memcached" in message and "brew install memcached" in message


def test_busy_port_is_reported_with_the_port(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(ServiceError) as error:
            start_server(MEMCACHED, port, tmp_path)
    assert f"port {port}" in str(error.value) and "already in use" in str(error.value)


def test_server_that_dies_at_start_shows_its_output(tmp_path):
    spec = CommandSpec(name="broken", binary="sh", install_hint="",
                       command=("-c", "echo 'bad option --frobnicate' >&2; exit 3"))
    began = time.monotonic()
    with pytest.raises(ServiceError) as error:
        start_server(spec, 1, tmp_path, timeout=10)
    assert time.monotonic() - began < 5
    assert "exited during start-up" in str(error.value)
    assert "bad option --frobnicate" in str(error.value)


def test_server_that_never_answers_times_out(tmp_path):
    spec = CommandSpec(name="silent", binary="sleep", install_hint="", command=("30",))
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ServiceError) as error:
        start_server(spec, port, tmp_path, timeout=1)
    assert "no answer" in str(error.value) and str(port) in str(error.value)


def test_failed_start_stops_what_already_started(monkeypatch):
    import harness.stack as stack

    started = []
    real_start = stack.start_server

    def start_then_fail(spec, port, workdir, timeout):
        if spec.name == "redis":
            raise ServiceError("redis: simulated failure", "none")
        server = real_start(spec, port, workdir, timeout)
        started.append(server)
        return server

    monkeypatch.setattr(stack, "start_server", start_then_fail)
    with pytest.raises(ServiceError, match="simulated failure"):
        Services().start()
    assert started and not any(server.running() for server in started)


def test_a_port_taken_before_the_server_binds_is_retried_on_another(monkeypatch):
    import harness.stack as stack

    squatter = socket.socket()
    squatter.bind(("127.0.0.1", 0))
    squatter.listen()
    taken = squatter.getsockname()[1]
    offered = iter([taken])
    real_free_port = stack.free_port
    monkeypatch.setattr(stack, "free_port", lambda: next(offered, None) or real_free_port())
    try:
        with Services(redis=False, agent=False) as services:
            assert services.memcached.port != taken and services.memcached.running()
    finally:
        squatter.close()


def test_a_port_taken_after_the_free_check_is_not_mistaken_for_ours(monkeypatch, tmp_path):
    # The race two parallel kernels hit: something binds the port between mirakuru's
    # "is it free?" check and our server's bind. Its answer must not count as ours.
    from harness.process import ServerExitedError, _ServerExecutor

    real_check = _ServerExecutor.pre_start_check
    checks_seen = []

    def free_at_first_look(self):
        checks_seen.append(self.port)
        return False if len(checks_seen) == 1 else real_check(self)

    monkeypatch.setattr(_ServerExecutor, "pre_start_check", free_at_first_look)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        with pytest.raises(ServerExitedError):
            start_server(MEMCACHED, squatter.getsockname()[1], tmp_path)


@dataclass
class OnePortServer(ServerSpec):
    """Listens on its main port and never on the other port it is given."""

    other: int = 0

    def other_ports(self):
        return (self.other,)

    def argv(self, binary_path, port, workdir):
        return [sys.executable, "-c", "import socket, time; s = socket.socket(); "
                f"s.bind(('127.0.0.1', {port})); s.listen(); time.sleep(60)"]


def test_a_server_is_up_only_when_it_listens_on_every_port_it_was_given(tmp_path):
    # The test agent answers on its main port a moment before it binds its OTLP ports, and
    # exits if one of them is taken: a start that ended at the first answer handed out an
    # agent about to die (a notebook's checks then all failed with "Connection refused").
    other = free_port()
    spec = OnePortServer(name="half-up", binary="python3", install_hint="", other=other)
    with pytest.raises(ServiceError) as error:
        start_server(spec, free_port(), tmp_path, timeout=2)
    assert "no answer" in str(error.value) and f"not listening on its other ports ({other},)" in str(error.value)


def test_an_agent_whose_otlp_port_is_taken_starts_again_on_other_ports(monkeypatch):
    import harness.stack as stack

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        offered = iter([taken])  # the first port the agent's start asks for: its OTLP HTTP port
        real_free_port = stack.free_port
        monkeypatch.setattr(stack, "free_port", lambda: next(offered, None) or real_free_port())
        with Services(memcached=False, redis=False) as services:
            assert taken not in services.agent.spec.other_ports()
            services.agent_client.session().start()  # it answers, on its own port
            assert services.agent.running()
