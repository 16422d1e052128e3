"""``codehealth history``: the recorded trend as a table with small charts, or JSON."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from codehealth.history.trend import CommitTotals, HistoryRun
from codehealth.render import Cell, Table, dataclass_json, note_lines, render_report

HISTORY_SCHEMA_VERSION = 1
_BARS = "▁▂▃▄▅▆▇█"
# (measure, label, divisor): debt is shown in hours
_SERIES = (
    ("cognitive", "cognitive", 1.0),
    ("cyclomatic", "cyclomatic", 1.0),
    ("debt_minutes", "debt h", 60.0),
    ("findings", "findings", 1.0),
    ("functions", "functions", 1.0),
    ("lines", "source lines", 1.0),
    ("files", "files", 1.0),
)


def sparkline(values: Sequence[float], width: int = 48) -> str:
    """A one-line chart; more values than ``width`` are sampled evenly (the last one kept)."""
    if not values:
        return ""
    if len(values) > width:
        step = (len(values) - 1) / (width - 1)
        values = [values[round(i * step)] for i in range(width)]
    low, high = min(values), max(values)
    if high == low:
        return _BARS[0] * len(values)
    scale = (len(_BARS) - 1) / (high - low)
    return "".join(_BARS[round((v - low) * scale)] for v in values)


def _value(snapshot: CommitTotals, key: str, divisor: float) -> float:
    return snapshot.totals.get(key, 0.0) / divisor


def _number(value: float) -> str:
    return f"{value:,.1f}" if value % 1 else f"{value:,.0f}"


def _day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d")


def _tables(run: HistoryRun, last: int) -> list[Table]:
    shots = run.snapshots
    if not shots:
        return []
    trend = Table(
        f"Trend over {len(shots)} commits ({_day(shots[0].timestamp)} to "
        f"{_day(shots[-1].timestamp)})",
        ("measure", "first", "now", "change", "chart"),
        [
            (
                Cell(label),
                Cell(_number(_value(shots[0], key, div))),
                Cell(_number(_value(shots[-1], key, div))),
                Cell(_signed(_value(shots[-1], key, div) - _value(shots[0], key, div))),
                Cell(sparkline([_value(s, key, div) for s in shots])),
            )
            for key, label, div in _SERIES
        ],
        numeric=frozenset({1, 2, 3}),
    )
    recent = shots[-last:] if last else shots
    rows = []
    for index, shot in enumerate(recent):
        before = (
            shots[len(shots) - len(recent) + index - 1]
            if len(shots) - len(recent) + index
            else None
        )
        delta = _value(shot, "cognitive", 1) - (_value(before, "cognitive", 1) if before else 0)
        rows.append(
            (
                Cell(shot.sha[:10]),
                Cell(_day(shot.timestamp)),
                Cell(shot.author),
                Cell(_number(_value(shot, "cognitive", 1))),
                Cell(_signed(delta), delta > 0),
                Cell(_number(_value(shot, "debt_minutes", 60))),
                Cell(_number(_value(shot, "files", 1))),
            )
        )
    commits = Table(
        "Latest commits",
        ("commit", "date", "author", "cognitive", "change", "debt h", "files"),
        rows,
        numeric=frozenset({3, 4, 5, 6}),
    )
    modules = Table(
        "Modules now",
        ("module", "files", "cognitive", "debt h", "findings"),
        [
            (
                Cell(name),
                Cell(_number(values.get("files", 0))),
                Cell(_number(values.get("cognitive", 0))),
                Cell(_number(values.get("debt_minutes", 0) / 60)),
                Cell(_number(values.get("findings", 0))),
            )
            for name, values in sorted(
                shots[-1].modules.items(), key=lambda item: -item[1].get("cognitive", 0)
            )
        ],
        numeric=frozenset({1, 2, 3, 4}),
    )
    return [trend, commits, modules]


def _signed(value: float) -> str:
    return "0" if value == 0 else f"{value:+,.1f}" if value % 1 else f"{value:+,.0f}"


def _before(run: HistoryRun) -> list[str]:
    return [
        f"recorded {run.new_commits} new commits ({run.analysed_blobs} blobs analysed, "
        f"{run.reused_blobs} already known); {len(run.snapshots)} commits in the store"
    ]


def _after(run: HistoryRun) -> list[str]:
    return note_lines(run.notes)


def render_history(run: HistoryRun, last: int = 10, width: int | None = None) -> str:
    return render_report((_tables(run, last), _before(run), _after(run)), width)


def render_history_json(run: HistoryRun, pretty: bool = False) -> str:
    return dataclass_json(run, HISTORY_SCHEMA_VERSION, pretty)
