import json

value = json.loads("{}")["id"]  # type: ignore[index]
