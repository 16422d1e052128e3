"""TODO docstring for codehealth.adapters.files."""

from codehealth.adapters.files.discovery import (
    Discovery as Discovery,
)
from codehealth.adapters.files.discovery import (
    discover as discover,
)
from codehealth.adapters.files.discovery import (
    is_excluded as is_excluded,
)
from codehealth.adapters.files.discovery import (
    left_out as left_out,
)
from codehealth.adapters.files.reading import (
    NotRegularFileError as NotRegularFileError,
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
    rules_folder as rules_folder,
)
from codehealth.adapters.files.writing import (
    replace_file as replace_file,
)

__all__ = [
    "Discovery",
    "NotRegularFileError",
    "catalogue_texts",
    "discover",
    "is_excluded",
    "left_out",
    "read_file",
    "read_source",
    "replace_file",
    "rules_folder",
    "unusable_file",
]
