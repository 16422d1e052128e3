def parse(text):
    words = text.split()
    return [w.lower() for w in words]
