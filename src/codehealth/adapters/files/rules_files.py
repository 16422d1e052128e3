"""Where the rule catalogue lives: ``codehealth/rules`` in a wheel, ``rules/`` in a checkout."""

from __future__ import annotations

from pathlib import Path


def rules_folder() -> Path:
    """The folder of ``*.toml`` catalogue files.

    A wheel carries it inside the package (hatch ``force-include``); an editable install
    or a source checkout reads ``rules/`` at the repository root, next to ``src/``.
    """
    package = Path(__file__).resolve().parents[2]  # the codehealth package folder
    for candidate in (package / "rules", package.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the rule catalogue is missing: looked in {package / 'rules'}")


def catalogue_texts(folder: Path | None = None) -> dict[str, str]:
    """File name -> TOML text of every catalogue file."""
    folder = folder or rules_folder()
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.toml"))}
