"""The rule catalogue's files: ``codehealth/rules`` in a wheel, ``rules/`` in a checkout; read
and parsed, with the team's cost overrides, by ``load_catalogue``."""

from __future__ import annotations

from pathlib import Path

from codehealth.core import Catalogue, ConfigError, Settings, apply_overrides, parse_catalogue


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


def load_catalogue(settings: Settings | None = None) -> Catalogue:
    """The rule catalogue with the team's cost overrides; an unknown rule id is exit 2."""
    catalogue = parse_catalogue(catalogue_texts())
    if settings is None:
        return catalogue
    catalogue, unknown = apply_overrides(
        catalogue, dict(settings.debt.costs), dict(settings.debt.minutes_per_point)
    )
    if unknown:
        where = settings.config_file or "pyproject.toml"
        raise ConfigError(
            f"{where}: [tool.codehealth.debt] {unknown[0]}: no such rule "
            "(`codehealth rules` lists them; minutes_per_point takes rule ids only)"
        )
    return catalogue
