from pkg.a.impl import x  # codehealth: ignore[CH301] because legacy import
