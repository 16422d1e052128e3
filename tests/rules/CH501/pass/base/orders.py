def route_order(x):
    y = 0
    if x == 0:
        y += 0
    if x == 1:
        y += 1
    if x == 2:
        y += 2
    if x == 3:
        y += 3
    if x == 4:
        y += 4
    return y
