"""Configuration: ``[tool.codehealth]`` read and validated into frozen Settings."""

from codehealth.config.boundary_settings import (
    AllowEntry,
    BoundarySettings,
    ModuleDecl,
)
from codehealth.config.history_settings import HistorySettings
from codehealth.config.load import load_settings, parse_settings, read_toml
from codehealth.config.settings import (
    DEFAULT_EXCLUDE,
    ConfigError,
    DebtSettings,
    GateSettings,
    Settings,
    Thresholds,
)
from codehealth.config.skipping import (
    HEAD_BYTES,
    VENDORED_FOLDERS,
    generated_marker,
    skipped_folder,
)
from codehealth.config.tests_settings import TestSettings, is_test_path, is_test_rule

__all__ = [
    "AllowEntry",
    "BoundarySettings",
    "ModuleDecl",
    "DEFAULT_EXCLUDE",
    "ConfigError",
    "HEAD_BYTES",
    "VENDORED_FOLDERS",
    "generated_marker",
    "skipped_folder",
    "DebtSettings",
    "HistorySettings",
    "GateSettings",
    "Settings",
    "Thresholds",
    "TestSettings",
    "is_test_path",
    "is_test_rule",
    "load_settings",
    "parse_settings",
    "read_toml",
]
