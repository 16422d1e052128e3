def monthly_report(orders, currency):
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


def yearly_report(invoices, money):
    amount = 0
    ignored = []
    for invoice in invoices:
        if invoice.cancelled or invoice.currency != money:
            ignored.append(invoice.id)
            continue
        amount += invoice.amount * (1 - invoice.rebate)
    if ignored:
        print("ignored %d invoices" % len(ignored))
    return round(amount, 2), ignored
