"""Which module a file belongs to, for the per-module debt table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def module_names(
    paths: Iterable[str], packages: Mapping[str, str], depth: int = 2
) -> dict[str, str]:
    """File -> module: its innermost package's dotted name cut to ``depth`` parts
    (``django.contrib.admin.views`` -> ``django.contrib``). ``packages`` maps a package folder
    to its dotted name. A file outside every package belongs to its folder, cut the same way
    (``scripts``), or to ``.`` at the top level."""
    result: dict[str, str] = {}
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and folder not in packages:
            folder = folder.rpartition("/")[0]
        if folder:
            name = ".".join(packages[folder].split(".")[:depth])
        else:
            parent = path.rpartition("/")[0]
            name = "/".join(parent.split("/")[:depth]) if parent else "."
        result[path] = name
    return result
