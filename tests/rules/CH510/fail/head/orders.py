def ship(order):
    return order.id


def invoice_total(invoices, currency):
    total = 0
    skipped = []
    for invoice in invoices:
        if invoice.cancelled or invoice.currency != currency:
            skipped.append(invoice.id)
            continue
        total += invoice.amount * (1 - invoice.discount)
    if skipped:
        print("skipped %d invoices" % len(skipped))
    return round(total, 3), skipped
