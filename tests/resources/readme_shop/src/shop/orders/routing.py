"""Routing: the tangled code of the sample project lives here on purpose."""


def route_order(order, warehouses, express):
    """Pick a warehouse."""
    # TODO: prefer the warehouse with express stock
    chosen = None
    for warehouse in warehouses:
        if warehouse.closed:
            continue
        if order.weight > warehouse.max_weight or (order.fragile and not warehouse.careful):
            continue
        for item in order.items:
            if item not in warehouse.stock:
                if express:
                    break
                elif warehouse.can_order(item):
                    continue
                else:
                    break
        else:
            if chosen is None or warehouse.distance < chosen.distance:
                chosen = warehouse
    return chosen
