from shop.billing._impl import x
