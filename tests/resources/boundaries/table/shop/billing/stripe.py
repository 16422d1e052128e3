client = object()
