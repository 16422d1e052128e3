def sync(items):
    for field in dirty_fields(items):
        save(field)


def dirty_fields(items):
    return [f for i in items if i.changed for f in i.fields if f.dirty and not f.locked]


def save(field):
    return field
