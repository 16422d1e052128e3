def parse(text, strict=False):
    words = text.split()
    if strict:
        words = [w for w in words if w.isalpha()]
    return [w.lower() for w in words]
