"""The pinned Django sdist the benchmarks measure: downloaded from PyPI once, hash-checked.

Each benchmark unpacks its own copy under bench/.work/ (they modify or commit it).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

DJANGO = "5.2.8"
DJANGO_SHA256 = "23254866a5bb9a2cfa6004e8b809ec6246eba4b58a7589bc2772f1bcc8456c7f"
WORK = Path(__file__).resolve().parent / ".work"


def django_archive() -> Path:
    """bench/.work/django-<version>.tar.gz, downloaded when missing; exits on a wrong hash."""
    archive = WORK / f"django-{DJANGO}.tar.gz"
    if not archive.exists():
        download = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        subprocess.run([*download, f"django=={DJANGO}", "-d", str(WORK)], check=True)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != DJANGO_SHA256:
        sys.exit(f"{archive}: sha256 {digest}, expected {DJANGO_SHA256}; delete it and rerun")
    return archive
