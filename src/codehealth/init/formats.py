"""What ``codehealth init`` prints: the section it wrote and the snippets to add."""

from __future__ import annotations

from typing import Any


def render_init_text(run: Any) -> str:
    """The summary of an init run (an ``InitRun``) and the pre-commit and CI snippets."""
    limits = run.thresholds
    verb = "created" if run.created else "updated"
    lines = [
        f"{verb} {run.path}: [tool.codehealth] from {run.files} files",
        f"  roots: {', '.join(run.roots)}",
        f"  root packages and modules: {', '.join(run.packages) or 'none found'}",
        f"  thresholds ({_limits_note(run)}):",
    ]
    lines += [f"    {name} = {getattr(limits, name)}" for name in limits.__slots__]
    if run.not_analysed:
        lines.append("  files not analysed (the thresholds do not cover them):")
        lines += [f"    not analysed: {entry}" for entry in run.not_analysed]
    if run.baseline:
        lines.append(run.baseline)
    lines += ["", "Add to .pre-commit-config.yaml:", "", "  - repo: local", "    hooks:"]
    for hook in run.hook_ids:
        lines += [
            f"      - id: {hook}",
            f"        name: {hook}",
            f"        entry: {_hook_entry(hook)}",
            "        language: system",
            "        pass_filenames: false",
            "        types_or: [python, pyi]",
        ]
    lines += [
        "",
        "Add a CI step (GitHub Actions):",
        "",
        "  - run: pip install codehealth",
        "  - run: codehealth scan --check",
        "  - run: codehealth gate",
        "",
    ]
    return "\n".join(lines)


def _limits_note(run: Any) -> str:
    if getattr(run, "baselined", False):
        return "the defaults, or stricter: only findings not in the baseline fail"
    return "today's worst where it is above the default"


def _hook_entry(hook: str) -> str:
    command = hook.removeprefix("codehealth-")
    return f"codehealth {command} --staged" if command == "gate" else f"codehealth {command}"
