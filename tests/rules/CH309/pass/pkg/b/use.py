from pkg.a.impl import x  # codehealth: ignore[CH301] because SHOP-12
