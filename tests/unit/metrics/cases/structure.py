# Size and shape of a function: max_nesting (depth of nested if/for/while/try/with/match
# blocks; elif/else/except/finally bodies are at the depth of their if/try), parameters
# (self/cls of methods, *args and **kwargs not counted), statements (statements in the body;
# a nested def or class is one statement, its own body is not counted), returns, length (def
# line to last line).


def flat():  # expect: cognitive=0 max_nesting=0 parameters=0 statements=2 returns=1 length=3
    value = 1
    return value


def one_liner(x): return x  # expect: cognitive=0 max_nesting=0 parameters=1 statements=1 returns=1 length=1


def documented(a, b):  # expect: cognitive=0 statements=2 returns=1 length=6
    """A docstring is an expression statement.

    It spans lines.
    """
    return a + b


def depth_of_chains(a, b, c):  # expect: cognitive=5 max_nesting=2 statements=7 returns=0
    if a:
        x = 1
    elif b:
        if c:
            x = 2
    else:
        x = 3
    return_value = x


def depth_of_handlers(a):  # expect: cognitive=3 max_nesting=2 statements=5 returns=0
    try:
        pass
    except ValueError:
        for _ in a:
            pass
    finally:
        pass


def deep(a):  # expect: cognitive=13 max_nesting=6 returns=1
    for x in a:
        while x:
            with x:
                try:
                    if x:
                        if a:
                            return x
                except OSError:
                    pass


def nested_def_depth_is_separate(a):  # expect: cognitive=8 max_nesting=1 statements=4 returns=1
    if a:
        def inner():  # expect: cognitive=3 max_nesting=2 statements=3 returns=1
            for x in a:
                if x:
                    return x

        inner()
    return None


def returns_counted(a):  # expect: cognitive=2 returns=3 statements=5
    if a:
        return 1
    for x in a:
        return x
    return


def returns_of_nested_not_counted(a):  # expect: cognitive=0 returns=1 statements=3
    def inner():  # expect: cognitive=0 returns=2
        return 1
        return 2

    class Local:  # a class is one statement of its enclosing function
        def m(self):  # expect: cognitive=0 returns=1 statements=1 parameters=0
            return 3

    return inner


def all_parameter_kinds(a, b=1, /, c=2, *args, d, e=3, **kwargs):  # expect: cognitive=0 parameters=5
    pass


def no_parameters():  # expect: cognitive=0 parameters=0 statements=1
    ...


class Methods:
    def method(self, a, b):  # expect: cognitive=0 parameters=2
        pass

    @classmethod
    def build(cls, a):  # expect: cognitive=0 parameters=1
        pass

    @staticmethod
    def helper(a, b):  # expect: cognitive=0 parameters=2
        pass

    def varargs(self, *args, key, **kwargs):  # expect: cognitive=0 parameters=1
        pass

    async def coroutine(self):  # expect: cognitive=0 parameters=0
        pass

    def only_varargs(*args):  # expect: cognitive=0 parameters=0
        pass


def statements_of_every_kind(a):  # expect: cognitive=2 statements=16 returns=1
    import os
    from sys import path
    global G
    x: int = 1
    y = z = 2
    x += 1
    del z
    print(x, y)
    raise_it = False
    if raise_it:
        raise ValueError
    assert os and path
    with open(a):
        pass
    lambda: (yield)
    return x


def generator(a):  # expect: cognitive=1 statements=3 returns=0
    for x in a:
        yield x
    yield from a


@decorator(
    1,
    2,
)
def decorated_length(a):  # expect: cognitive=0 length=2
    return a
