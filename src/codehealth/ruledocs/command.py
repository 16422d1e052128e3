"""``codehealth rules [ID]``."""

from __future__ import annotations

import click

from codehealth.adapters.console import (
    EXIT_OK,
    EXIT_USAGE,
    guarded,
    project_root,
    stdout_is_terminal,
    terminal_width,
    write,
)


@click.command()
@click.argument("rule_id", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="pyproject.toml whose cost overrides to show (default: ./pyproject.toml).",
)
@guarded
def rules(rule_id: str | None, output_format: str, config_file: str | None) -> int:
    """The rule catalogue, or one rule's documentation (`codehealth rules CH101`).

    A lint code (`codehealth rules F401`) shows its cost in the lint cost model.
    Costs include the overrides of [tool.codehealth.debt] in pyproject.toml.

    \b
    Examples:
      codehealth rules                  # the whole catalogue
      codehealth rules CH101            # one rule: what, why, how to fix, cost
      codehealth rules F401             # a lint code's cost
      codehealth rules --format json
    """
    from codehealth.adapters.files import load_catalogue, load_settings
    from codehealth.ruledocs.formats import (
        render_lint_cost,
        render_rule_doc,
        render_rules_rich,
        render_rules_text,
        rules_json,
    )

    catalogue = load_catalogue(load_settings(project_root(), config_file))
    if rule_id is None:
        if output_format == "json":
            write(rules_json(catalogue))
        elif stdout_is_terminal():
            write(render_rules_rich(catalogue, terminal_width()))
        else:
            write(render_rules_text(catalogue))
        return EXIT_OK
    wanted = rule_id.strip()
    rule = catalogue.rule(wanted.upper())
    if rule is not None:
        write(render_rule_doc(rule))
        return EXIT_OK
    code = wanted.split(":")[-1]  # "F401" or "ruff:F401"
    if code[:1].isalpha() and code[-1:].isdigit() and not code.upper().startswith("CH"):
        cost = catalogue.lint_cost("ruff", code)
        write(render_lint_cost(code, cost, tool_default=not cost.match))
        return EXIT_OK
    click.echo(f"codehealth: error: no rule {rule_id!r}; `codehealth rules` lists them", err=True)
    return EXIT_USAGE
