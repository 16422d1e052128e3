"""The rule catalogue (``rules/*.toml``) as values: rule documentation and the lint cost model.

Pure: it parses text it is given; ``codehealth.sources.catalogue_texts`` reads the files.
"""

from codehealth.catalogue.model import Catalogue, LintCost, Rule, apply_overrides
from codehealth.catalogue.parse import SEVERITIES, CatalogueError, parse_catalogue

__all__ = [
    "SEVERITIES",
    "Catalogue",
    "CatalogueError",
    "LintCost",
    "Rule",
    "apply_overrides",
    "parse_catalogue",
]
