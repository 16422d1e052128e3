def never_imported(a):
    return a
