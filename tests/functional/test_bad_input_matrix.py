"""Every command over every case of the bad-input corpus (tests/functional/corpus.py).

For each (command, case): no traceback and no internal error, the exit code the command
gives on the clean project (0/1; 2 only where the repository's shape makes the request
impossible, with the reason), every bad file named with its reason in the command's own
output, and the good files still measured (their functions, markers or boundary findings
appear). The commands run in-process (``cli``); ``test_no_traceback_in_a_real_process``
runs a few as real processes to read their stderr.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from clitools import Run, assert_no_traceback, run_cli
from corpus import CASE_IDS, CASES, GOOD_FILES, Case, build

# Every command over every case: minutes on 2 cores, so out of the fast set.
pytestmark = pytest.mark.slow

Reasons = dict[str, str]  # path -> the reason the command gave


class _Hung(BaseException):
    """Not an OSError (as TimeoutError is) nor an Exception: no handler of the command
    under test may take it for a read that failed and carry on."""


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A blocking read (a FIFO) must fail the test, not hang the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: Any) -> None:
        raise _Hung("the command hung (a blocking read?)")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(180)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _notes(notes: list[str]) -> Reasons:
    """path -> reason from notes written as ``not analysed: PATH: REASON``."""
    found: Reasons = {}
    for note in notes:
        if note.startswith("not analysed: "):
            # No corpus path holds ": "; a reason may (a syntax error's detail).
            path, _, reason = note.removeprefix("not analysed: ").partition(": ")
            found[path] = reason
    return found


def _lines(text: str, prefix: str) -> list[str]:
    return [line.strip().removeprefix(prefix) for line in text.splitlines() if prefix in line]


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]
    code: int  # the exit code on the corpus repository (its good files carry findings)
    bad: Callable[[Run], Reasons] | None  # None: the command reads no code (rules)
    good: Callable[[Run, Case], None] | None
    staged: bool = False


def _scan_bad(run: Run) -> Reasons:
    return {n["path"]: n["reason"] for n in run.json()["not_analysed"]}


def _scan_good(run: Run, case: Case) -> None:
    files = {f["path"]: {fn["name"] for fn in f["functions"]} for f in run.json()["files"]}
    for path, function in {**GOOD_FILES, **case.good}.items():
        assert function in files.get(path, ()), (path, sorted(files))


def _boundaries_good(run: Run, case: Case) -> None:
    document = run.json()
    assert [(v["rule"], v["path"]) for v in document["violations"]] == [
        ("CH301", "src/clean/fresh.py")
    ]
    assert not set(GOOD_FILES) & {n["path"] for n in document["not_analysed"]}


def _debt_good(run: Run, case: Case) -> None:
    found = {(f["rule"], f["path"], f["symbol"]) for f in run.json()["findings"]}
    assert ("CH201", "src/clean/good.py", "good") in found
    assert ("CH202", "src/clean/fresh.py", "fresh") in found
    assert ("CH301", "src/clean/fresh.py", "") in found  # boundaries ran too


def _hotspots_good(run: Run, case: Case) -> None:
    files = {f["path"]: f for f in run.json()["files"]}
    assert files["src/clean/good.py"]["cognitive"] == 1
    assert files["src/clean/good.py"]["debt_minutes"] > 0
    for path in case.good:
        assert path in files, path


def _plan_good(run: Run, case: Case) -> None:
    targets = {(t["path"], t["symbol"]) for s in run.json()["sessions"] for t in s["targets"]}
    assert {("src/clean/good.py", "good"), ("src/clean/fresh.py", "fresh")} <= targets


def _history_good(run: Run, case: Case) -> None:
    snapshots = run.json()["snapshots"]
    # maths.py's two functions, good() and fresh() (the last commit holds them all).
    assert snapshots[-1]["totals"]["functions"] >= 4, snapshots[-1]
    assert snapshots[-1]["totals"]["findings.markers"] >= 2, snapshots[-1]


def _gate_bad(run: Run) -> Reasons:
    return {p["path"]: p["message"] for p in run.json()["problems"] if p["rule"] == "CH504"}


def _gate_good(run: Run, case: Case) -> None:
    problems = {(p["rule"], p["path"]) for p in run.json()["problems"] if p["fails"]}
    assert {("CH201", "src/clean/good.py"), ("CH202", "src/clean/fresh.py")} <= problems


def _baseline_bad(run: Run) -> Reasons:
    return _notes(_lines(run.err, "codehealth: warning: "))


def _baseline_good(run: Run, case: Case) -> None:
    (path,) = (line.split(" ")[1].rstrip(":") for line in run.out.splitlines()[:1])
    listed = Path(path).read_text(encoding="utf-8")
    for rule, where in (("CH201", "src/clean/good.py"), ("CH202", "src/clean/fresh.py")):
        assert f"\t{rule}\t{where}\t" in listed, listed


def _init_bad(run: Run) -> Reasons:
    return _notes(_lines(run.out, "  "))


def _init_good(run: Run, case: Case) -> None:
    first = run.out.splitlines()[0]
    files = int(first.rsplit(" from ", 1)[1].split()[0])
    assert files >= 5 + len(case.good), first  # clean's 2, api's 2, good.py, fresh.py...
    assert "root packages and modules: clean" in run.out


def _json_notes(run: Run) -> Reasons:
    return _notes(run.json()["notes"])


COMMANDS = [
    Command("scan", ("scan", "--format", "json"), 0, _scan_bad, _scan_good),
    Command(
        "boundaries",
        ("boundaries", "--format", "json"),
        1,
        lambda run: {n["path"]: n["reason"] for n in run.json()["not_analysed"]},
        _boundaries_good,
    ),
    Command("debt", ("debt", "--format", "json"), 0, _json_notes, _debt_good),
    Command("hotspots", ("hotspots", "--format", "json"), 0, _json_notes, _hotspots_good),
    Command("plan", ("plan", "--budget", "40h", "--format", "json"), 0, _json_notes, _plan_good),
    Command("history", ("history", "--format", "json"), 0, _json_notes, _history_good),
    Command("gate-base", ("gate", "--base", "main", "--format", "json"), 1, _gate_bad, _gate_good),
    Command(
        "gate-staged",
        ("gate", "--staged", "--format", "json"),
        1,
        _gate_bad,
        _gate_good,
        staged=True,
    ),
    Command("baseline", ("baseline",), 0, _baseline_bad, _baseline_good),
    Command("init", ("init", "--force"), 0, _init_bad, _init_good),
    Command("rules", ("rules", "--format", "json"), 0, None, None),
]


def _expected_bad(command: Command, case: Case) -> dict[str, str]:
    """The bad files this command must name: the ones it reads."""
    if command.name == "boundaries" and case.boundaries_bad is not None:
        return dict(case.boundaries_bad)
    if command.name.startswith("gate") or command.name == "history":
        # These read the committed (or staged) content, where a file that only went bad in
        # the work tree (deleted, replaced by a folder or a FIFO) is still good, or is a
        # deletion for gate --base.
        return {} if case.worktree_only else dict(case.bad)
    return dict(case.bad)


def _expected_code(command: Command, case: Case) -> tuple[int, str]:
    """The exit code and, for 2, a word the message must hold."""
    if command.name == "gate-base" and not case.has_base:
        return 2, "fetch"  # no `main` to compare with: the message says how to fetch it
    mines = command.name in ("hotspots", "plan", "history")
    if mines and not case.has_head:
        return 2, "no commits yet"  # no history to rank, plan or record by
    if command.name in ("hotspots", "plan") and case.name == "shallow-clone":
        return 2, "fetch"  # one commit cannot say how often files changed in 12 months
    return command.code, ""


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_every_command_over_the_corpus(
    command: Command, case: Case, cli: Callable[..., Run], tmp_path: Path
) -> None:
    where = build(case, tmp_path, staged=command.staged)
    run = cli(*command.args, cwd=where)
    assert_no_traceback(run.err)
    assert "internal error" not in run.err, run.err
    expected, words = _expected_code(command, case)
    assert run.code == expected, (run.code, run.err[-2000:])
    if expected == 2:
        assert words in run.err, run.err
        return
    if command.bad is None or command.good is None:
        assert json.loads(run.out)  # rules: its catalogue, whatever the repository
        return
    _check_reported(command, case, command.bad(run))
    command.good(run, case)


def _check_reported(command: Command, case: Case, reported: Reasons) -> None:
    """Each bad file named with the words of its reason; no good file named."""
    expected = _expected_bad(command, case)
    for path, words in expected.items():
        assert path in reported, (path, reported)
        assert words.lower() in reported[path].lower(), (path, reported[path])
    for path in set(case.good) - set(expected):
        assert path not in reported, (path, reported[path])


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and byte file names")
@pytest.mark.parametrize(
    ("case_name", "args"),
    [
        ("syntax", ("scan",)),
        ("encodings", ("debt",)),
        ("unreadable", ("boundaries",)),
        ("symlinks", ("gate", "--base", "main")),
        ("odd-names", ("history", "show")),
        ("deep-nesting", ("hotspots",)),
    ],
)
def test_no_traceback_in_a_real_process(
    case_name: str, args: tuple[str, ...], tmp_path: Path
) -> None:
    """The default table output in a real process: stderr holds no traceback."""
    (case,) = (c for c in CASES if c.name == case_name)
    where = build(case, tmp_path)
    run = run_cli(*args, cwd=where, timeout=180)
    assert_no_traceback(run.err)
    assert "internal error" not in run.err, run.err
    assert run.code in (0, 1), run.err
    assert run.out.strip()


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_report_html_over_the_corpus(case: Case, cli: Callable[..., Run], tmp_path: Path) -> None:
    """``report --html`` over every case: a report is written, no internal error, and each
    bad file is named in it (HTML-escaped)."""
    import html

    where = build(case, tmp_path)
    out = tmp_path / "html-report"
    run = cli("report", "--html", str(out), cwd=where)
    assert_no_traceback(run.err)
    assert "internal error" not in run.err, run.err
    assert run.code in (0, 1), run.err
    (page,) = out.glob("*.html")
    text = html.unescape(page.read_text(encoding="utf-8"))
    for path in case.bad:
        assert path in text or json.dumps(path)[1:-1] in text, path
