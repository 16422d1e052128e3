import json
from typing import cast

value = cast(int, json.loads('{"id": 1}')["id"])
doc = "# type: ignore"
