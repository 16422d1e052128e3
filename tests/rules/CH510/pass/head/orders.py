from fees import net_total


def ship(order):
    return order.id


def invoice_total(invoices, currency):
    return net_total(invoices, currency)
