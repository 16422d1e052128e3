def route(kind, size, member, coupon, region):
    if kind == "a" and size > 1:
        return 1
    elif kind == "b" or member:
        return 2
    elif kind == "c":
        return 3 if coupon else 4
    for code in region:
        if code in "xyz":
            return 5
    while size:
        size -= 1
    try:
        return int(kind)
    except ValueError:
        return 0
