import os, sys  # noqa: E401
