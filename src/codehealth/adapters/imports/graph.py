"""The import graph, built by grimp (Rust, cached) from the project's own folders.

grimp is asked for the packages at the folders codehealth found (so a package named like a
stdlib module, ``io``, is still the project's), and files that grimp cannot scan (a syntax
error, a relative import that climbs past the top-level package) are left out and reported
instead of failing the run.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import grimp

_MAX_RETRIES = 100


@dataclass
class GraphFiles:
    """Module name -> absolute path of every file grimp listed; files left out and why."""

    paths: dict[str, str] = field(default_factory=dict)
    skip: dict[str, str] = field(default_factory=dict)  # absolute path -> reason
    found: dict[tuple[str, str], Any] = field(default_factory=dict)  # one walk per package
    notes: list[str] = field(default_factory=list)
    blobs: Mapping[str, str] = field(default_factory=dict)  # absolute path -> blob id on disk


def list_modules(folders: dict[str, str], files: GraphFiles) -> dict[str, str]:
    """Module name -> absolute path, as grimp will see them (without building a graph)."""
    # grimp is imported when a graph is needed: a cached report never pays for it
    from grimp.application.config import settings as grimp_settings

    from codehealth.adapters.imports.grimp_finders import (
        ListingFinder,
        ProjectPackageFinder,
        configured,
    )

    finder = ListingFinder(files)
    file_system = grimp_settings.FILE_SYSTEM
    with configured(folders, files):
        for name in folders:
            for directory in ProjectPackageFinder(folders).determine_package_directories(
                name, file_system
            ):
                finder.find_package(name, directory, file_system)
    return files.paths


def build_import_graph(
    roots: tuple[str, ...],
    folders: dict[str, str],
    files: GraphFiles,
    *,
    include_external: bool = False,
    exclude_type_checking: bool = False,
    cache_dir: str | None = None,
) -> grimp.ImportGraph:
    """The graph of ``roots``; a file with a syntax error is added to ``files.skip`` and the
    graph built again without it.

    grimp caches each module's imports resolved against the modules it found then, and
    checks only the importer's own file: when a file enters or leaves ``files.skip`` (a
    syntax error made or fixed), the imports of it would stay as they were. Then the cache
    is dropped and the graph built once more. ``files.blobs`` (the blob id of each file on
    disk) make its cache follow contents (``restamp``)."""
    from codehealth.adapters.imports.restamp import record, restamp

    options = (include_external, exclude_type_checking)
    cached = cache_dir is not None and os.path.isdir(cache_dir)
    if cached and files.blobs:
        restamp(str(cache_dir), files, files.blobs)
    graph, cache_dir = _build(roots, folders, files, options, cache_dir)
    if cache_dir is not None and _skip_set_changed(cache_dir, files.skip) and cached:
        shutil.rmtree(cache_dir, ignore_errors=True)
        graph, cache_dir = _build(roots, folders, files, options, cache_dir)
        if cache_dir is not None:
            _skip_set_changed(cache_dir, files.skip)  # recorded again for the new cache
    if cache_dir is not None and files.blobs:
        record(cache_dir, files, files.blobs)
    return graph


def _build(
    roots: tuple[str, ...],
    folders: dict[str, str],
    files: GraphFiles,
    options: tuple[bool, bool],
    cache_dir: str | None,
) -> tuple[grimp.ImportGraph, str | None]:
    """The graph, and the cache folder it used (None when it could not be written)."""
    import grimp
    from grimp.exceptions import SourceSyntaxError

    from codehealth.adapters.imports.grimp_finders import configured

    for _ in range(_MAX_RETRIES):
        try:
            with configured(folders, files):
                graph = grimp.build_graph(
                    *roots,
                    include_external_packages=options[0],
                    exclude_type_checking_imports=options[1],
                    cache_dir=cache_dir,
                )
            return graph, cache_dir
        except SourceSyntaxError as error:
            path = os.path.abspath(error.filename)
            if path in files.skip:
                raise
            files.skip[path] = f"syntax error at line {error.lineno}: {error.text or ''}".strip()
        except UnicodeError as error:  # grimp: "Failed to decode file PATH (unknown ...)"
            path, detail = _undecodable(str(error), files)
            files.skip[path] = f"the file cannot be decoded: {detail}"
        except OSError as error:  # its cache could not be written (a full disk): none, then
            if cache_dir is None:
                raise
            files.notes.append(f"import graph cache {cache_dir} not written ({error})")
            cache_dir = None
    raise RuntimeError(f"more than {_MAX_RETRIES} files with syntax errors")


def _skip_set_changed(cache_dir: str, skip: dict[str, str]) -> bool:
    """Whether ``skip`` differs from the set the cache was built with; records it."""
    record = os.path.join(cache_dir, "codehealth-skipped.json")
    wanted = sorted(skip)
    try:
        with open(record, encoding="utf-8") as handle:
            if json.load(handle) == wanted:
                return False
    except (OSError, ValueError):
        pass
    with contextlib.suppress(OSError), open(record, "w", encoding="utf-8") as handle:
        json.dump(wanted, handle)
    return True


def _undecodable(message: str, files: GraphFiles) -> tuple[str, str]:
    """The listed file grimp's decoding error names, and the rest of its message. grimp
    raises UnicodeError for a file it cannot decode (a bad encoding declaration, bytes that
    are not UTF-8): that file is left out like one with a syntax error."""
    named = [p for p in files.paths.values() if p in message and p not in files.skip]
    if not named:
        raise RuntimeError(f"grimp could not decode a file: {message}")
    path = max(named, key=len)
    return path, message.split(path, 1)[1].strip(" ()") or message


def internal_imports(graph: grimp.ImportGraph, modules: set[str]) -> Iterator[tuple[str, str, int]]:
    """(importer, imported, line) of every import between two of ``modules``."""
    for importer in sorted(modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported not in modules:
                continue
            for detail in graph.get_import_details(importer=importer, imported=imported):
                yield importer, imported, int(detail["line_number"])


def cycle_breakers(graph: grimp.ImportGraph, packages: list[str]) -> set[tuple[str, str]]:
    """grimp's nominated imports whose removal makes ``packages`` acyclic."""
    # grimp wants disjoint packages: leave out modules nested in another module.
    present = [
        p
        for p in packages
        if p in graph.modules and not any(p.startswith(q + ".") for q in packages)
    ]
    if len(present) < 2:
        return set()
    return {(a, b) for a, b in _nominate(graph, present)}


def _nominate(graph: grimp.ImportGraph, present: list[str]) -> Any:
    """grimp 3.19 takes several packages; older grimp (all that pip installs on Python
    3.10) takes one and makes its children acyclic: the same when the modules are the
    children of one package, else no breakers are nominated (cycles are still found)."""
    if "additional_packages" in inspect.signature(graph.nominate_cycle_breakers).parameters:
        return graph.nominate_cycle_breakers(*present)
    parents = {name.rpartition(".")[0] for name in present}
    if len(parents) == 1 and "" not in parents:
        return graph.nominate_cycle_breakers(parents.pop())
    return set()
