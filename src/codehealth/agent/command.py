"""``codehealth mcp``."""

from __future__ import annotations

import click

from codehealth.adapters.console import EXIT_OK, project_root

INSTRUCTIONS = (
    "codehealth measures Python code health in this project. Before writing a file, call "
    "`measure` with its content (complexity figures, thresholds exceeded) or `gate` with "
    "`proposed` contents (would the change pass the project's gate?); `explain_rule` says "
    "what a rule id means and how to fix it; `module_api` what a module lets others import; "
    "`hotspots` and `plan` where refactoring pays. Paths are relative to the project."
)


# Not ``guarded``: its CI-safe output wraps sys.stdout, and the SDK claims the process's
# stdout (fd 1) for the protocol. Each tool returns its own errors as results.
@click.command()
def mcp() -> int:
    """Serve codehealth's tools to a coding agent (MCP over stdio).

    Start it in the project's folder (an MCP client's `command: codehealth mcp`). The
    tools: measure (a file or a content before it is written), gate (the work tree, or
    proposed contents without writing them), explain_rule, module_api, hotspots, plan.
    Results are compact JSON. Needs the optional SDK: pip install 'codehealth[mcp]'.

    \b
    Examples:
      codehealth mcp                    # then let the client talk on stdin/stdout
      claude mcp add codehealth -- codehealth mcp
    """
    from codehealth.adapters.mcp_server import sdk_installed, serve

    if not sdk_installed():
        raise click.ClickException("the MCP SDK is not installed: pip install 'codehealth[mcp]'")
    from codehealth.agent import ProjectTools
    from codehealth.version import __version__

    serve("codehealth", __version__, INSTRUCTIONS, ProjectTools(project_root()).tools())
    return EXIT_OK
