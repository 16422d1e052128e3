def net_total(items, currency):
    skipped = [i.id for i in items if i.cancelled or i.currency != currency]
    kept = (i.amount * (1 - i.discount) for i in items if i.id not in skipped)
    if skipped:
        print("skipped %d items" % len(skipped))
    return round(sum(kept), 2), skipped


def monthly_report(orders, currency):
    return net_total(orders, currency)


def yearly_report(invoices, currency):
    return net_total(invoices, currency)
