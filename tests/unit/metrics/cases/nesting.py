# Cognitive complexity of nested functions, wrappers, classes, lambdas and decorators
# (sonar-python): a nested def raises the nesting level by one unless the outer function is a
# pure wrapper (its body is only the def and "return <name>" statements); a class resets the
# level to 0; nested code counts in the outer function. radon: a closure's complexity does not
# count for its outer function; decorators and signatures count nowhere.


def wrapper_with_docstring(func):  # expect: cognitive=2 cyclomatic=1
    """A docstring is a statement: this is no longer a pure wrapper."""

    def inner():  # expect: cognitive=1 cyclomatic=2
        if func:  # +2 in wrapper_with_docstring
            func()

    return inner


def returns_a_call(func):  # expect: cognitive=2 cyclomatic=1
    def inner():  # expect: cognitive=1 cyclomatic=2
        if func:  # +2: "return inner()" is not a simple return of a name
            func()

    return inner()


def two_returns(func):  # expect: cognitive=1 cyclomatic=1
    def inner():  # expect: cognitive=1 cyclomatic=2
        if func:  # +1: only the def and simple returns
            func()

    return inner
    return func


def decorator_factory(flag):  # expect: cognitive=1 cyclomatic=1
    def decorator(func):  # expect: cognitive=1 cyclomatic=1
        def wrapper():  # expect: cognitive=1 cyclomatic=2
            if flag:  # +1: both enclosing functions are pure wrappers
                func()

        return wrapper

    return decorator


def three_levels(a):  # expect: cognitive=6 cyclomatic=2
    def middle():  # expect: cognitive=3 cyclomatic=2
        def inner():  # expect: cognitive=1 cyclomatic=2
            if a:  # +3 in three_levels (nesting 2), +2 in middle (nesting 1)
                pass

        if a:  # +2 in three_levels, +1 in middle
            inner()

    if a:  # +1
        middle()
    return middle


def def_inside_if(flag):  # expect: cognitive=4 cyclomatic=2
    if flag:  # +1
        def inner():  # expect: cognitive=1 cyclomatic=2
            if flag:  # +3: nesting 1 for the if around the def, +1 for the def
                pass

        inner()


def class_in_loop(items):  # expect: cognitive=2 cyclomatic=2
    for item in items:  # +1

        class Row:  # expect: cognitive=1 cyclomatic=3
            def check(self):  # expect: cognitive=1 cyclomatic=2
                if item:  # +1: the class resets the nesting level to 0
                    return item
                return None


class Service:  # expect: cognitive=3 cyclomatic=3
    def handle(self, request):  # expect: cognitive=3 cyclomatic=2 parameters=1
        def on_error():  # expect: cognitive=1 cyclomatic=2
            if request.retry:  # +2 in handle
                request.send()

        if request.ok:  # +1
            return request
        return on_error()


class Outer:  # expect: cognitive=1 cyclomatic=1
    class Middle:  # expect: cognitive=1 cyclomatic=3
        def method(self, x):  # expect: cognitive=1 cyclomatic=2
            if x:  # +1 in every enclosing class: classes do not nest
                return x
            return None


def lambda_ternary(items):  # expect: cognitive=1 cyclomatic=2
    return sorted(items, key=lambda item: item.size if item else 0)  # +1: no nesting


def lambda_in_loop(items):  # expect: cognitive=3 cyclomatic=3
    for item in items:  # +1
        item.sort(key=lambda x: x if x else 0)  # +2: nesting 1 from the loop


def lambda_boolean(items):  # expect: cognitive=1 cyclomatic=2
    return filter(lambda x: x and x.ok, items)


@register(enabled=FLAG and OTHER)  # sonar: +1 inside the function; radon: nothing
def decorated(x):  # expect: cognitive=2 cyclomatic=2
    if x:  # +1
        return x
    return None


@first
# expect: cognitive=2 cyclomatic=2
@second(1 if FLAG else 2)  # sonar: +1 inside the function; radon: nothing
def two_decorators(x):  # expect: parameters=1 statements=1 returns=1 length=2
    return x or None


def ternary_default(x=1 if FLAG else 2, *, y: int = 3 if FLAG else 4):  # expect: cognitive=2 cyclomatic=1
    return x, y


def annotated(x: int | None) -> str if FLAG else int:  # expect: cognitive=1 cyclomatic=1
    return x


def not_a_method(obj):  # expect: cognitive=0 cyclomatic=1
    def inner(self, other):  # expect: cognitive=0 cyclomatic=1 parameters=2
        return self, other

    return inner
