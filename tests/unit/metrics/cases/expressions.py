# Expressions: comprehensions, ternaries, walrus, assert. radon: a comprehension +1 plus one
# per "if" clause, a ternary +1, an assert +1 without looking into its expression. sonar-python:
# comprehensions (and their "if" clauses) add nothing and do not nest; a ternary is +1 plus
# nesting and nests what it contains; boolean operators count anywhere, asserts included.


def comprehension_filters(rows):  # expect: cognitive=0 cyclomatic=5
    return [cell for row in rows if row for cell in row if cell]


def comprehension_boolean(rows):  # expect: cognitive=1 cyclomatic=4
    return {k: v for k, v in rows if k and v}


def comprehension_ternary(rows):  # expect: cognitive=1 cyclomatic=3
    return [a if a else 0 for a in rows]


def generator_in_loop(rows):  # expect: cognitive=3 cyclomatic=4
    total = 0
    for row in rows:  # +1
        total += sum(x if x > 0 else 0 for x in row)  # +2: nesting 1 from the loop only
    return total


def nested_comprehensions(grid):  # expect: cognitive=0 cyclomatic=4
    return [[c for c in row if c] for row in grid]


def set_and_dict_comprehensions(items):  # expect: cognitive=0 cyclomatic=5
    return {i for i in items}, {i: i for i in items if i}, (i for i in items)


def walrus(data):  # expect: cognitive=2 cyclomatic=3
    if (n := len(data)) > 10 and n < 100:  # +1, +1 (and)
        return n
    return 0


def walrus_in_comprehension(values):  # expect: cognitive=0 cyclomatic=3
    return [y for x in values if (y := f(x))]


def assert_boolean(a, b, c):  # expect: cognitive=2 cyclomatic=2
    assert a and b or c  # radon: +1 for the assert only; sonar: and, or


def assert_ternary_message(a):  # expect: cognitive=1 cyclomatic=2
    assert a, "ok" if a else "no"


def assert_comprehension(items):  # expect: cognitive=0 cyclomatic=2
    assert all(i for i in items if i)


def ternary_chain(x):  # expect: cognitive=6 cyclomatic=4
    return "a" if x == 1 else "b" if x == 2 else "c" if x == 3 else "d"  # +1, +2, +3


def ternary_in_if_test(a, b):  # expect: cognitive=2 cyclomatic=3
    if a if b else None:  # +1 the if, +1 the ternary: a condition is not nested
        return 1
    return 0


def ternary_in_if_body(a, b):  # expect: cognitive=3 cyclomatic=3
    if b:  # +1
        return a if b else None  # +2
    return 0


def ternary_in_ternary_test(a, b, c):  # expect: cognitive=3 cyclomatic=3
    return 1 if (a if b else c) else 2  # +1, +2


def boolean_in_ternary(a, b, c):  # expect: cognitive=3 cyclomatic=4
    return (a and b) if c or a else b  # +1 ternary, +1 and, +1 or


def fstring_and_subscript(items, key):  # expect: cognitive=2 cyclomatic=3
    return f"{items[key] if key else ''}{items[key or 0]}"


def slices_and_calls(items, n):  # expect: cognitive=1 cyclomatic=2
    return items[: n if n else None].copy()
