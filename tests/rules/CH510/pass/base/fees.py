def net_total(orders, currency):
    total = 0
    skipped = []
    for order in orders:
        if order.cancelled or order.currency != currency:
            skipped.append(order.id)
            continue
        total += order.amount * (1 - order.discount)
    if skipped:
        print("skipped %d orders" % len(skipped))
    return round(total, 2), skipped
