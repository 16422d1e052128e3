"""Files of the analysed project: discovery, reading, atomic writing, the baseline file and
the rule catalogue files."""

from codehealth.adapters.files.baseline_file import (
    accepted_fingerprints as accepted_fingerprints,
)
from codehealth.adapters.files.baseline_file import (
    baseline_path as baseline_path,
)
from codehealth.adapters.files.baseline_file import (
    read_baseline as read_baseline,
)
from codehealth.adapters.files.discovery import (
    Discovery as Discovery,
)
from codehealth.adapters.files.discovery import (
    discover as discover,
)
from codehealth.adapters.files.discovery import (
    excluder as excluder,
)
from codehealth.adapters.files.discovery import (
    is_excluded as is_excluded,
)
from codehealth.adapters.files.discovery import (
    left_out as left_out,
)
from codehealth.adapters.files.reading import (
    read_file as read_file,
)
from codehealth.adapters.files.reading import (
    read_source as read_source,
)
from codehealth.adapters.files.reading import (
    unusable_file as unusable_file,
)
from codehealth.adapters.files.rules_files import (
    catalogue_texts as catalogue_texts,
)
from codehealth.adapters.files.rules_files import (
    load_catalogue as load_catalogue,
)
from codehealth.adapters.files.rules_files import (
    rules_folder as rules_folder,
)
from codehealth.adapters.files.settings_files import (
    load_settings as load_settings,
)
from codehealth.adapters.files.settings_files import (
    read_toml as read_toml,
)
from codehealth.adapters.files.workspace_files import (
    load_workspace as load_workspace,
)
from codehealth.adapters.files.writing import (
    output_path as output_path,
)
from codehealth.adapters.files.writing import (
    page_path as page_path,
)
from codehealth.adapters.files.writing import (
    replace_file as replace_file,
)
from codehealth.adapters.files.writing import (
    write_page as write_page,
)

__all__ = [
    "output_path",
    "page_path",
    "write_page",
    "load_catalogue",
    "load_settings",
    "load_workspace",
    "read_toml",
    "Discovery",
    "accepted_fingerprints",
    "baseline_path",
    "catalogue_texts",
    "discover",
    "excluder",
    "is_excluded",
    "left_out",
    "read_baseline",
    "read_file",
    "read_source",
    "replace_file",
    "rules_folder",
    "unusable_file",
]
