"""Fingerprints are computed in the measuring pass and cached per content like the metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

import codehealth.metrics.measure as measure_module
from codehealth.core import DuplicationSettings, Settings
from codehealth.metrics import measure_project

SOURCE = "def f(items):\n" + "".join(
    f"    x{i} = items[{i}] * {i} + len(items)\n" for i in range(12)
)


def test_a_warm_run_computes_no_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.py").write_text(SOURCE)
    (tmp_path / "b.py").write_text(SOURCE.replace("f(", "g("))
    settings = Settings(root=str(tmp_path), jobs=1)
    cold = measure_project(str(tmp_path), (), settings)
    assert len(cold.duplication.groups) == 1

    def refuse(source: bytes) -> object:
        raise AssertionError("fingerprinted again")

    monkeypatch.setattr(measure_module, "file_fingerprints", refuse)
    warm = measure_project(str(tmp_path), (), settings)
    assert warm.duplication == cold.duplication
    assert warm.prints == {}  # the cached groups were enough: no fingerprint was even loaded
    (tmp_path / "c.py").write_text(SOURCE.replace("f(", "h("))
    monkeypatch.undo()
    changed = measure_project(str(tmp_path), (), settings)
    assert changed.duplication.groups[0].count == 3
    assert set(changed.prints) == {"a.py", "b.py", "c.py"}  # two from the cache, one fresh


def test_with_the_detector_off_no_file_is_tokenised(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(SOURCE)
    settings = Settings(root=str(tmp_path), duplication=DuplicationSettings(enabled=False))
    measured = measure_project(str(tmp_path), (), settings, use_cache=False)
    assert measured.prints == {} and "a.py" in measured.files
