"""Pure shared values: findings (one fingerprint function), metrics records, commit records,
boundary records, settings, the rule catalogue and the baseline format. No I/O."""

from codehealth.core.baseline import (
    Baseline as Baseline,
)
from codehealth.core.baseline import (
    BaselineError as BaselineError,
)
from codehealth.core.baseline import (
    BaselineSplit as BaselineSplit,
)
from codehealth.core.baseline import (
    Entry as Entry,
)
from codehealth.core.baseline import (
    format_baseline as format_baseline,
)
from codehealth.core.baseline import (
    parse_baseline as parse_baseline,
)
from codehealth.core.baseline import (
    split_boundaries as split_boundaries,
)
from codehealth.core.baseline import (
    split_by_baseline as split_by_baseline,
)
from codehealth.core.baseline import (
    update_baseline as update_baseline,
)
from codehealth.core.boundary_records import (
    DYNAMIC_IMPORT as DYNAMIC_IMPORT,
)
from codehealth.core.boundary_records import (
    GET_MODEL as GET_MODEL,
)
from codehealth.core.boundary_records import (
    MODEL_REFERENCE as MODEL_REFERENCE,
)
from codehealth.core.boundary_records import (
    REFERENCE_KINDS as REFERENCE_KINDS,
)
from codehealth.core.boundary_records import (
    SETTINGS_PATH as SETTINGS_PATH,
)
from codehealth.core.boundary_records import (
    URL_INCLUDE as URL_INCLUDE,
)
from codehealth.core.boundary_records import (
    BoundaryReport as BoundaryReport,
)
from codehealth.core.boundary_records import (
    ContractResult as ContractResult,
)
from codehealth.core.boundary_records import (
    Cycle as Cycle,
)
from codehealth.core.boundary_records import (
    ImportSite as ImportSite,
)
from codehealth.core.boundary_records import (
    ModuleEdge as ModuleEdge,
)
from codehealth.core.boundary_records import (
    ModuleSummary as ModuleSummary,
)
from codehealth.core.boundary_records import (
    Reference as Reference,
)
from codehealth.core.boundary_records import (
    Violation as Violation,
)
from codehealth.core.boundary_settings import (
    AllowEntry as AllowEntry,
)
from codehealth.core.boundary_settings import (
    ModuleDecl as ModuleDecl,
)
from codehealth.core.boundary_summary import (
    BoundarySummary as BoundarySummary,
)
from codehealth.core.boundary_summary import (
    summarise_boundaries as summarise_boundaries,
)
from codehealth.core.catalogue import (
    Catalogue as Catalogue,
)
from codehealth.core.catalogue import (
    LintCost as LintCost,
)
from codehealth.core.catalogue import (
    Rule as Rule,
)
from codehealth.core.catalogue import (
    apply_overrides as apply_overrides,
)
from codehealth.core.catalogue_parse import (
    SEVERITIES as SEVERITIES,
)
from codehealth.core.catalogue_parse import (
    parse_catalogue as parse_catalogue,
)
from codehealth.core.commits import (
    BlobChange as BlobChange,
)
from codehealth.core.commits import (
    Change as Change,
)
from codehealth.core.commits import (
    ChangedFile as ChangedFile,
)
from codehealth.core.commits import (
    Commit as Commit,
)
from codehealth.core.commits import (
    LineRanges as LineRanges,
)
from codehealth.core.commits import (
    Revision as Revision,
)
from codehealth.core.commits import (
    Unreadable as Unreadable,
)
from codehealth.core.coverage import (
    EMPTY_SPAN as EMPTY_SPAN,
)
from codehealth.core.coverage import (
    BranchCount as BranchCount,
)
from codehealth.core.coverage import (
    CodeShape as CodeShape,
)
from codehealth.core.coverage import (
    CoverageData as CoverageData,
)
from codehealth.core.coverage import (
    FileCoverage as FileCoverage,
)
from codehealth.core.coverage import (
    MeasuredFile as MeasuredFile,
)
from codehealth.core.coverage import (
    Ratio as Ratio,
)
from codehealth.core.coverage import (
    RawCoverage as RawCoverage,
)
from codehealth.core.coverage import (
    SpanCoverage as SpanCoverage,
)
from codehealth.core.coverage import (
    SpanIndex as SpanIndex,
)
from codehealth.core.coverage import (
    crap as crap,
)
from codehealth.core.coverage import (
    crap_risk as crap_risk,
)
from codehealth.core.coverage import (
    file_coverage_span as file_coverage_span,
)
from codehealth.core.coverage import (
    folder_coverage as folder_coverage,
)
from codehealth.core.coverage import (
    function_coverage as function_coverage,
)
from codehealth.core.coverage import (
    percent as percent,
)
from codehealth.core.coverage import (
    span_coverage as span_coverage,
)
from codehealth.core.coverage import (
    span_figures as span_figures,
)
from codehealth.core.coverage_join import (
    CoverageMismatch as CoverageMismatch,
)
from codehealth.core.coverage_join import (
    ProjectFiles as ProjectFiles,
)
from codehealth.core.coverage_join import (
    join_coverage as join_coverage,
)
from codehealth.core.coverage_paths import (
    PathMapper as PathMapper,
)
from codehealth.core.coverage_paths import (
    measured_by as measured_by,
)
from codehealth.core.django_settings import (
    DJANGO_CONVENTION as DJANGO_CONVENTION,
)
from codehealth.core.django_settings import (
    DjangoSettings as DjangoSettings,
)
from codehealth.core.duplication import (
    FINGERPRINT_FIELDS as FINGERPRINT_FIELDS,
)
from codehealth.core.duplication import (
    CloneGroup as CloneGroup,
)
from codehealth.core.duplication import (
    CloneLocation as CloneLocation,
)
from codehealth.core.duplication import (
    Duplication as Duplication,
)
from codehealth.core.duplication import (
    FileDuplication as FileDuplication,
)
from codehealth.core.duplication import (
    Fingerprints as Fingerprints,
)
from codehealth.core.duplication_settings import (
    MIN_TOKENS_FLOOR as MIN_TOKENS_FLOOR,
)
from codehealth.core.duplication_settings import (
    DuplicationSettings as DuplicationSettings,
)
from codehealth.core.findings import (
    Finding as Finding,
)
from codehealth.core.findings import (
    fingerprint as fingerprint,
)
from codehealth.core.findings import (
    normalise_line as normalise_line,
)
from codehealth.core.findings import (
    numbered_fingerprints as numbered_fingerprints,
)
from codehealth.core.hits import (
    Hit as Hit,
)
from codehealth.core.hits import (
    price_lint_hits as price_lint_hits,
)
from codehealth.core.hits import (
    price_rule_hits as price_rule_hits,
)
from codehealth.core.isolation import (
    error_text as error_text,
)
from codehealth.core.isolation import (
    isolated as isolated,
)
from codehealth.core.metrics import (
    ClassMetrics as ClassMetrics,
)
from codehealth.core.metrics import (
    FileMetrics as FileMetrics,
)
from codehealth.core.metrics import (
    FunctionMetrics as FunctionMetrics,
)
from codehealth.core.metrics import (
    Halstead as Halstead,
)
from codehealth.core.metrics import (
    LineCounts as LineCounts,
)
from codehealth.core.metrics import (
    NotAnalysed as NotAnalysed,
)
from codehealth.core.metrics import (
    PackageMetrics as PackageMetrics,
)
from codehealth.core.metrics import (
    ThresholdViolation as ThresholdViolation,
)
from codehealth.core.review import (
    ReviewLevel as ReviewLevel,
)
from codehealth.core.review import (
    ReviewReason as ReviewReason,
)
from codehealth.core.review import (
    review_level as review_level,
)
from codehealth.core.review_settings import (
    API as API,
)
from codehealth.core.review_settings import (
    CAREFUL as CAREFUL,
)
from codehealth.core.review_settings import (
    COCHANGE as COCHANGE,
)
from codehealth.core.review_settings import (
    COMPLEXITY as COMPLEXITY,
)
from codehealth.core.review_settings import (
    DEPENDENCY as DEPENDENCY,
)
from codehealth.core.review_settings import (
    DESIGN as DESIGN,
)
from codehealth.core.review_settings import (
    HOTSPOT as HOTSPOT,
)
from codehealth.core.review_settings import (
    LIGHTWEIGHT as LIGHTWEIGHT,
)
from codehealth.core.review_settings import (
    MODULE as MODULE,
)
from codehealth.core.review_settings import (
    REVIEW_LEVELS as REVIEW_LEVELS,
)
from codehealth.core.review_settings import (
    SIZE as SIZE,
)
from codehealth.core.review_settings import (
    ReviewSettings as ReviewSettings,
)
from codehealth.core.settings import (
    DEFAULT_EXCLUDE as DEFAULT_EXCLUDE,
)
from codehealth.core.settings import (
    ConfigError as ConfigError,
)
from codehealth.core.settings import (
    DebtSettings as DebtSettings,
)
from codehealth.core.settings import (
    GateSettings as GateSettings,
)
from codehealth.core.settings import (
    Settings as Settings,
)
from codehealth.core.settings import (
    Thresholds as Thresholds,
)
from codehealth.core.settings_parse import (
    parse_settings as parse_settings,
)
from codehealth.core.skipping import (
    HEAD_BYTES as HEAD_BYTES,
)
from codehealth.core.skipping import (
    generated_marker as generated_marker,
)
from codehealth.core.skipping import (
    skipped_folder as skipped_folder,
)
from codehealth.core.tests_settings import (
    TEST_FOLDERS as TEST_FOLDERS,
)
from codehealth.core.tests_settings import (
    is_test_path as is_test_path,
)
from codehealth.core.tests_settings import (
    is_test_rule as is_test_rule,
)
from codehealth.core.tests_settings_parse import (
    PytestOptions as PytestOptions,
)
from codehealth.core.tests_settings_parse import (
    ini_pytest_options as ini_pytest_options,
)
from codehealth.core.tests_settings_parse import (
    pyproject_pytest_options as pyproject_pytest_options,
)
from codehealth.core.tests_settings_parse import (
    with_pytest as with_pytest,
)
from codehealth.core.toml import (
    TOMLDecodeError as TOMLDecodeError,
)
from codehealth.core.toml import (
    parse_toml as parse_toml,
)
from codehealth.core.workspace import (
    Workspace as Workspace,
)
from codehealth.core.workspace import (
    WorkspaceProject as WorkspaceProject,
)
from codehealth.core.workspace import (
    declared_dependencies as declared_dependencies,
)
from codehealth.core.workspace import (
    normalise_name as normalise_name,
)
from codehealth.core.workspace import (
    project_of as project_of,
)
from codehealth.core.workspace import (
    workspace_projects as workspace_projects,
)

__all__ = [
    "ReviewLevel",
    "ReviewReason",
    "review_level",
    "CAREFUL",
    "DESIGN",
    "LIGHTWEIGHT",
    "REVIEW_LEVELS",
    "ReviewSettings",
    "HOTSPOT",
    "COMPLEXITY",
    "COCHANGE",
    "API",
    "DEPENDENCY",
    "MODULE",
    "SIZE",
    "LineRanges",
    "BranchCount",
    "CodeShape",
    "CoverageData",
    "EMPTY_SPAN",
    "FileCoverage",
    "MeasuredFile",
    "Ratio",
    "RawCoverage",
    "SpanCoverage",
    "crap",
    "crap_risk",
    "file_coverage_span",
    "function_coverage",
    "percent",
    "folder_coverage",
    "SpanIndex",
    "span_coverage",
    "span_figures",
    "CoverageMismatch",
    "ProjectFiles",
    "join_coverage",
    "PathMapper",
    "CloneGroup",
    "CloneLocation",
    "Duplication",
    "FileDuplication",
    "FINGERPRINT_FIELDS",
    "Fingerprints",
    "DuplicationSettings",
    "DJANGO_CONVENTION",
    "DjangoSettings",
    "MIN_TOKENS_FLOOR",
    "measured_by",
    "PytestOptions",
    "ini_pytest_options",
    "parse_settings",
    "pyproject_pytest_options",
    "with_pytest",
    "error_text",
    "isolated",
    "summarise_boundaries",
    "TOMLDecodeError",
    "parse_toml",
    "AllowEntry",
    "Baseline",
    "BaselineError",
    "BaselineSplit",
    "BlobChange",
    "BoundaryReport",
    "BoundarySummary",
    "Catalogue",
    "Change",
    "ChangedFile",
    "ClassMetrics",
    "Commit",
    "ConfigError",
    "ContractResult",
    "Cycle",
    "DebtSettings",
    "Entry",
    "FileMetrics",
    "Finding",
    "FunctionMetrics",
    "GateSettings",
    "HEAD_BYTES",
    "Halstead",
    "Hit",
    "ImportSite",
    "DYNAMIC_IMPORT",
    "GET_MODEL",
    "MODEL_REFERENCE",
    "SETTINGS_PATH",
    "URL_INCLUDE",
    "REFERENCE_KINDS",
    "Reference",
    "LineCounts",
    "LintCost",
    "ModuleDecl",
    "ModuleEdge",
    "ModuleSummary",
    "NotAnalysed",
    "PackageMetrics",
    "Revision",
    "Rule",
    "SEVERITIES",
    "Settings",
    "TEST_FOLDERS",
    "ThresholdViolation",
    "Thresholds",
    "Unreadable",
    "Violation",
    "apply_overrides",
    "fingerprint",
    "format_baseline",
    "generated_marker",
    "is_test_path",
    "is_test_rule",
    "normalise_line",
    "numbered_fingerprints",
    "parse_baseline",
    "parse_catalogue",
    "price_lint_hits",
    "price_rule_hits",
    "skipped_folder",
    "split_boundaries",
    "split_by_baseline",
    "update_baseline",
    "DEFAULT_EXCLUDE",
    "Workspace",
    "WorkspaceProject",
    "declared_dependencies",
    "normalise_name",
    "project_of",
    "workspace_projects",
]
