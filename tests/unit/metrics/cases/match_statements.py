# match/case. radon: +1 per case except a catch-all ("case _" or a bare capture such as
# "case other", whose pattern is a MatchAs without a sub-pattern). sonar-python: match and case
# add nothing, a case body is nested one level (its guard is not). Block depth: the cases are
# one level below the match, their bodies the next.


def two_cases(command):  # expect: cognitive=0 cyclomatic=3 max_nesting=2
    match command:
        case "start":
            run()
        case "stop":
            halt()


def with_wildcard(command):  # expect: cognitive=0 cyclomatic=3
    match command:
        case "start":
            run()
        case "stop":
            halt()
        case _:
            pass


def only_wildcard(value):  # expect: cognitive=0 cyclomatic=1
    match value:
        case _:
            pass


def capture_counts_as_catch_all(value):  # expect: cognitive=0 cyclomatic=2
    match value:
        case 1:
            pass
        case other:
            print(other)


def or_and_class_patterns(point):  # expect: cognitive=0 cyclomatic=4
    match point:
        case 0 | 1:
            pass
        case Point(x=0) as p:
            print(p)
        case [_, *rest]:
            print(rest)


def nested_bodies(event):  # expect: cognitive=7 cyclomatic=7 max_nesting=3
    match event:
        case {"type": "click"}:
            if event.get("button"):  # +2: a case body is nested one level
                click()
        case ["key", key] if key and event:  # +1 (and)
            for ch in key:  # +2
                press(ch)
        case _:
            if event:  # +2
                ignore()


def guard_versus_body(x, y):  # expect: cognitive=3 cyclomatic=4
    match x:
        case 1 if (y if y else x):  # +1: the guard is not inside the case body
            return 1 if y else 2  # +2


def match_in_loop(items):  # expect: cognitive=4 cyclomatic=5 max_nesting=4
    for item in items:  # +1
        match item:
            case int():
                if item:  # +3: nesting 1 for the loop, 1 for the case body
                    pass
            case str():
                pass


def match_in_match(a, b):  # expect: cognitive=0 cyclomatic=4 max_nesting=4
    match a:
        case 1:
            match b:
                case 2:
                    pass
                case 3:
                    pass
        case _:
            pass
