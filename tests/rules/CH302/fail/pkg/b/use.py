from pkg.a import _x
