"""A shared region without logic is not a copy: with names and literals abstracted, runs of
delegating one-liners or of calls with other arguments look alike, and no maintainer merges
them (Django's GEOS wrappers, URL pattern lists, hashers' summaries). Copied logic still is."""

from __future__ import annotations

from codehealth.core import DuplicationSettings
from codehealth.duplication import file_fingerprints, find_duplication

SETTINGS = DuplicationSettings()


def _groups(**files: str) -> tuple:
    prints = {path + ".py": file_fingerprints(text.encode()) for path, text in files.items()}
    lines = {path: 100 for path in prints}
    return find_duplication(prints, lines, SETTINGS).groups


def _delegations(prefix: str) -> str:
    return "".join(
        f"    def {prefix}_{n}(self, other):\n"
        f"        return self._call(api.{prefix}_{n}(self.ptr, other.ptr))\n\n"
        for n in range(8)
    )


def test_rows_of_delegating_methods_are_not_copies() -> None:
    one = "class Geometry:\n" + _delegations("geos")
    other = "class Envelope:\n" + _delegations("gdal")
    assert _groups(geometry=one, envelope=other) == ()


_SETUP = """def main(argv):
    parser = make_parser(description=DOC)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="write the results")
    options = parser.parse_args(argv)
    corpus(options.runs)
    floor, files = floor_seconds(options.runs)
    command = [sys.executable, "-m", "codehealth", "gate"]
    table = Table(floor, files, command)
    table.time("gate", command, target="0.5 s")
    write_results(RESULTS, table.rows, table.verdicts)
"""


def test_calls_with_other_arguments_are_not_copies() -> None:
    other = _SETUP.replace("gate", "debt").replace("0.5 s", "2 s").replace("corpus", "unpack")
    assert _groups(gate_bench=_SETUP, debt_bench=other) == ()


def test_copied_logic_is_a_copy() -> None:
    body = (
        "def NAME(items, rate, minimum):\n"
        "    total = 0\n"
        "    for item in items:\n"
        "        if item.quantity > minimum and not item.free:\n"
        "            total += item.price * item.quantity * (1 - rate)\n"
        "        else:\n"
        "            total += item.price * item.quantity\n"
        "    return round(total, 2)\n"
    )
    [group] = _groups(prices=body.replace("NAME", "net"), totals=body.replace("NAME", "gross"))
    assert {loc.path for loc in group.locations} == {"prices.py", "totals.py"}
