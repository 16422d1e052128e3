# Cognitive complexity of boolean operators (sonar-python): +1 for a sequence of like
# operators and +1 at each change of operator; a parenthesised sub-expression starts a
# sequence of its own. radon counts every operand after the first of each and/or (+1 each).


def one_and(a, b):  # expect: cognitive=1 cyclomatic=2
    return a and b


def long_or(a, b, c, d, e):  # expect: cognitive=1 cyclomatic=5
    return a or b or c or d or e


def unparenthesised_middle(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return a or b and c or d  # or, and, or: three runs


def parenthesised_middle(a, b, c, d):  # expect: cognitive=2 cyclomatic=4
    return a or (b and c) or d  # or-run +1, the group +1


def and_first(a, b, c):  # expect: cognitive=2 cyclomatic=3
    return a and b or c  # and, or


def and_last(a, b, c):  # expect: cognitive=2 cyclomatic=3
    return a or b and c  # or, and


def alternating(a, b, c, d, e, f):  # expect: cognitive=5 cyclomatic=6
    return a or b and c or d and e or f  # or, and, or, and, or


def parenthesised_same_operator(a, b, c):  # expect: cognitive=2 cyclomatic=3
    return (a or b) or c  # the group is a sequence of its own even with the same operator


def parenthesised_first(a, b, c, d):  # expect: cognitive=2 cyclomatic=4
    return (a and b) or c or d


def doubly_parenthesised(a, b, c, d):  # expect: cognitive=2 cyclomatic=4
    return a or ((b and c)) or d


def group_then_more(a, b, c, d, e):  # expect: cognitive=4 cyclomatic=5
    return a or (b and c) and d or e  # or, and, or ("(b and c) and d" is an operand); +1 the group


def negated(a, b, c):  # expect: cognitive=2 cyclomatic=3
    return a or not (b and c)


def in_call_arguments(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return f(a and b or c, d and a)  # and, or; and


def inside_call_in_sequence(a, b, c):  # expect: cognitive=2 cyclomatic=3
    return f(a and b) or c  # the call's argument is a sequence of its own


def walrus_group(a, b, c, d):  # expect: cognitive=2 cyclomatic=5
    return a or (y := b and c) or d or y


def split_over_lines(a, b, c, d):  # expect: cognitive=4 cyclomatic=5
    if (
        a
        or b and c
        or d
    ):  # if +1; or, and, or +3
        return 1
    return 0


def operand_at_line_start(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return (
        a or
        b and c
        or d
    )


def backslash_continuation(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return a or \
        b and c or d


def comment_between_operands(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return (
        a
        or  # the next operand is not in parentheses
        b and c
        or d
    )


def comment_ending_in_a_bracket(a, b, c, d):  # expect: cognitive=3 cyclomatic=4
    return (
        a
        or  # no group follows, whatever this comment ends with :-(
        b and c
        or d
    )


def hash_in_a_string_before_a_group(a, b):  # expect: cognitive=2 cyclomatic=3
    return "#" and (  # found by the layout property of the fuzz tests
        a and b
    )


def group_after_a_string_with_a_bracket(a, b, c):  # expect: cognitive=2 cyclomatic=4
    return a and ")" and (
        b and c
    )


def in_comprehension_condition(rows, a):  # expect: cognitive=2 cyclomatic=5
    return [r for r in rows if r and a or not r]  # and, or


def in_while_and_ternary(a, b, c):  # expect: cognitive=5 cyclomatic=5
    while a and b:  # +1, +1 (and)
        a = c if b or c else None  # +2 (nesting 1), +1 (or)
    return a
