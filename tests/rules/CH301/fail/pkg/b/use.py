from pkg.a.impl import x
