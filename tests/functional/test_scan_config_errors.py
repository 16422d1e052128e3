"""A bad [tool.codehealth] stops the run with exit 2 and a message naming the file, the key,
the value and what is expected; never a traceback."""

from __future__ import annotations

import pytest
from clitools import assert_no_traceback, run_cli

BASE = '[project]\nname = "clean"\nversion = "1.0"\n\n'


def _scan_with(make_repo, pyproject: str):
    repo = make_repo("clean", files={"pyproject.toml": BASE + pyproject})
    run = run_cli("scan", cwd=repo)
    assert run.code == 2, (run.out, run.err)
    assert run.out == ""
    assert_no_traceback(run.err)
    assert "pyproject.toml" in run.err
    return run.err


def test_unknown_key_suggests_the_close_one(make_repo):
    err = _scan_with(make_repo, '[tool.codehealth]\nexlcude = ["legacy/*"]\n')
    assert "exlcude" in err
    assert "did you mean 'exclude'" in err


def test_unknown_threshold_suggests_the_close_one(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth.thresholds]\ncognitve = 12\n")
    assert "cognitve" in err
    assert "did you mean 'cognitive'" in err
    assert "tool.codehealth.thresholds" in err


def test_wrong_type_names_key_value_and_expectation(make_repo):
    err = _scan_with(make_repo, '[tool.codehealth]\nexclude = "legacy/*"\n')
    assert "exclude" in err
    assert "'legacy/*'" in err
    assert "expected a list of glob patterns" in err


def test_wrong_type_of_threshold(make_repo):
    err = _scan_with(make_repo, '[tool.codehealth.thresholds]\ncyclomatic = "ten"\n')
    assert "cyclomatic" in err
    assert "'ten'" in err
    assert "expected a whole number" in err


def test_float_for_a_whole_number_threshold(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth.thresholds]\nnesting = 2.5\n")
    assert "nesting = 2.5" in err
    assert "expected a whole number" in err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "value"), [("cognitive", "-1"), ("maintainability", "-0.5"), ("file_lines", "-100")]
)
def test_negative_threshold(make_repo, key, value):
    err = _scan_with(make_repo, f"[tool.codehealth.thresholds]\n{key} = {value}\n")
    assert f"{key} = {value}" in err
    assert "0 or more" in err


def test_boolean_is_not_a_number(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth.thresholds]\nparameters = true\n")
    assert "parameters = True" in err
    assert "expected a whole number" in err


def test_negative_jobs(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth]\njobs = -2\n")
    assert "jobs = -2" in err
    assert "expected a whole number" in err


def test_invalid_toml(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth\nroots = [src\n")
    assert "not valid TOML" in err
    assert "line" in err  # tomllib says where


def test_a_pyproject_that_is_not_utf8_is_a_configuration_error(make_repo):
    repo = make_repo("clean", files={"pyproject.toml": BASE})
    (repo / "pyproject.toml").write_bytes(BASE.encode() + b"# caf\xe9\n")  # Latin-1
    run = run_cli("scan", cwd=repo)
    assert run.code == 2, run.err  # was an internal error (exit 3)
    assert_no_traceback(run.err)
    assert "pyproject.toml: not UTF-8" in run.err


def test_thresholds_not_a_table(make_repo):
    err = _scan_with(make_repo, "[tool.codehealth]\nthresholds = 5\n")
    assert "thresholds" in err
    assert "table" in err


def test_missing_config_file_given_with_option(make_repo):
    repo = make_repo("clean")
    run = run_cli("scan", "--config", "missing/pyproject.toml", cwd=repo)
    assert run.code == 2
    assert "missing/pyproject.toml" in run.err
    assert_no_traceback(run.err)


@pytest.mark.slow
def test_config_option_reads_another_file(make_repo):
    repo = make_repo("shop", files={"ci/defaults.toml": "[tool.codehealth.thresholds]\n"})
    # The shop's own pyproject.toml has strict thresholds; this file keeps the defaults.
    assert run_cli("scan", "--check", cwd=repo).code == 1
    assert run_cli("scan", "--check", "--config", "ci/defaults.toml", cwd=repo).code == 1
    (repo / "ci" / "loose.toml").write_text(
        "[tool.codehealth.thresholds]\ncyclomatic = 99\ncognitive = 99\nnesting = 99\n"
    )
    assert run_cli("scan", "--check", "--config", "ci/loose.toml", cwd=repo).code == 0


def test_no_configuration_at_all_works(make_repo):
    repo = make_repo("clean")
    (repo / "pyproject.toml").unlink()
    run = run_cli("scan", "--check", cwd=repo)
    assert run.code == 0, run.err  # the defaults are looser than the clean project's limits
    assert "2 files" in run.out


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ("[tool.codehealth.duplication]\nmin_tokens = 5\n", "min_tokens = 5: expected"),
        ("[tool.codehealth.duplication]\nmin_lines = -1\n", "min_lines = -1: expected"),
        ('[tool.codehealth.gate]\nmax_new_duplication = "3%"\n', "max_new_duplication"),
    ],
)
def test_bad_duplication_settings_name_the_key(make_repo, table, words):
    assert words in _scan_with(make_repo, table)
