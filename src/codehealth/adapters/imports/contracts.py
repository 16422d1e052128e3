"""Architecture contracts, run by import-linter itself on a grimp graph.

The configuration is read by import-linter's own readers (``setup.cfg``, ``.importlinter``,
``pyproject.toml``, in lint-imports' order), and each contract is checked by import-linter's
contract classes, so kept/broken and the illegal chains are lint-imports' own.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Mapping
from copy import deepcopy
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from codehealth.core import ConfigError, ContractResult

CONFIG_FILES = ("setup.cfg", ".importlinter", "pyproject.toml")
BUILT_IN = {
    "forbidden": "importlinter.contracts.forbidden.ForbiddenContract",
    "layers": "importlinter.contracts.layers.LayersContract",
    "independence": "importlinter.contracts.independence.IndependenceContract",
    "protected": "importlinter.contracts.protected.ProtectedContract",
    "private_modules": "importlinter.contracts.private_modules.PrivateModulesContract",
    "acyclic_siblings": "importlinter.contracts.acyclic_siblings.AcyclicSiblingsContract",
}

GraphKey = tuple[tuple[str, ...], bool, bool]  # roots, include external, exclude TYPE_CHECKING
GraphFor = Callable[[GraphKey], Any]


@dataclass(frozen=True)
class ContractSource:
    """Contracts from one file, with the session options (root packages...) they run under."""

    filename: str
    session: Mapping[str, Any]
    contracts: tuple[Mapping[str, Any], ...]

    @property
    def graph_key(self) -> GraphKey:
        roots = self.session.get("root_packages") or [self.session.get("root_package")]
        return (
            tuple(sorted(str(r) for r in roots if r)),
            str(self.session.get("include_external_packages")) in ("True", "true"),
            str(self.session.get("exclude_type_checking_imports")) in ("True", "true"),
        )


@dataclass(frozen=True)
class Link:
    """One illegal import of a broken contract."""

    contract: str
    importer: str
    imported: str
    line_numbers: tuple[int, ...]


def read_importlinter(root: str) -> ContractSource | None:
    """import-linter's configuration of the project, as lint-imports would find it."""
    from importlinter import api

    for name in CONFIG_FILES:
        path = os.path.join(root, name)
        if not os.path.isfile(path):
            continue
        try:
            options = api.read_configuration(path)
        except FileNotFoundError:
            continue  # the file has no import-linter section
        except Exception as error:  # any parse error is the user's configuration
            message = f"{path}: cannot read import-linter configuration: {error}"
            raise ConfigError(message) from error
        session = dict(options["session_options"])
        contracts = tuple(options["contracts_options"])
        if not session.get("root_packages"):
            raise ConfigError(f"{path}: [importlinter] needs root_package or root_packages")
        return ContractSource(path, session, contracts)
    return None


def run_contracts(
    sources: list[ContractSource], graph_for: GraphFor
) -> tuple[list[ContractResult], list[Link]]:
    """Check every contract of every source; an invalid contract raises ConfigError."""
    # importing importlinter.api configures import-linter's settings (its readers, graph
    # builder and file system), which the contract checks below need
    importlib.import_module("importlinter.api")

    results: list[ContractResult] = []
    links: list[Link] = []
    for source in sources:
        types = _contract_types(source)
        prepared = [_contract(source, types, options) for options in source.contracts]
        if not prepared:
            continue
        graph = graph_for(source.graph_key)
        for contract, options in prepared:
            result, broken = _run_one(source, contract, options, graph)
            results.append(result)
            links.extend(broken)
    return results, links


def _run_one(
    source: ContractSource, contract: Any, options: Mapping[str, Any], graph: Any
) -> tuple[ContractResult, list[Link]]:
    """One contract checked on (a copy of) ``graph``: its result, and the illegal imports
    when it is broken."""
    from importlinter.application import output

    check = _check(source, contract, options, graph)
    details = ""
    if not check.kept:
        with output.console.capture() as captured:
            contract.render_broken_contract(check)
        details = captured.get()
    chains = list(_chains(check.metadata)) + _breaker_chains(check.metadata, graph)
    result = ContractResult(
        name=str(options["name"]),
        type=str(options["type"]),
        kept=bool(check.kept),
        details=details,
        warnings=tuple(str(w) for w in check.warnings),
        chains=tuple(tuple(_link_text(link) for link in chain) for chain in chains),
        source=os.path.basename(source.filename),
    )
    if check.kept:
        return result, []
    name = str(options["name"])
    return result, [
        Link(name, link["importer"], link["imported"], _lines(link))
        for chain in chains
        for link in chain
    ]


def _check(source: ContractSource, contract: Any, options: Mapping[str, Any], graph: Any) -> Any:
    """import-linter's check of the contract; the errors lint-imports stops on raise
    ConfigError."""
    from grimp.exceptions import GrimpException
    from importlinter.application.user_options import InvalidUserOptions
    from importlinter.domain.contract import InvalidContractOptions
    from importlinter.domain.helpers import MissingImport

    user_errors = (GrimpException, InvalidUserOptions, MissingImport, ValueError, LookupError)
    try:
        return contract.check(deepcopy(graph), verbose=False)
    except InvalidContractOptions as error:
        raise ConfigError(_invalid(source, options, error.errors)) from None
    except user_errors as error:
        # lint-imports stops on these too: a module that does not exist, an
        # ignore_imports entry that matches nothing (with alerting "error"), ...
        where = f"{source.filename}: contract {options.get('name')!r}"
        raise ConfigError(f"{where}: {error}") from None


def _contract_types(source: ContractSource) -> dict[str, str]:
    types = dict(BUILT_IN)
    for entry in source.session.get("contract_types", []) or []:
        name, _, dotted = str(entry).partition(": ")
        types[name.strip()] = dotted.strip()
    return types


def _contract(
    source: ContractSource, types: dict[str, str], options: Mapping[str, Any]
) -> tuple[Any, Mapping[str, Any]]:
    from importlinter.domain.contract import InvalidContractOptions

    where = f"{source.filename}: contract {options.get('name', options.get('id', '?'))!r}"
    for key in ("name", "type"):
        if not options.get(key):
            raise ConfigError(f"{where}: missing field {key!r}")
    dotted = types.get(str(options["type"]))
    if dotted is None:
        known = ", ".join(sorted(types))
        raise ConfigError(f"{where}: unknown contract type {options['type']!r}; known: {known}")
    module, _, class_name = dotted.rpartition(".")
    try:
        contract_class = getattr(importlib.import_module(module), class_name)
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"{where}: cannot load contract type {dotted!r}: {error}") from None
    try:
        contract = contract_class(
            name=str(options["name"]),
            session_options=dict(source.session),
            contract_options=dict(options),
        )
    except InvalidContractOptions as error:
        raise ConfigError(_invalid(source, options, error.errors)) from None
    return contract, options


def _invalid(source: ContractSource, options: Mapping[str, Any], errors: dict[str, str]) -> str:
    problems = "; ".join(f"{field}: {message}" for field, message in sorted(errors.items()))
    return f"{source.filename}: contract {options.get('name')!r} is invalid: {problems}"


def _chains(metadata: Any) -> Iterator[list[dict[str, Any]]]:
    """Every list of import links ({importer, imported, line_numbers}) in a check's metadata."""
    if is_dataclass(metadata) and not isinstance(metadata, type):
        metadata = {f.name: getattr(metadata, f.name) for f in fields(metadata)}
    if isinstance(metadata, dict):
        for value in metadata.values():
            yield from _chains(value)
    elif isinstance(metadata, (list, tuple)):
        if _is_chain(metadata):
            yield list(metadata)
            return
        for value in metadata:
            yield from _chains(value)


def _is_chain(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether ``items`` is a chain: a non-empty list of import links."""
    return bool(items) and all(
        isinstance(item, dict) and {"importer", "imported", "line_numbers"} <= item.keys()
        for item in items
    )


def _breaker_chains(metadata: Any, graph: Any) -> list[list[dict[str, Any]]]:
    """acyclic_siblings reports the imports that would break each cycle: (importer, imported)
    pairs, given their line numbers from the graph."""
    pairs = metadata.get("cycle_breakers_by_package") if isinstance(metadata, dict) else None
    chains: list[list[dict[str, Any]]] = []
    for _, imports in sorted((pairs or {}).items()):
        for importer, imported in sorted(imports):
            details = graph.get_import_details(importer=importer, imported=imported)
            numbers = tuple(sorted(int(d["line_number"]) for d in details))
            chains.append([{"importer": importer, "imported": imported, "line_numbers": numbers}])
    return chains


def _lines(link: dict[str, Any]) -> tuple[int, ...]:
    numbers = link.get("line_numbers") or ()
    return tuple(int(n) for n in numbers if n is not None)


def _link_text(link: dict[str, Any]) -> str:
    lines = ", ".join(f"l.{n}" for n in _lines(link))
    return f"{link['importer']} -> {link['imported']}" + (f" ({lines})" if lines else "")
