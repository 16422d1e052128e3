"""``python -m codehealth``."""

import sys

from codehealth.cli import main

sys.exit(main())
