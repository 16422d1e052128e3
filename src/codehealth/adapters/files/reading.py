"""Reading the files to analyse, turning every failure into a reason instead of an error."""

from __future__ import annotations

import errno
import os
import stat

# Larger files are still analysed (the engine is linear); this only guards memory.
MAX_FILE_BYTES = 64 * 1024 * 1024

# O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFileError(OSError):
    """The path is a FIFO, socket or device: reading it could block or never end."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a FIFO, socket or device)", path)


def read_file(path: str, limit: int | None = None) -> bytes:
    """A regular file's bytes; raises OSError (NotRegularFileError for a FIFO, socket or
    device, which are never opened for a blocking read). ``limit``: raise EFBIG when the
    file is larger (its size is returned in the message)."""
    descriptor = os.open(path, _FLAGS)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory", path)
            raise NotRegularFileError(path)
        size = status.st_size
        if limit is not None and size > limit:
            raise OSError(errno.EFBIG, f"{size // (1024 * 1024)} MB", path)
        # One read for the usual case, fewer system calls than open().read().
        first = os.read(descriptor, size + 1)
        if len(first) <= size:
            return first
        chunks = [first]  # it grew while being read
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_head(path: str, size: int) -> bytes:
    """The first ``size`` bytes of a regular file; raises OSError as ``read_file`` does."""
    descriptor = os.open(path, _FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegularFileError(path)
        return os.read(descriptor, size)
    finally:
        os.close(descriptor)


def unusable_file(path: str) -> str | None:
    """Why ``path`` cannot be read as a regular file (from its status only), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _reason(path, error)
    if not stat.S_ISREG(mode):
        return NotRegularFileError(path).strerror
    return None


def read_source(root: str, path: str) -> bytes | str:
    """The file's bytes, or a sentence saying why it could not be read."""
    full = os.path.join(root, path)
    try:
        return read_file(full, MAX_FILE_BYTES)
    except OSError as error:
        return _reason(full, error)


def _reason(full: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        if os.path.islink(full):
            return "broken symbolic link"
        return "the file disappeared before it could be read"
    for kind, reason in _REASONS:
        if isinstance(error, kind):
            return reason
    if isinstance(error, NotRegularFileError):
        return str(error.strerror)
    if error.errno == errno.EFBIG:
        return f"the file is {error.strerror}, over the {MAX_FILE_BYTES >> 20} MB limit"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot be read: {error.strerror or error}"


_REASONS = (
    (IsADirectoryError, "a directory named like a Python file"),
    (PermissionError, "permission denied"),
)
