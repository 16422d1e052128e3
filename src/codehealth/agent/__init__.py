"""``codehealth mcp``: the tools a coding agent calls over the Model Context Protocol
(measure, gate, explain_rule, module_api, hotspots, plan), each a function returning a
compact dict. The SDK is used only by ``codehealth.adapters.mcp_server``.

Run step: ``tools`` (with ``modules``); pure: ``compact``, ``paths``; the click ``command``."""

from codehealth.agent.tools import (
    ProjectTools as ProjectTools,
)

__all__ = [
    "ProjectTools",
]
