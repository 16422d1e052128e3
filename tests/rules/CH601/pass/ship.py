def ship(order):
    if order.express:
        days = 1
    elif order.country != "FR":
        days = 5
    else:
        days = 2
    if order.fragile and order.heavy:
        days += 1
    for item in order.items:
        if item.backordered:
            days += 7
    return days
