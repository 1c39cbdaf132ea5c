"""The three servers the guide runs: memcached, redis-server and the APM test agent."""

from __future__ import annotations

import getpass
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from harness.process import LOOPBACK, ServerSpec


def _install_hint(debian_package: str, brew_formula: str) -> str:
    return (f"install it: `sudo apt-get install -y {debian_package}` (Debian/Ubuntu; "
            f"`make system-deps` does this when run as root) or `brew install {brew_formula}` (macOS).")


class MemcachedSpec(ServerSpec):
    def argv(self, binary_path, port, workdir):
        argv = [binary_path, "-l", LOOPBACK, "-p", str(port), "-U", "0", "-m", "16"]
        if os.geteuid() == 0:  # memcached refuses to run as root unless told which user
            argv += ["-u", getpass.getuser()]
        return argv


class RedisSpec(ServerSpec):
    def argv(self, binary_path, port, workdir):
        # No persistence: nothing is written to disk, so parallel runs never share files.
        return [binary_path, "--bind", LOOPBACK, "--port", str(port), "--save", "",
                "--appendonly", "no", "--dir", str(workdir)]


@dataclass
class TestAgentSpec(ServerSpec):
    """ddapm-test-agent. The OTLP ports are explicit: the defaults collide between two agents."""

    __test__ = False  # not a pytest test class

    name: str = "test-agent"
    binary: str = "ddapm-test-agent"
    install_hint: str = ("it comes from PyPI (ddapm-test-agent, pinned in requirements.lock): "
                         "run `make venv` and use .venv/bin/python.")
    # The agent reads its defaults from the environment: DD_TRACE_AGENT_URL, set for the
    # tracer in this process, would make it forward every payload to itself.
    drop_env_prefixes: tuple[str, ...] = ("DD_", "_DD_", "SNAPSHOT_", "PORT", "HOST",
                                          "OTLP_", "VCR_", "ENABLED_CHECKS", "LOG_")
    snapshot_dir: Path = Path("snapshots")
    otlp_ports: tuple[int, int] = (0, 0)
    ci_mode: bool = False
    extra_args: tuple[str, ...] = field(default_factory=tuple)

    def find_binary(self):
        # The console script sits next to the interpreter (the .venv), even when that
        # directory is not on PATH, as in a Jupyter kernel started from another environment.
        return shutil.which(self.binary, path=str(Path(sys.executable).parent)) or super().find_binary()

    def other_ports(self):
        return tuple(port for port in self.otlp_ports if port)  # 0: the OS picks one

    def argv(self, binary_path, port, workdir):
        http_port, grpc_port = self.otlp_ports
        return [binary_path, f"--host={LOOPBACK}", f"--port={port}",
                f"--otlp-http-port={http_port}", f"--otlp-grpc-port={grpc_port}",
                f"--snapshot-dir={self.snapshot_dir}", f"--snapshot-ci-mode={int(self.ci_mode)}",
                "--agent-url=", "--log-level=WARNING", *self.extra_args]


MEMCACHED = MemcachedSpec(name="memcached", binary="memcached",
                          install_hint=_install_hint("memcached", "memcached"))
REDIS = RedisSpec(name="redis", binary="redis-server",
                  install_hint=_install_hint("redis-server", "redis"))
