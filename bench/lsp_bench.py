"""Time ``codehealth lsp`` on Django's pinned sdist, driven by pygls's client over stdio.

Targets (issue 20):
- after start-up, the diagnostics of a changed 1,000-line file (django/db/migrations/state.py,
  1,017 lines) <= 50 ms, median of 100 edits (each edit sends the whole text, as full sync
  does; the debounce set to 0 so that the time is the server's, not the editor's pause);
- start-up with a warm cache <= 1 s: process start to the answer of ``initialize``, and to
  the first diagnostics of the opened file (boundaries included: the import check runs on
  open and on save);
- memory <= 300 MB after many edits, with no growth per edit (RSS of the server process).
The save of that file (diagnostics with the boundary check of its imports) is timed too.

Run from the repository root:  .venv/bin/python bench/lsp_bench.py [--edits 3000] [--write]
It unpacks its own copy of the sdist into bench/.work/lsp/ and warms the caches once with
``codehealth boundaries`` (as a first editor session would).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from bench_output import bench_parser, print_table, write_results
from django_sdist import DJANGO, django_archive
from lsprotocol import types
from pygls.lsp.client import LanguageClient

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
REPO = WORK / "lsp" / f"django-{DJANGO}"
RESULTS = BENCH / "LSP_RESULTS.md"
EDITED = "django/db/migrations/state.py"
ENV = {**os.environ, "PYTHONPATH": str(BENCH.parent / "src")}


def prepare() -> None:
    if not REPO.is_dir():
        REPO.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(django_archive()) as archive:
            archive.extractall(REPO.parent, filter="data")
    shutil.rmtree(REPO / ".codehealth", ignore_errors=True)
    command = [sys.executable, "-m", "codehealth", "boundaries", "--format", "json"]
    subprocess.run(command, cwd=REPO, env=ENV, capture_output=True, check=False)


class Session:
    """A client connected to a fresh ``codehealth lsp`` process."""

    def __init__(self) -> None:
        self.client = LanguageClient("lsp-bench", "1")
        self.published: asyncio.Queue[str] = asyncio.Queue()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params.uri)

    async def start(self) -> tuple[float, float, float]:
        """Seconds to the initialize answer, to the opened file's first diagnostics and to
        those with its boundary check (published when the check on its thread is done)."""
        started = time.perf_counter()
        await self.client.start_io(sys.executable, "-m", "codehealth", "lsp", cwd=REPO, env=ENV)
        params = types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=REPO.as_uri(),
            initialization_options={"debounceMs": 0},
        )
        await self.client.initialize_async(params)
        self.client.initialized(types.InitializedParams())
        initialised = time.perf_counter() - started
        document = types.TextDocumentItem(
            uri=self.uri, language_id="python", version=1, text=self.text(0)
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))
        await self.wait()
        first = time.perf_counter() - started
        await self.wait()
        return initialised, first, time.perf_counter() - started

    @property
    def uri(self) -> str:
        return (REPO / EDITED).as_uri()

    def text(self, edit: int) -> str:
        source = (REPO / EDITED).read_text(encoding="utf-8")
        return source.replace(
            "class ModelState:", f"LIMIT_{edit} = {edit}\n\n\nclass ModelState:", 1
        )

    async def wait(self) -> None:
        while await self.published.get() != self.uri:
            pass

    async def edit(self, version: int) -> float:
        params = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=self.text(version))],
        )
        started = time.perf_counter()
        self.client.text_document_did_change(params)
        await self.wait()
        return time.perf_counter() - started

    async def save(self, version: int) -> float:
        params = types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri), text=self.text(version)
        )
        started = time.perf_counter()
        self.client.text_document_did_save(params)
        await self.wait()  # at once, then with the boundaries
        await self.wait()
        return time.perf_counter() - started

    def rss_mb(self) -> float:
        pid = self.client._server.pid  # type: ignore[union-attr]  # pygls keeps the process
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def import_floor() -> float:
    """Seconds for a Python process that only imports pygls and lsprotocol (the protocol's
    types are ~1,000 attrs classes): what any pygls server pays before its first answer."""
    command = [sys.executable, "-c", "import lsprotocol.types, pygls.lsp.server"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


async def startups(runs: int) -> tuple[list[tuple[float, float, float]], list[float]]:
    """Each session's start-up, and the floor measured between them (the load changes)."""
    found, floors = [], []
    for _ in range(runs):
        session = Session()
        found.append(await session.start())
        await session.stop()
        floors.append(import_floor())
    return found, floors


async def edits(count: int) -> tuple[list[float], list[float], list[tuple[int, float]]]:
    session = Session()
    await session.start()
    times = [await session.edit(version) for version in range(2, 102)]
    saves = [await session.save(101) for _ in range(10)]
    memory = [(0, session.rss_mb())]
    for version in range(102, 102 + count):
        await session.edit(version)
        if (version - 101) % max(count // 6, 1) == 0:
            memory.append((version - 101, session.rss_mb()))
    await session.stop()
    return times, saves, memory


def engine_growth(edits: int) -> float:
    """Bytes per edit that the engine itself keeps (tracemalloc, in this process) over
    ``edits`` edits after 1,000 edits of warm-up: a leak shows here without the noise of
    the allocator and of pygls that the server's RSS carries."""
    import gc
    import tracemalloc

    sys.path.insert(0, str(BENCH.parent / "src"))
    from codehealth.lsp.session import Session as Engine

    engine = Engine()
    engine.start(str(REPO), {})
    path = str(REPO / EDITED)
    source = (REPO / EDITED).read_text(encoding="utf-8")

    def edit(version: int) -> None:
        added = f"LIMIT_{version} = {version}\n\n\nclass ModelState:"
        engine.update(path, version, source.replace("class ModelState:", added, 1))
        engine.diagnose(path)

    # traced from the start of the warm-up: the state each edit replaces (the text, the
    # results) was allocated while traced, so its release is counted too
    tracemalloc.start()
    for version in range(1, 1001):
        edit(version)
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for version in range(1001, 1001 + edits):
        edit(version)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / edits


def main() -> None:
    parser = bench_parser(__doc__, RESULTS, runs=5)
    parser.add_argument("--edits", type=int, default=3000, help="edits for the memory check")
    options = parser.parse_args()
    prepare()
    asyncio.run(startups(1))  # the first session after the warm-up: its .pyc and caches
    starts, floors = asyncio.run(startups(options.runs))
    floor = statistics.median(floors)
    times, saves, memory = asyncio.run(edits(options.edits))
    kept = engine_growth(1000)
    initialise = statistics.median(s[0] for s in starts)
    first = statistics.median(s[1] for s in starts)
    checked = statistics.median(s[2] for s in starts)
    edit = statistics.median(times) * 1000
    p90 = statistics.quantiles(times, n=10)[-1] * 1000
    save = statistics.median(saves) * 1000
    settled = memory[1][1] if len(memory) > 1 else memory[0][1]
    growth = (memory[-1][1] - settled) / max(memory[-1][0] - memory[1][0], 1) * 1024
    rows = [
        ("start-up to the initialize answer (warm)", f"{initialise:.3f} s", "<= 1 s"),
        ("the floor: a process importing pygls and lsprotocol only", f"{floor:.3f} s", "info"),
        ("start-up to the opened file's diagnostics", f"{first:.3f} s", "information"),
        ("start-up to them with its boundary check", f"{checked:.3f} s", "information"),
        ("diagnostics of an edit (median of 100)", f"{edit:.1f} ms", "<= 50 ms"),
        ("diagnostics of an edit (90th percentile)", f"{p90:.1f} ms", "information"),
        ("diagnostics of a save, boundaries included (median of 10)", f"{save:.1f} ms", "info"),
        (f"RSS after {memory[-1][0]} more edits", f"{memory[-1][1]:.0f} MB", "<= 300 MB"),
        ("RSS growth per edit after the first samples", f"{growth:.2f} KB", "~0"),
        ("memory the engine keeps per edit (tracemalloc)", f"{kept:.0f} B", "~0"),
    ]
    verdicts = [
        f"start-up {'PASS' if initialise <= 1 else 'FAIL'}; edit {'PASS' if edit <= 50 else 'FAIL'}"
        f"; memory {'PASS' if memory[-1][1] <= 300 else 'FAIL'}",
        "RSS samples (edits, MB): " + ", ".join(f"{n}: {mb:.0f}" for n, mb in memory),
    ]
    print_table(("measure", "value", "target"), rows, verdicts)
    if options.write:
        table = (("measure", "value", "target"), "| --- | ---: | --- |", rows)
        how = f"warm cache, start-up median of {options.runs} sessions, {EDITED} edited."
        reproduce = ".venv/bin/python bench/lsp_bench.py --write"
        write_results(
            RESULTS, f"codehealth lsp on Django {DJANGO}", how, table, verdicts, reproduce
        )


if __name__ == "__main__":
    main()
