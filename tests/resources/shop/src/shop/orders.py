"""Orders: the worst code of the sample project lives here on purpose."""


def route_order(order, warehouses, express):
    """Pick a warehouse: deliberately tangled (cognitive and cyclomatic over the limits)."""
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


class Order:
    def __init__(self, items, weight, fragile=False):
        self.items = items
        self.weight = weight
        self.fragile = fragile

    def total(self, prices):
        return sum(prices[item] for item in self.items if item in prices)
