# Cognitive complexity: the shapes of sonar-python's own test resource
# (python-frontend/src/test/resources/metrics/cognitive-complexities.py), rewritten with code
# of our own. Each trailing "+N" is the increment sonar's CognitiveComplexityVisitor adds
# (1 + the nesting level for if/for/while/except/ternary; a flat 1 for elif/else and for each
# run of a boolean operator). sonar's own test asserts 91 for its whole file; the same shapes
# sum to 91 here (functions, the class, and the module-level if/elif/else).
# expect-file: cognitive=91


def echo(items):  # expect: cognitive=0 cyclomatic=1
    return items


def pick_label(kind):  # expect: cognitive=3 cyclomatic=3
    if kind == "a":  # +1
        label = 1
    elif kind == "b":  # +1
        label = 2
    else:  # +1
        label = 3
    return label


def clamp_in_else(value):  # expect: cognitive=4 cyclomatic=3
    if value is None:  # +1
        return 0
    else:  # +1
        if value > 10:  # +2 (nesting 1: an else body is nested)
            return 10
    return value


def else_of_inner_if(a, b):  # expect: cognitive=4 cyclomatic=3
    if a:  # +1
        if b:  # +2
            return 1
        else:  # +1
            return 2
    return 3


def three_ifs_deep(a, b, c):  # expect: cognitive=6 cyclomatic=4 max_nesting=3
    if a:  # +1
        if b:  # +2
            if c:  # +3
                return True
    return False


def if_inside_elif(x):  # expect: cognitive=4 cyclomatic=4
    if x < 0:  # +1
        return -1
    elif x > 0:  # +1
        if x > 100:  # +2 (an elif body is nested like the if body)
            return 2
    return 0


def drain(queue):  # expect: cognitive=4 cyclomatic=3
    while queue:  # +1
        if queue[0]:  # +2
            queue.pop()
        else:  # +1
            break


def count_down(n):  # expect: cognitive=4 cyclomatic=4
    while n > 0:  # +1
        n -= 1
    else:  # +1
        if n == 0:  # +2 (the loop's else body is nested)
            n = None
    return n


def print_words(words):  # expect: cognitive=4 cyclomatic=3
    for word in words:  # +1
        if word:  # +2
            print(word)
        else:  # +1
            print("-")


def print_or_complain(words):  # expect: cognitive=4 cyclomatic=4
    for word in words:  # +1
        print(word)
    else:  # +1
        if not words:  # +2
            print("empty")


def run_guarded(job):  # expect: cognitive=11 cyclomatic=9
    try:
        if job.ready:  # +1 (a try body is not nested)
            job.run()
    except KeyError:  # +1
        if job.retry:  # +2
            job.run()
    except ValueError:  # +1
        if job.log:  # +2
            job.report()
    except (OSError, TypeError):  # +1
        if job.loud:  # +2
            raise
    finally:
        if job.open:  # +1 (a finally body is not nested)
            job.close()


def use_and_release(resource):  # expect: cognitive=2 cyclomatic=3
    try:
        if resource:  # +1
            resource.use()
    finally:
        if resource:  # +1
            resource.release()


def read_if_open(path):  # expect: cognitive=4 cyclomatic=4
    try:
        handle = open(path)
    except OSError:  # +1
        handle = None
    else:  # +1
        if handle.readable():  # +2
            handle.read()
    return handle


def jumps(x, items):  # expect: cognitive=6 cyclomatic=6 returns=2
    if x:  # +1
        return None
    elif items:  # +1
        return 42

    while items:  # +1
        if items[-1]:  # +2
            break
        elif items[0]:  # +1
            continue
        items.pop()


def factorial(n):  # expect: cognitive=2 cyclomatic=2
    if n <= 1:  # +1
        return 1
    else:  # +1 (recursion adds nothing in sonar-python)
        return n * factorial(n - 1)


def with_helper(flag):  # expect: cognitive=3 cyclomatic=2
    if flag:  # +1
        print(flag)

    def helper():  # expect: cognitive=1 cyclomatic=2
        if flag:  # +2 in with_helper (a nested def raises the nesting), +1 on its own
            print(flag)

    helper()


def logged(func):  # expect: cognitive=1 cyclomatic=1
    def wrapper(*args):  # expect: cognitive=1 cyclomatic=2 parameters=0
        if args:  # +1 (logged is a pure wrapper: only the def and "return wrapper")
            print("calling")
        return func(*args)

    return wrapper


def logged_unless_none(func):  # expect: cognitive=3 cyclomatic=2
    def wrapper():  # expect: cognitive=1 cyclomatic=2
        if func:  # +2 (the outer function is not a pure wrapper: its return has a ternary)
            print("calling")
        func()

    return wrapper if func else None  # +1


def boolean_runs(a, b, c, d):  # expect: cognitive=7 cyclomatic=13
    use(a and b and c and d)  # +1
    use(a or b or c or d)  # +1
    use(a and b or c or d)  # +2
    use(a and b or c and d)  # +3


class Holder:  # expect: cognitive=1 cyclomatic=3
    def method(self, flag):  # expect: cognitive=1 cyclomatic=2 parameters=1
        if flag:  # +1

            class Inner:  # expect: cognitive=0 cyclomatic=1
                pass


def yes_no(flag):  # expect: cognitive=1 cyclomatic=2
    return "yes" if flag else "no"  # +1


def ternary_in_else_branch(a, b):  # expect: cognitive=3 cyclomatic=3
    x = 1 if a else (2 if b else 3)  # +1, +2 (nesting 1 inside the first ternary)
    return x


def ternary_in_then_branch(a, b):  # expect: cognitive=3 cyclomatic=3
    y = (1 if a else 2) if b else 3  # +1, +2
    return y


def returns_inner(callback):  # expect: cognitive=0 cyclomatic=1
    def inner():  # expect: cognitive=0 cyclomatic=1
        callback()

    callback()
    return inner


# Code outside any function counts for the file.
if MODE == 1:  # +1
    SETTING = 1
elif MODE == 2:  # +1
    SETTING = 2
else:  # +1
    SETTING = 3


def inner_and_class(a):  # expect: cognitive=4 cyclomatic=2
    def inner(b):  # expect: cognitive=1 cyclomatic=2
        return 1 if b else 2  # +2 in inner_and_class (nesting 1)

    class Local:  # expect: cognitive=1 cyclomatic=3
        # A class resets the nesting level to 0.
        def method(self, b):  # expect: cognitive=1 cyclomatic=2
            return 1 if b else 2  # +1

    return 1 if a else 2  # +1
