"""Real services for the guide: memcached, redis-server and the APM test agent.

Used by the notebooks, the tests and the checks CLI alike. See harness.stack.Services.
"""

from harness.agent import VOLATILE_SNAPSHOT_FIELDS, AgentSession, SnapshotResult, TestAgentClient
from harness.errors import ServiceError
from harness.stack import Services, free_port

__all__ = [
    "AgentSession", "Services", "ServiceError", "SnapshotResult", "TestAgentClient",
    "VOLATILE_SNAPSHOT_FIELDS", "free_port",
]
