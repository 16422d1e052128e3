# try/except/except*/else/finally, with, async. radon: +1 per except handler and +1 for a
# try's else; a try/except* (TryStar) counts nothing at all; with and async with count
# nothing; async for counts like for. sonar-python: except and except* +1 plus nesting,
# their bodies nested; try, finally and with bodies are not nested; else +1 flat.


def try_star(group):  # expect: cognitive=3 cyclomatic=2
    try:
        group.run()
    except* ValueError:  # +1
        if group.strict:  # +2
            raise
    finally:
        group.close()


def try_star_else(group):  # expect: cognitive=3 cyclomatic=1
    try:
        group.run()
    except* KeyError:  # +1
        pass
    except* OSError:  # +1
        pass
    else:  # +1
        group.done()


def try_in_except(job):  # expect: cognitive=6 cyclomatic=4 max_nesting=3
    try:
        job.run()
    except RuntimeError:  # +1
        try:
            job.undo()
        except RuntimeError:  # +2
            if job.log:  # +3
                job.report()


def bare_except_and_else(job):  # expect: cognitive=3 cyclomatic=4 statements=6
    try:
        job.run()
    except:  # +1
        job.fail()
    else:  # +1
        job.ok()
    finally:
        while job.busy:  # +1
            job.wait()


def nested_withs(path, lock):  # expect: cognitive=3 cyclomatic=3 max_nesting=4
    with lock:
        with open(path) as handle, lock:
            if handle.readable():  # +1: with does not nest
                for line in handle:  # +2
                    print(line)


async def async_blocks(stream, lock):  # expect: cognitive=3 cyclomatic=3 max_nesting=3
    async with lock:
        async for chunk in stream:  # +1
            if chunk:  # +2
                await handle(chunk)


async def async_for_else(stream):  # expect: cognitive=2 cyclomatic=3
    async for chunk in stream:  # +1
        await handle(chunk)
    else:  # +1
        await done()


async def async_comprehension(stream):  # expect: cognitive=0 cyclomatic=3
    return [x async for x in stream if x]


async def await_in_condition(client):  # expect: cognitive=4 cyclomatic=4 returns=1
    while await client.more():  # +1
        if await client.ready() or client.closed:  # +2, +1 (or)
            return None
