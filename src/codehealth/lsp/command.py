"""``codehealth lsp``."""

from __future__ import annotations

import click

from codehealth.adapters.console import EXIT_OK, EXIT_USAGE, guarded
from codehealth.core import EditorEngine


@click.command()
@click.option(
    "--show-all",
    is_flag=True,
    help="Show the findings the baseline accepts too (default: only new ones, as the gate; "
    'initializationOptions {"showAll": true} does the same).',
)
@guarded
def lsp(show_all: bool) -> int:
    """A language server for editors, over stdin and stdout (needs `codehealth[lsp]`).

    On open, save and (300 ms after the last keystroke) change, it publishes the
    file's findings that the baseline does not accept: functions over the
    thresholds with their figures, debt markers, boundary violations of its imports
    (on open and save). Code lenses show each function's cyclomatic and cognitive
    complexity; hovering a diagnostic shows the rule's documentation; a quick fix
    adds `# codehealth: ignore[CH301] because <reason>` to an import the boundary
    rules flag. The configuration is the project's [tool.codehealth], read again
    when pyproject.toml or the baseline changes. Analysed code is never run.

    \b
    Examples:
      codehealth lsp                    # started by the editor (see the README)
      codehealth lsp --show-all         # legacy findings too
    """
    try:
        from codehealth.adapters.lsp_server import serve
    except ImportError:
        click.echo(
            "codehealth: error: the language server needs pygls: pip install 'codehealth[lsp]'",
            err=True,
        )
        return EXIT_USAGE
    from codehealth.version import __version__

    serve(lambda: _session(show_all), "codehealth", __version__)
    return EXIT_OK


def _session(show_all: bool) -> EditorEngine:
    """The engine, imported when the editor has its answer to ``initialize``."""
    from codehealth.lsp.imports_step import buffer_boundaries
    from codehealth.lsp.session import Session

    return Session(buffer_boundaries, show_all)
