# Cognitive complexity: the examples of G. Ann Campbell's white paper "Cognitive Complexity"
# (SonarSource), translated to Python. Where Python has no equivalent construct the comment
# says what stands in for it and what sonar-python's rules make of it.


# The paper's sumOfPrimes (7): Java's labelled "continue OUT" (+1) becomes a for-else (+1).
def sum_of_primes(limit):  # expect: cognitive=7 cyclomatic=5 max_nesting=3
    total = 0
    for i in range(1, limit + 1):  # +1
        for j in range(2, i):  # +2
            if i % j == 0:  # +3
                break
        else:  # +1
            total += i
    return total


# The paper's getWords: one switch costs 1. sonar-python has no switch; an if/elif/else
# chain costs 1 for the if and a flat 1 for each elif and the else.
def get_words(number):  # expect: cognitive=4 cyclomatic=4 returns=4
    if number == 1:  # +1
        return "one"
    elif number == 2:  # +1
        return "a couple"
    elif number == 3:  # +1
        return "a few"
    else:  # +1
        return "lots"


# The same with match: sonar-python's visitor adds nothing for match/case (the paper would
# count the switch as 1); radon counts each case but the catch-all.
def get_words_match(number):  # expect: cognitive=0 cyclomatic=4 returns=4
    match number:
        case 1:
            return "one"
        case 2:
            return "a couple"
        case 3:
            return "a few"
        case _:
            return "lots"


# The paper's nesting example (9): try does not nest, catch does.
def my_method(condition1, condition2):  # expect: cognitive=9 cyclomatic=6 max_nesting=4
    try:
        if condition1:  # +1
            for i in range(10):  # +2
                while condition2:  # +3
                    condition2 = step(i)
    except (ValueError, TypeError):  # +1
        if condition2:  # +2
            recover()


# The paper's lambda example (2): a Java lambda raises the nesting; in Python the body of
# such a lambda must be a nested def, which sonar-python nests the same way.
def my_method2(condition1):  # expect: cognitive=2 cyclomatic=1
    def runnable():  # expect: cognitive=1 cyclomatic=2
        if condition1:  # +2 in my_method2
            act()

    schedule(runnable)


# The paper's overriddenSymbolFrom (19).
def overridden_symbol_from(finder, class_type):  # expect: cognitive=19 cyclomatic=10 returns=4
    if class_type.is_unknown():  # +1
        return UNKNOWN
    unknown_found = False
    symbols = class_type.symbol.members().lookup(finder.name)
    for override_symbol in symbols:  # +1
        if override_symbol.is_method() and not override_symbol.is_static():  # +2, +1 (and)
            method_symbol = override_symbol
            if finder.can_override(method_symbol):  # +3
                overriding = check_overriding_parameters(method_symbol, class_type)
                if overriding is None:  # +4
                    if not unknown_found:  # +5
                        unknown_found = True
                elif overriding:  # +1
                    return method_symbol
    if unknown_found:  # +1
        return UNKNOWN
    return None


# The paper's sequences of logical operators: "a && b && c || d || e && f" is one if (+1) and
# three runs of like operators (+3).
def mixed_operators(a, b, c, d, e, f):  # expect: cognitive=4 cyclomatic=7
    if a and b and c or d or e and f:  # +1, +1 (and), +1 (or), +1 (and)
        return True
    return False


# "a && !(b && c)": the negated group is a sequence of its own.
def negated_group(a, b, c):  # expect: cognitive=3 cyclomatic=4
    if a and not (b and c):  # +1, +1 (and), +1 (and)
        return True
    return False


# The paper: recursion adds +1 per method in the cycle; sonar-python does not implement it.
def recursive_sum(items):  # expect: cognitive=1 cyclomatic=2
    if not items:  # +1
        return 0
    return items[0] + recursive_sum(items[1:])
