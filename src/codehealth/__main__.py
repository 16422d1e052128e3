"""``python -m codehealth``."""

import sys

from codehealth.launch import main

sys.exit(main())
