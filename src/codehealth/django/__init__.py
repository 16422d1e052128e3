"""Django projects read statically: the settings module (``locate``), ``INSTALLED_APPS`` and
the app labels (``project``), and the couplings no import shows (``references``): model
strings, ``get_model``, URL includes and settings paths. Pure: nothing is imported or run."""

from codehealth.django.locate import (
    find_settings_module as find_settings_module,
)
from codehealth.django.project import (
    read_django_project as read_django_project,
)
from codehealth.django.records import (
    DjangoApp as DjangoApp,
)
from codehealth.django.records import (
    DjangoProject as DjangoProject,
)
from codehealth.django.references import (
    RELATION_FIELDS as RELATION_FIELDS,
)
from codehealth.django.references import (
    may_reference as may_reference,
)
from codehealth.django.references import (
    mention_lines as mention_lines,
)
from codehealth.django.references import (
    string_references as string_references,
)

__all__ = [
    "RELATION_FIELDS",
    "DjangoApp",
    "DjangoProject",
    "find_settings_module",
    "may_reference",
    "mention_lines",
    "read_django_project",
    "string_references",
]
