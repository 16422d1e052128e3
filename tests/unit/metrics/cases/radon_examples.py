# Cyclomatic complexity: radon's documented examples (its documentation and the cases of its
# ComplexityVisitor tests), written as functions. The cyclomatic values are radon's; the
# cognitive values follow sonar-python's rules.


def factorial(n):  # expect: cognitive=1 cyclomatic=2
    if n < 2:
        return 1
    return n * factorial(n - 1)


def foo(bar):  # expect: cognitive=0 cyclomatic=3
    return sum(i for i in range(bar**2) if bar % i)


def f(a, b, c):  # expect: cognitive=4 cyclomatic=7
    if a and b == 4:  # +1, +1
        return c**c
    elif a and not c:  # +1, +1
        return sum(i for i in range(41) if i & 1)
    return a + b


def g(a, b):  # expect: cognitive=1 cyclomatic=2
    while a < b:  # +1
        b, a = a**2, b**2
    return b


def loop_with_branches(a, b):  # expect: cognitive=5 cyclomatic=5
    while a**b:  # +1
        a, b = b, a * (b - 1)
        if a and b:  # +2, +1
            b = 0
        else:  # +1
            b = 1
    return sum(i for i in range(b))


async def writer(a, b):  # expect: cognitive=1 cyclomatic=2
    async with open("blabla.log", "w") as f:
        async for i in range(100):  # +1
            f.write(str(i) + "\n")


def euclid(p, q):  # expect: cognitive=4 cyclomatic=5
    while p:  # +1
        p, q = q, p - q
    if q < 1:  # +1
        return 1 / q**2
    elif q > 100:  # +1
        return 1 / q**0.5
    return 42 if not q else p  # +1


def g2(a, b, c):  # expect: cognitive=8 cyclomatic=9
    if a and b or a - b:  # +1, +2
        return a / b - c
    elif b or c:  # +1, +1
        return 1
    else:  # +1
        k = 0
        with open("results.txt", "w") as fobj:
            for i in range(b**c):  # +2
                k += sum(1 / j for j in range(i**2) if j > 2)
            fobj.write(str(k))
        return k - 1


class A:  # expect: cognitive=4 cyclomatic=5
    def m(self, a, b):  # expect: cognitive=3 cyclomatic=4
        if not a or b:  # +1, +1
            return b - 1
        try:
            return a / b
        except ZeroDivisionError:  # +1
            return a

    def n(self, k):  # expect: cognitive=1 cyclomatic=3
        while self.m(k) < k:  # +1
            k -= self.m(k**2 - min(self.m(j) for j in range(k**4)))
        return k


class B:  # expect: cognitive=4 cyclomatic=4
    ATTR = 9 if A().n(9) == 9 else 10  # +1
    import sys

    if sys.version_info >= (3, 3):  # +1
        import os

        AT = os.openat("/random/loc")

    def __iter__(self):  # expect: cognitive=0 cyclomatic=1
        return __import__("itertools").tee(B.__dict__)

    def test(self, func):  # expect: cognitive=2 cyclomatic=3
        a = func(self.ATTR, self.AT)
        if a < self.ATTR:  # +1
            yield self
        elif a > self.ATTR**2:  # +1
            yield self.__iter__()
        yield iter(a)


def inner_and_chain(n):  # expect: cognitive=3 cyclomatic=4
    def inner(n):  # expect: cognitive=0 cyclomatic=1
        return n**2

    if n == 0:  # +1
        return 1
    elif n == 1:  # +1
        return n
    elif n < 5:  # +1
        return (n - 1) ** 2
    return n * pow(inner(n), inner_and_chain(n - 1), n - 3)


def closures(n):  # expect: cognitive=2 cyclomatic=2
    def g(l):  # expect: cognitive=0 cyclomatic=1
        return l**4

    def h(i):  # expect: cognitive=1 cyclomatic=2
        return i**5 + 1 if i & 1 else 2  # +2 in closures

    return sum(g(u + 4) / float(h(u)) for u in range(2, n))


def memoize(func):  # expect: cognitive=2 cyclomatic=1
    cache = {}

    def aux(*args, **kwargs):  # expect: cognitive=1 cyclomatic=2 parameters=0
        key = (args, kwargs)
        if key in cache:  # +2 in memoize: it is not a pure wrapper (cache = {})
            return cache[key]
        cache[key] = res = func(*args, **kwargs)
        return res

    return aux
