from pkg.a import y
