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
    if x == 5:
        y += 5
    if x == 6:
        y += 6
    if x == 7:
        y += 7
    if x == 8:
        y += 8
    if x == 9:
        y += 9
    if x == 10:
        y += 10
    if x == 11:
        y += 11
    if x == 12:
        y += 12
    if x == 13:
        y += 13
    if x == 14:
        y += 14
    if x == 15:
        y += 15
    if x == 16:
        y += 16
    if x == 17:
        y += 17
    return y
