"""An MCP server over stdio with the official SDK (``mcp``): the one module that imports it.

The tools are plain functions that return JSON-able dicts (``codehealth.agent``); each
result is sent as compact JSON text, and as structured content, and a dict with an
``error`` key is a failed call (``isError``), so that the model reads why. One call runs
at a time: the SDK runs a sync tool on a worker thread, and the caches under
``.codehealth/`` are shared by every tool.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Sequence
from typing import Any

Tool = Callable[..., dict[str, Any]]


def sdk_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("mcp") is not None


def serve(name: str, version: str, instructions: str, tools: Sequence[Tool]) -> None:
    """Serve ``tools`` (named after their functions, described by their docstrings) on
    stdin/stdout until the client closes the connection."""
    from mcp.server.mcpserver import MCPServer

    # WARNING: the SDK logs each request at INFO, to stderr, which a client may show.
    server: MCPServer[Any] = MCPServer(
        name, version=version, instructions=instructions, log_level="WARNING"
    )
    from mcp.types import ToolAnnotations

    # Every tool only reads the project (the caches under .codehealth/ aside): a client may
    # call them without asking, and nothing outside the project is reached.
    reading = ToolAnnotations(read_only_hint=True, open_world_hint=False)
    lock = threading.Lock()
    for tool in tools:
        call = _one_at_a_time(tool, lock)
        server.add_tool(call, name=tool.__name__, annotations=reading, structured_output=False)
    server.run("stdio")


def _one_at_a_time(tool: Tool, lock: threading.Lock) -> Callable[..., Any]:
    """``tool`` behind ``lock``, its dict turned into the SDK's result; an exception is an
    error result, never a dead server. ``functools.wraps`` keeps the signature and the
    docstring the SDK reads the arguments' schema and the description from."""
    from mcp.types import CallToolResult, TextContent

    @functools.wraps(tool)
    def call(*args: Any, **kwargs: Any) -> CallToolResult:
        with lock:
            try:
                result = tool(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - an agent gets a reason, not a crash
                result = {"error": f"internal error: {type(error).__name__}: {error}"}
        text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
        return CallToolResult(
            content=[TextContent(text=text)],
            structured_content=result,
            is_error="error" in result,
        )

    return call
