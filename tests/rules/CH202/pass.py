def total(items):
    label = "FIXME"  # the word in a string is not a marker
    return label, sum(i.price - i.discount for i in items)
