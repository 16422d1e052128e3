def sync(items, strict):
    for item in items:
        if item.changed:
            for field in item.fields:
                if field.dirty and not field.locked:
                    if strict or field.required:
                        save(field)
                    else:
                        skip(field)
                elif field.new:
                    while field.pending:
                        field.step()


def save(field):
    return field


def skip(field):
    return field
