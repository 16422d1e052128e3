"""Reading the files to analyse, turning every failure into a reason instead of an error."""

from __future__ import annotations

import os

# Larger files are still analysed (the engine is linear); this only guards memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_source(root: str, path: str) -> bytes | str:
    """The file's bytes, or a sentence saying why it could not be read."""
    full = os.path.join(root, path)
    try:
        size = os.path.getsize(full)
        if size > MAX_FILE_BYTES:
            megabytes = size // (1024 * 1024)
            return f"the file is {megabytes} MB, over the {MAX_FILE_BYTES >> 20} MB limit"
        with open(full, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        if os.path.islink(full):
            return "broken symbolic link"
        return "the file disappeared before it could be read"
    except IsADirectoryError:
        return "a directory named like a Python file"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        if error.errno == 40:  # ELOOP
            return "symbolic link loop"
        return f"cannot be read: {error.strerror or error}"
